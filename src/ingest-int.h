/*
 * ingest-int.h: what the parts of the ingest module share.  ingest.c reads
 * files (CSV, JSON, JSON Lines, Markdown, text) into cJSON records;
 * ingest-rec.c validates one record and upserts it (ingest-field.c: the
 * fields; ingest-product.c, ingest-doc.c, ingest-order.c: products,
 * documents, orders and carts); ingest-md.c splits
 * document bodies into chunks.  Not for other modules.
 */
#ifndef INGEST_INT_H
#define INGEST_INT_H

#include <stddef.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "shopdesk.h"
#include "ingest.h"

struct sbuf;
struct store;
struct ingest_seen;

/* Record kinds, in the order a JSON object of arrays is loaded. */
enum ingest_kind {
	INGEST_NONE = 0,
	INGEST_CUSTOMER,
	INGEST_PRODUCT,
	INGEST_FAQ,
	INGEST_POLICY,
	INGEST_MANUAL,
	INGEST_TICKET,
	INGEST_ORDER,
	INGEST_CART,
	INGEST_CONVERSATION,	/* training data (ingest-conv.c) */
};

/* A record waiting for its customer (which may come later in the file). */
struct ingest_pending {
	cJSON		*rec;		/* owned */
	enum ingest_kind kind;
	unsigned long	 line;
};

/* State of one file being loaded. */
struct ingest_ctx {
	struct store	*st;
	const struct ingest_opts *opts;
	struct ingest_stats *stats;	/* this file's counts */
	const char	*path;		/* as named in messages */
	const char	*now;		/* store_now() when the file started */
	int		 from_csv;	/* numbers and tags arrive as text */
	struct ingest_pending *pending;	/* orders and carts to retry */
	size_t		 npending;
	size_t		 pending_cap;
	struct ingest_seen *seen;	/* keys read so far, with their line */
	int		 check;		/* validate only; write nothing */
	int		 batched;	/* commit every INGEST_BATCH records */
	long long	 committed;	/* records in batches committed */
	unsigned long	 line;		/* of the record being loaded */
	int		 retry;		/* loading pending records again */
	long long	 nconv;		/* conversations met in this pass */
};

/* The kind named by a --kind or "type" value; INGEST_NONE if unknown. */
enum ingest_kind ingest_kind_parse(const char *);
const char	*ingest_kind_name(enum ingest_kind);
/* Whether name is a field some record kind has (for --map). */
int		 ingest_field_known(const char *);

/*
 * Validate one record of the given kind and upsert it.  Takes ownership
 * of rec (it may be kept as pending until ingest_rec_finish).  err holds
 * the message without the "file:line: " prefix.
 */
enum sd_rc	 ingest_rec_load(struct ingest_ctx *, cJSON *rec,
		    enum ingest_kind, unsigned long line, struct sd_error *);
/* Retry pending records at the end of a file; err names their line. */
enum sd_rc	 ingest_rec_finish(struct ingest_ctx *, struct sd_error *);
/* Free pending records (after an error). */
void		 ingest_rec_discard(struct ingest_ctx *);
/*
 * Refuse a second record of class cls with key id in one file (err:
 * "duplicate what \"id\": already on line N").
 */
enum sd_rc	 ingest_seen_once(struct ingest_ctx *, int cls,
		    const char *what, const char *id, struct sd_error *);

/*
 * Field checks and SQL helpers of ingest-rec.c, shared with
 * ingest-order.c.  The getters read field f of rec (required: absence
 * is an error) and name the field in err.
 */
enum sd_rc	 ingest_get_str(cJSON *rec, const char *f, int required,
		    const char **out, struct sd_error *);
enum sd_rc	 ingest_get_sku(cJSON *rec, const char *f, int required,
		    const char **out, struct sd_error *);
enum sd_rc	 ingest_get_range(struct ingest_ctx *, cJSON *rec,
		    const char *f, int required, double min, double max,
		    double *out, int *present, struct sd_error *);
enum sd_rc	 ingest_get_int(struct ingest_ctx *, cJSON *rec, const char *f,
		    int required, long long min, long long *out, int *present,
		    struct sd_error *);
/* An ISO 8601 time. */
enum sd_rc	 ingest_get_time(cJSON *rec, const char *f, int required,
		    const char **out, struct sd_error *);
/* One of set (NULL-terminated), dflt when absent. */
enum sd_rc	 ingest_get_enum(cJSON *rec, const char *f, const char *dflt,
		    const char *const *set, const char **out,
		    struct sd_error *);
/* The line of the record of class cls with key id seen before, or 0. */
unsigned long	 ingest_seen_line(struct ingest_ctx *, int cls,
		    const char *id);
/* Bind v (NULL: SQL NULL) as parameter i. */
void		 ingest_bind_str(sqlite3_stmt *, int i, const char *v);
/* Column i of the row equals v (NULL: SQL NULL). */
int		 ingest_col_eq(sqlite3_stmt *, int i, const char *v);
/* Step an upsert: 1 inserted, 2 updated, 0 unchanged, -1 failed. */
int		 ingest_step_upsert(struct store *, sqlite3_stmt *);
/* Count an upsert's outcome (as ingest_step_upsert gives it). */
void		 ingest_count(struct ingest_ctx *, int what);
/* SQLite's complaint about record id of kind what. */
enum sd_rc	 ingest_db_fail(struct ingest_ctx *, struct sd_error *,
		    const char *what, const char *id);
/* Whether s is a plain decimal number as JSON writes one; *out its value. */
int		 ingest_plain_decimal(const char *s, double *out);
/* The "tags" field as comma-joined text in out. */
enum sd_rc	 ingest_get_tags(cJSON *rec, struct sbuf *out,
		    struct sd_error *);
/* Bind v as a real, or NULL when not present. */
void		 ingest_bind_num(sqlite3_stmt *, int i, int present, double v);
/* Free the keys a file has used (NULL is fine). */
void		 ingest_seen_free(struct ingest_seen *);

/* ingest-product.c: a product record. */
enum sd_rc	 ingest_load_product(struct ingest_ctx *, cJSON *rec,
		    struct sd_error *);
/* ingest-doc.c: a document record of the given kind. */
enum sd_rc	 ingest_load_doc(struct ingest_ctx *, cJSON *rec,
		    enum ingest_kind, struct sd_error *);

/* ingest-order.c: an order or a cart; *deferred when it must wait for
 * its customer (final: it may not). */
enum sd_rc	 ingest_load_order(struct ingest_ctx *, cJSON *rec, int final,
		    int *deferred, struct sd_error *);
enum sd_rc	 ingest_load_cart(struct ingest_ctx *, cJSON *rec, int final,
		    int *deferred, struct sd_error *);

/*
 * Reading one file (ingest.c; the format readers are ingest-read.c).
 */
/* What reading one file needs beyond ingest_ctx. */
struct reader {
	struct ingest_ctx *c;
	const char	*buf;		/* the whole file */
	size_t		 len;
	size_t		 line_off;	/* offset whose line is line_no */
	unsigned long	 line_no;
	long long	 records;	/* for progress */
	long long	 batch_rows;	/* records since the last commit */
	enum ingest_kind force;		/* --kind, or INGEST_NONE */
	int		 mapped;	/* --map already renamed CSV columns */
	struct sd_error	*err;
};

/* The line of offset off; offsets must not go backwards between calls. */
unsigned long	 ingest_line_at(struct reader *, size_t off);
/* Set the error to "path:line: what" for the byte at offset off. */
enum sd_rc	 ingest_fail_at(struct reader *, size_t off, enum sd_rc,
		    const char *, ...) __attribute__((format(printf, 4, 5)));
/* A short, printable excerpt of the input at p for messages. */
void		 ingest_excerpt(struct sbuf *, const char *p, const char *end);
/* Rename the file's COLUMN to our FIELD for every --map. */
void		 ingest_apply_maps(const struct ingest_opts *, cJSON *rec);
/*
 * One record found at offset off (and line): check it is an object, find
 * its kind, load it.  Takes ownership of rec.
 */
enum sd_rc	 ingest_handle_record(struct reader *, cJSON *rec,
		    enum ingest_kind section, size_t off, unsigned long line);
/* The first offset from pos that is not JSON white space. */
size_t		 ingest_skip_ws(const char *buf, size_t len, size_t pos);
/* The readers of each format (ingest-read.c). */
enum sd_rc	 ingest_read_json(struct reader *);
enum sd_rc	 ingest_read_jsonl(struct reader *);
enum sd_rc	 ingest_read_csv(struct reader *);
enum sd_rc	 ingest_read_document(struct reader *, int markdown);

/* ingest-conv.c: one conversation of training data; rec stays the
 * caller's.  err as for ingest_rec_load. */
enum sd_rc	 ingest_conv_load(struct ingest_ctx *, cJSON *rec,
		    struct sd_error *);

/* A piece of a document: its nearest heading and up to ~max characters. */
struct ingest_chunk {
	char		*heading;	/* "" before the first heading */
	char		*text;
};

/*
 * Split a Markdown (markdown != 0) or plain text body into chunks at
 * headings, then at paragraph boundaries so that no chunk exceeds max
 * characters (code points) unless a single word does; never inside a
 * UTF-8 sequence.  Returns the number of chunks in *out (caller frees
 * with ingest_chunks_free).
 */
size_t		 ingest_chunk_body(const char *body, int markdown, size_t max,
		    struct ingest_chunk **out);
void		 ingest_chunks_free(struct ingest_chunk *, size_t);

#define INGEST_CHUNK_MAX	1000

/*
 * Front matter of a Markdown file: "---" lines around "key: value" lines.
 * On success *body points past it (or at text when there is none) and
 * *meta is a cJSON object of the keys (caller deletes), or NULL when there
 * is no front matter.  -1 with *errline set on a malformed block.
 */
int		 ingest_front_matter(const char *text, cJSON **meta,
		    const char **body, unsigned long *errline);

/* Offset of the first invalid UTF-8 byte in buf, or len when valid. */
size_t		 ingest_utf8_check(const char *buf, size_t len);

/*
 * Offset of the first \u0000 escape in JSON text buf (the backslash), or
 * len when there is none.  cJSON would decode it into a NUL that ends
 * the C string, silently cutting the text after it.
 */
size_t		 ingest_json_nul(const char *buf, size_t len);

/* ingest-dates.c: "YYYY-MM-DD..." as days since 1970-01-01; -1 if not
 * a date.  The dates of text moved by shift days (see ingest_opts). */
int		 ingest_day_parse(const char *, long *);
void		 ingest_shift_dates(struct sbuf *text, long shift,
		    long anchor);

#endif

/*
 * ingest.c owns reading files into the knowledge base: it picks the format
 * from the file name, turns CSV rows, JSON records, JSON Lines and
 * Markdown or text documents into cJSON records, decides each record's
 * kind, applies --map, and hands the record to ingest-rec.c (the readers
 * of each format are in ingest-read.c).  It also owns
 * the transactions of each file (a checking pass, then batches: see
 * ingest_file) and the demo store's MANIFEST.
 *
 * A file is read whole: it lets every error name its line cheaply, and
 * the biggest catalog we expect (100,000 products, ~50 MB) fits in memory.
 * JSON arrays are not parsed as one tree: cJSON parses each element in
 * turn from where the previous one ended, so a record's line is known, a
 * 100,000-record array never exists twice in memory, and the parse error
 * position cJSON reports becomes a line number.
 */
#include "config.h"

#include <errno.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "paths.h"
#include "store.h"
#include "ingest-int.h"

#define PROGRESS_EVERY	512	/* records between progress calls */
#define INGEST_BATCH	2000	/* records per transaction of a load */
#define INGEST_CACHE_KB	65536	/* page cache while loading a file */
#define INGEST_CACHE_KB_STR "65536"


enum format {
	FMT_CSV,
	FMT_JSON,
	FMT_JSONL,
	FMT_MARKDOWN,
	FMT_TEXT,
};

/* The line of offset off; offsets must not go backwards between calls. */
unsigned long
ingest_line_at(struct reader *r, size_t off)
{
	const char	*p, *end;

	if (off < r->line_off) {
		r->line_off = 0;
		r->line_no = 1;
	}
	if (off > r->len)
		off = r->len;
	p = r->buf + r->line_off;
	end = r->buf + off;
	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		r->line_no++;
		p++;
	}
	r->line_off = off;
	return r->line_no;
}

/* Set the error to "path:line: what" for the byte at offset off. */
enum sd_rc
ingest_fail_at(struct reader *r, size_t off, enum sd_rc rc, const char *fmt,
    ...)
{
	struct sbuf	 sb = SBUF_INIT;
	va_list		 ap;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	rc = sd_fail(r->err, rc, "%s:%lu: %s", r->c->path,
	    ingest_line_at(r, off), sb.buf);
	sbuf_release(&sb);
	return rc;
}

/* A short, printable excerpt of the input at p for messages. */
void
ingest_excerpt(struct sbuf *sb, const char *p, const char *end)
{
	size_t	 n = 0;

	if (p >= end) {
		sbuf_adds(sb, "end of file");
		return;
	}
	sbuf_addc(sb, '\'');
	while (p < end && n < 24 && *p != '\n' && *p != '\r') {
		/* Stop before a multi-byte sequence could be cut. */
		if ((unsigned char)*p >= 0x80 && n > 20)
			break;
		sbuf_addc(sb, (unsigned char)*p < 0x20 ? ' ' : *p);
		p++, n++;
	}
	sbuf_addc(sb, '\'');
}

static void
progress(struct reader *r, size_t off, int force)
{
	const struct ingest_opts *o = r->c->opts;

	if (o->progress == NULL)
		return;
	if (!force && r->records % PROGRESS_EVERY != 0)
		return;
	/* A batched load reads the file twice: check, then write. */
	if (r->c->batched)
		off = r->c->check ? off / 2 : (r->len + off) / 2;
	o->progress(o->progress_arg, r->records, (long long)off,
	    (long long)r->len);
}

static enum ingest_kind
guess_kind(cJSON *rec)
{
	cJSON	*st;

	if (cJSON_HasObjectItem(rec, "price"))
		return INGEST_PRODUCT;
	if (cJSON_HasObjectItem(rec, "question") &&
	    cJSON_HasObjectItem(rec, "answer"))
		return INGEST_FAQ;
	if (cJSON_HasObjectItem(rec, "items") &&
	    cJSON_HasObjectItem(rec, "customer_id")) {
		st = cJSON_GetObjectItemCaseSensitive(rec, "status");
		if (cJSON_IsString(st) && (strcmp(st->valuestring,
		    "active") == 0 || strcmp(st->valuestring, "abandoned") ==
		    0 || strcmp(st->valuestring, "converted") == 0))
			return INGEST_CART;
		if (st != NULL)
			return INGEST_ORDER;
	}
	if (cJSON_HasObjectItem(rec, "email") && cJSON_HasObjectItem(rec,
	    "name"))
		return INGEST_CUSTOMER;
	if (cJSON_HasObjectItem(rec, "subject") &&
	    cJSON_HasObjectItem(rec, "problem"))
		return INGEST_TICKET;
	if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(rec, "turns")))
		return INGEST_CONVERSATION;
	return INGEST_NONE;
}

/* Rename the file's COLUMN to our FIELD for every --map. */
void
ingest_apply_maps(const struct ingest_opts *o, cJSON *rec)
{
	size_t	 i;
	cJSON	*it;

	for (i = 0; i < o->nmaps; i++) {
		if (strcmp(o->maps[i].field, o->maps[i].column) == 0)
			continue;
		it = cJSON_DetachItemFromObjectCaseSensitive(rec,
		    o->maps[i].column);
		if (it == NULL)
			continue;
		cJSON_DeleteItemFromObjectCaseSensitive(rec, o->maps[i].field);
		cJSON_AddItemToObject(rec, o->maps[i].field, it);
	}
}

/*
 * After each record of a batched load: every INGEST_BATCH records commit
 * and start the next transaction, so that other writers of the catalog
 * (a turn cancelling an order, a session's BEGIN IMMEDIATE) wait for one
 * batch, not for the whole file.  The file was checked whole before, so
 * what is committed is never taken back by a bad record later on.
 * Each commit also flushes the full-text indexes' pending terms into new
 * segments that FTS5 merges later: 100,000 products loaded in 23.7 s in
 * one transaction, 45 s in batches of 500, 26.6 s in batches of 2,000
 * (about half a second each).
 */
static enum sd_rc
batch_step(struct reader *r)
{
	struct ingest_ctx *c = r->c;
	enum sd_rc	 rc;

	if (!c->batched || c->check || ++r->batch_rows < INGEST_BATCH)
		return SD_OK;
	r->batch_rows = 0;
	if ((rc = store_commit(c->st, r->err)) != SD_OK) {
		sd_error_prefix(r->err, "%s: ", c->path);
		return rc;
	}
	c->committed = r->records;
	if ((rc = store_begin_main(c->st, r->err)) != SD_OK)
		sd_error_prefix(r->err, "%s: ", c->path);
	return rc;
}

/*
 * One record found at offset off (and line): check it is an object, find
 * its kind, load it.  Takes ownership of rec.
 */
enum sd_rc
ingest_handle_record(struct reader *r, cJSON *rec, enum ingest_kind section,
    size_t off, unsigned long line)
{
	enum ingest_kind kind = r->force;
	cJSON		*type;
	enum sd_rc	 rc;

	if (line == 0)
		line = ingest_line_at(r, off);
	if (!cJSON_IsObject(rec)) {
		cJSON_Delete(rec);
		return sd_fail(r->err, SD_ERR_PARSE, "%s:%lu: a record must be "
		    "a JSON object", r->c->path, line);
	}
	if (!r->mapped)
		ingest_apply_maps(r->c->opts, rec);
	type = cJSON_GetObjectItemCaseSensitive(rec, "type");
	if (kind == INGEST_NONE && type != NULL) {
		if (!cJSON_IsString(type) || (kind =
		    ingest_kind_parse(type->valuestring)) == INGEST_NONE) {
			rc = sd_fail(r->err, SD_ERR_INVALID, "%s:%lu: unknown "
			    "\"type\" %s%s%s (expected product, faq, policy, "
			    "manual, ticket, customer, order, cart or "
			    "conversation)",
			    r->c->path, line, cJSON_IsString(type) ? "\"" : "",
			    cJSON_IsString(type) ? type->valuestring :
			    "(not a string)", cJSON_IsString(type) ? "\"" : "");
			cJSON_Delete(rec);
			return rc;
		}
	}
	if (kind == INGEST_NONE)
		kind = section;
	if (kind == INGEST_NONE)
		kind = guess_kind(rec);
	if (kind == INGEST_NONE) {
		cJSON_Delete(rec);
		return sd_fail(r->err, SD_ERR_INVALID, "%s:%lu: cannot tell "
		    "what kind of record this is; give it a \"type\" or use "
		    "--kind", r->c->path, line);
	}
	if ((rc = ingest_rec_load(r->c, rec, kind, line, r->err)) != SD_OK) {
		sd_error_prefix(r->err, "%s:%lu: ", r->c->path, line);
		return rc;
	}
	r->records++;
	progress(r, off, 0);
	return batch_step(r);
}

/* --- files and transactions ---------------------------------------- */

static int
has_ext(const char *path, const char *ext)
{
	size_t	 n = strlen(path), m = strlen(ext);

	return n > m && strcasecmp(path + n - m, ext) == 0;
}

static enum sd_rc
format_of(const char *path, enum format *f, struct sd_error *err)
{
	if (has_ext(path, ".csv"))
		*f = FMT_CSV;
	else if (has_ext(path, ".json"))
		*f = FMT_JSON;
	else if (has_ext(path, ".jsonl") || has_ext(path, ".ndjson"))
		*f = FMT_JSONL;
	else if (has_ext(path, ".md") || has_ext(path, ".markdown"))
		*f = FMT_MARKDOWN;
	else if (has_ext(path, ".txt"))
		*f = FMT_TEXT;
	else
		return sd_fail(err, SD_ERR_USAGE, "%s: unknown file type (name "
		    "it .csv, .json, .jsonl, .md or .txt)", path);
	return SD_OK;
}

enum sd_rc
ingest_check_opts(const struct ingest_opts *o, struct sd_error *err)
{
	size_t	 i;

	if (o->kind != NULL && ingest_kind_parse(o->kind) == INGEST_NONE)
		return sd_fail(err, SD_ERR_USAGE, "--kind %s: unknown kind "
		    "(product, faq, policy, manual, ticket, customer, order, "
		    "cart, conversation)", o->kind);
	for (i = 0; i < o->nmaps; i++) {
		if (o->maps[i].field == NULL || *o->maps[i].field == '\0' ||
		    o->maps[i].column == NULL || *o->maps[i].column == '\0')
			return sd_fail(err, SD_ERR_USAGE, "--map: expected "
			    "FIELD=COLUMN");
		if (!ingest_field_known(o->maps[i].field))
			return sd_fail(err, SD_ERR_USAGE, "--map %s=%s: "
			    "unknown field \"%s\"", o->maps[i].field,
			    o->maps[i].column, o->maps[i].field);
	}
	return SD_OK;
}

/* One pass over the records of the file: check them, or load them. */
static enum sd_rc
read_records(struct reader *r, enum format fmt)
{
	enum sd_rc	 rc = SD_OK;

	r->line_off = 0;
	r->line_no = 1;
	r->records = 0;
	r->batch_rows = 0;
	r->c->nconv = 0;
	switch (fmt) {
	case FMT_CSV:
		r->c->from_csv = 1;
		rc = ingest_read_csv(r);
		break;
	case FMT_JSON:
		rc = ingest_read_json(r);
		break;
	case FMT_JSONL:
		rc = ingest_read_jsonl(r);
		break;
	case FMT_MARKDOWN:
	case FMT_TEXT:
		rc = ingest_read_document(r, fmt == FMT_MARKDOWN);
		break;
	}
	if (rc == SD_OK)
		rc = ingest_rec_finish(r->c, r->err);
	ingest_rec_discard(r->c);
	return rc;
}

/*
 * Read and load one file inside the caller's transaction, or batched:
 * check every record first under a read transaction (nothing locked,
 * nothing written), then load them, committing every INGEST_BATCH; the
 * last batch is left open for the caller to commit.
 */
static enum sd_rc
load_file(struct ingest_ctx *c, struct sd_error *err)
{
	struct sbuf	 data = SBUF_INIT;
	struct reader	 r;
	enum format	 fmt = FMT_JSON;
	size_t		 bad, skip = 0;
	const char	*nul;
	enum sd_rc	 rc;

	memset(&r, 0, sizeof r);
	r.c = c;
	r.err = err;
	r.line_no = 1;
	r.force = c->opts->kind != NULL ? ingest_kind_parse(c->opts->kind) :
	    INGEST_NONE;
	if ((rc = ingest_check_opts(c->opts, err)) != SD_OK ||
	    (rc = format_of(c->path, &fmt, err)) != SD_OK)
		return rc;
	if (sbuf_read_file(&data, c->path) != 0) {
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", c->path,
		    strerror(errno));
		goto out;
	}
	ingest_shift_dates(&data, c->opts->date_shift, c->opts->dated);
	/* A UTF-8 byte order mark is not content. */
	if (data.len >= 3 && memcmp(data.buf, "\xEF\xBB\xBF", 3) == 0)
		skip = 3;
	r.buf = data.buf + skip;
	r.len = data.len - skip;
	if ((nul = memchr(r.buf, '\0', r.len)) != NULL) {
		rc = ingest_fail_at(&r, (size_t)(nul - r.buf), SD_ERR_PARSE,
		    "NUL byte in the input (binary file?)");
		goto out;
	}
	if ((bad = ingest_utf8_check(r.buf, r.len)) < r.len) {
		rc = ingest_fail_at(&r, bad, SD_ERR_PARSE,
		    "invalid UTF-8 (byte 0x%02X"
		    " at offset %zu)", (unsigned char)r.buf[bad], bad + skip);
		goto out;
	}
	/* "\u0000" would reach the store as text cut short. */
	if ((fmt == FMT_JSON || fmt == FMT_JSONL) &&
	    (bad = ingest_json_nul(r.buf, r.len)) < r.len) {
		rc = ingest_fail_at(&r, bad, SD_ERR_PARSE,
		    "\"\\u0000\" (NUL) in a "
		    "string; text may not contain NUL");
		goto out;
	}
	if (ingest_skip_ws(r.buf, r.len, 0) == r.len) {
		rc = sd_fail(err, SD_ERR_PARSE, "%s:1: empty file", c->path);
		goto out;
	}
	if (c->batched) {
		c->check = 1;
		if ((rc = store_begin_read(c->st, err)) == SD_OK) {
			rc = read_records(&r, fmt);
			store_rollback(c->st);
		} else
			sd_error_prefix(err, "%s: ", c->path);
		c->check = 0;
		if (rc != SD_OK)
			goto out;
		memset(c->stats, 0, sizeof *c->stats);
		if ((rc = store_begin_main(c->st, err)) != SD_OK) {
			sd_error_prefix(err, "%s: ", c->path);
			goto out;
		}
	}
	rc = read_records(&r, fmt);
	progress(&r, r.len, 1);
out:
	ingest_rec_discard(c);
	sbuf_release(&data);
	return rc;
}

static void
stats_add(struct ingest_stats *to, const struct ingest_stats *s)
{
	to->products += s->products;
	to->documents += s->documents;
	to->chunks += s->chunks;
	to->customers += s->customers;
	to->orders += s->orders;
	to->carts += s->carts;
	to->conversations += s->conversations;
	to->examples += s->examples;
	to->inserted += s->inserted;
	to->updated += s->updated;
	to->unchanged += s->unchanged;
}

/*
 * Two settings of the connection make a big load twice as fast, and are
 * restored afterwards.  The transaction outgrows SQLite's default 2 MB
 * page cache and would spill pages to the WAL over and over.  And each
 * upsert (its triggers may fail halfway) keeps a statement journal,
 * which by default is a temporary file: a dozen writes per product.
 */
struct conn_settings {
	int		 cache_size;	/* PRAGMA cache_size before, or 0 */
	int		 temp_store;	/* PRAGMA temp_store before, or -1 */
};

static int
pragma_int(struct store *st, const char *sql)
{
	sqlite3_stmt	*s;
	int		 v = -1;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return v;
}

static void
conn_tune(struct store *st, struct conn_settings *cs)
{
	static const char get_cache[] = "PRAGMA cache_size";
	static const char get_temp[] = "PRAGMA temp_store";
	static const char count_temp[] =
	    "SELECT count(*) FROM temp.sqlite_master";

	cs->cache_size = pragma_int(st, get_cache);
	if (cs->cache_size == -1 || cs->cache_size == 0 ||
	    cs->cache_size <= -INGEST_CACHE_KB || store_exec(st,
	    "PRAGMA cache_size = -" INGEST_CACHE_KB_STR, NULL) != SD_OK)
		cs->cache_size = 0;
	/*
	 * temp_store cannot change inside a transaction, and changing it
	 * drops TEMP tables: leave it alone when either could matter.
	 */
	cs->temp_store = -1;
	if (sqlite3_get_autocommit(store_db(st)) &&
	    pragma_int(st, count_temp) == 0 &&
	    (cs->temp_store = pragma_int(st, get_temp)) != 2 &&
	    store_exec(st, "PRAGMA temp_store = MEMORY", NULL) != SD_OK)
		cs->temp_store = -1;
	if (cs->temp_store == 2)
		cs->temp_store = -1;
}

static void
conn_restore(struct store *st, const struct conn_settings *cs)
{
	char	*sql;

	if (cs->cache_size != 0) {
		sql = xasprintf("PRAGMA cache_size = %d", cs->cache_size);
		store_exec(st, sql, NULL);
		free(sql);
	}
	if (cs->temp_store >= 0 && sqlite3_get_autocommit(store_db(st))) {
		sql = xasprintf("PRAGMA temp_store = %d", cs->temp_store);
		store_exec(st, sql, NULL);
		free(sql);
	}
}

/*
 * Writing failed after earlier batches were committed (a full disk, an
 * I/O error: the records themselves were checked): say what stays.
 */
static void
committed_note(const struct ingest_ctx *c, struct sd_error *err)
{
	char	*msg;

	if (err == NULL)
		return;
	msg = xstrdup(sd_error_msg(err));
	sd_fail(err, err->rc, "%s (the first %lld records of %s were loaded "
	    "before this; loading the file again completes it)", msg,
	    c->committed, c->path);
	free(msg);
}

enum sd_rc
ingest_file(struct store *st, const char *path,
    const struct ingest_opts *opts, struct ingest_stats *stats,
    struct sd_error *err)
{
	static const struct ingest_opts dflt;
	struct ingest_ctx c;
	struct ingest_stats fs;
	struct conn_settings saved;
	int		 nested;
	enum sd_rc	 rc;

	memset(&c, 0, sizeof c);
	memset(&fs, 0, sizeof fs);
	c.st = st;
	c.opts = opts != NULL ? opts : &dflt;
	c.stats = &fs;
	c.path = path;
	c.now = store_now();
	/*
	 * Inside a caller's transaction (the demo seed, a multi-file dry
	 * run) a savepoint gives this file its own all-or-nothing.  A dry
	 * run writes and rolls back, in one transaction, to count what
	 * would change.  Otherwise the load is checked whole, then written
	 * in batches (load_file).  Only main is written: the history file,
	 * where turns are saved, is never locked.
	 */
	nested = !sqlite3_get_autocommit(store_db(st));
	c.batched = !nested && !c.opts->dry_run;
	conn_tune(st, &saved);
	if (nested)
		rc = store_exec(st, "SAVEPOINT ingest_file", err);
	else if (!c.batched)
		rc = store_begin_main(st, err);
	else
		rc = SD_OK;
	if (rc != SD_OK) {
		sd_error_prefix(err, "%s: ", path);
		conn_restore(st, &saved);
		return rc;
	}
	rc = load_file(&c, err);
	if (rc == SD_OK && !c.opts->dry_run) {
		if (nested)
			rc = store_exec(st, "RELEASE ingest_file", err);
		else
			rc = store_commit(st, err);
		if (rc != SD_OK)
			sd_error_prefix(err, "%s: ", path);
	}
	if (rc != SD_OK || c.opts->dry_run) {
		if (nested)
			store_exec(st, "ROLLBACK TO ingest_file; "
			    "RELEASE ingest_file", NULL);
		else
			store_rollback(st);
	}
	if (rc != SD_OK && c.committed > 0)
		committed_note(&c, err);
	conn_restore(st, &saved);
	if (rc == SD_OK && stats != NULL)
		stats_add(stats, &fs);
	return rc;
}

static void
plural(struct sbuf *sb, long long n, const char *one, const char *many)
{
	if (sb->len > 0)
		sbuf_adds(sb, ", ");
	sbuf_addf(sb, "%lld %s", n, n == 1 ? one : many);
}

void
ingest_stats_summary(const struct ingest_stats *s, struct sbuf *sb)
{
	size_t	 start = sb->len;
	struct sbuf parts = SBUF_INIT;

	if (s->products > 0)
		plural(&parts, s->products, "product", "products");
	if (s->documents > 0)
		plural(&parts, s->documents, "document", "documents");
	if (s->chunks > 0)
		plural(&parts, s->chunks, "chunk", "chunks");
	if (s->customers > 0)
		plural(&parts, s->customers, "customer", "customers");
	if (s->orders > 0)
		plural(&parts, s->orders, "order", "orders");
	if (s->carts > 0)
		plural(&parts, s->carts, "cart", "carts");
	if (s->conversations > 0) {
		plural(&parts, s->conversations, "conversation",
		    "conversations");
		plural(&parts, s->examples, "training example",
		    "training examples");
	}
	if (parts.len == 0)
		sbuf_adds(&parts, "0 records");
	(void)start;
	sbuf_addf(sb, "%s (%lld new, %lld changed, %lld unchanged)",
	    parts.buf, s->inserted, s->updated, s->unchanged);
	sbuf_release(&parts);
}

/* Load one MANIFEST entry (a path or a glob pattern). */
static enum sd_rc
seed_entry(struct store *st, const char *demo, const char *entry,
    const struct ingest_opts *o, struct sd_error *err)
{
	glob_t		 g;
	char		*path = paths_join(demo, entry);
	size_t		 i;
	enum sd_rc	 rc = SD_OK;

	if (strpbrk(entry, "*?[") == NULL) {
		rc = ingest_file(st, path, o, NULL, err);
		free(path);
		return rc;
	}
	memset(&g, 0, sizeof g);
	if (glob(path, 0, NULL, &g) != 0 || g.gl_pathc == 0) {
		rc = sd_fail(err, SD_ERR_IO, "%s: no file matches", path);
		globfree(&g);
		free(path);
		return rc;
	}
	for (i = 0; i < g.gl_pathc && rc == SD_OK; i++)
		rc = ingest_file(st, g.gl_pathv[i], o, NULL, err);
	globfree(&g);
	free(path);
	return rc;
}

/*
 * "@dated YYYY-MM-DD": the day the demo files are written as of.  The
 * store is seeded relative to today: every date moves by the days
 * between (ingest-dates.c).
 */
static enum sd_rc
seed_dated(const char *arg, struct ingest_opts *o, struct sd_error *err)
{
	long	 today;

	if (ingest_day_parse(arg, &o->dated) != 0 || arg[10] != '\0')
		return sd_fail(err, SD_ERR_PARSE, "@dated: \"%s\" is not a "
		    "date (YYYY-MM-DD)", arg);
	if (ingest_day_parse(store_now(), &today) != 0)
		return sd_fail(err, SD_ERR_PARSE, "the time now (\"%s\") is "
		    "not a date", store_now());
	o->date_shift = today - o->dated;
	return SD_OK;
}

enum sd_rc
ingest_seed_demo(struct store *st, const char *share_dir, struct sd_error *err)
{
	char		*demo = paths_join(share_dir, "demo");
	char		*manifest = paths_join(demo, "MANIFEST");
	struct sbuf	 line = SBUF_INIT;
	struct ingest_opts o;
	unsigned long	 lineno = 0;
	FILE		*fp = NULL;
	char		*hash;
	struct conn_settings saved;
	int		 tuned = 0;
	enum sd_rc	 rc;

	memset(&o, 0, sizeof o);

	if ((fp = fopen(manifest, "r")) == NULL) {
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", manifest,
		    strerror(errno));
		goto out;
	}
	conn_tune(st, &saved);
	tuned = 1;
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		if ((hash = strchr(line.buf, '#')) != NULL)
			sbuf_setlen(&line, (size_t)(hash - line.buf));
		sbuf_trim(&line);
		if (line.len == 0)
			continue;
		if (strncmp(line.buf, "@dated ", 7) == 0)
			rc = seed_dated(line.buf + 7, &o, err);
		else
			rc = seed_entry(st, demo, line.buf, &o, err);
		if (rc != SD_OK) {
			sd_error_prefix(err, "%s:%lu: ", manifest, lineno);
			goto out;
		}
	}
	if (ferror(fp)) {
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", manifest,
		    strerror(errno));
		goto out;
	}
	rc = store_commit(st, err);
out:
	if (rc != SD_OK)
		store_rollback(st);
	if (tuned)
		conn_restore(st, &saved);
	if (fp != NULL)
		fclose(fp);
	sbuf_release(&line);
	free(manifest);
	free(demo);
	return rc;
}

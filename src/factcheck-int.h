/*
 * factcheck-int.h: what the checker's modules share: the quantities
 * found in text (factcheck-quantity.c), the pools of values that back
 * them (factcheck-pool.c), the policies (factcheck-policy.c), the
 * index of product names (factcheck-names.c), the sentence being
 * checked and the scanners that decide its claims (factcheck-scan.c,
 * -terms.c, -orders.c, -words.c, -claims.c).
 */
#ifndef FACTCHECK_INT_H
#define FACTCHECK_INT_H

#include <stddef.h>

#include "sbuf.h"
#include "factcheck.h"

struct product;
struct order;
struct store;

/*
 * A quantity stated in text, its unit normalised so that the same fact
 * written two ways compares equal: "two weeks" is 14 "day", "1-year" is
 * 12 "month", "sixteen gigabytes" is 16 "gb", "$1,299" is 1299 "$",
 * "4.7/5" and "4.7 stars" are 4.7 "star", "November 22" is 1122 "date".
 * Units: "" (none), "$", "%", "x" ("2x"), "times" ("double"), "star",
 * "of10", "count" (people: reviews, buyers), "day", "month", "hour",
 * "min", "date", "clock" ("2 pm"), or the word after the number ("gb",
 * "hz", "mp"...).
 */
struct fq {
	double		 lo, hi;	/* hi == lo unless a range ("3-5") */
	char		 unit[12];
	size_t		 s, e;		/* bytes of the text */
	int		 range;
	int		 words;		/* spelled in words */
	int		 src;		/* pool: index of its source */
};

struct fq_list {
	struct fq	*v;
	size_t		 n, cap;
};

/* Append a quantity found at bytes [s, e) (words: spelled in words). */
void		 fq_push(struct fq_list *, double lo, double hi,
		    const char *unit, size_t s, size_t e, int words);
/* A byte of a word: a letter, a digit or part of a UTF-8 sequence. */
int		 fq_alnum(unsigned char);
/* Every quantity of text[0..len), appended to l. */
void		 fq_scan(const char *text, size_t len, struct fq_list *l);
void		 fq_list_release(struct fq_list *);

/*
 * Values that may back a claim, from the rows about the sentence's
 * entities (and the customer's words): quantities, plus the rows' text
 * for claims without numbers.  "loose" quantities (the customer's own
 * words, the shop's template text) back a claim whatever its unit.
 */
struct fc_pool {
	struct fq_list	 q;
	struct fq_list	 loose;
	struct sbuf	 text;		/* lowercase, for word checks */
	char		**src;		/* "kind\0id" of each source */
	size_t		 nsrc;
};

void		 pool_init(struct fc_pool *);
/* What the values added from now on come from ("product", "LAP-1008"). */
void		 pool_source(struct fc_pool *, const char *kind,
		    const char *id);
void		 pool_release(struct fc_pool *);
/* Text of a row: its quantities and its words. */
void		 pool_text(struct fc_pool *, const char *text);
void		 pool_num(struct fc_pool *, double, const char *unit);
/* A JSON object's values, units taken from the keys ("_days"). */
void		 pool_json(struct fc_pool *, const char *json);
void		 pool_loose(struct fc_pool *, const char *text);
void		 pool_product(struct fc_pool *, const struct product *);
void		 pool_order(struct fc_pool *, const struct order *);
/* An order event's note and time (both may be NULL). */
void		 pool_order_event(struct fc_pool *, const char *note,
		    const char *at);
/* A document (policy, FAQ...) by id: body, title and facts. */
void		 pool_document(struct fc_pool *, struct store *,
		    const char *id);
/* The source backing q (its kind, *id), or NULL when nothing does. */
const char	*pool_backs(const struct fc_pool *, const struct fq *,
		    const char **id);

/* Lowercase stem of a word for loose word matching ("shipping" ->
 * "ship", "delivered" -> "deliver").  Caller frees. */
char		*fc_stem(const char *w, size_t n);
/* Does stems (" stem stem ... ") hold the word st? */
int		 fc_has_stem(const char *stems, const char *st);
/* Does the pool's text hold a word with the stem of w? */
int		 pool_has_word(const struct fc_pool *, const char *w, size_t n);

struct fc_key {
	char		**w;		/* lowercase words */
	int		 nw;
	size_t		 prod;		/* index into products */
};

/* A product's key in the table of whole names (0: an empty slot). */
struct fc_name {
	size_t		 hash;		/* name_hash of its words */
	size_t		 key;		/* index into keys, plus one */
};

struct fc_bucket {
	char		*word;
	size_t		*keys;		/* keys starting with word */
	size_t		 n, cap;
	int		 maxnw;		/* words of its longest key */
	int		 brand;		/* word is a brand's first word */
	long		 sku;		/* product whose SKU this is, or -1 */
};

/* A policy and the phrases that say a sentence is about it. */
struct fc_policy {
	char		*id;		/* documents.doc_key */
	char		**kw;		/* " stem stem " per tag phrase,
					   then the topic's */
	size_t		 nkw;
	size_t		 ntags;		/* kw[ntags...]: the topic */
	struct cJSON	*facts;		/* its "facts:<id>" object, or NULL */
	struct fc_pool	*pool;		/* its values and words */
};

struct factcheck {
	struct store	*st;
	char		**sku;		/* per product */
	size_t		 np;
	struct fc_key	*k;
	size_t		 nk;
	size_t		 kcap;		/* room in k */
	struct fc_bucket *tab;		/* open addressing, power of two */
	size_t		 tabn;
	struct fc_name	*names;		/* products' keys by all their words */
	size_t		 namesn;	/* open addressing, power of two */
	struct fc_policy *pol;		/* policies, by their tags */
	size_t		 npol;
	struct fc_cache	*rows;		/* entity pools, kept across replies */
	char		**body_id;	/* policies' and FAQs' bodies read */
	char		**body_stems;	/* their stems (NULL: no such entry), */
	size_t		 nbody;		/* kept as the rows are */
	unsigned	 data_version;	/* of main when rows were read */
	long long	 pol_cv;	/* store_catalog_version the policies
					   and bodies were read at, or -1 */
};

/* A word of a sentence. */
struct tok {
	size_t		 s, e;		/* bytes of the sentence */
	char		*w;		/* lowercase */
};

struct mention {
	size_t		 s, e;
	long		 prod;
};

struct edit {
	size_t		 s, e;		/* bytes replaced (s == e: insert) */
	char		*rep;		/* NULL: keep */
	char		*mark;		/* inline verdict, or NULL */
};

/* Entity pools by "kind:id". */
struct fc_cache {
	char		**key;		/* "kind:id" */
	struct fc_pool	**pool;
	size_t		 n;
};

/* The pools of a sentence's entities (owned by a cache). */
struct fc_view {
	struct fc_pool	**p;
	size_t		 n;
};
/* The source of the first pool backing q (no_products: of the pools
 * that are not a product's), or NULL. */
const char	*view_backs(const struct fc_view *, const struct fq *,
		    const char **id, int no_products);
int		 view_has_word(const struct fc_view *, const char *w,
		    size_t n);
void		 fc_cache_free(struct fc_cache *);
/* factcheck-policy.c: the main database's data version (moves on every
 * commit). */
unsigned	 fc_data_version(struct factcheck *);
/* Forget rows read before the catalog last changed (call per reply). */
void		 fc_rows_check(struct factcheck *);

/* One sentence being checked. */
struct sent {
	struct factcheck *fc;
	const struct fc_ctx *ctx;
	struct fc_result *res;
	char		*s;		/* the sentence, markers removed */
	size_t		 len;
	char		*lc;		/* lowercase copy, same offsets */
	struct tok	*t;
	size_t		 nt;
	struct mention	*m;
	size_t		 nm;
	struct edit	*ed;
	size_t		 ned;
	int		 drop;		/* a claim nothing backs: drop it */
	char		*order_id;	/* the customer's order it is about */
	char		**docs;		/* documents cited with [D:id] */
	size_t		 ndocs;
	char		*stems;		/* " stem stem ... " of its words */
	struct fc_view	 view;		/* what backs it, built on demand */
	unsigned char	*about;		/* per policy: 1 named, 2 in context */
	int		 view_built;
	int		 has_product;	/* names a product itself */
	const char	*ev_kind;	/* first entity of the pool */
	char		*ev_id;
};

struct fc_claim;
struct fc_claim	*fc_claim_add(struct fc_result *, const char *kind,
		    const char *text, size_t len, enum fc_verdict,
		    const char *ev_kind, const char *ev_id, const char *field,
		    const char *value, const char *corrected);
/* factcheck-names.c: the product of a SKU (any case), or -1. */
long		 fc_sku_lookup(struct factcheck *, const char *sku);
/* Split text into lowercase words; *out is an array of *n (free with
 * fc_toks_free). */
void		 fc_tokenize(const char *text, size_t len, struct tok **out,
		    size_t *n);
void		 fc_toks_free(struct tok *, size_t n);
/* The products the sentence names (x->m), by the longest known name at
 * each word; a product the catalog lacks drops the sentence. */
void		 fc_find_products(struct sent *);
long		 fc_subject_at(struct sent *, size_t pos);
long		 fc_subject_of(struct sent *, size_t s, size_t e);
int		 fc_names_policy(struct sent *);
/* Does the sentence state a policy's terms, about no product (no product
 * named or pointed back to, a policy named)? */
int		 fc_states_terms(struct sent *);
int		 fc_load_product(struct sent *, long, struct product *);
int		 fc_before(struct sent *, size_t pos, size_t n, const char *w);
int		 fc_after(struct sent *, size_t pos, size_t n, const char *w);
int		 fc_near(struct sent *, size_t s, size_t e, size_t n,
		    const char *w);
int		 fc_find_word(const char *lc, const char *w, size_t from,
		    size_t *at);

/* Replace (rep) or keep (NULL) bytes [s, e) of the sentence for claim c. */
void		 fc_edit_add(struct sent *, size_t s, size_t e, const char *rep,
		    const struct fc_claim *c);

/* factcheck-scan.c: claims with a known phrasing about a product. */
void		 fc_scan_money(struct sent *);
void		 fc_scan_ratings(struct sent *);
void		 fc_scan_stock(struct sent *);
/* factcheck-terms.c: a policy's terms.  A number as text ("1,299"). */
char		*fc_fmt_num(double);
/* The policy fact key states v at [s, e): supported or corrected (money:
 * 1 an amount, 2 a number of days written in weeks). */
void		 fc_check_policy(struct sent *, const char *key, size_t s,
		    size_t e, double v, int money);
/* A plan's price v at [s, e) for the sentence's product; 1 if decided. */
int		 fc_check_plan(struct sent *, size_t s, size_t e, double v);
void		 fc_scan_terms(struct sent *);
/* factcheck-orders.c: the customer's order, its status and dates. */
void		 fc_scan_orders(struct sent *);

/* factcheck-policy.c */
/* The stems of text as " stem stem ... " (fc_has_stem).  Caller frees. */
char		*fc_stems_of(const char *text, size_t len);
/* Is the sentence about policy id (by its words; with context, also as
 * a document of the turn's context)? */
int		 fc_about_policy(struct sent *, size_t policy, int context);
/* Is the sentence, word for word, in a cited or context document's body
 * (*id)?  Then that entry backs its words. */
int		 fc_cited_says(struct sent *, const char **id);
/* Index the policies by their tags. */
void		 fc_policies_load(struct factcheck *);
void		 fc_policies_free(struct factcheck *);

/* factcheck-claims.c */
void		 fc_ensure_stems(struct sent *);
/* Does token i deny ("not", "no", "don't")? */
int		 fc_neg_word(const struct sent *, size_t i);
/* A claim nothing backs: record it and drop the sentence. */
void		 fc_unsupported(struct sent *, const char *kind, size_t s,
		    size_t e, const char *why);
/* Does the sentence hold a word with the stem of w? */
int		 fc_says(const struct sent *, const char *w);
/* Are all words of sentence bytes [s, e) in its rows' text? */
int		 fc_in_rows(struct sent *, size_t s, size_t e);
/* Do the rows of the sentence's entities say bytes [s, e) of it, word
 * for word (by stems: "a free return label")? */
int		 fc_rows_say(struct sent *, size_t s, size_t e);
/* Does the sentence deny something ("can't", "no", "never")? */
int		 fc_negated(const struct sent *);
/* The pools of the sentence's entities (built once). */
const struct fc_view *fc_sentence_pool(struct sent *);
/* factcheck-words.c: claims in words (availability, inclusions,
 * offers, policy terms). */
void		 fc_scan_claims(struct sent *);
/* Every quantity not yet decided must be backed. */
void		 fc_scan_numbers(struct sent *);
void		 fc_sent_release(struct sent *);

#endif

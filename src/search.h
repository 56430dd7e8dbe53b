/*
 * search.h: the retrieval module: ranked search over products and
 * documents (FTS5 BM25 with field weights, typo tolerance, synonyms), and
 * the synonym table that feeds its query expansion.
 */
#ifndef SEARCH_H
#define SEARCH_H

#include <stddef.h>

#include "shopdesk.h"

struct store;

/* What a hit is: a product or one kind of document. */
enum search_kind {
	SEARCH_PRODUCT = 0,
	SEARCH_FAQ,
	SEARCH_POLICY,
	SEARCH_MANUAL,
	SEARCH_TICKET,
	SEARCH_NKINDS
};
#define SEARCH_KIND_BIT(k)	(1u << (k))
#define SEARCH_ALL_KINDS	((1u << SEARCH_NKINDS) - 1)
#define SEARCH_DOC_KINDS	(SEARCH_ALL_KINDS & ~SEARCH_KIND_BIT(SEARCH_PRODUCT))

/* "product", "faq", ...; never NULL. */
const char	*search_kind_name(enum search_kind);
/* The kind named s, or -1. */
int		 search_kind_parse(const char *);

/* A query.  Zero it (or use SEARCH_QUERY_INIT), then set what you need. */
struct search_query {
	const char	*text;		/* customer's words, UTF-8 */
	unsigned	 kinds;		/* SEARCH_KIND_BIT set; 0 = all */
	const char	*category;	/* products only: category slug, or NULL */
	double		 max_price;	/* products only; < 0: no bound */
	double		 min_price;	/* products only; < 0: no bound */
	int		 in_stock;	/* products only: stock > 0 */
	int		 limit;		/* hits wanted; <= 0: 10 */
	/*
	 * Read price phrases in the text ("under $50", "between 10 and 20")
	 * as bounds when the caller set none; they leave the text either way.
	 */
	int		 price_words;
	/*
	 * Documents: leave each hit's snippet NULL, for search_snippets to
	 * make for the hits the caller keeps (a snippet costs about as
	 * much as ranking the hits).
	 */
	int		 lazy_snippets;
	/*
	 * Score multipliers by kind ([SEARCH_NKINDS]), or NULL for 1: an
	 * A/B arm's weight of each source.  They reorder the hits each
	 * table returned before the lists merge.
	 */
	const double	*kind_weight;
};
#define SEARCH_QUERY_INIT { NULL, 0, NULL, -1, -1, 0, 10, 1, 0, NULL }

/* One result.  Strings belong to the result set. */
struct search_hit {
	enum search_kind kind;
	char		*id;		/* SKU or document id */
	char		*title;		/* product name or document title */
	char		*heading;	/* documents: the chunk's heading, or "" */
	char		*snippet;	/* matched words marked [like this] */
	double		 score;		/* higher is better; comparable across kinds */
	long long	 rowid;		/* products.id or chunks.id */
	/* Products only (else 0 / NULL). */
	double		 price;
	char		*currency;
	char		*category;
	char		*brand;		/* NULL when the product has none */
	long long	 stock;
};

/* How the query was read, for display and traces. */
struct search_result {
	struct search_hit *hits;
	size_t		 n;
	char		*expr;		/* FTS5 expression run (NULL: none) */
	char		*corrected;	/* "thinkpd -> thinkpad ..." or NULL */
	char		*expanded;	/* "couch -> sofa ..." or NULL */
	double		 max_price;	/* bounds applied (< 0: none) */
	double		 min_price;
	char		*doc_expr;	/* lazy_snippets: the expression the
					   documents matched (else NULL) */
};

/*
 * Run a query.  res is filled (release it with search_result_free even on
 * failure).  A query with no searchable words gives no hits, not an
 * error; FTS5 syntax in the text is taken literally.
 */
enum sd_rc	 search_run(struct store *, const struct search_query *,
		    struct search_result *, struct sd_error *);
void		 search_result_free(struct search_result *);
/*
 * Load what the connection's first search would build (the document
 * chunks' map and in-memory index), so that no customer's turn pays for
 * it.  Best effort: a search builds whatever is missing anyway.
 */
void		 search_prepare(struct store *);
/*
 * The snippets of hits idx[0..n) of a lazy_snippets search that have
 * none yet, in one statement; hits that are no documents get "".
 */
enum sd_rc	 search_snippets(struct store *, struct search_result *,
		    const size_t *idx, size_t n, struct sd_error *);
/*
 * Is w (folded, lower case) one of the words too common in shoppers'
 * requests to say what they want ("how", "my", "the")?
 */
int		 search_is_stopword(const char *w);
/* Free the strings of one hit (for callers that keep hits of their own). */
void		 search_hit_release(struct search_hit *);

/*
 * Bounded Damerau-Levenshtein (optimal string alignment) distance between
 * two UTF-8 strings, by code point; returns max + 1 once it is exceeded.
 */
int		 search_edit_distance(const char *, const char *, int max);

/*
 * Synonyms: "term" is what shoppers say ("couch"), "synonym" what the
 * catalog may say instead ("sofa").  Terms are stored case-folded.
 */

/* Seed the synonym table of a new store from share_dir/synonyms.tsv. */
enum sd_rc	 synonyms_seed(struct store *, const char *share_dir,
		    struct sd_error *);
/* Add pairs (source "shop"); returns how many were new in *added. */
enum sd_rc	 synonyms_add(struct store *, const char *term,
		    const char *const *syns, size_t nsyns, const char *source,
		    long long *added, struct sd_error *);
/* Remove one pair, or every pair of term when syn is NULL. */
enum sd_rc	 synonyms_remove(struct store *, const char *term,
		    const char *syn, long long *removed, struct sd_error *);
/*
 * Load a TSV file: term<TAB>synonym[<TAB>synonym...] per line, "#"
 * comments and blank lines skipped.  One transaction: a bad line
 * ("path:line: what") changes nothing.
 */
enum sd_rc	 synonyms_import(struct store *, const char *path,
		    const char *source, long long *added, struct sd_error *);
/* Call fn for every pair in term order; a non-zero return stops. */
enum sd_rc	 synonyms_list(struct store *, const char *term,
		    int (*fn)(void *, const char *, const char *, const char *),
		    void *, struct sd_error *);
/* The same, for the rows of one source only ("alias"; NULL: any). */
enum sd_rc	 synonyms_remove_source(struct store *, const char *term,
		    const char *syn, const char *source, long long *removed,
		    struct sd_error *);
enum sd_rc	 synonyms_list_source(struct store *, const char *term,
		    const char *source,
		    int (*fn)(void *, const char *, const char *, const char *),
		    void *, struct sd_error *);
/* The source of the shop's aliases of catalog names (gazetteer.c). */
#define SYNONYMS_ALIAS	"alias"
/* Case-fold and trim a term the way the table stores it.  Caller frees. */
char		*synonyms_normalize(const char *);

#endif

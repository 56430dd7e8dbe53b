/*
 * search-int.h: what the files of the retrieval module share (the list
 * is at the top of search.c), not for other modules.  The BM25
 * arithmetic of sd_rank is here once, so the in-memory index of the
 * document chunks scores a row exactly as the FTS5 ranking query would.
 */
#ifndef SEARCH_INT_H
#define SEARCH_INT_H

#include <stdint.h>

#include <sqlite3.h>

#include "sbuf.h"
#include "search.h"

struct store;

/*
 * search-text.c: normalisation, tokens, edit distance.
 */

/* Words of a text, each its own string. */
struct tokens {
	char	**v;
	size_t	  n, cap;
};

/* NFKC, case folded, marks stripped; caller frees; NULL if bad UTF-8. */
char		*search_normalize(const char *);
/* Append normalised text's words to t (a number keeps its '.' and ','). */
void		 search_tokenize(const char *, struct tokens *);
void		 search_tokens_add(struct tokens *, const char *, size_t);
void		 search_tokens_free(struct tokens *);
/* Code points of a UTF-8 string into *v (grown as needed); the count. */
int		 search_decode(const char *, int32_t **v, int *cap);
/* Bounded OSA distance of code points; work holds 3 * (nb + 1) ints. */
int		 search_osa(const int32_t *, int, const int32_t *, int nb,
		    int max, int *work);
/* Whether w is in the NULL-terminated list. */
int		 search_word_in(const char *w, const char *const *list);

/*
 * search-plan.c: reading the query into a plan: its words, the phrases
 * that stand for them and the price bounds read from it.
 */

/* One phrase of the expression. */
struct phrase {
	char	*text;		/* words separated by spaces */
	int	 group;
	int	 from;		/* first query word it stands for (<= group) */
	double	 weight;
	int	 unit;		/* plan_expr: its AND operand in the strict
				   expression (phrases of one are adjacent) */
};

struct plan {
	struct tokens	 words;		/* content words, in order */
	struct phrase	*ph;
	size_t		 nph, cap;
	struct sbuf	 corrected;
	struct sbuf	 expanded;
	double		 max_price, min_price;
};

/*
 * Add a phrase standing for query words from..group (a synonym of a run
 * of words covers the run; anything else, one word).
 */
void		 search_plan_phrase(struct plan *, const char *text, int from,
		    int group, double weight);

/* Read q into pl (zeroed, its sbufs initialised); search_plan_free. */
enum sd_rc	 search_make_plan(struct store *, const struct search_query *,
		    struct plan *, struct sd_error *);
void		 search_plan_free(struct plan *);
/*
 * The MATCH expressions (expr: any phrase; all: every unit, empty for a
 * single one) and sd_rank's phrase specification of pl.
 */
void		 search_plan_expr(struct plan *, struct sbuf *expr,
		    struct sbuf *all, struct sbuf *spec);

/*
 * search-typo.c: typo correction against the vocabulary.
 */

/* Add corrections of pl's unknown or rare words as phrases. */
enum sd_rc	 search_correct_typos(struct store *, struct plan *,
		    struct sd_error *);

/*
 * search-rank.c: sd_rank, the FTS5 ranking function.
 */

/* sd_rank's per-query state (see the top of search.c). */
struct rank_aux {
	int	 nphrase;
	int	*group;		/* phrase -> group */
	double	*weight;	/* phrase -> weight */
	double	*idf;		/* phrase -> idf in this table */
	int	 ngroup;
	int	 ncol;
	double	*wcol;		/* column weights */
	double	 wmax;		/* the largest of them */
	double	*avgl;		/* mean column length in tokens */
	double	*gbest;		/* scratch: best score per group */
	double	*tf;		/* the row's phrase x column counts */
	int	*len;		/* the row's column lengths in tokens */
	double	 norm;		/* attainable scale (see the top comment) */
};

/*
 * sd_rank's document counts of phrases, per connection (STORE_SLOT_DF;
 * why and how long they are kept: search-rank.c).
 */
struct df_entry {
	char		*key;	/* table tag, '\037', phrase text */
	sqlite3_int64	 df;
};

struct df_cache {
	struct df_entry	*v;
	size_t		 n, cap;
	unsigned	 data_version;
	int		 in_write;	/* filled inside a write on main */
};

/* Forget every count when the catalog may have changed since. */
void		 search_df_cache_check(struct df_cache *, sqlite3 *);
struct df_entry	*search_df_cache_find(struct df_cache *, const char *key);
void		 search_df_cache_put(struct df_cache *, const char *key,
		    sqlite3_int64);
/*
 * store_prepare for SQL that calls sd_rank, registering it on the
 * connection first when needed.
 */
sqlite3_stmt	*search_prepare_ranked(struct store *, const char *,
		    struct sd_error *);

/*
 * The state for a phrase specification ("group:weight:len:text",
 * comma separated) of nphrase phrases over ncol columns weighted wcol;
 * *key (when key is not NULL) gets each phrase's document-count key,
 * freed with search_rank_keys_free.
 */
struct rank_aux	*search_rank_new(const char *spec, const char *tag,
		    int nphrase, const double *wcol, int ncol, char ***key);
/* The table's row count, column token counts and phrase document counts. */
void		 search_rank_stats(struct rank_aux *, sqlite3_int64,
		    const sqlite3_int64 *, const sqlite3_int64 *);
/* The score of the row whose counts are in tf and len. */
double		 search_rank_score(struct rank_aux *);
void		 search_rank_free(void *);
void		 search_rank_keys_free(char **, int);

/* The connection's FTS5 API, or NULL with err set. */
fts5_api	*search_fts5(struct store *, struct sd_error *);

/*
 * search.c: the hits of a result.
 */

/* Column i of s as a string the caller frees, or NULL. */
char		*search_col_dup(sqlite3_stmt *, int);
/* Append *h to res->hits (*cap of them allocated). */
void		 search_hits_push(struct search_result *, size_t *cap,
		    const struct search_hit *);
/* Forget the hits from first on. */
void		 search_hits_drop(struct search_result *, size_t first);

/*
 * search-product.c: the product searches.
 */

/*
 * Rank the products matching expr under q's filters, limit of them,
 * into res (windowed first: see search-product.c).
 */
enum sd_rc	 search_run_products(struct store *,
		    const struct search_query *, const struct plan *,
		    const char *expr, const char *spec, int limit,
		    struct search_result *, size_t *cap, struct sd_error *);

/*
 * search-chunk.c: the document chunks' searches and snippets.
 */

/*
 * Rank the chunks of kinds matching expr (strict: the plan's units all
 * wanted), a document's best chunk only, limit of them, into res.
 */
enum sd_rc	 search_run_chunks(struct store *, const struct plan *,
		    int strict, unsigned kinds, const char *expr,
		    const char *spec, int limit, struct search_result *,
		    size_t *cap, struct sd_error *);
/* Load the connection's chunk map and index now; 0, or -1 if not. */
int		 search_chunks_prepare(struct store *);
/*
 * Snippets of the document hits of res without one: those from first
 * on (idx NULL), or the n hits listed in idx.
 */
enum sd_rc	 search_chunk_snippets(struct store *, const char *expr,
		    struct search_result *, size_t first, const size_t *idx,
		    size_t n, struct sd_error *);

/*
 * The in-memory index of the document chunks (search-index.c), one per
 * connection and chunk_epoch count: NULL when it cannot stand in for
 * chunk_fts exactly (then the FTS5 query runs).
 */

/* A row the index ranked: its rowid and sd_rank's score. */
struct chunk_scored {
	sqlite3_int64	 rowid;
	double		 score;
};

/*
 * The index's parts, for search-index.c (built, ranks) and
 * search-snippet.c (snippets).  A posting's key is row << 32 | column
 * << CI_POS_BITS | position.
 */
#define CI_MAX_COLS	8		/* columns of chunk_fts, and some */
#define CI_POS_BITS	24

struct chunk_index {
	const char	**term;		/* the distinct terms, sorted */
	size_t		*first;		/* term i: key[first[i]..first[i+1]) */
	size_t		 nterm;
	uint64_t	*key;		/* postings, by term then key */
	char		*text;		/* the terms' bytes */
	sqlite3_int64	*rowid;		/* row i's rowid, ascending */
	int		*len;		/* row x column lengths in tokens */
	char		*doc;		/* the columns' texts, for snippets */
	size_t		*doc_off;	/* row x column: where in doc */
	int		*doc_len;	/* row x column: its length in bytes */
	size_t		 nrow;
	int		 ncol;
	sqlite3_int64	 nrow_fts;	/* xRowCount */
	sqlite3_int64	 ntok[CI_MAX_COLS];	/* xColumnTotalSize */
	fts5_tokenizer	 tk;		/* the table's kind of tokenizer */
	Fts5Tokenizer	*tok;		/* made with its arguments */
	int		*slot;		/* scratch: row -> candidate or -1 */
};

/* A phrase as the query tokenizer cuts it: its terms (-1: unknown). */
struct ci_phrase {
	const struct chunk_index *ix;
	long		*term;
	size_t		 n, cap;
	int		 bad;
};

int		 chunk_index_phrases(const struct chunk_index *,
		    const char *const *, size_t, struct ci_phrase **);
void		 chunk_index_phrases_free(struct ci_phrase *, size_t);
/* Whether term t has the posting key. */
int		 chunk_index_has(const struct chunk_index *, long, uint64_t);

struct chunk_index *chunk_index_load(struct store *);
void		 chunk_index_free(struct chunk_index *);
/*
 * Rank the rows that have any of the n phrases (unit NULL), or one
 * phrase of every unit (unit[i]: phrase i's), scored by spec with the
 * column weights wcol as sd_rank scores them; *out (of *nout, best
 * first, then by rowid) is the caller's to free, df[i] gets phrase i's
 * document count.  -1 when the index cannot read a phrase as FTS5
 * would: the caller runs the query instead.
 */
int		 chunk_index_rank(struct chunk_index *, const char *const *,
		    const int *, size_t, const char *, const double *,
		    struct chunk_scored **, size_t *, sqlite3_int64 *);

/* snippet(chunk_fts, col, open, close, ellipsis, ntoken)'s arguments. */
struct chunk_snippet_args {
	int		 col;
	const char	*open, *close, *ellipsis;
	int		 ntoken;
};

/*
 * FTS5's snippet of row rowid for the expression of the phrases (units
 * as for chunk_index_rank) into *out, the caller's (NULL when the row
 * does not match); -1 when the index cannot make it as FTS5 would.
 */
int		 chunk_index_snippet(struct chunk_index *, sqlite3_int64,
		    const char *const *, const int *, size_t,
		    const struct chunk_snippet_args *, char **);

#endif

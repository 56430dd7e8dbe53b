/*
 * search.c owns retrieval: it reads the customer's words (normalised,
 * tokenised, price phrases lifted out as bounds), corrects typos against
 * the vocabulary of product and document words (term_vocab), expands
 * shoppers' words with the synonym table, and ranks products and document
 * chunks with one FTS5 expression per table.
 *
 * Ranking.  The expression is an OR of quoted phrases, so FTS5 syntax in
 * the text is never parsed.  Each phrase belongs to a group (one query
 * word and its alternatives: typo corrections and synonyms) and carries a
 * weight (1 for the customer's own word, less for alternatives).  The
 * auxiliary function sd_rank() scores a row as BM25 (k1 1.2, b 0.75, field
 * weights) summed over groups, taking within a group the best weighted
 * alternative, so that a synonym adds an OR branch with a lower weight and
 * a row matching "couch" and "sofa" is not counted twice.  fts5's own
 * bm25() cannot do this: it has no per-phrase weights.
 *
 * Products and chunks live in different FTS5 tables whose BM25 scales
 * differ (document count, lengths, field weights).  sd_rank divides the
 * sum by its attainable scale: the idf-weighted sum over groups of the
 * largest field weight.  A score near 1 then means "every query word once
 * in the table's best field", whichever table the row comes from, so the
 * two lists merge on one score.  The idf stays in both numerator and
 * denominator, so within a query a rare word still counts more.
 *
 * The document chunks are few and change only with an ingest: each
 * connection ranks them from an in-memory index (search-index.c) with
 * the same arithmetic, and runs the FTS5 query only when the index
 * cannot stand in for it.
 *
 * The files of the module, one job each (search-int.h is what they
 * share):
 *   search.c          the entry points: search_run and its results
 *   search-text.c     normalisation, tokens, edit distance
 *   search-rank.c     sd_rank, the FTS5 ranking function, and its counts
 *   search-typo.c     typo correction against the vocabulary
 *   search-plan.c     the query's plan: words, prices, synonyms, MATCH
 *   search-index.c    the in-memory index of the document chunks
 *   search-snippet.c  FTS5's snippets from that index
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "search.h"
#include "search-int.h"
#include "store.h"

#define RANK_CAP	2000	/* products scored at most, newest first */

static const char *const kind_names[SEARCH_NKINDS] = {
	"product", "faq", "policy", "manual", "ticket"
};

const char *
search_kind_name(enum search_kind k)
{
	if ((int)k < 0 || k >= SEARCH_NKINDS)
		return "unknown";
	return kind_names[k];
}

int
search_kind_parse(const char *s)
{
	int	 i;

	for (i = 0; i < SEARCH_NKINDS; i++)
		if (strcmp(s, kind_names[i]) == 0)
			return i;
	return -1;
}

/* ---- running it ---- */

char *
search_col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

static void	hits_drop(struct search_result *, size_t);

static void
hits_push(struct search_result *res, size_t *cap, const struct search_hit *h)
{
	if (res->n == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		res->hits = xrealloc(res->hits, *cap * sizeof *res->hits);
	}
	res->hits[res->n++] = *h;
}

void
search_hit_release(struct search_hit *h)
{
	free(h->id);
	free(h->title);
	free(h->heading);
	free(h->snippet);
	free(h->currency);
	free(h->category);
	free(h->brand);
	memset(h, 0, sizeof *h);
}

/* Field weights: see product_fts and chunk_fts in store.c. */
static const char product_sql[] =
    "SELECT p.id, p.sku, p.name, p.price, p.currency, p.category, p.brand,"
    "  p.stock, sd_rank(product_fts, ?2, 'product',"
    "    8.0, 5.0, 4.0, 3.0, 3.0, 1.0, 1.0) AS score"
    "  FROM product_fts JOIN products p ON p.id = product_fts.rowid"
    " WHERE product_fts MATCH ?1"
    "   AND (?3 IS NULL OR p.category = ?3 COLLATE NOCASE"
    "        OR p.subcategory = ?3 COLLATE NOCASE)"
    "   AND (?4 IS NULL OR p.price <= ?4)"
    "   AND (?5 IS NULL OR p.price >= ?5)"
    "   AND (?6 = 0 OR p.stock > 0)"
    " ORDER BY score DESC, p.id LIMIT ?7";

/*
 * Scoring a row (its positions and column sizes) costs a microsecond or
 * so, and a word in a tenth of a 100,000-product catalog makes ten
 * thousand candidates.  The window queries score only the newest ?cap
 * rows that match (FTS5 walks its doclists backwards and stops there;
 * a cap of -1 is none): past a few thousand, the words do not tell the
 * rows apart much ("phone" among ten thousand phones) and newer products
 * are the better guess.
 *
 * Without filters the ranking needs nothing from products either: rank
 * inside the full-text table and look up only the rows kept.
 */
static const char product_top_sql[] =
    "SELECT p.id, p.sku, p.name, p.price, p.currency, p.category, p.brand,"
    "  p.stock, r.score"
    "  FROM (SELECT id, score FROM"
    "         (SELECT rowid AS id, sd_rank(product_fts, ?2, 'product',"
    "            8.0, 5.0, 4.0, 3.0, 3.0, 1.0, 1.0) AS score"
    "            FROM product_fts WHERE product_fts MATCH ?1"
    "           ORDER BY rowid DESC LIMIT ?4)"
    "         ORDER BY score DESC, id LIMIT ?3) r"
    "  JOIN products p ON p.id = r.id"
    " ORDER BY r.score DESC, p.id";

/* With filters, in the window: the newest candidates, then the filters. */
static const char product_window_sql[] =
    "SELECT p.id, p.sku, p.name, p.price, p.currency, p.category, p.brand,"
    "  p.stock, r.score"
    "  FROM (SELECT rowid AS id, sd_rank(product_fts, ?2, 'product',"
    "          8.0, 5.0, 4.0, 3.0, 3.0, 1.0, 1.0) AS score"
    "          FROM product_fts WHERE product_fts MATCH ?1"
    "         ORDER BY rowid DESC LIMIT ?8) r"
    "  JOIN products p ON p.id = r.id"
    " WHERE (?3 IS NULL OR p.category = ?3 COLLATE NOCASE"
    "        OR p.subcategory = ?3 COLLATE NOCASE)"
    "   AND (?4 IS NULL OR p.price <= ?4)"
    "   AND (?5 IS NULL OR p.price >= ?5)"
    "   AND (?6 = 0 OR p.stock > 0)"
    " ORDER BY r.score DESC, p.id LIMIT ?7";

/* Whether more than ?2 rows match. */
static const char product_more_sql[] =
    "SELECT 1 FROM product_fts WHERE product_fts MATCH ?1"
    " ORDER BY rowid DESC LIMIT 1 OFFSET ?2";

static const char product_snippet_sql[] =
    "SELECT snippet(product_fts, -1, '[', ']', '...', 12)"
    "  FROM product_fts WHERE product_fts MATCH ?1 AND rowid = ?2";

/*
 * Field weights of a chunk (title, heading, text, tags; bound as ?5-?8).
 * Among FAQs and policies alone, one weight: a policy's title is shared
 * by all its sections and an FAQ's answer holds the facts asked about
 * ("paypal"), so the title must not outweigh them.  With manuals,
 * tickets or products, the title (a product's name) and the heading
 * weigh more, which also keeps a chunk's score on the scale of a
 * product's and of the thresholds callers set for a strong match.
 */
static const double chunk_w_store[4] = { 1.0, 1.0, 1.0, 1.0 };
static const double chunk_w_mixed[4] = { 5.0, 3.0, 1.0, 2.0 };

static const double *
chunk_weights(unsigned kinds)
{
	return (kinds & ~(SEARCH_KIND_BIT(SEARCH_FAQ) |
	    SEARCH_KIND_BIT(SEARCH_POLICY))) != 0 ? chunk_w_mixed :
	    chunk_w_store;
}

static void
bind_chunk_weights(sqlite3_stmt *s, unsigned kinds)
{
	const double	*w = chunk_weights(kinds);
	int		 i;

	for (i = 0; i < 4; i++)
		sqlite3_bind_double(s, 5 + i, w[i]);
}

static const char chunk_sql[] =
    "SELECT c.id, d.doc_key, d.kind, d.title, c.heading, d.id,"
    "  sd_rank(chunk_fts, ?2, 'chunk', ?5, ?6, ?7, ?8) AS score"
    "  FROM chunk_fts JOIN chunks c ON c.id = chunk_fts.rowid"
    "  JOIN documents d ON d.id = c.document_id"
    " WHERE chunk_fts MATCH ?1"
    "   AND (?3 & (CASE d.kind WHEN 'faq' THEN 2 WHEN 'policy' THEN 4"
    "        WHEN 'manual' THEN 8 WHEN 'ticket' THEN 16 ELSE 0 END)) != 0"
    " ORDER BY score DESC, c.id LIMIT ?4";

/*
 * The snippets of several chunks in one statement: most of a snippet's
 * cost is setting up the MATCH, not cutting the text, so one query over
 * the range of the hits' rowids (?4 lists them as ",1,7,") is about half
 * the price of one query per hit.  It visits only matching rows in the
 * range, fewer than the ranking query before it.
 */
/* A chunk's snippet: its text, 16 tokens, the query's words marked. */
static const struct chunk_snippet_args chunk_snip = {
	2, "[", "]", "...", 16
};

static const char chunk_snippets_sql[] =
    "SELECT rowid, snippet(chunk_fts, ?5, ?6, ?7, ?8, ?9)"
    "  FROM chunk_fts WHERE chunk_fts MATCH ?1"
    "   AND rowid BETWEEN ?2 AND ?3 AND instr(?4, ',' || rowid || ',') > 0";

static void
bind_price(sqlite3_stmt *s, int i, double v)
{
	if (v < 0)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_double(s, i, v);
}

static enum sd_rc
snippet_of(struct store *st, const char *sql, const char *expr,
    long long rowid, char **out, struct sd_error *err)
{
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, rowid);
	if (sqlite3_step(s) == SQLITE_ROW)
		*out = search_col_dup(s, 0);
	sqlite3_reset(s);
	if (*out == NULL)
		*out = xstrdup("");
	return SD_OK;
}

/* Whether more than RANK_CAP products match expr. */
static int
product_many(struct store *st, const char *expr)
{
	sqlite3_stmt	*s;
	int		 many;

	if ((s = store_prepare(st, product_more_sql, NULL)) == NULL)
		return 1;
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, RANK_CAP);
	many = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	return many;
}

/*
 * Rank the products matching expr; windowed, only the newest RANK_CAP
 * of them (see product_top_sql).
 */
static enum sd_rc
run_products_in(struct store *st, const struct search_query *q,
    const struct plan *pl, const char *expr, const char *spec, int limit,
    int windowed, struct search_result *res, size_t *cap,
    struct sd_error *err)
{
	sqlite3_stmt	*s;
	struct search_hit h;
	size_t		 first = res->n, i;
	int		 r, filtered;
	const char	*sql;

	filtered = (q->category != NULL && *q->category != '\0') ||
	    pl->max_price >= 0 || pl->min_price >= 0 || q->in_stock;
	sql = !filtered ? product_top_sql : windowed ? product_window_sql :
	    product_sql;
	if ((s = search_prepare_ranked(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, spec, -1, SQLITE_STATIC);
	if (!filtered) {
		sqlite3_bind_int(s, 3, limit);
		sqlite3_bind_int(s, 4, windowed ? RANK_CAP : -1);
	} else {
		if (q->category != NULL && *q->category != '\0')
			sqlite3_bind_text(s, 3, q->category, -1,
			    SQLITE_STATIC);
		bind_price(s, 4, pl->max_price);
		bind_price(s, 5, pl->min_price);
		sqlite3_bind_int(s, 6, q->in_stock != 0);
		sqlite3_bind_int(s, 7, limit);
		if (windowed)
			sqlite3_bind_int(s, 8, RANK_CAP);
	}
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&h, 0, sizeof h);
		h.kind = SEARCH_PRODUCT;
		h.rowid = sqlite3_column_int64(s, 0);
		h.id = search_col_dup(s, 1);
		h.title = search_col_dup(s, 2);
		h.heading = xstrdup("");
		h.price = sqlite3_column_double(s, 3);
		h.currency = search_col_dup(s, 4);
		h.category = search_col_dup(s, 5);
		h.brand = search_col_dup(s, 6);
		h.stock = sqlite3_column_int64(s, 7);
		h.score = sqlite3_column_double(s, 8);
		hits_push(res, cap, &h);
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "search products");
	for (i = first; i < res->n; i++)
		if (snippet_of(st, product_snippet_sql, expr,
		    res->hits[i].rowid, &res->hits[i].snippet, err) != SD_OK)
			return SD_ERR_DB;
	return SD_OK;
}

/*
 * Rank the products matching expr, in the window first.  Without filters
 * the window holds the hits whenever there are any; with them, should
 * they leave too few, every row is scored after all.
 */
static enum sd_rc
run_products(struct store *st, const struct search_query *q,
    const struct plan *pl, const char *expr, const char *spec, int limit,
    struct search_result *res, size_t *cap, struct sd_error *err)
{
	size_t		 first = res->n;
	enum sd_rc	 rc;

	if ((rc = run_products_in(st, q, pl, expr, spec, limit, 1, res, cap,
	    err)) != SD_OK || res->n - first >= (size_t)limit ||
	    !product_many(st, expr))
		return rc;
	hits_drop(res, first);
	return run_products_in(st, q, pl, expr, spec, limit, 0, res, cap,
	    err);
}

/* The snippets of the hits from first on (chunks). */
/*
 * Snippets of the document hits of res without one: those from first on
 * (idx NULL), or the n hits listed in idx.  Every hit named gets a
 * snippet ("" when FTS5 gives none).
 */
static void	chunk_snippets_indexed(struct store *, const char *,
		    struct search_result *, size_t, const size_t *, size_t);

static enum sd_rc
chunk_snippets(struct store *st, const char *expr, struct search_result *res,
    size_t first, const size_t *idx, size_t n, struct sd_error *err)
{
	sqlite3_stmt	*s;
	struct sbuf	 ids = SBUF_INIT;
	struct search_hit *h;
	long long	 lo = 0, hi = 0, rowid;
	size_t		 k;
	int		 r, any = 0;

	if (idx == NULL)
		n = first < res->n ? res->n - first : 0;
	chunk_snippets_indexed(st, expr, res, first, idx, n);
	sbuf_addc(&ids, ',');
	for (k = 0; k < n; k++) {
		h = &res->hits[idx != NULL ? idx[k] : first + k];
		if (h->snippet != NULL)
			continue;
		if (!any || h->rowid < lo)
			lo = h->rowid;
		if (!any || h->rowid > hi)
			hi = h->rowid;
		any = 1;
		sbuf_addf(&ids, "%lld,", h->rowid);
	}
	if (!any) {
		sbuf_release(&ids);
		return SD_OK;
	}
	if ((s = store_prepare(st, chunk_snippets_sql, err)) == NULL) {
		sbuf_release(&ids);
		return SD_ERR_DB;
	}
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, lo);
	sqlite3_bind_int64(s, 3, hi);
	sqlite3_bind_text(s, 4, ids.buf, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 5, chunk_snip.col);
	sqlite3_bind_text(s, 6, chunk_snip.open, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, chunk_snip.close, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, chunk_snip.ellipsis, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 9, chunk_snip.ntoken);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		rowid = sqlite3_column_int64(s, 0);
		for (k = 0; k < n; k++) {
			h = &res->hits[idx != NULL ? idx[k] : first + k];
			if (h->rowid == rowid && h->snippet == NULL)
				h->snippet = search_col_dup(s, 1);
		}
	}
	sqlite3_reset(s);
	sbuf_release(&ids);
	for (k = 0; k < n; k++) {
		h = &res->hits[idx != NULL ? idx[k] : first + k];
		if (h->snippet == NULL)
			h->snippet = xstrdup("");
	}
	if (r != SQLITE_DONE)
		return store_fail(st, err, "search documents");
	return SD_OK;
}

enum sd_rc
search_snippets(struct store *st, struct search_result *res,
    const size_t *idx, size_t n, struct sd_error *err)
{
	size_t	 k;

	for (k = 0; k < n; k++)
		if (idx[k] >= res->n)
			return sd_fail(err, SD_ERR_INVALID,
			    "search_snippets: hit %zu of %zu", idx[k], res->n);
	if (res->doc_expr == NULL) {
		/* Nothing deferred: products and eager hits have theirs. */
		for (k = 0; k < n; k++)
			if (res->hits[idx[k]].snippet == NULL)
				res->hits[idx[k]].snippet = xstrdup("");
		return SD_OK;
	}
	return chunk_snippets(st, res->doc_expr, res, 0, idx, n, err);
}

/*
 * Each chunk's kind and document in memory, per connection.  The
 * ranking query joined chunks and documents for every matching row only
 * to filter by kind and to keep one chunk per document: for a question
 * matching a fifth of the documents that was a third of its time.  With
 * the map, sd_chunk_kind(rowid) filters and only the hits kept are
 * joined.  Read again when the catalog's data version moves; not used
 * while this connection writes the catalog (run_chunks joins then).
 */
#define CHUNK_NO_KIND	0xff	/* a document kind search does not know */

struct chunk_map {
	long long	*id;		/* chunk ids, ascending */
	long long	*doc;		/* their documents */
	unsigned char	*kind;		/* their enum search_kind */
	size_t		 n;
	unsigned	 data_version;
	int		 loaded;
	/*
	 * search-index.c's index, NULL when FTS5 ranks.  It costs a few
	 * milliseconds to build, and carts and orders move the data
	 * version, so it lives while chunk_epoch (store.c) keeps its count.
	 */
	struct chunk_index *index;
	long long	 epoch;		/* chunk_epoch's count when built */
	int		 indexed;	/* tried at that count */
};

static void
chunk_map_clear(struct chunk_map *m)
{
	free(m->id);
	free(m->doc);
	free(m->kind);
	m->id = m->doc = NULL;
	m->kind = NULL;
	m->n = 0;
	m->loaded = 0;
}

static void
chunk_map_free(void *p)
{
	struct chunk_map *m = p;

	if (m == NULL)
		return;
	chunk_map_clear(m);
	chunk_index_free(m->index);
	free(m);
}

/* The index of chunk id in m, or -1. */
static long
chunk_map_find(const struct chunk_map *m, long long id)
{
	size_t	 lo = 0, hi = m->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (m->id[mid] == id)
			return (long)mid;
		if (m->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* sd_chunk_kind(rowid): the chunk's SEARCH_KIND_BIT, 0 if unknown. */
static void
sd_chunk_kind(sqlite3_context *sc, int nval, sqlite3_value **val)
{
	struct chunk_map *m = store_slot_get(sqlite3_user_data(sc),
			    STORE_SLOT_CHUNKS);
	long		 i;

	(void)nval;
	if (m == NULL || !m->loaded || (i = chunk_map_find(m,
	    sqlite3_value_int64(val[0]))) < 0 ||
	    m->kind[i] == CHUNK_NO_KIND)
		sqlite3_result_int(sc, 0);
	else
		sqlite3_result_int(sc, (int)SEARCH_KIND_BIT(m->kind[i]));
}

/* Build the index again unless the chunks are as it was built from. */
static void
chunk_map_index(struct store *st, struct chunk_map *m)
{
	static const char sql[] = "SELECT n FROM chunk_epoch";
	sqlite3_stmt	*s;
	long long	 epoch = -1;	/* unknown: build */

	if ((s = store_prepare(st, sql, NULL)) != NULL) {
		if (sqlite3_step(s) == SQLITE_ROW)
			epoch = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
	}
	if (m->indexed && epoch >= 0 && epoch == m->epoch)
		return;
	chunk_index_free(m->index);
	m->index = chunk_index_load(st);
	m->epoch = epoch;
	m->indexed = 1;
}

static enum sd_rc
chunk_map_load(struct store *st, struct chunk_map *m)
{
	static const char sql[] = "SELECT c.id, c.document_id, d.kind"
	    " FROM chunks c JOIN documents d ON d.id = c.document_id"
	    " ORDER BY c.id";
	sqlite3_stmt	*s;
	size_t		 cap = 0;
	int		 r, k;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return SD_ERR_DB;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (m->n == cap) {
			cap = cap ? cap * 2 : 256;
			m->id = xrealloc(m->id, cap * sizeof *m->id);
			m->doc = xrealloc(m->doc, cap * sizeof *m->doc);
			m->kind = xrealloc(m->kind, cap * sizeof *m->kind);
		}
		k = search_kind_parse((const char *)sqlite3_column_text(s,
		    2));
		m->id[m->n] = sqlite3_column_int64(s, 0);
		m->doc[m->n] = sqlite3_column_int64(s, 1);
		m->kind[m->n] = (unsigned char)(k >= 0 ? k : CHUNK_NO_KIND);
		m->n++;
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		chunk_map_clear(m);
		return SD_ERR_DB;
	}
	m->loaded = 1;
	chunk_map_index(st, m);
	return SD_OK;
}

/* The connection's chunk map, loaded and current; NULL to join instead. */
static struct chunk_map *
chunk_map_get(struct store *st)
{
	sqlite3		*db = store_db(st);
	struct chunk_map *m = store_slot_get(st, STORE_SLOT_CHUNKS);
	unsigned	 dv;

	if (search_catalog_version(db, &dv) != 0)
		return NULL;
	if (m == NULL) {
		if (sqlite3_create_function_v2(db, "sd_chunk_kind", 1,
		    SQLITE_UTF8, st, sd_chunk_kind, NULL, NULL, NULL) !=
		    SQLITE_OK)
			return NULL;
		m = xcalloc(1, sizeof *m);
		m->data_version = dv;
		store_slot_set(st, STORE_SLOT_CHUNKS, m, chunk_map_free);
	} else if (m->data_version != dv) {
		chunk_map_clear(m);
		m->data_version = dv;
	}
	if (!m->loaded && chunk_map_load(st, m) != SD_OK)
		return NULL;
	return m;
}

/*
 * The phrases of a MATCH expression search_plan_expr wrote: "a" OR "b", or
 * ("a" OR "b") AND ("c"), each parenthesised run a unit; *strict when
 * there are units.  -1 for anything else.
 */
static int
expr_phrases(const char *expr, struct tokens *ph, int **unit, int *strict)
{
	struct sbuf	 w = SBUF_INIT;
	const char	*p = expr;
	size_t		 cap = 0;
	int		 u = 0, depth = 0, rc = 0;

	*strict = 0;
	*unit = NULL;
	while (*p != '\0' && rc == 0) {
		if (*p == ' ' || strncmp(p, "OR ", 3) == 0) {
			p += *p == ' ' ? 1 : 2;
		} else if (strncmp(p, "AND ", 4) == 0 && depth == 0) {
			*strict = 1;
			p += 3;
		} else if (*p == '(' && depth == 0) {
			depth = 1;
			p++;
		} else if (*p == ')' && depth == 1) {
			depth = 0;
			u++;
			p++;
		} else if (*p == '"') {
			sbuf_reset(&w);
			for (p++; *p != '\0' && (*p != '"' || p[1] == '"'); p++)
				sbuf_addc(&w, *p == '"' ? *p++ : *p);
			if (*p++ != '"')
				rc = -1;
			search_tokens_add(ph, w.buf, w.len);
			if (ph->n > cap) {
				cap = ph->n * 2;
				*unit = xrealloc(*unit, cap * sizeof **unit);
			}
			(*unit)[ph->n - 1] = u;
		} else
			rc = -1;
	}
	sbuf_release(&w);
	return rc == 0 && depth == 0 && ph->n > 0 ? 0 : -1;
}

/*
 * The snippets chunk_snippets_sql would make, from the in-memory index
 * where it can (a FTS5 query costs 20 us a phrase to set up); the hits
 * it leaves without one go to the query.
 */
static void
chunk_snippets_indexed(struct store *st, const char *expr,
    struct search_result *res, size_t first, const size_t *idx, size_t n)
{
	struct chunk_map *m = chunk_map_get(st);
	struct tokens	 ph = { NULL, 0, 0 };
	struct search_hit *h;
	int		*unit = NULL, strict;
	size_t		 k;

	if (m == NULL || m->index == NULL || expr_phrases(expr, &ph, &unit,
	    &strict) != 0)
		goto out;
	for (k = 0; k < n; k++) {
		h = &res->hits[idx != NULL ? idx[k] : first + k];
		if (h->snippet == NULL && chunk_index_snippet(m->index,
		    h->rowid, (const char *const *)ph.v, strict ? unit : NULL,
		    ph.n, &chunk_snip, &h->snippet) != 0)
			break;
	}
out:
	search_tokens_free(&ph);
	free(unit);
}

static const char chunk_fast_sql[] =
    "SELECT rowid,"
    "  sd_rank(chunk_fts, ?2, 'chunk', ?5, ?6, ?7, ?8) AS score"
    "  FROM chunk_fts WHERE chunk_fts MATCH ?1"
    "   AND (?3 & sd_chunk_kind(rowid)) != 0"
    " ORDER BY score DESC, rowid LIMIT ?4";

static const char chunk_hit_sql[] =
    "SELECT d.doc_key, d.title, c.heading"
    "  FROM chunks c JOIN documents d ON d.id = c.document_id"
    " WHERE c.id = ?1";

/* What run_chunks_mapped keeps while it reads the ranked rows. */
struct chunk_take {
	sqlite3_stmt	*hs;		/* chunk_hit_sql */
	long long	*seen;		/* documents kept */
	size_t		 nseen;
	int		 limit;
};

/* The ranked row rowid (scored score) as a hit, its document's best. */
static void
chunk_take(const struct chunk_map *m, struct chunk_take *tk,
    long long rowid, double score, struct search_result *res, size_t *cap)
{
	struct search_hit h;
	long long	 docid;
	size_t		 j;
	long		 i;
	int		 hr;

	if ((i = chunk_map_find(m, rowid)) < 0)
		return;
	docid = m->doc[i];
	for (j = 0; j < tk->nseen; j++)
		if (tk->seen[j] == docid)
			return;
	if (tk->nseen >= (size_t)tk->limit)
		return;
	memset(&h, 0, sizeof h);
	h.kind = (enum search_kind)m->kind[i];
	h.rowid = m->id[i];
	h.score = score;
	sqlite3_bind_int64(tk->hs, 1, h.rowid);
	hr = sqlite3_step(tk->hs);
	if (hr == SQLITE_ROW) {
		h.id = search_col_dup(tk->hs, 0);
		h.title = search_col_dup(tk->hs, 1);
		h.heading = search_col_dup(tk->hs, 2);
	}
	sqlite3_reset(tk->hs);
	if (hr != SQLITE_ROW)
		return;		/* gone since the map was read */
	tk->seen[tk->nseen++] = docid;
	hits_push(res, cap, &h);
}

/*
 * The rows chunk_fast_sql would give, from the in-memory index: the
 * phrases of pl (every unit with strict), ranked, those of kinds, the
 * first n of them.  Each phrase's document count goes to sd_rank's
 * cache, as the query would leave it.  -1 when the index cannot.
 */
static int
chunk_index_rows(struct store *st, const struct chunk_map *m,
    const struct plan *pl, int strict, unsigned kinds, const char *spec,
    int n, struct chunk_take *tk, struct search_result *res, size_t *cap)
{
	struct df_cache	*c = store_slot_get(st, STORE_SLOT_DF);
	struct chunk_scored *row = NULL;
	struct sbuf	 key = SBUF_INIT;
	const char	**text;
	sqlite3_int64	*df;
	size_t		 nrow = 0, i;
	int		*unit, got = 0, ok;
	long		 k;

	text = xcalloc(pl->nph + 1, sizeof *text);
	unit = xcalloc(pl->nph + 1, sizeof *unit);
	df = xcalloc(pl->nph + 1, sizeof *df);
	for (i = 0; i < pl->nph; i++) {
		text[i] = pl->ph[i].text;
		unit[i] = pl->ph[i].unit;
	}
	ok = chunk_index_rank(m->index, text, strict ? unit : NULL, pl->nph,
	    spec, chunk_weights(kinds), &row, &nrow, df) == 0;
	if (ok && c != NULL) {
		search_df_cache_check(c, store_db(st));
		for (i = 0; i < pl->nph; i++) {
			sbuf_reset(&key);
			sbuf_addf(&key, "chunk\037%s", text[i]);
			if (search_df_cache_find(c, key.buf) == NULL)
				search_df_cache_put(c, key.buf, df[i]);
		}
	}
	for (i = 0; ok && i < nrow && got < n; i++) {
		if ((k = chunk_map_find(m, row[i].rowid)) < 0 ||
		    m->kind[k] == CHUNK_NO_KIND ||
		    (kinds & SEARCH_KIND_BIT(m->kind[k])) == 0)
			continue;
		got++;
		chunk_take(m, tk, row[i].rowid, row[i].score, res, cap);
	}
	sbuf_release(&key);
	free(row);
	free(text);
	free(unit);
	free(df);
	return ok ? 0 : -1;
}

/* run_chunks with the chunk map: the same hits, in the same order. */
static enum sd_rc
run_chunks_mapped(struct store *st, const struct chunk_map *m,
    const struct plan *pl, int strict, unsigned kinds, const char *expr,
    const char *spec, int limit, struct search_result *res, size_t *cap,
    struct sd_error *err)
{
	sqlite3_stmt	*s;
	struct chunk_take tk;
	int		 r = SQLITE_DONE;

	memset(&tk, 0, sizeof tk);
	tk.limit = limit;
	if ((s = search_prepare_ranked(st, chunk_fast_sql, err)) == NULL ||
	    (tk.hs = store_prepare(st, chunk_hit_sql, err)) == NULL)
		return SD_ERR_DB;
	tk.seen = xcalloc((size_t)limit * 4 + 1, sizeof *tk.seen);
	if (m->index != NULL && chunk_index_rows(st, m, pl, strict, kinds,
	    spec, limit * 4, &tk, res, cap) == 0)
		goto out;
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, spec, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, (int)kinds);
	sqlite3_bind_int(s, 4, limit * 4);
	bind_chunk_weights(s, kinds);
	while ((r = sqlite3_step(s)) == SQLITE_ROW)
		chunk_take(m, &tk, sqlite3_column_int64(s, 0),
		    sqlite3_column_double(s, 1), res, cap);
	sqlite3_reset(s);
out:
	free(tk.seen);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "search documents");
	return SD_OK;
}

static enum sd_rc
run_chunks(struct store *st, const struct plan *pl, int strict,
    unsigned kinds, const char *expr, const char *spec, int limit,
    struct search_result *res, size_t *cap, struct sd_error *err)
{
	sqlite3_stmt	*s;
	struct search_hit h;
	struct chunk_map *m;
	long long	*seen = NULL, docid;
	size_t		 nseen = 0, j;
	int		 r, k, dup;

	if ((m = chunk_map_get(st)) != NULL)
		return run_chunks_mapped(st, m, pl, strict, kinds, expr, spec,
		    limit, res, cap, err);
	if ((s = search_prepare_ranked(st, chunk_sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, spec, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, (int)kinds);
	/* Several chunks of a document may match: keep its best. */
	sqlite3_bind_int(s, 4, limit * 4);
	bind_chunk_weights(s, kinds);
	seen = xcalloc((size_t)limit * 4 + 1, sizeof *seen);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		docid = sqlite3_column_int64(s, 5);
		for (dup = 0, j = 0; j < nseen && !dup; j++)
			dup = seen[j] == docid;
		if (dup || nseen >= (size_t)limit)
			continue;
		seen[nseen++] = docid;
		memset(&h, 0, sizeof h);
		k = search_kind_parse((const char *)sqlite3_column_text(s, 2));
		h.kind = k > 0 ? (enum search_kind)k : SEARCH_FAQ;
		h.rowid = sqlite3_column_int64(s, 0);
		h.id = search_col_dup(s, 1);
		h.title = search_col_dup(s, 3);
		h.heading = search_col_dup(s, 4);
		h.score = sqlite3_column_double(s, 6);
		hits_push(res, cap, &h);
	}
	sqlite3_reset(s);
	free(seen);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "search documents");
	return SD_OK;
}

/* Forget the hits from first on (a strict pass that found too few). */
static void
hits_drop(struct search_result *res, size_t first)
{
	size_t	 i;

	for (i = first; i < res->n; i++)
		search_hit_release(&res->hits[i]);
	res->n = first;
}

/*
 * Whether the strict expression (every unit of the query) cannot give
 * limit hits in table tag, which makes its pass wasted: a row has a unit
 * only if it has one of the unit's phrases, so no more rows have them
 * all than the phrases of any one unit are in (the document counts
 * sd_rank keeps).  A phrase not counted yet bounds nothing: the pass
 * then runs.  It costs a search's setup, a tenth of a manual answer.
 */
static int
strict_hopeless(struct store *st, const struct plan *pl, const char *tag,
    int limit)
{
	struct df_cache	*c = store_slot_get(st, STORE_SLOT_DF);
	struct df_entry	*e;
	struct sbuf	 key = SBUF_INIT;
	sqlite3_int64	 rows;
	size_t		 i, j;
	int		 known, hopeless = 0;

	if (c == NULL)
		return 0;
	search_df_cache_check(c, store_db(st));
	for (i = 0; i < pl->nph && !hopeless; i = j) {
		rows = 0;
		known = 1;
		for (j = i; j < pl->nph && pl->ph[j].unit == pl->ph[i].unit;
		    j++) {
			sbuf_reset(&key);
			sbuf_addf(&key, "%s\037%s", tag, pl->ph[j].text);
			if ((e = search_df_cache_find(c, key.buf)) == NULL)
				known = 0;
			else
				rows += e->df;
		}
		hopeless = known && rows < (sqlite3_int64)limit;
	}
	sbuf_release(&key);
	return hopeless;
}

/*
 * Rank the rows that have every query word first, the rows that have any
 * only when those are fewer than wanted.  With OR semantics a common word
 * makes a large share of the table a candidate, and sd_rank then scores
 * every one of them; rows with all the words are the ones BM25 puts on
 * top anyway (a row scores the same under both expressions), so when
 * there are enough of them the others cannot change much but the time.
 * *used becomes the looser expression when it was needed.
 */
static enum sd_rc
rank_products(struct store *st, const struct search_query *q,
    const struct plan *pl, const struct sbuf *any, const struct sbuf *all,
    const char *spec, int limit, struct search_result *res, size_t *cap,
    const char **used, struct sd_error *err)
{
	size_t		 first = res->n;
	enum sd_rc	 rc;

	if (all->len > 0 && !strict_hopeless(st, pl, "product", limit)) {
		if ((rc = run_products(st, q, pl, all->buf, spec, limit, res,
		    cap, err)) != SD_OK)
			return rc;
		if (res->n - first >= (size_t)limit)
			return SD_OK;
		hits_drop(res, first);
	}
	*used = any->buf;
	return run_products(st, q, pl, any->buf, spec, limit, res, cap, err);
}

/*
 * The same for document chunks.  With lazy set the snippets are left to
 * search_snippets, which finds the expression in res->doc_expr.
 */
static enum sd_rc
rank_chunks(struct store *st, const struct plan *pl, unsigned kinds,
    const struct sbuf *any, const struct sbuf *all, const char *spec,
    int limit, int lazy, struct search_result *res, size_t *cap,
    const char **used, struct sd_error *err)
{
	size_t		 first = res->n;
	const char	*expr = any->buf;
	enum sd_rc	 rc;

	/*
	 * Snippets only for the hits kept: a strict pass with too few hits
	 * used to highlight its chunks and drop them, half of a question's
	 * snippet time.
	 */
	if (all->len > 0 && !strict_hopeless(st, pl, "chunk", limit)) {
		if ((rc = run_chunks(st, pl, 1, kinds, all->buf, spec, limit,
		    res, cap, err)) != SD_OK)
			return rc;
		if (res->n - first >= (size_t)limit)
			expr = all->buf;
		else
			hits_drop(res, first);
	}
	if (expr == any->buf) {
		*used = any->buf;
		if ((rc = run_chunks(st, pl, 0, kinds, any->buf, spec, limit,
		    res, cap, err)) != SD_OK)
			return rc;
	}
	if (lazy) {
		res->doc_expr = xstrdup(expr);
		return SD_OK;
	}
	return chunk_snippets(st, expr, res, first, NULL, 0, err);
}

static int
hit_cmp(const void *a, const void *b)
{
	const struct search_hit *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->kind != y->kind)
		return (int)x->kind - (int)y->kind;
	return x->rowid < y->rowid ? -1 : x->rowid > y->rowid;
}

enum sd_rc
search_run(struct store *st, const struct search_query *q,
    struct search_result *res, struct sd_error *err)
{
	struct plan	 pl;
	struct sbuf	 expr = SBUF_INIT, all = SBUF_INIT, spec = SBUF_INIT;
	const char	*used = NULL;
	unsigned	 kinds = q->kinds ? q->kinds : SEARCH_ALL_KINDS;
	int		 limit = q->limit > 0 ? q->limit : 10;
	int		 filtered;
	size_t		 cap = 0, i;
	enum sd_rc	 rc;

	memset(res, 0, sizeof *res);
	memset(&pl, 0, sizeof pl);
	sbuf_init(&pl.corrected);
	sbuf_init(&pl.expanded);
	res->max_price = res->min_price = -1;
	if ((rc = search_make_plan(st, q, &pl, err)) != SD_OK)
		goto out;
	res->max_price = pl.max_price;
	res->min_price = pl.min_price;
	if (pl.corrected.len > 0)
		res->corrected = xstrdup(pl.corrected.buf);
	if (pl.expanded.len > 0)
		res->expanded = xstrdup(pl.expanded.buf);
	if (pl.nph == 0)
		goto out;
	search_plan_expr(&pl, &expr, &all, &spec);
	used = all.len > 0 ? all.buf : expr.buf;
	/* Product filters leave documents out: they have no price. */
	filtered = (q->category != NULL && *q->category != '\0') ||
	    pl.max_price >= 0 || pl.min_price >= 0 || q->in_stock;
	if ((kinds & SEARCH_KIND_BIT(SEARCH_PRODUCT)) &&
	    (rc = rank_products(st, q, &pl, &expr, &all, spec.buf, limit, res,
	    &cap, &used, err)) != SD_OK)
		goto out;
	if ((kinds & SEARCH_DOC_KINDS) && !filtered &&
	    (rc = rank_chunks(st, &pl, kinds, &expr, &all,
	    spec.buf, limit, q->lazy_snippets, res, &cap, &used, err)) !=
	    SD_OK)
		goto out;
	res->expr = xstrdup(used);
	for (i = 0; q->kind_weight != NULL && i < res->n; i++)
		res->hits[i].score *= q->kind_weight[res->hits[i].kind];
	if (res->n > 1)
		qsort(res->hits, res->n, sizeof *res->hits, hit_cmp);
	for (i = (size_t)limit; i < res->n; i++)
		search_hit_release(&res->hits[i]);
	if (res->n > (size_t)limit)
		res->n = (size_t)limit;
out:
	search_plan_free(&pl);
	sbuf_release(&expr);
	sbuf_release(&all);
	sbuf_release(&spec);
	return rc;
}

void
search_result_free(struct search_result *res)
{
	size_t	 i;

	if (res == NULL)
		return;
	for (i = 0; i < res->n; i++)
		search_hit_release(&res->hits[i]);
	free(res->hits);
	free(res->expr);
	free(res->doc_expr);
	free(res->corrected);
	free(res->expanded);
	memset(res, 0, sizeof *res);
}

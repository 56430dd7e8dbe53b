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
 *   search-chunk.c    the document chunks' searches, chunk map, snippets
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

void
search_hits_push(struct search_result *res, size_t *cap,
    const struct search_hit *h)
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
		search_hits_push(res, cap, &h);
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
	return search_chunk_snippets(st, res->doc_expr, res, 0, idx, n, err);
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
		if ((rc = search_run_chunks(st, pl, 1, kinds, all->buf, spec,
		    limit, res, cap, err)) != SD_OK)
			return rc;
		if (res->n - first >= (size_t)limit)
			expr = all->buf;
		else
			hits_drop(res, first);
	}
	if (expr == any->buf) {
		*used = any->buf;
		if ((rc = search_run_chunks(st, pl, 0, kinds, any->buf, spec,
		    limit, res, cap, err)) != SD_OK)
			return rc;
	}
	if (lazy) {
		res->doc_expr = xstrdup(expr);
		return SD_OK;
	}
	return search_chunk_snippets(st, expr, res, first, NULL, 0, err);
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

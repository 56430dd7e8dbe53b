/*
 * search-product.c: searching the products.  It ranks the products
 * matching the plan's expression with sd_rank, with the category,
 * price and stock filters in the same query, and cuts each hit's
 * snippet.  Its own file because a product search has its own cost
 * model: a common word in a large catalog makes thousands of
 * candidates, so the query ranks a window of the newest ones first and
 * scores every row only when the filters leave the window short.
 * search.c decides when to run which expression.
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
enum sd_rc
search_run_products(struct store *st, const struct search_query *q,
    const struct plan *pl, const char *expr, const char *spec, int limit,
    struct search_result *res, size_t *cap, struct sd_error *err)
{
	size_t		 first = res->n;
	enum sd_rc	 rc;

	if ((rc = run_products_in(st, q, pl, expr, spec, limit, 1, res, cap,
	    err)) != SD_OK || res->n - first >= (size_t)limit ||
	    !product_many(st, expr))
		return rc;
	search_hits_drop(res, first);
	return run_products_in(st, q, pl, expr, spec, limit, 0, res, cap,
	    err);
}

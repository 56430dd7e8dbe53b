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
 *   search.c          the entry points: search_run (which expression runs
 *                     on which table) and its results
 *   search-text.c     normalisation, tokens, edit distance
 *   search-rank.c     sd_rank, the FTS5 ranking function, and its counts
 *   search-typo.c     typo correction against the vocabulary
 *   search-plan.c     the query's plan: words, prices, synonyms, MATCH
 *   search-product.c  the product searches
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

char *
search_col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

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
void
search_hits_drop(struct search_result *res, size_t first)
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
		if ((rc = search_run_products(st, q, pl, all->buf, spec, limit,
		    res, cap, err)) != SD_OK)
			return rc;
		if (res->n - first >= (size_t)limit)
			return SD_OK;
		search_hits_drop(res, first);
	}
	*used = any->buf;
	return search_run_products(st, q, pl, any->buf, spec, limit, res, cap,
	    err);
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
			search_hits_drop(res, first);
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
search_prepare(struct store *st)
{
	(void)search_chunks_prepare(st);
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

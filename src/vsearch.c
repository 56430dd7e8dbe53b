/*
 * vsearch.c: hybrid retrieval.  BM25 (search_run, unchanged) and the
 * vector index each rank the candidates; weighted reciprocal rank fusion
 * (vec_fuse) merges the two lists.  Ranks fuse rather than scores because
 * BM25 scores and cosines live on unrelated scales; a row without an
 * embedding simply has no vector rank and keeps its BM25 share.
 *
 * Documents are ranked per document, as search_run does (its best chunk
 * stands for the document): a vector hit on any chunk of a document
 * counts for that document, so the two lists name the same things.
 *
 * The index is loaded on first use and reloaded when the embeddings table
 * changed (checked at most every RELOAD_CHECK_S seconds, and only when
 * another connection wrote to the database: counting a large table is
 * not free).  A failing embedder is not an error: the BM25 list stands
 * and vec_retriever_error says why.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "llm.h"
#include "sbuf.h"
#include "search.h"
#include "store.h"
#include "vector.h"

#define RELOAD_CHECK_S	10	/* seconds between staleness checks */
#define FAST_FROM	20000	/* index size from which the int8 scan pays */
#define CHUNK_MULT	4	/* chunk hits per document wanted */
#define SNIPPET_CHARS	160

struct vec_retriever {
	struct store	*st;
	struct llm	*llm;
	char		*model;
	double		 weight;
	struct vec_index *ix;		/* NULL: not loaded yet */
	long long	 ix_count;	/* embeddings the index was built from */
	char		*ix_stamp;	/* their newest created_at */
	time_t		 checked;	/* last staleness check */
	int		 data_version;
	char		*qtext;		/* last query embedded ... */
	float		*qvec;		/* ... and its vector */
	int		 qdim;
	struct sbuf	 error;		/* why the last search used BM25 only */
};

struct vec_retriever *
vec_retriever_new(struct store *st, struct llm *llm, const char *model,
    double weight)
{
	struct vec_retriever *r = xcalloc(1, sizeof *r);

	r->st = st;
	r->llm = llm;
	r->model = xstrdup(model);
	r->weight = weight < 0 ? 0 : weight > 1 ? 1 : weight;
	r->data_version = -1;
	sbuf_init(&r->error);
	return r;
}

double
vec_retriever_set_weight(struct vec_retriever *r, double w)
{
	double	 was = r->weight;

	r->weight = w < 0 ? 0 : w > 1 ? 1 : w;
	return was;
}

void
vec_retriever_free(struct vec_retriever *r)
{
	if (r == NULL)
		return;
	vec_index_free(r->ix);
	free(r->model);
	free(r->ix_stamp);
	free(r->qtext);
	free(r->qvec);
	sbuf_release(&r->error);
	free(r);
}

const char *
vec_retriever_error(const struct vec_retriever *r)
{
	return r->error.len > 0 ? r->error.buf : NULL;
}

size_t
vec_retriever_size(struct vec_retriever *r, struct sd_error *err)
{
	if (r->ix == NULL && vec_retriever_refresh(r, err) != SD_OK)
		return 0;
	return r->ix != NULL ? vec_index_size(r->ix) : 0;
}

/* What the embeddings of the model look like now: count, newest stamp. */
static enum sd_rc
stamp(struct vec_retriever *r, long long *count, char **newest,
    struct sd_error *err)
{
	static const char sql[] = "SELECT count(*), max(created_at)"
	    " FROM embeddings WHERE model = ?1";
	sqlite3_stmt	*s;
	const unsigned char *t;

	if ((s = store_prepare(r->st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, r->model, -1, SQLITE_STATIC);
	if (sqlite3_step(s) != SQLITE_ROW) {
		sqlite3_reset(s);
		return store_fail(r->st, err, "count embeddings");
	}
	*count = sqlite3_column_int64(s, 0);
	t = sqlite3_column_text(s, 1);
	*newest = xstrdup(t != NULL ? (const char *)t : "");
	sqlite3_reset(s);
	return SD_OK;
}

static int
data_version(struct store *st)
{
	sqlite3_stmt	*s;
	int		 v = -1;

	if (sqlite3_prepare_v2(store_db(st), "PRAGMA data_version", -1, &s,
	    NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	return v;
}

enum sd_rc
vec_retriever_refresh(struct vec_retriever *r, struct sd_error *err)
{
	struct vec_index *ix;
	long long	 count = 0;
	char		*newest = NULL;
	time_t		 now = time(NULL);
	int		 dv;
	enum sd_rc	 rc;

	if (r->ix != NULL) {
		if (now - r->checked < RELOAD_CHECK_S)
			return SD_OK;
		r->checked = now;
		if ((dv = data_version(r->st)) == r->data_version)
			return SD_OK;
		r->data_version = dv;
	} else {
		r->checked = now;
		r->data_version = data_version(r->st);
	}
	if ((rc = stamp(r, &count, &newest, err)) != SD_OK)
		return rc;
	if (r->ix != NULL && count == r->ix_count &&
	    strcmp(newest, r->ix_stamp) == 0) {
		free(newest);
		return SD_OK;
	}
	if ((rc = vec_index_load(r->st, r->model, &ix, err)) != SD_OK) {
		free(newest);
		return rc;
	}
	vec_index_free(r->ix);
	r->ix = ix;
	r->ix_count = count;
	free(r->ix_stamp);
	r->ix_stamp = newest;
	return SD_OK;
}

/* The query's vector, from the server (the last one is remembered). */
static const float *
query_vec(struct vec_retriever *r, const char *text, struct sd_error *err)
{
	float		*v = NULL;
	int		 dim = 0;

	if (r->qtext != NULL && strcmp(r->qtext, text) == 0)
		return r->qvec;
	if (llm_embed(r->llm, &text, 1, &v, &dim, err) != SD_OK)
		return NULL;
	if (dim != vec_index_dim(r->ix)) {
		free(v);
		sd_fail(err, SD_ERR_PARSE, "embedding of %d dimensions, the "
		    "stored ones have %d (model changed? run shopdesk embed)",
		    dim, vec_index_dim(r->ix));
		return NULL;
	}
	free(r->qtext);
	free(r->qvec);
	r->qtext = xstrdup(text);
	r->qvec = v;
	r->qdim = dim;
	return v;
}

/* A candidate of one list: the key it fuses on and its hit. */
struct cand {
	struct search_hit hit;		/* owned */
	long long	 key;		/* products.id or documents.id */
	double		 cosine;
};

static char *
col(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

/* The document a chunk belongs to (0: none). */
static long long
chunk_document(struct store *st, long long chunk)
{
	static const char sql[] = "SELECT document_id FROM chunks"
	    " WHERE id = ?1";
	sqlite3_stmt	*s;
	long long	 d = 0;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return 0;
	sqlite3_bind_int64(s, 1, chunk);
	if (sqlite3_step(s) == SQLITE_ROW)
		d = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return d;
}

/* A product found by its vector, if it passes the query's filters. */
static int
product_hit(struct store *st, long long id, const struct search_query *q,
    double maxp, double minp, struct search_hit *h)
{
	static const char sql[] = "SELECT sku, name, price, currency,"
	    " category, brand, stock, substr(description, 1, ?2)"
	    " FROM products WHERE id = ?1"
	    "   AND (?3 IS NULL OR category = ?3 COLLATE NOCASE"
	    "        OR subcategory = ?3 COLLATE NOCASE)"
	    "   AND (?4 IS NULL OR price <= ?4)"
	    "   AND (?5 IS NULL OR price >= ?5)"
	    "   AND (?6 = 0 OR stock > 0)";
	sqlite3_stmt	*s;
	int		 found = 0;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return 0;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, SNIPPET_CHARS);
	if (q->category != NULL && *q->category != '\0')
		sqlite3_bind_text(s, 3, q->category, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, 3);
	if (maxp >= 0)
		sqlite3_bind_double(s, 4, maxp);
	else
		sqlite3_bind_null(s, 4);
	if (minp >= 0)
		sqlite3_bind_double(s, 5, minp);
	else
		sqlite3_bind_null(s, 5);
	sqlite3_bind_int(s, 6, q->in_stock != 0);
	if (sqlite3_step(s) == SQLITE_ROW) {
		memset(h, 0, sizeof *h);
		h->kind = SEARCH_PRODUCT;
		h->rowid = id;
		h->id = col(s, 0);
		h->title = col(s, 1);
		h->price = sqlite3_column_double(s, 2);
		h->currency = col(s, 3);
		h->category = col(s, 4);
		h->brand = col(s, 5);
		h->stock = sqlite3_column_int64(s, 6);
		h->heading = xstrdup("");
		h->snippet = col(s, 7);
		found = 1;
	}
	sqlite3_reset(s);
	return found;
}

/* A chunk found by its vector, if its document's kind is wanted. */
static int
chunk_hit(struct store *st, long long id, unsigned kinds, long long *doc,
    struct search_hit *h)
{
	static const char sql[] = "SELECT d.id, d.doc_key, d.kind, d.title,"
	    " c.heading, substr(c.text, 1, ?2)"
	    " FROM chunks c JOIN documents d ON d.id = c.document_id"
	    " WHERE c.id = ?1";
	sqlite3_stmt	*s;
	int		 k, found = 0;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return 0;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, SNIPPET_CHARS);
	if (sqlite3_step(s) == SQLITE_ROW) {
		k = search_kind_parse((const char *)sqlite3_column_text(s, 2));
		if (k > 0 && (kinds & SEARCH_KIND_BIT(k))) {
			memset(h, 0, sizeof *h);
			*doc = sqlite3_column_int64(s, 0);
			h->kind = (enum search_kind)k;
			h->rowid = id;
			h->id = col(s, 1);
			h->title = col(s, 3);
			h->heading = col(s, 4);
			h->snippet = col(s, 5);
			found = 1;
		}
	}
	sqlite3_reset(s);
	return found;
}

/*
 * The vector list: products and documents (best chunk each) that pass
 * the query's kinds and filters, best first, at most want of each.
 */
static size_t
vector_list(struct vec_retriever *r, const float *qv,
    const struct search_query *q, const struct search_result *bm,
    unsigned kinds, int filtered, size_t want, struct cand **out)
{
	struct vec_hit	*vh;
	struct cand	*c;
	enum vec_mode	 mode;
	size_t		 nv, n = 0, i, j, k, cap;
	unsigned	 vk;
	int		 ok;

	mode = vec_index_size(r->ix) >= FAST_FROM ? VEC_FAST : VEC_EXACT;
	cap = want * (1 + CHUNK_MULT);
	c = xcalloc(cap + 1, sizeof *c);
	vh = xcalloc(want * CHUNK_MULT + 1, sizeof *vh);
	for (k = 0; k < 2; k++) {
		if (k == 0 && !(kinds & SEARCH_KIND_BIT(SEARCH_PRODUCT)))
			continue;
		if (k == 1 && (!(kinds & SEARCH_DOC_KINDS) || filtered))
			continue;
		vk = k == 0 ? 1u << VEC_PRODUCT : 1u << VEC_CHUNK;
		nv = vec_index_search(r->ix, qv, vk, k == 0 ? want :
		    want * CHUNK_MULT, mode, vh);
		for (i = 0; i < nv; i++) {
			if (k == 0)
				ok = product_hit(r->st, vh[i].rowid, q,
				    bm->max_price, bm->min_price, &c[n].hit);
			else
				ok = chunk_hit(r->st, vh[i].rowid, kinds,
				    &c[n].key, &c[n].hit);
			if (!ok)
				continue;
			if (k == 0)
				c[n].key = vh[i].rowid;
			for (j = 0; j < n; j++)
				if ((c[j].hit.kind == SEARCH_PRODUCT) ==
				    (k == 0) && c[j].key == c[n].key)
					break;
			if (j < n) {	/* another chunk of a document kept */
				search_hit_release(&c[n].hit);
				continue;
			}
			c[n].cosine = vh[i].score;
			n++;
		}
	}
	free(vh);
	*out = c;
	return n;
}

static int
cand_cmp(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;

	if (x->cosine != y->cosine)
		return x->cosine > y->cosine ? -1 : 1;
	if (x->hit.kind != y->hit.kind)
		return x->hit.kind < y->hit.kind ? -1 : 1;
	return x->key < y->key ? -1 : x->key > y->key;
}

static enum vec_kind
fuse_kind(enum search_kind k)
{
	return k == SEARCH_PRODUCT ? VEC_PRODUCT : VEC_CHUNK;
}

enum sd_rc
vec_search(struct vec_retriever *r, const struct search_query *q,
    struct search_result *res, struct vec_rank **ranks, struct sd_error *err)
{
	struct search_query bq = *q;
	struct sd_error	 verr = SD_ERROR_INIT;
	struct search_hit *hits;
	struct vec_hit	*la = NULL, *lb = NULL;
	struct vec_fused *fu = NULL;
	struct vec_rank	*rk;
	struct cand	*vc = NULL;
	const float	*qv;
	unsigned	 kinds = q->kinds ? q->kinds : SEARCH_ALL_KINDS;
	int		 limit = q->limit > 0 ? q->limit : 10, filtered;
	size_t		 want, nbm, nvc = 0, nf, i, j;
	enum sd_rc	 rc;

	if (ranks != NULL)
		*ranks = NULL;
	sbuf_reset(&r->error);
	/*
	 * Decide before BM25 runs: without vectors the query runs exactly
	 * as search_run alone would (same limit, same hits).
	 */
	qv = NULL;
	if (r->weight <= 0)
		sbuf_adds(&r->error, "vector_weight is 0");
	else if (vec_retriever_refresh(r, &verr) != SD_OK)
		sbuf_adds(&r->error, sd_error_msg(&verr));
	else if (vec_index_size(r->ix) == 0)
		sbuf_adds(&r->error, "no embeddings for the model (run "
		    "shopdesk embed)");
	else if ((qv = query_vec(r, q->text != NULL ? q->text : "",
	    &verr)) == NULL)
		sbuf_adds(&r->error, sd_error_msg(&verr));
	sd_error_clear(&verr);
	if (qv == NULL)
		goto bm25_only;
	/* More BM25 candidates than shown, so fusion can reorder them. */
	want = (size_t)(limit < 20 ? 20 : limit);
	bq.limit = (int)want;
	if ((rc = search_run(r->st, &bq, res, err)) != SD_OK)
		return rc;
	nbm = res->n;
	filtered = (q->category != NULL && *q->category != '\0') ||
	    res->max_price >= 0 || res->min_price >= 0 || q->in_stock;
	nvc = vector_list(r, qv, q, res, kinds, filtered, want, &vc);
	qsort(vc, nvc, sizeof *vc, cand_cmp);

	la = xcalloc(nbm + 1, sizeof *la);
	for (i = 0; i < nbm; i++) {
		la[i].kind = fuse_kind(res->hits[i].kind);
		la[i].rowid = res->hits[i].kind == SEARCH_PRODUCT ?
		    res->hits[i].rowid : chunk_document(r->st,
		    res->hits[i].rowid);
	}
	lb = xcalloc(nvc + 1, sizeof *lb);
	for (i = 0; i < nvc; i++) {
		lb[i].kind = fuse_kind(vc[i].hit.kind);
		lb[i].rowid = vc[i].key;
	}
	fu = xcalloc(nbm + nvc + 1, sizeof *fu);
	nf = vec_fuse(la, nbm, lb, nvc, r->weight, 60, fu, (size_t)limit);

	hits = xcalloc(nf + 1, sizeof *hits);
	rk = xcalloc(nf + 1, sizeof *rk);
	for (i = 0; i < nf; i++) {
		if (fu[i].rank_a > 0) {
			j = (size_t)fu[i].rank_a - 1;
			hits[i] = res->hits[j];
			memset(&res->hits[j], 0, sizeof res->hits[j]);
			rk[i].bm25_rank = fu[i].rank_a;
			rk[i].bm25_score = hits[i].score;
		} else {
			j = (size_t)fu[i].rank_b - 1;
			hits[i] = vc[j].hit;
			memset(&vc[j].hit, 0, sizeof vc[j].hit);
		}
		if (fu[i].rank_b > 0) {
			rk[i].vector_rank = fu[i].rank_b;
			rk[i].vector_score = vc[fu[i].rank_b - 1].cosine;
		}
		rk[i].fused = fu[i].score;
		hits[i].score = fu[i].score;
	}
	for (i = 0; i < nbm; i++)
		search_hit_release(&res->hits[i]);
	free(res->hits);
	res->hits = hits;
	res->n = nf;
	for (i = 0; i < nvc; i++)
		search_hit_release(&vc[i].hit);
	free(vc);
	free(la);
	free(lb);
	free(fu);
	sd_error_clear(&verr);
	if (ranks != NULL)
		*ranks = rk;
	else
		free(rk);
	return SD_OK;

bm25_only:
	if ((rc = search_run(r->st, q, res, err)) != SD_OK)
		return rc;
	if (ranks != NULL) {
		*ranks = xcalloc(res->n + 1, sizeof **ranks);
		for (i = 0; i < res->n; i++) {
			(*ranks)[i].bm25_rank = (int)i + 1;
			(*ranks)[i].bm25_score = res->hits[i].score;
		}
	}
	return SD_OK;
}

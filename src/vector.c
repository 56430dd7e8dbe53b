/*
 * vector.c owns embeddings: the SQL of the embeddings table, the
 * in-memory similarity index and rank fusion.
 *
 * The index keeps every vector twice: normalised floats, for exact
 * scores, and an int8 copy (per-vector scale) that is a quarter of the
 * size.  A fast query scans the int8 copy -- memory bandwidth is what a
 * scan of a million vectors costs -- keeps a shortlist several times k
 * long and rescores it in floats, so the order of the final k is exact
 * and only a vector that the quantisation pushed out of the shortlist can
 * be missed.  bench/bench-llm.sh measures that recall against the exact
 * scan.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "llm.h"
#include "sbuf.h"
#include "store.h"
#include "vector.h"

#define SHORTLIST_MULT	8	/* fast mode rescoring k * this */
#define SHORTLIST_MIN	64

struct vec_index {
	int		 dim;
	size_t		 n, cap;
	float		*f;		/* n * dim normalised floats */
	int8_t		*q;		/* n * dim quantised */
	float		*scale;		/* per vector: q * scale ~ f */
	long long	*rowid;
	unsigned char	*kind;
};

const char *
vec_kind_name(enum vec_kind k)
{
	switch (k) {
	case VEC_PRODUCT:
		return "product";
	case VEC_CHUNK:
		return "chunk";
	}
	return "?";
}

struct vec_index *
vec_index_new(int dim)
{
	struct vec_index *ix = xcalloc(1, sizeof *ix);

	ix->dim = dim;
	return ix;
}

void
vec_index_free(struct vec_index *ix)
{
	if (ix == NULL)
		return;
	free(ix->f);
	free(ix->q);
	free(ix->scale);
	free(ix->rowid);
	free(ix->kind);
	free(ix);
}

int
vec_index_dim(const struct vec_index *ix)
{
	return ix->dim;
}

size_t
vec_index_size(const struct vec_index *ix)
{
	return ix->n;
}

/* Normalise src into dst; 0 for a zero (or non-finite) vector. */
static int
normalise(const float *src, float *dst, int dim)
{
	double	 s = 0;
	int	 i;

	for (i = 0; i < dim; i++)
		s += (double)src[i] * src[i];
	if (!(s > 0) || !isfinite(s))
		return 0;
	s = 1 / sqrt(s);
	for (i = 0; i < dim; i++)
		dst[i] = (float)(src[i] * s);
	return 1;
}

static float
quantise(const float *v, int8_t *q, int dim)
{
	float	 m = 0, s;
	int	 i;

	for (i = 0; i < dim; i++)
		if (fabsf(v[i]) > m)
			m = fabsf(v[i]);
	if (m == 0)
		m = 1;
	s = m / 127;
	/* -127..127: the AVX2 kernel takes absolute values. */
	for (i = 0; i < dim; i++)
		q[i] = (int8_t)lrintf(v[i] / s);
	return s;
}

void
vec_index_add(struct vec_index *ix, enum vec_kind kind, long long rowid,
    const float *v)
{
	size_t	 d = (size_t)ix->dim;

	if (ix->n == ix->cap) {
		ix->cap = ix->cap ? ix->cap * 2 : 256;
		ix->f = xrealloc(ix->f, ix->cap * d * sizeof *ix->f);
		ix->q = xrealloc(ix->q, ix->cap * d);
		ix->scale = xrealloc(ix->scale, ix->cap * sizeof *ix->scale);
		ix->rowid = xrealloc(ix->rowid, ix->cap * sizeof *ix->rowid);
		ix->kind = xrealloc(ix->kind, ix->cap);
	}
	if (!normalise(v, ix->f + ix->n * d, ix->dim))
		return;
	ix->scale[ix->n] = quantise(ix->f + ix->n * d, ix->q + ix->n * d,
	    ix->dim);
	ix->rowid[ix->n] = rowid;
	ix->kind[ix->n] = (unsigned char)kind;
	ix->n++;
}

static float
dot_f(const float *a, const float *b, int dim)
{
	float	 s0 = 0, s1 = 0, s2 = 0, s3 = 0;
	int	 i;

	for (i = 0; i + 4 <= dim; i += 4) {
		s0 += a[i] * b[i];
		s1 += a[i + 1] * b[i + 1];
		s2 += a[i + 2] * b[i + 2];
		s3 += a[i + 3] * b[i + 3];
	}
	for (; i < dim; i++)
		s0 += a[i] * b[i];
	return (s0 + s1) + (s2 + s3);
}

static int32_t
dot_q_scalar(const int8_t *a, const int8_t *b, int dim)
{
	int32_t	 s = 0;
	int	 i;

	for (i = 0; i < dim; i++)
		s += (int32_t)a[i] * b[i];
	return s;
}

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>

__attribute__((target("avx2"))) static int32_t
dot_q_avx2(const int8_t *a, const int8_t *b, int dim)
{
	__m256i	 acc = _mm256_setzero_si256(), ones = _mm256_set1_epi16(1);
	__m256i	 va, vb, p;
	__m128i	 lo;
	int	 i;
	int32_t	 s;

	for (i = 0; i + 32 <= dim; i += 32) {
		va = _mm256_loadu_si256((const __m256i *)(const void *)(a + i));
		vb = _mm256_loadu_si256((const __m256i *)(const void *)(b + i));
		/* |a| * (b with a's sign): unsigned x signed byte products. */
		p = _mm256_maddubs_epi16(_mm256_abs_epi8(va),
		    _mm256_sign_epi8(vb, va));
		acc = _mm256_add_epi32(acc, _mm256_madd_epi16(p, ones));
	}
	lo = _mm_add_epi32(_mm256_castsi256_si128(acc),
	    _mm256_extracti128_si256(acc, 1));
	lo = _mm_add_epi32(lo, _mm_shuffle_epi32(lo, 0x4e));
	lo = _mm_add_epi32(lo, _mm_shuffle_epi32(lo, 0xb1));
	s = _mm_cvtsi128_si32(lo);
	for (; i < dim; i++)
		s += (int32_t)a[i] * b[i];
	return s;
}

static int
have_avx2(void)
{
	static int	 v = -1;

	if (v < 0) {
		__builtin_cpu_init();
		v = __builtin_cpu_supports("avx2") ? 1 : 0;
	}
	return v;
}
#endif

/* A bounded min-heap of the best hits so far. */
struct topk {
	struct vec_hit	*h;
	size_t		 n, k;
	size_t		*slot;		/* index into the vector arrays */
};

static void
topk_push(struct topk *t, float score, size_t idx)
{
	size_t	 i, c;
	struct vec_hit hv;
	size_t	 sv;

	if (t->n == t->k) {
		if (score <= t->h[0].score)
			return;
		/* Replace the root and sift down. */
		i = 0;
		for (;;) {
			c = 2 * i + 1;
			if (c >= t->n)
				break;
			if (c + 1 < t->n && t->h[c + 1].score < t->h[c].score)
				c++;
			if (t->h[c].score >= score)
				break;
			t->h[i] = t->h[c];
			t->slot[i] = t->slot[c];
			i = c;
		}
		t->h[i].score = score;
		t->slot[i] = idx;
		return;
	}
	i = t->n++;
	while (i > 0 && t->h[(i - 1) / 2].score > score) {
		t->h[i] = t->h[(i - 1) / 2];
		t->slot[i] = t->slot[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	hv.score = score;
	sv = idx;
	t->h[i] = hv;
	t->slot[i] = sv;
}

static int
hit_cmp(const void *a, const void *b)
{
	const struct vec_hit *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->rowid < y->rowid ? -1 : x->rowid > y->rowid;
}

size_t
vec_index_search(const struct vec_index *ix, const float *q0,
    unsigned kinds, size_t k, enum vec_mode mode, struct vec_hit *out)
{
	size_t		 d = (size_t)ix->dim, i, m, n = 0;
	float		*q = NULL, qs;
	int8_t		*qq = NULL;
	struct topk	 t;
	int32_t		(*dotq)(const int8_t *, const int8_t *, int) =
			    dot_q_scalar;

	if (k == 0 || ix->n == 0)
		return 0;
	if (kinds == 0)
		kinds = ~0u;
	q = xmalloc(d * sizeof *q);
	if (!normalise(q0, q, ix->dim)) {
		free(q);
		return 0;
	}
	m = k;
	if (mode == VEC_FAST) {
		m = k * SHORTLIST_MULT;
		if (m < SHORTLIST_MIN)
			m = SHORTLIST_MIN;
	}
	t.k = m;
	t.n = 0;
	t.h = xcalloc(m, sizeof *t.h);
	t.slot = xcalloc(m, sizeof *t.slot);
	if (mode == VEC_EXACT) {
		for (i = 0; i < ix->n; i++)
			if (kinds & (1u << ix->kind[i]))
				topk_push(&t, dot_f(q, ix->f + i * d, ix->dim),
				    i);
	} else {
		qq = xmalloc(d);
		qs = quantise(q, qq, ix->dim);
#if defined(__x86_64__) && defined(__GNUC__)
		if (have_avx2())
			dotq = dot_q_avx2;
#endif
		for (i = 0; i < ix->n; i++)
			if (kinds & (1u << ix->kind[i]))
				topk_push(&t, (float)dotq(qq, ix->q + i * d,
				    ix->dim) * ix->scale[i], i);
		(void)qs;
		/* Rescore the shortlist exactly. */
		for (i = 0; i < t.n; i++)
			t.h[i].score = dot_f(q, ix->f + t.slot[i] * d,
			    ix->dim);
	}
	for (i = 0; i < t.n; i++) {
		t.h[i].kind = (enum vec_kind)ix->kind[t.slot[i]];
		t.h[i].rowid = ix->rowid[t.slot[i]];
	}
	qsort(t.h, t.n, sizeof *t.h, hit_cmp);
	n = t.n < k ? t.n : k;
	memcpy(out, t.h, n * sizeof *out);
	free(t.h);
	free(t.slot);
	free(q);
	free(qq);
	return n;
}

/* Storage. */

enum sd_rc
vec_store_put(struct store *st, enum vec_kind kind, long long rowid,
    const char *model, const float *v, int dim, const char *hash,
    struct sd_error *err)
{
	static const char sql[] = "INSERT INTO embeddings(kind, item_id,"
	    " model, dim, text_hash, vec, created_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
	    " ON CONFLICT(kind, item_id, model) DO UPDATE SET"
	    " dim = excluded.dim, text_hash = excluded.text_hash,"
	    " vec = excluded.vec, created_at = excluded.created_at";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, vec_kind_name(kind), -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, rowid);
	sqlite3_bind_text(s, 3, model, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, dim);
	sqlite3_bind_text(s, 5, hash, -1, SQLITE_STATIC);
	/* Host byte order: the file is not meant to cross architectures. */
	sqlite3_bind_blob(s, 6, v, dim * (int)sizeof *v, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, store_now(), -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "store embedding");
	return SD_OK;
}

enum sd_rc
vec_index_load(struct store *st, const char *model, struct vec_index **out,
    struct sd_error *err)
{
	static const char sql[] = "SELECT kind, item_id, dim, vec"
	    " FROM embeddings WHERE model = ?1 ORDER BY kind, item_id";
	sqlite3_stmt	*s;
	struct vec_index *ix = NULL;
	int		 r, dim;
	const char	*kind;
	float		*tmp = NULL;

	*out = NULL;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, model, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		kind = (const char *)sqlite3_column_text(s, 0);
		dim = sqlite3_column_int(s, 2);
		if (ix == NULL) {
			ix = vec_index_new(dim);
			tmp = xmalloc((size_t)dim * sizeof *tmp);
		}
		/* Mixed dimensions mean the model changed: skip strays. */
		if (dim != ix->dim || sqlite3_column_bytes(s, 3) !=
		    dim * (int)sizeof(float))
			continue;
		memcpy(tmp, sqlite3_column_blob(s, 3), (size_t)dim *
		    sizeof *tmp);
		vec_index_add(ix, strcmp(kind, "chunk") == 0 ? VEC_CHUNK :
		    VEC_PRODUCT, sqlite3_column_int64(s, 1), tmp);
	}
	sqlite3_reset(s);
	free(tmp);
	if (r != SQLITE_DONE) {
		vec_index_free(ix);
		return store_fail(st, err, "load embeddings");
	}
	*out = ix != NULL ? ix : vec_index_new(0);
	return SD_OK;
}

/* FNV-1a 64 of the embedded text, as SQL function sd_fnv(text). */
static void
sql_fnv(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *p = sqlite3_value_text(argv[0]);
	uint64_t	 h = 1469598103934665603ull;
	char		 buf[17];

	(void)argc;
	if (p == NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	for (; *p != '\0'; p++)
		h = (h ^ *p) * 1099511628211ull;
	snprintf(buf, sizeof buf, "%016llx", (unsigned long long)h);
	sqlite3_result_text(ctx, buf, -1, SQLITE_TRANSIENT);
}

static enum sd_rc
register_fnv(struct store *st, struct sd_error *err)
{
	if (sqlite3_create_function(store_db(st), "sd_fnv", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, sql_fnv, NULL, NULL) !=
	    SQLITE_OK)
		return store_fail(st, err, "register sd_fnv");
	return SD_OK;
}

/*
 * The text embedded for each row: a product's name, brand, category and
 * description; a chunk's document title, heading and text.  Rows after
 * the cursor, in rowid order, that lack an up-to-date embedding.
 */
static const char pending_sql[] =
    "SELECT k, id, t, sd_fnv(t) FROM ("
    "  SELECT 0 AS k, p.id AS id, p.name || '. ' || coalesce(p.brand, '')"
    "    || ' ' || p.category || ' ' || coalesce(p.subcategory, '') || '. '"
    "    || p.description AS t FROM products p WHERE ?2 = 0 AND p.id > ?3"
    "  UNION ALL"
    "  SELECT 1, c.id, d.title || '. ' || c.heading || '. ' || c.text"
    "    FROM chunks c JOIN documents d ON d.id = c.document_id"
    "    WHERE ?2 = 1 AND c.id > ?3"
    ") x LEFT JOIN embeddings e ON e.kind = CASE x.k WHEN 0 THEN 'product'"
    "  ELSE 'chunk' END AND e.item_id = x.id AND e.model = ?1"
    " WHERE e.item_id IS NULL OR e.text_hash != sd_fnv(x.t)"
    " ORDER BY x.id LIMIT ?4";

static enum sd_rc
pending_from(struct store *st, const char *model, enum vec_kind kind,
    long long after, size_t limit, struct vec_item **items, size_t *n,
    struct sd_error *err)
{
	sqlite3_stmt	*s;
	struct vec_item	*v = NULL;
	size_t		 cnt = 0;
	int		 r = SQLITE_DONE;

	*items = NULL;
	*n = 0;
	if (register_fnv(st, err) != SD_OK)
		return SD_ERR_DB;
	if ((s = store_prepare(st, pending_sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, model, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 2, (int)kind);
	sqlite3_bind_int64(s, 3, after);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)limit);
	while (cnt < limit && (r = sqlite3_step(s)) == SQLITE_ROW) {
		if ((cnt & (cnt - 1)) == 0)	/* grow at powers of two */
			v = xrealloc(v, (cnt ? cnt * 2 : 1) * sizeof *v);
		v[cnt].kind = kind;
		v[cnt].rowid = sqlite3_column_int64(s, 1);
		v[cnt].text = xstrdup((const char *)sqlite3_column_text(s, 2));
		v[cnt].hash = xstrdup((const char *)sqlite3_column_text(s, 3));
		cnt++;
	}
	if (cnt < limit && r != SQLITE_DONE) {
		sqlite3_reset(s);
		vec_items_free(v, cnt);
		return store_fail(st, err, "list rows to embed");
	}
	sqlite3_reset(s);
	*items = v;
	*n = cnt;
	return SD_OK;
}

void
vec_items_free(struct vec_item *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].hash);
	}
	free(v);
}

enum sd_rc
vec_pending(struct store *st, const char *model, size_t limit,
    struct vec_item **items, size_t *n, struct sd_error *err)
{
	struct vec_item	*a = NULL, *b = NULL;
	size_t		 na = 0, nb = 0;
	enum sd_rc	 rc;

	if ((rc = pending_from(st, model, VEC_PRODUCT, 0, limit, &a, &na,
	    err)) != SD_OK)
		return rc;
	if (na < limit && (rc = pending_from(st, model, VEC_CHUNK, 0,
	    limit - na, &b, &nb, err)) != SD_OK) {
		vec_items_free(a, na);
		return rc;
	}
	a = xrealloc(a, (na + nb + 1) * sizeof *a);
	if (nb > 0)
		memcpy(a + na, b, nb * sizeof *b);
	free(b);
	*items = a;
	*n = na + nb;
	return SD_OK;
}

enum sd_rc
vec_counts(struct store *st, const char *model, long long *pending,
    long long *done, struct sd_error *err)
{
	static const char sql[] = "SELECT count(*) FROM embeddings"
	    " WHERE model = ?1";
	struct vec_item	*v;
	size_t		 n;
	sqlite3_stmt	*s;
	int		 k;
	enum sd_rc	 rc;

	*pending = 0;
	for (k = VEC_PRODUCT; k <= VEC_CHUNK; k++) {
		if ((rc = pending_from(st, model, (enum vec_kind)k, 0,
		    (size_t)1 << 40, &v, &n, err)) != SD_OK)
			return rc;
		*pending += (long long)n;
		vec_items_free(v, n);
	}
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, model, -1, SQLITE_STATIC);
	*done = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return SD_OK;
}

enum sd_rc
vec_embed_pending(struct store *st, struct llm *llm, const char *model,
    size_t batch, void (*progress)(void *, long long, long long), void *arg,
    long long *embedded, struct sd_error *err)
{
	struct vec_item	*items = NULL;
	const char	**texts = NULL;
	float		*vecs = NULL;
	long long	 pending, done, total, after;
	size_t		 n = 0, i;
	int		 dim, k;
	enum sd_rc	 rc;

	*embedded = 0;
	if (batch == 0)
		batch = 32;
	if ((rc = vec_counts(st, model, &pending, &done, err)) != SD_OK)
		return rc;
	total = pending;
	for (k = VEC_PRODUCT; k <= VEC_CHUNK; k++) {
		after = 0;
		for (;;) {
			if ((rc = pending_from(st, model, (enum vec_kind)k,
			    after, batch, &items, &n, err)) != SD_OK)
				goto out;
			if (n == 0)
				break;
			texts = xrealloc(texts, n * sizeof *texts);
			for (i = 0; i < n; i++)
				texts[i] = items[i].text;
			if ((rc = llm_embed(llm, texts, n, &vecs, &dim,
			    err)) != SD_OK)
				goto out;
			if ((rc = store_begin(st, err)) != SD_OK)
				goto out;
			for (i = 0; i < n && rc == SD_OK; i++)
				rc = vec_store_put(st, items[i].kind,
				    items[i].rowid, model, vecs + i *
				    (size_t)dim, dim, items[i].hash, err);
			if (rc == SD_OK)
				rc = store_commit(st, err);
			if (rc != SD_OK) {
				store_rollback(st);
				goto out;
			}
			*embedded += (long long)n;
			after = items[n - 1].rowid;
			free(vecs);
			vecs = NULL;
			vec_items_free(items, n);
			items = NULL;
			n = 0;
			if (progress != NULL)
				progress(arg, *embedded, total);
		}
		vec_items_free(items, n);
		items = NULL;
		n = 0;
	}
out:
	vec_items_free(items, n);
	free(texts);
	free(vecs);
	return rc;
}

/* Fusion. */

static int
fused_cmp(const void *a, const void *b)
{
	const struct vec_fused *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->rowid < y->rowid ? -1 : x->rowid > y->rowid;
}

size_t
vec_fuse(const struct vec_hit *a, size_t na, const struct vec_hit *b,
    size_t nb, double w, double k0, struct vec_fused *out, size_t max)
{
	struct vec_fused *all = xcalloc(na + nb + 1, sizeof *all);
	size_t		 n = 0, i, j;

	if (w < 0)
		w = 0;
	if (w > 1)
		w = 1;
	for (i = 0; i < na; i++) {
		for (j = 0; j < n; j++)
			if (all[j].kind == a[i].kind &&
			    all[j].rowid == a[i].rowid)
				break;
		if (j < n)
			continue;	/* first rank counts */
		all[n].kind = a[i].kind;
		all[n].rowid = a[i].rowid;
		all[n].rank_a = (int)i + 1;
		all[n].score = (1 - w) / (k0 + (double)(i + 1));
		n++;
	}
	for (i = 0; i < nb; i++) {
		for (j = 0; j < n; j++)
			if (all[j].kind == b[i].kind &&
			    all[j].rowid == b[i].rowid)
				break;
		if (j < n) {
			if (all[j].rank_b != 0)
				continue;
		} else {
			all[n].kind = b[i].kind;
			all[n].rowid = b[i].rowid;
			n++;
		}
		all[j].rank_b = (int)i + 1;
		all[j].score += w / (k0 + (double)(i + 1));
	}
	qsort(all, n, sizeof *all, fused_cmp);
	if (n > max)
		n = max;
	memcpy(out, all, n * sizeof *out);
	free(all);
	return n;
}

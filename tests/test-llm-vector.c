/*
 * test-llm-vector: the similarity index (exact and int8 + rescoring),
 * storage of embeddings and rank fusion.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "store.h"
#include "vector.h"
#include "tap.h"

#define DIM	64
#define N	5000

static unsigned long rng = 12345;

static float
frand(void)
{
	rng = rng * 6364136223846793005ul + 1442695040888963407ul;
	return (float)((rng >> 33) % 20001) / 10000.0f - 1.0f;
}

int
main(void)
{
	struct vec_index *ix = vec_index_new(DIM), *ld = NULL;
	struct vec_hit	 ex[10], fa[10], a[3], b[3];
	struct vec_fused f[6];
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*st;
	float		 v[DIM], q[DIM], centers[50][DIM];
	char		 path[] = "/tmp/test-llm-vector.XXXXXX";
	size_t		 i, j, n, hit = 0, tot = 0;
	int		 d, fd;

	/* Clustered data, as embeddings are: 50 topics and noise. */
	for (i = 0; i < 50; i++)
		for (d = 0; d < DIM; d++)
			centers[i][d] = frand();
	for (i = 0; i < N; i++) {
		for (d = 0; d < DIM; d++)
			v[d] = centers[i % 50][d] + 0.4f * frand();
		vec_index_add(ix, i % 3 ? VEC_CHUNK : VEC_PRODUCT,
		    (long long)i + 1, v);
	}
	ok(vec_index_size(ix) == N, "index holds %d vectors", N);
	for (j = 0; j < 50; j++) {
		for (d = 0; d < DIM; d++)
			q[d] = centers[j][d] + 0.4f * frand();
		n = vec_index_search(ix, q, 0, 10, VEC_EXACT, ex);
		vec_index_search(ix, q, 0, 10, VEC_FAST, fa);
		for (i = 0; i < n; i++) {
			size_t k;

			for (k = 0; k < n; k++)
				if (fa[k].rowid == ex[i].rowid)
					break;
			hit += k < n;
			tot++;
		}
	}
	ok(tot == 500, "exact search returns 10 hits per query");
	ok((double)hit / tot >= 0.95, "int8 + rescoring recall@10 %.3f >= 0.95",
	    (double)hit / tot);
	/* A stored vector finds itself first. */
	for (d = 0; d < DIM; d++)
		v[d] = centers[7][d] + 0.4f * frand();
	vec_index_add(ix, VEC_PRODUCT, 999999, v);
	n = vec_index_search(ix, v, 1u << VEC_PRODUCT, 3, VEC_FAST, fa);
	ok(n == 3 && fa[0].rowid == 999999 && fa[0].score > 0.999f,
	    "a vector is its own nearest neighbour (score %.4f)",
	    n ? fa[0].score : 0.0f);
	ok(fa[1].kind == VEC_PRODUCT && fa[2].kind == VEC_PRODUCT,
	    "kind mask keeps products only");
	memset(q, 0, sizeof q);
	ok(vec_index_search(ix, q, 0, 5, VEC_EXACT, ex) == 0,
	    "a zero query finds nothing");

	/* Fusion: an item only BM25 knows still ranks. */
	a[0] = (struct vec_hit){ VEC_PRODUCT, 1, 9 };
	a[1] = (struct vec_hit){ VEC_PRODUCT, 2, 8 };
	a[2] = (struct vec_hit){ VEC_PRODUCT, 3, 7 };
	b[0] = (struct vec_hit){ VEC_PRODUCT, 3, 0.9f };
	b[1] = (struct vec_hit){ VEC_PRODUCT, 1, 0.8f };
	b[2] = (struct vec_hit){ VEC_PRODUCT, 4, 0.7f };
	n = vec_fuse(a, 3, b, 3, 0.5, 60, f, 6);
	ok(n == 4, "fusion keeps the union (%zu)", n);
	ok(f[0].rowid == 1 && f[0].rank_a == 1 && f[0].rank_b == 2,
	    "in both lists near the top ranks first");
	ok(f[1].rowid == 3, "then the vector list's best");
	for (i = 0; i < n; i++)
		if (f[i].rowid == 2)
			break;
	ok(i < n && f[i].rank_b == 0 && f[i].score > 0,
	    "an item without an embedding keeps its BM25 share");
	n = vec_fuse(a, 3, b, 3, 0, 60, f, 6);
	ok(f[0].rowid == 1 && f[1].rowid == 2 && f[2].rowid == 3,
	    "weight 0 is BM25 order");
	n = vec_fuse(a, 3, b, 3, 1, 60, f, 6);
	ok(f[0].rowid == 3 && f[1].rowid == 1 && f[2].rowid == 4,
	    "weight 1 is vector order");

	/* Storage round trip. */
	fd = mkstemp(path);
	close(fd);
	st = store_open(path, NULL, &err);
	ok(st != NULL, "store opens: %s", sd_error_msg(&err));
	for (d = 0; d < DIM; d++)
		v[d] = (float)d;
	ok(vec_store_put(st, VEC_CHUNK, 42, "m1", v, DIM, "h", &err) == SD_OK,
	    "store a vector");
	v[0] = 100;
	ok(vec_store_put(st, VEC_CHUNK, 42, "m1", v, DIM, "h2", &err) == SD_OK,
	    "replace it");
	ok(vec_store_put(st, VEC_PRODUCT, 7, "m2", v, DIM, "h", &err) == SD_OK,
	    "another model");
	ok(vec_index_load(st, "m1", &ld, &err) == SD_OK && ld != NULL &&
	    vec_index_size(ld) == 1 && vec_index_dim(ld) == DIM,
	    "load one model's vectors");
	n = ld != NULL ? vec_index_search(ld, v, 0, 1, VEC_EXACT, ex) : 0;
	ok(n == 1 && ex[0].rowid == 42 && ex[0].kind == VEC_CHUNK &&
	    ex[0].score > 0.999f, "the replaced vector is the stored one");
	vec_index_free(ld);
	store_close(st);
	unlink(path);
	for (i = 0; i < 2; i++) {
		char *w = xasprintf("%s-%s", path, i ? "wal" : "shm");

		unlink(w);
		free(w);
	}
	vec_index_free(ix);
	sd_error_clear(&err);
	done_testing();
	return tap_failed != 0;
}

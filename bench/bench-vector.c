/*
 * bench-vector: similarity search over N stored vectors of dimension D
 * (default 1,000,000 x 384), exact float scan against the int8 scan with
 * float rescoring: latency per query on one core and recall@10.  The
 * data is clustered (topics plus noise), as embeddings of a catalog are.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "shopdesk.h"
#include "vector.h"

static unsigned long long rng = 42;

static float
frand(void)
{
	rng = rng * 6364136223846793005ull + 1442695040888963407ull;
	return (float)((rng >> 33) % 20001) / 10000.0f - 1.0f;
}

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	size_t		 n = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;
	int		 dim = argc > 2 ? atoi(argv[2]) : 384;
	int		 nq = argc > 3 ? atoi(argv[3]) : 20, topics = 2000;
	struct vec_index *ix = vec_index_new(dim);
	struct vec_hit	 ex[10], fa[10];
	float		*c = xmalloc((size_t)topics * dim * sizeof *c);
	float		*v = xmalloc((size_t)dim * sizeof *v);
	double		 t0, te = 0, tf = 0, worst = 0;
	size_t		 i, j, k, hit = 0, tot = 0;
	int		 d, q;

	for (i = 0; i < (size_t)topics * dim; i++)
		c[i] = frand();
	for (i = 0; i < n; i++) {
		for (d = 0; d < dim; d++)
			v[d] = c[(i % topics) * dim + d] + 0.8f * frand();
		vec_index_add(ix, VEC_CHUNK, (long long)i, v);
	}
	for (q = 0; q < nq; q++) {
		for (d = 0; d < dim; d++)
			v[d] = c[((size_t)q * 7 % topics) * dim + d] +
			    0.8f * frand();
		t0 = now();
		vec_index_search(ix, v, 0, 10, VEC_EXACT, ex);
		te += now() - t0;
		t0 = now();
		vec_index_search(ix, v, 0, 10, VEC_FAST, fa);
		t0 = now() - t0;
		tf += t0;
		if (t0 > worst)
			worst = t0;
		for (j = 0; j < 10; j++) {
			for (k = 0; k < 10; k++)
				if (fa[k].rowid == ex[j].rowid)
					break;
			hit += k < 10;
			tot++;
		}
	}
	printf("vector search: %zu vectors x %d dims, %d queries, one core\n",
	    n, dim, nq);
	printf("  exact float scan      %8.2f ms/query\n", te / nq * 1e3);
	printf("  int8 scan + rescoring %8.2f ms/query (worst %.2f ms), "
	    "recall@10 %.4f\n", tf / nq * 1e3, worst * 1e3,
	    (double)hit / tot);
	vec_index_free(ix);
	free(c);
	free(v);
	return 0;
}

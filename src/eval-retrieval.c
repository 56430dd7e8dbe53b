/*
 * eval-retrieval.c: "shopdesk eval retrieval": index the documents of one
 * file into a scratch database, run labelled queries through search_run
 * and score the rankings against graded judgments: nDCG@k (gain
 * 2^grade - 1), recall@k, MRR@k, queries without results, latency.  The
 * definitions are those of the peers' lib/metrics.js, so the figures
 * compare with MiniSearch, Lunr and FlexSearch run on the same files.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "cmd.h"
#include "eval.h"
#include "ingest.h"
#include "paths.h"
#include "sbuf.h"
#include "search.h"
#include "store.h"

struct judgment {
	char	*qid;
	char	*doc;
	int	 grade;
};

struct equery {
	char	*qid;
	char	*text;
};

/* A file id and the store ids that stand for it. */
struct idmap {
	char	*key;		/* SKU or id as the store shows it */
	char	*id;		/* the file's "id" */
};

struct eval {
	struct equery	*q;
	size_t		 nq;
	struct judgment	*j;
	size_t		 nj;
	struct idmap	*map;
	size_t		 nmap;
};

static const char *const usage_text =
    "eval retrieval [--json] [--k N] [--docs FILE] --queries Q.jsonl "
    "[--qrels R.tsv]";

static int
fail_usage(const char *msg)
{
	fprintf(stderr, "shopdesk eval retrieval: %s\nusage: shopdesk %s\n",
	    msg, usage_text);
	return SD_EXIT_USAGE;
}

/* A JSON string or number as text (caller frees), or NULL. */
static char *
json_id(const cJSON *v)
{
	if (cJSON_IsString(v))
		return xstrdup(v->valuestring);
	if (cJSON_IsNumber(v)) {
		if (v->valuedouble == floor(v->valuedouble))
			return xasprintf("%.0f", v->valuedouble);
		return xasprintf("%g", v->valuedouble);
	}
	return NULL;
}

static enum sd_rc
read_queries(const char *path, struct eval *ev, struct sd_error *err)
{
	FILE		*fp;
	struct sbuf	 line = SBUF_INIT;
	unsigned long	 lineno = 0;
	cJSON		*o = NULL;
	const cJSON	*t;
	char		*qid;
	enum sd_rc	 rc = SD_OK;

	if ((fp = fopen(path, "r")) == NULL)
		return sd_fail(err, SD_ERR_IO, "%s: %s", path,
		    strerror(errno));
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0)
			continue;
		if ((o = cJSON_Parse(line.buf)) == NULL ||
		    !cJSON_IsObject(o)) {
			rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: not a JSON "
			    "object", path, lineno);
			goto out;
		}
		t = cJSON_GetObjectItemCaseSensitive(o, "query");
		if ((qid = json_id(cJSON_GetObjectItemCaseSensitive(o,
		    "qid"))) == NULL || !cJSON_IsString(t)) {
			free(qid);
			rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: needs \"qid\" "
			    "and a string \"query\"", path, lineno);
			goto out;
		}
		ev->q = xrealloc(ev->q, (ev->nq + 1) * sizeof *ev->q);
		ev->q[ev->nq].qid = qid;
		ev->q[ev->nq].text = xstrdup(t->valuestring);
		ev->nq++;
		cJSON_Delete(o);
		o = NULL;
	}
	if (ev->nq == 0)
		rc = sd_fail(err, SD_ERR_INVALID, "%s: no queries", path);
out:
	cJSON_Delete(o);
	sbuf_release(&line);
	fclose(fp);
	return rc;
}

/* qid<TAB>doc<TAB>grade, or TREC's qid iter doc grade; '#' and a header
 * line are skipped; a repeated pair keeps its higher grade. */
static enum sd_rc
read_qrels(const char *path, struct eval *ev, struct sd_error *err)
{
	FILE		*fp;
	struct sbuf	 line = SBUF_INIT;
	unsigned long	 lineno = 0;
	char		*f[5], *p, *save, *end;
	int		 nf, grade;
	long		 g;
	size_t		 i;
	enum sd_rc	 rc = SD_OK;

	if ((fp = fopen(path, "r")) == NULL)
		return sd_fail(err, SD_ERR_IO, "%s: %s", path,
		    strerror(errno));
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0 || line.buf[0] == '#')
			continue;
		nf = 0;
		for (p = strtok_r(line.buf, " \t", &save); p != NULL && nf < 5;
		    p = strtok_r(NULL, " \t", &save))
			f[nf++] = p;
		if (nf != 3 && nf != 4) {
			rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: expected "
			    "qid<TAB>doc_id<TAB>grade", path, lineno);
			goto out;
		}
		errno = 0;
		g = strtol(f[nf - 1], &end, 10);
		if (*end != '\0' || errno != 0 || g < -10 || g > 10) {
			if (lineno == 1)
				continue;	/* a header */
			rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: grade \"%s\" "
			    "is not a small integer", path, lineno, f[nf - 1]);
			goto out;
		}
		grade = (int)g;
		for (i = 0; i < ev->nj; i++)
			if (strcmp(ev->j[i].qid, f[0]) == 0 &&
			    strcmp(ev->j[i].doc, f[nf - 2]) == 0)
				break;
		if (i < ev->nj) {
			if (grade > ev->j[i].grade)
				ev->j[i].grade = grade;
			continue;
		}
		ev->j = xrealloc(ev->j, (ev->nj + 1) * sizeof *ev->j);
		ev->j[ev->nj].qid = xstrdup(f[0]);
		ev->j[ev->nj].doc = xstrdup(f[nf - 2]);
		ev->j[ev->nj].grade = grade;
		ev->nj++;
	}
	if (ev->nj == 0)
		rc = sd_fail(err, SD_ERR_INVALID, "%s: no judgments", path);
out:
	sbuf_release(&line);
	fclose(fp);
	return rc;
}

static void
map_add(struct eval *ev, const char *key, const char *id)
{
	ev->map = xrealloc(ev->map, (ev->nmap + 1) * sizeof *ev->map);
	ev->map[ev->nmap].key = xstrdup(key);
	ev->map[ev->nmap].id = xstrdup(id);
	ev->nmap++;
}

static void
map_record(struct eval *ev, const cJSON *rec)
{
	char	*id, *dj;
	const cJSON *sku;

	if (!cJSON_IsObject(rec) ||
	    (id = json_id(cJSON_GetObjectItemCaseSensitive(rec, "id"))) ==
	    NULL)
		return;
	/* ingest keeps a record's own "sku", else makes "DJ-<id>". */
	sku = cJSON_GetObjectItemCaseSensitive(rec, "sku");
	if (cJSON_IsString(sku))
		map_add(ev, sku->valuestring, id);
	dj = xasprintf("DJ-%s", id);
	map_add(ev, dj, id);
	free(dj);
	free(id);
}

static void
map_value(struct eval *ev, const cJSON *v)
{
	const cJSON	*it;

	if (cJSON_IsArray(v)) {
		cJSON_ArrayForEach(it, v)
			map_record(ev, it);
	} else if (cJSON_IsObject(v)) {
		if (cJSON_GetObjectItemCaseSensitive(v, "id") != NULL)
			map_record(ev, v);
		else
			cJSON_ArrayForEach(it, v)
				if (cJSON_IsArray(it))
					map_value(ev, it);
	}
}

/*
 * The ids of the file as ingest stores them: judgments name the file's
 * "id", the store names products by SKU.  Files that are not JSON keep
 * their ids (documents use them as doc_key), so no map is needed.
 */
static void
read_idmap(const char *path, struct eval *ev)
{
	struct sbuf	 all = SBUF_INIT;
	const char	*p;
	cJSON		*v;

	if (sbuf_read_file(&all, path) != 0)
		return;
	if ((v = cJSON_ParseWithOpts(all.buf, NULL, 1)) != NULL) {
		map_value(ev, v);
		cJSON_Delete(v);
	} else {
		/* JSON Lines. */
		for (p = all.buf; *p != '\0'; ) {
			const char *nl = strchr(p, '\n');
			char *l = nl ? xstrndup(p, (size_t)(nl - p)) :
			    xstrdup(p);

			if ((v = cJSON_Parse(l)) != NULL) {
				map_value(ev, v);
				cJSON_Delete(v);
			}
			free(l);
			p = nl ? nl + 1 : p + strlen(p);
		}
	}
	sbuf_release(&all);
}

static const char *
map_id(const struct eval *ev, const char *key)
{
	size_t	 i;

	for (i = 0; i < ev->nmap; i++)
		if (strcmp(ev->map[i].key, key) == 0)
			return ev->map[i].id;
	return key;
}

static int
grade_of(const struct eval *ev, const char *qid, const char *doc)
{
	size_t	 i;

	for (i = 0; i < ev->nj; i++)
		if (strcmp(ev->j[i].qid, qid) == 0 &&
		    strcmp(ev->j[i].doc, doc) == 0)
			return ev->j[i].grade > 0 ? ev->j[i].grade : 0;
	return 0;
}

static int
cmp_int_desc(const void *a, const void *b)
{
	return *(const int *)b - *(const int *)a;
}

static int
cmp_double(const void *a, const void *b)
{
	double	 x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Nearest rank, as lib/metrics.js. */
static double
percentile(double *v, size_t n, double p)
{
	size_t	 r;

	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	r = (size_t)ceil(p / 100.0 * (double)n);
	if (r < 1)
		r = 1;
	return v[r - 1];
}

static double
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* Per-query results. */
struct qscore {
	int	 evaluated;	/* has a positive judgment */
	int	 nresults;
	double	 ndcg, recall, rr;
};

static enum sd_rc
run_query(struct store *st, const struct eval *ev, const struct equery *q,
    int k, struct qscore *qs, struct sd_error *err)
{
	struct search_query sq = SEARCH_QUERY_INIT;
	struct search_result res;
	const char	**ranked = NULL;
	int		*ideal = NULL, nideal = 0, nrel = 0, hit = 0, g, n = 0;
	double		 dcg = 0, idcg = 0;
	size_t		 i, j;
	enum sd_rc	 rc;

	memset(qs, 0, sizeof *qs);
	sq.text = q->text;
	sq.limit = k;
	if ((rc = search_run(st, &sq, &res, err)) != SD_OK) {
		sd_error_prefix(err, "query %s: ", q->qid);
		goto out;
	}
	ranked = xcalloc(res.n + 1, sizeof *ranked);
	for (i = 0; i < res.n; i++) {
		const char *id = map_id(ev, res.hits[i].id);

		for (j = 0; j < (size_t)n && strcmp(ranked[j], id) != 0; j++)
			;
		if (j == (size_t)n)
			ranked[n++] = id;
	}
	qs->nresults = n;
	ideal = xcalloc(ev->nj + 1, sizeof *ideal);
	for (i = 0; i < ev->nj; i++)
		if (strcmp(ev->j[i].qid, q->qid) == 0 && ev->j[i].grade > 0) {
			ideal[nideal++] = ev->j[i].grade;
			nrel++;
		}
	if (nrel == 0)
		goto out;
	qs->evaluated = 1;
	qsort(ideal, (size_t)nideal, sizeof *ideal, cmp_int_desc);
	for (i = 0; i < (size_t)nideal && i < (size_t)k; i++)
		idcg += (pow(2, ideal[i]) - 1) / log2((double)i + 2);
	for (i = 0; i < (size_t)n && i < (size_t)k; i++) {
		if ((g = grade_of(ev, q->qid, ranked[i])) <= 0)
			continue;
		dcg += (pow(2, g) - 1) / log2((double)i + 2);
		hit++;
		if (qs->rr == 0)
			qs->rr = 1.0 / ((double)i + 1);
	}
	qs->ndcg = idcg > 0 ? dcg / idcg : 0;
	qs->recall = (double)hit / nrel;
out:
	free(ranked);
	free(ideal);
	search_result_free(&res);
	return rc;
}

static void
eval_free(struct eval *ev)
{
	size_t	 i;

	for (i = 0; i < ev->nq; i++) {
		free(ev->q[i].qid);
		free(ev->q[i].text);
	}
	for (i = 0; i < ev->nj; i++) {
		free(ev->j[i].qid);
		free(ev->j[i].doc);
	}
	for (i = 0; i < ev->nmap; i++) {
		free(ev->map[i].key);
		free(ev->map[i].id);
	}
	free(ev->q);
	free(ev->j);
	free(ev->map);
}

static void
remove_scratch(const char *dir)
{
	static const char *const files[] = { "eval.db", "eval.db-wal",
	    "eval.db-shm", "eval.db-journal", "eval.db-history",
	    "eval.db-history-wal", "eval.db-history-shm",
	    "eval.db-history-journal" };
	size_t	 i;
	char	*p;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		p = paths_join(dir, files[i]);
		unlink(p);
		free(p);
	}
	rmdir(dir);
}

/* What one run measured, as printed. */
struct figures {
	long		 k;		/* results judged per query */
	long long	 ndocs;		/* products and documents searched */
	size_t		 nq;		/* queries run */
	int		 neval;		/* queries with judgements */
	int		 nnores;	/* queries with no results */
	double		 ndcg, recall, rr; /* means over the judged queries */
	double		 p50, p99;	/* latency, ms */
};

/* The figures as a JSON line, or as a table for people; source names
 * the documents searched. */
static void
print_figures(const struct figures *f, int json, const char *source)
{
	if (json) {
		printf("{\"system\":\"shopdesk\",\"k\":%ld,"
		    "\"ndcg@%ld\":%.6f,\"recall@%ld\":%.6f,"
		    "\"mrr@%ld\":%.6f,"
		    "\"ndcg_gain\":\"exp\",\"n_docs\":%lld,"
		    "\"n_queries\":%zu,\"n_queries_evaluated\":%d,"
		    "\"n_queries_no_results\":%d,"
		    "\"query_ms_p50\":%.4f,\"query_ms_p99\":%.4f}\n",
		    f->k, f->k, f->ndcg, f->k, f->recall, f->k, f->rr,
		    f->ndocs, f->nq, f->neval, f->nnores, f->p50, f->p99);
		return;
	}
	printf("retrieval on %s (%lld documents, %zu queries, %d judged)\n",
	    source, f->ndocs, f->nq, f->neval);
	if (f->neval > 0) {
		printf("  nDCG@%-16ld %8.4f\n", f->k, f->ndcg);
		printf("  recall@%-14ld %8.4f\n", f->k, f->recall);
		printf("  MRR@%-17ld %8.4f\n", f->k, f->rr);
	}
	printf("  %-22s %8d\n", "queries with no results", f->nnores);
	printf("  %-22s %8.3f ms\n", "latency p50", f->p50);
	printf("  %-22s %8.3f ms\n", "latency p99", f->p99);
}

int
eval_retrieval_main(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,		NULL, 'j' },
		{ "k",		required_argument,	NULL, 'k' },
		{ "docs",	required_argument,	NULL, 'd' },
		{ "queries",	required_argument,	NULL, 'q' },
		{ "qrels",	required_argument,	NULL, 'r' },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL,		0,			NULL, 0 }
	};
	struct eval	 ev;
	struct figures	 fig;
	struct sd_error	 err = SD_ERROR_INIT;
	struct ingest_opts iopts;
	struct ingest_stats istats;
	struct store	*st = NULL;
	struct qscore	*qs = NULL;
	const char	*docs = NULL, *queries = NULL, *qrels = NULL, *tmp;
	char		*dir = NULL, *dbpath = NULL, *end;
	double		*lat = NULL, t0, sndcg = 0, srec = 0, srr = 0;
	long		 k = 10;
	int		 ch, json = 0, status = SD_EXIT_FAIL, neval = 0, nnores = 0;
	size_t		 i;

	memset(&ev, 0, sizeof ev);
	memset(&istats, 0, sizeof istats);
	while ((ch = getopt_long(argc, argv, "jk:d:q:r:h", longopts, NULL)) !=
	    -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'k':
			errno = 0;
			k = strtol(optarg, &end, 10);
			if (*end != '\0' || end == optarg || errno != 0 ||
			    k < 1 || k > 1000)
				return fail_usage("--k: not a number from 1 "
				    "to 1000");
			break;
		case 'd':
			docs = optarg;
			break;
		case 'q':
			queries = optarg;
			break;
		case 'r':
			qrels = optarg;
			break;
		default:
			return fail_usage("bad option");
		}
	}
	if (optind != argc)
		return fail_usage("unexpected argument");
	if (queries == NULL)
		return fail_usage("--queries is required");
	if (read_queries(queries, &ev, &err) != SD_OK ||
	    (qrels != NULL && read_qrels(qrels, &ev, &err) != SD_OK))
		goto fail;
	if (docs == NULL) {
		/* The store itself: its latency, and its SKUs as ids. */
		if (cmd_open_store(ctx, &err) != 0)
			goto fail;
		st = ctx->st;
		istats.products = store_count(st, "products");
		istats.documents = store_count(st, "documents");
		goto run;
	}
	read_idmap(docs, &ev);

	/* A scratch store: only FILE's documents, synonyms seeded. */
	if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
		tmp = "/tmp";
	dir = xasprintf("%s/shopdesk-eval.XXXXXX", tmp);
	if (mkdtemp(dir) == NULL) {
		sd_fail(&err, SD_ERR_IO, "%s: %s", dir, strerror(errno));
		free(dir);
		dir = NULL;
		goto fail;
	}
	dbpath = paths_join(dir, "eval.db");
	if ((st = store_open(dbpath, NULL, &err)) == NULL ||
	    synonyms_seed(st, ctx->share_dir, &err) != SD_OK)
		goto fail;
	memset(&iopts, 0, sizeof iopts);
	if (ingest_file(st, docs, &iopts, &istats, &err) != SD_OK)
		goto fail;
run:
	qs = xcalloc(ev.nq, sizeof *qs);
	lat = xcalloc(ev.nq, sizeof *lat);
	/* One untimed pass warms the statement cache and the page cache. */
	for (i = 0; i < ev.nq; i++)
		if (run_query(st, &ev, &ev.q[i], (int)k, &qs[i], &err) !=
		    SD_OK)
			goto fail;
	for (i = 0; i < ev.nq; i++) {
		t0 = now_ms();
		if (run_query(st, &ev, &ev.q[i], (int)k, &qs[i], &err) !=
		    SD_OK)
			goto fail;
		lat[i] = now_ms() - t0;
		if (qs[i].nresults == 0)
			nnores++;
		if (!qs[i].evaluated)
			continue;
		neval++;
		sndcg += qs[i].ndcg;
		srec += qs[i].recall;
		srr += qs[i].rr;
	}
	if (neval > 0) {
		sndcg /= neval;
		srec /= neval;
		srr /= neval;
	}
	fig.k = k;
	fig.ndocs = istats.products + istats.documents;
	fig.nq = ev.nq;
	fig.neval = neval;
	fig.nnores = nnores;
	fig.ndcg = sndcg;
	fig.recall = srec;
	fig.rr = srr;
	fig.p50 = percentile(lat, ev.nq, 50);
	fig.p99 = percentile(lat, ev.nq, 99);
	print_figures(&fig, json, docs != NULL ? docs : ctx->db_path);
	status = fflush(stdout) == 0 ? SD_EXIT_OK : SD_EXIT_FAIL;
	goto out;
fail:
	fprintf(stderr, "shopdesk eval retrieval: %s\n", sd_error_msg(&err));
	status = err.rc == SD_ERR_USAGE ? SD_EXIT_USAGE : SD_EXIT_FAIL;
out:
	if (st != ctx->st)
		store_close(st);
	if (dir != NULL)
		remove_scratch(dir);
	free(dir);
	free(dbpath);
	free(qs);
	free(lat);
	eval_free(&ev);
	sd_error_clear(&err);
	return status;
}

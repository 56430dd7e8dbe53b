/*
 * gen-entity-catalog: put products into a database by plain SQL, for the
 * entity tests and benchmark (they must not depend on the ingest module).
 *
 *	gen-entity-catalog DB FILE.jsonl	insert each {"sku","name","brand",
 *					"model","category","subcategory",
 *					"price","currency"} line
 *	gen-entity-catalog DB -g N		insert N generated products
 *					(deterministic)
 *	gen-entity-catalog DB -t	time gazetteer_load (best of 5)
 *	gen-entity-catalog DB -x FILE	extraction throughput over the
 *					texts of a labelled JSONL file
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "store.h"
#include "entity.h"

static const char insert_sql[] = "INSERT INTO products(sku, name, brand,"
    " model, category, subcategory, price, currency, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)";

static int
bind_opt(sqlite3_stmt *s, int i, const cJSON *o, const char *k)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);

	if (cJSON_IsString(v))
		return sqlite3_bind_text(s, i, v->valuestring, -1,
		    SQLITE_TRANSIENT);
	return sqlite3_bind_null(s, i);
}

static int
load_file(struct store *st, const char *path)
{
	FILE		*fp;
	struct sbuf	 line = SBUF_INIT;
	struct sd_error	 err = SD_ERROR_INIT;
	sqlite3_stmt	*s;
	cJSON		*o, *p;
	unsigned long	 lineno = 0;
	int		 rc = 0;

	if ((fp = fopen(path, "r")) == NULL) {
		perror(path);
		return 1;
	}
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		if (line.len == 0)
			continue;
		if ((o = cJSON_Parse(line.buf)) == NULL) {
			fprintf(stderr, "%s:%lu: bad JSON\n", path, lineno);
			rc = 1;
			break;
		}
		if ((s = store_prepare(st, insert_sql, &err)) == NULL) {
			fprintf(stderr, "%s\n", sd_error_msg(&err));
			cJSON_Delete(o);
			rc = 1;
			break;
		}
		bind_opt(s, 1, o, "sku");
		bind_opt(s, 2, o, "name");
		bind_opt(s, 3, o, "brand");
		bind_opt(s, 4, o, "model");
		bind_opt(s, 5, o, "category");
		bind_opt(s, 6, o, "subcategory");
		p = cJSON_GetObjectItemCaseSensitive(o, "price");
		sqlite3_bind_double(s, 7, cJSON_IsNumber(p) ? p->valuedouble :
		    0);
		if (!cJSON_IsString(cJSON_GetObjectItemCaseSensitive(o,
		    "currency")))
			sqlite3_bind_text(s, 8, "USD", -1, SQLITE_STATIC);
		else
			bind_opt(s, 8, o, "currency");
		sqlite3_bind_text(s, 9, "2026-01-01T00:00:00Z", -1,
		    SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE) {
			fprintf(stderr, "%s:%lu: %s\n", path, lineno,
			    sqlite3_errmsg(store_db(st)));
			rc = 1;
		}
		sqlite3_reset(s);
		cJSON_Delete(o);
		if (rc != 0)
			break;
	}
	sbuf_release(&line);
	fclose(fp);
	sd_error_clear(&err);
	return rc;
}

/* A small deterministic generator (xorshift64*). */
static unsigned long long rng = 88172645463325252ull;

static unsigned
rnd(unsigned n)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return (unsigned)((rng * 2685821657736338717ull) >> 33) % n;
}

static int
generate(struct store *st, long n)
{
	static const char *const brands[] = { "Acme", "Zenix", "Orbita",
	    "Nordvik", "Kestrel", "Lumio", "Quanta", "Veltro", "Pyxis",
	    "Halden", "Corvus", "Maru", "Tessel", "Brightway", "Solenne",
	    "Arkwright", "Vireo", "Calyx", "Dunmore", "Ostrava" };
	static const char *const series[] = { "Nova", "Vector", "Aero",
	    "Titan", "Pulse", "Echoline", "Spark", "Vista", "Prime", "Forge",
	    "Summit", "Glide", "Orbit", "Flux", "Zenith", "Harbor", "Quill",
	    "Ember", "Crest", "Drift", "Lumen", "Strata", "Nimbus", "Cobalt" };
	static const char *const cats[] = { "laptops", "smartphones",
	    "tablets", "headphones", "tvs", "cameras", "smart-home",
	    "wearables", "monitors", "accessories", "gaming", "speakers",
	    "networking" };
	static const char *const suffix[] = { "", " Pro", " Max", " Lite",
	    " Plus", " Ultra", " Mini", " SE" };
	struct sd_error	 err = SD_ERROR_INIT;
	sqlite3_stmt	*s;
	char		*sku, *name, *model;
	long		 i;
	int		 rc = 0;
	unsigned	 b, c;

	for (i = 0; i < n && rc == 0; i++) {
		if ((s = store_prepare(st, insert_sql, &err)) == NULL) {
			fprintf(stderr, "%s\n", sd_error_msg(&err));
			return 1;
		}
		b = rnd(20);
		c = rnd(13);
		sku = xasprintf("GEN-%06ld", i);
		model = xasprintf("%c%c%u", 'A' + rnd(26), 'A' + rnd(26),
		    100 + rnd(9900));
		name = xasprintf("%s %s %u%s", brands[b], series[rnd(24)],
		    1 + rnd(999), suffix[rnd(8)]);
		sqlite3_bind_text(s, 1, sku, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 2, name, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 3, brands[b], -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 4, model, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(s, 5, cats[c], -1, SQLITE_STATIC);
		sqlite3_bind_null(s, 6);
		sqlite3_bind_double(s, 7, 10 + rnd(3000));
		sqlite3_bind_text(s, 8, "USD", -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 9, "2026-01-01T00:00:00Z", -1,
		    SQLITE_STATIC);
		if (sqlite3_step(s) != SQLITE_DONE) {
			fprintf(stderr, "generate: %s\n",
			    sqlite3_errmsg(store_db(st)));
			rc = 1;
		}
		sqlite3_reset(s);
		free(sku);
		free(name);
		free(model);
	}
	sd_error_clear(&err);
	return rc;
}

static double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int
time_load(struct store *st)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct gazetteer *gz;
	double		 t, best = 1e9;
	size_t		 np = 0, nph = 0, nfz = 0;
	int		 i;

	for (i = 0; i < 5; i++) {
		t = now_s();
		if ((gz = gazetteer_load(st, &err)) == NULL) {
			fprintf(stderr, "%s\n", sd_error_msg(&err));
			sd_error_clear(&err);
			return 1;
		}
		t = now_s() - t;
		if (t < best)
			best = t;
		gazetteer_stats(gz, &np, &nph, &nfz);
		gazetteer_free(gz);
	}
	printf("gazetteer build: %zu products, %zu phrases, %zu fuzzy keys: "
	    "%.1f ms (best of 5)\n", np, nph, nfz, best * 1e3);
	return 0;
}

static int
throughput(struct store *st, const char *path)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct entity_list el = ENTITY_LIST_INIT;
	struct gazetteer *gz;
	struct sbuf	 line = SBUF_INIT;
	char		**texts = NULL;
	size_t		 n = 0, i, found = 0;
	long		 done = 0;
	double		 t0, t;
	FILE		*fp;
	cJSON		*o, *x;

	if ((fp = fopen(path, "r")) == NULL) {
		perror(path);
		return 1;
	}
	while (sbuf_getline(&line, fp) == 0) {
		if ((o = cJSON_Parse(line.buf)) == NULL)
			continue;
		x = cJSON_GetObjectItemCaseSensitive(o, "text");
		if (cJSON_IsString(x)) {
			texts = xrealloc(texts, (n + 1) * sizeof *texts);
			texts[n++] = xstrdup(x->valuestring);
		}
		cJSON_Delete(o);
	}
	fclose(fp);
	sbuf_release(&line);
	if (n == 0 || (gz = gazetteer_load(st, &err)) == NULL) {
		fprintf(stderr, "%s: %s\n", path, n == 0 ? "no texts" :
		    sd_error_msg(&err));
		sd_error_clear(&err);
		return 1;
	}
	for (i = 0; i < n; i++)		/* warm up */
		entity_extract(gz, texts[i], strlen(texts[i]), &el);
	t0 = now_s();
	do {
		for (i = 0; i < n; i++, done++)
			found += entity_extract(gz, texts[i], strlen(texts[i]),
			    &el);
	} while ((t = now_s() - t0) < 1.0);
	printf("extraction: %s: %zu utterances x %ld rounds: %.0f "
	    "utterances/s, %.2f us each (%zu entities)\n", path, n, done /
	    (long)n, done / t, t / done * 1e6, found);
	for (i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
	entity_list_release(&el);
	gazetteer_free(gz);
	return 0;
}

int
main(int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*st;
	int		 rc;

	if (argc < 3 || (argc == 4 && strcmp(argv[2], "-g") != 0 &&
	    strcmp(argv[2], "-x") != 0) || argc > 4 || (argc == 3 &&
	    argv[2][0] == '-' && strcmp(argv[2], "-t") != 0)) {
		fprintf(stderr, "usage: gen-entity-catalog DB FILE.jsonl | "
		    "DB -g N | DB -t | DB -x FILE.jsonl\n");
		return 2;
	}
	if ((st = store_open(argv[1], NULL, &err)) == NULL) {
		fprintf(stderr, "%s\n", sd_error_msg(&err));
		sd_error_clear(&err);
		return 1;
	}
	if (strcmp(argv[2], "-t") == 0 || strcmp(argv[2], "-x") == 0) {
		rc = argv[2][1] == 't' ? time_load(st) : throughput(st,
		    argv[3]);
		store_close(st);
		return rc;
	}
	if (store_begin(st, &err) != SD_OK) {
		fprintf(stderr, "%s\n", sd_error_msg(&err));
		store_close(st);
		return 1;
	}
	rc = argc == 4 ? generate(st, atol(argv[3])) : load_file(st, argv[2]);
	if (rc == 0 && store_commit(st, &err) != SD_OK) {
		fprintf(stderr, "%s\n", sd_error_msg(&err));
		rc = 1;
	}
	if (rc != 0)
		store_rollback(st);
	store_close(st);
	sd_error_clear(&err);
	return rc;
}

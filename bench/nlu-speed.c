/*
 * nlu-speed: intent classification plus entity extraction, the engine's
 * understanding step, timed on one core over a JSON Lines file of
 * {"text": ...} lines.  Usage: nlu-speed DB SHARE_DIR FILE [ROUNDS]
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "entity.h"
#include "intent.h"
#include "sbuf.h"
#include "store.h"

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/*
 * The process's CPU time: what one core spent, whatever else the
 * machine runs (on a shared machine the wall time also counts the
 * time slices given to others).
 */
static double
cpu_now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct sd_error		 err = SD_ERROR_INIT;
	struct store		*st;
	struct intent_model	*im;
	struct gazetteer	*gz;
	struct intent_result	 ir = INTENT_RESULT_INIT;
	struct entity_list	 el = ENTITY_LIST_INIT;
	struct sbuf		 line = SBUF_INIT;
	char			**texts = NULL;
	size_t			 n = 0, i, ents = 0;
	int			 r, rounds;
	double			 t0, c0, best = 1e9, cbest = 1e9, dt;
	FILE			*fp;
	cJSON			*o, *tx;

	if (argc < 4) {
		fprintf(stderr, "usage: nlu-speed DB SHARE_DIR FILE [ROUNDS]\n");
		return 2;
	}
	rounds = argc > 4 ? atoi(argv[4]) : 3;
	if ((st = store_open(argv[1], NULL, &err)) == NULL ||
	    (im = intent_model_load(st, argv[2], &err)) == NULL ||
	    (gz = gazetteer_load(st, &err)) == NULL) {
		fprintf(stderr, "nlu-speed: %s\n", sd_error_msg(&err));
		return 1;
	}
	/*
	 * Loading the stored model is half of engine_open (the gazetteer is
	 * timed by bench-entity): best of the rounds, the first load above
	 * having trained it when needed.
	 */
	for (r = 0; r < rounds; r++) {
		struct intent_model *m2;

		t0 = now();
		if ((m2 = intent_model_load(st, argv[2], &err)) == NULL) {
			fprintf(stderr, "nlu-speed: %s\n", sd_error_msg(&err));
			return 1;
		}
		dt = now() - t0;
		intent_model_free(m2);
		if (dt < best)
			best = dt;
	}
	printf("intent_model_load: %.1f ms (best of %d); ", best * 1e3,
	    rounds);
	best = 1e9;
	if ((fp = fopen(argv[3], "r")) == NULL) {
		perror(argv[3]);
		return 1;
	}
	while (sbuf_getline(&line, fp) == 0) {
		if ((o = cJSON_Parse(line.buf)) == NULL)
			continue;
		tx = cJSON_GetObjectItemCaseSensitive(o, "text");
		if (cJSON_IsString(tx)) {
			texts = xrealloc(texts, (n + 1) * sizeof *texts);
			texts[n++] = xstrdup(tx->valuestring);
		}
		cJSON_Delete(o);
	}
	fclose(fp);
	for (r = 0; r < rounds; r++) {
		t0 = now();
		c0 = cpu_now();
		for (i = 0; i < n; i++) {
			intent_classify(im, texts[i], strlen(texts[i]), &ir);
			ents += entity_extract(gz, texts[i], strlen(texts[i]),
			    &el);
		}
		dt = cpu_now() - c0;
		if (dt < cbest)
			cbest = dt;
		dt = now() - t0;
		if (dt < best)
			best = dt;
	}
	printf("intent + entities: %zu utterances in %.3f s: %.0f "
	    "utterances/s (%.2f us each, best of %d); CPU time %.0f "
	    "utterances/s (%.2f us each)\n", n, best, (double)n / best,
	    best * 1e6 / (double)n, rounds, (double)n / cbest,
	    cbest * 1e6 / (double)n);
	for (i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
	intent_result_release(&ir);
	entity_list_release(&el);
	sbuf_release(&line);
	gazetteer_free(gz);
	intent_model_free(im);
	store_close(st);
	return 0;
}

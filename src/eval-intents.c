/*
 * eval-intents.c: "shopdesk eval intents [--json] FILE.jsonl" measures the
 * stored intent classifier on labelled utterances ({"text", "intent"}
 * lines, names mapped through the alias table): accuracy, macro-F1,
 * per-intent precision/recall/F1, the most confused pairs, out-of-scope
 * precision/recall, expected calibration error and throughput.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cJSON.h>

#include "shopdesk.h"
#include "cmd.h"
#include "eval.h"
#include "intent.h"
#include "sbuf.h"

#define ECE_BINS	10
#define MAX_CONFUSIONS	10

struct item {
	char	*text;
	size_t	 len;
	int	 gold;
};

static enum sd_rc
read_items(const char *path, struct item **items, size_t *n,
    struct sd_error *err)
{
	FILE		*fp;
	struct sbuf	 line = SBUF_INIT;
	unsigned long	 lineno = 0;
	cJSON		*root = NULL, *text, *intent;
	size_t		 cap = 0;
	enum sd_rc	 rc = SD_OK;
	int		 id;

	*items = NULL;
	*n = 0;
	if ((fp = fopen(path, "r")) == NULL)
		return sd_fail(err, SD_ERR_IO, "%s: %s", path,
		    strerror(errno));
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0)
			continue;
		cJSON_Delete(root);
		root = cJSON_ParseWithLength(line.buf, line.len);
		if (root == NULL || !cJSON_IsObject(root)) {
			rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: not a JSON "
			    "object", path, lineno);
			break;
		}
		text = cJSON_GetObjectItemCaseSensitive(root, "text");
		intent = cJSON_GetObjectItemCaseSensitive(root, "intent");
		if (!cJSON_IsString(text) || !cJSON_IsString(intent)) {
			rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: \"text\" and "
			    "\"intent\" must be strings", path, lineno);
			break;
		}
		if ((id = intent_map_name(intent->valuestring)) < 0) {
			rc = sd_fail(err, SD_ERR_INVALID, "%s:%lu: unknown "
			    "intent \"%s\"", path, lineno,
			    intent->valuestring);
			break;
		}
		if (*n == cap) {
			cap = cap < 256 ? 256 : cap * 2;
			*items = xrealloc(*items, cap * sizeof **items);
		}
		(*items)[*n].text = xstrdup(text->valuestring);
		(*items)[*n].len = strlen(text->valuestring);
		(*items)[*n].gold = id;
		(*n)++;
	}
	if (rc == SD_OK && *n == 0)
		rc = sd_fail(err, SD_ERR_INVALID, "%s: no utterances", path);
	cJSON_Delete(root);
	sbuf_release(&line);
	fclose(fp);
	return rc;
}

struct pair {
	int	 gold;
	int	 pred;
	long	 n;
};

static int
cmp_pair(const void *a, const void *b)
{
	const struct pair *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	if (x->gold != y->gold)
		return x->gold - y->gold;
	return x->pred - y->pred;
}

static double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double
ratio(long a, long b)
{
	return b == 0 ? 0 : (double)a / (double)b;
}

static double
f1(double p, double r)
{
	return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

extern const struct sd_cmd cmd_eval_entry;

int
eval_intents_main(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,		NULL, 'j' },
		{ "threshold",	required_argument,	NULL, 't' },
		{ "margin",	required_argument,	NULL, 'm' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct intent_model *m = NULL;
	struct intent_result r = INTENT_RESULT_INIT;
	struct item	*items = NULL;
	size_t		 n = 0, i, K, npairs = 0;
	const char *const *nm = intent_names(&K);
	long		*conf = NULL, correct = 0, ambiguous = 0, cut = 0;
	long		 bin_n[ECE_BINS] = { 0 }, tp, fp, fn, sup;
	double		 bin_conf[ECE_BINS] = { 0 }, bin_acc[ECE_BINS] = { 0 };
	double		 t0, secs, ece = 0, macro = 0, p, rc, thr = -1, mar = -1;
	int		*pred = NULL, *hit = NULL, ch, json = 0, status, k, g;
	int		 nlabels = 0, ngold = 0, oos = intent_oos_id(), b;
	double		 macro_gold = 0;
	float		*cf = NULL;
	struct pair	*pairs = NULL;
	char		*end;
	cJSON		*root = NULL, *per, *o, *arr;
	char		*s;
	const char	*sep;

	while ((ch = getopt_long(argc, argv, "jt:m:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 't':
		case 'm':
			errno = 0;
			p = strtod(optarg, &end);
			if (errno != 0 || *end != '\0' || p < 0 || p > 1) {
				fprintf(stderr, "shopdesk eval intents: --%s "
				    "%s: want a number in [0, 1]\n",
				    ch == 't' ? "threshold" : "margin", optarg);
				return SD_EXIT_USAGE;
			}
			*(ch == 't' ? &thr : &mar) = p;
			break;
		default:
			return cmd_usage(&cmd_eval_entry);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(&cmd_eval_entry);
	status = SD_EXIT_FAIL;
	if (read_items(argv[optind], &items, &n, &err) != SD_OK)
		goto fail;
	if (cmd_open_store(ctx, &err) != 0)
		goto fail;
	if ((m = intent_model_load(ctx->st, ctx->share_dir, &err)) == NULL)
		goto fail;
	intent_model_set_decision(m, thr, mar);

	pred = xcalloc(n, sizeof *pred);
	hit = xcalloc(n, sizeof *hit);
	cf = xcalloc(n, sizeof *cf);
	/* The timed pass: classification alone, as the engine runs it. */
	t0 = now_s();
	for (i = 0; i < n; i++) {
		intent_classify(m, items[i].text, items[i].len, &r);
		pred[i] = r.id;
		cf[i] = r.top[0].score;
		hit[i] = r.top[0].id == items[i].gold;
		ambiguous += r.verdict == INTENT_AMBIGUOUS;
		cut += r.clean.truncated;
	}
	secs = now_s() - t0;

	conf = xcalloc(K * K, sizeof *conf);
	for (i = 0; i < n; i++) {
		conf[(size_t)items[i].gold * K + (size_t)pred[i]]++;
		correct += pred[i] == items[i].gold;
		/* calibration of the ranking's top score */
		b = (int)(cf[i] * ECE_BINS);
		if (b >= ECE_BINS)
			b = ECE_BINS - 1;
		if (b < 0)
			b = 0;
		bin_n[b]++;
		bin_conf[b] += cf[i];
		bin_acc[b] += hit[i];
	}
	for (b = 0; b < ECE_BINS; b++)
		if (bin_n[b] > 0)
			ece += (double)bin_n[b] / (double)n *
			    (bin_acc[b] / (double)bin_n[b] -
			    bin_conf[b] / (double)bin_n[b] > 0 ?
			    bin_acc[b] / (double)bin_n[b] -
			    bin_conf[b] / (double)bin_n[b] :
			    bin_conf[b] / (double)bin_n[b] -
			    bin_acc[b] / (double)bin_n[b]);

	root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "file", argv[optind]);
	cJSON_AddNumberToObject(root, "n", (double)n);
	cJSON_AddNumberToObject(root, "accuracy", ratio(correct, (long)n));
	per = cJSON_AddObjectToObject(root, "per_intent");
	for (k = 0; k < (int)K; k++) {
		tp = conf[(size_t)k * K + (size_t)k];
		sup = fp = fn = 0;
		for (g = 0; g < (int)K; g++) {
			sup += conf[(size_t)k * K + (size_t)g];
			if (g != k) {
				fp += conf[(size_t)g * K + (size_t)k];
				fn += conf[(size_t)k * K + (size_t)g];
			}
		}
		if (sup == 0 && fp == 0)
			continue;
		/*
		 * macro-F1 over the intents of the gold file (a wrong label
		 * still costs that intent's recall and the other's
		 * precision), and over the union of gold and predicted
		 * labels as scikit-learn's default and the NLP.js peer do.
		 */
		nlabels++;
		p = ratio(tp, tp + fp);
		rc = ratio(tp, tp + fn);
		macro += f1(p, rc);
		if (sup > 0) {
			ngold++;
			macro_gold += f1(p, rc);
		}
		o = cJSON_AddObjectToObject(per, nm[k]);
		cJSON_AddNumberToObject(o, "precision", p);
		cJSON_AddNumberToObject(o, "recall", rc);
		cJSON_AddNumberToObject(o, "f1", f1(p, rc));
		cJSON_AddNumberToObject(o, "support", (double)sup);
		if (k == oos) {
			cJSON_AddNumberToObject(root, "oos_precision", p);
			cJSON_AddNumberToObject(root, "oos_recall", rc);
		}
	}
	if (cJSON_GetObjectItem(root, "oos_precision") == NULL) {
		cJSON_AddNullToObject(root, "oos_precision");
		cJSON_AddNullToObject(root, "oos_recall");
	}
	cJSON_AddNumberToObject(root, "macro_f1",
	    ngold ? macro_gold / ngold : 0);
	cJSON_AddNumberToObject(root, "macro_f1_union",
	    nlabels ? macro / nlabels : 0);
	/* the intents the union adds: predicted, never in the file */
	arr = cJSON_AddArrayToObject(root, "predicted_not_gold");
	for (k = 0; k < (int)K; k++) {
		for (sup = 0, fp = 0, g = 0; g < (int)K; g++) {
			sup += conf[(size_t)k * K + (size_t)g];
			fp += conf[(size_t)g * K + (size_t)k];
		}
		if (sup == 0 && fp > 0)
			cJSON_AddItemToArray(arr, cJSON_CreateString(nm[k]));
	}
	pairs = xcalloc(K * K, sizeof *pairs);
	for (k = 0; k < (int)K; k++)
		for (g = 0; g < (int)K; g++)
			if (g != k && conf[(size_t)k * K + (size_t)g] > 0) {
				pairs[npairs].gold = k;
				pairs[npairs].pred = g;
				pairs[npairs].n = conf[(size_t)k * K +
				    (size_t)g];
				npairs++;
			}
	qsort(pairs, npairs, sizeof *pairs, cmp_pair);
	arr = cJSON_AddArrayToObject(root, "confusions");
	for (i = 0; i < npairs && i < MAX_CONFUSIONS; i++) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "gold", nm[pairs[i].gold]);
		cJSON_AddStringToObject(o, "predicted", nm[pairs[i].pred]);
		cJSON_AddNumberToObject(o, "n", (double)pairs[i].n);
		cJSON_AddItemToArray(arr, o);
	}
	cJSON_AddNumberToObject(root, "ece", ece);
	cJSON_AddNumberToObject(root, "ambiguous", (double)ambiguous);
	cJSON_AddNumberToObject(root, "truncated", (double)cut);
	cJSON_AddNumberToObject(root, "threshold", intent_model_threshold(m));
	cJSON_AddNumberToObject(root, "margin", intent_model_margin(m));
	cJSON_AddNumberToObject(root, "seconds", secs);
	cJSON_AddNumberToObject(root, "utterances_per_s",
	    secs > 0 ? (double)n / secs : 0);

	if (json) {
		s = cJSON_PrintUnformatted(root);
		printf("%s\n", s);
		cJSON_free(s);
	} else {
		printf("%s: %zu utterances\n", argv[optind], n);
		printf("accuracy          %.4f\n", ratio(correct, (long)n));
		/*
		 * Two figures, both named: a file that covers a few of our
		 * intents scores 0 F1 for every other intent the model
		 * predicts even once, which the union average counts.
		 */
		printf("macro-F1 (gold)   %.4f  over the %d intents of the "
		    "file\n", ngold ? macro_gold / ngold : 0, ngold);
		printf("macro-F1 (union)  %.4f  over those and %d predicted "
		    "outside them", nlabels ? macro / nlabels : 0,
		    nlabels - ngold);
		sep = ": ";
		for (k = 0; k < (int)K; k++) {
			for (sup = 0, g = 0; g < (int)K; g++)
				sup += conf[(size_t)k * K + (size_t)g];
			for (fp = 0, g = 0; g < (int)K; g++)
				fp += conf[(size_t)g * K + (size_t)k];
			if (sup == 0 && fp > 0) {
				printf("%s%s", sep, nm[k]);
				sep = ", ";
			}
		}
		printf("\n");
		o = cJSON_GetObjectItem(root, "oos_precision");
		if (cJSON_IsNumber(o))
			printf("out_of_scope      precision %.4f  recall "
			    "%.4f\n", o->valuedouble, cJSON_GetObjectItem(root,
			    "oos_recall")->valuedouble);
		printf("calibration (ECE) %.4f\n", ece);
		printf("ambiguous         %ld\n", ambiguous);
		printf("threshold         %.2f, margin %.2f\n",
		    intent_model_threshold(m), intent_model_margin(m));
		printf("throughput        %.0f utterances/s\n",
		    secs > 0 ? (double)n / secs : 0);
		printf("\n%-26s %9s %9s %9s %7s\n", "intent", "precision",
		    "recall", "F1", "support");
		cJSON_ArrayForEach(o, per)
			printf("%-26s %9.4f %9.4f %9.4f %7.0f\n", o->string,
			    cJSON_GetObjectItem(o, "precision")->valuedouble,
			    cJSON_GetObjectItem(o, "recall")->valuedouble,
			    cJSON_GetObjectItem(o, "f1")->valuedouble,
			    cJSON_GetObjectItem(o, "support")->valuedouble);
		if (npairs > 0)
			printf("\nmost confused (gold -> predicted):\n");
		for (i = 0; i < npairs && i < MAX_CONFUSIONS; i++)
			printf("  %5ld  %s -> %s\n", pairs[i].n,
			    nm[pairs[i].gold], nm[pairs[i].pred]);
	}
	status = SD_EXIT_OK;
	goto out;
fail:
	fprintf(stderr, "shopdesk eval intents: %s\n", sd_error_msg(&err));
	if (err.rc == SD_ERR_USAGE)
		status = SD_EXIT_USAGE;
out:
	cJSON_Delete(root);
	for (i = 0; i < n; i++)
		free(items[i].text);
	free(items);
	free(pred);
	free(hit);
	free(cf);
	free(conf);
	free(pairs);
	intent_result_release(&r);
	intent_model_free(m);
	sd_error_clear(&err);
	return status;
}

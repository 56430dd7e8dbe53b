/*
 * eval-intents.c: "shopdesk eval intents [--json] FILE.jsonl..." measures
 * the stored intent classifier on labelled utterances: accuracy, macro-F1,
 * per-intent precision/recall/F1, the most confused pairs, out-of-scope
 * precision/recall, expected calibration error and throughput.
 *
 * A line is {"text", "intent"} (one right answer) or {"text", "intents"}
 * (every acceptable intent, best first, as in the voices set), names
 * mapped through the alias table.  Lenient accuracy takes any acceptable
 * intent, strict only the first; the confusion figures use the first.
 * Because accuracy on one source hides the state of another, the lines are
 * also tallied per source (a "source" field, else the file) and per
 * "register" when lines have one, each with the share of in-store lines
 * (out_of_scope not acceptable) refused as out_of_scope and the share of
 * out-of-scope lines refused.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
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
	char		*text;
	size_t		 len;
	int		 gold;		/* the best intent */
	uint64_t	 ok;		/* bit per acceptable intent id */
	int		 src;		/* index into the source names */
	int		 reg;		/* index into the registers, -1 none */
};

/* Interned group names (sources, registers), in order of appearance. */
struct names {
	char		**v;
	int		 n;
};

static int
names_intern(struct names *g, const char *s)
{
	int	 i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->v[i], s) == 0)
			return i;
	g->v = xrealloc(g->v, (size_t)(g->n + 1) * sizeof *g->v);
	g->v[g->n] = xstrdup(s);
	return g->n++;
}

static void
names_release(struct names *g)
{
	int	 i;

	for (i = 0; i < g->n; i++)
		free(g->v[i]);
	free(g->v);
}

/* The items of one file, read. */
struct itemset {
	struct item	*v;
	size_t		 n;
	size_t		 cap;
	struct names	 src;
	struct names	 reg;
};

/* The acceptable intents of a line: "intent" or a non-empty "intents". */
static enum sd_rc
item_labels(cJSON *root, struct item *it, struct sd_error *err)
{
	cJSON	*one = cJSON_GetObjectItemCaseSensitive(root, "intent");
	cJSON	*list = cJSON_GetObjectItemCaseSensitive(root, "intents");
	cJSON	*e;
	int	 id;

	it->gold = -1;
	it->ok = 0;
	if (cJSON_IsString(one))
		list = NULL;
	else if (!cJSON_IsArray(list) || cJSON_GetArraySize(list) == 0)
		return sd_fail(err, SD_ERR_PARSE, "\"text\" must be a string "
		    "and \"intent\" a string or \"intents\" a non-empty "
		    "list");
	for (e = list != NULL ? list->child : one; e != NULL;
	    e = list != NULL ? e->next : NULL) {
		if (!cJSON_IsString(e))
			return sd_fail(err, SD_ERR_PARSE, "\"intents\" must "
			    "hold strings");
		if ((id = intent_map_name(e->valuestring)) < 0)
			return sd_fail(err, SD_ERR_INVALID, "unknown intent "
			    "\"%s\"", e->valuestring);
		if (it->gold < 0)
			it->gold = id;
		it->ok |= (uint64_t)1 << id;
	}
	return SD_OK;
}

static enum sd_rc
read_line(struct itemset *is, const char *path, const char *line,
    size_t len, struct sd_error *err)
{
	cJSON		*root, *text, *src, *reg;
	struct item	 it;
	enum sd_rc	 rc = SD_OK;

	root = cJSON_ParseWithLength(line, len);
	if (root == NULL || !cJSON_IsObject(root)) {
		rc = sd_fail(err, SD_ERR_PARSE, "not a JSON object");
		goto out;
	}
	text = cJSON_GetObjectItemCaseSensitive(root, "text");
	src = cJSON_GetObjectItemCaseSensitive(root, "source");
	reg = cJSON_GetObjectItemCaseSensitive(root, "register");
	if (!cJSON_IsString(text)) {
		rc = sd_fail(err, SD_ERR_PARSE, "\"text\" must be a string");
		goto out;
	}
	if ((rc = item_labels(root, &it, err)) != SD_OK)
		goto out;
	it.src = names_intern(&is->src, cJSON_IsString(src) ?
	    src->valuestring : path);
	it.reg = cJSON_IsString(reg) ? names_intern(&is->reg,
	    reg->valuestring) : -1;
	it.text = xstrdup(text->valuestring);
	it.len = strlen(text->valuestring);
	if (is->n == is->cap) {
		is->cap = is->cap < 256 ? 256 : is->cap * 2;
		is->v = xrealloc(is->v, is->cap * sizeof *is->v);
	}
	is->v[is->n++] = it;
out:
	cJSON_Delete(root);
	return rc;
}

static enum sd_rc
read_items(struct itemset *is, const char *path, struct sd_error *err)
{
	FILE		*fp;
	struct sbuf	 line = SBUF_INIT;
	unsigned long	 lineno = 0;
	size_t		 before = is->n;
	enum sd_rc	 rc = SD_OK;

	if ((fp = fopen(path, "r")) == NULL)
		return sd_fail(err, SD_ERR_IO, "%s: %s", path,
		    strerror(errno));
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0)
			continue;
		if ((rc = read_line(is, path, line.buf, line.len, err)) !=
		    SD_OK) {
			sd_error_prefix(err, "%s:%lu: ", path, lineno);
			break;
		}
	}
	if (rc == SD_OK && is->n == before)
		rc = sd_fail(err, SD_ERR_INVALID, "%s: no utterances", path);
	sbuf_release(&line);
	fclose(fp);
	return rc;
}

static void
itemset_release(struct itemset *is)
{
	size_t	 i;

	for (i = 0; i < is->n; i++)
		free(is->v[i].text);
	free(is->v);
	names_release(&is->src);
	names_release(&is->reg);
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

/* One classification pass: what the model said for each item. */
struct run {
	int		*pred;		/* the decision (r.id) */
	float		*cf;		/* top score */
	int		*hit;		/* top[0] is the best intent */
	long		 ambiguous;
	long		 cut;
	double		 secs;
};

/* The timed pass: classification alone, as the engine runs it. */
static void
classify_all(const struct intent_model *m, const struct itemset *is,
    struct run *rn)
{
	struct intent_result r = INTENT_RESULT_INIT;
	size_t		 i;
	double		 t0;

	rn->pred = xcalloc(is->n, sizeof *rn->pred);
	rn->cf = xcalloc(is->n, sizeof *rn->cf);
	rn->hit = xcalloc(is->n, sizeof *rn->hit);
	t0 = now_s();
	for (i = 0; i < is->n; i++) {
		intent_classify(m, is->v[i].text, is->v[i].len, &r);
		rn->pred[i] = r.id;
		rn->cf[i] = r.top[0].score;
		rn->hit[i] = r.top[0].id == is->v[i].gold;
		rn->ambiguous += r.verdict == INTENT_AMBIGUOUS;
		rn->cut += r.clean.truncated;
	}
	rn->secs = now_s() - t0;
	intent_result_release(&r);
}

/* Expected calibration error of the top score, in ECE_BINS bins. */
static double
calibration_error(const struct run *rn, size_t n)
{
	long	 bin_n[ECE_BINS] = { 0 };
	double	 bin_conf[ECE_BINS] = { 0 }, bin_acc[ECE_BINS] = { 0 };
	double	 ece = 0, d;
	size_t	 i;
	int	 b;

	for (i = 0; i < n; i++) {
		b = (int)(rn->cf[i] * ECE_BINS);
		if (b >= ECE_BINS)
			b = ECE_BINS - 1;
		if (b < 0)
			b = 0;
		bin_n[b]++;
		bin_conf[b] += rn->cf[i];
		bin_acc[b] += rn->hit[i];
	}
	for (b = 0; b < ECE_BINS; b++) {
		if (bin_n[b] == 0)
			continue;
		d = (bin_acc[b] - bin_conf[b]) / (double)bin_n[b];
		ece += (double)bin_n[b] / (double)n * (d < 0 ? -d : d);
	}
	return ece;
}

/* Lines of one group (a source, a register, or all). */
struct tally {
	long	 n;
	long	 strict;	/* the best intent */
	long	 lenient;	/* any acceptable intent */
	long	 instore;	/* out_of_scope not acceptable */
	long	 instore_refused;	/* ... and refused as out_of_scope */
	long	 oos;		/* out_of_scope the best answer */
	long	 oos_refused;	/* ... and refused */
};

static void
tally_add(struct tally *t, const struct item *it, int pred)
{
	int	 oos = intent_oos_id();

	t->n++;
	t->strict += pred == it->gold;
	t->lenient += (it->ok >> pred & 1) != 0;
	if ((it->ok >> oos & 1) == 0) {
		t->instore++;
		t->instore_refused += pred == oos;
	}
	if (it->gold == oos) {
		t->oos++;
		t->oos_refused += pred == oos;
	}
}

static cJSON *
tally_json(const struct tally *t)
{
	cJSON	*o = cJSON_CreateObject();

	cJSON_AddNumberToObject(o, "n", (double)t->n);
	cJSON_AddNumberToObject(o, "lenient_accuracy",
	    ratio(t->lenient, t->n));
	cJSON_AddNumberToObject(o, "strict_accuracy", ratio(t->strict, t->n));
	cJSON_AddNumberToObject(o, "in_store", (double)t->instore);
	cJSON_AddNumberToObject(o, "in_store_refused_rate",
	    ratio(t->instore_refused, t->instore));
	cJSON_AddNumberToObject(o, "out_of_scope", (double)t->oos);
	cJSON_AddNumberToObject(o, "oos_refused_rate",
	    ratio(t->oos_refused, t->oos));
	return o;
}

/*
 * The per-group tallies: "by_source" always, "by_register" when any line
 * has a register; and the overall lenient and strict figures.
 */
static void
report_groups(cJSON *root, const struct itemset *is, const struct run *rn)
{
	struct tally	 all, *src, *reg;
	cJSON		*o;
	size_t		 i;
	int		 g;

	memset(&all, 0, sizeof all);
	src = xcalloc((size_t)is->src.n + 1, sizeof *src);
	reg = xcalloc((size_t)is->reg.n + 1, sizeof *reg);
	for (i = 0; i < is->n; i++) {
		tally_add(&all, &is->v[i], rn->pred[i]);
		tally_add(&src[is->v[i].src], &is->v[i], rn->pred[i]);
		if (is->v[i].reg >= 0)
			tally_add(&reg[is->v[i].reg], &is->v[i], rn->pred[i]);
	}
	o = cJSON_AddObjectToObject(root, "by_source");
	for (g = 0; g < is->src.n; g++)
		cJSON_AddItemToObject(o, is->src.v[g], tally_json(&src[g]));
	if (is->reg.n > 0) {
		o = cJSON_AddObjectToObject(root, "by_register");
		for (g = 0; g < is->reg.n; g++)
			cJSON_AddItemToObject(o, is->reg.v[g],
			    tally_json(&reg[g]));
	}
	/* After the groups: a reader taking a key's last match gets these. */
	cJSON_AddNumberToObject(root, "lenient_accuracy",
	    ratio(all.lenient, all.n));
	cJSON_AddNumberToObject(root, "strict_accuracy",
	    ratio(all.strict, all.n));
	cJSON_AddNumberToObject(root, "in_store", (double)all.instore);
	cJSON_AddNumberToObject(root, "in_store_refused_rate",
	    ratio(all.instore_refused, all.instore));
	cJSON_AddNumberToObject(root, "out_of_scope_lines", (double)all.oos);
	cJSON_AddNumberToObject(root, "oos_refused_rate",
	    ratio(all.oos_refused, all.oos));
	free(src);
	free(reg);
}

/*
 * Per-intent precision, recall and F1 over the best intents, the two
 * macro averages and the most confused pairs.
 */
static void
report_intents(cJSON *root, const struct itemset *is, const struct run *rn)
{
	size_t		 K, i, npairs = 0;
	const char *const *nm = intent_names(&K);
	long		*conf, tp, fp, fn, sup;
	double		 macro = 0, macro_gold = 0, p, rc;
	int		 k, g, nlabels = 0, ngold = 0, oos = intent_oos_id();
	struct pair	*pairs;
	cJSON		*per, *o, *arr;

	conf = xcalloc(K * K, sizeof *conf);
	for (i = 0; i < is->n; i++)
		conf[(size_t)is->v[i].gold * K + (size_t)rn->pred[i]]++;
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
	cJSON_AddNumberToObject(root, "gold_intents", ngold);
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
	free(pairs);
	free(conf);
}

static double
num(const cJSON *o, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, key);

	return cJSON_IsNumber(v) ? v->valuedouble : 0;
}

static void
print_groups(const cJSON *root, const char *key, const char *title)
{
	const cJSON	*g = cJSON_GetObjectItemCaseSensitive(root, key), *o;

	if (!cJSON_IsObject(g))
		return;
	printf("\n%-32s %5s %8s %8s %9s %9s\n", title, "n", "lenient",
	    "strict", "store->oos", "oos->oos");
	cJSON_ArrayForEach(o, g) {
		printf("%-32s %5.0f %8.4f %8.4f ", o->string, num(o, "n"),
		    num(o, "lenient_accuracy"), num(o, "strict_accuracy"));
		if (num(o, "in_store") > 0)
			printf("%9.4f ", num(o, "in_store_refused_rate"));
		else
			printf("%9s ", "-");
		if (num(o, "out_of_scope") > 0)
			printf("%9.4f\n", num(o, "oos_refused_rate"));
		else
			printf("%9s\n", "-");
	}
}

static void
print_text(const cJSON *root)
{
	const cJSON	*o, *arr;
	const char	*sep = ": ";

	printf("%.0f utterances\n", num(root, "n"));
	printf("accuracy          %.4f  lenient (any acceptable intent)\n",
	    num(root, "lenient_accuracy"));
	printf("strict accuracy   %.4f  (the best intent)\n",
	    num(root, "strict_accuracy"));
	printf("in-store refused  %.4f  of %.0f in-store lines answered "
	    "out_of_scope\n", num(root, "in_store_refused_rate"),
	    num(root, "in_store"));
	printf("oos refused       %.4f  of %.0f out-of-scope lines\n",
	    num(root, "oos_refused_rate"), num(root, "out_of_scope_lines"));
	/*
	 * Two figures, both named: a file that covers a few of our
	 * intents scores 0 F1 for every other intent the model predicts
	 * even once, which the union average counts.
	 */
	printf("macro-F1 (gold)   %.4f  over the %.0f intents of the file\n",
	    num(root, "macro_f1"), num(root, "gold_intents"));
	arr = cJSON_GetObjectItemCaseSensitive(root, "predicted_not_gold");
	printf("macro-F1 (union)  %.4f  over those and %d predicted outside "
	    "them", num(root, "macro_f1_union"), cJSON_GetArraySize(arr));
	cJSON_ArrayForEach(o, arr) {
		printf("%s%s", sep, o->valuestring);
		sep = ", ";
	}
	printf("\n");
	o = cJSON_GetObjectItem(root, "oos_precision");
	if (cJSON_IsNumber(o))
		printf("out_of_scope      precision %.4f  recall %.4f\n",
		    o->valuedouble, num(root, "oos_recall"));
	printf("calibration (ECE) %.4f\n", num(root, "ece"));
	printf("ambiguous         %.0f\n", num(root, "ambiguous"));
	printf("threshold         %.2f, margin %.2f\n",
	    num(root, "threshold"), num(root, "margin"));
	printf("throughput        %.0f utterances/s\n",
	    num(root, "utterances_per_s"));
	print_groups(root, "by_source", "source");
	print_groups(root, "by_register", "register");
	printf("\n%-26s %9s %9s %9s %7s\n", "intent", "precision", "recall",
	    "F1", "support");
	cJSON_ArrayForEach(o, cJSON_GetObjectItem(root, "per_intent"))
		printf("%-26s %9.4f %9.4f %9.4f %7.0f\n", o->string,
		    num(o, "precision"), num(o, "recall"), num(o, "f1"),
		    num(o, "support"));
	arr = cJSON_GetObjectItem(root, "confusions");
	if (cJSON_GetArraySize(arr) > 0)
		printf("\nmost confused (gold -> predicted):\n");
	cJSON_ArrayForEach(o, arr)
		printf("  %5.0f  %s -> %s\n", num(o, "n"),
		    cJSON_GetObjectItem(o, "gold")->valuestring,
		    cJSON_GetObjectItem(o, "predicted")->valuestring);
}

/* Options; -1 when they are fine, else the exit status. */
static int
parse_options(int argc, char **argv, int *json, double *thr, double *mar)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,		NULL, 'j' },
		{ "threshold",	required_argument,	NULL, 't' },
		{ "margin",	required_argument,	NULL, 'm' },
		{ NULL,		0,			NULL, 0 }
	};
	char	*end;
	double	 p;
	int	 ch;

	while ((ch = getopt_long(argc, argv, "jt:m:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			*json = 1;
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
			*(ch == 't' ? thr : mar) = p;
			break;
		default:
			return cmd_usage(&cmd_eval_entry);
		}
	}
	if (argc - optind < 1)
		return cmd_usage(&cmd_eval_entry);
	return -1;
}

int
eval_intents_main(struct sd_ctx *ctx, int argc, char **argv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct intent_model *m = NULL;
	struct itemset	 is;
	struct run	 rn;
	double		 thr = -1, mar = -1;
	int		 json = 0, status, i;
	cJSON		*root = NULL, *files;
	char		*s;

	memset(&is, 0, sizeof is);
	memset(&rn, 0, sizeof rn);
	if ((status = parse_options(argc, argv, &json, &thr, &mar)) >= 0)
		return status;
	status = SD_EXIT_FAIL;
	for (i = optind; i < argc; i++)
		if (read_items(&is, argv[i], &err) != SD_OK)
			goto fail;
	if (cmd_open_store(ctx, &err) != 0)
		goto fail;
	if ((m = intent_model_load(ctx->st, ctx->share_dir, &err)) == NULL)
		goto fail;
	intent_model_set_decision(m, thr, mar);
	classify_all(m, &is, &rn);

	root = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "file", argv[optind]);
	files = cJSON_AddArrayToObject(root, "files");
	for (i = optind; i < argc; i++)
		cJSON_AddItemToArray(files, cJSON_CreateString(argv[i]));
	cJSON_AddNumberToObject(root, "n", (double)is.n);
	report_intents(root, &is, &rn);
	report_groups(root, &is, &rn);
	cJSON_AddNumberToObject(root, "ece", calibration_error(&rn, is.n));
	cJSON_AddNumberToObject(root, "ambiguous", (double)rn.ambiguous);
	cJSON_AddNumberToObject(root, "truncated", (double)rn.cut);
	cJSON_AddNumberToObject(root, "threshold", intent_model_threshold(m));
	cJSON_AddNumberToObject(root, "margin", intent_model_margin(m));
	cJSON_AddNumberToObject(root, "seconds", rn.secs);
	cJSON_AddNumberToObject(root, "utterances_per_s",
	    rn.secs > 0 ? (double)is.n / rn.secs : 0);
	/* Last, so that a reader taking the last "accuracy" key gets it. */
	cJSON_AddNumberToObject(root, "accuracy",
	    num(root, "lenient_accuracy"));

	if (json) {
		s = cJSON_PrintUnformatted(root);
		printf("%s\n", s);
		cJSON_free(s);
	} else {
		printf("%s%s: ", argv[optind], argc - optind > 1 ? "..." : "");
		print_text(root);
	}
	status = SD_EXIT_OK;
	goto out;
fail:
	fprintf(stderr, "shopdesk eval intents: %s\n", sd_error_msg(&err));
	if (err.rc == SD_ERR_USAGE)
		status = SD_EXIT_USAGE;
out:
	cJSON_Delete(root);
	itemset_release(&is);
	free(rn.pred);
	free(rn.cf);
	free(rn.hit);
	intent_model_free(m);
	sd_error_clear(&err);
	return status;
}

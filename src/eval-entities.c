/*
 * eval-entities.c: "shopdesk eval entities [--json] [--errors] FILE.jsonl"
 * scores the entity extractor against lines {"text", "entities": [{"type",
 * "start", "end", "value", ...}]} with byte spans: precision, recall and
 * F1 per type and overall (a hit needs the type and the exact span), the
 * same with any overlap of spans (relaxed), and how many exact hits also
 * carry the right resolved value (SKU, bounds, category, date...).
 *
 * A line {"text", "no_product": true} is a sentence that names no
 * product: it counts towards no-product precision, the share of such
 * sentences in which no product is found.  Its spans are scored only when
 * it has "entities" too.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "cmd.h"
#include "eval.h"
#include "entity.h"
#include "sbuf.h"

struct gold {
	int		 type;
	size_t		 start, end;
	const cJSON	*obj;
	int		 hit;		/* matched exactly */
	int		 rhit;		/* matched by overlap */
};

/* Sentences that name no product, and those where one was found. */
struct noprod {
	long	 n;
	long	 hit;
};

struct counts {
	long	 tp, fp, fn;		/* exact */
	long	 rtp, rfp, rfn;		/* relaxed */
	long	 vok;			/* exact hits with the right value */
};

double
eval_ratio(long a, long b)
{
	return b > 0 ? (double)a / (double)b : 0.0;
}

double
eval_f1(double p, double r)
{
	return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
}

static int
num_eq(const cJSON *o, const char *k, int has, double v)
{
	const cJSON *g = cJSON_GetObjectItemCaseSensitive(o, k);

	if (g == NULL)
		return 1;		/* not labelled: not checked */
	return cJSON_IsNumber(g) && has && fabs(g->valuedouble - v) < 0.005;
}

static int
str_eq(const cJSON *o, const char *k, const char *v)
{
	const cJSON *g = cJSON_GetObjectItemCaseSensitive(o, k);

	if (g == NULL)
		return 1;
	if (cJSON_IsNull(g))
		return v == NULL;
	return cJSON_IsString(g) && v != NULL && strcmp(g->valuestring, v) == 0;
}

/* The fields the gold entity labels agree with the prediction. */
static int
value_ok(const cJSON *g, const struct entity *e)
{
	const cJSON *fam = cJSON_GetObjectItemCaseSensitive(g, "family");
	const cJSON *pair = cJSON_GetObjectItemCaseSensitive(g, "pair");

	if (pair != NULL && (cJSON_IsNumber(pair) && pair->valueint > 0) !=
	    (e->pair > 0))
		return 0;
	switch (e->type) {
	case ENTITY_PRICE:
		return num_eq(g, "min", e->has_min, e->min) &&
		    num_eq(g, "max", e->has_max, e->max) &&
		    str_eq(g, "currency", e->currency);
	case ENTITY_PRODUCT:
		if (cJSON_IsTrue(fam))
			return e->product_id == 0;
		return str_eq(g, "sku", e->sku);
	case ENTITY_BRAND:
		return str_eq(g, "value", e->value);
	case ENTITY_CATEGORY:
		return str_eq(g, "category", e->category) &&
		    str_eq(g, "use", e->use);
	case ENTITY_ATTRIBUTE:
		return str_eq(g, "attribute", e->attribute);
	case ENTITY_QUANTITY:
		return num_eq(g, "number", 1, (double)e->number);
	case ENTITY_DATE:
	case ENTITY_ORDER_ID:
	case ENTITY_EMAIL:
		return str_eq(g, "value", e->value);
	}
	return 0;
}

/* Parse one labelled line into gold (grown as needed); 0 or -1 + msg. */
static int
parse_line(cJSON *o, const char **text, size_t *len, struct gold **gold,
    size_t *ngold, size_t *cap, int *noprod, const char **msg)
{
	const cJSON *t, *ents, *e, *v;
	int	 type;

	*ngold = 0;
	v = cJSON_GetObjectItemCaseSensitive(o, "no_product");
	if (v != NULL && !cJSON_IsBool(v)) {
		*msg = "\"no_product\" must be true or false";
		return -1;
	}
	/* 1: no product, spans unlabelled; 2: no product, spans labelled. */
	*noprod = cJSON_IsTrue(v) ? 1 : 0;
	t = cJSON_GetObjectItemCaseSensitive(o, "text");
	if (!cJSON_IsString(t)) {
		*msg = "\"text\" must be a string";
		return -1;
	}
	*text = t->valuestring;
	*len = strlen(t->valuestring);
	ents = cJSON_GetObjectItemCaseSensitive(o, "entities");
	if (ents == NULL)
		return 0;
	if (*noprod)
		*noprod = 2;
	if (!cJSON_IsArray(ents)) {
		*msg = "\"entities\" must be an array";
		return -1;
	}
	cJSON_ArrayForEach(e, ents) {
		v = cJSON_GetObjectItemCaseSensitive(e, "type");
		if (!cJSON_IsString(v) || (type = entity_type_parse(
		    v->valuestring)) < 0) {
			*msg = "an entity has no known \"type\" (order_id, "
			    "price, product, brand, category, attribute, "
			    "quantity, email, date)";
			return -1;
		}
		if (*ngold == *cap) {
			*cap = *cap < 8 ? 8 : *cap * 2;
			*gold = xrealloc(*gold, *cap * sizeof **gold);
		}
		(*gold)[*ngold].type = type;
		(*gold)[*ngold].obj = e;
		(*gold)[*ngold].hit = (*gold)[*ngold].rhit = 0;
		v = cJSON_GetObjectItemCaseSensitive(e, "start");
		t = cJSON_GetObjectItemCaseSensitive(e, "end");
		if (!cJSON_IsNumber(v) || !cJSON_IsNumber(t) ||
		    v->valuedouble < 0 || t->valuedouble < v->valuedouble ||
		    t->valuedouble > (double)*len) {
			*msg = "an entity needs \"start\" <= \"end\" within "
			    "the text (bytes)";
			return -1;
		}
		(*gold)[*ngold].start = (size_t)v->valuedouble;
		(*gold)[*ngold].end = (size_t)t->valuedouble;
		(*ngold)++;
	}
	return 0;
}

static void
print_error(const char *what, const char *text, const struct entity *e,
    const struct gold *g)
{
	if (e != NULL)
		printf("  %s %s \"%.*s\" [%zu,%zu) value=%s\n", what,
		    entity_type_name(e->type), (int)(e->end - e->start),
		    text + e->start, e->start, e->end, e->value);
	else
		printf("  %s %s \"%.*s\" [%zu,%zu)\n", what,
		    entity_type_name((enum entity_type)g->type),
		    (int)(g->end - g->start), text + g->start, g->start,
		    g->end);
}

/* Count a no-product sentence; 1 when a product was found in it. */
static int
noprod_count(struct noprod *np, const struct entity_list *el)
{
	size_t	 i;

	np->n++;
	for (i = 0; i < el->n; i++)
		if (el->v[i].type == ENTITY_PRODUCT) {
			np->hit++;
			return 1;
		}
	return 0;
}

static void
noprod_report(const struct noprod *np, int json, struct sbuf *out)
{
	if (np->n == 0)
		return;
	if (json)
		sbuf_addf(out, "\"no_product\":{\"n\":%ld,\"with_product\":%ld,"
		    "\"precision\":%.4f},", np->n, np->hit,
		    eval_ratio(np->n - np->hit, np->n));
	else
		sbuf_addf(out, "no-product sentences %ld, with a product %ld, "
		    "precision %.4f\n", np->n, np->hit,
		    eval_ratio(np->n - np->hit, np->n));
}

/* Counts one line's entities against its gold spans, exact and
 * overlapping; --errors prints what did not match. */
static void
score_line(struct counts *c, struct gold *gold, size_t ngold,
    const struct entity_list *el, int noprod, int errors, const char *path,
    unsigned long lineno, const char *text)
{
	size_t	 i, j;
	int	 hit;

	for (i = 0; i < el->n && noprod != 1; i++) {
		const struct entity *e = &el->v[i];

		for (hit = 0, j = 0; j < ngold && !hit; j++) {
			if (gold[j].hit || gold[j].type != (int)e->type ||
			    gold[j].start != e->start ||
			    gold[j].end != e->end)
				continue;
			gold[j].hit = hit = 1;
			c[e->type].tp++;
			if (value_ok(gold[j].obj, e))
				c[e->type].vok++;
			else if (errors)
				printf("%s:%lu: %s\n  value %s: %s\n",
				    path, lineno, text,
				    entity_type_name(e->type),
				    e->value);
		}
		if (!hit) {
			c[e->type].fp++;
			if (errors) {
				printf("%s:%lu: %s\n", path, lineno,
				    text);
				print_error("extra", text, e, NULL);
			}
		}
		for (hit = 0, j = 0; j < ngold && !hit; j++) {
			if (gold[j].rhit || gold[j].type != (int)e->type ||
			    gold[j].start >= e->end ||
			    e->start >= gold[j].end)
				continue;
			gold[j].rhit = hit = 1;
			c[e->type].rtp++;
		}
		if (!hit)
			c[e->type].rfp++;
	}
	for (j = 0; j < ngold; j++) {
		if (!gold[j].hit) {
			c[gold[j].type].fn++;
			if (errors) {
				printf("%s:%lu: %s\n", path, lineno,
				    text);
				print_error("missed", text, NULL,
				    &gold[j]);
			}
		}
		if (!gold[j].rhit)
			c[gold[j].type].rfn++;
	}
}

/* The figures, per type and overall, as a table or one JSON object. */
static void
report(const struct counts *c, const struct noprod *np, long n, double secs,
    int json, struct sbuf *out)
{
	struct counts	 all;
	size_t		 i, j;
	double		 p, r;

	memset(&all, 0, sizeof all);
	for (i = 0; i < ENTITY_NTYPES; i++) {
		all.tp += c[i].tp;
		all.fp += c[i].fp;
		all.fn += c[i].fn;
		all.rtp += c[i].rtp;
		all.rfp += c[i].rfp;
		all.rfn += c[i].rfn;
		all.vok += c[i].vok;
	}
	if (json) {
		p = eval_ratio(all.tp, all.tp + all.fp);
		r = eval_ratio(all.tp, all.tp + all.fn);
		sbuf_addf(out, "{\"n\":%ld,\"precision\":%.4f,\"recall\":%.4f,"
		    "\"f1\":%.4f,", n, p, r, eval_f1(p, r));
		p = eval_ratio(all.rtp, all.rtp + all.rfp);
		r = eval_ratio(all.rtp, all.rtp + all.rfn);
		noprod_report(np, 1, out);
		sbuf_addf(out, "\"relaxed\":{\"precision\":%.4f,\"recall\":"
		    "%.4f,\"f1\":%.4f},\"value_accuracy\":%.4f,"
		    "\"utterances_per_s\":%.0f,\"per_type\":{", p, r,
		    eval_f1(p, r), eval_ratio(all.vok, all.tp),
		    secs > 0 ? (double)n / secs : 0);
		for (i = 0, j = 0; i < ENTITY_NTYPES; i++) {
			if (c[i].tp + c[i].fp + c[i].fn == 0)
				continue;
			p = eval_ratio(c[i].tp, c[i].tp + c[i].fp);
			r = eval_ratio(c[i].tp, c[i].tp + c[i].fn);
			sbuf_addf(out, "%s\"%s\":{\"precision\":%.4f,"
			    "\"recall\":%.4f,\"f1\":%.4f,\"support\":%ld,"
			    "\"tp\":%ld,\"fp\":%ld,\"fn\":%ld,"
			    "\"value_accuracy\":%.4f}", j++ ? "," : "",
			    entity_type_name((enum entity_type)i), p, r,
			    eval_f1(p, r), c[i].tp + c[i].fn, c[i].tp, c[i].fp,
			    c[i].fn, eval_ratio(c[i].vok, c[i].tp));
		}
		sbuf_adds(out, "}}\n");
	} else {
		sbuf_addf(out, "%-10s %9s %9s %9s %8s %9s\n", "type",
		    "precision", "recall", "f1", "support", "value_ok");
		for (i = 0; i < ENTITY_NTYPES; i++) {
			if (c[i].tp + c[i].fp + c[i].fn == 0)
				continue;
			p = eval_ratio(c[i].tp, c[i].tp + c[i].fp);
			r = eval_ratio(c[i].tp, c[i].tp + c[i].fn);
			sbuf_addf(out, "%-10s %9.4f %9.4f %9.4f %8ld %9.4f\n",
			    entity_type_name((enum entity_type)i), p, r,
			    eval_f1(p, r), c[i].tp + c[i].fn,
			    eval_ratio(c[i].vok, c[i].tp));
		}
		p = eval_ratio(all.tp, all.tp + all.fp);
		r = eval_ratio(all.tp, all.tp + all.fn);
		sbuf_addf(out, "%-10s %9.4f %9.4f %9.4f %8ld %9.4f\n",
		    "overall", p, r, eval_f1(p, r), all.tp + all.fn,
		    eval_ratio(all.vok, all.tp));
		p = eval_ratio(all.rtp, all.rtp + all.rfp);
		r = eval_ratio(all.rtp, all.rtp + all.rfn);
		sbuf_addf(out, "%-10s %9.4f %9.4f %9.4f\n", "relaxed", p, r,
		    eval_f1(p, r));
		noprod_report(np, 0, out);
		sbuf_addf(out, "%ld utterances, %.0f utterances/s\n", n,
		    secs > 0 ? (double)n / secs : 0);
	}
}

int
eval_entities_main(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json",	no_argument,	NULL, 'j' },
		{ "errors",	no_argument,	NULL, 'E' },
		{ "help",	no_argument,	NULL, 'h' },
		{ NULL,		0,		NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct gazetteer *gz = NULL;
	struct entity_list el = ENTITY_LIST_INIT;
	struct counts	 c[ENTITY_NTYPES];
	struct noprod	 np = { 0, 0 };
	struct gold	*gold = NULL;
	size_t		 ngold = 0, gcap = 0, i, len;
	struct sbuf	 line = SBUF_INIT, out = SBUF_INIT;
	unsigned long	 lineno = 0;
	long		 n = 0;
	const char	*path, *text, *msg;
	cJSON		*o;
	FILE		*fp = NULL;
	int		 json = 0, errors = 0, ch, status = SD_EXIT_FAIL;
	int		 noprod;
	struct timespec	 t0, t1;
	double		 secs = 0;

	while ((ch = getopt_long(argc, argv, "jEh", longopts, NULL)) != -1) {
		switch (ch) {
		case 'j':
			json = 1;
			break;
		case 'E':
			errors = 1;
			break;
		default:
			fprintf(stderr, "usage: shopdesk eval entities [--json] "
			    "[--errors] FILE.jsonl\n");
			return SD_EXIT_USAGE;
		}
	}
	if (optind + 1 != argc) {
		fprintf(stderr, "usage: shopdesk eval entities [--json] "
		    "[--errors] FILE.jsonl\n");
		return SD_EXIT_USAGE;
	}
	path = argv[optind];
	if ((fp = fopen(path, "r")) == NULL) {
		fprintf(stderr, "shopdesk eval entities: %s: %s\n", path,
		    strerror(errno));
		return SD_EXIT_FAIL;
	}
	if (cmd_open_store(ctx, &err) != 0 ||
	    (gz = gazetteer_load(ctx->st, &err)) == NULL) {
		fprintf(stderr, "shopdesk eval entities: %s\n",
		    sd_error_msg(&err));
		goto out;
	}
	memset(c, 0, sizeof c);
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0)
			continue;
		if ((o = cJSON_ParseWithLength(line.buf, line.len)) == NULL) {
			fprintf(stderr, "shopdesk eval entities: %s:%lu: not "
			    "JSON\n", path, lineno);
			goto out;
		}
		if (parse_line(o, &text, &len, &gold, &ngold, &gcap, &noprod,
		    &msg)) {
			fprintf(stderr, "shopdesk eval entities: %s:%lu: %s\n",
			    path, lineno, msg);
			cJSON_Delete(o);
			goto out;
		}
		clock_gettime(CLOCK_MONOTONIC, &t0);
		entity_extract(gz, text, len, &el);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		secs += (double)(t1.tv_sec - t0.tv_sec) +
		    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		n++;
		if (noprod && noprod_count(&np, &el) && errors) {
			printf("%s:%lu: %s\n", path, lineno, text);
			for (i = 0; i < el.n; i++)
				if (el.v[i].type == ENTITY_PRODUCT)
					print_error("product in", text,
					    &el.v[i], NULL);
		}
		score_line(c, gold, ngold, &el, noprod, errors, path, lineno,
		    text);
		cJSON_Delete(o);
	}
	sbuf_reset(&out);
	report(c, &np, n, secs, json, &out);
	fwrite(out.buf, 1, out.len, stdout);
	status = SD_EXIT_OK;
out:
	if (fp != NULL)
		fclose(fp);
	free(gold);
	sbuf_release(&line);
	sbuf_release(&out);
	entity_list_release(&el);
	gazetteer_free(gz);
	sd_error_clear(&err);
	return status;
}

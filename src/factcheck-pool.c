/*
 * factcheck-pool.c owns the allow-list side of the fact-checker:
 * gathering, from the rows a sentence is about, the quantities that may
 * back its claims (found by factcheck-quantity.c).  Both sides go
 * through the same scanner, so "16 GB" in a product description backs
 * "sixteen gigabytes" in a reply, and a number the rows never state
 * backs nothing, however it is phrased.
 *
 * A quantity with a unit needs a row value with the same unit: "2
 * business days" is not backed by "2 pm" or by a 2-year plan.  Ranges
 * must match as ranges ("1-2 days" is not "3-5 days" even though the
 * policy says "1 business day" and "2 business days" elsewhere).
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "shopdesk.h"
#include "catalog.h"
#include "factcheck-int.h"
#include "sbuf.h"
#include "store.h"
/* Pools. */

void
pool_init(struct fc_pool *p)
{
	memset(p, 0, sizeof *p);
	sbuf_init(&p->text);
	sbuf_addc(&p->text, ' ');
}

void
pool_source(struct fc_pool *p, const char *kind, const char *id)
{
	size_t	 kl = strlen(kind), il = strlen(id);
	char	*s = xmalloc(kl + il + 2);

	memcpy(s, kind, kl + 1);
	memcpy(s + kl + 1, id, il + 1);
	p->src = xrealloc(p->src, (p->nsrc + 1) * sizeof *p->src);
	p->src[p->nsrc++] = s;
}

/* Entries from index n0 on come from the current source. */
static void
pool_mark(struct fq_list *l, size_t n0, size_t nsrc)
{
	for (; n0 < l->n; n0++)
		l->v[n0].src = (int)nsrc - 1;
}

void
pool_release(struct fc_pool *p)
{
	size_t	 i;

	for (i = 0; i < p->nsrc; i++)
		free(p->src[i]);
	free(p->src);
	fq_list_release(&p->q);
	fq_list_release(&p->loose);
	sbuf_release(&p->text);
}

char *
fc_stem(const char *w, size_t n)
{
	static const char *const sfx[] = { "ations", "ation", "ally", "able",
	    "ings", "ing", "ies", "ied", "ed", "es", "ly", "al", "s", "e", "y",
	    NULL };
	char	*s = xstrndup(w, n);
	size_t	 k, l, i;

	for (i = 0; s[i] != '\0'; i++)
		s[i] = (char)tolower((unsigned char)s[i]);
	l = strlen(s);
	for (k = 0; sfx[k] != NULL; k++) {
		size_t	 sl = strlen(sfx[k]);

		if (l >= sl + 3 && strcmp(s + l - sl, sfx[k]) == 0) {
			l -= sl;
			s[l] = '\0';
			break;
		}
	}
	/* "shipp" -> "ship" */
	if (l >= 4 && s[l - 1] == s[l - 2] && strchr("aeiouls", s[l - 1]) ==
	    NULL)
		s[--l] = '\0';
	return s;
}

void
pool_text(struct fc_pool *p, const char *text)
{
	size_t	 i = 0, s, len;
	char	*st;

	if (text == NULL)
		return;
	len = strlen(text);
	i = p->q.n;
	fq_scan(text, len, &p->q);
	pool_mark(&p->q, i, p->nsrc);
	i = 0;
	while (i < len) {
		while (i < len && !fq_alnum((unsigned char)text[i]))
			i++;
		s = i;
		while (i < len && fq_alnum((unsigned char)text[i]))
			i++;
		if (i > s) {
			st = fc_stem(text + s, i - s);
			sbuf_adds(&p->text, st);
			sbuf_addc(&p->text, ' ');
			free(st);
		}
	}
}

void
pool_num(struct fc_pool *p, double v, const char *unit)
{
	fq_push(&p->q, v, v, unit, 0, 0, 0);
	pool_mark(&p->q, p->q.n - 1, p->nsrc);
}

void
pool_loose(struct fc_pool *p, const char *text)
{
	size_t	 n0 = p->loose.n;

	if (text != NULL)
		fq_scan(text, strlen(text), &p->loose);
	pool_mark(&p->loose, n0, p->nsrc);
}

static int
ends(const char *k, const char *s)
{
	size_t	 a = strlen(k), b = strlen(s);

	return a >= b && strcmp(k + a - b, s) == 0;
}

/* The unit a fact's key gives its numbers ("return_window_days"). */
static const char *
key_unit(const char *k, double *scale)
{
	static const char *const money[] = { "price", "cost", "fee",
	    "threshold", "amount", "min_order", "max_discount", "deductible",
	    "_over", "two_year", "three_year", "total", NULL };
	size_t	 i;

	*scale = 1;
	if (k == NULL)
		return "";
	if (ends(k, "days"))
		return "day";
	if (ends(k, "months"))
		return "month";
	if (ends(k, "years")) {
		*scale = 12;
		return "month";
	}
	if (ends(k, "hours"))
		return "hour";
	if (ends(k, "minutes"))
		return "min";
	if (ends(k, "percent"))
		return "%";
	if (ends(k, "_gb"))
		return "gb";
	if (ends(k, "_hz"))
		return "hz";
	if (ends(k, "_kg"))
		return "kg";
	if (ends(k, "_wh"))
		return "wh";
	if (ends(k, "_mah"))
		return "mah";
	for (i = 0; money[i] != NULL; i++)
		if (strstr(k, money[i]) != NULL)
			return "$";
	return "";
}

static void
pool_json_item(struct fc_pool *p, const cJSON *it, const char *key)
{
	const cJSON	*c;
	const char	*unit;
	double		 scale;
	size_t		 n0, i;

	if (cJSON_IsNumber(it)) {
		unit = key_unit(key, &scale);
		pool_num(p, it->valuedouble * scale, unit);
		if (*unit != '\0')
			pool_num(p, it->valuedouble * scale, "");
	} else if (cJSON_IsString(it)) {
		n0 = p->q.n;
		pool_text(p, it->valuestring);
		unit = key_unit(key, &scale);
		/* "business_days": "3-5" is 3-5 days. */
		for (i = n0; i < p->q.n && *unit != '\0'; i++)
			if (p->q.v[i].unit[0] == '\0') {
				p->q.v[i].lo *= scale;
				p->q.v[i].hi *= scale;
				snprintf(p->q.v[i].unit, sizeof p->q.v[i].unit,
				    "%s", unit);
			}
	} else if (cJSON_IsArray(it)) {
		/* How many there are is a fact of the list too ("of the 3
		 * I just showed you"). */
		pool_num(p, (double)cJSON_GetArraySize(it), "");
		cJSON_ArrayForEach(c, it)
			pool_json_item(p, c, key);
	} else if (cJSON_IsObject(it)) {
		cJSON_ArrayForEach(c, it) {
			pool_json_item(p, c, c->string);
			/* Keys are words too ("international_shipping"). */
			pool_text(p, c->string);
		}
	}
}

void
pool_json(struct fc_pool *p, const char *json)
{
	cJSON	*root;

	if (json == NULL || (root = cJSON_Parse(json)) == NULL)
		return;
	pool_json_item(p, root, NULL);
	cJSON_Delete(root);
}

void
pool_product(struct fc_pool *p, const struct product *pr)
{
	double	 pct;

	pool_text(p, pr->name);
	pool_text(p, pr->brand);
	pool_text(p, pr->model);
	pool_text(p, pr->category);
	pool_text(p, pr->subcategory);
	pool_text(p, pr->description);
	pool_text(p, pr->review_summary);
	pool_text(p, pr->warranty);
	pool_text(p, pr->extended_warranty);
	pool_text(p, pr->tags);
	pool_json(p, pr->attrs);
	pool_num(p, pr->price, "$");
	if (pr->list_price > pr->price) {
		pool_num(p, pr->list_price, "$");
		pool_num(p, pr->list_price - pr->price, "$");
		pct = 100.0 * (pr->list_price - pr->price) / pr->list_price;
		pool_num(p, round(pct), "%");
		pool_num(p, floor(pct), "%");
	}
	if (pr->rating > 0)
		pool_num(p, pr->rating, "star");
	pool_num(p, (double)pr->review_count, "count");
	pool_num(p, (double)pr->stock, "");
	if (pr->warranty_months > 0)
		pool_num(p, pr->warranty_months, "month");
}

static void
pool_date(struct fc_pool *p, const char *iso)
{
	if (iso == NULL || strlen(iso) < 10)
		return;
	pool_num(p, atoi(iso + 5) * 100 + atoi(iso + 8), "date");
	pool_num(p, atoi(iso), "");
	/* "delivered 3 days ago" */
	pool_num(p, (double)catalog_days_between(iso, store_now()), "day");
}

void
pool_order(struct fc_pool *p, const struct order *o)
{
	size_t	 i;

	pool_text(p, o->id);
	pool_num(p, o->total, "$");
	pool_text(p, o->status);
	pool_text(p, o->payment_method);
	for (i = 0; i < o->nitems; i++) {
		pool_text(p, o->items[i].name);
		pool_num(p, o->items[i].unit_price, "$");
		pool_num(p, (double)o->items[i].qty, "");
		/* "2 x SanDisk ...": a line's quantity as a count of it. */
		pool_num(p, (double)o->items[i].qty, "x");
	}
	pool_text(p, o->carrier);
	pool_text(p, o->tracking_number);
	pool_date(p, o->placed_at);
	pool_date(p, o->shipped_at);
	pool_date(p, o->estimated_delivery);
	pool_date(p, o->delivered_at);
}

void
pool_order_event(struct fc_pool *p, const char *note, const char *at)
{
	if (note == NULL)
		return;
	pool_text(p, note);
	pool_date(p, at);
}

void
pool_document(struct fc_pool *p, struct store *st, const char *id)
{
	static const char sql[] = "SELECT d.title, d.body, d.tags, m.value"
	    " FROM documents d"
	    " LEFT JOIN meta m ON m.key = 'facts:' || d.doc_key"
	    " WHERE d.doc_key = ?1";
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		pool_text(p, (const char *)sqlite3_column_text(s, 0));
		pool_text(p, (const char *)sqlite3_column_text(s, 1));
		pool_text(p, (const char *)sqlite3_column_text(s, 2));
		pool_json(p, (const char *)sqlite3_column_text(s, 3));
	}
	sqlite3_reset(s);
}

static int
eq(double a, double b)
{
	return fabs(a - b) < 0.005 + 1e-9 * fabs(a);
}

static int
values_match(const struct fq *q, const struct fq *p)
{
	if (q->range)
		return p->range && eq(q->lo, p->lo) && eq(q->hi, p->hi);
	return eq(q->lo, p->lo) || (p->range && eq(q->lo, p->hi));
}

static int
units_match(const struct fq *q, const struct fq *p)
{
	if (strcmp(q->unit, p->unit) == 0)
		return 1;
	if (p->unit[0] == '\0')
		return q->unit[0] == '\0' || strcmp(q->unit, "count") == 0;
	return q->unit[0] == '\0' && strcmp(p->unit, "date") != 0;
}

static const char *
source_of(const struct fc_pool *p, int src, const char **id)
{
	if (src < 0 || (size_t)src >= p->nsrc) {
		*id = NULL;
		return "context";
	}
	*id = p->src[src] + strlen(p->src[src]) + 1;
	return p->src[src];
}

const char *
pool_backs(const struct fc_pool *p, const struct fq *q, const char **id)
{
	size_t	 i;

	for (i = 0; i < p->q.n; i++)
		if (units_match(q, &p->q.v[i]) && values_match(q, &p->q.v[i]))
			return source_of(p, p->q.v[i].src, id);
	for (i = 0; i < p->loose.n; i++)
		if (values_match(q, &p->loose.v[i]))
			return source_of(p, p->loose.v[i].src, id);
	*id = NULL;
	return NULL;
}

int
pool_has_word(const struct fc_pool *p, const char *w, size_t n)
{
	char	*st = fc_stem(w, n);
	int	 r = fc_has_stem(p->text.buf, st);

	free(st);
	return r;
}

int
fc_has_stem(const char *stems, const char *st)
{
	size_t	 n = strlen(st);
	char	*key = xmalloc(n + 3);
	int	 r;

	/* One search for " stem ": a short stem alone matches inside
	 * many words, and walking those matches cost more. */
	key[0] = ' ';
	memcpy(key + 1, st, n);
	key[n + 1] = ' ';
	key[n + 2] = '\0';
	r = strstr(stems, key) != NULL;
	free(key);
	return r;
}


/*
 * test-factmix: the fact-checker on replies that combine facts of
 * different records, swept over the demo store.  Each reply is built
 * from the shop's own templates (share/templates) and the store's data:
 *
 *	product + policy	every product's price, stock, warranty or
 *				protection-plan sentence followed by policy
 *				sentences with numbers (return window,
 *				restocking fee, shipping threshold, label
 *				cost, refund days...), as a reply citing both
 *				the product and the policy would say them
 *	comparison		two products of a category in one sentence,
 *				each number next to its own product's name,
 *				and how much heavier or longer-lasting one
 *				is than the other (a gap is backed only when
 *				exact)
 *	sums			two products' prices, one of them
 *				twice, and what they come to (backed only
 *				when it adds up)
 *	coupons			a product's price less a coupon's share or
 *				amount and the result (backed only when the
 *				coupons facts hold what comes off and it
 *				adds up)
 *	order + product		every order's cancel offer (items and total),
 *				delivery with its warranty end, price-drop
 *				answer (paid, price now, the policy window),
 *				a shipped order next to its item's sale, and
 *				the first item swapped for another product of
 *				its kind (paid, the other's price now, their
 *				difference, backed only when exact)
 *
 * Each reply must come back untouched (no fact corrected or dropped),
 * and the same reply with one of its numbers planted wrong must not show
 * the wrong number.  Failures are printed as diagnostics (SWEEP_SHOW=1
 * prints them all).
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "factcheck.h"
#include "ingest.h"
#include "sbuf.h"
#include "store.h"
#include "template.h"
#include "tap.h"
#include "seed.h"

#define SHOW_MAX	(getenv("SWEEP_SHOW") ? 100000 : 4)

struct tally {
	const char	*what;
	size_t		 replies, kept;		/* true replies, untouched */
	size_t		 planted, caught;	/* wrong numbers, not shown */
	size_t		 shown;			/* diagnostics printed */
};

struct sweep {
	struct sbuf	 why;		/* the last check's claims not backed */
	struct store	*st;
	struct factcheck *fc;
	struct template_set *ts;
	struct fc_ctx	 ctx;
	const char	*skus[4];
	const char	*names[8];	/* products named, not planted */
	size_t		 nnames;
	const char	*docs[2];
	const char	*orders[1];
};

/* What a customer would see: the checked text, or "" on a fallback. */
static char *
checked(struct sweep *w, const char *reply)
{
	struct fc_result r;
	char		*out;
	size_t		 i;

	fc_result_init(&r);
	factcheck_text(w->fc, &w->ctx, reply, strlen(reply), 0, NULL, &r,
	    NULL);
	sbuf_reset(&w->why);
	for (i = 0; i < r.n; i++)
		if (r.claims[i].verdict != FC_SUPPORTED)
			sbuf_addf(&w->why, "[%s %s \"%s\" %s %s %s=%s] ",
			    r.claims[i].kind, fc_verdict_name(
			    r.claims[i].verdict), r.claims[i].text,
			    r.claims[i].ev_kind, r.claims[i].ev_id ?
			    r.claims[i].ev_id : "", r.claims[i].ev_field ?
			    r.claims[i].ev_field : "", r.claims[i].ev_value ?
			    r.claims[i].ev_value : "");
	sbuf_trim(&r.text);
	out = r.contradicted || r.removed * 2 > r.sentences ? xstrdup("") :
	    xstrdup(r.text.buf);
	fc_result_release(&r);
	return out;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t	 n = 0, l = strlen(needle);

	while ((hay = strstr(hay, needle)) != NULL) {
		n++;
		hay += l;
	}
	return n;
}

/* The number token starting at p ("$1,299.99", "30", "4.7"). */
static size_t
number_end(const char *p)
{
	size_t	 i = *p == '$';

	while (isdigit((unsigned char)p[i]) || ((p[i] == ',' ||
	    p[i] == '.') && isdigit((unsigned char)p[i + 1])))
		i++;
	return i;
}

/* The same number made wrong: a value the store is unlikely to hold. */
static char *
wrong_number(const char *tok, size_t n)
{
	struct sbuf	 d = SBUF_INIT;
	double		 v;
	size_t		 i;
	int		 money = tok[0] == '$', dec = 0;

	for (i = money; i < n; i++)
		if (tok[i] != ',')
			sbuf_addc(&d, tok[i]);
	dec = strchr(d.buf, '.') != NULL;
	v = strtod(d.buf, NULL);
	sbuf_release(&d);
	if (v <= 5 && dec && !money)	/* a rating stays a rating */
		return xasprintf("%.1f", v >= 2.5 ? v - 1.3 : v + 1.3);
	v = dec || money ? v * 2 + 0.03 : v * 10 + 7;
	if (money)
		return catalog_money(v, "USD");
	return dec ? xasprintf("%.2f", v) : xasprintf("%.0f", v);
}

static void
fail_diag(struct sweep *w, struct tally *t, const char *why,
    const char *reply, const char *out)
{
	if (t->shown++ >= (size_t)SHOW_MAX)
		return;
	diag("%s: %s", t->what, why);
	diag("  reply: %s", reply);
	diag("  shown: %s", out);
	if (w->why.len > 0)
		diag("  claims: %s", w->why.buf);
}

/* Is byte i of reply inside the name of a product in context? */
static int
in_name(const struct sweep *w, const char *reply, size_t i)
{
	const char	*at;
	size_t		 k;

	for (k = 0; k < w->nnames; k++)
		for (at = reply; (at = strstr(at, w->names[k])) != NULL; at++)
			if ((size_t)(at - reply) <= i && i < (size_t)(at -
			    reply) + strlen(w->names[k]))
				return 1;
	return 0;
}

/*
 * Check reply as it is, then with each number from byte from on (up to
 * three) planted wrong.  Numbers in "#12345" (an order) and in dates are
 * left alone: they are names and dates, planted by the callers.
 */
static void
sweep_reply(struct sweep *w, struct tally *t, const char *reply, size_t from)
{
	char		*out = checked(w, reply), *bad, *wrong, *planted;
	size_t		 i, n, k = 0;

	t->replies++;
	if (strcmp(out, reply) == 0)
		t->kept++;
	else
		fail_diag(w, t, "a true reply was changed", reply, out);
	free(out);
	for (i = from; reply[i] != '\0' && k < 3; i++) {
		if (!(isdigit((unsigned char)reply[i]) || (reply[i] == '$' &&
		    isdigit((unsigned char)reply[i + 1]))) || (i > 0 &&
		    (isalnum((unsigned char)reply[i - 1]) || reply[i - 1] ==
		    '#' || reply[i - 1] == '-' || reply[i - 1] == '.' ||
		    reply[i - 1] == '/' ||
		    reply[i - 1] == '$' || reply[i - 1] == ',')))
			continue;
		n = number_end(reply + i);
		/* Dates, years, plan lengths and names ("2026-11-20",
		 * "2-year", "2nd", "Gift Card $25"). */
		if (reply[i + n] == '-' || n == 0 || isalpha((unsigned char)
		    reply[i + n]) || in_name(w, reply, i)) {
			i += n;
			continue;
		}
		wrong = wrong_number(reply + i, n);
		planted = xasprintf("%.*s%s%s", (int)i, reply, wrong,
		    reply + i + n);
		bad = checked(w, planted);
		t->planted++;
		if (count(bad, wrong) < count(planted, wrong))
			t->caught++;
		else
			fail_diag(w, t, "a wrong number was shown", planted,
			    bad);
		free(bad);
		free(planted);
		free(wrong);
		i += n;
		k++;
	}
}

/* A date planted wrong: the day moved by 3 (as the reply writes it). */
static void
sweep_date(struct sweep *w, struct tally *t, const char *reply,
    const char *date)
{
	const char	*at = strstr(reply, date);
	char		*planted, *bad, *wrong;
	int		 d;

	if (at == NULL)
		return;
	d = atoi(at + strlen(date) - 2);
	if (strchr(date, '-') != NULL)
		wrong = xasprintf("%.*s%02d", (int)strlen(date) - 2, date,
		    d > 20 ? d - 3 : d + 3);
	else
		wrong = xasprintf("%.*s %d", (int)(strchr(date, ' ') - date),
		    date, d > 20 ? d - 3 : d + 3);
	planted = xasprintf("%.*s%s%s", (int)(at - reply), reply, wrong,
	    at + strlen(date));
	bad = checked(w, planted);
	t->planted++;
	if (count(bad, wrong) < count(planted, wrong))
		t->caught++;
	else
		fail_diag(w, t, "a wrong date was shown", planted, bad);
	free(bad);
	free(planted);
	free(wrong);
}

static char *
render(struct sweep *w, const char *id, const struct slots *sl,
    unsigned long seed)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 out = SBUF_INIT;

	if (template_render(w->ts, id, sl, seed, &out, NULL, &err) != SD_OK) {
		diag("template %s: %s", id, sd_error_msg(&err));
		sd_error_clear(&err);
		sbuf_release(&out);
		return NULL;
	}
	sbuf_trim(&out);
	return sbuf_detach(&out, NULL);
}

/* Policy sentences that state a number, with the policy each is from. */
struct psent {
	char		*id;
	char		*text;
};

static void
policy_sentences(const char *share, struct psent **out, size_t *n)
{
	struct sbuf	 line = SBUF_INIT;
	char		*path = xasprintf("%s/demo/policies.jsonl", share);
	FILE		*fp = fopen(path, "r");
	const cJSON	*id, *body;
	cJSON		*o;
	const char	*p, *e;

	*out = NULL;
	*n = 0;
	while (fp != NULL && sbuf_getline(&line, fp) == 0) {
		if ((o = cJSON_Parse(line.buf)) == NULL)
			continue;
		id = cJSON_GetObjectItem(o, "id");
		body = cJSON_GetObjectItem(o, "body");
		for (p = cJSON_IsString(body) && cJSON_IsString(id) ?
		    body->valuestring : ""; *p != '\0'; p = e) {
			while (*p == ' ' || *p == '\n')
				p++;
			for (e = p; *e != '\0' && *e != '\n' && !(*e == '.' &&
			    (e[1] == ' ' || e[1] == '\n' || e[1] == '\0'));
			    e++)
				;
			if (*e == '.')
				e++;
			/* Headings and list items are not sentences. */
			if (*p == '#' || *p == '-' || *p == '|' || *p == '*' ||
			    e - p < 20 || strpbrk(p, "0123456789") == NULL ||
			    strpbrk(p, "0123456789") >= e)
				continue;
			*out = xrealloc(*out, (*n + 1) * sizeof **out);
			(*out)[*n].id = xstrdup(id->valuestring);
			(*out)[*n].text = xstrndup(p, (size_t)(e - p));
			(*n)++;
		}
		cJSON_Delete(o);
	}
	if (fp != NULL)
		fclose(fp);
	free(path);
	sbuf_release(&line);
}

/* The Kestrel Protect price of a product: tier by price, 0 if none. */
static void
plan_prices(const struct product *pr, char **p2, char **p3)
{
	static const double tiers[][4] = { { 50, 199.99, 19.99, 29.99 },
	    { 200, 499.99, 49.99, 69.99 }, { 500, 999.99, 99.99, 139.99 },
	    { 1000, 1999.99, 149.99, 199.99 }, { 2000, 1e12, 229.99,
	    299.99 } };
	size_t	 i;

	*p2 = *p3 = NULL;
	for (i = 0; i < sizeof tiers / sizeof tiers[0]; i++)
		if (pr->price >= tiers[i][0] && pr->price <= tiers[i][1]) {
			*p2 = catalog_money(tiers[i][2], "USD");
			*p3 = catalog_money(tiers[i][3], "USD");
		}
}

static void
money_slot(struct slots *sl, const char *name, double v)
{
	char	*m = catalog_money(v, "USD");

	slots_set(sl, name, m);
	free(m);
}

/* A slot that is a sentence of its own: it ends with a period. */
static void
sentence_slot(struct slots *sl, const char *name, const char *text)
{
	size_t	 n = strlen(text);
	char	*s = xasprintf("%s%s", text, n > 0 && text[n - 1] != '.' ?
		    "." : "");

	slots_set(sl, name, s);
	free(s);
}

/* The product sentence of kind k (0 price, 1 stock, 2 warranty, 3 plans). */
static char *
product_sentence(struct sweep *w, const struct product *pr, int k)
{
	struct slots	 sl = SLOTS_INIT;
	char		*s = NULL, *p2 = NULL, *p3 = NULL;

	slots_set(&sl, "product_name", pr->name);
	money_slot(&sl, "price", pr->price);
	if (k == 0 && pr->list_price > pr->price) {
		money_slot(&sl, "list_price", pr->list_price);
		money_slot(&sl, "saving", pr->list_price - pr->price);
		slots_setf(&sl, "discount_percent", "%.0f", 100.0 *
		    (pr->list_price - pr->price) / pr->list_price);
	}
	slots_setf(&sl, "stock", "%lld", pr->stock);
	if (k == 0)
		s = render(w, "price", &sl, 0);
	else if (k == 1 && pr->stock > 0)
		s = render(w, "stock", &sl, 0);
	else if (k == 2 && pr->warranty != NULL && *pr->warranty != '\0') {
		slots_set(&sl, "warranty", pr->warranty);
		if (pr->extended_warranty != NULL &&
		    *pr->extended_warranty != '\0')
			sentence_slot(&sl, "extended_warranty",
			    pr->extended_warranty);
		s = render(w, "warranty", &sl, 1);
	} else if (k == 3 && pr->warranty != NULL && *pr->warranty != '\0' &&
	    pr->extended_warranty != NULL && *pr->extended_warranty != '\0') {
		plan_prices(pr, &p2, &p3);
		if (p2 != NULL) {
			slots_set(&sl, "warranty", pr->warranty);
			sentence_slot(&sl, "extended_warranty",
			    pr->extended_warranty);
			slots_set(&sl, "plan_name", "Kestrel Protect");
			slots_set(&sl, "plan2", p2);
			slots_set(&sl, "plan3", p3);
			s = render(w, "warranty_plans", &sl, 0);
		}
	}
	free(p2);
	free(p3);
	slots_release(&sl);
	return s;
}

/* Every product's sentences, each followed by policy sentences. */
static void
sweep_policies(struct sweep *w, const struct product *v, size_t n,
    const struct psent *ps, size_t nps, struct tally *t)
{
	char		*prod, *reply;
	size_t		 i, j, from;
	int		 k;

	for (i = 0; i < n; i++)
		for (k = 0; k < 4; k++) {
			if ((prod = product_sentence(w, &v[i], k)) == NULL)
				continue;
			w->skus[0] = v[i].sku;
			w->names[0] = v[i].name;
			w->nnames = 1;
			w->ctx.nskus = 1;
			/* Three policy sentences each, in turn: every
			 * sentence meets many products and kinds. */
			for (j = 0; j < 3; j++) {
				const struct psent *p = &ps[(i * 4 + (size_t)k *
				    3 + j * 7) % nps];

				w->docs[0] = p->id;
				w->ctx.ndocs = 1;
				reply = xasprintf("%s %s", prod, p->text);
				/* The product's numbers on the first. */
				from = j == 0 ? 0 : strlen(prod);
				sweep_reply(w, t, reply, from);
				free(reply);
			}
			w->ctx.ndocs = 0;
			free(prod);
		}
}

/* Products a and b are the ones the reply is about, named both. */
static void
name_pair(struct sweep *w, const struct product *a, const struct product *b)
{
	w->skus[0] = a->sku;
	w->skus[1] = b->sku;
	w->names[0] = a->name;
	w->names[1] = b->name;
	w->nnames = 2;
	w->ctx.nskus = 2;
}

/*
 * What several products come to, as dlg-total.c says it ("At today's
 * prices: A $p + B 2 x $q = $sum."): true sums of two products of
 * different kinds untouched; an operand or the count planted wrong, and
 * the sum off by a cent (a near miss), never shown.
 */
static void
sweep_sums(struct sweep *w, const struct product *v, size_t n,
    struct tally *t)
{
	const struct product *a, *b;
	char		*pa, *pb, *sum, *near, *reply, *out;
	size_t		 i;

	for (i = 0; i < n; i += 3) {
		a = &v[i];
		b = &v[(i * 7 + 5) % n];
		if (a == b || a->price <= 0 || b->price <= 0)
			continue;
		name_pair(w, a, b);
		pa = catalog_money(a->price, "USD");
		pb = catalog_money(b->price, "USD");
		sum = catalog_money(a->price + 2 * b->price, "USD");
		near = catalog_money(a->price + 2 * b->price + 0.01, "USD");
		reply = xasprintf("At today's prices: %s %s + %s 2 x %s = %s.",
		    a->name, pa, b->name, pb, sum);
		sweep_reply(w, t, reply, 0);
		free(reply);
		reply = xasprintf("At today's prices: %s %s + %s 2 x %s = %s.",
		    a->name, pa, b->name, pb, near);
		out = checked(w, reply);
		t->planted++;
		if (strstr(out, near) == NULL)
			t->caught++;
		else
			fail_diag(w, t, "a sum off by a cent was shown", reply,
			    out);
		free(out);
		free(reply);
		free(pa);
		free(pb);
		free(sum);
		free(near);
	}
	w->nnames = 0;
	w->ctx.nskus = 0;
}

/* A number as dlg-howmuch.c writes a gap: to the hundredth, no
 * trailing zeros. */
static char *
hundredths(double d)
{
	char	*s = xasprintf("%.2f", d);
	size_t	 n = strlen(s);

	while (n > 0 && s[n - 1] == '0')
		s[--n] = '\0';
	if (n > 0 && s[n - 1] == '.')
		s[--n] = '\0';
	return s;
}

/*
 * The gap answer (share/templates spec_gap) for a and b on key, when
 * both state it as a bare number: a true reply, its numbers planted
 * wrong, and its gap off by a tenth (a near miss) must not be shown.
 */
static void
sweep_gap(struct sweep *w, const struct product *a, const struct product *b,
    const char *key, const char *unit, const char *more, const char *less,
    struct tally *t)
{
	struct slots	 sl = SLOTS_INIT;
	char		*sa = catalog_attr(a, key), *sb = catalog_attr(b, key);
	char		*e1 = NULL, *e2 = NULL, *g, *reply, *out, *near;
	double		 va = 0, vb = 0;
	int		 k;

	if (sa != NULL && sb != NULL) {
		va = strtod(sa, &e1);
		vb = strtod(sb, &e2);
	}
	if (sa == NULL || sb == NULL || e1 == sa || *e1 != '\0' ||
	    e2 == sb || *e2 != '\0' || fabs(va - vb) < 0.005)
		goto out;
	slots_set(&sl, "product_name", a->name);
	slots_set(&sl, "other_name", b->name);
	slots_set(&sl, "has", strcmp(unit, "kg") == 0 ? "weighs" : "has");
	slots_setf(&sl, "value", "%g %s", va, unit);
	slots_setf(&sl, "other_value", "%g %s", vb, unit);
	slots_set(&sl, "comparative", va > vb ? more : less);
	for (k = 0; k < 2; k++) {
		g = hundredths(round(fabs(va - vb) * 100) / 100 + k * 0.1);
		slots_setf(&sl, "gap", "%s %s", g, unit);
		if ((reply = render(w, "spec_gap", &sl, 0)) == NULL) {
			free(g);
			break;
		}
		if (k == 0)
			sweep_reply(w, t, reply, 0);
		else {
			near = xasprintf("%s %s %s", g, unit, va > vb ? more :
			    less);
			out = checked(w, reply);
			t->planted++;
			if (strstr(out, near) == NULL)
				t->caught++;
			else
				fail_diag(w, t, "a gap off by a tenth was "
				    "shown", reply, out);
			free(out);
			free(near);
		}
		free(reply);
		free(g);
	}
out:
	slots_release(&sl);
	free(sa);
	free(sb);
}

/* Two products of a category in one sentence, every neighbour pair. */
static void
sweep_compare(struct sweep *w, const struct product *v, size_t n,
    struct tally *t)
{
	const struct product *a, *b;
	char		*pa, *pb, *reply;
	size_t		 i, j;

	for (i = 0; i < n; i++) {
		for (j = i + 1; j < n && strcmp(v[j].category,
		    v[i].category) != 0; j++)
			;
		if (j == n)
			continue;
		a = &v[i];
		b = &v[j];
		name_pair(w, a, b);
		pa = catalog_money(a->price, "USD");
		pb = catalog_money(b->price, "USD");
		reply = xasprintf("The %s costs %s and the %s costs %s.",
		    a->name, pa, b->name, pb);
		sweep_reply(w, t, reply, 0);
		free(reply);
		if (a->rating > 0 && b->rating > 0) {
			reply = xasprintf("The %s is rated %.1f/5, against "
			    "%.1f/5 for the %s.", a->name, a->rating,
			    b->rating, b->name);
			sweep_reply(w, t, reply, 0);
			free(reply);
		}
		if (a->price != b->price) {
			reply = xasprintf("At %s, the %s is cheaper than the "
			    "%s.", a->price < b->price ? pa : pb,
			    a->price < b->price ? a->name : b->name,
			    a->price < b->price ? b->name : a->name);
			sweep_reply(w, t, reply, 0);
			free(reply);
		}
		sweep_gap(w, a, b, "weight_kg", "kg", "heavier", "lighter", t);
		sweep_gap(w, a, b, "battery_hours", "hours", "longer",
		    "shorter", t);
		free(pa);
		free(pb);
	}
	w->ctx.nskus = 0;
}

static void
items_slot(struct slots *sl, const struct order *o)
{
	struct sbuf	 s = SBUF_INIT;
	size_t		 i;

	for (i = 0; i < o->nitems; i++)
		sbuf_addf(&s, "%s%s", i > 0 ? ", " : "", o->items[i].name);
	slots_set(sl, "items", s.buf);
	sbuf_release(&s);
}

/* The price-drop answer for an order's first item. */
static char *
price_drop_reply(struct sweep *w, const struct order *o)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct slots	 sl = SLOTS_INIT;
	struct product	 pr;
	char		*s, *d;
	long		 days;

	if (catalog_product_by_sku(w->st, o->items[0].sku, &pr, &err) !=
	    SD_OK) {
		sd_error_clear(&err);
		return NULL;
	}
	days = catalog_days_between(o->placed_at, store_now());
	slots_set(&sl, "order_id", o->id);
	slots_set(&sl, "item", o->items[0].name);
	d = xstrndup(o->placed_at, 10);
	slots_set(&sl, "placed_on", d);
	free(d);
	money_slot(&sl, "paid", o->items[0].unit_price);
	money_slot(&sl, "price_now", pr.price);
	money_slot(&sl, "difference", o->items[0].unit_price - pr.price);
	slots_set(&sl, "price_window_days", "14");
	slots_set(&sl, "payment_method", o->payment_method);
	slots_set(&sl, "price_drop", pr.price >= o->items[0].unit_price ?
	    "none" : days <= 14 ? "within" : "past");
	s = render(w, "price_drop", &sl, 0);
	slots_release(&sl);
	product_release(&pr);
	return s;
}

/* Delivered, and the first item's warranty from the delivery. */
static char *
warranty_reply(struct sweep *w, const struct order *o)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct slots	 sl = SLOTS_INIT;
	struct product	 pr;
	char		*s = NULL, *until, *d;

	if (o->delivered_at == NULL || catalog_product_by_sku(w->st,
	    o->items[0].sku, &pr, &err) != SD_OK) {
		sd_error_clear(&err);
		return NULL;
	}
	if (pr.warranty_months > 0 && (until = catalog_month_add(
	    o->delivered_at, pr.warranty_months)) != NULL) {
		slots_set(&sl, "order_id", o->id);
		slots_set(&sl, "item", o->items[0].name);
		d = xstrndup(o->delivered_at, 10);
		slots_set(&sl, "delivered_on", d);
		free(d);
		slots_set(&sl, "warranty", pr.warranty);
		until[10] = '\0';
		slots_set(&sl, "warranty_until", until);
		if (strcmp(until, "2026-11-20") > 0)
			slots_set(&sl, "warranty_left", "1");
		s = render(w, "order_warranty", &sl, 0);
		free(until);
	}
	slots_release(&sl);
	product_release(&pr);
	return s;
}

/* A shipped order and the sale its first item is in (two wordings, by
 * n). */
static char *
sale_reply(struct sweep *w, const struct order *o, size_t n)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	 pr;
	char		*s = NULL;

	if (o->shipped_at == NULL || catalog_product_by_sku(w->st,
	    o->items[0].sku, &pr, &err) != SD_OK) {
		sd_error_clear(&err);
		return NULL;
	}
	if (pr.list_price > pr.price && n % 2 == 0)
		s = xasprintf("Order #%s shipped on %.10s; the %s is on sale "
		    "until December 1.", o->id, o->shipped_at, pr.name);
	else if (pr.list_price > pr.price)
		s = xasprintf("Order #%s (%s) has shipped; the sale ends "
		    "December 1.", o->id, pr.name);
	product_release(&pr);
	return s;
}

/*
 * The first item of o swapped for the first other product of its kind
 * (subcategory) in v: what was paid, the other's price now and their
 * difference.  The other is put in the reply's context.
 */
static char *
exchange_reply(struct sweep *w, const struct order *o,
    const struct product *v, size_t n)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct slots	 sl = SLOTS_INIT;
	struct product	 pr;
	char		*s = NULL;
	double		 d;
	size_t		 i;

	if (catalog_product_by_sku(w->st, o->items[0].sku, &pr, &err) !=
	    SD_OK) {
		sd_error_clear(&err);
		return NULL;
	}
	for (i = 0; i < n; i++)
		if (strcmp(v[i].sku, pr.sku) != 0 && pr.subcategory != NULL &&
		    *pr.subcategory != '\0' && v[i].subcategory != NULL &&
		    strcmp(v[i].subcategory, pr.subcategory) == 0 &&
		    strchr(v[i].name, '$') == NULL)
			break;
	if (i < n) {
		w->skus[0] = v[i].sku;
		w->ctx.nskus = 1;
		if (w->nnames < 8)
			w->names[w->nnames++] = v[i].name;
		d = v[i].price - o->items[0].unit_price;
		slots_set(&sl, "order_id", o->id);
		slots_set(&sl, "item", o->items[0].name);
		slots_set(&sl, "target", v[i].name);
		money_slot(&sl, "paid", o->items[0].unit_price);
		money_slot(&sl, "target_price", v[i].price);
		money_slot(&sl, "difference", fabs(d));
		slots_set(&sl, "gap", fabs(d) < 0.005 ? "same" : d < 0 ?
		    "less" : "more");
		s = render(w, "order_exchange_money", &sl, 0);
	}
	slots_release(&sl);
	product_release(&pr);
	return s;
}

static void
sweep_orders(struct sweep *w, const char *share, const struct product *v,
    size_t nv, struct tally *t)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct slots	 sl = SLOTS_INIT;
	struct order	 o;
	struct sbuf	 buf = SBUF_INIT;
	char		*path = xasprintf("%s/demo/orders.json", share), *s;
	cJSON		*root, *it;
	FILE		*fp = fopen(path, "r");
	char		 chunk[4096];
	size_t		 n, norders = 0;

	while (fp != NULL && (n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		sbuf_add(&buf, chunk, n);
	if (fp != NULL)
		fclose(fp);
	root = cJSON_Parse(buf.buf);
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(root, "orders")) {
		const cJSON *id = cJSON_GetObjectItem(it, "id");

		if (!cJSON_IsString(id) || catalog_order(w->st,
		    id->valuestring, &o, &err) != SD_OK || o.nitems == 0) {
			sd_error_clear(&err);
			continue;
		}
		w->ctx.user_id = o.customer_id;
		w->orders[0] = o.id;
		w->ctx.norders = 1;
		for (w->nnames = 0; w->nnames < o.nitems && w->nnames < 8;
		    w->nnames++)
			w->names[w->nnames] = o.items[w->nnames].name;
		slots_set(&sl, "order_id", o.id);
		items_slot(&sl, &o);
		money_slot(&sl, "total", o.total);
		s = strcmp(o.status, "processing") == 0 ? render(w,
		    "cancel_offer", &sl, 0) : NULL;
		if (s != NULL)
			sweep_reply(w, t, s, 0);
		free(s);
		if ((s = price_drop_reply(w, &o)) != NULL)
			sweep_reply(w, t, s, 0);
		free(s);
		if ((s = warranty_reply(w, &o)) != NULL) {
			char	*d = xstrndup(o.delivered_at, 10);

			sweep_reply(w, t, s, 0);
			sweep_date(w, t, s, d);
			free(d);
		}
		free(s);
		if ((s = sale_reply(w, &o, norders++)) != NULL) {
			sweep_reply(w, t, s, 0);
			sweep_date(w, t, s, "December 1");
		}
		free(s);
		if ((s = exchange_reply(w, &o, v, nv)) != NULL)
			sweep_reply(w, t, s, 0);
		free(s);
		w->ctx.nskus = 0;
		slots_reset(&sl);
		order_release(&o);
	}
	w->ctx.norders = 0;
	w->ctx.user_id = NULL;
	cJSON_Delete(root);
	slots_release(&sl);
	sbuf_release(&buf);
	free(path);
}

static void
report(const struct tally *t)
{
	ok(t->replies > 0 && t->kept == t->replies, "%s: %zu of %zu true "
	    "replies untouched", t->what, t->kept, t->replies);
	ok(t->planted > 0 && t->caught == t->planted, "%s: %zu of %zu "
	    "planted wrong numbers caught", t->what, t->caught, t->planted);
}

/*
 * A coupon code of the store's applied to a product's price, as
 * dlg-coupon.c says it ("With coupon STUDENT5: A $p - 5% = $r.", "A $p - $20 =
 * $r."), citing the product and the promotions policy: the true
 * result untouched; the result off by a cent, or a share or an amount
 * off that the coupons facts do not hold, never shown.
 */
static void
sweep_coupons(struct sweep *w, const struct product *v, size_t n,
    struct tally *t)
{
	static const struct { const char *code; double pct, amt, wrong; }
	    off[] = { { "STUDENT5", 5, 0, 7 }, { "WELCOME10", 10, 0, 15 },
	    { "ACCESSORY20", 0, 20, 25 }, { "WELCOME10", 0, 50, 40 } };
	const struct product *a;
	char		*pa, *r, *near, *reply, *out, *am, *badam;
	double		 res, badres;
	size_t		 i, k, j;

	w->docs[0] = "policy-promotions";
	w->ctx.ndocs = 1;
	for (i = 0, k = 0; i < n; i += 5, k++) {
		a = &v[i];
		j = k % (sizeof off / sizeof off[0]);
		if (a->price <= off[j].amt + 1)
			continue;
		w->skus[0] = a->sku;
		w->names[0] = a->name;
		w->nnames = 1;
		w->ctx.nskus = 1;
		pa = catalog_money(a->price, "USD");
		if (off[j].pct > 0) {
			res = round(a->price * (100 - off[j].pct)) / 100;
			badres = round(a->price * (100 - off[j].wrong)) / 100;
			am = xasprintf("%g%%", off[j].pct);
			badam = xasprintf("%g%%", off[j].wrong);
		} else {
			res = a->price - off[j].amt;
			badres = a->price - off[j].wrong;
			am = catalog_money(off[j].amt, "USD");
			badam = catalog_money(off[j].wrong, "USD");
		}
		r = catalog_money(res, "USD");
		near = catalog_money(res + 0.01, "USD");
		reply = xasprintf("With coupon %s: %s %s - %s = %s.", off[j].code,
		    a->name, pa, am, r);
		sweep_reply(w, t, reply, 0);
		free(reply);
		/* The result off by a cent. */
		reply = xasprintf("With coupon %s: %s %s - %s = %s.", off[j].code,
		    a->name, pa, am, near);
		out = checked(w, reply);
		t->planted++;
		if (strstr(out, near) == NULL)
			t->caught++;
		else
			fail_diag(w, t, "a discounted price off by a cent was "
			    "shown", reply, out);
		free(out);
		free(reply);
		free(r);
		/* A share or amount no coupon takes off, summed right. */
		r = catalog_money(badres, "USD");
		reply = xasprintf("With coupon %s: %s %s - %s = %s.", off[j].code,
		    a->name, pa, badam, r);
		out = checked(w, reply);
		t->planted++;
		if (strstr(out, r) == NULL)
			t->caught++;
		else
			fail_diag(w, t, "a discount the store lacks was shown",
			    reply, out);
		free(out);
		free(reply);
		free(r);
		free(near);
		free(pa);
		free(am);
		free(badam);
	}
	w->nnames = 0;
	w->ctx.nskus = 0;
	w->ctx.ndocs = 0;
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct product_filter f = { NULL, NULL, NULL, -1, -1, 0, 100000 };
	struct sweep	 w;
	struct product	*v = NULL;
	struct psent	*ps = NULL;
	struct tally	 pol = { "product + policy", 0, 0, 0, 0, 0 };
	struct tally	 cmp = { "two products", 0, 0, 0, 0, 0 };
	struct tally	 ord = { "order + product", 0, 0, 0, 0, 0 };
	struct tally	 sums = { "sums of products", 0, 0, 0, 0, 0 };
	struct tally	 cps = { "coupons on prices", 0, 0, 0, 0, 0 };
	const char	*share = seed_share();
	size_t		 n = 0, nps = 0, i;
	char		*dir, *path, *tdir;

	memset(&w, 0, sizeof w);
	sbuf_init(&w.why);
	w.ctx.skus = w.skus;
	w.ctx.docs = w.docs;
	w.ctx.orders = w.orders;
	tdir = xasprintf("%s/templates", share);
	if ((w.st = seed_demo("factmix.db", &dir, &path, &err)) ==
	    NULL ||
	    (w.ts = template_load_dir(tdir, &err)) == NULL ||
	    (w.fc = factcheck_open(w.st, &err)) == NULL ||
	    catalog_products(w.st, &f, &v, &n, &err) != SD_OK) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	policy_sentences(share, &ps, &nps);
	ok(n >= 300 && nps >= 20, "the demo store is read (%zu products, "
	    "%zu policy sentences with numbers)", n, nps);
	sweep_policies(&w, v, n, ps, nps, &pol);
	report(&pol);
	sweep_compare(&w, v, n, &cmp);
	report(&cmp);
	sweep_orders(&w, share, v, n, &ord);
	report(&ord);
	sweep_sums(&w, v, n, &sums);
	report(&sums);
	sweep_coupons(&w, v, n, &cps);
	report(&cps);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	for (i = 0; i < nps; i++) {
		free(ps[i].id);
		free(ps[i].text);
	}
	free(ps);
	factcheck_free(w.fc);
	template_free(w.ts);
	sbuf_release(&w.why);
	store_close(w.st);
	tap_rmtree(dir);
	free(path);
	free(tdir);
	free(dir);
	done_testing();
	return exit_status();
}

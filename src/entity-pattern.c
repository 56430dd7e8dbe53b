/*
 * entity-pattern.c holds entity.c's pattern extractors but the dates
 * (entity-date.c): email addresses, order numbers, prices with their
 * bounds and currency ("under $500", "between 200 and 300 euros") and
 * quantities ("2 units", "buy three").  Each claims the folded bytes it
 * covers; entity_extract calls them in its fixed order.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "entity.h"
#include "entity-int.h"
#include "entity-run.h"

/* ---- emails ---- */

static int
email_local(int c)
{
	return (c >= 'a' && c <= 'z') || is_digit(c) || c == '.' || c == '_' ||
	    c == '%' || c == '+' || c == '-';
}

static int
email_domain(int c)
{
	return (c >= 'a' && c <= 'z') || is_digit(c) || c == '.' || c == '-';
}

void
entity_find_emails(struct run *r)
{
	const char	*s = r->s;
	size_t		 at, a, b, dot, k;
	struct entity	*e;

	for (at = 0; at < r->n; at++) {
		if (s[at] != '@')
			continue;
		for (a = at; a > 0 && email_local((unsigned char)s[a - 1]); a--)
			;
		for (b = at + 1; b < r->n && email_domain((unsigned char)s[b]);
		    b++)
			;
		while (b > at + 1 && (s[b - 1] == '.' || s[b - 1] == '-'))
			b--;
		while (a < at && s[a] == '.')
			a++;
		if (a == at || b == at + 1 || s[at + 1] == '.')
			continue;
		for (dot = 0, k = at + 1; k < b; k++)
			if (s[k] == '.')
				dot = k;
		if (dot == 0 || b - dot < 3)
			continue;
		for (k = dot + 1; k < b; k++)
			if (s[k] < 'a' || s[k] > 'z')
				break;
		if (k < b || is_taken(r, a, b))
			continue;
		e = entity_emit(r, ENTITY_EMAIL, EXTRACTOR_PATTERN, a, b);
		entity_set_value_n(r, e, s + a, b - a);
		at = b;
	}
}

/* ---- order numbers ---- */

static const char *const order_context[] = {
	"order", "orders", "ordered", "package", "parcel", "shipment",
	"delivery", "tracking", "track", "refund", "return", "cancel",
	"purchase", "invoice", "arrived", "shipped", NULL
};

static const char *const unit_words[] = {
	"gb", "tb", "mb", "inch", "inches", "hz", "mah", "hours", "hour", "hrs",
	"days", "day", "weeks", "week", "months", "month", "years", "year",
	"yrs", "kg", "g", "lbs", "lb", "mm", "cm", "w", "watts", "mp", "fps",
	"ms", "minutes", "mins", "percent", "people", "times", "st", "nd",
	"rd", "th", "gen", "generation", "units", "unit", "pcs", "pieces",
	"items", "pack", "packs", "boxes", "copies", "sets", "pairs",
	/* "under 250 grams", "5000 sq ft", "at least 600 nits" */
	"grams", "gram", "oz", "ounces", "sq", "sqft", "ft", "feet", "foot",
	"meters", "metres", "km", "miles", "nits", "lumens", "minute",
	"seconds", "secs", "dpi", "mbps", "gbps", "db", "degrees", NULL
};

/* A plain integer of 3..12 digits at lexeme i, not a measure. */
static int
order_digits(const struct run *r, size_t i, int mindig)
{
	const struct lexeme *l;

	if (!lnum(r, i) || !lfree(r, i))
		return 0;
	l = &r->sc->lx[i];
	if (!l->plain || l->ndig < mindig || l->ndig > 12)
		return 0;
	if (adjacent(r, i) && (r->sc->lx[i + 1].kind == LX_WORD ||
	    lsym(r, i + 1, '.')))
		return lsym(r, i + 1, '.') && (i + 2 >= r->sc->nlx ||
		    !adjacent(r, i + 1));
	if (lw_any(r, i + 1, unit_words) || lsym(r, i + 1, '$') ||
	    lsym(r, i + 1, 'E') || lsym(r, i + 1, 'L') || lsym(r, i + 1, '%'))
		return 0;
	return 1;
}

static void
order_emit(struct run *r, size_t first, size_t numi)
{
	struct entity	*e;
	const struct lexeme *l = &r->sc->lx[numi];

	e = entity_emit(r, ENTITY_ORDER_ID, EXTRACTOR_PATTERN, r->sc->lx[first].a,
	    l->b);
	entity_set_value_n(r, e, r->s + l->a, l->b - l->a);
}

void
entity_find_orders(struct run *r)
{
	static const char *const fill[] = { "number", "no", "nr", "num", "id",
	    "ref", "reference", "is", "was", "code", NULL };
	static const char *const prefix[] = { "ord", "so", "order", NULL };
	struct scratch	*sc = r->sc;
	size_t		 i, j, k;
	int		 context = 0;

	for (i = 0; i < sc->nlx; i++) {
		if (lsym(r, i, '#') && adjacent(r, i) && order_digits(r, i + 1,
		    3)) {
			order_emit(r, i, i + 1);
			continue;
		}
		if (lw_any(r, i, prefix) && adjacent(r, i) && lsym(r, i + 1,
		    '-') && adjacent(r, i + 1) && order_digits(r, i + 2, 3)) {
			order_emit(r, i, i + 2);
			continue;
		}
		if (!lw(r, i, "order") && !lw(r, i, "orders"))
			continue;
		for (j = i + 1, k = 0; k < 3 && j < sc->nlx; j++, k++)
			if (!lw_any(r, j, fill) && !lsym(r, j, ':') &&
			    !lsym(r, j, '.'))
				break;
		if (lsym(r, j, '#') && adjacent(r, j) && order_digits(r, j + 1,
		    3))
			order_emit(r, j, j + 1);
		else if (order_digits(r, j, 3))
			order_emit(r, j, j);
	}
	/* A long bare number where the message talks about an order. */
	for (i = 0; i < sc->nlx && !context; i++)
		context = lw_any(r, i, order_context);
	for (i = 0; context && i < sc->nlx; i++) {
		if (!order_digits(r, i, 5))
			continue;
		if (i > 0 && (lsym(r, i - 1, '$') || lsym(r, i - 1, 'E') ||
		    lsym(r, i - 1, 'L') || lsym(r, i - 1, '-') ||
		    lsym(r, i - 1, '/')))
			continue;
		if (lsym(r, i + 1, '-') || lsym(r, i + 1, '/'))
			continue;
		order_emit(r, i, i);
	}
}

/* ---- prices ---- */

struct amount {
	double		 v;
	const char	*cur;		/* NULL: no currency said */
	int		 explicit;	/* currency or "k": surely money */
	int		 about;		/* "500ish": a rough figure */
	size_t		 end;		/* last lexeme */
};

static const char *
currency_sym(int c)
{
	switch (c) {
	case '$':
		return "USD";
	case 'E':
		return "EUR";
	case 'L':
		return "GBP";
	}
	return NULL;
}

static const char *
currency_word(const struct run *r, size_t i, double v)
{
	static const char *const usd[] = { "dollars", "dollar", "usd", "bucks",
	    "buck", NULL };
	static const char *const eur[] = { "euros", "euro", "eur", NULL };
	static const char *const gbp[] = { "pounds", "pound", "gbp", "quid",
	    NULL };

	if (lw_any(r, i, usd))
		return "USD";
	if (lw_any(r, i, eur))
		return "EUR";
	/* "under 3 pounds" is a weight; money in pounds is more. */
	if (lw_any(r, i, gbp) && (v >= 20 || lw(r, i, "quid")))
		return "GBP";
	return NULL;
}

/* An amount of money starting at lexeme i. */
static int
amount_at(const struct run *r, size_t i, struct amount *am)
{
	const struct scratch *sc = r->sc;
	const char	*c;
	size_t		 j;

	memset(am, 0, sizeof *am);
	/* "Under a grand": a thousand said with no digit. */
	if ((lw(r, i, "a") || lw(r, i, "one")) && lw(r, i + 1, "grand") &&
	    lfree(r, i)) {
		am->v = 1000;
		am->explicit = 1;
		am->end = i + 1;
		return 1;
	}
	if (i < sc->nlx && sc->lx[i].kind == LX_SYM &&
	    (c = currency_sym(sc->lx[i].sym)) != NULL && lnum(r, i + 1) &&
	    sc->lx[i + 1].a - sc->lx[i].b <= 1) {
		am->cur = c;
		am->explicit = 1;
		i++;
	}
	if (!lnum(r, i) || !lfree(r, i))
		return 0;
	am->v = sc->lx[i].num;
	j = i;
	if (adjacent(r, j) && lw(r, j + 1, "k")) {
		/* "4k", "8k" are resolutions unless money is said. */
		if (am->cur == NULL && sc->lx[j].plain &&
		    (am->v == 4 || am->v == 8))
			return 0;
		am->v *= 1000;
		am->explicit = 1;
		j++;
	} else if (adjacent(r, j) && lw(r, j + 1, "ish")) {
		/* "500ish": said as a rough figure, not a size */
		am->about = 1;
		j++;
	} else if (adjacent(r, j) && sc->lx[j + 1].kind == LX_WORD)
		return 0;		/* "15th", "256gb", "2x" */
	if (am->cur == NULL && j + 1 < sc->nlx &&
	    sc->lx[j + 1].kind == LX_SYM && (c = currency_sym(
	    sc->lx[j + 1].sym)) != NULL && sc->lx[j + 1].a - sc->lx[j].b <= 1) {
		am->cur = c;
		am->explicit = 1;
		j++;
	} else if (am->cur == NULL && (c = currency_word(r, j + 1, am->v)) !=
	    NULL) {
		am->cur = c;
		am->explicit = 1;
		j++;
	} else if (lw(r, j + 1, "grand")) {
		am->v *= 1000;
		am->explicit = 1;
		j++;
	}
	if (!am->explicit && (lw_any(r, j + 1, unit_words) ||
	    lsym(r, j + 1, '%')))
		return 0;
	if (!am->explicit && (j + 1 < sc->nlx && (lsym(r, j + 1, '/') ||
	    lsym(r, j + 1, ':'))))
		return 0;		/* dates, times */
	am->end = j;
	return 1;
}

enum bound { B_MAX, B_MIN, B_ABOUT };

struct qualifier {
	const char	*words[4];
	enum bound	 bound;
};

static const struct qualifier qualifiers[] = {
	{ { "less", "than", NULL }, B_MAX },
	{ { "cheaper", "than", NULL }, B_MAX },
	{ { "lower", "than", NULL }, B_MAX },
	{ { "no", "more", "than", NULL }, B_MAX },
	{ { "not", "more", "than", NULL }, B_MAX },
	{ { "at", "most", NULL }, B_MAX },
	{ { "up", "to", NULL }, B_MAX },
	{ { "not", "over", NULL }, B_MAX },
	{ { "under", NULL }, B_MAX },
	{ { "below", NULL }, B_MAX },
	{ { "max", NULL }, B_MAX },
	{ { "maximum", NULL }, B_MAX },
	{ { "within", NULL }, B_MAX },
	/* "a robot vacuum for 300": what it may cost */
	{ { "for", NULL }, B_MAX },
	{ { "budget", "of", NULL }, B_MAX },
	{ { "budget", "is", "around", NULL }, B_ABOUT },
	{ { "budget", "is", "about", NULL }, B_ABOUT },
	{ { "budget", "is", NULL }, B_MAX },
	{ { "budget", "around", NULL }, B_ABOUT },
	{ { "budget", NULL }, B_MAX },
	{ { "more", "than", NULL }, B_MIN },
	{ { "at", "least", NULL }, B_MIN },
	{ { "starting", "at", NULL }, B_MIN },
	{ { "starting", "from", NULL }, B_MIN },
	{ { "over", NULL }, B_MIN },
	{ { "above", NULL }, B_MIN },
	{ { "min", NULL }, B_MIN },
	{ { "minimum", NULL }, B_MIN },
	{ { "around", NULL }, B_ABOUT },
	{ { "about", NULL }, B_ABOUT },
	{ { "approximately", NULL }, B_ABOUT },
	{ { "approx", NULL }, B_ABOUT },
	{ { "roughly", NULL }, B_ABOUT },
	{ { "circa", NULL }, B_ABOUT },
	{ { NULL }, B_MAX }
};
#define NQUALIFIERS	(sizeof qualifiers / sizeof qualifiers[0] - 1)

static void
price_emit(struct run *r, size_t first, size_t last, int hmin, double min,
    int hmax, double max, const char *cur, int about)
{
	struct entity	*e;
	char		 a[32], b[32];

	if (is_taken(r, r->sc->lx[first].a, r->sc->lx[last].b))
		return;
	if (cur == NULL)
		cur = r->gz != NULL ? gz_currency(r->gz) : "USD";
	e = entity_emit(r, ENTITY_PRICE, EXTRACTOR_PATTERN, r->sc->lx[first].a,
	    r->sc->lx[last].b);
	e->has_min = hmin;
	e->min = min;
	e->has_max = hmax;
	e->max = max;
	/* The currency strings are static or the gazetteer's. */
	e->currency = cur;
	entity_fmt_num(a, sizeof a, min);
	entity_fmt_num(b, sizeof b, max);
	if (about)
		entity_set_value(r, e, "~%s-%s %s", a, b, cur);
	else if (hmin && hmax && min == max)
		entity_set_value(r, e, "%s %s", a, cur);
	else if (hmin && hmax)
		entity_set_value(r, e, "%s-%s %s", a, b, cur);
	else if (hmax)
		entity_set_value(r, e, "<=%s %s", b, cur);
	else
		entity_set_value(r, e, ">=%s %s", a, cur);
}

/*
 * A word of negation among the few before lexeme i: "can't spend more
 * than", "don't want to pay over", "not going above".
 */
static int
negated(const struct run *r, size_t i)
{
	/* "nothing over 150", "none above $80": a ceiling too. */
	static const char *const neg[] = { "not", "cant", "cannot", "dont",
	    "wont", "never", "shouldnt", "t", "nothing", "none", NULL };
	size_t	 k;

	for (k = 1; k <= 4 && k <= i; k++)
		if (lw_any(r, i - k, neg))
			return 1;
	return 0;
}

/*
 * Words after an amount that make it a ceiling ("1000 max", "$450
 * tops", "700 or less"): how many lexemes they take, 0 for none.
 */
static size_t
after_max(const struct run *r, size_t i)
{
	static const char *const one[] = { "max", "maximum", "tops", "top",
	    "limit", NULL };
	static const char *const less[] = { "less", "under", "below", "lower",
	    "cheaper", NULL };

	if (lw_any(r, i, one))
		return 1;
	if (lw(r, i, "or") && lw_any(r, i + 1, less))
		return 2;
	if (lw(r, i, "at") && lw(r, i + 1, "most"))
		return 2;
	return 0;
}

static const struct qualifier ceiling = { { "max", NULL }, B_MAX };

/* Words between a qualifier and its amount that change nothing. */
static const char *const fillers[] = { "actually", "really", "now",
	"just", "like", "maybe", "probably", "honestly", NULL };

/* Bare numbers count as money after a qualifier only from this value. */
#define PRICE_BARE_MIN	20

void
entity_find_prices(struct run *r)
{
	struct scratch	*sc = r->sc;
	const struct qualifier *q;
	struct amount	 a1, a2;
	size_t		 i, j, k;
	const char	*cur;

	for (i = 0; i < sc->nlx; i++) {
		if (!lfree(r, i))
			continue;
		/* between A and B; from A to B */
		if ((lw(r, i, "between") || lw(r, i, "from")) &&
		    amount_at(r, i + 1, &a1) && (lw(r, a1.end + 1, "and") ||
		    lw(r, a1.end + 1, "to") || lsym(r, a1.end + 1, '-')) &&
		    amount_at(r, a1.end + 2, &a2) &&
		    (a1.explicit || a2.explicit || a2.v >= PRICE_BARE_MIN) &&
		    a1.v <= a2.v) {
			cur = a1.cur != NULL ? a1.cur : a2.cur;
			price_emit(r, i, a2.end, 1, a1.v, 1, a2.v, cur, 0);
			i = a2.end;
			continue;
		}
		/* qualifier + amount (each qualifier starts with a word) */
		q = &qualifiers[NQUALIFIERS];	/* none */
		k = 0;
		if (sc->lx[i].kind == LX_WORD)
			for (q = qualifiers; q->words[0] != NULL; q++) {
				for (k = 0; q->words[k] != NULL; k++)
					if (!lw(r, i + k, q->words[k]))
						break;
				if (q->words[k] == NULL)
					break;
			}
		if (q->words[0] == NULL && (lsym(r, i, '<') || lsym(r, i, '>') ||
		    lsym(r, i, '~'))) {
			static const struct qualifier sq[] = {
				{ { "<", NULL }, B_MAX }, { { ">", NULL }, B_MIN },
				{ { "~", NULL }, B_ABOUT } };

			q = &sq[lsym(r, i, '<') ? 0 : lsym(r, i, '>') ? 1 : 2];
			k = lsym(r, i + 1, '=') ? 2 : 1;
		}
		/* "can't spend more than 700" is a ceiling, not a floor. */
		if (q->words[0] != NULL && q->bound == B_MIN && negated(r, i))
			q = &ceiling;
		if (q->words[0] != NULL) {
			j = i + k;
			if (lw(r, j, "of") || lw(r, j, "is") || lsym(r, j, ':'))
				j++;
			/* "budget is actually 900", "up to like 500" */
			for (k = 0; k < 2 && lw_any(r, j, fillers); k++)
				j++;
			if (amount_at(r, j, &a1) && (a1.explicit ||
			    a1.v >= PRICE_BARE_MIN)) {
				/* "under 500-800"? a range wins. */
				if ((lsym(r, a1.end + 1, '-') ||
				    lw(r, a1.end + 1, "to")) &&
				    amount_at(r, a1.end + 2, &a2) &&
				    a1.v <= a2.v) {
					cur = a1.cur ? a1.cur : a2.cur;
					price_emit(r, i, a2.end, 1, a1.v, 1,
					    a2.v, cur, q->bound == B_ABOUT);
					i = a2.end;
					continue;
				}
				/* "about $450 max": the ceiling wins. */
				if ((k = after_max(r, a1.end + 1)) > 0) {
					q = &ceiling;
					a1.end += k;
				}
				switch (q->bound) {
				case B_MAX:
					price_emit(r, i, a1.end, 0, 0, 1, a1.v,
					    a1.cur, 0);
					break;
				case B_MIN:
					price_emit(r, i, a1.end, 1, a1.v, 0, 0,
					    a1.cur, 0);
					break;
				case B_ABOUT:
					/* "around $300": within 10%. */
					price_emit(r, i, a1.end, 1, a1.v * 0.9,
					    1, a1.v * 1.1, a1.cur, 1);
					break;
				}
				i = a1.end;
				continue;
			}
		}
		/* A - B, A to B with money on one side; a lone amount. */
		if (amount_at(r, i, &a1)) {
			if ((lsym(r, a1.end + 1, '-') || lw(r, a1.end + 1, "to"))
			    && amount_at(r, a1.end + 2, &a2) &&
			    (a1.explicit || a2.explicit) && a1.v <= a2.v) {
				cur = a1.cur ? a1.cur : a2.cur;
				price_emit(r, i, a2.end, 1, a1.v, 1, a2.v, cur,
				    0);
				i = a2.end;
				continue;
			}
			/* "1000 max", "$450 tops", "700 or less". */
			if ((k = after_max(r, a1.end + 1)) > 0 &&
			    (a1.explicit || a1.v >= PRICE_BARE_MIN)) {
				price_emit(r, i, a1.end + k, 0, 0, 1, a1.v,
				    a1.cur, 0);
				i = a1.end + k;
			} else if (a1.about && a1.v >= PRICE_BARE_MIN) {
				/* "500ish": within 10%, as "around 500". */
				price_emit(r, i, a1.end, 1, a1.v * 0.9, 1,
				    a1.v * 1.1, a1.cur, 1);
				i = a1.end;
			} else if (a1.explicit) {
				price_emit(r, i, a1.end, 1, a1.v, 1, a1.v,
				    a1.cur, 0);
				i = a1.end;
			}
		}
	}
}

/* ---- quantities ---- */

static const char *const qty_units[] = {
	"units", "unit", "pcs", "pc", "pieces", "piece", "items", "item",
	"packs", "pack", "boxes", "box", "copies", "copy", "sets", "pairs",
	NULL
};
static const char *const qty_verbs[] = {
	"buy", "order", "get", "need", "want", "take", "purchase", "add",
	"ordered", "bought", NULL
};

/* An entity of the catalog starts at folded offset a. */
static int
catalog_entity_at(const struct run *r, size_t a)
{
	size_t	 k;

	for (k = 0; k < r->out->n; k++)
		if (r->out->v[k].start == a &&
		    (r->out->v[k].type == ENTITY_PRODUCT ||
		    r->out->v[k].type == ENTITY_BRAND ||
		    r->out->v[k].type == ENTITY_CATEGORY))
			return 1;
	return 0;
}

static void
qty_emit(struct run *r, size_t first, size_t last, long long v)
{
	struct entity	*e;

	if (is_taken(r, r->sc->lx[first].a, r->sc->lx[last].b))
		return;
	e = entity_emit(r, ENTITY_QUANTITY, EXTRACTOR_PATTERN, r->sc->lx[first].a,
	    r->sc->lx[last].b);
	e->number = v;
	entity_set_value(r, e, "%lld", v);
}

void
entity_find_quantities(struct run *r)
{
	struct scratch	*sc = r->sc;
	const struct lexeme *l;
	size_t		 i, j;
	long long	 v;
	int		 w;

	for (i = 0; i < sc->nlx; i++) {
		if (!lfree(r, i))
			continue;
		l = &sc->lx[i];
		/* x2 */
		if (l->kind == LX_WORD && l->b - l->a >= 2 &&
		    l->b - l->a <= 4 && r->s[l->a] == 'x') {
			for (j = l->a + 1; j < l->b && is_digit(r->s[j]); j++)
				;
			if (j == l->b) {
				qty_emit(r, i, i, strtoll(r->s + l->a + 1, NULL,
				    10));
				continue;
			}
		}
		if (lw(r, i, "qty") || lw(r, i, "quantity")) {
			j = i + 1;
			if (lsym(r, j, ':') || lw(r, j, "of") || lw(r, j, "is"))
				j++;
			if (lnum(r, j) && sc->lx[j].plain && lfree(r, j)) {
				qty_emit(r, j, j, (long long)sc->lx[j].num);
				i = j;
			}
			continue;
		}
		v = -1;
		if (l->kind == LX_NUM && l->plain && l->ndig <= 3 && l->num >= 1)
			v = (long long)l->num;
		else if ((w = number_word(r, i)) > 0)
			v = w;
		if (v < 0)
			continue;
		/* 2x */
		if (l->kind == LX_NUM && adjacent(r, i) && lw(r, i + 1, "x")) {
			qty_emit(r, i, i + 1, v);
			i++;
			continue;
		}
		if (lw_any(r, i + 1, qty_units) && lfree(r, i + 1)) {
			qty_emit(r, i, i + 1, v);
			i++;
			continue;
		}
		if (l->kind == LX_NUM && adjacent(r, i))
			continue;	/* "256gb", "15th" */
		if (v <= 99 && i + 1 < sc->nlx &&
		    catalog_entity_at(r, sc->lx[i + 1].a)) {
			qty_emit(r, i, i, v);
			continue;
		}
		/* "two please" */
		if (v >= 2 && v <= 99 && lw(r, i + 1, "please") &&
		    (i == 0 || sc->lx[i - 1].kind != LX_WORD ||
		    !lw(r, i - 1, "the"))) {
			qty_emit(r, i, i, v);
			continue;
		}
		/* "buy 2", "i need three" (not "one": "which one") */
		if (v >= 2 && v <= 99 && i > 0 && lw_any(r, i - 1, qty_verbs) &&
		    (i + 1 >= sc->nlx || sc->lx[i + 1].kind != LX_NUM)) {
			qty_emit(r, i, i, v);
			continue;
		}
	}
}

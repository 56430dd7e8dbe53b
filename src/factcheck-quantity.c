/*
 * factcheck-quantity.c owns finding every quantity a text states, in
 * digits or words, with its unit normalised ("two weeks" is 14 days,
 * "1-year" 12 months, "$1,299" 1299 dollars, "November 22" a date), so
 * that the same fact written two ways compares equal.  Replies and the
 * rows that back them go through this one scanner (factcheck-pool.c).
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

static const struct {
	const char	*w;
	double		 v;
} numwords[] = {
	{ "zero", 0 }, { "one", 1 }, { "two", 2 }, { "three", 3 },
	{ "four", 4 }, { "five", 5 }, { "six", 6 }, { "seven", 7 },
	{ "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
	{ "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 },
	{ "fifteen", 15 }, { "sixteen", 16 }, { "seventeen", 17 },
	{ "eighteen", 18 }, { "nineteen", 19 }, { "twenty", 20 },
	{ "thirty", 30 }, { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 },
	{ "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
	{ "hundred", -100 }, { "thousand", -1000 }, { "million", -1e6 },
	{ "dozen", -12 },
};

/* Words after a number and the unit they give (scale: times value). */
static const struct {
	const char	*w;
	const char	*unit;
	double		 scale;
} units[] = {
	{ "%", "%", 1 }, { "percent", "%", 1 }, { "dollar", "$", 1 },
	{ "dollars", "$", 1 }, { "bucks", "$", 1 }, { "usd", "$", 1 },
	{ "star", "star", 1 }, { "stars", "star", 1 },
	{ "times", "times", 1 }, { "x", "x", 1 },
	{ "review", "count", 1 }, { "reviews", "count", 1 },
	{ "rating", "count", 1 }, { "ratings", "count", 1 },
	{ "customer", "count", 1 }, { "customers", "count", 1 },
	{ "buyer", "count", 1 }, { "buyers", "count", 1 },
	{ "shopper", "count", 1 }, { "shoppers", "count", 1 },
	{ "owner", "count", 1 }, { "owners", "count", 1 },
	{ "people", "count", 1 }, { "reviewers", "count", 1 },
	{ "users", "count", 1 }, { "verified", "count", 1 },
	{ "day", "day", 1 }, { "days", "day", 1 },
	{ "week", "day", 7 }, { "weeks", "day", 7 },
	{ "month", "month", 1 }, { "months", "month", 1 },
	{ "year", "month", 12 }, { "years", "month", 12 },
	{ "yr", "month", 12 }, { "yrs", "month", 12 },
	{ "hour", "hour", 1 }, { "hours", "hour", 1 }, { "hr", "hour", 1 },
	{ "hrs", "hour", 1 }, { "h", "hour", 1 },
	{ "minute", "min", 1 }, { "minutes", "min", 1 }, { "min", "min", 1 },
	{ "mins", "min", 1 }, { "second", "sec", 1 }, { "seconds", "sec", 1 },
	{ "pm", "clock", 1 }, { "am", "clock", 1 },
	{ "gigabyte", "gb", 1 }, { "gigabytes", "gb", 1 },
	{ "terabyte", "tb", 1 }, { "terabytes", "tb", 1 },
	{ "megapixel", "mp", 1 }, { "megapixels", "mp", 1 },
	{ "hertz", "hz", 1 }, { "inch", "inch", 1 }, { "inches", "inch", 1 },
	{ "kilogram", "kg", 1 }, { "kilograms", "kg", 1 },
	{ "pound", "lb", 1 }, { "pounds", "lb", 1 }, { "lbs", "lb", 1 },
	{ "watt", "w", 1 }, { "watts", "w", 1 },
	{ "gb", "gb", 1 }, { "tb", "tb", 1 }, { "mb", "mb", 1 },
	{ "hz", "hz", 1 }, { "mp", "mp", 1 }, { "kg", "kg", 1 },
	{ "lb", "lb", 1 }, { "w", "w", 1 }, { "wh", "wh", 1 },
	{ "mah", "mah", 1 }, { "mm", "mm", 1 }, { "cm", "cm", 1 },
	{ "fps", "fps", 1 }, { "ms", "ms", 1 }, { "mbps", "mbps", 1 },
	{ "gbps", "gbps", 1 }, { "k", "k", 1 },
};

/* Words between a number and its unit ("3 business days"). */
static const char *const unit_fillers[] = { "business", "calendar",
	"working", "full", "more", "extra", "five-star", "happy", NULL };

static const char *const monthnames[] = { "jan", "feb", "mar", "apr",
	"may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

void
fq_push(struct fq_list *l, double lo, double hi, const char *unit, size_t s,
    size_t e, int words)
{
	struct fq	*q;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	q = &l->v[l->n++];
	memset(q, 0, sizeof *q);
	q->lo = lo;
	q->hi = hi;
	q->range = hi != lo;
	q->s = s;
	q->e = e;
	q->words = words;
	snprintf(q->unit, sizeof q->unit, "%s", unit);
}

void
fq_list_release(struct fq_list *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

int
fq_alnum(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* The word at i (letters only), as [*ws, *we); 0 when none. */
static int
word_at(const char *t, size_t len, size_t i, size_t *we)
{
	size_t	 j = i;

	while (j < len && isalpha((unsigned char)t[j]))
		j++;
	*we = j;
	return j > i && (i == 0 || !fq_alnum((unsigned char)t[i - 1]));
}

static inline int
word_is(const char *t, size_t s, size_t e, const char *w)
{
	/* This runs for every word against every number and unit word:
	 * the first letter (the tables are lowercase) rejects most. */
	return e > s && tolower((unsigned char)t[s]) == w[0] &&
	    strncasecmp(t + s, w, e - s) == 0 && w[e - s] == '\0';
}

/* Skip spaces and one hyphen: where the next word starts. */
static size_t
skip_gap(const char *t, size_t len, size_t i)
{
	while (i < len && t[i] == ' ')
		i++;
	if (i < len && t[i] == '-')
		i++;
	while (i < len && t[i] == ' ')
		i++;
	return i;
}

/* A number in words at i: value, end.  0 when none. */
static int
words_number(const char *t, size_t len, size_t i, double *v, size_t *end)
{
	double	 total = 0, cur = 0, frac = 0.1;
	size_t	 we, k, p = i, last = i;
	int	 any = 0, point = 0, found;

	for (;;) {
		if (!word_at(t, len, p, &we))
			break;
		found = 0;
		if (word_is(t, p, we, "point") && any && !point) {
			point = 1;
			p = skip_gap(t, len, we);
			continue;
		}
		if ((word_is(t, p, we, "a") || word_is(t, p, we, "an")) &&
		    !any) {
			size_t	 n2 = skip_gap(t, len, we), we2;

			if (word_at(t, len, n2, &we2) && (word_is(t, n2, we2,
			    "dozen") || word_is(t, n2, we2, "hundred") ||
			    word_is(t, n2, we2, "thousand"))) {
				cur = 1;
				p = n2;
				continue;
			}
			break;
		}
		if (word_is(t, p, we, "and") && any && !point) {
			size_t	 n2 = skip_gap(t, len, we), we2;

			for (k = 0; word_at(t, len, n2, &we2) && k <
			    sizeof numwords / sizeof numwords[0]; k++)
				if (word_is(t, n2, we2, numwords[k].w) &&
				    numwords[k].v > 0)
					break;
			if (!word_at(t, len, n2, &we2) || k ==
			    sizeof numwords / sizeof numwords[0])
				break;
			p = n2;
			continue;
		}
		for (k = 0; k < sizeof numwords / sizeof numwords[0]; k++)
			if (word_is(t, p, we, numwords[k].w))
				break;
		if (k == sizeof numwords / sizeof numwords[0])
			break;
		found = 1;
		if (point) {
			if (numwords[k].v < 0 || numwords[k].v > 9)
				break;
			cur += numwords[k].v * frac;
			frac /= 10;
		} else if (numwords[k].v >= 0)
			cur += numwords[k].v;
		else if (numwords[k].v == -100 || numwords[k].v == -12)
			cur = (cur != 0 ? cur : 1) * -numwords[k].v;
		else {
			total += (cur != 0 ? cur : 1) * -numwords[k].v;
			cur = 0;
		}
		any = found;
		last = we;
		p = we;
		/* "forty-seven", "one hundred five" */
		if (p < len && (t[p] == '-' || t[p] == ' '))
			p++;
	}
	if (!any)
		return 0;
	*v = total + cur;
	*end = last;
	return 1;
}

/* A number in digits at i ("1,299.00", "10k"): value, end. */
static size_t
digits_number(const char *t, size_t len, size_t i, double *v)
{
	struct sbuf	 d = SBUF_INIT;
	size_t		 p = i;

	while (p < len && (isdigit((unsigned char)t[p]) || (t[p] == ',' &&
	    p > i && p + 3 < len + 1 && isdigit((unsigned char)t[p + 1]) &&
	    isdigit((unsigned char)t[p + 2]) &&
	    isdigit((unsigned char)t[p + 3])) || (t[p] == '.' && p + 1 < len &&
	    isdigit((unsigned char)t[p + 1])))) {
		if (t[p] != ',')
			sbuf_addc(&d, t[p]);
		p++;
	}
	*v = strtod(d.buf, NULL);
	sbuf_release(&d);
	return p;
}

/* A month name at i: its index, *end after it (and a period). */
static int
month_at(const char *t, size_t len, size_t i, size_t *end)
{
	size_t	 we;
	int	 m;

	if (!word_at(t, len, i, &we) || we - i < 3)
		return -1;
	for (m = 0; m < 12; m++)
		if (strncasecmp(t + i, monthnames[m], 3) == 0)
			break;
	if (m == 12)
		return -1;
	/* "may" is a verb unless capitalised. */
	if (m == 4 && t[i] != 'M')
		return -1;
	if (we - i > 3) {
		static const char *const full[] = { "january", "february",
		    "march", "april", "may", "june", "july", "august",
		    "september", "october", "november", "december" };

		if (!word_is(t, i, we, full[m]) && !(m == 8 &&
		    word_is(t, i, we, "sept")))
			return -1;
	}
	*end = we < len && t[we] == '.' ? we + 1 : we;
	return m;
}

/* The unit after a number ending at i: unit, scale, end of the unit. */
static const char *
unit_after(const char *t, size_t len, size_t i, double *scale, size_t *end)
{
	size_t	 p = i, we, k, f;

	*scale = 1;
	*end = i;
	if (p < len && t[p] == '%') {
		*end = p + 1;
		return "%";
	}
	if (p < len && t[p] == '"') {
		*end = p + 1;
		return "inch";
	}
	if (p + 1 < len && t[p] == '/' && isdigit((unsigned char)t[p + 1])) {
		*end = p + 2;
		if (p + 2 < len && t[p + 2] == '0') {
			*end = p + 3;
			return "of10";
		}
		return "star";
	}
	for (f = 0; f < 2; f++) {
		p = skip_gap(t, len, p);
		if (!word_at(t, len, p, &we))
			return "";
		if (word_is(t, p, we, "out") && strncasecmp(t + we, " of ",
		    4) == 0) {
			*end = we + 5;
			if (we + 5 < len && (t[we + 4] == '1' || strncasecmp(t +
			    we + 4, "ten", 3) == 0)) {
				*end = we + 6;
				return "of10";
			}
			return "star";
		}
		for (k = 0; unit_fillers[k] != NULL; k++)
			if (word_is(t, p, we, unit_fillers[k]))
				break;
		if (unit_fillers[k] == NULL)
			break;
		p = we;
	}
	for (k = 0; k < sizeof units / sizeof units[0]; k++)
		if (word_is(t, p, we, units[k].w)) {
			*scale = units[k].scale;
			*end = we;
			return units[k].unit;
		}
	/* People with an adjective or two: "12 glowing reviews". */
	for (f = 0; f < 2; f++) {
		p = skip_gap(t, len, we);
		if (!word_at(t, len, p, &we))
			break;
		for (k = 0; k < sizeof units / sizeof units[0]; k++)
			if (strcmp(units[k].unit, "count") == 0 &&
			    word_is(t, p, we, units[k].w)) {
				*end = we;
				return "count";
			}
	}
	return "";
}

/* Letters glued to a number ("16GB", "300Hz", "10k", "2x"). */
static const char *
unit_suffix(const char *t, size_t len, size_t p, size_t *end, char *buf,
    size_t bufsz, double *scale)
{
	size_t	 e = p, k;

	*scale = 1;
	while (e < len && isalpha((unsigned char)t[e]))
		e++;
	*end = e;
	if (e == p)
		return NULL;
	if (e - p >= bufsz)
		e = p + bufsz - 1;
	for (k = 0; p + k < e; k++)
		buf[k] = (char)tolower((unsigned char)t[p + k]);
	buf[k] = '\0';
	for (k = 0; k < sizeof units / sizeof units[0]; k++)
		if (strcmp(buf, units[k].w) == 0) {
			*scale = units[k].scale;
			return units[k].unit;
		}
	return buf;
}

static void
scan_one_digits(const char *t, size_t len, size_t i, struct fq_list *l,
    size_t *next)
{
	char		 sfx[12];
	const char	*unit = "";
	double		 v, v2 = 0, scale = 1, sc2;
	size_t		 p, e, ue, me;
	int		 money = i > 0 && t[i - 1] == '$', m, range = 0;
	size_t		 s = money ? i - 1 : i;

	p = digits_number(t, len, i, &v);
	*next = p;
	/* ISO dates: 2026-11-22. */
	if (p - i == 4 && p + 6 <= len && t[p] == '-' &&
	    isdigit((unsigned char)t[p + 1]) && isdigit((unsigned char)t[p +
	    2]) && t[p + 3] == '-' && isdigit((unsigned char)t[p + 4]) &&
	    isdigit((unsigned char)t[p + 5])) {
		fq_push(l, atoi(t + p + 1) * 100 + atoi(t + p + 4),
		    atoi(t + p + 1) * 100 + atoi(t + p + 4), "date", i, p + 6,
		    0);
		*next = p + 6;
		return;
	}
	/* "15 August" */
	if (v >= 1 && v <= 31 && v == floor(v) && p < len && t[p] == ' ' &&
	    (m = month_at(t, len, p + 1, &me)) >= 0) {
		fq_push(l, (m + 1) * 100 + v, (m + 1) * 100 + v, "date", i, me,
		    0);
		*next = me;
		return;
	}
	if ((unit = unit_suffix(t, len, p, &e, sfx, sizeof sfx, &scale)) !=
	    NULL) {
		/* "1000xm5", "2nd": a name or an ordinal, not a quantity. */
		if ((e < len && isdigit((unsigned char)t[e])) ||
		    strcmp(sfx, "st") == 0 || strcmp(sfx, "nd") == 0 ||
		    strcmp(sfx, "rd") == 0 || strcmp(sfx, "th") == 0) {
			*next = e;
			return;
		}
		if (strcmp(unit, "k") == 0 && v < 16 && !money) {
			const char *u2 = unit_after(t, len, e, &sc2, &ue);

			if (strcmp(u2, "count") == 0) {
				v *= 1000;
				unit = u2;
				e = ue;
			}
		} else if (strcmp(unit, "k") == 0) {
			v *= 1000;
			unit = unit_after(t, len, e, &scale, &ue);
			e = ue > e ? ue : e;
		}
		*next = e;
		fq_push(l, v * scale, v * scale, money ? "$" : unit, s, e, 0);
		return;
	}
	/* Ranges: "3-5", "3 to 5", "2- or 3-year". */
	e = p;
	if (p + 1 < len && t[p] == '-' && isdigit((unsigned char)t[p + 1])) {
		e = digits_number(t, len, p + 1, &v2);
		range = 1;
	} else if (p + 4 < len && strncmp(t + p, " to ", 4) == 0 &&
	    isdigit((unsigned char)t[p + 4])) {
		e = digits_number(t, len, p + 4, &v2);
		range = 1;
	} else if (p + 3 < len && (unsigned char)t[p] == 0xe2 &&
	    (unsigned char)t[p + 1] == 0x80 &&
	    (unsigned char)t[p + 2] == 0x93 &&
	    isdigit((unsigned char)t[p + 3])) {
		e = digits_number(t, len, p + 3, &v2);
		range = 1;
	}
	if (range && money && e + 0 < len)
		unit = "$";
	else if (money)
		unit = "$";
	else {
		unit = unit_after(t, len, e, &scale, &ue);
		if (ue > e)
			e = ue;
		/* "2 or 3 years": the unit of the second is the first's
		 * (the second is scanned on its own). */
		if (*unit == '\0' && !range && p + 4 < len &&
		    strncmp(t + p, " or ", 4) == 0 &&
		    isdigit((unsigned char)t[p + 4]))
			unit = unit_after(t, len, digits_number(t, len, p + 4,
			    &v2), &scale, &ue);
	}
	if (strcmp(unit, "$") == 0 && e < len && (t[e] == 'k' || t[e] == 'K') &&
	    (e + 1 == len || !fq_alnum((unsigned char)t[e + 1]))) {
		v *= 1000;
		e++;
	}
	*next = e;
	if (range)
		fq_push(l, v * scale, v2 * scale, unit, s, e, 0);
	else
		fq_push(l, v * scale, v * scale, unit, s, e, 0);
}

/* Words that are quantities by themselves. */
static int
scan_special(const char *t, size_t len, size_t i, size_t we,
    struct fq_list *l, size_t *next)
{
	size_t	 n2, we2;

	/* Comparisons, apart from "2x USB-A" (a count of ports). */
	if (word_is(t, i, we, "double") || word_is(t, i, we, "twice")) {
		fq_push(l, 2, 2, "times", i, we, 1);
		*next = we;
		return 1;
	}
	if (word_is(t, i, we, "triple")) {
		fq_push(l, 3, 3, "times", i, we, 1);
		*next = we;
		return 1;
	}
	if (word_is(t, i, we, "half")) {
		n2 = skip_gap(t, len, we);
		if (word_at(t, len, n2, &we2) && (word_is(t, n2, we2,
		    "price") || word_is(t, n2, we2, "off"))) {
			fq_push(l, 50, 50, "%", i, we2, 1);
			*next = we2;
			return 1;
		}
	}
	return 0;
}

void
fq_scan(const char *t, size_t len, struct fq_list *l)
{
	size_t	 i = 0, we, e, me, de;
	double	 v, v2, scale;
	int	 m;
	const char *unit;

	while (i < len) {
		if (isdigit((unsigned char)t[i]) && (i == 0 ||
		    (!fq_alnum((unsigned char)t[i - 1]) && t[i - 1] != '.'))) {
			scan_one_digits(t, len, i, l, &i);
			continue;
		}
		if (!word_at(t, len, i, &we)) {
			i++;
			continue;
		}
		/* "November 22", "Nov. 22nd" */
		if ((m = month_at(t, len, i, &me)) >= 0 && me + 1 < len &&
		    t[me] == ' ' && isdigit((unsigned char)t[me + 1])) {
			de = digits_number(t, len, me + 1, &v);
			if (v >= 1 && v <= 31 && (de == len ||
			    !isdigit((unsigned char)t[de]))) {
				while (de < len &&
				    isalpha((unsigned char)t[de]))
					de++;
				fq_push(l, (m + 1) * 100 + v, (m + 1) * 100 + v,
				    "date", i, de, 0);
				i = de;
				continue;
			}
		}
		if (scan_special(t, len, i, we, l, &i))
			continue;
		if (words_number(t, len, i, &v, &e)) {
			size_t	 ue, s = i;
			int	 range = 0;

			v2 = v;
			/* "two to three hours" */
			if (e + 4 < len && strncasecmp(t + e, " to ", 4) == 0 &&
			    words_number(t, len, e + 4, &v2, &ue)) {
				range = 1;
				e = ue;
			}
			unit = unit_after(t, len, e, &scale, &ue);
			/* "one" alone is mostly a pronoun ("this one"). */
			if (*unit == '\0' && !range && v == 1 &&
			    word_is(t, s, e, "one")) {
				i = e;
				continue;
			}
			fq_push(l, v * scale, (range ? v2 : v) * scale, unit, s,
			    ue > e ? ue : e, 1);
			i = ue > e ? ue : e;
			continue;
		}
		i = we;
	}
}


/*
 * entity-date.c finds the dates of a message for entity.c: relative ones
 * ("today", "the day before yesterday", "last week", "next friday",
 * "3 days ago"), numeric ones ("2026-11-03", "11/3/2026") and named ones
 * ("november 3rd, 2026", "3 nov", "the 3rd of november").  Each becomes
 * an ENTITY_DATE whose value is the ISO day, counted from store_now
 * (SHOPDESK_NOW in tests) read once per extraction.
 *
 * Every form is tried at each free lexeme in a fixed order; a form that
 * matches consumes its lexemes, so "last friday" is never also a bare
 * "friday".
 */
#include "config.h"

#include <stdio.h>

#include "shopdesk.h"
#include "store.h"
#include "entity.h"
#include "entity-run.h"

/* ---- calendar ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long
days_from_civil(long y, unsigned m, unsigned d)
{
	long	 era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long)doe - 719468;
}

static void
civil_from_days(long z, long *y, unsigned *m, unsigned *d)
{
	long	 era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (long)yoe + era * 400 + (*m <= 2);
}

static unsigned
month_days(long y, unsigned m)
{
	static const unsigned md[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return md[m - 1];
}

/* Today from store_now (SHOPDESK_NOW in tests), once per extraction. */
static long
today(struct scratch *sc)
{
	const char *now;
	int	 y = 1970, m = 1, d = 1;

	if (!sc->have_now) {
		now = store_now();
		if (sscanf(now, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 ||
		    m > 12 || d < 1 || d > 31) {
			y = 1970;
			m = d = 1;
		}
		sc->today = days_from_civil(y, (unsigned)m, (unsigned)d);
		sc->have_now = 1;
	}
	return sc->today;
}

static long
add_months(long days, int k)
{
	long	 y;
	unsigned m, d;
	long	 mm;

	civil_from_days(days, &y, &m, &d);
	mm = (long)m - 1 + k;
	y += mm >= 0 ? mm / 12 : (mm - 11) / 12;
	mm = ((mm % 12) + 12) % 12;
	m = (unsigned)mm + 1;
	if (d > month_days(y, m))
		d = month_days(y, m);
	return days_from_civil(y, m, d);
}

/* Day of the week of a day count, 0 for Sunday. */
static int
weekday_of(long t)
{
	return (int)(((t + 4) % 7 + 7) % 7);
}

/* ---- words ---- */

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", NULL
};
static const char *const months3[] = {
	"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
	"nov", "dec", NULL
};
static const char *const weekdays[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", NULL
};

/* 1..12 for a month name at lexeme i (with "sept"), else 0. */
static int
month_at(const struct run *r, size_t i)
{
	int	 k;

	/*
	 * A lexeme is one word: it cannot be one month's name and another
	 * month's abbreviation ("may" is month 5 in both lists).
	 */
	if ((k = lw_index(r, i, months)) >= 0 ||
	    (k = lw_index(r, i, months3)) >= 0)
		return k + 1;
	return lw(r, i, "sept") ? 9 : 0;
}

/* Day of month (1..31) at lexeme i, with an ordinal suffix; sets *end. */
static int
day_at(const struct run *r, size_t i, size_t *end)
{
	static const char *const ord[] = { "st", "nd", "rd", "th", NULL };
	const struct lexeme *l;

	if (!lnum(r, i) || !lfree(r, i))
		return 0;
	l = &r->sc->lx[i];
	if (!l->plain || l->num < 1 || l->num > 31)
		return 0;
	*end = i;
	if (adjacent(r, i) && lw_any(r, i + 1, ord))
		*end = i + 1;
	else if (adjacent(r, i) && r->sc->lx[i + 1].kind == LX_WORD)
		return 0;
	return (int)l->num;
}

static void
date_emit(struct run *r, size_t first, size_t last, long days)
{
	struct entity	*e;
	long		 y;
	unsigned	 m, d;

	if (is_taken(r, r->sc->lx[first].a, r->sc->lx[last].b))
		return;
	civil_from_days(days, &y, &m, &d);
	e = entity_emit(r, ENTITY_DATE, EXTRACTOR_PATTERN, r->sc->lx[first].a,
	    r->sc->lx[last].b);
	entity_set_value(r, e, "%04ld-%02u-%02u", y, m, d);
}

/*
 * Each form below looks at lexeme *ip: when it is the form it emits the
 * date (unless its bytes are claimed), moves *ip to the form's last
 * lexeme and returns 1; otherwise it returns 0 and the next form is
 * tried.
 */

/* ---- relative dates ---- */

/* "today", "tonight", "yesterday", "tomorrow", "day before yesterday" */
static int
date_named_day(struct run *r, size_t *ip)
{
	struct scratch	*sc = r->sc;
	size_t		 i = *ip;

	if (lw(r, i, "today") || lw(r, i, "tonight")) {
		date_emit(r, i, i, today(sc));
		return 1;
	}
	if (lw(r, i, "yesterday")) {
		date_emit(r, i, i, today(sc) - 1);
		return 1;
	}
	if (lw(r, i, "tomorrow")) {
		date_emit(r, i, i, today(sc) + 1);
		return 1;
	}
	if (lw(r, i, "day") && lw(r, i + 1, "before") &&
	    lw(r, i + 2, "yesterday")) {
		date_emit(r, i, i + 2, today(sc) - 2);
		*ip = i + 2;
		return 1;
	}
	return 0;
}

/*
 * "last week", "next month", "past monday", "this friday": a weekday
 * after "this" is the coming one, today included; after "last" or
 * "next", never today.
 */
static int
date_shifted(struct run *r, size_t *ip)
{
	struct scratch	*sc = r->sc;
	size_t		 i = *ip;
	long		 t;
	int		 dir, k, n, back, ahead;

	if (!(lw(r, i, "last") || lw(r, i, "next") || lw(r, i, "this") ||
	    lw(r, i, "past")) || i + 1 >= sc->nlx)
		return 0;
	dir = lw(r, i, "next") ? 1 : lw(r, i, "this") ? 0 : -1;
	if (dir != 0 && lw(r, i + 1, "week")) {
		date_emit(r, i, i + 1, today(sc) + 7 * dir);
		*ip = i + 1;
		return 1;
	}
	if (dir != 0 && lw(r, i + 1, "month")) {
		date_emit(r, i, i + 1, add_months(today(sc), dir));
		*ip = i + 1;
		return 1;
	}
	if ((k = lw_index(r, i + 1, weekdays)) < 0)
		return 0;
	t = today(sc);
	n = weekday_of(t);
	back = ((n - k) % 7 + 7) % 7;
	ahead = ((k - n) % 7 + 7) % 7;
	if (dir < 0)
		t -= back == 0 ? 7 : back;
	else if (dir > 0)
		t += ahead == 0 ? 7 : ahead;
	else
		t += ahead;
	date_emit(r, i, i + 1, t);
	*ip = i + 1;
	return 1;
}

/*
 * A bare weekday is the latest one, today included; "black friday" and
 * "cyber monday" are sales, not dates (taken as the form, with no date).
 */
static int
date_weekday(struct run *r, size_t *ip)
{
	size_t	 i = *ip;
	long	 t;
	int	 k;

	if ((k = lw_index(r, i, weekdays)) < 0)
		return 0;
	if (i > 0 && (lw(r, i - 1, "black") || lw(r, i - 1, "cyber")))
		return 1;
	t = today(r->sc);
	date_emit(r, i, i, t - ((weekday_of(t) - k) % 7 + 7) % 7);
	return 1;
}

/* "3 days ago", "a week ago", "two months ago" */
static int
date_ago(struct run *r, size_t *ip)
{
	struct scratch	*sc = r->sc;
	size_t		 i = *ip;
	long		 t;
	int		 n;

	if (!((lnum(r, i) && sc->lx[i].plain && sc->lx[i].num < 1000) ||
	    lw(r, i, "a") || number_word(r, i) > 0))
		return 0;
	n = lnum(r, i) ? (int)sc->lx[i].num : lw(r, i, "a") ? 1 :
	    number_word(r, i);
	if (!lw(r, i + 2, "ago"))
		return 0;
	if (lw(r, i + 1, "day") || lw(r, i + 1, "days"))
		t = today(sc) - n;
	else if (lw(r, i + 1, "week") || lw(r, i + 1, "weeks"))
		t = today(sc) - 7L * n;
	else if (lw(r, i + 1, "month") || lw(r, i + 1, "months"))
		t = add_months(today(sc), -n);
	else
		return 0;
	date_emit(r, i, i + 2, t);
	*ip = i + 2;
	return 1;
}

/* ---- numeric dates ---- */

/* Emit year y, month mo, day dy over lexemes i..i+4 when it is a day. */
static int
date_ymd5(struct run *r, size_t *ip, long y, int mo, int dy)
{
	if (mo < 1 || mo > 12 || dy < 1 || dy > (int)month_days(y,
	    (unsigned)mo))
		return 0;
	date_emit(r, *ip, *ip + 4, days_from_civil(y, (unsigned)mo,
	    (unsigned)dy));
	*ip += 4;
	return 1;
}

/* Lexemes i..i+4 are number, symbol c, number, c, number, touching. */
static int
num_sep_run(const struct run *r, size_t i, int c)
{
	return lnum(r, i) && adjacent(r, i) && lsym(r, i + 1, c) &&
	    adjacent(r, i + 1) && lnum(r, i + 2) && adjacent(r, i + 2) &&
	    lsym(r, i + 3, c) && adjacent(r, i + 3) && lnum(r, i + 4);
}

/* 2026-11-03 */
static int
date_iso(struct run *r, size_t *ip)
{
	const struct lexeme *lx = r->sc->lx;
	size_t		 i = *ip;

	if (!(lnum(r, i) && lx[i].plain && lx[i].ndig == 4) ||
	    !num_sep_run(r, i, '-'))
		return 0;
	return date_ymd5(r, ip, (long)lx[i].num, (int)lx[i + 2].num,
	    (int)lx[i + 4].num);
}

/* 11/3/2026, 11/3/26 (month first unless it cannot be) */
static int
date_slashes(struct run *r, size_t *ip)
{
	const struct lexeme *lx = r->sc->lx;
	size_t		 i = *ip;
	long		 y;
	int		 mo, dy, k;

	if (!num_sep_run(r, i, '/') || (lx[i + 4].ndig != 4 &&
	    lx[i + 4].ndig != 2))
		return 0;
	mo = (int)lx[i].num;
	dy = (int)lx[i + 2].num;
	y = (long)lx[i + 4].num;
	if (y < 100)
		y += 2000;
	if (mo > 12) {
		k = mo;
		mo = dy;
		dy = k;
	}
	return date_ymd5(r, ip, y, mo, dy);
}

/* ---- named dates ---- */

/*
 * The year of a named date: the number at lexeme yi when said is set
 * (four digits follow the day), else this year.  Today is read only once
 * a named date matched: it costs a clock read and a parse.
 */
static long
named_year(struct run *r, size_t yi, int said)
{
	long		 y;
	unsigned	 cm, cd;

	civil_from_days(today(r->sc), &y, &cm, &cd);
	if (said)
		y = (long)r->sc->lx[yi].num;
	return y;
}

/* "november 3rd", "nov 3, 2026", "sept 3 2026" */
static int
date_month_day(struct run *r, size_t *ip)
{
	struct scratch	*sc = r->sc;
	size_t		 i = *ip, end, e2;
	long		 y;
	int		 mo, dy;

	if ((mo = month_at(r, i)) == 0 || (dy = day_at(r, i + 1, &end)) == 0)
		return 0;
	e2 = end;
	if (lsym(r, end + 1, ',') && lnum(r, end + 2) &&
	    sc->lx[end + 2].ndig == 4)
		e2 = end + 2;
	else if (lnum(r, end + 1) && sc->lx[end + 1].ndig == 4)
		e2 = end + 1;
	y = named_year(r, e2, e2 != end);
	if (dy <= (int)month_days(y, (unsigned)mo)) {
		date_emit(r, i, e2, days_from_civil(y, (unsigned)mo,
		    (unsigned)dy));
		*ip = e2;
	}
	return 1;
}

/* "3 nov", "3rd of november 2026" (but not "3 mar") */
static int
date_day_month(struct run *r, size_t *ip)
{
	struct scratch	*sc = r->sc;
	size_t		 i = *ip, end, mi, e2;
	long		 y;
	int		 mo, dy;

	if ((dy = day_at(r, i, &end)) == 0)
		return 0;
	mi = end + 1;
	if (lw(r, mi, "of"))
		mi++;
	if ((mo = month_at(r, mi)) == 0 || lw(r, mi, "mar"))
		return 0;
	e2 = mi;
	if (lnum(r, mi + 1) && sc->lx[mi + 1].ndig == 4)
		e2 = mi + 1;
	y = named_year(r, e2, e2 != mi);
	if (dy <= (int)month_days(y, (unsigned)mo)) {
		date_emit(r, i, e2, days_from_civil(y, (unsigned)mo,
		    (unsigned)dy));
		*ip = e2;
	}
	return 1;
}

void
entity_find_dates(struct run *r)
{
	static int (*const forms[])(struct run *, size_t *) = {
		date_named_day, date_shifted, date_weekday, date_ago,
		date_iso, date_slashes, date_month_day, date_day_month,
	};
	size_t	 i, k;

	for (i = 0; i < r->sc->nlx; i++) {
		if (!lfree(r, i))
			continue;
		for (k = 0; k < sizeof forms / sizeof forms[0]; k++)
			if (forms[k](r, &i))
				break;
	}
}

/*
 * ingest-dates.c owns moving the dates of a data file by a number of
 * days, which is how the demo store stays "recent" whatever the day it
 * is created: its files are written as of one day (MANIFEST's "@dated"),
 * and ingest_seed_demo moves every date by the days from that day to
 * today, so orders, deliveries, return windows and the sale keep their
 * spacing to "today".  On the day itself (SHOPDESK_NOW in the tests) the
 * shift is 0 and the text is left alone, byte for byte.
 *
 * Dates are found in the text, not in known fields, because they are
 * also quoted in prose that replies and the fact-check rely on (an
 * order event's "estimated delivery November 21, 2026", the sale's
 * "From November 14 to December 1, 2026"):
 *
 *	2026-11-21 (and 2026-11-21T10:00:00Z: the time is kept)
 *	November 21, 2026
 *	November 14 (no year: the year nearest the file's day)
 *
 * Whole days only, so times of day, weekdays of recurring events and
 * anything that is not a date stay as they are.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "ingest-int.h"
#include "sbuf.h"

static const char *const months[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* Howard Hinnant's days_from_civil and civil_from_days. */
static long
days_from_civil(long y, int m, int d)
{
	long	 era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil_from_days(long z, long *y, int *m, int *d)
{
	long	 era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = yoe + era * 400 + (*m <= 2);
}

int
ingest_day_parse(const char *s, long *day)
{
	int	 y, m, d, n = 0;

	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	*day = days_from_civil(y, m, d);
	return 0;
}

/* n digits at s (no more), as a number; -1 if not. */
static long
digits(const char *s, size_t len, size_t n)
{
	long	 v = 0;
	size_t	 i;

	if (len < n || (len > n && isdigit((unsigned char)s[n])))
		return -1;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)s[i]))
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* "YYYY-MM-DD" at s: its length (10), moved into out; 0 if not a date. */
static size_t
iso_at(const char *s, size_t len, long shift, struct sbuf *out)
{
	long	 y, mo, d, day;
	int	 m2, d2;

	if ((y = digits(s, len, 4)) < 0 || len < 10 || s[4] != '-' ||
	    s[7] != '-' || (mo = digits(s + 5, len - 5, 2)) < 1 || mo > 12 ||
	    (d = digits(s + 8, len - 8, 2)) < 1 || d > 31)
		return 0;
	day = days_from_civil(y, (int)mo, (int)d) + shift;
	civil_from_days(day, &y, &m2, &d2);
	sbuf_addf(out, "%04ld-%02d-%02d", y, m2, d2);
	return 10;
}

/*
 * "Month D, YYYY" or "Month D" at s: its length, moved into out; 0 if
 * not a date.  A date without its year is taken in the year that puts
 * it nearest to anchor (the day the file was written as of).
 */
static size_t
long_at(const char *s, size_t len, long shift, long anchor, struct sbuf *out)
{
	size_t	 ml = 0, p, dl;
	long	 d, y = -1, ay, best, day, c;
	int	 m, k, m2, d2;

	for (m = 0; m < 12; m++) {
		ml = strlen(months[m]);
		if (len > ml && strncmp(s, months[m], ml) == 0 && s[ml] == ' ')
			break;
	}
	if (m == 12)
		return 0;
	p = ml + 1;
	dl = p + 1 < len && isdigit((unsigned char)s[p + 1]) ? 2 : 1;
	if ((d = digits(s + p, len - p, dl)) < 1 || d > 31 ||
	    (p + dl < len && isalpha((unsigned char)s[p + dl])))
		return 0;	/* "May 5G" is no date */
	p += dl;
	if (p + 6 <= len && s[p] == ',' && s[p + 1] == ' ' &&
	    (y = digits(s + p + 2, len - p - 2, 4)) >= 0)
		p += 6;
	if (y >= 0)
		day = days_from_civil(y, m + 1, (int)d);
	else {
		civil_from_days(anchor, &ay, &m2, &d2);
		best = day = days_from_civil(ay, m + 1, (int)d);
		for (k = -1; k <= 1; k += 2) {
			c = days_from_civil(ay + k, m + 1, (int)d);
			if (labs(c - anchor) < labs(best - anchor))
				best = c;
		}
		day = best;
	}
	civil_from_days(day + shift, &ay, &m2, &d2);
	sbuf_addf(out, "%s %d", months[m2 - 1], d2);
	if (y >= 0)
		sbuf_addf(out, ", %04ld", ay);
	return p;
}

void
ingest_shift_dates(struct sbuf *text, long shift, long anchor)
{
	struct sbuf	 out = SBUF_INIT;
	const char	*s = text->buf;
	size_t		 i = 0, n, len = text->len;

	if (shift == 0)
		return;
	while (i < len) {
		/* A date starts a word: not inside "SKU-2026-11-20X". */
		n = 0;
		if (i == 0 || !isalnum((unsigned char)s[i - 1])) {
			if (isdigit((unsigned char)s[i]))
				n = iso_at(s + i, len - i, shift, &out);
			else if (isupper((unsigned char)s[i]))
				n = long_at(s + i, len - i, shift, anchor,
				    &out);
		}
		if (n == 0)
			sbuf_addc(&out, s[i++]);
		else
			i += n;
	}
	sbuf_reset(text);
	sbuf_add(text, out.buf, out.len);
	sbuf_release(&out);
}

/*
 * dlg-lexunit.c owns reading numbers in their unit, for dlg-lex.c and
 * the modules that rank, compare or bound products by a specification:
 * a catalog value as a number in a unit ("up to 6,600 sq ft", "1TB",
 * "about 2,100 hours", "6+ days", "IP67", "10ATM", "RTX 4070", "4K"),
 * the unit a key names ("refresh_hz"), how a unit reads in a reply,
 * and a bound the customer puts on one ("over 40 hours").
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* The unit a word after a number names, into *mul; NULL when none. */
const char *
lex_unit_after(const char *s, double *mul)
{
	static const struct {
		const char	*word;
		const char	*unit;
		double		 mul;
	} units[] = {
		{ "hours", "hours", 1 }, { "hour", "hours", 1 },
		{ "hrs", "hours", 1 }, { "hr", "hours", 1 },
		{ "h", "hours", 1 }, { "minutes", "hours", 1 / 60.0 },
		{ "min", "hours", 1 / 60.0 }, { "days", "hours", 24 },
		{ "day", "hours", 24 }, { "months", "hours", 720 },
		{ "tb", "gb", 1000 }, { "gb", "gb", 1 }, { "mb/s", "mb/s", 1 },
		{ "gb/s", "gb/s", 1 }, { "mah", "mah", 1 }, { "wh", "wh", 1 },
		{ "w", "w", 1 }, { "watts", "w", 1 }, { "hz", "hz", 1 },
		{ "kg", "kg", 1 }, { "g", "kg", 0.001 }, { "lbs", "kg", 0.4536 },
		{ "lb", "kg", 0.4536 }, { "\"", "in", 1 }, { "inch", "in", 1 },
		{ "in", "in", 1 }, { "sq ft", "sqft", 1 },
		{ "sqft", "sqft", 1 }, { "square feet", "sqft", 1 },
		{ "ppm", "ppm", 1 }, { "mp", "mp", 1 }, { "dpi", "dpi", 1 },
		{ "atm", "water", 0 }, { "mm", "m", 0.001 }, { "m", "m", 1 },
	};
	size_t	 i, n;

	while (*s == ' ' || *s == '-')
		s++;
	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		n = strlen(units[i].word);
		if (strncasecmp(s, units[i].word, n) == 0 &&
		    !isalnum((unsigned char)s[n])) {
			*mul = units[i].mul;
			return units[i].unit;
		}
	}
	return NULL;
}

/* The unit a key names by its last word ("refresh_hz"), or NULL. */
const char *
lex_key_unit(const char *key)
{
	static const char *const tail[][2] = { { "_hours", "hours" },
	    { "_gb", "gb" }, { "_kg", "kg" }, { "_hz", "hz" },
	    { "_in", "in" }, { "_mah", "mah" }, { "_wh", "wh" },
	    { "_mb_s", "mb/s" }, { "_ohm", "ohm" }, { "_pages", "pages" },
	    { "_g", "g" } };
	size_t	 i, n = strlen(key), m;

	if (strcmp(key, "ppm") == 0 || strcmp(key, "dpi") == 0 ||
	    strcmp(key, "rpm") == 0)
		return key;
	for (i = 0; i < sizeof tail / sizeof tail[0]; i++) {
		m = strlen(tail[i][0]);
		if (n > m && strcmp(key + n - m, tail[i][0]) == 0)
			return tail[i][1];
	}
	return NULL;
}

/*
 * A water rating as one scale: the second digit of an IP code (IPX4 4,
 * IP68 8; its dust digit a tenth: IP54 4.5 is above IPX4), then depth
 * ratings above every IP code (5ATM and WR50 13,
 * 10ATM and WR100 18; a depth "10 m" 9).  1 when s states one.
 */
static int
water_score(const char *s, double *v)
{
	const char	*p;
	double		 best = -1, x;

	for (p = s; *p != '\0'; p++) {
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    strncasecmp(p, "ip", 2) == 0 &&
		    (isdigit((unsigned char)p[2]) || toupper((unsigned
		    char)p[2]) == 'X') && isdigit((unsigned char)p[3]))
			best = fmax(best, p[3] - '0' + (isdigit((unsigned
			    char)p[2]) ? (p[2] - '0') / 10.0 : 0));
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    strncasecmp(p, "wr", 2) == 0 && isdigit((unsigned
		    char)p[2]))
			best = fmax(best, 8 + strtod(p + 2, NULL) / 10);
		if (isdigit((unsigned char)*p) && (p == s ||
		    !isalnum((unsigned char)p[-1]))) {
			x = strtod(p, NULL);
			while (isdigit((unsigned char)p[1]) || p[1] == '.')
				p++;
			if (strncasecmp(p + 1, "atm", 3) == 0 ||
			    strncasecmp(p + 1, " atm", 4) == 0)
				best = fmax(best, 8 + x);
			else if (strncmp(p + 1, " m", 2) == 0 &&
			    !isalnum((unsigned char)p[3]))
				best = fmax(best, 8 + x / 10);
		}
	}
	if (best < 0)
		return 0;
	*v = best;
	return 1;
}

/* A graphics chip as one scale: a discrete card's model number above
 * every built-in one ("RTX 4070" 14070, "10-core GPU" 10). */
static int
gpu_score(const char *s, double *v)
{
	static const char *const lines[] = { "rtx ", "gtx ", "rx ",
	    "arc ", NULL };
	const char	*p;
	size_t		 i;

	for (i = 0; lines[i] != NULL; i++)
		if ((p = strcasestr(s, lines[i])) != NULL &&
		    isdigit((unsigned char)p[strlen(lines[i])])) {
			*v = 10000 + strtod(p + strlen(lines[i]), NULL);
			return 1;
		}
	if ((p = strcasestr(s, "-core")) != NULL) {
		while (p > s && isdigit((unsigned char)p[-1]))
			p--;
		*v = strtod(p, NULL);
		return *v > 0;
	}
	*v = 1;
	return strcasestr(s, "gpu") != NULL || strcasestr(s, "graphics") !=
	    NULL || strcasestr(s, "radeon") != NULL;
}

/* A resolution as its pixel count ("3840x2160", "4K", "1440p"). */
static int
pixel_count(const char *s, double *v)
{
	static const struct {
		const char	*name;
		double		 px;
	} named[] = { { "8k", 7680.0 * 4320 }, { "5k", 5120.0 * 2880 },
	    { "4k", 3840.0 * 2160 }, { "1440p", 2560.0 * 1440 },
	    { "1080p", 1920.0 * 1080 }, { "fhd", 1920.0 * 1080 },
	    { "qhd", 2560.0 * 1440 } };
	const char	*p;
	char		*end;
	double		 w;
	size_t		 i;

	for (p = s; *p != '\0'; p++) {
		if (!isdigit((unsigned char)*p) || (p > s &&
		    isalnum((unsigned char)p[-1])))
			continue;
		w = strtod(p, &end);
		if (*end == 'x' && isdigit((unsigned char)end[1]) &&
		    w >= 320) {
			*v = w * strtod(end + 1, NULL);
			return 1;
		}
	}
	for (i = 0; i < sizeof named / sizeof named[0]; i++)
		if ((p = strcasestr(s, named[i].name)) != NULL && (p == s ||
		    !isalnum((unsigned char)p[-1]))) {
			*v = named[i].px;
			return 1;
		}
	return 0;
}

/*
 * Value s of attribute key as a number in unit ("hours", "gb", "w",
 * "hz", "kg", "in", "sqft", "mah", "mb/s", "ppm", "water", "px", "gpu",
 * ...): the first number the value states in that unit ("15.6\" FHD,
 * 300 Hz" is 15.6 in and 300 hz).  1 when it states one.
 */
int
lex_value(const char *key, const char *s, const char *unit, double *v)
{
	const char	*p, *u, *ku = lex_key_unit(key);
	char		*end, *digits;
	struct sbuf	 num = SBUF_INIT;
	double		 x, mul;
	int		 ok = 0;

	if (strcmp(unit, "water") == 0)
		return water_score(s, v);
	if (strcmp(unit, "gpu") == 0)
		return strcmp(key, "gpu") == 0 && gpu_score(s, v);
	if (strcmp(unit, "px") == 0)
		return pixel_count(s, v);
	/* A bare number in the key's unit ("refresh_hz": 144). */
	x = strtod(s, &end);
	if (end != s && *end == '\0' && ku != NULL) {
		if (strcmp(ku, "g") == 0) {
			ku = "kg";
			x /= 1000;
		}
		*v = x;
		return strcmp(ku, unit) == 0;
	}
	for (p = s; *p != '\0' && !ok; p++) {
		if (!isdigit((unsigned char)*p) || (p > s &&
		    (isalpha((unsigned char)p[-1]) || p[-1] == '.')))
			continue;
		/* "6,600": the thousands comma is no end of the number. */
		sbuf_reset(&num);
		while (isdigit((unsigned char)*p) || *p == '.' || (*p == ',' &&
		    isdigit((unsigned char)p[1]) && isdigit((unsigned
		    char)p[2]) && isdigit((unsigned char)p[3]) &&
		    !isdigit((unsigned char)p[4]))) {
			if (*p != ',')
				sbuf_add(&num, p, 1);
			p++;
		}
		digits = num.buf;
		x = strtod(digits, NULL);
		if (*p == '+')
			p++;
		if ((u = lex_unit_after(p, &mul)) != NULL &&
		    strcmp(u, unit) == 0) {
			*v = x * mul;
			ok = 1;
		}
		p--;
	}
	sbuf_release(&num);
	return ok;
}

/* How a unit reads after a number in a reply ("hz" is "Hz"). */
const char *
lex_unit_label(const char *unit)
{
	static const char *const labels[][2] = { { "hours", "hours" },
	    { "gb", "GB" }, { "w", "W" }, { "hz", "Hz" }, { "kg", "kg" },
	    { "in", "in" }, { "sqft", "sq ft" }, { "mah", "mAh" },
	    { "wh", "Wh" }, { "mb/s", "MB/s" }, { "ppm", "ppm" },
	    { "dpi", "DPI" }, { "mp", "MP" }, { "pages", "pages" },
	    { "ohm", "ohm" }, { "rpm", "rpm" } };
	size_t	 i;

	for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], unit) == 0)
			return labels[i][1];
	return "";
}

/*
 * A specification's value as words: a bare number with its unit's label
 * ("16 hours"), anything else as the catalog writes it; NULL when p does
 * not state key.  Caller frees.
 */
char *
lex_attr_words(const struct product *p, const char *key, const char *unit)
{
	char	*s, *end;
	double	 v;

	if ((s = catalog_attr(p, key)) == NULL)
		return NULL;
	v = strtod(s, &end);
	if (end != s && *end == '\0') {
		free(s);
		s = xasprintf("%g %s", v, lex_unit_label(unit));
	}
	return s;
}

/*
 * A bound on a number said with its unit: "over 40 hours", "3000+ sq
 * ft", "at least 1TB", "under 1.5 kg".  1 with the number in the unit
 * (*unit static; NULL when the number has none but a "+" or a bound
 * word), *above 1 for a floor, 0 for a ceiling.  Money is no such
 * bound: budgets are the lists' own filters.
 */
int
lex_threshold(struct tctx *t, double *num, const char **unit, int *above)
{
	static const char *const floor_w[] = { "over", "more than", "above",
	    "at least", "longer than", "bigger than", "or more", "plus",
	    "minimum", "min", "beyond", "past", "exceed", "exceeds",
	    "upwards of", "north of", NULL };
	static const char *const ceil_w[] = { "under", "less than", "below",
	    "at most", "no more than", "shorter than", "or less", "max",
	    "maximum", "lighter than", NULL };
	const char	*s = t->fold.s.buf, *p, *u;
	struct sbuf	 d = SBUF_INIT;
	double		 x, mul = 1;
	int		 plus, floor_said = dlg_has_any(t, floor_w),
			 ceil_said = dlg_has_any(t, ceil_w), ok = 0;

	for (p = s; *p != '\0' && !ok; p++) {
		if (!isdigit((unsigned char)*p) || (p > s &&
		    (isalnum((unsigned char)p[-1]) || p[-1] == '$' ||
		    p[-1] == '.')))
			continue;
		sbuf_reset(&d);
		while (isdigit((unsigned char)*p) || *p == '.' || *p == ',') {
			if (*p != ',')
				sbuf_add(&d, p, 1);
			p++;
		}
		x = strtod(d.buf, NULL);
		plus = *p == '+';
		u = lex_unit_after(p + plus, &mul);
		if (strncmp(p + plus, " dollar", 7) == 0 ||
		    strncmp(p + plus, " buck", 5) == 0 || *p == '%')
			u = NULL, plus = 0, floor_said = ceil_said = 0;
		if ((u != NULL && strcmp(u, "m") != 0 && (floor_said ||
		    ceil_said || plus)) || (u == NULL && (plus ||
		    floor_said || ceil_said))) {
			*num = x * mul;
			*unit = u;
			*above = plus || !ceil_said;
			ok = 1;
		}
		p--;
	}
	sbuf_release(&d);
	return ok;
}

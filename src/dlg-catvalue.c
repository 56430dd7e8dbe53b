/*
 * dlg-catvalue.c: what a product's attributes say, read the way a
 * shopper's words ask: the units customers write and those the catalog's
 * keys and values carry ("battery_mah", "up to 7,500 sq ft"), light
 * stemming ("mops" and "mopping", "covers" and "coverage"), a value that
 * says yes, and a feature said by a key, a value or the name.
 * dlg-catneed.c reads needs with them; dlg-catmeet.c tests products.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* How customers write a unit, the unit as the catalog's keys end
 * ("_mah") and the factor to it: "2 days" is 48 hours. */
const struct dlg_cat_unit dlg_cat_units[] = {
	{ "sq ft", "sqft", 1 }, { "sq. ft", "sqft", 1 }, { "sqft", "sqft", 1 },
	{ "square feet", "sqft", 1 }, { "square foot", "sqft", 1 },
	{ "ft2", "sqft", 1 }, { "mah", "mah", 1 }, { "wh", "wh", 1 },
	{ "watts", "w", 1 }, { "watt", "w", 1 }, { "w", "w", 1 },
	{ "tb", "gb", 1024 }, { "gb", "gb", 1 },
	{ "hours", "hours", 1 }, { "hour", "hours", 1 },
	{ "hrs", "hours", 1 }, { "hr", "hours", 1 }, { "h", "hours", 1 },
	{ "days", "hours", 24 }, { "day", "hours", 24 },
	{ "weeks", "hours", 168 }, { "week", "hours", 168 },
	{ "minutes", "hours", 1.0 / 60 }, { "mins", "hours", 1.0 / 60 },
	{ "kg", "kg", 1 }, { "kilos", "kg", 1 }, { "grams", "kg", 0.001 },
	{ "gram", "kg", 0.001 }, { "g", "kg", 0.001 },
	{ "megapixels", "mp", 1 }, { "mp", "mp", 1 }, { "ppm", "ppm", 1 },
	{ "dpi", "dpi", 1 }, { "nits", "nits", 1 }, { "atm", "atm", 1 },
	{ "metres", "m", 1 }, { "meters", "m", 1 }, { "m", "m", 1 },
	{ "feet", "m", 0.3048 }, { "ft", "m", 0.3048 },
	{ "litres", "l", 1 }, { "liters", "l", 1 }, { "l", "l", 1 },
	{ "mb/s", "mb_s", 1 }, { "mbps", "mb_s", 1 }, { "ohms", "ohm", 1 },
	{ "ohm", "ohm", 1 }, { "pages", "pages", 1 }, { "lumens", "lm", 1 },
	{ "inches", "in", 1 }, { "inch", "in", 1 }, { NULL, NULL, 0 }
};

/* Key endings that name a unit ("weight_g" is grams, not a word). */
static const struct dlg_cat_unit dlg_cat_key_units[] = {
	{ "_mah", "mah", 1 }, { "_wh", "wh", 1 }, { "_gb", "gb", 1 },
	{ "_hours", "hours", 1 }, { "_kg", "kg", 1 }, { "_g", "kg", 0.001 },
	{ "_hz", "hz", 1 }, { "_in", "in", 1 }, { "_mb_s", "mb_s", 1 },
	{ "_ohm", "ohm", 1 }, { "_pages", "pages", 1 }, { "ppm", "ppm", 1 },
	{ "dpi", "dpi", 1 }, { NULL, NULL, 0 }
};

/* Words a value states a feature by without naming it: a display is in
 * colour when it is an AMOLED or a Retina one, unless monochrome. */
static const struct implied {
	const char	*word;		/* stemmed */
	const char	*by[8];
	const char	*unless;
} implied[] = {
	{ "color", { "amoled", "oled", "lcd", "retina", "ips", "qled",
	    "led", NULL }, "monochrome" },
	{ NULL, { NULL }, NULL }
};

/* Endings that make a noun of a verb's stem: "cover", "coverage". */
static const char *const endings[] = { "age", "ing", "ion", "ions", "s",
	"es", "ed", NULL };

/* Is s[b..e) one of list (case-insensitive)? */
int
dlg_cat_word_in_list(const char *s, size_t b, size_t e, const char *const *list)
{
	const char *const *w;

	for (w = list; *w != NULL; w++)
		if (strlen(*w) == e - b && strncasecmp(s + b, *w, e - b) == 0)
			return 1;
	return 0;
}

/* Does one of list end just before offset at in s (words apart)? */
int
dlg_cat_phrase_before(const char *s, size_t at, const char *const *list)
{
	const char *const *w;
	size_t	 b = at, l;

	while (b > 0 && (s[b - 1] == ' ' || s[b - 1] == '$'))
		b--;
	for (w = list; *w != NULL; w++) {
		l = strlen(*w);
		if (l <= b && strncasecmp(s + b - l, *w, l) == 0 &&
		    (b == l || !isalnum((unsigned char)s[b - l - 1])))
			return 1;
	}
	return 0;
}

/* The light stem of word s[0..n) into out: lower case, "colour" as
 * "color", a plural or verb ending cut ("mops", "covers", "mopping"). */
void
dlg_cat_stem(const char *s, size_t n, struct sbuf *out)
{
	size_t	 i;
	char	*p;

	sbuf_reset(out);
	sbuf_add(out, s, n);
	for (i = 0; i < n; i++)
		out->buf[i] = (char)tolower((unsigned char)s[i]);
	if ((p = strstr(out->buf, "colour")) != NULL)
		memmove(p + 4, p + 5, strlen(p + 5) + 1);
	n = strlen(out->buf);
	if (n > 5 && strcmp(out->buf + n - 3, "ing") == 0)
		n -= 3;
	else if (n > 4 && strcmp(out->buf + n - 2, "ed") == 0)
		n -= 2;
	else if (n > 4 && strcmp(out->buf + n - 2, "es") == 0 &&
	    strchr("sxz", out->buf[n - 3]) != NULL)
		n -= 2;
	else if (n > 3 && out->buf[n - 1] == 's' && out->buf[n - 2] != 's')
		n -= 1;
	/* "mopping" -> "mopp" -> "mop" */
	if (n > 3 && out->buf[n - 1] == out->buf[n - 2] &&
	    !strchr("aeiouls", out->buf[n - 1]))
		n -= 1;
	sbuf_setlen(out, n);
}

/* Do words a and b (stemmed) name the same thing? */
int
dlg_cat_same_stem(const char *a, size_t an, const char *b, size_t bn)
{
	struct sbuf	 x = SBUF_INIT, y = SBUF_INIT;
	size_t		 i;
	int		 same;

	/* Each way of being the same below needs both words of 3 letters
	 * and more, starting with the same 3 (a stem only ends earlier, and
	 * "colour" loses its u after them): most pairs stop here, before
	 * two allocations. */
	if (an < 3 || bn < 3)
		return 0;
	for (i = 0; i < 3; i++)
		if (tolower((unsigned char)a[i]) != tolower((unsigned char)b[i]))
			return 0;
	dlg_cat_stem(a, an, &x);
	dlg_cat_stem(b, bn, &y);
	same = x.len >= 3 && strcmp(x.buf, y.buf) == 0;
	/* "lens" and "lenses": a word whose end only looks plural. */
	if (!same && ((an == y.len && strncasecmp(a, y.buf, an) == 0) ||
	    (bn == x.len && strncasecmp(b, x.buf, bn) == 0)))
		same = an >= 3 && bn >= 3;
	/* "cover" and "coverage": a stem and its noun, by an ending that
	 * keeps the sense ("sens" is not "sensor", "charger" not
	 * "charging"). */
	if (!same && x.len >= 4 && y.len > x.len &&
	    strncmp(y.buf, x.buf, x.len) == 0 &&
	    dlg_cat_word_in_list(y.buf, x.len, y.len, endings))
		same = 1;
	if (!same && y.len >= 4 && x.len > y.len &&
	    strncmp(x.buf, y.buf, y.len) == 0 &&
	    dlg_cat_word_in_list(x.buf, y.len, x.len, endings))
		same = 1;
	sbuf_release(&x);
	sbuf_release(&y);
	return same;
}

/* Does the text v have word w[0..n), not after "no" or "not"? */
int
dlg_cat_text_has(const char *v, const char *w, size_t n)
{
	size_t	 b, e;

	for (b = 0; v[b] != '\0'; b = e) {
		while (v[b] != '\0' && !isalnum((unsigned char)v[b]))
			b++;
		for (e = b; isalnum((unsigned char)v[e]); e++)
			;
		if (e == b)
			break;
		if (dlg_cat_same_stem(v + b, e - b, w, n) &&
		    !dlg_cat_phrase_before(v, b,
		    (const char *const[]){ "no", "not", "without", "non",
		    NULL }))
			return 1;
	}
	return 0;
}

/* Is the value v a yes ("yes", "built-in"), not "no", "none" or ""? */
int
dlg_cat_affirmative(const cJSON *v)
{
	const char	*s;

	if (cJSON_IsBool(v))
		return cJSON_IsTrue(v);
	if (cJSON_IsNumber(v))
		return v->valuedouble != 0;
	if (!cJSON_IsString(v) || (s = v->valuestring)[0] == '\0')
		return 0;
	return strcasecmp(s, "no") != 0 && strcasecmp(s, "none") != 0 &&
	    strncasecmp(s, "no ", 3) != 0 && strncasecmp(s, "not ", 4) != 0 &&
	    strcasecmp(s, "false") != 0;
}

/*
 * The number of unit the attribute key = v gives, or -1: the value
 * itself when the key ends with the unit ("battery_mah"), else the first
 * number of its text followed by the unit ("up to 7,500 sq ft"),
 * "unlimited" as no limit.
 */
static double
value_in(const char *key, const cJSON *v, const char *unit)
{
	const struct dlg_cat_unit *u;
	const char	*s, *q;
	size_t		 kl = strlen(key), ul, i;
	double		 d;
	char		*num, *end;

	for (u = dlg_cat_key_units; u->said != NULL; u++) {
		ul = strlen(u->said);
		if (kl >= ul && strcmp(key + kl - ul, u->said) == 0 &&
		    strcmp(u->unit, unit) == 0) {
			if (cJSON_IsNumber(v))
				return v->valuedouble * u->factor;
			if (cJSON_IsString(v) && isdigit((unsigned char)
			    v->valuestring[0]))
				return strtod(v->valuestring, NULL) *
				    u->factor;
		}
	}
	/* "users": "up to 6", 1, "unlimited". */
	if (strcmp(unit, "count") == 0) {
		if (cJSON_IsNumber(v))
			return v->valuedouble;
		if (!cJSON_IsString(v))
			return -1;
		if (strcasestr(v->valuestring, "unlimited") != NULL)
			return 1e9;
		for (q = v->valuestring; *q != '\0' &&
		    !isdigit((unsigned char)*q); q++)
			;
		return *q != '\0' ? strtod(q, NULL) : -1;
	}
	if (!cJSON_IsString(v))
		return -1;
	for (s = v->valuestring; *s != '\0'; s++) {
		if (!isdigit((unsigned char)*s) || (s > v->valuestring &&
		    (isalnum((unsigned char)s[-1]) || s[-1] == '.')))
			continue;
		/* "7,500": the thousands' commas dropped. */
		num = xmalloc(strlen(s) + 1);
		for (i = 0, q = s; isdigit((unsigned char)*q) || *q == '.' ||
		    (*q == ',' && isdigit((unsigned char)q[1])); q++)
			if (*q != ',')
				num[i++] = *q;
		num[i] = '\0';
		d = strtod(num, &end);
		free(num);
		while (*q == ' ')
			q++;
		for (u = dlg_cat_units; u->said != NULL; u++) {
			ul = strlen(u->said);
			if (strncasecmp(q, u->said, ul) == 0 &&
			    !isalpha((unsigned char)q[ul]) &&
			    strcmp(u->unit, unit) == 0)
				return d * u->factor;
		}
	}
	return -1;
}

/* The number p's attributes give for the need (key, unit), or -1. */
double
dlg_cat_value(const cJSON *attrs, const char *key, const char *unit)
{
	return value_in(key, cJSON_GetObjectItemCaseSensitive(attrs, key),
	    unit);
}

/* Does key name its unit by its ending ("battery_mah")? */
int
dlg_cat_unit_key(const char *key)
{
	const struct dlg_cat_unit *u;
	size_t	 kl = strlen(key), ul;

	for (u = dlg_cat_key_units; u->said != NULL; u++)
		if (kl >= (ul = strlen(u->said)) &&
		    strcmp(key + kl - ul, u->said) == 0)
			return 1;
	return 0;
}

/* Does the text v imply feature word w ("amoled": "color")? */
static int
text_implies(const char *v, const char *w)
{
	const struct implied *im;
	size_t	 i;

	for (im = implied; im->word != NULL; im++) {
		if (strcmp(im->word, w) != 0 || strcasestr(v, im->unless) !=
		    NULL)
			continue;
		for (i = 0; im->by[i] != NULL; i++)
			if (dlg_cat_text_has(v, im->by[i], strlen(im->by[i])))
				return 1;
	}
	return 0;
}

/* Does value v (a string, or strings of an array) say word w[0..n)? */
static int
value_says(const cJSON *v, const char *w, size_t n)
{
	const cJSON	*it;

	if (cJSON_IsString(v))
		return dlg_cat_text_has(v->valuestring, w, n) ||
		    text_implies(v->valuestring, w);
	cJSON_ArrayForEach(it, v)
		if (cJSON_IsString(it) && dlg_cat_text_has(it->valuestring,
		    w, n))
			return 1;
	return 0;
}

/* Does a product (attrs, name) have the feature need (key, word)? */
int
dlg_cat_has_feature(const cJSON *attrs, const char *name, const char *key,
    const char *word)
{
	const cJSON	*it;
	size_t		 n = strlen(word);

	/* "GPS" in "Apple Watch Series 9 GPS" says it as well as a "gps"
	 * attribute does. */
	if (strcmp(key, "*") != 0 && dlg_cat_affirmative(
	    cJSON_GetObjectItemCaseSensitive(attrs, key)))
		return 1;
	if (dlg_cat_text_has(name, word, n))
		return 1;
	cJSON_ArrayForEach(it, attrs)
		if (value_says(it, word, n))
			return 1;
	return 0;
}

/* A need's key as words: "battery_hours" -> "battery". */
void
dlg_cat_key_words(const char *key, struct sbuf *out)
{
	const struct dlg_cat_unit *u;
	size_t	 kl = strlen(key), ul, i;

	for (u = dlg_cat_key_units; u->said != NULL; u++)
		if (kl > (ul = strlen(u->said)) && u->said[0] == '_' &&
		    strcmp(key + kl - ul, u->said) == 0) {
			kl -= ul;
			break;
		}
	for (i = 0; i < kl; i++)
		sbuf_addc(out, key[i] == '_' ? ' ' : key[i] == ',' ? '/' :
		    key[i]);
}

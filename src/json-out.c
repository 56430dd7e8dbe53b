/*
 * json-out.c owns printing cJSON values as compact JSON text, the same
 * bytes cJSON_PrintUnformatted of cJSON 1.7.15 gives: the same escapes
 * (the quote, the backslash, \b \f \n \r \t, other bytes below 0x20 as
 * \u00xx, everything else as it is), numbers with %1.15g when that reads
 * back as the same double (within DBL_EPSILON, as cJSON compares) and
 * with %1.17g otherwise, NaN and infinities as null.
 *
 * A turn stores its trace and its dialogue state as JSON text.  cJSON
 * checks each printed number by reading it back with sscanf, and sscanf
 * cost more than the printing; strtod reads the same double for a
 * fraction of it.  tests/test-json-out.c holds the two printers to the
 * same bytes.
 */
#include "config.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "json-out.h"

static void
put_string(struct sbuf *sb, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p, *run;
	char		 esc[6];

	if (s == NULL) {
		sbuf_add(sb, "\"\"", 2);
		return;
	}
	sbuf_addc(sb, '"');
	for (run = p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p >= 0x20 && *p != '"' && *p != '\\')
			continue;
		sbuf_add(sb, run, (size_t)(p - run));
		run = p + 1;
		esc[0] = '\\';
		switch (*p) {
		case '"':
		case '\\':
			esc[1] = (char)*p;
			break;
		case '\b':
			esc[1] = 'b';
			break;
		case '\f':
			esc[1] = 'f';
			break;
		case '\n':
			esc[1] = 'n';
			break;
		case '\r':
			esc[1] = 'r';
			break;
		case '\t':
			esc[1] = 't';
			break;
		default:
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[*p >> 4];
			esc[5] = hex[*p & 15];
			sbuf_add(sb, esc, 6);
			continue;
		}
		sbuf_add(sb, esc, 2);
	}
	sbuf_add(sb, run, (size_t)(p - run));
	sbuf_addc(sb, '"');
}

/* cJSON's test: equal within DBL_EPSILON of the larger magnitude. */
static int
same_double(double a, double b)
{
	double	 m = fabs(a) > fabs(b) ? fabs(a) : fabs(b);

	return fabs(a - b) <= m * DBL_EPSILON;
}

/*
 * A number of at most six decimals, as %1.15g prints it, into buf
 * (length returned), or 0 to print it the long way.  a (0 < a < 1e9,
 * not below 1e-4, where %g turns to exponents) is the double nearest
 * r / 10^k when dividing the two gives it back (r and 10^k are exact,
 * IEEE division rounds once); with at most 15 significant digits that
 * decimal is what %1.15g prints, and strtod reads it back as a.  Most
 * of a trace's numbers are scores rounded to four places.
 */
static int
short_decimal(double d, char *buf)
{
	static const double scale[] = { 1, 10, 100, 1000, 10000, 100000,
	    1000000 };
	double		 a = fabs(d), r;
	unsigned long long n, ip, fp;
	char		 frac[8];
	int		 k, len, i;

	if (!(a >= 1e-4 && a < 1e9))
		return 0;
	for (k = 1; k <= 6; k++) {
		r = nearbyint(a * scale[k]);
		if (r >= 1e15 || r / scale[k] != a)
			continue;
		n = (unsigned long long)r;
		ip = n / (unsigned long long)scale[k];
		fp = n % (unsigned long long)scale[k];
		for (i = k - 1; i >= 0; i--, fp /= 10)
			frac[i] = (char)('0' + fp % 10);
		while (k > 0 && frac[k - 1] == '0')
			k--;
		len = snprintf(buf, 26, "%s%llu", d < 0 ? "-" : "", ip);
		if (k > 0) {
			buf[len++] = '.';
			memcpy(buf + len, frac, (size_t)k);
			len += k;
			buf[len] = '\0';
		}
		return len;
	}
	return 0;
}

static int
put_number(struct sbuf *sb, const cJSON *it, char point)
{
	char	 buf[26], *end;
	double	 d = it->valuedouble, back;
	int	 n, i;

	if (isnan(d) || isinf(d))
		n = snprintf(buf, sizeof buf, "null");
	else if (d == (double)it->valueint && (d != 0 || !signbit(d)))
		/* what %1.15g prints for these, sooner; -0 stays "-0" */
		n = snprintf(buf, sizeof buf, "%d", it->valueint);
	else if ((n = short_decimal(d, buf)) > 0)
		point = '.';
	else {
		n = snprintf(buf, sizeof buf, "%1.15g", d);
		back = strtod(buf, &end);
		if (end == buf || !same_double(back, d))
			n = snprintf(buf, sizeof buf, "%1.17g", d);
	}
	if (n < 0 || n > (int)sizeof buf - 1)
		return -1;
	if (point != '.')
		for (i = 0; i < n; i++)
			if (buf[i] == point)
				buf[i] = '.';
	sbuf_add(sb, buf, (size_t)n);
	return 0;
}

static int
put_value(struct sbuf *sb, const cJSON *it, char point)
{
	const cJSON	*c;

	switch (it->type & 0xff) {
	case cJSON_NULL:
		sbuf_add(sb, "null", 4);
		return 0;
	case cJSON_False:
		sbuf_add(sb, "false", 5);
		return 0;
	case cJSON_True:
		sbuf_add(sb, "true", 4);
		return 0;
	case cJSON_Number:
		return put_number(sb, it, point);
	case cJSON_Raw:
		if (it->valuestring == NULL)
			return -1;
		sbuf_adds(sb, it->valuestring);
		return 0;
	case cJSON_String:
		put_string(sb, it->valuestring);
		return 0;
	case cJSON_Array:
		sbuf_addc(sb, '[');
		for (c = it->child; c != NULL; c = c->next) {
			if (put_value(sb, c, point) != 0)
				return -1;
			if (c->next != NULL)
				sbuf_addc(sb, ',');
		}
		sbuf_addc(sb, ']');
		return 0;
	case cJSON_Object:
		sbuf_addc(sb, '{');
		for (c = it->child; c != NULL; c = c->next) {
			put_string(sb, c->string);
			sbuf_addc(sb, ':');
			if (put_value(sb, c, point) != 0)
				return -1;
			if (c->next != NULL)
				sbuf_addc(sb, ',');
		}
		sbuf_addc(sb, '}');
		return 0;
	default:
		return -1;
	}
}

int
json_out(struct sbuf *sb, const cJSON *item)
{
	size_t		 len = sb->len;
	struct lconv	*lc = localeconv();
	char		 point = lc != NULL && lc->decimal_point != NULL ?
			    lc->decimal_point[0] : '.';

	if (item == NULL || put_value(sb, item, point) != 0) {
		sbuf_setlen(sb, len);
		return -1;
	}
	return 0;
}

char *
json_out_str(const cJSON *item)
{
	struct sbuf	 sb = SBUF_INIT;

	sbuf_grow(&sb, 256);
	if (json_out(&sb, item) != 0) {
		sbuf_release(&sb);
		return NULL;
	}
	return sbuf_detach(&sb, NULL);
}

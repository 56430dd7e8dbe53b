/*
 * catalog-attr.c owns reading one attribute of a product's attributes
 * (the JSON object text of products.attrs) as the text replies show.
 * A turn asks a few keys of each of dozens of products; building the
 * whole tree for each question was a sixth of a recommendation's
 * instructions, so a strict scanner finds the key's value in the text
 * and only that value is parsed.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "sbuf.h"

/*
 * The scanner accepts a subset of what cJSON accepts: RFC 8259
 * whitespace and numbers, the escapes cJSON always takes (none in
 * keys), nesting to ATTR_DEPTH.  On anything else catalog_attr parses
 * the whole text as before, so both paths give the same answer for
 * every text.
 */
#define ATTR_DEPTH	16

static const char *
attr_ws(const char *s)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	return s;
}

/*
 * Past the string at s ('"'), or NULL on a control byte or an escape
 * other than \" \\ \/ \b \f \n \r \t (cJSON may refuse a \u one).
 * *esc is set when it holds an escape.
 */
static const char *
attr_string(const char *s, int *esc)
{
	*esc = 0;
	for (s++; *s != '"'; s++) {
		if ((unsigned char)*s < 0x20)
			return NULL;
		if (*s == '\\') {
			if (strchr("\"\\/bfnrt", *++s) == NULL || *s == '\0')
				return NULL;
			*esc = 1;
		}
	}
	return s + 1;
}

static const char *
attr_digits(const char *s)
{
	const char	*b = s;

	while (isdigit((unsigned char)*s))
		s++;
	return s > b ? s : NULL;
}

/* Past the RFC 8259 number at s, or NULL. */
static const char *
attr_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if ((s = attr_digits(s)) == NULL)
		return NULL;
	if (*s == '.' && (s = attr_digits(s + 1)) == NULL)
		return NULL;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if ((s = attr_digits(s)) == NULL)
			return NULL;
	}
	return s;
}

/*
 * Past the value at s (whitespace skipped before it).  In an object at
 * depth 0, the first value of key goes to *v0, *v1.  NULL when the
 * scanner does not accept the text.
 */
static const char *
attr_value(const char *s, int depth, const char *key, const char **v0,
    const char **v1)
{
	static const char *const lit[] = { "true", "false", "null" };
	const char	*k;
	size_t		 i;
	int		 obj = *s == '{', esc, match;

	if (*s == '"')
		return attr_string(s, &esc);
	if (*s == '-' || isdigit((unsigned char)*s))
		return attr_number(s);
	for (i = 0; i < sizeof lit / sizeof lit[0]; i++)
		if (strncmp(s, lit[i], strlen(lit[i])) == 0)
			return s + strlen(lit[i]);
	if ((*s != '{' && *s != '[') || depth >= ATTR_DEPTH)
		return NULL;
	s = attr_ws(s + 1);
	if (*s == (obj ? '}' : ']'))
		return s + 1;
	for (;;) {
		if (obj) {
			/* A key with an escape is compared unescaped:
			 * left to cJSON. */
			if (*s != '"' || (k = attr_string(s, &esc)) == NULL ||
			    esc)
				return NULL;
			match = depth == 0 && *v0 == NULL &&
			    (size_t)(k - s - 2) == strlen(key) &&
			    memcmp(s + 1, key, (size_t)(k - s - 2)) == 0;
			if (*(s = attr_ws(k)) != ':')
				return NULL;
			s = attr_ws(s + 1);
			if (match)
				*v0 = s;
		}
		k = s;
		if ((s = attr_value(s, depth + 1, key, v0, v1)) == NULL)
			return NULL;
		if (depth == 0 && *v0 == k)
			*v1 = s;
		s = attr_ws(s);
		if (*s == (obj ? '}' : ']'))
			return s + 1;
		if (*s != ',')
			return NULL;
		s = attr_ws(s + 1);
	}
}

/* An attribute's value as text: strings, numbers, yes/no, lists. */
static char *
attr_text(const cJSON *it)
{
	char	*v = NULL;

	if (cJSON_IsString(it))
		v = xstrdup(it->valuestring);
	else if (cJSON_IsNumber(it)) {
		if (it->valuedouble == floor(it->valuedouble) &&
		    fabs(it->valuedouble) < 1e15)
			v = xasprintf("%.0f", it->valuedouble);
		else
			v = xasprintf("%g", it->valuedouble);
	} else if (cJSON_IsBool(it))
		v = xstrdup(cJSON_IsTrue(it) ? "yes" : "no");
	else if (cJSON_IsArray(it)) {
		struct sbuf sb = SBUF_INIT;
		cJSON *e;

		cJSON_ArrayForEach(e, it) {
			if (!cJSON_IsString(e))
				continue;
			if (sb.len > 0)
				sbuf_adds(&sb, ", ");
			sbuf_adds(&sb, e->valuestring);
		}
		v = sbuf_detach(&sb, NULL);
	}
	return v;
}

char *
catalog_attr(const struct product *p, const char *key)
{
	cJSON		*root = NULL, *it;
	const char	*s, *v0 = NULL, *v1 = NULL;
	char		*v = NULL;

	if (p->attrs == NULL)
		return NULL;
	s = attr_ws(p->attrs);
	if (*s == '{' && attr_value(s, 0, key, &v0, &v1) != NULL) {
		/* The value alone goes through cJSON: the same text out. */
		if (v0 != NULL && (root = cJSON_ParseWithLength(v0,
		    (size_t)(v1 - v0))) != NULL)
			v = attr_text(root);
		cJSON_Delete(root);
		return v;
	}
	if ((root = cJSON_Parse(p->attrs)) == NULL)
		return NULL;
	if ((it = cJSON_GetObjectItemCaseSensitive(root, key)) != NULL)
		v = attr_text(it);
	cJSON_Delete(root);
	return v;
}


/*
 * dlg-catmeet.c: products against the needs dlg-catneed.c reads into
 * filters.require.attr: whether one meets them, how far it falls short
 * (the nearest when none does), the order that puts first those that say
 * a word asked for, and the needs and the value meeting them as a reply
 * says them.
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

/* The number p gives for need o (key "users,devices": any of them). */
static double
need_value(const cJSON *attrs, const cJSON *o)
{
	const char	*key = dlg_jstr(o, "key"), *unit = dlg_jstr(o, "unit");
	char		*keys, *k, *save = NULL;
	double		 d, best = -1;

	if (key == NULL || unit == NULL)
		return -1;
	keys = xstrdup(key);
	for (k = strtok_r(keys, ",", &save); k != NULL;
	    k = strtok_r(NULL, ",", &save))
		if ((d = dlg_cat_value(attrs, k, unit)) > best)
			best = d;
	free(keys);
	return best;
}

int
dlg_catneeds_meets(const cJSON *req, const struct product *p)
{
	const cJSON	*arr = cJSON_GetObjectItemCaseSensitive(req, "attr");
	const cJSON	*o;
	cJSON		*attrs;
	double		 d;
	int		 ok = 1;

	if (cJSON_GetArraySize(arr) == 0)
		return 1;
	if ((attrs = cJSON_Parse(p->attrs != NULL ? p->attrs : "{}")) ==
	    NULL)
		attrs = cJSON_CreateObject();
	cJSON_ArrayForEach(o, arr) {
		if (!ok)
			break;
		/* A word only some values say ("wireless", "colour") may be
		 * said by the others in their own terms ("Bluetooth"): it
		 * orders the list (dlg_catneeds_rank), it does not cut it. */
		if (dlg_jstr(o, "has") != NULL) {
			ok = dlg_jstr(o, "key") != NULL && (strcmp(dlg_jstr(o,
			    "key"), "*") == 0 || dlg_cat_has_feature(attrs,
			    p->name, dlg_jstr(o, "key"), dlg_jstr(o, "has")));
			continue;
		}
		d = need_value(attrs, o);
		if (cJSON_GetObjectItemCaseSensitive(o, "min") != NULL)
			ok = d >= 0 && d >= dlg_jnum(o, "min", 0);
		if (ok && cJSON_GetObjectItemCaseSensitive(o, "max") != NULL)
			ok = d >= 0 && d <= dlg_jnum(o, "max", 0);
	}
	cJSON_Delete(attrs);
	return ok;
}

/* A need's number in its unit's words: "3,000 sq ft", "2 days". */
static void
amount_words(double v, const char *unit, struct sbuf *out)
{
	if (strcmp(unit, "hours") == 0 && v >= 48 && fmod(v, 24) == 0)
		sbuf_addf(out, "%g days", v / 24);
	else if (strcmp(unit, "gb") == 0 && v >= 1024)
		sbuf_addf(out, "%g TB", v / 1024);
	else if (strcmp(unit, "count") == 0)
		sbuf_addf(out, "%g", v);
	else if (strcmp(unit, "sqft") == 0)
		sbuf_addf(out, "%g sq ft", v);
	else if (strcmp(unit, "w") == 0 || strcmp(unit, "mah") == 0 ||
	    strcmp(unit, "gb") == 0 || strcmp(unit, "mp") == 0 ||
	    strcmp(unit, "wh") == 0)
		sbuf_addf(out, "%g %s", v, strcmp(unit, "mah") == 0 ? "mAh" :
		    strcmp(unit, "w") == 0 ? "W" : strcmp(unit, "gb") == 0 ?
		    "GB" : strcmp(unit, "mp") == 0 ? "MP" : "Wh");
	else
		sbuf_addf(out, "%g %s", v, unit);
}

void
dlg_catneeds_words(cJSON *f, struct sbuf *crit)
{
	cJSON	*req = cJSON_GetObjectItemCaseSensitive(f, "require"), *o;
	const char *said, *unit;
	int	 max;

	cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(req, "attr")) {
		if (dlg_jstr(o, "key") == NULL)
			continue;
		sbuf_adds(crit, crit->len ? ", " : "");
		if (dlg_jstr(o, "has") != NULL) {
			if (strcmp(dlg_jstr(o, "key"), "*") == 0)
				sbuf_addf(crit, "%s ones first",
				    dlg_jstr(o, "has"));
			else {
				sbuf_adds(crit, "with ");
				dlg_cat_key_words(dlg_jstr(o, "key"), crit);
			}
			continue;
		}
		max = cJSON_GetObjectItemCaseSensitive(o, "max") != NULL;
		said = dlg_jstr(o, "said");
		unit = dlg_jstr(o, "unit") != NULL ? dlg_jstr(o, "unit") : "";
		if (strcmp(unit, "count") == 0) {
			sbuf_addf(crit, "for %g or more people",
			    dlg_jnum(o, "min", 0));
			continue;
		}
		/* "45 w or more": several keys carry it, none named. */
		if (strchr(dlg_jstr(o, "key"), ',') == NULL)
			dlg_cat_key_words(dlg_jstr(o, "key"), crit);
		if (said != NULL && !isdigit((unsigned char)said[0])) {
			sbuf_addf(crit, " that lasts %s", said);
			continue;
		}
		sbuf_adds(crit, max ? " up to " : strchr(dlg_jstr(o, "key"),
		    ',') == NULL ? " " : "");
		if (said != NULL)
			sbuf_adds(crit, said);
		else
			amount_words(dlg_jnum(o, max ? "max" : "min", 0),
			    unit, crit);
		if (!max && (said == NULL || strchr(said, '+') == NULL))
			sbuf_adds(crit, " or more");
	}
}

/* What p says of a figure another table read ("15 hours or more":
 * its battery life), or NULL. */
static char *
other_value(const cJSON *req, const struct product *p)
{
	static const struct { const char *need, *key, *words; } other[] = {
		{ "min_hours", "battery_life", "battery life" },
		{ "min_hz", "refresh_hz", "a refresh rate of" },
		{ NULL, NULL, NULL } };
	struct sbuf	 sb = SBUF_INIT;
	char		*v;
	size_t		 i;

	for (i = 0; other[i].need != NULL; i++)
		if (cJSON_GetObjectItemCaseSensitive(req, other[i].need) !=
		    NULL && (v = catalog_attr(p, other[i].key)) != NULL) {
			sbuf_addf(&sb, "%s %s%s", other[i].words, v,
			    strcmp(other[i].key, "refresh_hz") == 0 ? " Hz" :
			    "");
			free(v);
			return sbuf_detach(&sb, NULL);
		}
	return NULL;
}

/* What p's attributes say of the first need of filters f, as words for
 * a reply ("coverage up to 6,500 sq ft"); NULL when none.  Caller
 * frees. */
char *
dlg_catneeds_value(cJSON *f, const struct product *p)
{
	cJSON	*o;
	struct sbuf sb = SBUF_INIT;
	char	*keys, *k, *save = NULL, *v;

	/* The first need of a named attribute ("gps", not any word). */
	for (o = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(f, "require"), "attr"), 0);
	    o != NULL && dlg_jstr(o, "key") != NULL &&
	    strcmp(dlg_jstr(o, "key"), "*") == 0; o = o->next)
		;
	if (o == NULL || dlg_jstr(o, "key") == NULL)
		return other_value(cJSON_GetObjectItemCaseSensitive(f,
		    "require"), p);
	keys = xstrdup(dlg_jstr(o, "key"));
	for (k = strtok_r(keys, ",", &save); k != NULL && sb.len == 0;
	    k = strtok_r(NULL, ",", &save))
		if ((v = catalog_attr(p, k)) != NULL) {
			dlg_cat_key_words(k, &sb);
			sbuf_addf(&sb, " %s", v);
			if (dlg_cat_unit_key(k) && strcmp(dlg_jstr(o, "unit"),
			    "count") != 0)
				sbuf_addf(&sb, " %s", dlg_jstr(o, "unit"));
			free(v);
		}
	free(keys);
	if (sb.len == 0) {
		sbuf_release(&sb);
		return NULL;
	}
	return sbuf_detach(&sb, NULL);
}

/* How far p is from the figures of req.attr: for each need it misses,
 * the share of the figure it lacks (1 when it states none). */
double
dlg_catneeds_gap(const cJSON *req, const struct product *p)
{
	const cJSON	*o;
	cJSON		*attrs;
	double		 d, want, gap = 0;

	if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(req,
	    "attr")) == 0)
		return 0;
	if ((attrs = cJSON_Parse(p->attrs != NULL ? p->attrs : "{}")) ==
	    NULL)
		return 0;
	cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(req, "attr")) {
		if (dlg_jstr(o, "has") != NULL)
			continue;
		d = need_value(attrs, o);
		if ((want = dlg_jnum(o, "min", -1)) > 0 && d < want)
			gap += d < 0 ? 1 : (want - d) / want;
		if ((want = dlg_jnum(o, "max", -1)) > 0 && (d < 0 || d > want))
			gap += d < 0 ? 1 : fmin(1, (d - want) / want);
	}
	cJSON_Delete(attrs);
	return gap;
}

/* How many of the word needs of req p's attributes or name say. */
static int
words_said(const cJSON *req, const struct product *p)
{
	const cJSON	*o;
	cJSON		*attrs;
	int		 n = 0;

	if ((attrs = cJSON_Parse(p->attrs != NULL ? p->attrs : "{}")) ==
	    NULL)
		return 0;
	cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(req, "attr"))
		if (dlg_jstr(o, "has") != NULL && dlg_jstr(o, "key") != NULL &&
		    strcmp(dlg_jstr(o, "key"), "*") == 0)
			n += dlg_cat_has_feature(attrs, p->name, "*",
			    dlg_jstr(o, "has"));
	cJSON_Delete(attrs);
	return n;
}

void
dlg_catneeds_rank(const cJSON *req, struct product *v, size_t n)
{
	struct product	 tmp;
	int		*said;
	size_t		 i, j;
	int		 ts;

	if (n < 2 || cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(req,
	    "attr")) == 0)
		return;
	said = xmalloc(n * sizeof *said);
	for (i = 0; i < n; i++)
		said[i] = words_said(req, &v[i]);
	for (i = 1; i < n; i++)		/* insertion sort: stable */
		for (j = i; j > 0 && said[j] > said[j - 1]; j--) {
			tmp = v[j];
			v[j] = v[j - 1];
			v[j - 1] = tmp;
			ts = said[j];
			said[j] = said[j - 1];
			said[j - 1] = ts;
		}
	free(said);
}

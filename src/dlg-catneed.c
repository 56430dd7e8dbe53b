/*
 * dlg-catneed.c: needs said in the customer's own words, read against
 * the catalog's own attributes of the kind shopped for rather than a
 * list of phrases, into filters.require.attr (an array of needs
 * {key, unit, min | max | has}; dlg-catmeet.c tests products against
 * them):
 *
 *	a number with its unit	"3000 sq ft", "over 60w", "5000 mah", "4tb":
 *				the attribute whose values carry that unit
 *				(a key's suffix, "battery_mah", or the value's
 *				text, "up to 7,500 sq ft") and whose range
 *				holds the number
 *	a number alone		"a mesh that does 3000+", "covers 4000": the
 *				one attribute of the kind whose values are of
 *				that size
 *	a duration		"battery for days", "lasts a week", "all
 *				day": a floor on the kind's hours attribute
 *	a head count		"we are 4 at home", "for 6 people": a floor
 *				on the kind's users or devices
 *	a feature word		"gps", "mops too", "laptops with oled":
 *				read in dlg-catfeat.c
 *
 * Words come from the products, so a need word no table lists still
 * finds its attribute.  A product whose attributes say nothing of a
 * figure or key asked for is never offered for it.  The needs of other
 * tables (dlg-needs.c, dlg-specneed.c, dlg-state.c) win where both read
 * the same words.  Only words said as a need are read ("one with gps",
 * not "which has the longest battery?", a question over the list).
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
#include "dlg-catneed.h"

/* Words before a number that make it a ceiling or a floor. */
static const char *const ceiling[] = { "under", "below", "less than",
	"at most", "max", "maximum", "up to", "no more than", "lighter than",
	"smaller than", "not more than", "within", NULL };
static const char *const floor_cue[] = { "over", "above", "more than",
	"at least", "min", "minimum", "bigger than", "larger than",
	"longer than", "greater than", "does", "covers", "cover",
	"covering", NULL };

/* Words that count people: "we are 4", "for 6 people". */
static const char *const persons[] = { "people", "persons", "person",
	"users", "of us", "family", "members", "we are", "we're", "were",
	"kids", "devices", "computers", "pcs", "everyone", NULL };

/* Attributes that count who or what a licence covers. */
static const char *const count_keys[] = { "users", "devices", NULL };

static void
kindset_free(struct kindset *ks)
{
	free(ks->attrs);
	free(ks->names);
	free(ks->subs);
	cJSON_Delete(ks->empty);
	sbuf_release(&ks->kinds);
	memset(ks, 0, sizeof *ks);
}

/* Load the products of category cat (at most 60, best rated first). */
static int
kindset_load(struct tctx *t, const char *cat, struct kindset *ks)
{
	struct catalog_kind k;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 i;

	memset(ks, 0, sizeof *ks);
	sbuf_init(&ks->kinds);
	dlg_retrieve_begin(t);
	if (catalog_kind(t->st, cat, 60, &k, &err) != SD_OK)
		k.n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	ks->attrs = xmalloc((k.n + 1) * sizeof *ks->attrs);
	ks->names = xmalloc((k.n + 1) * sizeof *ks->names);
	ks->subs = xmalloc((k.n + 1) * sizeof *ks->subs);
	ks->empty = cJSON_CreateObject();
	for (i = 0; i < k.n; i++) {
		ks->attrs[i] = k.attrs[i] != NULL ? k.attrs[i] : ks->empty;
		ks->names[i] = k.v[i].name;
		ks->subs[i] = k.v[i].subcategory;
		sbuf_addf(&ks->kinds, " %s %s ", k.v[i].category,
		    k.v[i].subcategory);
	}
	ks->n = k.n;
	return k.n > 0;
}

/* How many of the kind's products have (key, unit), and their range. */
static size_t
key_range(const struct kindset *ks, const char *key, const char *unit,
    double *lo, double *hi)
{
	size_t	 i, n = 0;
	double	 d;

	*lo = INFINITY;
	*hi = -INFINITY;
	for (i = 0; i < ks->n; i++)
		if ((d = dlg_cat_value(ks->attrs[i], key, unit)) >= 0) {
			n++;
			*lo = fmin(*lo, d);
			*hi = fmax(*hi, d);
		}
	return n;
}

/* Set need {key, unit, min|max: v} in req.attr, replacing one of the
 * same key and bound. */
static void
need_set(cJSON *req, const char *key, const char *unit, const char *bound,
    double v, const char *said)
{
	cJSON	*arr = cJSON_GetObjectItemCaseSensitive(req, "attr"), *it, *o;

	if (!cJSON_IsArray(arr))
		arr = cJSON_AddArrayToObject(req, "attr");
	cJSON_ArrayForEach(it, arr)
		if (dlg_jstr(it, "key") != NULL && strcmp(dlg_jstr(it, "key"),
		    key) == 0 && cJSON_GetObjectItemCaseSensitive(it,
		    bound) != NULL) {
			dlg_jset_num(it, bound, v);
			dlg_jset_str(it, "said", said);
			return;
		}
	o = cJSON_CreateObject();
	dlg_jset_str(o, "key", key);
	dlg_jset_str(o, "unit", unit);
	dlg_jset_num(o, bound, v);
	/* The customer's own words name it in replies: a figure the
	 * product does not state ("2 days") would read as its claim. */
	dlg_jset_str(o, "said", said);
	cJSON_AddItemToArray(arr, o);
}

/* Does a table of dlg-needs.c or dlg-specneed.c already read key?  A
 * size said with a bound ("bigger than 70 inches") is read here. */
static int
read_elsewhere(const cJSON *req, const char *key, int bound)
{
	static const struct { const char *key, *need; } owned[] = {
		{ "ram_gb", "min_ram_gb" }, { "storage", "min_storage_gb" },
		{ "capacity", "min_storage_gb" },
		{ "refresh_hz", "min_hz" }, { "battery_hours", "min_hours" },
		{ "battery_life", "min_hours" }, { "weight_kg", "max_kg" },
		{ "weight_kg", "light" }, { "screen_size_in", "screen_in" },
		{ NULL, NULL } };
	size_t	 i;

	if (bound && strcmp(key, "screen_size_in") == 0)
		return 0;
	for (i = 0; owned[i].key != NULL; i++)
		if (strcmp(owned[i].key, key) == 0 &&
		    cJSON_GetObjectItemCaseSensitive(req,
		    owned[i].need) != NULL)
			return 1;
	return 0;
}

/* The keys of the kind's products, each once. */
static cJSON *
kind_keys(const struct kindset *ks)
{
	cJSON	*keys = cJSON_CreateObject(), *it;
	size_t	 i;

	for (i = 0; i < ks->n; i++)
		cJSON_ArrayForEach(it, ks->attrs[i])
			if (cJSON_GetObjectItemCaseSensitive(keys,
			    it->string) == NULL)
				cJSON_AddTrueToObject(keys, it->string);
	return keys;
}

/* Is offset at of the text inside an entity of type ty? */
int
dlg_catneed_in_entity(struct tctx *t, size_t at, enum entity_type ty)
{
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == ty && at >= t->e->el.v[i].start &&
		    at < t->e->el.v[i].end)
			return 1;
	return 0;
}

/* Does a word of the message name a word of key ("battery" of
 * "battery_hours", "covers" of "coverage")? */
int
dlg_catneed_key_named(const char *s, const char *key)
{
	size_t	 b, e, kb, ke;

	for (b = 0; s[b] != '\0'; b = e) {
		while (s[b] != '\0' && !isalpha((unsigned char)s[b]))
			b++;
		for (e = b; isalpha((unsigned char)s[e]); e++)
			;
		if (e - b < 3)
			continue;
		for (kb = 0; key[kb] != '\0'; kb = ke) {
			while (key[kb] == '_')
				kb++;
			for (ke = kb; key[ke] != '\0' && key[ke] != '_'; ke++)
				;
			if (ke - kb >= 3 && dlg_cat_same_stem(s + b, e - b,
			    key + kb, ke - kb))
				return 1;
		}
	}
	return 0;
}

/* Is u the first entry of dlg_cat_units[] with its unit (each tried once)? */
static int
first_of_unit(const struct dlg_cat_unit *u)
{
	const struct dlg_cat_unit *w;

	for (w = dlg_cat_units; w != u; w++)
		if (strcmp(w->unit, u->unit) == 0)
			return 0;
	return 1;
}

/* The keys of the kind whose values carry unit around v, joined by
 * commas ("output,power"); caller frees. */
static char *
any_key(const struct kindset *ks, const cJSON *keys, const cJSON *req,
    double v, const char *unit, int bound)
{
	struct sbuf	 sb = SBUF_INIT;
	const cJSON	*k;
	double		 lo, hi;

	cJSON_ArrayForEach(k, keys)
		if (!read_elsewhere(req, k->string, bound) &&
		    key_range(ks, k->string, unit, &lo, &hi) >= 2 &&
		    v >= lo / 4 && v <= hi * 1.5)
			sbuf_addf(&sb, "%s%s", sb.len ? "," : "", k->string);
	return sbuf_detach(&sb, NULL);
}

/*
 * A number v said at offset b of the text with its unit (NULL: none):
 * the need of the attribute it means.  With a unit, the attributes
 * whose values carry it; alone, those whose values carry any unit; of
 * them, those whose range holds v (a key naming its unit first:
 * "battery_hours" over the text of "battery_life").  One left, or the
 * one a word of the message names ("16gb ram"), takes the need.
 */
static void
number_need(struct tctx *t, const struct kindset *ks, const cJSON *keys,
    cJSON *req, double v, const char *unit, size_t b, size_t e, int plus,
    int frame)
{
	const char	*s = t->text;
	const cJSON	*k;
	const struct dlg_cat_unit *u;
	const char	*pick = NULL, *pick_unit = NULL, *cand;
	char		*said, *joined = NULL;
	double		 lo, hi;
	size_t		 nk = 0, named = 0;
	int		 ceil_said = dlg_cat_phrase_before(s, b, ceiling);
	int		 floor_said = plus || dlg_cat_phrase_before(s, b,
	    floor_cue);
	int		 pass;

	/* A number is a need only said as a bound ("3000+", "covers
	 * 4000") or, with its unit, as a need ("one with 5000 mah"): "we
	 * are 4", "the 2 of them" and "2tb?" (the variant) are not. */
	if (!floor_said && !ceil_said && (unit == NULL || !frame))
		return;
	for (pass = 0; pass < 2 && pick == NULL; pass++)
		cJSON_ArrayForEach(k, keys) {
			if (dlg_cat_unit_key(k->string) != (pass == 0))
				continue;
			for (u = dlg_cat_units; u->said != NULL; u++) {
				cand = unit != NULL ? unit : u->unit;
				if ((unit == NULL && !first_of_unit(u)) ||
				    key_range(ks, k->string, cand, &lo,
				    &hi) < 2 || v < lo / 4 || v > hi * 1.5) {
					if (unit != NULL)
						break;
					continue;
				}
				/* "32gb ram" is dlg-needs.c's: the number
				 * is taken, not another key's. */
				if (read_elsewhere(req, k->string,
				    floor_said || ceil_said))
					return;
				nk++;
				if (dlg_catneed_key_named(s, k->string)) {
					named++;
					pick = k->string;
					pick_unit = cand;
				} else if (named == 0) {
					pick = k->string;
					pick_unit = cand;
				}
				break;
			}
		}
	if (pick == NULL)
		return;
	/* "45 w" where a charger states its output, a cable its power and
	 * a hub what it feeds: any of them that says so. */
	if (nk > 1 && named != 1) {
		if (unit == NULL)
			return;
		joined = any_key(ks, keys, req, v, unit, floor_said ||
		    ceil_said);
		pick = joined;
	}
	/* "Under 1 kg", and a weight said alone ("a 1 kg laptop"). */
	said = xmalloc(e - b + 1);
	memcpy(said, s + b, e - b);
	said[e - b] = '\0';
	need_set(req, pick, pick_unit, ceil_said || (!floor_said &&
	    strcmp(pick_unit, "kg") == 0) ? "max" : "min", v, said);
	free(said);
	free(joined);
	/* "Bigger than 70 inches" is a floor, not a size. */
	if (strcmp(pick, "screen_size_in") == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(req, "screen_in");
}

/* The unit said at s (after the number and spaces), or NULL; *len its
 * length. */
static const struct dlg_cat_unit *
unit_at(const char *s, size_t *len)
{
	const struct dlg_cat_unit *u;
	size_t	 ul;

	for (u = dlg_cat_units; u->said != NULL; u++) {
		ul = strlen(u->said);
		if (strncasecmp(s, u->said, ul) == 0 &&
		    !isalnum((unsigned char)s[ul])) {
			*len = ul;
			return u;
		}
	}
	return NULL;
}

/* The numbers of the message with their units, each to number_need;
 * not a price, a model number ("ps5") or a product's name. */
static void
numbers_read(struct tctx *t, const struct kindset *ks, const cJSON *keys,
    cJSON *req, int frame)
{
	const char	*s = t->text;
	const struct dlg_cat_unit *u;
	size_t		 b, e, ul = 0, i;
	double		 v;
	char		*num;
	int		 plus, sp;

	for (b = 0; s[b] != '\0'; b = e) {
		for (e = b + 1; isdigit((unsigned char)s[b]) &&
		    (isdigit((unsigned char)s[e]) || (s[e] == ',' &&
		    isdigit((unsigned char)s[e + 1])) || (s[e] == '.' &&
		    isdigit((unsigned char)s[e + 1]))); e++)
			;
		if (!isdigit((unsigned char)s[b]) || (b > 0 &&
		    (isalpha((unsigned char)s[b - 1]) || s[b - 1] == '$' ||
		    s[b - 1] == '#' || s[b - 1] == '.')) ||
		    dlg_catneed_in_entity(t, b, ENTITY_PRICE) ||
		    dlg_catneed_in_entity(t, b, ENTITY_PRODUCT) ||
		    dlg_catneed_in_entity(t, b, ENTITY_ORDER_ID))
			continue;
		num = xmalloc(e - b + 1);
		for (i = 0; b + i < e; i++)
			num[i] = s[b + i] == ',' ? ' ' : s[b + i];
		num[i] = '\0';
		for (i = 0; num[i] != '\0'; i++)	/* "7,500" */
			if (num[i] == ' ')
				memmove(num + i, num + i + 1, strlen(num + i));
		v = strtod(num, NULL);
		free(num);
		/* "3k sq ft", "3k+": thousands; "4k" alone is a resolution. */
		if ((s[e] == 'k' || s[e] == 'K') && (s[e + 1] == '+' ||
		    unit_at(s + e + 1 + (s[e + 1] == ' '), &ul) != NULL)) {
			v *= 1000;
			e++;
		}
		if (isalpha((unsigned char)s[e]) && unit_at(s + e, &ul) ==
		    NULL)
			continue;	/* "5g", "4k", "m2": not a unit said */
		plus = s[e] == '+';
		sp = s[e + plus] == ' ';
		u = unit_at(s + e + plus + sp, &ul);
		if (u == NULL && plus == 0 && s[e] == ' ' &&
		    strncasecmp(s + e + 1, "or more", 7) == 0)
			plus = 1;
		number_need(t, ks, keys, req, v * (u != NULL ? u->factor : 1),
		    u != NULL ? u->unit : NULL, b, u != NULL ? e + plus + sp +
		    ul : e + (s[e] == '+'), plus, frame);
	}
}

/* "Battery for days", "lasts a week", "all day": hours the kind's
 * battery must reach, when the kind states its hours. */
static void
duration_read(struct tctx *t, const cJSON *keys, cJSON *req)
{
	static const char *const battery[] = { "battery", "charge",
	    "charging", "last", "lasts", "lasting", "runtime", "juice",
	    "runs", NULL };
	static const char *const week[] = { "a week", "all week", "weeks",
	    "whole week", "full week", NULL };
	static const char *const days[] = { "for days", "multi-day",
	    "multiday", "multi day", "several days", "few days",
	    "couple of days", "days on end", "days and days", NULL };
	static const char *const day[] = { "all day", "full day",
	    "whole day", "a day", "all-day", "workday", "work day", NULL };
	const cJSON	*k;
	const char	*said = NULL;
	double		 hours = -1;

	if (!dlg_has_any(t, battery))
		return;
	if (dlg_has_any(t, week)) {
		hours = 168;
		said = "a week";
	} else if (dlg_has_any(t, days)) {
		hours = 48;
		said = "for days";
	} else if (dlg_has_any(t, day)) {
		hours = 10;
		said = "all day";
	}
	if (hours < 0 || cJSON_GetObjectItemCaseSensitive(req,
	    "min_hours") != NULL)
		return;
	cJSON_ArrayForEach(k, keys)
		if (strcmp(k->string, "battery_hours") == 0) {
			need_set(req, k->string, "hours", "min", hours,
			    said);
			return;
		}
}

/* "We are 4 at home", "for 6 people", "3 devices": a floor on the
 * users or devices a licence covers, when the kind states them. */
static void
count_read(struct tctx *t, const struct kindset *ks, const cJSON *keys,
    cJSON *req)
{
	static const char *const numerals[] = { "zero", "one", "two",
	    "three", "four", "five", "six", "seven", "eight", "nine", "ten",
	    NULL };
	const char	*s = t->text;
	struct sbuf	 which = SBUF_INIT;
	const char *const *c, *const *p;
	size_t		 b, e, i, pl;
	double		 lo, hi, v = -1;

	for (b = 0; s[b] != '\0' && v < 0; b = e) {
		while (s[b] != '\0' && !isalnum((unsigned char)s[b]))
			b++;
		for (e = b; isalnum((unsigned char)s[e]); e++)
			;
		if (e == b)
			break;
		double n = -1;

		if (isdigit((unsigned char)s[b]) && e - b <= 2 &&
		    !dlg_catneed_in_entity(t, b, ENTITY_PRICE))
			n = strtod(s + b, NULL);
		for (i = 0; numerals[i] != NULL && n < 0; i++)
			if (strlen(numerals[i]) == e - b &&
			    strncasecmp(s + b, numerals[i], e - b) == 0)
				n = (double)i;
		if (n < 2)
			continue;
		/* "4 people", "4 of us"; "we are 4", "family of 4". */
		for (p = persons; *p != NULL && v < 0; p++) {
			pl = strlen(*p);
			if (strncasecmp(s + e + (s[e] == ' '), *p, pl) == 0 ||
			    dlg_cat_phrase_before(s, b,
			    (const char *const[]){ *p, NULL }) ||
			    (dlg_cat_phrase_before(s, b,
			    (const char *const[]){ "of", NULL }) &&
			    strcmp(*p, "family") == 0 && b >= 10 &&
			    strncasecmp(s + b - 10, "family of", 9) == 0))
				v = n;
		}
	}
	if (v < 0)
		return;
	for (c = count_keys; *c != NULL; c++)
		if (cJSON_GetObjectItemCaseSensitive(keys, *c) != NULL &&
		    key_range(ks, *c, "count", &lo, &hi) >= 2)
			sbuf_addf(&which, "%s%s", which.len ? "," : "", *c);
	if (which.len > 0)
		need_set(req, which.buf, "count", "min", v, NULL);
	sbuf_release(&which);
}

/*
 * Is the message said as a need (1), a question (-1) or neither (0) ("one with gps", "i want ... + gps",
 * "one that mops too"), not a question about the list or the product in
 * focus ("which has the longest battery", "battery?", "do i need a
 * hub")?  Those are dlg-rank.c's, dlg-members.c's and dlg-specs.c's.
 */
static int
need_frame(struct tctx *t)
{
	static const char *const frame[] = { "with", "one that",
	    "ones that", "something that", "anything that", "that has",
	    "that have", "that does", "that do", "that can", "that works",
	    "that lasts", "that covers", "need", "needs", "want", "wanna",
	    "must", "has to", "have to", "too", "looking for", "prefer",
	    "i'd like", "id like", "would like", NULL };
	static const char *const asks[] = { "which", "what", "whats",
	    "what's", "how", "when", "why", "where", "does it", "do i",
	    "is it", "is there", "are they", "do they", "will it", "can it",
	    "can i", "does the", "do the", "is the", "is that", "does that",
	    "do those", "did", "the one with", "the ones with",
	    "the one that", "the ones that", "that one", "do both",
	    "do either", "does either", "do any", "does any", "any of",
	    NULL };
	/* "Do both of those cover that?": a question begins so. */
	static const char *const aux[] = { "do", "does", "is", "are", "can",
	    "will", "would", "could", "has", "have", "did", NULL };
	size_t	 b = 0, e;

	while (t->text[b] != '\0' && !isalpha((unsigned char)t->text[b]))
		b++;
	for (e = b; isalpha((unsigned char)t->text[e]); e++)
		;
	if (strchr(t->text, '?') != NULL && dlg_cat_word_in_list(t->text, b,
	    e, aux))
		return 0;
	if (dlg_has_any(t, asks))
		return -1;	/* a question over the list or the focus */
	return dlg_has_any(t, frame) || strchr(t->text, '+') != NULL;
}

char *
dlg_catneeds_kind(struct tctx *t, cJSON *f)
{
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	struct product	 p;
	char		*k = NULL;

	if (cat != NULL && cat->category != NULL)
		return xstrdup(cat->category);
	if (f != NULL && dlg_jstr(f, "category") != NULL)
		return xstrdup(dlg_jstr(f, "category"));
	if (dlg_jstr(dlg_jobj(t->state, "filters"), "category") != NULL)
		return xstrdup(dlg_jstr(dlg_jobj(t->state, "filters"),
		    "category"));
	/* "We are 4 at home" about the product in focus: its kind. */
	memset(&p, 0, sizeof p);
	if (dlg_focus_top(t, 0) != NULL && dlg_load_product(t,
	    dlg_focus_top(t, 0), &p)) {
		k = xstrdup(p.category);
		product_release(&p);
	}
	return k;
}

void
dlg_catneeds_read(struct tctx *t, cJSON *f)
{
	struct kindset	 ks;
	cJSON		*req, *keys;
	char		*cat;
	int		 frame;

	cat = dlg_catneeds_kind(t, f);

	if (cat == NULL || !kindset_load(t, cat, &ks)) {
		if (cat != NULL)
			kindset_free(&ks);
		free(cat);
		return;
	}
	req = dlg_jobj(f, "require");
	keys = kind_keys(&ks);
	frame = need_frame(t);
	numbers_read(t, &ks, keys, req, frame > 0);
	if (frame > 0) {
		duration_read(t, keys, req);
		dlg_catneed_features(t, &ks, keys, req, cat, 0);
	} else if (frame == 0)
		/* "Oled laptops": another kind's word with the kind is a
		 * need however it is said, but in a question. */
		dlg_catneed_features(t, &ks, keys, req, cat, 1);
	count_read(t, &ks, keys, req);
	cJSON_Delete(keys);
	kindset_free(&ks);
	free(cat);
	if (cJSON_GetArraySize(req) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(f, "require");
}

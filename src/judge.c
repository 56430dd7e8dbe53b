/*
 * judge.c: the rules that decide whether a reply to a labelled customer
 * turn is right, for "shopdesk eval dialogues".
 *
 * A turn passes when every "must" regex matches the reply, no "must_not"
 * regex does (POSIX extended, case-insensitive), and the reply is about
 * every id of "about": it names it (the SKU, the order number standing
 * alone, or the product's catalog name, with or without its brand and
 * its bracketed variant), or the turn's trace resolves to it (an
 * entity's SKU or order number, a cited retrieved item or a citation,
 * the focus or an order field of the dialogue state after the turn).
 *
 * A failed turn is also counted as about the wrong product or order
 * when (a) a "must_not" pattern that names products or orders matched
 * (it matches a catalog SKU or name, or holds a stored order number:
 * the author's list of the wrong items), or (b) "about" is not empty,
 * the reply is not about all of it, and the reply names, or the trace
 * resolves to, another item of the same kind (product or order).  This
 * is the dangerous failure: a confident answer about something else.
 * A list the customer asked for (empty "about") never counts under
 * (b), and neither does a reply that names the right item beside
 * others (a comparison).
 */
#include "config.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "judge.h"
#include "sbuf.h"

/* A catalog product as the judge looks for it in a reply. */
struct judge_item {
	char		*sku;
	char		*name;		/* catalog name */
	char		*names[3];	/* shorter names: without the brand,
					   without the "(...)" variant, both;
					   NULL when too short or the same */
};

struct judge {
	struct store	*st;		/* not owned */
	struct judge_item *items;
	size_t		 nitems;
};

/* Copy a JSON array of strings; "what" names it in errors. */
static enum sd_rc
read_strings(const cJSON *arr, const char *what, char ***out, size_t *n,
    struct sd_error *err)
{
	const cJSON	*s;

	*out = NULL;
	*n = 0;
	if (arr == NULL)
		return SD_OK;
	if (!cJSON_IsArray(arr))
		return sd_fail(err, SD_ERR_PARSE, "\"%s\" must be an array "
		    "of strings", what);
	*out = xcalloc((size_t)cJSON_GetArraySize(arr) + 1, sizeof **out);
	cJSON_ArrayForEach(s, arr) {
		if (!cJSON_IsString(s))
			return sd_fail(err, SD_ERR_PARSE, "\"%s\" must be an "
			    "array of strings", what);
		(*out)[(*n)++] = xstrdup(s->valuestring);
	}
	return SD_OK;
}

static enum sd_rc
read_regexes(const cJSON *arr, const char *what, struct judge_re **out,
    size_t *n, struct sd_error *err)
{
	char		**src = NULL;
	size_t		 ns = 0, i;
	struct sbuf	 msg = SBUF_INIT;
	enum sd_rc	 rc;
	int		 r;

	*out = NULL;
	*n = 0;
	if ((rc = read_strings(arr, what, &src, &ns, err)) != SD_OK)
		goto out;
	*out = xcalloc(ns + 1, sizeof **out);
	for (i = 0; i < ns; i++) {
		r = regcomp(&(*out)[i].re, src[i], REG_EXTENDED | REG_ICASE);
		if (r != 0) {
			sbuf_grow(&msg, 128);
			regerror(r, &(*out)[i].re, msg.buf, msg.cap);
			rc = sd_fail(err, SD_ERR_PARSE, "%s[%zu] \"%s\": %s",
			    what, i, src[i], msg.buf);
			goto out;
		}
		(*out)[i].src = src[i];
		(*out)[i].names_item = -1;
		src[i] = NULL;
		(*n)++;
	}
out:
	for (i = 0; i < ns; i++)
		free(src[i]);
	free(src);
	sbuf_release(&msg);
	return rc;
}

enum sd_rc
judge_turn_read(const cJSON *jt, struct judge_turn *t, struct sd_error *err)
{
	const cJSON	*text = cJSON_GetObjectItemCaseSensitive(jt, "text");
	const cJSON	*ex = cJSON_GetObjectItemCaseSensitive(jt, "expect");
	enum sd_rc	 rc;

	if (!cJSON_IsString(text) || text->valuestring[0] == '\0')
		return sd_fail(err, SD_ERR_PARSE, "\"text\" must be a "
		    "non-empty string");
	t->text = xstrdup(text->valuestring);
	if (!cJSON_IsObject(ex))
		return sd_fail(err, SD_ERR_PARSE, "\"expect\" must be an "
		    "object");
	if ((rc = read_strings(cJSON_GetObjectItemCaseSensitive(ex, "about"),
	    "about", &t->about, &t->nabout, err)) != SD_OK)
		return rc;
	if ((rc = read_regexes(cJSON_GetObjectItemCaseSensitive(ex, "must"),
	    "must", &t->must, &t->nmust, err)) != SD_OK)
		return rc;
	return read_regexes(cJSON_GetObjectItemCaseSensitive(ex, "must_not"),
	    "must_not", &t->must_not, &t->nmust_not, err);
}

void
judge_turn_release(struct judge_turn *t)
{
	size_t	 j;

	free(t->text);
	for (j = 0; j < t->nabout; j++)
		free(t->about[j]);
	free(t->about);
	for (j = 0; j < t->nmust; j++) {
		regfree(&t->must[j].re);
		free(t->must[j].src);
	}
	for (j = 0; j < t->nmust_not; j++) {
		regfree(&t->must_not[j].re);
		free(t->must_not[j].src);
	}
	free(t->must);
	free(t->must_not);
	memset(t, 0, sizeof *t);
}

/* The catalog's names. */

/* s without a trailing " (...)", or NULL when there is none. */
static char *
strip_variant(const char *s)
{
	const char	*p = strrchr(s, '(');
	size_t		 n = strlen(s);

	if (p == NULL || p == s || p[-1] != ' ' || s[n - 1] != ')')
		return NULL;
	return xstrndup(s, (size_t)(p - 1 - s));
}

/*
 * The shorter names a reply may use for a product: "Sony WH-1000XM5"
 * is also "the WH-1000XM5", "Apple iPhone 15 (128GB)" also "the Apple
 * iPhone 15" and "the iPhone 15".  Names under 6 bytes are too vague.
 */
static void
item_names(struct judge_item *it, const char *brand)
{
	size_t		 blen = strlen(brand), k = 0, i;
	const char	*bare = NULL;
	char		*v[3];

	if (blen > 0 && strncasecmp(it->name, brand, blen) == 0 &&
	    it->name[blen] == ' ')
		bare = it->name + blen + 1;
	v[0] = bare != NULL ? xstrdup(bare) : NULL;
	v[1] = strip_variant(it->name);
	v[2] = bare != NULL ? strip_variant(bare) : NULL;
	for (i = 0; i < 3; i++) {
		if (v[i] != NULL && strlen(v[i]) >= 6)
			it->names[k++] = v[i];
		else
			free(v[i]);
	}
}

struct judge *
judge_open(struct store *st, struct sd_error *err)
{
	struct product_filter f = { NULL, NULL, NULL, -1, -1, 0, 1 << 30 };
	struct product	*ps = NULL;
	struct judge	*r;
	size_t		 n = 0, i;

	if (catalog_products(st, &f, &ps, &n, err) != SD_OK)
		return NULL;
	r = xcalloc(1, sizeof *r);
	r->st = st;
	r->items = xcalloc(n + 1, sizeof *r->items);
	for (i = 0; i < n; i++) {
		r->items[i].sku = xstrdup(ps[i].sku);
		r->items[i].name = xstrdup(ps[i].name);
		item_names(&r->items[i], ps[i].brand);
		product_release(&ps[i]);
	}
	r->nitems = n;
	free(ps);
	return r;
}

void
judge_free(struct judge *r)
{
	size_t	 i, k;

	if (r == NULL)
		return;
	for (i = 0; i < r->nitems; i++) {
		free(r->items[i].sku);
		free(r->items[i].name);
		for (k = 0; k < 3; k++)
			free(r->items[i].names[k]);
	}
	free(r->items);
	free(r);
}

/* Judging. */

static int
is_alnum(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	    (c >= 'A' && c <= 'Z');
}

/* Does text hold word (case-insensitive) not inside a longer word? */
static int
has_word(const char *text, const char *word)
{
	size_t		 n = strlen(word);
	const char	*p = text;

	if (n == 0)
		return 0;
	while ((p = strcasestr(p, word)) != NULL) {
		if ((p == text || !is_alnum((unsigned char)p[-1]) ||
		    !is_alnum((unsigned char)word[0])) &&
		    (!is_alnum((unsigned char)p[n]) ||
		    !is_alnum((unsigned char)word[n - 1])))
			return 1;
		p++;
	}
	return 0;
}

static int
is_order_id(const char *id)
{
	size_t	 i;

	for (i = 0; id[i] != '\0'; i++)
		if (id[i] < '0' || id[i] > '9')
			return 0;
	return i > 0;
}

static const struct judge_item *
find_item(struct judge *r, const char *sku)
{
	size_t	 i;

	for (i = 0; i < r->nitems; i++)
		if (strcasecmp(r->items[i].sku, sku) == 0)
			return &r->items[i];
	return NULL;
}

/* Does the reply name the product (SKU or name) or the order number? */
static int
reply_names(struct judge *r, const char *reply, const char *id)
{
	const struct judge_item *it;
	size_t		 k;

	if (has_word(reply, id))
		return 1;
	if (is_order_id(id) || (it = find_item(r, id)) == NULL)
		return 0;
	if (has_word(reply, it->name))
		return 1;
	for (k = 0; k < 3 && it->names[k] != NULL; k++)
		if (has_word(reply, it->names[k]))
			return 1;
	return 0;
}

static void
add_id(cJSON *ids, const cJSON *v)
{
	if (cJSON_IsString(v) && v->valuestring[0] != '\0')
		cJSON_AddItemToArray(ids, cJSON_CreateString(v->valuestring));
}

/* Every string under a state field that holds a focus or an order. */
static void
state_ids(cJSON *ids, const cJSON *state)
{
	const cJSON	*f, *v;

	cJSON_ArrayForEach(f, state) {
		if (f->string == NULL || (strstr(f->string, "focus") == NULL &&
		    strstr(f->string, "order") == NULL))
			continue;
		if (cJSON_IsString(f))
			add_id(ids, f);
		else if (cJSON_IsArray(f))
			cJSON_ArrayForEach(v, f)
				add_id(ids, v);
		else if (cJSON_IsObject(f))	/* {"id": ...} */
			add_id(ids, cJSON_GetObjectItemCaseSensitive(f, "id"));
	}
}

/*
 * The products and orders the trace resolves the turn to: entities
 * (their SKU, an order number's value), cited retrieved items,
 * citations, and the dialogue state's focus and order fields.  A cJSON
 * array of strings; caller deletes.
 */
static cJSON *
trace_ids(const cJSON *trace)
{
	cJSON		*ids = cJSON_CreateArray();
	const cJSON	*it, *ty, *cited;

	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(trace,
	    "entities")) {
		add_id(ids, cJSON_GetObjectItemCaseSensitive(it, "sku"));
		ty = cJSON_GetObjectItemCaseSensitive(it, "type");
		if (cJSON_IsString(ty) && strstr(ty->valuestring, "order"))
			add_id(ids, cJSON_GetObjectItemCaseSensitive(it,
			    "value"));
	}
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(trace,
	    "retrieved")) {
		cited = cJSON_GetObjectItemCaseSensitive(it, "cited");
		if (cited == NULL || cJSON_IsTrue(cited))
			add_id(ids, cJSON_GetObjectItemCaseSensitive(it, "id"));
	}
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(trace,
	    "citations"))
		add_id(ids, cJSON_GetObjectItemCaseSensitive(it, "id"));
	state_ids(ids, cJSON_GetObjectItemCaseSensitive(trace, "state_after"));
	return ids;
}

static int
ids_have(const cJSON *ids, const char *id)
{
	const cJSON	*v;

	cJSON_ArrayForEach(v, ids)
		if (strcasecmp(v->valuestring, id) == 0)
			return 1;
	return 0;
}

static int
in_about(const struct judge_turn *t, const char *id)
{
	size_t	 i;

	for (i = 0; i < t->nabout; i++)
		if (strcasecmp(t->about[i], id) == 0)
			return 1;
	return 0;
}

/* Is there an order with this number in the store? */
static int
order_exists(struct judge *r, const char *id)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct order	 o;
	int		 found;

	memset(&o, 0, sizeof o);
	found = catalog_order(r->st, id, &o, &err) == SD_OK;
	if (found)
		order_release(&o);
	sd_error_clear(&err);
	return found;
}

/*
 * Does the text name a stored order (a five-digit or longer number
 * standing alone) other than those of the turn's about?  For patterns
 * the text is the pattern's source.
 */
static int
names_other_order(struct judge *r, const char *text,
    const struct judge_turn *t)
{
	const char	*p = text, *q;
	char		*num;
	int		 hit = 0;

	while (*p != '\0' && !hit) {
		if (*p < '0' || *p > '9' || (p > text && is_alnum(p[-1]))) {
			p++;
			continue;
		}
		for (q = p; *q >= '0' && *q <= '9'; q++)
			;
		if (q - p >= 5 && q - p <= 8 && !is_alnum(*q)) {
			num = xstrndup(p, (size_t)(q - p));
			hit = (t == NULL || !in_about(t, num)) &&
			    order_exists(r, num);
			free(num);
		}
		p = q;
	}
	return hit;
}

/* Does the reply name a product that is not in the turn's about? */
static int
names_other_product(struct judge *r, const char *reply,
    const struct judge_turn *t)
{
	size_t	 i;

	for (i = 0; i < r->nitems; i++)
		if (!in_about(t, r->items[i].sku) &&
		    reply_names(r, reply, r->items[i].sku))
			return 1;
	return 0;
}

/* Does a must_not pattern name products or orders?  Cached per pattern. */
static int
pattern_names_item(struct judge *r, struct judge_re *re)
{
	size_t	 i;

	if (re->names_item >= 0)
		return re->names_item;
	re->names_item = names_other_order(r, re->src, NULL);
	for (i = 0; i < r->nitems && !re->names_item; i++)
		re->names_item = regexec(&re->re, r->items[i].sku, 0, NULL,
		    0) == 0 || regexec(&re->re, r->items[i].name, 0, NULL,
		    0) == 0;
	return re->names_item;
}

/* Rule (b) of the header: about is missed and another item is there. */
static int
other_item(struct judge *r, const struct judge_turn *t,
    const char *reply, const cJSON *ids)
{
	const cJSON	*v;
	size_t		 i;
	int		 want_order = 0, want_product = 0;

	for (i = 0; i < t->nabout; i++) {
		if (is_order_id(t->about[i]))
			want_order = 1;
		else
			want_product = 1;
	}
	if (want_order && names_other_order(r, reply, t))
		return 1;
	if (want_product && names_other_product(r, reply, t))
		return 1;
	cJSON_ArrayForEach(v, ids) {
		if (in_about(t, v->valuestring))
			continue;
		if (want_order && is_order_id(v->valuestring) &&
		    order_exists(r, v->valuestring))
			return 1;
		if (want_product && find_item(r, v->valuestring) != NULL)
			return 1;
	}
	return 0;
}

void
judge_reply(struct judge *r, struct judge_turn *t, const char *reply,
    const cJSON *trace, struct judge_verdict *v)
{
	cJSON	*ids = trace_ids(trace);
	size_t	 i;
	int	 about_ok = 1;

	v->pass = 1;
	v->wrong = 0;
	v->regex_pass = 1;
	for (i = 0; i < t->nmust; i++)
		if (regexec(&t->must[i].re, reply, 0, NULL, 0) != 0) {
			v->pass = v->regex_pass = 0;
			sbuf_addf(&v->why, "must \"%s\" did not match\n",
			    t->must[i].src);
		}
	for (i = 0; i < t->nmust_not; i++)
		if (regexec(&t->must_not[i].re, reply, 0, NULL, 0) == 0) {
			v->pass = v->regex_pass = 0;
			sbuf_addf(&v->why, "must_not \"%s\" matched\n",
			    t->must_not[i].src);
			if (pattern_names_item(r, &t->must_not[i]))
				v->wrong = 1;
		}
	for (i = 0; i < t->nabout; i++)
		if (!reply_names(r, reply, t->about[i]) &&
		    !ids_have(ids, t->about[i])) {
			v->pass = 0;
			about_ok = 0;
			sbuf_addf(&v->why, "not about %s\n", t->about[i]);
		}
	if (!about_ok && other_item(r, t, reply, ids))
		v->wrong = 1;
	if (v->wrong)
		sbuf_adds(&v->why, "about another product or order\n");
	cJSON_Delete(ids);
}

/*
 * dlg-browse.c: ways a shopper steers a list besides its needs
 * (dlg-needs.c): a brand refused ("no apple", "anything but Samsung",
 * "non-sony"), kept in filters.require.not_brands until the category
 * changes or the brand is asked for again; a kind refused ("no
 * earbuds", "anything but oled") into not_kinds; a kind said alone
 * ("tablets?"); and "any others?", "more options", "something else"
 * after a list, which shows the products that fit the same filters and
 * were not shown yet, or says that none is left rather than showing
 * the same ones again.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* "Anything but oled": "but" refuses only after these. */
const char *const dlg_but_refuses[] = { "anything", "everything", NULL };

/* Words between a refusal and the brand that leave it refused: "no
 * more apple stuff", "not a big fan of sony", "don't want samsung". */
static const char *const between[] = { "a", "an", "the", "any", "more",
	"want", "like", "of", "fan", "big", "huge", "really", "from", "by",
	"made", "brand", "t", NULL };

static int
word_is(const char *s, size_t b, size_t e, const char *const *list)
{
	const char *const *w;

	for (w = list; *w != NULL; w++)
		if (e - b == strlen(*w) && strncasecmp(s + b, *w, e - b) == 0)
			return 1;
	return 0;
}

/* Is the word that ends before offset b of s (spaces skipped) in list? */
int
dlg_word_before_is(const char *s, size_t b, const char *const *list)
{
	size_t	 e;

	while (b > 0 && !isalnum((unsigned char)s[b - 1]))
		b--;
	for (e = b; b > 0 && isalnum((unsigned char)s[b - 1]); b--)
		;
	return word_is(s, b, e, list);
}

/*
 * Is the brand said at offset at of s refused?  A refusal word at most
 * four words before it with only words of between[] in the way; "than"
 * only after "other" or "rather", "but" only after "anything".
 */
static int
refused_at(const char *s, size_t at)
{
	static const char *const neg[] = { "no", "not", "non", "without",
	    "except", "excluding", "isnt", "isn't", "arent", "aren't", "dont",
	    "don't", "isn", "aren", "don", "hate", "avoid", "besides", "nor",
	    "nothing", NULL };
	static const char *const than[] = { "other", "rather", NULL };
	static const char *const chain[] = { "or", "and", "nor", NULL };
	size_t	 b = at, e, words;
	int	 chained = 0, skip = 0;

	for (words = 0; words < 6 && b > 0; words++) {
		while (b > 0 && !isalnum((unsigned char)s[b - 1]) &&
		    s[b - 1] != '\'')
			b--;
		e = b;
		while (b > 0 && (isalnum((unsigned char)s[b - 1]) ||
		    s[b - 1] == '\''))
			b--;
		if (e == b)
			return 0;
		if (word_is(s, b, e, neg))
			return 1;
		/* "no apple or samsung", "no tp-link or asus": past "or"
		 * and the (one or two word) brand before it */
		if (word_is(s, b, e, chain) && !chained) {
			chained = 1;
			skip = 2;
			continue;
		}
		if (skip > 0) {
			skip--;
			continue;
		}
		if ((e - b == 4 && strncasecmp(s + b, "than", 4) == 0) ||
		    (e - b == 3 && strncasecmp(s + b, "but", 3) == 0))
			return dlg_word_before_is(s, b, e - b == 4 ? than :
			    dlg_but_refuses);
		if (!word_is(s, b, e, between))
			return 0;
	}
	return 0;
}

/* Is the brand entity en refused in this message? */
int
dlg_brand_refused(struct tctx *t, const struct entity *en)
{
	return en->type == ENTITY_BRAND && en->start <= t->len &&
	    refused_at(t->text, en->start);
}

static int
in_array(const cJSON *arr, const char *s)
{
	const cJSON	*it;

	cJSON_ArrayForEach(it, arr)
		if (cJSON_IsString(it) && strcasecmp(it->valuestring, s) == 0)
			return 1;
	return 0;
}

static void
array_drop(cJSON *arr, const char *s)
{
	int	 i;

	for (i = cJSON_GetArraySize(arr) - 1; i >= 0; i--)
		if (cJSON_IsString(cJSON_GetArrayItem(arr, i)) &&
		    strcasecmp(cJSON_GetArrayItem(arr, i)->valuestring,
		    s) == 0)
			cJSON_DeleteItemFromArray(arr, i);
}

/*
 * The brands refused in this message into out (strings): the brand
 * entities said after a refusal, and the words after one that the
 * catalog has as a brand of the category (NULL: any), for "no apple"
 * where the lowercase word is no entity.
 */
static void
refused_brands(struct tctx *t, const char *cat, cJSON *out)
{
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const struct entity *en;
	struct sbuf	 w = SBUF_INIT;
	size_t		 i, a, b, e, k;
	char		*name;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (dlg_brand_refused(t, en) && (en->brand != NULL ||
		    en->value != NULL) && !in_array(out, en->brand != NULL ?
		    en->brand : en->value))
			cJSON_AddItemToArray(out, cJSON_CreateString(
			    en->brand != NULL ? en->brand : en->value));
	}
	for (a = 0; s[a] != '\0'; a = e) {
		while (s[a] != '\0' && !isalnum((unsigned char)s[a]))
			a++;
		for (e = a; isalnum((unsigned char)s[e]); e++)
			;
		/* a figure or a filler is no brand ("no more than 150") */
		if (e == a || isdigit((unsigned char)s[a]) ||
		    word_is(s, a, e, between) || !refused_at(s, a))
			continue;
		/* one word or two ("kestrel electronics") */
		for (k = 0, b = e; k < 2; k++) {
			sbuf_reset(&w);
			sbuf_add(&w, s + a, b - a);
			if ((name = dlg_catalog_brand(t, w.buf, cat)) != NULL) {
				if (!in_array(out, name))
					cJSON_AddItemToArray(out,
					    cJSON_CreateString(name));
				free(name);
				break;
			}
			while (s[b] == ' ')
				b++;
			if (!isalnum((unsigned char)s[b]))
				break;
			while (isalnum((unsigned char)s[b]))
				b++;
		}
	}
	sbuf_release(&w);
}

/* Does the message refuse a brand ("no apple", "not samsung")? */
int
dlg_brand_refusal(struct tctx *t)
{
	cJSON	*out = cJSON_CreateArray();
	int	 any;

	refused_brands(t, dlg_jstr(dlg_jobj(t->state, "filters"),
	    "category"), out);
	any = cJSON_GetArraySize(out) > 0;
	cJSON_Delete(out);
	return any;
}

/*
 * The brands refused in this message into req.not_brands, and out of
 * f.brand when it is one of them (dlg-state.c set it from the entity);
 * a brand asked for again leaves not_brands.
 */
void
dlg_brands_read(struct tctx *t, cJSON *f, cJSON *req)
{
	const struct entity *en;
	const char	*b;
	cJSON		*out = cJSON_CreateArray(), *it, *not;
	size_t		 i;

	refused_brands(t, dlg_jstr(f, "category"), out);
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_BRAND || (b = en->brand != NULL ?
		    en->brand : en->value) == NULL || in_array(out, b))
			continue;
		not = cJSON_GetObjectItemCaseSensitive(req, "not_brands");
		array_drop(not, b);
		if (not != NULL && cJSON_GetArraySize(not) == 0)
			cJSON_DeleteItemFromObjectCaseSensitive(req,
			    "not_brands");
	}
	cJSON_ArrayForEach(it, out) {
		if (!in_array(cJSON_GetObjectItemCaseSensitive(req,
		    "not_brands"), it->valuestring))
			cJSON_AddItemToArray(dlg_jarr(req, "not_brands"),
			    cJSON_CreateString(it->valuestring));
		if (dlg_jstr(f, "brand") != NULL &&
		    strcasecmp(dlg_jstr(f, "brand"), it->valuestring) == 0)
			cJSON_DeleteItemFromObjectCaseSensitive(f, "brand");
	}
	cJSON_Delete(out);
}

/* Is the category entity en (a kind or a use) refused? */
static int
kind_refused(struct tctx *t, const struct entity *en)
{
	return en->type == ENTITY_CATEGORY && en->start <= t->len &&
	    refused_at(t->text, en->start);
}

/* Is the word w said refused ("not a gaming one", "no gaming stuff")? */
int
dlg_word_refused(struct tctx *t, const char *w)
{
	const char	*s = t->text, *p;
	size_t		 n = strlen(w);

	for (p = s; (p = strcasestr(p, w)) != NULL; p++)
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]) &&
		    refused_at(s, (size_t)(p - s)))
			return 1;
	return 0;
}

/* Does the message refuse a kind ("no earbuds", "anything but oled")? */
int
dlg_kind_refusal(struct tctx *t)
{
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++)
		if (kind_refused(t, &t->e->el.v[i]))
			return 1;
	return 0;
}

/*
 * The kinds refused into req.not_kinds, and out of f's kind and use:
 * dlg-state.c set them from the entity as if wanted.
 */
void
dlg_kinds_read(struct tctx *t, cJSON *f, cJSON *req)
{
	const struct entity *en;
	const char	*k;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (!kind_refused(t, en) || (en->subcategory == NULL &&
		    en->use == NULL))
			continue;
		k = en->subcategory != NULL ? en->subcategory : en->use;
		if (!in_array(cJSON_GetObjectItemCaseSensitive(req,
		    "not_kinds"), k))
			cJSON_AddItemToArray(dlg_jarr(req, "not_kinds"),
			    cJSON_CreateString(k));
		array_drop(cJSON_GetObjectItemCaseSensitive(req, "kinds"), k);
		if (dlg_jstr(f, "kind") != NULL &&
		    strcmp(dlg_jstr(f, "kind"), k) == 0)
			cJSON_DeleteItemFromObjectCaseSensitive(f, "kind");
		if (dlg_jstr(f, "use") != NULL &&
		    strcmp(dlg_jstr(f, "use"), k) == 0)
			cJSON_DeleteItemFromObjectCaseSensitive(f, "use");
	}
}

/* Does offset a of the text lie in a brand named ("marshall")? */
static int
in_brand(struct tctx *t, size_t a)
{
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == ENTITY_BRAND &&
		    a >= t->e->el.v[i].start && a < t->e->el.v[i].end)
			return 1;
	return 0;
}

/*
 * Is the message a kind said alone ("tablets?", "a tv please", "show
 * me headphones"), maybe with its brand ("marshall speakers")?  Every
 * word outside the category entity cat and the brand is one of a few
 * that ask for nothing else.
 */
int
dlg_kind_alone(struct tctx *t, const struct entity *cat)
{
	static const char *const fillers[] = { "a", "an", "some", "any",
	    "the", "please", "pls", "plz", "show", "me", "got", "you", "u",
	    "have", "do", "what", "about", "and", "ok", "okay", "hi", "hey",
	    "hello", "now", "then", "instead", "device", "devices", "stuff",
	    "things", "products", "options", NULL };
	const char	*s = t->text;
	struct product	 p;
	struct sbuf	 w = SBUF_INIT;
	char		*v;
	size_t		 a, e;
	int		 alone = 1;

	for (a = 0; a < t->len && alone; a = e) {
		while (a < t->len && !isalnum((unsigned char)s[a]))
			a++;
		for (e = a; e < t->len && (isalnum((unsigned char)s[e]) ||
		    s[e] == '\''); e++)
			;
		if (e > a && (a < cat->start || a >= cat->end) &&
		    !in_brand(t, a) && !word_is(s, a, e, fillers))
			alone = 0;
	}
	/* "Camera?", "os?" about the phone or laptop in focus ask for its
	 * specification of that name, not for cameras or software. */
	memset(&p, 0, sizeof p);
	if (alone && dlg_focus_top(t, 0) != NULL &&
	    dlg_load_product(t, dlg_focus_top(t, 0), &p)) {
		sbuf_add(&w, s + cat->start, cat->end - cat->start);
		for (e = 0; e < w.len; e++)
			w.buf[e] = (char)tolower((unsigned char)w.buf[e]);
		if ((v = catalog_attr(&p, w.buf)) != NULL) {
			alone = 0;
			free(v);
		}
		product_release(&p);
	}
	sbuf_release(&w);
	return alone;
}

/*
 * "Speaker with usb-c please", "i don't want Sonos, show me a speaker":
 * a kind of product named and no word for a person is shopping, however
 * the classifier read it (a request for a person, at 0.58).
 */
int
dlg_kind_not_person(struct tctx *t)
{
	return dlg_first_entity(t, ENTITY_CATEGORY) != NULL &&
	    !dlg_says_person(t);
}

/* A word for a person or for reaching one: "someone", "call", "live". */
int
dlg_says_person(struct tctx *t)
{
	static const char *const person[] = { "person", "human", "agent",
	    "someone", "somebody", "representative", "rep", "manager",
	    "supervisor", "staff", "team", "people", "operator", "real",
	    "live", "call", "phone me", NULL };

	return dlg_has_any(t, person);
}

/* Is p of none of the brands of req.not_brands? */
int
dlg_brands_ok(const cJSON *req, const struct product *p)
{
	return !in_array(cJSON_GetObjectItemCaseSensitive(req, "not_brands"),
	    p->brand);
}

/* The refused brands as the criteria read them: "not Apple". */
void
dlg_brands_words(const cJSON *req, struct sbuf *crit)
{
	const cJSON	*it;

	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(req,
	    "not_brands"))
		if (cJSON_IsString(it))
			sbuf_addf(crit, "%snot %s", crit->len ? ", " : "",
			    it->valuestring);
}

/* The number of words of the message. */
size_t
dlg_word_count(struct tctx *t)
{
	const char	*p = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	size_t		 words = 0;
	int		 in = 0;

	for (; *p != '\0'; p++) {
		if (isalnum((unsigned char)*p) && !in)
			words++;
		in = isalnum((unsigned char)*p);
	}
	return words;
}

/*
 * Does the message ask for more of the list ("any others?", "what else
 * have you got", "more options")?  Short, and naming no product, order
 * or other kind: "something else: where is my order" is not.
 */
static int
more_said(struct tctx *t)
{
	static const char *const more[] = { "any others", "any other ones",
	    "any other options", "other options", "other ones", "others",
	    "more options", "more choices", "more ideas", "show me more",
	    "see more", "any more", "anymore", "what else", "anything else",
	    "something else", "alternatives", "alternative", "other models",
	    "different ones", "different one", "else do you have",
	    "else have you got", "else you got", "next ones", "more like",
	    NULL };
	size_t		 words = dlg_word_count(t);

	return words > 0 && words <= 7 && dlg_has_any(t, more) &&
	    dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
	    dlg_first_entity(t, ENTITY_ORDER_ID) == NULL;
}

/*
 * "Cheaper?", "lighter?" alone after a list: more of the kind below the
 * one in focus (dlg_handle_narrow), not a question about the cheaper of
 * those shown, which says "the" ("the cheaper one", dlg-refs.c).  With
 * one product alone in the conversation (dlg_one_shown), "whats the
 * cheaper one" has nothing to rank it against: a cheaper one than it.
 */
int
dlg_handle_comparative(struct tctx *t)
{
	static const char *const less[] = { "cheaper", "less expensive",
	    "more affordable", "lighter", NULL };
	int	 alone = dlg_one_shown(t);

	if (dlg_word_count(t) > (alone ? 5 : 2) || !dlg_has_any(t, less) ||
	    (dlg_has_word(t, "the") && !alone) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_jstr(dlg_jobj(t->state, "filters"),
	    "category") == NULL ||
	    cJSON_GetArraySize(dlg_jarr(t->state, "results")) == 0)
		return 0;
	return dlg_handle_narrow(t);
}

/* Does the conversation hold one product alone (nothing to rank it
 * against)? */
int
dlg_one_shown(struct tctx *t)
{
	const char	*c[CONV_MAX];

	return dlg_conversation(t, c, CONV_MAX) == 1;
}

/* The SKUs shown in this run of "more" turns, the list now included. */
static cJSON *
seen_list(struct tctx *t)
{
	cJSON	*res = dlg_jarr(t->state, "results");
	cJSON	*last = cJSON_GetObjectItemCaseSensitive(t->state, "more_out");
	cJSON	*seen = cJSON_GetObjectItemCaseSensitive(t->state, "more_seen");
	cJSON	*out, *it;

	/* A list shown since the last "more" starts the run afresh. */
	out = cJSON_IsArray(seen) && cJSON_IsArray(last) &&
	    cJSON_Compare(last, res, 1) ? cJSON_Duplicate(seen, 1) :
	    cJSON_CreateArray();
	cJSON_ArrayForEach(it, res)
		if (cJSON_IsString(it) && !in_array(out, it->valuestring))
			cJSON_AddItemToArray(out,
			    cJSON_CreateString(it->valuestring));
	return out;
}

/* Is p one of the SKUs shown before in this run? */
int
dlg_more_unseen(struct tctx *t, const struct product *p)
{
	cJSON	*req = cJSON_GetObjectItemCaseSensitive(
	    dlg_jobj(t->state, "filters"), "require");

	return !in_array(cJSON_GetObjectItemCaseSensitive(req, "seen"),
	    p->sku);
}

/* Nothing more fits: say so, naming the ones shown, as dlg_say does. */
static void
none_left(struct tctx *t, cJSON *seen)
{
	struct product	 v[RESULTS_MAX];
	struct sbuf	 list = SBUF_INIT;
	cJSON		*it;
	size_t		 n = 0, i;

	cJSON_ArrayForEach(it, seen)
		if (n < RESULTS_MAX && cJSON_IsString(it) &&
		    dlg_load_product(t, it->valuestring, &v[n]))
			n++;
	sbuf_reset(&t->reply);
	dlg_list_products(t, v, n, 0, &list);
	slots_set(&t->slots, "results", list.buf);
	slots_setf(&t->slots, "shown_count", "%zu", n);
	dlg_set_action(t, "recommend_no_more", "no other product in stock "
	    "fits beyond the %zu shown", n);
	dlg_say(t, "recommend_no_more");
	if (n > 0) {
		dlg_results_set(t, v, n);
		dlg_focus_push(t, v[0].sku);
	}
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	sbuf_release(&list);
}

/*
 * "Any others?", "something else", "more options" after a list: the
 * next best that fit the same filters and were not shown yet; when none
 * is left, that those shown are all there is.  1 when answered.
 */
int
dlg_handle_more(struct tctx *t)
{
	cJSON	*f = dlg_jobj(t->state, "filters"), *seen, *req;
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	const char *act;

	if (dlg_jstr(f, "category") == NULL ||
	    cJSON_GetArraySize(dlg_jarr(t->state, "results")) == 0 ||
	    !more_said(t) || (cat != NULL && cat->category != NULL &&
	    strcmp(cat->category, dlg_jstr(f, "category")) != 0))
		return 0;
	seen = seen_list(t);
	/* Needs said with it ("any others under 300?") count too. */
	dlg_update_filters(t);
	f = dlg_jobj(t->state, "filters");
	req = dlg_jobj(f, "require");
	cJSON_AddItemToObject(req, "seen", cJSON_Duplicate(seen, 1));
	dlg_set_intent(t, "recommendation");
	dlg_jset_str(t->trace, "more", "the last list's filters, without "
	    "the products shown");
	dlg_handle_recommend(t);
	f = dlg_jobj(t->state, "filters");
	req = cJSON_GetObjectItemCaseSensitive(f, "require");
	cJSON_DeleteItemFromObjectCaseSensitive(req, "seen");
	if (cJSON_GetArraySize(req) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(f, "require");
	act = t->action != NULL ? t->action : "";
	if (strcmp(act, "recommend") != 0)
		none_left(t, seen);
	cJSON_ReplaceItemInObject(t->state, "more_seen", seen);
	if (cJSON_GetObjectItemCaseSensitive(t->state, "more_seen") != seen)
		cJSON_AddItemToObject(t->state, "more_seen", seen);
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "more_out");
	cJSON_AddItemToObject(t->state, "more_out",
	    cJSON_Duplicate(dlg_jarr(t->state, "results"), 1));
	return 1;
}

/*
 * dlg-guard.c owns the focus guard.  A message that names a kind of
 * product, a brand or another product as its subject ("smartwatch that
 * works with iphone" after a TV, "does the sonos era 100 work with
 * alexa" after the JBL) is about what it names, never about the product
 * in focus of another kind or brand.  One check decides it
 * (dlg_focus_fits); dlg_focus_guard applies it to the focus and the
 * last list before the policy's handlers run and records what it set
 * aside in the trace's "focus_guard"; dlg_focus_unguard gives the
 * conversation its products back after the turn.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

static const char *const pointer_words[] = { "it", "its", "it's", "this",
	"they", "them", "those", "these", "em", NULL };

/* Does an entity end right before offset at (spaces between)? */
static int
entity_before(struct tctx *t, size_t at)
{
	size_t	 i;

	while (at > 0 && t->text[at - 1] == ' ')
		at--;
	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].end == at && at > 0)
			return 1;
	return 0;
}

/*
 * Does the message point at what was shown ("is it", "that one", "is
 * that waterproof", "the second one")?  "That" after a name ("a watch that works with
 * iphone") begins a clause and points at nothing.
 */
static int
points_back(struct tctx *t)
{
	const char	*s = t->text, *p = s;

	/* "Is the middle one oled": a place in the list shown. */
	if (dlg_has_any(t, pointer_words) || dlg_position_reference(t) !=
	    NULL)
		return 1;
	while ((p = strcasestr(p, "that")) != NULL) {
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[4]) &&
		    !entity_before(t, (size_t)(p - s)))
			return 1;
		p += 4;
	}
	return 0;
}

/* "A camera", "another one": an article before the entity. */
static int
article_before(struct tctx *t, const struct entity *en)
{
	static const char *const before[] = { "a", "an", "any", "some",
	    "another", "other", NULL };
	const char	*s = t->text;
	size_t		 a = en->start, b, i;

	while (a > 0 && s[a - 1] == ' ')
		a--;
	for (b = a; b > 0 && isalpha((unsigned char)s[b - 1]); b--)
		;
	for (i = 0; before[i] != NULL && a > b; i++)
		if (a - b == strlen(before[i]) &&
		    strncasecmp(s + b, before[i], a - b) == 0)
			return 1;
	return 0;
}

/*
 * Is the entity said as a kind wanted: "a camera", "any speakers",
 * "camera that works with iphone", "speaker for the beach"?  Then it is
 * no part of the product in focus, whatever that one has of the name.
 */
static int
wanted_kind(struct tctx *t, const struct entity *en)
{
	static const char *const after[] = { "that", "which", "for", "to",
	    "under", NULL };
	const char	*p;
	size_t		 i, n;

	if (article_before(t, en))
		return 1;
	for (p = t->text + en->end; *p == ' '; p++)
		;
	for (i = 0; after[i] != NULL; i++) {
		n = strlen(after[i]);
		if (strncasecmp(p, after[i], n) == 0 &&
		    !isalnum((unsigned char)p[n]))
			return 1;
	}
	return 0;
}

/*
 * Is the text at [a, b) a word of what p is: its name, an attribute's
 * key or value ("camera" of a phone, "gaming" of a TV)?  Then saying it
 * names no other kind.
 */
static int
word_of_product(struct tctx *t, const struct product *p, size_t a, size_t b)
{
	struct text_folded said = TEXT_FOLDED_INIT, f = TEXT_FOLDED_INIT;
	const char	*src[3] = { p->name, p->attrs, p->subcategory };
	char		*w;
	size_t		 i, n;
	int		 yes = 0;

	text_fold(t->text + a, b - a, &said);
	w = said.s.buf != NULL ? said.s.buf : "";
	n = strlen(w);
	/* "headphones" said, "headphone" written: the stem will do. */
	if (n > 4 && w[n - 1] == 's')
		n--;
	for (i = 0; i < 3 && !yes && n >= 3; i++) {
		if (src[i] == NULL)
			continue;
		text_fold(src[i], strlen(src[i]), &f);
		yes = f.s.buf != NULL && (dlg_word_in(f.s.buf, w, n) ||
		    dlg_word_in(f.s.buf, w, strlen(w)));
	}
	text_folded_release(&f);
	text_folded_release(&said);
	return yes;
}

/* Words that weigh one product against another ("is the x360
 * lighter"): the one in focus is part of the question. */
static const char *const weigh_words[] = { "than", "vs", "versus",
	"compare", "compared", "comparison", "difference", "lighter",
	"heavier", "cheaper", "pricier", "better", "worse", "bigger",
	"smaller", "longer", "shorter", "faster", "slower", "same", "both",
	"either", "instead", "or", NULL };

/*
 * Is p the product entity en names: its SKU, the one of the
 * conversation a short name means, or every word of a family said in
 * p's name?
 */
static int
names_product(struct tctx *t, const struct entity *en,
    const struct product *p)
{
	struct text_folded said = TEXT_FOLDED_INIT, name = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	const char	*loose;
	size_t		 cap = 0, n, i;
	int		 yes;

	if (en->sku != NULL)
		return strcmp(en->sku, p->sku) == 0 || ((loose =
		    dlg_loose_name(t, en)) != NULL && strcmp(loose,
		    p->sku) == 0);
	text_fold(t->text + en->start, en->end - en->start, &said);
	text_fold(p->name, strlen(p->name), &name);
	n = text_tokenize(said.s.buf, said.s.len, &tok, &cap);
	for (i = 0, yes = n > 0; i < n && yes; i++)
		yes = dlg_name_word(name.s.buf, said.s.buf + tok[i].start,
		    tok[i].end - tok[i].start);
	free(tok);
	text_folded_release(&said);
	text_folded_release(&name);
	return yes;
}

/* Has the catalog a product of brand (NULL: any) in category? */
static int
brand_makes(struct tctx *t, const char *brand, const char *category)
{
	return category != NULL && dlg_catalog_has(t, brand, category);
}

/*
 * Does the message ask what the store has of the entity ("do you have a
 * camera", "you got any tablets"): then it is the subject, whatever
 * the product in focus has of that name (a phone's camera)?
 */
static int
store_asked(struct tctx *t, const struct entity *en)
{
	static const char *const store[] = { "you have", "u have",
	    "you got", "u got", "have you got", "you sell", "you carry",
	    "you stock", NULL };
	const char	*s = t->text;
	const char *const *w;
	const char	*p;

	for (w = store; *w != NULL; w++)
		for (p = s; (p = strcasestr(p, *w)) != NULL &&
		    (size_t)(p - s) < en->start; p++)
			if (p == s || !isalnum((unsigned char)p[-1]))
				return 1;
	return 0;
}

/* Is the entity said as what the customer has or uses ("for my iphone",
 * "with alexa"), the context of the question rather than its subject? */
static int
said_as_own(struct tctx *t, const struct entity *en)
{
	return dlg_said_as_context(t, en) && !store_asked(t, en);
}

/* "Is the spigen one magsafe": a brand said as the thing meant beside
 * a product name of another brand (there a feature's word). */
static int
other_brand_said(struct tctx *t, const struct entity *pe)
{
	const struct entity *br;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		br = &t->e->el.v[i];
		if (br->type == ENTITY_BRAND && br->value != NULL &&
		    pe->brand != NULL && strcasecmp(br->value,
		    pe->brand) != 0 && dlg_said_as_thing(t, br->start,
		    br->end))
			return 1;
	}
	return 0;
}

/* Has the catalog a product of category (slug)? */
static int
category_has(struct tctx *t, const char *category)
{
	return brand_makes(t, NULL, category);
}

/*
 * Is the attribute entity's word a kind of product the catalog has
 * ("camera", "speaker") that p is not and has not?
 */
static int
attribute_kind(struct tctx *t, const struct entity *en,
    const struct product *p)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	char		*kind;
	int		 yes;

	if (!wanted_kind(t, en) && word_of_product(t, p, en->start, en->end))
		return 0;
	text_fold(t->text + en->start, en->end - en->start, &f);
	kind = xasprintf("%ss", f.s.buf != NULL ? f.s.buf : "");
	text_folded_release(&f);
	/* The kind's slug is the plural ("cameras", "speakers"). */
	yes = (p->category == NULL || strcmp(p->category, kind) != 0) &&
	    category_has(t, kind);
	free(kind);
	return yes;
}

/*
 * The single check every product answer goes through: may sku be what
 * the message means?  0 when the message names, as its subject, a kind
 * or a brand that the product is not, or another product as the subject
 * with nothing to weigh it against; what was named goes to why (when
 * not NULL).  Beside a pointer only a name said as the thing meant
 * ("the samsung, is it") counts.
 */
int
dlg_focus_fits(struct tctx *t, const char *sku, const char **why)
{
	const struct entity *en;
	struct product	 p;
	size_t		 i;
	int		 fits = 1, ptr = points_back(t);

	memset(&p, 0, sizeof p);
	if (!dlg_peek_product(t, sku, &p))
		return 1;
	for (i = 0; i < t->e->el.n && fits; i++) {
		en = &t->e->el.v[i];
		/* "Does it work with a soundbar", "how much power does it
		 * give over the cable": the pointer's; "the samsung, is it
		 * waterproof": the samsung. */
		if ((en->type != ENTITY_CATEGORY && en->type !=
		    ENTITY_BRAND) || said_as_own(t, en) ||
		    (ptr && (en->type == ENTITY_CATEGORY ||
		    !dlg_said_as_thing(t, en->start, en->end))))
			continue;
		/* "os?", "storage?" after a console: a specification of
		 * the focus asked (dlg-specask.c), not a kind wanted. */
		if (en->type == ENTITY_CATEGORY && !wanted_kind(t, en) &&
		    !store_asked(t, en) && dlg_spec_asked(t))
			continue;
		/* "A spare of the big charger": an accessory is asked for
		 * what is in focus, which stays the device it must fit. */
		if (en->type == ENTITY_CATEGORY && en->category != NULL &&
		    strcmp(en->category, "accessories") == 0)
			continue;
		/* "Show me lenses" after a camera: a subcategory named is
		 * a kind of its own. */
		if (en->type == ENTITY_CATEGORY && en->category != NULL)
			fits = (p.category != NULL && strcmp(p.category,
			    en->category) == 0 && (en->subcategory == NULL ||
			    (p.subcategory != NULL && strcmp(p.subcategory,
			    en->subcategory) == 0))) || (p.subcategory != NULL &&
			    strcmp(p.subcategory, en->category) == 0) ||
			    (!store_asked(t, en) && !wanted_kind(t, en) &&
			    word_of_product(t, &p, en->start, en->end));
		else if (en->type == ENTITY_BRAND && en->value != NULL)
			fits = p.brand != NULL && (strcasecmp(p.brand,
			    en->value) == 0 || (en->brand != NULL &&
			    strcasecmp(p.brand, en->brand) == 0));
		/* "Is the spigen one magsafe" about an iPhone: a brand
		 * making nothing of its kind makes things for it. */
		if (!fits && en->type == ENTITY_BRAND &&
		    dlg_first_entity(t, ENTITY_CATEGORY) == NULL &&
		    !brand_makes(t, en->brand != NULL ? en->brand : en->value,
		    p.category))
			fits = 1;
		if (!fits && why != NULL)
			*why = en->type == ENTITY_CATEGORY ? "kind" : "brand";
	}
	/* "Camera that works with iphone" after a TV: a feature's word
	 * that is also a kind, which the product does not have, names
	 * the kind. */
	for (i = 0; i < t->e->el.n && fits && !ptr; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_ATTRIBUTE && !said_as_own(t, en) &&
		    attribute_kind(t, en, &p)) {
			fits = 0;
			if (why != NULL)
				*why = "kind";
		}
	}
	/* "Does the sonos era 100 work with alexa" after the JBL: the
	 * product named is the subject, the focus no part of it. */
	for (i = 0; i < t->e->el.n && fits && !ptr &&
	    !dlg_has_any(t, weigh_words); i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT || said_as_own(t, en) ||
		    dlg_entity_unknown(en) || other_brand_said(t, en))
			continue;
		fits = names_product(t, en, &p);
		if (!fits && why != NULL)
			*why = "product";
	}
	product_release(&p);
	return fits;
}

/*
 * "And a mouse to go with it", "add a case too" beside a keyboard in
 * focus: a kind said with "a", "an", "another" before it, of which the
 * product's name, attributes and subcategory hold no word, is something
 * new wanted.  The first entity that so names a kind that sku is not,
 * or NULL.
 */
const struct entity *
dlg_other_kind_wanted(struct tctx *t, const char *sku)
{
	const struct entity *en, *found = NULL;
	struct product	 p;
	size_t		 i;

	memset(&p, 0, sizeof p);
	if (sku == NULL || !dlg_peek_product(t, sku, &p))
		return NULL;
	for (i = 0; i < t->e->el.n && found == NULL; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_CATEGORY && article_before(t, en) &&
		    !said_as_own(t, en) &&
		    !word_of_product(t, &p, en->start, en->end))
			found = en;
	}
	product_release(&p);
	return found;
}

/*
 * Keep of list key those that fit; 1 when some were set aside.  With
 * whole set, all or none: a list with some of what is named stays as
 * shown ("which garmin has the longest battery" picks among it).
 */
static int
guard_list(struct tctx *t, const char *key, int whole, cJSON *aside,
    cJSON *r)
{
	cJSON		*list = dlg_jarr(t->state, key), *kept, *it;
	const char	*why = NULL;
	int		 out = 0;

	kept = cJSON_CreateArray();
	cJSON_ArrayForEach(it, list) {
		if (!cJSON_IsString(it))
			continue;
		dlg_ref_candidate(r, it->valuestring);
		if (dlg_focus_fits(t, it->valuestring, &why))
			cJSON_AddItemToArray(kept,
			    cJSON_CreateString(it->valuestring));
		else {
			cJSON_AddItemToArray(dlg_jarr(r, "set_aside"),
			    cJSON_CreateString(it->valuestring));
			dlg_jset_str(r, "named", why);
			out = 1;
		}
	}
	if (!out || (whole && cJSON_GetArraySize(kept) > 0)) {
		cJSON_Delete(kept);
		return 0;
	}
	cJSON_AddItemToObject(aside, key, cJSON_Duplicate(list, 1));
	cJSON_ReplaceItemInObjectCaseSensitive(t->state, key, kept);
	return 1;
}

void
dlg_focus_guard(struct tctx *t)
{
	/* "Only lenovo", "just the sony ones": the list shown narrowed by
	 * what is named (dlg-recommend.c), not a new subject. */
	static const char *const narrowing[] = { "only", "just", NULL };
	cJSON	*aside, *r;
	int	 out;

	/* "No apple", "not earbuds": a brand or kind refused narrows. */
	if (dlg_has_any(t, narrowing) || dlg_brand_refusal(t) ||
	    dlg_kind_refusal(t) ||
	    (dlg_first_entity(t, ENTITY_CATEGORY) == NULL &&
	    dlg_first_entity(t, ENTITY_BRAND) == NULL &&
	    dlg_first_entity(t, ENTITY_PRODUCT) == NULL) ||
	    (dlg_focus_top(t, 0) == NULL && cJSON_GetArraySize(
	    dlg_jarr(t->state, "results")) == 0))
		return;
	aside = cJSON_CreateObject();
	r = cJSON_CreateObject();
	dlg_ref_rule(r, "focus-guard", "a kind or brand named that the "
	    "conversation's product is not");
	cJSON_AddArrayToObject(r, "candidates");
	out = guard_list(t, "focus", 0, aside, r);
	out |= guard_list(t, "results", 1, aside, r);
	if (!out) {
		cJSON_Delete(aside);
		cJSON_Delete(r);
		return;
	}
	/* What the handlers see, to tell their own list from it after. */
	cJSON_AddItemToObject(aside, "results_seen",
	    cJSON_Duplicate(dlg_jarr(t->state, "results"), 1));
	cJSON_AddItemToObject(t->state, "aside", aside);
	cJSON_DeleteItemFromObjectCaseSensitive(t->trace, "focus_guard");
	cJSON_AddItemToObject(t->trace, "focus_guard", r);
}

void
dlg_focus_unguard(struct tctx *t)
{
	cJSON	*aside = cJSON_GetObjectItemCaseSensitive(t->state, "aside");
	cJSON	*f, *it, *orig, *seen;
	int	 i;

	if (!cJSON_IsObject(aside))
		return;
	/* The focus set aside comes after what the turn put in it. */
	orig = cJSON_GetObjectItemCaseSensitive(aside, "focus");
	f = dlg_jarr(t->state, "focus");
	cJSON_ArrayForEach(it, orig) {
		if (!cJSON_IsString(it))
			continue;
		for (i = 0; i < cJSON_GetArraySize(f); i++)
			if (strcmp(cJSON_GetArrayItem(f, i)->valuestring,
			    it->valuestring) == 0)
				break;
		if (i == cJSON_GetArraySize(f) && i < FOCUS_MAX)
			cJSON_AddItemToArray(f,
			    cJSON_CreateString(it->valuestring));
	}
	/* The last list stays, unless the turn showed another. */
	orig = cJSON_GetObjectItemCaseSensitive(aside, "results");
	seen = cJSON_GetObjectItemCaseSensitive(aside, "results_seen");
	if (orig != NULL && cJSON_Compare(seen, dlg_jarr(t->state,
	    "results"), 1))
		cJSON_ReplaceItemInObjectCaseSensitive(t->state, "results",
		    cJSON_Duplicate(orig, 1));
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "aside");
}

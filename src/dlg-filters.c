/*
 * dlg-filters.c owns the needs the customer stated (the filters in the
 * dialogue state): the use, budget and constraints read from each
 * message, kept until the category changes, and whether a product meets
 * them.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/*
 * Shoppers' words for what they will use a product for, and the catalog
 * tag or subcategory that says so.
 */
static const struct {
	const char	*word;
	const char	*use;
} use_words[] = {
	{ "gaming", "gaming" }, { "games", "gaming" }, { "esports", "gaming" },
	{ "programming", "programming" }, { "coding", "programming" },
	{ "developer", "programming" }, { "note-taking", "note-taking" },
	{ "notes", "note-taking" }, { "college", "students" },
	{ "student", "students" }, { "students", "students" },
	{ "school", "students" }, { "university", "students" },
	{ "business", "business" }, { "office", "business" },
	{ "work", "business" }, { "travel", "ultraportable" },
	{ "portable", "ultraportable" }, { "creator", "creator" },
	{ "editing", "creator" }, { "running", "running" },
	{ "fitness", "fitness" }, { "kids", "kids" },
};

/*
 * Constraints a customer adds to what they are shopping for: a form
 * ("over-ear"), a feature ("noise cancelling", "waterproof", "with
 * USB-C") or a limit ("under 1 kg").  They live in filters.require and
 * hold until the category changes; a product whose specifications
 * contradict one is never listed or recommended.
 */
static const struct {
	const char	*word;
	const char	*form;
} form_words[] = {
	{ "over-ear", "over-ear" }, { "over ear", "over-ear" },
	{ "on-ear", "on-ear" }, { "on ear", "on-ear" },
	{ "earbuds", "earbuds" }, { "in-ear", "earbuds" },
	{ "earphones", "earbuds" }, { "ear buds", "earbuds" },
	{ "in ear", "earbuds" }, { "wired", "wired" },
};

/* "under 1 kg", "less than 1.5kg": the limit, or -1. */
static double
weight_limit(const char *s)
{
	const char	*p = s, *q;
	char		*end;
	double		 v;

	while ((p = strstr(p, "kg")) != NULL) {
		q = p;
		while (q > s && q[-1] == ' ')
			q--;
		while (q > s && (isdigit((unsigned char)q[-1]) || q[-1] == '.'))
			q--;
		v = strtod(q, &end);
		if (end != q && v > 0 && (dlg_word_in(s, "under", 5) ||
		    dlg_word_in(s, "below", 5) || dlg_word_in(s, "less", 4) ||
		    dlg_word_in(s, "lighter", 7) || dlg_word_in(s, "max", 3)))
			return v;
		p += 2;
	}
	return -1;
}

/*
 * A screen size said ("65 inch", '55"', "a 13-inch laptop") goes to
 * filters.size: the variant meant when a model or brand comes next.
 */
static void
screen_size(const char *s, cJSON *f)
{
	const char	*p, *q, *u;
	char		 num[4];
	size_t		 n;

	for (p = s; *p != '\0'; p = q) {
		for (; *p != '\0' && (!isdigit((unsigned char)*p) || (p > s &&
		    isalnum((unsigned char)p[-1]))); p++)
			;
		for (q = p; isdigit((unsigned char)*q); q++)
			;
		if ((n = (size_t)(q - p)) == 0)
			break;
		u = *q == ' ' || *q == '-' ? q + 1 : q;
		if (n < 2 || n > 3 || (*q != '"' && strncmp(u, "inch", 4) != 0 &&
		    (strncmp(u, "in", 2) != 0 || isalpha((unsigned char)u[2]))))
			continue;
		memcpy(num, p, n);
		num[n] = '\0';
		dlg_jset_str(f, "size", num);
		return;
	}
}

static void
update_constraints(struct tctx *t, cJSON *f)
{
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char	*at, *first = NULL, *form = NULL;
	const struct entity *en;
	cJSON		*req = dlg_jobj(f, "require");
	double		 kg;
	size_t		 i;

	/* "Over-ear pls, earbuds hurt": the form said first is wanted. */
	for (i = 0; i < sizeof form_words / sizeof form_words[0]; i++)
		if ((at = strstr(s, form_words[i].word)) != NULL &&
		    dlg_word_in(s, form_words[i].word,
		    strlen(form_words[i].word)) && (first == NULL ||
		    at < first)) {
			first = at;
			form = form_words[i].form;
		}
	if (form != NULL)
		dlg_jset_str(req, "form", form);
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_ATTRIBUTE || en->value == NULL)
			continue;
		if (strcmp(en->value, "noise_cancelling") == 0)
			dlg_jset_str(req, "noise_cancelling", "yes");
		else if (strcmp(en->value, "water_resistance") == 0)
			dlg_jset_str(req, "water_resistance", "yes");
	}
	/* Also inside a category phrase ("noise cancelling headphones"). */
	if (dlg_has_word(t, "noise cancelling") ||
	    dlg_has_word(t, "noise canceling") ||
	    dlg_has_word(t, "noise cancellation") || dlg_has_word(t, "anc"))
		dlg_jset_str(req, "noise_cancelling", "yes");
	if (dlg_has_word(t, "usb-c") || dlg_has_word(t, "usb c") ||
	    dlg_has_word(t, "usbc") || dlg_has_word(t, "type-c"))
		dlg_jset_str(req, "usb_c", "yes");
	if ((kg = weight_limit(s)) > 0)
		dlg_jset_num(req, "max_kg", kg);
	screen_size(s, f);
	dlg_needs_read(t, f);
	req = dlg_jobj(f, "require");
	if (cJSON_GetArraySize(req) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(f, "require");
}

/*
 * Does the message state a need of the product ("noise cancelling",
 * "55 inch", "at least 16gb ram"), as the constraints read it?
 */
int
dlg_need_said(struct tctx *t)
{
	static const char *const asks[] = { "what", "which", "will", "would",
	    "does", "do", "can", "is", "are", NULL };
	cJSON	*f = cJSON_CreateObject();
	int	 said;

	update_constraints(t, f);
	dlg_spec_constraints(t, f);
	/* "What watch would work with both?" asks what is compatible
	 * (dlg-compare.c, dlg-compat.c), not for a list; "a smartwatch
	 * that works with iphone" does. */
	if (dlg_has_any(t, asks))
		cJSON_DeleteItemFromObjectCaseSensitive(dlg_jobj(f,
		    "require"), "platforms");
	said = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(f,
	    "require")) > 0 || dlg_jstr(f, "size") != NULL;
	cJSON_Delete(f);
	return said;
}

/* Does p's text attribute key contain word (case-insensitive)? */
static int
attr_has(const struct product *p, const char *key, const char *word)
{
	char	*v = catalog_attr(p, key);
	int	 yes = v != NULL && strcasestr(v, word) != NULL;

	free(v);
	return yes;
}

int
dlg_meets_constraints(struct tctx *t, const struct product *p)
{
	cJSON		*req = cJSON_GetObjectItemCaseSensitive(
	    dlg_jobj(t->state, "filters"), "require");
	const char	*form;
	char		*v;
	double		 kg;
	int		 ok = 1;

	if (!cJSON_IsObject(req))
		return 1;
	if ((form = dlg_jstr(req, "form")) != NULL)
		ok = (p->subcategory != NULL &&
		    strcmp(p->subcategory, form) == 0) ||
		    (strcmp(form, "wired") != 0 && attr_has(p, "type", form));
	if (ok && dlg_jstr(req, "noise_cancelling") != NULL) {
		v = catalog_attr(p, "noise_cancelling");
		ok = v != NULL && strncasecmp(v, "yes", 3) == 0;
		free(v);
	}
	if (ok && dlg_jstr(req, "water_resistance") != NULL) {
		v = catalog_attr(p, "water_resistance");
		if (v == NULL)
			v = catalog_attr(p, "waterproof");
		/* Splash-proof ratings (IPX2, IPX4, IP54) are not it. */
		ok = v != NULL && strncasecmp(v, "no", 2) != 0 &&
		    strstr(v, "IPX2") == NULL && strstr(v, "IPX4") == NULL &&
		    strstr(v, "IP54") == NULL;
		free(v);
	}
	/* The specifications or the description ("a USB-C case"). */
	if (ok && dlg_jstr(req, "usb_c") != NULL)
		ok = (p->attrs != NULL && (strcasestr(p->attrs, "usb-c") !=
		    NULL || strcasestr(p->attrs, "usb c") != NULL ||
		    strcasestr(p->attrs, "thunderbolt") != NULL)) ||
		    (p->description != NULL && (strcasestr(p->description,
		    "usb-c") != NULL || strcasestr(p->description,
		    "thunderbolt") != NULL));
	if (ok && (kg = dlg_jnum(req, "max_kg", -1)) > 0) {
		v = catalog_attr(p, "weight_kg");
		ok = v != NULL && strtod(v, NULL) <= kg;
		free(v);
	}
	return ok;
}

/* Is "my" or "our" one of the three words before offset at of s ("my
 * tv's sound is thin, is there a soundbar")? */
int
dlg_said_mine(const char *s, size_t at)
{
	size_t	 b = at, e, w;

	for (w = 0; w < 3 && b > 0; w++) {
		while (b > 0 && !isalnum((unsigned char)s[b - 1]))
			b--;
		for (e = b; b > 0 && isalnum((unsigned char)s[b - 1]); b--)
			;
		if ((e - b == 2 && strncasecmp(s + b, "my", 2) == 0) ||
		    (e - b == 3 && strncasecmp(s + b, "our", 3) == 0))
			return 1;
	}
	return 0;
}

/* "Would work with both", "works on a Mac": "work" said of fitting. */
static int
works_with_said(struct tctx *t, const char *w)
{
	static const char *const fit[] = { "work with", "works with",
	    "work on", "works on", "would work", "will work", "to work",
	    "work for", "works for", NULL };

	return strcmp(w, "work") == 0 && dlg_has_any(t, fit);
}

/* Does item it of an order match m (as catalog.c matches items)? */
static int
item_matches(const struct order_item *it, const struct order_match *m)
{
	if (m->sku != NULL)
		return it->sku != NULL && strcmp(it->sku, m->sku) == 0;
	if (m->brand != NULL)
		return strcasestr(it->name, m->brand) != NULL;
	if (m->name != NULL)
		return strcasestr(it->name, m->name) != NULL;
	return m->category != NULL && it->category != NULL &&
	    strcmp(it->category, m->category) == 0;
}

/*
 * "No more than what I paid for my Pixel 7": the price of that item in
 * the customer's latest order holding it is the budget.  1 when set.
 */
static int
paid_budget(struct tctx *t, cJSON *f)
{
	static const char *const paid[] = { "paid", "spent", "gave", "cost me",
	    NULL };
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const struct entity *en;
	struct order_match m, kind;
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	char		**ids = NULL;
	size_t		 n = 0, i, at = 0, k;
	double		 price = -1;

	for (k = 0; paid[k] != NULL && at == 0; k++)
		if (dlg_has_word(t, paid[k]))
			at = (size_t)(strstr(s, paid[k]) - s);
	if (at == 0 || !t->have_cust || dlg_first_entity(t, ENTITY_PRICE))
		return 0;
	/* The thing paid for is named after the verb: "my iphone case" is
	 * an accessory whose name says iPhone. */
	memset(&m, 0, sizeof m);
	memset(&kind, 0, sizeof kind);
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->start < at)
			continue;
		if (en->type == ENTITY_PRODUCT && en->sku != NULL)
			m.sku = en->sku;
		else if (en->type == ENTITY_PRODUCT)
			m.name = en->value;
		else if (en->type == ENTITY_BRAND)
			m.brand = en->brand != NULL ? en->brand : en->value;
		else if (en->type == ENTITY_CATEGORY)
			kind.category = en->category;
	}
	if (m.sku == NULL && m.name == NULL && m.brand == NULL &&
	    kind.category == NULL)
		return 0;
	dlg_retrieve_begin(t);
	if (catalog_customer_orders_with(t->st, t->cust.id, m.sku != NULL ||
	    m.name != NULL || m.brand != NULL ? &m : &kind, &ids, &n,
	    &err) != SD_OK)
		n = 0;
	/* The newest order first; an item that is both. */
	for (k = n; k > 0 && price < 0; k--) {
		memset(&o, 0, sizeof o);
		if (catalog_order(t->st, ids[k - 1], &o, &err) != SD_OK)
			continue;
		for (i = 0; i < o.nitems && price < 0; i++)
			if ((kind.category == NULL || item_matches(&o.items[i],
			    &kind)) && (m.sku == NULL && m.name == NULL &&
			    m.brand == NULL ? 1 : item_matches(&o.items[i], &m)))
				price = o.items[i].unit_price;
		order_release(&o);
	}
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	if (price <= 0)
		return 0;
	dlg_jset_num(f, "max_price", price);
	cJSON_DeleteItemFromObjectCaseSensitive(f, "min_price");
	dlg_jset_str(t->trace, "budget", "the price of the item paid for "
	    "in the customer's orders");
	return 1;
}

/*
 * "Not a gaming one": the use refused, into require.not_uses (no product
 * made for it is offered, dlg_needs_kind_ok) and out of the use.
 */
static void
refuse_use(cJSON *f, const char *use)
{
	cJSON	*no = dlg_jarr(dlg_jobj(f, "require"), "not_uses"), *it;

	if (dlg_jstr(f, "use") != NULL && strcmp(dlg_jstr(f, "use"), use) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(f, "use");
	cJSON_ArrayForEach(it, no)
		if (cJSON_IsString(it) && strcmp(it->valuestring, use) == 0)
			return;
	cJSON_AddItemToArray(no, cJSON_CreateString(use));
}

/*
 * Filters from entities into the state (budget, category, use, brand).
 * A new category starts the needs afresh; other turns refine them.
 */
void
dlg_update_filters(struct tctx *t)
{
	cJSON		*f = dlg_jobj(t->state, "filters");
	const struct entity *en;
	size_t		 i;

	/* A first category refines the needs said so far ("for gaming,
	 * under $1,000" then "a laptop"); another one replaces them. */
	/* "Over-ear" names headphones again: that refines, keeps all. */
	if ((en = dlg_first_entity(t, ENTITY_CATEGORY)) != NULL &&
	    dlg_jstr(f, "category") != NULL && (en->category == NULL ||
	    strcmp(en->category, dlg_jstr(f, "category")) != 0)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "filters");
		f = dlg_jobj(t->state, "filters");
	}
	for (i = 0; i < sizeof use_words / sizeof use_words[0]; i++)
		if (dlg_has_word(t, use_words[i].word) &&
		    !works_with_said(t, use_words[i].word)) {
			if (dlg_word_refused(t, use_words[i].word))
				refuse_use(f, use_words[i].use);
			else
				dlg_jset_str(f, "use", use_words[i].use);
			break;
		}

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		switch (en->type) {
		case ENTITY_PRICE:
			/* A budget said again replaces the one before:
			 * "up to 1200" after "around 500" has no floor. */
			if (en->has_max)
				dlg_jset_num(f, "max_price", en->max);
			else
				cJSON_DeleteItemFromObjectCaseSensitive(f,
				    "max_price");
			if (en->has_min)
				dlg_jset_num(f, "min_price", en->min);
			else
				cJSON_DeleteItemFromObjectCaseSensitive(f,
				    "min_price");
			break;
		case ENTITY_CATEGORY:
			/* "A monitor ... with one USB-C cable": the kind
			 * said first is the one wanted, the rest details. */
			if (en != dlg_first_entity(t, ENTITY_CATEGORY))
				break;
			if (en->subcategory == NULL &&
			    dlg_jstr(f, "kind") != NULL) {
				cJSON_DeleteItemFromObjectCaseSensitive(f,
				    "kind");
				cJSON_DeleteItemFromObjectCaseSensitive(f,
				    "use");
			}
			if (en->category != NULL) {
				const char *old = dlg_jstr(f, "category");

				(void)old;
				dlg_jset_str(f, "category", en->category);
			}
			if (en->use != NULL)
				dlg_jset_str(f, "use", en->use);
			/* "Robot vacuums": the kind, which the catalog
			 * filters as a use (subcategory or tag). */
			if (en->subcategory != NULL) {
				dlg_jset_str(f, "use", en->subcategory);
				dlg_jset_str(f, "kind", en->subcategory);
			}
			break;
		case ENTITY_BRAND:
			/* "Upgrading from my little 24\" Dell": theirs. */
			if (dlg_said_mine(t->text, en->start))
				break;
			if (en->brand != NULL || en->value != NULL)
				dlg_jset_str(f, "brand", en->brand != NULL ?
				    en->brand : en->value);
			break;
		default:
			break;
		}
	}
	paid_budget(t, f);
	update_constraints(t, f);
}

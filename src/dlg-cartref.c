/*
 * dlg-cartref.c: which item of the cart a removal means.  "Remove the
 * sony from my cart" said right after a list that shows another Sony
 * means the Sony in the cart: a brand, family or kind said in a removal
 * is resolved against the cart's items first.  One item fits: that one.
 * Several: ask which, naming them.  None: say so and show the cart; the
 * product last shown is never removed in its place.  A change of a
 * line's count ("make the sony two") resolves its line the same way.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Most cart items the reference is tested against. */
#define REF_ITEMS	64

/* Words for the cart itself: "my bag" is no kind of bag asked for. */
static const char *const cart_nouns[] = { "cart", "basket", "bag", NULL };

/* Which class of reference an entity is (0 brand, 1 kind, 2 family),
 * or -1 when it is none the cart's items can be tested against. */
static int
ref_class(struct tctx *t, const struct entity *en)
{
	const char *const *w;
	size_t		 n = en->end - en->start;

	if (en->type == ENTITY_BRAND)
		return 0;
	if (en->type == ENTITY_CATEGORY && en->category != NULL) {
		for (w = cart_nouns; *w != NULL; w++)
			if (strncasecmp(t->text + en->start, *w,
			    strlen(*w)) == 0 && n <= strlen(*w) + 1)
				return -1;
		return 1;
	}
	if (en->type == ENTITY_PRODUCT && en->sku == NULL &&
	    (en->value != NULL || en->name != NULL))
		return 2;
	return -1;
}

/* Does cart product p fit entity en of class c? */
static int
ref_fits(const struct entity *en, int c, const struct product *p)
{
	const char	*want;

	switch (c) {
	case 0:
		want = en->brand != NULL ? en->brand : en->value;
		return want != NULL && strcasecmp(p->brand, want) == 0;
	case 1:
		return strcmp(p->category, en->category) == 0 ||
		    strcmp(p->subcategory, en->category) == 0 ||
		    (en->subcategory != NULL &&
		    strcmp(p->subcategory, en->subcategory) == 0);
	default:
		want = en->name != NULL ? en->name : en->value;
		return strcasestr(p->name, want) != NULL;
	}
}

/*
 * Is the kind word said for en ("charger", "cases") in p's subcategory
 * or name?  The kinds the gazetteer knows are broad ("accessories"):
 * of the lines that fit it, those the word itself names are meant.
 */
static int
word_fits(struct tctx *t, const struct entity *en, const struct product *p)
{
	char	*w = xstrndup(t->text + en->start, en->end - en->start);
	size_t	 n = strlen(w);
	int	 yes;

	/* Its singular: "cases" is "case", "batteries" "batter". */
	if (n > 4 && strcmp(w + n - 3, "ies") == 0)
		w[n -= 3] = '\0';
	else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
		w[--n] = '\0';
	yes = n >= 3 && (strcasestr(p->subcategory, w) != NULL ||
	    strcasestr(p->name, w) != NULL);
	free(w);
	return yes;
}

/* The customer's words of the reference: from the first entity said to
 * the last ("sony headphones"). */
static void
ref_words(struct tctx *t, size_t a, size_t b)
{
	char	*s = xstrndup(t->text + a, b - a);

	slots_set(&t->slots, "ref", s);
	free(s);
}

/* Is brand a word (or words) of the folded message fold? */
static int
brand_in(const char *fold, const char *brand)
{
	char	*lb = xstrdup(brand), *c;
	int	 yes;

	for (c = lb; *c != '\0'; c++)
		*c = (char)tolower((unsigned char)*c);
	yes = *lb != '\0' && dlg_word_in(fold, lb, strlen(lb));
	free(lb);
	return yes;
}

int
dlg_cart_ref(struct tctx *t, struct product *out, int how)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct cart_item *v = NULL;
	struct product	 p;
	struct sbuf	 sb = SBUF_INIT;
	const struct entity *en;
	uint64_t	 fit[3], any[3] = { 0, 0, 0 }, all, word = 0;
	size_t		 n = 0, held, i, k, a = SIZE_MAX, b = 0, hits = 0;
	int		 c, said = 0, rc = 0, count = how & CART_REF_COUNT;
	const char	*fold = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	cJSON		*r;
	char		*m;

	/* A product named by its model is the existing resolution's. */
	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == ENTITY_PRODUCT &&
		    t->e->el.v[i].sku != NULL)
			return 0;
	for (i = 0; i < t->e->el.n; i++)
		said |= ref_class(t, &t->e->el.v[i]) >= 0;
	if (catalog_cart_items(t->st, t->cust.id, &v, &n, &err) != SD_OK) {
		sd_error_clear(&err);
		return 0;
	}
	held = n;
	if (n > REF_ITEMS)
		n = REF_ITEMS;
	memset(fit, 0, sizeof fit);
	for (k = 0; k < n; k++) {
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, v[k].sku, &p))
			continue;
		/* No entity said: a cart item's brand as a word of the
		 * message ("remove the apple"), lower case and all. */
		if (!said && brand_in(fold, p.brand)) {
			any[0] = 1;
			fit[0] |= (uint64_t)1 << k;
			slots_set(&t->slots, "ref", p.brand);
		}
		for (i = 0; i < t->e->el.n; i++) {
			en = &t->e->el.v[i];
			if ((c = ref_class(t, en)) < 0)
				continue;
			any[c] = 1;
			if (en->start < a)
				a = en->start;
			if (en->end > b)
				b = en->end;
			if (ref_fits(en, c, &p))
				fit[c] |= (uint64_t)1 << k;
			if (c == 1 && ref_fits(en, c, &p) &&
			    word_fits(t, en, &p))
				word |= (uint64_t)1 << k;
		}
		product_release(&p);
	}
	/* Any entity of a class fits; every class said must. */
	all = n < 64 ? ((uint64_t)1 << n) - 1 : UINT64_MAX;
	for (c = 0; c < 3; c++)
		if (any[c])
			all &= fit[c];
	/* "The charger" of a case and a charger: the charger. */
	if ((all & word) != 0)
		all &= word;
	for (k = 0; k < n; k++)
		hits += (all >> k) & 1;
	if (a < b)
		ref_words(t, a, b);
	if (!said && !any[0]) {
		catalog_cart_items_free(v, held);
		return 0;
	}
	dlg_jset_num(t->trace, "cart_ref_matches", (double)hits);
	if (hits == 1) {
		for (k = 0; !((all >> k) & 1); k++)
			;
		memset(out, 0, sizeof *out);
		if (dlg_load_product(t, v[k].sku, out)) {
			dlg_focus_push(t, out->sku);
			dlg_jset_str(t->trace, "product_resolution",
			    "the cart's item said");
			rc = 1;
		}
	} else if (hits > 1) {
		/* Several fit: ask which, and leave them as the list for
		 * "the first one". */
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "results");
		r = cJSON_AddArrayToObject(t->state, "results");
		dlg_results_stamp(t);
		for (k = 0; k < n; k++)
			if ((all >> k) & 1) {
				cJSON_AddItemToArray(r,
				    cJSON_CreateString(v[k].sku));
				m = catalog_money(v[k].price, "USD");
				sbuf_addf(&sb, "\n  - %s (%s)", v[k].name, m);
				free(m);
				dlg_cite(t, "product", v[k].sku, v[k].name,
				    "price");
			}
		for (k = n; k-- > 0;)
			if ((all >> k) & 1)
				dlg_focus_push(t, v[k].sku);
		slots_set(&t->slots, "matches", sb.buf);
		dlg_set_action(t, count ? "cart_qty_which" :
		    "cart_remove_which", "%zu cart items fit", hits);
		dlg_say(t, count ? "cart_qty_ref_which" :
		    "cart_remove_which");
		rc = -1;
	} else if (!(how & CART_REF_QUIET)) {
		dlg_cart_slots(t, 0);
		dlg_set_action(t, count ? "cart_qty" : "cart_remove",
		    "none in cart fits");
		dlg_say(t, n == 0 ? "cart_empty" : count ?
		    "cart_qty_none_fits" : "cart_none_fits");
		rc = -1;
	}
	sbuf_release(&sb);
	catalog_cart_items_free(v, held);
	return rc;
}

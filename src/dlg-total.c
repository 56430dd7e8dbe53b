/*
 * dlg-total.c owns what several products come to when the customer
 * asks for the sum outside the cart: "so ps5 plus the drive, how much
 * total", "two of those, total?", "total for both".  The cart's own
 * total (a cart named or just changed) is dlg-cartedit.c's.
 *
 * The items are the products the message names (a name, or a kind or
 * family that one shown or one in the cart is of), the one the last
 * reply was about for a pointer ("those", "it"), the two last in focus
 * for "both"; each times a count said before it ("two of those").  The
 * reply shows every line and the sum from the catalog's prices ("2 x
 * $179.99 + $299.99 = $659.97"), which the fact check backs only when
 * it adds up.  Something named that no product shown or carted is: the
 * customer is asked which items.  A coupon code with them ("the 8gb
 * with that code") is dlg-coupon.c's to apply.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

#define TOTAL_MAX	6	/* lines summed at most */

/* Pointers at the last reply's list, or the product it was about. */
static const char *const plurals[] = { "those", "them", "these", "em",
	NULL };
static const char *const pointers[] = { "it", "that", "this", NULL };
/* What a pointer may point at that is no product ("that code"). */
static const char *const not_things[] = { "code", "coupon", "promo",
	"voucher", "discount", "deal", "offer", NULL };
/* Words that may stand between a count and what it counts. */
static const char *const count_glue[] = { "of", "the", "x", NULL };

/* The count said just before byte a ("two of the msi"), else 1. */
static long
count_before(struct tctx *t, const struct text_token *tok, size_t n,
    size_t a)
{
	size_t	 k;
	long	 c;

	for (k = 0; k < n && tok[k].end <= a; k++)
		;
	while (k-- > 0) {
		if (dlg_token_is(t->text, tok, k, count_glue))
			continue;
		c = dlg_count_word(t->text + tok[k].start, tok[k].end -
		    tok[k].start);
		return c > 1 && c < 100 ? c : 1;
	}
	return 1;
}

/*
 * What "those" points at: the list the last reply showed when it held
 * one product, else the product in focus; NULL (unclear) when that list
 * held several.
 */
static const char *
plural_meant(struct tctx *t)
{
	double	 rat = dlg_jnum(t->state, "results_at", -10);
	cJSON	*res = dlg_jarr(t->state, "results"), *it;

	if (rat < (double)(t->si.turns - 2) || rat >= (double)t->si.turns ||
	    cJSON_GetArraySize(res) == 0)
		return dlg_focus_top(t, 0);
	it = cJSON_GetArrayItem(res, 0);
	return cJSON_GetArraySize(res) == 1 && cJSON_IsString(it) ?
	    it->valuestring : NULL;
}

/* Add sku times qty, once (a second mention keeps the first's count). */
static void
line_add(struct total_line *v, size_t *n, const char *sku, long qty)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (strcmp(v[i].sku, sku) == 0)
			return;
	if (*n < TOTAL_MAX) {
		v[*n].sku = sku;
		v[(*n)++].qty = qty;
	}
}

/* Is p of the kind en says: its subcategory when it says one ("nas",
 * not every "storage"), else its category? */
static int
of_kind(const struct product *p, const struct entity *en)
{
	const char	*want = en->subcategory != NULL ? en->subcategory :
			    en->category;

	return want != NULL && ((p->category != NULL &&
	    strcmp(p->category, want) == 0) || (p->subcategory != NULL &&
	    strcmp(p->subcategory, want) == 0));
}

/* The product of en's kind in focus or the last list, else the cart
 * line of it (the one the customer is "keeping"), else NULL. */
static const char *
kind_meant(struct tctx *t, const struct entity *en, cJSON *cart)
{
	cJSON		*res = dlg_jarr(t->state, "results"), *it;
	struct product	 p;
	const char	*sku;
	size_t		 i, nr = (size_t)cJSON_GetArraySize(res);
	size_t		 nc = (size_t)cJSON_GetArraySize(cart);
	int		 fit;

	for (i = 0; i < FOCUS_MAX + nr + nc; i++) {
		if (i < FOCUS_MAX)
			sku = dlg_focus_top(t, (int)i);
		else if (i < FOCUS_MAX + nr) {
			it = cJSON_GetArrayItem(res, (int)(i - FOCUS_MAX));
			sku = cJSON_IsString(it) ? it->valuestring : NULL;
		} else
			sku = dlg_jstr(cJSON_GetArrayItem(cart, (int)(i -
			    FOCUS_MAX - nr)), "sku");
		memset(&p, 0, sizeof p);
		if (sku == NULL || !dlg_peek_product(t, sku, &p))
			continue;
		fit = of_kind(&p, en);
		product_release(&p);
		if (fit)
			return sku;
	}
	return NULL;
}

/*
 * The lines the message means into v; the number of them, or -1 when
 * something named is no product shown or carted.
 */
static int
lines_meant(struct tctx *t, struct total_line *v, size_t *n, cJSON *cart)
{
	const struct entity *en;
	struct text_token *tok = NULL;
	const char	*sku, *a;
	size_t		 cap = 0, nt, i, k;
	int		 unclear = 0;

	nt = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT && en->type != ENTITY_CATEGORY)
			continue;
		sku = en->type == ENTITY_CATEGORY ? kind_meant(t, en, cart) :
		    en->sku != NULL ? en->sku : dlg_shown_match(t, en);
		if (sku == NULL) {
			unclear = 1;
			continue;
		}
		line_add(v, n, sku, count_before(t, tok, nt, en->start));
	}
	for (k = 0; k < nt; k++) {
		if (dlg_token_is(t->text, tok, k, (const char *const[]){
		    "both", NULL })) {
			if ((a = dlg_focus_top(t, 1)) != NULL &&
			    (sku = dlg_focus_top(t, 0)) != NULL) {
				line_add(v, n, a, 1);
				line_add(v, n, sku, 1);
			} else
				unclear = 1;
		} else if (dlg_token_is(t->text, tok, k, plurals)) {
			if ((sku = plural_meant(t)) != NULL)
				line_add(v, n, sku, count_before(t, tok, nt,
				    tok[k].start));
			else
				unclear = 1;
		} else if (dlg_token_is(t->text, tok, k, pointers) &&
		    (k + 1 >= nt || !dlg_token_is(t->text, tok, k + 1,
		    not_things)) && (sku = dlg_focus_top(t, 0)) != NULL)
			line_add(v, n, sku, count_before(t, tok, nt,
			    tok[k].start));
	}
	free(tok);
	return unclear ? -1 : (int)*n;
}

void
dlg_total_focus(struct tctx *t, const struct total_line *v, size_t n)
{
	char	*sku[TOTAL_MAX];
	size_t	 i;

	/* Copies first: a push may free a string another line points at. */
	for (i = 0; i < n && i < TOTAL_MAX; i++)
		sku[i] = xstrdup(v[i].sku);
	while (i-- > 0) {
		dlg_focus_push(t, sku[i]);
		free(sku[i]);
	}
}

/* The sum said: every line, its count and price, and what they come
 * to; the lines put in focus and the trace. */
static void
say_total(struct tctx *t, const struct total_line *v, size_t n)
{
	struct sbuf	 sb = SBUF_INIT;
	struct product	 p;
	cJSON		*items;
	double		 total = 0;
	size_t		 i;
	char		*m;

	items = cJSON_AddArrayToObject(t->trace, "total_items");
	for (i = 0; i < n; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, v[i].sku, &p))
			continue;
		m = catalog_money(p.price, p.currency);
		sbuf_addf(&sb, "%s%s ", i > 0 ? " + " : "", p.name);
		if (v[i].qty > 1)
			sbuf_addf(&sb, "%ld x ", v[i].qty);
		sbuf_addf(&sb, "%s", m);
		free(m);
		total += p.price * (double)v[i].qty;
		cJSON_AddItemToArray(items, cJSON_CreateString(p.sku));
		product_release(&p);
	}
	m = catalog_money(total, "USD");
	sbuf_addf(&sb, " = %s", m);
	free(m);
	slots_set(&t->slots, "total_lines", sb.buf);
	sbuf_release(&sb);
	dlg_total_focus(t, v, n);
	dlg_set_action(t, "items_total", "%zu line(s)", n);
	dlg_say(t, "items_total");
}

/* Something named is no product shown or carted: which items? */
static void
say_which(struct tctx *t, size_t n)
{
	dlg_set_action(t, "items_total_which", "%zu line(s) found", n);
	dlg_say(t, "items_total_which");
}

int
dlg_total_items(struct tctx *t)
{
	struct total_line v[TOTAL_MAX];
	size_t		 n = 0;
	int		 got;
	const char	*sku, *how = NULL;
	cJSON		*ctx;

	if (!dlg_total_asked(t) && !dlg_coupon_asked(t))
		return 0;
	ctx = cJSON_CreateObject();
	/* The cart, active or left: "keeping the soundbar" is its. */
	dlg_load_customer(t);
	if (t->have_cust)
		catalog_customer_context(t->st, &t->cust, ctx);
	got = lines_meant(t, v, &n, dlg_jarr(ctx, "cart"));
	/* "So the 8gb with that code comes to?": the variant in focus. */
	if (got == 0 && ((sku = dlg_resolve_reference(t, &how)) != NULL ||
	    (sku = dlg_focus_top(t, 0)) != NULL))
		line_add(v, &n, sku, 1);
	/* A coupon code of the store's with them: its terms applied. */
	if (got >= 0 && dlg_coupon_total(t, v, n)) {
		dlg_jset_str(t->trace, "product_resolution",
		    "the items priced with the code");
		cJSON_Delete(ctx);
		return 1;
	}
	/* One product once is its price, no sum (the price's answer). */
	if (got == 0 || (got > 0 && n == 1 && v[0].qty == 1)) {
		cJSON_Delete(ctx);
		return 0;
	}
	if (got < 0)
		say_which(t, n);
	else {
		dlg_jset_str(t->trace, "product_resolution",
		    "the items summed");
		say_total(t, v, n);
	}
	cJSON_Delete(ctx);	/* the cart's SKUs, read until here */
	return 1;
}

/*
 * dlg-recommend.c: recommendations from the stated needs (category, use,
 * brand, budget, and constraints such as "over-ear" or "65 inch"), best
 * rated first with the reasons each fits, or the nearest when nothing
 * fits.  A product whose specifications contradict a constraint is never
 * offered.  Narrowing a list is dlg-narrow.c's; a kind wanted read as
 * shopping, dlg-shopping.c's.
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

/*
 * How many fits are listed, best first: five, so that a superlative
 * over "those" ranks the fits, not the three best rated; three when the
 * customer asked for the cheapest (the rest would only cost more).
 */
static size_t
shown_max(cJSON *f)
{
	cJSON	*req = cJSON_GetObjectItemCaseSensitive(f, "require");

	return dlg_jstr(req, "lowest_first") != NULL ||
	    dlg_jstr(req, "cheap") != NULL ? 3 : 5;
}

/* Why a recommended product fits: the filters it meets and its rating. */
static char *
reasons(struct tctx *t, const struct product *p)
{
	cJSON		*f = dlg_jobj(t->state, "filters");
	struct sbuf	 sb = SBUF_INIT;
	char		*money, *value;
	double		 max = dlg_jnum(f, "max_price", -1);

	if (p->rating > 0)
		sbuf_addf(&sb, "it is rated %.1f/5 by %lld customers",
		    p->rating, p->review_count);
	/* "Coverage up to 6,500 sq ft": the value that meets the need
	 * said in the customer's words. */
	if ((value = dlg_catneeds_value(f, p)) != NULL) {
		sbuf_addf(&sb, "%swith %s", sb.len ? ", " : "", value);
		free(value);
	}
	if (max >= 0) {
		money = catalog_money(max, p->currency);
		sbuf_addf(&sb, "%sit is within your %s budget",
		    sb.len ? ", " : "", money);
		free(money);
	}
	/* Only when it really is (the use may have been relaxed), and
	 * not for a kind ("built for robot-vacuums"). */
	if (dlg_jstr(f, "use") != NULL && (dlg_jstr(f, "kind") == NULL ||
	    strcmp(dlg_jstr(f, "kind"), dlg_jstr(f, "use")) != 0) &&
	    (strcmp(p->subcategory, dlg_jstr(f, "use")) == 0 ||
	    strstr(p->tags, dlg_jstr(f, "use")) != NULL))
		sbuf_addf(&sb, "%sit is built for %s", sb.len ? " and " : "",
		    dlg_jstr(f, "use"));
	if (t->have_cust && p->brand[0] != '\0') {
		cJSON *pref = cJSON_Parse(t->cust.preferences), *b;

		cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(pref,
		    "brands"))
			if (cJSON_IsString(b) &&
			    strcasecmp(b->valuestring, p->brand) == 0) {
				sbuf_addf(&sb, "%sit is from %s, a brand you "
				    "like", sb.len ? ", and " : "", p->brand);
				break;
			}
		cJSON_Delete(pref);
	}
	if (p->stock > 0 && p->stock < 5)
		sbuf_addf(&sb, " (only %lld left)", p->stock);
	return sbuf_detach(&sb, NULL);
}

/*
 * "Something for gaming under $1,000": gaming laptops, headsets and
 * memory cards all qualify, and the best rated of them all is a poor
 * answer.  Ask which kind, naming the kinds the catalog has for that use
 * and budget.  1 when asked.
 */
static int
ask_kind(struct tctx *t, struct product_filter *pf)
{
	struct product	*v = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 kinds = SBUF_INIT;
	size_t		 n = 0, i, nk = 0;

	pf->limit = 200;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, pf, &v, &n, &err) != SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	for (i = 0; i < n; i++) {
		if (nk < 6 && !dlg_word_in(kinds.buf ? kinds.buf : "",
		    v[i].category, strlen(v[i].category))) {
			sbuf_addf(&kinds, "%s%s", nk ? ", " : "",
			    v[i].category);
			nk++;
		}
		product_release(&v[i]);
	}
	free(v);
	pf->limit = 3;
	if (nk > 1) {
		slots_set(&t->slots, "use", pf->use);
		slots_set(&t->slots, "categories", kinds.buf);
		dlg_set_action(t, "ask_needs", "use %s without a category: "
		    "ask which of %s", pf->use, kinds.buf);
		dlg_say(t, "ask_category");
		dlg_jset_str(dlg_jobj(t->state, "pending"), "action",
		    "needs");
	}
	sbuf_release(&kinds);
	return nk > 1;
}

/*
 * Keep the first max of v[0..n) that meet the customer's constraints,
 * releasing the rest; the new count.
 */
static size_t
keep_constrained(struct tctx *t, struct product *v, size_t n, size_t max)
{
	size_t	 i, k = 0;

	for (i = 0; i < n; i++) {
		if (k < max && dlg_meets_constraints(t, &v[i]) &&
		    dlg_spec_meets(t, &v[i]) && dlg_needs_meets(t, &v[i])) {
			if (k != i)
				v[k] = v[i];
			k++;
		} else
			product_release(&v[i]);
	}
	return k;
}

/* The constraints as the criteria read them: ", over-ear, USB-C". */
void
dlg_constraint_words(cJSON *f, struct sbuf *crit)
{
	cJSON	*req = cJSON_GetObjectItemCaseSensitive(f, "require");

	if (!cJSON_IsObject(req))
		return;
	/* "earbuds, earbuds": a form the kind already says once. */
	if (dlg_jstr(req, "form") != NULL && (crit->buf == NULL ||
	    !dlg_word_in(crit->buf, dlg_jstr(req, "form"),
	    strlen(dlg_jstr(req, "form")))))
		sbuf_addf(crit, "%s%s", crit->len ? ", " : "",
		    dlg_jstr(req, "form"));
	if (dlg_jstr(req, "noise_cancelling") != NULL)
		sbuf_addf(crit, "%snoise cancelling", crit->len ? ", " : "");
	if (dlg_jstr(req, "water_resistance") != NULL)
		sbuf_addf(crit, "%swaterproof", crit->len ? ", " : "");
	if (dlg_jstr(req, "usb_c") != NULL)
		sbuf_addf(crit, "%swith USB-C", crit->len ? ", " : "");
	if (dlg_jnum(req, "max_kg", -1) > 0)
		sbuf_addf(crit, "%sunder %g kg", crit->len ? ", " : "",
		    dlg_jnum(req, "max_kg", -1));
	dlg_spec_constraint_words(f, crit);
	dlg_needs_words(f, crit);
}

/*
 * The category's products, budget and stock aside (best rated first, at
 * most 60): the kinds the category has and which are add-ons
 * (dlg-needs.c), and the nearest when nothing fits.  *nw products.
 */
static struct product *
category_products(struct tctx *t, const struct product_filter *pf,
    size_t *nw)
{
	struct product_filter wide = *pf;
	struct product	*w = NULL;
	struct sd_error	 err = SD_ERROR_INIT;

	*nw = 0;
	if (pf->category == NULL)
		return NULL;
	wide.use = NULL;
	wide.brand = NULL;
	wide.max_price = wide.min_price = -1;
	wide.in_stock = 0;
	/* The best rated 60 show a category's kinds (the demo's largest
	 * has 49); each row more costs a product read at 100,000. */
	wide.limit = 60;
	if (catalog_products(t->st, &wide, &w, nw, &err) != SD_OK)
		*nw = 0;
	sd_error_clear(&err);
	return w;
}

static void
products_release(struct product *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
}

/*
 * Which of the needs p misses, as the criteria name them ("under 1 kg,
 * waterproof"), each need of filters.require tried alone.  Caller frees.
 */
static char *
needs_missed(struct tctx *t, const struct product *p)
{
	cJSON		*f = dlg_jobj(t->state, "filters");
	cJSON		*req = cJSON_DetachItemFromObjectCaseSensitive(f,
	    "require"), *it, *one, *tmp;
	struct sbuf	 sb = SBUF_INIT;

	cJSON_ArrayForEach(it, req) {
		one = cJSON_CreateObject();
		cJSON_AddItemToObject(one, it->string, cJSON_Duplicate(it, 1));
		cJSON_AddItemToObject(f, "require", one);
		if (!dlg_meets_constraints(t, p) || !dlg_spec_meets(t, p) ||
		    !dlg_needs_meets(t, p)) {
			tmp = cJSON_CreateObject();
			cJSON_AddItemToObject(tmp, "require",
			    cJSON_Duplicate(one, 1));
			dlg_constraint_words(tmp, &sb);
			cJSON_Delete(tmp);
		}
		cJSON_DeleteItemFromObjectCaseSensitive(f, "require");
	}
	if (req != NULL)
		cJSON_AddItemToObject(f, "require", req);
	return sbuf_detach(&sb, NULL);
}

/*
 * How many of the needs of filters.require p meets, each tried alone;
 * *gap how far it is from the figures asked for (dlg-catneed.c).
 */
static int
needs_met(struct tctx *t, const struct product *p, double *gap)
{
	cJSON		*f = dlg_jobj(t->state, "filters");
	cJSON		*req = cJSON_DetachItemFromObjectCaseSensitive(f,
	    "require"), *it, *one;
	int		 met = 0;

	*gap = dlg_catneeds_gap(req, p);
	cJSON_ArrayForEach(it, req) {
		one = cJSON_CreateObject();
		cJSON_AddItemToObject(one, it->string, cJSON_Duplicate(it, 1));
		cJSON_AddItemToObject(f, "require", one);
		met += dlg_meets_constraints(t, p) && dlg_spec_meets(t, p) &&
		    dlg_needs_meets(t, p);
		cJSON_DeleteItemFromObjectCaseSensitive(f, "require");
	}
	if (req != NULL)
		cJSON_AddItemToObject(f, "require", req);
	return met;
}

/*
 * Nothing in stock fits, but a sold-out product of the kind meets every
 * need and the budget ("one that mops too"): name it as out of stock,
 * in focus for "when is it back", rather than an in-stock one that
 * misses a need.  The best rated such; 1 when one was named.
 */
static int
offer_sold_out(struct tctx *t, const struct product_filter *pf,
    struct product *w, size_t nw)
{
	const struct product *best = NULL;
	size_t		 i;

	for (i = 0; i < nw && best == NULL; i++)
		if (w[i].stock <= 0 && dlg_needs_kind_ok(t, &w[i]) &&
		    (pf->brand == NULL || strcasecmp(w[i].brand,
		    pf->brand) == 0) &&
		    (pf->max_price < 0 || w[i].price <= pf->max_price) &&
		    (pf->min_price <= 0 || w[i].price >= pf->min_price) &&
		    dlg_meets_constraints(t, &w[i]) &&
		    dlg_spec_meets(t, &w[i]) && dlg_needs_meets(t, &w[i]))
			best = &w[i];
	if (best == NULL)
		return 0;
	dlg_results_set(t, best, 1);
	dlg_focus_push(t, best->sku);
	dlg_product_slots(t, best, "");
	dlg_fact_slot(t, "restock_alerts", "restock_alerts");
	dlg_cite(t, "product", best->sku, best->name, "price,stock");
	dlg_set_action(t, "recommend_sold_out", "nothing in stock fits; %s "
	    "fits and is sold out", best->sku);
	dlg_say(t, "recommend_sold_out");
	return 1;
}

/*
 * Nothing in stock fits: the nearest of the kind asked for, named with
 * what it misses (the budget first, else a need), never offered as if
 * it fitted.  1 when one was offered.
 */
static int
offer_nearest(struct tctx *t, const struct product_filter *pf,
    struct product *w, size_t nw)
{
	const struct product *best = NULL;
	struct sbuf	 miss = SBUF_INIT;
	char		*money, *need;
	double		 d, bestd = 0, gap, bestgap = 0;
	size_t		 i;
	int		 meets, bestmeets = 0, met, bestmet = 0;

	for (i = 0; i < nw; i++) {
		if (w[i].stock <= 0 || !dlg_needs_kind_ok(t, &w[i]) ||
		    (pf->brand != NULL && strcasecmp(w[i].brand,
		    pf->brand) != 0))
			continue;
		meets = dlg_meets_constraints(t, &w[i]) &&
		    dlg_spec_meets(t, &w[i]) && dlg_needs_meets(t, &w[i]);
		d = pf->max_price >= 0 && w[i].price > pf->max_price ?
		    w[i].price - pf->max_price : pf->min_price > 0 &&
		    w[i].price < pf->min_price ? pf->min_price - w[i].price : 0;
		/* Every need met and over budget, else in budget; then the
		 * most needs met, the nearest to the figures asked for. */
		met = meets ? 0 : needs_met(t, &w[i], &gap);
		if (meets)
			gap = 0;
		if (best == NULL || meets > bestmeets || (meets == bestmeets &&
		    (d < bestd || (d == bestd && (met > bestmet ||
		    (met == bestmet && gap < bestgap)))))) {
			best = &w[i];
			bestd = d;
			bestmeets = meets;
			bestmet = met;
			bestgap = gap;
		}
	}
	/* Meeting all in budget means the list was cut short, not that
	 * nothing fits: no "nearest" then. */
	if (best == NULL || (!bestmeets && bestd > 0) || (bestmeets &&
	    bestd == 0))
		return 0;
	if (pf->max_price >= 0 && best->price > pf->max_price) {
		money = catalog_money(pf->max_price, best->currency);
		sbuf_addf(&miss, "it is over your %s budget", money);
		free(money);
	} else if (pf->min_price > 0 && best->price < pf->min_price)
		sbuf_adds(&miss, "it is below the price range you gave");
	if (!bestmeets) {
		need = needs_missed(t, best);
		sbuf_addf(&miss, "%sit is not %s", miss.len ? " and " : "",
		    need != NULL && *need != '\0' ? need :
		    "all you asked for");
		free(need);
	}
	dlg_results_set(t, best, 1);
	dlg_focus_push(t, best->sku);
	dlg_product_slots(t, best, "");
	slots_set(&t->slots, "misses", miss.buf);
	dlg_cite(t, "product", best->sku, best->name, "price,rating,stock");
	dlg_set_action(t, "recommend_nearest", "nothing in stock fits; the "
	    "nearest is %s (%s)", best->sku, miss.buf);
	dlg_say(t, "recommend_nearest");
	dlg_jset_str(dlg_jobj(t->state, "pending"), "action", "show_specs");
	dlg_jset_str(dlg_jobj(t->state, "pending"), "sku", best->sku);
	sbuf_release(&miss);
	return 1;
}

/* Is s one of the strings of arr? */
static int
in_kinds(const cJSON *arr, const char *s)
{
	const cJSON	*it;

	cJSON_ArrayForEach(it, arr)
		if (cJSON_IsString(it) && strcmp(it->valuestring, s) == 0)
			return 1;
	return 0;
}

/*
 * What the list is for, as the reply names it: "laser printers, not
 * inkjet, under $200".
 */
static void
criteria(cJSON *f, const struct product_filter *pf, int relaxed,
    struct sbuf *crit)
{
	char	*money;

	if (pf->category != NULL) {
		/* "gaming gaming": a use that is the category says it once. */
		const char *use = dlg_jstr(f, "use");

		const char *kind = dlg_jstr(f, "kind");
		cJSON	*kinds;
		char	*p;

		if (use != NULL && strcmp(use, pf->category) == 0)
			use = NULL;
		/* "Laser printers": the kinds asked for name the list. */
		kinds = cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(f, "require"), "kinds");
		/* A kind said ("robot-vacuums") names the list alone. */
		if (kind != NULL && use != NULL && strcmp(kind, use) == 0 &&
		    !relaxed) {
			sbuf_adds(crit, kind);
			for (p = crit->buf; *p != '\0'; p++)
				if (*p == '-')
					*p = ' ';
		} else if (cJSON_GetArraySize(kinds) > 0 &&
		    cJSON_GetArraySize(kinds) <= 2) {
			cJSON *k;
			size_t kl;

			if (use != NULL && !in_kinds(kinds, use))
				sbuf_addf(crit, "%s ", use);
			cJSON_ArrayForEach(k, kinds) {
				sbuf_addf(crit, "%s%s", k != kinds->child ?
				    " or " : "", k->valuestring);
				/* "gaming laptops", not "gaming"; "earbuds" */
				kl = strlen(k->valuestring);
				if (kl > 0 && k->valuestring[kl - 1] != 's')
					sbuf_addf(crit, " %s", pf->category);
			}
			for (p = crit->buf; *p != '\0'; p++)
				if (*p == '-')
					*p = ' ';
		} else
			sbuf_addf(crit, "%s%s%s", use ? use : "",
			    use ? " " : "", pf->category);
	}
	if (pf->brand != NULL)
		sbuf_addf(crit, "%s%s", crit->len ? ", " : "", pf->brand);
	dlg_constraint_words(f, crit);
	if (pf->max_price >= 0) {
		money = catalog_money(pf->max_price, "USD");
		sbuf_addf(crit, "%sunder %s", crit->len ? ", " : "", money);
		free(money);
	}
}

/*
 * The filter of a recommendation from the filters in state f: "around
 * $200" is a budget, not a floor, and with no budget said the one in the
 * customer's profile.
 */
static void
recommend_filter(struct tctx *t, cJSON *f, struct product_filter *pf)
{
	memset(pf, 0, sizeof *pf);
	pf->category = dlg_jstr(f, "category");
	pf->use = dlg_jstr(f, "use");
	pf->brand = dlg_jstr(f, "brand");
	pf->max_price = dlg_jnum(f, "max_price", -1);
	pf->min_price = dlg_jnum(f, "min_price", -1);
	/* "Around $200" is a budget, not a floor: cheaper ones qualify. */
	if (pf->min_price > 0 && pf->max_price > 0 &&
	    pf->min_price >= 0.75 * pf->max_price)
		pf->min_price = -1;
	pf->in_stock = 1;
	pf->limit = 5;
	if (pf->max_price < 0 && t->have_cust && (pf->category != NULL ||
	    pf->use != NULL)) {
		/* No budget said: the one in the customer's profile. */
		cJSON *pref = cJSON_Parse(t->cust.preferences);
		double budget = dlg_jnum(pref, "budget", -1);

		if (budget > 0) {
			pf->max_price = budget;
			dlg_jset_num(f, "max_price", budget);
			dlg_jset_str(t->trace, "personalised",
			    "budget from the "
			    "customer's preferences");
		}
		cJSON_Delete(pref);
	}
}

/*
 * The products of a recommendation, best first, and how many meet the
 * constraints; with none for the use, those of the category unless a
 * kind was asked for (relaxed set).
 */
static size_t
recommend_fetch(struct tctx *t, cJSON *f, struct product_filter *pf,
    struct product **vp, int *relaxed)
{
	struct sd_error	 err = SD_ERROR_INIT;
	cJSON		*req, *kinds;
	size_t		 n = 0;
	int		 kind_sql;

	/* One kind named is a subcategory the catalog filters (indexed);
	 * only needs to check take the wide list. */
	req = cJSON_GetObjectItemCaseSensitive(f, "require");
	kinds = cJSON_GetObjectItemCaseSensitive(req, "kinds");
	kind_sql = pf->use == NULL && cJSON_GetArraySize(kinds) == 1 &&
	    cJSON_IsString(kinds->child);
	if (kind_sql)
		pf->use = kinds->child->valuestring;
	pf->limit = cJSON_GetArraySize(req) > kind_sql || cJSON_GetArraySize(
	    cJSON_GetObjectItemCaseSensitive(f, "addons")) > 0 ? 200 : 5;
	if (catalog_products(t->st, pf, vp, &n, &err) != SD_OK)
		n = 0;
	dlg_spec_rank(t, *vp, n);
	dlg_needs_order(t, *vp, n);
	n = keep_constrained(t, *vp, n, shown_max(f));
	/* Nothing for that use: widen to the category, but never past a
	 * kind asked for ("robot vacuums" are not any smart-home thing). */
	if (n == 0 && pf->use != NULL && (dlg_jstr(f, "kind") == NULL ||
	    strcmp(dlg_jstr(f, "kind"), pf->use) != 0)) {
		pf->use = NULL;
		*relaxed = 1;
		free(*vp);
		*vp = NULL;
		catalog_products(t->st, pf, vp, &n, &err);
		dlg_spec_rank(t, *vp, n);
		dlg_needs_order(t, *vp, n);
		n = keep_constrained(t, *vp, n, shown_max(f));
	}
	sd_error_clear(&err);
	return n;
}

/* Say the best of the n products v that match crit, the rest listed. */
static void
recommend_show(struct tctx *t, struct product *v, size_t n, const char *crit,
    int relaxed)
{
	struct sbuf	 more = SBUF_INIT;
	char		*why;

	dlg_results_set(t, v, n);
	dlg_focus_push(t, v[0].sku);
	dlg_product_slots(t, &v[0], "");
	why = reasons(t, &v[0]);
	slots_set(&t->slots, "reasons", why);
	free(why);
	dlg_list_products(t, v, n, 1, &more);
	slots_set(&t->slots, "alternatives", more.buf);
	slots_setf(&t->slots, "alternatives_count", "%zu", n - 1);
	dlg_cite(t, "product", v[0].sku, v[0].name,
	    "price,rating,review_count,stock");
	dlg_set_action(t, "recommend", "%zu products match %s%s; best rated "
	    "first", n, crit, relaxed ? " (use relaxed)" : "");
	dlg_say(t, "recommend");
	dlg_jset_str(dlg_jobj(t->state, "pending"), "action", "show_specs");
	dlg_jset_str(dlg_jobj(t->state, "pending"), "sku", v[0].sku);
	sbuf_release(&more);
}

/*
 * Recommend from the stated needs (state filters, refreshed from this
 * turn's entities, and the customer's preferences): best rated first.
 */
int
dlg_handle_recommend(struct tctx *t)
{
	static const char *const alternatives[] = { "or", "vs", "versus",
	    "compare", "compared", NULL };
	cJSON		*f = dlg_jobj(t->state, "filters");
	struct product_filter pf;
	struct product	*v = NULL, *wide = NULL;
	struct sbuf	 crit = SBUF_INIT;
	size_t		 n = 0, i, nw = 0;
	int		 relaxed = 0, silent;
	cJSON		*cf;

	/* "Samsung S90D or LG C4, which would you get?": two products
	 * named as alternatives are a comparison. */
	if (dlg_count_entities(t, ENTITY_PRODUCT) >= 2 &&
	    dlg_has_any(t, alternatives))
		return dlg_handle_compare(t);
	dlg_spec_constraints(t, f);
	/* "Interchangeable lens" asks for a body that takes lenses. */
	if (dlg_jstr(cJSON_GetObjectItemCaseSensitive(f, "require"),
	    "lens_mount") != NULL && dlg_jstr(f, "kind") != NULL &&
	    strcmp(dlg_jstr(f, "kind"), "lenses") == 0) {
		cJSON_DeleteItemFromObjectCaseSensitive(f, "use");
		cJSON_DeleteItemFromObjectCaseSensitive(f, "kind");
	}
	recommend_filter(t, f, &pf);
	/*
	 * "My parcel is late, what should I do": advice asked, no product
	 * wanted.  With nothing to recommend from and no product or order
	 * named or in focus (their own answers come first), an FAQ or
	 * policy holding two of the customer's key terms answers it before
	 * the question what for.
	 */
	if (pf.category == NULL && pf.brand == NULL && pf.use == NULL &&
	    dlg_focus_top(t, 0) == NULL && dlg_order_focus(t) == NULL &&
	    dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
	    dlg_first_entity(t, ENTITY_ORDER_ID) == NULL &&
	    dlg_handle_kb_told(t, KB_STORE_KINDS, KB_OOS_STRONG))
		return 1;
	if (pf.category == NULL && pf.brand == NULL && pf.use == NULL) {
		dlg_set_action(t, "ask_needs", "recommendation without a "
		    "category, brand or use: ask what for");
		dlg_say(t, "ask_needs");
		dlg_jset_str(dlg_jobj(t->state, "pending"), "action", "needs");
		return 1;
	}
	if (pf.category == NULL && pf.brand == NULL && ask_kind(t, &pf))
		return 1;
	/* Constraints ("over-ear", "under 1 kg") and the kind are checked
	 * on a wider list, best first, and the first three that meet them
	 * kept. */
	dlg_retrieve_begin(t);
	wide = category_products(t, &pf, &nw);
	if (wide != NULL) {
		dlg_needs_prepare(t, f, wide, nw);
		pf.use = dlg_jstr(f, "use");
	}
	n = recommend_fetch(t, f, &pf, &v, &relaxed);
	dlg_retrieve_end(t);
	/* "Any for windows?": ones whose data says nothing of platforms
	 * are kept, but the list is then never said to be for it. */
	for (i = 0, silent = 0; i < n && !silent; i++)
		silent = dlg_spec_soft_silent(t, &v[i]);
	if (silent) {
		cf = cJSON_Duplicate(f, 1);
		cJSON_DeleteItemFromObjectCaseSensitive(dlg_jobj(cf,
		    "require"), "platforms_soft");
		criteria(cf, &pf, relaxed, &crit);
		cJSON_Delete(cf);
	} else
		criteria(f, &pf, relaxed, &crit);
	slots_set(&t->slots, "criteria", crit.buf);
	if (n == 0 && (offer_sold_out(t, &pf, wide, nw) ||
	    offer_nearest(t, &pf, wide, nw))) {
		free(v);
		products_release(wide, nw);
		sbuf_release(&crit);
		return 1;
	}
	products_release(wide, nw);
	if (n == 0) {
		dlg_set_action(t, "recommend_none",
		    "no product in stock matches "
		    "%s", crit.buf);
		dlg_say(t, "recommend_none");
		free(v);	/* the constraints may have kept none */
		sbuf_release(&crit);
		return 1;
	}
	recommend_show(t, v, n, crit.buf, relaxed);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	sbuf_release(&crit);
	return 1;
}

/*
 * dlg-recommend.c: recommendations from the stated needs (category, use,
 * brand, budget, and constraints such as "over-ear" or "65 inch"), best
 * rated first with the reasons each fits, and the last list narrowed when
 * a constraint is added ("under 1 kg", "has to do 4K 120Hz").  A product
 * whose specifications contradict a constraint is never offered.
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

/* Why a recommended product fits: the filters it meets and its rating. */
static char *
reasons(struct tctx *t, const struct product *p)
{
	cJSON		*f = dlg_jobj(t->state, "filters");
	struct sbuf	 sb = SBUF_INIT;
	char		*money;
	double		 max = dlg_jnum(f, "max_price", -1);

	if (p->rating > 0)
		sbuf_addf(&sb, "it is rated %.1f/5 by %lld customers",
		    p->rating, p->review_count);
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
	sd_error_clear(&err);
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
static void
constraint_words(cJSON *f, struct sbuf *crit)
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
			constraint_words(tmp, &sb);
			cJSON_Delete(tmp);
		}
		cJSON_DeleteItemFromObjectCaseSensitive(f, "require");
	}
	if (req != NULL)
		cJSON_AddItemToObject(f, "require", req);
	return sbuf_detach(&sb, NULL);
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
	double		 d, bestd = 0;
	size_t		 i;
	int		 meets, bestmeets = 0;

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
		/* Every need met and over budget, else in budget. */
		if (best == NULL || meets > bestmeets || (meets == bestmeets &&
		    d < bestd)) {
			best = &w[i];
			bestd = d;
			bestmeets = meets;
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
	constraint_words(f, crit);
	if (pf->max_price >= 0) {
		money = catalog_money(pf->max_price, "USD");
		sbuf_addf(crit, "%sunder %s", crit->len ? ", " : "", money);
		free(money);
	}
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
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 more = SBUF_INIT, crit = SBUF_INIT;
	cJSON		*req, *kinds;
	size_t		 n = 0, i, nw = 0;
	int		 kind_sql;
	char		*why;
	int		 relaxed = 0;

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
	memset(&pf, 0, sizeof pf);
	pf.category = dlg_jstr(f, "category");
	pf.use = dlg_jstr(f, "use");
	pf.brand = dlg_jstr(f, "brand");
	pf.max_price = dlg_jnum(f, "max_price", -1);
	pf.min_price = dlg_jnum(f, "min_price", -1);
	/* "Around $200" is a budget, not a floor: cheaper ones qualify. */
	if (pf.min_price > 0 && pf.max_price > 0 &&
	    pf.min_price >= 0.75 * pf.max_price)
		pf.min_price = -1;
	pf.in_stock = 1;
	pf.limit = 3;
	if (pf.max_price < 0 && t->have_cust && (pf.category != NULL ||
	    pf.use != NULL)) {
		/* No budget said: the one in the customer's profile. */
		cJSON *pref = cJSON_Parse(t->cust.preferences);
		double budget = dlg_jnum(pref, "budget", -1);

		if (budget > 0) {
			pf.max_price = budget;
			dlg_jset_num(f, "max_price", budget);
			dlg_jset_str(t->trace, "personalised",
			    "budget from the "
			    "customer's preferences");
		}
		cJSON_Delete(pref);
	}
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
	/* One kind named is a subcategory the catalog filters (indexed);
	 * only needs to check take the wide list. */
	req = cJSON_GetObjectItemCaseSensitive(f, "require");
	kinds = cJSON_GetObjectItemCaseSensitive(req, "kinds");
	kind_sql = pf.use == NULL && cJSON_GetArraySize(kinds) == 1 &&
	    cJSON_IsString(kinds->child);
	if (kind_sql)
		pf.use = kinds->child->valuestring;
	pf.limit = cJSON_GetArraySize(req) > kind_sql || cJSON_GetArraySize(
	    cJSON_GetObjectItemCaseSensitive(f, "addons")) > 0 ? 200 : 3;
	if (catalog_products(t->st, &pf, &v, &n, &err) != SD_OK)
		n = 0;
	dlg_spec_rank(t, v, n);
	dlg_needs_order(t, v, n);
	n = keep_constrained(t, v, n, 3);
	/* Nothing for that use: widen to the category, but never past a
	 * kind asked for ("robot vacuums" are not any smart-home thing). */
	if (n == 0 && pf.use != NULL && (dlg_jstr(f, "kind") == NULL ||
	    strcmp(dlg_jstr(f, "kind"), pf.use) != 0)) {
		pf.use = NULL;
		relaxed = 1;
		free(v);
		v = NULL;
		catalog_products(t->st, &pf, &v, &n, &err);
		dlg_spec_rank(t, v, n);
		dlg_needs_order(t, v, n);
		n = keep_constrained(t, v, n, 3);
	}
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	criteria(f, &pf, relaxed, &crit);
	slots_set(&t->slots, "criteria", crit.buf);
	if (n == 0 && offer_nearest(t, &pf, wide, nw)) {
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
	    "first", n, crit.buf, relaxed ? " (use relaxed)" : "");
	dlg_say(t, "recommend");
	dlg_jset_str(dlg_jobj(t->state, "pending"), "action", "show_specs");
	dlg_jset_str(dlg_jobj(t->state, "pending"), "sku", v[0].sku);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	sbuf_release(&more);
	sbuf_release(&crit);
	return 1;
}

/* Is a product of the last list of brand en? */
static int
brand_shown(struct tctx *t, const struct entity *en)
{
	const char	*b = en->brand != NULL ? en->brand : en->value;
	struct product	 p;
	cJSON		*it;
	int		 yes = 0;

	cJSON_ArrayForEach(it, dlg_jarr(t->state, "results")) {
		memset(&p, 0, sizeof p);
		if (!yes && cJSON_IsString(it) &&
		    dlg_load_product(t, it->valuestring, &p)) {
			yes = strcasecmp(p.brand, b) == 0;
			product_release(&p);
		}
	}
	return yes;
}

/*
 * After "would you like to see the specs?" of a recommendation, a brand
 * or a need said without a yes ("only sony", "under 100 then", "no
 * apple") narrows
 * the list rather than accepting the offer.
 */
int
dlg_narrow_offer(struct tctx *t)
{
	static const char *const yes[] = { "yes", "yeah", "yep", "yup",
	    "sure", "ok", "okay", "please", "pls", "go ahead", "specs",
	    "spec", "details", NULL };
	cJSON	*pending = cJSON_GetObjectItemCaseSensitive(t->state,
	    "pending");
	int	 need;

	/* "ok my budget is actually 900": a budget said wins the yes. */
	/* "55 inch please", "no earbuds": a need said wins the yes too. */
	if (!cJSON_IsObject(pending) || dlg_jstr(pending, "action") == NULL ||
	    strcmp(dlg_jstr(pending, "action"), "show_specs") != 0)
		return 0;
	need = dlg_brand_refusal(t) || dlg_kind_refusal(t) ||
	    dlg_need_said(t);
	if ((dlg_has_any(t, yes) && dlg_first_entity(t, ENTITY_PRICE) ==
	    NULL && !need) ||
	    (dlg_first_entity(t, ENTITY_BRAND) == NULL &&
	    dlg_first_entity(t, ENTITY_PRICE) == NULL && !need))
		return 0;
	return dlg_handle_narrow(t);
}

/* Is one of the two words before offset at in s in the list: whose it
 * is ("my old laptop", "his PS5"), or which one shown ("that tv")? */
static const char *const whose[] = { "my", "our", "his", "her", "their",
	"your", "mine", NULL };
/*
 * The ones of the last list that meet the needs just added (those of
 * filters.require not in before), listed; or that none does.  1 when
 * answered.
 */
static int
which_shown(struct tctx *t, cJSON *before)
{
	cJSON		*f = dlg_jobj(t->state, "filters"), *it, *tmp, *req;
	struct product	 v[RESULTS_MAX];
	struct sbuf	 crit = SBUF_INIT, list = SBUF_INIT;
	size_t		 n = 0, shown = 0, i;

	tmp = cJSON_CreateObject();
	req = cJSON_AddObjectToObject(tmp, "require");
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(f,
	    "require"))
		if (cJSON_GetObjectItemCaseSensitive(before, it->string) ==
		    NULL && strcmp(it->string, "kinds") != 0)
			cJSON_AddItemToObject(req, it->string,
			    cJSON_Duplicate(it, 1));
	constraint_words(tmp, &crit);
	cJSON_Delete(tmp);
	if (crit.len == 0) {
		sbuf_release(&crit);
		return 0;
	}
	cJSON_ArrayForEach(it, dlg_jarr(t->state, "results")) {
		if (!cJSON_IsString(it) || n >= RESULTS_MAX ||
		    !dlg_load_product(t, it->valuestring, &v[n]))
			continue;
		shown++;
		if (dlg_meets_constraints(t, &v[n]) && dlg_spec_meets(t,
		    &v[n]) && dlg_needs_meets(t, &v[n]))
			n++;
		else
			product_release(&v[n]);
	}
	slots_set(&t->slots, "criteria", crit.buf);
	slots_setf(&t->slots, "shown_count", "%zu", shown);
	if (n > 0) {
		dlg_results_set(t, v, n);
		dlg_focus_push(t, v[0].sku);
		dlg_list_products(t, v, n, 0, &list);
		slots_set(&t->slots, "results", list.buf);
		dlg_set_action(t, "which_shown", "%zu of the %zu shown are %s",
		    n, shown, crit.buf);
		dlg_say(t, "which_shown");
	} else {
		dlg_set_action(t, "which_shown_none", "none of the %zu shown "
		    "is %s", shown, crit.buf);
		dlg_say(t, "which_shown_none");
	}
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	sbuf_release(&crit);
	sbuf_release(&list);
	return 1;
}

static int	owned_at(const char *, size_t, const char *const *);
static int	brand_shown(struct tctx *, const struct entity *);
static int	brand_has(struct tctx *, const struct entity *, const char *);

/*
 * "Over-ear pls", "any with USB-C?", "under 1 kg" after a list: the
 * list narrowed, keeping the budget and category said before, whatever
 * the classifier makes of the few words.  Not a question about the
 * product in focus ("does it have USB-C?") and not about an order.
 * 1 when answered.
 */
int
dlg_handle_narrow(struct tctx *t)
{
	static const char *const about_it[] = { "it", "its", "it's",
	    "this", "does", "do", "is", "can", NULL };
	/* "So it has to do 4K 120Hz" says a need, not a question. */
	static const char *const need_words[] = { "has to", "have to",
	    "needs to", "need it to", "must", "needs", "i need", "i want",
	    "need one", "want one", "looking for", NULL };
	/* "Any cheaper one that still does 15 hours?": another product,
	 * below the price of the one in focus. */
	static const char *const cheaper[] = { "cheaper", "less expensive",
	    "more affordable", "lower price", NULL };
	/* "The cheaper one" points into the list (dlg-refs.c). */
	static const char *const another[] = { "any", "anything", "another",
	    "other", "others", "something", "options", "alternatives",
	    "a cheaper", NULL };
	static const char *const the[] = { "the cheaper", "cheaper of",
	    "the lighter", "lighter of", NULL };
	static const char *const only[] = { "only", "just", "all", "more",
	    "other", "any", NULL };
	/* "Something lighter": below the weight of the one in focus. */
	static const char *const lighter[] = { "lighter", "less heavy",
	    "not as heavy", NULL };
	static const char *const which[] = { "which of those",
	    "which of them", "which of these", "which ones", "which one",
	    "any of those", "any of them", "any of these", NULL };
	cJSON		*f = dlg_jobj(t->state, "filters"), *before, *after;
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	const struct entity *price = dlg_first_entity(t, ENTITY_PRICE);
	const struct entity *br = dlg_first_entity(t, ENTITY_BRAND);
	struct product	 p;
	double		 below = -1, kg = -1, max_before, min_before;
	char		*w;
	int		 narrowed, other_brand, above, refused;

	memset(&p, 0, sizeof p);
	/* "Cheaper?" alone after a list asks for cheaper ones too. */
	if ((dlg_has_any(t, cheaper) || dlg_has_any(t, lighter)) &&
	    (dlg_has_any(t, another) || dlg_has_word(t, "ones") ||
	    dlg_word_count(t) <= 2) &&
	    !dlg_has_any(t, the) &&
	    dlg_focus_top(t, 0) != NULL &&
	    dlg_load_product(t, dlg_focus_top(t, 0), &p)) {
		if (dlg_has_any(t, cheaper))
			below = p.price;
		if (dlg_has_any(t, lighter) &&
		    (w = catalog_attr(&p, "weight_kg")) != NULL) {
			kg = strtod(w, NULL);
			free(w);
		}
		product_release(&p);
	}
	/* "Only sony", "what about Bose": a brand of the kind shown, not
	 * one of the list pointed at ("the Anker one then?"). */
	other_brand = br != NULL && dlg_jstr(f, "category") != NULL &&
	    !owned_at(t->text, br->start, whose) &&
	    !dlg_said_as_thing(t, br->start, br->end) &&
	    (dlg_has_any(t, only) || !brand_shown(t, br)) &&
	    brand_has(t, br, dlg_jstr(f, "category")) &&
	    (dlg_jstr(f, "brand") == NULL || strcasecmp(dlg_jstr(f, "brand"),
	    br->brand != NULL ? br->brand : br->value) != 0);
	/* "Anything that isn't apple?": a brand refused, not a question. */
	refused = dlg_brand_refusal(t) || dlg_kind_refusal(t);
	/* "I can go up to 1200": a budget said again, not a question. */
	if (price != NULL && (price->has_max || price->has_min))
		below = below > 0 ? below : 0;
	/* "Anything with more storage?": more than the one in focus. */
	above = dlg_needs_above_said(t) && dlg_focus_top(t, 0) != NULL;
	if (dlg_jstr(f, "category") == NULL ||
	    cJSON_GetArraySize(dlg_jarr(t->state, "results")) == 0 ||
	    (dlg_count_entities(t, ENTITY_PRODUCT) > 0 &&
	    !dlg_has_any(t, need_words)) ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    (dlg_has_any(t, about_it) && !dlg_has_any(t, need_words) &&
	    below < 0 && kg <= 0 && !other_brand && !above && !refused &&
	    !dlg_has_any(t, which)) ||
	    (cat != NULL && cat->category != NULL &&
	    strcmp(cat->category, dlg_jstr(f, "category")) != 0))
		return 0;
	before = cJSON_Duplicate(cJSON_GetObjectItemCaseSensitive(f,
	    "require"), 1);
	max_before = dlg_jnum(f, "max_price", -1);
	min_before = dlg_jnum(f, "min_price", -1);
	dlg_update_filters(t);
	f = dlg_jobj(t->state, "filters");
	dlg_spec_constraints(t, f);
	after = cJSON_GetObjectItemCaseSensitive(f, "require");
	narrowed = after != NULL && (before == NULL ||
	    !cJSON_Compare(before, after, 1));
	/* "No soundbars": the kinds refused are read with the list. */
	narrowed |= other_brand || refused ||
	    max_before != dlg_jnum(f, "max_price", -1) ||
	    min_before != dlg_jnum(f, "min_price", -1);
	if (below > 0) {
		dlg_jset_num(f, "max_price", below - 0.01);
		narrowed = 1;
	}
	if (kg > 0) {
		dlg_jset_num(dlg_jobj(f, "require"), "max_kg", kg - 0.01);
		narrowed = 1;
	}
	memset(&p, 0, sizeof p);
	if (above && dlg_load_product(t, dlg_focus_top(t, 0), &p)) {
		narrowed |= dlg_needs_above(t, &p, dlg_jobj(f, "require"));
		product_release(&p);
	}
	if (!narrowed) {
		cJSON_Delete(before);
		return 0;
	}
	/* "Which of those is sweatproof?": among the ones shown. */
	if (dlg_has_any(t, which) && which_shown(t, before)) {
		cJSON_Delete(before);
		return 1;
	}
	cJSON_Delete(before);
	dlg_jset_str(t->trace, "narrowed", "constraint added to the last "
	    "list's filters");
	return dlg_handle_recommend(t);
}

/* "One with a better camera": a feature of the kind shown, no kind. */
static const char *const feature[] = { "with", "better", "bigger",
	"larger", "has", "have", "its", NULL };
/* "I want that tv", "the laptop you showed": one shown (dlg-refs.c). */
static const char *const pointers[] = { "the", "this", "that", "these",
	"those", "it", NULL };

static int
owned_at(const char *s, size_t at, const char *const *list)
{
	const char *const *w;
	size_t	 b = at, e, words;

	for (words = 0; words < 2 && b > 0; words++) {
		while (b > 0 && !isalnum((unsigned char)s[b - 1]))
			b--;
		e = b;
		while (b > 0 && isalnum((unsigned char)s[b - 1]))
			b--;
		for (w = list; *w != NULL; w++)
			if (e - b == strlen(*w) && strncasecmp(s + b, *w,
			    e - b) == 0)
				return 1;
	}
	return 0;
}

/*
 * Is the product entity en something the customer has, not what they
 * shop for?  Another kind than the one asked for ("on a MacBook Air
 * ... a 4K monitor"), or said as theirs.
 */
static int
context_product(struct tctx *t, const struct entity *en,
    const struct entity *cat)
{
	struct product	 p;
	int		 other;

	/* "On a MacBook Air", "works with an iphone", "i have a pixel":
	 * what it is used with, even a family that names no one product. */
	static const char *const with[] = { "on", "with", "for", "from",
	    "to", "into", "have", "has", "got", "own", "use", "uses", "using",
	    NULL };
	static const char *const skip[] = { "a", "an", "the", "my", "our",
	    "his", "her", "their", "new", "old", NULL };
	size_t	 at = en->start, e;

	if (owned_at(t->text, en->start, whose))
		return 1;
	for (e = 0; e < 2 && dlg_word_before_is(t->text, at, skip); e++) {
		while (at > 0 && !isalnum((unsigned char)t->text[at - 1]))
			at--;
		while (at > 0 && isalnum((unsigned char)t->text[at - 1]))
			at--;
	}
	if (dlg_word_before_is(t->text, at, with))
		return 1;
	memset(&p, 0, sizeof p);
	if (en->sku == NULL || !dlg_load_product(t, en->sku, &p))
		return 0;
	other = strcmp(p.category, cat->category) != 0;
	product_release(&p);
	return other;
}

/* Does the catalog have a product of brand en in category cat? */
static int
brand_has(struct tctx *t, const struct entity *en, const char *cat)
{
	return dlg_catalog_has(t, en->brand != NULL ? en->brand : en->value,
	    cat);
}

/* A support word said; "cancel" beside "noise" is a feature, not one. */
static int
support_said(struct tctx *t, const char *const *support)
{
	const char *const *w;

	for (w = support; *w != NULL; w++)
		if (dlg_has_word(t, *w) && (strcmp(*w, "cancel") != 0 ||
		    !dlg_has_word(t, "noise")))
			return 1;
	return 0;
}

/*
 * "We're redoing the living room. Want a 65 inch TV, no more than
 * $1500", "need a portable ssd thats rugged", "gaming laptop, 1000 max":
 * a kind of product wanted, with a need or a budget, is a request for
 * recommendations whatever intent the classifier read in the other
 * words (a refund in "no more than", an account in "register").  Not
 * when the words are about an order, a problem, or a kind the customer
 * already has ("my laptop"), nor an accessory for a device (that is
 * dlg-accessory.c's).  1 when answered.
 */
int
dlg_handle_shopping(struct tctx *t)
{
	static const char *const need[] = { "need", "needs", "want", "wanna",
	    "looking for", "looking at", "look for", "after a", "after an",
	    "after some", "shopping for", "in the market", "recommend",
	    "suggest", "do you have", "do u have", "do you sell", "you got",
	    "got any", "any good", "show me", "get into", "thinking of",
	    "to buy", "buy a", "buy an", "buy some", "buying a", "get a",
	    "get an", "whats a good",
	    "what's a good", "what is a good", "i'd like", "id like",
	    "i would like", "searching for", "hunting for", "on the hunt",
	    "please", "pls", "plz", NULL };
	static const char *const support[] = { "order", "ordered", "orders",
	    "bought", "purchased", "delivered", "arrived", "return",
	    "returned", "returning", "refund", "cancel", "tracking", "track",
	    "shipped", "package", "parcel", "receipt", "invoice", "charged",
	    "paid", "broken", "broke", "won't", "wont", "doesn't", "not working",
	    "stopped", "died", "dead", "problem", "issue", "fix", "reset",
	    "repair", "warranty", "cart", "compare", "vs", "versus", "did i",
	    "have i", "i already", "code", "coupon", "promo", "voucher",
	    NULL };
	static const char *const fits[] = { "for it", "for my", "for the",
	    "fits", "fit", "compatible", "works with", "work with", NULL };
	static const char *const about_it[] = { "it", "its", "it's",
	    "this one", "that one", NULL };
	static const char *const allowed[] = { "can i", "can we",
	    "am i allowed", "is it possible", "could i", NULL };
	/* "Which of the tvs has the best picture": one of those shown. */
	static const char *const choose[] = { "which", "or", "vs",
	    "versus", NULL };
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	const struct entity *price = dlg_first_entity(t, ENTITY_PRICE), *br;
	size_t		 i;

	if (cat == NULL || cat->category == NULL ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    owned_at(t->text, cat->start, whose) ||
	    owned_at(t->text, cat->start, pointers) ||
	    owned_at(t->text, cat->start, feature) ||
	    support_said(t, support))
		return 0;
	/* "Noise cancelling headphones", "cheap tablet": a kind with a
	 * need or a price level is shopping too. */
	if (!dlg_has_any(t, need) && (price == NULL || !price->has_max) &&
	    !dlg_needs_budget_said(t) && !dlg_need_said(t) &&
	    !dlg_kind_alone(t, cat))
		return 0;
	/* "Is it hot-swappable?", "can I buy a gift card with a code?":
	 * a question about the one in focus or about what is allowed. */
	if ((dlg_focus_top(t, 0) != NULL && (dlg_has_any(t, about_it) ||
	    dlg_has_any(t, choose))) || dlg_has_any(t, allowed))
		return 0;
	/* "Mechanical switches, Keychron": a brand with nothing of that
	 * kind says the kind was misread. */
	if ((br = dlg_first_entity(t, ENTITY_BRAND)) != NULL &&
	    !brand_has(t, br, cat->category))
		return 0;
	/* "A charger for my laptop" fits a device: "a keyboard for my
	 * desk" names none. */
	if (strcmp(cat->category, "accessories") == 0 &&
	    (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_focus_top(t, 0) != NULL || (dlg_has_any(t, fits) &&
	    (dlg_count_entities(t, ENTITY_CATEGORY) > 1 ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL))))
		return 0;
	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == ENTITY_PRODUCT &&
		    !context_product(t, &t->e->el.v[i], cat))
			return 0;
	dlg_set_intent(t, "recommendation");
	dlg_jset_str(t->trace, "ambiguity", "resolved: a kind of product "
	    "wanted, with a need or a budget");
	dlg_update_filters(t);
	return dlg_handle_recommend(t);
}

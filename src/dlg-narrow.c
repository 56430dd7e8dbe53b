/*
 * dlg-narrow.c: the last list narrowed when a constraint, a brand or a
 * budget is added after it ("under 1 kg", "only sony", "any with
 * USB-C?", "something lighter"), or the ones of it that meet a need
 * listed ("which of those is sweatproof?").  The recommendation itself
 * is dlg-recommend.c's.
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

/* Whose it is: "my old laptop", "his PS5". */
const char *const dlg_whose[] = { "my", "our", "his", "her", "their",
	"your", "mine", NULL };
/*
 * The ones of the last list that meet the needs just added (those of
 * filters.require not in before), listed; or that none does.  1 when
 * answered; -1 when one kept only says nothing of a platform asked for
 * loosely: the list cannot be said to be for it, and the question is
 * answered member by member from the data (dlg-members.c).
 */
static int
which_shown(struct tctx *t, cJSON *before)
{
	cJSON		*f = dlg_jobj(t->state, "filters"), *it, *tmp, *req;
	struct product	 v[RESULTS_MAX];
	struct sbuf	 crit = SBUF_INIT, list = SBUF_INIT;
	size_t		 n = 0, shown = 0, i;
	int		 silent = 0;

	tmp = cJSON_CreateObject();
	req = cJSON_AddObjectToObject(tmp, "require");
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(f,
	    "require"))
		if (cJSON_GetObjectItemCaseSensitive(before, it->string) ==
		    NULL && strcmp(it->string, "kinds") != 0)
			cJSON_AddItemToObject(req, it->string,
			    cJSON_Duplicate(it, 1));
	dlg_constraint_words(tmp, &crit);
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
			silent |= dlg_spec_soft_silent(t, &v[n++]);
		else
			product_release(&v[n]);
	}
	if (silent) {
		for (i = 0; i < n; i++)
			product_release(&v[i]);
		sbuf_release(&crit);
		return -1;
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
	cJSON		*saved;
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	const struct entity *price = dlg_first_entity(t, ENTITY_PRICE);
	const struct entity *br = dlg_first_entity(t, ENTITY_BRAND);
	struct product	 p;
	double		 below = -1, kg = -1, max_before, min_before;
	char		*w;
	int		 narrowed, other_brand, above, refused, shown;

	memset(&p, 0, sizeof p);
	/* "Cheaper?" alone after a list asks for cheaper ones too. */
	/* With one product alone shown, "the cheaper one" is cheaper
	 * than it: there is no list to point into. */
	if ((dlg_has_any(t, cheaper) || dlg_has_any(t, lighter)) &&
	    (dlg_has_any(t, another) || dlg_has_word(t, "ones") ||
	    dlg_word_count(t) <= 2 || dlg_one_shown(t)) &&
	    (!dlg_has_any(t, the) || dlg_one_shown(t)) &&
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
	    !dlg_owned_at(t->text, br->start, dlg_whose) &&
	    !dlg_said_as_thing(t, br->start, br->end) &&
	    (dlg_has_any(t, only) || !brand_shown(t, br)) &&
	    dlg_brand_has(t, br, dlg_jstr(f, "category")) &&
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
	saved = cJSON_Duplicate(f, 1);
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
		cJSON_Delete(saved);
		return 0;
	}
	/* "Which of those is sweatproof?": among the ones shown.  When
	 * the list cannot be narrowed by what its data says, the filters
	 * are left as they were and the members are answered one by
	 * one. */
	if (dlg_has_any(t, which) && (shown = which_shown(t, before)) != 0) {
		cJSON_Delete(before);
		if (shown > 0) {
			cJSON_Delete(saved);
			return 1;
		}
		cJSON_ReplaceItemInObjectCaseSensitive(t->state, "filters",
		    saved);
		return 0;
	}
	cJSON_Delete(before);
	cJSON_Delete(saved);
	dlg_jset_str(t->trace, "narrowed", "constraint added to the last "
	    "list's filters");
	return dlg_handle_recommend(t);
}

/* Is one of the two words before offset at in s in the list? */
int
dlg_owned_at(const char *s, size_t at, const char *const *list)
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

/* Does the catalog have a product of brand en in category cat? */
int
dlg_brand_has(struct tctx *t, const struct entity *en, const char *cat)
{
	return dlg_catalog_has(t, en->brand != NULL ? en->brand : en->value,
	    cat);
}

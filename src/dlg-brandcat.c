/*
 * dlg-brandcat.c owns a brand said alone that the conversation does not
 * hold ("the spigen one", "and the amazon one?"): the catalog's product
 * of that brand meant, in the category being discussed.  A line of the
 * category sold under the brand's name though its brand is another
 * ("Amazon eero", brand eero) counts as the brand's before the brand's
 * products of other kinds do.  The kind discussed is the filters', else
 * the focused product's, else that of the product the focus guard set
 * aside for the brand said.  dlg-refs.c calls it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/*
 * The products of category cat whose name starts with the brand's word
 * though their brand is another (a line sold under the maker's name):
 * their count, *out an array of them (release each, free it).
 */
static size_t
named_under(struct tctx *t, const char *cat, const char *brand,
    struct product **out)
{
	struct product_filter f;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 n = 0, i, k = 0, bl = strlen(brand);

	*out = NULL;
	memset(&f, 0, sizeof f);
	f.max_price = f.min_price = -1;
	f.category = cat;
	f.limit = 1000;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, &f, out, &n, &err) != SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (i = 0; i < n; i++) {
		if ((*out)[i].name != NULL && (*out)[i].brand != NULL &&
		    strcasecmp((*out)[i].brand, brand) != 0 &&
		    strncasecmp((*out)[i].name, brand, bl) == 0 &&
		    (*out)[i].name[bl] == ' ')
			(*out)[k++] = (*out)[i];
		else
			product_release(&(*out)[i]);
	}
	if (k == 0) {
		free(*out);
		*out = NULL;
	}
	return k;
}

/*
 * The category of the product the focus guard set aside this turn for
 * the brand said ("and the google one?" after a TP-Link mesh system):
 * still the kind discussed.  A copy, or NULL.
 */
static char *
set_aside_kind(struct tctx *t)
{
	cJSON		*g = cJSON_GetObjectItemCaseSensitive(t->trace,
			    "focus_guard"), *a;
	struct product	 p;
	char		*cat = NULL;

	if (g == NULL || (a = cJSON_GetArrayItem(
	    cJSON_GetObjectItemCaseSensitive(g, "set_aside"), 0)) == NULL ||
	    !cJSON_IsString(a) || dlg_jstr(g, "named") == NULL ||
	    strcmp(dlg_jstr(g, "named"), "brand") != 0)
		return NULL;
	memset(&p, 0, sizeof p);
	if (!dlg_peek_product(t, a->valuestring, &p))
		return NULL;
	if (p.category != NULL)
		cat = xstrdup(p.category);
	product_release(&p);
	return cat;
}

/*
 * A brand said alone that the conversation does not hold: the catalog's
 * products of that brand in the category being discussed (the filters',
 * else the focused product's, else any), the best fitting what was said
 * and the product in focus ("the spigen one" for an iPhone 15 is the
 * case for it).
 */
const char *
dlg_brand_catalog(struct tctx *t, const char *brand)
{
	struct product_filter f;
	struct product	*v = NULL, top, focus;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	**skus = NULL, *pick = NULL, *rule = NULL;
	char		*cat = NULL;
	size_t		 n = 0, i;
	int		 have_focus;
	cJSON		*r, *flt;

	memset(&f, 0, sizeof f);
	memset(&focus, 0, sizeof focus);
	memset(&top, 0, sizeof top);
	f.max_price = f.min_price = -1;
	f.brand = brand;
	f.limit = REF_CANDS;
	flt = dlg_jobj(t->state, "filters");
	have_focus = dlg_focus_top(t, 0) != NULL &&
	    dlg_load_product(t, dlg_focus_top(t, 0), &focus);
	/*
	 * Not the budget: it may come from the customer's profile, and "the
	 * hp one" may be the one over it that the customer saw.
	 */
	if (dlg_jstr(flt, "category") != NULL)
		cat = xstrdup(dlg_jstr(flt, "category"));
	else if (have_focus)
		cat = xstrdup(focus.category);
	else
		cat = set_aside_kind(t);
	/*
	 * None of the brand in that category: a line of the category sold
	 * under the brand's name ("Amazon eero", its brand eero), else all
	 * of the brand's.
	 */
	for (f.category = cat; ; f.category = NULL) {
		dlg_retrieve_begin(t);
		if (catalog_products(t->st, &f, &v, &n, &err) != SD_OK)
			n = 0;
		dlg_retrieve_end(t);
		sd_error_clear(&err);
		if (n > 0 || f.category == NULL)
			break;
		free(v);
		v = NULL;
		if ((n = named_under(t, cat, brand, &v)) > 0) {
			rule = "brand-name-in-category";
			break;
		}
	}
	r = rule != NULL ? dlg_ref_trace(t, rule, "brand in catalog: a line "
	    "of the category sold under the brand's name") :
	    dlg_ref_trace(t, "brand-in-catalog", "brand in catalog");
	skus = xcalloc(n + 1, sizeof *skus);
	for (i = 0; i < n; i++)
		skus[i] = v[i].sku;
	if (dlg_best_of(t, r, skus, n, &top, 0, have_focus ? &focus : NULL)) {
		pick = dlg_jstr(r, "picked");
		product_release(&top);
	}
	if (have_focus)
		product_release(&focus);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	free(skus);
	free(cat);
	return pick;
}

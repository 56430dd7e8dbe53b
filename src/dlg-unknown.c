/*
 * dlg-unknown.c owns a product name the catalog lacks ("iphone 16",
 * "sony xm6", "the anker 8 in 1" when the words "8 in 1" name only
 * other brands' products): never a neighbour answered in its place, but
 * "I couldn't find X" with the nearest names (dlg_unknown_product).
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
 * How near a catalog name is to a name said that the catalog lacks:
 * each model word said whose letters the name has before a digit
 * ("xm6" and "WH-1000XM5", "s25" and "S24") counts 10, each other word
 * said that it has 3; the rating breaks ties.
 */
static double
nearness(const struct product *p, const char *said)
{
	struct text_token *tok = NULL;
	const char	*w, *at;
	char		 pre[16];
	size_t		 cap = 0, n, i, k, len;
	double		 score;

	score = p->rating / 10;
	n = text_tokenize(said, strlen(said), &tok, &cap);
	for (i = 0; i < n; i++) {
		w = said + tok[i].start;
		len = tok[i].end - tok[i].start;
		for (k = 0; k < len && k < sizeof pre - 1 &&
		    !isdigit((unsigned char)w[k]); k++)
			pre[k] = w[k];
		pre[k] = '\0';
		if (tok[i].has_digit && k > 0 && k < len) {
			for (at = p->name; (at = strcasestr(at, pre)) != NULL;
			    at++)
				if (isdigit((unsigned char)at[k])) {
					score += 10;
					break;
				}
		} else if (!tok[i].has_digit && dlg_name_word(p->name, w, len))
			score += 3;
	}
	free(tok);
	return score;
}

/*
 * The nearest catalog names to the unknown name en (said): among the
 * products of the part of it known (a family's members, a brand's
 * products), else those a search of its words finds.  Up to max into
 * near (caller releases each); returns how many.
 */
static size_t
nearest(struct tctx *t, const struct entity *en, const char *said,
    struct product *near, size_t max)
{
	struct product_filter f;
	struct search_result res;
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	*v = NULL, tmp;
	const char	*m[REF_CANDS];
	double		 sc[REF_CANDS], x;
	size_t		 n = 0, i, j, k = 0;

	if ((n = gazetteer_members(t->e->gz, en, m, REF_CANDS)) > 0) {
		v = xcalloc(n, sizeof *v);
		for (i = 0; i < n; i++)
			k += dlg_load_product(t, m[i], &v[k]);
		n = k;
	} else if (en->brand != NULL) {
		memset(&f, 0, sizeof f);
		f.brand = en->brand;
		f.max_price = f.min_price = -1;
		f.limit = REF_CANDS;
		dlg_retrieve_begin(t);
		if (catalog_products(t->st, &f, &v, &n, &err) != SD_OK)
			n = 0;
		dlg_retrieve_end(t);
		sd_error_clear(&err);
	}
	if (n == 0) {
		dlg_kb_search(t, said, SEARCH_KIND_BIT(SEARCH_PRODUCT),
		    (int)max, &res);
		v = xrealloc(v, (res.n + 1) * sizeof *v);
		for (i = 0; i < res.n; i++)
			n += dlg_load_product(t, res.hits[i].id, &v[n]);
		search_result_free(&res);
	}
	for (i = 0; i < n && i < REF_CANDS; i++)
		sc[i] = nearness(&v[i], said);
	/* The best max first (selection: max is small). */
	for (i = 0; i < max && i < n && i < REF_CANDS; i++) {
		for (k = i, j = i + 1; j < n && j < REF_CANDS; j++)
			if (sc[j] > sc[k])
				k = j;
		tmp = v[i], v[i] = v[k], v[k] = tmp;
		x = sc[i], sc[i] = sc[k], sc[k] = x;
		near[i] = v[i];
		memset(&v[i], 0, sizeof v[i]);
	}
	k = i;
	for (i = k; i < n; i++)
		product_release(&v[i]);
	free(v);
	return k;
}

/*
 * "My pixel 3 is dying": a device the customer has, told as background
 * to a question (what to buy, whether something fits it), not asked for.
 */
static int
owned(struct tctx *t, const struct entity *en)
{
	static const char *const owners[] = { "my", "our", "mine", NULL };
	const char	*s = t->text;
	size_t		 a = en->start, n, i;

	while (a > 0 && s[a - 1] == ' ')
		a--;
	for (i = 0; owners[i] != NULL; i++) {
		n = strlen(owners[i]);
		if (a >= n && strncasecmp(s + a - n, owners[i], n) == 0 &&
		    (a == n || !isalnum((unsigned char)s[a - n - 1])))
			return 1;
	}
	return 0;
}

/*
 * Is the known product en the rest of the unknown name said right
 * before it ("samsung t8 | shield portable ssd", where the words after
 * the model number are those of the T7 Shield's name)?  Only spaces
 * between, and the same brand.
 */
static int
continues(struct tctx *t, const struct entity *lacking,
    const struct entity *en)
{
	size_t	 k;

	if (lacking == NULL || en->start < lacking->end ||
	    lacking->brand == NULL || en->brand == NULL ||
	    strcasecmp(lacking->brand, en->brand) != 0)
		return 0;
	for (k = lacking->end; k < en->start; k++)
		if (t->text[k] != ' ')
			return 0;
	return 1;
}

/*
 * A product named that the catalog lacks, and none it has: "I couldn't
 * find X" with the nearest names, which become the last list so "the
 * first one" picks one.  Never an answer about another product in its
 * place.  1 when that was the reply.
 */
int
dlg_unknown_product(struct tctx *t)
{
	const struct entity *en, *lacking = NULL, *br;
	struct entity	 brand_model, brand_family;
	struct product	 near[3];
	struct sbuf	 said = SBUF_INIT, list = SBUF_INIT;
	size_t		 i, n;

	memset(&brand_family, 0, sizeof brand_family);
	for (i = 0; i < t->e->el.n && lacking == NULL; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && dlg_entity_unknown(en))
			lacking = en;
	}
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT)
			continue;
		/* "The anker 8 in 1": words of a family whose members
		 * none is of the brand said before them. */
		if (lacking == NULL &&
		    (br = dlg_family_brand_lacking(t, en)) != NULL) {
			brand_family = *en;
			brand_family.start = br->start;
			brand_family.phrase = 0;	/* nearest: the brand's */
			brand_family.brand = br->value;
			lacking = &brand_family;
			continue;
		}
		if (!dlg_entity_unknown(en) && !continues(t, lacking, en))
			return 0;
	}
	/* No product entity: a brand with a model it does not make. */
	memset(&brand_model, 0, sizeof brand_model);
	if (lacking == NULL && (br = dlg_first_entity(t, ENTITY_BRAND)) !=
	    NULL && dlg_brand_model_unknown(t, br, &brand_model.start,
	    &brand_model.end)) {
		brand_model.type = ENTITY_PRODUCT;
		brand_model.brand = br->value;
		lacking = &brand_model;
	}
	if (lacking == NULL || owned(t, lacking))
		return 0;
	sbuf_add(&said, t->text + lacking->start, lacking->end -
	    lacking->start);
	memset(near, 0, sizeof near);
	n = nearest(t, lacking, said.buf, near, 3);
	for (i = 0; i < n; i++)
		sbuf_addf(&list, "%s%s", i == 0 ? "" : i + 1 == n ? " or " :
		    ", ", near[i].name);
	slots_set(&t->slots, "said", said.buf);
	slots_set(&t->slots, "nearest", list.buf);
	if (n > 0)
		dlg_results_set(t, near, n);
	dlg_ref_rule(dlg_jobj(t->trace, "reference"), "not-in-catalog",
	    "not in the catalog");
	dlg_set_action(t, "product_not_found", "\"%s\" is not in the "
	    "catalog; %zu nearest", said.buf, n);
	dlg_say(t, n > 0 ? "product_not_found" : "product_not_found_none");
	for (i = 0; i < n; i++)
		product_release(&near[i]);
	sbuf_release(&said);
	sbuf_release(&list);
	return 1;
}

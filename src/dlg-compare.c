/*
 * dlg-compare.c: products side by side (a table of the attributes that
 * differ), and which of those shown has the most or least of something.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* At most this many products side by side ("iphone 15 vs galaxy s24
 * vs pixel 8"). */
#define COMPARE_MAX	4

/* A row of the comparison: its cells, and its line of the text. */
static void
row_add(struct tctx *t, size_t tb, struct sbuf *text, const char *label,
    char *const *v, size_t n)
{
	const char	*cells[COMPARE_MAX + 1];
	size_t		 i;

	cells[0] = label;
	sbuf_addf(text, "\n  %s: ", label);
	for (i = 0; i < n; i++) {
		cells[i + 1] = v[i] != NULL ? v[i] : "-";
		sbuf_addf(text, "%s%s", i > 0 ? " | " : "", cells[i + 1]);
	}
	dlg_table_row(t, tb, cells);
}

static void
values_free(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i]);
		v[i] = NULL;
	}
}

/*
 * The comparison of p[0..n) as a table: price, rating, reviews,
 * warranty, then each attribute whose values differ (in the order the
 * products list them).  Its text says which product is A, B..., then a
 * line per row.
 */
static void
compare_table(struct tctx *t, const struct product *p, size_t n,
    struct sbuf *text)
{
	const char	*heads[COMPARE_MAX + 2];
	char		*v[COMPARE_MAX] = { NULL };
	cJSON		*attrs[COMPARE_MAX], *it, *seen;
	size_t		 tb, i, k;
	int		 differ;

	heads[0] = "";
	for (i = 0; i < n; i++) {
		heads[i + 1] = p[i].name;
		sbuf_addf(text, "\n  %c: %s", (int)('A' + i), p[i].name);
	}
	heads[n + 1] = NULL;
	tb = dlg_table_new(t, "comparison", heads);
	for (i = 0; i < n; i++)
		v[i] = catalog_money(p[i].price, p[i].currency);
	row_add(t, tb, text, "price", v, n);
	values_free(v, n);
	for (i = 0; i < n; i++)
		v[i] = xasprintf("%.1f", p[i].rating);
	row_add(t, tb, text, "rating", v, n);
	values_free(v, n);
	for (i = 0; i < n; i++)
		v[i] = xasprintf("%lld", p[i].review_count);
	row_add(t, tb, text, "reviews", v, n);
	values_free(v, n);
	for (i = 0; i < n; i++)
		v[i] = xstrdup(p[i].warranty != NULL ? p[i].warranty : "-");
	row_add(t, tb, text, "warranty", v, n);
	values_free(v, n);
	seen = cJSON_CreateObject();
	for (i = 0; i < n; i++)
		attrs[i] = cJSON_Parse(p[i].attrs);
	for (k = 0; k < n; k++)
		cJSON_ArrayForEach(it, attrs[k]) {
			if (it->string == NULL || cJSON_GetObjectItemCaseSensitive(
			    seen, it->string) != NULL)
				continue;
			cJSON_AddTrueToObject(seen, it->string);
			differ = 0;
			for (i = 0; i < n; i++) {
				v[i] = catalog_attr(&p[i], it->string);
				differ |= i > 0 && (v[i] == NULL || v[0] ==
				    NULL || strcmp(v[i], v[0]) != 0);
			}
			/* Listed by the first: shown when any differs; by a
			 * later one only: shown as the first lacks it. */
			if (differ)
				row_add(t, tb, text, it->string, v, n);
			values_free(v, n);
		}
	for (i = 0; i < n; i++)
		cJSON_Delete(attrs[i]);
	cJSON_Delete(seen);
	dlg_table_text(t, tb, text->buf);
}

/*
 * The products just compared, remembered with the turn they were shown
 * at: a follow-up on the next turn ("price difference?", "what's the
 * price of each", "do both do 144hz?") is about all of them.
 */
static void
pair_set(struct tctx *t, const struct product *p, size_t n)
{
	cJSON	*pair = cJSON_CreateObject(), *skus;
	size_t	 i;

	skus = cJSON_AddArrayToObject(pair, "skus");
	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(skus, cJSON_CreateString(p[i].sku));
	cJSON_AddNumberToObject(pair, "at", (double)t->si.turns);
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pair");
	cJSON_AddItemToObject(t->state, "pair", pair);
}

/*
 * The summary of more than two compared: the lowest price and the best
 * rating, each with every product that has it.
 */
static void
compare_many_slots(struct tctx *t, const struct product *p, size_t n)
{
	struct sbuf	 low = SBUF_INIT, best = SBUF_INIT;
	size_t		 i, lo = 0, hi = 0;
	char		*m;

	for (i = 1; i < n; i++) {
		if (p[i].price < p[lo].price)
			lo = i;
		if (p[i].rating > p[hi].rating)
			hi = i;
	}
	for (i = 0; i < n; i++) {
		if (fabs(p[i].price - p[lo].price) < 0.005)
			sbuf_addf(&low, "%s%s", low.len > 0 ? ", " : "",
			    p[i].name);
		if (fabs(p[i].rating - p[hi].rating) < 0.05)
			sbuf_addf(&best, "%s%s", best.len > 0 ? ", " : "",
			    p[i].name);
	}
	m = catalog_money(p[lo].price, p[lo].currency);
	slots_set(&t->slots, "lowest", low.buf);
	slots_set(&t->slots, "lowest_price", m);
	slots_set(&t->slots, "best_rated", best.buf);
	slots_setf(&t->slots, "best_rating", "%.1f", p[hi].rating);
	slots_setf(&t->slots, "compared_count", "%zu", n);
	free(m);
	sbuf_release(&low);
	sbuf_release(&best);
}

/* Is sku one of p[0..n)? */
static int
among(const struct product *p, int n, const char *sku)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (strcmp(p[i].sku, sku) == 0)
			return 1;
	return 0;
}

/*
 * Side by side: the attributes that differ, with price and rating.  Two
 * products, or up to COMPARE_MAX named together ("iphone 15 vs galaxy
 * s24 vs pixel 8").
 */
int
dlg_handle_compare(struct tctx *t)
{
	struct product	 p[COMPARE_MAX];
	const struct entity *en;
	struct sbuf	 tab = SBUF_INIT;
	size_t		 i, nprod = dlg_count_entities(t, ENTITY_PRODUCT);
	int		 n = 0, k;
	const char	*sku;

	memset(p, 0, sizeof p);
	for (i = 0; i < t->e->el.n && n < COMPARE_MAX; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && en->sku != NULL) {
			if (among(p, n, en->sku))
				continue;
			n += dlg_load_product(t, en->sku, &p[n]);
		} else if ((en->type == ENTITY_PRODUCT ||
		    ((en->type == ENTITY_BRAND || en->type == ENTITY_CATEGORY)
		    && nprod < 2 && n < 2)) && dlg_family_best(t, en, &p[n])) {
			/* Beside two names a category says what they are. */
			if (among(p, n, p[n].sku)) {
				product_release(&p[n]);
				memset(&p[n], 0, sizeof p[n]);
				continue;
			}
			n++;
		}
	}
	/* "Compare the first and the third": those of the last list. */
	for (i = 0; n < 2 && dlg_ordinals[i] != NULL; i++) {
		cJSON *res = dlg_jarr(t->state, "results");

		if (!dlg_has_word(t, dlg_ordinals[i]) ||
		    (int)i >= cJSON_GetArraySize(res))
			continue;
		sku = cJSON_GetArrayItem(res, (int)i)->valuestring;
		if (among(p, n, sku))
			continue;
		n += dlg_load_product(t, sku, &p[n]);
	}
	/* Fill from the last list or the focus. */
	for (i = 0; n < 2 && i < FOCUS_MAX; i++) {
		sku = dlg_focus_top(t, (int)i);
		if (sku == NULL)
			break;
		if (among(p, n, sku))
			continue;
		n += dlg_load_product(t, sku, &p[n]);
	}
	/* "And the samsung oled?" after another brand: the focus is no
	 * part of it (dlg_focus_guard), the one named is the answer. */
	if (n == 1 && cJSON_GetObjectItemCaseSensitive(t->trace,
	    "focus_guard") != NULL) {
		dlg_focus_push(t, p[0].sku);
		if (dlg_spec_answer(t, &p[0]) > 0)
			dlg_set_action(t, "answer_attribute", "the one named "
			    "of a comparison: %s", p[0].sku);
		else
			dlg_answer_product(t, &p[0], 0);
		product_release(&p[0]);
		return 1;
	}
	if (n < 2) {
		for (k = 0; k < n; k++)
			product_release(&p[k]);
		dlg_set_action(t, "ask_compare",
		    "comparison needs two products; "
		    "found %d", n);
		dlg_say(t, "ask_compare");
		return 1;
	}
	compare_table(t, p, (size_t)n, &tab);
	dlg_product_slots(t, &p[0], "a_");
	dlg_product_slots(t, &p[1], "b_");
	slots_set(&t->slots, "table", tab.buf);
	slots_set(&t->slots, "cheaper", p[0].price <= p[1].price ?
	    p[0].name : p[1].name);
	slots_set(&t->slots, "same_price", fabs(p[0].price - p[1].price) <
	    0.005 ? "1" : "");
	slots_set(&t->slots, "same_rating", fabs(p[0].rating - p[1].rating) <
	    0.05 ? "1" : "");
	slots_set(&t->slots, "better_rated", p[0].rating >= p[1].rating ?
	    p[0].name : p[1].name);
	if (n > 2)
		compare_many_slots(t, p, (size_t)n);
	for (k = 0; k < n; k++)
		dlg_cite(t, "product", p[k].sku, p[k].name,
		    "price,rating,attrs");
	dlg_results_set(t, p, (size_t)n);
	for (k = n; k-- > 0;)
		dlg_focus_push(t, p[k].sku);
	pair_set(t, p, (size_t)n);
	if (n > 2)
		dlg_set_action(t, "compare", "side by side: %d products, %s "
		    "first", n, p[0].sku);
	else
		dlg_set_action(t, "compare", "side by side: %s vs %s",
		    p[0].sku, p[1].sku);
	dlg_say(t, n > 2 ? "compare_many" : "compare");
	for (k = 0; k < n; k++)
		product_release(&p[k]);
	sbuf_release(&tab);
	return 1;
}

/* Words that make a specification say a product lacks a thing. */
static const char *const lack_words[] = { "no", "none", "without", "not",
	"lacks", NULL };

/*
 * The attribute of p whose value says it lacks what was asked ("layout":
 * "compact, no number pad"), found as the value quoted in facts; NULL
 * when the facts deny nothing.  Caller frees.
 */
static char *
lacking_key(const struct product *p, const char *facts)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	cJSON		*a = cJSON_Parse(p->attrs), *it;
	char		*key = NULL;
	const char *const *w;

	cJSON_ArrayForEach(it, a) {
		if (key != NULL || !cJSON_IsString(it) ||
		    strstr(facts, it->valuestring) == NULL)
			continue;
		text_fold(it->valuestring, strlen(it->valuestring), &f);
		for (w = lack_words; *w != NULL && key == NULL; w++)
			if (dlg_word_in(f.s.buf, *w, strlen(*w)))
				key = xstrdup(it->string);
	}
	text_folded_release(&f);
	cJSON_Delete(a);
	return key;
}

/*
 * "Which one has a number pad" when the only one whose specifications
 * name it says it has none: say so, and what the others' same
 * specification says, never that the one lacking it has it.  1 when
 * answered.
 */
static int
which_lacks(struct tctx *t, cJSON *res, const struct product *lack,
    const char *facts, const char *key)
{
	struct sbuf	 others = SBUF_INIT;
	struct product	 p;
	const char	*other = NULL;
	cJSON		*it;
	char		*v, *m;
	int		 n = 0;

	cJSON_ArrayForEach(it, res) {
		memset(&p, 0, sizeof p);
		if (!cJSON_IsString(it) || strcmp(it->valuestring,
		    lack->sku) == 0 || !dlg_load_product(t, it->valuestring,
		    &p))
			continue;
		if ((v = catalog_attr(&p, key)) != NULL) {
			m = catalog_money(p.price, p.currency);
			sbuf_addf(&others, "%s the %s (%s) lists %s %s",
			    n == 0 ? "" : ";", p.name, m, key, v);
			dlg_cite(t, "product", p.sku, p.name, "attrs");
			other = it->valuestring;
			n++;
			free(m);
			free(v);
		}
		product_release(&p);
	}
	if (n == 0) {
		sbuf_release(&others);
		return 0;
	}
	dlg_product_slots(t, lack, "");
	dlg_cite(t, "product", lack->sku, lack->name, "attrs");
	slots_set(&t->slots, "lacking", facts);
	slots_set(&t->slots, "others", others.buf);
	if (n == 1)
		dlg_focus_push(t, other);
	dlg_set_action(t, "which_has", "%s says it lacks what is asked; "
	    "%d other(s) of the last list by %s", lack->sku, n, key);
	dlg_say(t, "which_has_not");
	sbuf_release(&others);
	return 1;
}

/*
 * "Which garmin has maps?", "which one has a number pad": those of the
 * brand or kind named, or of the last list, whose specifications list
 * what is asked for.  1 when some do.
 */
int
dlg_which_has(struct tctx *t)
{
	static const char *const has[] = { "has", "have", "with", "support",
	    "supports", "comes with", "come with", "does", "do", "got",
	    NULL };
	cJSON		*res = dlg_jarr(t->state, "results"), *it, *group;
	const char	*gname = NULL;
	struct product	 p, v[RESULTS_MAX], lack;
	struct sbuf	 lines = SBUF_INIT, facts = SBUF_INIT,
			 lack_facts = SBUF_INIT;
	size_t		 n = 0, i;
	char		*m, *key, *lack_key = NULL;
	int		 answered;

	if (!dlg_has_any(t, has) || dlg_count_entities(t, ENTITY_PRODUCT) >
	    0 || !(dlg_has_word(t, "which") || dlg_has_word(t, "what")))
		return 0;
	if ((group = dlg_best_group(t, &gname)) != NULL)
		res = group;
	memset(&lack, 0, sizeof lack);
	cJSON_ArrayForEach(it, res) {
		memset(&p, 0, sizeof p);
		if (n == RESULTS_MAX || !cJSON_IsString(it) ||
		    !dlg_load_product(t, it->valuestring, &p))
			continue;
		sbuf_reset(&facts);
		if (!dlg_spec_has(t, &p, &facts)) {
			product_release(&p);
			continue;
		}
		/* "compact, no number pad" names it to deny it. */
		if ((key = lacking_key(&p, facts.buf)) != NULL) {
			if (lack_key == NULL) {
				lack_key = key;
				lack = p;
				sbuf_adds(&lack_facts, facts.buf);
			} else {
				free(key);
				product_release(&p);
			}
			continue;
		}
		m = catalog_money(p.price, p.currency);
		sbuf_addf(&lines, "\n  - %s (%s): %s", p.name, m, facts.buf);
		free(m);
		dlg_cite(t, "product", p.sku, p.name, "attrs");
		v[n++] = p;
	}
	answered = n > 0;
	if (n > 0) {
		slots_set(&t->slots, "group", gname != NULL ? gname : "");
		slots_set(&t->slots, "matches", lines.buf);
		dlg_results_set(t, v, n);
		dlg_focus_push(t, v[0].sku);
		dlg_set_action(t, "which_has", "%zu of the %s list what is "
		    "asked in their specifications", n, group != NULL ?
		    "brand or kind named" : "last list");
		dlg_say(t, group != NULL ? "which_has_group" : "which_has");
	} else if (lack_key != NULL && group == NULL)
		answered = which_lacks(t, res, &lack, lack_facts.buf,
		    lack_key);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	if (lack_key != NULL)
		product_release(&lack);
	free(lack_key);
	cJSON_Delete(group);
	sbuf_release(&lines);
	sbuf_release(&facts);
	sbuf_release(&lack_facts);
	return answered;
}

/* lacking_key for the other modules (dlg-rankwith.c). */
char *
dlg_lacking_key(const struct product *p, const char *facts)
{
	return lacking_key(p, facts);
}

/* Words that ask about the pair, not one of them. */
static const char *const pair_words[] = { "each", "both", "either",
	"difference", "them", "two", "they", "between", "which", NULL };
/* Words that point at one product. */
static const char *const one_words[] = { "it", "its", "it's", "this",
	"that", "one", "cheaper", "cheapest", NULL };
static const char *const pair_price_words[] = { "price", "prices", "cost",
	"costs", "how much", "difference", "pricier", NULL };

static const char *const gap_words[] = { "difference", "how much more",
	"how much less", "how much cheaper", "how much extra", "gap",
	"diff", NULL };

/* Each price as the price template says it (with its sale). */
static void
pair_prices(struct tctx *t, const struct product *p, int n)
{
	int	 i, sale = -1;

	for (i = 0; i < n; i++) {
		dlg_product_slots(t, &p[i], "");
		dlg_cite(t, "product", p[i].sku, p[i].name,
		    "price,list_price");
		dlg_say(t, "price");
		if (sale < 0 && p[i].list_price > p[i].price)
			sale = i;
	}
	/* The sale they are in, once. */
	dlg_sale_note(t, &p[sale >= 0 ? sale : 0]);
	/* "Price difference between the two?": the sum, not sums. */
	if (n == 2 && dlg_has_any(t, gap_words)) {
		char *m = catalog_money(fabs(p[0].price - p[1].price),
		    p[0].currency);

		slots_set(&t->slots, "price_gap", m);
		slots_set(&t->slots, "cheaper", p[0].price <= p[1].price ?
		    p[0].name : p[1].name);
		dlg_say(t, "pair_price_gap");
		free(m);
	}
}

/*
 * A follow-up about the products compared on the turn before: "price
 * difference?", "what's the price of each", "do both do 144hz?", "and
 * battery life?".  Each gets its answer, from its own row.  Not when the
 * customer names or points at one of them.  1 when answered.
 */
int
dlg_handle_pair(struct tctx *t)
{
	cJSON		*pair = cJSON_GetObjectItemCaseSensitive(t->state,
	    "pair"), *skus;
	struct product	 p[COMPARE_MAX];
	const char	*how = NULL;
	size_t		 said = 0;
	int		 n = 0, i, price, m;

	skus = cJSON_GetObjectItemCaseSensitive(pair, "skus");
	m = cJSON_GetArraySize(skus);
	if (m < 2 || m > COMPARE_MAX ||
	    t->si.turns - (long long)dlg_jnum(pair, "at", -10) > 2 ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_count_entities(t, ENTITY_BRAND) > 0 ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    (dlg_has_any(t, one_words) && !dlg_has_any(t, pair_words)))
		return 0;
	/* "price of the 2800?", "the cheaper one": one of them. */
	if (!dlg_has_any(t, pair_words) && dlg_resolve_reference(t, &how) !=
	    NULL && how != NULL && strcmp(how, "it") != 0)
		return 0;
	memset(p, 0, sizeof p);
	for (i = 0; i < m; i++)
		n += dlg_load_product(t,
		    cJSON_GetArrayItem(skus, i)->valuestring, &p[n]);
	if (n < m) {
		for (i = 0; i < n; i++)
			product_release(&p[i]);
		return 0;
	}
	price = dlg_has_any(t, pair_price_words);
	if (price)
		pair_prices(t, p, n);
	for (i = 0; i < n; i++)
		said += dlg_spec_answer(t, &p[i]);
	if (price || said > 0) {
		/* Still about all of them on the next turn.  The gap said
		 * is kept with them: the state backs it for the fact-check,
		 * which knows each price but not their difference. */
		pair_set(t, p, (size_t)n);
		if (price && n == 2 && dlg_has_any(t, gap_words))
			dlg_jset_num(dlg_jobj(t->state, "pair"), "price_gap",
			    fabs(p[0].price - p[1].price));
		dlg_set_action(t, "compare_followup", "%s about the %d "
		    "compared on the turn before, %s first", price ? "price" :
		    "specifications", n, p[0].sku);
	}
	for (i = 0; i < n; i++)
		product_release(&p[i]);
	return price || said > 0;
}

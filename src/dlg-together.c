/*
 * dlg-together.c owns a message that names or points at several products
 * at once: "show me the galaxy watch6 and the pixel watch 2", "how much
 * are the flip 6, the charge 5 and the clip 5", "the first two", "both
 * of them", "all three".  Each product meant is shown with its price
 * and kept as the list shown, so that "the google one" next is picked
 * among them, not among the catalog's.
 *
 * Names count as several only when nothing but joining words stands
 * between them ("and", "or", "vs", commas): "does the case fit the
 * iphone 15" names two products but asks about one with the other.
 * Weighing them by an attribute ("which of them is lighter") is
 * dlg-rank.c's; side by side on request, dlg-compare.c's.
 *
 * After the bot asked which product ("Which one do you mean: the A or
 * the B?"), its choices are the list shown and the pending question: a
 * pointer that picks none ("and its price?") is answered for each of
 * them, never for the product discussed before the question.
 */

#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Words that join names said together. */
static const char *const joins[] = { "and", "or", "vs", "v", "versus",
	"the", "a", "an", "also", "plus", "then", NULL };

static const char *const counts[] = { "two", "three", "four", "five",
	NULL };

/* The end of a price said at a, as a name's own ("gift card $25"), or a. */
static size_t
price_end(struct tctx *t, size_t a)
{
	const struct entity *en;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRICE && en->start == a)
			return en->end;
	}
	return a;
}

/* Is [a, b) of the text only joining words, spaces, commas and prices? */
static int
only_joins(struct tctx *t, size_t a, size_t b)
{
	const char	*s = t->text;
	size_t		 e, k, n;

	while (a < b) {
		if ((e = price_end(t, a)) > a) {
			a = e;	/* "the gift card $25 and the $50 one" */
			continue;
		}
		if (!isalnum((unsigned char)s[a])) {
			if (strchr(" ,&/+.", s[a]) == NULL)
				return 0;
			a++;
			continue;
		}
		for (e = a; e < b && isalnum((unsigned char)s[e]); e++)
			;
		n = e - a;
		for (k = 0; joins[k] != NULL; k++)
			if (strlen(joins[k]) == n &&
			    strncasecmp(s + a, joins[k], n) == 0)
				break;
		if (joins[k] == NULL)
			return 0;
		a = e;
	}
	return 1;
}

/* Add sku to v[0..*n) unless it is there. */
static void
add_sku(const char **v, size_t *n, size_t max, const char *sku)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (strcmp(v[i], sku) == 0)
			return;
	if (*n < max)
		v[(*n)++] = sku;
}

/* Is sku of every kind of product the message names (if any)? */
static int
of_kind_said(struct tctx *t, const char *sku)
{
	const struct entity *ce;
	struct product	 p;
	size_t		 i;
	int		 ok = 1;

	memset(&p, 0, sizeof p);
	if (!dlg_peek_product(t, sku, &p))
		return 0;
	for (i = 0; i < t->e->el.n && ok; i++) {
		ce = &t->e->el.v[i];
		if (ce->type == ENTITY_CATEGORY && ce->category != NULL)
			ok = (p.category != NULL && strcmp(p.category,
			    ce->category) == 0) || (p.subcategory != NULL &&
			    strcmp(p.subcategory, ce->category) == 0);
	}
	product_release(&p);
	return ok;
}

/*
 * The products named side by side: two or more product entities with
 * only joining words between them, each its product or its family's
 * best.  Their SKUs (valid for the turn) in v; how many.
 */
static size_t
named_side_by_side(struct tctx *t, const char **v, size_t max)
{
	const struct entity *en, *prev = NULL;
	cJSON		*kept;
	struct product	 p;
	const char	*sku;
	size_t		 i, n = 0, said = 0;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT)
			continue;
		if (dlg_entity_unknown(en) || dlg_said_as_context(t, en) ||
		    (prev != NULL && !only_joins(t, prev->end, en->start)))
			return 0;
		prev = en;
		said++;
		memset(&p, 0, sizeof p);
		if (en->sku != NULL)
			sku = en->sku;
		else if (dlg_family_best(t, en, &p)) {
			/* Kept in the trace: valid for the turn. */
			kept = dlg_jarr(t->trace, "named_together");
			cJSON_AddItemToArray(kept, cJSON_CreateString(p.sku));
			sku = cJSON_GetArrayItem(kept, cJSON_GetArraySize(kept) -
			    1)->valuestring;
			product_release(&p);
		} else
			return 0;
		add_sku(v, &n, max, sku);
	}
	/* "A laptop that runs windows and office": what it runs. */
	for (i = 0; said >= 2 && i < n; i++)
		if (!of_kind_said(t, v[i]))
			return 0;
	return said >= 2 ? n : 0;
}

/*
 * How many of the list the words point at from its start (>0) or its
 * end (<0): "the first two", "the last 3", "both", "all three", "all
 * of them"; 0 when none.  n is the list's length.
 */
static int
count_pointed(struct tctx *t, int n)
{
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	struct text_token *tok = NULL;
	size_t		 cap = 0, nt, i, k;
	int		 got = 0, num, end = 1;

	nt = text_tokenize(s, strlen(s), &tok, &cap);
	for (i = 0; i < nt && got == 0; i++) {
		const char *w = s + tok[i].start;
		size_t	 len = tok[i].end - tok[i].start;

		if ((len == 4 && strncmp(w, "both", 4) == 0) && n == 2)
			got = 2;
		else if ((len == 3 && strncmp(w, "all", 3) == 0) && i + 1 <
		    nt) {
			/* "all three", "all of them", "all 3" */
			const char *x = s + tok[i + 1].start;
			size_t	 xl = tok[i + 1].end - tok[i + 1].start;

			if ((xl == 2 && strncmp(x, "of", 2) == 0) || (xl == 4 &&
			    strncmp(x, "them", 4) == 0) || (xl == 5 &&
			    strncmp(x, "those", 5) == 0))
				got = n;
			for (k = 0; counts[k] != NULL; k++)
				if (strlen(counts[k]) == xl &&
				    strncmp(x, counts[k], xl) == 0 &&
				    (int)k + 2 == n)
					got = n;
			if (xl == 1 && x[0] - '0' == n)
				got = n;
		} else if (((len == 5 && strncmp(w, "first", 5) == 0) ||
		    (len == 3 && strncmp(w, "top", 3) == 0) || (len == 4 &&
		    strncmp(w, "last", 4) == 0 && (end = -1) < 0)) && i + 1 <
		    nt) {
			const char *x = s + tok[i + 1].start;
			size_t	 xl = tok[i + 1].end - tok[i + 1].start;

			num = 0;
			for (k = 0; counts[k] != NULL; k++)
				if (strlen(counts[k]) == xl &&
				    strncmp(x, counts[k], xl) == 0)
					num = (int)k + 2;
			if (xl == 1 && x[0] >= '2' && x[0] <= '5')
				num = x[0] - '0';
			if (num >= 2 && num <= n)
				got = end * num;
			end = 1;
		}
	}
	free(tok);
	return got;
}

/* How many words of name (not the brand, three letters or more) are said. */
static int
said_count(struct tctx *t, const char *name, const char *brand)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "", *w;
	size_t		 cap = 0, n, i, len;
	int		 k = 0;

	text_fold(name, strlen(name), &f);
	n = text_tokenize(f.s.buf, f.s.len, &tok, &cap);
	for (i = 0; i < n; i++) {
		w = f.s.buf + tok[i].start;
		len = tok[i].end - tok[i].start;
		if (len < 3 || tok[i].has_digit || (brand != NULL &&
		    strncasecmp(w, brand, len) == 0 && brand[len] == '\0'))
			continue;
		k += dlg_word_in(s, w, len);
	}
	free(tok);
	text_folded_release(&f);
	return k;
}

/*
 * "I want the samsung 1tb", "the garmin" after a list of Fitbits: a
 * brand said alone as the thing meant, none of it in the conversation,
 * and its products of the kind discussed (the filters', else the
 * focus's, else any) that have every size or number said.  Two to max
 * of them are the choice: their SKUs (the trace's, valid for the turn)
 * in v; how many, 0 when one, none or too many, or when the product in
 * focus shares words with one ("the spigen one" for an iPhone case:
 * dlg-refs.c picks it).
 */
static size_t
brand_choices(struct tctx *t, const char **v, size_t max)
{
	const struct entity *br = dlg_first_entity(t, ENTITY_BRAND);
	const char	*conv[CONV_MAX], *s = t->fold.s.buf != NULL ?
	    t->fold.s.buf : "", *size;
	struct product_filter f;
	struct product	*c = NULL, p, focus;
	struct sd_error	 err = SD_ERROR_INIT;
	struct text_token *vw;
	size_t		 nc, n = 0, i, k, nvw, out = 0, most = 0;
	int		 have_focus = 0, ok;
	cJSON		*r;

	if (br == NULL || br->value == NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_CATEGORY) != NULL ||
	    !dlg_said_as_thing(t, br->start, br->end))
		return 0;
	nc = dlg_conversation(t, conv, CONV_MAX);
	for (i = 0; i < nc; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_peek_product(t, conv[i], &p))
			continue;
		ok = p.brand != NULL && strcasecmp(p.brand, br->value) == 0;
		product_release(&p);
		if (ok)
			return 0;	/* dlg-refs.c's brand_reference */
	}
	memset(&f, 0, sizeof f);
	memset(&focus, 0, sizeof focus);
	f.max_price = f.min_price = -1;
	f.brand = br->value;
	f.limit = REF_CANDS;
	f.category = dlg_jstr(dlg_jobj(t->state, "filters"), "category");
	size = dlg_jstr(dlg_jobj(t->state, "filters"), "size");
	have_focus = dlg_focus_top(t, 0) != NULL &&
	    dlg_peek_product(t, dlg_focus_top(t, 0), &focus);
	if (f.category == NULL && have_focus)
		f.category = focus.category;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, &f, &c, &n, &err) != SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	vw = dlg_variant_words(t, &nvw);
	r = dlg_ref_trace(t, "brand-alone-of-kind",
	    "a brand said alone, none of it in the "
	    "conversation: its products of the kind that have what was "
	    "said");
	for (i = 0; i < n; i++) {
		for (k = 0; k < nvw; k++)
			if (!dlg_name_word(c[i].name, s + vw[k].start,
			    vw[k].end - vw[k].start))
				break;
		if (k < nvw || (size != NULL && !dlg_name_word(c[i].name,
		    size, strlen(size))))
			continue;
		/* "The spigen one" beside an iPhone: the one made for it. */
		if (have_focus && dlg_shares_words(c[i].name, &focus)) {
			out = 0;
			break;
		}
		/* "The seagate one, with a heatsink": the one whose
		 * name has more of what was said. */
		if ((k = (size_t)said_count(t, c[i].name, c[i].brand)) <
		    most)
			continue;
		if (k > most) {
			most = k;
			out = 0;
			cJSON_DeleteItemFromObjectCaseSensitive(r,
			    "candidates");
			cJSON_AddArrayToObject(r, "candidates");
		}
		dlg_ref_candidate(r, c[i].sku);
		if (out < max)
			v[out] = cJSON_GetArrayItem(dlg_jarr(r, "candidates"),
			    cJSON_GetArraySize(dlg_jarr(r, "candidates")) -
			    1)->valuestring;
		out++;
	}
	free(vw);
	for (i = 0; i < n; i++)
		product_release(&c[i]);
	free(c);
	if (have_focus)
		product_release(&focus);
	if (out < 2 || out > max) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->trace, "reference");
		return 0;
	}
	return out;
}

/*
 * The products the message names or points at, when several: named
 * side by side, else counted off the last list ("the first two").
 * Their SKUs (valid for the turn) in v, the trace's "reference" told;
 * how many (0 when fewer than two).
 */
size_t
dlg_together_meant(struct tctx *t, const char **v, size_t max)
{
	cJSON		*res = dlg_jarr(t->state, "results"), *it, *r;
	const struct entity *en;
	size_t		 n;
	int		 got, len, i, from;

	if ((n = named_side_by_side(t, v, max)) >= 2) {
		r = dlg_ref_trace(t, "several-named",
		    "several named side by side");
		for (i = 0; i < (int)n; i++)
			dlg_ref_candidate(r, v[i]);
		return n;
	}
	/* "How much is a ps5": the family's lines, none picked; not "an
	 * ssd for a ps5". */
	en = dlg_first_entity(t, ENTITY_PRODUCT);
	if (dlg_count_entities(t, ENTITY_PRODUCT) == 1 &&
	    dlg_first_entity(t, ENTITY_BRAND) == NULL &&
	    !dlg_said_as_context(t, en) &&
	    (n = dlg_family_lines(t, en, v, max)) >= 2) {
		r = dlg_ref_trace(t, "family-no-line-picked",
		    "a family said, no word picks one of "
		    "its lines, none the base of the others");
		for (i = 0; i < (int)n; i++)
			dlg_ref_candidate(r, v[i]);
		return n;
	}
	if ((n = brand_choices(t, v, max)) >= 2)
		return n;
	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0)
		return 0;
	len = cJSON_GetArraySize(res);
	if (len < 2 || (got = count_pointed(t, len)) == 0)
		return 0;
	/* "Do both do 144hz?" after a comparison: its follow-up's. */
	if (got == len && cJSON_GetObjectItemCaseSensitive(t->state,
	    "pair") != NULL)
		return 0;
	r = dlg_ref_trace(t, got > 0 ? "several-from-start" :
	    "several-from-end",
	    got > 0 ? "several counted from the list's "
	    "start" : "several counted from the list's end");
	from = got > 0 ? 0 : len + got;
	n = 0;
	for (i = 0; i < len; i++) {
		it = cJSON_GetArrayItem(res, i);
		if (!cJSON_IsString(it))
			continue;
		dlg_ref_candidate(r, it->valuestring);
		if (i >= from && i < from + abs(got))
			add_sku(v, &n, max, it->valuestring);
	}
	return n >= 2 ? n : 0;
}

/*
 * Show the products skus[0..n), each with its price, and what the
 * message asks of each that their specifications answer; they become
 * the list shown and the focus.  1 when done; 0 when fewer than two
 * load.
 */
static int
show_together(struct tctx *t, const char *const *skus, size_t n)
{
	struct product	 v[RESULTS_MAX];
	struct sbuf	 list = SBUF_INIT;
	size_t		 k = 0, i;
	int		 asked = 0;

	for (i = 0; i < n && k < RESULTS_MAX; i++)
		if (dlg_load_product(t, skus[i], &v[k]))
			k++;
	if (k < 2) {
		for (i = 0; i < k; i++)
			product_release(&v[i]);
		return 0;
	}
	for (i = 0; i < k && !asked; i++)
		asked = dlg_spec_count(t, &v[i]) > 0;
	dlg_list_products(t, v, k, 0, &list);
	slots_set(&t->slots, "results", list.buf);
	dlg_set_action(t, "show_together", "%zu products named or pointed at "
	    "together", k);
	/* What the message asks of them follows the list, each's own. */
	dlg_say(t, asked ? "products_named_asked" : "products_named");
	for (i = 0; i < k && asked; i++)
		dlg_spec_answer(t, &v[i]);
	dlg_results_set(t, v, k);
	for (i = k; i-- > 0; )
		dlg_focus_push(t, v[i].sku);
	for (i = 0; i < k; i++)
		product_release(&v[i]);
	sbuf_release(&list);
	return 1;
}

/* The several products the message means, shown (show_together). */
int
dlg_handle_together(struct tctx *t)
{
	const char	*skus[RESULTS_MAX];
	size_t		 n;

	if ((n = dlg_together_meant(t, skus, RESULTS_MAX)) < 2)
		return 0;
	return show_together(t, skus, n);
}

/* Add to out (at most 5) those of list whose names the reply says. */
static void
named_in_reply(struct tctx *t, cJSON *list, cJSON *out)
{
	struct product	 p;
	cJSON		*it, *o;
	int		 dup;

	cJSON_ArrayForEach(it, list) {
		if (!cJSON_IsString(it) || cJSON_GetArraySize(out) >= 5)
			continue;
		dup = 0;
		cJSON_ArrayForEach(o, out)
			dup |= strcmp(o->valuestring, it->valuestring) == 0;
		memset(&p, 0, sizeof p);
		if (dup || !dlg_peek_product(t, it->valuestring, &p))
			continue;
		if (t->reply.buf != NULL && strstr(t->reply.buf, p.name) != NULL)
			cJSON_AddItemToArray(out,
			    cJSON_CreateString(it->valuestring));
		product_release(&p);
	}
}

/*
 * The bot asked which product ("Which one do you mean: the A or the
 * B?", the tied of a ranking, the customer's own items): the choices
 * it named (of the trace's reference, those tied or its candidates,
 * and of the list shown, those the reply names: two to five) are the
 * list shown, so that "the samsung one" or "the second" next picks
 * among them, and the pending question, so that a pointer that picks
 * none ("and its price?") is answered for each (dlg_answer_choices),
 * not for the product discussed before the question.
 */
void
dlg_pend_choices(struct tctx *t)
{
	cJSON	*ref = cJSON_GetObjectItemCaseSensitive(t->trace,
	    "reference"), *c, *pending;

	if (t->action == NULL || strcmp(t->action, "ask_which_product") != 0)
		return;
	c = cJSON_CreateArray();
	named_in_reply(t, cJSON_GetObjectItemCaseSensitive(ref, "tied"), c);
	named_in_reply(t, cJSON_GetObjectItemCaseSensitive(ref,
	    "candidates"), c);
	named_in_reply(t, dlg_jarr(t->state, "results"), c);
	if (cJSON_GetArraySize(c) < 2) {
		cJSON_Delete(c);
		return;
	}
	cJSON_ReplaceItemInObjectCaseSensitive(t->state, "results",
	    cJSON_Duplicate(c, 1));
	pending = cJSON_CreateObject();
	cJSON_AddStringToObject(pending, "action", "which_product");
	cJSON_AddItemToObject(pending, "skus", c);
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	cJSON_AddItemToObject(t->state, "pending", pending);
}

/*
 * "When will it arrive" when the choices were the items of the order in
 * focus: a question of that order, no pick among its items.
 */
static int
order_asked(struct tctx *t, cJSON *choices)
{
	cJSON	*it, *p;
	int	 in;

	if (dlg_order_focus(t) == NULL || dlg_order_topic(t) == ORDQ_NONE)
		return 0;
	cJSON_ArrayForEach(it, choices) {
		in = 0;
		cJSON_ArrayForEach(p, dlg_jarr(t->state, "purchased"))
			in |= cJSON_IsString(it) && cJSON_IsString(p) &&
			    strcmp(it->valuestring, p->valuestring) == 0;
		if (!in)
			return 0;
	}
	return 1;
}

/*
 * The answer to "which one do you mean?" that says none ("and its
 * price?", "is it waterproof", "both"): a pointer, and no product,
 * brand, place in the list or order said.  The question's choices,
 * each with what was asked (rule "choices-asked-each").  1 when done;
 * 0 leaves the message to the rules that pick one.
 */
int
dlg_answer_choices(struct tctx *t, cJSON *pending)
{
	static const char *const pointers[] = { "it", "its", "it's",
	    "this", "that", "they", "them", "both", "either", NULL };
	const char	*skus[RESULTS_MAX];
	cJSON		*v = cJSON_GetObjectItemCaseSensitive(pending, "skus");
	cJSON		*it, *r;
	size_t		 n = 0;

	if (!dlg_has_any(t, pointers) || order_asked(t, v) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_position_said(t, cJSON_GetArraySize(v)) >= 0)
		return 0;
	r = dlg_ref_trace(t, "choices-asked-each", "the choices of the "
	    "question before, none picked: each");
	cJSON_ArrayForEach(it, v)
		if (cJSON_IsString(it) && n < RESULTS_MAX) {
			skus[n++] = it->valuestring;
			dlg_ref_candidate(r, it->valuestring);
		}
	return show_together(t, skus, n);
}

/*
 * Does the message weigh products ("compare", "which", "vs", "or",
 * "better")?  Then several named are compared or ranked, not listed.
 */
int
dlg_weighing_said(struct tctx *t)
{
	static const char *const cues[] = { "compare", "comparing",
	    "comparison", "difference", "differences", "differ", "better",
	    "best", "vs", "versus", "between", "choose", "pick",
	    "decide", "prefer", "against", "or", "worse", NULL };

	/* "Which ipads do you have" asks what the store has: a list. */
	return dlg_has_any(t, cues) || (dlg_has_word(t, "which") &&
	    !dlg_store_has_said(t));
}

/*
 * Does the message ask which ones the store has ("which X do you
 * sell")?  Not "do you have the iPhone 15 in stock", a stock question.
 */
int
dlg_store_has_said(struct tctx *t)
{
	static const char *const store_has[] = { "do you have",
	    "do you sell", "do you carry", "do you stock", "have you got",
	    "do u have", "do you guys have", "do you guys sell", NULL };
	static const char *const which[] = { "which", "what", NULL };

	return dlg_has_any(t, which) && dlg_has_any(t, store_has);
}

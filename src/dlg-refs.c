/*
 * dlg-refs.c owns what the customer's words point at: which product a
 * name, a family ("sony xm5", "the thinkpad"), a brand said alone ("the
 * hisense") or a pointer ("it", "the second", "the cheaper one") means.
 *
 * The conversation comes first: the products the bot just listed
 * (state "results") and those discussed (state "focus") are what "the
 * <brand>" or "the <family>" most likely mean, so they are tried before
 * the catalog (dlg-names.c weighs the candidates; dlg-rank.c picks "the
 * cheaper one", "the small one").  Every choice goes to the trace's
 * "reference": the rule, the candidates and the pick.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

const char *const dlg_ordinals[] = { "first", "second", "third",
	"fourth", "fifth", NULL };

/*
 * The rule of reference r: a short key that stays when the words change
 * ("rule_id": what "shopdesk eval dialogues --by-rule" counts by) and
 * the words ("rule").
 */
void
dlg_ref_rule(cJSON *r, const char *id, const char *rule)
{
	dlg_jset_str(r, "rule_id", id);
	dlg_jset_str(r, "rule", rule);
}

/* The trace's account of this turn's reference, rule set anew. */
cJSON *
dlg_ref_trace(struct tctx *t, const char *id, const char *rule)
{
	cJSON	*r = dlg_jobj(t->trace, "reference");

	dlg_ref_rule(r, id, rule);
	cJSON_DeleteItemFromObjectCaseSensitive(r, "candidates");
	cJSON_DeleteItemFromObjectCaseSensitive(r, "picked");
	cJSON_DeleteItemFromObjectCaseSensitive(r, "kind_said");
	cJSON_DeleteItemFromObjectCaseSensitive(r, "of_kind");
	cJSON_AddArrayToObject(r, "candidates");
	return r;
}

void
dlg_ref_candidate(cJSON *r, const char *sku)
{
	cJSON_AddItemToArray(dlg_jarr(r, "candidates"),
	    cJSON_CreateString(sku));
}

/* The pick, kept in the trace so the SKU lives as long as the turn. */
const char *
dlg_ref_pick(cJSON *r, const char *sku)
{
	dlg_jset_str(r, "picked", sku);
	return dlg_jstr(r, "picked");
}

/*
 * Read a product to weigh it, not to answer with it: timed as
 * retrieval but not among the turn's retrieved items (a generated
 * reply reads those as what the turn is about).
 */
int
dlg_peek_product(struct tctx *t, const char *sku, struct product *p)
{
	struct sd_error	 err = SD_ERROR_INIT;
	int		 ok;

	dlg_retrieve_begin(t);
	ok = sku != NULL && catalog_product_by_sku(t->st, sku, p, &err) ==
	    SD_OK;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	return ok;
}

/*
 * What the conversation offers: the last list, the focus, then the
 * items of the order in focus.
 */
size_t
dlg_conversation(struct tctx *t, const char **v, size_t max)
{
	const char	*lists[] = { "results", "focus", "purchased" };
	cJSON		*it;
	size_t		 n = 0, i, l;

	for (l = 0; l < 3; l++)
		cJSON_ArrayForEach(it, dlg_jarr(t->state, lists[l])) {
			if (!cJSON_IsString(it))
				continue;
			for (i = 0; i < n; i++)
				if (strcmp(v[i], it->valuestring) == 0)
					break;
			if (i == n && n < max)
				v[n++] = it->valuestring;
		}
	return n;
}

/*
 * A brand said alone ("the samsung one", "going with the sony"): the
 * product of that brand among the items of the bot's last reply (the
 * list it showed, the product it offered or answered about), then the
 * last list, then the products in focus.  One candidate of the brand at
 * a level picks it; two at the same level: *several (the caller asks).
 * The candidates and the level that picked go to the trace.
 */
static const char *
brand_reference(struct tctx *t, const char *brand, int *several)
{
	static const char *const rule[][2] = {
		{ "brand-in-last-reply", "brand among the items of the last "
		    "reply" },
		{ "brand-in-conversation", "brand in conversation: the last "
		    "list" },
		{ "brand-in-conversation", "brand in conversation: the "
		    "products discussed" },
	};
	const char	*conv[CONV_MAX], *hit;
	struct product	 p;
	cJSON		*lists[3], *it, *r;
	size_t		 nc, i;
	int		 l, nhit;

	*several = 0;
	nc = dlg_conversation(t, conv, CONV_MAX);
	lists[0] = cJSON_CreateArray();
	for (i = 0; i < nc; i++)
		if (dlg_in_last_reply(t, conv[i]))
			cJSON_AddItemToArray(lists[0],
			    cJSON_CreateString(conv[i]));
	lists[1] = dlg_jarr(t->state, "results");
	lists[2] = dlg_jarr(t->state, "focus");
	r = dlg_ref_trace(t, rule[0][0], rule[0][1]);
	hit = NULL;
	for (l = 0; l < 3; l++) {
		nhit = 0;
		cJSON_ArrayForEach(it, lists[l]) {
			if (!cJSON_IsString(it))
				continue;
			dlg_ref_candidate(r, it->valuestring);
			memset(&p, 0, sizeof p);
			if (!dlg_load_product(t, it->valuestring, &p))
				continue;
			if (p.brand != NULL && strcasecmp(p.brand, brand) ==
			    0 && (nhit == 0 || strcmp(hit,
			    it->valuestring) != 0)) {
				/* conv[] lives as long as the state */
				for (i = 0; i < nc; i++)
					if (strcmp(conv[i],
					    it->valuestring) == 0)
						break;
				hit = i < nc ? conv[i] : it->valuestring;
				nhit++;
			}
			product_release(&p);
		}
		if (nhit == 0)
			continue;
		dlg_ref_rule(r, rule[l][0], rule[l][1]);
		cJSON_Delete(lists[0]);
		if (nhit == 1)
			return dlg_ref_pick(r, hit);
		*several = 1;
		return NULL;
	}
	cJSON_Delete(lists[0]);
	return NULL;
}

/*
 * Is the name at [a, b) of the text said as the thing meant: "the TCL
 * one", "hisense then", "the samsung", "the acer's", "back to the
 * headphones"?  Not as a filter of a list ("samsung tvs under $500") or
 * a choice to make ("which garmin has maps", "any samsung?").
 */
int
dlg_said_as_thing(struct tctx *t, size_t a, size_t b)
{
	static const char *const before[] = { "the", "that", "this", NULL };
	static const char *const after[] = { "one", "then", "model",
	    "version", NULL };
	const char	*s = t->text, *p;
	size_t		 n, i;

	while (a > 0 && s[a - 1] == ' ')
		a--;
	for (i = 0; before[i] != NULL; i++) {
		n = strlen(before[i]);
		if (a >= n && strncasecmp(s + a - n, before[i], n) == 0 &&
		    (a == n || !isalnum((unsigned char)s[a - n - 1])))
			return 1;
	}
	for (p = s + b; *p == ' ' || *p == '\''; p++)
		if (*p == '\'')	/* "the acer's" */
			return 1;
	for (i = 0; after[i] != NULL; i++) {
		n = strlen(after[i]);
		if (strncasecmp(p, after[i], n) == 0 &&
		    !isalnum((unsigned char)p[n]))
			return 1;
	}
	return 0;
}

/* Where the word w stands in the text as a whole word: 1 and [*a, *b). */
int
dlg_word_at(struct tctx *t, const char *w, size_t *a, size_t *b)
{
	const char	*s = t->text, *p = s;
	size_t		 n = strlen(w);

	while ((p = strcasestr(p, w)) != NULL) {
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n])) {
			*a = (size_t)(p - s);
			*b = *a + n;
			return 1;
		}
		p += n;
	}
	return 0;
}

/*
 * Is the brand said in full?  "Rain" of "Rain Design" is a word of the
 * weather ("in the rain") before it is a brand the conversation never
 * had; a shortened brand stands only for what the conversation holds.
 */
static int
brand_in_full(struct tctx *t, const struct entity *br)
{
	const char	*name = br->brand != NULL ? br->brand : br->value;
	size_t		 n = br->end - br->start, i, words = 1;

	if (name == NULL)
		return 0;
	for (i = 0; name[i] != '\0'; i++)
		words += name[i] == ' ';
	if (words == 1)
		return 1;
	return n >= strlen(name) || strncasecmp(t->text + br->start, name,
	    n) != 0 || memchr(t->text + br->start, ' ', n) != NULL;
}

/* A brand said alone as the thing meant, with no other name or kind. */
static int
brand_alone(struct tctx *t, const struct entity *br)
{
	return dlg_first_entity(t, ENTITY_CATEGORY) == NULL &&
	    dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
	    brand_in_full(t, br) && dlg_said_as_thing(t, br->start, br->end);
}

/*
 * "The 2800", "the 55 inch one": a model number or size said that the
 * name of exactly one product of the conversation has.
 */
static const char *
number_reference(struct tctx *t)
{
	const char	*conv[CONV_MAX], *hit = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	struct text_token *vw;
	struct product	 p;
	size_t		 nc, nvw, i, k;
	int		 nhit = 0;
	cJSON		*r;

	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0)
		return NULL;
	vw = dlg_variant_words(t, &nvw);
	if (nvw == 0 || (nc = dlg_conversation(t, conv, CONV_MAX)) == 0) {
		free(vw);
		return NULL;
	}
	r = dlg_ref_trace(t, "number-in-conversation",
	    "number in conversation");
	for (i = 0; i < nc; i++) {
		dlg_ref_candidate(r, conv[i]);
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, conv[i], &p))
			continue;
		for (k = 0; k < nvw; k++)
			if (!dlg_name_word(p.name, s + vw[k].start, vw[k].end -
			    vw[k].start) && (p.model == NULL ||
			    !dlg_name_word(p.model, s + vw[k].start, vw[k].end -
			    vw[k].start)))
				break;
		if (k == nvw) {
			hit = conv[i];
			nhit++;
		}
		product_release(&p);
	}
	free(vw);
	return nhit == 1 ? dlg_ref_pick(r, hit) : NULL;
}

/*
 * "The last one", "last of them": the ordinal, not the verb ("how long
 * does the small one last") nor time ("last week").
 */
static int
ordinal_last(struct tctx *t)
{
	static const char *const after[] = { "one", "ones", "of", "option",
	    "model", NULL };
	size_t		 a, b, i, n;
	const char	*p;

	if (!dlg_word_at(t, "last", &a, &b))
		return 0;
	for (p = t->text + b; *p == ' '; p++)
		;
	for (i = 0; after[i] != NULL; i++) {
		n = strlen(after[i]);
		if (strncasecmp(p, after[i], n) == 0 &&
		    !isalnum((unsigned char)p[n]))
			return 1;
	}
	/* "and the last?": at the end, after "the". */
	while (a > 0 && t->text[a - 1] == ' ')
		a--;
	return !isalnum((unsigned char)*p) && a >= 3 &&
	    strncasecmp(t->text + a - 3, "the", 3) == 0 &&
	    (a == 3 || !isalnum((unsigned char)t->text[a - 4]));
}

/*
 * "The other one", "and the other?": of two products just shown or
 * compared, the one not discussed last.  NULL when there are not two or
 * the one discussed last is neither.
 */
static const char *
other_reference(struct tctx *t)
{
	cJSON		*two = dlg_jarr(t->state, "results"), *a, *b, *r;
	const char	*top = dlg_focus_top(t, 0);

	if (!dlg_has_word(t, "other") || top == NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0)
		return NULL;
	if (cJSON_GetArraySize(two) != 2)
		two = cJSON_GetObjectItemCaseSensitive(
		    cJSON_GetObjectItemCaseSensitive(t->state, "pair"), "skus");
	if (cJSON_GetArraySize(two) != 2)
		return NULL;
	a = cJSON_GetArrayItem(two, 0);
	b = cJSON_GetArrayItem(two, 1);
	if (!cJSON_IsString(a) || !cJSON_IsString(b))
		return NULL;
	r = dlg_ref_trace(t, "other-of-two",
	    "the other of two, not the one discussed last");
	dlg_ref_candidate(r, a->valuestring);
	dlg_ref_candidate(r, b->valuestring);
	if (strcmp(top, a->valuestring) == 0)
		return dlg_ref_pick(r, b->valuestring);
	if (strcmp(top, b->valuestring) == 0)
		return dlg_ref_pick(r, a->valuestring);
	return NULL;
}

/* Words after "the" that name no product line. */
static const char *const line_stop[] = { "one", "ones", "other", "same",
	"last", "first", "second", "third", "latter", "former", "cheaper",
	"cheapest", "best", "better", "new", "newer", "older", "old", "list",
	"rest", "price", "cost", "store", "order", "cart", "item", "items",
	"product", "products", "thing", "model", "deal", "sale", "offer",
	"difference", "specs", "battery", "warranty", "return", "refund",
	"shipping", "delivery", "reviews", "rating", "size", "colour",
	"color", "weight", "way", "two", "both", "end", "moment", "day",
	"week", "month", "year", "time", "box", "app", "website", "site",
	NULL };

/* Are a and b variants of one line (names agree up to a bracket)? */
static int
same_line(const char *a, const char *b)
{
	size_t	 la = strcspn(a, "("), lb = strcspn(b, "(");

	return la == lb && strncmp(a, b, la) == 0;
}

/*
 * The products of the conversation whose names have the word w (n
 * bytes, lower case): the items of the last reply when any have it,
 * else all discussed.  1 and *sku when they are of one line; 0 (and
 * *sku NULL) when none, or when two lines have it.  r gets them.
 */
static int
line_of_word(struct tctx *t, const char *w, size_t n, const char **sku,
    cJSON *r)
{
	const char	*conv[CONV_MAX], *hit = NULL;
	char		*first = NULL;
	struct product	 p;
	size_t		 nc, i;
	int		 level, found = 0, lines = 0;

	*sku = NULL;
	nc = dlg_conversation(t, conv, CONV_MAX);
	for (level = 0; level < 2 && !found; level++)
		for (i = 0; i < nc; i++) {
			if (level == 0 && !dlg_in_last_reply(t, conv[i]))
				continue;
			memset(&p, 0, sizeof p);
			if (!dlg_peek_product(t, conv[i], &p))
				continue;
			if (p.name != NULL && dlg_name_word(p.name, w, n)) {
				dlg_ref_candidate(r, conv[i]);
				if (first == NULL) {
					first = xstrdup(p.name);
					hit = conv[i];
					lines = 1;
				} else if (!same_line(first, p.name))
					lines++;
				found = 1;
			}
			product_release(&p);
		}
	free(first);
	if (lines != 1)
		return 0;
	dlg_ref_rule(r, level == 1 ? "line-word-last-reply" :
	    "line-word-conversation", level == 1 ? "a word said after "
	    "\"the\" that one line of the last reply has in its name" :
	    "a word said after \"the\" that one line discussed has in "
	    "its name");
	*sku = hit;
	return 1;
}

/*
 * "Does the pixel charge wireless", "ok the pixel. what colours": a
 * word said after "the", "that" or "this" anywhere in the message that
 * names one line of the products discussed (the items of the last reply
 * first) beats the focus.  Only the conversation's products: a word the
 * catalog knows but the conversation does not is left to the names.
 * NULL when no word fits one line alone; the trace says which.
 */
const char *
dlg_line_word_reference(struct tctx *t)
{
	static const char *const lead[] = { "the", "that", "this", NULL };
	const char	*s = t->text, *sku;
	char		 w[32];
	size_t		 i = 0, a, n, k;
	int		 after_lead = 0, is_lead;
	cJSON		*r;

	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL)
		return NULL;
	for (;;) {
		while (s[i] != '\0' && !isalnum((unsigned char)s[i]))
			i++;
		for (a = i; isalnum((unsigned char)s[i]); i++)
			;
		if ((n = i - a) == 0)
			break;
		for (k = 0, is_lead = 0; lead[k] != NULL; k++)
			if (strlen(lead[k]) == n &&
			    strncasecmp(s + a, lead[k], n) == 0)
				is_lead = 1;
		if (!after_lead || n < 3 || n >= sizeof w) {
			after_lead = is_lead;
			continue;
		}
		after_lead = is_lead;
		for (k = 0; k < n && isalpha((unsigned char)s[a + k]); k++)
			w[k] = (char)tolower((unsigned char)s[a + k]);
		if (k < n)
			continue;
		w[n] = '\0';
		for (k = 0; line_stop[k] != NULL; k++)
			if (strcmp(line_stop[k], w) == 0)
				break;
		if (line_stop[k] != NULL)
			continue;
		r = dlg_ref_trace(t, "line-word", "a word said after \"the\" "
		    "that one line discussed has in its name");
		dlg_jset_str(r, "said", w);
		if (line_of_word(t, w, n, &sku, r))
			return dlg_ref_pick(r, sku);
	}
	return NULL;
}

/*
 * Resolve references to earlier products: "the first/second/last one",
 * a brand said alone, a model number of one shown, "the cheaper/more
 * expensive/better one", "it".  Returns a SKU (valid for the turn) or
 * NULL; *how says which rule.
 */
const char *
dlg_resolve_reference(struct tctx *t, const char **how)
{
	cJSON		*res = dlg_jarr(t->state, "results");
	const char	*best;
	int		 n = cJSON_GetArraySize(res), several = 0;
	const struct entity *en;
	size_t		 a, b;

	if ((best = dlg_position_reference(t)) != NULL) {
		*how = "position";
		return best;
	}
	if ((best = other_reference(t)) != NULL) {
		*how = "the other";
		return best;
	}
	if ((en = dlg_first_entity(t, ENTITY_BRAND)) != NULL &&
	    dlg_count_entities(t, ENTITY_PRODUCT) == 0) {
		/* "The Sony QX-9000" is no Sony shown: not in the store. */
		if (dlg_brand_model_unknown(t, en, &a, &b))
			return NULL;
		if ((best = brand_reference(t, en->value, &several)) != NULL) {
			*how = "brand";
			return best;
		}
		if (!several && brand_alone(t, en) &&
		    (best = dlg_brand_catalog(t, en->value)) != NULL) {
			*how = "brand in catalog";
			return best;
		}
		/* Two of the brand shown: the customer says which, not
		 * "it" below (dlg_ask_which_shown asks). */
		if (several && dlg_said_as_thing(t, en->start, en->end))
			return NULL;
	}
	if ((en = dlg_first_entity(t, ENTITY_CATEGORY)) != NULL &&
	    (best = dlg_kind_reference(t, en, &several)) != NULL) {
		*how = "kind";
		return best;
	}
	if ((best = number_reference(t)) != NULL) {
		*how = "number";
		return best;
	}
	if ((ordinal_last(t) || dlg_has_word(t, "latter")) && n > 0) {
		*how = "last";
		return cJSON_GetArrayItem(res, n - 1)->valuestring;
	}
	if ((best = dlg_generation_reference(t)) != NULL) {
		*how = "generation";
		return best;
	}
	if ((best = dlg_ranked_reference(t, how)) != NULL)
		return best;
	if ((best = dlg_described_reference(t)) != NULL) {
		*how = "description";
		return best;
	}
	if ((best = dlg_name_word_reference(t, &several)) != NULL) {
		*how = "name word";
		return best;
	}
	if (several)
		return NULL;	/* dlg_ask_which_named asks */
	if ((best = dlg_line_word_reference(t)) != NULL) {
		*how = "line word";
		return best;
	}
	if (dlg_has_word(t, "it") || dlg_has_word(t, "this") ||
	    dlg_has_word(t, "that") || dlg_has_word(t, "its") ||
	    dlg_has_word(t, "one")) {
		*how = "it";
		return dlg_focus_top(t, 0);
	}
	return NULL;
}

/*
 * "Is the spigen one magsafe": a brand said as the thing meant beside a
 * product name of another brand (here a feature) is the product meant,
 * as the conversation or the catalog has it.  NULL when the names agree
 * or nothing of the brand is found.
 */
static const char *
brand_over_product(struct tctx *t)
{
	const struct entity *br = dlg_first_entity(t, ENTITY_BRAND), *en;
	const char	*sku;
	size_t		 i;
	int		 several;

	if (br == NULL || br->value == NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) == 0 ||
	    !dlg_said_as_thing(t, br->start, br->end))
		return NULL;
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && (en->brand == NULL ||
		    strcasecmp(en->brand, br->value) == 0))
			return NULL;
	}
	if ((sku = brand_reference(t, br->value, &several)) != NULL ||
	    several)
		return sku;
	return brand_in_full(t, br) ? dlg_brand_catalog(t, br->value) : NULL;
}

/*
 * "Do you have the K380", "have you got the g502": the word before the
 * mark at a is the store ("you"), which has it for sale, not the
 * customer.
 */
static int
store_has(struct tctx *t, size_t a)
{
	static const char *const you[] = { "you", "u", "ya", "guys", NULL };
	const char	*s = t->text;
	size_t		 b = a, k;

	while (b > 0 && !isalnum((unsigned char)s[b - 1]))
		b--;
	for (a = b; a > 0 && isalnum((unsigned char)s[a - 1]); a--)
		;
	for (k = 0; you[k] != NULL; k++)
		if (b - a == strlen(you[k]) &&
		    strncasecmp(s + a, you[k], b - a) == 0)
			return 1;
	/* "have you got": the store after the verb. */
	return strncasecmp(s + b, " you ", 5) == 0;
}

/*
 * Is the product entity said as what the customer owns or uses ("i only
 * have the ps5", "for my iphone 15", "with my macbook"), the context of
 * the question rather than its subject?  Looks at the two words before,
 * and at a verb of use before them ("will it charge a macbook").
 */
int
dlg_said_as_context(struct tctx *t, const struct entity *en)
{
	static const char *const marks[] = { "my", "have", "own", "got",
	    "for", "with", "using", "use", "mine", NULL };
	const char	*s = t->text;
	size_t		 b = en->start, a, k, w;

	for (w = 0; w < 2 && b > 0; w++) {
		while (b > 0 && !isalnum((unsigned char)s[b - 1]))
			b--;
		for (a = b; a > 0 && isalnum((unsigned char)s[a - 1]); a--)
			;
		for (k = 0; marks[k] != NULL; k++)
			if (b - a == strlen(marks[k]) &&
			    strncasecmp(s + a, marks[k], b - a) == 0)
				return !store_has(t, a);
		b = a;
	}
	return dlg_use_verb_before(t, en);
}

/*
 * The product entity a question is about: the first one, passing over
 * those said as the customer's own ("i only have the ps5, price of the
 * B4?") when another is said; NULL when none.
 */
const struct entity *
dlg_subject_entity(struct tctx *t)
{
	const struct entity *en, *first = NULL;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT)
			continue;
		if (!dlg_said_as_context(t, en))
			return en;
		if (first == NULL)
			first = en;
	}
	return first;
}

/* Does the folded name have every word of three letters or more of w? */
static int
name_has_words(const char *name, const char *w)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, words = 0;
	int		 all = 1;

	text_fold(name, strlen(name), &f);
	n = text_tokenize(w, strlen(w), &tok, &cap);
	for (i = 0; i < n && all; i++) {
		if (tok[i].end - tok[i].start < 3)
			continue;
		words++;
		all = dlg_word_in(f.s.buf, w + tok[i].start,
		    tok[i].end - tok[i].start);
	}
	free(tok);
	text_folded_release(&f);
	return all && words > 0;
}

/*
 * "The pencil" after an order with the Apple Pencil Pro: a product
 * entity said by a word or two of a name (the catalog links "pencil" to
 * one pencil) means the one of the conversation whose name has those
 * words, when exactly one has.  Its SKU (valid for the turn), or NULL
 * when the name is said in full or the conversation has none or
 * several.
 */
const char *
dlg_loose_name(struct tctx *t, const struct entity *en)
{
	const char	*conv[CONV_MAX], *hit = NULL;
	struct text_folded said = TEXT_FOLDED_INIT;
	struct product	 p;
	size_t		 nc, i;
	int		 nhit = 0, ok;

	/* A model word placed in its context is placed already. */
	if (en->type != ENTITY_PRODUCT || en->sku == NULL ||
	    en->end <= en->start || en->extractor == EXTRACTOR_CONTEXT)
		return NULL;
	text_fold(t->text + en->start, en->end - en->start, &said);
	nc = dlg_conversation(t, conv, CONV_MAX);
	for (i = 0; i < nc; i++) {
		if (strcmp(conv[i], en->sku) == 0) {
			hit = NULL;	/* the one named is there: it */
			nhit = 0;
			break;
		}
		/* Read, not retrieved: only the one meant is the turn's. */
		memset(&p, 0, sizeof p);
		dlg_retrieve_begin(t);
		ok = catalog_product_by_sku(t->st, conv[i], &p, NULL) ==
		    SD_OK;
		dlg_retrieve_end(t);
		if (!ok)
			continue;
		if (strlen(said.s.buf) < strlen(p.name) &&
		    name_has_words(p.name, said.s.buf)) {
			hit = conv[i];
			nhit++;
		}
		product_release(&p);
	}
	text_folded_release(&said);
	return nhit == 1 ? hit : NULL;
}

/*
 * The product the customer means: a product entity, else a reference,
 * else the product in focus.  Records how in the trace.
 */
int
dlg_target_product(struct tctx *t, struct product *p)
{
	const struct entity *en, *lacking = NULL, *subject;
	const char	*sku = NULL, *how = "focus";
	size_t		 i;

	if ((sku = brand_over_product(t)) != NULL)
		how = "brand";
	subject = dlg_subject_entity(t);
	for (i = 0; sku == NULL && i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT || (en != subject &&
		    dlg_count_entities(t, ENTITY_PRODUCT) > 1 &&
		    dlg_said_as_context(t, en)) || dlg_context_device(t, en))
			continue;
		if (dlg_entity_unknown(en) ||
		    dlg_family_brand_lacking(t, en) != NULL) {
			lacking = en;
			continue;
		}
		if (en->sku != NULL) {
			sku = en->sku;
			how = "named";
			if ((sku = dlg_word_of_kind(t, en)) != NULL)
				how = "word of a name, of the kind said";
			else if ((sku = dlg_loose_name(t, en)) != NULL)
				how = "name in conversation";
			else if ((sku = dlg_line_word_apart(t, en)) != NULL)
				how = "line word said apart";
			else {
				sku = en->sku;
				dlg_results_named(t);
			}
			break;
		}
		/* A family ("iPhone 15"): its best match in the catalog. */
		if (dlg_family_best(t, en, p)) {
			/* "A smartwatch that works with iphone": the
			 * iPhone is the context, not what is asked for. */
			if (dlg_said_as_context(t, en) &&
			    !dlg_focus_fits(t, p->sku, NULL)) {
				product_release(p);
				memset(p, 0, sizeof *p);
				dlg_jset_str(t->trace, "product_resolution",
				    "none: the product named is the context "
				    "of another kind");
				return 0;
			}
			dlg_focus_push(t, p->sku);
			dlg_jset_str(t->trace, "product_resolution", "family");
			return 1;
		}
	}
	if (sku == NULL && lacking != NULL) {
		dlg_jset_str(t->trace, "product_resolution",
		    "none: the product named is not in the catalog");
		return 0;
	}
	if (sku == NULL)
		sku = dlg_resolve_reference(t, &how);
	if (sku == NULL) {
		sku = dlg_focus_top(t, 0);
		how = "focus";
		if (sku != NULL && !dlg_focus_fits(t, sku, NULL)) {
			dlg_jset_str(t->trace, "product_resolution",
			    "none: the brand or kind said is not the focus's");
			return 0;
		}
	}
	if (sku == NULL || !dlg_load_product(t, sku, p))
		return 0;
	/* "The 3rd one" is a place in the list, not a generation. */
	if (strcmp(how, "named") != 0 && strcmp(how, "position") != 0 &&
	    dlg_variant_of(t, p))
		how = "variant";
	dlg_focus_push(t, p->sku);
	dlg_jset_str(t->trace, "product_resolution", how);
	return 1;
}

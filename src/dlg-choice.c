/*
 * dlg-choice.c owns which of the products shown a message takes or
 * names: the product shown an entity means ("the otterbox", "the
 * phone"), and a choice said with nothing asked ("ok airpods it is",
 * "ecobee then", "yes, the second one") that dlg-cart.c puts in the
 * cart.
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
 * The product an entity means among those the conversation showed (in
 * focus or the last list): "the otterbox" is the OtterBox case shown,
 * "the phone" the smartphone.  NULL when none of them fits.
 */
const char *
dlg_shown_match(struct tctx *t, const struct entity *en)
{
	const char	*sku, *want;
	cJSON		*res = dlg_jarr(t->state, "results"), *it;
	struct product	 p;
	int		 i, fit, n = cJSON_GetArraySize(res);

	for (i = 0; i < FOCUS_MAX + n; i++) {
		if (i < FOCUS_MAX)
			sku = dlg_focus_top(t, i);
		else {
			it = cJSON_GetArrayItem(res, i - FOCUS_MAX);
			sku = cJSON_IsString(it) ? it->valuestring : NULL;
		}
		memset(&p, 0, sizeof p);
		if (sku == NULL || !dlg_load_product(t, sku, &p))
			continue;
		want = en->type == ENTITY_BRAND ? (en->brand != NULL ?
		    en->brand : en->value) : en->type == ENTITY_CATEGORY ?
		    en->category : en->value;
		fit = want != NULL && (en->type == ENTITY_BRAND ?
		    strcasecmp(p.brand, want) == 0 :
		    en->type == ENTITY_CATEGORY ?
		    strcmp(p.category, want) == 0 ||
		    strcmp(p.subcategory, want) == 0 :
		    strcasestr(p.name, want) != NULL);
		product_release(&p);
		if (fit)
			return sku;
	}
	return NULL;
}

/*
 * "Ok airpods it is", "ecobee then", "the apple ones then": after two or
 * more products were shown, a choice said with nothing asked is taking
 * one of them.  The product shown the words name: a product, brand or
 * kind said, else the brand of one shown said as a word, else a
 * reference ("the cheaper one then").  NULL when the message is not
 * such a choice or names none of those shown, or several.
 */
static const char *const choice_cues[] = { "then", "it is", "fine", "it'll be",
	"itll be", "it will be", "i choose", "i pick", "let's do",
	"lets do", "go for", "sold", "decided", NULL };
static const char *const asking_words[] = { "is", "are", "does", "do",
	"how", "what", "whats", "what's", "which", "when", "where", "why",
	"can", "could", "was", "will", "would", "should", "did", "not",
	"dont", "don't", "no", "order", "return", "refund", "cancel",
	"keep", NULL };

/* Has s[a, b) the word w? */
static int
clause_has(const char *s, size_t a, size_t b, const char *w)
{
	char	*c = xstrndup(s + a, b - a);
	int	 yes = dlg_word_in(c, w, strlen(w));

	free(c);
	return yes;
}

/* Does the clause at s open with a question word ("does it float")? */
int
dlg_clause_opens_question(const char *s)
{
	static const char *const openers[] = { "is", "are", "does", "do",
	    "how", "what", "whats", "which", "when", "where", "why", "can",
	    "could", "will", "would", "should", "did", "has", "have", NULL };
	const char *const *w;
	size_t		 n;

	while (*s == ' ')
		s++;
	for (w = openers; *w != NULL; w++) {
		n = strlen(*w);
		if (strncmp(s, *w, n) == 0 && !isalnum((unsigned char)s[n]))
			return 1;
	}
	return 0;
}

/*
 * Does the clause of the choice ("i dont have one, ecobee then": "ecobee
 * then") ask or deny something, its cues aside ("it is" has "is")?  A
 * question mark anywhere asks.
 */
static int
asks_something(struct tctx *t)
{
	struct sbuf	 rest = SBUF_INIT;
	const char *const *w;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	char		*p, *cue = NULL;
	size_t		 n, a, b;
	int		 yes;

	if (strchr(t->text, '?') != NULL)
		return 1;
	sbuf_adds(&rest, s);
	for (w = choice_cues; *w != NULL; w++)
		for (n = strlen(*w); (p = strstr(rest.buf, *w)) != NULL;) {
			if (cue == NULL || p < cue)
				cue = p;
			memset(p, ' ', n);
		}
	/* The clause around the first cue. */
	a = b = cue != NULL ? (size_t)(cue - rest.buf) : 0;
	while (a > 0 && strchr(",.;!", rest.buf[a - 1]) == NULL)
		a--;
	while (b < rest.len && strchr(",.;!", rest.buf[b]) == NULL)
		b++;
	for (yes = 0, w = asking_words; *w != NULL && !yes; w++)
		yes = clause_has(rest.buf, a, b, *w);
	/* "the charge 5 then. does it float": another clause asks. */
	for (n = 0; n < rest.len && !yes; n++)
		if (n == 0 || strchr(",.;!", rest.buf[n - 1]) != NULL)
			yes = dlg_clause_opens_question(rest.buf + n);
	sbuf_release(&rest);
	return yes;
}

/* Is brand said as a word (folded)? */
static int
brand_said(struct tctx *t, const char *brand)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	int		 yes;

	text_fold(brand, strlen(brand), &f);
	yes = f.s.buf != NULL && dlg_has_word(t, f.s.buf);
	text_folded_release(&f);
	return yes;
}

/*
 * "Ecobee then" after the Nest thermostat: a brand not shown, chosen
 * over the product in focus, is its one product of the same kind (the
 * catalog's, as dlg-refs.c finds it); NULL when that is not one.
 */
static const char *
other_of_kind(struct tctx *t)
{
	struct product	 p, f;
	const char	*how = NULL, *sku;
	int		 same;

	if ((sku = dlg_resolve_reference(t, &how)) == NULL || how == NULL ||
	    strcmp(how, "brand in catalog") != 0)
		return NULL;
	memset(&p, 0, sizeof p);
	memset(&f, 0, sizeof f);
	if (!dlg_load_product(t, sku, &p))
		return NULL;
	same = dlg_load_product(t, dlg_focus_top(t, 0), &f) &&
	    strcmp(p.category, f.category) == 0 && (p.subcategory == NULL ||
	    f.subcategory == NULL || strcmp(p.subcategory,
	    f.subcategory) == 0);
	product_release(&p);
	if (f.sku != NULL)
		product_release(&f);
	return same ? sku : NULL;
}

/*
 * "Ok that one", "yes, the second one", "sure, the black one": a short
 * message that agrees and points at one product.  The product meant
 * (the one in focus for "that one"), or NULL.
 */
static const char *
agreed_pointer(struct tctx *t)
{
	static const char *const agree[] = { "ok", "okay", "yes", "yeah",
	    "yep", "sure", "alright", "great", "perfect", "cool", "fine",
	    "sounds good", "good", NULL };
	struct text_token *tok = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char	*how = NULL, *sku;
	size_t		 cap = 0, n, i;
	int		 first;

	n = text_tokenize(s, strlen(s), &tok, &cap);
	for (i = 0, first = 0; agree[i] != NULL && n > 0; i++)
		first |= strncmp(s + tok[0].start, agree[i],
		    strlen(agree[i])) == 0 && !isalnum((unsigned char)
		    s[tok[0].start + strlen(agree[i])]);
	free(tok);
	if (!first || n > 7 || (!dlg_has_word(t, "one") &&
	    !dlg_has_word(t, "last")) || asks_something(t) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0)
		return NULL;
	if ((sku = dlg_resolve_reference(t, &how)) == NULL)
		return NULL;
	dlg_jset_str(dlg_jobj(t->trace, "reference"), "accepted", sku);
	return sku;
}

const char *
dlg_accepted_shown(struct tctx *t)
{
	const char	*conv[CONV_MAX], *hit = NULL, *how = NULL, *sku;
	const struct entity *en;
	struct product	 p;
	size_t		 nc, i;
	int		 nhit = 0;

	if ((sku = agreed_pointer(t)) != NULL)
		return sku;
	if (!dlg_has_any(t, choice_cues) || asks_something(t) ||
	    dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    (nc = dlg_conversation(t, conv, CONV_MAX)) < 1)
		return NULL;
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT && en->type != ENTITY_BRAND &&
		    en->type != ENTITY_CATEGORY)
			continue;
		if (en->type == ENTITY_BRAND && dlg_shown_match(t, en) ==
		    NULL)
			return other_of_kind(t);
		if (nc < 2 || (sku = en->type == ENTITY_PRODUCT &&
		    en->sku != NULL ? en->sku : dlg_shown_match(t, en)) ==
		    NULL)
			return NULL;	/* another product than those shown */
		for (nc = dlg_conversation(t, conv, CONV_MAX); nc > 0 &&
		    strcmp(conv[nc - 1], sku) != 0; nc--)
			;
		return nc > 0 ? sku : NULL;
	}
	if (nc < 2)
		return NULL;
	/* "The apple ones": a brand of one shown, said as a word. */
	for (i = 0; i < nc; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, conv[i], &p))
			continue;
		if (p.brand != NULL && p.brand[0] != '\0' &&
		    brand_said(t, p.brand)) {
			hit = conv[i];
			nhit++;
		}
		product_release(&p);
	}
	if (nhit == 1)
		return hit;
	if (nhit > 1)
		return NULL;
	sku = dlg_resolve_reference(t, &how);
	return sku != NULL && how != NULL && strcmp(how, "it") != 0 ? sku :
	    NULL;
}

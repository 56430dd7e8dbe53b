/*
 * dlg-cartedit.c: changes to the cart said without naming it.  "Make
 * it two", "actually just one", "3 of those please", "change the
 * quantity of the sony to 2" set the count of one line: that of the
 * product named (a model, or a brand, family or kind resolved against
 * the cart's lines by dlg-cartref.c), else of the product in focus when
 * the cart holds it.  When no line is meant that the cart holds, the
 * customer is asked which: a line not meant is never changed.
 * "Remove the case", "take the charger out", "never mind the
 * headphones" take out the line named the same way; "remove it" the
 * line in focus.  A question ("how do I take the case off?") is none.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/* Most of one product a count sets. */
#define COUNT_MAX	99

/* Words that may open the message before the count ("oh wait, just
 * one"). */
static const char *const lead_words[] = { "ok", "okay", "actually",
	"oh", "wait", "hmm", "hm", "um", "umm", "uh", "er", "erm", "no",
	"nah", "sorry", "so", "and", "then", "please", "pls", "plz", "yes",
	"yeah", "yep", "hey", "oops", "hi", "well", "right", "sure",
	"alright", "on", "second", "thought", "thoughts", "my", "bad",
	"i", "d", "ll", "want", "need", "like", "take", "wanted", "meant",
	"mean", "will", "would", "really", "just", "only", "make", "it",
	"that", "can", "could", "you", "we", NULL };
/* "Just one", "only 2": the count is the whole of what is wanted. */
static const char *const only_words[] = { "just", "only", NULL };
/* Words that ask for a count to be set, with "to" before it ("change
 * it to 3"); "make" and the count's nouns need no "to". */
static const char *const set_verbs[] = { "change", "set", "update",
	"bump", "increase", "decrease", "reduce", "lower", "up", "drop",
	"cut", "adjust", "make", "quantity", "qty", "amount", "number",
	NULL };
static const char *const bare_anchors[] = { "make", "quantity", "qty",
	"amount", NULL };
/* Words between such a verb and the count ("make that just 2"). */
static const char *const between_words[] = { "it", "that", "this",
	"them", "those", "these", "the", "quantity", "qty", "amount",
	"number", "count", "to", "just", "only", "down", "up", "of", "my",
	"in", "cart", "basket", "bag", "for", "please", "pls", "one", "ones",
	"s", NULL };
/* Words after the count that keep it a count ("two of those please"). */
static const char *const follow_words[] = { "please", "pls", "plz",
	"thanks", "thank", "you", "thx", "ty", "instead", "then", "now",
	"total", "in", "of", "for", "the", "those", "them", "these", "em",
	"it", "that", "this", "units", "unit", "pcs", "pieces", "piece",
	"items", "item", "x", "each", "too", "actually", "altogether",
	"rather", "not", "ones", "all", "my", "cart", "basket", "bag", "s",
	NULL };
/* After a bare count at the start ("3 instead"): one of these. */
static const char *const bare_follow[] = { "instead", "total",
	"altogether", "of", NULL };
/* A cart change is no order's, return's or account's business. */
static const char *const other_words[] = { "order", "orders",
	"ordered", "return", "refund", "cancel", "exchange", "subscription",
	"warranty", "plan", NULL };

/* Taking a line out: said of the line named or pointed at ("remove
 * it"). */
static const char *const remove_verbs[] = { "remove", "delete", "drop",
	"get rid of", "ditch", NULL };
/* Said of a line named only ("never mind the case", not "forget it"). */
static const char *const drop_words[] = { "never mind", "nevermind",
	"nvm", "forget", "forget about", "scratch", "don't want",
	"dont want", "do not want", "no longer want", "don't need",
	"dont need", "do not need", "no longer need", NULL };
/* A question about the product, not a removal ("how do i remove the
 * case"); "can you remove it" asks for one. */
static const char *const asking_words[] = { "how", "why", "what",
	"whats", "where", "when", "which", "does", "is", "are", "should",
	"did", "will it", "can i", "do i", "could i", NULL };
static const char *const request_words[] = { "can you", "could you",
	"would you", "will you", "can u", "could u", "pls", "please", NULL };
static const char *const pointer_words[] = { "it", "that", "this",
	"them", "those", "these", "that one", "this one", NULL };
/* Words that may end a line dropped ("never mind the case anymore"). */
static const char *const end_words[] = { "anymore", "any", "more",
	"after", "all", "then", "please", "pls", "thanks", "thx", "ty",
	"actually", "now", "too", "either", "for", "now", "from", "my",
	"the", "cart", "basket", "bag", "list", "thank", "you", NULL };

/* The whole asked for ("all together", "my total")... */
static const char *const whole_words[] = { "total", "subtotal",
	"altogether", "all together", "all in", "all up", "come to",
	"comes to", "coming to", "add up to", "adds up to", "in all",
	"grand total", "sum", NULL };
/* ...as money. */
static const char *const money_words[] = { "how much", "what", "whats",
	"cost", "costs", "price", "owe", "pay", "come to", "comes to",
	"coming to", "add up to", "adds up to", "amount", "damage", NULL };
/* Words after "total" that keep it the money's ("the total so far"). */
static const char *const total_follow[] = { "price", "cost", "amount",
	"for", "of", "come", "comes", "be", "is", "please", "pls", "now",
	"so", "far", "then", "with", "in", "on", "my", "the", "cart",
	"basket", "bag", "right", "again", "thanks", "thx", "s", "gonna",
	"both", "all", "everything", "them", "those", "these", "it",
	"going", "to", "do", "will", "would", NULL };
/* Words after "how much" that keep it the money's ("how much storage"
 * is the product's). */
static const char *const much_follow[] = { "is", "are", "will", "would",
	"does", "do", "did", "for", "in", "all", "that", "this", "it",
	"everything", "altogether", "total", "the", "my", "i", "we", "to",
	"of", "s", "am", "have", "has", "does", "now", "so", "then",
	"together", NULL };

/* Emptying the cart: these of the cart ("clear my cart"), or of "it"
 * when the cart is in play ("empty it"). */
static const char *const empty_verbs[] = { "empty", "clear", "wipe",
	"clear out", NULL };
static const char *const all_words[] = { "everything", "all of it",
	"all of them", "all items", "all the items", "all of the items",
	"the whole thing", "the lot", NULL };
static const char *const cart_nouns[] = { "cart", "basket", "bag", NULL };

/* The brands of the cart's lines, lower case, while a count is read:
 * "make the apple two" names a line though "apple" is no entity. */
struct brands {
	char	*v[16];
	size_t	 n;
};

/* Is offset at inside a product, brand or kind the message names, or
 * a word that is the brand of a line of the cart (b)? */
static int
in_entity(struct tctx *t, const struct brands *b, size_t at, size_t end)
{
	const struct entity *en;
	size_t		 i;

	for (i = 0; b != NULL && i < b->n; i++)
		if (strlen(b->v[i]) == end - at &&
		    strncasecmp(b->v[i], t->text + at, end - at) == 0)
			return 1;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if ((en->type == ENTITY_PRODUCT || en->type == ENTITY_BRAND ||
		    en->type == ENTITY_CATEGORY) && at >= en->start &&
		    at < en->end)
			return 1;
	}
	return 0;
}

/* Do the tokens after k (to the end) keep token k a count? */
static int
count_follows(struct tctx *t, const struct brands *b,
    const struct text_token *tok, size_t k, size_t n)
{
	size_t	 i;

	for (i = k + 1; i < n; i++)
		if (!dlg_token_is(t->text, tok, i, follow_words) &&
		    !in_entity(t, b, tok[i].start, tok[i].end) &&
		    dlg_count_word(t->text +
		    tok[i].start, tok[i].end - tok[i].start) < 0)
			return 0;
	return 1;
}

/*
 * The count the message sets a line to, else -1: "make it two",
 * "change the qty of the sony to 3", "actually just one", "3 of those
 * please", "2 instead".  The count stands alone or before words that
 * point at the line; "make it 2 day shipping" or "just one question"
 * set none.
 */
static long
count_said(struct tctx *t, const struct brands *b, int *of)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, k, a;
	long		 v, found = -1;
	int		 lead, only, ok;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (k = 0; k < n && found < 0; k++) {
		v = dlg_count_word(t->text + tok[k].start,
		    tok[k].end - tok[k].start);
		if (v < 0 || v > COUNT_MAX || in_entity(t, NULL, tok[k].start,
		    tok[k].end) ||
		    (k > 0 && dlg_token_is(t->text, tok, k - 1,
		    (const char *const[]){ "the", "those", "these", "both",
		    "all", "more", NULL })) || !count_follows(t, b, tok, k, n))
			continue;
		/* "Just one", "3 of those": only opening words before. */
		for (i = 0, lead = 1, only = 0; i < k && lead; i++) {
			lead = dlg_token_is(t->text, tok, i, lead_words);
			only |= dlg_token_is(t->text, tok, i, only_words);
		}
		if (lead && (only || (k + 1 < n && dlg_token_is(t->text, tok, k + 1,
		    bare_follow) && (k + 2 < n || !dlg_token_is(t->text, tok,
		    k + 1, (const char *const[]){ "of", NULL }))))) {
			/* "Three of those", no verb before: a count taken. */
			for (i = 0, *of = k + 1 < n && dlg_token_is(t->text, tok,
			    k + 1, (const char *const[]){ "of", NULL });
			    i < k; i++)
				*of &= !dlg_token_is(t->text, tok, i, set_verbs);
			found = v;
			break;
		}
		/* "Make it two", "change the quantity to 3": a verb, then
		 * words of the line, then the count. */
		for (a = k; a-- > 0 && k - a <= 8;) {
			if (!dlg_token_is(t->text, tok, a, set_verbs)) {
				if (!dlg_token_is(t->text, tok, a, between_words) &&
				    !in_entity(t, b, tok[a].start, tok[a].end))
					break;
				continue;
			}
			ok = dlg_token_is(t->text, tok, a, bare_anchors) ||
			    dlg_token_is(t->text, tok, k - 1,
			    (const char *const[]){ "to", NULL });
			if (ok)
				found = v;
			break;
		}
	}
	free(tok);
	return found;
}

/* The line of sku in v[0..n), else -1. */
static long
line_of(const struct cart_item *v, size_t n, const char *sku)
{
	size_t	 i;

	for (i = 0; sku != NULL && i < n; i++)
		if (strcmp(v[i].sku, sku) == 0)
			return (long)i;
	return -1;
}

/* Has the cart been shown in this conversation (an edit's "it" may be
 * a line of it)? */
static int
cart_in_play(struct tctx *t)
{
	return cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(t->state,
	    "cart"));
}

/* Is the message an order's, a return's or a form's business? */
static int
not_cart_business(struct tctx *t)
{
	return dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_has_any(t, other_words) ||
	    cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(t->state,
	    "form"));
}

/* Set p's line to qty and say it, with the cart. */
static void
count_apply(struct tctx *t, const struct product *p, long qty, int had)
{
	struct sd_error	 err = SD_ERROR_INIT;
	int		 changed = 0;

	dlg_read_end(t);
	if (store_begin(t->st, &err) != SD_OK ||
	    catalog_cart_set_qty(t->st, t->cust.id, p->sku, (int)qty,
	    &changed, &err) != SD_OK || store_commit(t->st, &err) != SD_OK) {
		store_rollback(t->st);
		cJSON_AddStringToObject(t->trace, "error", sd_error_msg(&err));
		sd_error_clear(&err);
		dlg_set_action(t, "cart_error", "store error on %s", p->sku);
		dlg_say(t, "cart_error");
		return;
	}
	dlg_focus_push(t, p->sku);
	dlg_cite(t, "product", p->sku, p->name, "price");
	dlg_product_slots(t, p, "");
	dlg_cart_slots(t, 0);
	dlg_jset_num(dlg_jobj(t->trace, "cart_quantity"), p->sku, (double)qty);
	dlg_set_action(t, qty == 0 ? "cart_remove" : "cart_qty", "%s %d -> "
	    "%ld", p->sku, had, qty);
	dlg_say(t, qty == 0 ? "cart_removed" : changed ? "cart_qty_set" :
	    "cart_qty_same");
}

/* "Make it two": the line meant set to the count said, or which asked. */
static int
count_edit(struct tctx *t, const struct cart_item *v, size_t n)
{
	struct product	 p;
	const struct entity *en;
	const char	*sku = NULL;
	struct brands	 b;
	long		 qty, k = -1;
	size_t		 i;
	int		 ref, of = 0;

	/* The lines' brands, single words ("apple", "sony"). */
	for (i = b.n = 0; i < n && b.n < 16; i++) {
		memset(&p, 0, sizeof p);
		if (dlg_load_product(t, v[i].sku, &p) && p.brand != NULL &&
		    *p.brand != '\0' && strchr(p.brand, ' ') == NULL)
			b.v[b.n++] = xstrdup(p.brand);
		product_release(&p);
	}
	qty = count_said(t, &b, &of);
	for (i = 0; i < b.n; i++)
		free(b.v[i]);
	if (qty < 0)
		return 0;
	/* A model named: its line, or not this step's when the cart
	 * lacks it (adding it is the cart's). */
	for (i = 0; i < t->e->el.n && sku == NULL; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && en->sku != NULL)
			sku = en->sku;
	}
	if (sku != NULL && (k = line_of(v, n, sku)) < 0)
		return 0;
	slots_setf(&t->slots, "qty", "%ld", qty);
	memset(&p, 0, sizeof p);
	if (sku == NULL && (ref = dlg_cart_ref(t, &p, CART_REF_COUNT)) != 0) {
		if (ref == 1) {
			k = line_of(v, n, p.sku);
			count_apply(t, &p, qty, k >= 0 ? v[k].qty : 0);
		}
		product_release(&p);
		return 1;
	}
	/* Nothing named: the product in focus, when the cart holds it.
	 * "Three of those" of a product the cart lacks adds them (the
	 * cart's step). */
	if (sku == NULL && (k = line_of(v, n, dlg_focus_top(t, 0))) < 0) {
		if ((of && dlg_focus_top(t, 0) != NULL) || (!cart_in_play(t) &&
		    !dlg_has_any(t, (const char *const[]){ "cart", "basket",
		    NULL })))
			return 0;
		dlg_cart_slots(t, 1);
		dlg_set_action(t, "cart_qty_which", "no line meant for %ld",
		    qty);
		dlg_say(t, "cart_qty_which");
		return 1;
	}
	if (!dlg_load_product(t, v[k].sku, &p))
		return 0;
	dlg_jset_str(t->trace, "product_resolution", sku != NULL ?
	    "the cart's item named" : "the cart's item in focus");
	count_apply(t, &p, qty, v[k].qty);
	product_release(&p);
	return 1;
}

/* "Take the charger out", "pull it out": the verb, then "out". */
static int
taken_out(const char *s)
{
	static const char *const verbs[] = { "take", "pull", NULL };
	const char *const *w;
	const char	*p;

	for (w = verbs; *w != NULL; w++)
		for (p = s; (p = strstr(p, *w)) != NULL; p++)
			if ((p == s || p[-1] == ' ') && p[strlen(*w)] == ' ' &&
			    dlg_word_in(p, "out", 3))
				return 1;
	return 0;
}

/* How the message takes a line out: 2 a removal ("remove it"), 1 said
 * of a line named only ("never mind the case"), 0 none or a question.
 * "Remove the case from my phone" is no cart's. */
static int
removal_said(struct tctx *t)
{
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	int		 how;

	how = dlg_has_any(t, remove_verbs) || taken_out(s) ? 2 :
	    dlg_has_any(t, drop_words) ? 1 : 0;
	if (how != 0 && (strchr(t->text, '?') != NULL || dlg_has_any(t,
	    asking_words)) && !dlg_has_any(t, request_words))
		return 0;
	if (dlg_has_word(t, "from") && !dlg_has_any(t,
	    (const char *const[]){ "cart", "basket", "bag", "list", NULL }))
		return 0;
	return how;
}

/* "Remove it", "take that out": a pointer the removal's object. */
static int
pointed_out(struct tctx *t)
{
	static const char *const verbs[] = { "remove", "delete", "drop",
	    "get rid of", "ditch", "take", "pull", NULL };
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char *const *v, *const *w;
	char		*ph;
	int		 yes = 0;

	for (v = verbs; *v != NULL && !yes; v++)
		for (w = pointer_words; *w != NULL && !yes; w++) {
			ph = xasprintf("%s %s", *v, *w);
			yes = dlg_word_in(s, ph, strlen(ph)) && (strcmp(*v,
			    "take") != 0 && strcmp(*v, "pull") != 0 ?
			    1 : taken_out(s));
			free(ph);
		}
	return yes;
}

/* Does the message end with the line named ("never mind the case",
 * "i dont want the sony anymore")?  A request after it ("forget the
 * case, show me chargers") is another matter. */
static int
ends_with_line(struct tctx *t)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, first = SIZE_MAX;
	int		 yes = 1;

	for (i = 0; i < t->e->el.n; i++)
		if ((t->e->el.v[i].type == ENTITY_PRODUCT ||
		    t->e->el.v[i].type == ENTITY_BRAND ||
		    t->e->el.v[i].type == ENTITY_CATEGORY) &&
		    t->e->el.v[i].start < first)
			first = t->e->el.v[i].start;
	if (first == SIZE_MAX)
		return 0;
	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n && yes; i++)
		if (tok[i].start >= first)
			yes = dlg_token_is(t->text, tok, i, end_words) ||
			    in_entity(t, NULL, tok[i].start, tok[i].end);
	free(tok);
	return yes;
}

/* "Remove the case", "never mind the headphones": the line named, or
 * with a removal the line in focus pointed at; 1 when done and said. */
static int
remove_edit(struct tctx *t, const struct cart_item *v, size_t n)
{
	struct product	 p;
	const struct entity *en;
	const char	*sku = NULL;
	long		 k;
	size_t		 i;
	int		 how, ref;

	if ((how = removal_said(t)) == 0 || (how == 1 && !ends_with_line(t)))
		return 0;
	for (i = 0; i < t->e->el.n && sku == NULL; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && en->sku != NULL)
			sku = en->sku;
	}
	memset(&p, 0, sizeof p);
	if (sku != NULL) {
		/* A model the cart lacks: not this step's. */
		if ((k = line_of(v, n, sku)) < 0 ||
		    !dlg_load_product(t, v[k].sku, &p))
			return 0;
		dlg_jset_str(t->trace, "product_resolution",
		    "the cart's item named");
	} else if ((ref = dlg_cart_ref(t, &p, cart_in_play(t) ?
	    CART_REF_REMOVE : CART_REF_REMOVE | CART_REF_QUIET)) != 0) {
		if (ref != 1)
			return 1;
		k = line_of(v, n, p.sku);
	} else if (how == 2 && pointed_out(t) &&
	    (k = line_of(v, n, dlg_focus_top(t, 0))) >= 0 &&
	    dlg_load_product(t, v[k].sku, &p)) {
		dlg_jset_str(t->trace, "product_resolution",
		    "the cart's item in focus");
	} else
		return 0;
	count_apply(t, &p, 0, k >= 0 ? v[k].qty : 0);
	product_release(&p);
	return 1;
}

/* Does the message ask what the cart comes to?  "Total" must be the
 * money's: "total battery life" is the product's. */
int
dlg_total_asked(struct tctx *t)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i;
	int		 yes;

	if (!dlg_has_any(t, whole_words))
		return 0;
	n = text_tokenize(t->text, t->len, &tok, &cap);
	/* "And the total?": the whole and small words alone. */
	for (i = 0, yes = 1; i < n && yes; i++)
		yes = dlg_token_is(t->text, tok, i, (const char *const[]){ "and",
		    "so", "ok", "the", "my", "total", "subtotal", "is", "now", "new",
		    "please", "pls", "then", "cart", "s", NULL });
	/* "Two of those, total?", "total for both": the word itself asks,
	 * when what follows keeps it the money's (below). */
	if (!yes && !dlg_has_any(t, money_words) && !dlg_has_any(t,
	    (const char *const[]){ "total", "subtotal", NULL })) {
		free(tok);
		return 0;
	}
	for (i = 0, yes = 1; i < n && yes; i++) {
		if (dlg_token_is(t->text, tok, i, (const char *const[]){ "total",
		    "subtotal", "sum", NULL }) && i + 1 < n)
			yes = dlg_token_is(t->text, tok, i + 1, total_follow);
		if (yes && i + 2 < n && dlg_token_is(t->text, tok, i,
		    (const char *const[]){ "how", NULL }) && dlg_token_is(t->text,
		    tok, i + 1, (const char *const[]){ "much", NULL }))
			yes = dlg_token_is(t->text, tok, i + 2, much_follow);
	}
	free(tok);
	return yes;
}

/* "How much is that all together": the cart's count and total. */
static int
total_edit(struct tctx *t, size_t n)
{
	const struct entity *en;
	size_t		 i;

	if (!dlg_total_asked(t))
		return 0;
	/* "The sony and the case, how much all together" of products the
	 * cart may lack: the products' own. */
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT || en->type == ENTITY_BRAND ||
		    en->type == ENTITY_CATEGORY)
			return 0;
	}
	if (n == 0 && !dlg_has_any(t, (const char *const[]){ "cart",
	    "basket", NULL }))
		return 0;
	dlg_set_action(t, "cart_total", "cart of %s", t->cust.id);
	dlg_say(t, dlg_cart_slots(t, 1) > 0 ? "cart_total" : "cart_empty");
	return 1;
}

/* "Empty it", "remove everything from my basket": every line out. */
static int
empty_edit(struct tctx *t, const struct cart_item *v, size_t n)
{
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	size_t		 i;
	int		 cart = dlg_has_any(t, cart_nouns), gone = 0, ok;

	if (!(dlg_has_any(t, empty_verbs) && (cart || (cart_in_play(t) &&
	    dlg_has_any(t, (const char *const[]){ "it", "everything",
	    "all", NULL })))) && !((dlg_has_any(t, remove_verbs) ||
	    taken_out(s)) && dlg_has_any(t, all_words) && (cart ||
	    cart_in_play(t))))
		return 0;
	if ((strchr(t->text, '?') != NULL || dlg_has_any(t, asking_words)) &&
	    !dlg_has_any(t, request_words))
		return 0;
	if (n == 0) {
		dlg_set_action(t, "cart_show", "cart of %s", t->cust.id);
		dlg_say(t, "cart_empty");
		return 1;
	}
	dlg_read_end(t);
	ok = store_begin(t->st, &err) == SD_OK;
	for (i = 0; i < n && ok; i++)
		ok = catalog_cart_remove(t->st, t->cust.id, v[i].sku, &gone,
		    &err) == SD_OK;
	if (!ok || store_commit(t->st, &err) != SD_OK) {
		store_rollback(t->st);
		cJSON_AddStringToObject(t->trace, "error", sd_error_msg(&err));
		sd_error_clear(&err);
		dlg_set_action(t, "cart_error", "store error emptying");
		dlg_say(t, "cart_error");
		return 1;
	}
	dlg_cart_slots(t, 0);
	dlg_set_action(t, "cart_empty", "%zu lines out", n);
	dlg_say(t, "cart_emptied");
	return 1;
}

int
dlg_cart_edit(struct tctx *t)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct cart_item *v = NULL;
	size_t		 n = 0;
	int		 done = 0;

	if (not_cart_business(t))
		return 0;
	dlg_load_customer(t);
	if (!t->have_cust)
		return 0;
	if (catalog_cart_items(t->st, t->cust.id, &v, &n, &err) != SD_OK) {
		cJSON_AddStringToObject(t->trace, "error", sd_error_msg(&err));
		sd_error_clear(&err);
		return 0;
	}
	done = empty_edit(t, v, n);
	if (!done && n > 0)
		done = count_edit(t, v, n) || remove_edit(t, v, n);
	if (!done)
		done = total_edit(t, n);
	catalog_cart_items_free(v, n);
	return done;
}

/*
 * dlg-cart.c: buying is an action.  "Add it to my cart", "going with
 * the sony", "great, that's the one" put the product meant in the
 * customer's active cart (the carts table); "remove it" takes it out;
 * "what's in my cart" lists it.  Each reply shows the cart and what
 * comes next.  Which of the products shown a choice such as "ecobee
 * then" takes is dlg-choice.c's to read.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/*
 * The cart.  Buying is an action: "add it to my cart", "going with the
 * sony", "I'll take it" put the product meant (named, referred to, or in
 * focus) in the customer's active cart; "remove it from my cart" takes it
 * out; "what's in my cart" lists it.  Each reply shows the cart and what
 * comes next.
 */
static const char *const cart_words[] = { "cart", "basket", "bag", NULL };
/* Taking a product, said without naming the cart. */
static const char *const take_words[] = { "add it", "add that",
	"add this", "add one", "going with", "go with", "i'll take",
	"ill take", "i will take", "take it", "i'll get", "ill get",
	"i will get", "buy it", "buy that", "buy this", "buy one",
	"want that one", "want this one", "i want it", "i'll buy",
	"ill buy", "purchase it", "that's the one", "thats the one",
	"that one then", "this one then", "we'll get", "well get",
	"we'll take", "we will get", "we will take", "i'll go with",
	"ill go with", "get me", "take them", "take those", "take these",
	"take both", "grab it", "grab them", "grab those", "grab these",
	"grab that", "grab this", "grab one", "grab both", "grab the",
	"i'll grab", "ill grab", "i will grab", NULL };
/* Buying later or maybe ("I want to buy it again after my return"): no
 * action yet, unless the cart is named. */
static const char *const later_words[] = { "want to buy", "wanna buy",
	"going to buy", "planning to buy", "thinking of buying",
	"thinking about buying", "might buy", "would buy", "before i buy",
	"if i buy", "buy it again", "want to get", "wanna get",
	"thinking of getting", "might get", "before i get", NULL };
/* Ordering it, said of a product: a purchase, not an order question. */
static const char *const order_take_words[] = { "i'll order",
	"ill order", "i will order", "order it", "order that", "order this",
	"order one", NULL };
/* "I want to return something, not sure which order it was on": a
 * return, a refund or a cancellation is never a purchase. */
static const char *const support_words[] = { "return", "send back",
	"send it back", "send them back", "send something back", "sent back",
	"take it back", "take them back", "refund", "cancel", "exchange", NULL };
/* Words before an imperative "add the phone and the case". */
static const char *const filler_words[] = { "ok", "okay", "great", "fine",
	"perfect", "alright", "cool", "so", "then", "yes", "yeah", "please",
	"pls", "and", "now", "right", "sure", "awesome", "nice", NULL };
static const char *const imperative_words[] = { "add", "buy", "grab",
	NULL };
static const char *const add_words[] = { "add", "put", "buy", "get",
	"throw", "place", "stick", NULL };
static const char *const show_words[] = { "what's in", "whats in",
	"what is in", "show", "see", "view", "list", "check", "look at",
	"in there", NULL };
/* A cart named in a question about these is not a cart action. */
static const char *const not_cart_words[] = { "coupon", "code", "promo",
	"discount", "payment", "pay", "checkout", "abandoned", NULL };
static const char *const remove_words[] = { "remove", "take out",
	"take off", "delete", "drop", "get rid", NULL };

/*
 * The cart's lines and total into slots; the number of items.  With
 * shown set the items are what the conversation holds now ("has the
 * price dropped?", "back to the headphones" after "what's in my cart").
 */
size_t
dlg_cart_slots(struct tctx *t, int shown)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct cart_item *v = NULL;
	struct sbuf	 sb = SBUF_INIT;
	size_t		 n = 0, i;
	double		 total = 0;
	int		 count = 0;
	char		*m;
	cJSON		*r;

	if (catalog_cart_items(t->st, t->cust.id, &v, &n, &err) != SD_OK) {
		cJSON_AddStringToObject(t->trace, "error", sd_error_msg(&err));
		sd_error_clear(&err);
	}
	if (shown && n > 0) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "results");
		r = cJSON_AddArrayToObject(t->state, "results");
		for (i = 0; i < n && i < RESULTS_MAX; i++)
			cJSON_AddItemToArray(r, cJSON_CreateString(v[i].sku));
		dlg_results_stamp(t);
		for (i = n < RESULTS_MAX ? n : RESULTS_MAX; i-- > 0;)
			dlg_focus_push(t, v[i].sku);
	}
	for (i = 0; i < n; i++) {
		m = catalog_money(v[i].price, "USD");
		sbuf_addf(&sb, "\n  - %s (%s)", v[i].name, m);
		if (v[i].qty > 1)
			sbuf_addf(&sb, " x %d", v[i].qty);
		free(m);
		total += v[i].price * v[i].qty;
		count += v[i].qty;
	}
	slots_set(&t->slots, "cart_items", sb.len > 0 ? sb.buf : "");
	m = catalog_money(total, "USD");
	slots_set(&t->slots, "cart_total", m);
	free(m);
	slots_setf(&t->slots, "cart_count", "%d", count);
	/* The cart as shown, in the state, so the fact check backs the
	 * count and the total the reply states (a sum no row holds). */
	{
		cJSON *c = dlg_jobj(t->state, "cart");

		dlg_jset_num(c, "items", count);
		dlg_jset_num(c, "total", total);
		/* And each line's count ("x 3"). */
		cJSON_DeleteItemFromObjectCaseSensitive(c, "qty");
		c = dlg_jobj(c, "qty");
		for (i = 0; i < n; i++)
			dlg_jset_num(c, v[i].sku, v[i].qty);
	}
	sbuf_release(&sb);
	catalog_cart_items_free(v, n);
	return n;
}

/* Add or remove p in one transaction; 0 on a store error. */
static int
cart_change(struct tctx *t, const struct product *p, int add, int *changed)
{
	struct sd_error	 err = SD_ERROR_INIT;

	*changed = 1;
	dlg_read_end(t);
	if (store_begin(t->st, &err) != SD_OK || (add ?
	    catalog_cart_add(t->st, t->cust.id, p->sku, p->price, &err) :
	    catalog_cart_remove(t->st, t->cust.id, p->sku, changed,
	    &err)) != SD_OK || store_commit(t->st, &err) != SD_OK) {
		store_rollback(t->st);
		cJSON_AddStringToObject(t->trace, "error", sd_error_msg(&err));
		sd_error_clear(&err);
		return 0;
	}
	return 1;
}

/*
 * "Add the phone and the otterbox": does the message start with "add"
 * or "buy" (after "ok", "great"...)?  A question ("can I add a disc
 * drive later?") does not.
 */
static int
imperative_add(struct tctx *t)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char *const *w;
	int		 yes = 0, filler;

	n = text_tokenize(s, strlen(s), &tok, &cap);
	for (i = 0; i < n; i++) {
		len = tok[i].end - tok[i].start;
		for (filler = 0, w = filler_words; *w != NULL && !filler; w++)
			filler = strlen(*w) == len &&
			    strncmp(*w, s + tok[i].start, len) == 0;
		if (filler)
			continue;
		for (w = imperative_words; *w != NULL && !yes; w++)
			yes = strlen(*w) == len &&
			    strncmp(*w, s + tok[i].start, len) == 0;
		break;
	}
	free(tok);
	return yes;
}

/*
 * The products to add: each one named, or a brand, family or kind said
 * that fits one shown ("add the phone and the otterbox"); the two of
 * the conversation when "both" is said (dlg-both.c); else the one
 * meant (named, referred to, in focus).  The count put in v (max 3 or
 * more), or -1 when the customer was asked which.
 */
static int
cart_targets(struct tctx *t, struct product *v, size_t max,
    const char *chosen)
{
	const struct entity *en;
	const char	*sku;
	size_t		 i, k, n = 0;

	if (chosen != NULL) {
		if (!dlg_load_product(t, chosen, &v[0]))
			return 0;
		dlg_focus_push(t, v[0].sku);
		dlg_jset_str(t->trace, "product_resolution", "chosen of "
		    "those shown");
		return 1;
	}
	for (i = 0; i < t->e->el.n && n < max; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && en->sku != NULL)
			sku = en->sku;
		else if (en->type == ENTITY_PRODUCT ||
		    en->type == ENTITY_BRAND || en->type == ENTITY_CATEGORY)
			sku = dlg_shown_match(t, en);
		else
			continue;
		for (k = 0; sku != NULL && k < n; k++)
			if (strcmp(v[k].sku, sku) == 0)
				sku = NULL;
		if (sku != NULL && dlg_load_product(t, sku, &v[n]))
			n++;
	}
	if (n < 2 && dlg_both_said(t))
		return dlg_both_targets(t, v, n);
	if (n == 0) {
		/* "The Samsung one" that nothing shown is: ask which, never
		 * the product in focus. */
		if (dlg_first_entity(t, ENTITY_BRAND) != NULL &&
		    dlg_count_entities(t, ENTITY_PRODUCT) == 0)
			return 0;
		/* Else the usual resolution (a family's best model). */
		memset(v, 0, sizeof *v);
		return dlg_target_product(t, &v[0]) ? 1 : 0;
	}
	for (k = n; k-- > 0;)
		dlg_focus_push(t, v[k].sku);
	dlg_jset_str(t->trace, "product_resolution", "several named");
	return (int)n;
}

/* Most of one product a message adds; a larger number is no quantity. */
#define QTY_MAX		99

/* Words before a count that puts it in the cart ("put two in"). */
static const char *const qty_verbs[] = { "add", "put", "throw", "stick",
	"grab", "get", "take", "buy", "order", "want", "need", NULL };
/* Words after "two of" that point at the product meant. */
static const char *const qty_pointers[] = { "em", "them", "those",
	"these", "it", "that", "this", "the", NULL };
static const char *const number_words[] = { "zero", "one", "two", "three",
	"four", "five", "six", "seven", "eight", "nine", "ten", NULL };

/* The number token s[0..n) stands for (digits or a word), else -1. */
long
dlg_count_word(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n && isdigit((unsigned char)s[i]); i++)
		;
	if (n > 0 && i == n && n <= 2)
		return strtol(s, NULL, 10);
	for (i = 0; number_words[i] != NULL; i++)
		if (strlen(number_words[i]) == n &&
		    strncasecmp(number_words[i], s, n) == 0)
			return (long)i;
	return -1;
}

/* Is token k of text one of words (any case)? */
int
dlg_token_is(const char *text, const struct text_token *tok, size_t k,
    const char *const *words)
{
	size_t	 len = tok[k].end - tok[k].start;

	for (; *words != NULL; words++)
		if (strlen(*words) == len && strncasecmp(*words,
		    text + tok[k].start, len) == 0)
			return 1;
	return 0;
}

/*
 * "I want two", "two of those please", "could i get 3?": a message made
 * of nothing but a count (2 to QTY_MAX), a purchase verb or a pointer
 * at the product ("of those"), and the little words around them.  Any
 * other word ("2 day shipping", "two devices", "2fa") makes it no
 * count taken.  The count, else 0.
 */
static const char *const take_verbs[] = { "add", "put", "throw", "stick",
	"grab", "get", "take", "buy", "order", "want", "need", "have",
	"like", "gimme", "purchase", "pick", NULL };
static const char *const take_glue[] = { "i", "ll", "d", "m", "id", "ill",
	"im", "we", "me", "us", "can", "could", "may", "will", "would",
	"please", "pls", "plz", "thanks", "thx", "ok", "okay", "yes", "yeah",
	"yep", "sure", "then", "actually", "just", "great", "cool", "so",
	"to", "in", "into", "my", "our", "cart", "basket", "of", "those",
	"them", "these", "em", "it", "that", "this", "lets", "let", "s",
	"hmm", "um", "fine", "perfect", "alright", "and", "more", NULL };

int
dlg_count_taken(struct tctx *t)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i;
	long		 v, count = 0;
	int		 verb = 0, of = 0, other = 0;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n && !other; i++) {
		v = dlg_count_word(t->text + tok[i].start,
		    tok[i].end - tok[i].start);
		if (v >= 2 && v <= QTY_MAX && count == 0)
			count = v;
		else if (dlg_token_is(t->text, tok, i, take_verbs))
			verb = 1;
		else if (count != 0 && i + 1 < n && dlg_token_is(t->text, tok,
		    i, (const char *const[]){ "of", NULL }) &&
		    dlg_token_is(t->text, tok, i + 1, qty_pointers))
			of = 1;
		else if (!dlg_token_is(t->text, tok, i, take_glue))
			other = 1;
	}
	free(tok);
	return !other && (verb || of) ? (int)count : 0;
}

/*
 * How many of the product the customer takes: the quantity the entity
 * extractor found ("add 2 of em", "x2"), else a count put in the cart
 * ("put two in my cart", "three of those"); 1 when none is said.  "The
 * two" and "that one" point at products, they count none.
 */
static int
cart_quantity(struct tctx *t)
{
	const struct entity *q = dlg_first_entity(t, ENTITY_QUANTITY);
	static const char *const the[] = { "the", "those", "these", "both",
	    "all", NULL };
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i;
	long		 v, found = 1;

	if (q != NULL && q->number >= 1 && q->number <= QTY_MAX)
		return (int)q->number;
	if ((v = dlg_count_taken(t)) > 1)
		return (int)v;
	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n && found == 1; i++) {
		v = dlg_count_word(t->text + tok[i].start,
		    tok[i].end - tok[i].start);
		if (v < 2 || v > QTY_MAX || (i > 0 && dlg_token_is(t->text, tok,
		    i - 1, the)))
			continue;
		if ((i > 0 && dlg_token_is(t->text, tok, i - 1, qty_verbs)) ||
		    (i + 2 < n && dlg_token_is(t->text, tok, i + 1,
		    (const char *const[]){ "of", NULL }) &&
		    dlg_token_is(t->text, tok, i + 2, qty_pointers)))
			found = v;
	}
	free(tok);
	return (int)found;
}

/* Does s, past "ok", "and", "so"..., open a question? */
static int
opens_question(const char *s)
{
	const char *const *w;
	size_t		 n;
	int		 more = 1;

	while (more) {
		more = 0;
		while (*s != '\0' && !isalnum((unsigned char)*s))
			s++;
		for (w = filler_words; *w != NULL && !more; w++) {
			n = strlen(*w);
			if (strncmp(s, *w, n) == 0 &&
			    !isalnum((unsigned char)s[n])) {
				s += n;
				more = 1;
			}
		}
	}
	return dlg_clause_opens_question(s);
}

/*
 * "Can I take it in the pool?", "can I get it in blue?": a question
 * whose "take it" or "get it" goes on with more words asks about the
 * product, it does not buy it ("can I get it?" alone does).
 */
static int
take_question(struct tctx *t)
{
	static const char *const take[] = { "take it", "take them",
	    "take this", "take that", "get it", "get them", "get this",
	    "get that", "get one", "take one", "take those", "take these",
	    "grab it", "grab them", "grab one", "grab that", "grab this",
	    "grab those", "grab these", NULL };
	static const char *const trail[] = { "please", "pls", "then", "now",
	    "too", "also", "today", "asap", "thanks", "thx", NULL };
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char *const *w;
	const char	*p = NULL;
	size_t		 len;
	int		 more = 0;

	if (strchr(t->text, '?') == NULL && !opens_question(s))
		return 0;
	for (w = take; *w != NULL && p == NULL; w++)
		if (dlg_word_in(s, *w, strlen(*w)))
			p = strstr(s, *w) + strlen(*w);
	if (p == NULL)
		return 0;
	/* The words after it, up to the end of its clause. */
	while (*p != '\0' && strchr(",.;!?", *p) == NULL && !more) {
		while (*p == ' ')
			p++;
		for (len = 0; p[len] != '\0' && p[len] != ' ' &&
		    strchr(",.;!?", p[len]) == NULL; len++)
			;
		if (len == 0)
			break;
		for (w = trail; *w != NULL; w++)
			if (strlen(*w) == len && strncmp(*w, p, len) == 0)
				break;
		more = *w == NULL && dlg_count_word(p, len) < 0;
		p += len;
	}
	return more;
}

/* The count taken of p, into the slots and the trace. */
static void
qty_slots(struct tctx *t, const struct product *p, int qty)
{
	slots_setf(&t->slots, "qty", "%d", qty);
	dlg_jset_num(dlg_jobj(t->trace, "cart_quantity"), p->sku, qty);
}

/*
 * Taken while out of stock: said beside what was added, so the customer
 * does not wait on a parcel that cannot ship ("the 7a? fine, add it").
 * No word of when it returns: the catalog keeps no restock date.
 */
static void
stock_note(struct tctx *t, const struct product *v, size_t n)
{
	struct sbuf	 note = SBUF_INIT;
	size_t		 i, k = 0;

	for (i = 0; i < n; i++)
		if (v[i].stock <= 0) {
			sbuf_addf(&note, "%s the %s", k++ ? " and" : " Note:",
			    v[i].name);
			dlg_cite(t, "product", v[i].sku, v[i].name, "stock");
		}
	if (k > 0)
		sbuf_addf(&note, " %s out of stock right now, so %s "
		    "cannot ship yet.", k > 1 ? "are" : "is", k > 1 ?
		    "they" : "it");
	slots_set(&t->slots, "stock_note", note.buf);
	sbuf_release(&note);
}

/* Add or remove each of v[0..n); say what changed and the cart. */
static void
cart_apply(struct tctx *t, struct product *v, size_t n, int add)
{
	struct sbuf	 names = SBUF_INIT, skus = SBUF_INIT;
	size_t		 i;
	int		 ok = 1, changed = 0, qty, k;
	char		*m;

	/* "Add 2 of em": a count is of the one product meant. */
	qty = add && n == 1 ? cart_quantity(t) : 1;
	for (i = 0; i < n && ok; i++) {
		for (k = 0; k < qty && ok; k++)
			ok = cart_change(t, &v[i], add, &changed);
		dlg_cite(t, "product", v[i].sku, v[i].name, "price");
		m = catalog_money(v[i].price, v[i].currency);
		if (i > 0)
			sbuf_adds(&names, i + 1 == n ? " and the " : ", the ");
		sbuf_addf(&names, "%s (%s)", v[i].name, m);
		sbuf_addf(&skus, "%s%s", i ? " " : "", v[i].sku);
		free(m);
	}
	dlg_product_slots(t, &v[0], "");
	slots_set(&t->slots, "added", names.buf);
	if (!ok) {
		dlg_set_action(t, "cart_error", "store error on %s",
		    v[i - 1].sku);
		dlg_say(t, "cart_error");
	} else {
		dlg_cart_slots(t, 0);
		dlg_set_action(t, add ? "cart_add" : "cart_remove",
		    "%s %s", add ? "added" : changed ? "removed" :
		    "not in cart", skus.buf);
		if (qty > 1)
			qty_slots(t, &v[0], qty);
		stock_note(t, v, n);
		dlg_say(t, add ? (n > 1 ? "cart_added_many" : qty > 1 ?
		    "cart_added_qty" : "cart_added") :
		    changed ? "cart_removed" : "cart_not_in");
	}
	sbuf_release(&names);
	sbuf_release(&skus);
}

/*
 * No customer to hold a cart: sign in first.  A product being taken is
 * named, so the customer knows which one the bot understood and the
 * conversation keeps it in focus for "add it" after signing in.
 */
static void
sign_in_first(struct tctx *t, int add, const char *chosen)
{
	struct product	 v[3];
	struct sbuf	 names = SBUF_INIT;
	size_t		 n = 0, i;
	int		 qty, got = 0;
	char		*m;

	memset(v, 0, sizeof v);
	if (add && (got = cart_targets(t, v, 3, chosen)) < 0)
		return;
	if ((n = (size_t)got) > 0) {
		dlg_product_slots(t, &v[0], "");
		for (i = 0; i < n; i++) {
			dlg_cite(t, "product", v[i].sku, v[i].name, "price");
			m = catalog_money(v[i].price, v[i].currency);
			sbuf_addf(&names, "%s%s (%s)", i == 0 ? "" : i + 1 ==
			    n ? " and the " : ", the ", v[i].name, m);
			free(m);
		}
		slots_set(&t->slots, "added", names.buf);
		sbuf_release(&names);
		dlg_set_action(t, "cart_sign_in", "cart without a customer; "
		    "%s meant", v[0].sku);
		qty = n == 1 ? cart_quantity(t) : 1;
		if (qty > 1)
			qty_slots(t, &v[0], qty);
		dlg_say(t, n > 1 ? "cart_sign_in_many" : qty > 1 ?
		    "cart_sign_in_qty" : "cart_sign_in_item");
	} else {
		dlg_set_action(t, "cart_sign_in", "cart without a customer");
		dlg_say(t, "cart_sign_in");
	}
	for (i = 0; i < n; i++)
		product_release(&v[i]);
}

/*
 * Is what the message takes a kind the product meant (sku) is not: "a
 * mouse to go with it" (the kind before the taking words), "add a case
 * too" (the kind their object)?  "I'll go with that one and a case"
 * takes the one shown first.  1 for the first (a kind asked for, the
 * shopping handlers'), 2 for the second (which one of it, asked), 0
 * when the product meant is taken.
 */
static int
new_kind_taken(struct tctx *t, const char *sku)
{
	static const char *const *const lists[] = { take_words, add_words,
	    order_take_words, NULL };
	static const char *const articles[] = { "a", "an", "another",
	    "some", "any", NULL };
	const struct entity *en = dlg_other_kind_wanted(t, sku);
	const char	*s = t->text, *p, *q = NULL, *at = NULL;
	const char *const *const *l;
	const char *const *w;
	size_t		 n;

	if (en == NULL)
		return 0;
	/* The first taking words, whole words. */
	for (l = lists; *l != NULL; l++)
		for (w = *l; *w != NULL; w++)
			for (p = s, n = strlen(*w); (p = strcasestr(p, *w)) !=
			    NULL; p++)
				if ((p == s || !isalnum((unsigned char)p[-1])) &&
				    !isalnum((unsigned char)p[n]) &&
				    (at == NULL || p < at)) {
					at = p;
					q = p + n;
				}
	if (at == NULL || (size_t)(at - s) > en->start)
		return 1;
	/* Only an article between them: the kind is what is taken. */
	while (*q == ' ')
		q++;
	for (w = articles; *w != NULL; w++)
		if (strncasecmp(q, *w, strlen(*w)) == 0 &&
		    q + strlen(*w) <= s + en->start &&
		    strspn(q + strlen(*w), " ") ==
		    (size_t)(s + en->start - q - strlen(*w)))
			return 2;
	return 0;
}

/* "Take the sony out of my cart", "pull it out": the verb, then "out"
 * later in the message. */
static int
taken_out(struct tctx *t)
{
	static const char *const verbs[] = { "take", "pull", NULL };
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "", *p;
	const char *const *w;

	for (w = verbs; *w != NULL; w++)
		if ((p = strstr(s, *w)) != NULL && (p == s || p[-1] == ' ') &&
		    p[strlen(*w)] == ' ' && dlg_word_in(p, "out", 3))
			return 1;
	return 0;
}

/* "Remove the sony from my cart": a removal from the cart, which
 * dlg_cart_ref resolves against the cart's items alone. */
int
dlg_cart_removal(struct tctx *t)
{
	return dlg_has_any(t, cart_words) && !dlg_has_any(t,
	    not_cart_words) && (dlg_has_any(t, remove_words) ||
	    taken_out(t));
}

int
dlg_handle_cart(struct tctx *t)
{
	struct product	 v[3];
	size_t		 n, i;
	int		 cart, add, del, take_order, other, ref, got;
	const char	*chosen = NULL;

	cart = dlg_has_any(t, cart_words) && !dlg_has_any(t, not_cart_words);
	del = dlg_cart_removal(t);
	take_order = dlg_has_any(t, order_take_words) ||
	    dlg_count_taken(t) > 1;
	/* "Three of those in my cart": a count put in it adds. */
	add = !del && (((dlg_has_any(t, take_words) || take_order) &&
	    !dlg_has_any(t, later_words) && (cart || !take_question(t))) ||
	    (cart && cart_quantity(t) > 1) || dlg_count_taken(t) > 1 ||
	    (cart && dlg_has_any(t, add_words)) || imperative_add(t));
	if (!add && !del && !(cart && dlg_has_any(t, show_words))) {
		if ((chosen = dlg_accepted_shown(t)) == NULL)
			return 0;
		add = 1;
	}
	/*
	 * "I do want that one" about an order being discussed, "add it to
	 * order 12345": the order's business, not the cart's.
	 */
	if (!cart && (dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_has_any(t, support_words) ||
	    cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(t->state,
	    "form")) || (dlg_has_word(t, "order") && !take_order)))
		return 0;
	/* "And a mouse to go with it", "add a case too" beside a
	 * keyboard: a new kind wanted, for the shopping handlers; the
	 * keyboard is not bought. */
	if (add && dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
	    (other = new_kind_taken(t, chosen != NULL ? chosen :
	    dlg_focus_top(t, 0))) != 0) {
		if (other == 1) {
			dlg_jset_str(t->trace, "cart_skipped", "a kind wanted "
			    "that the product meant is not");
			return 0;
		}
		dlg_set_action(t, "cart_which", "a kind to add that the "
		    "product meant is not");
		dlg_say(t, "cart_which");
		return 1;
	}
	dlg_load_customer(t);
	if (!t->have_cust) {
		sign_in_first(t, add, chosen);
		return 1;
	}
	if (!add && !del) {
		dlg_set_action(t, "cart_show", "cart of %s", t->cust.id);
		dlg_say(t, dlg_cart_slots(t, 1) > 0 ? "cart_show" : "cart_empty");
		return 1;
	}
	memset(v, 0, sizeof v);
	/* "Remove the sony": the Sony in the cart, not the one shown. */
	if (del && (ref = dlg_cart_ref(t, &v[0], CART_REF_REMOVE)) != 0) {
		if (ref == 1)
			cart_apply(t, v, 1, 0);
		product_release(&v[0]);
		return 1;
	}
	if ((got = add ? cart_targets(t, v, 3, chosen) :
	    dlg_target_product(t, &v[0])) < 0)
		return 1;
	if ((n = (size_t)got) == 0) {
		dlg_set_action(t, "cart_which", "no product to %s",
		    add ? "add" : "remove");
		dlg_say(t, "cart_which");
		return 1;
	}
	cart_apply(t, v, n, add);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	return 1;
}

/*
 * dlg-owned.c owns the products the customer already has: "the soundbar
 * arrived yesterday, what cable do I need", "my lenovo tablet, does it
 * take a pen", "got my order, the mouse is too big".  A signed-in
 * customer who says a product is theirs (dlg_owned_words: "my", "I
 * bought", "arrived", "from you") means one of the items of their own
 * orders (then the cart), before any product of the catalog: that item
 * is the subject, named as a product entity in the turn's entities, so
 * that every later step (the specs, compatibility, the manual, a return
 * of that one item) answers about it.
 *
 * The items are matched by what the catalog says of them, not by a list
 * of the customers' words (dlg-ownread.c weighs them, clause by clause).
 * "The airpods are great but the mouse is too big" is about the mouse,
 * feedback before the request being background.  A product said as the
 * context of another ("a case for my iphone") is not taken as the
 * subject, nor one the customer is shopping beside ("my dell is fine
 * but I want a gaming monitor").  A question about the item's order
 * (its delivery, a return) is left to the order's steps, which pick the
 * order by the item named.  One item matches best:
 * it is the subject; several: one short question naming them; none: the
 * catalog, as before.  The trace's "owned" says which items were
 * considered and which rule picked one.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"
#include "dlg-owned.h"

/* The customer's distinct items, latest order first; the cart's after. */
static size_t
owned_load(struct tctx *t, struct owned *v, size_t max)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct cart_item *cart = NULL;
	struct order	 o;
	char		**ids = NULL;
	size_t		 n = 0, nids = 0, ncart = 0, i, j, k;
	int		 gone;

	dlg_retrieve_begin(t);
	if (catalog_customer_orders(t->st, t->cust.id, &ids, &nids, &err) !=
	    SD_OK)
		nids = 0;
	sd_error_clear(&err);
	for (i = nids; i > 0; i--) {
		if (catalog_order(t->st, ids[i - 1], &o, &err) != SD_OK) {
			sd_error_clear(&err);
			continue;
		}
		gone = strcmp(o.status, "cancelled") == 0 ||
		    strcmp(o.status, "refunded") == 0;
		for (j = 0; j < o.nitems; j++) {
			for (k = 0; k < n; k++)
				if (strcmp(v[k].p.sku, o.items[j].sku) == 0)
					break;
			if (k < n) {
				v[k].orders += !gone;
				v[k].gone &= gone;
				continue;
			}
			if (n == max)
				continue;
			memset(&v[n], 0, sizeof v[n]);
			if (catalog_product_by_sku(t->st, o.items[j].sku,
			    &v[n].p, &err) != SD_OK) {
				sd_error_clear(&err);
				continue;
			}
			v[n].order = xstrdup(o.id);
			v[n].orders = !gone;
			v[n].gone = gone;
			n++;
		}
		order_release(&o);
	}
	dlg_ids_free(ids, nids);
	if (catalog_cart_items(t->st, t->cust.id, &cart, &ncart, &err) !=
	    SD_OK)
		ncart = 0;
	sd_error_clear(&err);
	for (i = 0; i < ncart && n < max; i++) {
		for (k = 0; k < n; k++)
			if (strcmp(v[k].p.sku, cart[i].sku) == 0)
				break;
		if (k < n)
			continue;
		memset(&v[n], 0, sizeof v[n]);
		if (catalog_product_by_sku(t->st, cart[i].sku, &v[n].p,
		    &err) == SD_OK)
			n++;
		sd_error_clear(&err);
	}
	catalog_cart_items_free(cart, ncart);
	dlg_retrieve_end(t);
	return n;
}

static void
owned_release(struct owned *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		product_release(&v[i].p);
		free(v[i].order);
	}
}

/*
 * The product entity that names the item picked, where the clause said
 * it: the entities that matched it go, one product entity takes their
 * place, its strings kept in the trace's "owned" (which lives as long as
 * the turn and nothing else changes).
 */
static void
entities_name(struct tctx *t, const struct clause *c, const struct owned *o,
    cJSON *r)
{
	struct entity_list *el = &t->e->el;
	struct entity	 pe;
	size_t		 i, k, a = (size_t)-1, b = 0;

	for (i = k = 0; i < el->n; i++) {
		const struct entity *en = &el->v[i];

		if (en->start >= c->a && en->end <= c->b &&
		    (en->type == ENTITY_PRODUCT || en->type == ENTITY_BRAND ||
		    en->type == ENTITY_CATEGORY) && dlg_own_says(t, en, &o->p) >
		    0) {
			if (en->start < a)
				a = en->start;
			if (en->end > b)
				b = en->end;
			continue;
		}
		el->v[k++] = el->v[i];
	}
	el->n = k;
	if (a == (size_t)-1) {
		a = c->a;	/* said by a word of its name */
		b = c->a;
	}
	memset(&pe, 0, sizeof pe);
	pe.type = ENTITY_PRODUCT;
	pe.extractor = EXTRACTOR_GAZETTEER;
	pe.start = a;
	pe.end = b;
	pe.product_id = o->p.id;
	dlg_jset_str(r, "picked", o->p.sku);
	dlg_jset_str(r, "name", o->p.name);
	dlg_jset_str(r, "brand", o->p.brand != NULL ? o->p.brand : "");
	pe.sku = dlg_jstr(r, "picked");
	pe.name = pe.value = dlg_jstr(r, "name");
	pe.brand = dlg_jstr(r, "brand");
	pe.matches = 1;
	if (el->n == el->cap) {
		el->cap = el->cap * 2 + 4;
		el->v = xrealloc(el->v, el->cap * sizeof *el->v);
	}
	for (i = 0; i < el->n && el->v[i].start <= a; i++)
		;
	memmove(&el->v[i + 1], &el->v[i], (el->n - i) * sizeof *el->v);
	el->v[i] = pe;
	el->n++;
}

/* Does the latest order holding the item pass the test? */
static int
order_says(struct tctx *t, const struct owned *o, dlg_order_test test,
    const void *arg)
{
	struct order	 ord;
	struct sd_error	 err = SD_ERROR_INIT;
	int		 yes = 0;

	if (o->order == NULL)
		return 0;
	dlg_retrieve_begin(t);
	if (catalog_order(t->st, o->order, &ord, &err) == SD_OK) {
		yes = test(t, &ord, arg);
		order_release(&ord);
	}
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	return yes;
}

/* An order placed or delivered on the ISO day arg. */
static int
on_day(struct tctx *t, const struct order *o, const void *arg)
{
	(void)t;
	return strncmp(o->placed_at, arg, 10) == 0 || (o->delivered_at !=
	    NULL && strncmp(o->delivered_at, arg, 10) == 0);
}

/* An order not delivered yet. */
static int
on_its_way(struct tctx *t, const struct order *o, const void *unused)
{
	(void)t;
	(void)unused;
	return strcmp(o->status, "shipped") == 0 ||
	    strcmp(o->status, "processing") == 0;
}

/* Keep the items of keep whose order passes test, unless none would. */
static void
narrow_by(struct tctx *t, struct owned *v, size_t *keep, size_t *k,
    dlg_order_test test, const void *arg)
{
	size_t	 i, m = 0, *kept = xcalloc(*k, sizeof *kept);

	for (i = 0; i < *k; i++)
		if (order_says(t, &v[keep[i]], test, arg))
			kept[m++] = keep[i];
	if (m > 0) {
		memcpy(keep, kept, m * sizeof *keep);
		*k = m;
	}
	free(kept);
}

/*
 * "The soundbar arrived yesterday" of two soundbars: the day, the period
 * said ("this month"), or "on the way" says which order, so which item.
 */
static void
narrow_ties(struct tctx *t, struct owned *v, size_t *keep, size_t *k,
    cJSON *r)
{
	static const char *const on_way[] = { "on the way", "in transit",
	    "coming", "not here yet", "hasn't arrived", "hasnt arrived",
	    NULL };
	struct dlg_period pd;
	char		*day;
	size_t		 was = *k;

	const char	*conv[CONV_MAX];
	size_t		 nc, i, j, m = 0;

	/* "The mouse I ordered with it": the items the conversation
	 * holds (the order in focus, the products discussed) first. */
	nc = dlg_conversation(t, conv, CONV_MAX);
	for (i = 0; i < *k; i++)
		for (j = 0; j < nc; j++)
			if (strcmp(conv[j], v[keep[i]].p.sku) == 0) {
				keep[m++] = keep[i];
				break;
			}
	if (m > 0)
		*k = m;
	if ((day = dlg_day_named(t)) != NULL) {
		narrow_by(t, v, keep, k, on_day, day);
		free(day);
	}
	if (*k > 1 && dlg_period_named(t, &pd)) {
		narrow_by(t, v, keep, k, dlg_in_period, &pd);
		dlg_period_release(&pd);
	}
	if (*k > 1 && dlg_has_any(t, on_way))
		narrow_by(t, v, keep, k, on_its_way, NULL);
	if (*k < was)
		dlg_jset_str(r, "narrowed", "by when it was ordered or came");
}

/* Blank the phrases of words found as whole words in s (n bytes). */
static void
blank_words(char *s, size_t n, const char *const *words)
{
	const char *const *w;
	size_t		 m, i;

	for (w = words; *w != NULL; w++) {
		m = strlen(*w);
		for (i = 0; i + m <= n; i++)
			if (strncasecmp(s + i, *w, m) == 0 && (i == 0 ||
			    !isalnum((unsigned char)s[i - 1])) &&
			    (i + m == n || !isalnum((unsigned char)s[i + m])))
				memset(s + i, ' ', m);
	}
}

/* Where the item came from, which asks nothing of its delivery ("I've
 * got an SSD on the way from you, will it fit"). */
static const char *const whence[] = { "on the way", "from you", "from u",
	NULL };

/* What only says the item is theirs, or when it came: background. */
static const char *const background[] = { "on the way", "arrived", "came",
	"got", "received", "bought", "ordered", "purchased", "delivered",
	"from you", "from u", "my order", "the order", "order", NULL };

/*
 * The question asked of the item, read without the words that only say
 * it is theirs ("it arrived yesterday", "on the way from you"): does it
 * ask about the order (delivery, a return, a refund...)?  Those words
 * are blanked, offsets kept, for dlg_order_topic.
 */
static enum dlg_order_topic
question_topic(struct tctx *t)
{
	struct text_folded saved = t->fold;
	struct text_folded fold = TEXT_FOLDED_INIT;
	enum dlg_order_topic topic;

	sbuf_add(&fold.s, saved.s.buf, saved.s.len);
	blank_words(fold.s.buf, fold.s.len, whence);
	t->fold = fold;
	topic = dlg_order_topic(t);
	t->fold = saved;
	sbuf_release(&fold.s);
	return topic;
}

/* Is intent id one that asks about a product the customer has? */
static int
item_intent(int id)
{
	static const char *const names[] = { "product_specs",
	    "compatibility", "troubleshooting", "usage_advice",
	    "product_inquiry", "warranty", "comparison", "stock_availability",
	    "price_promotions", NULL };
	const char *const *n;

	for (n = names; *n != NULL; n++)
		if (intent_id(*n) == id)
			return 1;
	return 0;
}

/*
 * The intent of the message read again without the words that only say
 * the item is theirs ("arrived", "my order"): *again, the caller
 * releases it.
 */
static void
reread(struct tctx *t, struct intent_result *again)
{
	char	*q = xstrndup(t->text, t->len);

	blank_words(q, t->len, background);
	intent_classify(t->e->im, q, t->len, again);
	free(q);
}

/* Is the word after the item said "order" ("my soundbar order")? */
static int
order_after(struct tctx *t, const struct text_token *tok, size_t ntok,
    const struct clause *c, const struct owned *o)
{
	size_t	 i, k, end = 0;

	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].start >= c->a && t->e->el.v[i].end <= c->b &&
		    dlg_own_says(t, &t->e->el.v[i], &o->p) > 0 &&
		    t->e->el.v[i].end > end)
			end = t->e->el.v[i].end;
	for (k = 0; k < ntok; k++)
		if (tok[k].start >= end && end > 0)
			return dlg_own_span_is(t, tok[k].start, tok[k].end, "order") ||
			    dlg_own_span_is(t, tok[k].start, tok[k].end, "orders");
	return 0;
}

/*
 * Does the message only point at the item ("what about the first ipad
 * air I bought in early october", "and my logitech one")?  No word
 * outside the names asks anything of its own.
 */
static int
only_points(struct tctx *t, const struct text_token *tok, size_t ntok)
{
	static const char *const pointing[] = { "what", "about", "how", "and",
	    "so", "ok", "okay", "then", "one", "ones", "first", "second",
	    "early", "late", "mid", "in", "on", "at", "a", "i", "ago", "it",
	    "got", "me", "also", "too", "now", "oh", "hey", "the", "my", "of",
	    "january", "february", "march", "april", "may", "june", "july",
	    "august", "september", "october", "november", "december", NULL };
	const char *const *w;
	size_t		 k, len;

	if (memchr(t->text, '?', t->len) != NULL && dlg_first_entity(t,
	    ENTITY_ATTRIBUTE) != NULL)
		return 0;
	for (k = 0; k < ntok; k++) {
		len = tok[k].end - tok[k].start;
		if (dlg_own_entity_over(t, tok[k].start, tok[k].end) != NULL ||
		    dlg_own_glue(t->text + tok[k].start, len))
			continue;
		for (w = pointing; *w != NULL; w++)
			if (dlg_own_span_is(t, tok[k].start, tok[k].end, *w))
				break;
		if (*w == NULL)
			return 0;
	}
	return 1;
}

/*
 * Is the question about the item's order (its delivery, a return, a
 * refund, which orders hold it) rather than the item?  Those the
 * order's own steps answer, picking the order by the item named
 * (dlg-orderpick.c), as before.  *again: the intent read again.
 */
static int
about_order(struct tctx *t, const struct intent_result *again,
    const struct text_token *tok, size_t ntok)
{
	unsigned	 f = dlg_flags_of(t, t->intent_id);
	const char	*last = dlg_jstr(t->state, "last_intent");
	enum dlg_order_topic topic;

	topic = question_topic(t);
	/* "How long is the battery supposed to last": a specification
	 * asked, whatever word of a delivery came with it. */
	if (topic == ORDQ_TRACK && dlg_first_entity(t, ENTITY_ATTRIBUTE) !=
	    NULL)
		topic = ORDQ_NONE;
	if (topic != ORDQ_NONE)
		return 1;
	/* "What about the first ipad air I bought" after an order's
	 * answer: the same question about the order holding it. */
	if ((dlg_order_focus(t) != NULL || (last != NULL &&
	    (dlg_flags_of(t, intent_id(last)) & ACT_FORM))) &&
	    only_points(t, tok, ntok))
		return 1;
	/* "What about the first ipad air I bought" while an order is
	 * discussed: an order's intent that the words without "order" or
	 * "arrived" do not change goes on about orders. */
	(void)f;
	return !(item_intent(again->id) && again->verdict == INTENT_OK) &&
	    (dlg_order_focus(t) != NULL ||
	    cJSON_GetObjectItemCaseSensitive(t->state, "form") != NULL);
}

/*
 * Does the message ask for a fact the catalog holds of one of the items
 * (a feature word, its price, a word of one of its listing's keys:
 * "what is its expiry")?  "What's my gift card balance" asks none.
 */
static int
asks_of_items(struct tctx *t, struct owned *v, const size_t *keep, size_t k)
{
	static const char *const price[] = { "price", "cost", "costs",
	    "paid", NULL };
	cJSON		*attrs, *it;
	size_t		 i;
	int		 yes = dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL ||
	    dlg_first_entity(t, ENTITY_PRICE) != NULL || dlg_has_any(t, price);
	char		*w, *p, *e;

	for (i = 0; i < k && !yes; i++) {
		if (v[keep[i]].p.attrs == NULL ||
		    (attrs = cJSON_Parse(v[keep[i]].p.attrs)) == NULL)
			continue;
		cJSON_ArrayForEach(it, attrs) {
			if (it->string == NULL)
				continue;
			w = xstrdup(it->string);
			/* "battery_hours": "battery", "hours" */
			for (p = w; p != NULL && !yes; p = e) {
				if ((e = strchr(p, '_')) != NULL)
					*e++ = '\0';
				yes = strlen(p) > 2 && dlg_has_word(t, p);
			}
			free(w);
		}
		cJSON_Delete(attrs);
	}
	return yes;
}

/*
 * The item is the subject: a question about it (a spec, whether it
 * fits, how to use it, a fault) is answered about it, whatever the
 * classifier made of "arrived" or "my order".  The words that only say
 * the item is theirs are background: they are blanked from the words
 * the later steps test, and the intent is the one read without them.
 */
static void
question_of_item(struct tctx *t, const struct intent_result *again, cJSON *r)
{
	struct intent_result *ir = &t->e->ir;

	blank_words(t->fold.s.buf, t->fold.s.len, background);
	if (item_intent(t->intent_id) ||
	    (dlg_flags_of(t, t->intent_id) & ACT_FIRST))
		return;
	dlg_jset_str(r, "intent_was", t->intent);
	if (item_intent(again->id) && again->verdict == INTENT_OK) {
		/* The decision only; the scratch stays each result's. */
		ir->id = again->id;
		ir->confidence = again->confidence;
		ir->verdict = again->verdict;
		memcpy(ir->top, again->top, sizeof ir->top);
		ir->ntop = again->ntop;
		t->intent = intent_names(NULL)[again->id];
		t->intent_id = again->id;
		t->confidence = again->confidence;
	} else
		dlg_set_intent(t, "product_inquiry");
	dlg_jset_str(r, "intent", t->intent);
}

/*
 * "The airpods are great but the mouse is too big": the names of the
 * customer's other items said before "but" are feedback, not what the
 * turn is about; their entities go.
 */
static void
drop_background(struct tctx *t, const struct clause *c, struct owned *v,
    size_t n)
{
	struct entity_list *el = &t->e->el;
	size_t		 i, k, j;
	int		 other;

	for (i = k = 0; i < el->n; i++) {
		other = 0;
		if (el->v[i].end <= c->a && (el->v[i].type == ENTITY_PRODUCT ||
		    el->v[i].type == ENTITY_BRAND ||
		    el->v[i].type == ENTITY_CATEGORY))
			for (j = 0; j < n && !other; j++)
				other = dlg_own_says(t, &el->v[i], &v[j].p) > 0;
		if (!other)
			el->v[k++] = el->v[i];
	}
	el->n = k;
}

/* Does the message ask something, rather than only say how it is? */
static int
asks_question(struct tctx *t, const struct intent_result *again)
{
	return memchr(t->text, '?', t->len) != NULL ||
	    (item_intent(again->id) && again->verdict == INTENT_OK);
}

/*
 * "Great, but the mouse is too big for my hand", asking nothing: a
 * complaint about one item just bought, which the store answers with
 * its return or exchange (the return steps pick the order holding it).
 */
static void
complaint_of_item(struct tctx *t, const struct owned *o, cJSON *r)
{
	dlg_jset_str(r, "question", "none: a complaint about the item, "
	    "answered with its return or exchange");
	dlg_jset_str(r, "intent_was", t->intent);
	if (o->order != NULL && o->orders == 1)
		dlg_order_focus_set(t, o->order);
	dlg_set_intent(t, "return_item");
	dlg_jset_str(r, "intent", t->intent);
}

/* Several items fit what was said: one short question naming them. */
static void
ask_which(struct tctx *t, struct owned *v, const size_t *keep, size_t k,
    cJSON *r)
{
	struct sbuf	 names = SBUF_INIT;
	struct product	*shown = xcalloc(k, sizeof *shown);
	size_t		 i;

	for (i = 0; i < k; i++) {
		sbuf_addf(&names, "%s the %s", i == 0 ? "" : i + 1 == k ?
		    " or" : ",", v[keep[i]].p.name);
		shown[i] = v[keep[i]].p;
	}
	/* "The clip", "the second" answer from these. */
	dlg_results_set(t, shown, k);
	free(shown);
	slots_set(&t->slots, "choices", names.buf);
	dlg_ref_rule(r, "owned-several-ask", "several of the customer's "
	    "items fit: asked which");
	dlg_set_action(t, "ask_which_product", "several of the customer's "
	    "own items fit what was said");
	dlg_say(t, "ask_which_named");
	sbuf_release(&names);
}

/*
 * Before the policy: a signed-in customer's words that say a product is
 * theirs name one of the items of their orders or cart when one fits
 * (it becomes the turn's product entity and the focus, its order the
 * order in focus for a question about the order), or several (asked
 * which: 1 returned, the turn is answered).  0 otherwise, the turn as
 * before.
 */
int
dlg_owned_resolve(struct tctx *t)
{
	struct owned	*v = NULL;
	struct clause	 c[CLAUSE_MAX];
	struct text_token *tok = NULL;
	struct intent_result again = INTENT_RESULT_INIT;
	const char	*rule = NULL;
	const struct entity *kind = NULL;
	size_t		 n, nc, ntok, cap = 0, i, k, keep[OWNED_MAX];
	int		 ci, asked = 0, marked = 0, about;
	cJSON		*r, *cand, *one;

	/* "Remove the samsung from my cart": the cart's items alone,
	 * never an order's (dlg-cartref.c). */
	if (!t->have_cust || dlg_cart_removal(t))
		return 0;
	if (!dlg_has_any(t, dlg_owned_words) &&
	    (kind = dlg_own_kind_in_thread(t)) == NULL)
		return 0;
	ntok = text_tokenize(t->text, t->len, &tok, &cap);
	nc = dlg_own_clauses(t, tok, ntok, c, CLAUSE_MAX);
	/* The kind said in an order thread marks its clause. */
	for (i = 0; i < nc && kind != NULL; i++)
		if (kind->start >= c[i].a && kind->start < c[i].b)
			c[i].marked = 1;
	for (i = 0; i < nc; i++)
		marked |= c[i].marked;
	if (!marked)
		goto out;
	v = xcalloc(OWNED_MAX, sizeof *v);
	if ((n = owned_load(t, v, OWNED_MAX)) == 0)
		goto out;
	r = dlg_jobj(t->trace, "owned");
	if (kind != NULL)
		dlg_jset_str(r, "thread", "a kind said as the thing meant in "
		    "a conversation about the customer's orders");
	ci = dlg_own_pick(t, c, nc, tok, ntok, v, n, &rule);
	cand = cJSON_AddArrayToObject(r, "candidates");
	for (i = 0; i < n; i++) {
		if (ci < 0 && v[i].ctx == 0)
			continue;
		if (ci >= 0 && v[i].score == 0 && v[i].ctx == 0)
			continue;
		one = cJSON_CreateObject();
		cJSON_AddStringToObject(one, "sku", v[i].p.sku);
		cJSON_AddNumberToObject(one, "score", v[i].score);
		if (v[i].ctx > 0)
			cJSON_AddNumberToObject(one, "as_context", v[i].ctx);
		cJSON_AddItemToArray(cand, one);
	}
	if (ci < 0) {
		dlg_ref_rule(r, cJSON_GetArraySize(cand) > 0 ?
		    "owned-context-only" : "owned-none",
		    cJSON_GetArraySize(cand) > 0 ?
		    "the customer's item said only as the context of another: "
		    "not the subject" : "none of the customer's items fits: "
		    "the catalog");
		goto out;
	}
	k = dlg_own_best(v, n, keep);
	/* "The webcam" of a list just shown is that one, not theirs. */
	if (kind != NULL && k > 0 && dlg_own_kind_shown_other(t, kind, v, n,
	    dlg_own_says(t, kind, &v[keep[0]].p))) {
		dlg_ref_rule(r, "owned-kind-shown", "a product of the kind "
		    "said is in the conversation: that one, not the "
		    "customer's");
		goto out;
	}
	/* Shopping for another ("my dell 24 is fine but I want a gaming
	 * monitor"): what they have is the context of the request.  A
	 * kind said in an order thread is theirs unless the classifier
	 * is sure ("the ssd, does it need a heatsink" is a question). */
	if (strcmp(t->intent, "recommendation") == 0 && (kind == NULL ||
	    t->e->ir.verdict == INTENT_OK)) {
		dlg_ref_rule(r, "owned-recommendation",
		    "a request for a recommendation: the "
		    "customer's item is its context");
		goto out;
	}
	reread(t, &again);
	/* A kind said in an order thread: "and the webcam, what's its
	 * resolution" asks of the item, not of its order; "and the
	 * headphones? same thing?" goes on about the order. */
	about = about_order(t, &again, tok, ntok);
	if (dlg_setup_doubted(t)) {
		about = 0;
		dlg_set_intent(t, "troubleshooting");
		dlg_jset_str(r, "doubted", "the fault may be of the setup: "
		    "how to fix it, not the return");
	}
	if (kind != NULL && asks_of_items(t, v, keep, k)) {
		about = about && question_topic(t) != ORDQ_NONE;
		dlg_jset_str(r, "asks", "a fact the item's listing holds");
	}
	if (about || (k > 0 && order_after(t, tok, ntok, &c[ci],
	    &v[keep[0]]))) {
		dlg_ref_rule(r, "owned-order-question",
		    "a question about the order: the "
		    "order holding the item named is picked by the order's "
		    "steps");
		goto out;
	}
	/* "What's my gift card balance": a question the store answers
	 * (the account, a policy), unless read without the words that
	 * only say it is theirs it asks about the item. */
	if ((t->e->ir.verdict == INTENT_OUT_OF_SCOPE ||
	    dlg_store_intent(t, t->intent_id)) && !(item_intent(again.id) &&
	    again.verdict == INTENT_OK) && !asks_of_items(t, v, keep, k)) {
		dlg_ref_rule(r, "owned-store-question",
		    "a question for the store, not about "
		    "the customer's item");
		goto out;
	}
	if (k > 1)
		narrow_ties(t, v, keep, &k, r);
	if (k > 1) {
		ask_which(t, v, keep, k, r);
		if (kind != NULL)
			dlg_ref_rule(r, "owned-kind-in-thread-ask",
			    "several of the customer's items are of the kind "
			    "said in an order thread: asked which");
		asked = 1;
		goto out;
	}
	if (kind != NULL)
		dlg_ref_rule(r, "owned-kind-in-thread", "the customer's only "
		    "item of the kind said in an order thread");
	else
		dlg_ref_rule(r, "owned-item", rule);
	dlg_jset_num(t->state, "owned_at", (double)t->si.turns);
	if (c[ci].after_but)
		drop_background(t, &c[ci], v, n);
	entities_name(t, &c[ci], &v[keep[0]], r);
	dlg_focus_push(t, v[keep[0]].p.sku);
	if (c[ci].after_but && !asks_question(t, &again))
		complaint_of_item(t, &v[keep[0]], r);
	else
		question_of_item(t, &again, r);
out:
	intent_result_release(&again);
	free(tok);
	if (v != NULL)
		owned_release(v, OWNED_MAX);
	free(v);
	return asked;
}

/*
 * "Airpods were there, no mouse": a family named by a customer who has
 * one of its members means that one before the catalog's best.  The
 * members' own strings go to out (they outlive the items loaded).
 */
size_t
dlg_owned_among(struct tctx *t, const struct entity *en,
    const char *const *m, size_t nm, const char **out)
{
	static const char *const one[] = { "the", "my", "our", "these",
	    "those", "this", "that", NULL };
	/* Asked as a shopper ("how much is the hue", "is the galaxy in
	 * stock"): the catalog's family, whatever they have. */
	static const char *const shop[] = { "recommendation",
	    "price_promotions", "stock_availability", "product_inquiry",
	    "comparison", NULL };
	struct owned	*v;
	size_t		 n, i, j, k = 0, b, e;

	if (!t->have_cust || nm == 0 || dlg_said_as_context(t, en))
		return 0;
	for (i = 0; shop[i] != NULL; i++)
		if (strcmp(t->intent, shop[i]) == 0)
			return 0;
	/* "The airpods", "my galaxy", "airpods were there": one thing
	 * pointed at, or the clause's subject; "which pixel phones", "an
	 * iphone" ask of the family. */
	for (b = en->start; b > 0 && !isalnum((unsigned char)t->text[b - 1]) &&
	    strchr(".,;!?", t->text[b - 1]) == NULL; b--)
		;
	for (e = b; b > 0 && isalnum((unsigned char)t->text[b - 1]); b--)
		;
	for (i = 0; e > b && one[i] != NULL; i++)
		if (e - b == strlen(one[i]) && strncasecmp(t->text + b, one[i],
		    e - b) == 0)
			break;
	if (e > b && one[i] == NULL)
		return 0;
	v = xcalloc(OWNED_MAX, sizeof *v);
	n = owned_load(t, v, OWNED_MAX);
	for (j = 0; j < nm; j++)
		for (i = 0; i < n; i++)
			if (!v[i].gone && strcmp(v[i].p.sku, m[j]) == 0) {
				out[k++] = m[j];
				break;
			}
	owned_release(v, OWNED_MAX);
	free(v);
	return k;
}

int
dlg_owned_kind_asked(struct tctx *t)
{
	const char	*rule = dlg_jstr(cJSON_GetObjectItemCaseSensitive(
	    t->trace, "owned"), "rule_id");

	return rule != NULL && strcmp(rule, "owned-kind-in-thread") == 0 &&
	    dlg_jstr(cJSON_GetObjectItemCaseSensitive(t->trace, "owned"),
	    "asks") != NULL;
}

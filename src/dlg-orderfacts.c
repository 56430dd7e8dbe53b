/*
 * dlg-orderfacts.c: the fact an order question turns on when the
 * order's status alone does not answer it.  dlg-support.c has picked
 * the order and checks it is the customer's; here, before the plain
 * status answer, a question that needs one more fact gets it:
 *
 *   - a new address for an order already shipped: it can't be changed
 *     here, and whether the order's carrier takes a redirect;
 *   - "what if it's late", "not here by monday, what then": the order's
 *     carrier, tracking and expected date, and when and how the
 *     delivery policy takes it up (a trace with the carrier);
 *   - "can that be refunded" of a gift card or software bought: the
 *     return policy never takes those back, so no refund;
 *   - "can I reorder it at the same price": what the item costs now
 *     beside what was paid on the order;
 *   - "how long till it shows on my card": after the refund's state,
 *     how long the refund policy says a bank takes to post it;
 *   - "can i exchange it for the 128gb": an item exchanged for another
 *     capacity or size of its own product family (never another
 *     product): the variant's price beside the price paid and whether
 *     the catalog has it in stock, or, one the family lacks, that there
 *     is no such version;
 *   - "cancel just the case from that order": one item of an order of
 *     several, cancelled alone, answered as the order's status and the
 *     order-change policy allow;
 *
 * Every fact comes from the order's rows and the policy facts, each
 * cited; a fact the store lacks leaves the question to the plain answer.
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

/* Is name one of the strings of list, a JSON list's text? */
static int
fact_has(const char *list, const char *name)
{
	cJSON	*arr, *it;
	int	 found = 0;

	if ((arr = cJSON_Parse(list)) == NULL)
		return 0;
	cJSON_ArrayForEach(it, arr)
		if (cJSON_IsString(it) && strcasecmp(it->valuestring,
		    name) == 0)
			found = 1;
	cJSON_Delete(arr);
	return found;
}

/* Is name one of the strings of the policy fact key, a JSON list? */
static int
fact_lists(struct tctx *t, const char *key, const char *name)
{
	char	*doc = NULL, *v;
	int	 found;

	dlg_retrieve_begin(t);
	v = catalog_policy_fact(t->st, key, &doc);
	dlg_retrieve_end(t);
	found = v != NULL && fact_has(v, name);
	free(v);
	free(doc);
	return found;
}

/*
 * "Can I change the address, I won't be home": a shipped order's
 * address is the carrier's now.  Whether its carrier takes a redirect,
 * from the order-change policy; 0 when the store has no such facts.
 */
static int
answer_redirect(struct tctx *t, const struct order *o)
{
	if (strcmp(o->status, "shipped") != 0 || o->carrier == NULL ||
	    !dlg_fact_slot(t, "redirect_carriers", "redirect_carriers") ||
	    !dlg_fact_slot(t, "redirect_after_shipping", "redirect_how"))
		return 0;
	dlg_order_slots(t, o);
	if (fact_lists(t, "redirect_carriers", o->carrier))
		slots_set(&t->slots, "redirect_ok", "yes");
	dlg_set_action(t, "order_redirect", "order #%s shipped with %s: "
	    "address fixed, redirect %s", o->id, o->carrier,
	    slots_get(&t->slots, "redirect_ok") != NULL ? "offered by the "
	    "carrier" : "not listed for the carrier");
	dlg_say(t, "order_redirect");
	dlg_close_form(t);
	return 1;
}

/*
 * "What happens if it's late", "if it still isn't here by monday what
 * do I do": a delivery that may not come, asked what then.  Either
 * half alone says less: "is it late?" asks where it is.
 */
static int
asks_if_late(struct tctx *t)
{
	static const char *const late[] = { "late", "later", "not here",
	    "isn't here", "isnt here", "not arrived", "hasn't arrived",
	    "hasnt arrived", "doesn't arrive", "doesnt arrive",
	    "does not arrive", "doesn't come", "doesnt come", "never arrives",
	    "never comes", "never shows", "doesn't show", "doesnt show",
	    "don't get it", "dont get it", "not delivered", "delayed",
	    "not come", "not show up", NULL };
	static const char *const then[] = { "what do i do", "what should i do",
	    "what can i do", "what do we do", "what happens", "what now",
	    "what then", "then what", "what if", "what are my options",
	    "if it", "if its", "if it's", "if they", "if theyre",
	    "if they're", "in case", "if the", "what would happen", NULL };

	return dlg_has_any(t, late) && dlg_has_any(t, then);
}

/*
 * A shipped order asked what happens if it comes late: where it is
 * (carrier, tracking, expected date, a logged hold-up) and the delivery
 * policy's late rule.  0 when the order has not shipped or the store
 * lacks the facts.
 */
static int
answer_late(struct tctx *t, const struct order *o)
{
	if (strcmp(o->status, "shipped") != 0 || o->carrier == NULL ||
	    o->estimated_delivery == NULL || !asks_if_late(t))
		return 0;
	if (!dlg_fact_slot(t, "late_after_business_days", "late_days") ||
	    !dlg_fact_slot(t, "late_action", "late_action"))
		return 0;
	dlg_order_slots(t, o);
	dlg_set_action(t, "order_late", "order #%s with %s, expected %.10s: "
	    "late rule from the delivery policy", o->id, o->carrier,
	    o->estimated_delivery);
	dlg_say(t, "order_late");
	dlg_close_form(t);
	return 1;
}

/* Does the return policy never take item back? */
static int
never_back(const struct order_item *item, const char *nonret)
{
	return item->category[0] != '\0' && fact_has(nonret, item->category);
}

/*
 * The item of o a refund question is about when it is one the return
 * policy never takes back (nonret: its categories, a JSON list): the
 * item named (product or kind), else the order's only kind of item.
 * -1 when none, or some named or held item can come back.
 */
static long
nonreturnable_item(struct tctx *t, const struct order *o,
    const char *nonret)
{
	const struct entity *pe = dlg_first_entity(t, ENTITY_PRODUCT);
	const struct entity *ce = dlg_first_entity(t, ENTITY_CATEGORY);
	size_t	 i;
	long	 k = -1;

	for (i = 0; i < o->nitems; i++)
		if (pe != NULL && pe->sku != NULL &&
		    strcmp(pe->sku, o->items[i].sku) == 0)
			return never_back(&o->items[i], nonret) ? (long)i : -1;
	for (i = 0; i < o->nitems; i++)
		if (ce != NULL && ce->category != NULL &&
		    strcmp(ce->category, o->items[i].category) == 0)
			return never_back(&o->items[i], nonret) ? (long)i : -1;
	/* Something else named, or nothing: the order's only kind. */
	if ((pe != NULL && pe->sku != NULL) || ce != NULL)
		return -1;
	for (i = 0; i < o->nitems; i++) {
		if (!never_back(&o->items[i], nonret))
			return -1;	/* a returnable item held too */
		if (k == -1)
			k = (long)i;
	}
	return k;
}

/*
 * "And the gift card I bought, can that be refunded?": a delivered
 * item the return policy never takes back has no refund either; for a
 * gift card, the gift card terms on cash.  0 when the order holds no
 * such item or the store lacks the facts.
 */
static int
answer_nonrefundable(struct tctx *t, const struct order *o)
{
	char	*doc = NULL, *nonret;
	long	 k;

	if (strcmp(o->status, "delivered") != 0)
		return 0;
	dlg_retrieve_begin(t);
	nonret = catalog_policy_fact(t->st, "non_returnable_categories", &doc);
	dlg_retrieve_end(t);
	if (nonret == NULL || (k = nonreturnable_item(t, o, nonret)) < 0 ||
	    !dlg_fact_slot(t, "non_returnable_items", "nonreturnable_items")) {
		free(nonret);
		free(doc);
		return 0;
	}
	dlg_order_slots(t, o);
	dlg_cite(t, "policy", doc, doc, "non_returnable_categories");
	slots_set(&t->slots, "item", o->items[k].name);
	slots_set(&t->slots, "item_category", o->items[k].category);
	if (strcmp(o->items[k].category, "gift-cards") == 0)
		dlg_fact_slot(t, "cash_redemption", "cash_redemption");
	dlg_set_action(t, "order_nonrefundable", "order #%s: %s is in the "
	    "non-returnable category %s", o->id, o->items[k].sku,
	    o->items[k].category);
	dlg_say(t, "order_nonrefundable");
	dlg_close_form(t);
	free(nonret);
	free(doc);
	return 1;
}

/*
 * "Can I reorder at the same price", "buy them again": an item of the
 * order bought again costs what the catalog says today; the item named,
 * else the order's first.  The product goes into focus ("add them to
 * my cart" next).  0 unless the words ask to order again and nothing
 * else ("cancel it, I'll reorder after the move" asks to cancel).
 */
static int
answer_reorder(struct tctx *t, const struct order *o)
{
	const struct entity *pe = dlg_first_entity(t, ENTITY_PRODUCT);
	struct product	 p;
	size_t		 i, k = 0;

	if (t->order_topic != ORDQ_PRICE_DROP || !dlg_order_reorder_asked(t) ||
	    o->nitems == 0)
		return 0;
	for (i = 0; i < o->nitems; i++)
		if (pe != NULL && pe->sku != NULL &&
		    strcmp(pe->sku, o->items[i].sku) == 0)
			k = i;
	memset(&p, 0, sizeof p);
	if (!dlg_load_product(t, o->items[k].sku, &p)) {
		product_release(&p);
		return 0;
	}
	dlg_order_slots(t, o);
	slots_set(&t->slots, "item", o->items[k].name);
	dlg_money_slot(t, "paid", o->items[k].unit_price, o->currency);
	dlg_money_slot(t, "price_now", p.price, o->currency);
	slots_set(&t->slots, "price_change", p.price < o->items[k].unit_price -
	    0.005 ? "lower" : p.price > o->items[k].unit_price + 0.005 ?
	    "higher" : "same");
	if (p.stock <= 0)
		slots_set(&t->slots, "sold_out", "yes");
	dlg_cite(t, "product", p.sku, p.name, "price,stock");
	dlg_focus_push(t, p.sku);
	dlg_set_action(t, "order_reorder", "order #%s: %s paid %.2f, now "
	    "%.2f", o->id, p.sku, o->items[k].unit_price, p.price);
	dlg_say(t, "order_reorder");
	dlg_close_form(t);
	product_release(&p);
	return 1;
}

/*
 * After the refund's state (dlg-support.c): asked when the money shows
 * on the card or statement, a card refund not yet posted gets the
 * refund policy's bank posting time, when the answer lacks it.
 */
void
dlg_orderfacts_refund_card(struct tctx *t, const struct order *o)
{
	static const char *const where[] = { "card", "statement", "bank",
	    "account", "amex", "visa", "mastercard", "discover", NULL };
	static const char *const when[] = { "how long", "when", "how many",
	    "how soon", "show", "shows", "appear", "post", "hit", "see it",
	    "take", NULL };

	if (slots_get(&t->slots, "card_payment") == NULL ||
	    (strcmp(o->status, "return_requested") != 0 &&
	    strcmp(o->status, "delivered") != 0) ||
	    !dlg_has_any(t, where) || !dlg_has_any(t, when) ||
	    strstr(t->reply.buf != NULL ? t->reply.buf : "",
	    "statement") != NULL ||
	    !dlg_fact_slot(t, "bank_posting_days", "bank_days"))
		return;
	dlg_say(t, "order_card_time");
}

/*
 * Does the kind cat (a category or subcategory slug) take item it of
 * an order: 2 its subcategory, 1 its category, else 0?
 */
static int
kind_fits(struct tctx *t, const struct order_item *it, const char *cat)
{
	struct product	 p;
	int		 fit = 0;

	memset(&p, 0, sizeof p);
	if (dlg_load_product(t, it->sku, &p) && p.subcategory != NULL &&
	    strcmp(p.subcategory, cat) == 0)
		fit = 2;
	else if (strcmp(it->category, cat) == 0)
		fit = 1;
	product_release(&p);
	return fit;
}

/*
 * The one item of o the message names (a product, brand, kind or a
 * word of its name, as dlg_order_item_named reads them; a kind said
 * beside a brand tells two of its items apart, a subcategory before a
 * category), or -1 when none or more than one does.
 */
static long
named_item(struct tctx *t, const struct order *o)
{
	const struct entity *ce = dlg_first_entity(t, ENTITY_CATEGORY);
	const char	*cat = ce == NULL ? NULL : ce->category != NULL ?
	    ce->category : ce->value;
	struct order_match m;
	char		*words = NULL;
	size_t		 i;
	long		 k = -1;
	int		 hit, best = 0, nbest = 0;

	if (!dlg_order_item_named(t, &m, &words)) {
		free(words);
		return -1;
	}
	for (i = 0; i < o->nitems; i++) {
		if (m.sku != NULL)
			hit = strcmp(o->items[i].sku, m.sku) == 0;
		else if (m.brand != NULL)
			hit = strcasestr(o->items[i].name, m.brand) != NULL;
		else if (m.name != NULL)
			hit = strcasestr(o->items[i].name, m.name) != NULL;
		else
			hit = 0;
		/* The kind said ranks the items named, or names them. */
		if ((hit || (m.sku == NULL && m.brand == NULL &&
		    m.name == NULL)) && cat != NULL)
			hit = hit * 4 + kind_fits(t, &o->items[i], cat);
		if (hit > best) {
			best = hit;
			nbest = 0;
			k = (long)i;
		}
		nbest += hit == best && hit > 0;
	}
	free(words);
	return nbest == 1 ? k : -1;
}

/*
 * "Cancel just the case from that order", "can i take the mouse off
 * the order": one item of an order of several, cancelled alone.  The
 * order-change policy cancels whole orders while they process, and
 * after shipping says what instead; the answer names the item and
 * what the order's status allows.  0 unless one item of several is
 * named with words that keep the rest.
 */
static int
answer_cancel_line(struct tctx *t, const struct order *o)
{
	static const char *const alone[] = { "just", "only", "remove",
	    "take off", "take out", "take the", "drop the", "keep the",
	    "but keep", "rest of", "from the order", "from that order",
	    "from this order", "from my order",
	    "off the order", "off that order", "off my order", "one item",
	    "one of the items", "not the whole", "not the entire",
	    "not everything", "part of", "without the", NULL };
	struct sbuf	 keep;
	size_t		 i;
	long		 k;

	if (o->nitems < 2 || !dlg_has_any(t, alone) ||
	    (k = named_item(t, o)) < 0)
		return 0;
	if (!dlg_fact_slot(t, "cancellation_allowed_statuses",
	    "cancel_statuses") ||
	    !dlg_fact_slot(t, "after_shipping", "after_shipping"))
		return 0;
	dlg_order_slots(t, o);
	slots_set(&t->slots, "item", o->items[k].name);
	sbuf_init(&keep);
	for (i = 0; i < o->nitems; i++)
		if ((long)i != k)
			sbuf_addf(&keep, "%s%s", keep.len > 0 ? " and the " :
			    "", o->items[i].name);
	slots_set(&t->slots, "kept", keep.buf != NULL ? keep.buf : "");
	sbuf_release(&keep);
	dlg_set_action(t, "order_cancel_line", "order #%s is %s: %s alone "
	    "is not cancelled, the order is", o->id, o->status,
	    o->items[k].sku);
	dlg_say(t, "order_cancel_line");
	if (strcmp(o->status, "processing") == 0) {
		dlg_jset_str(dlg_jobj(t->state, "pending"), "action",
		    "confirm_cancel");
		dlg_jset_str(dlg_jobj(t->state, "pending"), "order_id", o->id);
	} else
		dlg_close_form(t);
	return 1;
}

/* Is w[0..n) a capacity or size said ("256", "256gb", "41mm")? */
static int
capacity_word(const char *w, size_t n)
{
	size_t	 i = 0;

	while (i < n && w[i] >= '0' && w[i] <= '9')
		i++;
	if (i == 0)
		return 0;
	return i == n || (n - i == 2 && (strncmp(w + i, "gb", 2) == 0 ||
	    strncmp(w + i, "tb", 2) == 0 || strncmp(w + i, "mm", 2) == 0));
}

/* Has a product name a capacity or size ("(256GB)", "SSD 1TB")? */
static int
sized_name(const char *name)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i;
	int		 sized = 0;
	char		*low = xstrdup(name), *c;

	for (c = low; *c != '\0'; c++)
		*c = (char)tolower((unsigned char)*c);
	n = text_tokenize(low, strlen(low), &tok, &cap);
	for (i = 0; i < n && !sized; i++)
		sized = tok[i].end - tok[i].start > 2 && capacity_word(low +
		    tok[i].start, tok[i].end - tok[i].start) &&
		    strpbrk(low + tok[i].start, "gtm") < low + tok[i].end;
	free(tok);
	free(low);
	return sized;
}

/*
 * The variant of item's family whose name has every word of vw (the
 * words the item lacks): 1 with it in *v, 0 when the family has none,
 * -1 when several fit or the store fails.
 */
static int
family_variant(struct tctx *t, const struct order_item *it,
    const struct text_token *vw, size_t nvw, struct product *v)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	*c = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	char		*fam = catalog_family(it->name), *cf;
	size_t		 n = 0, i, k;
	long		 pick = -1;
	int		 found = 0;

	dlg_retrieve_begin(t);
	if (catalog_products_named(t->st, fam, 20, &c, &n, &err) != SD_OK)
		found = -1;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (i = 0; found >= 0 && i < n; i++) {
		cf = catalog_family(c[i].name);
		k = strcasecmp(cf, fam) != 0 || strcmp(c[i].sku,
		    it->sku) == 0;
		free(cf);
		if (k)
			continue;	/* another family, or the item */
		for (k = 0; k < nvw; k++)
			if (!dlg_name_word(c[i].name, s + vw[k].start,
			    vw[k].end - vw[k].start))
				break;
		if (k < nvw)
			continue;
		found = pick < 0 ? 1 : -1;
		pick = (long)i;
	}
	if (found == 1) {
		*v = c[pick];
		memset(&c[pick], 0, sizeof c[pick]);
	}
	for (i = 0; i < n; i++)
		product_release(&c[i]);
	free(c);
	free(fam);
	return found;
}

/* Is every product entity of the turn of the family of item it (a
 * family said without one product: its words in the item's name)? */
static int
family_named_only(struct tctx *t, const struct order_item *it)
{
	const struct entity *e;
	char		*fam = catalog_family(it->name), *ef;
	size_t		 i;
	int		 same = 1;

	for (i = 0; same && i < t->e->el.n; i++) {
		e = &t->e->el.v[i];
		if (e->type != ENTITY_PRODUCT)
			continue;
		if (e->name == NULL || e->sku == NULL) {
			same = e->value != NULL && strcasestr(it->name,
			    e->value) != NULL;
			continue;
		}
		ef = catalog_family(e->name);
		same = strcasecmp(ef, fam) == 0;
		free(ef);
	}
	free(fam);
	return same;
}

/*
 * The variant v of item's family the item is exchanged for: its name,
 * its price now beside the price paid and, from the catalog, whether it
 * is in stock; nothing about who pays a difference, which the return
 * policy does not say.
 */
static void
exchange_target(struct tctx *t, const struct order *o,
    const struct order_item *it, const struct product *v)
{
	slots_set(&t->slots, "target", v->name);
	dlg_money_slot(t, "paid", it->unit_price, o->currency);
	dlg_money_slot(t, "target_price", v->price, o->currency);
	if (v->stock <= 0)
		slots_set(&t->slots, "sold_out", "yes");
	dlg_cite(t, "product", v->sku, v->name, "price,stock");
	dlg_set_action(t, "order_exchange", "order #%s: %s for %s, %.2f "
	    "paid, %.2f now, stock %lld", o->id, it->sku, v->sku,
	    it->unit_price, v->price, v->stock);
	dlg_say(t, "order_exchange");
}

/*
 * "Can I swap the 256gb for the 128", "exchange it for the 512gb": a
 * delivered item still in the return window exchanged for another
 * variant of its own family (catalog_family), the capacity or size
 * said; the return policy takes exchanges the same way as returns.
 * A variant the family has: its price and stock (exchange_target); one
 * it lacks: no such version.
 * The item named, else the order's only one.  0 unless exactly one
 * item and a variant word it lacks are said, and the store has the
 * policy facts.
 */
static int
answer_exchange(struct tctx *t, const struct order *o)
{
	static const char *const swap[] = { "exchange", "swap", "switch",
	    "trade", NULL };
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	struct text_token *vw;
	struct return_quote q;
	struct product	 v;
	size_t		 nvw, i, k;
	long		 item;
	int		 found;
	char		*fam;

	if (strcmp(o->status, "delivered") != 0 || !dlg_has_any(t, swap))
		return 0;
	/* No one item named ("my iphone" of an iPhone and its case): the
	 * order's only item sold by capacity or size. */
	if ((item = named_item(t, o)) < 0)
		for (i = 0; i < o->nitems; i++)
			if (sized_name(o->items[i].name)) {
				if (item >= 0) {
					item = -1;
					break;
				}
				item = (long)i;
			}
	/* Every product named is of the item's own family ("the 128gb
	 * iphone 15" for the 256GB one): never another product. */
	if (item < 0 || !family_named_only(t, &o->items[item]))
		return 0;
	/* The words said that the item bought lacks: the variant wanted. */
	vw = dlg_variant_words(t, &nvw);
	for (i = 0, k = 0; i < nvw; i++)
		if (!dlg_name_word(o->items[item].name, s + vw[i].start,
		    vw[i].end - vw[i].start))
			vw[k++] = vw[i];
	nvw = k;
	for (i = 0; i < nvw; i++)
		if (!capacity_word(s + vw[i].start, vw[i].end - vw[i].start))
			break;
	memset(&v, 0, sizeof v);
	/* Several variants fit the word (or the store failed): the
	 * return answer, no guess. */
	if (nvw != 1 || i < nvw || (found = family_variant(t,
	    &o->items[item], vw, nvw, &v)) < 0) {
		product_release(&v);
		free(vw);
		return 0;
	}
	memset(&q, 0, sizeof q);
	dlg_retrieve_begin(t);
	catalog_return_quote(t->st, o, o->items[item].sku, &q);
	dlg_retrieve_end(t);
	if (q.doc == NULL || q.deadline == NULL ||
	    catalog_days_between(store_now(), q.deadline) < 0 ||
	    !dlg_fact_slot(t, "exchanges", "exchanges") ||
	    (strcmp(slots_get(&t->slots, "exchanges"), "true") != 0 &&
	    strcmp(slots_get(&t->slots, "exchanges"), "1") != 0) ||
	    !dlg_fact_slot(t, "how_to_start", "how_to_start")) {
		return_quote_release(&q);
		product_release(&v);
		free(vw);
		return 0;
	}
	dlg_order_slots(t, o);
	slots_set(&t->slots, "item", o->items[item].name);
	slots_set(&t->slots, "return_by", q.deadline);
	slots_setf(&t->slots, "variant_said", "%.*s",
	    (int)(vw[0].end - vw[0].start), s + vw[0].start);
	dlg_cite(t, "policy", q.doc, q.doc, "exchanges,return_window_days");
	if (found)
		exchange_target(t, o, &o->items[item], &v);
	else {
		fam = catalog_family(o->items[item].name);
		slots_set(&t->slots, "family", fam);
		free(fam);
		dlg_set_action(t, "order_exchange_none", "order #%s: %s, no "
		    "%.*s variant", o->id, o->items[item].sku,
		    (int)(vw[0].end - vw[0].start), s + vw[0].start);
		dlg_say(t, "order_exchange_none");
	}
	dlg_close_form(t);
	return_quote_release(&q);
	product_release(&v);
	free(vw);
	return 1;
}

int
dlg_orderfacts_answer(struct tctx *t, const struct order *o,
    const char *how)
{
	/* A change that takes an item off: a cancel of that line. */
	static const char *const take_off[] = { "remove", "take off",
	    "take it off", "take them off", "take out", "drop", "cancel",
	    "dont need", "don't need", "do not need", NULL };
	/* Read as a status question, but asking an item off the order. */
	static const char *const off_order[] = { "remove", "take it off",
	    "take them off", "off the order", "off my order",
	    "off that order", "off this order", NULL };

	if (answer_reorder(t, o))
		return 1;
	if (strcmp(how, "return_item") == 0 && answer_exchange(t, o))
		return 1;
	if (strcmp(how, "cancel_order") == 0 ||
	    (strcmp(how, "change_order") == 0 && dlg_has_any(t, take_off)) ||
	    (strcmp(how, "track_order") == 0 && dlg_has_any(t, off_order)))
		return answer_cancel_line(t, o);
	if (strcmp(how, "change_shipping_address") == 0)
		return answer_redirect(t, o);
	if (strcmp(how, "track_order") == 0)
		return answer_late(t, o);
	if (strcmp(how, "track_refund") == 0 || t->order_topic == ORDQ_FEE)
		return answer_nonrefundable(t, o);
	return 0;
}

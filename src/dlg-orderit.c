/*
 * dlg-orderit.c: a product question right after an order's answer
 * ("how much storage does it have", "is it waterproof", "screen size?")
 * means the item of that order, not a product discussed before it.
 * An order of one item: that item takes the focus and the question
 * goes on as any product question.  An order of several: which of its
 * items, asked, with the items as the list the answer picks from.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "catalog.h"
#include "dlg-int.h"

/* Words of ordering and paying: "the one i placed in september", "how
 * many days till it shows on the card" ask of an order, no product's
 * fact. */
static const char *const ordering[] = { "order", "orders", "ordered",
	"placed", "bought", "purchased", "card", "bank", "statement",
	"account", "paypal", "charged", "charge", NULL };

/* Words that point at the thing just talked about. */
static const char *const pointers[] = { "it", "its", "it's", "this",
	"that", "one", NULL };

/*
 * Is the turn a question about a product's facts that names none: an
 * attribute asked, or a sure product intent (not a list or a
 * comparison), or a feature asked yes or no that the classifier reads
 * first as a product question, with a pointer or an attribute to say
 * what it is about?  "Can you put my company name on it", read first as
 * an order question, is none, nor is a word of ordering or paying or a
 * month.
 */
static int
product_fact_asked(struct tctx *t, int attr_said)
{
	int	 attr = attr_said ||
	    dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL;
	int	 product = (dlg_flags_of(t, t->intent_id) & ACT_PRODUCT) &&
	    strcmp(t->intent, "recommendation") != 0 &&
	    strcmp(t->intent, "comparison") != 0;
	char	*month = NULL;

	if (dlg_has_any(t, ordering) || (month = dlg_month_named(t)) != NULL) {
		free(month);
		return 0;
	}
	if (!attr && !(product && (t->e->ir.verdict == INTENT_OK ||
	    (t->e->ir.verdict != INTENT_OUT_OF_SCOPE &&
	    dlg_feature_yes_no(t)))))
		return 0;
	return attr || dlg_has_any(t, pointers);
}

/* Products of a kind read to tell whether the kind lists something. */
#define KIND_READ	200

/*
 * Does some product of p's kind (its category and subcategory) list
 * what the question asks?  A mouse's kind lists no RAM, so "how much
 * ram does it have" cannot mean the mouse of an order; the weight, that
 * some mice list, it can.
 */
static int
kind_lists(struct tctx *t, const struct product *p)
{
	struct catalog_kind k;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 i;
	int		 hit = 0;

	dlg_retrieve_begin(t);
	if (catalog_kind(t->st, p->category, KIND_READ, &k, &err) == SD_OK)
		for (i = 0; i < k.n && !hit; i++)
			hit = strcmp(k.v[i].subcategory != NULL ?
			    k.v[i].subcategory : "", p->subcategory != NULL ?
			    p->subcategory : "") == 0 &&
			    dlg_spec_count(t, &k.v[i]) > 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	return hit;
}

/*
 * The one item of those shown that lists what the question asks, when
 * no other item's kind lists it: its index, else -1.
 */
static int
only_item_listing(struct tctx *t, const struct product *v, size_t n)
{
	size_t	 i;
	int	 one = -1;

	for (i = 0; i < n; i++)
		if (dlg_spec_count(t, &v[i]) > 0) {
			if (one >= 0)
				return -1;
			one = (int)i;
		}
	for (i = 0; one >= 0 && i < n; i++)
		if ((int)i != one && kind_lists(t, &v[i]))
			return -1;
	return one;
}

/* Does an item of the order in focus list an attribute w names? */
static int
item_attribute(struct tctx *t, const char *w)
{
	struct product	 p;
	cJSON		*it, *attrs, *a;
	int		 hit = 0;

	cJSON_ArrayForEach(it, dlg_jarr(t->state, "purchased")) {
		memset(&p, 0, sizeof p);
		if (!cJSON_IsString(it) || !dlg_peek_product(t,
		    it->valuestring, &p)) {
			product_release(&p);
			continue;
		}
		attrs = p.attrs != NULL ? cJSON_Parse(p.attrs) : NULL;
		cJSON_ArrayForEach(a, attrs)
			hit |= a->string != NULL &&
			    dlg_spec_names_key(a->string, w);
		cJSON_Delete(attrs);
		product_release(&p);
		if (hit)
			break;
	}
	return hit;
}

/*
 * A kind's word said as an attribute ("what's the storage on it", "and
 * the storage?"): an attribute entity over it, or a key an item of the
 * order lists.  Such a word names no kind: it leaves the turn's
 * entities, so no step reads it as a list or an order of that kind.
 * 1 when a kind is named all the same ("and the ssd?").
 */
static int
kind_named(struct tctx *t, int *attr_said)
{
	const struct entity *en, *at;
	size_t	 i, j;
	int	 attr;
	char	*w;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_CATEGORY)
			continue;
		for (j = 0, attr = 0; j < t->e->el.n && !attr; j++) {
			at = &t->e->el.v[j];
			attr = at->type == ENTITY_ATTRIBUTE &&
			    at->start <= en->start && at->end >= en->end;
		}
		if (!attr && en->end <= t->len) {
			w = xstrndup(t->text + en->start, en->end - en->start);
			for (j = 0; w[j] != '\0'; j++)
				w[j] = (char)tolower((unsigned char)w[j]);
			attr = item_attribute(t, w);
			free(w);
		}
		if (!attr)
			return 1;
		*attr_said = 1;
	}
	return 0;
}

/* The kind's words kind_named read as attributes leave the entities. */
static void
drop_kinds(struct tctx *t)
{
	size_t	 i, k;

	for (i = k = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type != ENTITY_CATEGORY)
			t->e->el.v[k++] = t->e->el.v[i];
	if (k < t->e->el.n)
		dlg_jset_str(t->trace, "kind_as_attribute", "a kind's word "
		    "said as an attribute of the order's item");
	t->e->el.n = k;
}

/*
 * Is the attribute's word said as a thing ("the battery thing", "my
 * battery one", "the battery i got"), not as what a thing has ("battery
 * life?", "colour?")?
 */
static int
said_as_thing(struct tctx *t, const struct entity *a)
{
	static const char *const mine[] = { "my", NULL };
	static const char *const after[] = { "thing", "one", "i", "pack",
	    "we", NULL };
	const char	*s = t->text;
	size_t		 e = a->end, b;
	const char *const *w;

	if (a->end > t->len)
		return 0;
	if (dlg_word_before_is(s, a->start, mine))
		return 1;
	while (e < t->len && !isalnum((unsigned char)s[e]))
		e++;
	for (b = e; e < t->len && isalnum((unsigned char)s[e]); e++)
		;
	for (w = after; *w != NULL; w++)
		if (e - b == strlen(*w) && strncasecmp(s + b, *w, e - b) == 0)
			return 1;
	return 0;
}

/*
 * "The battery thing", "the windows key i bought": a word of an item of
 * the customer's other orders, not of the order in focus (1).
 */
static int
other_order_named(struct tctx *t, const char *order)
{
	struct order_match m;
	struct sd_error	 err = SD_ERROR_INIT;
	char		**ids = NULL, *words = NULL;
	const struct entity *a;
	size_t		 n = 0, i;
	int		 here = 0;

	if (!dlg_order_item_named(t, &m, &words))
		return 0;
	/* An attribute's word names a thing only said as one. */
	if (m.sku == NULL && m.brand == NULL && m.category == NULL &&
	    (a = dlg_first_entity(t, ENTITY_ATTRIBUTE)) != NULL &&
	    !said_as_thing(t, a)) {
		free(words);
		return 0;
	}
	dlg_retrieve_begin(t);
	catalog_customer_orders_with(t->st, t->cust.id, &m, &ids, &n, &err);
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (i = 0; i < n; i++)
		here |= strcmp(ids[i], order) == 0;
	dlg_ids_free(ids, n);
	free(words);
	return n > 0 && !here;
}

/* Ask which item of the order in focus, the items as the list shown. */
static int
ask_which_item(struct tctx *t, const char *order, cJSON *items)
{
	struct product	 shown[RESULTS_MAX];
	struct sbuf	 names = SBUF_INIT;
	cJSON		*it, *r;
	size_t		 n = 0, i;
	int		 one;

	memset(shown, 0, sizeof shown);
	cJSON_ArrayForEach(it, items) {
		if (!cJSON_IsString(it) || n == RESULTS_MAX)
			continue;
		if (dlg_peek_product(t, it->valuestring, &shown[n]))
			n++;
		else {
			product_release(&shown[n]);
			memset(&shown[n], 0, sizeof shown[n]);
		}
	}
	/* "How much ram does it have": the one item whose kind lists it. */
	one = n < 2 ? -1 : only_item_listing(t, shown, n);
	if (n < 2 || one >= 0) {
		if (one >= 0) {
			r = dlg_ref_trace(t, "order-item-spec", "a product "
			    "question after an order's answer: its one item "
			    "that lists what was asked");
			for (i = 0; i < n; i++)
				dlg_ref_candidate(r, shown[i].sku);
			dlg_focus_push(t, dlg_ref_pick(r, shown[one].sku));
		}
		for (i = 0; i < n; i++)
			product_release(&shown[i]);
		return 0;
	}
	r = dlg_ref_trace(t, "order-items-ask", "a product question after "
	    "an order's answer: which of its items");
	for (i = 0; i < n; i++) {
		sbuf_addf(&names, "%s the %s", i == 0 ? "" : i + 1 == n ?
		    " or" : ",", shown[i].name);
		dlg_ref_candidate(r, shown[i].sku);
	}
	/* "The mouse", "the second" answer from these. */
	dlg_results_set(t, shown, n);
	for (i = 0; i < n; i++)
		product_release(&shown[i]);
	slots_set(&t->slots, "choices", names.buf);
	slots_set(&t->slots, "order_id", order);
	dlg_set_action(t, "ask_which_product", "order #%s holds %zu items; "
	    "the question names none", order, n);
	dlg_say(t, "ask_which_order_item");
	sbuf_release(&names);
	return 1;
}

/*
 * After an order's answer, a product question that names no product,
 * brand, kind or order, and asks nothing of the order itself: about
 * the order's item.  1 when the turn was answered (asked which item);
 * 0 to go on, with the order's only item first in focus when so.
 */
int
dlg_order_item_question(struct tctx *t)
{
	const char	*order = dlg_order_focus(t), *sku;
	cJSON		*items = dlg_jarr(t->state, "purchased"), *r;
	int		 n = cJSON_GetArraySize(items), attr = 0;
	struct entity	*saved;
	size_t		 nsaved;

	if (!t->have_cust || order == NULL || n == 0 ||
	    !dlg_order_just_discussed(t) ||
	    dlg_first_entity(t, ENTITY_PRODUCT) != NULL ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_order_topic(t) != ORDQ_NONE || kind_named(t, &attr) ||
	    !product_fact_asked(t, attr))
		return 0;
	/* The kinds' words said as attributes name no other order's item. */
	saved = t->e->el.n > 0 ? xmalloc(t->e->el.n * sizeof *saved) : NULL;
	if (saved != NULL)
		memcpy(saved, t->e->el.v, t->e->el.n * sizeof *saved);
	nsaved = t->e->el.n;
	drop_kinds(t);
	if (other_order_named(t, order)) {
		if (saved != NULL)
			memcpy(t->e->el.v, saved, nsaved * sizeof *saved);
		t->e->el.n = nsaved;
		free(saved);
		cJSON_DeleteItemFromObjectCaseSensitive(t->trace,
		    "kind_as_attribute");
		return 0;
	}
	free(saved);
	if (n > 1)
		return ask_which_item(t, order, items);
	sku = cJSON_GetArrayItem(items, 0)->valuestring;
	if (sku == NULL || (dlg_focus_top(t, 0) != NULL &&
	    strcmp(dlg_focus_top(t, 0), sku) == 0))
		return 0;
	r = dlg_ref_trace(t, "order-item-it", "a product question after an "
	    "order's answer: its only item");
	dlg_ref_candidate(r, sku);
	dlg_focus_push(t, dlg_ref_pick(r, sku));
	return 0;
}

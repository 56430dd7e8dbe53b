/*
 * dlg-settle.c: what kind of turn an unclear message is.  When the
 * classifier found no intent clearly ahead, or none about the store,
 * the entities and the conversation settle it: two products named as a
 * pair are a comparison, a catalog product named makes a product
 * question, a strong answer in the store's documents answers it, and
 * only then is the customer asked one question, with two or three
 * options in their words (dlg-pending.c), or told what the bot does.
 */
#include "config.h"

#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

/* A question about a product with these words asks its price. */
static const char *const price_words[] = { "how much", "price", "cost",
	"costs", NULL };

/* Words that open a question (past a leading yes or no). */
static const char *const question_opens[] = { "is", "are", "does", "do",
	"can", "could", "will", "would", "how", "what", "whats", "what's",
	"which", "when", "where", "why", "who", "should", "has", "have",
	"did", "if", NULL };

/* Is the message a question: a question mark, or a question word
 * first ("is office a subscription or do i pay once")? */
static int
asks(struct tctx *t)
{
	const char	*p = t->fold.s.buf != NULL ? t->fold.s.buf : "", *q;
	const char *const *w;
	size_t		 n;
	int		 k;

	if (memchr(t->text, '?', t->len) != NULL)
		return 1;
	p += dlg_lead_len(p, strlen(p));
	/* Each clause: "third time asking, does it connect or not". */
	for (; *p != '\0'; p++) {
		if (p != t->fold.s.buf && strchr(",.;!", p[-1]) == NULL)
			continue;
		while (*p == ' ')
			p++;
		/* The first word, or the second ("honestly is it..."). */
		for (q = p, k = 0; k < 2 && *q != '\0'; k++) {
			for (w = question_opens; *w != NULL; w++) {
				n = strlen(*w);
				if (strncmp(q, *w, n) == 0 && (q[n] == ' ' ||
				    q[n] == '\0'))
					return 1;
			}
			q += strcspn(q, " ,.;!");
			if (*q != ' ')
				break;
			q++;
		}
		if (*p == '\0')
			break;
	}
	return 0;
}

/*
 * "Is office home 2024 a subscription or do i pay once", "can i take
 * the gopro hero 12 snorkeling", "can i plug a turntable into it": a
 * question naming a catalog product or family, or pointing at the one
 * in focus, is about that product, whatever else its words suggest
 * (paying, a newsletter, a refund policy).  The product reading the
 * classifier ranks highest among its top three, else a question about
 * the product; -1 when the message is no such question, or its top
 * reading is an order's the words bear out (a return).  A problem or a
 * how-to with the product keeps its reading.
 */
static int
product_reading(struct tctx *t, const struct intent_result *ir)
{
	const struct entity *en;
	const char	*how = NULL;
	size_t		 i, named = 0;
	unsigned	 f;
	int		 id, pointer;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		named += en->type == ENTITY_PRODUCT &&
		    en->extractor != EXTRACTOR_FUZZY;
	}
	/* "It", "the other", "the second": a pointer, not a kind or a
	 * brand that happens to fit what is shown. */
	pointer = dlg_resolve_reference(t, &how) != NULL && how != NULL &&
	    dlg_focus_top(t, 0) != NULL && (strcmp(how, "it") == 0 ||
	    strcmp(how, "the other") == 0 || strcmp(how, "position") == 0 ||
	    strcmp(how, "last") == 0);
	if ((named == 0 && !pointer) || !asks(t) || ir->ntop < 1)
		return -1;
	/* A return or a cancellation the words bear out stays one; a
	 * problem or a how-to with the product is answered as one. */
	id = ir->top[0].id;
	f = dlg_flags_of(t, id);
	if ((f & ACT_FORM) && dlg_option_grounded(t, id))
		return -1;
	if (id == intent_id("troubleshooting") ||
	    id == intent_id("usage_advice"))
		return id;
	for (i = 0; i < ir->ntop && i < 3; i++) {
		id = ir->top[i].id;
		if (!(dlg_flags_of(t, id) & ACT_PRODUCT) ||
		    (id == intent_id("comparison") && named < 2) ||
		    (id == intent_id("recommendation") && named > 0))
			continue;
		return id;
	}
	return intent_id("product_inquiry");
}

/*
 * "Would the Acer Nitro 5 be ok for a beginner", "honestly is the
 * Lenovo LOQ 15 worth it": read as a recommendation or a comparison,
 * but one catalog product is named and nothing asks for others (no
 * kind, no "instead", "similar", "vs", "than"): asking what kind of
 * product they want, or which two to compare, is needless.  The
 * question is about that product.
 */
static int
one_product_asked(struct tctx *t)
{
	static const char *const others[] = { "instead", "similar",
	    "alternative", "alternatives", "other", "others", "like",
	    "cheaper", "better", "vs", "versus", "than", "compare",
	    "compared", "difference", "between", "or", "against", "and",
	    "recommend", "suggest", "options", NULL };
	const struct entity *en, *pe = dlg_first_entity(t, ENTITY_PRODUCT);
	size_t		 i, named = 0;

	if ((strcmp(t->intent, "recommendation") != 0 &&
	    strcmp(t->intent, "comparison") != 0) || pe == NULL ||
	    pe->sku == NULL || pe->extractor == EXTRACTOR_FUZZY)
		return 0;
	/* Anything else named outside the product's own name counts. */
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		named += en->type == ENTITY_PRODUCT || ((en->type ==
		    ENTITY_CATEGORY || en->type == ENTITY_PRICE ||
		    en->type == ENTITY_BRAND) && (en->start < pe->start ||
		    en->end > pe->end));
	}
	return named == 1 && asks(t) && !dlg_has_any(t, others);
}

/*
 * Out of scope: a product named or referred to makes it a product
 * question; else the cart, the documents or the fallback answer.  1 when
 * that was the turn.
 */
static int
settle_out_of_scope(struct tctx *t, const struct intent_result *ir)
{
	const char	*how = NULL, *sku;

	sku = dlg_resolve_reference(t, &how);
	/*
	 * "How much is the HP Victus 15?", "what about the second
	 * one?": the classifier found no intent, but a product named
	 * or picked from the last list is a product question, not
	 * something the bot cannot do.
	 */
	if (dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
	    (sku == NULL || strcmp(how, "it") == 0)) {
		/* "Whats my total", "make it two": the cart's,
		 * whatever the classifier made of it. */
		if (dlg_cart_edit(t))
			return 1;
		/*
		 * Out of scope is the last resort: a strong answer
		 * in the documents, or a follow-up on the manual
		 * just quoted, comes first.
		 */
		if (((ir->about_store || dlg_jstr(t->state,
		    "kb_doc") != NULL || dlg_focus_top(t, 0) !=
		    NULL) && dlg_handle_kb_strong(t,
		    SEARCH_DOC_KINDS, KB_STRONG)) ||
		    dlg_handle_kb_sure(t, KB_STORE_KINDS,
		    KB_OOS_STRONG)) {
			dlg_jset_str(t->trace, "ambiguity", "resolved: "
			    "out of scope, but the documents answer");
			return 1;
		}
		dlg_fallback(t, ir->reason.buf);
		return 1;
	}
	dlg_jset_str(t->trace, "ambiguity", "resolved: out of scope, "
	    "but about a product named or referred to");
	dlg_set_intent(t, dlg_named_pair(t) ? "comparison" :
	    dlg_has_any(t, price_words) ? "price_promotions" :
	    "product_inquiry");
	return 0;
}

/*
 * Torn between readings while a catalog product is named: out of scope
 * gives way to the product question, and a product named as the subject
 * takes a product question among the readings.  1 when that settled it
 * for good.
 */
static int
settle_product_named(struct tctx *t, const struct intent_result *ir)
{
	const char *const *names = intent_names(NULL);
	int		 other;

	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0 &&
	    (ir->top[0].id == intent_oos_id() ||
	    ir->top[1].id == intent_oos_id())) {
		/*
		 * Torn between a product question and "out of scope" while a
		 * catalog product is named: the product settles it.
		 */
		other = ir->top[0].id == intent_oos_id() ? ir->top[1].id :
		    ir->top[0].id;
		if (dlg_flags_of(t, other) & ACT_PRODUCT) {
			dlg_set_intent(t, names[other]);
			dlg_jset_str(t->trace, "ambiguity", "resolved: a "
			    "catalog product is named");
		}
	}
	/*
	 * "Thinking about the et-2800, is it any good": a catalog product
	 * named as the subject, no order said, and a product question
	 * among the readings: that one, not a question back.
	 */
	if (dlg_subject_entity(t) != NULL &&
	    !dlg_entity_unknown(dlg_subject_entity(t)) &&
	    !dlg_said_as_context(t, dlg_subject_entity(t)) &&
	    dlg_first_entity(t, ENTITY_ORDER_ID) == NULL &&
	    !dlg_has_word(t, "order"))
		for (other = 0; other < (int)ir->ntop; other++)
			if ((dlg_flags_of(t, ir->top[other].id) &
			    ACT_PRODUCT) && strcmp(names[ir->top[other].id],
			    "recommendation") != 0 &&
			    strcmp(names[ir->top[other].id],
			    "comparison") != 0) {
				dlg_set_intent(t, names[ir->top[other].id]);
				dlg_jset_str(t->trace, "ambiguity", "resolved: "
				    "a catalog product named, a product "
				    "question among the readings");
				return 1;
			}
	return 0;
}

/*
 * Out of scope or torn between two intents: settle on one where the
 * entities say which, else fall back or ask.  1 when that was the turn.
 */
int
dlg_settle_intent(struct tctx *t, const struct intent_result *ir)
{
	const char *const *names = intent_names(NULL);
	int		 other;

	/*
	 * Two catalog products named as a pair ("switch oled or switch
	 * lite") are weighed against each other, whatever other intent a
	 * word of their names suggests ("switch" an account).
	 */
	if (ir->verdict == INTENT_OK && dlg_named_pair(t) &&
	    !(dlg_flags_of(t, t->intent_id) & ACT_PRODUCT)) {
		dlg_set_intent(t, "comparison");
		dlg_jset_str(t->trace, "ambiguity", "resolved: two products "
		    "named as a pair");
		return 0;
	}
	if (ir->verdict == INTENT_OK && one_product_asked(t)) {
		dlg_set_intent(t, "product_inquiry");
		dlg_jset_str(t->trace, "ambiguity", "resolved: a question "
		    "about the one product named, nothing to choose or "
		    "compare");
		return 0;
	}
	if (ir->verdict == INTENT_OUT_OF_SCOPE && settle_out_of_scope(t, ir))
		return 1;
	if (ir->verdict != INTENT_AMBIGUOUS || ir->ntop < 2)
		return 0;
	if (dlg_named_pair(t)) {
		dlg_set_intent(t, "comparison");
		dlg_jset_str(t->trace, "ambiguity", "resolved: two products "
		    "named as a pair");
		return 0;
	}
	if (settle_product_named(t, ir))
		return 0;
	if (dlg_jstr(t->trace, "ambiguity") != NULL)
		return 0;	/* settled above */
	if ((dlg_flags_of(t, ir->top[0].id) & ACT_PRODUCT) &&
	    (dlg_flags_of(t, ir->top[1].id) & ACT_PRODUCT) &&
	    (t->e->el.n > 0 || dlg_focus_top(t, 0) != NULL)) {
		/* Both readings ask about products: the top one will do. */
		dlg_jset_str(t->trace, "ambiguity", "resolved: both readings "
		    "are product questions");
		return 0;
	}
	if ((dlg_flags_of(t, ir->top[0].id) & ACT_FORM) &&
	    (dlg_flags_of(t, ir->top[1].id) & ACT_FORM) && t->have_cust) {
		/*
		 * "What's the status of my returns": tracking or a refund,
		 * either way the answer starts from the order; the one whose
		 * words were said, else the top one.
		 */
		if (dlg_choice_hits(t, names[ir->top[1].id]) >
		    dlg_choice_hits(t, names[ir->top[0].id]))
			dlg_set_intent(t, names[ir->top[1].id]);
		dlg_jset_str(t->trace, "ambiguity", "resolved: both readings "
		    "are about an order");
		return 0;
	}
	if ((other = product_reading(t, ir)) >= 0) {
		dlg_set_intent(t, names[other]);
		dlg_jset_str(t->trace, "ambiguity", "resolved: a question "
		    "about a product named or in focus");
		return 0;
	}
	/*
	 * About the store but unsure which intent: a knowledge-base answer
	 * that matches well, else a question in the customer's words.
	 */
	if (ir->about_store && (dlg_handle_kb_strong(t,
	    SEARCH_KIND_BIT(SEARCH_FAQ) | SEARCH_KIND_BIT(SEARCH_POLICY) |
	    SEARCH_KIND_BIT(SEARCH_MANUAL) | SEARCH_KIND_BIT(SEARCH_TICKET),
	    KB_STRONG) || dlg_handle_kb_strong(t, KB_STORE_KINDS,
	    KB_OOS_STRONG))) {
		dlg_jset_str(t->trace, "ambiguity", "resolved: a strong "
		    "knowledge-base match");
		return 1;
	}
	return dlg_clarify(t, ir);
}

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

/*
 * Out of scope or torn between two intents: settle on one where the
 * entities say which, else fall back or ask.  1 when that was the turn.
 */
int
dlg_settle_intent(struct tctx *t, const struct intent_result *ir)
{
	const char *const *names = intent_names(NULL);
	const char	*how = NULL, *sku;
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
	if (ir->verdict == INTENT_OUT_OF_SCOPE) {
		sku = dlg_resolve_reference(t, &how);
		/*
		 * "How much is the HP Victus 15?", "what about the second
		 * one?": the classifier found no intent, but a product named
		 * or picked from the last list is a product question, not
		 * something the bot cannot do.
		 */
		if (dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
		    (sku == NULL || strcmp(how, "it") == 0)) {
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
	}
	if (ir->verdict != INTENT_AMBIGUOUS || ir->ntop < 2)
		return 0;
	if (dlg_named_pair(t)) {
		dlg_set_intent(t, "comparison");
		dlg_jset_str(t->trace, "ambiguity", "resolved: two products "
		    "named as a pair");
		return 0;
	}
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

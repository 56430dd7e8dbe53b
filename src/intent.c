/*
 * intent.c owns the intent set and classification: the intents and the
 * other data sets' names for them, and intent_classify, which reads a
 * message's features against a trained model and hands the probabilities
 * to the in-store decision (intent-scope.c).
 *
 * The other jobs live beside it: features (intent-features.c), the model
 * and its blob (intent-model.c), the training set and its register
 * variants (intent-trainset.c, intent-augment.c), training and
 * calibration (intent-train.c), the relevance model (intent-relevance.c)
 * and the model's row in the store (intent-store.c).
 */
#include "config.h"

#if defined(__GNUC__) && !defined(__clang__)
/* The per-feature loops over the intents vectorise at -O3 only. */
#pragma GCC optimize("O3")
#endif

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "shopdesk.h"
#include "intent.h"
#include "intent-int.h"
#include "sbuf.h"
#include "text.h"

/*
 * The intent set: Bitext's 27 names first (sorted), then the store's own.
 * Append only; the ids are stored in models.
 */
static const char *const names[] = {
	"cancel_order", "change_order", "change_shipping_address",
	"check_cancellation_fee", "check_invoice", "check_payment_methods",
	"check_refund_policy", "complaint", "contact_customer_service",
	"contact_human_agent", "create_account", "delete_account",
	"delivery_options", "delivery_period", "edit_account", "get_invoice",
	"get_refund", "newsletter_subscription", "payment_issue",
	"place_order", "recover_password", "registration_problems", "review",
	"set_up_shipping_address", "switch_account", "track_order",
	"track_refund",
	"product_inquiry", "product_specs", "compatibility", "usage_advice",
	"comparison", "recommendation", "stock_availability",
	"price_promotions", "return_item", "warranty", "troubleshooting",
	"greeting", "goodbye", "thanks", "affirm", "deny", "out_of_scope",
};
#define NINTENTS	((int)(sizeof names / sizeof names[0]))
_Static_assert(NINTENTS == INTENT_N, "INTENT_N: the number of intents");
#define NINTENTS	((int)(sizeof names / sizeof names[0]))

/* Other data sets' names for our intents (CLINC150, Rasa, NLP.js...). */
static const struct {
	const char	*alias;
	const char	*name;
} aliases[] = {
	{ "order_status", "track_order" },
	{ "order", "place_order" },
	{ "order_checks", "track_order" },
	{ "cancel", "cancel_order" },
	{ "thank_you", "thanks" },
	{ "thankyou", "thanks" },
	{ "thank", "thanks" },
	{ "greet", "greeting" },
	{ "hello", "greeting" },
	{ "hi", "greeting" },
	{ "bye", "goodbye" },
	{ "yes", "affirm" },
	{ "affirmative", "affirm" },
	{ "confirm", "affirm" },
	{ "no", "deny" },
	{ "negative", "deny" },
	{ "reject", "deny" },
	{ "product_recommendation", "recommendation" },
	{ "recommend", "recommendation" },
	{ "product_question", "product_inquiry" },
	{ "product_info", "product_inquiry" },
	{ "product_features", "product_specs" },
	{ "specs", "product_specs" },
	{ "product_comparison", "comparison" },
	{ "compare", "comparison" },
	{ "availability", "stock_availability" },
	{ "stock", "stock_availability" },
	{ "in_stock", "stock_availability" },
	{ "price", "price_promotions" },
	{ "pricing", "price_promotions" },
	{ "promotions", "price_promotions" },
	{ "discount", "price_promotions" },
	{ "return", "return_item" },
	{ "returns", "return_item" },
	{ "return_product", "return_item" },
	{ "refund", "get_refund" },
	{ "request_refund", "get_refund" },
	{ "refund_status", "track_refund" },
	{ "shipping", "delivery_options" },
	{ "shipping_options", "delivery_options" },
	{ "delivery_time", "delivery_period" },
	{ "technical_support", "troubleshooting" },
	{ "tech_support", "troubleshooting" },
	{ "human", "contact_human_agent" },
	{ "agent", "contact_human_agent" },
	{ "human_handoff", "contact_human_agent" },
	{ "talk_to_human", "contact_human_agent" },
	{ "feedback", "review" },
	{ "password_reset", "recover_password" },
	{ "reset_password", "recover_password" },
	{ "payment", "payment_issue" },
	{ "invoice", "get_invoice" },
	{ "oos", "out_of_scope" },
	{ "none", "out_of_scope" },
	{ "other", "out_of_scope" },
	{ "fallback", "out_of_scope" },
	{ "nlu_fallback", "out_of_scope" },
	{ "out_of_domain", "out_of_scope" },
};

const char *const *
intent_names(size_t *n)
{
	if (n != NULL)
		*n = NINTENTS;
	return names;
}

int
intent_id(const char *name)
{
	int	 i;

	for (i = 0; i < NINTENTS; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

int
intent_map_name(const char *dsname)
{
	size_t	 i;
	int	 id;

	for (id = 0; id < NINTENTS; id++)
		if (strcasecmp(names[id], dsname) == 0)
			return id;
	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcasecmp(aliases[i].alias, dsname) == 0)
			return intent_id(aliases[i].name);
	return -1;
}

int
intent_oos_id(void)
{
	return NINTENTS - 1;
}

int
intent_count(void)
{
	return NINTENTS;
}

const char *
intent_verdict_name(enum intent_verdict v)
{
	switch (v) {
	case INTENT_OK:
		return "ok";
	case INTENT_OUT_OF_SCOPE:
		return "out_of_scope";
	case INTENT_AMBIGUOUS:
		return "ambiguous";
	}
	return "?";
}

void
intent_classify(const struct intent_model *m, const char *text, size_t len,
    struct intent_result *r)
{
	size_t		 n, nwords, nunk = 0, i, cstart, nalpha, nread, nfix;
	int		 K = m->nclass, k;
	int64_t		 row;
	float		 v, vc, x, *z, *p, rel;
	const int16_t	*w;
	float		 acc[NINTENTS];

	sbuf_reset(&r->text);
	text_sanitize(text, len, TEXT_MAX_MESSAGE, &r->text, &r->clean);
	n = intent_word_features(r->text.buf, r->text.len, r, &nwords);
	/* chat shorthand read as its words (intent-words.c) */
	nread = intent_chat_words(m, r->norm.buf, r->toks, nwords, &r->chat);
	if (nread > 0)
		n = intent_word_features(r->chat.buf, r->chat.len, r,
		    &nwords);
	/* misspelt words read as the store's words (intent-spell.c) */
	if ((nfix = intent_spell_fix(m, r, nwords, &r->spelt)) > 0)
		n = intent_word_features(r->spelt.buf, r->spelt.len, r,
		    &nwords);
	/*
	 * Words with digits (model and order numbers) are names, not
	 * vocabulary: they never count as unknown, nor in the share.
	 */
	nalpha = 0;
	for (i = 0; i < nwords; i++) {
		if (r->toks[i].has_digit)
			continue;
		nalpha++;
		row = intent_model_row(m, r->keys[i]);
		if (row < 0 || m->df[row] == 0)
			nunk++;
	}
	intent_unk_features(r, &n, nunk, nalpha);
	cstart = n;
	intent_char_features(r, &n, nwords);

	if (r->z == NULL)
		r->z = xmalloc(2 * (size_t)NINTENTS * sizeof *r->z);
	z = r->z;
	p = r->z + NINTENTS;
	intent_feature_values(n, &v, &vc);
	v *= m->qscale;
	vc *= m->qscale;
	/*
	 * A local accumulator with a constant trip count lets the compiler
	 * keep it in vector registers (K is always NINTENTS: checked when
	 * the blob is read).
	 */
	memcpy(acc, m->bias, sizeof acc);
	rel = 0;
	for (i = 0; i < n; i++) {
		if ((row = intent_model_row(m, r->keys[i])) < 0)
			continue;
		w = m->q + (size_t)row * NINTENTS;
		x = i < cstart ? v : vc;
		for (k = 0; k < NINTENTS; k++)
			acc[k] += x * (float)w[k];
		if (i < cstart)
			rel += x * m->rel[row];
	}
	/* the relevance weights are floats: undo the weights' scale */
	r->relevance = m->relbias + rel / m->qscale;
	memcpy(z, acc, sizeof acc);
	intent_softmax(z, K, m->temperature, p);

	r->words = nwords;
	r->unknown = nunk;
	intent_store_words(m->lex, r, nwords);
	r->kb_score = -1;
	r->products = 0;
	r->focus = 0;
	intent_decide(m, r);
	intent_reason_notes(r);
	/* the words the model read, when they are not the message's */
	if (nread + nfix > 0)
		sbuf_addf(&r->reason, "; read as \"%s\"", nfix > 0 ?
		    r->spelt.buf : r->chat.buf);
}

void
intent_reason_notes(struct intent_result *r)
{
	if (r->words == 0)
		sbuf_adds(&r->reason, "; no words");
	else if (r->unknown > 0)
		sbuf_addf(&r->reason, "; %zu unknown word%s", r->unknown,
		    r->unknown > 1 ? "s" : "");
	if (r->clean.truncated)
		sbuf_addf(&r->reason, "; input cut at %d bytes",
		    TEXT_MAX_MESSAGE);
	if (r->clean.repaired)
		sbuf_adds(&r->reason, "; invalid UTF-8 replaced");
	if (r->clean.controls)
		sbuf_adds(&r->reason, "; control characters replaced");
}

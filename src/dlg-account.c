/*
 * dlg-account.c: account and payment questions the policy facts answer
 * exactly ("how long is the reset link good for?", "what's the minimum
 * password length?", "can I stack both codes?").  The knowledge base
 * finds the right FAQ for a well-formed question, but short follow-ups
 * miss it and land on another entry that states other numbers; the
 * fact itself is one key of a policy's "facts" object.  Each rule names
 * the words that ask it (one of each group), the facts it reads (each a
 * slot of the same name) and its template; a rule whose facts the store
 * lacks does not answer.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

#define RULE_WORDS	20
#define RULE_FACTS	3

static const struct account_rule {
	const char	*name;		/* for the trace and follow-ups */
	const char	*any[RULE_WORDS];	/* one of these ... */
	const char	*with[RULE_WORDS];	/* ... and one of these */
	const char	*again[RULE_WORDS];	/* or, right after it, these */
	const char	*facts[RULE_FACTS];
	const char	*tpl;
} rules[] = {
	{ "reset_link", { "link", "reset email", "reset mail" },
	    { "how long", "valid", "good for", "expire", "expires", "last" },
	    { NULL }, { "password_reset_link_valid_minutes" },
	    "account_reset_link" },
	{ "password_length", { "password", "passwords" },
	    { "length", "how long", "characters", "minimum", "min",
	    "too short", "how many", "rules", "requirements",
	    "requirement", "criteria" }, { NULL },
	    { "password_min_length" }, "account_password_length" },
	{ "lockout", { "locked", "locked out", "lockout" }, { "account",
	    "log in", "login", "sign in", "it says", "my" }, { NULL },
	    { "lockout_after_failed_attempts", "lockout_minutes" },
	    "account_lockout" },
	/* "Can't log in, it says wrong password": the way back in. */
	{ "sign_in", { "log in", "login", "sign in", "signin", "log into",
	    "sign into", "logging in", "signing in", "log on", "get into my "
	    "account", "access my account" }, { "can't", "cant", "cannot",
	    "won't", "wont", "unable", "not working", "trouble", "problem",
	    "wrong password", "doesn't", "doesnt", "fails", "failed", "error",
	    "issue", "not letting", "keeps" }, { NULL },
	    { "password_reset_link_valid_minutes",
	    "lockout_after_failed_attempts", "lockout_minutes" },
	    "account_sign_in" },
	{ "email_change", { "email address", "my email", "e-mail", "email",
	    "e mail" }, { "change", "update", "edit", "switch", "different",
	    "new email", "replace", "wrong email" }, { NULL },
	    { "email_change" }, "account_email_change" },
	/* Card details never reach a chat: where they are kept. */
	{ "saved_cards", { "saved card", "saved cards", "card on file",
	    "cards on file", "saved payment", "cards saved", "card saved",
	    "cards do you have", "card do you have", "stored card",
	    "stored cards", "remove a card", "remove my card",
	    "delete my card", "delete a card", "update my card",
	    "change my card", "remove a saved" }, { "", NULL }, { NULL },
	    { "accepted_methods" }, "account_saved_cards" },
	{ "gift_card_balance", { "gift card", "gift cards", "giftcard",
	    "gift-card", "e-gift" }, { "balance", "left on", "remaining",
	    "how much is on", "how much money", "how much do i have",
	    "still on", "amount left", "whats left", "what's left" },
	    { NULL }, { "max_per_order" }, "account_gift_card_balance" },
	{ "gift_card_expiry", { "gift card", "gift cards", "giftcard",
	    "giftcards", "gift-card", "e-gift", "egift" }, { "expire",
	    "expires", "expiry", "expiration", "expiring", "expired" },
	    { NULL }, { "expires", "fees" }, "account_gift_card_expiry" },
	{ "two_factor", { "2 step", "two step", "2-step", "two-step", "2fa",
	    "two factor", "two-factor", "2 factor", "authenticator" },
	    { "turn on", "enable", "set up", "setup", "have", "can i", "do you",
	    "how do" }, { NULL }, { "two_factor" }, "account_two_factor" },
	{ "newsletter", { "newsletter", "newsletters", "marketing emails",
	    "promo emails" }, { "stop", "unsubscribe", "opt out", "no more",
	    "cancel", "don't want", "dont want" }, { "right away",
	    "takes effect", "take effect", "immediately", "how long",
	    "how soon" }, { "marketing_opt_out",
	    "unsubscribe_effective_business_days" }, "account_newsletter" },
	{ "deletion", { "delete", "deletion", "deleted", "keep", "kept",
	    "close my account" }, { "order history", "my history", "records",
	    "receipts", "invoices", "my orders" }, { NULL },
	    { "account_deletion_days", "deletion_keeps" },
	    "account_deletion" },
	{ "chats", { "chats", "chat transcripts", "my chats",
	    "these chats", "conversations with", "chat logs", "chat log",
	    "chat history", "transcripts" }, { "", NULL }, { NULL },
	    { "chat_transcript_retention_days" }, "account_chats" },
	/* "Do you take cash on delivery?" is a payment method asked,
	 * not a delivery time. */
	{ "cash_on_delivery", { "cash on delivery", "pay on delivery",
	    "payment on delivery", "pay cash", "pay in cash", "pay with cash",
	    "pay by cash", "cash upon delivery", "pay upon delivery" },
	    { "", NULL }, { NULL }, { "cash_on_delivery",
	    "accepted_methods" }, "account_cash_on_delivery" },
	/* Stacking codes, not combining gift cards with a card. */
	{ "coupon_stack", { "stack", "combine", "both codes", "two codes",
	    "two coupons", "multiple codes", "more than one code",
	    "more than one coupon" }, { "code", "codes", "coupon", "coupons",
	    "promo", "promos", "discount", "discounts", "voucher",
	    "vouchers" }, { NULL },
	    { "one_coupon_per_order", "coupons_apply_to_sale_prices" },
	    "account_coupon_stack" },
	{ "coupon_gift_card", { "gift card", "gift cards", "e-gift" },
	    { "code", "coupon", "welcome10", "accessory20", "student5" },
	    { NULL }, { "coupons_exclude" }, "account_coupon_gift_card" },
};

/* Does the message hold one of words?  "" matches anything. */
static int
says(struct tctx *t, const char *const *words, size_t n)
{
	size_t	 i;

	for (i = 0; i < n && words[i] != NULL; i++)
		if (words[i][0] == '\0' || dlg_has_word(t, words[i]))
			return 1;
	return 0;
}

/* Fill the rule's fact slots; 0 when the store lacks one. */
static int
rule_facts(struct tctx *t, const struct account_rule *r)
{
	char	*v, *doc;
	size_t	 i;

	for (i = 0; i < RULE_FACTS && r->facts[i] != NULL; i++) {
		dlg_retrieve_begin(t);
		v = catalog_policy_fact(t->st, r->facts[i], &doc);
		dlg_retrieve_end(t);
		if (v == NULL) {
			free(doc);
			return 0;
		}
		if (v[0] == '[') {
			/* ["authenticator app", "SMS"]: "authenticator app
			 * or SMS" */
			cJSON *a = cJSON_Parse(v), *it;
			struct sbuf sb = SBUF_INIT;
			int k = 0, n = cJSON_GetArraySize(a);

			cJSON_ArrayForEach(it, a)
				if (cJSON_IsString(it))
					sbuf_addf(&sb, "%s%s", k++ == 0 ? "" :
					    k == n ? " or " : ", ",
					    it->valuestring);
			cJSON_Delete(a);
			free(v);
			v = sbuf_detach(&sb, NULL);
		}
		slots_set(&t->slots, r->facts[i], v);
		dlg_cite(t, "policy", doc, doc, r->facts[i]);
		free(v);
		free(doc);
	}
	return 1;
}

/*
 * Answers computed from a structured fact: the coupon named, the
 * Kestrel Protect price for the item's price, the shipping option
 * named, financing for the amount said.  Each reads its fact as JSON
 * and cites it; a fact the store lacks answers nothing.
 */

/* The policy fact key parsed (cited when cite), or NULL (caller
 * deletes). */
static cJSON *
fact_json(struct tctx *t, const char *key, int cite)
{
	char	*v, *doc = NULL;
	cJSON	*j;

	dlg_retrieve_begin(t);
	v = catalog_policy_fact(t->st, key, &doc);
	dlg_retrieve_end(t);
	/* Strings come back as their text, lists and numbers as JSON. */
	j = v == NULL ? NULL : (j = cJSON_Parse(v)) != NULL ? j :
	    cJSON_CreateString(v);
	/* Cited only when it answers: a look that answers nothing is no
	 * source of the reply. */
	if (j != NULL && cite)
		dlg_cite(t, "policy", doc, doc, key);
	free(v);
	free(doc);
	return j;
}

/* A fact's text: a string as it is, a list "a, b and c". */
static void
fact_text(struct sbuf *sb, const cJSON *j)
{
	const cJSON	*it;
	int		 i = 0, n;

	if (cJSON_IsString(j)) {
		sbuf_adds(sb, j->valuestring);
		return;
	}
	n = cJSON_GetArraySize(j);
	cJSON_ArrayForEach(it, j)
		if (cJSON_IsString(it))
			sbuf_addf(sb, "%s%s", i++ == 0 ? "" : i == n ?
			    " and " : ", ", it->valuestring);
}

static void
slot_fact(struct tctx *t, const char *name, const cJSON *j)
{
	struct sbuf	 sb = SBUF_INIT;

	fact_text(&sb, j);
	if (sb.len > 0)
		slots_set(&t->slots, name, sb.buf);
	sbuf_release(&sb);
}

static void
slot_money(struct tctx *t, const char *name, const cJSON *j)
{
	char	*m;

	if (!cJSON_IsNumber(j))
		return;
	m = catalog_money(j->valuedouble, "USD");
	slots_set(&t->slots, name, m);
	free(m);
}

/* How many words the message has. */
static size_t
words(struct tctx *t)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	free(tok);
	return n;
}

/*
 * The amount the customer says ("a $700 TV"), or -1.  "Around $700" is
 * a band of 10% either side for shopping; the amount said is its middle.
 */
static double
amount_said(struct tctx *t)
{
	const struct entity *pe = dlg_first_entity(t, ENTITY_PRICE);

	if (pe == NULL)
		return -1;
	if (pe->has_min && pe->has_max && pe->value != NULL &&
	    pe->value[0] == '~')
		return (pe->min + pe->max) / 2;
	return pe->has_max ? pe->max : pe->has_min ? pe->min : -1;
}

/* Was the last account answer about topic? */
static int
kept(struct tctx *t, const char *topic)
{
	const char	*last = dlg_jstr(t->state, "account_topic");

	return last != NULL && strncmp(last, topic, strlen(topic)) == 0;
}

/* Answer with the rule called name; 0 when the store lacks its facts. */
static int
account_rule_answer(struct tctx *t, const char *name)
{
	size_t	 i;

	for (i = 0; i < sizeof rules / sizeof rules[0]; i++)
		if (strcmp(rules[i].name, name) == 0) {
			if (!rule_facts(t, &rules[i]))
				return 0;
			dlg_jset_str(t->state, "account_topic", name);
			dlg_set_action(t, "policy_fact", "account question: "
			    "%s", name);
			return dlg_say(t, rules[i].tpl);
		}
	return 0;
}

/*
 * "What about STUDENT5?", "accessory20, what's the minimum", then "does
 * it expire": the code's terms.  A code that fails ("isn't working")
 * is the FAQ's: it says what to check.
 */
static int
coupon_answer(struct tctx *t)
{
	static const char *const trouble[] = { "not working", "isnt working",
	    "isn't working", "doesn't work", "doesnt work", "won't work",
	    "wont work", "invalid", "error", "rejected", "stack", "combine",
	    "gift card", "gift cards", NULL };
	static const char *const refer[] = { "it", "that", "this", "that one",
	    "this one", "that code", "this code", "both", "them", NULL };
	static const char *const again[] = { "minimum", "min", "expire",
	    "expires", "expiry", "valid", "until", "how much", "percent",
	    "conditions", "who can", "limit", "max", "maximum", NULL };
	cJSON		*arr, *c, *hit = NULL;
	const char	*code, *last = dlg_jstr(t->state, "account_topic");
	char		*low, *q;
	struct sbuf	 sb = SBUF_INIT;
	int		 named = 0;

	if ((arr = fact_json(t, "coupons", 0)) == NULL)
		return 0;
	cJSON_ArrayForEach(c, arr) {
		if ((code = dlg_jstr(c, "code")) == NULL)
			continue;
		low = xstrdup(code);
		for (q = low; *q != '\0'; q++)
			*q = (char)tolower((unsigned char)*q);
		if (dlg_has_word(t, low))
			named++;
		else if (kept(t, "coupon:") && strcmp(last + 7, code) == 0 &&
		    dlg_has_any(t, refer))
			named++;	/* "can I use it with WELCOME10" */
		if (hit == NULL && (dlg_has_word(t, low) ||
		    (kept(t, "coupon:") && strcmp(last + 7, code) == 0 &&
		    dlg_has_any(t, again) && words(t) <= 8)))
			hit = c;
		free(low);
	}
	/*
	 * Two of the store's codes in one message ("welcome10 together
	 * with student5", "student5 and then accessory20 on top"), or one
	 * beside "it" when another was just discussed, ask about using
	 * them together, whatever the words round them: the rule on
	 * stacking, not the first code's terms.
	 */
	if (named >= 2) {
		cJSON_Delete(arr);
		return account_rule_answer(t, "coupon_stack");
	}
	if (hit == NULL || dlg_has_any(t, trouble)) {
		cJSON_Delete(arr);
		/* "welcome10 says invalid": the FAQ says what to check. */
		return hit != NULL && dlg_has_any(t, trouble) &&
		    dlg_handle_kb(t, KB_STORE_KINDS, "faq_answer",
		    "faq_answer");
	}
	cJSON_Delete(fact_json(t, "coupons", 1));	/* now a source */
	slots_set(&t->slots, "code", dlg_jstr(hit, "code"));
	if (cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(hit,
	    "discount_percent")))
		sbuf_addf(&sb, "%g%%", dlg_jnum(hit, "discount_percent", 0));
	else if (cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(hit,
	    "discount_amount"))) {
		char *m = catalog_money(dlg_jnum(hit, "discount_amount", 0),
		    "USD");

		sbuf_adds(&sb, m);
		free(m);
	}
	if (sb.len > 0)
		slots_set(&t->slots, "discount", sb.buf);
	sbuf_release(&sb);
	slot_money(t, "max_discount", cJSON_GetObjectItemCaseSensitive(hit,
	    "max_discount"));
	slot_money(t, "min_order", cJSON_GetObjectItemCaseSensitive(hit,
	    "min_order"));
	slot_fact(t, "conditions", cJSON_GetObjectItemCaseSensitive(hit,
	    "conditions"));
	slot_fact(t, "expires", cJSON_GetObjectItemCaseSensitive(hit,
	    "expires"));
	low = xasprintf("coupon:%s", dlg_jstr(hit, "code"));
	dlg_jset_str(t->state, "account_topic", low);
	free(low);
	cJSON_Delete(arr);
	dlg_set_action(t, "policy_fact", "account question: a coupon's "
	    "terms");
	return dlg_say(t, "account_coupon");
}

/* The policy fact key as the text slot name; 0 when the store lacks it. */
static int
fact_slot_of(struct tctx *t, const char *key, const char *name)
{
	cJSON	*j = fact_json(t, key, 1);

	if (j == NULL)
		return 0;
	slot_fact(t, name, j);
	cJSON_Delete(j);
	return 1;
}

/* The plan's prices, tier by tier, as the slot "tiers". */
static void
tiers_slot(struct tctx *t, const cJSON *tiers)
{
	const cJSON	*it, *max;
	struct sbuf	 sb = SBUF_INIT;
	char		*lo, *hi, *two, *three;
	int		 i = 0, n = cJSON_GetArraySize(tiers);

	cJSON_ArrayForEach(it, tiers) {
		max = cJSON_GetObjectItemCaseSensitive(it, "max_price");
		lo = catalog_money(dlg_jnum(it, "min_price", 0), "USD");
		hi = cJSON_IsNumber(max) ? catalog_money(max->valuedouble,
		    "USD") : NULL;
		two = catalog_money(dlg_jnum(it, "two_year", 0), "USD");
		three = catalog_money(dlg_jnum(it, "three_year", 0), "USD");
		sbuf_addf(&sb, "%s%s %s%s: %s for 2 years, %s for 3",
		    i == 0 ? "" : i + 1 == n ? " and " : "; ",
		    hi != NULL ? lo : "from", hi != NULL ? "to " : lo,
		    hi != NULL ? hi : "", two, three);
		i++;
		free(lo);
		free(hi);
		free(two);
		free(three);
	}
	if (sb.len > 0)
		slots_set(&t->slots, "tiers", sb.buf);
	sbuf_release(&sb);
}

/* The Kestrel Protect tier for an item of price p, or NULL. */
static const cJSON *
protect_tier(const cJSON *tiers, double p)
{
	const cJSON	*it, *max;

	cJSON_ArrayForEach(it, tiers) {
		max = cJSON_GetObjectItemCaseSensitive(it, "max_price");
		if (p >= dlg_jnum(it, "min_price", 0) && (!cJSON_IsNumber(max) ||
		    p <= max->valuedouble))
			return it;
	}
	return NULL;
}

/* Is w said, as it is or as one or many ("battery", "batteries";
 * "pixels", "pixel")?  w is lower case. */
static int
word_forms_said(struct tctx *t, char *w)
{
	size_t	 len = strlen(w);
	char	*v;
	int	 said;

	if (dlg_has_word(t, w))
		return 1;
	if (w[len - 1] == 's') {
		w[len - 1] = '\0';
		said = dlg_has_word(t, w);
		w[len - 1] = 's';
		return said;
	}
	v = w[len - 1] == 'y' ? xasprintf("%.*sies", (int)len - 1, w) :
	    xasprintf("%ss", w);
	said = dlg_has_word(t, v);
	free(v);
	return said;
}

/*
 * How many words of one item of list fact key the message says, at
 * most ("if the battery goes bad": 1 of "battery holding less than 80%
 * of its original capacity").  Words of five letters or more: "less"
 * and "than" name no item.
 */
static int
fact_item_said(struct tctx *t, const char *key)
{
	struct text_token *tok = NULL;
	const cJSON	*it;
	cJSON		*f = fact_json(t, key, 0);
	char		*w;
	size_t		 cap = 0, n, i, k, len;
	int		 said, most = 0;

	if (!cJSON_IsArray(f)) {
		cJSON_Delete(f);
		return 0;
	}
	cJSON_ArrayForEach(it, f) {
		if (!cJSON_IsString(it))
			continue;
		n = text_tokenize(it->valuestring, strlen(it->valuestring),
		    &tok, &cap);
		for (i = 0, said = 0; i < n; i++) {
			len = tok[i].end - tok[i].start;
			if (len < 5 || !tok[i].has_alpha)
				continue;
			w = xstrndup(it->valuestring + tok[i].start, len);
			for (k = 0; w[k] != '\0'; k++)
				w[k] = (char)tolower((unsigned char)w[k]);
			said += word_forms_said(t, w);
			free(w);
		}
		if (said > most)
			most = said;
	}
	free(tok);
	cJSON_Delete(f);
	return most;
}

/*
 * A plan's cost asked of the product pointed at ("on it", "for this
 * one") with none named and no amount said: the plans of the product
 * in focus (else of the order in focus when it holds one item) at its
 * price, or its own warranty when it takes none.  1 when answered.
 */
static int
protect_of_focus(struct tctx *t)
{
	static const char *const pointer[] = { "it", "this", "that",
	    "this one", "that one", NULL };
	const char	*how = NULL, *sku;
	struct product	 p;
	cJSON		*items;
	int		 ok;

	if (dlg_first_entity(t, ENTITY_PRODUCT) != NULL)
		return 0;
	if ((sku = dlg_resolve_reference(t, &how)) == NULL &&
	    dlg_has_any(t, pointer)) {
		sku = dlg_focus_top(t, 0);
		/* No product in focus: the lone item of the order in focus. */
		items = dlg_jarr(t->state, "purchased");
		if (sku == NULL && dlg_order_focus(t) != NULL &&
		    cJSON_GetArraySize(items) == 1 &&
		    cJSON_IsString(cJSON_GetArrayItem(items, 0)))
			sku = cJSON_GetArrayItem(items, 0)->valuestring;
	}
	if (sku == NULL || !dlg_load_product(t, sku, &p))
		return 0;
	if (!(ok = dlg_warranty_plans(t, &p))) {
		dlg_product_slots(t, &p, "");
		dlg_cite(t, "product", p.sku, p.name,
		    "warranty,extended_warranty");
		dlg_set_action(t, "answer_warranty", "plan cost asked for %s, "
		    "which takes none", p.sku);
		ok = dlg_say(t, "warranty");
	}
	product_release(&p);
	return ok;
}

/*
 * The extended-warranty plan itself, named or just discussed: what it
 * does not cover ("does it cover me dropping it"), what it covers of
 * the items its facts list ("and if the battery dies?"), when it can still
 * be bought, its price for the amount said, or how it works.  A
 * product named is the offers' (its own plans).
 */
static int
protect_answer(struct tctx *t)
{
	static const char *const named[] = { "kestrel protect", "protect plan",
	    "protection plan", "protect", "extended warranty",
	    "extended warranties", NULL };
	static const char *const excluded[] = { "drop", "dropping", "dropped",
	    "drops", "spill", "spilled", "spills", "accident", "accidental",
	    "theft", "stolen", "lost", "lose", "cosmetic", "scratch",
	    "scratches", NULL };
	static const char *const later[] = { "later", "after", "not at "
	    "checkout", "afterwards", "when can i buy", "still buy", NULL };
	static const char *const cost[] = { "how much", "cost", "costs",
	    "price", "priced", "pricing", NULL };
	static const char *const again[] = { "cover", "covers", "covered",
	    "how much", "cost", "price", "cancel", "transfer", "claim",
	    NULL };
	cJSON		*f, *min;
	const cJSON	*tier;
	const char	*tpl;
	char		*m;
	double		 amt = amount_said(t);
	int		 topic = kept(t, "protect"), covered;

	if (dlg_first_entity(t, ENTITY_PRODUCT) != NULL ||
	    !(dlg_has_any(t, named) || (topic && (dlg_has_any(t, excluded) ||
	    dlg_has_any(t, later) || dlg_has_any(t, again) || amt >= 0 ||
	    fact_item_said(t, "covers") || fact_item_said(t, "excludes")))))
		return 0;
	if ((f = fact_json(t, "pricing_tiers", 1)) == NULL)
		return 0;
	/* "What would a protection plan on it cost": that product's band. */
	if (amt < 0 && dlg_has_any(t, cost) && protect_of_focus(t)) {
		cJSON_Delete(f);
		dlg_jset_str(t->state, "account_topic", "protect");
		return 1;
	}
	fact_slot_of(t, "plan_name", "plan");
	fact_slot_of(t, "covers", "covers");
	fact_slot_of(t, "excludes", "excludes");
	fact_slot_of(t, "purchase_window", "window");
	fact_slot_of(t, "term_starts", "term_starts");
	/* The list whose item the words say most of: "power surge
	 * damage" is covered, "cosmetic damage" not. */
	covered = fact_item_said(t, "covers");
	if (dlg_has_any(t, excluded) || (covered > 0 && fact_item_said(t,
	    "excludes") >= covered))
		tpl = "protect_excludes";
	else if (covered > 0)
		tpl = "protect_covers";	/* "and if the battery goes bad?" */
	else if (fact_item_said(t, "excludes") > 0)
		tpl = "protect_excludes";
	else if (dlg_has_any(t, later))
		tpl = "protect_window";
	else if (amt >= 0) {
		tpl = "protect_price";
		m = catalog_money(amt, "USD");
		slots_set(&t->slots, "amount", m);
		free(m);
		if ((tier = protect_tier(f, amt)) != NULL) {
			slot_money(t, "two_year",
			    cJSON_GetObjectItemCaseSensitive(tier, "two_year"));
			slot_money(t, "three_year",
			    cJSON_GetObjectItemCaseSensitive(tier,
			    "three_year"));
		} else if ((min = fact_json(t, "eligible_min_price", 1)) != NULL) {
			slot_money(t, "eligible_min", min);
			cJSON_Delete(min);
		}
	} else {
		tpl = "protect_how";
		tiers_slot(t, f);
	}
	cJSON_Delete(f);
	dlg_jset_str(t->state, "account_topic", "protect");
	dlg_set_action(t, "policy_fact", "account question: %s", tpl);
	return dlg_say(t, tpl);
}

/*
 * "APO address?", "do you ship to Canada?", "how much is next-day?",
 * "and standard, is it free?": where the store ships, and an option's
 * cost and time.  About the store's shipping, not one order's.
 */
static int
shipping_answer(struct tctx *t)
{
	static const struct {
		const char	*id;		/* shipping_options[].id */
		const char	*words[6];
	} options[] = {
		{ "next_day", { "next-day", "next day", "overnight",
		    "nextday", NULL } },
		{ "expedited", { "expedited", "2-day", "two day", "2 day",
		    "express", NULL } },
		{ "standard", { "standard", NULL } },
	};
	static const char *const military[] = { "apo", "fpo", "military",
	    "army base", NULL };
	static const char *const cost[] = { "how much", "cost", "costs",
	    "price", "fee", "free", "charge", "pay", NULL };
	cJSON		*f, *it;
	const char	*tpl = NULL, *id;
	size_t		 i;

	if (dlg_order_number(t) != NULL || dlg_has_word(t, "my order"))
		return 0;
	/* Abroad is the FAQ's ("do you ship to Canada?"); an APO address
	 * is abroad and still ours. */
	if (dlg_has_any(t, military)) {
		tpl = "shipping_apo";	/* the fact says which */
		if (!fact_slot_of(t, "ships_to", "ships_to"))
			return 0;
		dlg_jset_str(t->state, "account_topic", "shipping");
		dlg_set_action(t, "policy_fact", "account question: %s", tpl);
		return dlg_say(t, tpl);
	}
	/* "Do you deliver to Manaus?": where we ship, whatever the place. */
	if (dlg_ship_destination(t) && (f = fact_json(t,
	    "international_shipping", 1)) != NULL) {
		/* A yes/no fact reads back as true/false or 1/0. */
		if (cJSON_IsBool(f) || cJSON_IsNumber(f))
			slots_set(&t->slots, "abroad", cJSON_IsTrue(f) ||
			    (cJSON_IsNumber(f) && f->valuedouble != 0) ?
			    "yes" : "no");
		cJSON_Delete(f);
		tpl = "shipping_where";
		if (!fact_slot_of(t, "ships_to", "ships_to"))
			return 0;
		dlg_jset_str(t->state, "account_topic", "shipping");
		dlg_set_action(t, "policy_fact", "account question: %s", tpl);
		return dlg_say(t, tpl);
	}
	for (i = 0; i < sizeof options / sizeof options[0]; i++)
		if (dlg_has_any(t, options[i].words))
			break;
	if (i == sizeof options / sizeof options[0] || !(dlg_has_any(t,
	    cost) || (kept(t, "shipping") && words(t) <= 6)) ||
	    (f = fact_json(t, "shipping_options", 1)) == NULL)
		return 0;
	cJSON_ArrayForEach(it, f)
		if ((id = dlg_jstr(it, "id")) != NULL && strcmp(id,
		    options[i].id) == 0)
			break;
	if (it == NULL) {
		cJSON_Delete(f);
		return 0;
	}
	slot_fact(t, "option", cJSON_GetObjectItemCaseSensitive(it, "name"));
	slot_money(t, "cost", cJSON_GetObjectItemCaseSensitive(it, "cost"));
	slot_fact(t, "days", cJSON_GetObjectItemCaseSensitive(it,
	    "business_days"));
	slot_fact(t, "order_by", cJSON_GetObjectItemCaseSensitive(it,
	    "order_by"));
	slot_fact(t, "carriers", cJSON_GetObjectItemCaseSensitive(it,
	    "carriers"));
	if (cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(it,
	    "cost_over_threshold"))) {
		cJSON *th = fact_json(t, "free_shipping_threshold", 1);

		slot_money(t, "free_over", th);
		cJSON_Delete(th);
	}
	cJSON_Delete(f);
	dlg_jset_str(t->state, "account_topic", "shipping");
	dlg_set_action(t, "policy_fact", "account question: shipping option "
	    "%s", options[i].id);
	return dlg_say(t, "shipping_option");
}

/*
 * "Can I get 0% financing on a $700 TV?": the financing facts, and for
 * an amount said whether it qualifies for financing and for 0% APR.
 */
static int
financing_answer(struct tctx *t)
{
	static const char *const asks[] = { "financing", "finance",
	    "affirm", "0%", "0 %", "zero percent", "apr", "monthly payments",
	    "pay monthly", "installments", "instalments", "pay over time",
	    "payment plan", NULL };
	cJSON		*f;
	double		 amt = amount_said(t), min, zero;

	if (!dlg_has_any(t, asks) || (f = fact_json(t, "financing", 1)) == NULL)
		return 0;
	if (!cJSON_IsObject(f) || dlg_jstr(f, "provider") == NULL) {
		cJSON_Delete(f);
		return 0;
	}
	slots_set(&t->slots, "provider", dlg_jstr(f, "provider"));
	slot_money(t, "min_order", cJSON_GetObjectItemCaseSensitive(f,
	    "min_order"));
	slot_money(t, "zero_min", cJSON_GetObjectItemCaseSensitive(f,
	    "zero_apr_min_order"));
	slots_setf(&t->slots, "zero_months", "%g", dlg_jnum(f,
	    "zero_apr_months", 0));
	min = dlg_jnum(f, "min_order", 0);
	zero = dlg_jnum(f, "zero_apr_min_order", -1);
	if (amt >= 0) {
		char *m = catalog_money(amt, "USD");

		slots_set(&t->slots, "amount", m);
		free(m);
		slots_set(&t->slots, "qualifies", zero >= 0 && amt >= zero ?
		    "zero" : amt >= min ? "financing" : "no");
	}
	cJSON_Delete(f);
	dlg_jset_str(t->state, "account_topic", "financing");
	dlg_set_action(t, "policy_fact", "account question: financing");
	return dlg_say(t, "account_financing");
}

/*
 * The policy's step for account and payment questions a policy fact
 * answers.  1 when that was the turn.
 */
int
dlg_account_question(struct tctx *t)
{
	const char	*last = dlg_jstr(t->state, "account_topic");
	const struct account_rule *r;
	size_t		 i;

	for (i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		r = &rules[i];
		if (!(says(t, r->any, RULE_WORDS) && says(t, r->with,
		    RULE_WORDS)) && !(last != NULL && strcmp(last,
		    r->name) == 0 && says(t, r->again, RULE_WORDS)))
			continue;
		/* "Do Xbox gift cards expire": a card named has its own
		 * terms, not the store's cards'. */
		if (strcmp(r->name, "gift_card_expiry") == 0 &&
		    dlg_count_entities(t, ENTITY_PRODUCT) > 0)
			continue;
		if (!rule_facts(t, r))
			continue;
		dlg_jset_str(t->state, "account_topic", r->name);
		dlg_set_action(t, "policy_fact", "account question: %s",
		    r->name);
		if (!dlg_say(t, r->tpl))
			continue;
		return 1;
	}
	if (coupon_answer(t) || protect_answer(t) || shipping_answer(t) ||
	    financing_answer(t))
		return 1;
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "account_topic");
	return 0;
}

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

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

#define RULE_WORDS	12
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
	    "too short", "how many" }, { NULL },
	    { "password_min_length" }, "account_password_length" },
	{ "lockout", { "locked", "locked out", "lockout" }, { "account",
	    "log in", "login", "sign in", "it says", "my" }, { NULL },
	    { "lockout_after_failed_attempts", "lockout_minutes" },
	    "account_lockout" },
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
	    "these chats", "conversations with" }, { "", NULL }, { NULL },
	    { "chat_transcript_retention_days" }, "account_chats" },
	{ "coupon_stack", { "stack", "combine", "both codes", "two codes",
	    "two coupons", "multiple codes", "more than one code",
	    "more than one coupon" }, { "", NULL }, { NULL },
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
		if (!rule_facts(t, r))
			continue;
		dlg_jset_str(t->state, "account_topic", r->name);
		dlg_set_action(t, "policy_fact", "account question: %s",
		    r->name);
		if (!dlg_say(t, r->tpl))
			continue;
		return 1;
	}
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "account_topic");
	return 0;
}

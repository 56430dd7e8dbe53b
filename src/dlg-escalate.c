/*
 * dlg-escalate.c: fallbacks, feelings and the hand-over to a person.
 * Three fallbacks in a row, a second clearly upset turn or a request
 * for a person escalate; the customer hears once that a person will
 * join, never the internal reason.  A question about the bot gets an
 * honest answer, and small talk never counts toward a hand-over.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "desk.h"
#include "store.h"
#include "dlg-int.h"

/* Asking what the bot is: "are you a bot?", "is this a real person?". */
static const char *const bot_asks[] = { "are you", "r u", "you are",
	"is this", "am i talking", "am i chatting", "am i speaking", NULL };
static const char *const bot_words[] = { "bot", "robot", "chatbot", "ai",
	"automated", "machine", "human", "real person", "computer", NULL };

/* A person named as the one to talk to: "let me talk to a supervisor". */
static const char *const person_words[] = { "supervisor", "manager",
	"human", "real person", "agent", "representative", NULL };
static const char *const person_verbs[] = { "talk", "speak", "want",
	"need", "get", "transfer", "connect", NULL };

/* The session waits for a person (escalated, no agent yet). */
int
dlg_waiting(const struct tctx *t)
{
	return strcmp(t->si.status, "escalated") == 0;
}

/*
 * The expected wait as the slot "wait" ("about 12 minutes") when the
 * desk's recent past backs one (desk_wait_estimate); no slot, and so
 * no number in the reply, otherwise.
 */
static void
wait_slot(struct tctx *t)
{
	struct sd_error	 err = SD_ERROR_INIT;
	long		 min = 0;

	dlg_retrieve_begin(t);
	if (desk_wait_estimate(t->st, t->si.id, &min, &err) != SD_OK) {
		cJSON_AddStringToObject(t->trace, "error", sd_error_msg(&err));
		min = 0;
	}
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	dlg_jset_num(t->trace, "wait_minutes", (double)min);
	/* In the state, the number told is backed for the fact-check. */
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "wait_minutes");
	if (min > 0) {
		dlg_jset_num(t->state, "wait_minutes", (double)min);
		slots_setf(&t->slots, "wait", "about %ld minute%s", min,
		    min == 1 ? "" : "s");
	}
}

/* Hand the session to a person for reason (shown to agents only). */
void
dlg_escalate(struct tctx *t, const char *reason)
{
	t->escalate = 1;
	free(t->escalate_reason);
	t->escalate_reason = xstrdup(reason);
	wait_slot(t);
	slots_set(&t->slots, "reason", reason);
	dlg_set_action(t, "escalate", "%s", reason);
	/* The customer hears once that a person will join; the reason is
	 * for the agent (the trace and the session), never the reply. */
	dlg_say(t, dlg_waiting(t) ? "escalate_waiting" : "escalate");
}

void
dlg_fallback(struct tctx *t, const char *why)
{
	int	 n = (int)dlg_jnum(t->state, "fallbacks", 0) + 1;

	t->fallback = 1;
	if (dlg_waiting(t)) {
		/* A person is on the way: say so, not "I can't help". */
		dlg_set_action(t, "escalation_wait", "%s, while waiting for "
		    "an agent", why);
		wait_slot(t);
		dlg_say(t, "escalate_waiting");
		return;
	}
	dlg_jset_num(t->state, "fallbacks", n);
	if (n >= FALLBACKS_MAX) {
		dlg_escalate(t, "repeated fallbacks");
		return;
	}
	dlg_set_action(t, "fallback", "%s", why);
	dlg_say(t, n == 1 ? "fallback" : "fallback_again");
}

/* Small talk: greetings, thanks, "yes"/"no"; never a reason to escalate. */
int
dlg_small_talk(const struct tctx *t)
{
	static const char *const names[] = { "greeting", "goodbye",
	    "thanks", "affirm", "deny", NULL };
	const char *const *n;

	for (n = names; *n != NULL; n++)
		if (strcmp(t->intent, *n) == 0)
			return 1;
	return 0;
}

/*
 * "What's your name?", "who am I talking to?": a short question about
 * whom the customer talks with (a longer one asks something else:
 * "who are you shipping with").
 */
#define WHO_WORDS	6

static int
asks_who(struct tctx *t)
{
	static const char *const who[] = { "your name", "who are you",
	    "who r u", "what are you", "who am i talking to",
	    "who am i chatting with", "who is this", "who's this",
	    "whos this", NULL };
	struct text_token *tok = NULL;
	size_t		 cap = 0, n;

	if (!dlg_has_any(t, who))
		return 0;
	n = text_tokenize(t->text, t->len, &tok, &cap);
	free(tok);
	return n <= WHO_WORDS;
}

/*
 * "Are you a bot?": an honest answer (an automated assistant), which is
 * neither a fallback nor an escalation.  1 when that was the turn.
 */
int
dlg_about_bot(struct tctx *t)
{
	if ((!dlg_has_any(t, bot_asks) || !dlg_has_any(t, bot_words) ||
	    dlg_has_any(t, person_verbs)) && !asks_who(t))
		return 0;
	dlg_set_action(t, "about_bot", "a question about the assistant");
	dlg_say(t, "about_bot");
	return 1;
}

/*
 * The customer asks for a person, whatever the classifier made of it:
 * a person named with a verb ("get me a manager"), or by an upset
 * customer ("HUMAN. now", whatever intent it was read as).
 */
int
dlg_asks_person(struct tctx *t, int upset)
{
	/* A guess at the intent is no request: "does someone have to
	 * sign for it?" read as one at 0.30; nor is someone to be home
	 * for a delivery ("does someone need to be home when it comes"),
	 * however sure the classifier. */
	return (strcmp(t->intent, "contact_human_agent") == 0 &&
	    t->e->ir.verdict == INTENT_OK && !(dlg_order_topic(t) ==
	    ORDQ_SIGN && !dlg_has_any(t, person_words))) ||
	    (dlg_has_any(t, person_words) && (upset ||
	    dlg_has_any(t, person_verbs)));
}

/*
 * The reply so far after an apology (template tpl: "apology" offers a
 * person, "apology_short" does not); the tables in it move along.
 */
void
dlg_apologise(struct tctx *t, const char *tpl)
{
	struct sbuf	 rest = SBUF_INIT;
	const char	*used = t->template_used;
	size_t		 i, shift;

	sbuf_add(&rest, t->reply.buf, t->reply.len);
	sbuf_reset(&t->reply);
	if (!dlg_say(t, tpl)) {
		sbuf_add(&t->reply, rest.buf, rest.len);
		sbuf_release(&rest);
		return;
	}
	dlg_jset_str(t->trace, "apology", t->template_used);
	if (used != NULL)
		t->template_used = used;
	if (rest.len > 0)
		sbuf_adds(&t->reply, " ");
	shift = t->reply.len;
	sbuf_add(&t->reply, rest.buf, rest.len);
	for (i = 0; i < t->ntables; i++)
		if (t->tables[i].len > 0)
			t->tables[i].at += shift;
	sbuf_release(&rest);
}

/* Did the turn so far answer the customer (no fallback, no question
 * back, no hand-over yet)? */
int
dlg_turn_answered(const struct tctx *t)
{
	return !t->fallback && !t->escalate && t->action != NULL &&
	    strcmp(t->action, "clarify") != 0 &&
	    strcmp(t->action, "kb_unsure") != 0;
}

/*
 * A second clearly upset turn: a person is brought in, and a question
 * the turn asked still gets its answer ("wtf, the screen went black"):
 * an apology, the answer, then the hand-over.  Without an answer (a
 * fallback, a clarifying question), the apology and the hand-over.
 */
void
dlg_upset_again(struct tctx *t)
{
	if (!dlg_turn_answered(t)) {
		sbuf_reset(&t->reply);
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		dlg_say(t, "apology_short");
	} else
		dlg_apologise(t, "apology_short");
	dlg_escalate(t, "the customer is upset again");
}


/*
 * "How long do I have to wait?" while a person is on the way: the wait
 * where the desk backs one, else that they join as soon as one is free,
 * never a made-up number.  "How long" alone asks it too, unless the
 * conversation was about a refund or a return, whose timing it asks.
 * 1 when that was the turn.
 */
int
dlg_wait_question(struct tctx *t)
{
	static const char *const wait_words[] = { "wait", "waiting",
	    "queue", "how much longer", "how long until someone",
	    "how long till someone", "when will someone", "anyone there",
	    "still there", NULL };
	static const char *const how_long[] = { "how long", NULL };
	struct text_token *tok = NULL;
	size_t		 cap = 0, n;
	int		 topic = (int)dlg_jnum(t->state, "order_topic", 0);

	/* "While I wait, what's in my cart": a request meanwhile. */
	static const char *const meanwhile[] = { "while i wait",
	    "while im waiting", "while i'm waiting", "while waiting",
	    "in the meantime", "meanwhile", NULL };

	if (!dlg_waiting(t) || dlg_has_any(t, meanwhile))
		return 0;
	n = text_tokenize(t->text, t->len, &tok, &cap);
	free(tok);
	if (!dlg_has_any(t, wait_words) && !(dlg_has_any(t, how_long) &&
	    n <= 3 && topic != ORDQ_REFUND && topic != ORDQ_RETURN &&
	    topic != ORDQ_FEE))
		return 0;
	wait_slot(t);
	dlg_set_action(t, "escalation_wait", "asked how long the wait is");
	dlg_say(t, slots_get(&t->slots, "wait") != NULL ? "escalate_waiting" :
	    "escalate_wait_unknown");
	return 1;
}

/*
 * Small talk while a person is on the way: "hello?" hears that the
 * person will join (with the wait where known), thanks or "ok" only a
 * word: the customer was told once, and the bot neither greets nor
 * chats meanwhile.
 */
void
dlg_waiting_reply(struct tctx *t, int brief)
{
	if (brief) {
		dlg_say(t, "escalate_noted");
		return;
	}
	wait_slot(t);
	dlg_say(t, "escalate_waiting");
}

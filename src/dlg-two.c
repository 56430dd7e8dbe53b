/*
 * dlg-two.c: two requests in one message ("great, put it in my cart.
 * is there a coupon for accessories?").  The customer split them into
 * sentences; when each sentence is a request about the store, each is
 * understood and acted on by itself, in order, and the answers make
 * one reply.  Feelings, escalation and the apology belong to the whole
 * message: they are weighed once, with the first request.
 *
 * A sentence is a request when it asks (it ends with "?") or opens with
 * a request ("add", "can you", "I want"...) once a leading "great," or
 * "ok" is set aside, and the classifier finds it about the store.  Two
 * requests may share a sentence, joined by "and" ("where's my order and
 * can I pay by PayPal"): then the classifier must find each a clear
 * request of its own intent.  A
 * sentence of background ("I bought a laptop last week.") is neither,
 * so "... It won't turn on" stays one question.  The trace's "requests"
 * lists the parts, their intents and actions.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

#define TWO_MIN_WORDS	3	/* words of each request, at least */

/* Words a customer opens a sentence with before the request itself. */
static const char *const lead_words[] = { "great", "ok", "okay", "cool",
	"nice", "perfect", "awesome", "thanks", "thank", "you", "yes", "yeah",
	"yep", "sure", "alright", "and", "also", "oh", "then", "so", "btw",
	"please", "pls", "hi", "hey", "hello", "fine", "good", NULL };

/* Openings of a request ("add it", "can you", "how do I"). */
static const char *const request_opens[] = { "add", "put", "remove",
	"delete", "cancel", "track", "show", "send", "change", "return",
	"check", "buy", "order", "get", "find", "compare", "tell", "give",
	"list", "take", "can", "could", "would", "will", "do", "does", "is",
	"are", "how", "what", "whats", "when", "where", "which", "who",
	"why", "i want", "i'd like", "id like", "i need", "i wanna", NULL };

static size_t
count_words(const char *s, size_t n)
{
	size_t	 i, words = 0;

	for (i = 0; i < n; i++)
		words += isalnum((unsigned char)s[i]) && (i + 1 == n ||
		    !isalnum((unsigned char)s[i + 1]));
	return words;
}

/* The length of word w at s (folded) when s opens with it, else 0. */
static size_t
opens_with(const char *s, size_t n, const char *w)
{
	size_t	 len = strlen(w);

	if (len > n || strncmp(s, w, len) != 0)
		return 0;
	if (len < n && isalnum((unsigned char)s[len]))
		return 0;
	return len;
}

/* Is s[0..n) (folded) a request, as the top of the file says? */
static int
is_request(const char *s, size_t n)
{
	size_t	 i, len;
	int	 more = 1;

	while (n > 0 && !isalnum((unsigned char)s[n - 1]) && s[n - 1] != '?')
		n--;
	if (n > 0 && s[n - 1] == '?')
		return 1;
	while (more) {
		more = 0;
		while (n > 0 && !isalnum((unsigned char)*s)) {
			s++;
			n--;
		}
		for (i = 0; lead_words[i] != NULL && !more; i++)
			if ((len = opens_with(s, n, lead_words[i])) > 0) {
				s += len;
				n -= len;
				more = 1;
			}
	}
	for (i = 0; request_opens[i] != NULL; i++)
		if (opens_with(s, n, request_opens[i]) > 0)
			return 1;
	return 0;
}

/*
 * Where the second request starts in the folded text: after the first
 * ". ", "? " or "! " that splits it into two requests; 0 when none does.
 * *joined: the two were joined by a word ("and"), which a single
 * request uses too, so the classifier must tell them apart.
 */
static size_t
split_point(const char *s, size_t n, int *joined)
{
	size_t	 i, j;

	*joined = 0;
	for (i = 1; i + 1 < n; i++) {
		if ((s[i] != '.' && s[i] != '?' && s[i] != '!') ||
		    s[i + 1] != ' ')
			continue;
		for (j = i + 1; j < n && s[j] == ' '; j++)
			;
		if (count_words(s, i + 1) >= TWO_MIN_WORDS &&
		    count_words(s + j, n - j) >= TWO_MIN_WORDS &&
		    is_request(s, i + 1) && is_request(s + j, n - j))
			return j;
		return 0;	/* the first sentence decides */
	}
	/*
	 * "i want the ps5 and also what's your return policy": a request,
	 * "and", a request.  "The ps5 and the xbox" joins no requests.
	 */
	for (i = 1; i + 5 < n; i++) {
		if (strncmp(s + i, " and ", 5) != 0)
			continue;
		j = i + 5;
		if (count_words(s, i) >= TWO_MIN_WORDS &&
		    count_words(s + j, n - j) >= TWO_MIN_WORDS &&
		    is_request(s, i) && is_request(s + j, n - j)) {
			*joined = 1;
			return j;
		}
	}
	return 0;
}

/* Words that point at a product or order of the conversation. */
static const char *const pointers[] = { "it", "its", "it's", "this",
	"that", "these", "those", "them", "they", "one", "my", NULL };

/* Does text point back at something ("when do you charge it")? */
static int
points_back(const char *text, size_t len)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	size_t		 i;
	int		 found = 0;

	text_fold(text, len, &f);
	for (i = 0; pointers[i] != NULL && !found; i++)
		found = dlg_word_in(f.s.buf, pointers[i], strlen(pointers[i]));
	text_folded_release(&f);
	return found;
}

/*
 * Is text a question about the store itself: one the FAQ and policies
 * answer by its intent, or one that names and points at no product,
 * kind or order ("do you price match", read as a question of prices)?
 */
/* Does text name a product, kind, brand or order? */
static int
names_thing(struct tctx *t, const char *text, size_t len)
{
	struct entity_list el = ENTITY_LIST_INIT;
	size_t		 i;
	int		 named = 0;

	entity_extract(t->e->gz, text, len, &el);
	for (i = 0; i < el.n; i++)
		named += el.v[i].type == ENTITY_PRODUCT ||
		    el.v[i].type == ENTITY_ORDER_ID ||
		    el.v[i].type == ENTITY_CATEGORY ||
		    el.v[i].type == ENTITY_BRAND;
	entity_list_release(&el);
	return named > 0;
}

/* Does the message name a product before byte at by a word placed in
 * its context ("ok then the 8a. add to cart", dlg-modelword.c)? */
static int
named_in_context(struct tctx *t, size_t at)
{
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].extractor == EXTRACTOR_CONTEXT &&
		    t->e->el.v[i].end <= at)
			return 1;
	return 0;
}

static int
store_part(struct tctx *t, const char *text, size_t len,
    const struct intent_result *r)
{
	if (dlg_store_intent(t, r->id))
		return 1;
	if (dlg_flags_of(t, r->id) & ACT_FORM)
		return 0;
	return !names_thing(t, text, len) && !points_back(text, len);
}

/*
 * Two requests joined by "and" are two when the classifier reads each
 * as a clear request about the store, of different intents, one of
 * them a question about the store itself (store_part: "... and do you
 * take paypal"): two answers about products or orders in one reply
 * ("return the mouse and get the keyboard") could each be about
 * another thing than the one "and" ties them to.
 */
static int
two_intents(struct tctx *t, const char *a, size_t alen, const char *b,
    size_t blen)
{
	struct intent_result ra = INTENT_RESULT_INIT, rb = INTENT_RESULT_INIT;
	int		 ok, sa;

	intent_classify(t->e->im, a, alen, &ra);
	intent_classify(t->e->im, b, blen, &rb);
	sa = store_part(t, a, alen, &ra);
	/* "What's a restocking fee and when do you charge it": the second
	 * asks more of the first's topic, one request. */
	ok = ra.verdict == INTENT_OK && rb.verdict == INTENT_OK &&
	    ra.id != rb.id && ra.id != intent_oos_id() &&
	    rb.id != intent_oos_id() && (sa || store_part(t, b, blen,
	    &rb)) && !(sa && points_back(b, blen) &&
	    !names_thing(t, b, blen));
	intent_result_release(&ra);
	intent_result_release(&rb);
	return ok;
}

/* Understand text[0..len) as the turn's message. */
static void
understand_part(struct tctx *t, const char *text, size_t len)
{
	struct engine	*e = t->e;

	t->text = text;
	t->len = len;
	text_folded_release(&t->fold);
	t->fold = (struct text_folded)TEXT_FOLDED_INIT;
	text_fold(text, len, &t->fold);
	intent_classify(e->im, text, len, &e->ir);
	entity_extract(e->gz, text, len, &e->el);
	dlg_model_words(t);
	dlg_month_not_brand(t);
	dlg_set_intent(t, intent_names(NULL)[e->ir.id]);
	t->confidence = e->ir.confidence;
}

static void
trace_part(struct tctx *t, cJSON *parts, const char *text, size_t len)
{
	cJSON		*o = cJSON_CreateObject();
	struct sbuf	 b = SBUF_INIT;

	sbuf_add(&b, text, len);
	cJSON_AddStringToObject(o, "text", b.buf);
	sbuf_release(&b);
	cJSON_AddStringToObject(o, "intent", t->intent);
	cJSON_AddStringToObject(o, "verdict",
	    intent_verdict_name(t->e->ir.verdict));
	cJSON_AddStringToObject(o, "action", t->action != NULL ? t->action :
	    "none");
	cJSON_AddItemToArray(parts, o);
}

/*
 * A yes, a no or an ok with something after it ("fine. do i get the
 * whole amount back", "no i mean when does it get here", "I NEVER GOT
 * ANY LABEL", "i dont have time for this. just say if it shipped"): the
 * classifier reads the whole as an answer, a goodbye or nothing, yet
 * the rest is the turn.  A message is a bare answer only when every word
 * is one an answer uses (dlg_bare_answer); otherwise the rest is read
 * alone: the words after the leading yes or no, or a later sentence,
 * when the classifier finds a clear request in it.  Failing that, the
 * words say what: an order topic ("shipped", "refund") is that order's
 * question, and "never got" or "didn't receive" is a complaint about
 * the order in focus, never a "no".
 */

/* Answer words that open a message before what it says. */
static const char *const ack_leads[] = { "yes", "yeah", "yep", "yup",
	"sure", "ok", "okay", "k", "alright", "fine", "no", "nope", "nah",
	"whatever", "hmm", "hm", "ugh", "never mind", "nevermind", "nvm",
	"forget it", NULL };
/* Words that may follow them ("no i mean", "yes but"); alone they
 * open many a follow-up ("and an msi katana?"). */
static const char *const ack_links[] = { "and", "but", "so", "then",
	"i mean", "please", "actually", "well", "wait", "thanks",
	"thank you", "great", "cool", "right", NULL };

/* Not having got something: a complaint, not a "no". */
static const char *const not_got[] = { "never got", "never received",
	"never came", "never arrived", "never showed", "never sent",
	"didn't get", "didnt get", "did not get", "didn't receive",
	"didnt receive", "did not receive", "haven't got", "havent got",
	"haven't received", "havent received", "have not received",
	"not received", "nobody sent", "no one sent", "didn't send",
	"didnt send", "still no", "still haven't", "still havent", NULL };

/* Readings that take a message for an answer or small talk. */
static int
answer_reading(int id)
{
	static const char *const names[] = { "affirm", "deny", "goodbye",
	    "thanks", "greeting", NULL };
	const char *const *n;

	for (n = names; *n != NULL; n++)
		if (id == intent_id(*n))
			return 1;
	return id == intent_oos_id();
}

/* Bytes of the yes, no and ok words that open s[0..n), with the
 * punctuation after them. */
/* The length of a word of list at s[0..n) (not "no" of "nobody"). */
static size_t
word_of(const char *s, size_t n, const char *const *list)
{
	size_t	 len;

	for (; *list != NULL; list++) {
		len = strlen(*list);
		if (len <= n && strncasecmp(s, *list, len) == 0 &&
		    (len == n || (!isalnum((unsigned char)s[len]) &&
		    s[len] != '\'')))
			return len;
	}
	return 0;
}

size_t
dlg_lead_len(const char *s, size_t n)
{
	size_t	 at = 0, skip = 0, len;
	int	 seen = 0;

	for (;;) {
		while (skip < n && !isalnum((unsigned char)s[skip]))
			skip++;
		if ((len = word_of(s + skip, n - skip, ack_leads)) == 0 &&
		    (!seen || (len = word_of(s + skip, n - skip,
		    ack_links)) == 0))
			break;
		/* Past one answer word, the links too. */
		seen = 1;
		at = skip = skip + len;
	}
	/* The punctuation after them too. */
	while (seen && at < n && !isalnum((unsigned char)s[at]))
		at++;
	return at;
}

/* Classify text[0..len): a request, not an answer (clearly one unless
 * unsure is enough)?  Its intent id, else -1. */
static int
clear_request(struct tctx *t, const char *text, size_t len, int unsure)
{
	struct intent_result r = INTENT_RESULT_INIT;
	int		 id = -1;

	if (count_words(text, len) == 0)
		return -1;
	intent_classify(t->e->im, text, len, &r);
	if ((r.verdict == INTENT_OK || (unsure && r.verdict ==
	    INTENT_AMBIGUOUS)) && !answer_reading(r.id))
		id = r.id;
	intent_result_release(&r);
	return id;
}

/* Does text[0..len) point at one product ("the cheaper one")? */
static int
chooses(const char *text, size_t len)
{
	static const char *const ones[] = { "one", "ones", "them", "those",
	    "these", "they", NULL };
	struct text_folded f = TEXT_FOLDED_INIT;
	size_t		 i;
	int		 found = 0;

	text_fold(text, len, &f);
	for (i = 0; ones[i] != NULL && !found; i++)
		found = dlg_word_in(f.s.buf, ones[i], strlen(ones[i]));
	for (i = 0; dlg_ordinals[i] != NULL && !found; i++)
		found = dlg_word_in(f.s.buf, dlg_ordinals[i],
		    strlen(dlg_ordinals[i]));
	text_folded_release(&f);
	return found;
}

/*
 * Where the content of the message starts: after its leading yes or
 * no, or at a later sentence; *len its length.  (size_t)-1 when no part
 * reads as a clear request.
 */
static size_t
content_part(struct tctx *t, size_t *plen)
{
	const char	*s = t->text;
	size_t		 n = t->len, at, i;

	/* "Fine the seagate" takes one: the rest must ask on its own. */
	if ((at = dlg_lead_len(s, n)) > 0 && at < n && is_request(t->fold.s.buf +
	    (t->fold.s.len == n ? at : 0), t->fold.s.len == n ? n - at :
	    t->fold.s.len) && clear_request(t, s + at, n - at, 1) >= 0) {
		*plen = n - at;
		return at;
	}
	for (i = 1; i + 1 < n; i++) {
		if ((s[i] != '.' && s[i] != '!' && s[i] != '?') ||
		    s[i + 1] != ' ')
			continue;
		/* "Ok charge 5 it is. add it", "I'll take the cheaper one.
		 * add it": the sentence before says what, keep it. */
		if (names_thing(t, s, i) || chooses(s, i) ||
		    named_in_context(t, i))
			break;
		for (at = i + 1; at < n && s[at] == ' '; at++)
			;
		if (at < n && clear_request(t, s + at, n - at, 0) >= 0) {
			*plen = n - at;
			return at;
		}
	}
	return (size_t)-1;
}

/* Act on the message as intent name instead of the answer read. */
static void
read_as(struct tctx *t, const char *name, const char *why)
{
	cJSON	*o = cJSON_AddObjectToObject(t->trace, "turn_kind");

	cJSON_AddStringToObject(o, "read", t->intent);
	cJSON_AddStringToObject(o, "as", name);
	cJSON_AddStringToObject(o, "why", why);
	dlg_set_intent(t, name);
	t->e->ir.id = t->intent_id;
	t->e->ir.verdict = INTENT_OK;
	dlg_policy(t, &t->e->ir);
}

/* The message is more than an answer: its content acted on.  1 when
 * that was the turn. */
static int
content_turn(struct tctx *t)
{
	const char	*text = t->text;
	size_t		 len = t->len, at, plen = 0;
	struct text_folded whole = t->fold;
	enum dlg_order_topic topic;
	cJSON		*o;

	if (dlg_waiting(t) || !(answer_reading(t->e->ir.id) ||
	    (t->e->ir.verdict != INTENT_OK && dlg_lead_len(text, len) > 0)) ||
	    dlg_bare_answer(t))
		return 0;
	if ((at = content_part(t, &plen)) != (size_t)-1) {
		o = cJSON_AddObjectToObject(t->trace, "turn_kind");
		cJSON_AddStringToObject(o, "read", t->intent);
		t->fold = (struct text_folded)TEXT_FOLDED_INIT;
		understand_part(t, text + at, plen);
		cJSON_AddStringToObject(o, "as", t->intent);
		cJSON_AddStringToObject(o, "why", "a request after an answer "
		    "word");
		cJSON_AddStringToObject(o, "part", t->text);
		dlg_policy(t, &t->e->ir);
		text_folded_release(&t->fold);
		t->fold = whole;
		t->text = text;
		t->len = len;
		return 1;
	}
	if (dlg_has_any(t, not_got)) {
		read_as(t, dlg_order_focus(t) != NULL ? "track_order" :
		    "complaint", "something not received is a complaint");
		return 1;
	}
	/* Words of an order question settle it only for a visitor, who is
	 * asked to sign in: with orders of their own, which one is meant
	 * is for the order questions to find (dlg-orderq.c). */
	dlg_load_customer(t);
	if (!t->have_cust && (topic = dlg_order_topic(t)) != ORDQ_NONE) {
		read_as(t, dlg_order_topic_form(topic), "words of an order "
		    "question");
		return 1;
	}
	return 0;
}

/*
 * Two requests in the message: each understood and acted on in turn
 * (the engine's intent and entities are the second's afterwards).  0
 * when the message is one request, for dlg_policy.
 */
int
dlg_two_requests(struct tctx *t)
{
	const char	*text = t->text;
	size_t		 len = t->len, at, i;
	struct text_folded whole = t->fold;
	struct sbuf	 first = SBUF_INIT;
	struct sbuf	 reason1 = SBUF_INIT;
	const char	*act1;
	cJSON		*parts, *pending;
	size_t		 mark;
	int		 joined;

	if (content_turn(t))
		return 1;
	if (t->fold.s.buf == NULL || t->fold.s.len != len ||
	    (at = split_point(t->fold.s.buf, t->fold.s.len, &joined)) == 0)
		return 0;	/* folding changed the offsets: one request */
	for (i = joined ? at - 5 : at; i > 0 && (text[i - 1] == ' '); i--)
		;
	if (joined && (dlg_small_talk(t) || !two_intents(t, text, i,
	    text + at, len - at)))
		return 0;
	sbuf_add(&first, text, i);
	t->fold = (struct text_folded)TEXT_FOLDED_INIT;
	understand_part(t, first.buf, first.len);
	parts = cJSON_AddArrayToObject(t->trace, "requests");
	dlg_policy(t, &t->e->ir);
	trace_part(t, parts, first.buf, first.len);
	if (t->escalate || t->fallback) {
		/* A person is coming, or the first part was not understood:
		 * the second is answered alone (or by the person). */
		if (t->escalate)
			goto out;
		sbuf_reset(&t->reply);
		t->fallback = 0;
	}
	/* Its question waits while the second request is answered. */
	pending = cJSON_DetachItemFromObjectCaseSensitive(t->state,
	    "pending");
	mark = t->reply.len;
	act1 = t->action;
	sbuf_add(&reason1, t->reason.buf, t->reason.len);
	understand_part(t, text + at, len - at);
	dlg_policy_more(t, &t->e->ir);
	trace_part(t, parts, text + at, len - at);
	if (act1 != NULL && mark > 0) {
		/* The turn's action is the first request's; both are
		 * in the reason. */
		sbuf_addf(&reason1, "; then %s: %s", t->action != NULL ?
		    t->action : "none", t->reason.buf);
		t->action = act1;
		sbuf_reset(&t->reason);
		sbuf_add(&t->reason, reason1.buf, reason1.len);
	}
	if (t->fallback && mark > 0) {
		/* Nothing to add: the first answer stands alone. */
		t->reply.len = mark;
		t->reply.buf[mark] = '\0';
		t->fallback = 0;
	}
	if (pending != NULL && !cJSON_HasObjectItem(t->state, "pending"))
		cJSON_AddItemToObject(t->state, "pending", pending);
	else
		cJSON_Delete(pending);
out:
	/* The message as it was, for the rest of the turn. */
	text_folded_release(&t->fold);
	t->fold = whole;
	t->text = text;
	t->len = len;
	sbuf_release(&first);
	sbuf_release(&reason1);
	return 1;
}

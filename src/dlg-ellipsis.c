/*
 * dlg-ellipsis.c: a store question's short follow-up read in its
 * thread.  After "what does shipping cost on a $30 order" (answered
 * from a policy or the FAQ), "and next day?", "what about express?",
 * "and if I've already unboxed it?" only make sense with the question
 * before: on their own words the classifier reads them as a goodbye, a
 * comparison or a complaint.  Such a fragment, with no strong reading
 * of its own, is understood as the question before with the new words
 * added ("... on a $30 order, next day?"), so the same intent and the
 * same documents answer it with the option it names.  A goodbye, a
 * comparison, thanks or a greeting keep their own reading only when
 * their own cue words are said, and a fragment whose own words match a
 * store document the answer before did not draw on ("and these
 * chats?" after the account deletion answer) is a question of its own.
 *
 * dlg_ellipsis_keep (after the policy) keeps the knowledge question
 * answered; dlg_ellipsis (in understand, before the scope decision)
 * reads a fragment with it.  State "kb_question" {text, docs, at}: the
 * question, the documents its answer retrieved, the message it was.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "search.h"
#include "dlg-int.h"

/* The longest question kept, and the longest fragment read with it. */
#define ELLIPSIS_TEXT_MAX	240
#define ELLIPSIS_WORDS_MAX	12
/* A store document matched this well by the fragment alone is its own
 * topic (search scores: "and these chats?" 0.73, "and next day?" 0.25). */
#define ELLIPSIS_OWN_TOPIC	0.5
/* The documents of the answer before kept for that comparison. */
#define ELLIPSIS_DOCS		5
/* The fragment's own best documents compared with those. */
#define ELLIPSIS_NEAR		2

/* Knowledge answers whose question a fragment may lean on. */
static const char *const kb_actions[] = { "policy_answer", "faq_answer",
	"policy_fact", "kb_answer", NULL };

/*
 * Openers of a fragment that leans on the question before, and how
 * much of each is dropped when the fragment is read with it ("and if
 * it's opened" adds "if it's opened").
 */
static const struct {
	const char	*opener;
	size_t		 drop;
} openers[] = {
	{ "and what about ", 15 }, { "and how about ", 14 },
	{ "and what if ", 9 }, { "and if ", 4 }, { "and for ", 4 },
	{ "and with ", 4 }, { "ok and ", 7 }, { "okay and ", 9 },
	{ "so and ", 7 }, { "and ", 4 }, { "also what about ", 16 },
	{ "what about ", 11 }, { "how about ", 10 }, { "but what if ", 9 },
	{ "what if ", 5 }, { "but if ", 4 }, { "same for ", 9 },
	{ "same with ", 10 }, { "same question for ", 18 },
};

/*
 * Intents a fragment reads as on its few words alone, and the cue
 * words that make that reading the customer's own ("and thanks!",
 * "and bye", "what about comparing them").
 */
static const struct {
	const char		*intent;
	const char *const	 cues[10];
} own_cues[] = {
	{ "goodbye", { "bye", "goodbye", "see you", "see ya", "that's all",
	    "thats all", "that is all", "cya", "later", NULL } },
	{ "thanks", { "thanks", "thank", "thx", "ty", "cheers",
	    "appreciate", NULL } },
	{ "greeting", { "hi", "hello", "hey", "morning", "evening", NULL } },
	{ "comparison", { "compare", "comparing", "comparison", "vs",
	    "versus", "difference", "better", "differ", NULL } },
	{ "complaint", { "complain", "complaint", "unacceptable",
	    "ridiculous", "terrible", "awful", "angry", "disappointed",
	    NULL } },
	{ "deny", { "no", "nope", "nah", NULL } },
	{ "affirm", { "yes", "yeah", "yep", "sure", NULL } },
};

/* How much of the opener the folded text starts with is dropped, or 0
 * when it starts with none. */
static size_t
opener_len(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof openers / sizeof openers[0]; i++)
		if (strncmp(s, openers[i].opener,
		    strlen(openers[i].opener)) == 0)
			return openers[i].drop;
	return 0;
}

/* How many words in s. */
static size_t
words_in(const char *s)
{
	size_t	 n = 0;
	int	 in = 0;

	for (; *s != '\0'; s++) {
		if (isalnum((unsigned char)*s) && !in)
			n++;
		in = isalnum((unsigned char)*s) != 0;
	}
	return n;
}

/*
 * Has the classifier's reading of the fragment a cue of its own?  A
 * reading that needs cue words has it when they are said; any other
 * reading the classifier is sure of is the customer's own ("what if it
 * breaks in the first month" asks the warranty itself).
 */
static int
own_reading(struct tctx *t)
{
	const struct intent_result *ir = &t->e->ir;
	const char	*name = intent_names(NULL)[ir->id];
	size_t	 i;

	for (i = 0; i < sizeof own_cues / sizeof own_cues[0]; i++)
		if (strcmp(name, own_cues[i].intent) == 0)
			return dlg_has_any(t, own_cues[i].cues);
	return ir->verdict == INTENT_OK;
}

/*
 * Do the fragment's own words (rest) match a store document well ("and
 * these chats?" is the FAQ on chat transcripts): then they are a
 * question of their own, not an option of the question before.
 */
static int
own_topic(struct tctx *t, const char *rest, cJSON *docs, cJSON *o)
{
	cJSON		*d;
	size_t		 i;
	struct search_query q = SEARCH_QUERY_INIT;
	struct search_result res;
	int		 own = 0;

	memset(&res, 0, sizeof res);
	q.text = rest;
	q.kinds = KB_STORE_KINDS;
	q.limit = ELLIPSIS_NEAR;
	q.price_words = 0;
	q.lazy_snippets = 1;
	dlg_retrieve_begin(t);
	if (search_run(t->st, &q, &res, NULL) == SD_OK && res.n > 0) {
		own = res.hits[0].score >= ELLIPSIS_OWN_TOPIC;
		/* Near a document the answer before drew on: that topic's
		 * ("next day" is delivery time first, then shipping cost). */
		for (i = 0; i < res.n; i++)
			cJSON_ArrayForEach(d, docs)
				if (cJSON_IsString(d) && strcmp(d->valuestring,
				    res.hits[i].id) == 0)
					own = 0;
		cJSON_AddStringToObject(o, "own_best", res.hits[0].id);
		cJSON_AddNumberToObject(o, "own_score",
		    round(res.hits[0].score * 1e4) / 1e4);
	}
	dlg_retrieve_end(t);
	search_result_free(&res);
	return own;
}

void
dlg_ellipsis_keep(struct tctx *t)
{
	cJSON	*q = cJSON_GetObjectItemCaseSensitive(t->state, "kb_question");
	cJSON	*docs, *r;
	const char *id;
	int	 rewritten = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(
	    cJSON_GetObjectItemCaseSensitive(t->trace, "ellipsis"),
	    "rewritten"));
	size_t	 i;

	for (i = 0; kb_actions[i] != NULL && t->action != NULL; i++)
		if (strcmp(t->action, kb_actions[i]) == 0)
			break;
	if (t->action == NULL || kb_actions[i] == NULL) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state,
		    "kb_question");
		return;
	}
	/* A fragment answered keeps the question it leaned on: "and next
	 * day?" then "and expedited?" both lean on the cost question. */
	if (rewritten && cJSON_IsObject(q)) {
		cJSON_DeleteItemFromObjectCaseSensitive(q, "at");
		cJSON_AddNumberToObject(q, "at", (double)t->si.turns);
		return;
	}
	if (t->len > ELLIPSIS_TEXT_MAX) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state,
		    "kb_question");
		return;
	}
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "kb_question");
	q = cJSON_AddObjectToObject(t->state, "kb_question");
	cJSON_AddStringToObject(q, "text", t->text);
	docs = cJSON_AddArrayToObject(q, "docs");
	cJSON_ArrayForEach(r, t->retrieved)
		if (cJSON_GetArraySize(docs) < ELLIPSIS_DOCS && (id =
		    dlg_jstr(r, "id")) != NULL)
			cJSON_AddItemToArray(docs, cJSON_CreateString(id));
	cJSON_AddNumberToObject(q, "at", (double)t->si.turns);
}

int
dlg_ellipsis(struct tctx *t)
{
	cJSON		*q = cJSON_GetObjectItemCaseSensitive(t->state,
	    "kb_question"), *o;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char	*before, *rest;
	size_t		 op, i;
	char		*text;


	if (!cJSON_IsObject(q) || t->asked != NULL ||
	    (before = dlg_jstr(q, "text")) == NULL ||
	    t->si.turns - (long long)dlg_jnum(q, "at", -10) > 2 ||
	    (op = opener_len(s)) == 0 || words_in(s) > ELLIPSIS_WORDS_MAX ||
	    own_reading(t))
		return 0;
	/* A product or an order named is a question about it: the order
	 * and product follow-ups read those (dlg-orderq.c, dlg-follow.c). */
	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == ENTITY_PRODUCT ||
		    t->e->el.v[i].type == ENTITY_ORDER_ID)
			return 0;
	/* The fragment's own words after its opener, as typed. */
	rest = t->text + (t->fold.map != NULL ? t->fold.map[op] : op);
	while (*rest != '\0' && isspace((unsigned char)*rest))
		rest++;
	/* "And how many characters does a password need": a question
	 * of its own after the "and". */
	if (dlg_clause_opens_question(s + op))
		return 0;
	o = cJSON_AddObjectToObject(t->trace, "ellipsis");
	cJSON_AddStringToObject(o, "fragment", t->text);
	cJSON_AddStringToObject(o, "own_reading",
	    intent_names(NULL)[t->e->ir.id]);
	if (own_topic(t, rest, cJSON_GetObjectItemCaseSensitive(q, "docs"),
	    o)) {
		cJSON_AddStringToObject(o, "read_as", "its own words");
		return 0;
	}
	text = xasprintf("%s, %s", before, rest);
	cJSON_AddStringToObject(o, "read_as", text);
	cJSON_AddBoolToObject(o, "rewritten", 1);
	t->asked = text;
	t->text = t->asked;
	t->len = strlen(t->asked);
	text_fold(t->text, t->len, &t->fold);
	intent_classify(t->e->im, t->text, t->len, &t->e->ir);
	entity_extract(t->e->gz, t->text, t->len, &t->e->el);
	return 1;
}

/*
 * quality.c owns the definitions of a reply's relevance and of a
 * conversation's honest resolution.  It reads a turn's trace and the
 * signals of a conversation's turns, and knows nothing of the store:
 * analytics-quality.c keeps the measures with each turn and sums them.
 *
 * Resolution used to be "the last reply answered something and nobody
 * escalated", which counted a wrong answer the customer left after as a
 * success: 91.7% resolved while an outside check found 41% of replies
 * right.  Here a conversation is resolved only on a signal from the
 * customer (a thanks, yes or goodbye after an answer, or a good rating),
 * not resolved on a signal of failure, and unknown otherwise; the walk
 * still says when an unknown one ended on a real answer, which is what
 * Intercom Fin counts as an assumed resolution, so both can be shown.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "quality.h"
#include "sbuf.h"
#include "text.h"

/*
 * Words that say how something is asked, not what: a reply need not
 * repeat them to be on topic.
 */
static const char *const filler[] = {
	"about", "all", "and", "any", "are", "buy", "can", "could", "did",
	"does", "dollars", "find", "for", "from", "get", "give", "good",
	"have", "hello", "help", "hey", "how", "just", "like", "looking",
	"much", "need", "not", "one", "please", "really", "show", "some",
	"something", "tell", "thank", "thanks", "that", "the", "them",
	"there", "this", "under", "want", "what", "when", "where", "which",
	"who", "why", "will", "with", "would", "you", "your", NULL
};

/* Letters of a term that must match the start of a context word. */
#define STEM	5

static int
is_filler(const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; filler[i] != NULL; i++)
		if (strlen(filler[i]) == n && memcmp(filler[i], w, n) == 0)
			return 1;
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The words of s, folded, as a sorted array of distinct strings; keys
 * only keeps key terms.  *n gets the count; caller frees each and v.
 */
static char **
words(const char *s, int keys, size_t *n)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	size_t		 cap = 0, nt, i, k = 0, len;
	char		**v, *w;

	text_fold(s, strlen(s), &f);
	nt = text_tokenize(f.s.buf, f.s.len, &tok, &cap);
	v = xcalloc(nt + 1, sizeof *v);
	for (i = 0; i < nt; i++) {
		w = f.s.buf + tok[i].start;
		len = tok[i].end - tok[i].start;
		if (keys && ((tok[i].has_alpha && len < 3) ||
		    is_filler(w, len)))
			continue;
		v[k++] = xstrndup(w, len);
	}
	qsort(v, k, sizeof *v, cmp_str);
	for (i = 0, nt = 0; i < k; i++) {
		if (nt > 0 && strcmp(v[nt - 1], v[i]) == 0)
			free(v[i]);
		else
			v[nt++] = v[i];
	}
	*n = nt;
	free(tok);
	text_folded_release(&f);
	return v;
}

static void
words_free(char **v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

static int
is_number(const char *w)
{
	for (; *w != '\0'; w++)
		if (*w < '0' || *w > '9')
			return 0;
	return 1;
}

/* Whether a context word (sorted ctx[0..n)) covers term. */
static int
covers(char *const *ctx, size_t n, const char *term)
{
	size_t	 len = strlen(term), i;

	if (is_number(term))
		return bsearch(&term, ctx, n, sizeof *ctx, cmp_str) != NULL;
	if (len > STEM)
		len = STEM;
	for (i = 0; i < n; i++)
		if (strncmp(ctx[i], term, len) == 0)
			return 1;
	return 0;
}

static const char *
jstr(const cJSON *o, const char *key)
{
	const cJSON	*v = cJSON_GetObjectItem(o, key);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The reply and what it cited, as one text. */
static void
context(const cJSON *trace, struct sbuf *sb)
{
	const cJSON	*it;
	const char	*s;

	if ((s = jstr(trace, "reply")) != NULL)
		sbuf_adds(sb, s);
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(trace, "retrieved")) {
		if (!cJSON_IsTrue(cJSON_GetObjectItem(it, "cited")))
			continue;
		if ((s = jstr(it, "title")) != NULL) {
			sbuf_addc(sb, '\n');
			sbuf_adds(sb, s);
		}
		if ((s = jstr(it, "snippet")) != NULL) {
			sbuf_addc(sb, '\n');
			sbuf_adds(sb, s);
		}
	}
}

void
quality_measure(const cJSON *trace, const char *text, struct quality_turn *q)
{
	struct sbuf	 ctx = SBUF_INIT, terms = SBUF_INIT;
	const cJSON	*f;
	char		**kv, **cv;
	size_t		 nk, nc, i;

	memset(q, 0, sizeof *q);
	kv = words(text, 1, &nk);
	context(trace, &ctx);
	cv = words(ctx.buf, 0, &nc);
	for (i = 0; i < nk; i++) {
		if (i > 0)
			sbuf_addc(&terms, ' ');
		sbuf_adds(&terms, kv[i]);
		q->covered += covers(cv, nc, kv[i]);
	}
	q->asked = (int)nk;
	q->terms = sbuf_detach(&terms, NULL);
	q->variant = jstr(trace, "template");
	q->generator = jstr(trace, "generator");
	f = cJSON_GetObjectItem(trace, "feeling");
	q->feeling = jstr(f, "label");
	q->urgent = cJSON_IsTrue(cJSON_GetObjectItem(f, "urgent"));
	words_free(kv, nk);
	words_free(cv, nc);
	sbuf_release(&ctx);
}

void
quality_turn_release(struct quality_turn *q)
{
	free(q->terms);
	memset(q, 0, sizeof *q);
}

/* Terms of a space-separated sorted list. */
static char **
split(const char *s, size_t *n)
{
	char	**v = NULL, *dup = xstrdup(s), *p, *save = NULL;
	size_t	 k = 0, cap = 0;

	for (p = strtok_r(dup, " ", &save); p != NULL;
	    p = strtok_r(NULL, " ", &save)) {
		if (k == cap) {
			cap = cap ? 2 * cap : 8;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[k++] = xstrdup(p);
	}
	free(dup);
	*n = k;
	return v;
}

int
quality_rephrased(const char *a, const char *b)
{
	char	**va, **vb;
	size_t	 na, nb, i, j, shared = 0;
	int	 r;

	if (a == NULL || b == NULL)
		return 0;
	va = split(a, &na);
	vb = split(b, &nb);
	for (i = 0, j = 0; i < na && j < nb; ) {
		int c = strcmp(va[i], vb[j]);

		if (c == 0) {
			shared++;
			i++;
			j++;
		} else if (c < 0)
			i++;
		else
			j++;
	}
	/* shared / (na + nb - shared) >= 1/2 */
	r = na > 0 && nb > 0 && 2 * shared >= na + nb - shared;
	words_free(va, na);
	words_free(vb, nb);
	return r;
}

/* The conversation walk. */

enum {
	QS_NONE,		/* nothing answered yet */
	QS_ANSWERED,		/* the last reply answered */
	QS_CONFIRMED,		/* the customer confirmed an answer */
	QS_FAILED,		/* the last reply failed (why says how) */
};

static int
in_list(const char *s, const char *const *list)
{
	for (; s != NULL && *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/*
 * The engine's policy actions by what they mean for the customer.  Any
 * action not listed is a real answer, so that a new kind of answer
 * counts without touching this file.
 */
static const char *const escalating[] = { "escalate", "escalation_wait",
	"agent_hold", NULL };
static const char *const refusals[] = { "cancel_refused",
	"return_ineligible", "return_not_delivered", "order_not_owned",
	"cart_sign_in", NULL };
static const char *const failures[] = { "order_not_found", "cart_error",
	"cart_which", "recommend_none", "return_unknown_policy", NULL };
static const char *const asks[] = { "ask_needs", "ask_order_id",
	"ask_compare", "order_needs_user", "cancel_offer", "cart_which_two",
	NULL };
/* A question back: the engine was not sure what was meant ("kb_unsure":
 * a knowledge answer held back, its topic named). */
static const char *const clarifying[] = { "clarify", "kb_unsure", NULL };
static const char *const closing[] = { "thanks", "goodbye", "ack", NULL };
static const char *const neutral[] = { "greet", "about_bot", "declined",
	NULL };
static const char *const confirming[] = { "thanks", "affirm", "goodbye",
	NULL };

enum quality_reason
quality_action_reason(const char *a)
{
	if (a == NULL)
		return QR_NONE;
	if (strcmp(a, "fallback") == 0)
		return QR_FALLBACK;
	if (in_list(a, clarifying))
		return QR_CLARIFY;
	if (in_list(a, refusals))
		return QR_REFUSAL;
	if (in_list(a, failures))
		return QR_FAILED_ACTION;
	if (in_list(a, asks))
		return QR_UNANSWERED;
	return QR_NONE;
}

void
quality_conv_init(struct quality_conv *c, int escalated)
{
	memset(c, 0, sizeof *c);
	c->state = QS_NONE;
	c->escalated = escalated;
}

static void
fail(struct quality_conv *c, enum quality_reason why)
{
	c->state = QS_FAILED;
	c->why = why;
}

void
quality_conv_step(struct quality_conv *c, const struct quality_step *s)
{
	const char	*a = s->action;
	int		 answered = c->state == QS_ANSWERED ||
			    c->state == QS_CONFIRMED;

	if (s->rating_min > 0 && s->rating_min <= 2)
		c->negative = 1;
	/* A thanks, yes or goodbye after an answer confirms it. */
	if (answered && in_list(s->intent, confirming) &&
	    (a == NULL || in_list(a, closing) || in_list(a, neutral))) {
		c->state = QS_CONFIRMED;
		c->soft = 0;
		return;
	}
	if (a == NULL)
		;	/* no reply (an agent holds the session) */
	else if (in_list(a, escalating))
		c->escalated = 1;
	else if (quality_action_reason(a) != QR_NONE)
		fail(c, quality_action_reason(a));
	else if (in_list(a, closing)) {
		if (answered)
			c->state = QS_CONFIRMED;
	} else if (!in_list(a, neutral))
		c->state = QS_ANSWERED;
	if (in_list(a, neutral) || in_list(a, closing))
		return;		/* small talk keeps the last signal */
	/* The customer's own signals in this turn, for if it is the last. */
	c->soft = 0;
	if (s->feeling != NULL && strcmp(s->feeling, "none") != 0) {
		c->soft = 1;
		c->soft_why = QR_FRUSTRATION;
	} else if (s->rephrase) {
		c->soft = 1;
		c->soft_why = QR_REPHRASE;
	}
	/* A good rating of an answer confirms it too. */
	if (c->state == QS_ANSWERED && !c->soft && s->rating_max >= 4)
		c->state = QS_CONFIRMED;
}

enum quality_outcome
quality_conv_outcome(const struct quality_conv *c, enum quality_reason *why,
    int *assumed)
{
	*why = QR_NONE;
	*assumed = 0;
	if (c->escalated)
		*why = QR_ESCALATION;
	else if (c->negative)
		*why = QR_NEGATIVE_FEEDBACK;
	else if (c->state == QS_FAILED)
		*why = c->why;
	else if (c->soft)
		*why = c->soft_why;
	if (*why != QR_NONE)
		return QUALITY_NOT_RESOLVED;
	if (c->state == QS_CONFIRMED)
		return QUALITY_RESOLVED;
	*assumed = c->state == QS_ANSWERED;
	return QUALITY_UNKNOWN;
}

const char *
quality_reason_name(enum quality_reason r)
{
	switch (r) {
	case QR_NONE:
		return "none";
	case QR_FALLBACK:
		return "fallback";
	case QR_CLARIFY:
		return "clarify";
	case QR_REFUSAL:
		return "refusal";
	case QR_FAILED_ACTION:
		return "failed_action";
	case QR_UNANSWERED:
		return "unanswered_question";
	case QR_ESCALATION:
		return "escalation";
	case QR_NEGATIVE_FEEDBACK:
		return "negative_feedback";
	case QR_FRUSTRATION:
		return "frustration";
	case QR_REPHRASE:
		return "rephrase";
	}
	return "?";
}

const char *
quality_outcome_name(enum quality_outcome o)
{
	switch (o) {
	case QUALITY_UNKNOWN:
		return "unknown";
	case QUALITY_RESOLVED:
		return "resolved";
	case QUALITY_NOT_RESOLVED:
		return "not_resolved";
	}
	return "?";
}

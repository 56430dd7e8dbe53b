/*
 * analytics-gaps.c owns two reports on the turns of a range (loaded by
 * analytics_quality_load): failure patterns, the turns that went wrong
 * grouped by intent and by what was asked, and content gaps, the
 * questions the knowledge base could not answer well, grouped by what
 * was asked, for the shop to write an FAQ for.
 *
 * "What was asked" is the message's key terms (quality.h); two messages
 * are about the same thing when they share half their key terms, the
 * test that finds a customer asking again.  Groups are built greedily in
 * the order of the turns, each joining the first group whose first
 * message it matches: a few hundred failing turns make a few dozen
 * groups, so the quadratic walk costs nothing next to the read.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "analytics.h"
#include "analytics-int.h"
#include "quality.h"

#define MAX_GROUPS	10	/* groups listed (intents, gaps) */
#define MAX_CLUSTERS	5	/* clusters of terms per intent */
#define MAX_EXAMPLES	3	/* example messages per cluster */

/* Why a turn failed, beyond its conversation's outcome. */
enum fail_why {
	FW_REPLY,		/* its reply failed by itself */
	FW_NEGATIVE,		/* rated 1 or 2 */
	FW_REPHRASED,		/* the customer asked it again next */
	FW_LOW_RELEVANCE,	/* less than half its key terms covered */
	FW_UNRESOLVED,		/* the last turn of a failed conversation */
	FW_N
};

static const char *const fw_names[FW_N] = { "failed_reply",
	"negative_feedback", "rephrased", "low_relevance", "unresolved" };

/* Less than half of the message's key terms in the cited context. */
static int
low_relevance(const struct analytics_qrow *r)
{
	return r->reply_id > 0 && r->asked > 0 && 2 * r->covered < r->asked;
}

/* A set of turns about the same thing. */
struct cluster {
	const struct analytics_qrow *first;	/* whose terms define it */
	size_t		*rows;		/* indexes into the turns */
	size_t		 n;
};

struct clusters {
	struct cluster	*v;
	size_t		 n;
};

static void
clusters_add(struct clusters *cs, const struct analytics_qrow *v, size_t i)
{
	struct cluster	*c = NULL;
	size_t		 k;

	for (k = 0; k < cs->n; k++)
		if (quality_rephrased(cs->v[k].first->terms, v[i].terms) ||
		    (v[i].terms[0] == '\0' &&
		    cs->v[k].first->terms[0] == '\0')) {
			c = &cs->v[k];
			break;
		}
	if (c == NULL) {
		cs->v = xrealloc(cs->v, (cs->n + 1) * sizeof *cs->v);
		c = &cs->v[cs->n++];
		memset(c, 0, sizeof *c);
		c->first = &v[i];
	}
	c->rows = xrealloc(c->rows, (c->n + 1) * sizeof *c->rows);
	c->rows[c->n++] = i;
}

static void
clusters_release(struct clusters *cs)
{
	size_t	 k;

	for (k = 0; k < cs->n; k++)
		free(cs->v[k].rows);
	free(cs->v);
	memset(cs, 0, sizeof *cs);
}

static int
cmp_cluster(const void *a, const void *b)
{
	const struct cluster *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->first->terms, y->first->terms);
}

/*
 * The cluster as {terms, count, examples}: terms are those of its first
 * message, examples the first distinct messages.  extra, when set, adds
 * the intents the cluster's messages were classified as.
 */
static cJSON *
cluster_json(const struct cluster *c, const struct analytics_qrow *v,
    int intents)
{
	cJSON		*o = cJSON_CreateObject(), *ex, *in = NULL, *it;
	size_t		 i;
	int		 dup;

	cJSON_AddStringToObject(o, "terms", c->first->terms);
	cJSON_AddNumberToObject(o, "count", (double)c->n);
	if (intents)
		in = cJSON_AddArrayToObject(o, "intents");
	ex = cJSON_AddArrayToObject(o, "examples");
	for (i = 0; i < c->n; i++) {
		const struct analytics_qrow *r = &v[c->rows[i]];

		dup = 0;
		cJSON_ArrayForEach(it, ex)
			dup |= strcmp(it->valuestring, r->text) == 0;
		if (!dup && cJSON_GetArraySize(ex) < MAX_EXAMPLES)
			cJSON_AddItemToArray(ex, cJSON_CreateString(r->text));
		if (in == NULL)
			continue;
		dup = 0;
		cJSON_ArrayForEach(it, in)
			dup |= strcmp(it->valuestring, r->intent) == 0;
		if (!dup)
			cJSON_AddItemToArray(in,
			    cJSON_CreateString(r->intent));
	}
	return o;
}

/* Clusters, most turns first, at most max, as an array. */
static cJSON *
clusters_json(struct clusters *cs, const struct analytics_qrow *v,
    size_t max, int intents)
{
	cJSON	*a = cJSON_CreateArray();
	size_t	 k;

	if (cs->n > 0)
		qsort(cs->v, cs->n, sizeof *cs->v, cmp_cluster);
	for (k = 0; k < cs->n && k < max; k++)
		cJSON_AddItemToArray(a, cluster_json(&cs->v[k], v, intents));
	return a;
}

/* Why each turn v[i] failed, as FW_* bits (0: it did not). */
static unsigned
fail_bits(const struct analytics_qrow *v, size_t n, size_t i)
{
	unsigned	 b = 0;

	if (v[i].reply_id > 0 &&
	    quality_action_reason(v[i].action) != QR_NONE)
		b |= 1u << FW_REPLY;
	if (v[i].rating_min > 0 && v[i].rating_min <= 2)
		b |= 1u << FW_NEGATIVE;
	if (i + 1 < n && v[i + 1].rephrase &&
	    strcmp(v[i + 1].session_id, v[i].session_id) == 0)
		b |= 1u << FW_REPHRASED;
	if (low_relevance(&v[i]))
		b |= 1u << FW_LOW_RELEVANCE;
	if (v[i].outcome == QUALITY_NOT_RESOLVED && (i + 1 == n ||
	    strcmp(v[i + 1].session_id, v[i].session_id) != 0))
		b |= 1u << FW_UNRESOLVED;
	return b;
}

/* One intent's failing turns. */
struct fintent {
	const char	*intent;
	size_t		 n;
	long long	 why[FW_N];
	struct clusters	 cs;
};

static int
cmp_fintent(const void *a, const void *b)
{
	const struct fintent *x = a, *y = b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->intent, y->intent);
}

static cJSON *
failures(const struct analytics_qrow *v, size_t n)
{
	struct fintent	*f = NULL;
	size_t		 nf = 0, i, k;
	unsigned	 bits;
	int		 w;
	cJSON		*a = cJSON_CreateArray(), *o, *why;

	for (i = 0; i < n; i++) {
		if ((bits = analytics_qrow_bits(v, n, i) &
		    ((1u << FW_N) - 1)) == 0)
			continue;
		for (k = 0; k < nf; k++)
			if (strcmp(f[k].intent, v[i].intent) == 0)
				break;
		if (k == nf) {
			f = xrealloc(f, (nf + 1) * sizeof *f);
			memset(&f[nf], 0, sizeof *f);
			f[nf++].intent = v[i].intent;
		}
		f[k].n++;
		for (w = 0; w < FW_N; w++)
			f[k].why[w] += (bits >> w) & 1;
		clusters_add(&f[k].cs, v, i);
	}
	if (nf > 0)
		qsort(f, nf, sizeof *f, cmp_fintent);
	for (k = 0; k < nf; k++) {
		if (k < MAX_GROUPS) {
			o = cJSON_CreateObject();
			cJSON_AddStringToObject(o, "intent", f[k].intent);
			cJSON_AddNumberToObject(o, "count", (double)f[k].n);
			why = cJSON_AddObjectToObject(o, "reasons");
			for (w = 0; w < FW_N; w++)
				cJSON_AddNumberToObject(why, fw_names[w],
				    (double)f[k].why[w]);
			cJSON_AddItemToObject(o, "patterns", clusters_json(
			    &f[k].cs, v, MAX_CLUSTERS, 0));
			cJSON_AddItemToArray(a, o);
		}
		clusters_release(&f[k].cs);
	}
	free(f);
	return a;
}

/*
 * A question the knowledge base could not answer well: it had key terms
 * and got a fallback, a clarifying question, nothing to recommend, no
 * policy, or a reply covering less than half of them.  An order the
 * store does not know or a refusal is not a gap in the content.
 */
static int
is_gap(const struct analytics_qrow *r)
{
	static const char *const kb[] = { "fallback", "clarify", "kb_unsure",
	    "recommend_none", "return_unknown_policy", NULL };
	size_t	 i;

	if (r->reply_id == 0 || r->asked <= 0)
		return 0;
	for (i = 0; r->action != NULL && kb[i] != NULL; i++)
		if (strcmp(r->action, kb[i]) == 0)
			return 1;
	return low_relevance(r);
}

static cJSON *
gaps(const struct analytics_qrow *v, size_t n)
{
	struct clusters	 cs = { NULL, 0 };
	size_t		 i;
	cJSON		*a;

	for (i = 0; i < n; i++)
		if (analytics_qrow_bits(v, n, i) >> FW_N)
			clusters_add(&cs, v, i);
	a = clusters_json(&cs, v, MAX_GROUPS, 1);
	clusters_release(&cs);
	return a;
}

/*
 * Why v[i] is in either report: its FW_* bits, and 1 << FW_N when it is
 * a gap.  The running totals keep these per turn (the turns after it
 * and its conversation's outcome decide them), and the reports of
 * whole days read those turns only.
 */
unsigned
analytics_qrow_bits(const struct analytics_qrow *v, size_t n, size_t i)
{
	if (v[i].kept)
		return v[i].bits;
	return fail_bits(v, n, i) | (unsigned)is_gap(&v[i]) << FW_N;
}

unsigned
analytics_qbits_followed(unsigned bits, int next_rephrase)
{
	bits &= ~(1u << FW_UNRESOLVED);
	if (next_rephrase)
		bits |= 1u << FW_REPHRASED;
	return bits;
}

void
analytics_gaps_emit(cJSON *o, const struct analytics_qrow *v, size_t n)
{
	cJSON_AddItemToObject(o, "failures", failures(v, n));
	cJSON_AddItemToObject(o, "gaps", gaps(v, n));
}

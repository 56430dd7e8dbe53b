/*
 * The quality measures against values computed by hand: a turn's key
 * terms and relevance from its trace, repeated questions, the honest
 * resolution walk for each signal, and the "quality" object of the
 * analytics on a fixture of four conversations (see fixture()).
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "analytics.h"
#include "analytics-int.h"
#include "history.h"
#include "quality.h"
#include "store.h"
#include "tap.h"

static void
test_measure(void)
{
	static const char trace[] = "{\"reply\":\"Here is what I would pick"
	    " for headphones, under $100: the Soundcore Liberty 4 NC at $99.\","
	    "\"retrieved\":[{\"kind\":\"product\",\"title\":\"JBL Tune 760NC"
	    " Wireless\",\"snippet\":\"\",\"cited\":false},{\"kind\":"
	    "\"product\",\"title\":\"Soundcore Liberty 4 NC\",\"snippet\":"
	    "\"noise cancelling earbuds\",\"cited\":true}],"
	    "\"template\":\"recommend#2\",\"generator\":\"template\","
	    "\"feeling\":{\"label\":\"frustrated\",\"urgent\":true}}";
	cJSON		*t = cJSON_Parse(trace);
	struct quality_turn q;

	/*
	 * Key terms: "100", "earbuds", "headphones", "wireless" (do, you,
	 * have, under, dollars and "a" are filler or short).  The reply has
	 * 100 and headphones; "earbuds" is in a cited snippet; "wireless"
	 * only in a row that was not cited: 3 of 4.
	 */
	quality_measure(t, "Do you have WIRELESS headphones or earbuds under "
	    "100 dollars?", &q);
	is_str(q.terms, "100 earbuds headphones wireless", "key terms, "
	    "folded and sorted");
	is_int(q.asked, 4, "four key terms");
	is_int(q.covered, 3, "three covered by the reply and cited rows");
	is_str(q.variant, "recommend#2", "variant from the trace");
	is_str(q.generator, "template", "generator from the trace");
	is_str(q.feeling, "frustrated", "feeling from the trace");
	is_int(q.urgent, 1, "urgent from the trace");
	quality_turn_release(&q);
	/* A stem of five letters: "chargers" covers "charger". */
	cJSON_Delete(t);
	t = cJSON_Parse("{\"reply\":\"Our chargers carry a warranty.\"}");
	quality_measure(t, "is my charger under warranty", &q);
	is_str(q.terms, "charger warranty", "terms of a second message "
	    "(is, my: short)");
	is_int(q.covered, 2, "chargers covers charger; warranty");
	quality_turn_release(&q);
	cJSON_Delete(t);

	ok(quality_rephrased("broken charger", "broken charger"),
	    "the same terms repeat");
	ok(quality_rephrased("broken charger", "broken charger still"),
	    "2 shared of 3: a repeat");
	ok(!quality_rephrased("broken charger", "charger price refund"),
	    "1 shared of 4: not a repeat");
	ok(!quality_rephrased("", ""), "no terms: not a repeat");
}

/* Walk steps {intent, action, feeling, rephrase, min, max}. */
static enum quality_outcome
walk(const struct quality_step *v, size_t n, int escalated,
    enum quality_reason *why, int *assumed)
{
	struct quality_conv c;
	size_t		 i;

	quality_conv_init(&c, escalated);
	for (i = 0; i < n; i++)
		quality_conv_step(&c, &v[i]);
	return quality_conv_outcome(&c, why, assumed);
}

static void
expect(const struct quality_step *v, size_t n, int escalated,
    enum quality_outcome want, enum quality_reason want_why, int want_assumed,
    const char *what)
{
	enum quality_reason why;
	int		 assumed;
	enum quality_outcome got = walk(v, n, escalated, &why, &assumed);

	ok(got == want && why == want_why && assumed == want_assumed,
	    "%s: %s (%s)%s", what, quality_outcome_name(got),
	    quality_reason_name(why), assumed ? ", assumed" : "");
}

#define N(v)	(sizeof (v) / sizeof (v)[0])

static void
test_walk(void)
{
	static const struct quality_step answer_thanks[] = {
		{ "track_order", "order_status", "none", 0, 0, 0 },
		{ "thanks", "thanks", "none", 0, 0, 0 },
	};
	static const struct quality_step answer_left[] = {
		{ "track_order", "order_status", "none", 0, 0, 0 },
	};
	static const struct quality_step greet_only[] = {
		{ "greeting", "greet", "none", 0, 0, 0 },
	};
	static const struct quality_step fallback[] = {
		{ "track_order", "order_status", "none", 0, 0, 0 },
		{ "none", "fallback", "none", 0, 0, 0 },
	};
	static const struct quality_step clarify[] = {
		{ "product_inquiry", "clarify", "none", 0, 0, 0 },
	};
	static const struct quality_step unsure[] = {
		{ "faq", "kb_unsure", "none", 0, 0, 0 },
	};
	static const struct quality_step refusal[] = {
		{ "cancel_order", "cancel_refused", "none", 0, 0, 0 },
	};
	static const struct quality_step failed[] = {
		{ "track_order", "order_not_found", "none", 0, 0, 0 },
	};
	static const struct quality_step asked[] = {
		{ "track_order", "ask_order_id", "none", 0, 0, 0 },
	};
	static const struct quality_step escalated[] = {
		{ "complaint", "escalate", "angry", 0, 0, 0 },
	};
	static const struct quality_step rated_low[] = {
		{ "track_order", "order_status", "none", 0, 1, 1 },
		{ "thanks", "thanks", "none", 0, 0, 0 },
	};
	static const struct quality_step rated_high[] = {
		{ "track_order", "order_status", "none", 0, 5, 5 },
	};
	static const struct quality_step upset_last[] = {
		{ "track_order", "order_status", "frustrated", 0, 0, 0 },
	};
	static const struct quality_step upset_then_thanks[] = {
		{ "track_order", "order_status", "frustrated", 0, 0, 0 },
		{ "thanks", "thanks", "none", 0, 0, 0 },
	};
	static const struct quality_step repeated[] = {
		{ "product_inquiry", "product_search", "none", 0, 0, 0 },
		{ "product_inquiry", "product_search", "none", 1, 0, 0 },
	};
	static const struct quality_step fixed_later[] = {
		{ "none", "fallback", "none", 0, 0, 0 },
		{ "track_order", "order_status", "none", 0, 0, 0 },
		{ "affirm", "ack", "none", 0, 0, 0 },
	};

	expect(answer_thanks, N(answer_thanks), 0, QUALITY_RESOLVED, QR_NONE,
	    0, "answer then thanks");
	expect(answer_left, N(answer_left), 0, QUALITY_UNKNOWN, QR_NONE, 1,
	    "answer then silence");
	expect(greet_only, N(greet_only), 0, QUALITY_UNKNOWN, QR_NONE, 0,
	    "a greeting only");
	expect(fallback, N(fallback), 0, QUALITY_NOT_RESOLVED, QR_FALLBACK, 0,
	    "ends on a fallback");
	expect(clarify, N(clarify), 0, QUALITY_NOT_RESOLVED, QR_CLARIFY, 0,
	    "ends on a clarifying question");
	expect(unsure, N(unsure), 0, QUALITY_NOT_RESOLVED, QR_CLARIFY, 0,
	    "ends on a knowledge answer held back");
	expect(refusal, N(refusal), 0, QUALITY_NOT_RESOLVED, QR_REFUSAL, 0,
	    "ends on a refusal");
	expect(failed, N(failed), 0, QUALITY_NOT_RESOLVED, QR_FAILED_ACTION,
	    0, "ends on a failed action");
	expect(asked, N(asked), 0, QUALITY_NOT_RESOLVED, QR_UNANSWERED, 0,
	    "the bot's question unanswered");
	expect(escalated, N(escalated), 0, QUALITY_NOT_RESOLVED,
	    QR_ESCALATION, 0, "escalated");
	expect(answer_thanks, N(answer_thanks), 1, QUALITY_NOT_RESOLVED,
	    QR_ESCALATION, 0, "thanked but held by an agent");
	expect(rated_low, N(rated_low), 0, QUALITY_NOT_RESOLVED,
	    QR_NEGATIVE_FEEDBACK, 0, "thanked but rated 1");
	expect(rated_high, N(rated_high), 0, QUALITY_RESOLVED, QR_NONE, 0,
	    "an answer rated 5");
	expect(upset_last, N(upset_last), 0, QUALITY_NOT_RESOLVED,
	    QR_FRUSTRATION, 0, "the last line frustrated");
	expect(upset_then_thanks, N(upset_then_thanks), 0, QUALITY_RESOLVED,
	    QR_NONE, 0, "frustrated, answered, then thanks");
	expect(repeated, N(repeated), 0, QUALITY_NOT_RESOLVED, QR_REPHRASE, 0,
	    "the same question asked again");
	expect(fixed_later, N(fixed_later), 0, QUALITY_RESOLVED, QR_NONE, 0,
	    "a fallback, then an answer confirmed");
}

/* One turn of the fixture. */
struct fturn {
	const char	*session, *channel, *now;
	const char	*text, *intent, *action, *variant, *terms, *feeling;
	int		 asked, covered, claims, backed, urgent, rating;
};

/*
 * Four conversations (hand-computed figures in test_fixture):
 *   a (api, Nov 1): headphones answered (rated 5), then thanks: resolved
 *   b (console, Nov 1): an order's status, then silence: unknown, assumed
 *   c (api, Nov 2): a fallback to a frustrated line, the same question
 *     again (angry, urgent), answered and rated 1: not resolved
 *   d (api, Nov 2): a greeting only: unknown, not assumed
 */
static const struct fturn fixture[] = {
	{ "a", "api", "2026-11-01T10:00:00Z", "wireless headphones under 100",
	    "product_inquiry", "recommend", "recommend#1",
	    "100 headphones wireless", "none", 3, 2, 4, 3, 0, 5 },
	{ "a", "api", "2026-11-01T10:01:00Z", "thanks", "thanks", "thanks",
	    "thanks#1", "", "none", 0, 0, 0, 0, 0, 0 },
	{ "b", "console", "2026-11-01T11:00:00Z", "where is order 1234",
	    "track_order", "order_status", "order_status#1", "1234 order",
	    "none", 2, 2, 2, 2, 0, 0 },
	{ "c", "api", "2026-11-02T09:00:00Z", "my charger is broken",
	    "troubleshooting", "fallback", "fallback#1", "broken charger",
	    "frustrated", 2, 0, 0, 0, 0, 0 },
	{ "c", "api", "2026-11-02T09:01:00Z", "the charger is BROKEN",
	    "troubleshooting", "faq_answer", "faq_answer#2", "broken charger",
	    "angry", 2, 1, 1, 0, 1, 1 },
	{ "d", "api", "2026-11-02T12:00:00Z", "hello", "greeting", "greet",
	    "greeting#1", "", "none", 0, 0, 0, 0, 0, 0 },
};

static int
store_fixture(struct store *st)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;
	struct history_turn ht;
	struct quality_turn q;
	const struct fturn *f;
	long long	 fid;
	size_t		 i;
	int		 created, fails = 0;

	for (i = 0; i < N(fixture); i++) {
		f = &fixture[i];
		setenv("SHOPDESK_NOW", f->now, 1);
		memset(&si, 0, sizeof si);
		if (history_session_open(st, f->session, NULL, f->channel, 0,
		    &si, &created, &err) != SD_OK)
			goto fail;
		memset(&q, 0, sizeof q);
		q.terms = (char *)f->terms;
		q.asked = f->asked;
		q.covered = f->covered;
		q.variant = f->variant;
		q.generator = "template";
		q.feeling = f->feeling;
		q.urgent = f->urgent;
		memset(&ht, 0, sizeof ht);
		ht.session_id = f->session;
		ht.text = f->text;
		ht.intent = f->intent;
		ht.confidence = 0.9;
		ht.reply = "a reply";
		ht.action = f->action;
		ht.latency_us = 1000;
		ht.state = "{}";
		ht.status = "active";
		ht.claims = f->claims;
		ht.claims_backed = f->backed;
		ht.quality = &q;
		session_info_release(&si);
		if (history_turn_save(st, &ht, &err) != SD_OK)
			goto fail;
		if (f->rating > 0 && analytics_feedback(st, ht.bot_msg_id,
		    f->rating, NULL, 0, &fid, &err) != SD_OK)
			goto fail;
		continue;
fail:
		diag("turn %zu: %s", i, sd_error_msg(&err));
		sd_error_clear(&err);
		fails++;
	}
	return fails;
}

static double
num(const cJSON *o, const char *path)
{
	char		*p = xstrdup(path), *k, *save = NULL;
	const cJSON	*v = o;

	for (k = strtok_r(p, ".", &save); k != NULL && v != NULL;
	    k = strtok_r(NULL, ".", &save))
		v = cJSON_GetObjectItem(v, k);
	free(p);
	return cJSON_IsNumber(v) ? v->valuedouble : NAN;
}

static const cJSON *
group(const cJSON *q, const char *dim, const char *name)
{
	const cJSON	*g;

	cJSON_ArrayForEach(g, cJSON_GetObjectItem(q, dim))
		if (strcmp(cJSON_GetObjectItem(g, "name")->valuestring,
		    name) == 0)
			return g;
	return NULL;
}

static void
near(double got, double want, const char *what)
{
	ok(fabs(got - want) < 1e-4, "%s: %g (want %g)", what, got, want);
}

static void
test_fixture(struct store *st)
{
	struct sd_error	 err = SD_ERROR_INIT;
	cJSON		*a = NULL, *b = NULL;
	const cJSON	*q, *g;

	is_int(store_fixture(st), 0, "the fixture is stored");
	if (analytics_compute(st, NULL, NULL, 0, &a, &err) != SD_OK) {
		diag("%s", sd_error_msg(&err));
		ok(0, "analytics computed");
		return;
	}
	q = cJSON_GetObjectItem(a, "quality");
	near(num(q, "resolution.conversations"), 4, "4 conversations");
	near(num(q, "resolution.resolved"), 1, "1 resolved (a)");
	near(num(q, "resolution.not_resolved"), 1, "1 not resolved (c)");
	near(num(q, "resolution.unknown"), 2, "2 unknown (b, d)");
	near(num(q, "resolution.assumed"), 1, "1 assumed by Fin's rule (b)");
	near(num(q, "resolution.resolution_rate"), 0.25, "resolution rate");
	near(num(q, "resolution.fin_rate"), 0.5, "Fin's rate (a, b)");
	near(num(q, "resolution.reasons.negative_feedback"), 1,
	    "c: negative feedback");
	near(num(q, "turns"), 6, "6 turns");
	/* (2/3 + 2/2 + 0/2 + 1/2) / 4: turns with key terms */
	near(num(q, "relevance"), (2.0 / 3 + 1 + 0 + 0.5) / 4, "relevance");
	near(num(q, "accuracy"), 5.0 / 7, "accuracy: 5 backed of 7 claims");
	near(num(q, "helpfulness.ratings"), 2, "2 ratings");
	near(num(q, "helpfulness.mean"), 3, "mean rating (5 + 1) / 2");
	near(num(q, "helpfulness.positive_rate"), 0.5, "1 of 2 positive");
	near(num(q, "feelings.frustrated"), 1, "1 frustrated turn");
	near(num(q, "feelings.angry"), 1, "1 angry turn");
	near(num(q, "feelings.urgent"), 1, "1 urgent turn");
	near(num(q, "feelings.upset_rate"), 2.0 / 6, "upset: 2 of 6");
	g = group(q, "by_channel", "api");
	near(num(g, "turns"), 5, "api: 5 turns");
	near(num(g, "resolution.resolved"), 2, "api: 2 turns of a resolved "
	    "conversation");
	near(num(g, "resolution.not_resolved"), 2, "api: 2 of c");
	near(num(g, "resolution.unknown"), 1, "api: 1 of d");
	g = group(q, "by_channel", "console");
	near(num(g, "resolution.unknown"), 1, "console: b unknown");
	g = group(q, "by_intent", "troubleshooting");
	near(num(g, "relevance"), 0.25, "troubleshooting: (0 + 1/2) / 2");
	near(num(g, "accuracy"), 0, "troubleshooting: 0 of 1 backed");
	g = group(q, "by_variant", "recommend#1");
	near(num(g, "relevance"), 2.0 / 3, "recommend#1: 2 of 3 terms");
	near(num(g, "accuracy"), 0.75, "recommend#1: 3 of 4 backed");
	near(num(g, "helpfulness.mean"), 5, "recommend#1: rated 5");
	g = group(q, "by_day", "2026-11-02");
	near(num(g, "turns"), 3, "Nov 2: 3 turns");
	near(num(g, "feelings.angry"), 1, "Nov 2: 1 angry");
	g = group(q, "by_generator", "template");
	near(num(g, "turns"), 6, "template generator: 6 turns");
	/* The running totals and the full walk give the same object. */
	if (analytics_compute_full(st, NULL, NULL, 0, &b, &err) == SD_OK)
		ok(cJSON_Compare(cJSON_GetObjectItem(a, "quality"),
		    cJSON_GetObjectItem(b, "quality"), 1),
		    "the same quality from both paths");
	/* A range of one day holds its conversations only. */
	cJSON_Delete(b);
	b = NULL;
	if (analytics_compute(st, "2026-11-01T00:00:00Z",
	    "2026-11-01T23:59:59Z", 0, &b, &err) == SD_OK)
		near(num(cJSON_GetObjectItem(b, "quality"),
		    "resolution.conversations"), 2, "Nov 1: a and b");
	/*
	 * Failure patterns: c's first turn (fallback, asked again, 0 of 2
	 * terms) and second (rated 1, the last of a failed conversation),
	 * one pattern of both messages.  Content gaps: only the fallback
	 * (the second reply covered half its terms).
	 */
	g = cJSON_GetArrayItem(cJSON_GetObjectItem(q, "failures"), 0);
	is_int(cJSON_GetArraySize(cJSON_GetObjectItem(q, "failures")), 1,
	    "one failing intent");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(g, "intent")),
	    "troubleshooting", "troubleshooting fails");
	near(num(g, "count"), 2, "in 2 turns");
	near(num(g, "reasons.failed_reply"), 1, "1 fallback");
	near(num(g, "reasons.rephrased"), 1, "1 asked again");
	near(num(g, "reasons.low_relevance"), 1, "1 low relevance");
	near(num(g, "reasons.negative_feedback"), 1, "1 rated low");
	near(num(g, "reasons.unresolved"), 1, "1 ended a failed conversation");
	g = cJSON_GetArrayItem(cJSON_GetObjectItem(g, "patterns"), 0);
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(g, "terms")),
	    "broken charger", "the pattern's terms");
	near(num(g, "count"), 2, "both turns in it");
	is_int(cJSON_GetArraySize(cJSON_GetObjectItem(g, "examples")), 2,
	    "with both messages");
	is_int(cJSON_GetArraySize(cJSON_GetObjectItem(q, "gaps")), 1,
	    "one content gap");
	g = cJSON_GetArrayItem(cJSON_GetObjectItem(q, "gaps"), 0);
	near(num(g, "count"), 1, "the fallback only");
	cJSON_Delete(a);
	cJSON_Delete(b);
	sd_error_clear(&err);
}

/* Content gaps grouped by what was asked, on rows made by hand. */
static void
test_gaps(void)
{
	static const struct {
		const char *text, *terms, *intent, *action;
		int asked, covered;
	} in[] = {
		{ "do you sell usb hubs", "hubs sell usb", "product_inquiry",
		    "fallback", 3, 0 },
		{ "usb hubs?", "hubs usb", "none", "fallback", 2, 0 },
		{ "gift wrapping available", "available gift wrapping",
		    "none", "faq_answer", 3, 1 },
		{ "where is order 55", "55 order", "track_order",
		    "order_not_found", 2, 2 },
		{ "usb hub for laptop", "hub laptop usb", "recommendation",
		    "recommend_none", 3, 0 },
	};
	struct analytics_qrow v[N(in)];
	cJSON		*o = cJSON_CreateObject(), *gp, *g;
	size_t		 i;

	memset(v, 0, sizeof v);
	for (i = 0; i < N(in); i++) {
		v[i].session_id = (char *)(i < 2 ? "s1" : "s2");
		v[i].text = (char *)in[i].text;
		v[i].terms = (char *)in[i].terms;
		v[i].intent = (char *)in[i].intent;
		v[i].action = (char *)in[i].action;
		v[i].reply_id = (long long)i + 1;
		v[i].asked = in[i].asked;
		v[i].covered = in[i].covered;
	}
	analytics_gaps_emit(o, v, N(in));
	gp = cJSON_GetObjectItem(o, "gaps");
	/* usb hubs twice (2 of 3 terms shared), gift wrapping, usb hub. */
	is_int(cJSON_GetArraySize(gp), 3, "three gaps; an unknown order is "
	    "none");
	g = cJSON_GetArrayItem(gp, 0);
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(g, "terms")),
	    "hubs sell usb", "the most asked first");
	near(num(g, "count"), 2, "asked twice, worded two ways");
	is_int(cJSON_GetArraySize(cJSON_GetObjectItem(g, "intents")), 2,
	    "under two intents");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(gp,
	    1), "terms")), "available gift wrapping", "then gift wrapping "
	    "(a third of its terms covered)");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(gp,
	    2), "terms")), "hub laptop usb", "then nothing to recommend");
	/* The unknown order is a failure, not a gap. */
	g = cJSON_GetObjectItem(o, "failures");
	ok(cJSON_GetArraySize(g) == 4, "four failing intents (%d)",
	    cJSON_GetArraySize(g));
	cJSON_Delete(o);
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*dir = tap_tmpdir(), *path;
	struct store	*st;

	test_measure();
	test_walk();
	test_gaps();
	path = xasprintf("%s/q.db", dir);
	if ((st = store_open(path, NULL, &err)) == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	test_fixture(st);
	store_close(st);
	free(path);
	tap_rmtree(dir);
	free(dir);
	sd_error_clear(&err);
	done_testing();
	return exit_status();
}

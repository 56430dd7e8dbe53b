/*
 * Reviews of stored turns: the queue's score against hand-computed
 * values, its order, a review replaced by the next, the checks before
 * one is kept, the training examples reviews give, and the stories.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "history.h"
#include "intent.h"
#include "quality.h"
#include "review.h"
#include "sbuf.h"
#include "store.h"
#include "tap.h"

static void
scores(void)
{
	struct review_signals s;
	struct sbuf	 why = SBUF_INIT;
	double		 v;

	memset(&s, 0, sizeof s);
	s.confidence = 0.9;
	s.asked = -1;
	v = review_score(&s, &why);
	ok(v == 0 && why.len == 0, "no signal: score 0, no reason");
	/* 5 + 3 + 2 + 2 + (1 + 4 * 0.3) + 1.5 */
	s.rating = 1;
	s.feeling = "angry";
	s.asked_again = 1;
	s.action = "fallback";
	s.confidence = 0.2;
	s.asked = 4;
	s.covered = 1;
	v = review_score(&s, &why);
	ok(v > 15.7 - 1e-9 && v < 15.7 + 1e-9, "every signal: 15.7 (%g)", v);
	is_str(why.buf, "negative feedback (rated 1), angry, asked again, "
	    "fallback, low confidence 0.20, low relevance 1/4",
	    "every reason, surest first");
	sbuf_reset(&why);
	memset(&s, 0, sizeof s);
	s.confidence = 0.5;
	s.feeling = "frustrated";
	s.action = "clarify";
	s.rating = 4;
	s.asked = 2;
	s.covered = 1;
	v = review_score(&s, &why);
	ok(v == 4, "frustrated and a clarifying question: 2 + 2 (%g)", v);
	is_str(why.buf, "frustrated, clarify", "a good rating, confidence at "
	    "the line and half the terms covered are no reasons");
	sbuf_release(&why);
}

struct line {
	const char	*sid, *text, *intent, *action, *feeling;
	double		 confidence;
	int		 asked, covered;
};

/* Turns of two sessions, with their measures. */
static int
fixture(struct store *st)
{
	static const struct line t[] = {
		/* 1, 2 */
		{ "a", "my mail is ann@example.com", "greeting", "greet",
		    "none", 0.95, 1, 1 },
		/* 3, 4: low confidence 0.3: 1.8 */
		{ "a", "i want a cheap tablet", "contact_human_agent",
		    "escalate", "none", 0.3, 2, 2 },
		/* 5, 6: rated 2 below: 5 */
		{ "a", "where is order 12218", "track_order", "order_status",
		    "none", 0.99, 2, 2 },
		/* 7, 8: angry, a fallback: 5 */
		{ "b", "this is useless", "complaint", "fallback", "angry",
		    0.9, 1, 0 },
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;
	struct history_turn ht;
	struct quality_turn q;
	size_t		 i;
	int		 created, fails = 0;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		memset(&si, 0, sizeof si);
		if (history_session_open(st, t[i].sid, t[i].sid[0] == 'a' ?
		    "C1001" : NULL, "api", 0, &si, &created, &err) != SD_OK)
			fails++;
		session_info_release(&si);
		memset(&q, 0, sizeof q);
		q.terms = (char *)"";
		q.asked = t[i].asked;
		q.covered = t[i].covered;
		q.feeling = t[i].feeling;
		memset(&ht, 0, sizeof ht);
		ht.session_id = t[i].sid;
		ht.text = t[i].text;
		ht.intent = t[i].intent;
		ht.confidence = t[i].confidence;
		ht.reply = "a reply";
		ht.action = t[i].action;
		ht.latency_us = 10;
		ht.trace = "{}";
		ht.state = "{}";
		ht.status = "active";
		ht.quality = &q;
		if (history_turn_save(st, &ht, &err) != SD_OK)
			fails++;
	}
	if (store_exec(st, "INSERT INTO feedback(message_id, rating,"
	    " created_at) VALUES (6, 2, '2026-11-20T12:00:00Z')", &err) !=
	    SD_OK)
		fails++;
	if (fails)
		diag("%s", sd_error_msg(&err));
	sd_error_clear(&err);
	return fails;
}

static void
queue(struct store *st, int all, const char *want, const char *what)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct review_turn *v = NULL;
	struct sbuf	 got = SBUF_INIT;
	size_t		 n = 0, i;

	if (review_queue(st, 0, all, &v, &n, &err) != SD_OK)
		diag("queue: %s", sd_error_msg(&err));
	for (i = 0; i < n; i++) {
		sbuf_addf(&got, "%s%lld %s#%ld %.2f %s", i > 0 ? "; " : "",
		    v[i].id, v[i].session_id, v[i].number, v[i].score,
		    v[i].why);
		review_turn_release(&v[i]);
	}
	free(v);
	is_str(got.buf, want, "%s", what);
	sbuf_release(&got);
	sd_error_clear(&err);
}

static enum sd_rc
mark(struct store *st, long long turn, enum review_verdict v,
    const char *intent, const char *reply, struct review *out)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct review	 r;
	enum sd_rc	 rc;

	memset(&r, 0, sizeof r);
	r.turn = turn;
	r.verdict = v;
	r.intent = intent != NULL ? xstrdup(intent) : NULL;
	r.reply = reply != NULL ? xstrdup(reply) : NULL;
	r.reviewer = xstrdup("alice");
	if ((rc = review_save(st, &r, &err)) != SD_OK)
		diag("review_save: %s", sd_error_msg(&err));
	sd_error_clear(&err);
	if (out != NULL)
		*out = r;
	else
		review_release(&r);
	return rc;
}

static void
add_example(void *arg, const char *text, const char *intent)
{
	sbuf_addf(arg, "%s=%s;", text, intent);
}

static void
reviews(struct store *st)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct review	 r;
	struct review_turn t;
	struct sbuf	 sb = SBUF_INIT;
	char		*buf = NULL;
	size_t		 len = 0;
	FILE		*fp;
	long long	 n, skipped;

	is_int(mark(st, 3, REVIEW_BAD, "recomendation", NULL, NULL),
	    SD_ERR_INVALID, "an intent the model has not: refused");
	is_int(mark(st, 4, REVIEW_GOOD, NULL, NULL, NULL), SD_ERR_NOTFOUND,
	    "a bot line is no turn");
	is_int(mark(st, 3, REVIEW_NONE, NULL, NULL, NULL), SD_ERR_INVALID,
	    "no verdict: refused");
	memset(&r, 0, sizeof r);
	is_int(review_add_entity(&r, "colour=red", NULL), SD_ERR_INVALID,
	    "an unknown entity type");
	is_int(review_add_entity(&r, "category=", NULL), SD_ERR_INVALID,
	    "an entity without a value");
	is_int(review_add_entity(&r, "category=tablets", NULL), SD_OK,
	    "category=tablets");
	review_release(&r);
	is_int(store_count(st, "reviews"), 0, "nothing stored by refusals");

	is_int(mark(st, 3, REVIEW_BAD, "complaint", NULL, NULL), SD_OK,
	    "turn 3 bad");
	setenv("SHOPDESK_NOW", "2026-11-21T09:00:00Z", 1);
	is_int(mark(st, 3, REVIEW_BAD, "recommendation", "We have tablets.",
	    &r), SD_OK, "turn 3 again");
	is_int(r.revisions, 2, "the second review of turn 3");
	is_str(r.created_at, "2026-11-20T12:00:00Z", "created when first "
	    "reviewed");
	is_str(r.updated_at, "2026-11-21T09:00:00Z", "updated now");
	review_release(&r);
	is_int(store_count(st, "reviews"), 1, "one row per turn: the latest");
	if (review_turn_get(st, 3, &t, &err) != SD_OK)
		diag("%s", sd_error_msg(&err));
	is_str(t.review.intent, "recommendation", "the latest intent kept");
	is_int(t.number, 2, "turn 3 is the session's second");
	review_turn_release(&t);
	is_int(mark(st, 1, REVIEW_GOOD, NULL, NULL, NULL), SD_OK,
	    "turn 1 good");
	is_int(mark(st, 7, REVIEW_BAD, NULL, NULL, NULL), SD_OK,
	    "turn 7 bad, nothing corrected");

	queue(st, 0, "5 a#3 5.00 negative feedback (rated 2)", "unreviewed "
	    "only by default");
	queue(st, 1, "5 a#3 5.00 negative feedback (rated 2); "
	    "7 b#1 5.00 angry, fallback; 3 a#2 1.80 low confidence 0.30",
	    "--all: the unreviewed first, then by score");

	is_int(review_examples(st, add_example, &sb, &err), 2, "two "
	    "training examples: one corrected, one confirmed");
	is_str(sb.buf, "my mail is ann@example.com=greeting;"
	    "i want a cheap tablet=recommendation;", "the bad turn with "
	    "nothing corrected teaches nothing");

	fp = open_memstream(&buf, &len);
	if (review_stories(st, fp, &n, &skipped, &err) != SD_OK)
		diag("%s", sd_error_msg(&err));
	fclose(fp);
	is_int(n, 1, "one story: b's only review has no expectation");
	is_int(skipped, 1, "the bad turn with nothing corrected skipped");
	is_str(buf, "# Reviewed conversations (shopdesk export stories): "
	    "each reviewed turn\n# expects what the reviewer said it should "
	    "have been.\n\n"
	    "story: a, reviewed\nuser: C1001\n"
	    "> my mail is [email]\nintent: greeting\naction: greet\n"
	    "> i want a cheap tablet\nintent: recommendation\n"
	    "reply-like: We have tablets.\n\n", "the story of a, masked, up "
	    "to its last reviewed turn");
	free(buf);

	is_int(review_clear(st, 1, &err), SD_OK, "clear turn 1");
	is_int(review_clear(st, 1, NULL), SD_ERR_NOTFOUND, "cleared already");
	sbuf_release(&sb);
	sd_error_clear(&err);
}

/*
 * Training learns a reviewed turn: on a few lines where "i want" means
 * a person, the corrected "i want a cheap tablet" is a recommendation
 * once the review is among the examples, and not without it.
 */
static void
training(struct store *st, const char *dir)
{
	static const char data[] =
	    "{\"text\":\"i want a person\",\"intent\":\"contact_human_agent\"}\n"
	    "{\"text\":\"i want a human\",\"intent\":\"contact_human_agent\"}\n"
	    "{\"text\":\"i want to talk to someone\",\"intent\":"
	    "\"contact_human_agent\"}\n"
	    "{\"text\":\"i want an agent please\",\"intent\":"
	    "\"contact_human_agent\"}\n"
	    "{\"text\":\"recommend a laptop\",\"intent\":\"recommendation\"}\n"
	    "{\"text\":\"suggest some headphones\",\"intent\":"
	    "\"recommendation\"}\n"
	    "{\"text\":\"what phone should i buy\",\"intent\":"
	    "\"recommendation\"}\n"
	    "{\"text\":\"hello there\",\"intent\":\"greeting\"}\n"
	    "{\"text\":\"hi\",\"intent\":\"greeting\"}\n";
	struct sd_error	 err = SD_ERROR_INIT;
	struct intent_train_stats ts;
	struct intent_result r = INTENT_RESULT_INIT;
	struct intent_model *m;
	const char	*text = "i want a cheap tablet";
	char		*path = xasprintf("%s/small.jsonl", dir);
	FILE		*fp = fopen(path, "w");

	fputs(data, fp);
	fclose(fp);
	if ((m = intent_train_model((const char *const *)&path, 1, NULL, NULL,
	    NULL, &err)) == NULL)
		diag("train: %s", sd_error_msg(&err));
	intent_classify(m, text, strlen(text), &r);
	ok(strcmp(intent_names(NULL)[r.top[0].id], "recommendation") != 0,
	    "without the review: %s", intent_names(NULL)[r.top[0].id]);
	intent_model_free(m);
	if (intent_train(st, NULL, (const char *const *)&path, 1, &ts,
	    &err) != SD_OK)
		diag("intent_train: %s", sd_error_msg(&err));
	is_int((long long)ts.corrections, 1, "one reviewed example");
	m = intent_model_load(st, NULL, &err);
	intent_classify(m, text, strlen(text), &r);
	is_str(intent_names(NULL)[r.top[0].id], "recommendation",
	    "with it, the corrected intent");
	intent_model_free(m);
	intent_result_release(&r);
	sd_error_clear(&err);
	free(path);
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*dir = tap_tmpdir(), *path;
	struct store	*st;

	scores();
	setenv("SHOPDESK_NOW", "2026-11-20T12:00:00Z", 1);
	path = xasprintf("%s/r.db", dir);
	if ((st = store_open(path, NULL, &err)) == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	is_int(fixture(st), 0, "the fixture is stored");
	reviews(st);
	training(st, dir);
	store_close(st);
	free(path);
	tap_rmtree(dir);
	free(dir);
	done_testing();
	return exit_status();
}

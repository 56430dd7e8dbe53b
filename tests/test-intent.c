/*
 * Unit tests for intent.c: the name table and aliases, features,
 * deterministic training, calibration, the decision rule, bad input and
 * the model's round trip through the store.  Trains on share/nlu/store.jsonl
 * and store-oos.jsonl only (a second each), not on the whole set.
 */
#include "config.h"

#include <stdint.h>

#include "shopdesk.h"
#include "intent.h"
#include "paths.h"
#include "store.h"
#include "tap.h"

static char *
write_tmp(const char *dir, const char *name, const char *text)
{
	char	*p = paths_join(dir, name);
	FILE	*fp = fopen(p, "w");

	fputs(text, fp);
	fclose(fp);
	return p;
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct intent_result r = INTENT_RESULT_INIT, r2 = INTENT_RESULT_INIT;
	struct intent_model *m = NULL, *m2 = NULL, *m3, *m4;
	struct intent_train_stats st, st2, st3;
	struct store	*db;
	unsigned char	*b1 = NULL, *b2 = NULL, *b3 = NULL, *b4 = NULL;
	size_t		 n, l1 = 0, l2 = 0, l3 = 0, l4 = 0, i, n1;
	const char *const *nm;
	const char	*share = getenv("SHOPDESK_SHARE");
	char		 tmpl[] = "/tmp/sdintent.XXXXXX", *dir, *files[2], *bad;
	char		*files3[3];
	char		*big, *dbp;
	int		 same, sorted, sum_ok;
	enum sd_rc	 rc;
	float		 sum;

	if (share == NULL)
		share = BUILD_SHARE_DIR;
	dir = mkdtemp(tmpl);

	/* names and aliases */
	nm = intent_names(&n);
	ok(n == 44, "44 intents (%zu)", n);
	ok(intent_id("track_order") >= 0 && intent_id("warranty") >= 0 &&
	    intent_id("nope") == -1, "intent_id knows canonical names only");
	ok(strcmp(nm[intent_oos_id()], "out_of_scope") == 0,
	    "out_of_scope is the oos id");
	ok(intent_map_name("order_status") == intent_id("track_order") &&
	    intent_map_name("thank_you") == intent_id("thanks") &&
	    intent_map_name("yes") == intent_id("affirm") &&
	    intent_map_name("no") == intent_id("deny") &&
	    intent_map_name("None") == intent_oos_id() &&
	    intent_map_name("oos") == intent_oos_id() &&
	    intent_map_name("product_recommendation") ==
	    intent_id("recommendation"), "aliases map to the intent set");
	ok(intent_map_name("Cancel_Order") == intent_id("cancel_order"),
	    "names compare case-insensitively");
	ok(intent_map_name("book_flight") == -1, "unknown names are -1");

	/* features */
	n1 = intent_features("Where is my order #12345?", 25, &r);
	ok(n1 > 10, "features of a sentence (%zu)", n1);
	n = intent_features("WHERE is my Order #99999", 24, &r2);
	same = n == n1 && memcmp(r.keys, r2.keys, n * sizeof *r.keys) == 0;
	ok(same, "folding and digits: same features for case and number");
	n = intent_features("where is my parcel", 18, &r2);
	ok(n != n1 || memcmp(r.keys, r2.keys, n * sizeof *r.keys) != 0,
	    "a different word changes the features");
	ok(intent_features("", 0, &r) == 1, "empty text: only the end bigram");

	/* determinism: the same data gives the same blob, bit for bit */
	files[0] = paths_join(share, "nlu/store.jsonl");
	files[1] = paths_join(share, "nlu/store-oos.jsonl");
	m = intent_train_model((const char *const *)files, 2, &st, &b1, &l1,
	    &err);
	ok(m != NULL, "train on the store's files: %s", sd_error_msg(&err));
	m2 = intent_train_model((const char *const *)files, 2, &st2, &b2, &l2,
	    &err);
	ok(m2 != NULL && l1 == l2 && memcmp(b1, b2, l1) == 0,
	    "training twice gives the same blob (%zu bytes)", l1);
	ok(strcmp(st.data_hash, st2.data_hash) == 0, "same data hash");
	ok(st.train_accuracy > 0.95, "training accuracy %.4f",
	    st.train_accuracy);
	ok(st.temperature > 0.05 && st.temperature < 20,
	    "temperature %.3f fitted", st.temperature);
	intent_model_free(m2);
	m2 = intent_model_from_blob(b1, l1, &err);
	ok(m2 != NULL && intent_model_features(m2) == intent_model_features(m),
	    "model survives its blob");
	intent_classify(m, "is the galaxy s24 in stock", 26, &r);
	intent_classify(m2, "is the galaxy s24 in stock", 26, &r2);
	ok(r.id == r2.id && r.confidence == r2.confidence,
	    "the copy classifies the same");
	is_str(nm[r.id], "stock_availability", "stock question");
	ok(intent_model_from_blob(b1, l1 - 1, NULL) == NULL,
	    "a truncated blob is refused");
	b2[0] ^= 1;
	ok(intent_model_from_blob(b2, l2, NULL) == NULL,
	    "a blob with a bad magic is refused");

	/*
	 * The relevance model: not_store lines (share/nlu/scope) teach it
	 * what no store answers and leave the intent classifier as it was.
	 */
	files3[0] = files[0];
	files3[1] = files[1];
	files3[2] = paths_join(share, "nlu/scope/clinc150-not-store.jsonl");
	m3 = intent_train_model((const char *const *)files3, 3, &st3, &b3,
	    &l3, &err);
	ok(m3 != NULL && st3.examples == st.examples &&
	    st3.features == st.features, "not_store lines are no intent "
	    "examples and add no features (%zu)", st3.examples);
	intent_classify(m, "is the galaxy s24 in stock", 26, &r);
	intent_classify(m3, "is the galaxy s24 in stock", 26, &r2);
	ok(r.id == r2.id && r.top[0].score == r2.top[0].score &&
	    r.oos_score == r2.oos_score, "... and leave the intents' scores "
	    "unchanged");
	ok(r2.relevance > 0, "a stock question reads as the store's (%.2f)",
	    (double)r2.relevance);
	intent_classify(m, "how long should i boil an egg", 29, &r);
	intent_classify(m3, "how long should i boil an egg", 29, &r2);
	ok(r2.relevance < 0 && r2.relevance < r.relevance,
	    "cooking reads as not the store's, more so with the not_store "
	    "lines (%.2f < %.2f)", (double)r2.relevance, (double)r.relevance);
	m4 = intent_model_from_blob(b3, l3, &err);
	intent_classify(m4, "how long should i boil an egg", 29, &r);
	ok(m4 != NULL && r.relevance == r2.relevance,
	    "the relevance model survives its blob");
	intent_model_free(m4);
	m4 = intent_train_model((const char *const *)files3, 3, NULL, &b4,
	    &l4, &err);
	ok(m4 != NULL && l4 == l3 && memcmp(b3, b4, l3) == 0,
	    "training with not_store lines twice gives the same blob");
	intent_model_free(m3);
	intent_model_free(m4);
	free(b3);
	free(b4);
	free(files3[2]);

	/* calibration: scores are probabilities, ranked */
	intent_classify(m, "my laptop won't turn on", 23, &r);
	sorted = 1;
	sum = 0;
	for (i = 0; i < r.ntop; i++) {
		sum += r.top[i].score;
		if (i > 0 && r.top[i].score > r.top[i - 1].score)
			sorted = 0;
	}
	sum_ok = sum > 0 && sum <= 1.0001f;
	ok(r.ntop == INTENT_TOPK && sorted && sum_ok,
	    "top %zu sorted, scores sum %.3f <= 1", r.ntop, sum);
	is_str(nm[r.id], "troubleshooting", "troubleshooting question");
	ok(r.verdict == INTENT_OK && strstr(r.reason.buf, "threshold") != NULL,
	    "verdict ok, reason: %s", r.reason.buf);

	/* the decision rule: threshold and margin */
	intent_model_set_decision(m2, 0.9999, -1);
	intent_classify(m2, "hello can you tell me about the weather", 39, &r);
	ok(r.verdict == INTENT_OUT_OF_SCOPE && r.id == intent_oos_id(),
	    "weather is out of scope: %s", r.reason.buf);
	intent_classify(m2, "is the galaxy s24 in stock", 26, &r);
	ok(r.verdict == INTENT_AMBIGUOUS && strcmp(nm[r.id],
	    "stock_availability") == 0 && r.about_store,
	    "a store question below a threshold of 0.9999 is unsure, not "
	    "refused: %s", r.reason.buf);
	intent_model_set_decision(m2, 0, 1.0);
	intent_classify(m2, "do you have the iphone 15", 25, &r);
	ok(r.verdict == INTENT_AMBIGUOUS || r.id == intent_oos_id(),
	    "a margin of 1 makes it ambiguous: %s", r.reason.buf);
	ok(r.verdict != INTENT_AMBIGUOUS || r.id == r.top[0].id,
	    "ambiguous keeps the top intent");
	intent_classify(m, "what's the capital of australia", 31, &r);
	ok(r.id == intent_oos_id() && !r.about_store && r.in_store < 0.5,
	    "trivia is out of scope: %s", r.reason.buf);

	/* "is it about the store?" is decided apart from the intent */
	intent_classify(m, "my card got declined at checkout", 32, &r);
	ok(r.about_store && r.id != intent_oos_id() && r.store_words >= 2,
	    "a declined card at checkout is a store question: %s (%d store "
	    "words)", nm[r.id], r.store_words);
	for (i = 0, sorted = 1; i < r.ntop; i++)
		if (r.top[i].id == intent_oos_id())
			sorted = 0;
	ok(sorted, "about the store: out_of_scope is not in the ranking");
	intent_classify(m, "i want to top up my bank card", 29, &r);
	ok(r.other_words > 0 && !r.about_store, "bank words count against "
	    "the store (%d)", r.other_words);
	/* a typo matches a store word; another word does not */
	intent_classify(m, "a walk along the shore", 22, &r);
	n = (size_t)(r.store_words > 0);
	intent_classify(m, "sore throat", 11, &r);
	n += (size_t)(r.store_words > 0);
	ok(n == 0, "\"shore\" and \"sore\" are not \"store\"");
	intent_classify(m, "my acount", 9, &r);
	n = (size_t)(r.store_words > 0);
	intent_classify(m, "the warrenty", 12, &r);
	n += (size_t)(r.store_words > 0);
	ok(n == 2, "\"acount\" and \"warrenty\" are store words");
	/* chat shorthand the model never saw reads as its words, and the
	 * trace says so */
	intent_classify(m, "where is my order", 17, &r2);
	intent_classify(m, "idk where my order is rn", 24, &r);
	ok(strstr(r.reason.buf, "read as \"i dont know where my order is "
	    "right now\"") != NULL, "shorthand spelt out: %s",
	    r.reason.buf);
	ok(r.id == r2.id, "\"idk ... rn\" reads as the plain question: %s",
	    nm[r.id]);
	intent_classify(m, "u2 urn bus", 10, &r);
	ok(strstr(r.reason.buf, "read as") == NULL, "\"u2\", \"urn\" and "
	    "\"bus\" are not shorthand: %s", r.reason.buf);
	/* forms the model knows stay: "thank u" in store.jsonl, "pls" in
	 * the register variants */
	intent_classify(m, "can u pls check ur stock", 24, &r);
	ok(strstr(r.reason.buf, "read as \"can u pls check your stock\"") !=
	    NULL, "ur spelt out, u and pls known: %s", r.reason.buf);
	intent_classify(m, "whats the zorblax 9 like", 24, &r);
	sum = r.in_store;
	intent_in_store_evidence(m, &r, 0.9, 1);
	ok(r.about_store && r.in_store > sum && r.id != intent_oos_id() &&
	    r.products == 1, "a catalog product and a matching FAQ make it "
	    "a store question: %.2f -> %.2f, %s", sum, r.in_store,
	    r.reason.buf);
	intent_in_store_evidence(m, &r, -1, 0);
	ok(r.in_store == sum, "the evidence is replaced, not added up");
	intent_classify(m, "what's the capital of australia", 31, &r);
	intent_in_store_evidence(m, &r, 0.1, 0);
	ok(!r.about_store, "a weak retrieval score keeps trivia out: %s",
	    r.reason.buf);
	/* a follow-up on what was shown is about the store */
	intent_classify(m, "any of them sweat resistant?", 28, &r);
	sum = r.in_store;
	intent_in_store_context(m, &r, -1, 0, 1);
	ok(r.about_store && r.in_store > sum && r.refers > 0 &&
	    strstr(r.reason.buf, "points back") != NULL, "a list in focus "
	    "makes \"any of them...?\" a store question: %.2f -> %.2f, %s",
	    sum, r.in_store, r.reason.buf);
	intent_in_store_context(m, &r, -1, 0, 0);
	ok(r.in_store == sum, "without the focus, the classifier's score");
	intent_classify(m, "tell me a joke about them", 25, &r);
	intent_in_store_context(m, &r, -1, 0, 1);
	ok(!r.about_store, "a joke about them stays out of scope: %s",
	    r.reason.buf);
	intent_classify(m, "what's the capital of australia", 31, &r);
	intent_in_store_context(m, &r, -1, 0, 1);
	ok(!r.about_store && r.refers == 0, "trivia pointing at nothing "
	    "stays out with a list in focus");

	/* bad input never crashes; the result says what happened */
	intent_classify(m, "", 0, &r);
	ok(r.ntop > 0 && strstr(r.reason.buf, "no words") != NULL,
	    "empty text: %s", r.reason.buf);
	big = xmalloc(1 << 20);
	for (i = 0; i < 1 << 20; i++)
		big[i] = "warranty laptop "[i % 16];
	intent_classify(m, big, 1 << 20, &r);
	ok(r.clean.truncated && strstr(r.reason.buf, "cut at") != NULL,
	    "1 MB is cut: %s", r.reason.buf);
	memset(big, 'a', 1 << 20);
	intent_classify(m, big, 1 << 20, &r);
	ok(r.clean.truncated, "1 MB without a space");
	free(big);
	intent_classify(m, "my \xff\xfe laptop \xc3", 14, &r);
	ok(r.clean.repaired && strstr(r.reason.buf, "UTF-8") != NULL,
	    "invalid UTF-8 is repaired and said so");
	intent_classify(m, "hi\x01\x02\x1b[0m\x7f", 9, &r);
	ok(r.clean.controls, "control characters: %s", r.reason.buf);
	intent_classify(m, "\xf0\x9f\x98\x80\xf0\x9f\x8e\xa7\xf0\x9f\x92\xbb",
	    12, &r);
	ok(r.ntop > 0, "emoji only: %s", nm[r.id]);
	bad = "\xd9\x85\xd8\xb1\xd8\xad\xd8\xa8\xd8\xa7 \xd7\xa9\xd7\x9c\xd7"
	    "\x95\xd7\x9d \xe2\x80\x8f";
	intent_classify(m, bad, strlen(bad), &r);
	ok(r.ntop > 0, "right-to-left text: %s", nm[r.id]);
	intent_classify(m, "warranty\0laptop", 15, &r);
	ok(r.ntop > 0, "embedded NUL");

	/* training errors name the culprit and leave the store unchanged */
	bad = write_tmp(dir, "bad.jsonl", "{\"text\": \"hi\", \"intent\": "
	    "\"greeting\"}\n{\"text\": \"x\", \"intent\": \"book_flight\"}\n");
	dbp = paths_join(dir, "t.db");
	db = store_open(dbp, NULL, &err);
	ok(db != NULL, "scratch store");
	rc = intent_train(db, share, (const char *const *)&bad, 1, NULL, &err);
	ok(rc == SD_ERR_INVALID && strstr(err.msg, "bad.jsonl:2") != NULL &&
	    strstr(err.msg, "book_flight") != NULL,
	    "unknown intent: %s", sd_error_msg(&err));
	ok(store_count(db, "models") == 0, "nothing stored");
	free(bad);
	bad = write_tmp(dir, "bad2.jsonl", "{\"text\": 3, \"intent\": "
	    "\"greeting\"}\n");
	rc = intent_train(db, share, (const char *const *)&bad, 1, NULL, &err);
	ok(rc == SD_ERR_PARSE && strstr(err.msg, "bad2.jsonl:1") != NULL,
	    "a non-string text: %s", sd_error_msg(&err));
	free(bad);
	sd_error_clear(&err);
	rc = intent_train(db, share, (const char *const *)files, 2, &st, &err);
	ok(rc == SD_OK && store_count(db, "models") == 1,
	    "train and store: %s", sd_error_msg(&err));
	intent_model_free(m2);
	m2 = intent_model_load(db, share, &err);
	ok(m2 != NULL && intent_model_features(m2) == st.features,
	    "load the stored model (trained from files, not retrained)");
	store_close(db);
	unlink(dbp);
	free(dbp);

	intent_model_free(m);
	intent_model_free(m2);
	free(b1);
	free(b2);
	free(files[0]);
	free(files[1]);
	intent_result_release(&r);
	intent_result_release(&r2);
	sd_error_clear(&err);
	rmdir(dir);
	{
		char *p = paths_join(dir, "bad.jsonl");

		unlink(p);
		free(p);
		p = paths_join(dir, "bad2.jsonl");
		unlink(p);
		free(p);
		rmdir(dir);
	}
	done_testing();
	return tap_failed != 0;
}

/*
 * test-feeling: the feelings classifier trained on the shipped data:
 * plain questions, annoyance, anger in capitals and in sarcasm, urgency
 * and its negation, praise in strong words, determinism, bad input and
 * bad training files.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "feeling.h"
#include "tap.h"

static struct feeling_result fr = FEELING_RESULT_INIT;

static void
is_feeling(const struct feeling_model *m, const char *s, enum feeling want,
    int urgent)
{
	feeling_classify(m, s, strlen(s), &fr);
	ok(fr.feeling == want && fr.urgent == urgent, "\"%s\": %s%s (got %s%s,"
	    " %.2f/%.2f/%.2f, urgency %.2f)", s, feeling_name(want),
	    urgent ? " urgent" : "", feeling_name(fr.feeling),
	    fr.urgent ? " urgent" : "", fr.score[0], fr.score[1], fr.score[2],
	    fr.urgency);
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct feeling_model *m, *m2;
	struct feeling_result fr2 = FEELING_RESULT_INIT;
	struct sbuf	 sb = SBUF_INIT;
	char		*dir = tap_tmpdir(), *path, *big;
	const char	*files[1], *share;
	size_t		 nex = 0, nfeat = 0, i;
	FILE		*fp;

	if ((share = getenv("SHOPDESK_SHARE")) == NULL)
		share = BUILD_SHARE_DIR;
	m = feeling_model_open(share, &err);
	ok(m != NULL, "model trains from the shipped data");
	if (m == NULL)
		return exit_status();
	feeling_model_stats(m, &nex, &nfeat);
	ok(nex >= 300 && nfeat > 1000, "%zu messages, %zu features", nex,
	    nfeat);

	is_feeling(m, "what time do you open on sunday", FEELING_NONE, 0);
	is_feeling(m, "thanks, that solved it", FEELING_NONE, 0);
	is_feeling(m, "IS THE XBOX IN STOCK", FEELING_NONE, 0);
	is_feeling(m, "what a killer deal on the headphones", FEELING_NONE, 0);
	is_feeling(m, "no rush, ship it whenever", FEELING_NONE, 0);
	is_feeling(m, "my refund still isn't here after two weeks",
	    FEELING_FRUSTRATED, 0);
	is_feeling(m, "I want my money back NOW, this is a scam",
	    FEELING_ANGRY, 0);
	is_feeling(m, "i need it by tomorrow morning, can you ship express",
	    FEELING_NONE, 1);

	/* The same text gives the same scores; a second model is the same. */
	feeling_classify(m, "ugh, still waiting", 18, &fr);
	m2 = feeling_model_open(share, &err);
	feeling_classify(m2, "ugh, still waiting", 18, &fr2);
	ok(m2 != NULL && memcmp(fr.score, fr2.score, sizeof fr.score) == 0 &&
	    fr.urgency == fr2.urgency, "training is deterministic");
	feeling_model_close(m2);
	feeling_to_json(&fr, &sb);
	ok(strncmp(sb.buf, "{\"feeling\":\"", 12) == 0 &&
	    strstr(sb.buf, "\"scores\":{\"none\":") != NULL &&
	    strstr(sb.buf, "\"urgent\":") != NULL, "JSON: %s", sb.buf);

	/* Any bytes. */
	feeling_classify(m, "", 0, &fr);
	ok(fr.feeling == FEELING_NONE, "empty text: none");
	feeling_classify(m, "\xff\xfe WHY \x01\x02 !!!", 13, &fr);
	ok(fr.score[0] + fr.score[1] + fr.score[2] > 0.99f,
	    "invalid UTF-8 and controls: scores sum to 1");
	big = xmalloc(1 << 20);
	memset(big, 'A', 1 << 20);
	feeling_classify(m, big, 1 << 20, &fr);
	ok(fr.fx.clean.truncated, "1 MB of capitals is cut");
	free(big);

	/* Bad training files. */
	/* Each call first: the message is read after it is set. */
	m2 = feeling_model_open("/nonexistent", &err);
	ok(m2 == NULL && strstr(sd_error_msg(&err),
	    "no feelings training data") != NULL, "no data: %s",
	    sd_error_msg(&err));
	path = xasprintf("%s/bad.jsonl", dir);
	files[0] = path;
	fp = fopen(path, "w");
	fputs("{\"text\": \"hi\", \"feeling\": \"none\"}\n"
	    "{\"text\": \"hi\", \"feeling\": \"grumpy\"}\n", fp);
	fclose(fp);
	m2 = feeling_model_train(files, 1, &err);
	ok(m2 == NULL && strstr(sd_error_msg(&err),
	    "bad.jsonl:2: \"feeling\"") != NULL,
	    "an unknown feeling names file and line: %s", sd_error_msg(&err));
	fp = fopen(path, "w");
	fputs("{\"text\": \"hi\", \"feeling\": \"none\", \"urgent\": 1}\n", fp);
	fclose(fp);
	m2 = feeling_model_train(files, 1, &err);
	ok(m2 == NULL && strstr(sd_error_msg(&err), "\"urgent\"") != NULL,
	    "a non-boolean urgent fails: %s", sd_error_msg(&err));
	fp = fopen(path, "w");
	fclose(fp);
	m2 = feeling_model_train(files, 1, &err);
	ok(m2 == NULL, "an empty file trains nothing: %s",
	    sd_error_msg(&err));
	for (i = 0; i < 3; i++)
		ok(feeling_parse(feeling_name((enum feeling)i)) == (int)i,
		    "name %s parses back", feeling_name((enum feeling)i));

	feeling_model_close(m);
	feeling_result_release(&fr);
	feeling_result_release(&fr2);
	sbuf_release(&sb);
	sd_error_clear(&err);
	unlink(path);
	tap_rmtree(dir);
	free(path);
	free(dir);
	done_testing();
	return exit_status();
}

/*
 * test-factlib: the fact-checker against a library of model replies
 * (tests/data/factcheck-lies.jsonl) served by tests/fake-llm, plain and
 * streamed.  Each entry holds the customer's question and the turn's
 * context (products, documents, customer, dialogue state), the reply
 * the model gives, the false facts that must never reach the customer
 * and the true ones that must survive.  It prints the two figures the
 * checker is judged by:
 *
 *	false-fact pass rate	false facts shown / false facts served,
 *				counting everything a stream ever showed
 *				(even text a later reset took back); must be 0
 *	true-fact drop rate	true facts missing from the final reply /
 *				true facts served; must stay under 5%
 *
 * FACTLIB_VERBOSE=1 lists every fact that went the wrong way.
 */
#include "config.h"

#include <ctype.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <curl/curl.h>

#include "shopdesk.h"
#include "generate.h"
#include "ingest.h"
#include "sbuf.h"
#include "store.h"
#include "tap.h"
#include "seed.h"
#include "fake-llm-start.h"

static pid_t server;
static char url[64];
static char dir[] = "/tmp/test-factlib.XXXXXX";

/* Everything a stream showed, resets included. */
static int
on_token(void *arg, enum gen_event ev, const char *text, size_t len)
{
	struct sbuf	*shown = arg;

	if (ev == GEN_RESET)
		sbuf_adds(shown, "\n<reset>\n");
	sbuf_add(shown, text, len);
	return 0;
}

static int
has(const char *hay, const char *needle)
{
	size_t	 n = strlen(needle);

	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return 1;
	return 0;
}

struct tally {
	long		 false_served, false_shown_plain, false_shown_stream;
	long		 true_served, true_dropped;
	int		 verbose;
};

static const char *
jstr(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

#define TEMPLATE "Let me check that for you."

/* Ask for one entry's reply, plain or streamed; *shown gets what a
 * customer saw. */
static void
run_one(struct generator *g, const cJSON *e, int stream, struct sbuf *shown)
{
	const cJSON	*ctx = cJSON_GetObjectItem(e, "context"), *it;
	struct gen_source src[16];
	struct gen_request rq;
	struct gen_result res;
	struct sd_error	 err = SD_ERROR_INIT;
	char		*text, *state = NULL;
	size_t		 n = 0;

	memset(&rq, 0, sizeof rq);
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(ctx, "skus"))
		if (n < 16 && cJSON_IsString(it))
			src[n++] = (struct gen_source){ "product",
			    it->valuestring, NULL, NULL };
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(ctx, "docs"))
		if (n < 16 && cJSON_IsString(it))
			src[n++] = (struct gen_source){ "policy",
			    it->valuestring, NULL, NULL };
	if (cJSON_GetObjectItem(ctx, "state") != NULL)
		state = cJSON_PrintUnformatted(cJSON_GetObjectItem(ctx,
		    "state"));
	text = xasprintf("%s #lib", jstr(e, "user"));
	rq.text = text;
	rq.src = src;
	rq.nsrc = n;
	rq.state_json = state;
	rq.user_id = jstr(ctx, "user_id");
	rq.template_reply = TEMPLATE;
	rq.on_token = stream ? on_token : NULL;
	rq.arg = shown;
	sbuf_reset(shown);
	if (generate_reply(g, &rq, &res, &err) == SD_OK) {
		sbuf_adds(shown, "\n<final>\n");
		sbuf_adds(shown, res.reply);
	} else {
		sbuf_adds(shown, "\n<final>\n");
		sbuf_adds(shown, TEMPLATE);
	}
	gen_result_release(&res);
	sd_error_clear(&err);
	free(text);
	free(state);
}

static void
judge(struct tally *t, const cJSON *e, const char *plain, const char *stream)
{
	const cJSON	*f;
	const char	*final = strstr(plain, "\n<final>\n");

	final = final != NULL ? final + 9 : plain;
	cJSON_ArrayForEach(f, cJSON_GetObjectItem(e, "false")) {
		t->false_served++;
		if (has(plain, f->valuestring)) {
			t->false_shown_plain++;
			if (t->verbose)
				diag("%s: false fact shown: \"%s\" in: %s",
				    jstr(e, "id"), f->valuestring, plain);
		}
		if (has(stream, f->valuestring)) {
			t->false_shown_stream++;
			if (t->verbose)
				diag("%s: false fact streamed: \"%s\" in: %s",
				    jstr(e, "id"), f->valuestring, stream);
		}
	}
	cJSON_ArrayForEach(f, cJSON_GetObjectItem(e, "true")) {
		t->true_served++;
		if (!has(final, f->valuestring)) {
			t->true_dropped++;
			if (t->verbose)
				diag("%s: true fact dropped: \"%s\": %s",
				    jstr(e, "id"), f->valuestring, final);
		}
	}
}

int
main(void)
{
	const char	*srcdir = getenv("top_srcdir");
	const char	*share = getenv("SHOPDESK_SHARE");
	const char	*v = getenv("FACTLIB_VERBOSE");
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*st = NULL;
	struct gen_config gc;
	struct generator *g = NULL;
	struct sbuf	 line = SBUF_INIT, plain = SBUF_INIT;
	struct sbuf	 stream = SBUF_INIT;
	struct tally	 t;
	cJSON		*e;
	char		*lib, *db, *cmd;
	FILE		*fp;
	long		 entries = 0, lying = 0;
	int		 status;

	memset(&t, 0, sizeof t);
	t.verbose = v != NULL && *v == '1';
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (mkdtemp(dir) == NULL)
		return 1;
	lib = xasprintf("%s/tests/data/factcheck-lies.jsonl",
	    srcdir != NULL ? srcdir : ".");
	setenv("FAKE_LLM_LIBRARY", lib, 1);
	/* Order dates are judged against a fixed "today". */
	setenv("SHOPDESK_NOW", "2026-11-18T12:00:00Z", 1);
	server = fake_llm_start(dir, url, sizeof url);
	ok(strcmp(url, "http://127.0.0.1:0") != 0, "fake server up at %s",
	    url);
	db = xasprintf("%s/shop.db", dir);
	/* The library is written against the demo as its files date it:
	 * seed on that day (a store seeded later moves its dates). */
	setenv("SHOPDESK_NOW", "2026-11-20T12:00:00Z", 1);
	st = seed_store_at(db, share, &err);
	ok(st != NULL, "demo store: %s", sd_error_msg(&err));
	setenv("SHOPDESK_NOW", "2026-11-18T12:00:00Z", 1);
	gen_config_init(&gc);
	gc.url = xstrdup(url);
	gc.mode = GEN_LLM;
	gc.llm.backoff_ms = 10;
	gc.llm.timeout_ms = 10000;
	g = generator_open(st, &gc, &err);
	ok(g != NULL, "generator: %s", sd_error_msg(&err));
	if ((fp = fopen(lib, "r")) == NULL) {
		ok(0, "%s: cannot open", lib);
		goto out;
	}
	while (g != NULL && sbuf_getline(&line, fp) == 0) {
		if (line.len == 0)
			continue;
		if ((e = cJSON_Parse(line.buf)) == NULL ||
		    jstr(e, "user") == NULL || jstr(e, "reply") == NULL) {
			ok(0, "library line %ld is an entry", entries + 1);
			cJSON_Delete(e);
			continue;
		}
		entries++;
		lying += cJSON_GetArraySize(cJSON_GetObjectItem(e,
		    "false")) > 0;
		run_one(g, e, 0, &plain);
		run_one(g, e, 1, &stream);
		judge(&t, e, plain.buf, stream.buf);
		cJSON_Delete(e);
	}
	fclose(fp);
	ok(lying >= 60, "%ld entries, %ld of them lying", entries, lying);
	diag("false-fact pass rate: plain %ld/%ld, streamed %ld/%ld",
	    t.false_shown_plain, t.false_served, t.false_shown_stream,
	    t.false_served);
	diag("true-fact drop rate: %ld/%ld = %.1f%%", t.true_dropped,
	    t.true_served, t.true_served > 0 ? 100.0 * (double)t.true_dropped /
	    (double)t.true_served : 0.0);
	ok(t.false_served > 0 && t.false_shown_plain == 0,
	    "no false fact reaches a plain reply (%ld of %ld did)",
	    t.false_shown_plain, t.false_served);
	ok(t.false_shown_stream == 0,
	    "no false fact reaches a stream, even briefly (%ld of %ld did)",
	    t.false_shown_stream, t.false_served);
	ok(t.true_served > 0 && t.true_dropped * 20 < t.true_served,
	    "true facts dropped under 5%% (%ld of %ld)", t.true_dropped,
	    t.true_served);
out:
	generator_free(g);
	gen_config_release(&gc);
	store_close(st);
	kill(server, SIGTERM);
	waitpid(server, &status, 0);
	cmd = xasprintf("rm -rf %s", dir);
	if (system(cmd) != 0)
		ok(0, "clean up");
	free(cmd);
	free(db);
	free(lib);
	sbuf_release(&line);
	sbuf_release(&plain);
	sbuf_release(&stream);
	sd_error_clear(&err);
	curl_global_cleanup();
	done_testing();
	return tap_failed != 0;
}

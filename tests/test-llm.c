/*
 * test-llm: the SSE parser, the client against tests/fake-llm (plain,
 * streamed, 429 and 500 with retries, timeouts, truncated streams,
 * malformed JSON, embeddings), the fact-checker's claims on the demo
 * store, and generate_reply's corrections and fallbacks.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curl/curl.h>

#include "shopdesk.h"
#include "factcheck.h"
#include "generate.h"
#include "ingest.h"
#include "llm.h"
#include "sbuf.h"
#include "store.h"
#include "tap.h"
#include "seed.h"
#include "fake-llm-start.h"
#include "template.h"

static pid_t server;
static char url[64];
static char dir[] = "/tmp/test-llm.XXXXXX";

static int nev;
static struct sbuf evs = SBUF_INIT;

static int
on_ev(void *arg, const char *d, size_t n)
{
	(void)arg;
	nev++;
	sbuf_add(&evs, d, n);
	sbuf_addc(&evs, '|');
	return 0;
}

static int ntok;

static int
on_tok(void *arg, const char *t, size_t n)
{
	(void)arg;
	(void)t;
	(void)n;
	ntok++;
	return 0;
}

static struct llm *
client(long timeout, int retries)
{
	struct llm_config c = LLM_CONFIG_INIT;
	struct sd_error	 err = SD_ERROR_INIT;
	struct llm	*l;

	c.url = url;
	c.model = "fake";
	c.api_key = "sk-test-123";
	c.timeout_ms = timeout;
	c.retries = retries;
	c.backoff_ms = 10;
	l = llm_new(&c, &err);
	sd_error_clear(&err);
	return l;
}

static enum sd_rc
ask(struct llm *l, const char *q, int stream, struct llm_reply *r,
    struct sd_error *err)
{
	struct llm_message m = { "user", q };

	llm_reply_release(r);
	llm_reply_init(r);
	ntok = 0;
	return llm_chat(l, &m, 1, stream ? on_tok : NULL, NULL, r, err);
}

static const struct fc_claim *
claim(const struct fc_result *r, const char *kind)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->claims[i].kind, kind) == 0)
			return &r->claims[i];
	return NULL;
}

static const char *user_text;	/* the customer's words for check() */

static void
check(struct factcheck *fc, const char *user, const char *sku,
    const char *text, struct fc_result *r)
{
	struct fc_ctx	 ctx;
	const char	*skus[1];

	memset(&ctx, 0, sizeof ctx);
	skus[0] = sku;
	ctx.user_id = user;
	ctx.skus = skus;
	ctx.nskus = sku != NULL;
	ctx.user_text = user_text;
	fc_result_release(r);
	fc_result_init(r);
	factcheck_text(fc, &ctx, text, strlen(text), 0, NULL, r, NULL);
}

int
main(void)
{
	struct llm_sse	 sse;
	struct llm	*l;
	struct llm_reply r;
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*st;
	struct factcheck *fc;
	struct fc_result fr;
	const struct fc_claim *c;
	struct gen_config gc;
	struct generator *g;
	struct gen_result gr;
	struct gen_request rq;
	struct gen_source src[2];
	float		*v = NULL;
	int		 dim = 0, status;
	enum sd_rc	 rc;
	char		*db;
	const char	*texts[3] = { "gaming laptop", "gaming laptop",
			    "coffee grinder" };
	const char	*share = getenv("SHOPDESK_SHARE");

	curl_global_init(CURL_GLOBAL_DEFAULT);
	if (mkdtemp(dir) == NULL)
		return 1;

	/* SSE parsing, fed in awkward pieces. */
	llm_sse_init(&sse, on_ev, NULL);
	llm_sse_feed(&sse, ": hi\n\nda", 8);
	llm_sse_feed(&sse, "ta: {\"a\":1}\r", 12);
	llm_sse_feed(&sse, "\n\r\nevent: x\ndata: l1\ndata:l2\n\n", 30);
	ok(nev == 2 && strcmp(evs.buf, "{\"a\":1}|l1\nl2|") == 0,
	    "SSE: events across reads, CRLF, comments, multi-line data (%s)",
	    evs.buf);
	llm_sse_feed(&sse, "data: [DONE]\n\ndata: late\n\n", 26);
	ok(sse.done && nev == 2, "SSE: [DONE] ends the stream");
	llm_sse_release(&sse);

	server = fake_llm_start(dir, url, sizeof url);
	ok(strcmp(url, "http://127.0.0.1:0") != 0, "fake server up at %s", url);
	l = client(5000, 2);
	llm_reply_init(&r);
	rc = ask(l, "#say:Hello there.", 0, &r, &err);
	ok(rc == SD_OK &&
	    strcmp(r.text.buf, "Hello there.") == 0 && r.completion_tokens > 0,
	    "plain answer (%s)", sd_error_msg(&err));
	rc = ask(l, "#say:Hello there, streaming world.", 1, &r, &err);
	ok(rc == SD_OK &&
	    strcmp(r.text.buf, "Hello there, streaming world.") == 0 &&
	    ntok > 1 && strcmp(r.finish_reason, "stop") == 0,
	    "streamed answer in %d pieces (%s)", ntok, sd_error_msg(&err));
	rc = ask(l, "#say:ok #429x2", 0, &r, &err);
	ok(rc == SD_OK && r.attempts == 3,
	    "429 twice, then success on attempt %d", r.attempts);
	rc = ask(l, "#say:ok #500x1", 1, &r, &err);
	ok(rc == SD_OK && r.attempts == 2,
	    "500 once on a stream, retried");
	rc = ask(l, "#say:ok #500", 0, &r, &err);
	ok(rc == SD_ERR_NET && r.attempts == 3 &&
	    strstr(sd_error_msg(&err), "llm: POST http://127.0.0.1:") != NULL &&
	    strstr(sd_error_msg(&err), "HTTP 500: model crashed") != NULL,
	    "500 every time gives up after the retries: %s",
	    sd_error_msg(&err));
	rc = ask(l, "#say:Some text that will be cut in half. #truncate", 1,
	    &r, &err);
	ok(rc == SD_ERR_PARSE && strstr(sd_error_msg(&err),
	    "truncated stream") != NULL, "truncated stream: %s",
	    sd_error_msg(&err));
	rc = ask(l, "#say:Some longer text here to stream. #malformed", 1, &r,
	    &err);
	ok(rc != SD_OK && strstr(sd_error_msg(&err), "malformed JSON") !=
	    NULL, "malformed stream chunk: %s", sd_error_msg(&err));
	rc = ask(l, "#malformed", 0, &r, &err);
	ok(rc == SD_ERR_PARSE &&
	    strstr(sd_error_msg(&err), "malformed JSON response") != NULL,
	    "malformed plain body: %s", sd_error_msg(&err));
	llm_free(l);
	l = client(800, 2);
	rc = ask(l, "#say:late #slow", 0, &r, &err);
	ok(rc == SD_ERR_NET &&
	    r.latency_ms < 2500, "slow server: timeout after %ld ms: %s",
	    r.latency_ms, sd_error_msg(&err));
	ok(strstr(sd_error_msg(&err), "sk-test") == NULL,
	    "the API key is not in the error");
	llm_free(l);
	l = client(5000, 0);
	rc = llm_embed(l, texts, 3, &v, &dim, &err);
	ok(rc == SD_OK && dim == 384,
	    "embeddings: 3 of dimension %d", dim);
	ok(v != NULL && memcmp(v, v + 384, 384 * sizeof *v) == 0 &&
	    memcmp(v, v + 768, 384 * sizeof *v) != 0,
	    "embeddings are deterministic and differ by text");
	free(v);
	llm_free(l);
	l = NULL;
	llm_reply_release(&r);

	/* Fact-check on the demo store. */
	db = xasprintf("%s/shop.db", dir);
	sd_error_clear(&err);
	st = seed_store_at(db, share, &err);
	ok(st != NULL, "demo store: %s", sd_error_msg(&err));
	fc = factcheck_open(st, &err);
	fc_result_init(&fr);
	check(fc, NULL, NULL, "The ASUS ROG Strix G15 costs $999.", &fr);
	c = claim(&fr, "price");
	ok(c != NULL && c->verdict == FC_CORRECTED &&
	    strcmp(fr.text.buf, "The ASUS ROG Strix G15 costs $1,299.") == 0,
	    "wrong price corrected: %s", fr.text.buf);
	ok(c != NULL && strcmp(c->ev_id, "LAP-1008") == 0 &&
	    strcmp(c->ev_field, "price") == 0 && strcmp(c->ev_value, "1299") == 0,
	    "evidence names the row and field");
	check(fc, NULL, NULL, "The ROG Strix G15 is $1,299 [P:LAP-1008]. "
	    "It has 4.7/5 from 847 reviews, is in stock and has a 1-year "
	    "warranty.", &fr);
	ok(fr.n == 5 && !fr.contradicted && claim(&fr, "rating")->verdict ==
	    FC_SUPPORTED && claim(&fr, "reviews")->verdict == FC_SUPPORTED &&
	    claim(&fr, "stock")->verdict == FC_SUPPORTED &&
	    claim(&fr, "warranty")->verdict == FC_SUPPORTED &&
	    claim(&fr, "price")->verdict == FC_SUPPORTED,
	    "true claims supported (%zu claims), subject carried over", fr.n);
	ok(strstr(fr.text.buf, "[P:") == NULL && fr.ncites == 1 &&
	    strcmp(fr.cites[0].id, "LAP-1008") == 0, "markers become citations");
	check(fc, NULL, "LAP-1008", "It is rated 4.2 out of 5 by 500 reviews "
	    "and only 3 left. It comes with a 2-year warranty.", &fr);
	ok(strcmp(fr.text.buf, "It is rated 4.7 out of 5 by 847 reviews and "
	    "only 14 left. It comes with a 1-year warranty.") == 0,
	    "rating, reviews, stock count, warranty corrected: %s",
	    fr.text.buf);
	check(fc, NULL, NULL, "Try the ASUS ROG Strix G99 for $899. The "
	    "ASUS ROG Strix G15 is $1,299.", &fr);
	ok(fr.removed == 1 && claim(&fr, "product") != NULL &&
	    claim(&fr, "product")->verdict == FC_UNKNOWN_PRODUCT &&
	    strcmp(fr.text.buf, "The ASUS ROG Strix G15 is $1,299.") == 0,
	    "invented product: sentence removed: %s", fr.text.buf);
	check(fc, NULL, NULL, "See [P:FAKE-0001] for details. Thanks.", &fr);
	ok(fr.removed == 1 && strcmp(fr.text.buf, "Thanks.") == 0,
	    "unknown SKU marker removed");
	check(fc, "C1024", NULL, "Your order #11922 has shipped.", &fr);
	c = claim(&fr, "order_status");
	ok(c != NULL && c->verdict == FC_CORRECTED && strcmp(fr.text.buf,
	    "Your order #11922 has been delivered.") == 0,
	    "wrong order status corrected: %s", fr.text.buf);
	check(fc, "C1032", NULL, "Order #12360 (Logitech Brio 4K Webcam) "
	    "hasn't shipped yet; its invoice is under Account.", &fr);
	c = claim(&fr, "order_status");
	ok(c != NULL && c->verdict == FC_SUPPORTED && strcmp(fr.text.buf,
	    "Order #12360 (Logitech Brio 4K Webcam) hasn't shipped yet; its "
	    "invoice is under Account.") == 0,
	    "a true denial of shipping is kept as written: %s", fr.text.buf);
	check(fc, "C1024", NULL, "Your order #11922 hasn't shipped yet. "
	    "Thanks.", &fr);
	c = claim(&fr, "order_status");
	ok(c != NULL && c->verdict == FC_UNSUPPORTED && fr.removed == 1 &&
	    strcmp(fr.text.buf, "Thanks.") == 0,
	    "a false denial of a delivered order is dropped: %s", fr.text.buf);
	check(fc, "C1024", NULL, "Your order #11922 has not been cancelled.",
	    &fr);
	c = claim(&fr, "order_status");
	ok(c != NULL && c->verdict == FC_SUPPORTED,
	    "a true denial of cancelling is backed");
	check(fc, "C1004", NULL, "Your order #11922 has shipped.", &fr);
	ok(fr.contradicted, "someone else's order: contradicted");
	check(fc, "C1024", NULL, "Order #99999 was delivered.", &fr);
	ok(fr.contradicted, "unknown order: contradicted");
	check(fc, NULL, NULL, "You have a 14-day return window and a 20% "
	    "restocking fee applies. Free shipping on orders over $49.", &fr);
	ok(strcmp(fr.text.buf, "You have a 30-day return window and a 15% "
	    "restocking fee applies. Free shipping on orders over $49.") == 0,
	    "policy window and fee corrected, threshold supported: %s",
	    fr.text.buf);
	c = claim(&fr, "policy");
	ok(c != NULL && strcmp(c->ev_kind, "policy") == 0 && c->ev_id != NULL &&
	    strncmp(c->ev_id, "policy-", 7) == 0, "policy evidence: %s",
	    c != NULL && c->ev_id ? c->ev_id : "-");
	user_text = "any laptop under $1,500 with 16GB RAM and 4-6 hours "
	    "of battery?";
	check(fc, NULL, NULL, "Laptops under $1,500 with 16GB RAM and 4-6 "
	    "hours of battery are popular.", &fr);
	ok(fr.removed == 0 && strcmp(fr.text.buf, "Laptops under $1,500 with "
	    "16GB RAM and 4-6 hours of battery are popular.") == 0 &&
	    claim(&fr, "number") != NULL && strcmp(claim(&fr,
	    "number")->ev_kind, "customer") == 0,
	    "budgets, specs and ranges the customer gave are backed by them");
	user_text = NULL;
	check(fc, NULL, NULL, "Laptops under $1,500 with 16GB RAM are "
	    "popular. Ask me anything.", &fr);
	ok(fr.removed == 1 && strcmp(fr.text.buf, "Ask me anything.") == 0 &&
	    claim(&fr, "number")->verdict == FC_UNSUPPORTED,
	    "a budget nobody gave is not backed: %s", fr.text.buf);

	/*
	 * Templates go through the same checker: product_info filled with
	 * the ASUS ROG Strix G15's name but the Acer Nitro 5's figures.
	 */
	{
		struct template_set *ts;
		struct slots	 sl = SLOTS_INIT;
		struct sbuf	 out = SBUF_INIT;
		struct gen_check ck;
		struct gen_verdict vd;
		struct factcheck *tfc = NULL;
		cJSON		*cites = cJSON_Parse("[{\"kind\":\"product\","
				    "\"id\":\"LAP-1008\"}]");
		char		*tdir = xasprintf("%s/templates", share);

		ts = template_load_dir(tdir, &err);
		slots_set(&sl, "product_name", "ASUS ROG Strix G15");
		slots_set(&sl, "key_features", "an RTX 4050 and a 144 Hz "
		    "screen");
		slots_set(&sl, "price", "$899");
		slots_set(&sl, "rating", "4.3");
		slots_set(&sl, "review_count", "612");
		rc = ts != NULL ? template_render(ts, "product_info", &sl, 0,
		    &out, NULL, &err) : SD_ERR_PARSE;
		memset(&ck, 0, sizeof ck);
		ck.text = "tell me about the strix g15";
		ck.sources = cites;
		rc = rc == SD_OK ? gen_check_reply(&tfc, st, &ck, &out, &vd,
		    &err) : rc;
		ok(rc == SD_OK && vd.bug && vd.backed < vd.claims &&
		    strstr(out.buf, "$899") == NULL && strstr(out.buf,
		    "612") == NULL && strstr(out.buf, "4050") == NULL,
		    "a template filled from the wrong product is caught: "
		    "%d of %d claims backed; shown: %s", vd.backed, vd.claims,
		    out.buf);
		ok(vd.trace != NULL && cJSON_IsTrue(cJSON_GetObjectItem(
		    vd.trace, "bug")) && cJSON_GetArraySize(
		    cJSON_GetObjectItem(vd.trace, "factcheck")) > 0,
		    "the trace reports the bad fill");
		cJSON_Delete(vd.trace);
		slots_set(&sl, "key_features", "an RTX 3060 and a 300 Hz "
		    "screen");
		slots_set(&sl, "price", "$1,299");
		slots_set(&sl, "rating", "4.7");
		slots_set(&sl, "review_count", "847");
		sbuf_reset(&out);
		rc = template_render(ts, "product_info", &sl, 0, &out, NULL,
		    &err);
		rc = rc == SD_OK ? gen_check_reply(&tfc, st, &ck, &out, &vd,
		    &err) : rc;
		ok(rc == SD_OK && !vd.bug && vd.claims > 0 && vd.backed ==
		    vd.claims && strstr(out.buf, "$1,299") != NULL,
		    "the right product's fill passes: %d of %d: %s",
		    vd.backed, vd.claims, out.buf);
		cJSON_Delete(vd.trace);
		factcheck_free(tfc);
		template_free(ts);
		slots_release(&sl);
		sbuf_release(&out);
		cJSON_Delete(cites);
		free(tdir);
	}

	/* generate_reply end to end against the fake server. */
	gen_config_init(&gc);
	gc.url = xstrdup(url);
	gc.mode = GEN_LLM;
	gc.llm.backoff_ms = 10;
	gc.llm.timeout_ms = 4000;
	g = generator_open(st, &gc, &err);
	memset(&rq, 0, sizeof rq);
	src[0] = (struct gen_source){ "product", "LAP-1008", NULL, NULL };
	src[1] = (struct gen_source){ "policy", "policy-returns", NULL, NULL };
	rq.src = src;
	rq.nsrc = 2;
	rq.template_reply = "TEMPLATE";
	rq.text = "how much is the strix? #wrong-price";
	rc = generate_reply(g, &rq, &gr, &err);
	ok(rc == SD_OK && strstr(gr.reply,
	    "$1,299") != NULL && strstr(gr.reply, "847 reviews") != NULL,
	    "generated reply corrected: %s", gr.reply ? gr.reply : "-");
	ok(cJSON_GetArraySize(gr.factcheck) == 4 &&
	    cJSON_GetArraySize(gr.citations) == 1, "trace: 4 claims, 1 citation");
	gen_result_release(&gr);
	rq.text = "anything else? #invented";
	rc = generate_reply(g, &rq, &gr, &err);
	ok(rc == SD_OK && strstr(gr.reply,
	    "G99") == NULL && strstr(gr.reply, "Both are good") != NULL,
	    "invented product dropped: %s", gr.reply ? gr.reply : "-");
	gen_result_release(&gr);
	rq.text = "#say:Your order #11922 was delivered.";
	rq.user_id = "C1004";
	rc = generate_reply(g, &rq, &gr, &err);
	ok(rc != SD_OK && gr.reply == NULL &&
	    gr.fallback_reason != NULL && strstr(gr.fallback_reason,
	    "fact-check") != NULL, "uncorrectable claim falls back: %s",
	    gr.fallback_reason ? gr.fallback_reason : "-");
	gen_result_release(&gr);
	rq.text = "hello #500";
	rc = generate_reply(g, &rq, &gr, &err);
	ok(rc != SD_OK && gr.fallback_reason !=
	    NULL && strstr(gr.fallback_reason, "HTTP 500") != NULL &&
	    cJSON_GetObjectItem(gr.llm, "fallback_reason") != NULL,
	    "server error falls back: %s", gr.fallback_reason);
	gen_result_release(&gr);
	generator_free(g);
	gen_config_release(&gc);

	fc_result_release(&fr);
	factcheck_free(fc);
	store_close(st);
	kill(server, SIGTERM);
	waitpid(server, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0, "server stops");
	{
		char *cmd = xasprintf("rm -rf %s", dir);

		if (system(cmd) != 0)
			ok(0, "clean up");
		free(cmd);
	}
	free(db);
	sbuf_release(&evs);
	sd_error_clear(&err);
	curl_global_cleanup();
	done_testing();
	return tap_failed != 0;
}

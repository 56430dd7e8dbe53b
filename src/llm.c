/*
 * llm.c owns the conversation with an OpenAI-compatible server: request
 * bodies, the curl handle and its timeouts, retries with backoff, the
 * server-sent-event parser of streamed answers and the parsing of
 * answers and embeddings.  It knows nothing of shops: generate.c builds
 * the prompts.  The API key goes into one header and nowhere else.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <curl/curl.h>

#include "shopdesk.h"
#include "llm.h"
#include "sbuf.h"

#define BODY_MAX	(16u << 20)	/* larger answers are garbage */

struct llm {
	CURL		*curl;		/* reused: keeps the connection alive */
	char		*url;		/* base, without a trailing slash */
	char		*model;
	char		*embed_model;
	char		*auth;		/* "Authorization: Bearer ..." or NULL */
	struct llm_config cfg;		/* numbers; its strings are not used */
};

/* One HTTP exchange in progress. */
struct call {
	struct llm	*llm;
	struct sbuf	 body;		/* plain answer, or error body */
	struct llm_sse	 sse;
	int		 streaming;
	long		 retry_after_ms;	/* from the header, -1: none */
	struct llm_reply *reply;
	llm_token_fn	 on_token;
	void		*arg;
	int		 emitted;	/* content reached on_token */
	int		 aborted;	/* on_token said stop */
	int		 too_big;
	struct sbuf	 fail;		/* why the stream was rejected */
	int		 finished;	/* a finish_reason arrived */
};

static long long
now_ms(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void
sleep_ms(long ms)
{
	struct timespec	 ts;

	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) == -1 && errno == EINTR)
		;
}

void
llm_reply_init(struct llm_reply *r)
{
	memset(r, 0, sizeof *r);
	sbuf_init(&r->text);
	r->prompt_tokens = -1;
}

void
llm_reply_release(struct llm_reply *r)
{
	sbuf_release(&r->text);
	free(r->finish_reason);
	r->finish_reason = NULL;
}

/* Server-sent events. */

void
llm_sse_init(struct llm_sse *s, int (*on_data)(void *, const char *, size_t),
    void *arg)
{
	memset(s, 0, sizeof *s);
	sbuf_init(&s->pending);
	sbuf_init(&s->data);
	s->on_data = on_data;
	s->arg = arg;
}

void
llm_sse_release(struct llm_sse *s)
{
	sbuf_release(&s->pending);
	sbuf_release(&s->data);
}

/* One line of the stream, without its end of line. */
static enum sd_rc
sse_line(struct llm_sse *s, const char *line, size_t len)
{
	const char	*v;
	size_t		 vlen;
	int		 r;

	if (len == 0) {
		/* A blank line dispatches the event. */
		if (!s->has_data)
			return SD_OK;
		s->has_data = 0;
		if (strcmp(s->data.buf, "[DONE]") == 0) {
			s->done = 1;
			sbuf_reset(&s->data);
			return SD_OK;
		}
		r = s->on_data(s->arg, s->data.buf, s->data.len);
		sbuf_reset(&s->data);
		return r == 0 ? SD_OK : SD_ERR_PARSE;
	}
	if (line[0] == ':')
		return SD_OK;		/* comment, keep-alive */
	if (len < 5 || memcmp(line, "data", 4) != 0 ||
	    (line[4] != ':'))
		return SD_OK;		/* event:, id:, retry: */
	v = line + 5;
	vlen = len - 5;
	if (vlen > 0 && *v == ' ') {
		v++;
		vlen--;
	}
	if (s->has_data)
		sbuf_addc(&s->data, '\n');
	sbuf_add(&s->data, v, vlen);
	s->has_data = 1;
	return SD_OK;
}

enum sd_rc
llm_sse_feed(struct llm_sse *s, const char *p, size_t n)
{
	size_t		 start = 0, i, end;
	enum sd_rc	 rc = SD_OK;

	sbuf_add(&s->pending, p, n);
	for (i = 0; i < s->pending.len && !s->done; i++) {
		if (s->pending.buf[i] != '\n' && s->pending.buf[i] != '\r')
			continue;
		end = i;
		/* CRLF is one end of line. */
		if (s->pending.buf[i] == '\r') {
			if (i + 1 == s->pending.len)
				break;	/* wait: the LF may follow */
			if (s->pending.buf[i + 1] == '\n')
				i++;
		}
		if ((rc = sse_line(s, s->pending.buf + start, end - start)) !=
		    SD_OK)
			break;
		start = i + 1;
	}
	memmove(s->pending.buf, s->pending.buf + start,
	    s->pending.len - start);
	sbuf_setlen(&s->pending, s->pending.len - start);
	return rc;
}

/* The client. */

struct llm *
llm_new(const struct llm_config *cfg, struct sd_error *err)
{
	struct llm	*l;
	size_t		 n;

	if (cfg->url == NULL || *cfg->url == '\0') {
		sd_fail(err, SD_ERR_USAGE, "llm: no server URL (--llm-url or "
		    "SHOPDESK_LLM_URL)");
		return NULL;
	}
	if (strncmp(cfg->url, "http://", 7) != 0 &&
	    strncmp(cfg->url, "https://", 8) != 0) {
		sd_fail(err, SD_ERR_USAGE, "llm: %s: not an http(s) URL",
		    cfg->url);
		return NULL;
	}
	l = xcalloc(1, sizeof *l);
	l->cfg = *cfg;
	l->url = xstrdup(cfg->url);
	n = strlen(l->url);
	while (n > 0 && l->url[n - 1] == '/')
		l->url[--n] = '\0';
	/* A base that already ends in /v1 is common in other tools. */
	if (n >= 3 && strcmp(l->url + n - 3, "/v1") == 0)
		l->url[n - 3] = '\0';
	l->model = xstrdup(cfg->model != NULL && *cfg->model != '\0' ?
	    cfg->model : "default");
	l->embed_model = xstrdup(cfg->embed_model != NULL &&
	    *cfg->embed_model != '\0' ? cfg->embed_model : l->model);
	if (cfg->api_key != NULL && *cfg->api_key != '\0')
		l->auth = xasprintf("Authorization: Bearer %s", cfg->api_key);
	l->cfg.url = l->cfg.model = l->cfg.embed_model = l->cfg.api_key = NULL;
	if ((l->curl = curl_easy_init()) == NULL) {
		sd_fail(err, SD_ERR_NET, "llm: cannot create a curl handle");
		llm_free(l);
		return NULL;
	}
	return l;
}

void
llm_free(struct llm *l)
{
	if (l == NULL)
		return;
	if (l->curl != NULL)
		curl_easy_cleanup(l->curl);
	if (l->auth != NULL) {
		/* Do not leave the key lying in freed memory. */
		memset(l->auth, 0, strlen(l->auth));
		free(l->auth);
	}
	free(l->url);
	free(l->model);
	free(l->embed_model);
	free(l);
}

const char *
llm_model(const struct llm *l)
{
	return l->model;
}

static size_t
on_header(char *p, size_t size, size_t nmemb, void *arg)
{
	struct call	*c = arg;
	size_t		 n = size * nmemb;
	char		*v, *end;
	long		 secs;

	if (n > 12 && strncasecmp(p, "Retry-After:", 12) == 0) {
		v = xstrndup(p + 12, n - 12);
		errno = 0;
		secs = strtol(v, &end, 10);
		/* HTTP dates are rare from these servers: seconds only. */
		if (errno == 0 && end != v && secs >= 0 && secs < 86400)
			c->retry_after_ms = secs * 1000;
		free(v);
	}
	return n;
}

/* One streamed chunk: {"choices":[{"delta":{"content":...}}]} */
static int
on_event(void *arg, const char *data, size_t len)
{
	struct call	*c = arg;
	cJSON		*root, *ch, *delta, *content, *fin, *usage, *e;

	if ((root = cJSON_ParseWithLength(data, len)) == NULL) {
		sbuf_addf(&c->fail, "malformed JSON in stream");
		return -1;
	}
	if ((e = cJSON_GetObjectItemCaseSensitive(root, "error")) != NULL) {
		cJSON *m = cJSON_GetObjectItemCaseSensitive(e, "message");

		sbuf_addf(&c->fail, "server error in stream: %s",
		    cJSON_IsString(m) ? m->valuestring : "(no message)");
		cJSON_Delete(root);
		return -1;
	}
	ch = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root,
	    "choices"), 0);
	if (!cJSON_IsObject(ch)) {
		/* Some servers send a usage-only last chunk. */
		usage = cJSON_GetObjectItemCaseSensitive(root, "usage");
		if (!cJSON_IsObject(usage)) {
			sbuf_addf(&c->fail, "stream chunk without choices");
			cJSON_Delete(root);
			return -1;
		}
	}
	delta = cJSON_GetObjectItemCaseSensitive(ch, "delta");
	content = cJSON_GetObjectItemCaseSensitive(delta, "content");
	if (cJSON_IsString(content) && content->valuestring[0] != '\0') {
		size_t	 n = strlen(content->valuestring);

		sbuf_add(&c->reply->text, content->valuestring, n);
		c->reply->completion_tokens++;
		c->emitted = 1;
		if (c->on_token != NULL &&
		    c->on_token(c->arg, content->valuestring, n) != 0) {
			c->aborted = 1;
			cJSON_Delete(root);
			return -1;
		}
	}
	fin = cJSON_GetObjectItemCaseSensitive(ch, "finish_reason");
	if (cJSON_IsString(fin)) {
		free(c->reply->finish_reason);
		c->reply->finish_reason = xstrdup(fin->valuestring);
		c->finished = 1;
	}
	usage = cJSON_GetObjectItemCaseSensitive(root, "usage");
	if (cJSON_IsObject(usage)) {
		cJSON *pt = cJSON_GetObjectItemCaseSensitive(usage,
		    "prompt_tokens");
		cJSON *ct = cJSON_GetObjectItemCaseSensitive(usage,
		    "completion_tokens");

		if (cJSON_IsNumber(pt))
			c->reply->prompt_tokens = (long)pt->valuedouble;
		if (cJSON_IsNumber(ct))
			c->reply->completion_tokens = (long)ct->valuedouble;
	}
	cJSON_Delete(root);
	return 0;
}

static size_t
on_data(char *p, size_t size, size_t nmemb, void *arg)
{
	struct call	*c = arg;
	size_t		 n = size * nmemb;
	long		 code = 0;

	curl_easy_getinfo(c->llm->curl, CURLINFO_RESPONSE_CODE, &code);
	if (!c->streaming || code != 200) {
		if (c->body.len + n > BODY_MAX) {
			c->too_big = 1;
			return 0;
		}
		sbuf_add(&c->body, p, n);
		return n;
	}
	if (llm_sse_feed(&c->sse, p, n) != SD_OK)
		return 0;
	return n;
}

/* The server's own words about an error, shortened for a message. */
static void
add_error_detail(struct sbuf *sb, const char *body, size_t len)
{
	cJSON	*root, *e, *m;
	size_t	 i;

	if ((root = cJSON_ParseWithLength(body, len)) != NULL) {
		e = cJSON_GetObjectItemCaseSensitive(root, "error");
		m = cJSON_IsObject(e) ?
		    cJSON_GetObjectItemCaseSensitive(e, "message") : e;
		if (cJSON_IsString(m)) {
			sbuf_addf(sb, ": %.200s", m->valuestring);
			cJSON_Delete(root);
			return;
		}
		cJSON_Delete(root);
	}
	if (len == 0)
		return;
	sbuf_adds(sb, ": ");
	for (i = 0; i < len && i < 120; i++)
		sbuf_addc(sb, isprint((unsigned char)body[i]) ? body[i] : ' ');
}

/*
 * POST body to path, retrying while allowed.  On success c->body holds a
 * plain answer (streams went through the SSE parser).
 */
static enum sd_rc
post(struct llm *l, const char *path, const char *body, struct call *c,
    struct sd_error *err)
{
	struct curl_slist *hdr = NULL;
	char		 errbuf[CURL_ERROR_SIZE];
	char		*url = xasprintf("%s%s", l->url, path);
	long long	 start = now_ms(), left;
	long		 code, wait;
	int		 attempt, retryable;
	CURLcode	 cc;
	struct sbuf	 why = SBUF_INIT;
	enum sd_rc	 rc = SD_ERR_NET;

	hdr = curl_slist_append(hdr, "Content-Type: application/json");
	hdr = curl_slist_append(hdr, c->streaming ?
	    "Accept: text/event-stream" : "Accept: application/json");
	if (l->auth != NULL)
		hdr = curl_slist_append(hdr, l->auth);
	for (attempt = 0; ; attempt++) {
		left = l->cfg.timeout_ms - (now_ms() - start);
		if (left <= 0) {
			if (why.len == 0)
				sbuf_addf(&why, "timed out after %ld ms",
				    l->cfg.timeout_ms);
			break;
		}
		sbuf_reset(&c->body);
		sbuf_reset(&c->fail);
		llm_sse_release(&c->sse);
		llm_sse_init(&c->sse, on_event, c);
		c->retry_after_ms = -1;
		c->too_big = 0;
		errbuf[0] = '\0';
		curl_easy_reset(l->curl);
		curl_easy_setopt(l->curl, CURLOPT_URL, url);
		curl_easy_setopt(l->curl, CURLOPT_POST, 1L);
		curl_easy_setopt(l->curl, CURLOPT_POSTFIELDS, body);
		curl_easy_setopt(l->curl, CURLOPT_POSTFIELDSIZE,
		    (long)strlen(body));
		curl_easy_setopt(l->curl, CURLOPT_HTTPHEADER, hdr);
		curl_easy_setopt(l->curl, CURLOPT_NOSIGNAL, 1L);
		curl_easy_setopt(l->curl, CURLOPT_CONNECTTIMEOUT_MS,
		    l->cfg.connect_timeout_ms < left ?
		    l->cfg.connect_timeout_ms : left);
		curl_easy_setopt(l->curl, CURLOPT_TIMEOUT_MS, (long)left);
		if (c->streaming && l->cfg.stall_ms > 0) {
			/* Whole seconds only: round up. */
			curl_easy_setopt(l->curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
			curl_easy_setopt(l->curl, CURLOPT_LOW_SPEED_TIME,
			    (l->cfg.stall_ms + 999) / 1000);
		}
		curl_easy_setopt(l->curl, CURLOPT_WRITEFUNCTION, on_data);
		curl_easy_setopt(l->curl, CURLOPT_WRITEDATA, c);
		curl_easy_setopt(l->curl, CURLOPT_HEADERFUNCTION, on_header);
		curl_easy_setopt(l->curl, CURLOPT_HEADERDATA, c);
		curl_easy_setopt(l->curl, CURLOPT_ERRORBUFFER, errbuf);
		curl_easy_setopt(l->curl, CURLOPT_USERAGENT, "shopdesk/"
		    PACKAGE_VERSION);
		cc = curl_easy_perform(l->curl);
		code = 0;
		curl_easy_getinfo(l->curl, CURLINFO_RESPONSE_CODE, &code);
		c->reply->attempts = attempt + 1;
		c->reply->http_status = code;
		sbuf_reset(&why);
		retryable = 0;
		if (cc != CURLE_OK && c->fail.len > 0) {
			sbuf_add(&why, c->fail.buf, c->fail.len);
		} else if (c->aborted) {
			sbuf_adds(&why, "aborted by caller");
		} else if (c->too_big) {
			sbuf_addf(&why, "answer larger than %u bytes",
			    BODY_MAX);
		} else if (cc != CURLE_OK) {
			sbuf_adds(&why, errbuf[0] != '\0' ? errbuf :
			    curl_easy_strerror(cc));
		} else if (code != 200) {
			sbuf_addf(&why, "HTTP %ld", code);
			add_error_detail(&why, c->body.buf, c->body.len);
			retryable = code == 429 || code >= 500;
		} else {
			rc = SD_OK;
			break;
		}
		/* Content already shown cannot be taken back: no retry. */
		if (!retryable || c->emitted || attempt >= l->cfg.retries)
			break;
		wait = l->cfg.backoff_ms << (attempt < 16 ? attempt : 16);
		if (c->retry_after_ms >= 0)
			wait = c->retry_after_ms > wait ? c->retry_after_ms :
			    wait;
		if (wait > l->cfg.backoff_max_ms)
			wait = l->cfg.backoff_max_ms;
		if (wait >= l->cfg.timeout_ms - (now_ms() - start)) {
			sbuf_addf(&why, " (no time left to retry)");
			break;
		}
		sleep_ms(wait);
	}
	if (rc != SD_OK)
		sd_fail(err, SD_ERR_NET, "llm: POST %s: %s", url, why.buf);
	curl_slist_free_all(hdr);
	sbuf_release(&why);
	free(url);
	return rc;
}

static void
call_init(struct call *c, struct llm *l, struct llm_reply *r)
{
	memset(c, 0, sizeof *c);
	c->llm = l;
	c->reply = r;
	sbuf_init(&c->body);
	sbuf_init(&c->fail);
	llm_sse_init(&c->sse, on_event, c);
}

static void
call_release(struct call *c)
{
	sbuf_release(&c->body);
	sbuf_release(&c->fail);
	llm_sse_release(&c->sse);
}

static enum sd_rc
parse_plain(struct call *c, struct sd_error *err)
{
	cJSON		*root, *ch, *msg, *content, *fin, *usage, *x;

	if ((root = cJSON_ParseWithLength(c->body.buf, c->body.len)) ==
	    NULL)
		return sd_fail(err, SD_ERR_PARSE, "malformed JSON response");
	ch = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(root,
	    "choices"), 0);
	msg = cJSON_GetObjectItemCaseSensitive(ch, "message");
	content = cJSON_GetObjectItemCaseSensitive(msg, "content");
	if (!cJSON_IsString(content)) {
		cJSON_Delete(root);
		return sd_fail(err, SD_ERR_PARSE, "response without "
		    "choices[0].message.content");
	}
	sbuf_adds(&c->reply->text, content->valuestring);
	fin = cJSON_GetObjectItemCaseSensitive(ch, "finish_reason");
	if (cJSON_IsString(fin))
		c->reply->finish_reason = xstrdup(fin->valuestring);
	usage = cJSON_GetObjectItemCaseSensitive(root, "usage");
	if ((x = cJSON_GetObjectItemCaseSensitive(usage, "prompt_tokens")) !=
	    NULL && cJSON_IsNumber(x))
		c->reply->prompt_tokens = (long)x->valuedouble;
	if ((x = cJSON_GetObjectItemCaseSensitive(usage,
	    "completion_tokens")) != NULL && cJSON_IsNumber(x))
		c->reply->completion_tokens = (long)x->valuedouble;
	cJSON_Delete(root);
	return SD_OK;
}

enum sd_rc
llm_chat(struct llm *l, const struct llm_message *msgs, size_t n,
    llm_token_fn on_token, void *arg, struct llm_reply *r,
    struct sd_error *err)
{
	struct call	 c;
	cJSON		*root = cJSON_CreateObject(), *arr, *m;
	char		*body;
	char		*url = NULL;
	long long	 start = now_ms();
	size_t		 i;
	enum sd_rc	 rc;

	call_init(&c, l, r);
	c.streaming = on_token != NULL;
	c.on_token = on_token;
	c.arg = arg;
	cJSON_AddStringToObject(root, "model", l->model);
	arr = cJSON_AddArrayToObject(root, "messages");
	for (i = 0; i < n; i++) {
		m = cJSON_CreateObject();
		cJSON_AddStringToObject(m, "role", msgs[i].role);
		cJSON_AddStringToObject(m, "content", msgs[i].content);
		cJSON_AddItemToArray(arr, m);
	}
	cJSON_AddNumberToObject(root, "max_tokens", l->cfg.max_tokens);
	cJSON_AddNumberToObject(root, "temperature", l->cfg.temperature);
	cJSON_AddBoolToObject(root, "stream", c.streaming);
	if (c.streaming) {
		/* Ask for token counts in the last chunk (OpenAI, vLLM). */
		cJSON_AddTrueToObject(cJSON_AddObjectToObject(root,
		    "stream_options"), "include_usage");
		r->completion_tokens = 0;
	}
	body = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	rc = post(l, "/v1/chat/completions", body, &c, err);
	if (rc == SD_OK) {
		if (!c.streaming)
			rc = parse_plain(&c, err);
		else if (!c.sse.done && !c.finished) {
			rc = sd_fail(err, SD_ERR_PARSE, "truncated stream "
			    "(no [DONE] after %zu bytes)", r->text.len);
		} else if (c.fail.len > 0)
			rc = sd_fail(err, SD_ERR_PARSE, "%s", c.fail.buf);
		if (rc != SD_OK) {
			url = xasprintf("%s/v1/chat/completions", l->url);
			sd_error_prefix(err, "llm: POST %s: ", url);
		}
	}
	r->latency_ms = (long)(now_ms() - start);
	free(url);
	free(body);
	call_release(&c);
	return rc;
}

enum sd_rc
llm_embed(struct llm *l, const char *const *texts, size_t n, float **vecs,
    int *dim, struct sd_error *err)
{
	struct call	 c;
	struct llm_reply r;
	cJSON		*root = cJSON_CreateObject(), *arr, *data, *it, *emb, *x,
			*idx;
	char		*body;
	float		*v = NULL;
	int		 d = -1, j;
	size_t		 i, k;
	enum sd_rc	 rc;

	*vecs = NULL;
	*dim = 0;
	llm_reply_init(&r);
	call_init(&c, l, &r);
	cJSON_AddStringToObject(root, "model", l->embed_model);
	arr = cJSON_AddArrayToObject(root, "input");
	for (i = 0; i < n; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(texts[i]));
	body = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	root = NULL;
	if ((rc = post(l, "/v1/embeddings", body, &c, err)) != SD_OK)
		goto out;
	rc = SD_ERR_PARSE;
	if ((root = cJSON_ParseWithLength(c.body.buf, c.body.len)) == NULL) {
		sd_fail(err, rc, "malformed JSON response");
		goto bad;
	}
	data = cJSON_GetObjectItemCaseSensitive(root, "data");
	if (!cJSON_IsArray(data) || (size_t)cJSON_GetArraySize(data) != n) {
		sd_fail(err, rc, "expected %zu embeddings in \"data\"", n);
		goto bad;
	}
	k = 0;
	cJSON_ArrayForEach(it, data) {
		emb = cJSON_GetObjectItemCaseSensitive(it, "embedding");
		idx = cJSON_GetObjectItemCaseSensitive(it, "index");
		i = cJSON_IsNumber(idx) ? (size_t)idx->valuedouble : k;
		k++;
		if (!cJSON_IsArray(emb) || i >= n) {
			sd_fail(err, rc, "data[%zu]: no embedding array", k - 1);
			goto bad;
		}
		if (d < 0) {
			d = cJSON_GetArraySize(emb);
			if (d <= 0 || d > 65536) {
				sd_fail(err, rc, "embedding of dimension %d", d);
				goto bad;
			}
			v = xcalloc(n * (size_t)d, sizeof *v);
		}
		if (cJSON_GetArraySize(emb) != d) {
			sd_fail(err, rc, "data[%zu]: dimension %d, expected %d",
			    k - 1, cJSON_GetArraySize(emb), d);
			goto bad;
		}
		j = 0;
		cJSON_ArrayForEach(x, emb) {
			if (!cJSON_IsNumber(x)) {
				sd_fail(err, rc, "data[%zu]: not a number",
				    k - 1);
				goto bad;
			}
			v[i * (size_t)d + (size_t)j++] = (float)x->valuedouble;
		}
	}
	*vecs = v;
	*dim = d;
	v = NULL;
	rc = SD_OK;
	goto out;
bad:
	{
		char *url = xasprintf("%s/v1/embeddings", l->url);

		sd_error_prefix(err, "llm: POST %s: ", url);
		free(url);
	}
out:
	free(v);
	cJSON_Delete(root);
	free(body);
	call_release(&c);
	llm_reply_release(&r);
	return rc;
}

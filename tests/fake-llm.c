/*
 * fake-llm: a local stand-in for an OpenAI-compatible server, for the
 * test suite (there is no model on the build machines).  It listens on
 * 127.0.0.1 on a free port, writes the port to a file, and answers
 *
 *	POST /v1/chat/completions	plain or streamed (SSE)
 *	POST /v1/embeddings		hashed bag of words, 384 dimensions
 *
 * The embeddings know a few related words, as a real model would: the
 * words of one group below count as the group's first word, so a query
 * can be close to a text with none of its words (what retrieval tests of
 * vector search need; BM25 cannot see the relation).  Function words
 * ("the", "how", "is"...) carry no weight, as in a trained model, so
 * that two questions are not close merely for being questions.
 *
 * Behaviour is scripted by markers in the request (the tests put them in
 * the customer's question):
 *
 *	(none)		answer from the prompt's first product line
 *	#say:TEXT	answer TEXT verbatim (to the end of the line)
 *	#wrong-price	a wrong price, rating and review count
 *	#invented	adds a product the catalog does not have
 *	#slow		waits 3 s before answering (timeouts)
 *	#drip		streams a sentence at a time, 1.5 s apart (front
 *			ends that show a reply as it comes)
 *	#429xN, #500xN	fail N times for the same request body, then answer
 *	#500		always 500
 *	#truncate	the stream stops half-way without [DONE]
 *	#malformed	invalid JSON (plain body or stream chunk)
 *	#lib		the "reply" of the library entry (JSONL file named by
 *			$FAKE_LLM_LIBRARY) whose "user" text is the prompt's
 *			QUESTION without the marker: replies that lie in
 *			many ways, for the fact-checker's tests
 *
 * usage: fake-llm PORTFILE [LOGFILE]; stops on SIGTERM/SIGINT.
 */
#include "config.h"

#include <ctype.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>

#include <cjson/cJSON.h>
#include <microhttpd.h>

#define DIM	384
#define MAXBODY	(4 << 20)

static volatile sig_atomic_t stop;
static FILE *logfp;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* Attempts seen per request body, for #429xN / #500xN. */
static struct seen {
	uint64_t	 h;
	int		 n;
} seen[1024];

struct req {
	char	*body;
	size_t	 len;
};

struct stream {
	char	**ev;		/* SSE events to send */
	size_t	 n, i;
	size_t	 off;		/* bytes of ev[i] sent */
	int	 error_at_end;	/* close abruptly */
	unsigned *wait_us;	/* wait before sending each event */
};

static void
on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static uint64_t
fnv(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t	 i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
	return h;
}

static int
attempt_of(const char *body, size_t len)
{
	uint64_t h = fnv(body, len);
	size_t	 i = h % 1024;
	int	 n;

	pthread_mutex_lock(&lock);
	while (seen[i].h != 0 && seen[i].h != h)
		i = (i + 1) % 1024;
	seen[i].h = h;
	n = seen[i].n++;
	pthread_mutex_unlock(&lock);
	return n;
}

static enum MHD_Result
reply(struct MHD_Connection *c, unsigned code, const char *type,
    const char *body, const char *retry_after)
{
	struct MHD_Response *r;
	enum MHD_Result ret;

	r = MHD_create_response_from_buffer(strlen(body), (void *)body,
	    MHD_RESPMEM_MUST_COPY);
	MHD_add_response_header(r, "Content-Type", type);
	if (retry_after != NULL)
		MHD_add_response_header(r, "Retry-After", retry_after);
	ret = MHD_queue_response(c, code, r);
	MHD_destroy_response(r);
	return ret;
}

/* The text of the last user message. */
static const char *
user_text(cJSON *root)
{
	cJSON	*msgs = cJSON_GetObjectItem(root, "messages"), *m, *content;
	const char *t = "";

	cJSON_ArrayForEach(m, msgs) {
		content = cJSON_GetObjectItem(m, "content");
		if (cJSON_IsString(content))
			t = content->valuestring;
	}
	return t;
}

/*
 * #lib: the library entry answering the prompt's question, read afresh
 * each time (the file is small and a test may rewrite it).
 */
static char *
library_answer(const char *prompt)
{
	const char *path = getenv("FAKE_LLM_LIBRARY"), *q, *e, *m;
	char	 line[8192], *out = NULL, *question;
	size_t	 n;
	FILE	*fp;
	cJSON	*o, *u, *r;

	if ((q = strstr(prompt, "\nQUESTION: ")) == NULL)
		return strdup("(no question)");
	q += 11;
	e = strchr(q, '\n');
	n = e != NULL ? (size_t)(e - q) : strlen(q);
	question = malloc(n + 1);
	memcpy(question, q, n);
	question[n] = '\0';
	if ((m = strstr(question, " #lib")) != NULL)
		question[m - question] = '\0';
	if (path == NULL || (fp = fopen(path, "r")) == NULL) {
		free(question);
		return strdup("(no library)");
	}
	while (out == NULL && fgets(line, sizeof line, fp) != NULL) {
		if ((o = cJSON_Parse(line)) == NULL)
			continue;
		u = cJSON_GetObjectItem(o, "user");
		r = cJSON_GetObjectItem(o, "reply");
		if (cJSON_IsString(u) && cJSON_IsString(r) &&
		    strcmp(u->valuestring, question) == 0)
			out = strdup(r->valuestring);
		cJSON_Delete(o);
	}
	fclose(fp);
	free(question);
	return out != NULL ? out : strdup("(not in the library)");
}

/* The answer for a prompt: from its first product line, or scripted. */
static char *
answer_for(const char *prompt)
{
	const char *p, *q, *e;
	char	 sku[64] = "", name[256] = "", price[64] = "", doc[128] = "";
	char	*out;
	size_t	 n;

	if (strstr(prompt, "#lib") != NULL)
		return library_answer(prompt);
	if ((p = strstr(prompt, "#say:")) != NULL) {
		p += 5;
		e = strchr(p, '\n');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		out = malloc(n + 1);
		memcpy(out, p, n);
		out[n] = '\0';
		return out;
	}
	if ((p = strstr(prompt, "\n[P:")) != NULL) {
		p += 4;
		if ((q = strchr(p, ']')) != NULL && q - p < 63) {
			memcpy(sku, p, (size_t)(q - p));
			sku[q - p] = '\0';
			p = q + 2;
			if ((q = strstr(p, " (")) != NULL && q - p < 255) {
				memcpy(name, p, (size_t)(q - p));
				name[q - p] = '\0';
			}
			if ((p = strstr(q != NULL ? q : p, "Price ")) != NULL) {
				p += 6;
				for (n = 0; p[n] != ' ' && p[n] != '\0' &&
				    n < 63; n++)
					price[n] = p[n];
				price[n] = '\0';
			}
		}
	}
	if ((p = strstr(prompt, "\n[D:")) != NULL) {
		p += 4;
		if ((q = strchr(p, ']')) != NULL && q - p < 127) {
			memcpy(doc, p, (size_t)(q - p));
			doc[q - p] = '\0';
		}
	}
	out = malloc(2048);
	if (sku[0] == '\0') {
		snprintf(out, 2048, "I could not find that in our catalog%s%s%s",
		    doc[0] != '\0' ? ", but this may help [D:" : ".",
		    doc, doc[0] != '\0' ? "]." : "");
		return out;
	}
	if (strstr(prompt, "#wrong-price") != NULL)
		snprintf(out, 2048, "The %s costs $999 [P:%s]. It is rated "
		    "4.1/5 by 12 reviews and it is in stock.", name, sku);
	else if (strstr(prompt, "#invented") != NULL)
		snprintf(out, 2048, "The %s costs %s [P:%s]. You could also "
		    "look at the ASUS ROG Strix G99, which costs $899. Both "
		    "are good choices.", name, price, sku);
	else
		snprintf(out, 2048, "The %s costs %s [P:%s]. It is a good "
		    "match for what you described.", name, price, sku);
	return out;
}

static char *
chunk_json(const char *content, size_t n, const char *finish, int usage)
{
	cJSON	*root = cJSON_CreateObject(), *ch, *c, *d, *u;
	char	*s, *txt;

	cJSON_AddStringToObject(root, "object", "chat.completion.chunk");
	ch = cJSON_AddArrayToObject(root, "choices");
	c = cJSON_CreateObject();
	cJSON_AddNumberToObject(c, "index", 0);
	d = cJSON_AddObjectToObject(c, "delta");
	if (content != NULL) {
		txt = malloc(n + 1);
		memcpy(txt, content, n);
		txt[n] = '\0';
		cJSON_AddStringToObject(d, "content", txt);
		free(txt);
	}
	if (finish != NULL)
		cJSON_AddStringToObject(c, "finish_reason", finish);
	else
		cJSON_AddNullToObject(c, "finish_reason");
	cJSON_AddItemToArray(ch, c);
	if (usage) {
		u = cJSON_AddObjectToObject(root, "usage");
		cJSON_AddNumberToObject(u, "prompt_tokens", 100);
		cJSON_AddNumberToObject(u, "completion_tokens", 20);
	}
	s = cJSON_PrintUnformatted(root);
	cJSON_Delete(root);
	return s;
}

static void
stream_add(struct stream *s, const char *fmt, const char *data)
{
	size_t	 n = strlen(fmt) + strlen(data) + 1;

	s->ev = realloc(s->ev, (s->n + 1) * sizeof *s->ev);
	s->wait_us = realloc(s->wait_us, (s->n + 1) * sizeof *s->wait_us);
	s->wait_us[s->n] = 0;
	s->ev[s->n] = malloc(n);
	snprintf(s->ev[s->n], n, fmt, data);
	s->n++;
}

static ssize_t
stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream *s = cls;
	size_t	 n;

	(void)pos;
	if (s->i >= s->n)
		return s->error_at_end ? MHD_CONTENT_READER_END_WITH_ERROR :
		    MHD_CONTENT_READER_END_OF_STREAM;
	if (s->off == 0 && s->wait_us[s->i] > 0)
		usleep(s->wait_us[s->i]);
	n = strlen(s->ev[s->i]) - s->off;
	if (n > max)
		n = max;
	memcpy(buf, s->ev[s->i] + s->off, n);
	s->off += n;
	if (s->ev[s->i][s->off] == '\0') {
		s->i++;
		s->off = 0;
		usleep(2000);	/* let events arrive as separate reads */
	}
	return (ssize_t)n;
}

static void
stream_free(void *cls)
{
	struct stream *s = cls;
	size_t	 i;

	for (i = 0; i < s->n; i++)
		free(s->ev[i]);
	free(s->ev);
	free(s->wait_us);
	free(s);
}

static enum MHD_Result
chat(struct MHD_Connection *c, cJSON *root, const char *body, size_t len)
{
	const char *prompt = user_text(root), *p;
	cJSON	*stream = cJSON_GetObjectItem(root, "stream");
	int	 streaming = cJSON_IsTrue(stream), attempt, fails;
	char	*ans, *s, *one;
	struct stream *st;
	struct MHD_Response *r;
	enum MHD_Result ret;
	size_t	 i, n, cut, k;

	attempt = attempt_of(body, len);
	if ((p = strstr(prompt, "#429x")) != NULL) {
		fails = atoi(p + 5);
		if (attempt < fails)
			return reply(c, 429, "application/json",
			    "{\"error\":{\"message\":\"rate limited\"}}", "0");
	}
	if ((p = strstr(prompt, "#500")) != NULL) {
		fails = p[4] == 'x' ? atoi(p + 5) : 1 << 30;
		if (attempt < fails)
			return reply(c, 500, "application/json",
			    "{\"error\":{\"message\":\"model crashed\"}}",
			    NULL);
	}
	if (strstr(prompt, "#slow") != NULL)
		sleep(3);
	if (strstr(prompt, "#malformed") != NULL && !streaming)
		return reply(c, 200, "application/json",
		    "{\"choices\": [{\"message\": {\"content\": \"Hi", NULL);
	ans = answer_for(prompt);
	if (!streaming) {
		cJSON *o = cJSON_CreateObject(), *ch, *m, *u, *msg;

		cJSON_AddStringToObject(o, "object", "chat.completion");
		ch = cJSON_AddArrayToObject(o, "choices");
		m = cJSON_CreateObject();
		msg = cJSON_AddObjectToObject(m, "message");
		cJSON_AddStringToObject(msg, "role", "assistant");
		cJSON_AddStringToObject(msg, "content", ans);
		cJSON_AddStringToObject(m, "finish_reason", "stop");
		cJSON_AddItemToArray(ch, m);
		u = cJSON_AddObjectToObject(o, "usage");
		cJSON_AddNumberToObject(u, "prompt_tokens",
		    (double)(strlen(prompt) / 4));
		cJSON_AddNumberToObject(u, "completion_tokens",
		    (double)(strlen(ans) / 4));
		s = cJSON_PrintUnformatted(o);
		cJSON_Delete(o);
		ret = reply(c, 200, "application/json", s, NULL);
		free(s);
		free(ans);
		return ret;
	}
	st = calloc(1, sizeof *st);
	stream_add(st, ": fake-llm keep-alive\n\n", "");
	n = strlen(ans);
	cut = strstr(prompt, "#truncate") != NULL ? n / 2 : n;
	/*
	 * #drip: one event per sentence, cut after the next sentence's
	 * first letter (a client knows a sentence ended only then).
	 */
	for (i = 0; strstr(prompt, "#drip") != NULL && i < cut; i += k) {
		for (k = 1; i + k < cut && !(k >= 2 &&
		    ans[i + k - 2] == '.' && ans[i + k - 1] == ' '); k++)
			;
		if (i + k < cut)
			k++;
		one = chunk_json(ans + i, k, NULL, 0);
		stream_add(st, "data: %s\n\n", one);
		free(one);
		if (i > 0)
			st->wait_us[st->n - 1] = 1500000;
	}
	for (i = strstr(prompt, "#drip") != NULL ? cut : 0; i < cut; i += 7) {
		one = chunk_json(ans + i, i + 7 <= cut ? 7 : cut - i, NULL, 0);
		stream_add(st, "data: %s\n\n", one);
		free(one);
		if (i == 14 && strstr(prompt, "#malformed") != NULL)
			stream_add(st, "data: %s\n\n", "{\"choices\": [{\"delta");
	}
	if (cut == n) {
		one = chunk_json(NULL, 0, "stop", 1);
		stream_add(st, "data: %s\n\n", one);
		free(one);
		stream_add(st, "data: [DONE]\n\n", "");
	}
	free(ans);
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 256,
	    stream_read, st, stream_free);
	MHD_add_response_header(r, "Content-Type", "text/event-stream");
	MHD_add_response_header(r, "Cache-Control", "no-cache");
	ret = MHD_queue_response(c, 200, r);
	MHD_destroy_response(r);
	return ret;
}

/* Related words (see the top): each line's words embed as its first. */
static const char *const related[][5] = {
	{ "durable", "robust", "sturdy", "rugged", NULL },
	{ "parcel", "package", "shipment", NULL },
	{ "noisy", "loud", "deafening", NULL },
};

static const char *const function_words[] = {
	"a", "an", "and", "are", "be", "being", "can", "do", "does", "for",
	"get", "got", "how", "i", "if", "in", "is", "it", "its", "me", "my",
	"of", "on", "or", "so", "the", "to", "what", "when", "where", "which",
	"why", "will", "with", "you", "your", NULL
};

static int
function_word(const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; function_words[i] != NULL; i++)
		if (strlen(function_words[i]) == n &&
		    memcmp(function_words[i], w, n) == 0)
			return 1;
	return 0;
}

static void
concept(char *w, size_t *n)
{
	size_t	 i, j;

	for (i = 0; i < sizeof related / sizeof related[0]; i++)
		for (j = 1; related[i][j] != NULL; j++)
			if (strlen(related[i][j]) == *n &&
			    memcmp(related[i][j], w, *n) == 0) {
				*n = strlen(related[i][0]);
				memcpy(w, related[i][0], *n);
				return;
			}
}

/* Hashed bag of words: similar texts get similar vectors. */
static void
embed_text(const char *t, float *v)
{
	size_t	 i = 0, s;
	uint64_t h;
	char	 w[64];
	size_t	 n;

	memset(v, 0, DIM * sizeof *v);
	while (t[i] != '\0') {
		while (t[i] != '\0' && !isalnum((unsigned char)t[i]))
			i++;
		s = i;
		while (isalnum((unsigned char)t[i]))
			i++;
		n = i - s < sizeof w - 1 ? i - s : sizeof w - 1;
		if (n == 0)
			continue;
		for (size_t k = 0; k < n; k++)
			w[k] = (char)tolower((unsigned char)t[s + k]);
		if (function_word(w, n))
			continue;
		concept(w, &n);
		h = fnv(w, n);
		v[h % DIM] += (h >> 32) & 1 ? 1.0f : -1.0f;
		v[(h >> 16) % DIM] += 0.5f;
	}
}

static enum MHD_Result
embeddings(struct MHD_Connection *c, cJSON *root)
{
	cJSON	*in = cJSON_GetObjectItem(root, "input"), *it, *o, *data, *d,
		*e;
	float	 v[DIM];
	char	*s;
	int	 idx = 0, k;
	enum MHD_Result ret;

	if (cJSON_IsString(in)) {
		it = cJSON_CreateArray();
		cJSON_AddItemToArray(it, cJSON_CreateString(in->valuestring));
		in = it;
	} else
		it = NULL;
	if (!cJSON_IsArray(in)) {
		cJSON_Delete(it);
		return reply(c, 400, "application/json",
		    "{\"error\":{\"message\":\"input must be an array\"}}",
		    NULL);
	}
	o = cJSON_CreateObject();
	data = cJSON_AddArrayToObject(o, "data");
	cJSON_ArrayForEach(e, in) {
		embed_text(cJSON_IsString(e) ? e->valuestring : "", v);
		d = cJSON_CreateObject();
		cJSON_AddNumberToObject(d, "index", idx++);
		cJSON_AddItemToObject(d, "embedding",
		    cJSON_CreateFloatArray(v, DIM));
		(void)k;
		cJSON_AddItemToArray(data, d);
	}
	cJSON_AddStringToObject(o, "model", "fake-embed");
	s = cJSON_PrintUnformatted(o);
	cJSON_Delete(o);
	cJSON_Delete(it);
	ret = reply(c, 200, "application/json", s, NULL);
	free(s);
	return ret;
}

static enum MHD_Result
handler(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct req *rq = *con_cls;
	cJSON	*root;
	const char *auth;
	enum MHD_Result ret;

	(void)cls;
	(void)version;
	if (rq == NULL) {
		rq = calloc(1, sizeof *rq);
		*con_cls = rq;
		return MHD_YES;
	}
	if (*upload_size > 0) {
		if (rq->len + *upload_size > MAXBODY)
			return MHD_NO;
		rq->body = realloc(rq->body, rq->len + *upload_size + 1);
		memcpy(rq->body + rq->len, upload, *upload_size);
		rq->len += *upload_size;
		rq->body[rq->len] = '\0';
		*upload_size = 0;
		return MHD_YES;
	}
	auth = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Authorization");
	if (logfp != NULL) {
		pthread_mutex_lock(&lock);
		fprintf(logfp, "%s %s auth=%s %.*s\n", method, url,
		    auth != NULL ? auth : "-", (int)rq->len,
		    rq->body != NULL ? rq->body : "");
		fflush(logfp);
		pthread_mutex_unlock(&lock);
	}
	if (strcmp(method, "POST") != 0)
		return reply(c, 405, "application/json",
		    "{\"error\":{\"message\":\"POST only\"}}", NULL);
	if ((root = cJSON_ParseWithLength(rq->body != NULL ? rq->body : "",
	    rq->len)) == NULL)
		return reply(c, 400, "application/json",
		    "{\"error\":{\"message\":\"bad JSON\"}}", NULL);
	if (strcmp(url, "/v1/chat/completions") == 0)
		ret = chat(c, root, rq->body, rq->len);
	else if (strcmp(url, "/v1/embeddings") == 0)
		ret = embeddings(c, root);
	else
		ret = reply(c, 404, "application/json",
		    "{\"error\":{\"message\":\"no such endpoint\"}}", NULL);
	cJSON_Delete(root);
	return ret;
}

static void
completed(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct req *rq = *con_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (rq != NULL) {
		free(rq->body);
		free(rq);
	}
	*con_cls = NULL;
}

int
main(int argc, char **argv)
{
	struct MHD_Daemon *d;
	struct sockaddr_in sa;
	const union MHD_DaemonInfo *info;
	FILE	*fp;
	char	 tmp[4096];

	if (argc < 2) {
		fprintf(stderr, "usage: fake-llm PORTFILE [LOGFILE]\n");
		return 2;
	}
	if (argc > 2 && (logfp = fopen(argv[2], "a")) == NULL) {
		perror(argv[2]);
		return 1;
	}
	signal(SIGTERM, on_signal);
	signal(SIGINT, on_signal);
	signal(SIGPIPE, SIG_IGN);
	memset(&sa, 0, sizeof sa);
	sa.sin_family = AF_INET;
	sa.sin_port = 0;
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	/* A thread per connection: #slow may sleep without blocking others. */
	d = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION |
	    MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL,
	    handler, NULL, MHD_OPTION_SOCK_ADDR, &sa,
	    MHD_OPTION_NOTIFY_COMPLETED, completed, NULL,
	    MHD_OPTION_END);
	if (d == NULL) {
		fprintf(stderr, "fake-llm: cannot start the server\n");
		return 1;
	}
	info = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
	if ((fp = fopen(tmp, "w")) == NULL) {
		perror(tmp);
		MHD_stop_daemon(d);
		return 1;
	}
	fprintf(fp, "%u\n", (unsigned)info->port);
	fclose(fp);
	rename(tmp, argv[1]);	/* readers never see a half-written file */
	while (!stop)
		pause();
	MHD_stop_daemon(d);
	if (logfp != NULL)
		fclose(logfp);
	return 0;
}

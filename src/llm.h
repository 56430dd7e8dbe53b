/*
 * llm.h: a client for OpenAI-compatible servers (llama.cpp's server,
 * Ollama, vLLM, hosted APIs) over libcurl: chat completions, plain or
 * streamed as server-sent events, and embeddings.  One client holds one
 * curl easy handle; use one client per thread.
 */
#ifndef LLM_H
#define LLM_H

#include <stddef.h>

#include "shopdesk.h"
#include "sbuf.h"

/* Where and how to talk.  Strings are copied by llm_new. */
struct llm_config {
	const char	*url;		/* base, "http://127.0.0.1:8080" */
	const char	*model;		/* chat model name sent to the server */
	const char	*embed_model;	/* NULL: the chat model */
	const char	*api_key;	/* Bearer token or NULL; never logged */
	long		 connect_timeout_ms;
	long		 timeout_ms;	/* whole call, retries and waits included */
	long		 stall_ms;	/* streams: abort after this long idle */
	int		 retries;	/* extra attempts on 429, 5xx, no connect */
	long		 backoff_ms;	/* first wait; doubles each retry */
	long		 backoff_max_ms;	/* cap on one wait (Retry-After too) */
	int		 max_tokens;	/* per-turn budget of generated tokens */
	double		 temperature;
};
#define LLM_CONFIG_INIT { NULL, NULL, NULL, NULL, 2000, 20000, 5000, 2, \
	200, 4000, 400, 0.2 }

struct llm_message {
	const char	*role;		/* "system", "user", "assistant" */
	const char	*content;
};

/* What a chat call produced. */
struct llm_reply {
	struct sbuf	 text;		/* the whole answer */
	char		*finish_reason;	/* "stop", "length"... or NULL */
	long		 prompt_tokens;	/* from "usage", or -1 */
	long		 completion_tokens;	/* from "usage", else chunks seen */
	int		 attempts;	/* HTTP requests made */
	long		 http_status;	/* of the last attempt (0: none) */
	long		 latency_ms;	/* wall time of the whole call */
};
void	 llm_reply_init(struct llm_reply *);
void	 llm_reply_release(struct llm_reply *);

/*
 * Streaming: called for each piece of content as it arrives.  Returning
 * non-zero aborts the call (SD_ERR_NET, "aborted by caller").
 */
typedef int	(*llm_token_fn)(void *arg, const char *text, size_t len);

struct llm;

/* NULL with err set when the URL is missing or not http(s). */
struct llm	*llm_new(const struct llm_config *, struct sd_error *);
void		 llm_free(struct llm *);
/* The model the client asks for (never NULL). */
const char	*llm_model(const struct llm *);

/*
 * POST {url}/v1/chat/completions.  With on_token the request streams
 * ("stream": true) and on_token sees the content as it comes; a stream
 * that ends without "data: [DONE]" or a finish reason is an error
 * ("truncated stream").  429 and 5xx are retried with exponential backoff
 * (Retry-After honoured, capped) while the time budget lasts, but never
 * after content reached on_token.  Errors read
 * "llm: POST <url>: <curl error or HTTP status>".  reply is filled as far
 * as it got either way; release it.
 */
enum sd_rc	 llm_chat(struct llm *, const struct llm_message *, size_t n,
		    llm_token_fn on_token, void *arg, struct llm_reply *,
		    struct sd_error *);

/*
 * POST {url}/v1/embeddings for n texts.  *vecs gets n * *dim floats in
 * input order (caller frees).  Same retries and errors as llm_chat.
 */
enum sd_rc	 llm_embed(struct llm *, const char *const *texts, size_t n,
		    float **vecs, int *dim, struct sd_error *);

/*
 * Server-sent events, exposed for tests.  Feed bytes as they arrive;
 * on_data sees the data of each complete event (lines joined by "\n");
 * a blank line ends an event, comments (":") and other fields are
 * skipped, "data: [DONE]" sets done.  on_data returning non-zero makes
 * llm_sse_feed return SD_ERR_PARSE.
 */
struct llm_sse {
	struct sbuf	 pending;	/* bytes not yet forming a line */
	struct sbuf	 data;		/* data lines of the current event */
	int		 has_data;	/* the current event has a data field */
	int		 done;		/* saw [DONE] */
	int		(*on_data)(void *, const char *, size_t);
	void		*arg;
};
void		 llm_sse_init(struct llm_sse *,
		    int (*)(void *, const char *, size_t), void *);
void		 llm_sse_release(struct llm_sse *);
enum sd_rc	 llm_sse_feed(struct llm_sse *, const char *, size_t);

#endif

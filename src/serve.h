/*
 * serve.h: the HTTP API (libmicrohttpd): the chat, history, feedback and
 * analytics endpoints, health and Prometheus metrics.  serve_start runs
 * the server on its own threads; the caller waits for a signal and calls
 * serve_stop.
 *
 * POST /api/chat/message with "Accept: text/event-stream" answers as
 * server-sent events: the turn runs on a stream thread (the worker
 * threads never wait for a model), and the connection is suspended
 * between events.
 */
#ifndef SERVE_H
#define SERVE_H

#include <stdio.h>

#include "shopdesk.h"

struct gen_config;

/* Largest request body, in bytes; more is answered 413. */
#define SERVE_BODY_MAX		(64 * 1024)
/* Largest comment of a feedback, in bytes (413 past it). */
#define SERVE_COMMENT_MAX	4096
/* Longest user_id, in bytes (400 past it). */
#define SERVE_USER_MAX		128
/* Connections open at once when the configuration says 0. */
#define SERVE_CONNS_DEFAULT	1024

/* Who may read /metrics. */
enum serve_metrics {
	SERVE_METRICS_LOCAL,	/* loopback clients, others with a key */
	SERVE_METRICS_KEY,	/* any client with a valid API key */
	SERVE_METRICS_OPEN,	/* anyone */
};

struct serve_config {
	const char	*db_path;	/* the store every worker opens */
	const char	*share_dir;	/* for the engine: model, templates */
	const char	*bind;		/* IPv4 or IPv6 address; NULL: loopback */
	int		 port;		/* 0: any free port (see serve_port) */
	int		 threads;	/* worker threads; 0: one per CPU */
	int		 no_auth;	/* serve /api without API keys */
	double		 rate;		/* requests per second per key; 0: off */
	double		 burst;		/* bucket size of the rate limit */
	FILE		*log;		/* access log, one line a request; NULL:
					   none.  Written from the workers. */
	unsigned	 max_conns;	/* connections open at once */
	unsigned	 conns_per_addr; /* of them from one client address;
					   0: no limit (behind a proxy) */
	double		 header_timeout; /* seconds a connection may take to
					   send a request's headers; 0: no
					   limit */
	double		 body_timeout;	/* seconds a request's body may take
					   after its headers; 0: no limit */
	unsigned	 idle_timeout;	/* seconds without traffic before a
					   connection is closed; 0: never */
	enum serve_metrics metrics;	/* who may read /metrics */
	const char	*frame_ancestors; /* who may frame the widget's
					   pages (CSP); NULL: 'self' */
	double		 triggers_every; /* seconds between runs of the
					   proactive triggers; 0: none */
	const char	*triggers_file;	/* their file (trigger.h) */
	const char	*sources_file;	/* webhook secrets (webhook.h);
					   NULL: the environment only */
	const struct gen_config *gen;	/* generated replies (generate.h);
					   NULL: templates only.  Read by
					   every worker: must outlive the
					   server. */
};

struct serve;

/*
 * Check that the store opens and the engine loads, then listen.  NULL
 * with err set on failure.  Block SIGINT/SIGTERM in the calling thread
 * first if they are to be waited for with sigwait: the workers inherit
 * the mask.
 */
struct serve	*serve_start(const struct serve_config *, struct sd_error *);
/* The port and address listened on. */
int		 serve_port(const struct serve *);
const char	*serve_address(const struct serve *);
/* Worker threads actually started. */
int		 serve_threads(const struct serve *);
/*
 * Stop accepting, answer requests that arrive on open connections with
 * 503, wait up to drain_ms for the requests in flight to finish, then stop
 * the workers and close their engines and stores.  Frees the server.
 */
void		 serve_stop(struct serve *, int drain_ms);

#endif

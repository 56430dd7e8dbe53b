/*
 * serve.c owns the HTTP server: libmicrohttpd's internal thread pool, one
 * store connection and one engine per worker thread (the engine is not
 * thread-safe and SQLite connections are not shared), the routing of the
 * endpoints, their limits and errors, the access log and the metrics.
 *
 * A request runs through the handler several times: the first call
 * creates its state and decides everything the body is not needed for
 * (framing, route, method, key, rate limit: admit), so that a refused
 * upload is never read; the next ones collect the body (413 past
 * SERVE_BODY_MAX), the last one does the work.  Clients that hold
 * connections without finishing a request are bounded by connection
 * limits, in all and per address, and by a deadline for the headers
 * (see serve_start).
 *
 * The turns of one session are run one at a time under a session lock,
 * so that concurrent requests on a session neither lose nor interleave
 * turns; different sessions run in parallel, their writes serialised by
 * SQLite (WAL).
 *
 * A streamed turn (Accept: text/event-stream) runs on a stream thread
 * of its own (serve-stream.c).
 *
 * The files of the server, one job each (serve-int.h is what they
 * share):
 *   serve.c         the server's life: start, stop, its threads and
 *                   workers
 *   serve-reply.c   answers, errors and reading request fields
 *   serve-chat.c    the endpoints for customers' front ends: turns,
 *                   history, events, notifications, feedback, widget
 *   serve-stream.c  streamed turns and their threads
 *   serve-admin.c   webhooks, the agent desk, analytics, metrics
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <limits.h>
#include <netinet/in.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <microhttpd.h>

#include "shopdesk.h"
#include "analytics.h"
#include "apikey.h"
#include "engine.h"
#include "generate.h"
#include "history.h"
#include "sbuf.h"
#include "serve-check.h"
#include "serve-desk.h"
#include "serve-limit.h"
#include "serve-events.h"
#include "serve-int.h"
#include "serve-site.h"
#include "serve-triggers.h"
#include "trigger.h"
#include "webhook.h"
#include "site.h"
#include "serve.h"
#include "store.h"
#include "text.h"

#define SESSION_LOCKS	1024	/* session lock table size */

long long
serve_mono_us(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/*
 * Busy handler for the workers' connections.  SQLite's own (from
 * sqlite3_busy_timeout) sleeps a millisecond and more between tries,
 * which is many turns' worth: a turn holds the write lock for tens of
 * microseconds.  Try again soon at first, then every millisecond, and
 * give up after about five seconds.
 */
static int
busy_wait(void *arg, int count)
{
	(void)arg;
	if (count < 100) {
		sched_yield();
		return 1;
	}
	if (count < 400) {
		usleep(50);
		return 1;
	}
	if (count < 400 + 5000) {
		usleep(1000);
		return 1;
	}
	return 0;
}

/*
 * Checkpoints.  Left to SQLite, the commit that takes a WAL past its
 * autocheckpoint size copies the WAL back into the database, fsync
 * included, while that turn's client waits: under load one turn in a
 * hundred or so paid for all of them, a seventh of the server's CPU in
 * the request path and most of its p99, and its worker's core idled
 * through the fsync.  The workers' connections instead wake a checkpoint
 * thread (their WAL hook, and the shared writer's) each time a WAL
 * grows by CKPT_FRAMES; the thread also runs every CKPT_MS so a quiet
 * server's WAL ends up copied back too.
 * PASSIVE checkpoints never wait for the workers, nor they for it.
 */
#define CKPT_FRAMES	4000	/* pages: 8 MB of the history's 2 KB ones */
#define CKPT_MS		1000

/*
 * The hook sees the WAL's whole length, which stays long after a
 * checkpoint copied it back (until a writer starts it over): wake the
 * thread for every CKPT_FRAMES new frames, not on every commit past the
 * mark, which had it checkpoint and fsync back to back.
 */
static int
wal_hook(void *arg, sqlite3 *db, const char *schema, int frames)
{
	struct serve	*sv = arg;
	int		 at = atomic_load(&sv->ckpt_at[strcmp(schema, "main") ==
			    0 ? 0 : 1]);

	(void)db;
	if (frames < at)
		at = 0;		/* started over */
	if (frames - at >= CKPT_FRAMES &&
	    !atomic_exchange(&sv->ckpt_wanted, 1)) {
		pthread_mutex_lock(&sv->ckpt_mu);
		pthread_cond_signal(&sv->ckpt_cv);
		pthread_mutex_unlock(&sv->ckpt_mu);
	}
	return SQLITE_OK;
}

/*
 * A WAL only starts over from its beginning when a writer finds it all
 * copied back and no reader still in it, which a busy server seldom
 * offers: with PASSIVE checkpoints alone the history WAL grew past
 * 100 MB in ten seconds of wrk.  Past CKPT_RESTART_FRAMES a RESTART
 * checkpoint holds new writers back until the readers of the WAL are
 * done (a turn or two) so that the next commit writes from its start.
 */
#define CKPT_RESTART_FRAMES	(4 * CKPT_FRAMES)

static void
checkpoint(struct serve *sv, struct store *st, int i, const char *schema)
{
	int	 log = 0, done = 0;

	if (sqlite3_wal_checkpoint_v2(store_db(st), schema,
	    SQLITE_CHECKPOINT_PASSIVE, &log, &done) != SQLITE_OK)
		return;
	atomic_fetch_add(&sv->checkpoints, 1);
	if (log >= CKPT_RESTART_FRAMES && sqlite3_wal_checkpoint_v2(
	    store_db(st), schema, SQLITE_CHECKPOINT_RESTART, &log, NULL) ==
	    SQLITE_OK)
		atomic_fetch_add(&sv->checkpoints, 1);
	atomic_store(&sv->ckpt_at[i], log);
}

/* The time ms from now, for pthread_cond_timedwait. */
static void
abstime_in(struct timespec *ts, long ms)
{
	clock_gettime(CLOCK_REALTIME, ts);
	ts->tv_sec += ms / 1000;
	ts->tv_nsec += (ms % 1000) * 1000000;
	if (ts->tv_nsec >= 1000000000) {
		ts->tv_sec++;
		ts->tv_nsec -= 1000000000;
	}
}

static void *
checkpointer_main(void *arg)
{
	struct serve	*sv = arg;
	struct store	*st = sv->ckpt_st;
	struct timespec	 ts;
	int		 stop = 0;

	while (!stop) {
		pthread_mutex_lock(&sv->ckpt_mu);
		if (!sv->ckpt_stop && !atomic_load(&sv->ckpt_wanted)) {
			abstime_in(&ts, CKPT_MS);
			pthread_cond_timedwait(&sv->ckpt_cv, &sv->ckpt_mu, &ts);
		}
		stop = sv->ckpt_stop;
		pthread_mutex_unlock(&sv->ckpt_mu);
		atomic_store(&sv->ckpt_wanted, 0);
		checkpoint(sv, st, 0, "main");
		checkpoint(sv, st, 1, "history");
	}
	return NULL;
}

static void
checkpointer_stop(struct serve *sv)
{
	if (!sv->ckpt_started)
		return;
	pthread_mutex_lock(&sv->ckpt_mu);
	sv->ckpt_stop = 1;
	pthread_cond_signal(&sv->ckpt_cv);
	pthread_mutex_unlock(&sv->ckpt_mu);
	pthread_join(sv->ckpt, NULL);
	sv->ckpt_started = 0;
	store_close(sv->ckpt_st);
	sv->ckpt_st = NULL;
}

/*
 * The reaper shuts down the connections that keep the server waiting
 * for a request's headers past header_timeout (serve_conns_reap), a few
 * times per timeout.
 *
 * Clients from many addresses, each under its own limit, can still fill
 * every slot and hold it for a whole deadline, and a new client then
 * waits for one to free.  With nine tenths of max_conns open the
 * deadline drops to PRESSED_TIMEOUT: a client that means it sends its
 * headers at once.  In bench-slowloris (2,100 connections from 40
 * addresses) this took the p99 of /healthz from another address from
 * 1.3 s to 0.4 ms.
 */
#define PRESSED_TIMEOUT	1.0

static void *
reaper_main(void *arg)
{
	struct serve	*sv = arg;
	struct timespec	 ts;
	long		 ms = (long)(sv->header_timeout * 1000 / 4);
	double		 timeout;
	int		 stop = 0;

	if (ms > 250)
		ms = 250;
	if (ms < 10)
		ms = 10;
	while (!stop) {
		pthread_mutex_lock(&sv->reaper_mu);
		if (!sv->reaper_stop) {
			abstime_in(&ts, ms);
			pthread_cond_timedwait(&sv->reaper_cv, &sv->reaper_mu,
			    &ts);
		}
		stop = sv->reaper_stop;
		pthread_mutex_unlock(&sv->reaper_mu);
		timeout = sv->header_timeout;
		if (timeout > PRESSED_TIMEOUT && serve_conns_count(sv->conns) >=
		    sv->max_conns / 10 * 9)
			timeout = PRESSED_TIMEOUT;
		atomic_fetch_add(&sv->header_timeouts, serve_conns_reap(
		    sv->conns, serve_mono_us() / 1e6, timeout));
	}
	return NULL;
}

static void
reaper_stop(struct serve *sv)
{
	if (!sv->reaper_started)
		return;
	pthread_mutex_lock(&sv->reaper_mu);
	sv->reaper_stop = 1;
	pthread_cond_signal(&sv->reaper_cv);
	pthread_mutex_unlock(&sv->reaper_mu);
	pthread_join(sv->reaper, NULL);
	sv->reaper_started = 0;
}

/*
 * Turns are saved on one connection for all workers, one at a time.
 * Each worker saving on its own connection found its history pages
 * emptied by the other workers' commits and read them again (pread)
 * before every write, and waited for the write lock in SQLite's busy
 * loop; the shared connection keeps its pages and the mutex sleeps.
 * Reads stay on the workers' connections, in parallel.
 */
static enum sd_rc
save_turn(void *arg, struct history_turn *ht, struct sd_error *err)
{
	struct serve	*sv = arg;
	enum sd_rc	 rc;

	pthread_mutex_lock(&sv->writer_mu);
	rc = history_turn_save(sv->writer, ht, err);
	pthread_mutex_unlock(&sv->writer_mu);
	return rc;
}

/* A worker with its own store connection, on the list serve_stop frees. */
struct worker *
serve_worker_new(struct serve *sv, struct sd_error *err)
{
	struct worker	*w;
	struct store	*st;

	if ((st = store_open(sv->db_path, NULL, err)) == NULL)
		return NULL;
	sqlite3_busy_handler(store_db(st), busy_wait, NULL);
	/* Replaces the autocheckpoint: see checkpointer_main. */
	sqlite3_wal_hook(store_db(st), wal_hook, sv);
	/*
	 * Every commit of another worker to the history file empties this
	 * connection's page cache of that file (WAL), and with it SQLite
	 * unmaps the whole mapped file (pager_reset, then an unfetch of
	 * everything): each turn would pay a munmap with a TLB shootdown
	 * on every CPU and the page faults to map it again.  Read history
	 * pages with pread(2) instead; under wrk this cost the server
	 * 8-15% less CPU per request.  The catalog file (main) changes
	 * only when the shop edits it, so it stays mapped as store.c sets.
	 */
	sqlite3_exec(store_db(st), "PRAGMA history.mmap_size = 0", NULL, NULL,
	    NULL);
	w = xcalloc(1, sizeof *w);
	w->st = st;
	pthread_mutex_lock(&sv->workers_mu);
	w->next = sv->workers;
	sv->workers = w;
	pthread_mutex_unlock(&sv->workers_mu);
	return w;
}

/* The calling worker thread's worker, opening its store on first use. */
struct worker *
serve_worker_get(struct serve *sv, struct sd_error *err)
{
	struct worker	*w = pthread_getspecific(sv->worker_key);

	if (w == NULL && (w = serve_worker_new(sv, err)) != NULL)
		pthread_setspecific(sv->worker_key, w);
	return w;
}

/* The worker's engine, and its generator over the worker's store. */
struct engine *
serve_worker_engine(struct serve *sv, struct worker *w, struct sd_error *err)
{
	if (w->engine != NULL)
		return w->engine;
	if (sv->gen != NULL && w->gen == NULL &&
	    (w->gen = generator_open(w->st, sv->gen, err)) == NULL) {
		sd_error_prefix(err, "generator: ");
		return NULL;
	}
	if ((w->engine = engine_open(w->st, sv->share_dir, err)) == NULL)
		return NULL;
	engine_set_generator(w->engine, w->gen, NULL, NULL);
	engine_set_saver(w->engine, save_turn, sv);
	atomic_fetch_add(&sv->engines, 1);
	return w->engine;
}

/* Routing */

#define HISTORY_PREFIX	"/api/chat/history/"
#define WIDGET_PREFIX	"/widget/"
#define EVENTS_PREFIX	"/api/chat/events/"
#define WEBHOOK_PREFIX	"/api/webhooks/"
#define DESK_PREFIX	"/api/desk/"

static enum route
route_of(const char *url)
{
	if (strcmp(url, "/api/chat/message") == 0)
		return ROUTE_MESSAGE;
	if (strncmp(url, HISTORY_PREFIX, strlen(HISTORY_PREFIX)) == 0)
		return ROUTE_HISTORY;
	if (strcmp(url, "/api/chat/feedback") == 0)
		return ROUTE_FEEDBACK;
	if (strcmp(url, "/api/chat/analytics") == 0)
		return ROUTE_ANALYTICS;
	if (strncmp(url, DESK_PREFIX, strlen(DESK_PREFIX)) == 0 &&
	    serve_desk_known(url + strlen(DESK_PREFIX)))
		return ROUTE_DESK;
	if (strcmp(url, "/healthz") == 0)
		return ROUTE_HEALTHZ;
	if (strcmp(url, "/metrics") == 0)
		return ROUTE_METRICS;
	if (strncmp(url, WIDGET_PREFIX, strlen(WIDGET_PREFIX)) == 0)
		return ROUTE_WIDGET;
	if (strncmp(url, EVENTS_PREFIX, strlen(EVENTS_PREFIX)) == 0)
		return ROUTE_EVENTS;
	if (strcmp(url, "/api/chat/notifications") == 0)
		return ROUTE_NOTIFICATIONS;
	if (strncmp(url, WEBHOOK_PREFIX, strlen(WEBHOOK_PREFIX)) == 0)
		return ROUTE_WEBHOOK;
	return ROUTE_OTHER;
}

/* The method a route takes (HEAD too where it is GET), NULL: no route. */
static const char *
route_method(enum route rt)
{
	switch (rt) {
	case ROUTE_HEALTHZ:
	case ROUTE_METRICS:
	case ROUTE_HISTORY:
	case ROUTE_ANALYTICS:
	case ROUTE_WIDGET:
	case ROUTE_EVENTS:
	case ROUTE_NOTIFICATIONS:
		return "GET";
	case ROUTE_MESSAGE:
	case ROUTE_FEEDBACK:
	case ROUTE_WEBHOOK:
	case ROUTE_DESK:
		return "POST";
	case ROUTE_OTHER:
	case ROUTE_COUNT:
		break;
	}
	return NULL;
}

enum auth {
	AUTH_OK,		/* a valid key */
	AUTH_MISSING,		/* no bearer token */
	AUTH_UNKNOWN,		/* unknown or revoked key */
	AUTH_ERROR		/* the lookup failed: err is set */
};

/* The API key of the request, in *id when AUTH_OK. */
static enum auth
authenticate(struct MHD_Connection *c, struct worker *w, long long *id,
    struct sd_error *err)
{
	static const char bearer[] = "Bearer ";
	const char	*h;

	h = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_AUTHORIZATION);
	if (h == NULL || strncasecmp(h, bearer, sizeof bearer - 1) != 0 ||
	    h[sizeof bearer - 1] == '\0')
		return AUTH_MISSING;
	h += sizeof bearer - 1;
	if ((*id = apikey_lookup(w->st, h, strlen(h), err)) < 0)
		return AUTH_ERROR;
	return *id > 0 ? AUTH_OK : AUTH_UNKNOWN;
}

/*
 * Take a token from the request's bucket: its key's, or without one its
 * client address's, so that requests without a valid key (a wrong key,
 * a path that does not exist) are limited too and guessing costs a
 * flood its bucket.  0 when the request may go on, else 1 after
 * answering 429.
 */
static int
over_limit(struct serve *sv, struct MHD_Connection *c, struct req *r,
    enum MHD_Result *ret)
{
	char	 who[INET6_ADDRSTRLEN + 64], wait[32];
	long	 retry;

	if (r->key_id > 0)
		snprintf(who, sizeof who, "key %lld", r->key_id);
	else if (r->site.site_id > 0)
		snprintf(who, sizeof who, "site %lld address %s",
		    r->site.site_id, r->ip);
	else
		snprintf(who, sizeof who, "address %s", r->ip);
	if ((retry = serve_limiter_take(sv->limiter, who,
	    serve_mono_us() / 1e6)) == 0)
		return 0;
	atomic_fetch_add(&sv->rate_limited, 1);
	snprintf(wait, sizeof wait, "%ld", retry);
	*ret = serve_respond_err(sv, c, r, 429, NULL,
	    MHD_HTTP_HEADER_RETRY_AFTER, wait, "rate limit: retry in %ld s",
	    retry);
	return 1;
}

/* The routes a chat widget uses, with a site key instead of an API key. */
static int
widget_route(enum route rt)
{
	return rt == ROUTE_MESSAGE || rt == ROUTE_HISTORY ||
	    rt == ROUTE_FEEDBACK || rt == ROUTE_EVENTS ||
	    rt == ROUTE_NOTIFICATIONS;
}

/*
 * A browser's CORS preflight before a widget's request.  It carries no
 * site key, so any valid site's origin passes; the request itself is
 * then checked against its own site's origins.
 */
static enum MHD_Result
preflight(struct serve *sv, struct MHD_Connection *c, struct req *r)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct MHD_Response *resp;
	struct worker	*w;
	enum MHD_Result	 ret;
	const char	*origin;
	int		 known;

	if (over_limit(sv, c, r, &ret))
		return ret;
	origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	if ((w = serve_worker_get(sv, &err)) == NULL ||
	    (known = site_origin_known(w->st, origin, &err)) < 0) {
		ret = serve_respond_fail(sv, c, r, &err, "");
		sd_error_clear(&err);
		return ret;
	}
	if (!known) {
		r->note = "preflight from a foreign origin";
		return ERR(403, NULL, "origin %s is not allowed",
		    origin != NULL ? origin : "(none)");
	}
	resp = MHD_create_response_from_buffer(0, NULL,
	    MHD_RESPMEM_PERSISTENT);
	if (resp == NULL)
		return MHD_NO;
	MHD_add_response_header(resp,
	    MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, origin);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Origin");
	MHD_add_response_header(resp, "Access-Control-Allow-Methods",
	    "GET, POST, OPTIONS");
	MHD_add_response_header(resp, "Access-Control-Allow-Headers",
	    "Content-Type, Accept, " SERVE_SITE_HEADER ", "
	    SERVE_IDENTITY_HEADER);
	MHD_add_response_header(resp, "Access-Control-Max-Age", "600");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	r->status = 204;
	ret = MHD_queue_response(c, 204, resp);
	MHD_destroy_response(resp);
	return ret;
}

/*
 * The origin of the page a request comes from.  Browsers send Origin
 * on every cross-origin request, but not on a GET from the server's own
 * pages (the demo page): there Sec-Fetch-Site, which no script can set,
 * says same-origin, and the origin is this server's (*own, caller
 * frees).
 */
static const char *
request_origin(struct MHD_Connection *c, char **own)
{
	const char	*o, *sf, *host;

	*own = NULL;
	if ((o = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Origin")) != NULL)
		return o;
	sf = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Sec-Fetch-Site");
	host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_HOST);
	if (sf == NULL || strcmp(sf, "same-origin") != 0 || host == NULL)
		return NULL;
	return *own = xasprintf("http://%s", host);
}

/*
 * A widget's request, by its site key (serve_site_admit): 0 to go on,
 * else 1 after answering.  A site key opens the chat routes only.
 */
static int
admit_site(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *key, enum MHD_Result *ret)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 why = SBUF_INIT;
	struct worker	*w;
	unsigned	 status;
	char		*own = NULL;

	if (!widget_route(r->route)) {
		r->note = "site key on a route it does not open";
		*ret = ERR(403, NULL, "a site key opens the chat endpoints "
		    "only (message, history, feedback)");
		return 1;
	}
	if ((w = serve_worker_get(sv, &err)) == NULL)
		status = 500;
	else
		status = serve_site_admit(w->st, key, request_origin(c, &own),
		    MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    SERVE_IDENTITY_HEADER), time(NULL), &r->site, &why, &err);
	free(own);
	if (status == 500)
		*ret = serve_respond_fail(sv, c, r, &err, "");
	else if (status != 0) {
		r->note = status == 403 ? "foreign origin" :
		    "bad site key or identity";
		if (!over_limit(sv, c, r, ret))
			*ret = ERR(status, NULL, "%s", why.buf);
	}
	sbuf_release(&why);
	sd_error_clear(&err);
	return status != 0;
}

/* Header lines that must not repeat, counted by count_header. */
struct header_count {
	unsigned	 host;
	unsigned	 te;		/* Transfer-Encoding */
	unsigned	 cl;		/* Content-Length */
	const char	*cl_first;	/* the first Content-Length value */
	int		 cl_differ;	/* another one differs from it */
};

static enum MHD_Result
count_header(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct header_count *hc = cls;

	(void)kind;
	if (strcasecmp(key, MHD_HTTP_HEADER_HOST) == 0)
		hc->host++;
	else if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0)
		hc->te++;
	else if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
		if (hc->cl++ == 0)
			hc->cl_first = value;
		else if (value == NULL || hc->cl_first == NULL ||
		    strcmp(value, hc->cl_first) != 0)
			hc->cl_differ = 1;
	}
	return MHD_YES;
}

/* A query argument must be text, like the path (see check_framing). */
static enum MHD_Result
check_arg(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	int	*bad = cls;
	size_t	 at;

	(void)kind;
	if (!serve_text_ok(key, strlen(key), 0, &at) ||
	    (value != NULL && !serve_text_ok(value, strlen(value), 0, &at)))
		*bad = 1;
	return MHD_YES;
}

/*
 * The message framing, which libmicrohttpd 0.9.75 takes as it comes
 * (its strict mode only adds the Host check, and it closes without an
 * answer on a space in the path, so it is not used): 0 when the
 * request may be read, else -1 after answering and closing.  A body
 * whose length two parties could read differently (a proxy in front and
 * this server) is refused: it is how requests are smuggled.
 */
static int
check_framing(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *url, const char *method, const char *version,
    enum MHD_Result *ret)
{
	struct header_count hc;
	const char	*te;
	size_t		 at;
	int		 bad_arg = 0;

	memset(&hc, 0, sizeof hc);
	MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &hc);
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, check_arg,
	    &bad_arg);
	r->close = 1;
	if (!serve_method_ok(method))
		*ret = ERR(400, NULL, "the method is not an HTTP token");
	else if (hc.host == 0 && strcmp(version, MHD_HTTP_VERSION_1_0) != 0)
		*ret = ERR(400, NULL, "an HTTP/1.1 request needs a Host "
		    "header");
	else if (hc.host > 1)
		*ret = ERR(400, NULL, "more than one Host header");
	else if (hc.te > 0 && hc.cl > 0)
		*ret = ERR(400, NULL, "both Transfer-Encoding and "
		    "Content-Length");
	else if (hc.te > 1 || (hc.te == 1 && ((te =
	    MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_TRANSFER_ENCODING)) == NULL ||
	    !serve_te_chunked(te))))
		*ret = ERR(501, NULL, "Transfer-Encoding: only chunked is "
		    "supported");
	else if (hc.cl_differ)
		*ret = ERR(400, NULL, "Content-Length headers that differ");
	else if (!serve_text_ok(url, strlen(url), 0, &at) || bad_arg)
		*ret = ERR(400, NULL, "the URL holds a control character or "
		    "invalid UTF-8");
	else {
		r->close = 0;
		return 0;
	}
	return -1;
}

/* 404 and 405 repeat the path: only its start (serve_echo). */
static enum MHD_Result
no_route(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *url, const char *method, const char *want)
{
	struct sbuf	 u = SBUF_INIT, m = SBUF_INIT;
	enum MHD_Result	 ret;

	serve_echo(&u, url);
	serve_echo(&m, method);
	if (want == NULL)
		ret = ERR(404, NULL, "no such endpoint: %s", u.buf);
	else
		ret = serve_respond_err(sv, c, r, 405, NULL,
		    MHD_HTTP_HEADER_ALLOW,
		    strcmp(want, "GET") == 0 ? "GET, HEAD" : want,
		    "%s takes %s, not %s", u.buf, want, m.buf);
	sbuf_release(&u);
	sbuf_release(&m);
	return ret;
}

/*
 * The first call of a request, once its headers are in and before any
 * of its body is read.  Whatever can refuse the request without its
 * body does so here (framing, route, method, key, rate limit, announced
 * size), so a refused upload is never read: libmicrohttpd discards it
 * and closes the connection after the answer.  MHD_YES with nothing
 * queued lets the body come.
 */
static enum MHD_Result
admit(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *url, const char *method, const char *version)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct worker	*w;
	enum MHD_Result	 ret = MHD_YES;
	const char	*want, *cl, *site_key;
	char		*end;
	unsigned long long len;
	int		 need_key = !sv->no_auth;
	enum auth	 auth;

	if (check_framing(sv, c, r, url, method, version, &ret) != 0)
		return ret;
	if (atomic_load(&sv->draining))
		return ERR(503, NULL, "shutting down");
	if (strcmp(method, "OPTIONS") == 0 && widget_route(r->route))
		return preflight(sv, c, r);
	want = route_method(r->route);
	if (want == NULL || (strcmp(method, want) != 0 &&
	    !(strcmp(want, "GET") == 0 && strcmp(method, "HEAD") == 0))) {
		if (over_limit(sv, c, r, &ret))
			return ret;
		return no_route(sv, c, r, url, method, want);
	}
	/* Health answers everyone, and is never limited. */
	if (r->route == ROUTE_HEALTHZ)
		return MHD_YES;
	/* Webhooks prove themselves by their signature (serve_api_webhook). */
	if (r->route == ROUTE_WEBHOOK)
		need_key = 0;
	/* The widget's own files are public, limited by address. */
	if (r->route == ROUTE_WIDGET) {
		if (over_limit(sv, c, r, &ret))
			return ret;
		return MHD_YES;
	}
	site_key = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    SERVE_SITE_HEADER);
	if (site_key != NULL && MHD_lookup_connection_value(c,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION) == NULL) {
		if (admit_site(sv, c, r, site_key, &ret) != 0)
			return ret;
		need_key = 0;
	}
	if (r->route == ROUTE_METRICS) {
		if (sv->metrics == SERVE_METRICS_OPEN ||
		    (sv->metrics == SERVE_METRICS_LOCAL &&
		    serve_addr_loopback(r->ip)))
			return MHD_YES;
		need_key = 1;
	}
	if (need_key) {
		if ((w = serve_worker_get(sv, &err)) == NULL)
			auth = AUTH_ERROR;
		else
			auth = authenticate(c, w, &r->key_id, &err);
		if (auth == AUTH_ERROR) {
			r->key_id = 0;
			ret = serve_respond_fail(sv, c, r, &err, "");
			sd_error_clear(&err);
			return ret;
		}
		if (auth != AUTH_OK) {
			r->key_id = 0;
			if (over_limit(sv, c, r, &ret))
				return ret;
			return serve_respond_err(sv, c, r, 401, NULL,
			    MHD_HTTP_HEADER_WWW_AUTHENTICATE, auth ==
			    AUTH_MISSING ? "Bearer realm=\"shopdesk\"" :
			    "Bearer realm=\"shopdesk\", error=\"invalid_token\"",
			    auth == AUTH_MISSING ? "an API key is required: "
			    "Authorization: Bearer KEY" :
			    "unknown or revoked API key");
		}
	}
	if (over_limit(sv, c, r, &ret))
		return ret;
	/* Refuse a body announced too large before reading it. */
	cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl != NULL) {
		errno = 0;
		len = strtoull(cl, &end, 10);
		if (errno != 0 || len > SERVE_BODY_MAX)
			return ERR(413, NULL, "request body larger than %d "
			    "bytes", SERVE_BODY_MAX);
	}
	return MHD_YES;
}

/* The last call: the whole body is in r->body. */
static enum MHD_Result
dispatch(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *url)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct worker	*w;
	enum MHD_Result	 ret;

	if (atomic_load(&sv->draining))
		return ERR(503, NULL, "shutting down");
	if (r->route == ROUTE_HEALTHZ)
		return serve_respond(sv, c, r, 200, "application/json",
		    xstrdup("{\"status\":\"ok\"}\n"), 16, NULL, NULL);
	if (r->route == ROUTE_METRICS)
		return serve_metrics(sv, c, r);
	if (r->route == ROUTE_WIDGET)
		return serve_api_widget(sv, c, r, url + strlen(WIDGET_PREFIX));
	if ((w = serve_worker_get(sv, &err)) == NULL) {
		ret = serve_respond_fail(sv, c, r, &err, "");
		sd_error_clear(&err);
		return ret;
	}
	switch (r->route) {
	case ROUTE_MESSAGE:
		return serve_api_message(sv, c, r, w);
	case ROUTE_HISTORY:
		return serve_api_history(sv, c, r, w,
		    url + strlen(HISTORY_PREFIX));
	case ROUTE_EVENTS:
		return serve_api_events(sv, c, r, w,
		    url + strlen(EVENTS_PREFIX));
	case ROUTE_NOTIFICATIONS:
		return serve_api_notifications(sv, c, r, w);
	case ROUTE_WEBHOOK:
		return serve_api_webhook(sv, c, r, w,
		    url + strlen(WEBHOOK_PREFIX));
	case ROUTE_FEEDBACK:
		return serve_api_feedback(sv, c, r, w);
	case ROUTE_ANALYTICS:
		return serve_api_analytics(sv, c, r, w);
	case ROUTE_DESK:
		return serve_api_desk(sv, c, r, w, url + strlen(DESK_PREFIX));
	default:
		return ERR(500, NULL, "unrouted request");
	}
}

/*
 * A body that grows past SERVE_BODY_MAX (chunked, so its size was not
 * announced and admit could not refuse it: 413), or that trickles in
 * past the body timeout (408).  libmicrohttpd 0.9.75 takes a response
 * only before a body is read or once all of it is, and an endless
 * upload has no end: write the answer on the socket here, then have the
 * library close the connection (MHD_NO), which it does without writing
 * anything more.  Nothing else was sent for this request, and earlier
 * ones on the connection were answered in full before it was read.
 */
static enum MHD_Result
refuse_upload(struct MHD_Connection *c, struct req *r, unsigned status,
    const char *reason, const char *error)
{
	const union MHD_ConnectionInfo *ci;
	struct sbuf	 body = SBUF_INIT, msg = SBUF_INIT;

	sbuf_adds(&body, "{\"error\":");
	sbuf_add_json_str(&body, error, strlen(error));
	sbuf_addf(&body, ",\"status\":%u}\n", status);
	sbuf_addf(&msg, "HTTP/1.1 %u %s\r\n"
	    "Content-Type: application/json\r\n"
	    "Content-Length: %zu\r\nConnection: close\r\n\r\n", status,
	    reason, body.len);
	sbuf_add(&msg, body.buf, body.len);
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	if (ci != NULL && send(ci->connect_fd, msg.buf, msg.len,
	    MSG_NOSIGNAL | MSG_DONTWAIT) == (ssize_t)msg.len) {
		r->status = status;
		r->bytes = body.len;
	}
	sbuf_release(&body);
	sbuf_release(&msg);
	return MHD_NO;
}

/* A copy for the access log: a decoded URL may hold newlines or quotes. */
static char *
log_safe(const char *s)
{
	char	*p, *copy = xstrdup(s);

	for (p = copy; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '"')
			*p = '?';
	return copy;
}

/* The connection's entry in sv->conns (see on_connection). */
static struct serve_conn *
conn_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci;

	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci != NULL ? ci->socket_context : NULL;
}

static struct req *
req_new(struct MHD_Connection *c, const char *url, const char *method)
{
	struct req	*r = xcalloc(1, sizeof *r);
	const union MHD_ConnectionInfo *ci;

	sbuf_init(&r->body);
	r->start_us = serve_mono_us();
	r->method = log_safe(method);
	r->path = log_safe(url);
	r->route = route_of(url);
	strcpy(r->ip, "-");
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci != NULL && ci->client_addr != NULL) {
		if (ci->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)
			    ci->client_addr)->sin_addr, r->ip, sizeof r->ip);
		else if (ci->client_addr->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)
			    ci->client_addr)->sin6_addr, r->ip, sizeof r->ip);
	}
	return r;
}

static enum MHD_Result
on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct serve	*sv = cls;
	struct req	*r = *con_cls;
	struct serve_conn *cn;

	if (r == NULL) {
		*con_cls = r = req_new(c, url, method);
		atomic_fetch_add(&sv->inflight, 1);
		if ((cn = conn_of(c)) != NULL)
			serve_conn_busy(cn);
		return admit(sv, c, r, url, method, version);
	}
	if (*upload_size > 0) {
		if (r->status == 0 &&
		    *upload_size > SERVE_BODY_MAX - r->body.len)
			return refuse_upload(c, r, 413, "Content Too Large",
			    "request body larger than 64 KiB");
		/*
		 * A body that trickles in keeps the connection from ever
		 * being idle, and the header deadline is over: its own.
		 */
		if (r->status == 0 && sv->body_timeout > 0 &&
		    serve_mono_us() - r->start_us > sv->body_timeout * 1e6)
			return refuse_upload(c, r, 408, "Request Timeout",
			    "request body too slow");
		if (r->status == 0)
			sbuf_add(&r->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (r->status != 0)	/* answered by admit */
		return MHD_YES;
	return dispatch(sv, c, r, url);
}

static size_t
status_index(unsigned status)
{
	size_t	 i;

	for (i = 0; i < NSTATUS; i++)
		if (status_codes[i] == status)
			return i;
	return NSTATUS;
}

static void
on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct serve	*sv = cls;
	struct req	*r = *con_cls;
	struct serve_conn *cn;
	struct timespec	 ts;
	struct tm	 tm;
	char		 when[40];
	long long	 us;

	if (r == NULL)
		return;
	*con_cls = NULL;
	us = serve_mono_us() - r->start_us;
	/* The next request's headers are due within header_timeout. */
	if ((cn = conn_of(c)) != NULL)
		serve_conn_idle(cn, serve_mono_us() / 1e6);
	atomic_fetch_add(&sv->requests[r->route][status_index(r->status)], 1);
	if (sv->log != NULL) {
		clock_gettime(CLOCK_REALTIME, &ts);
		gmtime_r(&ts.tv_sec, &tm);
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
		pthread_mutex_lock(&sv->log_mu);
		fprintf(sv->log, "%s.%03ldZ %s \"%s %s\" %u %zu %lldus "
		    "key=%lld%s%s%s%s\n", when, ts.tv_nsec / 1000000, r->ip,
		    r->method, r->path, r->status, r->bytes, us, r->key_id,
		    toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" :
		    " aborted", r->note != NULL ? " refused=\"" : "",
		    r->note != NULL ? r->note : "", r->note != NULL ? "\"" :
		    "");
		fflush(sv->log);
		pthread_mutex_unlock(&sv->log_mu);
	}
	sbuf_release(&r->body);
	serve_site_release(&r->site);
	free(r->method);
	free(r->path);
	free(r);
	atomic_fetch_sub(&sv->inflight, 1);
}

/* Each connection has an entry in sv->conns while it is open. */
static void
on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
    enum MHD_ConnectionNotificationCode code)
{
	struct serve	*sv = cls;
	const union MHD_ConnectionInfo *ci;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		ci = MHD_get_connection_info(c,
		    MHD_CONNECTION_INFO_CONNECTION_FD);
		if (ci != NULL)
			*socket_context = serve_conns_add(sv->conns,
			    ci->connect_fd, serve_mono_us() / 1e6);
	} else if (*socket_context != NULL) {
		/* Called before the library closes the socket. */
		serve_conns_remove(sv->conns, *socket_context);
		*socket_context = NULL;
	}
}

/*
 * Paths and query arguments are decoded as libmicrohttpd does, except
 * that %00 becomes DEL instead of ending the text unseen ("/a%00b" would
 * route as "/a"): check_framing refuses control characters, so such a
 * request is answered 400.
 */
static size_t
unescape(void *cls, struct MHD_Connection *c, char *s)
{
	size_t	 n = MHD_http_unescape(s), i;

	(void)cls;
	(void)c;
	for (i = 0; i < n; i++)
		if (s[i] == '\0')
			s[i] = 0x7f;
	return n;
}

static void
on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	struct serve	*sv = cls;

	if (sv->log == NULL)
		return;
	pthread_mutex_lock(&sv->log_mu);
	fputs("microhttpd: ", sv->log);
	vfprintf(sv->log, fmt, ap);
	fflush(sv->log);
	pthread_mutex_unlock(&sv->log_mu);
}

/* Lifecycle */

/* End every open stream now (resumed, its reader answers an error). */
static void
stream_cancel_all(struct serve *sv)
{
	struct stream	*st;

	pthread_mutex_lock(&sv->jobs_mu);
	sv->streams_cancelled = 1;
	for (st = sv->live; st != NULL; st = st->live_next) {
		pthread_mutex_lock(&st->mu);
		st->cancelled = 1;
		if (st->suspended && st->conn != NULL) {
			st->suspended = 0;
			MHD_resume_connection(st->conn);
		}
		pthread_mutex_unlock(&st->mu);
	}
	pthread_mutex_unlock(&sv->jobs_mu);
}

/* Let the stream threads run the turns queued, then end them. */
static void
streamers_stop(struct serve *sv)
{
	int	 i;

	pthread_mutex_lock(&sv->jobs_mu);
	sv->jobs_stop = 1;
	pthread_cond_broadcast(&sv->jobs_cv);
	pthread_mutex_unlock(&sv->jobs_mu);
	for (i = 0; i < sv->nstreamers; i++)
		pthread_join(sv->streamers[i], NULL);
	sv->nstreamers = 0;
}

static void
serve_free(struct serve *sv)
{
	struct worker	*w, *next;
	int		 i;

	for (w = sv->workers; w != NULL; w = next) {
		next = w->next;
		engine_close(w->engine);
		generator_free(w->gen);
		store_close(w->st);
		free(w);
	}
	serve_limiter_free(sv->limiter);
	serve_locks_free(sv->locks);
	serve_conns_free(sv->conns);
	pthread_mutex_destroy(&sv->reaper_mu);
	pthread_cond_destroy(&sv->reaper_cv);
	pthread_key_delete(sv->worker_key);
	pthread_mutex_destroy(&sv->workers_mu);
	pthread_mutex_destroy(&sv->log_mu);
	pthread_mutex_destroy(&sv->jobs_mu);
	pthread_cond_destroy(&sv->jobs_cv);
	pthread_mutex_destroy(&sv->ckpt_mu);
	pthread_cond_destroy(&sv->ckpt_cv);
	store_close(sv->writer);
	pthread_mutex_destroy(&sv->writer_mu);
	free(sv->streamers);
	free(sv->db_path);
	free(sv->share_dir);
	free(sv->widget_csp);
	for (i = 0; i < WEBHOOK_NSOURCES; i++)
		free(sv->webhook_secrets[i]);
	free(sv->addr);
	free(sv);
}

struct serve *
serve_start(const struct serve_config *cfg, struct sd_error *err)
{
	struct serve	*sv = xcalloc(1, sizeof *sv);
	struct sockaddr_storage ss;
	struct sockaddr_in *sin = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *sin6 = (struct sockaddr_in6 *)&ss;
	const union MHD_DaemonInfo *di;
	const char	*bind = cfg->bind != NULL ? cfg->bind : "127.0.0.1";
	struct store	*st = NULL;
	struct engine	*e = NULL;
	unsigned	 flags;
	long		 ncpu;
	int		 i;

	sv->db_path = xstrdup(cfg->db_path);
	sv->share_dir = xstrdup(cfg->share_dir);
	sv->widget_csp = serve_widget_csp(cfg->frame_ancestors);
	sv->no_auth = cfg->no_auth;
	sv->metrics = cfg->metrics;
	sv->header_timeout = cfg->header_timeout;
	sv->body_timeout = cfg->body_timeout;
	sv->max_conns = cfg->max_conns > 0 ? cfg->max_conns :
	    SERVE_CONNS_DEFAULT;
	sv->log = cfg->log;
	pthread_mutex_init(&sv->log_mu, NULL);
	pthread_mutex_init(&sv->workers_mu, NULL);
	pthread_mutex_init(&sv->jobs_mu, NULL);
	pthread_cond_init(&sv->jobs_cv, NULL);
	pthread_mutex_init(&sv->ckpt_mu, NULL);
	pthread_mutex_init(&sv->writer_mu, NULL);
	pthread_cond_init(&sv->ckpt_cv, NULL);
	pthread_mutex_init(&sv->reaper_mu, NULL);
	pthread_cond_init(&sv->reaper_cv, NULL);
	sv->conns = serve_conns_new();
	sv->gen = cfg->gen;
	pthread_key_create(&sv->worker_key, NULL);
	sv->limiter = serve_limiter_new(cfg->rate, cfg->burst);
	sv->locks = serve_locks_new(SESSION_LOCKS);
	sv->threads = cfg->threads;
	if (sv->threads <= 0) {
		ncpu = sysconf(_SC_NPROCESSORS_ONLN);
		sv->threads = ncpu < 1 ? 1 : ncpu > 64 ? 64 : (int)ncpu;
	}
	if (cfg->port < 0 || cfg->port > 65535) {
		sd_fail(err, SD_ERR_USAGE, "--port %d: not a port (0 to 65535)",
		    cfg->port);
		goto fail;
	}

	/*
	 * SQLite counts memory under one global mutex on every allocation
	 * unless told not to, and the workers allocate all the time.  The
	 * setting is only accepted before initialisation; no connection is
	 * open here (cmd-serve closed its own), so start SQLite afresh.
	 */
	if (sqlite3_shutdown() == SQLITE_OK) {
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
		sqlite3_initialize();
	}

	memset(&ss, 0, sizeof ss);
	flags = MHD_USE_AUTO | MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC |
	    MHD_ALLOW_SUSPEND_RESUME;
	if (inet_pton(AF_INET, bind, &sin->sin_addr) == 1) {
		sin->sin_family = AF_INET;
		sin->sin_port = htons((uint16_t)cfg->port);
	} else if (inet_pton(AF_INET6, bind, &sin6->sin6_addr) == 1) {
		sin6->sin6_family = AF_INET6;
		sin6->sin6_port = htons((uint16_t)cfg->port);
		flags |= MHD_USE_IPv6;
	} else {
		sd_fail(err, SD_ERR_USAGE, "--bind %s: not an IPv4 or IPv6 "
		    "address", bind);
		goto fail;
	}

	/*
	 * Fail now rather than on the first request: open the store and
	 * the engine once (this also trains and stores the intent model
	 * on first use, before the workers would each try to).
	 */
	if ((st = store_open(sv->db_path, NULL, err)) == NULL)
		goto fail;
	if ((e = engine_open(st, sv->share_dir, err)) == NULL) {
		sd_error_prefix(err, "engine: ");
		goto fail;
	}
	engine_close(e);
	/* Bad generator settings, too, are for now, not the first turn. */
	if (sv->gen != NULL) {
		struct generator *g = generator_open(st, sv->gen, err);

		if (g == NULL) {
			sd_error_prefix(err, "generator: ");
			goto fail;
		}
		generator_free(g);
	}
	store_close(st);
	st = NULL;

	if ((sv->writer = store_open(sv->db_path, NULL, err)) == NULL)
		goto fail;
	sqlite3_busy_handler(store_db(sv->writer), busy_wait, NULL);
	sqlite3_wal_hook(store_db(sv->writer), wal_hook, sv);
	if ((sv->ckpt_st = store_open(sv->db_path, NULL, err)) == NULL)
		goto fail;
	sqlite3_wal_autocheckpoint(store_db(sv->ckpt_st), 0);
	/* How long a RESTART checkpoint may hold writers back. */
	sqlite3_busy_timeout(store_db(sv->ckpt_st), 100);
	if ((errno = pthread_create(&sv->ckpt, NULL, checkpointer_main,
	    sv)) != 0) {
		store_close(sv->ckpt_st);
		sv->ckpt_st = NULL;
		sd_fail(err, SD_ERR_IO, "cannot start the checkpoint thread: "
		    "%s", strerror(errno));
		goto fail;
	}
	sv->ckpt_started = 1;
	if ((sv->events = serve_events_start(sv->db_path, err)) == NULL)
		goto fail;
	if (webhook_secrets(cfg->sources_file, sv->webhook_secrets, err) !=
	    SD_OK)
		goto fail;
	if (cfg->triggers_every > 0 && (sv->triggers = serve_triggers_start(
	    sv->db_path, cfg->triggers_file, cfg->triggers_every, err)) ==
	    NULL)
		goto fail;

	if (sv->header_timeout > 0) {
		if ((errno = pthread_create(&sv->reaper, NULL, reaper_main,
		    sv)) != 0) {
			sd_fail(err, SD_ERR_IO, "cannot start the reaper "
			    "thread: %s", strerror(errno));
			goto fail;
		}
		sv->reaper_started = 1;
	}

	/*
	 * Against clients that hold connections open (slowloris): at most
	 * max_conns connections in all and conns_per_addr from one address
	 * (libmicrohttpd closes the ones past either limit as they come),
	 * so one address never takes more than its share and the rest stays
	 * for others; a connection silent for idle_timeout is closed, and
	 * one that takes longer than header_timeout to send its headers is
	 * shut down by the reaper.
	 */
	sv->daemon = MHD_start_daemon(flags, (uint16_t)cfg->port, NULL, NULL,
	    on_request, sv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)sv->threads,
	    MHD_OPTION_NOTIFY_COMPLETED, on_completed, sv,
	    MHD_OPTION_NOTIFY_CONNECTION, on_connection, sv,
	    MHD_OPTION_UNESCAPE_CALLBACK, unescape, sv,
	    MHD_OPTION_CONNECTION_LIMIT, sv->max_conns,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->conns_per_addr,
	    MHD_OPTION_CONNECTION_TIMEOUT, cfg->idle_timeout,
	    MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)1024,
	    MHD_OPTION_EXTERNAL_LOGGER, on_mhd_log, sv,
	    MHD_OPTION_END);
	if (sv->daemon == NULL) {
		sd_fail(err, SD_ERR_IO, "cannot listen on %s port %d: %s", bind,
		    cfg->port, errno != 0 ? strerror(errno) :
		    "microhttpd refused");
		goto fail;
	}
	/* As many stream threads as workers: streamed turns queue past it. */
	sv->streamers = xcalloc((size_t)sv->threads, sizeof *sv->streamers);
	for (i = 0; i < sv->threads; i++) {
		if ((errno = pthread_create(&sv->streamers[i], NULL,
		    serve_streamer_main, sv)) != 0) {
			sd_fail(err, SD_ERR_IO, "cannot start a stream thread: "
			    "%s", strerror(errno));
			streamers_stop(sv);
			MHD_stop_daemon(sv->daemon);
			goto fail;
		}
		sv->nstreamers++;
	}
	di = MHD_get_daemon_info(sv->daemon, MHD_DAEMON_INFO_BIND_PORT);
	sv->port = di != NULL ? di->port : cfg->port;
	sv->addr = xstrdup(bind);
	return sv;
fail:
	serve_triggers_stop(sv->triggers);
	serve_events_stop(sv->events);
	reaper_stop(sv);
	checkpointer_stop(sv);
	store_close(st);
	serve_free(sv);
	return NULL;
}

int
serve_port(const struct serve *sv)
{
	return sv->port;
}

const char *
serve_address(const struct serve *sv)
{
	return sv->addr;
}

int
serve_threads(const struct serve *sv)
{
	return sv->threads;
}

void
serve_stop(struct serve *sv, int drain_ms)
{
	MHD_socket	 fd;
	long long	 deadline;

	atomic_store(&sv->draining, 1);
	/* Stop accepting; connections open now are still served. */
	fd = MHD_quiesce_daemon(sv->daemon);
	if (fd != MHD_INVALID_SOCKET)
		close(fd);
	/* Event streams never end by themselves. */
	serve_events_cancel_all(sv->events);
	deadline = serve_mono_us() + (long long)drain_ms * 1000;
	while (atomic_load(&sv->inflight) > 0 && serve_mono_us() < deadline)
		usleep(2000);
	/*
	 * Streams still open past the deadline are cut: MHD must not be
	 * stopped with a connection suspended.  Their turns still finish
	 * (streamers_stop), only the client does not hear of it.
	 */
	stream_cancel_all(sv);
	deadline = serve_mono_us() + 1000000;
	while (atomic_load(&sv->inflight) > 0 && serve_mono_us() < deadline)
		usleep(2000);
	MHD_stop_daemon(sv->daemon);
	serve_triggers_stop(sv->triggers);
	serve_events_stop(sv->events);
	sv->events = NULL;
	reaper_stop(sv);
	streamers_stop(sv);
	checkpointer_stop(sv);
	serve_free(sv);
}

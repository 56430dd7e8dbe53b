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
 *   serve-route.c   a request's way: admission, routing, dispatch, the
 *                   access log
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

/*
 * Fail now rather than on the first request: open the store and
 * the engine once (this also trains and stores the intent model
 * on first use, before the workers would each try to).  0, or -1 with
 * err set.
 */
static int
check_engine(struct serve *sv, struct sd_error *err)
{
	struct store	*st = NULL;
	struct engine	*e = NULL;
	int		 rc = -1;

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
	rc = 0;
fail:
	store_close(st);
	return rc;
}

/*
 * The server's own threads and connections besides libmicrohttpd's:
 * the shared writer, the checkpointer, the event streams, the webhook
 * secrets, the triggers and the reaper.  0, or -1 with err set (what
 * started is stopped by serve_start's cleanup).
 */
static int
start_threads(struct serve *sv, const struct serve_config *cfg,
    struct sd_error *err)
{
	if ((sv->writer = store_open(sv->db_path, NULL, err)) == NULL)
		return -1;
	sqlite3_busy_handler(store_db(sv->writer), busy_wait, NULL);
	sqlite3_wal_hook(store_db(sv->writer), wal_hook, sv);
	if ((sv->ckpt_st = store_open(sv->db_path, NULL, err)) == NULL)
		return -1;
	sqlite3_wal_autocheckpoint(store_db(sv->ckpt_st), 0);
	/* How long a RESTART checkpoint may hold writers back. */
	sqlite3_busy_timeout(store_db(sv->ckpt_st), 100);
	if ((errno = pthread_create(&sv->ckpt, NULL, checkpointer_main,
	    sv)) != 0) {
		store_close(sv->ckpt_st);
		sv->ckpt_st = NULL;
		sd_fail(err, SD_ERR_IO, "cannot start the checkpoint thread: "
		    "%s", strerror(errno));
		return -1;
	}
	sv->ckpt_started = 1;
	if ((sv->events = serve_events_start(sv->db_path, err)) == NULL)
		return -1;
	if (webhook_secrets(cfg->sources_file, sv->webhook_secrets, err) !=
	    SD_OK)
		return -1;
	if (cfg->triggers_every > 0 && (sv->triggers = serve_triggers_start(
	    sv->db_path, cfg->triggers_file, cfg->triggers_every, err)) ==
	    NULL)
		return -1;

	if (sv->header_timeout > 0) {
		if ((errno = pthread_create(&sv->reaper, NULL, reaper_main,
		    sv)) != 0) {
			sd_fail(err, SD_ERR_IO, "cannot start the reaper "
			    "thread: %s", strerror(errno));
			return -1;
		}
		sv->reaper_started = 1;
	}
	return 0;
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

	if (check_engine(sv, err) != 0 || start_threads(sv, cfg, err) != 0)
		goto fail;

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
	    serve_on_request, sv,
	    MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&ss,
	    MHD_OPTION_THREAD_POOL_SIZE, (unsigned)sv->threads,
	    MHD_OPTION_NOTIFY_COMPLETED, serve_on_completed, sv,
	    MHD_OPTION_NOTIFY_CONNECTION, serve_on_connection, sv,
	    MHD_OPTION_UNESCAPE_CALLBACK, serve_unescape, sv,
	    MHD_OPTION_CONNECTION_LIMIT, sv->max_conns,
	    MHD_OPTION_PER_IP_CONNECTION_LIMIT, cfg->conns_per_addr,
	    MHD_OPTION_CONNECTION_TIMEOUT, cfg->idle_timeout,
	    MHD_OPTION_LISTEN_BACKLOG_SIZE, (unsigned)1024,
	    MHD_OPTION_EXTERNAL_LOGGER, serve_on_mhd_log, sv,
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

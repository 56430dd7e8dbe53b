/*
 * serve-int.h: what the files of the HTTP server share (serve.c lists
 * them), not for other modules: the server, a request and a streamed
 * turn, and the helpers each file gives the others.  Only these files
 * see libmicrohttpd.
 */
#ifndef SERVE_INT_H
#define SERVE_INT_H

#include <arpa/inet.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>

#include <microhttpd.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "serve.h"
#include "serve-site.h"
#include "webhook.h"

struct engine;
struct store;
struct turn;

/* Routes, for the metrics and the access log. */
enum route {
	ROUTE_MESSAGE,
	ROUTE_HISTORY,
	ROUTE_FEEDBACK,
	ROUTE_ANALYTICS,
	ROUTE_DESK,
	ROUTE_HEALTHZ,
	ROUTE_METRICS,
	ROUTE_WIDGET,
	ROUTE_EVENTS,
	ROUTE_NOTIFICATIONS,
	ROUTE_WEBHOOK,
	ROUTE_OTHER,
	ROUTE_COUNT
};

/* The status codes the server answers with, for the metrics. */
static const unsigned status_codes[] = {
	200, 201, 204, 400, 401, 403, 404, 405, 408, 413, 429, 500, 501, 503
};
#define NSTATUS	(sizeof status_codes / sizeof status_codes[0])

/* Upper bounds of the turn latency histogram, in microseconds. */
static const long long lat_bounds[] = {
	250, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000, 250000,
	1000000
};
#define NLAT	(sizeof lat_bounds / sizeof lat_bounds[0])

/* What one worker (or stream) thread owns. */
struct worker {
	struct worker	*next;		/* all workers, for serve_stop */
	struct store	*st;		/* its own connection */
	struct engine	*engine;	/* opened on its first turn */
	struct generator *gen;		/* opened with the engine, or NULL */
};

struct serve;

/*
 * One streamed turn.  Shared by the stream thread that runs it and the
 * response that sends it; freed when both let go (refs).  The request
 * fields are copies: the connection may be gone before the turn runs.
 */
struct stream {
	struct stream	*next;		/* the job queue */
	struct stream	*live_prev, *live_next;	/* sv->live */
	struct serve	*sv;
	pthread_mutex_t	 mu;		/* guards what follows */
	int		 refs;
	struct sbuf	 out;		/* events not yet sent */
	size_t		 off;		/* bytes of out already sent */
	int		 finished;	/* the last event is in out */
	int		 suspended;	/* the reader waits for an event */
	int		 cancelled;	/* the server stops: end now */
	int		 tokens;	/* token and reset events written */
	struct MHD_Connection *conn;	/* NULL once the response is gone */
	size_t		*bytes;		/* the request's byte count (the
					   reader's thread only) */
	/* The turn. */
	char		*sid;
	char		*user;
	char		*msg;
	int		 debug;
};

struct serve {
	struct MHD_Daemon *daemon;
	char		*db_path;
	char		*share_dir;
	char		*widget_csp;	/* the widget pages' policy */
	struct serve_events *events;	/* GET /api/chat/events/ID */
	struct serve_triggers *triggers; /* --triggers: NULL when off */
	char		*webhook_secrets[WEBHOOK_NSOURCES]; /* NULL: off */
	char		*addr;		/* the bound address as text */
	int		 port;		/* the bound port */
	int		 threads;	/* worker threads */
	int		 no_auth;
	enum serve_metrics metrics;	/* who may read /metrics */
	double		 header_timeout; /* seconds; 0: no deadline */
	double		 body_timeout;	/* seconds; 0: no deadline */
	unsigned	 max_conns;	/* MHD_OPTION_CONNECTION_LIMIT */
	FILE		*log;		/* access log or NULL */
	pthread_mutex_t	 log_mu;	/* one line at a time */
	pthread_key_t	 worker_key;	/* the thread's struct worker */
	pthread_mutex_t	 workers_mu;	/* guards workers */
	struct worker	*workers;
	struct serve_limiter *limiter;
	struct serve_locks *locks;
	const struct gen_config *gen;	/* NULL: templates only */
	/* Stream threads and their queue of turns. */
	pthread_mutex_t	 jobs_mu;	/* guards jobs, live, jobs_stop */
	pthread_cond_t	 jobs_cv;
	struct stream	*jobs, *jobs_tail;
	struct stream	*live;		/* streams with a response */
	int		 streams_cancelled;	/* stream_cancel_all ran */
	int		 jobs_stop;
	pthread_t	*streamers;
	int		 nstreamers;
	/* The connection every engine saves its turns on (save_turn). */
	struct store	*writer;
	pthread_mutex_t	 writer_mu;
	/* The checkpoint thread (see checkpointer_main). */
	pthread_t	 ckpt;
	struct store	*ckpt_st;	/* its connection */
	int		 ckpt_started;
	pthread_mutex_t	 ckpt_mu;	/* guards ckpt_stop */
	pthread_cond_t	 ckpt_cv;
	int		 ckpt_stop;
	atomic_int	 ckpt_wanted;	/* a WAL grew CKPT_FRAMES */
	atomic_int	 ckpt_at[2];	/* WAL frames at the last checkpoint:
					   main, history */
	atomic_ullong	 checkpoints;
	/* Open connections and the thread that enforces header_timeout. */
	struct serve_conns *conns;
	pthread_t	 reaper;
	int		 reaper_started;
	pthread_mutex_t	 reaper_mu;	/* guards reaper_stop */
	pthread_cond_t	 reaper_cv;
	int		 reaper_stop;
	atomic_int	 draining;	/* serve_stop began: answer 503 */
	atomic_long	 inflight;	/* requests between first call and
					   completion */
	/* Metrics. */
	atomic_ullong	 requests[ROUTE_COUNT][NSTATUS + 1];
	atomic_ullong	 turn_hist[NLAT + 1];	/* by lat_bounds, +Inf */
	atomic_ullong	 turn_sum_us;
	atomic_ullong	 turns;
	atomic_ullong	 sessions_created;
	atomic_ullong	 rate_limited;
	atomic_ullong	 header_timeouts;	/* connections reaped */
	atomic_ullong	 busy;		/* answered 503: database busy */
	atomic_ullong	 engines;
};

/* One request. */
struct req {
	struct sbuf	 body;		/* the upload so far */
	int		 close;		/* answer with Connection: close */
	long long	 start_us;	/* monotonic, at the first call */
	enum route	 route;
	char		*method;
	char		*path;
	char		 ip[INET6_ADDRSTRLEN];
	unsigned	 status;	/* answered with */
	size_t		 bytes;		/* body bytes answered */
	long long	 key_id;	/* the API key, 0 without */
	struct serve_site site;		/* a widget's (site_id 0: none) */
	const char	*note;		/* why it was refused, for the log */
};

/*
 * serve-reply.c: answers and request fields.  Each serve_respond*
 * queues the response and returns MHD's verdict; the readers of fields
 * answer 400 (or the status named) themselves and say so: NULL, -1 or
 * a negative count, with *ret the verdict to return.
 */

/* The headers every answer carries (nosniff, a widget's origin). */
void		 serve_common_headers(struct MHD_Response *,
		    const struct req *);
/* Answer body (len bytes, freed by MHD) as ctype, with one header. */
enum MHD_Result	 serve_respond(struct serve *, struct MHD_Connection *,
		    struct req *, unsigned status, const char *ctype,
		    char *body, size_t len, const char *hname,
		    const char *hvalue);
enum MHD_Result	 serve_respond_json(struct serve *, struct MHD_Connection *,
		    struct req *, unsigned status, const struct cJSON *);
/* {"error": message, "field": field, "status": code}; field may be NULL. */
enum MHD_Result	 serve_respond_err(struct serve *, struct MHD_Connection *,
		    struct req *, unsigned status, const char *field,
		    const char *hname, const char *hvalue, const char *fmt, ...)
		    __attribute__((format(printf, 8, 9)));
/* A failure of the store or the engine: 503 when busy, else 500. */
enum MHD_Result	 serve_respond_fail(struct serve *, struct MHD_Connection *,
		    struct req *, const struct sd_error *, const char *what);

#define ERR(st, field, ...) \
	serve_respond_err(sv, c, r, (st), (field), NULL, NULL, __VA_ARGS__)

struct cJSON	*serve_parse_body(struct serve *, struct MHD_Connection *,
		    struct req *, enum MHD_Result *);
int		 serve_get_string(struct serve *, struct MHD_Connection *,
		    struct req *, struct cJSON *, const char *name,
		    int required, int multiline, size_t max,
		    unsigned too_long, const char **out, enum MHD_Result *);
int		 serve_blank(const char *);
int		 serve_session_id_ok(const char *);
/* "a" and 24 random hex digits; caller frees; NULL with err set. */
char		*serve_new_session_id(struct sd_error *);
enum MHD_Result	 serve_no_session(struct serve *, struct MHD_Connection *,
		    struct req *, const char *field, const char *sid);
long long	 serve_query_int(struct serve *, struct MHD_Connection *,
		    struct req *, const char *name, long long dflt,
		    long long max, enum MHD_Result *);
int		 serve_query_flag(struct MHD_Connection *, const char *name);

/*
 * serve.c: the workers and the clock.
 */

/* Microseconds of the monotonic clock. */
long long	 serve_mono_us(void);
/* A worker with its own store connection, on the list serve_stop frees. */
struct worker	*serve_worker_new(struct serve *, struct sd_error *);
/* The calling worker thread's worker, opening its store on first use. */
struct worker	*serve_worker_get(struct serve *, struct sd_error *);
/* The worker's engine, and its generator over the worker's store. */
struct engine	*serve_worker_engine(struct serve *, struct worker *,
		    struct sd_error *);

/*
 * serve-stream.c: streamed turns.
 */

/* Whether the client asked for server-sent events. */
int		 serve_wants_stream(struct MHD_Connection *);
/* A stream thread: runs the queued turns until serve_stop. */
void		*serve_streamer_main(void *);
/* Answer with a stream and queue its turn for a stream thread. */
enum MHD_Result	 serve_stream_start(struct serve *, struct MHD_Connection *,
		    struct req *, const char *sid, const char *user,
		    const char *msg);

/*
 * serve-admin.c: webhooks, the agent desk, analytics, metrics.
 */

/* POST /api/webhooks/NAME. */
enum MHD_Result	 serve_api_webhook(struct serve *, struct MHD_Connection *,
		    struct req *, struct worker *, const char *name);
/* POST /api/desk/ACTION. */
enum MHD_Result	 serve_api_desk(struct serve *, struct MHD_Connection *,
		    struct req *, struct worker *, const char *action);
/* GET /api/chat/analytics. */
enum MHD_Result	 serve_api_analytics(struct serve *,
		    struct MHD_Connection *, struct req *, struct worker *);
/* GET /metrics (Prometheus text). */
enum MHD_Result	 serve_metrics(struct serve *, struct MHD_Connection *,
		    struct req *);

/*
 * serve-chat.c: the endpoints for customers' front ends.
 */

/* A turn's time, in the latency histogram. */
void		 serve_count_turn(struct serve *, long long us);
/* The answer to a turn; it borrows the trace: delete it first. */
struct cJSON	*serve_turn_json(struct store *, const struct turn *,
		    int debug);
/* POST /api/chat/message. */
enum MHD_Result	 serve_api_message(struct serve *, struct MHD_Connection *,
		    struct req *, struct worker *);
/* GET /api/chat/history/SID. */
enum MHD_Result	 serve_api_history(struct serve *, struct MHD_Connection *,
		    struct req *, struct worker *, const char *sid);
/* GET /api/chat/events/SID. */
enum MHD_Result	 serve_api_events(struct serve *, struct MHD_Connection *,
		    struct req *, struct worker *, const char *sid);
/* GET /api/chat/notifications. */
enum MHD_Result	 serve_api_notifications(struct serve *,
		    struct MHD_Connection *, struct req *, struct worker *);
/* POST /api/chat/feedback. */
enum MHD_Result	 serve_api_feedback(struct serve *, struct MHD_Connection *,
		    struct req *, struct worker *);
/* GET /widget/NAME: a file of the widget. */
enum MHD_Result	 serve_api_widget(struct serve *, struct MHD_Connection *,
		    struct req *, const char *name);

/*
 * serve-route.c: libmicrohttpd's callbacks for each request.
 */

enum MHD_Result	 serve_on_request(void *, struct MHD_Connection *,
		    const char *url, const char *method, const char *version,
		    const char *upload, size_t *upload_size, void **con_cls);
void		 serve_on_completed(void *, struct MHD_Connection *,
		    void **con_cls, enum MHD_RequestTerminationCode);
void		 serve_on_connection(void *, struct MHD_Connection *,
		    void **socket_context, enum MHD_ConnectionNotificationCode);
size_t		 serve_unescape(void *, struct MHD_Connection *, char *);
void		 serve_on_mhd_log(void *, const char *fmt, va_list);

#endif

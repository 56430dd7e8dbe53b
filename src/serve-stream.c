/*
 * serve-stream.c: streamed turns.
 *
 * A streamed turn (Accept: text/event-stream) is checked on the worker
 * like any other, then handed to a stream thread, which has its own store,
 * engine and generator: a model may take seconds, and a worker waiting
 * for it would stall every connection it serves.  The stream thread takes
 * the session lock, runs the turn, and appends each event to the stream's
 * buffer; the response's reader (on the worker) sends what is there and,
 * when nothing is, suspends the connection until the stream thread
 * resumes it with the next event.  The turn commits before its "done"
 * event is written, and it runs to the end whether or not the client is
 * still there.
 *
 * Its own file because this hand-over between threads, and who frees
 * the stream when, is the subtlest code of the server.
 */
#include "config.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>
#include <microhttpd.h>

#include "shopdesk.h"
#include "engine.h"
#include "sbuf.h"
#include "serve-int.h"
#include "serve-limit.h"

/* Whether the client asked for server-sent events. */
int
serve_wants_stream(struct MHD_Connection *c)
{
	static const char want[] = "text/event-stream";
	const char	*a;

	a = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_ACCEPT);
	for (; a != NULL && *a != '\0'; a++)
		if (strncasecmp(a, want, sizeof want - 1) == 0)
			return 1;
	return 0;
}

static void
stream_unref(struct stream *st)
{
	int	 last;

	pthread_mutex_lock(&st->mu);
	last = --st->refs == 0;
	pthread_mutex_unlock(&st->mu);
	if (!last)
		return;
	pthread_mutex_destroy(&st->mu);
	sbuf_release(&st->out);
	free(st->sid);
	free(st->user);
	free(st->msg);
	free(st);
}

/*
 * Append one event (data is one line of JSON); last: nothing follows.
 * Wakes the connection when its reader is waiting.  Without a response
 * (the client left) the event goes nowhere; the turn goes on.
 */
static void
stream_put(struct stream *st, const char *event, const char *data,
    size_t len, int last)
{
	pthread_mutex_lock(&st->mu);
	if (st->conn != NULL) {
		sbuf_addf(&st->out, "event: %s\ndata: ", event);
		sbuf_add(&st->out, data, len);
		sbuf_adds(&st->out, "\n\n");
	}
	if (last)
		st->finished = 1;
	if (st->suspended && st->conn != NULL) {
		st->suspended = 0;
		MHD_resume_connection(st->conn);
	}
	pthread_mutex_unlock(&st->mu);
}

/* An error after the turn began: an "error" event ends the stream. */
static void
stream_fail(struct stream *st, unsigned status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
stream_fail(struct stream *st, unsigned status, const char *fmt, ...)
{
	struct sbuf	 sb = SBUF_INIT, msg = SBUF_INIT;
	va_list		 ap;

	va_start(ap, fmt);
	sbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	sbuf_adds(&sb, "{\"error\":");
	sbuf_add_json_str(&sb, msg.buf, msg.len);
	sbuf_addf(&sb, ",\"status\":%u}", status);
	stream_put(st, "error", sb.buf, sb.len, 1);
	sbuf_release(&sb);
	sbuf_release(&msg);
}

/* gen_token_fn: each checked sentence (or the reset) as one event. */
static int
stream_token(void *arg, enum gen_event ev, const char *text, size_t len)
{
	struct stream	*st = arg;
	struct sbuf	 sb = SBUF_INIT;

	sbuf_adds(&sb, "{\"text\":");
	sbuf_add_json_str(&sb, text, len);
	sbuf_addc(&sb, '}');
	stream_put(st, ev == GEN_RESET ? "reset" : "token", sb.buf, sb.len,
	    0);
	sbuf_release(&sb);
	st->tokens++;
	return 0;
}

/*
 * MHD's reader: what is buffered, else the end, else suspend until
 * stream_put resumes the connection.  Runs on the connection's worker.
 */
static ssize_t
stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream	*st = cls;
	size_t		 n;

	(void)pos;
	pthread_mutex_lock(&st->mu);
	if (st->cancelled) {
		pthread_mutex_unlock(&st->mu);
		return MHD_CONTENT_READER_END_WITH_ERROR;
	}
	if (st->off < st->out.len) {
		n = st->out.len - st->off;
		if (n > max)
			n = max;
		memcpy(buf, st->out.buf + st->off, n);
		st->off += n;
		if (st->off == st->out.len) {
			sbuf_reset(&st->out);
			st->off = 0;
		}
		if (st->bytes != NULL)
			*st->bytes += n;
		pthread_mutex_unlock(&st->mu);
		return (ssize_t)n;
	}
	if (st->finished) {
		pthread_mutex_unlock(&st->mu);
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	/*
	 * Nothing yet: returning 0 alone would have MHD call again at once,
	 * spinning.  Suspended, the connection costs nothing until
	 * stream_put resumes it (under st->mu, so no wake-up is lost).
	 */
	st->suspended = 1;
	MHD_suspend_connection(st->conn);
	pthread_mutex_unlock(&st->mu);
	return 0;
}

/* MHD is done with the response (sent, or the client went away). */
static void
stream_gone(void *cls)
{
	struct stream	*st = cls;
	struct serve	*sv = st->sv;

	pthread_mutex_lock(&sv->jobs_mu);
	if (st->live_prev != NULL)
		st->live_prev->live_next = st->live_next;
	else if (sv->live == st)
		sv->live = st->live_next;
	if (st->live_next != NULL)
		st->live_next->live_prev = st->live_prev;
	st->live_prev = st->live_next = NULL;
	pthread_mutex_unlock(&sv->jobs_mu);
	pthread_mutex_lock(&st->mu);
	st->conn = NULL;
	st->bytes = NULL;
	pthread_mutex_unlock(&st->mu);
	stream_unref(st);
}

/* Run a streamed turn, on a stream thread with its worker *wp. */
static void
stream_run(struct serve *sv, struct worker **wp, struct stream *st)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct engine	*e;
	struct turn	 tu;
	cJSON		*resp;
	char		*data;
	long long	 t0;
	enum sd_rc	 rc;

	if (*wp == NULL && (*wp = serve_worker_new(sv, &err)) == NULL) {
		stream_fail(st, 500, "%s", sd_error_msg(&err));
		sd_error_clear(&err);
		return;
	}
	if ((e = serve_worker_engine(sv, *wp, &err)) == NULL) {
		stream_fail(st, 500, "engine: %s", sd_error_msg(&err));
		sd_error_clear(&err);
		return;
	}
	engine_set_generator(e, (*wp)->gen, stream_token, st);
	t0 = serve_mono_us();
	serve_locks_lock(sv->locks, st->sid);
	rc = engine_turn(e, ENGINE_API, st->sid, st->user, st->msg,
	    strlen(st->msg), &tu, &err);
	serve_locks_unlock(sv->locks, st->sid);
	engine_set_generator(e, (*wp)->gen, NULL, NULL);
	if (rc != SD_OK) {
		/*
		 * As serve_respond_fail: a busy store is for later, not a
		 * fault.
		 */
		stream_fail(st, err.rc == SD_ERR_BUSY ? 503 : 500, "turn: %s",
		    sd_error_msg(&err));
		sd_error_clear(&err);
		return;
	}
	serve_count_turn(sv, serve_mono_us() - t0);
	/* A turn that streamed nothing (templates) says it all at once. */
	if (st->tokens == 0 && tu.reply != NULL && *tu.reply != '\0')
		stream_token(st, GEN_TEXT, tu.reply, strlen(tu.reply));
	resp = serve_turn_json((*wp)->st, &tu, st->debug);
	data = cJSON_PrintUnformatted(resp);
	stream_put(st, "done", data, strlen(data), 1);
	free(data);
	cJSON_Delete(resp);
	turn_release(&tu);
}

void *
serve_streamer_main(void *arg)
{
	struct serve	*sv = arg;
	struct worker	*w = NULL;
	struct stream	*st;

	for (;;) {
		pthread_mutex_lock(&sv->jobs_mu);
		while (sv->jobs == NULL && !sv->jobs_stop)
			pthread_cond_wait(&sv->jobs_cv, &sv->jobs_mu);
		/* On stop, the turns queued still run: none is lost. */
		if ((st = sv->jobs) == NULL) {
			pthread_mutex_unlock(&sv->jobs_mu);
			break;
		}
		if ((sv->jobs = st->next) == NULL)
			sv->jobs_tail = NULL;
		pthread_mutex_unlock(&sv->jobs_mu);
		stream_run(sv, &w, st);
		stream_unref(st);
	}
	return NULL;
}

/* Answer with a stream and queue its turn for a stream thread. */
enum MHD_Result
serve_stream_start(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *sid, const char *user, const char *msg)
{
	struct MHD_Response *resp;
	struct stream	*st = xcalloc(1, sizeof *st);
	enum MHD_Result	 ret;

	pthread_mutex_init(&st->mu, NULL);
	sbuf_init(&st->out);
	st->sv = sv;
	st->refs = 2;		/* the response and the job */
	st->conn = c;
	st->bytes = &r->bytes;
	st->sid = xstrdup(sid);
	st->user = xstrdup(user);
	st->msg = xstrdup(msg);
	st->debug = serve_query_flag(c, "debug");
	resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096,
	    stream_read, st, stream_gone);
	if (resp == NULL) {
		st->refs = 1;
		stream_unref(st);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE,
	    "text/event-stream; charset=utf-8");
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
	    "no-cache");
	/* Proxies such as nginx would hold the events back otherwise. */
	MHD_add_response_header(resp, "X-Accel-Buffering", "no");
	serve_common_headers(resp, r);
	if (atomic_load(&sv->draining))
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION,
		    "close");
	pthread_mutex_lock(&sv->jobs_mu);
	if ((st->live_next = sv->live) != NULL)
		sv->live->live_prev = st;
	sv->live = st;
	st->cancelled = sv->streams_cancelled;
	pthread_mutex_unlock(&sv->jobs_mu);
	r->status = 200;
	ret = MHD_queue_response(c, 200, resp);
	MHD_destroy_response(resp);
	if (ret != MHD_YES) {
		/* Never answered: the turn does not run. */
		stream_unref(st);
		return ret;
	}
	pthread_mutex_lock(&sv->jobs_mu);
	if (sv->jobs_tail != NULL)
		sv->jobs_tail->next = st;
	else
		sv->jobs = st;
	sv->jobs_tail = st;
	pthread_cond_signal(&sv->jobs_cv);
	pthread_mutex_unlock(&sv->jobs_mu);
	return ret;
}

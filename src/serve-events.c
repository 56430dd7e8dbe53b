/*
 * serve-events.c: a session's new messages as server-sent events (see
 * serve-events.h).  Messages are stored by whoever writes them: a turn
 * of this server, an agent at the desk in another process.  So the
 * watcher looks at the history file: each tick it reads the newest
 * message id (one index lookup), and only when it moved does it read
 * each open stream's session from where that stream stopped.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "history.h"
#include "sbuf.h"
#include "serve-events.h"
#include "store.h"
#include "trigger.h"

#define TICK_MS		250	/* how often the history is looked at */
#define PING_S		15	/* a comment line this often */
#define BATCH		100	/* messages read per stream and tick */

struct evstream {
	pthread_mutex_t	 mu;		/* guards what follows, but links */
	struct MHD_Connection *conn;	/* NULL once the response ended */
	struct sbuf	 out;		/* events not yet sent */
	size_t		 off;
	size_t		*bytes;
	int		 suspended;
	int		 finished;	/* end after what is in out */
	int		 refs;		/* the response, the watcher's list */
	char		*sid;
	long long	 next;		/* messages of the session sent */
	int		 fresh;		/* not read yet: at the next tick */
	double		 t_open, t_ping, max_s;
	struct evstream	*prev, *nextl;	/* under ev->mu */
};

struct serve_events {
	pthread_mutex_t	 mu;		/* guards live, stop */
	pthread_cond_t	 cv;
	struct evstream	*live;
	int		 stop;
	pthread_t	 thread;
	struct store	*st;		/* the watcher's connection */
};

static double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
es_unref(struct evstream *es)
{
	int	 last;

	pthread_mutex_lock(&es->mu);
	last = --es->refs == 0;
	pthread_mutex_unlock(&es->mu);
	if (!last)
		return;
	pthread_mutex_destroy(&es->mu);
	sbuf_release(&es->out);
	free(es->sid);
	free(es);
}

/* Append text (and end the stream when last); wakes the connection. */
static void
es_put(struct evstream *es, const char *text, size_t len, int last)
{
	pthread_mutex_lock(&es->mu);
	if (es->conn != NULL && !es->finished) {
		sbuf_add(&es->out, text, len);
		if (last)
			es->finished = 1;
		if (es->suspended) {
			es->suspended = 0;
			MHD_resume_connection(es->conn);
		}
	}
	pthread_mutex_unlock(&es->mu);
}

static ssize_t
es_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct evstream	*es = cls;
	size_t		 n;

	(void)pos;
	pthread_mutex_lock(&es->mu);
	if (es->off < es->out.len) {
		n = es->out.len - es->off;
		if (n > max)
			n = max;
		memcpy(buf, es->out.buf + es->off, n);
		es->off += n;
		if (es->off == es->out.len) {
			sbuf_reset(&es->out);
			es->off = 0;
		}
		if (es->bytes != NULL)
			*es->bytes += n;
		pthread_mutex_unlock(&es->mu);
		return (ssize_t)n;
	}
	if (es->finished) {
		pthread_mutex_unlock(&es->mu);
		return MHD_CONTENT_READER_END_OF_STREAM;
	}
	/* Nothing to send: suspended until es_put resumes it. */
	es->suspended = 1;
	MHD_suspend_connection(es->conn);
	pthread_mutex_unlock(&es->mu);
	return 0;
}

/* libmicrohttpd is done with the response: leave the watcher's list. */
static void
es_gone(void *cls)
{
	struct evstream	*es = cls;

	pthread_mutex_lock(&es->mu);
	es->conn = NULL;
	es->bytes = NULL;
	pthread_mutex_unlock(&es->mu);
	es_unref(es);
}

/* The list's reference, dropped by the watcher when a stream is over. */
static void
unlink_locked(struct serve_events *ev, struct evstream *es)
{
	if (es->prev != NULL)
		es->prev->nextl = es->nextl;
	else if (ev->live == es)
		ev->live = es->nextl;
	if (es->nextl != NULL)
		es->nextl->prev = es->prev;
	es->prev = es->nextl = NULL;
}

/* New messages of es's session into its buffer. */
static void
es_fill(struct serve_events *ev, struct evstream *es)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct message_info *v = NULL;
	struct sbuf	 sb = SBUF_INIT;
	size_t		 n = 0, i;
	long long	 bot0 = 0, bot1 = 0;

	if (history_messages(ev->st, es->sid, es->next, BATCH, 0, &v, &n,
	    &err) != SD_OK) {
		sd_error_clear(&err);
		return;
	}
	for (i = 0; i < n; i++) {
		/* What the customer may see; anything else stays out. */
		if (strcmp(v[i].role, "user") == 0 ||
		    strcmp(v[i].role, "bot") == 0 ||
		    strcmp(v[i].role, "agent") == 0) {
			sbuf_addf(&sb, "event: message\ndata: {\"id\":%lld,"
			    "\"seq\":%lld,\"role\":", v[i].id, v[i].seq);
			sbuf_add_json_str(&sb, v[i].role, strlen(v[i].role));
			sbuf_adds(&sb, ",\"text\":");
			sbuf_add_json_str(&sb, v[i].text != NULL ? v[i].text :
			    "", v[i].text != NULL ? strlen(v[i].text) : 0);
			sbuf_adds(&sb, ",\"created_at\":");
			sbuf_add_json_str(&sb, v[i].created_at != NULL ?
			    v[i].created_at : "", v[i].created_at != NULL ?
			    strlen(v[i].created_at) : 0);
			sbuf_adds(&sb, "}\n\n");
		}
		if (strcmp(v[i].role, "bot") == 0) {
			bot1 = v[i].id;
			if (bot0 == 0)
				bot0 = v[i].id;
		}
		message_info_release(&v[i]);
	}
	free(v);
	es->next += (long long)n;
	if (sb.len > 0)
		es_put(es, sb.buf, sb.len, 0);
	sbuf_release(&sb);
	/* A proactive message streamed to the client: seen (trigger.c). */
	if (bot0 > 0 && trigger_seen(ev->st, es->sid, bot0, bot1, &err) !=
	    SD_OK)
		sd_error_clear(&err);
}

/*
 * One tick: the streams over their time end, the others get their new
 * messages when the history moved, or a ping when due.
 */
static void
tick(struct serve_events *ev, long long *seen)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct evstream	*es, *nx, **v = NULL;
	size_t		 n = 0, cap = 0, i;
	long long	 last = *seen;
	double		 t = now_s();
	int		 gone, idle;

	/* No one listening: no reason to read the history. */
	pthread_mutex_lock(&ev->mu);
	idle = ev->live == NULL;
	pthread_mutex_unlock(&ev->mu);
	if (idle)
		return;
	if (history_last_message_id(ev->st, &last, &err) != SD_OK)
		sd_error_clear(&err);
	pthread_mutex_lock(&ev->mu);
	for (es = ev->live; es != NULL; es = nx) {
		nx = es->nextl;
		pthread_mutex_lock(&es->mu);
		gone = es->conn == NULL || es->finished;
		pthread_mutex_unlock(&es->mu);
		if (gone) {
			unlink_locked(ev, es);
			es_unref(es);
			continue;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 16;
			v = xrealloc(v, cap * sizeof *v);
		}
		pthread_mutex_lock(&es->mu);
		es->refs++;
		pthread_mutex_unlock(&es->mu);
		v[n++] = es;
	}
	pthread_mutex_unlock(&ev->mu);
	for (i = 0; i < n; i++) {
		es = v[i];
		if (last != *seen || es->fresh) {
			es->fresh = 0;
			es_fill(ev, es);
		}
		if (t - es->t_open > es->max_s)
			es_put(es, ": end\n\n", 8, 1);
		else if (t - es->t_ping > PING_S) {
			es->t_ping = t;
			es_put(es, ": ping\n\n", 9, 0);
		}
		es_unref(es);
	}
	free(v);
	*seen = last;
}

static void *
watcher(void *arg)
{
	struct serve_events *ev = arg;
	struct timespec	 ts;
	long long	 seen = -1;

	pthread_mutex_lock(&ev->mu);
	while (!ev->stop) {
		pthread_mutex_unlock(&ev->mu);
		tick(ev, &seen);
		pthread_mutex_lock(&ev->mu);
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_nsec += TICK_MS * 1000000L;
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		if (!ev->stop)
			pthread_cond_timedwait(&ev->cv, &ev->mu, &ts);
	}
	pthread_mutex_unlock(&ev->mu);
	return NULL;
}

struct serve_events *
serve_events_start(const char *db_path, struct sd_error *err)
{
	struct serve_events *ev;
	struct store	*st;
	int		 r;

	if ((st = store_open(db_path, NULL, err)) == NULL)
		return NULL;
	/* As the workers: history pages by pread, see worker_new. */
	sqlite3_exec(store_db(st), "PRAGMA history.mmap_size = 0", NULL, NULL,
	    NULL);
	sqlite3_busy_timeout(store_db(st), 2000);
	ev = xcalloc(1, sizeof *ev);
	ev->st = st;
	pthread_mutex_init(&ev->mu, NULL);
	pthread_cond_init(&ev->cv, NULL);
	if ((r = pthread_create(&ev->thread, NULL, watcher, ev)) != 0) {
		sd_fail(err, SD_ERR_INTERNAL, "events thread: %s",
		    strerror(r));
		pthread_cond_destroy(&ev->cv);
		pthread_mutex_destroy(&ev->mu);
		store_close(st);
		free(ev);
		return NULL;
	}
	return ev;
}

struct MHD_Response *
serve_events_open(struct serve_events *ev, struct MHD_Connection *c,
    const char *sid, long long after, double max_s, size_t *bytes)
{
	struct MHD_Response *resp;
	struct evstream	*es = xcalloc(1, sizeof *es);

	pthread_mutex_init(&es->mu, NULL);
	sbuf_init(&es->out);
	es->conn = c;
	es->bytes = bytes;
	es->sid = xstrdup(sid);
	es->next = after;
	es->fresh = 1;
	es->t_open = es->t_ping = now_s();
	es->max_s = max_s;
	es->refs = 2;
	resp = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 4096,
	    es_read, es, es_gone);
	if (resp == NULL) {
		es->refs = 1;
		es_unref(es);
		return NULL;
	}
	/* Something to send at once: the client knows it is listening. */
	sbuf_adds(&es->out, ": listening\n\n");
	pthread_mutex_lock(&ev->mu);
	if ((es->nextl = ev->live) != NULL)
		ev->live->prev = es;
	ev->live = es;
	pthread_cond_signal(&ev->cv);
	pthread_mutex_unlock(&ev->mu);
	return resp;
}

void
serve_events_cancel_all(struct serve_events *ev)
{
	struct evstream	*es;

	if (ev == NULL)
		return;
	pthread_mutex_lock(&ev->mu);
	for (es = ev->live; es != NULL; es = es->nextl)
		es_put(es, "", 0, 1);
	pthread_mutex_unlock(&ev->mu);
}

void
serve_events_stop(struct serve_events *ev)
{
	struct evstream	*es;

	if (ev == NULL)
		return;
	pthread_mutex_lock(&ev->mu);
	ev->stop = 1;
	pthread_cond_signal(&ev->cv);
	pthread_mutex_unlock(&ev->mu);
	pthread_join(ev->thread, NULL);
	while ((es = ev->live) != NULL) {
		unlink_locked(ev, es);
		es_unref(es);
	}
	store_close(ev->st);
	pthread_cond_destroy(&ev->cv);
	pthread_mutex_destroy(&ev->mu);
	free(ev);
}

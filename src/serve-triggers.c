/*
 * serve-triggers.c: the proactive messages on a schedule (see
 * serve-triggers.h).  A failed run is reported and the next one tried:
 * a bad edit of the triggers file must not stop the server.
 */
#include "config.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "serve-triggers.h"
#include "store.h"
#include "trigger.h"

struct serve_triggers {
	pthread_mutex_t	 mu;		/* guards stop */
	pthread_cond_t	 cv;
	int		 stop;
	int		 poked;		/* run now */
	pthread_t	 thread;
	struct store	*st;
	char		*file;
	double		 every_s;
};

static void
run_once(struct serve_triggers *sv)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct trigger_set ts;
	struct trigger_firing *v = NULL;
	struct trigger_counts c;
	size_t		 n = 0, i;

	if (trigger_load(sv->file, &ts, &err) != SD_OK) {
		fprintf(stderr, "shopdesk serve: triggers: %s\n",
		    sd_error_msg(&err));
		sd_error_clear(&err);
		return;
	}
	if (trigger_run(sv->st, &ts, 0, &v, &n, &c, &err) != SD_OK) {
		fprintf(stderr, "shopdesk serve: triggers: %s\n",
		    sd_error_msg(&err));
		sd_error_clear(&err);
	} else if (n > 0)
		fprintf(stderr, "shopdesk serve: triggers: %zu sent\n", n);
	for (i = 0; i < n; i++)
		trigger_firing_release(&v[i]);
	free(v);
	trigger_set_release(&ts);
}

static void *
scheduler(void *arg)
{
	struct serve_triggers *sv = arg;
	struct timespec	 ts;
	double		 whole;

	pthread_mutex_lock(&sv->mu);
	while (!sv->stop) {
		clock_gettime(CLOCK_REALTIME, &ts);
		whole = (double)(long long)sv->every_s;
		ts.tv_sec += (time_t)whole;
		ts.tv_nsec += (long)((sv->every_s - whole) * 1e9);
		if (ts.tv_nsec >= 1000000000L) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000L;
		}
		while (!sv->stop && !sv->poked && pthread_cond_timedwait(
		    &sv->cv, &sv->mu, &ts) != ETIMEDOUT)
			;
		if (sv->stop)
			break;
		sv->poked = 0;
		pthread_mutex_unlock(&sv->mu);
		run_once(sv);
		pthread_mutex_lock(&sv->mu);
	}
	pthread_mutex_unlock(&sv->mu);
	return NULL;
}

struct serve_triggers *
serve_triggers_start(const char *db_path, const char *file, double every_s,
    struct sd_error *err)
{
	struct serve_triggers *sv;
	struct trigger_set ts;
	struct store	*st;
	int		 r;

	/* A file that does not load now is refused at start. */
	if (trigger_load(file, &ts, err) != SD_OK)
		return NULL;
	trigger_set_release(&ts);
	if ((st = store_open(db_path, NULL, err)) == NULL)
		return NULL;
	sqlite3_busy_timeout(store_db(st), 5000);
	sv = xcalloc(1, sizeof *sv);
	sv->st = st;
	sv->file = xstrdup(file);
	sv->every_s = every_s;
	pthread_mutex_init(&sv->mu, NULL);
	pthread_cond_init(&sv->cv, NULL);
	if ((r = pthread_create(&sv->thread, NULL, scheduler, sv)) != 0) {
		sd_fail(err, SD_ERR_INTERNAL, "triggers thread: %s",
		    strerror(r));
		pthread_cond_destroy(&sv->cv);
		pthread_mutex_destroy(&sv->mu);
		store_close(st);
		free(sv->file);
		free(sv);
		return NULL;
	}
	return sv;
}

void
serve_triggers_poke(struct serve_triggers *sv)
{
	if (sv == NULL)
		return;
	pthread_mutex_lock(&sv->mu);
	sv->poked = 1;
	pthread_cond_signal(&sv->cv);
	pthread_mutex_unlock(&sv->mu);
}

void
serve_triggers_stop(struct serve_triggers *sv)
{
	if (sv == NULL)
		return;
	pthread_mutex_lock(&sv->mu);
	sv->stop = 1;
	pthread_cond_signal(&sv->cv);
	pthread_mutex_unlock(&sv->mu);
	pthread_join(sv->thread, NULL);
	store_close(sv->st);
	pthread_cond_destroy(&sv->cv);
	pthread_mutex_destroy(&sv->mu);
	free(sv->file);
	free(sv);
}

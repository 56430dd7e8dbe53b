/*
 * serve-limit.c owns the rate limiter's buckets, the session lock table
 * and the open connection table of the HTTP server (see serve-limit.h).
 */
#include "config.h"

#include <sys/socket.h>

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "serve-limit.h"

#define LIMITER_SLOTS	1024	/* hash chains; a power of two */
#define LIMITER_MAX	65536	/* clients tracked before full ones go */

struct bucket {
	struct bucket	*next;
	char		*who;
	double		 tokens;	/* available, at most burst */
	double		 at;		/* when tokens was computed */
};

struct serve_limiter {
	pthread_mutex_t	 mu;		/* guards everything below */
	double		 rate;		/* tokens per second; 0: no limit */
	double		 burst;		/* bucket size */
	struct bucket	*slot[LIMITER_SLOTS];
	size_t		 n;		/* buckets held */
};

static uint64_t
hash_str(const char *s)
{
	uint64_t	 h = 1469598103934665603ull;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

struct serve_limiter *
serve_limiter_new(double rate, double burst)
{
	struct serve_limiter *l = xcalloc(1, sizeof *l);

	pthread_mutex_init(&l->mu, NULL);
	l->rate = rate > 0 ? rate : 0;
	l->burst = burst >= 1 ? burst : 1;
	return l;
}

void
serve_limiter_free(struct serve_limiter *l)
{
	struct bucket	*b, *next;
	size_t		 i;

	if (l == NULL)
		return;
	for (i = 0; i < LIMITER_SLOTS; i++)
		for (b = l->slot[i]; b != NULL; b = next) {
			next = b->next;
			free(b->who);
			free(b);
		}
	pthread_mutex_destroy(&l->mu);
	free(l);
}

/*
 * Too many clients (addresses, without auth): forget those whose bucket
 * has refilled, which is the state a new bucket starts in anyway.
 */
static void
sweep(struct serve_limiter *l, double now)
{
	struct bucket	**bp, *b;
	size_t		 i;

	for (i = 0; i < LIMITER_SLOTS; i++)
		for (bp = &l->slot[i]; (b = *bp) != NULL;) {
			if (b->tokens + (now - b->at) * l->rate >= l->burst) {
				*bp = b->next;
				free(b->who);
				free(b);
				l->n--;
			} else
				bp = &b->next;
		}
}

long
serve_limiter_take(struct serve_limiter *l, const char *who, double now)
{
	struct bucket	*b;
	size_t		 i;
	long		 wait = 0;

	if (l->rate <= 0)
		return 0;
	i = hash_str(who) & (LIMITER_SLOTS - 1);
	pthread_mutex_lock(&l->mu);
	for (b = l->slot[i]; b != NULL; b = b->next)
		if (strcmp(b->who, who) == 0)
			break;
	if (b == NULL) {
		if (l->n >= LIMITER_MAX)
			sweep(l, now);
		b = xcalloc(1, sizeof *b);
		b->who = xstrdup(who);
		b->tokens = l->burst;
		b->at = now;
		b->next = l->slot[i];
		l->slot[i] = b;
		l->n++;
	}
	if (now > b->at) {
		b->tokens += (now - b->at) * l->rate;
		if (b->tokens > l->burst)
			b->tokens = l->burst;
		b->at = now;
	}
	if (b->tokens >= 1)
		b->tokens -= 1;
	else {
		wait = (long)ceil((1 - b->tokens) / l->rate);
		if (wait < 1)
			wait = 1;
	}
	pthread_mutex_unlock(&l->mu);
	return wait;
}

struct serve_locks {
	size_t		 n;		/* a power of two */
	pthread_mutex_t	*mu;
};

struct serve_locks *
serve_locks_new(size_t n)
{
	struct serve_locks *sl = xcalloc(1, sizeof *sl);
	size_t		 i;

	for (sl->n = 1; sl->n < n; sl->n *= 2)
		;
	sl->mu = xcalloc(sl->n, sizeof *sl->mu);
	for (i = 0; i < sl->n; i++)
		pthread_mutex_init(&sl->mu[i], NULL);
	return sl;
}

void
serve_locks_free(struct serve_locks *sl)
{
	size_t	 i;

	if (sl == NULL)
		return;
	for (i = 0; i < sl->n; i++)
		pthread_mutex_destroy(&sl->mu[i]);
	free(sl->mu);
	free(sl);
}

void
serve_locks_lock(struct serve_locks *sl, const char *id)
{
	pthread_mutex_lock(&sl->mu[hash_str(id) & (sl->n - 1)]);
}

void
serve_locks_unlock(struct serve_locks *sl, const char *id)
{
	pthread_mutex_unlock(&sl->mu[hash_str(id) & (sl->n - 1)]);
}

struct serve_conn {
	struct serve_conn *prev, *next;	/* the table's list */
	int		 fd;		/* the socket; open while listed */
	atomic_int	 busy;		/* a request is being served */
	_Atomic double	 since;		/* waiting for headers since */
	int		 shut;		/* reaped already */
};

struct serve_conns {
	pthread_mutex_t	 mu;		/* guards the list and shut */
	struct serve_conn *head;
	atomic_size_t	 n;		/* connections listed */
};

struct serve_conns *
serve_conns_new(void)
{
	struct serve_conns *t = xcalloc(1, sizeof *t);

	pthread_mutex_init(&t->mu, NULL);
	return t;
}

void
serve_conns_free(struct serve_conns *t)
{
	struct serve_conn *cn, *next;

	if (t == NULL)
		return;
	for (cn = t->head; cn != NULL; cn = next) {
		next = cn->next;
		free(cn);
	}
	pthread_mutex_destroy(&t->mu);
	free(t);
}

struct serve_conn *
serve_conns_add(struct serve_conns *t, int fd, double now)
{
	struct serve_conn *cn = xcalloc(1, sizeof *cn);

	cn->fd = fd;
	atomic_init(&cn->busy, 0);
	atomic_init(&cn->since, now);
	pthread_mutex_lock(&t->mu);
	if ((cn->next = t->head) != NULL)
		t->head->prev = cn;
	t->head = cn;
	atomic_fetch_add(&t->n, 1);
	pthread_mutex_unlock(&t->mu);
	return cn;
}

void
serve_conns_remove(struct serve_conns *t, struct serve_conn *cn)
{
	pthread_mutex_lock(&t->mu);
	if (cn->prev != NULL)
		cn->prev->next = cn->next;
	else
		t->head = cn->next;
	if (cn->next != NULL)
		cn->next->prev = cn->prev;
	atomic_fetch_sub(&t->n, 1);
	pthread_mutex_unlock(&t->mu);
	free(cn);
}

size_t
serve_conns_count(struct serve_conns *t)
{
	return atomic_load(&t->n);
}

/*
 * Busy and idle come from the connection's own worker, once a request
 * each: atomics, not the table's mutex, which only the reaper's scan and
 * connections opening and closing take.
 */
void
serve_conn_busy(struct serve_conn *cn)
{
	atomic_store(&cn->busy, 1);
}

void
serve_conn_idle(struct serve_conn *cn, double now)
{
	atomic_store(&cn->since, now);
	atomic_store(&cn->busy, 0);
}

unsigned
serve_conns_reap(struct serve_conns *t, double now, double timeout)
{
	struct serve_conn *cn;
	unsigned	 n = 0;

	pthread_mutex_lock(&t->mu);
	for (cn = t->head; cn != NULL; cn = cn->next) {
		if (cn->shut || atomic_load(&cn->busy) ||
		    now - atomic_load(&cn->since) < timeout)
			continue;
		/* Listed, so not closed yet: fd is still this socket. */
		shutdown(cn->fd, SHUT_RDWR);
		cn->shut = 1;
		n++;
	}
	pthread_mutex_unlock(&t->mu);
	return n;
}

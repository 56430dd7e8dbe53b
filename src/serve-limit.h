/*
 * serve-limit.h: the shared state of the HTTP server's worker threads
 * that is not the database: per-client token buckets (the rate limit), a
 * table of session locks that runs the turns of one session one at a
 * time, and the table of open connections that enforces the deadline for
 * a request's headers.  All are safe to call from any thread.
 */
#ifndef SERVE_LIMIT_H
#define SERVE_LIMIT_H

#include <stddef.h>

/*
 * Token buckets: each client (an API key, or an address without auth)
 * holds up to burst tokens, refilled at rate per second; a request takes
 * one.  rate 0 turns limiting off.
 */
struct serve_limiter;

struct serve_limiter	*serve_limiter_new(double rate, double burst);
void			 serve_limiter_free(struct serve_limiter *);
/*
 * Take a token for who at time now (seconds, monotonic).  Returns 0 when
 * the request may go on, else the whole seconds (at least 1) after which
 * a token will be there, for Retry-After.
 */
long			 serve_limiter_take(struct serve_limiter *,
			    const char *who, double now);

/*
 * Session locks: a fixed array of mutexes indexed by a hash of the
 * session id.  Two sessions may share a mutex (and then wait for each
 * other briefly); one session always maps to the same one.
 */
struct serve_locks;

struct serve_locks	*serve_locks_new(size_t n);
void			 serve_locks_free(struct serve_locks *);
void			 serve_locks_lock(struct serve_locks *, const char *);
void			 serve_locks_unlock(struct serve_locks *, const char *);

/*
 * Open connections and the deadline for a request's headers.  A
 * connection waits for headers from when it opens, and again from when
 * its last request was answered; one that is still waiting past the
 * timeout is shut down (shutdown(2), both ways), which the HTTP library
 * sees as the client leaving and closes.  Its inactivity timeout alone
 * does not do it: a client sending a header line every few seconds is
 * never inactive for long.
 */
struct serve_conns;
struct serve_conn;

struct serve_conns	*serve_conns_new(void);
void			 serve_conns_free(struct serve_conns *);
/* A new connection on socket fd at time now (seconds, monotonic). */
struct serve_conn	*serve_conns_add(struct serve_conns *, int fd,
			    double now);
/*
 * Forget a connection, before its socket is closed: from then on the
 * table never touches fd.
 */
void			 serve_conns_remove(struct serve_conns *,
			    struct serve_conn *);
/* Connections open now. */
size_t			 serve_conns_count(struct serve_conns *);
/* A request's headers are in: no deadline until it is answered. */
void			 serve_conn_busy(struct serve_conn *);
/* The request was answered at now: wait for the next one's headers. */
void			 serve_conn_idle(struct serve_conn *, double now);
/*
 * Shut down the connections that have waited for headers longer than
 * timeout seconds at now.  Returns how many.
 */
unsigned		 serve_conns_reap(struct serve_conns *, double now,
			    double timeout);

#endif

/*
 * serve-limit.h: the shared state of the HTTP server's worker threads
 * that is not the database: per-client token buckets (the rate limit) and
 * a table of session locks that runs the turns of one session one at a
 * time.  Both are safe to call from any thread.
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

#endif

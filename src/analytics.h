/*
 * analytics.h: how the agent does, computed from the stored conversations
 * and feedback: conversations, turns, resolution, fallback and escalation
 * rates, satisfaction, intents, failing utterances, latency and a daily
 * series.  The HTTP API and "shopdesk stats" show the same object.
 */
#ifndef ANALYTICS_H
#define ANALYTICS_H

#include <cjson/cJSON.h>

#include "shopdesk.h"

struct store;

/*
 * A bound of the time range from text: "YYYY-MM-DD" (the whole day: its
 * start for a lower bound, its end when end is set) or
 * "YYYY-MM-DDTHH:MM:SSZ".  *out gets the timestamp (caller frees).
 * SD_ERR_INVALID with a message naming the text otherwise.
 */
enum sd_rc	 analytics_parse_bound(const char *text, int end, char **out,
		    struct sd_error *);

/*
 * The analytics of the messages stored between from and to (timestamps
 * from analytics_parse_bound, both inclusive; NULL: unbounded), in the
 * sessions opened with API key key_id, or in every session when key_id
 * is 0 (an admin key, no auth, the command line).  *out is a new cJSON
 * object the caller deletes; the keys are documented in shopdesk(1)
 * under HTTP API.
 */
enum sd_rc	 analytics_compute(struct store *, const char *from,
		    const char *to, long long key_id, cJSON **out,
		    struct sd_error *);

/*
 * The same object computed from every message in the range, as
 * analytics_compute does for bounds that are not whole days: the
 * reference the running totals are tested against.  Slow: 0.28 s at
 * 177,000 messages.
 */
enum sd_rc	 analytics_compute_full(struct store *, const char *from,
		    const char *to, long long key_id, cJSON **out,
		    struct sd_error *);

/* One stored line, for analytics_fold. */
struct analytics_line {
	const char	*role;		/* user, bot, agent, system */
	const char	*text;
	const char	*intent;	/* NULL for non-user lines */
	const char	*action;	/* NULL unless a reply */
	long long	 latency_us;	/* < 0: unknown */
	int		 checked;	/* a reply the fact-check saw: */
	int		 claims;	/* claims made, */
	int		 backed;	/* backed as written, */
	int		 fill_bug;	/* a template filled with wrong facts */
};

/*
 * Add lines v[0..n), just stored in session_id at created_at (the
 * session's newest lines, in order), to the running totals; status,
 * when not NULL, is the session's status after them.  Call inside the
 * transaction that stores the lines (history.c does).
 */
enum sd_rc	 analytics_fold(struct store *, const char *session_id,
		    const char *created_at, const struct analytics_line *v,
		    size_t n, const char *status, struct sd_error *);
/* The session's status changed without a line (history.c). */
enum sd_rc	 analytics_fold_status(struct store *, const char *session_id,
		    const char *status, struct sd_error *);
/*
 * Recompute the running totals from the messages and feedback, in one
 * write transaction: after an upgrade, or a history written by other
 * means.  analytics_compute does it by itself when they are missing.
 */
enum sd_rc	 analytics_rebuild(struct store *, struct sd_error *);

/*
 * Record a rating (1..5) of reply message_id with an optional comment,
 * as seen by key_id (0: no auth, see apikey_session_check).
 * SD_ERR_NOTFOUND when there is no such message or the key may not see
 * its session; SD_ERR_INVALID when it is not a reply (the customer's own
 * line) or the rating is out of range.  *feedback_id gets the new row.
 */
enum sd_rc	 analytics_feedback(struct store *, long long message_id,
		    int rating, const char *comment, long long key_id,
		    long long *feedback_id, struct sd_error *);

/*
 * One customer turn's quality measures (quality.h), stored with the turn
 * by history_turn_save in its transaction.  q may be NULL (a turn saved
 * without a trace): then only what the other fields say is kept.
 */
/*
 * The report of A/B experiment name (experiment.h): per arm, the
 * resolution, fallback, satisfaction and accuracy rates with Wilson 95%
 * intervals and the mean latency, and each arm against the first with
 * a two-proportion z-test; keys in shopdesk(1).  *out: caller deletes.
 * SD_ERR_NOTFOUND for an unknown experiment.
 */
enum sd_rc	 analytics_experiment_report(struct store *, const char *name,
		    cJSON **out, struct sd_error *);
/* The Wilson 95% score interval of x successes in n. */
void		 analytics_wilson(long long x, long long n, double *lo,
		    double *hi);
/*
 * The pooled two-proportion z-test of x2/n2 against x1/n1: *z and the
 * two-sided *p.  -1 (z 0, p 1) when a sample is empty or all alike.
 */
int		 analytics_ztest(long long x1, long long n1, long long x2,
		    long long n2, double *z, double *p);

/*
 * Each conversation's honest outcome over its turns in the range (as
 * "quality" counts them): *out is {session_id: {"outcome", "reason"}},
 * caller deletes.
 */
enum sd_rc	 analytics_outcomes(struct store *, const char *from,
		    const char *to, cJSON **out, struct sd_error *);

struct quality_turn;
struct analytics_turn {
	const char	*session_id;
	long long	 user_msg_id;	/* the customer's line */
	long long	 reply_id;	/* the reply, 0 for none */
	const char	*created_at;
	const char	*intent;
	double		 confidence;
	const char	*action;	/* the reply's, NULL for none */
	int		 claims;	/* the fact-check's counts */
	int		 backed;
	const struct quality_turn *q;
	const char	*experiment;	/* the arm it was exposed to, */
	const char	*arm;		/* or NULL */
};
enum sd_rc	 analytics_turn_save(struct store *,
		    const struct analytics_turn *, struct sd_error *);

#endif

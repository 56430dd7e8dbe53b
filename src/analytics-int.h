/*
 * analytics-int.h: what analytics.c (the definitions, and the reference
 * computation from the messages) shares with analytics-agg.c (the same
 * figures kept as running totals): the conversation walk and the
 * functions that write the figures into the result, so that both give
 * the same object.
 */
#ifndef ANALYTICS_INT_H
#define ANALYTICS_INT_H

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "shopdesk.h"
#include "quality.h"

struct store;

/* Conversation states of the walk (stored as numbers: keep the values). */
enum conv_state {
	CONV_NONE = 0,		/* nothing answered yet */
	CONV_ANSWERED = 1,	/* the last reply answered */
	CONV_CONFIRMED = 2,	/* the customer confirmed an answer */
	CONV_PENDING = 3,	/* the bot asked and got no answer yet */
	CONV_FAILED = 4,	/* the last reply was a fallback */
};

struct conv {
	enum conv_state	 state;
	int		 escalated;	/* an escalation or agent line */
};

/* One message of a conversation (see analytics.c). */
void		 analytics_conv_step(struct conv *, const char *role,
		    const char *action, const char *intent);
/* Whether a walked conversation counts as resolved. */
int		 analytics_conv_resolved(const struct conv *);
/* Whether a session status means an agent took or was asked for it. */
int		 analytics_status_escalated(const char *status);
/* Whether a reply's action makes its customer line a failing one. */
int		 analytics_action_failed(const char *action);

/* The range of a query, and its scope. */
struct analytics_range {
	const char	*from;		/* NULL: from the first message */
	const char	*to;		/* NULL: up to now */
	long long	 key_id;	/* 0: every session */
	const char	*experiment;	/* NULL, or only its turns (quality) */
};

/* The conversation-level figures and the reply counts. */
struct analytics_totals {
	long long	 convs;
	long long	 turns;
	long long	 replies;
	long long	 resolved;
	long long	 escalated;
	long long	 fallbacks;
};

/* Latency percentiles, nearest rank, microseconds. */
struct analytics_latency {
	long long	 n, p50, p95, p99, max;
};

void		 analytics_emit_totals(cJSON *, const struct analytics_totals *,
		    const struct analytics_latency *);
/* The fact-check's sums: replies checked, claims, backed, bad fills. */
void		 analytics_emit_factcheck(cJSON *, const long long v[4]);
void		 analytics_emit_satisfaction(cJSON *, long long n, double mean,
		    long long positive);
/*
 * Rows of s to the result: (intent, count) ordered by count descending
 * then intent; (intent, text, count) ordered by intent, count
 * descending, text; (day, conversations, turns) ordered by day.
 */
enum sd_rc	 analytics_emit_intents(struct store *, sqlite3_stmt *s,
		    cJSON *, struct sd_error *);
enum sd_rc	 analytics_emit_failing(struct store *, sqlite3_stmt *s,
		    cJSON *, struct sd_error *);
enum sd_rc	 analytics_emit_daily(struct store *, sqlite3_stmt *s,
		    cJSON *, struct sd_error *);

/*
 * A rating of message_id, stored at created_at, into the running totals
 * (analytics_feedback calls it in the transaction that stores it).
 */
enum sd_rc	 analytics_fold_rating(struct store *, long long message_id,
		    int rating, const char *created_at, struct sd_error *);

/* Where a session's conversation stands, in the running totals. */
struct analytics_sess {
	long long	 key_id;	/* the key that opened it, 0 for none */
	char		 first_day[11];	/* YYYY-MM-DD of its first line */
	char		 last_day[11];	/* and of its last */
	struct conv	 c;		/* the walk over its lines */
	int		 status_esc;	/* its status: escalated or agent */
};

int		 analytics_sess_escalated(const struct analytics_sess *);
int		 analytics_sess_resolved(const struct analytics_sess *);
/*
 * Add v[] (sessions, turns, replies, fallbacks, conversations,
 * resolved, escalated; deltas may be negative) to the day's totals.
 */
enum sd_rc	 analytics_day_add(struct store *, long long key_id,
		    const char *day, const long long v[7], struct sd_error *);
enum sd_rc	 analytics_sess_save(struct store *, const char *session_id,
		    const struct analytics_sess *, struct sd_error *);
/* Step a bound statement to its end, reset it; what names it in err. */
enum sd_rc	 analytics_step(struct store *, sqlite3_stmt *,
		    const char *what, struct sd_error *);
/* Rebuild the totals when they do not cover the history (rebuild.c). */
enum sd_rc	 analytics_ensure_built(struct store *, struct sd_error *);

/* The figures from the running totals; bounds must be whole days. */
enum sd_rc	 analytics_agg_compute(struct store *,
		    const struct analytics_range *, cJSON *,
		    struct sd_error *);

/* One customer turn of the range with its measures (analytics-quality.c). */
struct analytics_qrow {
	long long	 user_msg_id;	/* the turn's key */
	char		*session_id;
	char		*day;		/* YYYY-MM-DD */
	char		*intent;	/* "none" when unclassified */
	char		*action;	/* the reply's, NULL: none */
	char		*variant;	/* template#n, or NULL */
	char		*generator;	/* template, llm, or NULL */
	char		*channel;	/* the session's */
	char		*feeling;	/* none, frustrated, angry, or NULL */
	char		*terms;		/* key terms, space separated */
	char		*text;		/* the customer's line */
	char		*arm;		/* the A/B arm, or NULL */
	long long	 latency_us;	/* the reply's; -1: unknown */
	long long	 reply_id;	/* 0: no reply */
	double		 confidence;	/* the intent's */
	int		 asked;		/* key terms; -1: not measured */
	int		 covered;	/* of them in the cited context */
	int		 claims, backed;
	int		 urgent, rephrase;
	int		 escalated;	/* the session was escalated */
	int		 ratings, rating_sum, rating_pos;
	int		 rating_min, rating_max;	/* 0: not rated */
	int		 outcome;	/* enum quality_outcome of the conv */
	int		 why;		/* enum quality_reason */
	int		 assumed;	/* unknown, ended on an answer */
	int		 conv_first;	/* the conversation's first turn */
	int		 kept;	/* bits holds what the totals kept; 0:
				   analytics_qrow_bits works them out */
	unsigned	 bits;
};

/*
 * The turns of the range in session order, each with its
 * conversation's honest outcome.  *out: caller releases.
 */
enum sd_rc	 analytics_quality_load(struct store *,
		    const struct analytics_range *, struct analytics_qrow **out,
		    size_t *n, struct sd_error *);
void		 analytics_qrows_release(struct analytics_qrow *, size_t);
/*
 * Every turn of one session, walked as one conversation, and the key
 * that opened it in *key_id (analytics-qtotals.c keeps its totals).
 */
enum sd_rc	 analytics_quality_load_session(struct store *,
		    const char *session_id, struct analytics_qrow **out,
		    size_t *n, long long *key_id, struct sd_error *);
/*
 * Every turn of the range of the sessions that cross a bound of it
 * (days from_day, to_day), walked over the range, in session order.
 */
enum sd_rc	 analytics_quality_load_cut(struct store *,
		    const struct analytics_range *, const char *from_day,
		    const char *to_day, struct analytics_qrow **out,
		    size_t *n, struct sd_error *);
/* The outcome of the conversation of rows v[a..b) onto each of them. */
void		 analytics_qrows_walk(struct analytics_qrow *, size_t a,
		    size_t b);
/* The same, and where the walk ends in *c (may be NULL). */
void		 analytics_qrows_walk_conv(struct analytics_qrow *, size_t a,
		    size_t b, struct quality_conv *c);
/* One more step of a walk: row r. */
void		 analytics_qrow_step(struct quality_conv *,
		    const struct analytics_qrow *r);
/* One turn, by its customer line's id (*n is 0 or 1). */
enum sd_rc	 analytics_quality_load_turn(struct store *,
		    long long user_msg_id, struct analytics_qrow **out,
		    size_t *n, struct sd_error *);
/*
 * The bits (analytics_qrow_bits) of the turn before a new last one: it
 * is no longer the last, and the new one may ask it again.
 */
unsigned	 analytics_qbits_followed(unsigned bits, int next_rephrase);
/*
 * Why row i of a session's (or a range's) rows v[0..n) is in the failure
 * report (bits 0..4) or the gap report (bit 5); its bits field when
 * kept is set (gaps.c).
 */
unsigned	 analytics_qrow_bits(const struct analytics_qrow *, size_t n,
		    size_t i);

/* Sums of a group of turns: a dimension's value, or one day. */
struct analytics_qagg {
	const char	*key;		/* not owned */
	long long	 turns, replies;
	long long	 rel_n;		/* replies with key terms asked */
	long long	 rel_sum;	/* sum of covered / asked, in units
					   of 1e-9: exact in any order */
	long long	 claims, backed;
	long long	 ratings, rating_sum, rating_pos;
	long long	 outcome[3];	/* turns by their conversation's */
	long long	 frustrated, angry, urgent;
};
#define ANALYTICS_REL_UNIT	1000000000LL

/* Add row r's measures (and its outcome) to g. */
void		 analytics_qagg_add(struct analytics_qagg *,
		    const struct analytics_qrow *);
/* The dimensions the quality object groups by; QD_ALL is the whole. */
enum analytics_qdim { QD_ALL, QD_INTENT, QD_VARIANT, QD_GENERATOR,
	QD_CHANNEL, QD_NDIM };
/* The row's value of d ("none" when unset; "" for QD_ALL). */
const char	*analytics_qdim_key(const struct analytics_qrow *,
		    enum analytics_qdim);
/* The name of d in the totals table ("all", "intent", ...). */
const char	*analytics_qdim_name(enum analytics_qdim);
/*
 * The quality object from its parts: the conversations by outcome
 * (c[3], why[QR_N], assumed), the whole range, the groups of each
 * dimension (QD_ALL: by day), and the failure and gap rows fv[0..fn).
 */
struct analytics_qparts {
	long long	 convs, c[3], why[QR_N], assumed;
	struct analytics_qagg all;
	struct analytics_qagg *g[QD_NDIM];	/* QD_ALL: by day */
	size_t		 ng[QD_NDIM];
};
void		 analytics_quality_build(cJSON *o,
		    struct analytics_qparts *, const struct analytics_qrow *fv,
		    size_t fn);
/* Counters of a stats_quality row (analytics-qtotals.c). */
#define ANALYTICS_NQ	15

/* Where a session's conversation stands in the quality totals. */
struct analytics_qsess {
	int		 found;
	char		 first_day[11];
	char		 last_day[11];
	int		 outcome, why, assumed;
	int		 has_walk;	/* c and esc hold the walk */
	int		 esc;		/* the session's escalation it began
					   with */
	struct quality_conv c;		/* where it ended */
};
enum sd_rc	 analytics_qsess_load(struct store *, const char *session_id,
		    struct analytics_qsess *, struct sd_error *);

/* Strings kept for the length of a call (caller frees them at once). */
struct analytics_names {
	char		**v;
	size_t		 n;
};
const char	*analytics_names_keep(struct analytics_names *, const char *);
void		 analytics_names_free(struct analytics_names *);

/* The "quality" object from the running totals (analytics-qread.c). */
enum sd_rc	 analytics_qtotals_emit(struct store *,
		    const struct analytics_range *, cJSON *,
		    struct sd_error *);
/*
 * Keep them: a turn just saved (user_msg_id), a reply just rated, a
 * session whose escalation may have changed (an agent line, a status).
 */
enum sd_rc	 analytics_qfold(struct store *, const char *session_id,
		    long long new_turn, long long rated_reply, int rating,
		    struct sd_error *);
/* Their rebuild from turn_metrics (inside the rebuild's transaction). */
enum sd_rc	 analytics_qtotals_rebuild(struct store *, struct sd_error *);

/* quality's "failures" and "gaps" of the turns v[0..n) (gaps.c). */
void		 analytics_gaps_emit(cJSON *, const struct analytics_qrow *,
		    size_t);
/* The "quality" object of the result. */
enum sd_rc	 analytics_quality_emit(struct store *,
		    const struct analytics_range *, cJSON *, struct sd_error *);

#endif

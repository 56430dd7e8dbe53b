/*
 * history.h: sessions, their messages and the trace of every turn.
 */
#ifndef HISTORY_H
#define HISTORY_H

#include "shopdesk.h"

struct store;
struct quality_turn;

/* A session row. */
struct session_info {
	char	*id;
	char	*user_id;		/* NULL when anonymous */
	char	*channel;		/* console, replay, api */
	char	*status;		/* active, escalated, agent, closed */
	char	*escalation_reason;	/* NULL unless escalated */
	char	*agent;			/* who holds it, or NULL */
	char	*state;			/* dialogue state, JSON text */
	char	*created_at;
	char	*updated_at;
	long long turns;		/* messages in the session */
};

/* A stored message. */
struct message_info {
	long long id;
	long long seq;
	char	*role;			/* user, bot, agent, system */
	char	*text;
	char	*intent;		/* NULL for non-user lines */
	double	 confidence;
	char	*action;
	long long latency_us;
	char	*created_at;
	char	*trace;			/* JSON text or NULL */
};

void		 session_info_release(struct session_info *);
void		 message_info_release(struct message_info *);

/*
 * Find session id, or create it (id NULL: a new id, sequential
 * "s000001"... unless random is set).  *created tells which.
 */
enum sd_rc	 history_session_open(struct store *, const char *id,
		    const char *user_id, const char *channel, int random,
		    struct session_info *, int *created, struct sd_error *);
/* SD_ERR_NOTFOUND for an unknown id. */
enum sd_rc	 history_session_get(struct store *, const char *id,
		    struct session_info *, struct sd_error *);
/* Store the dialogue state and status (reason/agent may be NULL). */
enum sd_rc	 history_session_update(struct store *, const char *id,
		    const char *state, const char *status, const char *reason,
		    const char *agent, struct sd_error *);

/* Append a message; *msg_id gets its id.  trace may be NULL. */
enum sd_rc	 history_add(struct store *, const char *session_id,
		    const char *role, const char *text, const char *intent,
		    double confidence, const char *action, long long latency_us,
		    const char *trace, long long *msg_id, struct sd_error *);

/*
 * One turn's writes: the user line, the bot line with its trace (none when
 * reply is NULL or empty), and the session's state and status, in one
 * transaction of its own (history_turn_save begins and commits it).
 */
struct history_turn {
	const char	*session_id;
	const char	*text;		/* the user's line */
	const char	*intent;
	double		 confidence;
	const char	*reply;
	const char	*action;
	long long	 latency_us;	/* < 0: unknown */
	const char	*trace;		/* JSON text or NULL */
	const char	*state;		/* JSON text */
	const char	*status;
	const char	*reason;	/* escalation reason or NULL */
	const char	*agent;		/* NULL when no agent holds it */
	int		 claims;	/* the reply's fact-check: claims made, */
	int		 claims_backed;	/* backed as written, */
	int		 fill_bug;	/* a template filled with wrong facts */
	const struct quality_turn *quality;	/* the turn's measures, or
					   NULL (stored with the turn) */
	const char	*experiment;	/* the A/B arm the turn was */
	const char	*arm;		/* exposed to, or NULL */
	long long	 user_msg_id;	/* out */
	long long	 bot_msg_id;	/* out, 0 without a bot line */
};

enum sd_rc	 history_turn_save(struct store *, struct history_turn *,
		    struct sd_error *);

/*
 * Messages of a session in order, from offset, at most limit (0: all);
 * with_trace loads traces.  *out is an array of *n (caller releases each
 * and frees the array).
 */
enum sd_rc	 history_messages(struct store *, const char *session_id,
		    long long offset, long long limit, int with_trace,
		    struct message_info **out, size_t *n, struct sd_error *);
/*
 * The most recently updated session of user that is not closed: *id
 * (caller frees), NULL when there is none.
 */
enum sd_rc	 history_user_open_session(struct store *, const char *user,
		    char **id, struct sd_error *);
/*
 * The id of the newest message of any session (0 when none): a cheap
 * test of whether anything was said since the last look.
 */
enum sd_rc	 history_last_message_id(struct store *, long long *id,
		    struct sd_error *);

/*
 * Recent sessions, escalated and agent-held first, then by the last
 * update; at most limit.  *out as above.
 */
enum sd_rc	 history_sessions(struct store *, long long limit,
		    struct session_info **out, size_t *n, struct sd_error *);

/* The last bot/agent message id of a session, 0 when none. */
long long	 history_last_reply(struct store *, const char *session_id);

#endif

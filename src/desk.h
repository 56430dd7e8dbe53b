/*
 * desk.h: the agent desk, for every front end (the console, the HTTP
 * API): claims on a session (take over, hand back, resolve), an agent's
 * lines, private notes, labels, and the queue of sessions with what an
 * agent needs to pick one.
 */
#ifndef DESK_H
#define DESK_H

#include "shopdesk.h"
#include "catalog.h"
#include "history.h"
#include "trigger.h"

struct store;

/*
 * Take session sid for agent.  Held by another agent: SD_ERR_CONFLICT
 * naming them, unless force; a forced takeover leaves an event note
 * ("bob took the session over from alice") that the other agent's
 * desk shows.  *was (may be NULL) gets the agent it was taken from, or
 * NULL (caller frees).  Claim and check are one write transaction, so
 * two agents cannot both win.
 */
enum sd_rc	 desk_takeover(struct store *, const char *sid,
		    const char *agent, int force, char **was,
		    struct sd_error *);
/* Give sid back to the bot.  SD_ERR_CONFLICT unless agent holds it. */
enum sd_rc	 desk_handback(struct store *, const char *sid,
		    const char *agent, struct sd_error *);
/* Mark sid escalated with reason (for a person to pick up). */
enum sd_rc	 desk_escalate(struct store *, const char *sid,
		    const char *reason, struct sd_error *);
/*
 * Store agent's line in sid (role "agent"), checking in the same
 * transaction that agent holds it: SD_ERR_CONFLICT with who does
 * otherwise.  text is sanitised as a customer's is.  *msg_id (may be
 * NULL) gets its id.
 */
enum sd_rc	 desk_say(struct store *, const char *sid, const char *agent,
		    const char *text, long long *msg_id, struct sd_error *);

/* A private note, or a desk event, on a session. */
struct desk_note {
	long long	 id;
	long long	 after_seq;	/* follows this message (0: first) */
	char		*kind;		/* "note" or "event" */
	char		*agent;		/* who wrote it (or caused it) */
	char		*text;
	char		*created_at;
};
void		 desk_note_release(struct desk_note *);
/* Notes and events of sid with id > after, in order.  *out as usual. */
enum sd_rc	 desk_notes(struct store *, const char *sid, long long after,
		    struct desk_note **out, size_t *n, struct sd_error *);

/* A private note by agent on sid: never shown to the customer. */
enum sd_rc	 desk_note_add(struct store *, const char *sid,
		    const char *agent, const char *text, struct sd_error *);

/*
 * Add (on) or remove a label of sid.  Labels are a word of letters,
 * digits, '-', '_' or ':' (SD_ERR_INVALID otherwise), folded to lower
 * case.  *changed (may be NULL): whether it was not already so.
 */
enum sd_rc	 desk_label(struct store *, const char *sid, const char *label,
		    int on, int *changed, struct sd_error *);
/* sid's labels, sorted, joined with ", " ("" for none).  Caller frees. */
char		*desk_labels(struct store *, const char *sid);

/*
 * Resolve sid: the conversation is closed (status "closed", nobody
 * holds it) and counted as resolved by agent.  SD_ERR_CONFLICT when
 * another agent holds it.  note (may be NULL or "") is kept as a
 * private note.
 */
enum sd_rc	 desk_resolve(struct store *, const char *sid,
		    const char *agent, const char *note, struct sd_error *);
/*
 * Sessions agents resolved between from and to (ISO times, NULL: no
 * bound), of the sessions key_id opened (0: every session).
 */
enum sd_rc	 desk_resolved_count(struct store *, const char *from,
		    const char *to, long long key_id, long long *n,
		    struct sd_error *);

/* Which sessions the queue lists. */
enum desk_show {
	DESK_ALL,		/* every session */
	DESK_ESCALATED,		/* escalated, waiting for a person */
	DESK_MINE,		/* held by the agent asking */
	DESK_WAITING,		/* the customer waits for an agent's answer */
	DESK_LABEL,		/* with a label */
};
struct desk_filter {
	enum desk_show	 show;
	const char	*agent;		/* DESK_MINE: who asks */
	const char	*label;		/* DESK_LABEL: which */
	const char	*text;		/* in some line of the session, or
					   its id or customer id; NULL: any */
	long long	 limit;		/* at most (<= 0: no limit) */
};
/* A session of the queue, with what an agent picks one by. */
struct desk_row {
	struct session_info s;		/* the row (turns: its lines) */
	char		*customer;	/* the customer's name, or NULL */
	char		*last_role;	/* its last line: who, */
	char		*last_text;	/* what (NULL: no line yet) */
	char		*last_at;	/* and when */
	char		*waiting;	/* since when the customer waits for an
					   agent (lines after the last agent
					   line of an escalated or held
					   session), or NULL */
	char		*labels;	/* "a, b", or "" */
};
void		 desk_row_release(struct desk_row *);
/*
 * The queue: escalated sessions whose customer waits first, then held
 * ones whose customer waits, then escalated, held, and the others, each
 * by the last update, newest first.  *out as usual.
 */
enum sd_rc	 desk_queue(struct store *, const struct desk_filter *,
		    struct desk_row **out, size_t *n, struct sd_error *);
/*
 * The wait, in whole minutes, a customer of session sid escalated now
 * can expect: the median of the last DESK_WAIT_SAMPLES waits of the
 * past week (escalation to an agent's first line), times the rounds the
 * agents on duty (who held a session in the last hour) need for the
 * customers waiting before sid.  *minutes is 0 when that is not backed:
 * fewer than DESK_WAIT_MIN_SAMPLES waits, or no agent on duty.
 */
#define DESK_WAIT_SAMPLES	20
#define DESK_WAIT_MIN_SAMPLES	3
enum sd_rc	 desk_wait_estimate(struct store *, const char *sid,
		    long *minutes, struct sd_error *);
/* Seconds from ISO time since to now (store_now), 0 when unreadable. */
long long	 desk_seconds_since(const char *since);

/* desk-panel.c: what an agent sees of a customer beside the session. */

/* An order with what an agent answers from. */
struct desk_order {
	struct order	 o;		/* items and the latest shipment */
	char		*returns;	/* can it come back, in words */
	char		*event;		/* its latest event's note, or NULL */
	char		*event_at;	/* and when */
};
/* A rating the customer gave a reply. */
struct desk_rating {
	int		 rating;	/* 1..5 */
	char		*comment;	/* NULL when none */
	char		*session_id;
	char		*created_at;
};
struct desk_panel {
	struct customer	 cust;
	struct desk_order *orders;	/* newest first */
	size_t		 norders;
	struct cart_item *cart;		/* the active cart */
	size_t		 ncart;
	struct session_info *past;	/* conversations, newest first */
	size_t		 npast;
	struct desk_rating *ratings;	/* newest first */
	size_t		 nratings;
	struct trigger_note *notes;	/* proactive messages sent, newest
					   first, seen_at NULL: not seen */
	size_t		 nnotes;
};
#define DESK_PANEL_ORDERS	10	/* orders a panel holds at most */
#define DESK_PANEL_PAST		10	/* and past conversations */
#define DESK_PANEL_NOTES	10	/* and proactive messages */

/*
 * Fill p for customer id (SD_ERR_NOTFOUND when unknown).  Release with
 * desk_panel_release, also after a failure.
 */
enum sd_rc	 desk_panel_load(struct store *, const char *customer,
		    struct desk_panel *, struct sd_error *);
void		 desk_panel_release(struct desk_panel *);
/*
 * Whether order o can be returned today, with the reason, from the
 * store's return policy ("eligible, 12 of 30 days left", "not yet,
 * the order is shipped", "no, delivered 53 days ago (window 30 days)").
 * Caller frees.
 */
char		*desk_return_verdict(struct store *, const struct order *);
/*
 * The customer's orders holding a product whose name holds text
 * ("galaxy book"), newest first (ids; caller frees each and *ids).
 */
enum sd_rc	 desk_orders_named(struct store *, const char *customer,
		    const char *text, char ***ids, size_t *n,
		    struct sd_error *);

#endif

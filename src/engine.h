/*
 * engine.h: the conversation engine, the one entry point every front end
 * (console, replay, HTTP API) calls.  One turn runs
 *
 *	normalize -> understand (intent, entities) -> state -> retrieve ->
 *	decide -> respond -> persist
 *
 * and returns the reply with a trace of every step.  The engine knows
 * nothing of ncurses, stdin or HTTP.
 */
#ifndef ENGINE_H
#define ENGINE_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "generate.h"

struct store;
struct engine;

/*
 * A table of the reply (a comparison, a list of products) as rows, for
 * each front end to lay out its own way.  The reply holds a plain text
 * form of it at reply[at .. at + len), which a front end may replace.
 */
struct turn_table {
	const char	*kind;		/* "comparison", "products" (static) */
	size_t		 ncols;
	char		**header;	/* ncols column headings ("" for none) */
	size_t		 nrows;
	char		**cells;	/* nrows * ncols cells, row by row */
	size_t		 at;		/* its text in the reply: offset */
	size_t		 len;		/* and length in bytes */
};

/* The result of one turn.  Release with turn_release. */
struct turn {
	char		*session_id;	/* the session (created when new) */
	char		*user_id;	/* as given, or NULL */
	long long	 user_msg_id;	/* messages.id of the customer's line */
	long long	 bot_msg_id;	/* messages.id of the reply (0: none) */
	char		*reply;		/* what the customer sees ("" when an
					   agent holds the session) */
	const char	*action;	/* the policy's action (static text) */
	const char	*intent;	/* top intent (static text) */
	double		 confidence;	/* its calibrated score */
	int		 escalated;	/* the session is (now) escalated */
	struct turn_table *tables;	/* the reply's tables, in order */
	size_t		 ntables;
	cJSON		*trace;		/* the whole trace; owned by the turn */
};

/* Open the engine over an open store: loads (training on first use) the
 * intent model, the catalog gazetteer and the templates.  NULL with err
 * set on failure. */
struct engine	*engine_open(struct store *, const char *share_dir,
		    struct sd_error *);
void		 engine_close(struct engine *);

/* Where a conversation takes place: stored with the session it starts. */
enum engine_channel {
	ENGINE_CONSOLE,		/* the terminal front end */
	ENGINE_CHAT,		/* shopdesk chat, line by line */
	ENGINE_REPLAY,		/* scripts: replay and test */
	ENGINE_API,		/* the HTTP API */
};
/* "console", "chat", "replay", "api" (static text). */
const char	*engine_channel_name(enum engine_channel);

/*
 * Run one customer turn.  session_id NULL or unknown starts a session
 * (with that id when given) on channel; a known session keeps the
 * channel it started on.  text need not be valid UTF-8 or short: it is
 * repaired and cut, and the trace says so.  The turn, its reply and
 * trace are stored in one transaction.
 */
enum sd_rc	 engine_turn(struct engine *, enum engine_channel,
		    const char *session_id, const char *user_id,
		    const char *text, size_t len, struct turn *,
		    struct sd_error *);
void		 turn_release(struct turn *);

/*
 * The tables as JSON, as the trace has them: [{"kind", "columns",
 * "rows", "at", "len"}].  Caller deletes.
 */
cJSON		*turn_tables_json(const struct turn_table *, size_t);

/* Re-read share/templates (after the shop edited them). */
enum sd_rc	 engine_reload_templates(struct engine *, struct sd_error *);

/*
 * Generated replies (generate.h): the engine asks g (not owned; NULL:
 * templates only) on the turns its mode selects, streams checked text to
 * on_token (may be NULL) and records "generator", "llm" and "factcheck"
 * in the trace.  Call before engine_turn, from the engine's thread.
 */
void		 engine_set_generator(struct engine *, struct generator *,
		    gen_token_fn on_token, void *);

/*
 * Where turns are saved: by default history_turn_save on the engine's
 * own store.  A server with several engines can hand them all one
 * writing connection (under its own lock): that connection's pages stay
 * cached between turns, where each engine's were emptied by the others'
 * commits, and waiting on a mutex is cheaper than SQLite's busy loop.
 * fn must save the turn atomically as history_turn_save does.
 */
struct history_turn;
typedef enum sd_rc (*engine_save_fn)(void *, struct history_turn *,
		    struct sd_error *);
void		 engine_set_saver(struct engine *, engine_save_fn, void *);

/*
 * Front ends that answer one turn at a time call engine_idle once a
 * reply is delivered, after engine_checkpoint_after_turns: the WAL
 * checkpoint a turn's commit would run while the customer waits (fsync
 * included) runs there instead.  The server has a checkpoint thread.
 */
void		 engine_checkpoint_after_turns(struct engine *);
void		 engine_idle(struct engine *);

/* Deterministic timings for replays: when set, every timing reads 0. */
void		 engine_set_fixed_timings(struct engine *, int);

#endif

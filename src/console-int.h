/*
 * console-int.h: what the console's files share: the console's state
 * and the helpers each gives the others (console.c lists them; the
 * agent desk's commands, customer panel and queue are console-desk.c's).
 * Not for other modules.
 */
#ifndef CONSOLE_INT_H
#define CONSOLE_INT_H

#include <curses.h>
#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "console-doc.h"
#include "desk.h"
#include "history.h"
#include "review.h"
#include "sbuf.h"

#define SESSIONS_MAX	200	/* rows of the sessions view */
#define PREFIX_W	17	/* "#12 12:00 agent> " */

/* A message of the session on screen (or a console notice). */
struct cmsg {
	long long	 id;		/* messages.id, 0 for a notice */
	char		*role;		/* user, bot, agent, system, note */
	char		*text;		/* as stored */
	char		*at;		/* created_at, or NULL */
	char		*trace_text;	/* the stored trace, or NULL */
	cJSON		*trace;		/* parsed on first use */
	long		 turn;		/* turn number it belongs to */
};

struct rect {
	int	 y, x, h, w;
};

enum pane { PANE_CONV, PANE_CTX, PANE_DBG, PANE_CUST, PANE_N };

struct console {
	struct sd_ctx	*ctx;
	struct store	*st;
	struct engine	*eng;
	struct console_opts *opts;
	char		*user;		/* customer id or NULL */
	char		*agent;		/* our name on agent lines */
	char		*session;	/* session on screen, NULL: a new one */
	struct session_info si;		/* its row (id NULL when none) */
	int		 desk;		/* watching someone else's session */
	long long	 last_note;	/* desk_notes.id of the last loaded */
	char		*prefill;	/* text for the next input line (a
					   refused line, a canned reply) */
	struct desk_panel panel;	/* the customer panel (cust.id NULL:
					   none) */
	char		*panel_focus;	/* its order in focus, or NULL */

	struct cmsg	*msgs;		/* the session, with notices */
	size_t		 nmsgs, capmsgs;
	long long	 ndb;		/* messages loaded from the database */
	long		 nturns;
	long		 sel;		/* selected turn, 0: the latest */

	int		 show[PANE_N];	/* which panes are shown */
	int		 split;		/* conversation share, percent */
	int		 focus;		/* pane PgUp/PgDn scroll */
	int		 scroll[PANE_N];	/* conversation: rows up from the
					   bottom; others: rows down */
	struct rect	 r[PANE_N];
	int		 tall;		/* side panes below, not beside */

	int		 sessions_view;
	struct desk_row	*all;		/* the queue, unfiltered */
	size_t		 nall;
	int		 queue_seen;	/* all was read once: alerts from now */
	struct desk_row	*sess;		/* the filtered queue, or NULL: all */
	size_t		 nsess;
	size_t		 sess_sel;
	struct desk_filter qf;		/* the sessions view's filter */
	char		*qlabel;	/* its label and text (owned) */
	char		*qtext;
	char		**alerts;	/* sessions marked for an alert */
	size_t		 nalerts;

	int		 review_view;	/* the review queue is on screen */
	int		 rq_all;	/* it lists reviewed turns too */
	struct review_turn *rq;		/* the review queue */
	size_t		 nrq;
	size_t		 rq_sel;	/* its selected row */
	struct review_turn rv;		/* the turn under review (id 0: none) */

	int		 ctx_search;	/* context pane shows a search */
	struct cdoc	 search_doc;

	struct cdoc	 conv_doc;	/* conversation, rebuilt when dirty */
	int		 conv_dirty;
	struct crow	*rows;		/* scratch for wrapping */
	size_t		 caprows;
	struct crow	*conv_rows;	/* wrapped conversation */
	size_t		 nconv_rows, capconv;
	int		 conv_width;	/* width conv_rows was wrapped to */
	int		 conv_built_w;	/* pane width its tables fit */

	struct sbuf	 notice;	/* one-line message on the status row */
	int		 notice_err;
	long long	 last_us;	/* last turn's latency */
	char		*generator;	/* last reply's generator */
	char		*model;		/* its model when generated, or NULL */
	struct generator *gen;		/* template, LLM or auto replies */
	int		 verdicts;	/* fact-check marks in the replies */
	/*
	 * A turn in progress: the customer's line and the streamed reply
	 * are shown from msgs[pend_base] on until the stored ones replace
	 * them.  stream_idx: the bot's message among them, 0: none yet.
	 */
	int		 pending;
	size_t		 pend_base;
	size_t		 stream_idx;
	struct sbuf	 stream;	/* the checked text streamed so far */
	long long	 data_version;	/* PRAGMA data_version seen */
	long long	 last_poll_ms;
	int		 quit;
	int		 dirty;
	char		*hist_path;
	int		 colour;
	attr_t		 attr[CS_NSTYLES];
	int		 key_cup, key_cdown, key_aup, key_adown;
};


/* console.c */
/* The console readline's callbacks act on (they take no argument). */
extern struct console *con_active;

/* console-session.c */
/* Free a message's strings and trace. */
void		 con_cmsg_release(struct cmsg *);
/* Forget the messages on screen (before another session's). */
void		 con_msgs_clear(struct console *);
/* A new message at the end, zeroed. */
struct cmsg	*con_msg_push(struct console *);
/* Read what other front ends stored since the last poll. */
void		 con_poll_db(struct console *);
/* A console notice in the conversation (not stored). */
void		 con_note(struct console *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
/* A short message on the status row, until the next key. */
void		 con_status(struct console *, int err, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
/* A failed command: the error in the conversation, a hint below. */
void		 con_fail(struct console *, const char *what,
		    struct sd_error *);
/* Read the session's messages (and notes) past those loaded. */
void		 con_load_messages(struct console *);
void		 con_refresh_session(struct console *);
void		 con_sessions_refresh(struct console *);
/* Show session id (NULL: a new one).  desk: watching, not chatting. */
void		 con_switch(struct console *, const char *id, int desk);
/* The session on screen is held by this console's agent. */
int		 con_held(const struct console *);
void		 con_prompt(struct console *);
/* The prompt for the session on screen. */
const char	*con_prompt_text(const struct console *);
/* The trace of turn n (the first reply's), parsed; NULL when none. */
struct cJSON	*con_turn_trace(struct console *, long n);
/* The turn the panes show: the one selected, or the last. */
long		 con_selected_turn(const struct console *);

/* console-draw.c */
/* The conversation pane's document, built again from the messages. */
void		 con_conv_build(struct console *);
/* Draw the whole screen; con_draw_input the input row only. */
void		 con_draw(struct console *);
void		 con_draw_input(struct console *);

/* console-cmd.c */
/* Run the slash command of line (which starts with '/'). */
void		 con_cmd_line(struct console *, char *line);
/* /help. */
void		 con_show_help(struct console *);
/* /open ID: show session id (desk: watching it). */
void		 con_cmd_open(struct console *, const char *arg, int desk);
/* readline key functions: Tab completes, ^L repaints. */
int		 con_complete(int count, int key);
int		 con_repaint(int count, int key);

/* console-desk.c */
/* /takeover [--force], /handback, /escalate [REASON]. */
void		 cdesk_agent(struct console *, const char *cmd,
		    const char *arg);
/*
 * An agent's line: stored as the agent's when this console holds the
 * session, else refused with the reason and put back in the input line.
 * Returns 0 when the line is a customer's (not the desk's) to send.
 */
int		 cdesk_say(struct console *, const char *text);
/* After the session row was re-read: tell the agent who took it. */
void		 cdesk_claim_check(struct console *, int was_held);
/* "Opened: held by ..." for a session being watched. */
void		 cdesk_opened(struct console *);
/*
 * The customer panel: load customer's (NULL: empty it), keeping the
 * focused order when it is theirs; fill a document and its title.
 */
void		 cdesk_panel_load(struct console *, const char *customer);
void		 cdesk_panel_doc(struct console *, struct cdoc *,
		    struct sbuf *title);
/* The session's customer in the panel, its order in focus. */
void		 cdesk_panel_session(struct console *);
/* /order N|PRODUCT, /customer [ID]. */
void		 cdesk_order(struct console *, const char *arg);
void		 cdesk_customer(struct console *, const char *arg);
/* /search QUERY naming an order or a customer: shown in the panel. */
int		 cdesk_lookup(struct console *, const char *q);
/* /note TEXT, /label [[-]NAME], /resolve [NOTE], /canned [NAME]. */
void		 cdesk_note(struct console *, const char *arg);
void		 cdesk_label(struct console *, const char *arg);
void		 cdesk_resolve(struct console *, const char *arg);
void		 cdesk_canned(struct console *, const char *arg);
/* Each canned reply's name to add(arg, name) (for Tab). */
void		 cdesk_canned_names(struct console *,
		    void (*add)(void *, const char *), void *arg);
/* The sessions view's rows (filtered or all); *n gets their number. */
struct desk_row	*con_rows(struct console *, size_t *n);
/* The sessions view as a document, one tag per row. */
void		 cdesk_queue_doc(struct console *, struct cdoc *);
/* /sessions [escalated|mine|waiting|label:NAME|all] [TEXT]. */
void		 cdesk_sessions(struct console *, const char *arg);
/* An opened session is no longer marked. */
void		 cdesk_unmark(struct console *, const char *sid);
void		 cdesk_free(struct console *);
/* Whether pane p is on screen (the panel: with a customer in it). */
int		 con_pane_shown(const struct console *, int p);
/* Select turn n of the session on screen (0 or past the end: latest). */
void		 con_select_turn(struct console *, long n);

/* console-keys.c */
/* A key from curses: a function key, paging, or input for readline. */
void		 con_on_key(struct console *, int ch);
/* Readline's input, fed from the keys queued by con_on_key. */
int		 con_getc(FILE *);
int		 con_input_available(void);
/* Readline's redisplay: the input row of the screen. */
void		 con_redisplay(void);

/* console-review.c */
/*
 * /review [all|TURN|next|good|bad|intent NAME|product SKU|order ID|
 * entity TYPE=VALUE|reply TEXT|clear|done].
 */
void		 creview_cmd(struct console *, const char *arg);
/* A key in the review queue view; 1 when it used it. */
int		 creview_key(struct console *, int ch);
/* The review queue view as a document (one tag per row), its title. */
void		 creview_queue_doc(struct console *, struct cdoc *,
		    struct sbuf *title);
/* The review card of turn (in the debug pane) when it is under review. */
void		 creview_card(struct console *, struct cdoc *, long turn);
/*
 * Tab after "/review ": subcommands, intents, entity types, each
 * candidate to add(arg, name); 0 when the console's own completion of
 * products and orders applies instead.
 */
int		 creview_complete(struct console *, const char *line,
		    size_t ws, size_t point,
		    void (*add)(void *, const char *), void *arg);
void		 creview_free(struct console *);

#endif

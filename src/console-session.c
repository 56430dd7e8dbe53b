/*
 * console-session.c: the session on the console's screen.  It keeps the
 * session's messages in memory (those stored, the console's own notes,
 * the turn still running), reads the new ones as other front ends store
 * them, switches sessions, and says whether this console's agent holds
 * the session.  Its own file because this is the console's model of the
 * conversation: the drawing (console-draw.c) and the commands
 * (console-cmd.c) read it, and its messages are loaded here.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>
#include <readline/readline.h>
#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "console.h"
#include "console-doc.h"
#include "console-int.h"
#include "desk.h"
#include "engine.h"
#include "history.h"
#include "sbuf.h"
#include "store.h"
#include "text.h"

void
con_cmsg_release(struct cmsg *m)
{
	free(m->role);
	free(m->text);
	free(m->at);
	free(m->trace_text);
	cJSON_Delete(m->trace);
}

void
con_msgs_clear(struct console *c)
{
	size_t	 i;

	for (i = 0; i < c->nmsgs; i++)
		con_cmsg_release(&c->msgs[i]);
	c->nmsgs = 0;
	c->ndb = 0;
	c->nturns = 0;
	c->sel = 0;
	c->scroll[PANE_CONV] = 0;
	c->conv_dirty = 1;
}

struct cmsg *
con_msg_push(struct console *c)
{
	struct cmsg	*m;

	if (c->nmsgs == c->capmsgs) {
		c->capmsgs = c->capmsgs < 32 ? 32 : c->capmsgs * 2;
		c->msgs = xrealloc(c->msgs, c->capmsgs * sizeof *c->msgs);
	}
	m = &c->msgs[c->nmsgs++];
	memset(m, 0, sizeof *m);
	c->conv_dirty = 1;
	c->dirty = 1;
	return m;
}

/* A console notice in the conversation (not stored). */
void
con_note(struct console *c, const char *fmt, ...)
{
	struct sbuf	 sb = SBUF_INIT;
	struct cmsg	*m;
	va_list		 ap;

	va_start(ap, fmt);
	sbuf_vaddf(&sb, fmt, ap);
	va_end(ap);
	m = con_msg_push(c);
	m->role = xstrdup("note");
	m->text = sbuf_detach(&sb, NULL);
	m->turn = c->nturns;
	c->scroll[PANE_CONV] = 0;
}

/* A short message on the status row, until the next key. */
void
con_status(struct console *c, int err, const char *fmt, ...)
{
	va_list	 ap;

	sbuf_reset(&c->notice);
	va_start(ap, fmt);
	sbuf_vaddf(&c->notice, fmt, ap);
	va_end(ap);
	c->notice_err = err;
	c->dirty = 1;
}

void
con_fail(struct console *c, const char *what, struct sd_error *err)
{
	con_note(c, "%s: %s", what, sd_error_msg(err));
	con_status(c, 1, "%s failed (see the conversation)", what);
	sd_error_clear(err);
}

static void
push_note(struct console *c, struct desk_note *d)
{
	struct cmsg	*m = con_msg_push(c);

	m->role = xstrdup(strcmp(d->kind, "note") == 0 ? "desk-note" :
	    "desk-event");
	if (strcmp(d->kind, "note") == 0)
		m->text = xasprintf("(%s, private) %s", d->agent, d->text);
	else {
		m->text = d->text;
		d->text = NULL;
	}
	m->at = d->created_at;
	d->created_at = NULL;
	m->turn = c->nturns;
	c->last_note = d->id;
}

/*
 * Read the session's messages past those already loaded, and the desk's
 * notes, each note after the message it followed.
 */
void
con_load_messages(struct console *c)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct message_info *v = NULL;
	struct desk_note *dn = NULL;
	struct cmsg	*m;
	size_t		 n = 0, i, nn = 0, k = 0;

	if (c->session == NULL)
		return;
	if (history_messages(c->st, c->session, c->ndb, 0, 1, &v, &n,
	    &err) != SD_OK ||
	    desk_notes(c->st, c->session, c->last_note, &dn, &nn,
	    &err) != SD_OK) {
		con_fail(c, "reading the session", &err);
		goto out;
	}
	for (i = 0; i < n; i++) {
		for (; k < nn && dn[k].after_seq < v[i].seq; k++)
			push_note(c, &dn[k]);
		m = con_msg_push(c);
		m->id = v[i].id;
		m->role = v[i].role != NULL ? v[i].role : xstrdup("system");
		v[i].role = NULL;
		m->text = v[i].text != NULL ? v[i].text : xstrdup("");
		v[i].text = NULL;
		m->at = v[i].created_at;
		v[i].created_at = NULL;
		m->trace_text = v[i].trace;
		v[i].trace = NULL;
		if (strcmp(m->role, "user") == 0)
			c->nturns++;
		m->turn = c->nturns;
	}
	for (; k < nn; k++)
		push_note(c, &dn[k]);
	c->ndb += (long long)n;
	if (n > 0 || nn > 0)
		c->scroll[PANE_CONV] = 0;
out:
	for (i = 0; i < n; i++)
		message_info_release(&v[i]);
	free(v);
	for (i = 0; i < nn; i++)
		desk_note_release(&dn[i]);
	free(dn);
}

void
con_refresh_session(struct console *c)
{
	struct sd_error	 err = SD_ERROR_INIT;
	int		 was_held = con_held(c);

	session_info_release(&c->si);
	if (c->session == NULL)
		return;
	if (history_session_get(c->st, c->session, &c->si, &err) != SD_OK)
		sd_error_clear(&err);	/* not stored yet: a new session */
	cdesk_claim_check(c, was_held);
	c->dirty = 1;
}

/* Show session id (NULL: a new one).  desk: watching, not chatting. */
void
con_switch(struct console *c, const char *id, int desk)
{
	free(c->session);
	c->session = id != NULL ? xstrdup(id) : NULL;
	c->desk = desk;
	c->ctx_search = 0;
	c->review_view = 0;
	c->last_note = 0;
	session_info_release(&c->si);	/* no claim was lost: a new one */
	con_msgs_clear(c);
	con_refresh_session(c);
	con_load_messages(c);
	cdesk_panel_session(c);
	c->dirty = 1;
}

int
con_held(const struct console *c)
{
	return c->si.id != NULL && c->si.status != NULL &&
	    strcmp(c->si.status, "agent") == 0 && c->si.agent != NULL &&
	    strcmp(c->si.agent, c->agent) == 0;
}

const char *
con_prompt_text(const struct console *c)
{
	if (con_held(c))
		return "agent> ";
	if (c->desk)
		return "watch> ";
	return "you> ";
}

void
con_prompt(struct console *c)
{
	rl_set_prompt(con_prompt_text(c));
}

/* The trace of turn n (the first reply's), parsed; NULL when none. */
cJSON *
con_turn_trace(struct console *c, long n)
{
	size_t	 i;

	for (i = 0; i < c->nmsgs; i++) {
		struct cmsg *m = &c->msgs[i];

		if (m->turn != n || m->trace_text == NULL)
			continue;
		if (m->trace == NULL)
			m->trace = cJSON_Parse(m->trace_text);
		if (m->trace != NULL)
			return m->trace;
	}
	return NULL;
}

long
con_selected_turn(const struct console *c)
{
	return c->sel > 0 ? c->sel : c->nturns;
}

/*
 * The conversation log changed under us (another console, the API, a
 * replay)?  It lives in the history file, whose data version moves on
 * every commit of another connection to it.
 */
void
con_poll_db(struct console *c)
{
	static const char sql[] = "PRAGMA history.data_version";
	sqlite3_stmt	*s;
	long long	 v = -1;

	if ((s = store_prepare(c->st, sql, NULL)) == NULL)
		return;
	if (sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (v == c->data_version)
		return;
	c->data_version = v;
	con_load_messages(c);
	con_refresh_session(c);
	con_sessions_refresh(c);	/* for the alerts, even unseen */
	if (c->panel.cust.id != NULL) {
		char *cust = xstrdup(c->panel.cust.id);

		cdesk_panel_load(c, cust);	/* its carts, sessions */
		free(cust);
	}
	con_prompt(c);
	c->dirty = 1;
}

/*
 * console-queue.c: the console's sessions view as an agent's queue: who
 * waits and for how long, who holds what, filters and search, and the
 * alerts (bell, status line, a mark on the row) when a session escalates
 * or the customer of a session this agent holds writes.  desk.c builds
 * the list; this file lays it out and compares it with the last one.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "shopdesk.h"
#include "console-int.h"
#include "desk.h"
#include "sbuf.h"

/* The queue and its alerts. */

struct desk_row *
con_rows(struct console *c, size_t *n)
{
	if (c->sess != NULL || c->qf.show != DESK_ALL || c->qf.text != NULL) {
		*n = c->nsess;
		return c->sess;
	}
	*n = c->nall;
	return c->all;
}

static void
rows_free(struct desk_row *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		desk_row_release(&v[i]);
	free(v);
}

static int
marked(const struct console *c, const char *sid)
{
	size_t	 i;

	for (i = 0; i < c->nalerts; i++)
		if (strcmp(c->alerts[i], sid) == 0)
			return 1;
	return 0;
}

static void
mark(struct console *c, const char *sid)
{
	if (marked(c, sid))
		return;
	c->alerts = xrealloc(c->alerts, (c->nalerts + 1) * sizeof *c->alerts);
	c->alerts[c->nalerts++] = xstrdup(sid);
}

void
cdesk_unmark(struct console *c, const char *sid)
{
	size_t	 i;

	for (i = 0; i < c->nalerts; i++)
		if (strcmp(c->alerts[i], sid) == 0) {
			free(c->alerts[i]);
			c->alerts[i] = c->alerts[--c->nalerts];
			c->dirty = 1;
			return;
		}
}

static const struct desk_row *
row_of(const struct desk_row *v, size_t n, const char *sid)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].s.id, sid) == 0)
			return &v[i];
	return NULL;
}

/*
 * What changed since the last read that a person must see: a session
 * newly escalated, or a customer's new line in a session this agent
 * holds.  Each rings the bell once and marks the session in the list
 * until it is opened.
 */
static void
alerts(struct console *c, const struct desk_row *old, size_t nold)
{
	const struct desk_row *r, *o;
	size_t		 i;

	for (i = 0; i < c->nall; i++) {
		r = &c->all[i];
		o = row_of(old, nold, r->s.id);
		if (strcmp(r->s.status, "escalated") == 0 && (o == NULL ||
		    strcmp(o->s.status, "escalated") != 0)) {
			mark(c, r->s.id);
			beep();
			con_status(c, 1, "%s escalated: %s", r->s.id,
			    r->s.escalation_reason != NULL ?
			    r->s.escalation_reason : "(no reason)");
		} else if (strcmp(r->s.status, "agent") == 0 &&
		    r->s.agent != NULL && strcmp(r->s.agent, c->agent) == 0 &&
		    o != NULL && r->s.turns > o->s.turns &&
		    r->last_role != NULL && strcmp(r->last_role, "user") == 0) {
			if (c->sessions_view || c->session == NULL ||
			    strcmp(c->session, r->s.id) != 0)
				mark(c, r->s.id);
			beep();
			con_status(c, 1, "the customer wrote in %s: %s", r->s.id,
			    r->last_text);
		}
	}
}

void
con_sessions_refresh(struct console *c)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct desk_filter all = { DESK_ALL, NULL, NULL, NULL, SESSIONS_MAX };
	struct desk_row	*old = c->all;
	size_t		 nold = c->nall, n;

	c->all = NULL;
	c->nall = 0;
	if (desk_queue(c->st, &all, &c->all, &c->nall, &err) != SD_OK)
		con_fail(c, "listing sessions", &err);
	else if (c->queue_seen)
		alerts(c, old, nold);
	c->queue_seen = 1;
	rows_free(old, nold);
	rows_free(c->sess, c->nsess);
	c->sess = NULL;
	c->nsess = 0;
	if (c->qf.show != DESK_ALL || c->qf.text != NULL) {
		c->qf.agent = c->agent;
		c->qf.limit = SESSIONS_MAX;
		if (desk_queue(c->st, &c->qf, &c->sess, &c->nsess, &err) !=
		    SD_OK)
			con_fail(c, "listing sessions", &err);
	}
	con_rows(c, &n);
	if (c->sess_sel >= n)
		c->sess_sel = n > 0 ? n - 1 : 0;
	c->dirty = 1;
}

void
cdesk_sessions(struct console *c, const char *arg)
{
	const char	*sp;
	size_t		 k;

	if (*arg == '\0') {
		c->sessions_view = !c->sessions_view;
		c->scroll[PANE_CONV] = 0;
		if (c->sessions_view)
			con_sessions_refresh(c);
		return;
	}
	free(c->qlabel);
	free(c->qtext);
	c->qlabel = c->qtext = NULL;
	memset(&c->qf, 0, sizeof c->qf);
	sp = strchr(arg, ' ');
	k = sp != NULL ? (size_t)(sp - arg) : strlen(arg);
	if (k == 9 && strncmp(arg, "escalated", k) == 0)
		c->qf.show = DESK_ESCALATED;
	else if (k == 4 && strncmp(arg, "mine", k) == 0)
		c->qf.show = DESK_MINE;
	else if (k == 7 && strncmp(arg, "waiting", k) == 0)
		c->qf.show = DESK_WAITING;
	else if (k > 6 && strncmp(arg, "label:", 6) == 0) {
		c->qf.show = DESK_LABEL;
		c->qlabel = xasprintf("%.*s", (int)k - 6, arg + 6);
		c->qf.label = c->qlabel;
	} else if (!(k == 3 && strncmp(arg, "all", k) == 0))
		k = 0;		/* no filter word: all of it is text */
	for (arg += k; *arg == ' '; arg++)
		;
	if (*arg != '\0') {
		c->qtext = xstrdup(arg);
		c->qf.text = c->qtext;
	}
	c->sessions_view = 1;
	c->sess_sel = 0;
	c->scroll[PANE_CONV] = 0;
	con_sessions_refresh(c);
}

/* "3m", "2h05", "4d": how long, to the minute, from seconds. */
static void
add_wait(struct sbuf *sb, long long s)
{
	if (s < 3600)
		sbuf_addf(sb, "%lldm", s / 60);
	else if (s < 86400)
		sbuf_addf(sb, "%lldh%02lld", s / 3600, s % 3600 / 60);
	else
		sbuf_addf(sb, "%lldd", s / 86400);
}

static void
queue_row_doc(struct console *c, struct cdoc *d, const struct desk_row *r,
    size_t i)
{
	struct sbuf	 w = SBUF_INIT;
	int		 st = CS_TEXT, sel = i == c->sess_sel;
	const char	*who;

	if (strcmp(r->s.status, "escalated") == 0)
		st = CS_ERROR;
	else if (strcmp(r->s.status, "agent") == 0)
		st = CS_AGENT;
	cdoc_line(d, 4, (long)i);
	cdoc_addf(d, sel ? CS_SELECT : CS_TEXT, "%s", sel ? "> " : "  ");
	cdoc_adds(d, CS_ERROR, marked(c, r->s.id) ? "!" : " ");
	cdoc_addf(d, sel ? CS_SELECT : CS_BOLD, "%-8s", r->s.id);
	cdoc_addf(d, CS_TEXT, " %-18.18s", r->customer != NULL ? r->customer :
	    (r->s.user_id != NULL ? r->s.user_id : "anonymous"));
	cdoc_addf(d, CS_DIM, " %-6s %-7s", r->s.user_id != NULL ?
	    r->s.user_id : "-", r->s.channel != NULL ? r->s.channel : "-");
	cdoc_addf(d, st, " %-9s", r->s.status);
	if (r->waiting != NULL) {
		add_wait(&w, desk_seconds_since(r->waiting));
		cdoc_addf(d, CS_ERROR, " waiting %s", w.buf);
	}
	if (r->s.agent != NULL)
		cdoc_addf(d, CS_AGENT, " held by %s", r->s.agent);
	if (*r->labels != '\0')
		cdoc_addf(d, CS_SYSTEM, " [%s]", r->labels);
	if (r->s.escalation_reason != NULL &&
	    strcmp(r->s.status, "escalated") == 0)
		cdoc_addf(d, CS_DIM, " %s", r->s.escalation_reason);
	cdoc_line(d, 15, (long)i);
	if (r->last_text == NULL) {
		cdoc_adds(d, CS_DIM, "              (no line yet)");
		goto out;
	}
	who = strcmp(r->last_role, "user") == 0 ? "customer" : r->last_role;
	cdoc_addf(d, CS_DIM, "              %.5s %s: ", r->last_at != NULL &&
	    strlen(r->last_at) >= 16 ? r->last_at + 11 : "", who);
	cdoc_addf(d, strcmp(r->last_role, "user") == 0 ? CS_USER : CS_TEXT,
	    "%.80s%s", r->last_text, strlen(r->last_text) > 80 ? "..." : "");
out:
	sbuf_release(&w);
}

void
cdesk_queue_doc(struct console *c, struct cdoc *d)
{
	struct desk_row	*v;
	size_t		 n, i;

	v = con_rows(c, &n);
	cdoc_line(d, 0, -1);
	cdoc_adds(d, CS_DIM, "Up/Down select, Enter opens, Esc or F4 closes; "
	    "! marks a new escalation or a customer's reply to you.  "
	    "/sessions escalated|mine|waiting|label:NAME|all [TEXT] filters");
	if (c->qf.show != DESK_ALL || c->qf.text != NULL) {
		cdoc_line(d, 0, -1);
		cdoc_addf(d, CS_BOLD, "filter: %s%s%s%s%s",
		    c->qf.show == DESK_ESCALATED ? "escalated" :
		    c->qf.show == DESK_MINE ? "mine" :
		    c->qf.show == DESK_WAITING ? "waiting" :
		    c->qf.show == DESK_LABEL ? "label:" : "all",
		    c->qlabel != NULL ? c->qlabel : "",
		    c->qtext != NULL ? ", text \"" : "",
		    c->qtext != NULL ? c->qtext : "",
		    c->qtext != NULL ? "\"" : "");
	}
	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "   %-8s %-18s %-6s %-7s %-9s %s", "session",
	    "customer", "id", "channel", "status", "waiting, holder, labels");
	if (n == 0) {
		cdoc_line(d, 2, -1);
		cdoc_adds(d, CS_DIM, "  (no sessions)");
	}
	for (i = 0; i < n; i++)
		queue_row_doc(c, d, &v[i], i);
}

void
cdesk_free(struct console *c)
{
	size_t	 i;

	rows_free(c->all, c->nall);
	rows_free(c->sess, c->nsess);
	for (i = 0; i < c->nalerts; i++)
		free(c->alerts[i]);
	free(c->alerts);
	free(c->qlabel);
	free(c->qtext);
}

/*
 * console-cmd.c: the console's slash commands and Tab completion.
 * con_cmd_line reads a line that starts with '/' and runs the command
 * (those of the agent desk and the review queue are console-desk.c's
 * and console-review.c's); Tab completes a command, its argument, an
 * order number or a product name from the store.  Its own file because
 * the commands are the console's vocabulary, kept in one list that both
 * the completion and the "Did you mean" hint read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curses.h>
#include <readline/readline.h>
#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "console.h"
#include "console-doc.h"
#include "console-int.h"
#include "desk.h"
#include "engine.h"
#include "generate.h"
#include "history.h"
#include "sbuf.h"
#include "search.h"
#include "store.h"
#include "text.h"

static const char *const commands[] = {
	"/help", "/user", "/session", "/new", "/history", "/search",
	"/feedback", "/escalate", "/sessions", "/open", "/takeover",
	"/handback", "/order", "/customer", "/note", "/label", "/resolve",
	"/canned", "/panes", "/turn", "/verdicts", "/review", "/quit", NULL
};

/* Completion. */

struct cands {
	char	**v;
	size_t	 n, cap;
};

static void
cand_add(struct cands *cs, const char *s)
{
	size_t	 i;

	for (i = 0; i < cs->n; i++)
		if (strcmp(cs->v[i], s) == 0)
			return;
	if (cs->n == cs->cap) {
		cs->cap = cs->cap < 16 ? 16 : cs->cap * 2;
		cs->v = xrealloc(cs->v, cs->cap * sizeof *cs->v);
	}
	cs->v[cs->n++] = xstrdup(s);
}

static void
cand_add_any(void *cs, const char *s)
{
	cand_add(cs, s);
}

static void
cands_free(struct cands *cs)
{
	size_t	 i;

	for (i = 0; i < cs->n; i++)
		free(cs->v[i]);
	free(cs->v);
	memset(cs, 0, sizeof *cs);
}

/* word as a LIKE prefix pattern, its wildcards escaped with '\'. */
static char *
like_prefix(const char *word, size_t n)
{
	struct sbuf	 sb = SBUF_INIT;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (word[i] == '%' || word[i] == '_' || word[i] == '\\')
			sbuf_addc(&sb, '\\');
		sbuf_addc(&sb, word[i]);
	}
	sbuf_addc(&sb, '%');
	return sbuf_detach(&sb, NULL);
}

/* Rows of a one-column query whose ?1 is a LIKE pattern (?2 user). */
static void
cand_query_for(struct console *c, const char *sql, const char *user,
    const char *word, size_t n, struct cands *cs)
{
	sqlite3_stmt	*s;
	char		*pat = like_prefix(word, n);

	if ((s = store_prepare(c->st, sql, NULL)) != NULL) {
		sqlite3_bind_text(s, 1, pat, -1, SQLITE_TRANSIENT);
		if (user != NULL)
			sqlite3_bind_text(s, 2, user, -1, SQLITE_TRANSIENT);
		while (sqlite3_step(s) == SQLITE_ROW)
			if (sqlite3_column_text(s, 0) != NULL)
				cand_add(cs, (const char *)
				    sqlite3_column_text(s, 0));
		sqlite3_reset(s);
	}
	free(pat);
}

static void
cand_query(struct console *c, const char *sql, const char *word, size_t n,
    struct cands *cs)
{
	cand_query_for(c, sql, c->user, word, n, cs);
}

static int
ci_prefix(const char *s, const char *p, size_t n)
{
	return strncasecmp(s, p, n) == 0;
}

/*
 * Tab: complete what is before the point: a slash command, its argument
 * (session, customer, up/down, pane), an order number of the user, or a
 * product name (which may span several words: the longest tail of the
 * line that starts a product name wins).
 */
int
con_complete(int count, int key)
{
	static const char products_sql[] = "SELECT DISTINCT name FROM products"
	    " WHERE name LIKE ?1 ESCAPE '\\' ORDER BY name LIMIT 40";
	static const char orders_sql[] = "SELECT id FROM orders"
	    " WHERE id LIKE ?1 ESCAPE '\\' AND customer_id = ?2"
	    " ORDER BY placed_at DESC LIMIT 40";
	static const char customers_sql[] = "SELECT id FROM customers"
	    " WHERE id LIKE ?1 ESCAPE '\\' ORDER BY id LIMIT 40";
	static const char *const fb[] = { "up", "down", NULL };
	static const char *const panes[] = { "context", "debug", "size",
	    "reset", NULL };
	static const char *const onoff[] = { "on", "off", NULL };
	struct console	*c = con_active;
	struct cands	 cs = { NULL, 0, 0 };
	const char	*line = rl_line_buffer;
	size_t		 point = (size_t)rl_point, ws, i, j, lcp, starts[8];
	size_t		 nstarts = 0;
	struct sbuf	 sb = SBUF_INIT;
	int		 arg;

	(void)count;
	(void)key;
	for (ws = point; ws > 0 && line[ws - 1] != ' '; ws--)
		;
	arg = line[0] == '/' && memchr(line, ' ', point) != NULL;
	if (line[0] == '/' && !arg) {
		for (i = 0; commands[i] != NULL; i++)
			if (strncmp(commands[i], line, point) == 0)
				cand_add(&cs, commands[i]);
	} else if (arg && (strncmp(line, "/open ", 6) == 0 ||
	    strncmp(line, "/session ", 9) == 0)) {
		con_sessions_refresh(c);
		for (i = 0; i < c->nall; i++)
			if (strncmp(c->all[i].s.id, line + ws, point - ws) ==
			    0)
				cand_add(&cs, c->all[i].s.id);
	} else if (arg && (strncmp(line, "/user ", 6) == 0 ||
	    strncmp(line, "/customer ", 10) == 0)) {
		cand_query(c, customers_sql, line + ws, point - ws, &cs);
	} else if (arg && strncmp(line, "/canned ", 8) == 0) {
		struct cands all = { NULL, 0, 0 };

		cdesk_canned_names(c, cand_add_any, &all);
		for (i = 0; i < all.n; i++)
			if (strncmp(all.v[i], line + ws, point - ws) == 0)
				cand_add(&cs, all.v[i]);
		cands_free(&all);
	} else if (arg && strncmp(line, "/review ", 8) == 0 &&
	    creview_complete(c, line, ws, point, cand_add_any, &cs)) {
		;
	} else if (arg && (strncmp(line, "/order ", 7) == 0 ||
	    strncmp(line, "/review order ", 14) == 0)) {
		cand_query_for(c, orders_sql, c->panel.cust.id != NULL ?
		    c->panel.cust.id : c->user, line + ws, point - ws, &cs);
	} else if (arg && (strncmp(line, "/feedback ", 10) == 0 ||
	    strncmp(line, "/panes ", 7) == 0 ||
	    strncmp(line, "/verdicts ", 10) == 0)) {
		const char *const *v = line[1] == 'f' ? fb :
		    (line[1] == 'p' ? panes : onoff);

		for (i = 0; v[i] != NULL; i++)
			if (ci_prefix(v[i], line + ws, point - ws))
				cand_add(&cs, v[i]);
	} else if (!arg || strncmp(line, "/search ", 8) == 0 ||
	    strncmp(line, "/review product ", 16) == 0) {
		if (c->user != NULL && point > ws)
			cand_query(c, orders_sql, line + ws, point - ws, &cs);
		/* Word starts before the point, nearest first, at most 4. */
		for (i = point; i-- > 0 && nstarts < 4; )
			if (line[i] != ' ' && (i == 0 || line[i - 1] == ' '))
				starts[nstarts++] = i;
		if (cs.n == 0)
			for (j = nstarts; j-- > 0; ) {
				if (point - starts[j] < 2)
					continue;
				cand_query(c, products_sql, line + starts[j],
				    point - starts[j], &cs);
				if (cs.n > 0) {
					ws = starts[j];
					break;
				}
			}
	}
	if (cs.n == 0) {
		con_status(c, 0, "no completion");
		goto out;
	}
	/* The longest common prefix (ignoring case) of the candidates. */
	lcp = strlen(cs.v[0]);
	for (i = 1; i < cs.n; i++) {
		for (j = 0; j < lcp && cs.v[i][j] != '\0' &&
		    (cs.v[i][j] == cs.v[0][j] ||
		    ((unsigned char)cs.v[i][j] < 0x80 &&
		    strncasecmp(cs.v[i] + j, cs.v[0] + j, 1) == 0)); j++)
			;
		lcp = j;
	}
	/* Never cut a code point. */
	while (lcp > 0 && ((unsigned char)cs.v[0][lcp] & 0xc0) == 0x80)
		lcp--;
	if (lcp >= point - ws) {
		rl_begin_undo_group();
		rl_delete_text((int)ws, (int)point);
		rl_point = (int)ws;
		sbuf_add(&sb, cs.v[0], lcp);
		if (cs.n == 1)
			sbuf_addc(&sb, ' ');
		rl_insert_text(sb.buf);
		rl_end_undo_group();
	}
	if (cs.n > 1) {
		sbuf_reset(&sb);
		sbuf_addf(&sb, "%zu matches:", cs.n);
		for (i = 0; i < cs.n && sb.len < 400; i++)
			sbuf_addf(&sb, "  %s", cs.v[i]);
		con_status(c, 0, "%s", sb.buf);
	}
out:
	sbuf_release(&sb);
	cands_free(&cs);
	c->dirty = 1;
	return 0;
}

/* Ctrl-L: repaint everything. */
int
con_repaint(int count, int key)
{
	(void)count;
	(void)key;
	clearok(curscr, TRUE);
	con_active->dirty = 1;
	return 0;
}

/* Slash commands. */

void
con_show_help(struct console *c)
{
	con_note(c, "Commands:\n"
	    "  /help                  this list\n"
	    "  /user [ID]             talk as customer ID (none: anonymous)\n"
	    "  /session [ID]          show the session, or continue session ID"
	    " as its customer\n"
	    "  /new                   start a new session\n"
	    "  /history               your earlier sessions\n"
	    "  /search QUERY          search the knowledge base (context pane)\n"
	    "  /feedback up|down [COMMENT]  rate the last bot reply\n"
	    "  /escalate [REASON]     hand the session to a person\n"
	    "  /sessions [escalated|mine|waiting|label:NAME|all] [TEXT]\n"
	    "                         the queue (agent desk), filtered or"
	    " searched\n"
	    "  /open SESSION          watch a session with its traces\n"
	    "  /takeover [--force]    answer the session yourself (agent);"
	    " --force takes it\n"
	    "                         from the agent holding it, who is told\n"
	    "  /handback              give the session you hold back to the"
	    " bot\n"
	    "  /order N|PRODUCT       an order (or the panel customer's"
	    " orders holding\n"
	    "                         PRODUCT) in the customer panel\n"
	    "  /customer [ID]         a customer in the customer panel\n"
	    "  /canned [NAME]         a canned reply, filled from the panel,"
	    " on the input line\n"
	    "  /note TEXT             a private note (never shown to the"
	    " customer)\n"
	    "  /label [[-]NAME]       list, add or remove (-) a label\n"
	    "  /resolve [NOTE]        close the session as resolved\n"
	    "  /panes [context|debug|customer [on|off]] | size PERCENT |"
	    " reset\n"
	    "  /turn N                show turn N's context and debug data\n"
	    "  /verdicts [on|off]     fact-check marks in generated replies\n"
	    "  /review [all|TURN]     the review queue\n"
	    "  /quit                  leave (also Ctrl-D, F10)\n"
	    "Keys: F1 help  F2 context  F3 debug  F4 sessions  F5/F6 previous/"
	    "next turn (also Ctrl/Alt-Up/Down)  F7/F8 narrower/wider  F9 "
	    "scroll focus  PgUp/PgDn scroll  Tab complete  Ctrl-R search "
	    "history  Ctrl-L repaint.  Start a line with // to send a "
	    "literal /.");
}

static void
cmd_user(struct console *c, const char *arg)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct customer	 cu;

	if (*arg == '\0') {
		free(c->user);
		c->user = NULL;
		con_note(c, "You are anonymous now; a new session starts.");
		con_switch(c, NULL, 0);
		return;
	}
	memset(&cu, 0, sizeof cu);
	if (catalog_customer(c->st, arg, &cu, &err) != SD_OK) {
		con_note(c, "/user %s: %s (Tab completes customer ids)", arg,
		    err.rc == SD_ERR_NOTFOUND ? "no such customer" :
		    sd_error_msg(&err));
		sd_error_clear(&err);
		return;
	}
	free(c->user);
	c->user = xstrdup(arg);
	con_switch(c, NULL, 0);
	con_note(c, "You are %s (%s); a new session starts.", cu.id,
	    cu.name != NULL ? cu.name : "?");
	customer_release(&cu);
}

void
con_cmd_open(struct console *c, const char *arg, int desk)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;

	memset(&si, 0, sizeof si);
	if (history_session_get(c->st, arg, &si, &err) != SD_OK) {
		con_note(c, "%s %s: %s (/sessions lists them)", desk ? "/open" :
		    "/session", arg, err.rc == SD_ERR_NOTFOUND ?
		    "no such session" : sd_error_msg(&err));
		sd_error_clear(&err);
		return;
	}
	if (!desk) {
		free(c->user);
		c->user = si.user_id != NULL ? xstrdup(si.user_id) : NULL;
	}
	c->sessions_view = 0;
	con_switch(c, arg, desk);
	cdesk_unmark(c, arg);
	if (desk)
		cdesk_opened(c);
	session_info_release(&si);
	con_prompt(c);
}

static void
cmd_history(struct console *c)
{
	size_t	 i, shown = 0;

	con_sessions_refresh(c);
	for (i = 0; i < c->nall && shown < 20; i++) {
		const struct session_info *s = &c->all[i].s;

		if ((c->user == NULL) != (s->user_id == NULL) ||
		    (c->user != NULL && strcmp(c->user, s->user_id) != 0))
			continue;
		if (shown++ == 0)
			con_note(c, "Sessions of %s (/session ID continues one):",
			    c->user != NULL ? c->user : "anonymous users");
		con_note(c, "  %s  %s  %lld messages  updated %s", s->id,
		    s->status, s->turns, s->updated_at);
	}
	if (shown == 0)
		con_note(c, "No earlier sessions for %s.", c->user != NULL ?
		    c->user : "anonymous users");
}

static void
cmd_search(struct console *c, const char *q)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct search_query sq = SEARCH_QUERY_INIT;
	struct search_result res;
	struct cdoc	*d = &c->search_doc;
	size_t		 i;
	char		*money;

	if (*q == '\0') {
		c->ctx_search = 0;
		con_status(c, 0, "context pane shows the turns again");
		return;
	}
	cdesk_lookup(c, q);	/* an order number or customer id too */
	memset(&res, 0, sizeof res);
	sq.text = q;
	sq.limit = 10;
	if (search_run(c->st, &sq, &res, &err) != SD_OK) {
		con_fail(c, "/search", &err);
		search_result_free(&res);
		return;
	}
	cdoc_clear(d);
	cdoc_line(d, 0, -1);
	cdoc_addf(d, CS_BOLD, "\"%s\": %zu hit%s", q, res.n,
	    res.n == 1 ? "" : "s");
	if (res.corrected != NULL) {
		cdoc_line(d, 2, -1);
		cdoc_addf(d, CS_DIM, "  typos: %s", res.corrected);
	}
	if (res.expanded != NULL) {
		cdoc_line(d, 2, -1);
		cdoc_addf(d, CS_DIM, "  synonyms: %s", res.expanded);
	}
	if (res.max_price >= 0 || res.min_price >= 0) {
		cdoc_line(d, 2, -1);
		cdoc_adds(d, CS_DIM, "  price");
		if (res.min_price >= 0)
			cdoc_addf(d, CS_DIM, " >= %.2f", res.min_price);
		if (res.max_price >= 0)
			cdoc_addf(d, CS_DIM, " <= %.2f", res.max_price);
	}
	for (i = 0; i < res.n; i++) {
		const struct search_hit *h = &res.hits[i];

		cdoc_line(d, 4, -1);
		cdoc_addf(d, CS_DIM, "  %-8s ", search_kind_name(h->kind));
		cdoc_addf(d, CS_TEXT, "%s ", h->id);
		cdoc_addf(d, CS_DIM, "%.2f ", h->score);
		cdoc_adds(d, CS_BOLD, h->title);
		if (h->kind == SEARCH_PRODUCT) {
			money = catalog_money(h->price, h->currency);
			cdoc_addf(d, CS_TEXT, "  %s, %lld in stock", money,
			    h->stock);
			free(money);
		}
		if (h->snippet != NULL && *h->snippet != '\0') {
			cdoc_line(d, 4, -1);
			cdoc_adds(d, CS_DIM, "    ");
			cdoc_adds(d, CS_DIM, h->snippet);
		}
	}
	search_result_free(&res);
	c->ctx_search = 1;
	c->show[PANE_CTX] = 1;
	c->scroll[PANE_CTX] = 0;
	con_status(c, 0, "search results in the context pane");
}

static void
cmd_feedback(struct console *c, const char *arg)
{
	static const char last_sql[] = "SELECT id FROM messages"
	    " WHERE session_id = ?1 AND role = 'bot' ORDER BY seq DESC LIMIT 1";
	static const char ins_sql[] = "INSERT INTO feedback"
	    " (message_id, rating, comment, created_at) VALUES (?1, ?2, ?3, ?4)";
	struct sd_error	 err = SD_ERROR_INIT;
	sqlite3_stmt	*s;
	long long	 id = 0;
	const char	*comment;
	int		 rating;

	if (strncmp(arg, "up", 2) == 0 && (arg[2] == '\0' || arg[2] == ' '))
		rating = 5;
	else if (strncmp(arg, "down", 4) == 0 &&
	    (arg[4] == '\0' || arg[4] == ' '))
		rating = 1;
	else {
		con_note(c, "usage: /feedback up|down [COMMENT]");
		return;
	}
	comment = arg + (rating == 5 ? 2 : 4);
	while (*comment == ' ')
		comment++;
	if (c->session == NULL) {
		con_note(c, "/feedback: no reply to rate yet");
		return;
	}
	if ((s = store_prepare(c->st, last_sql, &err)) == NULL) {
		con_fail(c, "/feedback", &err);
		return;
	}
	sqlite3_bind_text(s, 1, c->session, -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (id == 0) {
		con_note(c, "/feedback: no bot reply in %s to rate", c->session);
		return;
	}
	if ((s = store_prepare(c->st, ins_sql, &err)) == NULL) {
		con_fail(c, "/feedback", &err);
		return;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, rating);
	if (*comment != '\0')
		sqlite3_bind_text(s, 3, comment, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(s, 3);
	sqlite3_bind_text(s, 4, store_now(), -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) != SQLITE_DONE) {
		store_fail(c->st, &err, "store feedback");
		sqlite3_reset(s);
		con_fail(c, "/feedback", &err);
		return;
	}
	sqlite3_reset(s);
	con_note(c, "Thanks: rated message %lld %s (%d)%s%s.", id,
	    rating == 5 ? "up" : "down", rating, *comment ? ": " : "",
	    comment);
}

static void
cmd_panes(struct console *c, const char *arg)
{
	char		 name[16], val[16];
	int		 n, p = -1, pct;

	n = sscanf(arg, "%15s %15s", name, val);
	if (n <= 0) {
		con_note(c, "Panes: conversation %d%%, context %s, debug %s, "
		    "customer %s (layout %s).  /panes context|debug|customer "
		    "[on|off], /panes size PERCENT, /panes reset.", c->split,
		    c->show[PANE_CTX] ? "on" : "off",
		    c->show[PANE_DBG] ? "on" : "off",
		    c->show[PANE_CUST] ? "on" : "off",
		    c->tall ? "stacked" : "side by side");
		return;
	}
	if (strcmp(name, "size") == 0) {
		if (n < 2 || (pct = atoi(val)) < 20 || pct > 90) {
			con_note(c, "/panes size: a percentage from 20 to 90");
			return;
		}
		c->split = pct;
	} else if (strcmp(name, "reset") == 0) {
		c->split = 55;
		c->show[PANE_CTX] = c->show[PANE_DBG] = 1;
		c->show[PANE_CUST] = 1;
	} else {
		if (strncmp(name, "context", strlen(name)) == 0)
			p = PANE_CTX;
		else if (strncmp(name, "debug", strlen(name)) == 0)
			p = PANE_DBG;
		else if (strncmp(name, "customer", strlen(name)) == 0)
			p = PANE_CUST;
		if (p < 0) {
			con_note(c, "/panes: no pane \"%s\" (context, debug, "
			    "customer, size, reset)", name);
			return;
		}
		if (n < 2)
			c->show[p] = !c->show[p];
		else if (strcmp(val, "on") == 0)
			c->show[p] = 1;
		else if (strcmp(val, "off") == 0)
			c->show[p] = 0;
		else {
			con_note(c, "/panes %s: on or off", name);
			return;
		}
	}
	con_status(c, 0, "context %s, debug %s, conversation %d%%",
	    c->show[PANE_CTX] ? "on" : "off", c->show[PANE_DBG] ? "on" :
	    "off", c->split);
}

/* Inline verdicts are drawn from the traces: old turns get them too. */
static void
cmd_verdicts(struct console *c, const char *arg)
{
	if (strcmp(arg, "on") == 0)
		c->verdicts = 1;
	else if (strcmp(arg, "off") == 0)
		c->verdicts = 0;
	else if (*arg != '\0') {
		con_note(c, "usage: /verdicts [on|off]");
		return;
	}
	c->conv_dirty = 1;
	con_status(c, 0, "fact-check verdicts %s in the conversation "
	    "(the debug pane lists them always; generator %s)",
	    c->verdicts ? "shown" : "hidden", c->gen != NULL ?
	    gen_mode_name(generator_mode(c->gen)) : "template");
}

static void
select_turn(struct console *c, long n)
{
	c->ctx_search = 0;
	if (n <= 0 || n >= c->nturns)
		c->sel = 0;
	else
		c->sel = n;
	c->scroll[PANE_CTX] = c->scroll[PANE_DBG] = 0;
	/* Bring the turn's first line into the conversation's view. */
	if (c->sel > 0 && !c->sessions_view) {
		size_t	 i;
		int	 h = c->r[PANE_CONV].h - 1, fromend;

		if (c->conv_dirty || c->conv_built_w != c->r[PANE_CONV].w)
			con_conv_build(c);
		if (c->conv_width != c->r[PANE_CONV].w - 1) {
			c->nconv_rows = cdoc_wrap(&c->conv_doc,
			    c->r[PANE_CONV].w - 1, &c->conv_rows,
			    &c->capconv);
			c->conv_width = c->r[PANE_CONV].w - 1;
		}
		for (i = 0; i < c->nconv_rows; i++)
			if (c->conv_doc.ln[c->conv_rows[i].line].tag ==
			    c->sel)
				break;
		fromend = (int)c->nconv_rows - (int)i;	/* rows from it on */
		if (i < c->nconv_rows && (fromend > h + c->scroll[PANE_CONV] ||
		    fromend <= c->scroll[PANE_CONV]))
			c->scroll[PANE_CONV] = fromend - h > 0 ? fromend - h :
			    0;
	} else
		c->scroll[PANE_CONV] = 0;
	con_status(c, 0, "turn #%ld of %ld%s", con_selected_turn(c), c->nturns,
	    c->sel == 0 ? " (latest)" : "");
}

void
con_select_turn(struct console *c, long n)
{
	select_turn(c, n);
}

void
con_cmd_line(struct console *c, char *line)
{
	char	*cmd = line, *arg;
	size_t	 i;
	int	 best = -1;

	arg = strchr(line, ' ');
	if (arg != NULL) {
		*arg++ = '\0';
		while (*arg == ' ')
			arg++;
		for (i = strlen(arg); i > 0 && arg[i - 1] == ' '; i--)
			arg[i - 1] = '\0';
	} else
		arg = line + strlen(line);
	if (strcmp(cmd, "/help") == 0 || strcmp(cmd, "/?") == 0)
		con_show_help(c);
	else if (strcmp(cmd, "/quit") == 0 || strcmp(cmd, "/exit") == 0)
		c->quit = 1;
	else if (strcmp(cmd, "/user") == 0)
		cmd_user(c, arg);
	else if (strcmp(cmd, "/session") == 0) {
		if (*arg != '\0')
			con_cmd_open(c, arg, 0);
		else
			con_note(c, "Session %s, user %s, %ld turns, status %s%s.",
			    c->session != NULL ? c->session : "(new: starts "
			    "with your first line)", c->user != NULL ? c->user :
			    "anonymous", c->nturns, c->si.status != NULL ?
			    c->si.status : "new", c->desk ? ", watching" : "");
	} else if (strcmp(cmd, "/new") == 0) {
		con_switch(c, NULL, 0);
		con_prompt(c);
		con_status(c, 0, "new session");
	} else if (strcmp(cmd, "/history") == 0)
		cmd_history(c);
	else if (strcmp(cmd, "/search") == 0)
		cmd_search(c, arg);
	else if (strcmp(cmd, "/feedback") == 0)
		cmd_feedback(c, arg);
	else if (strcmp(cmd, "/escalate") == 0 ||
	    strcmp(cmd, "/takeover") == 0 || strcmp(cmd, "/handback") == 0)
		cdesk_agent(c, cmd, arg);
	else if (strcmp(cmd, "/sessions") == 0)
		cdesk_sessions(c, arg);
	else if (strcmp(cmd, "/open") == 0) {
		if (*arg == '\0')
			con_note(c, "usage: /open SESSION (Tab completes; "
			    "/sessions lists them)");
		else
			con_cmd_open(c, arg, 1);
	} else if (strcmp(cmd, "/order") == 0)
		cdesk_order(c, arg);
	else if (strcmp(cmd, "/customer") == 0)
		cdesk_customer(c, arg);
	else if (strcmp(cmd, "/note") == 0)
		cdesk_note(c, arg);
	else if (strcmp(cmd, "/label") == 0)
		cdesk_label(c, arg);
	else if (strcmp(cmd, "/resolve") == 0)
		cdesk_resolve(c, arg);
	else if (strcmp(cmd, "/canned") == 0)
		cdesk_canned(c, arg);
	else if (strcmp(cmd, "/panes") == 0)
		cmd_panes(c, arg);
	else if (strcmp(cmd, "/verdicts") == 0)
		cmd_verdicts(c, arg);
	else if (strcmp(cmd, "/review") == 0)
		creview_cmd(c, arg);
	else if (strcmp(cmd, "/turn") == 0) {
		long n = strtol(arg, NULL, 10);

		if (n < 1 || n > c->nturns)
			con_note(c, "/turn: a number from 1 to %ld", c->nturns);
		else
			select_turn(c, n);
	} else {
		for (i = 0; commands[i] != NULL; i++)
			if (strncmp(commands[i], cmd, 3) == 0 ||
			    (strlen(cmd) > 1 &&
			    strncmp(commands[i], cmd, strlen(cmd)) == 0))
				best = (int)i;
		con_note(c, "Unknown command %s.%s%s%s  /help lists the commands.",
		    cmd, best >= 0 ? "  Did you mean " : "",
		    best >= 0 ? commands[best] : "", best >= 0 ? "?" : "");
	}
}

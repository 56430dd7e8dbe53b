/*
 * console-con_draw.c: drawing the console's screen.  Each redraw lays the
 * panes out for the terminal's size, builds the conversation as a
 * document (console-doc.c wraps it by display width) and writes every
 * pane, the status row and the input row into stdscr; ncurses then
 * sends only what changed.  Its own file because it only reads the
 * console's state: what to show is decided elsewhere (console.c, the
 * commands), how it looks is decided here.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <langinfo.h>

#include <curses.h>
#include <readline/readline.h>
#include <cjson/cJSON.h>
#include <utf8proc.h>

#include "shopdesk.h"
#include "console.h"
#include "console-doc.h"
#include "console-int.h"
#include "desk.h"
#include "engine.h"
#include "history.h"
#include "sbuf.h"
#include "text.h"

static size_t
cp_next(const char *s, size_t n, int *cp)
{
	utf8proc_int32_t c;
	utf8proc_ssize_t l;

	l = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &c);
	if (l <= 0) {
		*cp = -1;
		return 1;
	}
	*cp = c;
	return (size_t)l;
}

/*
 * Draw n bytes of s at (y, x) in at most maxw columns; returns the
 * columns used.  Outside a UTF-8 locale non-ASCII shows as '?'.
 */
static int
put_text(struct console *c, int y, int x, int maxw, int style, const char *s,
    size_t n)
{
	size_t	 i = 0, k, run = 0;
	int	 used = 0, cp, w;

	if (maxw <= 0)
		return 0;
	attrset(c->attr[style]);
	move(y, x);
	while (i + run < n) {
		k = cp_next(s + i + run, n - i - run, &cp);
		w = cp < 0 ? 1 : cdoc_cpwidth(cp);
		if (used + w > maxw)
			break;
		if (cp >= 0x20 && cp != 0x7f && (cp < 0x80 ||
		    (cdoc_unicode && (w > 0 || used > 0)))) {
			run += k;	/* drawable as it is */
			used += w;
			continue;
		}
		if (run > 0)
			addnstr(s + i, (int)run);
		i += run + k;
		run = 0;
		if (w == 0)
			continue;	/* a mark with nothing to sit on */
		addnstr("??", w > 2 ? 2 : w);
		used += w;
	}
	if (run > 0)
		addnstr(s + i, (int)run);
	return used;
}

static void
fill(struct console *c, int y, int x, int w, int style)
{
	attrset(c->attr[style]);
	if (w > 0)
		mvhline(y, x, ' ', w);
}

/* A row of a wrapped document, clipped to w columns. */
static void
draw_row(struct console *c, const struct cdoc *d, const struct crow *r,
    int y, int x, int w)
{
	const struct cline *l = &d->ln[r->line];
	size_t		 i, a, b;
	int		 col = r->x;

	for (i = 0; i < l->nsegs && col < w; i++) {
		const struct cseg *sg = &l->segs[i];

		a = sg->off > r->start ? sg->off : r->start;
		b = sg->off + sg->len < r->end ? sg->off + sg->len : r->end;
		if (a >= b)
			continue;
		col += put_text(c, y, x + col, w - col, sg->style,
		    l->text.buf + a, b - a);
	}
}

/* A pane's title row, with scroll marks. */
static void
draw_title(struct console *c, struct rect r, int focused, const char *title,
    int more_up, int more_down)
{
	int	 used, style = focused ? CS_SELECT : CS_TITLE;
	char	 marks[16];

	fill(c, r.y, r.x, r.w, style);
	used = put_text(c, r.y, r.x, r.w, style, " ", 1);
	used += put_text(c, r.y, r.x + used, r.w - used - 4, style, title,
	    strlen(title));
	snprintf(marks, sizeof marks, "%s%s", more_up ? "^" : " ",
	    more_down ? "v" : " ");
	if (r.w > 4)
		put_text(c, r.y, r.x + r.w - 3, 2, style, marks, 2);
}

/*
 * Draw a document in a pane below its title.  bottom: scroll counts rows
 * up from the end (the conversation); else rows down from the top.
 */
static void
draw_doc(struct console *c, struct rect r, const struct cdoc *d,
    const struct crow *rows, size_t nrows, int *scroll, int bottom,
    int focused, const char *title, long mark_tag, int gutter)
{
	int	 h = r.h - 1, y, first, maxs;
	size_t	 i;

	if (r.h <= 0 || r.w <= 0)
		return;
	maxs = (int)nrows > h ? (int)nrows - h : 0;
	if (*scroll > maxs)
		*scroll = maxs;
	if (*scroll < 0)
		*scroll = 0;
	first = bottom ? maxs - *scroll : *scroll;
	draw_title(c, r, focused, title, first > 0, first + h < (int)nrows);
	for (y = 0; y < h; y++) {
		fill(c, r.y + 1 + y, r.x, r.w, CS_TEXT);
		i = (size_t)(first + y);
		if (i >= nrows)
			continue;
		if (gutter && mark_tag >= 0 &&
		    d->ln[rows[i].line].tag == mark_tag)
			put_text(c, r.y + 1 + y, r.x, 1, CS_SELECT,
			    cdoc_unicode ? "\xe2\x96\x8c" : ">",
			    cdoc_unicode ? 3 : 1);
		draw_row(c, d, &rows[i], r.y + 1 + y, r.x + gutter,
		    r.w - gutter);
	}
}

/*
 * Add a message's text to the conversation: each of its lines under the
 * first, past the prefix; with marks, CDOC_MARK_ON ... CDOC_MARK_OFF
 * runs (verdicts) in their own style.
 */
static void
conv_text(struct cdoc *d, int tstyle, const char *text, int marks, long turn)
{
	const char	*p, *e;
	int		 style = tstyle;

	for (p = text; *p != '\0'; p = e) {
		for (e = p; *e != '\0' && *e != '\n' && (!marks ||
		    (*e != CDOC_MARK_ON && *e != CDOC_MARK_OFF)); e++)
			;
		cdoc_add(d, style, p, (size_t)(e - p));
		if (*e == CDOC_MARK_ON)
			style = CS_CHANGED;
		else if (*e == CDOC_MARK_OFF)
			style = tstyle;
		else if (*e == '\n') {
			cdoc_line(d, PREFIX_W + 2, turn);
			cdoc_addf(d, CS_TEXT, "%*s", PREFIX_W, "");
		} else
			break;
		e++;
	}
}

void
con_conv_build(struct console *c)
{
	struct cdoc	*d = &c->conv_doc;
	struct sbuf	 marked = SBUF_INIT;
	size_t		 i;
	char		 hm[6], lbl[8];
	int		 style, tstyle;
	const char	*role;

	cdoc_clear(d);
	if (c->nmsgs == 0) {
		cdoc_line(d, 0, -1);
		if (c->desk)
			cdoc_adds(d, CS_SYSTEM, "This session has no messages "
			    "yet.");
		else
			cdoc_adds(d, CS_SYSTEM, "Ask about products, orders, "
			    "returns or shipping.  /help lists the commands, "
			    "F1 the keys.");
	}
	for (i = 0; i < c->nmsgs; i++) {
		struct cmsg *m = &c->msgs[i];

		role = m->role;
		if (m->at != NULL && strlen(m->at) >= 16)
			snprintf(hm, sizeof hm, "%.5s", m->at + 11);
		else
			snprintf(hm, sizeof hm, "     ");
		if (strcmp(role, "user") == 0) {
			style = CS_USER;
			tstyle = CS_USER;
			snprintf(lbl, sizeof lbl, "you>");
		} else if (strcmp(role, "bot") == 0) {
			style = CS_BOT;
			tstyle = CS_TEXT;
			snprintf(lbl, sizeof lbl, "bot>");
		} else if (strcmp(role, "agent") == 0) {
			style = CS_AGENT;
			tstyle = CS_AGENT;
			snprintf(lbl, sizeof lbl, "agent>");
		} else if (strcmp(role, "desk-note") == 0) {
			style = CS_DIM;
			tstyle = CS_DIM;
			snprintf(lbl, sizeof lbl, "note>");
		} else if (strcmp(role, "desk-event") == 0) {
			style = CS_ERROR;
			tstyle = CS_SYSTEM;
			snprintf(lbl, sizeof lbl, "desk>");
		} else {
			style = CS_SYSTEM;
			tstyle = CS_SYSTEM;
			snprintf(lbl, sizeof lbl, "--");
		}
		cdoc_line(d, PREFIX_W, m->turn);
		if (strcmp(role, "user") == 0)
			cdoc_addf(d, CS_DIM, "#%-3ld", m->turn);
		else
			cdoc_adds(d, CS_DIM, "    ");
		cdoc_addf(d, CS_DIM, "%s ", hm);
		cdoc_addf(d, style, "%-7s", lbl);
		/* Only traces with claims or a generation are parsed. */
		if (c->verdicts && strcmp(role, "bot") == 0 &&
		    m->trace_text != NULL &&
		    strstr(m->trace_text, "\"llm\":") != NULL) {
			if (m->trace == NULL)
				m->trace = cJSON_Parse(m->trace_text);
			cdoc_verdicts(m->text, m->trace, &marked);
			conv_text(d, tstyle, marked.buf, 1, m->turn);
		} else if (strcmp(role, "bot") == 0 &&
		    m->trace_text != NULL &&
		    strstr(m->trace_text, "\"tables\":") != NULL) {
			/* Its tables laid out to fit beside the prefix. */
			if (m->trace == NULL)
				m->trace = cJSON_Parse(m->trace_text);
			cdoc_render_tables(m->text, m->trace,
			    c->r[PANE_CONV].w - 1 - PREFIX_W, &marked);
			conv_text(d, tstyle, marked.buf, 0, m->turn);
		} else
			conv_text(d, tstyle, m->text, 0, m->turn);
	}
	sbuf_release(&marked);
	c->conv_dirty = 0;
	c->conv_width = -1;
	c->conv_built_w = c->r[PANE_CONV].w;
}

/*
 * The side panes (customer panel, context, debug) right of the
 * conversation from 100 columns, stacked, their heights by weight; on
 * narrower terminals below it, side by side.
 */
static void
layout(struct console *c)
{
	static const int order[] = { PANE_CUST, PANE_CTX, PANE_DBG };
	static const int weight[PANE_N] = { 0, 2, 3, 5 };
	int	 H = LINES - 2, W = COLS, cw, chh, side[3], n = 0, wsum = 0;
	int	 i, y, acc = 0;

	memset(c->r, 0, sizeof c->r);
	if (H < 3)
		H = 3;
	for (i = 0; i < 3; i++)
		if (con_pane_shown(c, order[i])) {
			side[n++] = order[i];
			wsum += weight[order[i]];
		}
	c->tall = W < 100;
	if (n == 0) {
		c->r[PANE_CONV] = (struct rect){ 0, 0, H, W };
		return;
	}
	if (!c->tall) {
		cw = W * c->split / 100;
		if (cw < 30)
			cw = 30;
		if (cw > W - 30)
			cw = W - 30;
		c->r[PANE_CONV] = (struct rect){ 0, 0, H, cw };
		for (i = 0, y = 0; i < n; i++) {
			acc += weight[side[i]];
			c->r[side[i]] = (struct rect){ y, cw + 1, i == n - 1 ?
			    H - y : H * acc / wsum - y, W - cw - 1 };
			y += c->r[side[i]].h;
		}
		return;
	}
	chh = H * c->split / 100;
	if (chh < 4)
		chh = 4;
	if (chh > H - 4)
		chh = H - 4;
	c->r[PANE_CONV] = (struct rect){ 0, 0, chh, W };
	for (i = 0; i < n; i++)
		c->r[side[i]] = (struct rect){ chh, i * W / n, H - chh,
		    (i + 1) * W / n - i * W / n - (i < n - 1) };
}

static void
draw_side(struct console *c, int p)
{
	struct cdoc	 d = CDOC_INIT;
	struct rect	 r = c->r[p];
	size_t		 n;
	long		 t = con_selected_turn(c);
	cJSON		*tr = t > 0 ? con_turn_trace(c, t) : NULL;
	char		 title[64];

	if (p == PANE_CUST) {
		struct sbuf tt = SBUF_INIT;

		cdesk_panel_doc(c, &d, &tt);
		n = cdoc_wrap(&d, r.w - 1, &c->rows, &c->caprows);
		draw_doc(c, r, &d, c->rows, n, &c->scroll[p], 0,
		    c->focus == p, tt.buf, -1, 1);
		cdoc_clear(&d);
		sbuf_release(&tt);
		return;
	}
	if (p == PANE_CTX && c->ctx_search) {
		n = cdoc_wrap(&c->search_doc, r.w - 1, &c->rows, &c->caprows);
		draw_doc(c, r, &c->search_doc, c->rows, n, &c->scroll[p], 0,
		    c->focus == p, "Context: search (F5/F6 back to turns)",
		    -1, 1);
		return;
	}
	if (p == PANE_DBG)
		creview_card(c, &d, t);
	if (tr != NULL) {
		if (p == PANE_CTX)
			cdoc_context(&d, tr, t);
		else
			cdoc_debug(&d, tr, t);
	} else {
		cdoc_line(&d, 0, -1);
		if (t == 0)
			cdoc_adds(&d, CS_DIM, "No turn yet.");
		else
			cdoc_addf(&d, CS_DIM, "Turn #%ld has no trace: no bot "
			    "reply (an agent held the session, or the "
			    "reply is on its way).", t);
	}
	snprintf(title, sizeof title, "%s%s", p == PANE_CTX ? "Context" :
	    "Debug", c->sel > 0 ? " (selected turn)" : "");
	n = cdoc_wrap(&d, r.w - 1, &c->rows, &c->caprows);
	draw_doc(c, r, &d, c->rows, n, &c->scroll[p], 0, c->focus == p,
	    title, -1, 1);
	cdoc_clear(&d);
}

static void
draw_status(struct console *c)
{
	struct sbuf	 sb = SBUF_INIT;
	static const char *const hints[] = {
		" F1 help F2 ctx F3 dbg F4 sessions F5/F6 turn F10 quit ",
		" F1 help F4 sessions F10 quit ",
		" F1 help ",
	};
	const char	*db = c->ctx->db_path, *slash;
	size_t		 i;
	int		 y = LINES - 1, used, w;

	fill(c, y, 0, COLS, CS_STATUS);
	if (c->notice.len > 0) {
		put_text(c, y, 0, COLS, c->notice_err ? CS_ERROR : CS_STATUS,
		    c->notice.buf, c->notice.len);
		return;
	}
	if (COLS < 100 && (slash = strrchr(db, '/')) != NULL)
		db = slash + 1;
	sbuf_addf(&sb, " user %s | %s | db %s | %s",
	    c->user != NULL ? c->user : "-",
	    c->session != NULL ? c->session : "new session", db,
	    c->gen != NULL ? gen_mode_name(generator_mode(c->gen)) :
	    "template");
	/* What answered the last turn, when the mode leaves a choice. */
	if (c->pending && c->stream_idx == 0)
		sbuf_adds(&sb, ": answering...");
	else if (c->pending)
		sbuf_addf(&sb, ": generating with %s...", c->gen != NULL &&
		    generator_llm(c->gen) != NULL ?
		    llm_model(generator_llm(c->gen)) : "?");
	else if (c->generator != NULL && c->gen != NULL &&
	    generator_mode(c->gen) != GEN_TEMPLATE)
		sbuf_addf(&sb, ": %s%s%s", c->generator, c->model != NULL ?
		    " " : "", c->model != NULL ? c->model : "");
	if (c->verdicts)
		sbuf_adds(&sb, " +verdicts");
	if (c->last_us > 0 && !c->pending)
		sbuf_addf(&sb, " | %.1f ms", (double)c->last_us / 1000.0);
	if (c->si.status != NULL && strcmp(c->si.status, "active") != 0)
		sbuf_addf(&sb, " | %s", c->si.status);
	used = put_text(c, y, 0, COLS, CS_STATUS, sb.buf, sb.len);
	/* Key hints on the right, shortened to what fits. */
	for (i = 0; i < sizeof hints / sizeof hints[0]; i++) {
		w = (int)text_width(hints[i], strlen(hints[i]));
		if (w <= COLS - used - 1) {
			put_text(c, y, COLS - w, w, CS_STATUS, hints[i],
			    strlen(hints[i]));
			break;
		}
	}
	sbuf_release(&sb);
}

/* The input row: readline's prompt and line, scrolled to show the point. */
void
con_draw_input(struct console *c)
{
	const char	*prompt = rl_display_prompt != NULL ?
			    rl_display_prompt : con_prompt_text(c);
	const char	*line = rl_line_buffer != NULL ? rl_line_buffer : "";
	size_t		 len = (size_t)(rl_end > 0 ? rl_end : 0);
	size_t		 point = (size_t)(rl_point > 0 ? rl_point : 0);
	size_t		 start = 0, k;
	int		 y = LINES - 2, pw, avail, cur, cp;

	if (point > len)
		point = len;
	fill(c, y, 0, COLS, CS_TEXT);
	pw = put_text(c, y, 0, COLS / 2, con_held(c) ? CS_AGENT : CS_USER,
	    prompt, strlen(prompt));
	avail = COLS - pw - 1;
	/* Drop whole code points from the left until the point fits. */
	while ((int)text_width(line + start, point - start) > avail &&
	    start < point) {
		k = cp_next(line + start, point - start, &cp);
		start += k;
	}
	put_text(c, y, pw, avail, CS_TEXT, line + start, len - start);
	cur = pw + (int)text_width(line + start, point - start);
	attrset(A_NORMAL);
	move(y, cur < COLS ? cur : COLS - 1);
}

void
con_draw(struct console *c)
{
	struct rect	 r;
	char		 title[160];
	int		 y, p;
	const char	*st;

	erase();
	layout(c);
	r = c->r[PANE_CONV];
	if (c->review_view && !c->sessions_view) {
		struct cdoc d = CDOC_INIT;
		struct sbuf tt = SBUF_INIT;
		size_t n, i;

		creview_queue_doc(c, &d, &tt);
		n = cdoc_wrap(&d, r.w - 1, &c->rows, &c->caprows);
		for (i = 0; i < n; i++)	/* the selected turn in sight */
			if (d.ln[c->rows[i].line].tag == (long)c->rq_sel)
				break;
		if (i < n && (int)i >= c->scroll[PANE_CONV] + r.h - 3)
			c->scroll[PANE_CONV] = (int)i - r.h + 4;
		if (i < n && (int)i < c->scroll[PANE_CONV])
			c->scroll[PANE_CONV] = (int)i;
		draw_doc(c, r, &d, c->rows, n, &c->scroll[PANE_CONV], 0,
		    c->focus == PANE_CONV, tt.buf, -1, 1);
		cdoc_clear(&d);
		sbuf_release(&tt);
	} else if (c->sessions_view) {
		struct cdoc d = CDOC_INIT;
		size_t n, i, nrows;

		cdesk_queue_doc(c, &d);
		n = cdoc_wrap(&d, r.w - 1, &c->rows, &c->caprows);
		/* Keep the selected session in sight. */
		for (i = 0; i < n; i++)
			if (d.ln[c->rows[i].line].tag == (long)c->sess_sel)
				break;
		if (i < n && (int)i >= c->scroll[PANE_CONV] + r.h - 1)
			c->scroll[PANE_CONV] = (int)i - r.h + 2;
		if (i < n && (int)i < c->scroll[PANE_CONV])
			c->scroll[PANE_CONV] = (int)i;
		con_rows(c, &nrows);
		snprintf(title, sizeof title, "Sessions (%zu%s)", nrows,
		    c->qf.show != DESK_ALL || c->qf.text != NULL ?
		    ", filtered: /sessions all shows all" : "");
		draw_doc(c, r, &d, c->rows, n, &c->scroll[PANE_CONV], 0,
		    c->focus == PANE_CONV, title, -1, 1);
		cdoc_clear(&d);
	} else {
		if (c->conv_dirty || c->conv_built_w != r.w)
			con_conv_build(c);
		if (c->conv_width != r.w - 1) {
			c->nconv_rows = cdoc_wrap(&c->conv_doc, r.w - 1,
			    &c->conv_rows, &c->capconv);
			c->conv_width = r.w - 1;
		}
		st = c->si.status != NULL ? c->si.status : "new";
		if (con_held(c))
			st = "you hold it";
		snprintf(title, sizeof title, "%s %s | user %s | %ld turn%s"
		    " | %s%s%s", con_held(c) ? "Holding" : c->desk ?
		    "Watching" : "Session",
		    c->session != NULL ? c->session : "(new)",
		    c->si.user_id != NULL ? c->si.user_id :
		    (c->user != NULL ? c->user : "-"), c->nturns,
		    c->nturns == 1 ? "" : "s", st,
		    c->si.escalation_reason != NULL ? ": " : "",
		    c->si.escalation_reason != NULL ?
		    c->si.escalation_reason : "");
		draw_doc(c, r, &c->conv_doc, c->conv_rows, c->nconv_rows,
		    &c->scroll[PANE_CONV], 1, c->focus == PANE_CONV, title,
		    c->sel > 0 ? c->sel : -1, 1);
	}
	for (p = PANE_CTX; p < PANE_N; p++)
		if (c->r[p].w > 0)
			draw_side(c, p);
	/* Separators between side-by-side panes. */
	attrset(c->attr[CS_DIM]);
	for (p = PANE_CTX; p < PANE_N; p++) {
		if (c->r[p].w == 0 || (c->tall && c->r[p].x == 0))
			continue;
		for (y = c->tall ? c->r[p].y : 0; y < LINES - 2; y++)
			mvaddch(y, c->r[p].x - 1, cdoc_unicode ? ACS_VLINE :
			    '|');
		if (!c->tall)
			break;
	}
	draw_status(c);
	con_draw_input(c);
	refresh();
	c->dirty = 0;
}

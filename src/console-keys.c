/*
 * console-keys.c: what the keys do.  Curses delivers every key; the
 * ones that edit the input line are queued for readline, which reads
 * them through rl_getc_function (readline never touches the terminal).
 * Function keys, paging, the mouse wheel and the sessions view's
 * selection are handled here.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>
#include <readline/readline.h>

#include "shopdesk.h"
#include "console-int.h"
#include "desk.h"
#include "sbuf.h"

/* Keys waiting for readline. */
static unsigned char	 rl_queue[64];
static size_t		 rl_qhead, rl_qlen;

/* Readline glue. */

int
con_getc(FILE *fp)
{
	unsigned char	 ch;

	(void)fp;
	if (rl_qlen == 0)
		return EOF;
	ch = rl_queue[rl_qhead];
	rl_qhead = (rl_qhead + 1) % sizeof rl_queue;
	rl_qlen--;
	return ch;
}

int
con_input_available(void)
{
	return rl_qlen > 0;
}

void
con_redisplay(void)
{
	if (con_active == NULL)
		return;
	con_draw_input(con_active);
	refresh();
}

static void
keys_feed(const char *bytes, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (rl_qlen == sizeof rl_queue)
			break;
		rl_queue[(rl_qhead + rl_qlen) % sizeof rl_queue] =
		    (unsigned char)bytes[i];
		rl_qlen++;
	}
	while (rl_qlen > 0 && !con_active->quit) {
		rl_callback_read_char();
		/* A line handed back (refused, canned) starts the next. */
		if (con_active->prefill != NULL) {
			rl_insert_text(con_active->prefill);
			free(con_active->prefill);
			con_active->prefill = NULL;
			con_active->dirty = 1;
		}
	}
}

/* Keys. */

static void
scroll_pane(struct console *c, int p, int delta)
{
	/* delta > 0 moves towards older text (up). */
	if (p == PANE_CONV)
		c->scroll[p] += delta;
	else
		c->scroll[p] -= delta;
	if (c->scroll[p] < 0)
		c->scroll[p] = 0;
	c->dirty = 1;
}

static int
pane_at(struct console *c, int y, int x)
{
	int	 p;

	for (p = 0; p < PANE_N; p++) {
		const struct rect *r = &c->r[p];

		if (con_pane_shown(c, p) && y >= r->y &&
		    y < r->y + r->h && x >= r->x && x < r->x + r->w)
			return p;
	}
	return -1;
}

void
con_on_key(struct console *c, int ch)
{
	int	 empty = rl_end == 0, p, page;
	size_t	 nrows;
	MEVENT	 ev;

	if (ch != KEY_MOUSE && ch != KEY_RESIZE && c->notice.len > 0) {
		sbuf_reset(&c->notice);
		c->dirty = 1;
	}
	if (ch == KEY_RESIZE) {
		c->conv_width = -1;
		c->dirty = 1;
		return;
	}
	if (ch == KEY_MOUSE) {
		if (getmouse(&ev) == OK && (p = pane_at(c, ev.y, ev.x)) >= 0) {
			if (ev.bstate & BUTTON4_PRESSED)
				scroll_pane(c, p, 3);
#ifdef BUTTON5_PRESSED
			else if (ev.bstate & BUTTON5_PRESSED)
				scroll_pane(c, p, -3);
#endif
		}
		return;
	}
	if ((c->key_cup > 0 && ch == c->key_cup) ||
	    (c->key_aup > 0 && ch == c->key_aup))
		ch = KEY_F(5);
	if ((c->key_cdown > 0 && ch == c->key_cdown) ||
	    (c->key_adown > 0 && ch == c->key_adown))
		ch = KEY_F(6);
	page = c->r[c->focus].h > 3 ? c->r[c->focus].h - 2 : 1;
	c->dirty = 1;
	if (c->review_view && !c->sessions_view && empty &&
	    creview_key(c, ch))
		return;
	switch (ch) {
	case KEY_F(1):
		con_show_help(c);
		return;
	case KEY_F(2):
		c->show[PANE_CTX] = !c->show[PANE_CTX];
		return;
	case KEY_F(3):
		c->show[PANE_DBG] = !c->show[PANE_DBG];
		return;
	case KEY_F(4):
		c->sessions_view = !c->sessions_view;
		c->scroll[PANE_CONV] = 0;
		if (c->sessions_view)
			con_sessions_refresh(c);
		return;
	case KEY_F(5):
		if (c->nturns > 1)
			con_select_turn(c, c->sel == 0 ? c->nturns - 1 :
			    (c->sel > 1 ? c->sel - 1 : 1));
		return;
	case KEY_F(6):
		con_select_turn(c, c->sel == 0 ? 0 : c->sel + 1);
		return;
	case KEY_F(7):
		c->split = c->split > 25 ? c->split - 5 : 20;
		c->conv_width = -1;
		return;
	case KEY_F(8):
		c->split = c->split < 85 ? c->split + 5 : 90;
		c->conv_width = -1;
		return;
	case KEY_F(9):
		do
			c->focus = (c->focus + 1) % PANE_N;
		while (!con_pane_shown(c, c->focus));
		return;
	case KEY_F(10):
		c->quit = 1;
		return;
	case KEY_PPAGE:
		scroll_pane(c, c->focus, page);
		return;
	case KEY_NPAGE:
		scroll_pane(c, c->focus, -page);
		return;
	case KEY_UP:
	case KEY_DOWN:
		if (c->sessions_view && empty) {
			con_rows(c, &nrows);
			if (ch == KEY_UP && c->sess_sel > 0)
				c->sess_sel--;
			else if (ch == KEY_DOWN && c->sess_sel + 1 < nrows)
				c->sess_sel++;
			return;
		}
		keys_feed(ch == KEY_UP ? "\020" : "\016", 1);
		return;
	case KEY_LEFT:
		keys_feed("\002", 1);
		return;
	case KEY_RIGHT:
		keys_feed("\006", 1);
		return;
	case KEY_HOME:
		keys_feed("\001", 1);
		return;
	case KEY_END:
		keys_feed("\005", 1);
		return;
	case KEY_DC:
		keys_feed("\033[3~", 4);
		return;
	case KEY_BACKSPACE:
		keys_feed("\177", 1);
		return;
	case KEY_ENTER:
		ch = '\n';
		break;
	default:
		break;
	}
	if (c->sessions_view && empty && (ch == '\n' || ch == '\r') &&
	    con_rows(c, &nrows) != NULL && c->sess_sel < nrows) {
		char *id = xstrdup(con_rows(c, &nrows)[c->sess_sel].s.id);

		con_cmd_open(c, id, 1);
		free(id);
		return;
	}
	if (c->sessions_view && empty && ch == 27) {
		c->sessions_view = 0;
		return;
	}
	if (ch >= KEY_MIN || ch < 0 || ch > 0xff)
		return;			/* a key we have no use for */
	{
		char b = (char)ch;

		keys_feed(&b, 1);
	}
}


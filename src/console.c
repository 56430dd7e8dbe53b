/*
 * console.c owns the terminal console: the curses screen (conversation,
 * context and debug panes, input and status lines), GNU readline driven
 * through its callback interface, the slash commands, and the agent desk
 * that watches the database for other front ends' turns.
 *
 * Readline never touches the terminal: ncurses owns it and its signals.
 * Keys come from wgetch; the ones readline should see are fed to it byte
 * by byte through rl_getc_function, and rl_redisplay_function draws the
 * line into the input row.  The screen is redrawn whole into stdscr and
 * ncurses sends only what changed.
 *
 * The files of the console, one job each (console-int.h is what they
 * share):
 *   console.c          the terminal, signals, readline, the loop
 *   console-keys.c     what the keys do; readline's input queue
 *   console-session.c  the session on screen: messages, notes, switching
 *   console-draw.c     drawing the screen
 *   console-cmd.c      slash commands and Tab completion
 *   console-desk.c     the agent desk: claims and the agent's lines
 *   console-queue.c    the sessions view as an agent's queue
 *   console-review.c   the review mode
 *   console-doc.c      styled text, wrapped by display width
 *   console-trace.c    a turn's trace as styled text (context, debug)
 */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <langinfo.h>

#include <curses.h>
#include <term.h>
#include <readline/readline.h>
#include <readline/history.h>
#include <cjson/cJSON.h>
#include <utf8proc.h>

#include "shopdesk.h"
#include "catalog.h"
#include "console.h"
#include "console-doc.h"
#include "console-int.h"
#include "desk.h"
#include "engine.h"
#include "generate.h"
#include "history.h"
#include "llm.h"
#include "paths.h"
#include "sbuf.h"
#include "search.h"
#include "store.h"
#include "text.h"

#define POLL_MS		500	/* how often the database is checked */

struct console	*con_active;	/* readline callbacks have no argument */

/* Signals: handlers only set flags, or restore the terminal and die. */
static volatile sig_atomic_t sig_quit;
static volatile sig_atomic_t sig_winch;
static struct termios	 saved_tio;
static int		 have_tio;
static char		 restore_seq[256];
static size_t		 restore_len;

static long long
now_us(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void
on_quit_signal(int sig)
{
	sig_quit = sig;
}

/*
 * Our own SIGWINCH flag: ncurses reports KEY_RESIZE only from a getch
 * that waits, and ours never does (poll waits instead).
 */
static void
on_winch_signal(int sig)
{
	(void)sig;
	sig_winch = 1;
}

/* Async-signal-safe: termios back, curses' modes off, then the default. */
static void
on_crash_signal(int sig)
{
	ssize_t	 r;

	if (have_tio)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_tio);
	r = write(STDOUT_FILENO, restore_seq, restore_len);
	(void)r;
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
restore_add(const char *cap)
{
	char	*s = tigetstr((char *)cap);
	size_t	 n;

	if (s == NULL || s == (char *)-1)
		return;
	n = strlen(s);
	if (restore_len + n < sizeof restore_seq) {
		memcpy(restore_seq + restore_len, s, n);
		restore_len += n;
	}
}

static void
signals_install(void)
{
	struct sigaction sa;
	static const int crash[] = { SIGSEGV, SIGABRT, SIGBUS, SIGFPE,
	    SIGILL };
	size_t	 i;
	static const char mouse_off[] = "\033[?1000l\033[?1006l";

	/* What the crash handler writes, computed while it is safe to. */
	restore_len = 0;
	memcpy(restore_seq, mouse_off, sizeof mouse_off - 1);
	restore_len = sizeof mouse_off - 1;
	restore_add("sgr0");
	restore_add("cnorm");
	restore_add("rmkx");
	restore_add("rmcup");
	restore_seq[restore_len++] = '\r';
	restore_seq[restore_len++] = '\n';

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_quit_signal;	/* no SA_RESTART: poll wakes */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_winch_signal;
	sigaction(SIGWINCH, &sa, NULL);
	sa.sa_handler = on_crash_signal;
	sa.sa_flags = SA_RESETHAND | SA_NODEFER;
	for (i = 0; i < sizeof crash / sizeof crash[0]; i++)
		sigaction(crash[i], &sa, NULL);
}

static void
signals_restore(void)
{
	static const int sigs[] = { SIGINT, SIGTERM, SIGHUP, SIGWINCH, SIGSEGV,
	    SIGABRT, SIGBUS, SIGFPE, SIGILL };
	size_t	 i;

	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		signal(sigs[i], SIG_DFL);
}

/*
 * While the engine works: the customer's line at once, under it the
 * reply as the generator streams it.  Both go when the turn ends and the
 * stored messages are loaded in their place.
 */
static void
pending_begin(struct console *c, const char *text)
{
	struct cmsg	*m;

	c->pend_base = c->nmsgs;
	c->stream_idx = 0;
	sbuf_reset(&c->stream);
	m = con_msg_push(c);
	m->role = xstrdup("user");
	m->text = xstrdup(text);
	m->turn = ++c->nturns;
	c->sel = 0;
	c->ctx_search = 0;
	c->scroll[PANE_CONV] = 0;
	c->pending = 1;
	con_draw(c);
}

static void
pending_end(struct console *c)
{
	while (c->nmsgs > c->pend_base)
		con_cmsg_release(&c->msgs[--c->nmsgs]);
	c->nturns--;
	c->pending = 0;
	c->stream_idx = 0;
	sbuf_reset(&c->stream);
	c->conv_dirty = 1;
	c->dirty = 1;
}

/* The window changed size: tell curses and lay out again. */
static void
handle_winch(struct console *c)
{
	struct winsize	 ws;

	sig_winch = 0;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0)
		resizeterm(ws.ws_row, ws.ws_col);
	c->conv_width = -1;
	c->dirty = 1;
}

/*
 * The generator's checked sentences (gen_token_fn), in the main thread
 * during engine_turn: shown as they come.  Keys typed meanwhile wait in
 * the terminal; Ctrl-C cancels the generation (the template answers)
 * and then leaves.
 */
static int
on_token(void *arg, enum gen_event ev, const char *text, size_t len)
{
	struct console	*c = arg;
	struct cmsg	*m;

	if (!c->pending)
		return 0;
	if (ev == GEN_RESET)
		sbuf_reset(&c->stream);
	sbuf_add(&c->stream, text, len);
	if (c->stream_idx == 0) {
		m = con_msg_push(c);
		m->role = xstrdup("bot");
		m->turn = c->nturns;
		c->stream_idx = c->nmsgs - 1;
	}
	m = &c->msgs[c->stream_idx];
	free(m->text);
	m->text = xstrdup(c->stream.buf);
	c->conv_dirty = 1;
	if (sig_winch)
		handle_winch(c);
	con_draw(c);
	return sig_quit ? -1 : 0;
}

/* A customer's (or, holding the session, an agent's) line. */
static void
say(struct console *c, const char *text)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct turn	 tu;
	const cJSON	*g;
	long long	 t0;
	enum sd_rc	 rc;

	if (cdesk_say(c, text))
		return;
	t0 = now_us();
	pending_begin(c, text);
	rc = engine_turn(c->eng, ENGINE_CONSOLE, c->session, c->user, text,
	    strlen(text), &tu, &err);
	pending_end(c);
	if (rc != SD_OK) {
		con_fail(c, "the turn", &err);
		return;
	}
	c->last_us = now_us() - t0;
	g = cJSON_GetObjectItemCaseSensitive(tu.trace, "generator");
	if (cJSON_IsString(g)) {
		free(c->generator);
		c->generator = xstrdup(g->valuestring);
	}
	free(c->model);
	c->model = NULL;
	g = cJSON_GetObjectItemCaseSensitive(cJSON_GetObjectItemCaseSensitive(
	    tu.trace, "llm"), "model");
	if (cJSON_IsString(g) && c->generator != NULL &&
	    strcmp(c->generator, "llm") == 0)
		c->model = xstrdup(g->valuestring);
	if (c->session == NULL) {
		c->session = xstrdup(tu.session_id);
		c->desk = 0;
	}
	con_load_messages(c);
	con_refresh_session(c);
	if (tu.reply[0] == '\0')
		con_note(c, "An agent holds this session; they will answer here.");
	c->sel = 0;
	c->ctx_search = 0;
	c->scroll[PANE_CTX] = c->scroll[PANE_DBG] = 0;
	turn_release(&tu);
}

static void
on_line(char *line)
{
	struct console	*c = con_active;
	struct sbuf	 sb = SBUF_INIT;

	if (line == NULL) {		/* Ctrl-D on an empty line */
		c->quit = 1;
		return;
	}
	sbuf_adds(&sb, line);
	sbuf_trim(&sb);
	if (sb.len > 0)
		add_history(sb.buf);
	sbuf_reset(&c->notice);
	if (sb.len == 0)
		;
	else if (sb.buf[0] == '/' && sb.buf[1] != '/')
		con_cmd_line(c, sb.buf);
	else
		say(c, sb.buf[0] == '/' ? sb.buf + 1 : sb.buf);
	sbuf_release(&sb);
	free(line);
	con_prompt(c);
	c->dirty = 1;
}

/* Setup and the loop. */

static void
styles_init(struct console *c)
{
	const char	*nc = getenv("NO_COLOR");
	short		 bg = -1;
	int		 i;

	for (i = 0; i < CS_NSTYLES; i++)
		c->attr[i] = A_NORMAL;
	/* Monochrome: weight, underline and reverse only. */
	c->attr[CS_DIM] = A_DIM;
	c->attr[CS_BOLD] = A_BOLD;
	c->attr[CS_USER] = A_BOLD;
	c->attr[CS_AGENT] = A_BOLD | A_UNDERLINE;
	c->attr[CS_ERROR] = A_BOLD;
	c->attr[CS_TITLE] = A_REVERSE;
	c->attr[CS_BAR] = A_BOLD;
	c->attr[CS_ENTITY] = A_UNDERLINE | A_BOLD;
	c->attr[CS_CITED] = A_BOLD;
	c->attr[CS_CHANGED] = A_BOLD;
	c->attr[CS_SELECT] = A_REVERSE | A_BOLD;
	c->attr[CS_STATUS] = A_REVERSE;
	c->colour = (nc == NULL || *nc == '\0') && has_colors() &&
	    start_color() == OK;
	if (!c->colour)
		return;
	if (use_default_colors() != OK)
		bg = COLOR_BLACK;
	init_pair(1, COLOR_CYAN, bg);
	init_pair(2, COLOR_GREEN, bg);
	init_pair(3, COLOR_MAGENTA, bg);
	init_pair(4, COLOR_YELLOW, bg);
	init_pair(5, COLOR_RED, bg);
	init_pair(6, COLOR_WHITE, COLOR_BLUE);
	init_pair(7, COLOR_BLACK, COLOR_YELLOW);
	c->attr[CS_USER] = COLOR_PAIR(1) | A_BOLD;
	c->attr[CS_BOT] = COLOR_PAIR(2);
	c->attr[CS_AGENT] = COLOR_PAIR(3) | A_BOLD;
	c->attr[CS_SYSTEM] = COLOR_PAIR(4);
	c->attr[CS_ERROR] = COLOR_PAIR(5) | A_BOLD;
	c->attr[CS_TITLE] = COLOR_PAIR(6);
	c->attr[CS_BAR] = COLOR_PAIR(2);
	c->attr[CS_ENTITY] = COLOR_PAIR(7);
	c->attr[CS_CITED] = COLOR_PAIR(2) | A_BOLD;
	c->attr[CS_CHANGED] = COLOR_PAIR(4) | A_BOLD;
}

/* mkdir -p for the history file's directory; failure is not fatal. */
static void
mkdir_p(const char *path)
{
	char	*p = xstrdup(path), *s;

	for (s = p + 1; *s != '\0'; s++)
		if (*s == '/') {
			*s = '\0';
			mkdir(p, 0700);
			*s = '/';
		}
	mkdir(p, 0700);
	free(p);
}

static int
extended_key(const char *name)
{
	int	 k = key_defined(name);

	return k > 0 ? k : 0;
}

static void
readline_init(struct console *c)
{
	rl_readline_name = "shopdesk";
	rl_catch_signals = 0;
	rl_catch_sigwinch = 0;
	rl_change_environment = 0;
	rl_prep_term_function = NULL;
	rl_deprep_term_function = NULL;
	rl_getc_function = con_getc;
	rl_input_available_hook = con_input_available;
	rl_redisplay_function = con_redisplay;
	rl_callback_handler_install(con_prompt_text(c), on_line);
	/* After install: initialising readline reads inputrc. */
	rl_bind_key('\t', con_complete);
	rl_bind_key('\f', con_repaint);
}

static void
console_free(struct console *c)
{
	con_msgs_clear(c);
	free(c->msgs);
	cdesk_free(c);
	creview_free(c);
	session_info_release(&c->si);
	cdoc_clear(&c->conv_doc);
	cdoc_clear(&c->search_doc);
	free(c->rows);
	free(c->conv_rows);
	sbuf_release(&c->notice);
	free(c->user);
	free(c->agent);
	free(c->session);
	free(c->generator);
	free(c->model);
	free(c->hist_path);
	free(c->prefill);
	desk_panel_release(&c->panel);
	free(c->panel_focus);
	sbuf_release(&c->stream);
	if (c->eng != NULL)
		engine_close(c->eng);
	generator_free(c->gen);
}

/* --bench-draws: time o->bench_draws full redraws, then quit. */
static void
bench_draws(struct console *c, struct console_opts *o)
{
	long long	 t1;
	int		 i;

	t1 = now_us();
	for (i = 0; i < o->bench_draws; i++) {
		c->conv_dirty = 1;	/* rebuild and rewrap all */
		clearok(curscr, TRUE);	/* and send every cell */
		con_draw(c);
	}
	o->redraw_us = o->bench_draws > 0 ?
	    (double)(now_us() - t1) / o->bench_draws : 0;
	c->quit = 1;
}

/*
 * The loop: draw what changed, then wait for a key, a signal or the
 * next look at the store, whichever comes first.
 */
static void
main_loop(struct console *c)
{
	struct pollfd	 pfd;
	long long	 now;
	int		 ch, timeout;

	while (!c->quit && !sig_quit) {
		if (c->dirty)
			con_draw(c);
		engine_idle(c->eng);	/* the reply is on screen */
		now = now_us() / 1000;
		timeout = POLL_MS - (int)(now - c->last_poll_ms);
		if (timeout < 0)
			timeout = 0;
		pfd.fd = STDIN_FILENO;
		pfd.events = POLLIN;
		pfd.revents = 0;
		if (poll(&pfd, 1, timeout) < 0 && errno != EINTR)
			break;
		if (sig_winch) {
			handle_winch(c);
			con_on_key(c, KEY_RESIZE);
		}
		while (!c->quit && !sig_quit && (ch = getch()) != ERR)
			con_on_key(c, ch);
		if (pfd.revents & (POLLHUP | POLLERR | POLLNVAL))
			break;
		now = now_us() / 1000;
		if (now - c->last_poll_ms >= POLL_MS) {
			con_poll_db(c);
			c->last_poll_ms = now;
		}
	}
}

enum sd_rc
console_run(struct sd_ctx *ctx, struct console_opts *o, struct sd_error *err)
{
	struct console	 c;
	struct gen_config gc;
	struct session_info si;
	struct sd_error	 e2 = SD_ERROR_INIT;
	SCREEN		*scr = NULL;
	FILE		*devnull = NULL;
	long long	 t0 = now_us();
	char		*dir;
	const char	*name;

	memset(&c, 0, sizeof c);
	c.ctx = ctx;
	c.st = ctx->st;
	c.opts = o;
	c.split = 55;
	c.show[PANE_CONV] = c.show[PANE_CTX] = c.show[PANE_DBG] = 1;
	c.show[PANE_CUST] = 1;	/* shown once it has a customer */
	c.data_version = -1;
	sbuf_init(&c.notice);
	sbuf_init(&c.stream);
	name = o->agent != NULL ? o->agent : getenv("USER");
	c.agent = xstrdup(name != NULL && *name != '\0' ? name : "agent");
	c.user = o->user != NULL ? xstrdup(o->user) : NULL;
	if (o->session != NULL) {
		memset(&si, 0, sizeof si);
		if (history_session_get(c.st, o->session, &si, &e2) == SD_OK &&
		    c.user == NULL && si.user_id != NULL)
			c.user = xstrdup(si.user_id);
		sd_error_clear(&e2);
		session_info_release(&si);
	}
	/*
	 * The generator before curses, so a bad setting is a plain error.
	 * Its own inline marks stay off: the console draws the verdicts
	 * from the trace (switchable, and for earlier turns too), and the
	 * stored reply is what the customer saw.
	 */
	if (gen_config_load(&gc, ctx, err) != SD_OK) {
		gen_config_release(&gc);
		console_free(&c);
		return err->rc;
	}
	c.verdicts = gc.show_verdicts;
	gc.show_verdicts = 0;
	c.gen = generator_open(ctx->st, &gc, err);
	gen_config_release(&gc);
	if (c.gen == NULL) {
		console_free(&c);
		return err->rc;
	}
	con_switch(&c, o->session, 0);
	c.sessions_view = o->desk;
	if (c.sessions_view)
		con_sessions_refresh(&c);
	con_poll_db(&c);
	c.last_poll_ms = now_us() / 1000;

	dir = paths_data_dir();
	mkdir_p(dir);
	c.hist_path = paths_join(dir, "console_history");
	free(dir);
	using_history();
	stifle_history(1000);
	read_history(c.hist_path);

	have_tio = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
	cdoc_unicode = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	if ((scr = newterm(NULL, stdout, stdin)) == NULL) {
		sd_fail(err, SD_ERR_IO, "cannot start curses on this terminal "
		    "(TERM=%s)", getenv("TERM") != NULL ? getenv("TERM") :
		    "unset");
		console_free(&c);
		return SD_ERR_IO;
	}
	set_term(scr);
	signals_install();
	cbreak();
	noecho();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	set_escdelay(25);
	styles_init(&c);
	if (o->mouse) {
		mousemask(BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
		    | BUTTON5_PRESSED
#endif
		    , NULL);
		mouseinterval(0);
	}
	c.key_cup = extended_key("kUP5");
	c.key_cdown = extended_key("kDN5");
	c.key_aup = extended_key("kUP3");
	c.key_adown = extended_key("kDN3");
	if ((devnull = fopen("/dev/null", "w")) != NULL)
		rl_outstream = devnull;
	con_active = &c;
	readline_init(&c);
	con_draw(&c);
	o->first_prompt_ms = (double)(now_us() - t0) / 1000.0;
	/*
	 * The engine (model, gazetteer over the whole catalog) loads after
	 * the first frame: keys typed meanwhile wait in the terminal.
	 */
	if ((c.eng = engine_open(ctx->st, ctx->share_dir, err)) == NULL)
		c.quit = 1;
	else {
		engine_set_generator(c.eng, c.gen, on_token, &c);
		engine_checkpoint_after_turns(c.eng);
	}
	o->engine_ready_ms = (double)(now_us() - t0) / 1000.0;

	if (o->bench_draws >= 0)
		bench_draws(&c, o);
	main_loop(&c);

	rl_callback_handler_remove();
	con_active = NULL;
	/* Without an alternate screen, leave a blank one, not the panes. */
	if (tigetstr((char *)"rmcup") == NULL ||
	    tigetstr((char *)"rmcup") == (char *)-1) {
		erase();
		refresh();
	}
	endwin();
	delscreen(scr);
	signals_restore();
	if (devnull != NULL) {
		rl_outstream = stdout;
		fclose(devnull);
	}
	if (write_history(c.hist_path) == 0)
		history_truncate_file(c.hist_path, 1000);
	console_free(&c);
	if (err != NULL && err->rc != SD_OK)
		return err->rc;
	return SD_OK;
}

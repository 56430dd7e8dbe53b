/*
 * console.h: the terminal console (ncursesw + GNU readline): the
 * conversation, the retrieved context and the debug data of each turn,
 * slash commands, and the agent desk (watching, taking over and handing
 * back other sessions).  cmd-console.c parses options and decides whether
 * a terminal is there at all.
 */
#ifndef CONSOLE_H
#define CONSOLE_H

#include "shopdesk.h"

struct console_opts {
	const char	*user;		/* customer id, or NULL (anonymous) */
	const char	*session;	/* session to resume, or NULL (new) */
	const char	*agent;		/* name stored on taken-over lines */
	int		 desk;		/* start on the sessions view */
	int		 mouse;		/* wheel scrolling (mouse reporting) */
	/*
	 * >= 0: benchmark mode: after the first prompt redraw the whole
	 * screen that many times and leave.  The figures come back below.
	 */
	int		 bench_draws;
	double		 first_prompt_ms;	/* console_run start to prompt */
	double		 engine_ready_ms;	/* ... to the engine loaded */
	double		 redraw_us;		/* mean cost of a full redraw */
};

/*
 * Run the console on ctx->st until /quit, Ctrl-D, Ctrl-C or a terminating
 * signal.  Needs a terminal on stdin and stdout.  The terminal is restored
 * on every path out, and by a crash signal's handler before it re-raises.
 */
enum sd_rc	 console_run(struct sd_ctx *, struct console_opts *,
		    struct sd_error *);

#endif

/*
 * serve-triggers.h: "shopdesk serve --triggers SECONDS" runs the
 * proactive messages of trigger.c on a schedule, on a thread and a
 * database connection of its own.  The triggers file is read anew each
 * time, so the shop's edits apply without a restart.
 */
#ifndef SERVE_TRIGGERS_H
#define SERVE_TRIGGERS_H

#include "shopdesk.h"

struct serve_triggers;

/*
 * Every every_s seconds (the first time after every_s), run the triggers
 * of file against db_path; a line on stderr says what was sent or what
 * failed.  NULL with err set when the file or the store cannot be read
 * now.
 */
struct serve_triggers *serve_triggers_start(const char *db_path,
		    const char *file, double every_s, struct sd_error *);
/* Run now (a product came back in stock); NULL does nothing. */
void		 serve_triggers_poke(struct serve_triggers *);
void		 serve_triggers_stop(struct serve_triggers *);

#endif

/*
 * serve-events.h: GET /api/chat/events/ID, a session's new messages as
 * server-sent events while the client listens: an agent's lines reach a
 * chat widget as they are written, whichever process stored them (the
 * desk runs in another).  One thread watches the history for every
 * open stream; each stream's connection is suspended while it has
 * nothing to send.
 */
#ifndef SERVE_EVENTS_H
#define SERVE_EVENTS_H

#include <microhttpd.h>

#include "shopdesk.h"

struct serve_events;

/* Start the watcher on its own connection to db_path.  NULL, err set. */
struct serve_events *serve_events_start(const char *db_path,
		    struct sd_error *);
/*
 * A response streaming session sid's messages from the after-th on
 * (user, bot and agent lines: "event: message", data {id, seq, role,
 * text, created_at}), with a comment line every 15 s to keep proxies
 * from closing it, ending after max_s seconds (clients reconnect).
 * *bytes, when not NULL, counts what is sent until the response ends.
 * NULL when libmicrohttpd cannot make one.
 */
struct MHD_Response *serve_events_open(struct serve_events *,
		    struct MHD_Connection *, const char *sid, long long after,
		    double max_s, size_t *bytes);
/* End every open stream now (before stopping libmicrohttpd: no
 * connection may stay suspended). */
void		 serve_events_cancel_all(struct serve_events *);
/* Stop the watcher and free; after serve_events_cancel_all and the
 * daemon's stop. */
void		 serve_events_stop(struct serve_events *);

#endif

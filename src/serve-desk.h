/*
 * serve-desk.h: the agent desk over the HTTP API (POST /api/desk/ACTION
 * with a key that has the agent role): take over, hand back, an agent's
 * message, a private note, a label, resolve.  Plain functions over the
 * store and cJSON; serve.c routes the requests and answers.
 */
#ifndef SERVE_DESK_H
#define SERVE_DESK_H

#include <cjson/cJSON.h>

#include "sbuf.h"

struct store;

/* The answer to one desk request. */
struct serve_desk_reply {
	unsigned	 status;	/* HTTP status */
	const char	*field;		/* the request field at fault, or NULL */
	cJSON		*body;		/* the answer when status < 400 */
	struct sbuf	 error;		/* the message when status >= 400 */
};

/* 1 when action (the path after /api/desk/) is one of the desk's. */
int		 serve_desk_known(const char *action);
/*
 * Run action for agent with the request's body.  The reply is filled
 * in every case; release it with serve_desk_reply_release.
 */
void		 serve_desk(struct store *, const char *action,
		    const char *agent, const cJSON *body,
		    struct serve_desk_reply *);
void		 serve_desk_reply_release(struct serve_desk_reply *);

#endif

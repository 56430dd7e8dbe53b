/*
 * export.h: stored conversations out as training data, with personal
 * data masked (mask.h): the "Training Data Structure" of the spec, NLU
 * examples, and chat fine-tuning records.
 */
#ifndef EXPORT_H
#define EXPORT_H

#include <stdio.h>

#include "shopdesk.h"

struct store;

enum export_format {
	EXPORT_CONVERSATIONS,	/* {"conversations": [{id, turns, metadata}]} */
	EXPORT_NLU,		/* JSONL {"text", "intent", "confidence"} */
	EXPORT_CHAT,		/* JSONL {"messages": [system, user, ...]} */
};

/* "conversations", "nlu", "chat" to a format; -1 for another name. */
int		 export_format_parse(const char *);

struct export_opts {
	enum export_format format;
	const char	*from;		/* timestamps (analytics_parse_bound), */
	const char	*to;		/* or NULL */
	int		 only_resolved;	/* conversations resolved only */
};

/*
 * Write the conversations with a message in the range to fp, oldest
 * first, their lines in the range only.  *count gets how many records
 * (conversations, examples or replies) were written.
 */
enum sd_rc	 export_write(struct store *, const struct export_opts *,
		    FILE *fp, long long *count, struct sd_error *);

#endif

/*
 * analytics.h: how the agent does, computed from the stored conversations
 * and feedback: conversations, turns, resolution, fallback and escalation
 * rates, satisfaction, intents, failing utterances, latency and a daily
 * series.  The HTTP API and "shopdesk stats" show the same object.
 */
#ifndef ANALYTICS_H
#define ANALYTICS_H

#include <cjson/cJSON.h>

#include "shopdesk.h"

struct store;

/*
 * A bound of the time range from text: "YYYY-MM-DD" (the whole day: its
 * start for a lower bound, its end when end is set) or
 * "YYYY-MM-DDTHH:MM:SSZ".  *out gets the timestamp (caller frees).
 * SD_ERR_INVALID with a message naming the text otherwise.
 */
enum sd_rc	 analytics_parse_bound(const char *text, int end, char **out,
		    struct sd_error *);

/*
 * The analytics of the messages stored between from and to (timestamps
 * from analytics_parse_bound, both inclusive; NULL: unbounded), in the
 * sessions opened with API key key_id, or in every session when key_id
 * is 0 (an admin key, no auth, the command line).  *out is a new cJSON
 * object the caller deletes; the keys are documented in shopdesk(1)
 * under HTTP API.
 */
enum sd_rc	 analytics_compute(struct store *, const char *from,
		    const char *to, long long key_id, cJSON **out,
		    struct sd_error *);

/*
 * Record a rating (1..5) of reply message_id with an optional comment,
 * as seen by key_id (0: no auth, see apikey_session_check).
 * SD_ERR_NOTFOUND when there is no such message or the key may not see
 * its session; SD_ERR_INVALID when it is not a reply (the customer's own
 * line) or the rating is out of range.  *feedback_id gets the new row.
 */
enum sd_rc	 analytics_feedback(struct store *, long long message_id,
		    int rating, const char *comment, long long key_id,
		    long long *feedback_id, struct sd_error *);

#endif

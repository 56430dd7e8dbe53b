/*
 * serve-desk.c: the agent desk's actions for the HTTP API, so that
 * other front ends (a web inbox) do what the console's desk does with
 * the same rules: desk.c decides, this file checks the request and says
 * the outcome as an HTTP status and JSON.
 *
 * A refused claim is 409 with the holder's name, as the console says
 * it; an unknown session 404; a bad field 400 naming it.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "desk.h"
#include "serve-check.h"
#include "serve-desk.h"

#define DESK_TEXT_MAX	4096	/* bytes of an agent's line or note */

static const char *const actions[] = {
	"takeover", "handback", "message", "note", "label", "resolve", NULL
};

int
serve_desk_known(const char *action)
{
	size_t	 i;

	for (i = 0; actions[i] != NULL; i++)
		if (strcmp(actions[i], action) == 0)
			return 1;
	return 0;
}

static void
fail(struct serve_desk_reply *dr, unsigned status, const char *field,
    const char *fmt, ...) __attribute__((format(printf, 4, 5)));
static void
fail(struct serve_desk_reply *dr, unsigned status, const char *field,
    const char *fmt, ...)
{
	va_list	 ap;

	dr->status = status;
	dr->field = field;
	sbuf_reset(&dr->error);
	va_start(ap, fmt);
	sbuf_vaddf(&dr->error, fmt, ap);
	va_end(ap);
}

/* A desk.c failure as the HTTP status that says it. */
static void
fail_rc(struct serve_desk_reply *dr, struct sd_error *err)
{
	switch (err->rc) {
	case SD_ERR_NOTFOUND:
		fail(dr, 404, "session_id", "%s", sd_error_msg(err));
		break;
	case SD_ERR_CONFLICT:
		fail(dr, 409, "session_id", "%s", sd_error_msg(err));
		break;
	case SD_ERR_INVALID:
		fail(dr, 400, NULL, "%s", sd_error_msg(err));
		break;
	case SD_ERR_BUSY:
		fail(dr, 503, NULL, "%s", sd_error_msg(err));
		break;
	default:
		fail(dr, 500, NULL, "%s", sd_error_msg(err));
		break;
	}
	sd_error_clear(err);
}

/*
 * A string field: its value (NULL when absent and optional), or NULL
 * with the reply failed (*bad set).
 */
static const char *
field(const cJSON *o, const char *name, int required, int multiline,
    struct serve_desk_reply *dr, int *bad)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, name);
	size_t		 at, n;

	if (v == NULL || cJSON_IsNull(v)) {
		if (required) {
			fail(dr, 400, name, "%s: missing", name);
			*bad = 1;
		}
		return NULL;
	}
	if (!cJSON_IsString(v)) {
		fail(dr, 400, name, "%s: must be a string", name);
		*bad = 1;
		return NULL;
	}
	n = strlen(v->valuestring);
	if (n > DESK_TEXT_MAX) {
		fail(dr, 413, name, "%s: longer than %d bytes", name,
		    DESK_TEXT_MAX);
		*bad = 1;
		return NULL;
	}
	if ((required && n == 0) || !serve_text_ok(v->valuestring, n,
	    multiline, &at)) {
		fail(dr, 400, name, "%s: %s", name, n == 0 ? "empty" :
		    "invalid UTF-8 or a control character");
		*bad = 1;
		return NULL;
	}
	return v->valuestring;
}

static int
flag(const cJSON *o, const char *name, struct serve_desk_reply *dr,
    int *bad)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, name);

	if (v == NULL)
		return 0;
	if (!cJSON_IsBool(v)) {
		fail(dr, 400, name, "%s: must be true or false", name);
		*bad = 1;
		return 0;
	}
	return cJSON_IsTrue(v);
}

static void
labels_json(struct store *st, const char *sid, cJSON *o)
{
	cJSON	*a = cJSON_AddArrayToObject(o, "labels");
	char	*all = desk_labels(st, sid), *p, *q;

	for (p = all; *p != '\0'; p = q) {
		if ((q = strstr(p, ", ")) != NULL)
			*q = '\0';
		cJSON_AddItemToArray(a, cJSON_CreateString(p));
		q = q != NULL ? q + 2 : p + strlen(p);
	}
	free(all);
}

void
serve_desk(struct store *st, const char *action, const char *agent,
    const cJSON *o, struct serve_desk_reply *dr)
{
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*sid, *text = NULL, *label = NULL;
	char		*was = NULL;
	long long	 id = 0;
	int		 bad = 0, force = 0, remove = 0;
	enum sd_rc	 rc;

	memset(dr, 0, sizeof *dr);
	sbuf_init(&dr->error);
	sid = field(o, "session_id", 1, 0, dr, &bad);
	if (!bad && (strcmp(action, "message") == 0 ||
	    strcmp(action, "note") == 0))
		text = field(o, "text", 1, 1, dr, &bad);
	else if (!bad && strcmp(action, "resolve") == 0)
		text = field(o, "note", 0, 1, dr, &bad);
	else if (!bad && strcmp(action, "label") == 0) {
		label = field(o, "label", 1, 0, dr, &bad);
		remove = flag(o, "remove", dr, &bad);
	} else if (!bad && strcmp(action, "takeover") == 0)
		force = flag(o, "force", dr, &bad);
	if (bad)
		return;
	if (strcmp(action, "takeover") == 0)
		rc = desk_takeover(st, sid, agent, force, &was, &err);
	else if (strcmp(action, "handback") == 0)
		rc = desk_handback(st, sid, agent, &err);
	else if (strcmp(action, "message") == 0)
		rc = desk_say(st, sid, agent, text, &id, &err);
	else if (strcmp(action, "note") == 0)
		rc = desk_note_add(st, sid, agent, text, &err);
	else if (strcmp(action, "label") == 0)
		rc = desk_label(st, sid, label, !remove, NULL, &err);
	else if (strcmp(action, "resolve") == 0)
		rc = desk_resolve(st, sid, agent, text, &err);
	else {
		fail(dr, 404, NULL, "no desk action \"%s\"", action);
		return;
	}
	if (rc != SD_OK) {
		fail_rc(dr, &err);
		if (label != NULL && dr->status == 400)
			dr->field = "label";
		free(was);
		return;
	}
	dr->status = strcmp(action, "message") == 0 ||
	    strcmp(action, "note") == 0 ? 201 : 200;
	dr->body = cJSON_CreateObject();
	cJSON_AddStringToObject(dr->body, "session_id", sid);
	cJSON_AddStringToObject(dr->body, "agent", agent);
	if (strcmp(action, "takeover") == 0) {
		if (was != NULL)
			cJSON_AddStringToObject(dr->body, "taken_from", was);
		else
			cJSON_AddNullToObject(dr->body, "taken_from");
	} else if (strcmp(action, "message") == 0)
		cJSON_AddNumberToObject(dr->body, "message_id", (double)id);
	else if (strcmp(action, "label") == 0)
		labels_json(st, sid, dr->body);
	/* The session's status after a change of claim. */
	if (strcmp(action, "takeover") == 0 || strcmp(action, "handback") == 0 ||
	    strcmp(action, "resolve") == 0)
		cJSON_AddStringToObject(dr->body, "status",
		    action[0] == 't' ? "agent" : action[0] == 'h' ? "active" :
		    "closed");
	free(was);
}

void
serve_desk_reply_release(struct serve_desk_reply *dr)
{
	cJSON_Delete(dr->body);
	sbuf_release(&dr->error);
	memset(dr, 0, sizeof *dr);
}

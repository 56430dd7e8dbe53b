/*
 * fuzz-request.c: the HTTP API's request body parser on any bytes, as
 * POST /api/chat/message and /api/chat/feedback read a client's body:
 * the strict JSON object parse, then the checks of its text fields and
 * the bounded echo of them in error messages.
 */
#include "config.h"

#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "serve-check.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const fields[] = { "session_id", "user_id",
	    "message", "comment", "message_id", NULL };
	struct sbuf	 body = SBUF_INIT, why = SBUF_INIT, echo = SBUF_INIT;
	cJSON		*o, *v;
	size_t		 at, i;

	sbuf_add(&body, (const char *)data, size);
	if ((o = serve_json_object(body.buf, body.len, &why)) != NULL) {
		for (i = 0; fields[i] != NULL; i++) {
			v = cJSON_GetObjectItemCaseSensitive(o, fields[i]);
			if (!cJSON_IsString(v) || v->valuestring == NULL)
				continue;
			serve_text_ok(v->valuestring, strlen(v->valuestring),
			    i == 2, &at);
			sbuf_reset(&echo);
			serve_echo(&echo, v->valuestring);
		}
		cJSON_Delete(o);
	}
	sbuf_release(&body);
	sbuf_release(&why);
	sbuf_release(&echo);
	return 0;
}

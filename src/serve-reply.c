/*
 * serve-reply.c: the server's answers and its reading of requests.
 * Every response goes out through serve_respond, which sets the headers
 * all answers carry (Content-Type, nosniff, a widget's origin,
 * Connection: close while draining) and records the status and size for
 * the access log; errors are JSON too.  The fields of a request (JSON
 * body, strings, query arguments, session ids) are read here, so each
 * check, and the 400 that names the field at fault, is written once for
 * every endpoint.
 */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <microhttpd.h>

#include "shopdesk.h"
#include "apikey.h"
#include "sbuf.h"
#include "serve-check.h"
#include "serve-int.h"
#include "text.h"

#define SESSION_ID_MAX	64	/* longest session id accepted */

/* Responses */

/*
 * Headers of every answer: no content sniffing, and for a widget's
 * request its page's origin, so the browser lets the page read it.
 */
void
serve_common_headers(struct MHD_Response *resp, const struct req *r)
{
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	if (r->site.origin != NULL) {
		MHD_add_response_header(resp,
		    MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN,
		    r->site.origin);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Origin");
	}
}

enum MHD_Result
serve_respond(struct serve *sv, struct MHD_Connection *c, struct req *r,
    unsigned status, const char *ctype, char *body, size_t len,
    const char *hname, const char *hvalue)
{
	struct MHD_Response *resp;
	enum MHD_Result	 ret;

	resp = MHD_create_response_from_buffer(len, body,
	    MHD_RESPMEM_MUST_FREE);
	if (resp == NULL) {
		free(body);
		return MHD_NO;
	}
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, ctype);
	if (hname != NULL)
		MHD_add_response_header(resp, hname, hvalue);
	serve_common_headers(resp, r);
	if (r->close || atomic_load(&sv->draining))
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CONNECTION,
		    "close");
	r->status = status;
	r->bytes = len;
	ret = MHD_queue_response(c, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

enum MHD_Result
serve_respond_json(struct serve *sv, struct MHD_Connection *c, struct req *r,
    unsigned status, const cJSON *o)
{
	char	*s = cJSON_PrintUnformatted(o);
	size_t	 n = strlen(s);

	/* A newline, for people reading curl's output. */
	s = xrealloc(s, n + 2);
	s[n] = '\n';
	s[n + 1] = '\0';
	return serve_respond(sv, c, r, status, "application/json", s, n + 1,
	    NULL, NULL);
}

/*
 * An error as JSON: {"error": message, "field": field, "status": code};
 * field names the request field at fault, or is left out.
 */
enum MHD_Result
serve_respond_err(struct serve *sv, struct MHD_Connection *c, struct req *r,
    unsigned status, const char *field, const char *hname,
    const char *hvalue, const char *fmt, ...)
{
	struct sbuf	 sb = SBUF_INIT, msg = SBUF_INIT;
	va_list		 ap;
	size_t		 n;

	va_start(ap, fmt);
	sbuf_vaddf(&msg, fmt, ap);
	va_end(ap);
	sbuf_adds(&sb, "{\"error\":");
	sbuf_add_json_str(&sb, msg.buf, msg.len);
	if (field != NULL) {
		sbuf_adds(&sb, ",\"field\":");
		sbuf_add_json_str(&sb, field, strlen(field));
	}
	sbuf_addf(&sb, ",\"status\":%u}\n", status);
	sbuf_release(&msg);
	n = sb.len;
	return serve_respond(sv, c, r, status, "application/json",
	    sbuf_detach(&sb, NULL), n, hname, hvalue);
}

/*
 * A failure of the store or the engine, what (may be "") naming the
 * step.  A database that another process keeps locked past the busy
 * handler's five seconds (a long ingest, a second server) answers 503
 * with Retry-After: the request was fine and will succeed later.
 * Anything else is a 500.
 */
enum MHD_Result
serve_respond_fail(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const struct sd_error *err, const char *what)
{
	/* err->rc, not the code returned: a caller may return SD_ERR_DB. */
	if (err->rc == SD_ERR_BUSY) {
		atomic_fetch_add(&sv->busy, 1);
		return serve_respond_err(sv, c, r, 503, NULL,
		    MHD_HTTP_HEADER_RETRY_AFTER, "2", "%s%s", what,
		    sd_error_msg(err));
	}
	return ERR(500, NULL, "%s%s", what, sd_error_msg(err));
}

/* Request fields */

/* The body as a JSON object (serve_json_object); NULL after a 400. */
cJSON *
serve_parse_body(struct serve *sv, struct MHD_Connection *c, struct req *r,
    enum MHD_Result *ret)
{
	struct sbuf	 why = SBUF_INIT;
	cJSON		*o;

	if ((o = serve_json_object(r->body.buf, r->body.len, &why)) == NULL)
		*ret = ERR(400, NULL, "%s", why.buf);
	sbuf_release(&why);
	return o;
}

/*
 * A string field: 0 with *out set (NULL when absent and optional), or -1
 * after answering.  Text must be valid UTF-8 without control characters
 * (but line breaks and tabs when multiline) and at most max bytes
 * (status too_long past it).
 */
int
serve_get_string(struct serve *sv, struct MHD_Connection *c, struct req *r,
    cJSON *o, const char *name, int required, int multiline, size_t max,
    unsigned too_long, const char **out, enum MHD_Result *ret)
{
	cJSON		*v = cJSON_GetObjectItemCaseSensitive(o, name);
	size_t		 n, bad;

	*out = NULL;
	if (v == NULL || (!required && cJSON_IsNull(v))) {
		if (!required)
			return 0;
		*ret = ERR(400, name, "%s: missing", name);
		return -1;
	}
	if (!cJSON_IsString(v) || v->valuestring == NULL) {
		*ret = ERR(400, name, "%s: must be a string", name);
		return -1;
	}
	n = strlen(v->valuestring);
	if (n > max) {
		*ret = ERR(too_long, name, "%s: %zu bytes, longer than the "
		    "limit of %zu", name, n, max);
		return -1;
	}
	if (!serve_text_ok(v->valuestring, n, multiline, &bad)) {
		*ret = ERR(400, name, "%s: invalid UTF-8 or a control "
		    "character at byte %zu", name, bad);
		return -1;
	}
	*out = v->valuestring;
	return 0;
}

int
serve_blank(const char *s)
{
	for (; *s != '\0'; s++)
		if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
			return 0;
	return 1;
}

/* Session ids the server makes and the engine accepts. */
int
serve_session_id_ok(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++, n++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
		    *s == '.'))
			return 0;
	return n > 0 && n <= SESSION_ID_MAX;
}

/* A new session id: "a" and 24 hex digits, random so none can be guessed. */
char *
serve_new_session_id(struct sd_error *err)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char	 rnd[12];
	char		*id;
	size_t		 i;

	if (apikey_random(rnd, sizeof rnd, err) != SD_OK)
		return NULL;
	id = xmalloc(2 * sizeof rnd + 2);
	id[0] = 'a';
	for (i = 0; i < sizeof rnd; i++) {
		id[1 + 2 * i] = hex[rnd[i] >> 4];
		id[2 + 2 * i] = hex[rnd[i] & 15];
	}
	id[1 + 2 * sizeof rnd] = '\0';
	return id;
}

/*
 * 404 for a session id: the id is the caller's text, of any length
 * (a path segment), so the message repeats only its start.
 */
enum MHD_Result
serve_no_session(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *field, const char *sid)
{
	struct sbuf	 sb = SBUF_INIT;
	enum MHD_Result	 ret;

	serve_echo(&sb, sid);
	ret = ERR(404, field, "no session \"%s\"", sb.buf);
	sbuf_release(&sb);
	return ret;
}

/* A non-negative integer query argument; -1 after answering 400. */
long long
serve_query_int(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *name, long long dflt, long long max, enum MHD_Result *ret)
{
	const char	*v;
	char		*end;
	long long	 n;

	v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
	if (v == NULL || *v == '\0')
		return dflt;
	errno = 0;
	n = strtoll(v, &end, 10);
	if (errno != 0 || *end != '\0' || n < 0 || n > max) {
		struct sbuf	 sb = SBUF_INIT;

		serve_echo(&sb, v);
		*ret = ERR(400, name, "%s: \"%s\" is not an integer from 0 to "
		    "%lld", name, sb.buf, max);
		sbuf_release(&sb);
		return -1;
	}
	return n;
}

int
serve_query_flag(struct MHD_Connection *c, const char *name)
{
	const char	*v;

	v = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, name);
	return v != NULL && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0 ||
	    strcmp(v, "yes") == 0);
}

/*
 * serve-check.h: the checks the HTTP server makes on what a client sends
 * before anything else reads it: the JSON text of a body (strictly
 * JSON, valid UTF-8, no NUL), text fields, header values and client
 * addresses, and the bounded echo of client text in error messages.
 * Plain functions over bytes, safe from any thread; they know nothing
 * of libmicrohttpd, so the unit tests call them directly.
 */
#ifndef SERVE_CHECK_H
#define SERVE_CHECK_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "sbuf.h"

/* Most bytes of client text (an id, a path) an error message repeats. */
#define SERVE_ECHO_MAX	64

/*
 * Check the JSON text s[0..n) lexically, before it is parsed: valid
 * UTF-8, no raw control byte inside a string (RFC 8259 forbids them;
 * cJSON would take them), and no \u0000 escape (cJSON would cut the
 * string there, so "C1\u0000x" would read as "C1").  Returns 1 when
 * the text passes; else 0 with *at the offending byte offset and *why
 * a static description.  Does not check the grammar: cJSON does that.
 */
int	 serve_json_scan(const char *s, size_t n, size_t *at,
	    const char **why);

/*
 * A request body s[0..n) (s[n] must be the NUL an sbuf keeps) as one
 * JSON object, strictly: serve_json_scan first, then cJSON with nothing
 * but whitespace after the value.  Returns the object (caller deletes
 * it), or NULL with why set to what the client is told.
 */
cJSON	*serve_json_object(const char *s, size_t n, struct sbuf *why);

/*
 * A text field of a request: valid UTF-8 without control characters
 * (C0, DEL); multiline also admits newline, carriage return and tab.
 * 1 when s[0..n) passes, else 0 with *at the offending byte offset.
 */
int	 serve_text_ok(const char *s, size_t n, int multiline, size_t *at);

/* 1 when a Transfer-Encoding value is exactly chunked (any case). */
int	 serve_te_chunked(const char *value);

/* 1 when a request method is an HTTP token (RFC 9110, 5.6.2). */
int	 serve_method_ok(const char *method);

/*
 * 1 when addr (text, as inet_ntop writes it) is a loopback address:
 * 127.0.0.0/8, ::1, or an IPv4-mapped 127.x.
 */
int	 serve_addr_loopback(const char *addr);

/*
 * Append client text s to out for an error message: at most
 * SERVE_ECHO_MAX bytes, never cut inside a code point, invalid UTF-8
 * and control characters replaced, "..." when cut.
 */
void	 serve_echo(struct sbuf *out, const char *s);

#endif

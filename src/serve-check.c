/*
 * serve-check.c owns the byte-level checks of what HTTP clients send (see
 * serve-check.h).  They run before cJSON or the engine see the request:
 * cJSON takes raw control bytes in strings and stops a string at an
 * escaped NUL, and the engine reads C strings, so both would quietly
 * serve something other than what was sent.  Refusing here keeps the
 * rule in one place for every endpoint and field.
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <string.h>
#include <strings.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "serve-check.h"
#include "text.h"

int
serve_json_scan(const char *s, size_t n, size_t *at, const char **why)
{
	size_t		 i = 0, bad = 0;
	int		 in_str = 0;
	unsigned char	 b;

	if (!text_utf8_valid(s, n, &bad)) {
		*at = bad;
		*why = "invalid UTF-8";
		return 0;
	}
	while (i < n) {
		b = (unsigned char)s[i];
		if (b == '\0') {
			*at = i;
			*why = "a NUL byte";
			return 0;
		}
		if (!in_str) {
			in_str = b == '"';
			i++;
			continue;
		}
		if (b == '"') {
			in_str = 0;
			i++;
		} else if (b < 0x20) {
			*at = i;
			*why = "a raw control byte in a string";
			return 0;
		} else if (b == '\\') {
			if (n - i >= 6 && s[i + 1] == 'u' &&
			    memcmp(s + i + 2, "0000", 4) == 0) {
				*at = i;
				*why = "\\u0000 (NUL) in a string";
				return 0;
			}
			/* The escaped byte is never a string's end. */
			i += 2;
		} else
			i++;
	}
	return 1;
}

int
serve_text_ok(const char *s, size_t n, int multiline, size_t *at)
{
	size_t		 i;
	unsigned char	 b;

	if (!text_utf8_valid(s, n, at))
		return 0;
	for (i = 0; i < n; i++) {
		b = (unsigned char)s[i];
		if ((b >= 0x20 && b != 0x7f) ||
		    (multiline && (b == '\n' || b == '\r' || b == '\t')))
			continue;
		*at = i;
		return 0;
	}
	return 1;
}

int
serve_te_chunked(const char *v)
{
	size_t	 n;

	while (*v == ' ' || *v == '\t')
		v++;
	n = strlen(v);
	while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\t'))
		n--;
	return n == 7 && strncasecmp(v, "chunked", 7) == 0;
}

int
serve_method_ok(const char *m)
{
	static const char tchar[] = "!#$%&'*+-.^_`|~";
	const char	*p;

	for (p = m; *p != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr(tchar, *p) != NULL))
			return 0;
	return p != m;
}

int
serve_addr_loopback(const char *addr)
{
	struct in_addr	 a4;
	struct in6_addr	 a6;

	if (inet_pton(AF_INET, addr, &a4) == 1)
		return (ntohl(a4.s_addr) >> 24) == 127;
	if (inet_pton(AF_INET6, addr, &a6) != 1)
		return 0;
	if (IN6_IS_ADDR_LOOPBACK(&a6))
		return 1;
	return IN6_IS_ADDR_V4MAPPED(&a6) && a6.s6_addr[12] == 127;
}

void
serve_echo(struct sbuf *out, const char *s)
{
	struct sbuf	 t = SBUF_INIT;
	struct text_clean info;

	text_sanitize(s, strlen(s), SERVE_ECHO_MAX, &t, &info);
	sbuf_add(out, t.buf, t.len);
	if (info.truncated)
		sbuf_adds(out, "...");
	sbuf_release(&t);
}

cJSON *
serve_json_object(const char *s, size_t n, struct sbuf *why)
{
	const char	*end = NULL, *what;
	size_t		 at;
	cJSON		*o;

	if (!serve_json_scan(s, n, &at, &what)) {
		sbuf_addf(why, "malformed JSON at byte %zu: %s", at, what);
		return NULL;
	}
	/*
	 * cJSON checks the terminating NUL inside the length it is given:
	 * count the sbuf's own.  It stops at the first NUL, so the end must
	 * be the body's end as well.
	 */
	o = cJSON_ParseWithLengthOpts(s, n + 1, &end, 1);
	if (o == NULL || end != s + n) {
		if (o == NULL && end == NULL)
			end = cJSON_GetErrorPtr();
		sbuf_addf(why, "malformed JSON at byte %td%s",
		    end != NULL && end >= s ? end - s : 0,
		    o != NULL ? ": text after the value" : "");
		cJSON_Delete(o);
		return NULL;
	}
	if (!cJSON_IsObject(o)) {
		cJSON_Delete(o);
		sbuf_addf(why, "the body must be a JSON object");
		return NULL;
	}
	return o;
}

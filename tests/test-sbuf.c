/* Unit tests for sbuf.c and the error helpers of util.c. */
#include "config.h"

#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "tap.h"

int
main(void)
{
	struct sbuf	 sb = SBUF_INIT;
	struct sd_error	 err = SD_ERROR_INIT;
	char		*dir, *path, *s;
	FILE		*fp;
	size_t		 n;
	int		 i;

	ok(sb.buf != NULL && sb.len == 0 && *sb.buf == '\0',
	    "empty sbuf is \"\"");
	sbuf_adds(&sb, "abc");
	sbuf_addf(&sb, "-%d-", 42);
	is_str(sb.buf, "abc-42-", "sbuf_adds and sbuf_addf append");
	for (i = 0; i < 10000; i++)
		sbuf_addc(&sb, 'x');
	is_int((long long)sb.len, 7 + 10000, "grows past many reallocs");
	/* sbuf_addf writes into the room left, or grows: every fit. */
	for (i = 0, n = 0; i < 80; i++) {
		sbuf_release(&sb);
		sbuf_adds(&sb, "abc");
		sbuf_addf(&sb, "%0*d|%s", i, 7, "end");
		n += sb.len == 3 + (size_t)(i > 0 ? i : 1) + 4 &&
		    sb.len < sb.cap && sb.buf[sb.len] == '\0' &&
		    strncmp(sb.buf, "abc", 3) == 0 &&
		    strcmp(sb.buf + sb.len - 5, "7|end") == 0;
	}
	is_int((long long)n, 80, "sbuf_addf of 5 to 83 bytes after 3 in a "
	    "64-byte buffer");
	sbuf_addf(&sb, "%s", "");
	ok(sb.buf[sb.len] == '\0', "sbuf_addf of nothing leaves it be");
	sbuf_reset(&sb);
	sbuf_reset(&sb);
	sbuf_adds(&sb, "  \t trim me \n");
	sbuf_trim(&sb);
	is_str(sb.buf, "trim me", "sbuf_trim strips both ends");
	sbuf_reset(&sb);
	sbuf_add_json_str(&sb, "a\"b\\c\n\x01", 7);
	is_str(sb.buf, "\"a\\\"b\\\\c\\n\\u0001\"", "JSON string escaping");
	s = sbuf_detach(&sb, &n);
	ok(sb.len == 0 && *sb.buf == '\0' && n == 17,
	    "detach leaves the sbuf empty");
	free(s);

	dir = tap_tmpdir();
	path = xasprintf("%s/lines", dir);
	fp = fopen(path, "w");
	fputs("one\r\ntwo\n\nlast", fp);
	fclose(fp);
	fp = fopen(path, "r");
	ok(sbuf_getline(&sb, fp) == 0 && strcmp(sb.buf, "one") == 0,
	    "getline strips CRLF");
	ok(sbuf_getline(&sb, fp) == 0 && strcmp(sb.buf, "two") == 0,
	    "getline reads the second line");
	ok(sbuf_getline(&sb, fp) == 0 && sb.len == 0, "getline: empty line");
	ok(sbuf_getline(&sb, fp) == 0 && strcmp(sb.buf, "last") == 0,
	    "getline: last line without newline");
	ok(sbuf_getline(&sb, fp) == EOF, "getline: EOF");
	fclose(fp);
	sbuf_release(&sb);
	ok(sbuf_read_file(&sb, path) == 0 && sb.len == 14,
	    "read_file reads every byte");
	sbuf_release(&sb);
	ok(sbuf_read_file(&sb, "/nonexistent/x") == -1, "read_file fails");

	sd_fail(&err, SD_ERR_PARSE, "\"answer\" must be a string");
	sd_error_prefix(&err, "%s:%d: ", "faq.jsonl", 42);
	is_str(sd_error_msg(&err), "faq.jsonl:42: \"answer\" must be a string",
	    "errors carry file:line context");
	sd_fail(&err, SD_ERR_IO, "again: %s", err.msg);
	is_str(err.msg, "again: faq.jsonl:42: \"answer\" must be a string",
	    "sd_fail may quote the previous message");
	sd_error_clear(&err);
	is_str(sd_error_msg(&err), "success", "cleared error");

	tap_rmtree(dir);
	free(path);
	free(dir);
	done_testing();
	return exit_status();
}

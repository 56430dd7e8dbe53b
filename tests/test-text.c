/* Unit tests for text.c: sanitizing, folding with offsets, tokens, width. */
#include "config.h"

#include "shopdesk.h"
#include "text.h"
#include "tap.h"

int
main(void)
{
	struct sbuf		 out = SBUF_INIT;
	struct text_clean	 c;
	struct text_folded	 f = TEXT_FOLDED_INIT;
	struct text_token	*toks = NULL;
	size_t			 cap = 0, n, bad = 0, i;
	char			*big;
	const char		*s;

	text_sanitize("hello", 5, 0, &out, &c);
	ok(strcmp(out.buf, "hello") == 0 && !c.truncated && !c.repaired &&
	    !c.controls, "clean ASCII passes unchanged");
	text_sanitize("a\xff" "b", 3, 0, &out, &c);
	is_str(out.buf, "a\xef\xbf\xbd" "b", "invalid byte becomes U+FFFD");
	ok(c.repaired, "repair is reported");
	ok(text_utf8_valid(out.buf, out.len, NULL), "repaired text is valid");
	text_sanitize("a\x01\x1b[31mb\x7f", 9, 0, &out, &c);
	is_str(out.buf, "a  [31mb ", "control characters become spaces");
	ok(c.controls, "controls are reported");
	text_sanitize("x\0y", 3, 0, &out, &c);
	is_str(out.buf, "x y", "NUL becomes a space");
	/* "é" is two bytes: a limit of 2 must not split it. */
	text_sanitize("a\xc3\xa9", 3, 2, &out, &c);
	is_str(out.buf, "a", "limit never cuts inside a code point");
	ok(c.truncated, "truncation is reported");
	big = xmalloc(1 << 20);
	memset(big, 'z', 1 << 20);
	text_sanitize(big, 1 << 20, TEXT_MAX_MESSAGE, &out, &c);
	ok(out.len == TEXT_MAX_MESSAGE && c.truncated && c.in_len == 1 << 20,
	    "1 MB is cut at TEXT_MAX_MESSAGE");
	free(big);
	text_sanitize("\xe2\x80\xa8", 3, 0, &out, &c);
	is_str(out.buf, " ", "line separator becomes a space");
	ok(!text_utf8_valid("ab\xc3", 3, &bad) && bad == 2,
	    "truncated sequence is invalid at its offset");
	ok(!text_utf8_valid("\xed\xa0\x80", 3, &bad),
	    "surrogates are invalid");

	s = "Café ÉCLAIR";
	text_fold(s, strlen(s), &f);
	is_str(f.s.buf, "cafe eclair", "folding: case and accents");
	ok(f.map[3] == 3 && f.map[5] == 6 && f.map[f.s.len] == strlen(s),
	    "folded offsets map back to the input");
	s = "ＩＰｈｏｎｅ１５";
	text_fold(s, strlen(s), &f);
	is_str(f.s.buf, "iphone15", "fullwidth forms fold to ASCII");
	s = "Straße";
	text_fold(s, strlen(s), &f);
	is_str(f.s.buf, "strasse", "casefold expands sharp s");

	s = "Where's my order #12345? iPhone-15 😀 שלום";
	n = text_tokenize(s, strlen(s), &toks, &cap);
	is_int((long long)n, 8, "tokens: words, numbers, RTL; not emoji");
	ok(toks[0].start == 0 && toks[0].end == 5, "first token spans Where");
	ok(toks[4].has_digit && !toks[4].has_alpha, "number token");
	ok(strncmp(s + toks[5].start, "iPhone", 6) == 0, "iPhone token");
	for (i = 0; i < n; i++)
		if (toks[i].end <= toks[i].start)
			break;
	ok(i == n, "no empty tokens");
	n = text_tokenize("", 0, &toks, &cap);
	is_int((long long)n, 0, "no tokens in empty text");

	is_int((long long)text_width("abc", 3), 3, "ASCII width");
	is_int((long long)text_width("日本", 6), 4, "wide characters");
	is_int((long long)text_width("e\xcc\x81", 3), 1, "combining mark");

	free(toks);
	text_folded_release(&f);
	sbuf_release(&out);
	done_testing();
	return exit_status();
}

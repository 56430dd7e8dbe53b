/*
 * Unit tests for ingest-md.c: Markdown and text chunking (headings,
 * paragraph packing, size limit, UTF-8 boundaries, code fences), front
 * matter, the UTF-8 check.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "ingest-int.h"
#include "tap.h"

static size_t
cps(const char *s)
{
	size_t	 n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static void
test_headings(void)
{
	struct ingest_chunk *v;
	size_t		 n;

	n = ingest_chunk_body("# Guide\n\nIntro text.\n\n## Setup\n\nStep one."
	    "\nStill step one.\n\nStep two.\n\n### Wi-Fi ##\n\nJoin it.\n",
	    1, 1000, &v);
	is_int((long long)n, 3, "one chunk per section");
	is_str(v[0].heading, "Guide", "first heading");
	is_str(v[0].text, "Intro text.", "section text without its heading");
	is_str(v[1].heading, "Setup", "second heading");
	is_str(v[1].text, "Step one.\nStill step one.\n\nStep two.",
	    "paragraphs packed together");
	is_str(v[2].heading, "Wi-Fi", "closing #s dropped");
	ingest_chunks_free(v, n);

	n = ingest_chunk_body("Before any heading.\n\n## Empty\n\n## Full\n\nx",
	    1, 1000, &v);
	is_int((long long)n, 2, "an empty section makes no chunk");
	is_str(v[0].heading, "", "text before the first heading: no heading");
	is_str(v[1].heading, "Full", "next section");
	ingest_chunks_free(v, n);

	n = ingest_chunk_body("## Code\n\n```\n# not a heading\n\nstill code\n"
	    "```\n\n#hashtag is text\n", 1, 1000, &v);
	is_int((long long)n, 1, "no heading inside a code fence");
	ok(n == 1 && strstr(v[0].text, "# not a heading\n\nstill code") !=
	    NULL, "the fence keeps its blank line");
	ok(n == 1 && strstr(v[0].text, "#hashtag") != NULL,
	    "#word is not a heading");
	ingest_chunks_free(v, n);

	n = ingest_chunk_body("## Not\n\nplain text", 0, 1000, &v);
	is_str(n == 1 ? v[0].heading : NULL, "",
	    "plain text has no headings");
	ingest_chunks_free(v, n);
	n = ingest_chunk_body("", 1, 1000, &v);
	is_int((long long)n, 0, "empty body: no chunks");
	free(v);
}

static void
test_sizes(void)
{
	struct ingest_chunk *v;
	struct sbuf	 sb = SBUF_INIT;
	size_t		 n, i, total = 0;
	int		 good = 1, boundary = 1;

	/* 30 paragraphs of ~100 characters: packed into chunks <= 1000. */
	sbuf_adds(&sb, "## Long\n\n");
	for (i = 0; i < 30; i++)
		sbuf_addf(&sb, "Paragraph %02zu says something useful about "
		    "the product, its battery and its warranty terms.\n\n",
		    i);
	n = ingest_chunk_body(sb.buf, 1, 1000, &v);
	for (i = 0; i < n; i++) {
		if (cps(v[i].text) > 1000 || strcmp(v[i].heading, "Long"))
			good = 0;
		if (strncmp(v[i].text, "Paragraph", 9) != 0)
			boundary = 0;
		total += cps(v[i].text);
	}
	ok(n >= 3 && n <= 4, "30 paragraphs make 3-4 chunks (%zu)", n);
	ok(good, "each at most 1,000 characters and keeps the heading");
	ok(boundary, "chunks start at a paragraph");
	ingest_chunks_free(v, n);

	/* One paragraph of 3,000 two-byte characters, no spaces. */
	sbuf_reset(&sb);
	for (i = 0; i < 3000; i++)
		sbuf_adds(&sb, "\xC3\xA9");
	n = ingest_chunk_body(sb.buf, 1, 1000, &v);
	is_int((long long)n, 3, "a 3,000-character word: 3 chunks");
	good = 1;
	for (i = 0; i < n; i++)
		if (cps(v[i].text) != 1000 || ingest_utf8_check(v[i].text,
		    strlen(v[i].text)) != strlen(v[i].text))
			good = 0;
	ok(good, "cut at code points, never inside one");
	ingest_chunks_free(v, n);

	/* The last piece of a long paragraph: exactly full, or one over. */
	sbuf_reset(&sb);
	for (i = 0; i < 2000; i++)
		sbuf_adds(&sb, "\xC3\xA9");
	n = ingest_chunk_body(sb.buf, 1, 1000, &v);
	ok(n == 2 && cps(v[0].text) == 1000 && cps(v[1].text) == 1000,
	    "2,000 characters: two full chunks");
	ingest_chunks_free(v, n);
	sbuf_adds(&sb, "x");
	n = ingest_chunk_body(sb.buf, 1, 1000, &v);
	ok(n == 3 && strcmp(v[2].text, "x") == 0,
	    "2,001 characters: the last one alone");
	ingest_chunks_free(v, n);

	/* A long paragraph of sentences is cut after a sentence. */
	sbuf_reset(&sb);
	for (i = 0; i < 40; i++)
		sbuf_adds(&sb, "Cette phrase dit une chose très simple. ");
	n = ingest_chunk_body(sb.buf, 1, 1000, &v);
	good = 1;
	for (i = 0; i + 1 < n; i++)
		if (v[i].text[strlen(v[i].text) - 1] != '.')
			good = 0;
	ok(n == 2 && good, "long paragraph cut at a sentence end");
	total = 0;
	for (i = 0; i < n; i++)
		total += cps(v[i].text);
	ok(total >= 40 * 40 - 2, "no text lost (%zu)", total);
	ingest_chunks_free(v, n);
	sbuf_release(&sb);
}

static void
test_front_matter(void)
{
	cJSON		*m;
	const char	*body;
	unsigned long	 line = 0;
	const char	*doc = "---\nid: m-1\ntitle: \"Quoted: yes\"\n# comment"
	    "\ntags: a, b\n---\n# Body\n";

	ok(ingest_front_matter(doc, &m, &body, &line) == 0 && m != NULL,
	    "front matter parses");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(m, "title")),
	    "Quoted: yes", "quoted value with a colon");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(m, "tags")), "a, b",
	    "tags text");
	is_str(body, "# Body\n", "body starts after the closing line");
	cJSON_Delete(m);
	ok(ingest_front_matter("# No front matter\n", &m, &body, &line) == 0 &&
	    m == NULL, "no front matter");
	ok(ingest_front_matter("---\nid: x\nbad line\n---\n", &m, &body,
	    &line) == -1 && line == 3, "bad line named");
	ok(ingest_front_matter("---\nid: x\n", &m, &body, &line) == -1 &&
	    line == 1, "unclosed block");
}

static void
test_utf8(void)
{
	is_int((long long)ingest_utf8_check("abc\xC3\xA9", 5), 5, "valid");
	is_int((long long)ingest_utf8_check("ab\xC3", 3), 2, "truncated "
	    "sequence");
	is_int((long long)ingest_utf8_check("a\xED\xA0\x80", 4), 1,
	    "surrogate rejected");
	is_int((long long)ingest_utf8_check("a\xC0\xAF", 3), 1,
	    "overlong rejected");
	is_int((long long)ingest_json_nul("\"a\\u0000\"", 10), 2,
	    "\\u0000 found");
	is_int((long long)ingest_json_nul("\"a\\\\u0000\"", 11), 11,
	    "an escaped backslash before u0000 is text");
	is_int((long long)ingest_json_nul("\"\\\\\\u0000\"", 11), 3,
	    "\\u0000 after an escaped backslash found");
	is_int((long long)ingest_json_nul("\\u00001", 3), 3,
	    "a cut-off escape is not one");
}

int
main(void)
{
	test_headings();
	test_sizes();
	test_front_matter();
	test_utf8();
	done_testing();
	return exit_status();
}

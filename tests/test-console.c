/*
 * test-console.c: the console's text layer without a terminal: wrapping
 * by display width (wide and combining characters), table layout, and
 * the context and debug panes rendered from a trace.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "tap.h"
#include "shopdesk.h"
#include "console-doc.h"
#include "sbuf.h"
#include "text.h"

/* The wrapped document as plain text, one screen row per line. */
static char *
render(const struct cdoc *d, int width)
{
	struct crow	*rows = NULL;
	size_t		 cap = 0, n, i;
	struct sbuf	 sb = SBUF_INIT;

	n = cdoc_wrap(d, width, &rows, &cap);
	for (i = 0; i < n; i++) {
		sbuf_addf(&sb, "%*s", rows[i].x, "");
		sbuf_add(&sb, d->ln[rows[i].line].text.buf + rows[i].start,
		    rows[i].end - rows[i].start);
		sbuf_addc(&sb, '\n');
	}
	free(rows);
	return sbuf_detach(&sb, NULL);
}

/* Every row of s fits in width columns. */
static int
fits(const char *s, int width)
{
	const char	*nl;

	for (; (nl = strchr(s, '\n')) != NULL; s = nl + 1)
		if ((int)text_width(s, (size_t)(nl - s)) > width)
			return 0;
	return 1;
}

static void
test_wrap(void)
{
	struct cdoc	 d = CDOC_INIT;
	char		*out;

	cdoc_line(&d, 4, -1);
	cdoc_adds(&d, CS_TEXT, "bot> the quick brown fox jumps over");
	out = render(&d, 16);
	is_str(out, "bot> the quick\n    brown fox\n    jumps over\n",
	    "word wrap with a hanging indent");
	free(out);
	cdoc_clear(&d);

	cdoc_line(&d, 0, -1);
	cdoc_adds(&d, CS_TEXT, "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81"
	    "\xae\xe3\x83\x86\xe3\x82\xad\xe3\x82\xb9\xe3\x83\x88");
	out = render(&d, 5);
	ok(fits(out, 5), "wide characters wrap by display width");
	is_str(out, "\xe6\x97\xa5\xe6\x9c\xac\n\xe8\xaa\x9e\xe3\x81\xae\n"
	    "\xe3\x83\x86\xe3\x82\xad\n\xe3\x82\xb9\xe3\x83\x88\n",
	    "two wide characters per 5-column row, none cut");
	free(out);
	cdoc_clear(&d);

	/* e + combining acute: 1 column, 3 bytes; never split. */
	cdoc_line(&d, 0, -1);
	cdoc_adds(&d, CS_TEXT, "cafe\xcc\x81 cafe\xcc\x81 cafe\xcc\x81");
	out = render(&d, 4);
	is_str(out, "cafe\xcc\x81\ncafe\xcc\x81\ncafe\xcc\x81\n",
	    "combining marks stay on their letter (4 columns a word)");
	free(out);
	cdoc_clear(&d);

	cdoc_line(&d, 0, -1);
	cdoc_adds(&d, CS_TEXT, "supercalifragilistic");
	out = render(&d, 8);
	is_str(out, "supercal\nifragili\nstic\n",
	    "a word wider than the row is cut");
	free(out);
	cdoc_clear(&d);

	cdoc_line(&d, 2, 7);
	cdoc_adds(&d, CS_TEXT, "bad \xff byte\tand\nnext line");
	is_int((long long)d.n, 2, "a newline starts a line");
	is_str(d.ln[0].text.buf, "bad \xef\xbf\xbd byte  and",
	    "invalid UTF-8 repaired, tab expanded");
	is_int(d.ln[1].tag, 7, "continuation keeps the tag");
	cdoc_clear(&d);

	cdoc_line(&d, 0, -1);
	cdoc_adds(&d, CS_USER, "you> ");
	cdoc_adds(&d, CS_TEXT, "hi");
	is_int((long long)d.ln[0].nsegs, 2, "styles make segments");
	cdoc_adds(&d, CS_TEXT, " there");
	is_int((long long)d.ln[0].nsegs, 2, "same style extends a segment");
	cdoc_clear(&d);
}

static void
test_tables(void)
{
	struct sbuf	 out = SBUF_INIT;
	const char	*reply = "Here is how they compare:\n"
	    "  A: ROG Strix G15\n  B: \xe5\xb0\x8f\xe7\xb1\xb3 Pad 6\n"
	    "  \xe4\xbb\xb7\xe6\xa0\xbc: $1,299 | $749\nafter";
	cJSON		*trace = cJSON_Parse("{\"tables\":[{\"kind\":"
	    "\"comparison\",\"columns\":[\"\",\"ROG Strix G15\","
	    "\"\xe5\xb0\x8f\xe7\xb1\xb3 Pad 6\"],"
	    "\"rows\":[[\"\xe4\xbb\xb7\xe6\xa0\xbc\",\"$1,299\",\"$749\"],"
	    "[\"battery\",\"4-6 hours normal use, 1-2 hours gaming\","
	    "\"10 hours\"]],\"at\":25,\"len\":61}]}");
	cJSON		*bad = cJSON_Parse("{\"tables\":[{\"columns\":[\"a\"],"
	    "\"rows\":[],\"at\":3,\"len\":9}]}");

	/* The span: from the newline after the colon to before "\nafter". */
	is_int((long long)(strstr(reply, "\nafter") - reply) - 25, 61,
	    "the fixture's span covers the table's text");
	cdoc_render_tables(reply, trace, 80, &out);
	is_str(out.buf, "Here is how they compare:\n"
	    "           ROG Strix G15                           "
	    "\xe5\xb0\x8f\xe7\xb1\xb3 Pad 6\n"
	    "  \xe4\xbb\xb7\xe6\xa0\xbc     $1,299"
	    "                                  $749\n"
	    "  battery  4-6 hours normal use, 1-2 hours gaming  10 hours\n"
	    "after",
	    "columns aligned by display width (wide characters count two)");
	cdoc_render_tables(reply, trace, 40, &out);
	is_str(out.buf, "Here is how they compare:\n"
	    "           ROG Strix G15     \xe5\xb0\x8f\xe7\xb1\xb3 Pad 6\n"
	    "  \xe4\xbb\xb7\xe6\xa0\xbc     $1,299            $749\n"
	    "  battery  4-6 hours normal  10 hours\n"
	    "           use, 1-2 hours\n"
	    "           gaming\n"
	    "after",
	    "in 40 columns the widest column narrows, its cells wrapping");
	cdoc_render_tables(reply, NULL, 80, &out);
	is_str(out.buf, reply, "without a trace the text stays");
	cdoc_render_tables("short", bad, 80, &out);
	is_str(out.buf, "short", "a span past the text is ignored");
	cJSON_Delete(trace);
	cJSON_Delete(bad);
	sbuf_release(&out);
}

static const char trace_json[] =
    "{\"session_id\":\"s000001\",\"user_id\":\"C001\","
    "\"text\":\"gaming laptop under $1500\","
    "\"intent\":{\"name\":\"product_search\",\"confidence\":0.91},"
    "\"ranking\":[{\"name\":\"product_search\",\"confidence\":0.91},"
    "{\"name\":\"recommendation\",\"confidence\":0.05},"
    "{\"name\":\"goodbye\",\"confidence\":0.001}],"
    "\"feeling\":{\"label\":\"frustrated\",\"scores\":{\"none\":0.2,"
    "\"frustrated\":0.75,\"angry\":0.05},\"urgent\":true,"
    "\"urgency\":0.8},"
    "\"verdict\":{\"name\":\"accept\",\"reason\":\"above threshold\","
    "\"threshold\":0.4,\"margin\":0.1},"
    "\"entities\":[{\"type\":\"category\",\"value\":\"laptops\","
    "\"start\":7,\"end\":13,\"extractor\":\"gazetteer\"},"
    "{\"type\":\"money\",\"value\":1500,\"start\":20,\"end\":25,"
    "\"extractor\":\"pattern\",\"op\":\"max\"}],"
    "\"state_before\":{},"
    "\"state_after\":{\"focus\":[\"LAP-001\"],"
    "\"filters\":{\"max_price\":1500}},"
    "\"retrieved\":[{\"kind\":\"product\",\"id\":\"LAP-001\","
    "\"title\":\"ROG Strix G15\",\"score\":12.5,"
    "\"snippet\":\"[gaming] laptop\",\"cited\":true},"
    "{\"kind\":\"faq\",\"id\":\"faq-3\",\"title\":\"Shipping\","
    "\"score\":2.0,\"cited\":false}],"
    "\"citations\":[{\"id\":\"LAP-001\",\"fields\":\"price\"}],"
    "\"action\":\"recommend\",\"reason\":\"budget and use given\","
    "\"generator\":\"template\",\"template\":\"sales.recommend\","
    "\"escalated\":false,\"reply\":\"...\","
    "\"timings_us\":{\"normalize\":3,\"intent\":40,\"total\":120},"
    "\"message_id\":2}";

/* The whole document as text, lines joined. */
static char *
flat(const struct cdoc *d)
{
	struct sbuf	 sb = SBUF_INIT;
	size_t		 i;

	for (i = 0; i < d->n; i++) {
		sbuf_add(&sb, d->ln[i].text.buf, d->ln[i].text.len);
		sbuf_addc(&sb, '\n');
	}
	return sbuf_detach(&sb, NULL);
}

/* Style of the byte of line li that starts substring sub. */
static int
style_at(const struct cdoc *d, const char *sub)
{
	size_t	 i, j, off;
	char	*p;

	for (i = 0; i < d->n; i++) {
		if ((p = strstr(d->ln[i].text.buf, sub)) == NULL)
			continue;
		off = (size_t)(p - d->ln[i].text.buf);
		for (j = 0; j < d->ln[i].nsegs; j++)
			if (off >= d->ln[i].segs[j].off && off <
			    d->ln[i].segs[j].off + d->ln[i].segs[j].len)
				return d->ln[i].segs[j].style;
	}
	return -1;
}

static void
test_trace(void)
{
	struct cdoc	 d = CDOC_INIT;
	cJSON		*t = cJSON_Parse(trace_json);
	char		*s;

	ok(t != NULL, "sample trace parses");
	cdoc_context(&d, t, 1);
	s = flat(&d);
	ok(strstr(s, "2 retrieved, 1 cited") != NULL, "context counts");
	ok(strstr(s, "product  LAP-001 12.50 ROG Strix G15") != NULL,
	    "context lists kind, id, score and title");
	ok(strstr(s, "faq      faq-3 2.00 Shipping") != NULL,
	    "context lists the uncited one too");
	is_int(style_at(&d, "ROG Strix"), CS_CITED, "cited title marked");
	is_int(style_at(&d, "Shipping"), CS_BOLD, "uncited title not");
	is_int(style_at(&d, "gaming"), CS_BOLD, "[matched] snippet words bold");
	ok(strstr(s, "[gaming]") == NULL, "snippet brackets dropped");
	free(s);
	cdoc_clear(&d);

	cdoc_debug(&d, t, 1);
	s = flat(&d);
	ok(strstr(s, "intent  product_search") != NULL, "debug: intent");
	ok(strstr(s, "0.91 #########") == NULL &&
	    strstr(s, "0.91 #######.") != NULL, "debug: score bar");
	ok(strstr(s, "recommendation") != NULL, "debug: alternatives");
	ok(strstr(s, "goodbye") == NULL, "debug: no alternative at 0.00");
	ok(strstr(s, "feeling frustrated       0.75 ######.. urgent") !=
	    NULL, "debug: the feeling, its score and urgency");
	is_int(style_at(&d, "frustrated "), CS_ERROR,
	    "debug: a feeling other than none stands out");
	ok(strstr(s, "verdict accept  threshold 0.40  margin 0.10") != NULL,
	    "debug: verdict with threshold and margin");
	is_int(style_at(&d, "laptop under"), CS_ENTITY,
	    "debug: entity span highlighted in the text");
	is_int(style_at(&d, " under "), CS_USER,
	    "debug: text outside spans plain");
	ok(strstr(s, "category  laptops [7,13) by gazetteer") != NULL,
	    "debug: entity with span and extractor");
	ok(strstr(s, "op=max") != NULL, "debug: extra entity fields");
	ok(strstr(s, "*focus     LAP-001") != NULL,
	    "debug: state change marked");
	ok(strstr(s, "max_price=1500") != NULL, "debug: filters");
	ok(strstr(s, "action  recommend: budget and use given") != NULL,
	    "debug: action and reason");
	ok(strstr(s, "template sales.recommend") != NULL, "debug: template");
	ok(strstr(s, "normalize 3  intent 40  total 120") != NULL,
	    "debug: timings");
	free(s);
	cdoc_clear(&d);

	/* Garbage in: nothing trusted, nothing crashes. */
	cJSON_Delete(t);
	t = cJSON_Parse("{\"intent\":3,\"entities\":{\"x\":1},"
	    "\"retrieved\":\"no\",\"text\":\"abc\",\"timings_us\":[1],"
	    "\"state_after\":[],\"ranking\":[1,2]}");
	cdoc_context(&d, t, 2);
	cdoc_debug(&d, t, 2);
	ok(d.n > 0, "ill-typed trace renders without crashing");
	cdoc_clear(&d);
	cdoc_debug(&d, NULL, 3);
	cdoc_context(&d, NULL, 3);
	ok(d.n > 0, "missing trace renders");
	cdoc_clear(&d);
	cJSON_Delete(t);
}

static const char gen_trace[] =
    "{\"generator\":\"llm\",\"llm\":{\"model\":\"m7\",\"latency_ms\":40,"
    "\"tokens\":{\"prompt\":100,\"completion\":20},\"attempts\":1,"
    "\"why\":\"generator llm\"},"
    "\"factcheck\":[{\"claim\":\"$999\",\"kind\":\"price\","
    "\"verdict\":\"corrected\",\"corrected\":\"$1,299\",\"evidence\":"
    "{\"kind\":\"product\",\"id\":\"LAP-1\",\"field\":\"price\","
    "\"value\":\"1299\"}},"
    "{\"claim\":\"in stock\",\"kind\":\"stock\",\"verdict\":\"supported\","
    "\"evidence\":{\"kind\":\"product\",\"id\":\"LAP-1\",\"field\":"
    "\"stock\",\"value\":\"14\"}},"
    "{\"claim\":\"ROG G99\",\"kind\":\"product\",\"verdict\":"
    "\"unknown_product_removed\",\"evidence\":{\"kind\":\"product\","
    "\"id\":null,\"field\":\"name\",\"value\":null}}]}";

static void
test_verdicts(void)
{
	struct sbuf	 out = SBUF_INIT;
	struct cdoc	 d = CDOC_INIT;
	cJSON		*t = cJSON_Parse(gen_trace), *g;
	char		*s;

	ok(t != NULL, "generated trace parses");
	cdoc_unicode = 0;
	cdoc_verdicts("It costs $1,299. It is in stock.", t, &out);
	is_str(out.buf, "It costs $1,299\001 [x price: said $999]\002. It is "
	    "in stock\001 [ok stock]\002. \001[x product removed: ROG G99]\002",
	    "marks after the claims, the removed one at the end");
	cdoc_verdicts("No claims here.", NULL, &out);
	is_str(out.buf, "No claims here.", "no trace: the reply as it is");

	/* The template replaced the generation: nothing marked inline. */
	g = cJSON_GetObjectItemCaseSensitive(t, "generator");
	cJSON_SetValuestring(g, "template");
	cJSON_AddStringToObject(cJSON_GetObjectItemCaseSensitive(t, "llm"),
	    "fallback_reason", "fact-check: contradicted");
	cdoc_verdicts("It costs $1,299.", t, &out);
	ok(strncmp(out.buf, "It costs $1,299. \001[x price corrected: $999]",
	    43) == 0, "fallback: claims listed after the template reply");
	ok(strstr(out.buf, "generated reply not used: fact-check: "
	    "contradicted") != NULL, "fallback: the reason");

	cdoc_debug(&d, t, 1);
	s = flat(&d);
	ok(strstr(s, "llm     m7  40 ms  tokens 100+20  attempts 1") != NULL,
	    "debug: model, latency, tokens, attempts");
	ok(strstr(s, "fell back: fact-check: contradicted") != NULL,
	    "debug: fallback reason");
	ok(strstr(s, "facts   3 claims, 1 supported, 1 corrected, 1 "
	    "unknown_product_removed") != NULL, "debug: claim counts");
	ok(strstr(s, "x price corrected \"$999\" -> $1,299\n"
	    "    product LAP-1 price = 1299") != NULL,
	    "debug: claim, verdict, correction and evidence");
	ok(strstr(s, "ok stock supported \"in stock\"") != NULL,
	    "debug: supported claim");
	ok(strstr(s, "product - name") != NULL, "debug: evidence without id");
	free(s);
	cdoc_clear(&d);
	sbuf_release(&out);
	cJSON_Delete(t);
}

int
main(void)
{
	test_wrap();
	test_tables();
	test_trace();
	test_verdicts();
	done_testing();
	return exit_status();
}

/*
 * test-entity: the pattern extractors (order numbers, prices, quantities,
 * emails, dates) without a catalog, byte spans, JSON, and bad input.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "text.h"
#include "entity.h"
#include "tap.h"

static struct entity_list el = ENTITY_LIST_INIT;

/* The first entity of type t in s, or NULL. */
static const struct entity *
find(const char *s, enum entity_type t)
{
	size_t	 i;

	entity_extract(NULL, s, strlen(s), &el);
	for (i = 0; i < el.n; i++)
		if (el.v[i].type == t)
			return &el.v[i];
	return NULL;
}

/* The text an entity covers. */
static char *
span(const char *s, const struct entity *e)
{
	static char	 buf[256];
	size_t		 n;

	if (e == NULL)
		return NULL;
	n = e->end - e->start < sizeof buf - 1 ? e->end - e->start :
	    sizeof buf - 1;
	memcpy(buf, s + e->start, n);
	buf[n] = '\0';
	return buf;
}

static void
check_span(const char *s, enum entity_type t, const char *want,
    const char *value)
{
	const struct entity *e = find(s, t);

	is_str(span(s, e), want, "%s: %s span in \"%s\"", entity_type_name(t),
	    want ? want : "none", s);
	if (e != NULL && value != NULL)
		is_str(e->value, value, "%s: value %s", entity_type_name(t),
		    value);
}

static void
check_price(const char *s, const char *want, int hmin, double min, int hmax,
    double max, const char *cur)
{
	const struct entity *e = find(s, ENTITY_PRICE);

	is_str(span(s, e), want, "price span \"%s\" in \"%s\"", want, s);
	ok(e != NULL && e->has_min == hmin && (!hmin || fabs(e->min - min) <
	    0.01) && e->has_max == hmax && (!hmax || fabs(e->max - max) < 0.01) &&
	    strcmp(e->currency, cur) == 0, "price bounds of \"%s\"", s);
}

static void
orders(void)
{
	check_span("where is my order #12345?", ENTITY_ORDER_ID, "#12345",
	    "12345");
	check_span("order 12345 is late", ENTITY_ORDER_ID, "12345", "12345");
	check_span("order number 998877 hasn't come", ENTITY_ORDER_ID,
	    "998877", "998877");
	check_span("my order no. 48213", ENTITY_ORDER_ID, "48213", "48213");
	check_span("order ORD-88812 is late", ENTITY_ORDER_ID, "ORD-88812",
	    "88812");
	check_span("the parcel tracking says 392017", ENTITY_ORDER_ID,
	    "392017", "392017");
	check_span("it costs $12345", ENTITY_ORDER_ID, NULL, NULL);
	check_span("I bought it in 2024", ENTITY_ORDER_ID, NULL, NULL);
	check_span("call me at 555 0134", ENTITY_ORDER_ID, NULL, NULL);
	check_span("order 3 units", ENTITY_ORDER_ID, NULL, NULL);
}

static void
prices(void)
{
	check_price("a laptop under $1500", "under $1500", 0, 0, 1, 1500,
	    "USD");
	check_price("between 500 and 800 dollars", "between 500 and 800 dollars",
	    1, 500, 1, 800, "USD");
	check_price("about 1.5k", "about 1.5k", 1, 1350, 1, 1650, "USD");
	check_price("1.5k tops", "1.5k tops", 0, 0, 1, 1500, "USD");
	check_price("gaming laptop, 1000 max", "1000 max", 0, 0, 1, 1000,
	    "USD");
	check_price("about $450 max", "about $450 max", 0, 0, 1, 450, "USD");
	check_price("700 or less", "700 or less", 0, 0, 1, 700, "USD");
	check_price("cant spend more than 700", "more than 700", 0, 0, 1, 700,
	    "USD");
	check_price("I don't want to spend over $900", "over $900", 0, 0, 1,
	    900, "USD");
	check_price("more than 700 is fine", "more than 700", 1, 700, 0, 0,
	    "USD");
	check_price("less than 1,000 please", "less than 1,000", 0, 0, 1, 1000,
	    "USD");
	check_price("around $300", "around $300", 1, 270, 1, 330, "USD");
	check_price("$200-$400 headphones", "$200-$400", 1, 200, 1, 400, "USD");
	check_price("max 900 euros", "max 900 euros", 0, 0, 1, 900, "EUR");
	check_price("over \xc2\xa3" "400", "over \xc2\xa3" "400", 1, 400, 0, 0,
	    "GBP");
	check_price("\xe2\x82\xac" "250 headphones", "\xe2\x82\xac" "250", 1,
	    250, 1, 250, "EUR");
	check_price("from $50 to $80", "from $50 to $80", 1, 50, 1, 80, "USD");
	check_price("budget is 800", "budget is 800", 0, 0, 1, 800, "USD");
	check_span("a 4k monitor", ENTITY_PRICE, NULL, NULL);
	check_span("less than 5 hours", ENTITY_PRICE, NULL, NULL);
	check_span("minimum 8 gb ram", ENTITY_PRICE, NULL, NULL);
	check_span("under 5", ENTITY_PRICE, NULL, NULL);
	check_span("a drone under 250 grams", ENTITY_PRICE, NULL, NULL);
	check_span("a house of 5000 sq ft", ENTITY_PRICE, NULL, NULL);
}

static void
quantities(void)
{
	const struct entity *e;

	check_span("please send 3 units", ENTITY_QUANTITY, "3 units", "3");
	check_span("AirPods x2", ENTITY_QUANTITY, "x2", "2");
	check_span("3x flip", ENTITY_QUANTITY, "3x", "3");
	check_span("add 5 pcs to my cart", ENTITY_QUANTITY, "5 pcs", "5");
	check_span("I want two", ENTITY_QUANTITY, "two", "2");
	check_span("qty: 6", ENTITY_QUANTITY, "6", "6");
	check_span("which one is better", ENTITY_QUANTITY, NULL, NULL);
	e = find("buy 4 units", ENTITY_QUANTITY);
	ok(e != NULL && e->number == 4, "quantity number is 4");
}

static void
emails(void)
{
	check_span("mail me at John.Doe@Example.com please", ENTITY_EMAIL,
	    "John.Doe@Example.com", "john.doe@example.com");
	check_span("to tom+shop@mail.co.uk.", ENTITY_EMAIL,
	    "tom+shop@mail.co.uk", "tom+shop@mail.co.uk");
	check_span("not an email: a@b", ENTITY_EMAIL, NULL, NULL);
	check_span("@@@ x@.com", ENTITY_EMAIL, NULL, NULL);
}

static void
dates(void)
{
	/* 2026-11-20 is a Friday. */
	setenv("SHOPDESK_NOW", "2026-11-20T12:00:00Z", 1);
	check_span("I ordered it yesterday", ENTITY_DATE, "yesterday",
	    "2026-11-19");
	check_span("arrive tomorrow?", ENTITY_DATE, "tomorrow", "2026-11-21");
	check_span("sent last week", ENTITY_DATE, "last week", "2026-11-13");
	check_span("paid last month", ENTITY_DATE, "last month", "2026-10-20");
	check_span("on monday", ENTITY_DATE, "monday", "2026-11-16");
	check_span("last friday", ENTITY_DATE, "last friday", "2026-11-13");
	check_span("next monday", ENTITY_DATE, "next monday", "2026-11-23");
	check_span("3 days ago", ENTITY_DATE, "3 days ago", "2026-11-17");
	check_span("two weeks ago", ENTITY_DATE, "two weeks ago",
	    "2026-11-06");
	check_span("on Nov 3rd, 2025", ENTITY_DATE, "Nov 3rd, 2025",
	    "2025-11-03");
	check_span("the 3rd of november", ENTITY_DATE, "3rd of november",
	    "2026-11-03");
	check_span("bought 2026-10-02", ENTITY_DATE, "2026-10-02",
	    "2026-10-02");
	check_span("on 10/15/2026", ENTITY_DATE, "10/15/2026", "2026-10-15");
	check_span("black friday deals", ENTITY_DATE, NULL, NULL);
	check_span("may I ask", ENTITY_DATE, NULL, NULL);
	check_span("february 30", ENTITY_DATE, NULL, NULL);
	setenv("SHOPDESK_NOW", "2024-03-31T00:00:00Z", 1);
	check_span("last month", ENTITY_DATE, "last month", "2024-02-29");
	unsetenv("SHOPDESK_NOW");
}

static void
spans_and_json(void)
{
	/* Multi-byte text before the entity: offsets stay in bytes. */
	const char	*s = "\xc3\x89" "cran cass\xc3\xa9, commande #12345";
	const struct entity *e = find(s, ENTITY_ORDER_ID);
	struct sbuf	 sb = SBUF_INIT;

	ok(e != NULL && e->start == 24 && e->end == 30,
	    "span after accents is in bytes (%zu, %zu)", e ? e->start : 0,
	    e ? e->end : 0);
	e = find("\xef\xbc\x83" "12345 order", ENTITY_ORDER_ID);
	ok(e != NULL && e->start == 0 && e->end == 8,
	    "full-width # folds and maps back to its 3 bytes");
	e = find("budget under $1500", ENTITY_PRICE);
	sbuf_reset(&sb);
	if (e != NULL)
		entity_to_json(e, &sb);
	is_str(sb.buf, "{\"type\":\"price\",\"value\":\"<=1500 USD\","
	    "\"start\":7,\"end\":18,\"extractor\":\"pattern\",\"max\":1500,"
	    "\"currency\":\"USD\"}", "price as JSON");
	is_str(entity_type_name(ENTITY_ORDER_ID), "order_id", "type name");
	ok(entity_type_parse("date") == ENTITY_DATE &&
	    entity_type_parse("colour") == -1, "type names parse");
	sbuf_release(&sb);
}

/* Every entity lies within the text and on code point boundaries. */
static int
spans_sane(const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < el.n; i++) {
		if (el.v[i].start > el.v[i].end || el.v[i].end > n)
			return 0;
		if (el.v[i].end < n &&
		    ((unsigned char)s[el.v[i].end] & 0xc0) == 0x80)
			return 0;
	}
	return 1;
}

static void
bad_input(void)
{
	static const char pat[] = "order #12345 under $300 \xc3\xa9 ";
	char	*big;
	size_t	 n, i;
	const char *inv = "order #12345 \xff\xfe\xc3 under $300 \xe2\x82";
	const char *ctl = "order\x01#777888\x7f\x1b[31m under $50\r\n\t";
	const char *emoji = "\xf0\x9f\x98\x8d love it \xf0\x9f\x91\x8d"
	    " order #55555 \xf0\x9f\x87\xab\xf0\x9f\x87\xb7 under $20";
	const char *rtl = "\xd7\x94\xd7\x96\xd7\x9e\xd7\xa0\xd7\x94 #44444 "
	    "\xd8\xb7\xd9\x84\xd8\xa8 \xd8\xb1\xd9\x82\xd9\x85 99999 $500";

	ok(entity_extract(NULL, "", 0, &el) == 0, "empty text: nothing");
	ok(entity_extract(NULL, NULL, 0, &el) == 0, "NULL text: nothing");
	ok(entity_extract(NULL, "   \n\t ", 6, &el) == 0, "blank text");

	n = 1 << 20;
	big = xmalloc(n + 1);
	for (i = 0; i < n; i++)
		big[i] = pat[i % (sizeof pat - 1)];
	big[n] = '\0';
	entity_extract(NULL, big, n, &el);
	ok(el.truncated && el.scanned <= TEXT_MAX_MESSAGE,
	    "1 MB of text is cut at TEXT_MAX_MESSAGE (%zu)", el.scanned);
	ok(el.n > 0 && spans_sane(big, el.scanned), "1 MB: sane spans");
	/* A cut inside a code point backs up to its start. */
	memset(big, 'a', TEXT_MAX_MESSAGE - 1);
	memcpy(big + TEXT_MAX_MESSAGE - 1, "\xc3\xa9", 2);
	entity_extract(NULL, big, TEXT_MAX_MESSAGE + 1, &el);
	ok(el.scanned == TEXT_MAX_MESSAGE - 1, "cut on a code point");
	free(big);

	entity_extract(NULL, inv, strlen(inv), &el);
	ok(el.repaired && el.n == 2 && spans_sane(inv, strlen(inv)),
	    "invalid UTF-8: flagged, entities found (%zu)", el.n);
	entity_extract(NULL, ctl, strlen(ctl), &el);
	ok(el.n == 2 && spans_sane(ctl, strlen(ctl)),
	    "control characters: entities found (%zu)", el.n);
	entity_extract(NULL, emoji, strlen(emoji), &el);
	ok(el.n == 2 && spans_sane(emoji, strlen(emoji)) &&
	    el.v[0].type == ENTITY_ORDER_ID, "emoji: entities found (%zu)",
	    el.n);
	entity_extract(NULL, rtl, strlen(rtl), &el);
	ok(el.n == 2 && spans_sane(rtl, strlen(rtl)),
	    "right-to-left text: entities found (%zu)", el.n);
	/* NUL bytes inside the text. */
	entity_extract(NULL, "order #12345\0 $40", 17, &el);
	ok(el.n == 2, "NUL bytes do not stop extraction (%zu)", el.n);
}

int
main(void)
{
	orders();
	prices();
	quantities();
	emails();
	dates();
	spans_and_json();
	bad_input();
	entity_list_release(&el);
	done_testing();
	return exit_status();
}

/*
 * Unit tests for the engine as a library: a turn run on the demo store
 * through engine_turn, its channel stored with the session, its tables
 * as rows with the span of their text in the reply, its timed stages.
 * This program links libshopdesk.a without ncurses, readline or
 * microhttpd: an engine file that used them would not link.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "desk.h"
#include "engine.h"
#include "history.h"
#include "ingest.h"
#include "store.h"
#include "tap.h"
#include "seed.h"

static void
test_compare(struct engine *e, struct store *st)
{
	static const char text[] = "compare the ROG Strix G15 and the "
	    "Acer Nitro 5";
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;
	struct turn	 tu;
	const struct turn_table *tb;
	const cJSON	*tm;

	if (engine_turn(e, ENGINE_CHAT, NULL, "C1001", text, strlen(text),
	    &tu, &err) != SD_OK) {
		ok(0, "the turn runs: %s", sd_error_msg(&err));
		return;
	}
	is_str(tu.action, "compare", "a comparison");
	ok(history_session_get(st, tu.session_id, &si, &err) == SD_OK,
	    "its session is stored");
	is_str(si.channel, "chat", "with the channel of the turn");
	session_info_release(&si);

	ok(tu.ntables == 1, "one table (%zu)", tu.ntables);
	if (tu.ntables == 1) {
		tb = &tu.tables[0];
		is_str(tb->kind, "comparison", "the table is a comparison");
		ok(tb->ncols == 3 && tb->nrows >= 4, "label and two products "
		    "(%zu columns, %zu rows)", tb->ncols, tb->nrows);
		is_str(tb->header[1], "ASUS ROG Strix G15",
		    "the first product heads its column");
		is_str(tb->cells[0], "price", "the first row is the price");
		is_str(tb->cells[1], "$1,299", "the price of the first");
		ok(tb->at + tb->len <= strlen(tu.reply) &&
		    strncmp(tu.reply + tb->at, "\n  A: ASUS ROG Strix G15",
		    24) == 0, "the span is the table's text in the reply");
	}
	tm = cJSON_GetObjectItemCaseSensitive(tu.trace, "timings_us");
	ok(cJSON_HasObjectItem(tm, "retrieve") &&
	    cJSON_HasObjectItem(tm, "decide") &&
	    cJSON_HasObjectItem(tm, "persist"),
	    "retrieval is a stage of its own");
	ok(cJSON_HasObjectItem(tm, "respond") &&
	    cJSON_HasObjectItem(tm, "check") &&
	    cJSON_IsObject(cJSON_GetObjectItemCaseSensitive(tu.trace,
	    "reply_check")), "the fact-check is a stage of its own");
	ok(cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(tu.trace,
	    "tables")), "the trace has the table");
	turn_release(&tu);
	sd_error_clear(&err);
}

static void
test_no_table(struct engine *e)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct turn	 tu;

	if (engine_turn(e, ENGINE_API, NULL, NULL, "hello", 5, &tu, &err) !=
	    SD_OK) {
		ok(0, "a greeting: %s", sd_error_msg(&err));
		return;
	}
	ok(tu.ntables == 0 && tu.tables == NULL, "a greeting has no table");
	ok(!cJSON_HasObjectItem(tu.trace, "tables"), "nor does its trace");
	turn_release(&tu);
}

/* The return policy's sums for an order, from its rows and the facts. */
static void
test_return_quote(struct store *st)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct return_quote q;
	struct order	 o;
	char		*d;

	d = catalog_day_add("2028-02-28T10:00:00Z", 1);
	is_str(d, "2028-02-29", "a day added in a leap February");
	free(d);
	d = catalog_day_add("2026-12-18", 14);
	is_str(d, "2027-01-01", "days added across the year's end");
	free(d);
	d = catalog_month_add("2026-01-31T08:00:00Z", 1);
	is_str(d, "2026-02-28", "a month after January 31");
	free(d);
	d = catalog_month_add("2026-08-19", 36);
	is_str(d, "2029-08-19", "a 3-year warranty from delivery");
	free(d);
	if (catalog_order(st, "12317", &o, &err) != SD_OK) {
		ok(0, "order 12317: %s", sd_error_msg(&err));
		return;
	}
	catalog_return_quote(st, &o, NULL, &q);
	is_str(q.deadline, "2026-12-18", "returns until 30 days after "
	    "delivery");
	ok(q.fee > 299.849 && q.fee < 299.851, "15%% restocking fee on a TV "
	    "(%.2f)", q.fee);
	ok(q.refund_opened > 1691.159 && q.refund_opened < 1691.161,
	    "opened: price less fee and label (%.2f)", q.refund_opened);
	ok(q.refund_unopened > 1991.009 && q.refund_unopened < 1991.011,
	    "unopened: price less the label (%.2f)", q.refund_unopened);
	return_quote_release(&q);
	order_release(&o);
	if (catalog_order(st, "12348", &o, &err) != SD_OK) {
		ok(0, "order 12348: %s", sd_error_msg(&err));
		return;
	}
	catalog_return_quote(st, &o, "ACC-1268", &q);
	ok(q.fee == 0 && q.fee_items == NULL && q.deadline == NULL,
	    "no fee on an accessory, no deadline before delivery");
	return_quote_release(&q);
	order_release(&o);
}

/* One turn of user in session sid (NULL: a new one); caller releases. */
static int
say(struct engine *e, const char *sid, const char *user, const char *text,
    struct turn *tu)
{
	struct sd_error	 err = SD_ERROR_INIT;

	if (engine_turn(e, ENGINE_CHAT, sid, user, text, strlen(text), tu,
	    &err) != SD_OK) {
		ok(0, "the turn runs: %s", sd_error_msg(&err));
		sd_error_clear(&err);
		return 0;
	}
	return 1;
}

/*
 * The wait told on escalation comes from the desk's recent past: no
 * number without one; with three answered escalations (6, 10 and 14
 * minutes), one agent on duty and one customer waiting ahead, about 20
 * minutes.  While waiting, small talk gets no greeting and no second
 * announcement, and "how long?" gets the wait.
 */
static void
test_escalation_wait(struct engine *e, struct store *st)
{
	static const char *const at[3][2] = {
		{ "2026-11-20T11:00:00Z", "2026-11-20T11:06:00Z" },
		{ "2026-11-20T11:10:00Z", "2026-11-20T11:20:00Z" },
		{ "2026-11-20T11:20:00Z", "2026-11-20T11:34:00Z" },
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct turn	 tu;
	size_t		 i;
	char		*sid;

	if (!say(e, NULL, "C1003", "I want to talk to a person", &tu))
		return;
	is_str(tu.action, "escalate", "a person is asked for");
	ok(strstr(tu.reply, "minute") == NULL, "no wait said without a "
	    "past to go by: %s", tu.reply);
	turn_release(&tu);
	for (i = 0; i < 3; i++) {
		setenv("SHOPDESK_NOW", at[i][0], 1);
		if (!say(e, NULL, "C1004", "get me a human please", &tu))
			return;
		sid = xstrdup(tu.session_id);
		turn_release(&tu);
		setenv("SHOPDESK_NOW", at[i][1], 1);
		ok(desk_takeover(st, sid, "alice", 0, NULL, &err) == SD_OK &&
		    desk_say(st, sid, "alice", "Hi, Alice here", NULL,
		    &err) == SD_OK, "alice answers escalation %zu", i + 1);
		sd_error_clear(&err);
		free(sid);
	}
	setenv("SHOPDESK_NOW", "2026-11-20T12:00:00Z", 1);
	if (!say(e, NULL, "C1005", "can I speak to a human", &tu))
		return;
	ok(strstr(tu.reply, "about 20 minutes") != NULL, "the wait from "
	    "the median and the queue: %s", tu.reply);
	ok(strstr(tu.reply, "asked for a person") == NULL,
	    "no internal reason shown");
	sid = xstrdup(tu.session_id);
	turn_release(&tu);
	if (say(e, sid, "C1005", "thanks", &tu)) {
		ok(strstr(tu.reply, "support team") == NULL &&
		    strstr(tu.reply, "Hi") == NULL && strstr(tu.reply,
		    "Glad") == NULL, "small talk while waiting: no greeting, "
		    "no second announcement: %s", tu.reply);
		turn_release(&tu);
	}
	if (say(e, sid, "C1005", "how long do I have to wait?", &tu)) {
		ok(strstr(tu.reply, "about 20 minutes") != NULL, "asked, the "
		    "wait again: %s", tu.reply);
		turn_release(&tu);
	}
	free(sid);
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*st;
	struct engine	*e = NULL;
	const char	*share = seed_share();
	char		*dir, *path;

	if ((st = seed_demo("engine.db", &dir, &path, &err)) == NULL ||
	    (e = engine_open(st, share, &err)) == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	test_compare(e, st);
	test_no_table(e);
	test_return_quote(st);
	test_escalation_wait(e, st);
	engine_close(e);
	store_close(st);
	tap_rmtree(dir);
	free(path);
	free(dir);
	done_testing();
	return exit_status();
}

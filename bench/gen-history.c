/*
 * gen-history: write a conversation history for the analytics benchmark
 * through history_turn_save, as shopdesk serve stores turns, and say
 * what a turn's save cost.  Usage: gen-history DB SESSIONS [KEYS]
 *
 * SESSIONS sessions of 1 to 4 turns (2.5 on average: 35,400 sessions
 * make 177,000 messages) spread over 60 days from 2026-10-01; one in
 * three opened by no key, the others by keys 1..KEYS (default 2, which
 * must exist: "shopdesk apikey create" them first).  A seventh of the
 * lines fall back, some escalate, every eleventh reply is rated.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shopdesk.h"
#include "analytics.h"
#include "apikey.h"
#include "history.h"
#include "store.h"

static double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
set_clock(time_t t)
{
	char		 buf[32];
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	setenv("SHOPDESK_NOW", buf, 1);
}

int
main(int argc, char **argv)
{
	static const char *const texts[] = { "Blorp the thing", "thanks",
	    "where is my order", "show me laptops", "show me laptops",
	    "show me laptops", "show me laptops" };
	static const char *const intents[] = { "unknown", "thanks",
	    "order_status", "product_search", "product_search",
	    "product_search", "product_search" };
	static const char *const actions[] = { "fallback", "thanks",
	    "order_status", "ask_needs", "escalate", "recommend",
	    "recommend" };
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;
	struct history_turn ht;
	struct store	*st;
	struct tm	 tm;
	time_t		 t0;
	double		 start, spent = 0;
	long		 nsess, keys = 2, i, k, turns = 0, replies = 0;
	long long	 fid;
	char		*sid;
	int		 created, r;

	if (argc < 3 || argc > 4 || (nsess = atol(argv[2])) <= 0 ||
	    (argc == 4 && (keys = atol(argv[3])) < 0)) {
		fprintf(stderr, "usage: gen-history DB SESSIONS [KEYS]\n");
		return 2;
	}
	if ((st = store_open(argv[1], NULL, &err)) == NULL) {
		fprintf(stderr, "gen-history: %s\n", sd_error_msg(&err));
		return 1;
	}
	memset(&tm, 0, sizeof tm);
	tm.tm_year = 2026 - 1900;
	tm.tm_mon = 9;
	tm.tm_mday = 1;
	t0 = timegm(&tm);
	for (i = 1; i <= nsess; i++) {
		set_clock(t0 + i * (60 * 86400 / nsess));
		sid = xasprintf("g%06ld", i);
		if (store_begin(st, &err) != SD_OK ||
		    history_session_open(st, sid, "C0001", "api", 0, &si,
		    &created, &err) != SD_OK ||
		    (keys > 0 && i % 3 != 0 && apikey_session_claim(st, sid,
		    1 + i % keys, &err) != SD_OK) ||
		    store_commit(st, &err) != SD_OK)
			goto fail;
		session_info_release(&si);
		for (k = 1; k <= 1 + i % 4; k++) {
			r = (int)((i + k) % 7);
			set_clock(t0 + i * (60 * 86400 / nsess) + k * 60);
			memset(&ht, 0, sizeof ht);
			ht.session_id = sid;
			ht.text = texts[r];
			ht.intent = intents[r];
			ht.confidence = 0.8;
			ht.reply = "a reply";
			ht.action = actions[r];
			ht.latency_us = 1000 + (i * 7919 + k * 104729) % 8000;
			ht.state = "{}";
			ht.status = i % 37 == 0 ? "escalated" : "active";
			start = now_s();
			if (history_turn_save(st, &ht, &err) != SD_OK)
				goto fail;
			spent += now_s() - start;
			turns++;
			if (++replies % 11 == 0 &&
			    analytics_feedback(st, ht.bot_msg_id,
			    1 + (int)(replies % 5), NULL, 0, &fid, &err) !=
			    SD_OK)
				goto fail;
		}
		free(sid);
	}
	printf("gen-history: %ld sessions, %ld turns (%ld messages) saved, "
	    "%.1f us per turn save\n", nsess, turns, 2 * turns,
	    spent / (double)turns * 1e6);
	store_close(st);
	return 0;
fail:
	fprintf(stderr, "gen-history: %s\n", sd_error_msg(&err));
	store_close(st);
	return 1;
}

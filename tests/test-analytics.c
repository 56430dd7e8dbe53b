/*
 * The analytics' running totals against the walk over every message
 * (analytics_compute_full, the computation they replace): on a generated
 * history of three keys over two weeks, with sessions across midnight,
 * escalations, agent lines, status changes and ratings, every figure of
 * every whole-day range tried, in every scope, must be the same object,
 * the quality figures (analytics-qtotals.c) with their measures too.
 * Then the same after analytics_rebuild, and after an upgrade (totals
 * missing, rebuilt by the first call).
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
#include "quality.h"
#include "store.h"
#include "tap.h"

#define NPOOL	6	/* sessions open at once */
#define NEVENTS	2500

static unsigned long rng = 12345;

static unsigned
rnd(unsigned n)
{
	rng = rng * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)(rng >> 33) % n;
}

/* The clock: SHOPDESK_NOW, moved on by up to 25 minutes. */
static time_t clock_t0;

static void
tick(void)
{
	char		 buf[32];
	struct tm	 tm;

	clock_t0 += 1 + rnd(1500);
	gmtime_r(&clock_t0, &tm);
	strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
	setenv("SHOPDESK_NOW", buf, 1);
}

struct gen {
	struct store	*st;
	char		*pool[NPOOL];
	int		 next;
	int		 failures;
};

static void
open_session(struct gen *g, int slot)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;
	int		 created, k = (int)rnd(4);

	free(g->pool[slot]);
	g->pool[slot] = xasprintf("g%04d", ++g->next);
	/* Keys 1 and 2, a session no key opened, one not from the API. */
	if (store_begin(g->st, &err) != SD_OK ||
	    history_session_open(g->st, g->pool[slot], "C1", "api", 0, &si,
	    &created, &err) != SD_OK ||
	    (k < 3 && apikey_session_claim(g->st, g->pool[slot], k, &err) !=
	    SD_OK) || store_commit(g->st, &err) != SD_OK) {
		diag("open session: %s", sd_error_msg(&err));
		g->failures++;
	}
	session_info_release(&si);
	sd_error_clear(&err);
}

static void
turn(struct gen *g, const char *sid)
{
	static const char *const texts[] = { "Where is my order?",
	    "  where is my ORDER?  ", "blorp", "thanks!", "I want a laptop",
	    "agent please", "yes", "bye" };
	static const char *const intents[] = { "order_status", "order_status",
	    "unknown", "thanks", "product_search", "contact_human_agent",
	    "affirm", "goodbye" };
	/* Escalations rare enough that many conversations end resolved. */
	static const char *const actions[] = { "order_status", "fallback",
	    "clarify", "recommend", "ask_order_id", "thanks", "greet",
	    "goodbye", "recommend", "order_status", "thanks", NULL,
	    "recommend", "order_status", "escalate", "agent_hold" };
	static const char *const statuses[] = { "active", "active", "active",
	    "active", "active", "active", "active", "active", "closed",
	    "escalated", "agent" };
	static const char *const terms[] = { "order where", "order where",
	    "blorp", "", "laptop want", "agent", "", "" };
	static const char *const variants[] = { NULL, "order_status#1",
	    "order_status#2", "recommend#1" };
	static const char *const generators[] = { NULL, "template", "llm" };
	static const char *const feelings[] = { "none", "none", "frustrated",
	    "angry", NULL };
	struct sd_error	 err = SD_ERROR_INIT;
	struct history_turn ht;
	struct quality_turn q;
	long long	 fid;
	unsigned	 t = rnd(8);
	int		 i, n;

	memset(&ht, 0, sizeof ht);
	ht.session_id = sid;
	ht.text = texts[t];
	ht.intent = rnd(10) == 0 ? NULL : intents[t];
	ht.confidence = 0.9;
	ht.reply = rnd(15) == 0 ? "" : "a reply";
	ht.action = actions[rnd(rnd(4) == 0 ? 16 : 14)];
	ht.latency_us = rnd(12) == 0 ? -1 : 100 + (long long)rnd(3000);
	ht.state = "{}";
	ht.status = statuses[rnd(rnd(5) == 0 ? 11 : 9)];
	/* The quality measures: relevance, variants, feelings, repeats. */
	memset(&q, 0, sizeof q);
	q.terms = (char *)terms[t];
	q.asked = (int)rnd(4);
	q.covered = q.asked > 0 ? (int)rnd((unsigned)q.asked + 1) : 0;
	q.variant = variants[rnd(4)];
	q.generator = generators[rnd(3)];
	q.feeling = feelings[rnd(5)];
	q.urgent = rnd(9) == 0;
	ht.quality = rnd(12) == 0 ? NULL : &q;
	ht.claims = (int)rnd(3);
	ht.claims_backed = ht.claims > 0 ? (int)rnd((unsigned)ht.claims + 1) :
	    0;
	if (history_turn_save(g->st, &ht, &err) != SD_OK) {
		diag("turn: %s", sd_error_msg(&err));
		g->failures++;
	}
	/* Ratings come with the reply, sometimes two of them. */
	n = ht.bot_msg_id > 0 && rnd(3) == 0 ? 1 + (int)rnd(2) : 0;
	for (i = 0; i < n; i++)
		if (analytics_feedback(g->st, ht.bot_msg_id, 1 + (int)rnd(5),
		    NULL, 0, &fid, &err) != SD_OK) {
			diag("feedback: %s", sd_error_msg(&err));
			g->failures++;
		}
	sd_error_clear(&err);
}

static void
generate(struct gen *g)
{
	struct sd_error	 err = SD_ERROR_INIT;
	long long	 id;
	int		 i, slot;

	for (i = 0; i < NPOOL; i++)
		open_session(g, i);
	for (i = 0; i < NEVENTS; i++) {
		tick();
		slot = (int)rnd(NPOOL);
		switch (rnd(30)) {
		case 0:
		case 1:
			open_session(g, slot);
			break;
		case 2:
			if (rnd(3) != 0)
				break;
			if (history_add(g->st, g->pool[slot], "agent",
			    "an agent here", NULL, 0, NULL, -1, NULL, &id,
			    &err) != SD_OK)
				g->failures++;
			break;
		case 3:
		case 4:
			if (history_session_update(g->st, g->pool[slot], "{}",
			    rnd(2) ? "escalated" : "active", NULL, NULL,
			    &err) != SD_OK)
				g->failures++;
			break;
		default:
			turn(g, g->pool[slot]);
		}
	}
	for (i = 0; i < NPOOL; i++)
		free(g->pool[i]);
	sd_error_clear(&err);
}

/* Every range and scope: the totals give the walk's object. */
static int
compare(struct store *st, const char *when)
{
	static const char *const bounds[][2] = {
		{ NULL, NULL }, { "2026-10-01", "2026-10-31" },
		{ "2026-10-03", NULL }, { NULL, "2026-10-05" },
		{ "2026-10-04", "2026-10-04" }, { "2026-10-06", "2026-10-09" },
		{ "2026-10-02", "2026-10-12" }, { "2026-11-01", NULL },
	};
	struct sd_error	 err = SD_ERROR_INIT;
	cJSON		*a = NULL, *b = NULL;
	char		*from, *to, *ja, *jb;
	size_t		 i;
	long long	 key;
	int		 same = 0, tried = 0;

	for (i = 0; i < sizeof bounds / sizeof bounds[0]; i++)
		for (key = 0; key <= 2; key++) {
			from = to = NULL;
			if (bounds[i][0] != NULL)
				analytics_parse_bound(bounds[i][0], 0, &from,
				    NULL);
			if (bounds[i][1] != NULL)
				analytics_parse_bound(bounds[i][1], 1, &to,
				    NULL);
			tried++;
			if (analytics_compute(st, from, to, key, &a, &err) !=
			    SD_OK || analytics_compute_full(st, from, to, key,
			    &b, &err) != SD_OK) {
				diag("%s", sd_error_msg(&err));
				goto next;
			}
			ja = cJSON_PrintUnformatted(a);
			jb = cJSON_PrintUnformatted(b);
			if (strcmp(ja, jb) == 0)
				same++;
			else
				diag("%s, %s .. %s, key %lld:\n# totals %s\n"
				    "# walk   %s", when, from ? from : "-",
				    to ? to : "-", key, ja, jb);
			free(ja);
			free(jb);
next:
			cJSON_Delete(a);
			cJSON_Delete(b);
			a = b = NULL;
			free(from);
			free(to);
		}
	sd_error_clear(&err);
	return same == tried;
}

static long long
scalar(struct store *st, const char *sql)
{
	sqlite3_stmt	*s = NULL;
	long long	 v = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW)
		v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return v;
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct gen	 g;
	char		*dir = tap_tmpdir(), *path, *k = NULL;
	long long	 id;
	cJSON		*a = NULL;
	struct tm	 tm;

	memset(&g, 0, sizeof g);
	memset(&tm, 0, sizeof tm);
	tm.tm_year = 2026 - 1900;
	tm.tm_mon = 9;
	tm.tm_mday = 1;
	clock_t0 = timegm(&tm);
	setenv("SHOPDESK_NOW", "2026-10-01T00:00:00Z", 1);
	path = xasprintf("%s/an.db", dir);
	if ((g.st = store_open(path, NULL, &err)) == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	apikey_create(g.st, "one", 0, &k, &id, &err);
	free(k);
	apikey_create(g.st, "two", 0, &k, &id, &err);
	free(k);
	generate(&g);
	is_int(g.failures, 0, "a history of %d events is stored", NEVENTS);
	ok(scalar(g.st, "SELECT count(*) FROM messages") > 3000,
	    "with %lld messages", scalar(g.st, "SELECT count(*) FROM messages"));
	ok(scalar(g.st, "SELECT count(DISTINCT substr(created_at, 1, 10))"
	    " FROM messages") >= 10, "over %lld days", scalar(g.st,
	    "SELECT count(DISTINCT substr(created_at, 1, 10)) FROM messages"));
	ok(scalar(g.st, "SELECT count(*) FROM stats_session"
	    " WHERE first_day < last_day") > 5, "%lld sessions span days",
	    scalar(g.st, "SELECT count(*) FROM stats_session"
	    " WHERE first_day < last_day"));
	ok(scalar(g.st, "SELECT count(*) FROM feedback WHERE rating <= 2") >
	    50, "with low ratings");
	ok(analytics_compute_full(g.st, NULL, NULL, 0, &a, &err) == SD_OK &&
	    cJSON_GetObjectItem(a, "resolved")->valuedouble > 20 &&
	    cJSON_GetObjectItem(a, "escalated")->valuedouble > 20,
	    "with resolved and escalated conversations");
	cJSON_Delete(a);
	a = NULL;
	is_int(scalar(g.st, "SELECT count(*) FROM stats_built"), 1,
	    "the totals were kept from the first turn on, not rebuilt");
	ok(compare(g.st, "kept by each write"),
	    "the running totals give the walk's figures, every range and key");

	ok(analytics_rebuild(g.st, &err) == SD_OK, "rebuild: %s",
	    sd_error_msg(&err));
	ok(compare(g.st, "rebuilt"), "so do the rebuilt totals");

	/* An upgraded history: rows the totals never saw. */
	ok(store_exec(g.st, "DELETE FROM stats_built;"
	    "UPDATE stats_day SET turns = turns + 1000;", &err) == SD_OK,
	    "totals marked missing, and wrong");
	ok(compare(g.st, "upgraded"), "the first call rebuilds them");
	is_int(scalar(g.st, "SELECT count(*) FROM stats_built"), 1,
	    "and marks them built");

	/* A key's figures are its sessions' only. */
	ok(analytics_compute(g.st, NULL, NULL, 1, &a, &err) == SD_OK &&
	    cJSON_GetObjectItem(a, "conversations")->valuedouble ==
	    (double)scalar(g.st, "SELECT count(*) FROM api_sessions a"
	    " WHERE key_id = 1 AND EXISTS (SELECT 1 FROM messages"
	    " WHERE session_id = a.session_id)"),
	    "key 1 counts the conversations it opened");
	cJSON_Delete(a);

	store_close(g.st);
	tap_rmtree(dir);
	free(path);
	free(dir);
	sd_error_clear(&err);
	done_testing();
	return exit_status();
}

/*
 * Unit tests for the HTTP API's library parts: API keys and session
 * ownership, the rate limiter, the session locks, feedback and
 * the analytics definitions (resolution, fallbacks, failing utterances,
 * latency percentiles), history_turn_save (a turn's writes in one
 * transaction), the checks of what clients send (serve-check.c), the
 * header deadline of the connection table, and a locked store reported
 * as busy.
 */
#include "config.h"

#include <sys/socket.h>

#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "analytics.h"
#include "apikey.h"
#include "history.h"
#include "serve-check.h"
#include "serve-limit.h"
#include "store.h"
#include "tap.h"

/* A session with the given (role, action, intent) messages. */
static void
conv(struct store *st, const char *id, const char *const *m, size_t n)
{
	struct session_info si;
	long long	 mid;
	size_t		 i;
	int		 created;

	history_session_open(st, id, "u1", "api", 0, &si, &created, NULL);
	session_info_release(&si);
	for (i = 0; i + 2 < n; i += 3)
		history_add(st, id, m[i], "some text", m[i + 2], 0.9, m[i + 1],
		    strcmp(m[i], "bot") == 0 ? (long long)(i + 1) * 100 : -1,
		    NULL, &mid, NULL);
}

static double
num(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItem(o, k);

	return cJSON_IsNumber(v) ? v->valuedouble : -1;
}

static void
test_analytics(struct store *st)
{
	/* Confirmed after an answer: resolved. */
	static const char *const thanks[] = {
		"user", NULL, "product_search", "bot", "recommend", NULL,
		"user", NULL, "thanks", "bot", "thanks", NULL };
	/* Left after an answer: resolved. */
	static const char *const left[] = {
		"user", NULL, "order_status", "bot", "order_status", NULL };
	/* Ended in a fallback: not resolved. */
	static const char *const fell[] = {
		"user", NULL, "product_search", "bot", "recommend", NULL,
		"user", NULL, "unknown", "bot", "fallback", NULL };
	/* Escalated after an answer: not resolved. */
	static const char *const esc[] = {
		"user", NULL, "order_status", "bot", "order_status", NULL,
		"user", NULL, "contact_human_agent", "bot", "escalate", NULL };
	/* The bot asked and the customer left: not resolved. */
	static const char *const asked[] = {
		"user", NULL, "track_order", "bot", "ask_order_id", NULL };
	/* Greeted only: nothing answered. */
	static const char *const hello[] = {
		"user", NULL, "greeting", "bot", "greet", NULL };
	struct sd_error	 err = SD_ERROR_INIT;
	cJSON		*a = NULL, *f, *l, *d;
	char		*from = NULL, *to = NULL;
	long long	 fid;
	enum sd_rc	 rc;

	store_begin(st, NULL);
	conv(st, "c1", thanks, sizeof thanks / sizeof *thanks);
	conv(st, "c2", left, sizeof left / sizeof *left);
	conv(st, "c3", fell, sizeof fell / sizeof *fell);
	conv(st, "c4", esc, sizeof esc / sizeof *esc);
	conv(st, "c5", asked, sizeof asked / sizeof *asked);
	conv(st, "c6", hello, sizeof hello / sizeof *hello);
	store_commit(st, NULL);

	/* Feedback: c1's answer (message 2) up, c3's fallback (10) down. */
	ok(analytics_feedback(st, 2, 5, "great", 0, &fid, &err) == SD_OK &&
	    fid > 0, "feedback on a reply is stored");
	rc = analytics_feedback(st, 1, 5, NULL, 0, &fid, &err);
	ok(rc == SD_ERR_INVALID, "feedback on the customer's own line is "
	    "refused: %s", sd_error_msg(&err));
	rc = analytics_feedback(st, 999, 5, NULL, 0, &fid, &err);
	ok(rc == SD_ERR_NOTFOUND, "feedback on a missing message: %s",
	    sd_error_msg(&err));
	ok(analytics_feedback(st, 2, 6, NULL, 0, &fid, &err) == SD_ERR_INVALID,
	    "rating 6 is refused");
	ok(analytics_feedback(st, 10, 1, NULL, 0, &fid, &err) == SD_OK,
	    "a thumbs-down is stored");

	rc = analytics_compute(st, NULL, NULL, 0, &a, &err);
	ok(rc == SD_OK, "analytics compute: %s", sd_error_msg(&err));
	is_int((long long)num(a, "conversations"), 6, "six conversations");
	is_int((long long)num(a, "turns"), 9, "nine customer turns");
	is_int((long long)num(a, "resolved"), 2,
	    "resolved: confirmed, and left after an answer");
	ok(fabs(num(a, "resolution_rate") - 0.3333) < 1e-9,
	    "resolution rate 2/6");
	is_int((long long)num(a, "escalated"), 1, "one escalated");
	is_int((long long)num(a, "fallbacks"), 1, "one fallback");
	ok(fabs(num(a, "fallback_rate") - 0.1111) < 1e-9,
	    "fallback rate 1/9 replies");
	f = cJSON_GetObjectItem(a, "satisfaction");
	is_int((long long)num(f, "ratings"), 2, "two ratings");
	ok(fabs(num(f, "mean") - 3.0) < 1e-9, "mean rating 3");
	ok(fabs(num(f, "positive_rate") - 0.5) < 1e-9, "half positive");
	l = cJSON_GetObjectItem(a, "latency_us");
	is_int((long long)num(l, "n"), 9, "latency of every reply");
	is_int((long long)num(l, "max"), 1000, "latency max");
	is_int((long long)num(l, "p50"), 400, "latency p50 (nearest rank)");
	f = cJSON_GetArrayItem(cJSON_GetObjectItem(a, "failing"), 0);
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(f, "intent")),
	    "unknown", "the failing utterance is grouped under its intent");
	is_int((long long)num(f, "count"), 1,
	    "a fallback rated down counts once");
	is_int(cJSON_GetArraySize(cJSON_GetObjectItem(a, "failing")), 1,
	    "one failing intent");
	d = cJSON_GetArrayItem(cJSON_GetObjectItem(a, "intents"), 0);
	ok(d != NULL && num(d, "count") == 2, "intent distribution");
	d = cJSON_GetObjectItem(a, "daily");
	is_int(cJSON_GetArraySize(d), 1, "one day in the series");
	is_int((long long)num(cJSON_GetArrayItem(d, 0), "turns"), 9,
	    "its turns");
	cJSON_Delete(a);

	ok(analytics_parse_bound("2026-11-20", 1, &to, &err) == SD_OK &&
	    strcmp(to, "2026-11-20T23:59:59Z") == 0, "a date as upper bound");
	ok(analytics_parse_bound("2026-11-21", 0, &from, &err) == SD_OK &&
	    strcmp(from, "2026-11-21T00:00:00Z") == 0, "a date as lower bound");
	ok(analytics_compute(st, from, NULL, 0, &a, &err) == SD_OK &&
	    num(a, "conversations") == 0 && cJSON_IsNull(cJSON_GetObjectItem(a,
	    "resolution_rate")), "an empty range has no rates");
	cJSON_Delete(a);
	free(from);
	free(to);
	rc = analytics_parse_bound("2026-13-01", 0, &from, &err);
	ok(rc == SD_ERR_INVALID && strstr(sd_error_msg(&err), "2026-13-01") !=
	    NULL, "a bad date is named: %s", sd_error_msg(&err));
	ok(analytics_parse_bound("yesterday", 0, &from, &err) ==
	    SD_ERR_INVALID, "words are not dates");
	sd_error_clear(&err);
}

static void
test_keys(struct store *st)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct apikey_info *v = NULL;
	struct session_info si;
	char		*k1 = NULL, *k2 = NULL, *owner = NULL;
	long long	 id1 = 0, id2 = 0;
	size_t		 n = 0, i;
	int		 created;
	enum sd_rc	 rc;

	rc = apikey_create(st, "web", 0, &k1, &id1, &err);
	ok(rc == SD_OK && strncmp(k1, "sdk_", 4) == 0 && strlen(k1) == 44,
	    "create a key: %s", k1 ? k1 : sd_error_msg(&err));
	ok(apikey_create(st, "", 0, &k2, &id2, &err) == SD_OK &&
	    strcmp(k1, k2) != 0, "a second key differs");
	is_int(apikey_lookup(st, k1, strlen(k1), &err), id1,
	    "the key finds its id");
	is_int(apikey_lookup(st, k1, strlen(k1) - 1, &err), 0,
	    "a cut key finds nothing");
	is_int(apikey_lookup(st, "", 0, &err), 0, "an empty key finds nothing");
	{
		sqlite3_stmt	*s = NULL;
		int		 found = 0;

		sqlite3_prepare_v2(store_db(st), "SELECT count(*) FROM api_keys"
		    " WHERE hash = ?1 OR prefix = ?1", -1, &s, NULL);
		sqlite3_bind_text(s, 1, k1, -1, SQLITE_STATIC);
		if (sqlite3_step(s) == SQLITE_ROW)
			found = sqlite3_column_int(s, 0);
		sqlite3_finalize(s);
		is_int(found, 0, "the key itself is not stored");
	}

	history_session_open(st, "s-k1", "u1", "api", 0, &si, &created, NULL);
	session_info_release(&si);
	ok(apikey_session_claim(st, "s-k1", id1, &err) == SD_OK,
	    "record the session's key");
	ok(apikey_session_check(st, "s-k1", id1, &owner, &err) == SD_OK &&
	    owner != NULL && strcmp(owner, "u1") == 0,
	    "its key sees the session and its user");
	free(owner);
	rc = apikey_session_check(st, "s-k1", id2, NULL, &err);
	ok(rc == SD_ERR_NOTFOUND, "another key does not: %s",
	    sd_error_msg(&err));
	ok(apikey_session_check(st, "s-k1", 0, NULL, &err) == SD_OK,
	    "without auth every session is visible");
	ok(apikey_session_check(st, "nope", 0, NULL, &err) == SD_ERR_NOTFOUND,
	    "an unknown session is not found");

	ok(apikey_revoke(st, id1, &err) == SD_OK, "revoke");
	is_int(apikey_lookup(st, k1, strlen(k1), &err), 0,
	    "a revoked key finds nothing");
	rc = apikey_revoke(st, id1, &err);
	ok(rc == SD_ERR_INVALID, "revoking twice: %s", sd_error_msg(&err));
	rc = apikey_revoke(st, 12345, &err);
	ok(rc == SD_ERR_NOTFOUND, "revoking a missing key: %s",
	    sd_error_msg(&err));
	ok(apikey_list(st, &v, &n, &err) == SD_OK && n == 2 &&
	    v[0].revoked_at != NULL && v[1].revoked_at == NULL &&
	    strcmp(v[0].name, "web") == 0 && strncmp(v[0].prefix, k1, 12) == 0,
	    "list shows names, prefixes and revocation");
	for (i = 0; i < n; i++)
		apikey_info_release(&v[i]);
	free(v);
	free(k1);
	free(k2);
	sd_error_clear(&err);
}

static void
test_limiter(void)
{
	struct serve_limiter *l = serve_limiter_new(2, 3);
	struct serve_limiter *off = serve_limiter_new(0, 1);
	int		 i, pass = 1;

	for (i = 0; i < 3; i++)
		pass &= serve_limiter_take(l, "k1", 100.0) == 0;
	ok(pass, "a burst of 3 passes");
	is_int(serve_limiter_take(l, "k1", 100.0), 1,
	    "the 4th waits: Retry-After 1");
	is_int(serve_limiter_take(l, "k2", 100.0), 0,
	    "another client has its own bucket");
	is_int(serve_limiter_take(l, "k1", 100.6), 0,
	    "a token is back after 1/rate seconds");
	is_int(serve_limiter_take(l, "k1", 100.6), 1, "and only one");
	pass = 1;
	for (i = 0; i < 1000; i++)
		pass &= serve_limiter_take(off, "k1", 1.0) == 0;
	ok(pass, "rate 0 never limits");
	serve_limiter_free(l);
	serve_limiter_free(off);
	l = serve_limiter_new(0.1, 1);
	serve_limiter_take(l, "slow", 0);
	is_int(serve_limiter_take(l, "slow", 0), 10,
	    "Retry-After rounds the wait up (rate 0.1/s)");
	serve_limiter_free(l);
}

/* Threads increment a counter under the session lock. */
struct lock_arg {
	struct serve_locks *locks;
	long		*counter;
};

static void *
lock_worker(void *p)
{
	struct lock_arg	*a = p;
	long		 v;
	int		 i;

	for (i = 0; i < 20000; i++) {
		serve_locks_lock(a->locks, "session-1");
		v = *a->counter;
		*a->counter = v + 1;
		serve_locks_unlock(a->locks, "session-1");
	}
	return NULL;
}

static long long
count_of(struct store *st, const char *sql, const char *arg)
{
	sqlite3_stmt	*s;
	long long	 n = -1;

	if (sqlite3_prepare_v2(store_db(st), sql, -1, &s, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(s, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	return n;
}

static void
test_turn_save(struct store *st)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;
	struct history_turn ht;
	struct message_info *mi = NULL;
	size_t		 n = 0, i;
	int		 created;
	enum sd_rc	 rc;

	history_session_open(st, "ts1", "u1", "api", 0, &si, &created, NULL);
	session_info_release(&si);
	memset(&ht, 0, sizeof ht);
	ht.session_id = "ts1";
	ht.text = "where is my order?";
	ht.intent = "order_status";
	ht.confidence = 0.75;
	ht.reply = "Which order?";
	ht.action = "ask_order";
	ht.latency_us = 123;
	ht.trace = "{\"action\":\"ask_order\"}";
	ht.state = "{\"asked\":\"order\"}";
	ht.status = "active";
	is_int(history_turn_save(st, &ht, &err), SD_OK, "a turn is saved");
	ok(ht.user_msg_id > 0 && ht.bot_msg_id == ht.user_msg_id + 1,
	    "the user line and the bot line get their ids");
	/* A second turn without a reply: one line, no trace. */
	ht.text = "hello?";
	ht.reply = "";
	ht.state = "{\"asked\":null}";
	is_int(history_turn_save(st, &ht, &err), SD_OK,
	    "a turn without a reply is saved");
	is_int(ht.bot_msg_id, 0, "and has no bot line");
	history_messages(st, "ts1", 0, 0, 1, &mi, &n, NULL);
	is_int((long long)n, 3, "three lines stored");
	for (i = 0; i < n; i++)
		is_int(mi[i].seq, (long long)i + 1, "line %zu has seq %zu",
		    i + 1, i + 1);
	ok(n == 3 && strcmp(mi[1].role, "bot") == 0 && mi[1].trace != NULL &&
	    strcmp(mi[1].trace, "{\"action\":\"ask_order\"}") == 0 &&
	    mi[1].latency_us == 123 && strcmp(mi[1].action, "ask_order") == 0,
	    "the bot line has its trace, action and latency");
	ok(n == 3 && mi[2].trace == NULL, "the reply-less line has no trace");
	for (i = 0; i < n; i++)
		message_info_release(&mi[i]);
	free(mi);
	history_session_get(st, "ts1", &si, NULL);
	ok(si.state != NULL && strcmp(si.state, "{\"asked\":null}") == 0,
	    "the session holds the last state");
	session_info_release(&si);

	/* An unknown session: an error, and nothing written. */
	ht.session_id = "nosuch";
	ht.reply = "x";
	rc = history_turn_save(st, &ht, &err);
	ok(rc != SD_OK, "a turn of an unknown session is refused (%s)",
	    sd_error_msg(&err));
	is_int(count_of(st, "SELECT count(*) FROM messages WHERE session_id"
	    " = ?1", "nosuch"), 0, "and leaves no line behind");
	ok(sqlite3_get_autocommit(store_db(st)), "nor an open transaction");
	/* Invalid JSON for the state: the CHECK refuses it, all undone. */
	ht.session_id = "ts1";
	ht.state = "{not json";
	is_int(history_turn_save(st, &ht, &err), SD_ERR_DB,
	    "a state that is not JSON is refused");
	is_int(count_of(st, "SELECT count(*) FROM messages WHERE session_id"
	    " = ?1", "ts1"), 3, "and the turn's lines are undone");
	sd_error_clear(&err);
}

static void
test_locks(void)
{
	struct serve_locks *sl = serve_locks_new(16);
	struct lock_arg	 a;
	pthread_t	 t[4];
	long		 counter = 0;
	int		 i;

	a.locks = sl;
	a.counter = &counter;
	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, lock_worker, &a);
	for (i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	is_int(counter, 80000, "the session lock serialises 4 threads");
	serve_locks_free(sl);
}

static int
json_ok(const char *s, size_t n, size_t want_at)
{
	size_t		 at = (size_t)-1;
	const char	*why = NULL;

	if (serve_json_scan(s, n, &at, &why))
		return want_at == (size_t)-1;
	return at == want_at && why != NULL;
}

#define JSON_OK(lit, at)	json_ok(lit, sizeof lit - 1, at)

static void
test_check(void)
{
	static const char nul_raw[] = "{\"a\":\"x\0y\"}";
	struct sbuf	 sb = SBUF_INIT;
	char		*big = xmalloc(70000);
	size_t		 at = 0;

	ok(JSON_OK("{\"user_id\":\"C1\",\"message\":\"hi\\n\"}",
	    (size_t)-1), "plain JSON passes the scan");
	ok(JSON_OK("{\"user_id\":\"C1036\\u0000-not\"}", 17),
	    "\\u0000 in a string is found at its backslash");
	ok(JSON_OK("{\"a\":\"\\\\u0000\"}", (size_t)-1),
	    "an escaped backslash before u0000 is no NUL");
	ok(JSON_OK("{\"a\":\"x\ty\"}", 7),
	    "a raw tab inside a string is refused");
	ok(JSON_OK("{\"a\":\n\t\"x\"}", (size_t)-1),
	    "whitespace between tokens is fine");
	ok(json_ok(nul_raw, sizeof nul_raw - 1, 7), "a raw NUL byte is refused");
	ok(JSON_OK("{\"a\":\"caf\377\"}", 9), "invalid UTF-8 is refused");
	ok(JSON_OK("{\"a\":\"\\\"\t\"}", 8),
	    "an escaped quote does not end the string");
	ok(serve_text_ok("C1036", 5, 0, &at), "an id passes");
	ok(!serve_text_ok("C1\x01", 3, 0, &at) && at == 2,
	    "a control byte in an id is refused");
	ok(!serve_text_ok("a\nb", 3, 0, &at) && serve_text_ok("a\nb", 3, 1,
	    &at), "a newline passes in a message, not in an id");
	ok(!serve_text_ok("a\x7f", 2, 1, &at), "DEL is refused");
	ok(serve_te_chunked("chunked") && serve_te_chunked(" Chunked "),
	    "chunked is chunked");
	ok(!serve_te_chunked("gzip, chunked") && !serve_te_chunked("chunked, "
	    "chunked") && !serve_te_chunked(""), "other codings are not");
	ok(serve_method_ok("GET") && !serve_method_ok("G T") &&
	    !serve_method_ok("\x01\x02") && !serve_method_ok(""),
	    "methods are tokens");
	ok(serve_addr_loopback("127.0.0.1") && serve_addr_loopback("127.9.0.2")
	    && serve_addr_loopback("::1") &&
	    serve_addr_loopback("::ffff:127.0.0.1"), "loopback addresses");
	ok(!serve_addr_loopback("0.0.0.0") && !serve_addr_loopback("::") &&
	    !serve_addr_loopback("10.0.0.1") && !serve_addr_loopback("x"),
	    "other addresses");
	memset(big, 'a', 69999);
	big[0] = '\xc3';
	big[1] = '\xa9';
	big[69999] = '\0';
	serve_echo(&sb, big + 1);
	ok(sb.len <= SERVE_ECHO_MAX + 3 && strcmp(sb.buf + sb.len - 3, "...") ==
	    0, "a long echo is cut (%zu bytes)", sb.len);
	sbuf_reset(&sb);
	serve_echo(&sb, big + 63);
	ok(sb.len <= SERVE_ECHO_MAX + 3, "an echo never cuts a code point");
	sbuf_reset(&sb);
	serve_echo(&sb, "abc");
	is_str(sb.buf, "abc", "a short echo is whole");
	sbuf_release(&sb);
	free(big);
}

static void
test_conns(void)
{
	struct serve_conns *t = serve_conns_new();
	struct serve_conn *a, *b;
	int		 sa[2], sb[2];
	char		 c;

	if (socketpair(AF_UNIX, SOCK_STREAM, 0, sa) != 0 ||
	    socketpair(AF_UNIX, SOCK_STREAM, 0, sb) != 0) {
		ok(0, "socketpair");
		return;
	}
	a = serve_conns_add(t, sa[0], 100);
	b = serve_conns_add(t, sb[0], 100);
	is_int((int)serve_conns_count(t), 2, "two connections");
	is_int((int)serve_conns_reap(t, 104, 5), 0, "none is late at 4 s");
	serve_conn_busy(b);
	is_int((int)serve_conns_reap(t, 106, 5), 1, "one is late at 6 s");
	ok(read(sa[1], &c, 1) == 0, "its peer sees the end");
	is_int((int)serve_conns_reap(t, 107, 5), 0, "it is shut only once");
	serve_conn_idle(b, 110);
	is_int((int)serve_conns_reap(t, 114, 5), 0,
	    "a busy one then idle waits anew");
	is_int((int)serve_conns_reap(t, 115.5, 5), 1, "and is shut later");
	serve_conns_remove(t, a);
	serve_conns_remove(t, b);
	is_int((int)serve_conns_reap(t, 200, 5), 0, "removed ones are gone");
	is_int((int)serve_conns_count(t), 0, "none counted");
	serve_conns_free(t);
	close(sa[0]);
	close(sa[1]);
	close(sb[0]);
	close(sb[1]);
}

/* A write lock held by another connection is SD_ERR_BUSY, not DB. */
static void
test_busy(const char *path)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*s1, *s2;
	enum sd_rc	 rc;

	s1 = store_open(path, NULL, &err);
	s2 = store_open(path, NULL, &err);
	if (s1 == NULL || s2 == NULL) {
		ok(0, "open twice: %s", sd_error_msg(&err));
		return;
	}
	sqlite3_busy_timeout(store_db(s2), 0);
	ok(store_begin(s1, &err) == SD_OK, "one connection writes");
	rc = store_begin(s2, &err);
	ok(rc == SD_ERR_BUSY && err.rc == SD_ERR_BUSY,
	    "the other is told busy (%s)", sd_error_msg(&err));
	store_rollback(s1);
	sd_error_clear(&err);
	ok(store_begin(s2, &err) == SD_OK, "and writes once it is free");
	store_rollback(s2);
	store_close(s1);
	store_close(s2);
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*st;
	char		*dir, *path;

	setenv("SHOPDESK_NOW", "2026-11-20T12:00:00Z", 1);
	test_limiter();
	test_locks();
	test_check();
	test_conns();
	dir = tap_tmpdir();
	path = xasprintf("%s/api.db", dir);
	if ((st = store_open(path, NULL, &err)) == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	test_keys(st);
	test_analytics(st);
	test_turn_save(st);
	store_close(st);
	test_busy(path);
	tap_rmtree(dir);
	free(path);
	free(dir);
	done_testing();
	return exit_status();
}

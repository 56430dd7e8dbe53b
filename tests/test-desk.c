/*
 * test-desk.c: the agent desk's rules as a library (desk.c): a claim
 * refused to a second agent unless forced, lines of an agent who lost
 * the claim refused, notes kept out of the conversation, labels,
 * resolve and its count, the queue's order and filters, and the
 * customer panel's return verdicts, look-ups and proactive messages.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "catalog.h"
#include "desk.h"
#include "history.h"
#include "ingest.h"
#include "store.h"
#include "tap.h"
#include "seed.h"
#include "trigger.h"

/* A session of customer with one line of theirs. */
static char *
session_with(struct store *st, const char *customer, const char *text)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;
	char		*id;
	int		 created;

	if (history_session_open(st, NULL, customer, "api", 0, &si, &created,
	    &err) != SD_OK || history_add(st, si.id, "user", text, NULL, 0,
	    NULL, -1, NULL, NULL, &err) != SD_OK) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		exit(1);
	}
	id = xstrdup(si.id);
	session_info_release(&si);
	return id;
}

static long long
count_role(struct store *st, const char *sid, const char *role,
    const char *has)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct message_info *v = NULL;
	size_t		 n = 0, i;
	long long	 k = 0;

	history_messages(st, sid, 0, 0, 0, &v, &n, &err);
	for (i = 0; i < n; i++) {
		if ((role == NULL || strcmp(v[i].role, role) == 0) &&
		    (has == NULL || strstr(v[i].text, has) != NULL))
			k++;
		message_info_release(&v[i]);
	}
	free(v);
	return k;
}

static void
test_claims(struct store *st, const char *sid)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct desk_note *nv = NULL;
	size_t		 nn = 0, i;
	char		*was = NULL;

	ok(desk_takeover(st, sid, "alice", 0, &was, &err) == SD_OK &&
	    was == NULL, "alice takes a free session");
	ok(desk_takeover(st, sid, "bob", 0, &was, &err) == SD_ERR_CONFLICT,
	    "bob's takeover is refused");
	ok(strstr(sd_error_msg(&err), "held by alice") != NULL,
	    "naming alice: %s", sd_error_msg(&err));
	sd_error_clear(&err);
	ok(desk_say(st, sid, "bob", "hello", NULL, &err) == SD_ERR_CONFLICT,
	    "bob may not write in alice's session");
	sd_error_clear(&err);
	ok(desk_takeover(st, sid, "bob", 1, &was, &err) == SD_OK &&
	    was != NULL && strcmp(was, "alice") == 0,
	    "a forced takeover says whom it took it from");
	free(was);
	ok(desk_notes(st, sid, 0, &nv, &nn, &err) == SD_OK && nn == 1 &&
	    strcmp(nv[0].kind, "event") == 0 && strcmp(nv[0].text,
	    "bob took the session over from alice") == 0,
	    "and leaves an event for alice");
	for (i = 0; i < nn; i++)
		desk_note_release(&nv[i]);
	free(nv);
	ok(desk_say(st, sid, "alice", "still here", NULL, &err) ==
	    SD_ERR_CONFLICT && strstr(sd_error_msg(&err), "held by bob") !=
	    NULL, "alice's line after losing it is refused, naming bob");
	sd_error_clear(&err);
	is_int(count_role(st, sid, "agent", NULL), 0,
	    "no agent line stored for a refused one");
	ok(desk_say(st, sid, "bob", "Bob here", NULL, &err) == SD_OK,
	    "bob writes");
	ok(desk_handback(st, sid, "alice", &err) == SD_ERR_CONFLICT,
	    "alice may not hand back bob's session");
	sd_error_clear(&err);
}

static void
test_notes_labels(struct store *st, const char *sid)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*l;
	int		 changed;

	ok(desk_note_add(st, sid, "bob", "refund approved by Sam", &err) ==
	    SD_OK, "a private note");
	is_int(count_role(st, sid, NULL, "refund approved"), 0,
	    "is not a message of the conversation");
	ok(desk_label(st, sid, "VIP", 1, &changed, &err) == SD_OK && changed,
	    "a label");
	ok(desk_label(st, sid, "vip", 1, &changed, &err) == SD_OK && !changed,
	    "the same label again changes nothing");
	ok(desk_label(st, sid, "two words", 1, NULL, &err) == SD_ERR_INVALID,
	    "a label is one word");
	sd_error_clear(&err);
	desk_label(st, sid, "refund", 1, NULL, &err);
	l = desk_labels(st, sid);
	is_str(l, "refund, vip", "labels, folded and sorted");
	free(l);
	desk_label(st, sid, "refund", 0, NULL, &err);
	l = desk_labels(st, sid);
	is_str(l, "vip", "a label removed");
	free(l);
}

static void
test_resolve(struct store *st, const char *sid)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;
	long long	 n = -1;

	ok(desk_resolve(st, sid, "alice", NULL, &err) == SD_ERR_CONFLICT,
	    "alice may not resolve bob's session");
	sd_error_clear(&err);
	ok(desk_resolve(st, sid, "bob", "sent a voucher", &err) == SD_OK,
	    "bob resolves it");
	ok(history_session_get(st, sid, &si, &err) == SD_OK &&
	    strcmp(si.status, "closed") == 0 && si.agent == NULL,
	    "the session is closed and free");
	session_info_release(&si);
	ok(desk_resolved_count(st, NULL, NULL, 0, &n, &err) == SD_OK &&
	    n == 1, "one conversation resolved by an agent (%lld)", n);
	desk_resolved_count(st, "2026-11-21", NULL, 0, &n, &err);
	is_int(n, 0, "none after the day it was resolved");
	desk_resolved_count(st, NULL, NULL, 42, &n, &err);
	is_int(n, 0, "none among another key's sessions");
}

static void
test_queue(struct store *st, const char *held, const char *esc)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct desk_filter f = { DESK_ALL, "bob", NULL, NULL, 0 };
	struct desk_row	*v = NULL;
	size_t		 n = 0, i;

	desk_takeover(st, held, "bob", 0, NULL, &err);
	desk_escalate(st, esc, "asked for a person", &err);
	ok(desk_queue(st, &f, &v, &n, &err) == SD_OK && n == 3,
	    "the queue lists every session (%zu)", n);
	ok(n == 3 && strcmp(v[0].s.id, esc) == 0 && v[0].waiting != NULL,
	    "the escalated session whose customer waits comes first");
	ok(n == 3 && strcmp(v[1].s.id, held) == 0, "then the held one");
	ok(n == 3 && v[0].customer != NULL &&
	    strcmp(v[0].customer, "Jordan Lee") == 0,
	    "with the customer's name");
	ok(n == 3 && v[0].last_text != NULL &&
	    strcmp(v[0].last_text, "I want a person") == 0 &&
	    strcmp(v[0].last_role, "user") == 0, "and the last line");
	for (i = 0; i < n; i++)
		desk_row_release(&v[i]);
	free(v);
	f.show = DESK_ESCALATED;
	desk_queue(st, &f, &v, &n, &err);
	ok(n == 1 && strcmp(v[0].s.id, esc) == 0, "escalated only");
	for (i = 0; i < n; i++)
		desk_row_release(&v[i]);
	free(v);
	f.show = DESK_MINE;
	desk_queue(st, &f, &v, &n, &err);
	ok(n == 1 && strcmp(v[0].s.id, held) == 0, "bob's only");
	for (i = 0; i < n; i++)
		desk_row_release(&v[i]);
	free(v);
	f.show = DESK_LABEL;
	f.label = "vip";
	desk_queue(st, &f, &v, &n, &err);
	ok(n == 1, "by label (%zu)", n);
	for (i = 0; i < n; i++)
		desk_row_release(&v[i]);
	free(v);
	f.show = DESK_ALL;
	f.text = "100%";
	desk_queue(st, &f, &v, &n, &err);
	is_int((long long)n, 0, "a search's %% is a character, not a "
	    "wildcard");
	free(v);
	f.text = "PERSON";
	desk_queue(st, &f, &v, &n, &err);
	ok(n == 1 && strcmp(v[0].s.id, esc) == 0,
	    "a search across the conversations, any case");
	for (i = 0; i < n; i++)
		desk_row_release(&v[i]);
	free(v);
	is_int(desk_seconds_since("2026-11-20T11:55:30Z"), 270,
	    "waiting time in seconds");
}

static void
test_panel(struct store *st)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct desk_panel p;
	char		**ids = NULL;
	size_t		 n = 0, i;

	ok(desk_panel_load(st, "C1002", &p, &err) == SD_OK,
	    "the panel of C1002");
	ok(strcmp(p.cust.name, "Paige Lopez") == 0 && p.norders == 4,
	    "her name and four orders (%zu)", p.norders);
	for (i = 0; i < p.norders; i++) {
		if (strcmp(p.orders[i].o.id, "12072") == 0)
			is_str(p.orders[i].returns, "no, delivered 53 days "
			    "ago (window 30 days)", "12072: window passed");
		if (strcmp(p.orders[i].o.id, "12191") == 0)
			is_str(p.orders[i].returns, "not yet, the order is "
			    "cancelled", "12191: never delivered");
		if (strcmp(p.orders[i].o.id, "12170") == 0)
			is_str(p.orders[i].returns, "already requested",
			    "12170: a return is under way");
	}
	desk_panel_release(&p);
	ok(desk_panel_load(st, "NOBODY", &p, &err) == SD_ERR_NOTFOUND,
	    "an unknown customer");
	desk_panel_release(&p);
	sd_error_clear(&err);
	ok(desk_orders_named(st, "C1002", "galaxy", &ids, &n, &err) == SD_OK &&
	    n == 2 && strcmp(ids[0], "12191") == 0 && strcmp(ids[1],
	    "12072") == 0, "her orders holding a Galaxy, newest first");
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
}

/*
 * The proactive messages in the panel: the demo's triggers at
 * 2026-11-20T12:00Z send C1005 an abandoned-cart message, then a
 * price-drop one, in one session; her client fetches the first only.
 */
static void
test_notes(struct store *st, const char *share)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct trigger_set set;
	struct trigger_firing *f = NULL;
	struct trigger_counts counts;
	struct desk_panel p;
	char		*path = xasprintf("%s/triggers.json", share);
	const char	*sid = NULL;
	long long	 mid = 0;
	size_t		 n = 0, i;

	if (trigger_load(path, &set, &err) != SD_OK ||
	    trigger_run(st, &set, 0, &f, &n, &counts, &err) != SD_OK) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		exit(1);
	}
	for (i = 0; i < n; i++)
		if (strcmp(f[i].customer, "C1005") == 0 &&
		    strcmp(f[i].trigger, "abandoned-cart") == 0) {
			sid = f[i].session_id;
			mid = f[i].message_id;
		}
	ok(sid != NULL && trigger_seen(st, sid, mid, mid, &err) == SD_OK,
	    "C1005's client fetches the abandoned-cart message");
	ok(desk_panel_load(st, "C1005", &p, &err) == SD_OK,
	    "the panel of C1005");
	is_int((long long)p.nnotes, 2, "lists the two messages sent to her");
	if (p.nnotes == 2) {
		is_str(p.notes[0].trigger, "price-drop", "newest first");
		ok(p.notes[0].seen_at == NULL, "the price drop is not seen");
		is_str(p.notes[1].trigger, "abandoned-cart", "then the cart");
		is_str(p.notes[1].seen_at, "2026-11-20T12:00:00Z",
		    "seen when her client fetched it");
		is_str(p.notes[1].session_id, sid, "in its session");
		ok(strstr(p.notes[0].text, "Good news, Olivia") != NULL,
		    "with the message's text");
	}
	desk_panel_release(&p);
	ok(desk_panel_load(st, "C1002", &p, &err) == SD_OK &&
	    p.nnotes == 1 && strcmp(p.notes[0].trigger, "holiday-gifts") == 0,
	    "C1002 got one message, a seasonal one");
	desk_panel_release(&p);
	for (i = 0; i < n; i++)
		trigger_firing_release(&f[i]);
	free(f);
	trigger_set_release(&set);
	free(path);
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*st;
	const char	*share = seed_share();
	char		*dir, *path, *s1, *s2, *s3;

	if ((st = seed_demo("desk.db", &dir, &path, &err)) == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	s1 = session_with(st, "C1002", "where is my order 12072?");
	s2 = session_with(st, "C1001", "I want a person");
	s3 = session_with(st, NULL, "hello");
	test_claims(st, s1);
	test_notes_labels(st, s1);
	test_resolve(st, s1);
	test_queue(st, s1, s2);
	test_panel(st);
	test_notes(st, share);
	store_close(st);
	tap_rmtree(dir);
	free(s1);
	free(s2);
	free(s3);
	free(path);
	free(dir);
	done_testing();
	return exit_status();
}

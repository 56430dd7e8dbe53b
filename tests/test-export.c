/*
 * Training data out: personal data masked (each kind, and what must
 * stay), and the three export formats on a two-conversation fixture.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "corpus.h"
#include "export.h"
#include "history.h"
#include "ingest.h"
#include "mask.h"
#include "store.h"
#include "tap.h"

static void
masks(const char *in, const char *want, int n)
{
	struct sbuf	 sb = SBUF_INIT;
	int		 got = mask_personal(in, &sb);

	ok(strcmp(sb.buf, want) == 0 && got == n, "mask \"%s\" -> \"%s\" "
	    "(%d)", in, sb.buf, got);
	sbuf_release(&sb);
}

static void
test_mask(void)
{
	masks("write to jane.doe+shop@mail.example.co.uk.", "write to "
	    "[email].", 1);
	masks("call +1 (555) 123-4567 or 020 7946 0958", "call [phone] or "
	    "[phone]", 2);
	masks("card 4111 1111 1111 1111 expires", "card [card] expires", 1);
	/* Not Luhn: a tracking number, say; and no part of it a phone. */
	masks("parcel 4111-1111-1111-1112", "parcel 4111-1111-1111-1112", 0);
	masks("I live at 221b Baker Street, London", "I live at [address], "
	    "London", 1);
	masks("ship to 400 N Main St. please", "ship to [address] please", 1);
	masks("order 12218 placed 2026-11-05 for $1299.99, AUD-1155",
	    "order 12218 placed 2026-11-05 for $1299.99, AUD-1155", 0);
	masks("3 Baker books", "3 Baker books", 0);
	masks("", "", 0);
}

/* Two conversations: one resolved with a category, one with a phone. */
static int
fixture(struct store *st)
{
	static const struct {
		const char *sid, *text, *intent, *reply, *action, *trace;
	} t[] = {
		{ "a", "cheap headphones for jane@x.org", "product_inquiry",
		    "The Soundcore Liberty 4 NC at $99.", "recommend",
		    "{\"entities\":[{\"type\":\"category\",\"value\":"
		    "\"headphones\"}],\"retrieved\":[{\"kind\":\"product\","
		    "\"id\":\"AUD-1155\",\"title\":\"Soundcore Liberty 4 NC\","
		    "\"snippet\":\"\",\"cited\":true}]}" },
		{ "a", "thanks", "thanks", "You're welcome!", "thanks",
		    "{}" },
		{ "b", "call me on 0612345678", "contact_human_agent",
		    "Sorry, I did not get that.", "fallback", "{}" },
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct session_info si;
	struct history_turn ht;
	size_t		 i;
	int		 created, fails = 0;

	for (i = 0; i < sizeof t / sizeof t[0]; i++) {
		memset(&si, 0, sizeof si);
		if (history_session_open(st, t[i].sid, NULL, "api", 0, &si,
		    &created, &err) != SD_OK)
			fails++;
		session_info_release(&si);
		memset(&ht, 0, sizeof ht);
		ht.session_id = t[i].sid;
		ht.text = t[i].text;
		ht.intent = t[i].intent;
		ht.confidence = 0.9;
		ht.reply = t[i].reply;
		ht.action = t[i].action;
		ht.latency_us = 10;
		ht.trace = t[i].trace;
		ht.state = "{}";
		ht.status = "active";
		if (history_turn_save(st, &ht, &err) != SD_OK)
			fails++;
	}
	if (fails)
		diag("%s", sd_error_msg(&err));
	sd_error_clear(&err);
	return fails;
}

/* Export in format to a string (caller frees). */
static char *
run(struct store *st, enum export_format f, int only, long long *n)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct export_opts o;
	char		*buf = NULL;
	size_t		 len = 0;
	FILE		*fp = open_memstream(&buf, &len);

	memset(&o, 0, sizeof o);
	o.format = f;
	o.only_resolved = only;
	if (export_write(st, &o, fp, n, &err) != SD_OK)
		diag("export: %s", sd_error_msg(&err));
	fclose(fp);
	sd_error_clear(&err);
	return buf;
}

static void
test_export(struct store *st)
{
	cJSON		*j, *c, *md;
	char		*s, *line, *save = NULL;
	long long	 n;
	int		 lines = 0;

	is_int(fixture(st), 0, "the fixture is stored");
	s = run(st, EXPORT_CONVERSATIONS, 0, &n);
	j = cJSON_Parse(s);
	is_int(n, 2, "two conversations");
	ok(j != NULL && cJSON_GetArraySize(cJSON_GetObjectItem(j,
	    "conversations")) == 2, "the spec's structure parses");
	c = cJSON_GetArrayItem(cJSON_GetObjectItem(j, "conversations"), 0);
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(c, "id")), "a",
	    "ids are the sessions'");
	is_int(cJSON_GetArraySize(cJSON_GetObjectItem(c, "turns")), 4,
	    "four turns");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(
	    cJSON_GetObjectItem(c, "turns"), 1), "speaker")), "agent",
	    "the bot speaks as agent");
	md = cJSON_GetObjectItem(c, "metadata");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(md, "intent")),
	    "product_inquiry", "metadata intent: the first real one");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(md, "category")),
	    "headphones", "metadata category from the entities");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(md, "outcome")),
	    "resolved", "metadata outcome: thanked after an answer");
	md = cJSON_GetObjectItem(cJSON_GetArrayItem(cJSON_GetObjectItem(j,
	    "conversations"), 1), "metadata");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(md, "outcome")),
	    "not_resolved", "b ended on a fallback");
	ok(strstr(s, "jane@x.org") == NULL && strstr(s, "0612345678") ==
	    NULL && strstr(s, "[email]") != NULL && strstr(s, "[phone]") !=
	    NULL, "the email and the phone are masked");
	cJSON_Delete(j);
	free(s);

	s = run(st, EXPORT_CONVERSATIONS, 1, &n);
	is_int(n, 1, "--only-resolved keeps a");
	free(s);

	s = run(st, EXPORT_NLU, 0, &n);
	is_int(n, 3, "three NLU examples");
	for (line = strtok_r(s, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		j = cJSON_Parse(line);
		lines += j != NULL && cJSON_IsString(cJSON_GetObjectItem(j,
		    "text")) && cJSON_IsString(cJSON_GetObjectItem(j,
		    "intent"));
		cJSON_Delete(j);
	}
	is_int(lines, 3, "each a JSON line with text and intent");
	free(s);

	s = run(st, EXPORT_CHAT, 0, &n);
	is_int(n, 3, "a chat record per reply");
	line = strtok_r(s, "\n", &save);
	j = cJSON_Parse(line);
	c = cJSON_GetObjectItem(j, "messages");
	is_int(cJSON_GetArraySize(c), 3, "system, user, assistant");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(c,
	    0), "role")), "system", "the system message first");
	ok(strstr(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(
	    c, 0), "content")), "[product AUD-1155] Soundcore Liberty 4 NC") !=
	    NULL, "carrying the context the reply used");
	is_str(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(c,
	    1), "content")), "cheap headphones for [email]",
	    "the user's line masked");
	cJSON_Delete(j);
	line = strtok_r(NULL, "\n", &save);
	j = cJSON_Parse(line);
	is_int(cJSON_GetArraySize(cJSON_GetObjectItem(j, "messages")), 5,
	    "the second reply carries the conversation before it");
	cJSON_Delete(j);
	free(s);
}

/*
 * An export read back by shopdesk ingest: the stored training
 * conversations, written in the same format, are the text exported.
 */
static void
test_round_trip(struct store *st, const char *dir)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct ingest_stats is;
	struct corpus_conv *v = NULL;
	struct store	*st2;
	struct sbuf	 back = SBUF_INIT;
	char		*s, *file, *path2, *one;
	long long	 n;
	size_t		 nv = 0, i;
	FILE		*fp;
	cJSON		*o;

	s = run(st, EXPORT_CONVERSATIONS, 0, &n);
	ok(strstr(s, "{\"speaker\":\"user\",\"text\":\"thanks\","
	    "\"intent\":\"thanks\"}") != NULL,
	    "a customer line carries its intent");
	file = xasprintf("%s/export.json", dir);
	path2 = xasprintf("%s/in.db", dir);
	fp = fopen(file, "w");
	fputs(s, fp);
	fclose(fp);
	memset(&is, 0, sizeof is);
	st2 = store_open(path2, NULL, &err);
	ok(st2 != NULL && ingest_file(st2, file, NULL, &is, &err) == SD_OK,
	    "the export ingests: %s", sd_error_msg(&err));
	is_int(is.conversations, 2, "two conversations read");
	is_int(is.examples, 3, "three labelled customer lines");
	ok(st2 != NULL && corpus_list(st2, &v, &nv, &err) == SD_OK,
	    "listed back");
	sbuf_adds(&back, "{\"conversations\":[");
	for (i = 0; i < nv; i++) {
		o = corpus_conv_json(&v[i]);
		one = cJSON_PrintUnformatted(o);
		sbuf_addf(&back, "%s%s", i > 0 ? "," : "", one);
		free(one);
		cJSON_Delete(o);
	}
	sbuf_adds(&back, "]}\n");
	is_str(back.buf, s, "the same conversations come back");
	corpus_convs_free(v, nv);
	if (st2 != NULL)
		store_close(st2);
	sd_error_clear(&err);
	sbuf_release(&back);
	free(s);
	free(file);
	free(path2);
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*dir = tap_tmpdir(), *path;
	struct store	*st;

	test_mask();
	setenv("SHOPDESK_NOW", "2026-11-20T12:00:00Z", 1);
	path = xasprintf("%s/e.db", dir);
	if ((st = store_open(path, NULL, &err)) == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	test_export(st);
	test_round_trip(st, dir);
	store_close(st);
	free(path);
	tap_rmtree(dir);
	free(dir);
	done_testing();
	return exit_status();
}

/*
 * export.c owns the training-data formats the stored conversations are
 * written in (export.h).  It reads the history through history.h and
 * the outcomes through analytics.h, and masks every text it writes
 * (mask.h): customers' lines, replies, agents' lines and the context of
 * chat records alike, since a reply may quote an address back.
 *
 * Conversations follow the spec's "Training Data Structure": turns of
 * {speaker, text} with speaker "user" or "agent" (a human agent's lines
 * are agent turns too, with "human": true; a customer's line carries
 * the intent it was classified as, so that shopdesk ingest reads it
 * back as a training example), and metadata {intent,
 * category, outcome}: the first intent that is not small talk, the
 * first product category named, and the honest outcome.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "analytics.h"
#include "export.h"
#include "history.h"
#include "intent.h"
#include "mask.h"
#include "sbuf.h"

int
export_format_parse(const char *s)
{
	if (strcmp(s, "conversations") == 0)
		return EXPORT_CONVERSATIONS;
	if (strcmp(s, "nlu") == 0)
		return EXPORT_NLU;
	if (strcmp(s, "chat") == 0)
		return EXPORT_CHAT;
	return -1;
}

/* A masked copy of s as a JSON string. */
static cJSON *
masked(const char *s)
{
	struct sbuf	 sb = SBUF_INIT;
	cJSON		*v;

	mask_personal(s != NULL ? s : "", &sb);
	v = cJSON_CreateString(sb.buf);
	sbuf_release(&sb);
	return v;
}

static int
in_range(const struct export_opts *o, const char *at)
{
	return (o->from == NULL || strcmp(at, o->from) >= 0) &&
	    (o->to == NULL || strcmp(at, o->to) <= 0);
}

static int
small_talk(const char *intent)
{
	static const char *const v[] = { "greeting", "goodbye", "thanks",
	    "affirm", "deny", "none", "out_of_scope", NULL };
	size_t	 i;

	for (i = 0; v[i] != NULL; i++)
		if (strcmp(intent, v[i]) == 0)
			return 1;
	return 0;
}

/* The first category entity of a reply's trace, or NULL. */
static const char *
category(const cJSON *trace)
{
	const cJSON	*e;
	const char	*t;

	cJSON_ArrayForEach(e, cJSON_GetObjectItem(trace, "entities"))
		if ((t = cJSON_GetStringValue(cJSON_GetObjectItem(e,
		    "type"))) != NULL && strcmp(t, "category") == 0)
			return cJSON_GetStringValue(cJSON_GetObjectItem(e,
			    "value"));
	return NULL;
}

/* The seed format's conversation of messages m[0..n). */
static cJSON *
conversation(const char *sid, const struct message_info *m, size_t n,
    const cJSON *outcome)
{
	cJSON		*c = cJSON_CreateObject(), *turns, *t, *md, *tr;
	const char	*intent = NULL;
	char		*cat = NULL;
	size_t		 i;

	cJSON_AddStringToObject(c, "id", sid);
	turns = cJSON_AddArrayToObject(c, "turns");
	for (i = 0; i < n; i++) {
		if (strcmp(m[i].role, "system") == 0)
			continue;
		t = cJSON_CreateObject();
		cJSON_AddStringToObject(t, "speaker",
		    strcmp(m[i].role, "user") == 0 ? "user" : "agent");
		cJSON_AddItemToObject(t, "text", masked(m[i].text));
		/* Each customer line's intent: training examples on ingest. */
		if (strcmp(m[i].role, "user") == 0 && m[i].intent != NULL &&
		    intent_map_name(m[i].intent) >= 0)
			cJSON_AddStringToObject(t, "intent", m[i].intent);
		if (strcmp(m[i].role, "agent") == 0)
			cJSON_AddTrueToObject(t, "human");
		cJSON_AddItemToArray(turns, t);
		if (intent == NULL && m[i].intent != NULL &&
		    !small_talk(m[i].intent))
			intent = m[i].intent;
		if (cat == NULL && m[i].trace != NULL &&
		    (tr = cJSON_Parse(m[i].trace)) != NULL) {
			if (category(tr) != NULL)
				cat = xstrdup(category(tr));
			cJSON_Delete(tr);
		}
	}
	md = cJSON_AddObjectToObject(c, "metadata");
	if (intent != NULL)
		cJSON_AddStringToObject(md, "intent", intent);
	else
		cJSON_AddNullToObject(md, "intent");
	if (cat != NULL)
		cJSON_AddStringToObject(md, "category", cat);
	else
		cJSON_AddNullToObject(md, "category");
	free(cat);
	cJSON_AddStringToObject(md, "outcome", cJSON_GetStringValue(
	    cJSON_GetObjectItem(outcome, "outcome")) != NULL ?
	    cJSON_GetObjectItem(outcome, "outcome")->valuestring : "unknown");
	if (cJSON_IsString(cJSON_GetObjectItem(outcome, "reason")) &&
	    strcmp(cJSON_GetObjectItem(outcome, "reason")->valuestring,
	    "none") != 0)
		cJSON_AddStringToObject(md, "reason",
		    cJSON_GetObjectItem(outcome, "reason")->valuestring);
	return c;
}

/* The context a reply used, from its trace, as the system message. */
static cJSON *
system_message(const cJSON *trace)
{
	struct sbuf	 sb = SBUF_INIT;
	const cJSON	*it;
	const char	*s, *k;
	cJSON		*o = cJSON_CreateObject();

	sbuf_adds(&sb, "You are the shop's customer service assistant. "
	    "Answer from the context below only; never invent a price, "
	    "stock level, date or policy.");
	if (cJSON_GetArraySize(cJSON_GetObjectItem(trace, "retrieved")) > 0)
		sbuf_adds(&sb, "\n\nContext:");
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(trace, "retrieved")) {
		k = cJSON_GetStringValue(cJSON_GetObjectItem(it, "kind"));
		s = cJSON_GetStringValue(cJSON_GetObjectItem(it, "id"));
		sbuf_addf(&sb, "\n- [%s %s]", k != NULL ? k : "?",
		    s != NULL ? s : "?");
		if ((s = cJSON_GetStringValue(cJSON_GetObjectItem(it,
		    "title"))) != NULL && *s != '\0')
			sbuf_addf(&sb, " %s", s);
		if ((s = cJSON_GetStringValue(cJSON_GetObjectItem(it,
		    "snippet"))) != NULL && *s != '\0')
			sbuf_addf(&sb, ": %s", s);
	}
	cJSON_AddStringToObject(o, "role", "system");
	cJSON_AddItemToObject(o, "content", masked(sb.buf));
	sbuf_release(&sb);
	return o;
}

static cJSON *
message(const char *role, const char *text)
{
	cJSON	*o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "role", role);
	cJSON_AddItemToObject(o, "content", masked(text));
	return o;
}

static void
put(FILE *fp, cJSON *o, long long *count)
{
	char	*s = cJSON_PrintUnformatted(o);

	fprintf(fp, "%s\n", s);
	free(s);
	cJSON_Delete(o);
	(*count)++;
}

/* Chat records: one per bot reply, with the conversation before it. */
static void
chat_records(FILE *fp, const struct message_info *m, size_t n,
    long long *count)
{
	cJSON	*rec, *msgs, *tr;
	size_t	 i, k;

	for (i = 1; i < n; i++) {
		if (strcmp(m[i].role, "bot") != 0 ||
		    strcmp(m[i - 1].role, "user") != 0)
			continue;
		tr = m[i].trace != NULL ? cJSON_Parse(m[i].trace) : NULL;
		rec = cJSON_CreateObject();
		msgs = cJSON_AddArrayToObject(rec, "messages");
		cJSON_AddItemToArray(msgs, system_message(tr));
		for (k = 0; k <= i; k++)
			if (strcmp(m[k].role, "system") != 0)
				cJSON_AddItemToArray(msgs, message(
				    strcmp(m[k].role, "user") == 0 ? "user" :
				    "assistant", m[k].text));
		cJSON_Delete(tr);
		put(fp, rec, count);
	}
}

static void
nlu_examples(FILE *fp, const struct message_info *m, size_t n,
    long long *count)
{
	cJSON	*o;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (strcmp(m[i].role, "user") != 0 || m[i].intent == NULL)
			continue;
		o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "text", masked(m[i].text));
		cJSON_AddStringToObject(o, "intent", m[i].intent);
		cJSON_AddNumberToObject(o, "confidence",
		    (double)(long)(m[i].confidence * 1e4 + 0.5) / 1e4);
		put(fp, o, count);
	}
}

static void
conversation_put(FILE *fp, const char *sid, const struct message_info *m,
    size_t n, const cJSON *outcome, long long *count)
{
	cJSON	*c = conversation(sid, m, n, outcome);
	char	*s = cJSON_PrintUnformatted(c);

	fputs(s, fp);
	free(s);
	cJSON_Delete(c);
	(*count)++;
}

static int
cmp_session(const void *a, const void *b)
{
	const struct session_info *x = a, *y = b;
	int	 c = strcmp(x->created_at, y->created_at);

	return c != 0 ? c : strcmp(x->id, y->id);
}

/* The lines of session sid in the range: *m, *n (caller releases). */
static enum sd_rc
lines(struct store *st, const struct export_opts *o, const char *sid,
    struct message_info **m, size_t *n, struct sd_error *err)
{
	size_t	 i, k = 0;

	if (history_messages(st, sid, 0, 0, 1, m, n, err) != SD_OK)
		return err != NULL ? err->rc : SD_ERR_DB;
	for (i = 0; i < *n; i++) {
		if (in_range(o, (*m)[i].created_at))
			(*m)[k++] = (*m)[i];
		else
			message_info_release(&(*m)[i]);
	}
	*n = k;
	return SD_OK;
}

enum sd_rc
export_write(struct store *st, const struct export_opts *o, FILE *fp,
    long long *count, struct sd_error *err)
{
	struct session_info *sv = NULL;
	struct message_info *m = NULL;
	size_t		 ns = 0, nm = 0, i, k;
	cJSON		*outcomes = NULL, *oc;
	const char	*sep = "";
	enum sd_rc	 rc;

	*count = 0;
	if ((rc = analytics_outcomes(st, o->from, o->to, &outcomes, err)) !=
	    SD_OK || (rc = history_sessions(st, 0, &sv, &ns, err)) != SD_OK)
		goto out;
	if (ns > 0)
		qsort(sv, ns, sizeof *sv, cmp_session);
	if (o->format == EXPORT_CONVERSATIONS)
		fputs("{\"conversations\":[", fp);
	for (i = 0; i < ns && rc == SD_OK; i++) {
		oc = cJSON_GetObjectItem(outcomes, sv[i].id);
		if (o->only_resolved && (oc == NULL || strcmp(
		    cJSON_GetObjectItem(oc, "outcome")->valuestring,
		    "resolved") != 0))
			continue;
		if ((rc = lines(st, o, sv[i].id, &m, &nm, err)) != SD_OK)
			break;
		if (nm > 0) {
			switch (o->format) {
			case EXPORT_CONVERSATIONS:
				fputs(sep, fp);
				sep = ",";
				conversation_put(fp, sv[i].id, m, nm, oc,
				    count);
				break;
			case EXPORT_NLU:
				nlu_examples(fp, m, nm, count);
				break;
			case EXPORT_CHAT:
				chat_records(fp, m, nm, count);
				break;
			}
		}
		for (k = 0; k < nm; k++)
			message_info_release(&m[k]);
		free(m);
		m = NULL;
	}
	if (o->format == EXPORT_CONVERSATIONS)
		fputs("]}\n", fp);
out:
	for (i = 0; i < ns; i++)
		session_info_release(&sv[i]);
	free(sv);
	cJSON_Delete(outcomes);
	return rc;
}

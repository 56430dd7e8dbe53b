/*
 * corpus.c owns the training conversations (tables training_convs and
 * training_turns of the main file): what shopdesk ingest read in the
 * spec's "Training Data Structure".  It checks a conversation, writes
 * it, reads them back for training (their labelled customer lines) and
 * for stories, and writes one as JSON in the same format, so that an
 * export of the conversation log (export.c) read in gives back what was
 * written out.
 *
 * They live apart from the conversation log: they are data the shop
 * gives, like the catalog, not sessions that happened, and must not
 * count in the analytics.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "corpus.h"
#include "intent.h"
#include "store.h"

void
corpus_conv_release(struct corpus_conv *c)
{
	size_t	 i;

	for (i = 0; i < c->nturns; i++) {
		free(c->turns[i].text);
		free(c->turns[i].intent);
	}
	free(c->turns);
	free(c->id);
	free(c->intent);
	free(c->category);
	free(c->outcome);
	free(c->reason);
	memset(c, 0, sizeof *c);
}

void
corpus_convs_free(struct corpus_conv *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		corpus_conv_release(&v[i]);
	free(v);
}

void
corpus_examples_free(struct corpus_example *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(v[i].text);
		free(v[i].intent);
	}
	free(v);
}

/*
 * An optional string of o: *out a copy, or NULL when absent or null.
 * An intent must be one the classifier knows.
 */
static enum sd_rc
opt_str(const cJSON *o, const char *key, int intent, char **out,
    struct sd_error *err)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, key);

	*out = NULL;
	if (v == NULL || cJSON_IsNull(v))
		return SD_OK;
	if (!cJSON_IsString(v))
		return sd_fail(err, SD_ERR_INVALID, "\"%s\" must be a string "
		    "or null", key);
	if (intent && intent_map_name(v->valuestring) < 0)
		return sd_fail(err, SD_ERR_INVALID, "unknown intent \"%s\" "
		    "(see shopdesk nlu intents)", v->valuestring);
	*out = xstrdup(v->valuestring);
	return SD_OK;
}

static enum sd_rc
parse_turn(const cJSON *t, struct corpus_turn *u, struct sd_error *err)
{
	const cJSON	*sp, *tx, *hu;

	if (!cJSON_IsObject(t))
		return sd_fail(err, SD_ERR_INVALID, "a turn must be an "
		    "object {\"speaker\", \"text\"}");
	sp = cJSON_GetObjectItemCaseSensitive(t, "speaker");
	tx = cJSON_GetObjectItemCaseSensitive(t, "text");
	hu = cJSON_GetObjectItemCaseSensitive(t, "human");
	if (!cJSON_IsString(sp) || (strcmp(sp->valuestring, "user") != 0 &&
	    strcmp(sp->valuestring, "agent") != 0))
		return sd_fail(err, SD_ERR_INVALID, "\"speaker\" must be "
		    "\"user\" or \"agent\"");
	u->agent = strcmp(sp->valuestring, "agent") == 0;
	if (!cJSON_IsString(tx) || *tx->valuestring == '\0')
		return sd_fail(err, SD_ERR_INVALID, "\"text\" must be a "
		    "non-empty string");
	u->text = xstrdup(tx->valuestring);
	if (hu != NULL && !cJSON_IsBool(hu))
		return sd_fail(err, SD_ERR_INVALID, "\"human\" must be true "
		    "or false");
	u->human = cJSON_IsTrue(hu);
	if (u->human && !u->agent)
		return sd_fail(err, SD_ERR_INVALID, "\"human\" is for agent "
		    "turns");
	if (u->agent && cJSON_HasObjectItem(t, "intent"))
		return sd_fail(err, SD_ERR_INVALID, "an agent turn has no "
		    "\"intent\" (label the customer's turns)");
	return opt_str(t, "intent", 1, &u->intent, err);
}

enum sd_rc
corpus_conv_parse(const cJSON *o, struct corpus_conv *c,
    struct sd_error *err)
{
	const cJSON	*id, *turns, *md, *t;
	size_t		 i = 0, users = 0;
	enum sd_rc	 rc;

	memset(c, 0, sizeof *c);
	id = cJSON_GetObjectItemCaseSensitive(o, "id");
	if (cJSON_IsNumber(id) && id->valuedouble >= 0 &&
	    id->valuedouble < 9007199254740992.0 &&
	    id->valuedouble == (double)(long long)id->valuedouble)
		c->id = xasprintf("%lld", (long long)id->valuedouble);
	else if (cJSON_IsString(id) && *id->valuestring != '\0')
		c->id = xstrdup(id->valuestring);
	else
		return sd_fail(err, SD_ERR_INVALID, "\"id\" is required (a "
		    "string or an integer)");
	turns = cJSON_GetObjectItemCaseSensitive(o, "turns");
	if (!cJSON_IsArray(turns) || cJSON_GetArraySize(turns) == 0)
		return sd_fail(err, SD_ERR_INVALID, "\"turns\" must be a "
		    "non-empty array");
	c->turns = xcalloc((size_t)cJSON_GetArraySize(turns),
	    sizeof *c->turns);
	cJSON_ArrayForEach(t, turns) {
		rc = parse_turn(t, &c->turns[i], err);
		c->nturns = ++i;
		if (rc != SD_OK) {
			sd_error_prefix(err, "turn %zu: ", i);
			return rc;
		}
		users += !c->turns[i - 1].agent;
	}
	if (users == 0)
		return sd_fail(err, SD_ERR_INVALID, "no \"user\" turn: a "
		    "conversation needs the customer's words");
	md = cJSON_GetObjectItemCaseSensitive(o, "metadata");
	if (md != NULL && !cJSON_IsNull(md) && !cJSON_IsObject(md))
		return sd_fail(err, SD_ERR_INVALID, "\"metadata\" must be an "
		    "object");
	if ((rc = opt_str(md, "intent", 1, &c->intent, err)) != SD_OK ||
	    (rc = opt_str(md, "category", 0, &c->category, err)) != SD_OK ||
	    (rc = opt_str(md, "outcome", 0, &c->outcome, err)) != SD_OK ||
	    (rc = opt_str(md, "reason", 0, &c->reason, err)) != SD_OK)
		sd_error_prefix(err, "metadata: ");
	return rc;
}

static void
add_opt(cJSON *o, const char *key, const char *v)
{
	if (v != NULL)
		cJSON_AddStringToObject(o, key, v);
	else
		cJSON_AddNullToObject(o, key);
}

/* Keys in the order export.c writes them, so that texts compare. */
cJSON *
corpus_conv_json(const struct corpus_conv *c)
{
	cJSON	*o = cJSON_CreateObject(), *a, *t, *md;
	size_t	 i;

	cJSON_AddStringToObject(o, "id", c->id);
	a = cJSON_AddArrayToObject(o, "turns");
	for (i = 0; i < c->nturns; i++) {
		t = cJSON_CreateObject();
		cJSON_AddStringToObject(t, "speaker", c->turns[i].agent ?
		    "agent" : "user");
		cJSON_AddStringToObject(t, "text", c->turns[i].text);
		if (c->turns[i].intent != NULL)
			cJSON_AddStringToObject(t, "intent",
			    c->turns[i].intent);
		if (c->turns[i].human)
			cJSON_AddTrueToObject(t, "human");
		cJSON_AddItemToArray(a, t);
	}
	md = cJSON_AddObjectToObject(o, "metadata");
	add_opt(md, "intent", c->intent);
	add_opt(md, "category", c->category);
	add_opt(md, "outcome", c->outcome);
	if (c->reason != NULL)
		cJSON_AddStringToObject(md, "reason", c->reason);
	return o;
}

const char *
corpus_turn_intent(const struct corpus_conv *c, size_t i)
{
	size_t	 k, first = c->nturns;

	if (i >= c->nturns || c->turns[i].agent)
		return NULL;
	if (c->turns[i].intent != NULL)
		return c->turns[i].intent;
	for (k = 0; k < c->nturns; k++) {
		if (c->turns[k].intent != NULL)
			return NULL;	/* labelled turn by turn */
		if (!c->turns[k].agent && first == c->nturns)
			first = k;
	}
	return i == first ? c->intent : NULL;
}

static const char *
col(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	return col(s, i) != NULL ? xstrdup(col(s, i)) : NULL;
}

/* The conversations of the rows of s (id, metadata..., turn...). */
static enum sd_rc
read_rows(struct store *st, sqlite3_stmt *s, struct corpus_conv **v,
    size_t *n, struct sd_error *err)
{
	struct corpus_conv *c = NULL;
	struct corpus_turn *u;
	size_t		 cap = 0;
	int		 r;

	*v = NULL;
	*n = 0;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (c == NULL || strcmp(c->id, col(s, 0)) != 0) {
			if (*n == cap) {
				cap = cap ? 2 * cap : 16;
				*v = xrealloc(*v, cap * sizeof **v);
			}
			c = &(*v)[(*n)++];
			memset(c, 0, sizeof *c);
			c->id = col_dup(s, 0);
			c->intent = col_dup(s, 1);
			c->category = col_dup(s, 2);
			c->outcome = col_dup(s, 3);
			c->reason = col_dup(s, 4);
		}
		c->turns = xrealloc(c->turns, (c->nturns + 1) *
		    sizeof *c->turns);
		u = &c->turns[c->nturns++];
		u->agent = strcmp(col(s, 5), "agent") == 0;
		u->human = sqlite3_column_int(s, 6);
		u->text = col_dup(s, 7);
		u->intent = col_dup(s, 8);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE) {
		corpus_convs_free(*v, *n);
		*v = NULL;
		*n = 0;
		return store_fail(st, err, "read the training conversations");
	}
	return SD_OK;
}

#define CONV_COLS "c.id, c.intent, c.category, c.outcome, c.reason," \
	" t.speaker, t.human, t.text, t.intent" \
	" FROM training_convs c JOIN training_turns t" \
	" ON t.conv_id = c.id"

enum sd_rc
corpus_list(struct store *st, struct corpus_conv **v, size_t *n,
    struct sd_error *err)
{
	static const char sql[] = "SELECT " CONV_COLS
	    " ORDER BY c.rowid, t.seq";
	sqlite3_stmt	*s;

	*v = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	return read_rows(st, s, v, n, err);
}

/* The stored conversation id as JSON text, or NULL when there is none. */
static enum sd_rc
stored_text(struct store *st, const char *id, char **out,
    struct sd_error *err)
{
	static const char sql[] = "SELECT " CONV_COLS
	    " WHERE c.id = ?1 ORDER BY t.seq";
	struct corpus_conv *v = NULL;
	sqlite3_stmt	*s;
	size_t		 n = 0;
	cJSON		*o;
	enum sd_rc	 rc;

	*out = NULL;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, id, -1, SQLITE_STATIC);
	if ((rc = read_rows(st, s, &v, &n, err)) == SD_OK && n == 1) {
		o = corpus_conv_json(&v[0]);
		*out = cJSON_PrintUnformatted(o);
		cJSON_Delete(o);
	}
	corpus_convs_free(v, n);
	return rc;
}

static void
bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	if (v != NULL)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

static enum sd_rc
step(struct store *st, sqlite3_stmt *s, const char *what,
    struct sd_error *err)
{
	int	 r = sqlite3_step(s);

	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return r == SQLITE_DONE ? SD_OK : store_fail(st, err, what);
}

enum sd_rc
corpus_put(struct store *st, const struct corpus_conv *c, int *change,
    struct sd_error *err)
{
	static const char up[] = "INSERT INTO training_convs(id, intent,"
	    " category, outcome, reason, updated_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (id) DO UPDATE SET"
	    " intent = ?2, category = ?3, outcome = ?4, reason = ?5,"
	    " updated_at = ?6";
	static const char del[] = "DELETE FROM training_turns"
	    " WHERE conv_id = ?1";
	static const char add[] = "INSERT INTO training_turns(conv_id, seq,"
	    " speaker, human, text, intent) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	sqlite3_stmt	*s;
	char		*was = NULL, *now = NULL;
	cJSON		*o;
	size_t		 i;
	enum sd_rc	 rc;

	*change = 1;
	if ((rc = stored_text(st, c->id, &was, err)) != SD_OK)
		return rc;
	if (was != NULL) {
		o = corpus_conv_json(c);
		now = cJSON_PrintUnformatted(o);
		cJSON_Delete(o);
		*change = strcmp(was, now) == 0 ? 0 : 2;
		free(was);
		free(now);
		if (*change == 0)
			return SD_OK;
	}
	if ((s = store_prepare(st, up, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, c->id, -1, SQLITE_STATIC);
	bind_opt(s, 2, c->intent);
	bind_opt(s, 3, c->category);
	bind_opt(s, 4, c->outcome);
	bind_opt(s, 5, c->reason);
	sqlite3_bind_text(s, 6, store_now(), -1, SQLITE_TRANSIENT);
	if ((rc = step(st, s, "store a training conversation", err)) !=
	    SD_OK)
		return rc;
	if ((s = store_prepare(st, del, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, c->id, -1, SQLITE_STATIC);
	if ((rc = step(st, s, "replace a training conversation", err)) !=
	    SD_OK)
		return rc;
	for (i = 0; i < c->nturns; i++) {
		if ((s = store_prepare(st, add, err)) == NULL)
			return SD_ERR_DB;
		sqlite3_bind_text(s, 1, c->id, -1, SQLITE_STATIC);
		sqlite3_bind_int64(s, 2, (long long)i);
		sqlite3_bind_text(s, 3, c->turns[i].agent ? "agent" : "user",
		    -1, SQLITE_STATIC);
		sqlite3_bind_int(s, 4, c->turns[i].human);
		sqlite3_bind_text(s, 5, c->turns[i].text, -1, SQLITE_STATIC);
		bind_opt(s, 6, c->turns[i].intent);
		if ((rc = step(st, s, "store a training turn", err)) != SD_OK)
			return rc;
	}
	return SD_OK;
}

enum sd_rc
corpus_examples(struct store *st, struct corpus_example **ex, size_t *nex,
    struct sd_error *err)
{
	struct corpus_conv *v = NULL;
	size_t		 n = 0, i, k, cap = 0;
	const char	*label;
	enum sd_rc	 rc;

	*ex = NULL;
	*nex = 0;
	if ((rc = corpus_list(st, &v, &n, err)) != SD_OK)
		return rc;
	for (i = 0; i < n; i++)
		for (k = 0; k < v[i].nturns; k++) {
			if ((label = corpus_turn_intent(&v[i], k)) == NULL)
				continue;
			if (*nex == cap) {
				cap = cap ? 2 * cap : 64;
				*ex = xrealloc(*ex, cap * sizeof **ex);
			}
			(*ex)[*nex].text = xstrdup(v[i].turns[k].text);
			(*ex)[(*nex)++].intent = xstrdup(label);
		}
	corpus_convs_free(v, n);
	return SD_OK;
}

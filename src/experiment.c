/*
 * experiment.c owns the experiments table: creating, stopping and
 * listing A/B experiments, and which arm a session falls in.  The engine
 * applies the arm's settings and records the exposure in the turn's
 * trace and measures (analytics-quality.c); the report is computed by
 * analytics-experiment.c from those measures.
 *
 * Assignment hashes the experiment's name with the session id, rather
 * than drawing at random and storing the draw: the same session always
 * lands in the same arm, on any server, with nothing written, and a
 * replay of the same sessions reproduces the split.  Another experiment
 * (another name) splits the sessions independently of this one.
 */
#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "experiment.h"
#include "store.h"

void
experiment_exposure_release(struct experiment_exposure *x)
{
	free(x->experiment);
	free(x->arm);
	memset(x, 0, sizeof *x);
	x->set.generator = -1;
}

size_t
experiment_assign(const char *experiment, const char *session, size_t narms)
{
	unsigned long long h = 14695981039346656037ULL;
	const char	*p;

	for (p = experiment; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	h = (h ^ 0) * 1099511628211ULL;		/* the separator */
	for (p = session; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ULL;
	/* Fold the high bits in: FNV's low bits mix poorly for modulo. */
	h ^= h >> 32;
	return narms > 0 ? (size_t)(h % narms) : 0;
}

static int
valid_name(const char *s)
{
	if (*s == '\0')
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		    (*s >= '0' && *s <= '9') || *s == '-' || *s == '_' ||
		    *s == '.'))
			return 0;
	return 1;
}

/* One KEY=VALUE of an arm into settings. */
static enum sd_rc
parse_setting(const char *arm, char *kv, cJSON *set, struct sd_error *err)
{
	char		*eq = strchr(kv, '='), *end;
	double		 d;
	long		 l;

	if (eq == NULL)
		return sd_fail(err, SD_ERR_USAGE, "arm %s: \"%s\" is not "
		    "KEY=VALUE", arm, kv);
	*eq++ = '\0';
	errno = 0;
	if (strcmp(kv, "variant") == 0) {
		l = strtol(eq, &end, 10);
		if (*eq == '\0' || *end != '\0' || l < 0 || errno != 0)
			goto bad;
		cJSON_AddNumberToObject(set, kv, (double)l);
	} else if (strcmp(kv, "threshold") == 0) {
		d = strtod(eq, &end);
		if (*eq == '\0' || *end != '\0' || !(d >= 0 && d <= 1))
			goto bad;
		cJSON_AddNumberToObject(set, kv, d);
	} else if (strcmp(kv, "generator") == 0) {
		if (strcmp(eq, "on") != 0 && strcmp(eq, "off") != 0)
			goto bad;
		cJSON_AddStringToObject(set, kv, eq);
	} else if (strcmp(kv, "vector") == 0 || strcmp(kv, "bm25") == 0 ||
	    search_kind_parse(kv) >= 0) {
		d = strtod(eq, &end);
		if (*eq == '\0' || *end != '\0' || !(d >= 0 &&
		    d <= (search_kind_parse(kv) >= 0 ? 10 : 1)))
			goto bad;
		cJSON_AddNumberToObject(set, kv, d);
	} else
		return sd_fail(err, SD_ERR_USAGE, "arm %s: unknown setting "
		    "\"%s\" (variant, threshold, generator, vector, bm25, "
		    "product, faq, policy, manual, ticket)", arm, kv);
	return SD_OK;
bad:
	return sd_fail(err, SD_ERR_USAGE, "arm %s: bad %s \"%s\" (variant: "
	    "an integer >= 0, threshold, vector and bm25: 0 to 1, generator: "
	    "on or off, a source's weight: 0 to 10)", arm, kv, eq);
}

/* vector and bm25 share the fusion: given both, they must add to 1. */
static enum sd_rc
check_blend(const char *arm, const cJSON *set, struct sd_error *err)
{
	const cJSON	*v = cJSON_GetObjectItem(set, "vector");
	const cJSON	*b = cJSON_GetObjectItem(set, "bm25");

	if (v == NULL || b == NULL ||
	    fabs(v->valuedouble + b->valuedouble - 1) < 1e-9)
		return SD_OK;
	return sd_fail(err, SD_ERR_USAGE, "arm %s: bm25=%g and vector=%g "
	    "do not add up to 1 (give one of them)", arm, b->valuedouble,
	    v->valuedouble);
}

enum sd_rc
experiment_parse_arm(const char *text, cJSON **out, struct sd_error *err)
{
	char		*dup = xstrdup(text), *colon, *kv, *save = NULL;
	cJSON		*o = cJSON_CreateObject(), *set;
	enum sd_rc	 rc = SD_OK;

	*out = NULL;
	if ((colon = strchr(dup, ':')) != NULL)
		*colon++ = '\0';
	if (!valid_name(dup)) {
		rc = sd_fail(err, SD_ERR_USAGE, "arm \"%s\": a name of "
		    "letters, digits, '-', '_' or '.' comes first", text);
		goto out;
	}
	cJSON_AddStringToObject(o, "name", dup);
	set = cJSON_AddObjectToObject(o, "settings");
	for (kv = colon != NULL ? strtok_r(colon, ",", &save) : NULL;
	    kv != NULL && rc == SD_OK; kv = strtok_r(NULL, ",", &save)) {
		/* A duplicate key replaces nothing: it is an error. */
		if (strchr(kv, '=') != NULL) {
			size_t	 k = (size_t)(strchr(kv, '=') - kv);
			char	*key = xasprintf("%.*s", (int)k, kv);

			if (cJSON_GetObjectItem(set, key) != NULL)
				rc = sd_fail(err, SD_ERR_USAGE, "arm %s: %s "
				    "given twice", dup, key);
			free(key);
			if (rc != SD_OK)
				break;
		}
		rc = parse_setting(dup, kv, set, err);
	}
	if (rc == SD_OK)
		rc = check_blend(dup, set, err);
	if (colon != NULL && cJSON_GetArraySize(set) == 0 && rc == SD_OK)
		rc = sd_fail(err, SD_ERR_USAGE, "arm %s: no setting after "
		    "':'", dup);
out:
	if (rc == SD_OK)
		*out = o;
	else
		cJSON_Delete(o);
	free(dup);
	return rc;
}

enum sd_rc
experiment_create(struct store *st, const char *name, const char *desc,
    cJSON *arms, struct sd_error *err)
{
	static const char running[] = "SELECT name FROM experiments"
	    " WHERE status = 'running'";
	static const char taken[] = "SELECT 1 FROM experiments"
	    " WHERE name = ?1";
	static const char add[] = "INSERT INTO experiments(name,"
	    " description, arms, created_at) VALUES (?1, ?2, ?3, ?4)";
	sqlite3_stmt	*s;
	cJSON		*a, *b;
	char		*json = NULL, *other = NULL;
	enum sd_rc	 rc;
	int		 r;

	if (!valid_name(name)) {
		rc = sd_fail(err, SD_ERR_USAGE, "experiment name \"%s\": "
		    "letters, digits, '-', '_' or '.'", name);
		goto out;
	}
	if (cJSON_GetArraySize(arms) < 2) {
		rc = sd_fail(err, SD_ERR_USAGE, "an experiment needs two arms "
		    "or more");
		goto out;
	}
	cJSON_ArrayForEach(a, arms)
		for (b = a->next; b != NULL; b = b->next)
			if (strcmp(cJSON_GetObjectItem(a, "name")->valuestring,
			    cJSON_GetObjectItem(b, "name")->valuestring) ==
			    0) {
				rc = sd_fail(err, SD_ERR_USAGE, "arm %s given "
				    "twice", cJSON_GetObjectItem(a,
				    "name")->valuestring);
				goto out;
			}
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	if ((s = store_prepare(st, running, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		other = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	if (other != NULL) {
		rc = sd_fail(err, SD_ERR_INVALID, "experiment %s is running: "
		    "stop it first (experiment stop %s)", other, other);
		goto out;
	}
	if ((s = store_prepare(st, taken, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r == SQLITE_ROW) {
		rc = sd_fail(err, SD_ERR_INVALID, "experiment %s exists "
		    "already: choose another name", name);
		goto out;
	}
	if ((s = store_prepare(st, add, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	json = cJSON_PrintUnformatted(arms);
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, desc != NULL ? desc : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, json, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		rc = store_fail(st, err, "store the experiment");
		goto out;
	}
	rc = store_commit(st, err);
out:
	if (rc != SD_OK)
		store_rollback(st);
	cJSON_Delete(arms);
	free(json);
	free(other);
	return rc;
}

enum sd_rc
experiment_stop(struct store *st, const char *name, struct sd_error *err)
{
	static const char sql[] = "UPDATE experiments SET status = 'stopped',"
	    " stopped_at = coalesce(stopped_at, ?2) WHERE name = ?1";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "stop the experiment");
	if (sqlite3_changes(store_db(st)) == 0)
		return sd_fail(err, SD_ERR_NOTFOUND, "no experiment \"%s\"",
		    name);
	return SD_OK;
}

enum sd_rc
experiment_pin(struct store *st, const char *name, const char *arm,
    struct sd_error *err)
{
	static const char stop[] = "UPDATE experiments SET status ="
	    " 'stopped' WHERE status = 'running' AND name <> ?1";
	static const char run[] = "UPDATE experiments SET status ="
	    " 'running', stopped_at = NULL, arms = json_array(json(?2))"
	    " WHERE name = ?1";
	sqlite3_stmt	*s;
	cJSON		*l = NULL, *it, *one = NULL;
	char		*json = NULL;
	enum sd_rc	 rc;
	int		 r;

	if ((rc = experiment_list(st, name, &l, err)) != SD_OK)
		return rc;
	cJSON_ArrayForEach(it, cJSON_GetObjectItem(cJSON_GetArrayItem(l, 0),
	    "arms"))
		if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(it,
		    "name")), arm) == 0)
			one = it;
	if (one == NULL) {
		rc = sd_fail(err, SD_ERR_NOTFOUND, "experiment %s has no arm "
		    "\"%s\"", name, arm);
		goto out;
	}
	json = cJSON_PrintUnformatted(one);
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	if ((s = store_prepare(st, stop, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		rc = store_fail(st, err, "stop the running experiment");
		goto out;
	}
	if ((s = store_prepare(st, run, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, json, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		rc = store_fail(st, err, "pin the experiment's arm");
	else
		rc = store_commit(st, err);
out:
	if (rc != SD_OK)
		store_rollback(st);
	cJSON_Delete(l);
	free(json);
	return rc;
}

enum sd_rc
experiment_list(struct store *st, const char *name, cJSON **out,
    struct sd_error *err)
{
	static const char sql[] = "SELECT name, description, status,"
	    " created_at, stopped_at, arms FROM experiments"
	    " WHERE ?1 IS NULL OR name = ?1 ORDER BY created_at DESC, name";
	sqlite3_stmt	*s;
	cJSON		*a = cJSON_CreateArray(), *o;
	const char	*t;
	int		 r, i;

	*out = NULL;
	if ((s = store_prepare(st, sql, err)) == NULL) {
		cJSON_Delete(a);
		return SD_ERR_DB;
	}
	if (name != NULL)
		sqlite3_bind_text(s, 1, name, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		static const char *const keys[] = { "name", "description",
		    "status", "created_at", "stopped_at" };

		o = cJSON_CreateObject();
		for (i = 0; i < 5; i++) {
			t = (const char *)sqlite3_column_text(s, i);
			if (t != NULL)
				cJSON_AddStringToObject(o, keys[i], t);
			else
				cJSON_AddNullToObject(o, keys[i]);
		}
		cJSON_AddItemToObject(o, "arms", cJSON_Parse((const char *)
		    sqlite3_column_text(s, 5)));
		cJSON_AddItemToArray(a, o);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE) {
		cJSON_Delete(a);
		return store_fail(st, err, "list experiments");
	}
	if (name != NULL && cJSON_GetArraySize(a) == 0) {
		cJSON_Delete(a);
		return sd_fail(err, SD_ERR_NOTFOUND, "no experiment \"%s\"",
		    name);
	}
	*out = a;
	return SD_OK;
}

/* The arm's settings into x->set. */
static void
settings(const cJSON *set, struct experiment_settings *x)
{
	const cJSON	*v;
	int		 k;

	if (cJSON_IsNumber(v = cJSON_GetObjectItem(set, "variant"))) {
		x->has_variant = 1;
		x->variant = (unsigned long)v->valuedouble;
	}
	if (cJSON_IsNumber(v = cJSON_GetObjectItem(set, "threshold"))) {
		x->has_threshold = 1;
		x->threshold = v->valuedouble;
	}
	if (cJSON_IsString(v = cJSON_GetObjectItem(set, "generator")))
		x->generator = strcmp(v->valuestring, "off") != 0;
	if (cJSON_IsNumber(v = cJSON_GetObjectItem(set, "vector"))) {
		x->has_vector = 1;
		x->vector = v->valuedouble;
	} else if (cJSON_IsNumber(v = cJSON_GetObjectItem(set, "bm25"))) {
		x->has_vector = 1;
		x->vector = 1 - v->valuedouble;
	}
	for (k = 0; k < SEARCH_NKINDS; k++) {
		x->kind_weight[k] = 1;
		if (cJSON_IsNumber(v = cJSON_GetObjectItem(set,
		    search_kind_name((enum search_kind)k)))) {
			x->has_kind_weight = 1;
			x->kind_weight[k] = v->valuedouble;
		}
	}
}

enum sd_rc
experiment_expose(struct store *st, const char *session_id,
    const char *force_arm, struct experiment_exposure *x,
    struct sd_error *err)
{
	static const char sql[] = "SELECT name, arms FROM experiments"
	    " WHERE status = 'running'";
	sqlite3_stmt	*s;
	cJSON		*arms = NULL, *arm = NULL, *it;
	enum sd_rc	 rc = SD_OK;
	int		 r;

	memset(x, 0, sizeof *x);
	x->set.generator = -1;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	if ((r = sqlite3_step(s)) == SQLITE_ROW) {
		x->experiment = xstrdup((const char *)sqlite3_column_text(s,
		    0));
		arms = cJSON_Parse((const char *)sqlite3_column_text(s, 1));
	}
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_fail(st, err, "read the running experiment");
	if (x->experiment == NULL)
		goto out;
	if (force_arm != NULL) {
		cJSON_ArrayForEach(it, arms)
			if (strcmp(cJSON_GetObjectItem(it, "name")->valuestring,
			    force_arm) == 0)
				arm = it;
	} else
		arm = cJSON_GetArrayItem(arms, (int)experiment_assign(
		    x->experiment, session_id,
		    (size_t)cJSON_GetArraySize(arms)));
	if (!cJSON_IsString(cJSON_GetObjectItem(arm, "name"))) {
		rc = sd_fail(err, SD_ERR_NOTFOUND, "experiment %s has no arm "
		    "\"%s\"", x->experiment, force_arm != NULL ? force_arm :
		    "?");
		goto out;
	}
	x->arm = xstrdup(cJSON_GetObjectItem(arm, "name")->valuestring);
	settings(cJSON_GetObjectItem(arm, "settings"), &x->set);
out:
	if (rc != SD_OK)
		experiment_exposure_release(x);
	cJSON_Delete(arms);
	return rc;
}

/*
 * ingest-field.c reads and checks the fields of an ingested record (text,
 * SKUs, numbers, ranges, times, enums, tags), keeps the keys a file has
 * used so far to refuse duplicates, and binds values into the upserts
 * that ingest-rec.c and its neighbours run.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "store.h"
#include "ingest-int.h"

static int
in_set(const char *s, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strcmp(s, *set) == 0)
			return 1;
	return 0;
}

static void
set_list(struct sbuf *sb, const char *const *set)
{
	for (; *set != NULL; set++)
		sbuf_addf(sb, "%s%s", sb->len ? ", " : "", *set);
}

/* --- field access -------------------------------------------------- */

/*
 * A string field: *out is NULL when absent, null or (from CSV) empty.
 * Integers are accepted where text is expected (an id of 12345) and
 * replaced in the record by their text, which then lives as long as rec.
 */
enum sd_rc
ingest_get_str(cJSON *rec, const char *f, int required, const char **out,
    struct sd_error *err)
{
	cJSON	*it = cJSON_GetObjectItemCaseSensitive(rec, f);
	char	*s;

	*out = NULL;
	if (it != NULL && cJSON_IsNumber(it) &&
	    it->valuedouble == floor(it->valuedouble) &&
	    fabs(it->valuedouble) < 9007199254740992.0) {
		s = xasprintf("%.0f", it->valuedouble);
		cJSON_ReplaceItemInObjectCaseSensitive(rec, f,
		    cJSON_CreateString(s));
		free(s);
		it = cJSON_GetObjectItemCaseSensitive(rec, f);
	}
	if (it != NULL && !cJSON_IsNull(it)) {
		if (!cJSON_IsString(it))
			return sd_fail(err, SD_ERR_INVALID,
			    "\"%s\" must be a string", f);
		if (*it->valuestring != '\0')
			*out = it->valuestring;
	}
	if (required && *out == NULL)
		return sd_fail(err, SD_ERR_INVALID, "\"%s\" is required%s", f,
		    it != NULL ? " (it is empty)" : "");
	return SD_OK;
}

/*
 * Whether s is a plain decimal number, as JSON writes one (-12, 3.5,
 * 1e3), between optional spaces; then its value in *out.  strtod alone
 * would also take 0x10, inf, nan and 1.5p3.
 */
int
ingest_plain_decimal(const char *s, double *out)
{
	const char	*p = s;
	char		*end;

	while (*p == ' ')
		p++;
	s = p;
	if (*p == '-')
		p++;
	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p == '.') {
		p++;
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (*p < '0' || *p > '9')
			return 0;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	while (*p == ' ')
		p++;
	if (*p != '\0')
		return 0;
	*out = strtod(s, &end);
	return isfinite(*out);
}

/* A SKU: text only, since 00123 and 123 are different SKUs. */
enum sd_rc
ingest_get_sku(cJSON *rec, const char *f, int required, const char **out,
    struct sd_error *err)
{
	cJSON	*it = cJSON_GetObjectItemCaseSensitive(rec, f);

	*out = NULL;
	if (cJSON_IsNumber(it))
		return sd_fail(err, SD_ERR_INVALID, "\"%s\" must be a string "
		    "(write the number in quotes)", f);
	return ingest_get_str(rec, f, required, out, err);
}

/*
 * The keys a file has used so far, each with its line: an open-addressing
 * hash table of "class letter + id" strings.  A file of 400,000 records
 * checks each in constant time.
 */
struct seen_key {
	unsigned long	 line;
	char		 key[];		/* a class letter, then the id */
};

struct ingest_seen {
	struct seen_key	**v;		/* cap slots, NULL when free */
	size_t		 cap;		/* a power of two */
	size_t		 n;
};

static uint64_t
seen_hash(const char *s)
{
	uint64_t	 h = 0xcbf29ce484222325ULL;	/* FNV-1a */

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

/* The slot of key: where it is, or the free slot where it would go. */
static size_t
seen_slot(const struct ingest_seen *t, const char *key)
{
	size_t	 i = (size_t)seen_hash(key) & (t->cap - 1);

	while (t->v[i] != NULL && strcmp(t->v[i]->key, key) != 0)
		i = (i + 1) & (t->cap - 1);
	return i;
}

static void
seen_grow(struct ingest_seen *t)
{
	struct seen_key	**old = t->v;
	size_t		 oldcap = t->cap, i;

	t->cap = t->cap ? t->cap * 2 : 1024;
	t->v = xcalloc(t->cap, sizeof *t->v);
	for (i = 0; i < oldcap; i++)
		if (old[i] != NULL)
			t->v[seen_slot(t, old[i]->key)] = old[i];
	free(old);
}

/* The line where key was first read, or 0. */
unsigned long
ingest_seen_line(struct ingest_ctx *c, int cls, const char *id)
{
	char		*key;
	size_t		 i;
	unsigned long	 line = 0;

	if (c->seen == NULL || c->seen->n == 0)
		return 0;
	key = xasprintf("%c%s", cls, id);
	i = seen_slot(c->seen, key);
	if (c->seen->v[i] != NULL)
		line = c->seen->v[i]->line;
	free(key);
	return line;
}

/*
 * Refuse a second record with the same key in one file: with upserts the
 * last would silently win over the first.  cls keeps the kinds apart
 * (documents of every kind share theirs, as doc_key does).
 */
static enum sd_rc
seen_once(struct ingest_ctx *c, int cls, const char *what, const char *id,
    struct sd_error *err)
{
	struct ingest_seen *t;
	struct seen_key	*k;
	size_t		 n = strlen(id), i;

	if (c->retry)
		return SD_OK;
	if (c->seen == NULL)
		c->seen = xcalloc(1, sizeof *c->seen);
	t = c->seen;
	if ((t->n + 1) * 2 > t->cap)
		seen_grow(t);
	k = xmalloc(sizeof *k + n + 2);
	k->line = c->line;
	k->key[0] = (char)cls;
	memcpy(k->key + 1, id, n + 1);
	i = seen_slot(t, k->key);
	if (t->v[i] != NULL) {
		free(k);
		return sd_fail(err, SD_ERR_INVALID, "duplicate %s \"%s\": "
		    "already on line %lu", what, id, t->v[i]->line);
	}
	t->v[i] = k;
	t->n++;
	return SD_OK;
}

enum sd_rc
ingest_seen_once(struct ingest_ctx *c, int cls, const char *what,
    const char *id, struct sd_error *err)
{
	return seen_once(c, cls, what, id, err);
}

void
ingest_seen_free(struct ingest_seen *t)
{
	size_t	 i;

	if (t == NULL)
		return;
	for (i = 0; i < t->cap; i++)
		free(t->v[i]);
	free(t->v);
	free(t);
}

/* A number; text is parsed when the record came from CSV. */
static enum sd_rc
get_num(struct ingest_ctx *c, cJSON *rec, const char *f, int required,
    double *out, int *present, struct sd_error *err)
{
	cJSON	*it = cJSON_GetObjectItemCaseSensitive(rec, f);
	double	 v;

	*present = 0;
	if (it == NULL || cJSON_IsNull(it) ||
	    (c->from_csv && cJSON_IsString(it) && *it->valuestring == '\0')) {
		if (required)
			return sd_fail(err, SD_ERR_INVALID,
			    "\"%s\" is required", f);
		return SD_OK;
	}
	if (cJSON_IsNumber(it))
		v = it->valuedouble;
	else if (c->from_csv && cJSON_IsString(it)) {
		if (!ingest_plain_decimal(it->valuestring, &v))
			return sd_fail(err, SD_ERR_INVALID,
			    "\"%s\" must be a number in decimal, not \"%s\"", f,
			    it->valuestring);
	} else
		return sd_fail(err, SD_ERR_INVALID, "\"%s\" must be a number",
		    f);
	if (!isfinite(v))
		return sd_fail(err, SD_ERR_INVALID, "\"%s\" must be finite", f);
	*out = v;
	*present = 1;
	return SD_OK;
}

/* A number >= min (and <= max when max >= min). */
enum sd_rc
ingest_get_range(struct ingest_ctx *c, cJSON *rec, const char *f, int required,
    double min, double max, double *out, int *present, struct sd_error *err)
{
	enum sd_rc rc;

	if ((rc = get_num(c, rec, f, required, out, present, err)) != SD_OK)
		return rc;
	if (*present && (*out < min || (max >= min && *out > max))) {
		if (max >= min)
			return sd_fail(err, SD_ERR_INVALID,
			    "\"%s\" must be between %g and %g, not %g", f,
			    min, max, *out);
		return sd_fail(err, SD_ERR_INVALID, "\"%s\" must be %s, "
		    "not %g", f, min == 0 ? "a non-negative number" :
		    "positive", *out);
	}
	return SD_OK;
}

/* An integer >= min. */
enum sd_rc
ingest_get_int(struct ingest_ctx *c, cJSON *rec, const char *f, int required,
    long long min, long long *out, int *present, struct sd_error *err)
{
	double	 v = 0;
	enum sd_rc rc;

	if ((rc = get_num(c, rec, f, required, &v, present, err)) != SD_OK)
		return rc;
	if (!*present)
		return SD_OK;
	if (v != floor(v) || fabs(v) > 9007199254740992.0)
		return sd_fail(err, SD_ERR_INVALID,
		    "\"%s\" must be a whole number, not %g", f, v);
	if (v < (double)min)
		return sd_fail(err, SD_ERR_INVALID, "\"%s\" must be %s, not %g",
		    f, min > 0 ? "a positive whole number" :
		    "a non-negative whole number", v);
	*out = (long long)v;
	return SD_OK;
}

static int
digits(const char *s, int n)
{
	int	 i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* "2026-11-02", "2026-11-02T10:15:00Z", with fraction or offset. */
static int
iso_time(const char *s)
{
	if (strlen(s) < 10 || !digits(s, 4) || s[4] != '-' ||
	    !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2) ||
	    atoi(s + 5) < 1 || atoi(s + 5) > 12 || atoi(s + 8) < 1 ||
	    atoi(s + 8) > 31)
		return 0;
	s += 10;
	if (*s == '\0')
		return 1;
	if ((*s != 'T' && *s != ' ') || strlen(s) < 6 || !digits(s + 1, 2) ||
	    s[3] != ':' || !digits(s + 4, 2) || atoi(s + 1) > 23 ||
	    atoi(s + 4) > 59)
		return 0;
	s += 6;
	if (*s == ':') {
		if (!digits(s + 1, 2) || atoi(s + 1) > 60)
			return 0;
		s += 3;
		if (*s == '.') {
			s++;
			if (!digits(s, 1))
				return 0;
			while (*s >= '0' && *s <= '9')
				s++;
		}
	}
	if (*s == 'Z')
		return s[1] == '\0';
	if (*s == '+' || *s == '-')
		return (strlen(s) == 6 && digits(s + 1, 2) && s[3] == ':' &&
		    digits(s + 4, 2)) || (strlen(s) == 5 && digits(s + 1, 4));
	return *s == '\0';
}

enum sd_rc
ingest_get_time(cJSON *rec, const char *f, int required, const char **out,
    struct sd_error *err)
{
	enum sd_rc rc;

	if ((rc = ingest_get_str(rec, f, required, out, err)) != SD_OK)
		return rc;
	if (*out != NULL && !iso_time(*out))
		return sd_fail(err, SD_ERR_INVALID, "\"%s\" must be an ISO "
		    "8601 time like 2026-11-02T10:15:00Z, not \"%s\"", f,
		    *out);
	return SD_OK;
}

enum sd_rc
ingest_get_enum(cJSON *rec, const char *f, const char *dflt,
    const char *const *set, const char **out, struct sd_error *err)
{
	struct sbuf	 sb = SBUF_INIT;
	enum sd_rc	 rc;

	if ((rc = ingest_get_str(rec, f, dflt == NULL, out, err)) != SD_OK)
		return rc;
	if (*out == NULL)
		*out = dflt;
	if (in_set(*out, set))
		return SD_OK;
	set_list(&sb, set);
	rc = sd_fail(err, SD_ERR_INVALID, "\"%s\" must be one of %s, not "
	    "\"%s\"", f, sb.buf, *out);
	sbuf_release(&sb);
	return rc;
}

/*
 * Tags: an array of strings, or (from CSV or front matter) text separated
 * by "|" or ",".  Stored as "a, b, c" so FTS sees words, not JSON.
 */
enum sd_rc
ingest_get_tags(cJSON *rec, struct sbuf *out, struct sd_error *err)
{
	cJSON		*it = cJSON_GetObjectItemCaseSensitive(rec, "tags"), *t;
	const char	*p, *q, *e;
	int		 sep;

	sbuf_reset(out);
	if (it == NULL || cJSON_IsNull(it))
		return SD_OK;
	if (cJSON_IsString(it)) {
		sep = strchr(it->valuestring, '|') != NULL ? '|' : ',';
		for (p = it->valuestring; *p != '\0'; p = *q ? q + 1 : q) {
			if ((q = strchr(p, sep)) == NULL)
				q = p + strlen(p);
			e = q;
			while (p < e && (*p == ' ' || *p == '\t'))
				p++;
			while (e > p && (e[-1] == ' ' || e[-1] == '\t'))
				e--;
			if (e > p) {
				if (out->len)
					sbuf_adds(out, ", ");
				sbuf_add(out, p, (size_t)(e - p));
			}
		}
		return SD_OK;
	}
	if (!cJSON_IsArray(it))
		return sd_fail(err, SD_ERR_INVALID,
		    "\"tags\" must be an array of strings");
	cJSON_ArrayForEach(t, it) {
		if (!cJSON_IsString(t))
			return sd_fail(err, SD_ERR_INVALID,
			    "\"tags\" must be an array of strings");
		if (*t->valuestring == '\0')
			continue;
		if (out->len)
			sbuf_adds(out, ", ");
		sbuf_adds(out, t->valuestring);
	}
	return SD_OK;
}

void
ingest_bind_str(sqlite3_stmt *s, int i, const char *v)
{
	if (v != NULL)
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

void
ingest_bind_num(sqlite3_stmt *s, int i, int present, double v)
{
	if (present)
		sqlite3_bind_double(s, i, v);
	else
		sqlite3_bind_null(s, i);
}

/*
 * Step an upsert and count what it did: a new rowid means inserted, a
 * change without one updated, no change unchanged (its WHERE saw nothing
 * different).  Returns 1 inserted, 2 updated, 0 unchanged, -1 error.
 */
int
ingest_step_upsert(struct store *st, sqlite3_stmt *s)
{
	sqlite3	*db = store_db(st);
	int	 r;

	sqlite3_set_last_insert_rowid(db, 0);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return -1;
	if (sqlite3_changes(db) == 0)
		return 0;
	return sqlite3_last_insert_rowid(db) != 0 ? 1 : 2;
}

void
ingest_count(struct ingest_ctx *c, int what)
{
	if (what == 1)
		c->stats->inserted++;
	else if (what == 2)
		c->stats->updated++;
	else
		c->stats->unchanged++;
}

/* SQLite's complaint about a record, with a plainer word for duplicates. */
enum sd_rc
ingest_db_fail(struct ingest_ctx *c, struct sd_error *err, const char *what,
    const char *id)
{
	sqlite3	*db = store_db(c->st);

	if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE)
		return sd_fail(err, SD_ERR_INVALID, "%s \"%s\": duplicate "
		    "value (%s)", what, id, sqlite3_errmsg(db));
	return sd_fail(err, SD_ERR_DB, "%s \"%s\": %s", what, id,
	    sqlite3_errmsg(db));
}

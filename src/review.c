/*
 * review.c owns the reviews table: what a reviewer said of a stored
 * customer turn, checked against the model's intents, the entity types
 * and the store before it is kept; and the review queue, which ranks the
 * turns by the signals their measures (turn_metrics, kept by
 * analytics-quality.c) and feedback left.  review-story.c writes the
 * reviewed conversations as test stories.
 *
 * One row per turn, the latest review: a reviewer who changes their mind
 * means the new verdict, and training and stories must see one answer
 * per turn.  revisions and created_at keep how often and since when.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "entity.h"
#include "intent.h"
#include "quality.h"
#include "review.h"
#include "sbuf.h"
#include "search.h"
#include "store.h"

/* Below this intent confidence a turn is worth a look. */
#define LOW_CONFIDENCE	0.5

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

const char *
review_verdict_name(enum review_verdict v)
{
	switch (v) {
	case REVIEW_NONE:
		return NULL;
	case REVIEW_GOOD:
		return "good";
	case REVIEW_BAD:
		return "bad";
	}
	return NULL;
}

enum review_verdict
review_verdict_parse(const char *s)
{
	if (s != NULL && strcmp(s, "good") == 0)
		return REVIEW_GOOD;
	if (s != NULL && strcmp(s, "bad") == 0)
		return REVIEW_BAD;
	return REVIEW_NONE;
}

void
review_release(struct review *r)
{
	size_t	 i;

	free(r->intent);
	for (i = 0; i < r->nentities; i++) {
		free(r->entities[i].type);
		free(r->entities[i].value);
	}
	free(r->entities);
	free(r->product);
	free(r->order_id);
	free(r->reply);
	free(r->reviewer);
	free(r->created_at);
	free(r->updated_at);
	memset(r, 0, sizeof *r);
}

static void
entity_push(struct review *r, const char *type, const char *value,
    size_t vlen)
{
	r->entities = xrealloc(r->entities, (r->nentities + 1) *
	    sizeof *r->entities);
	r->entities[r->nentities].type = xstrdup(type);
	r->entities[r->nentities].value = xstrndup(value, vlen);
	r->nentities++;
}

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
review_copy(struct review *dst, const struct review *src)
{
	size_t	 i;

	memset(dst, 0, sizeof *dst);
	dst->turn = src->turn;
	dst->verdict = src->verdict;
	dst->intent = dup_or_null(src->intent);
	for (i = 0; i < src->nentities; i++)
		entity_push(dst, src->entities[i].type, src->entities[i].value,
		    strlen(src->entities[i].value));
	dst->product = dup_or_null(src->product);
	dst->order_id = dup_or_null(src->order_id);
	dst->reply = dup_or_null(src->reply);
	dst->reviewer = dup_or_null(src->reviewer);
	dst->created_at = dup_or_null(src->created_at);
	dst->updated_at = dup_or_null(src->updated_at);
	dst->revisions = src->revisions;
}

void
review_describe(const struct review *r, struct sbuf *sb)
{
	const char	*sep = ": ";
	size_t		 i;

	if (r->verdict == REVIEW_NONE) {
		sbuf_adds(sb, "not reviewed");
		return;
	}
	sbuf_addf(sb, "%s by %s", review_verdict_name(r->verdict),
	    r->reviewer);
	if (r->intent != NULL) {
		sbuf_addf(sb, "%sintent %s", sep, r->intent);
		sep = ", ";
	}
	for (i = 0; i < r->nentities; i++, sep = ", ")
		sbuf_addf(sb, "%sentity %s=%s", sep, r->entities[i].type,
		    r->entities[i].value);
	if (r->product != NULL) {
		sbuf_addf(sb, "%sproduct %s", sep, r->product);
		sep = ", ";
	}
	if (r->order_id != NULL)
		sbuf_addf(sb, "%sorder %s", sep, r->order_id);
}

enum sd_rc
review_add_entity(struct review *r, const char *spec, struct sd_error *err)
{
	const char	*eq = strchr(spec, '=');
	struct sbuf	 types = SBUF_INIT;
	char		*type;
	int		 t, i;
	enum sd_rc	 rc = SD_OK;

	type = xstrndup(spec, eq != NULL ? (size_t)(eq - spec) : strlen(spec));
	if ((t = entity_type_parse(type)) < 0) {
		for (i = 0; i < ENTITY_NTYPES; i++)
			sbuf_addf(&types, "%s%s", i > 0 ? ", " : "",
			    entity_type_name((enum entity_type)i));
		rc = sd_fail(err, SD_ERR_INVALID, "entity \"%s\": unknown "
		    "type \"%s\" (one of %s)", spec, type, types.buf);
	} else if (eq == NULL || eq[1] == '\0')
		rc = sd_fail(err, SD_ERR_INVALID, "entity \"%s\": "
		    "TYPE=VALUE wanted", spec);
	else
		entity_push(r, type, eq + 1, strlen(eq + 1));
	free(type);
	sbuf_release(&types);
	return rc;
}

static void
why_add(struct sbuf *why, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static void
why_add(struct sbuf *why, const char *fmt, ...)
{
	va_list	 ap;

	if (why == NULL)
		return;
	if (why->len > 0)
		sbuf_adds(why, ", ");
	va_start(ap, fmt);
	sbuf_vaddf(why, fmt, ap);
	va_end(ap);
}

/*
 * The weights put what the customer said first (a bad rating, anger),
 * then what the bot admitted (a fallback, a clarifying question), then
 * what the measures suspect (low confidence, little of the question in
 * the context): the first are sure, the last are guesses.
 */
double
review_score(const struct review_signals *s, struct sbuf *why)
{
	enum quality_reason	 ar = quality_action_reason(s->action);
	double			 score = 0;

	if (s->rating >= 1 && s->rating <= 2) {
		score += 5;
		why_add(why, "negative feedback (rated %d)", s->rating);
	}
	if (s->feeling != NULL && strcmp(s->feeling, "angry") == 0) {
		score += 3;
		why_add(why, "angry");
	} else if (s->feeling != NULL &&
	    strcmp(s->feeling, "frustrated") == 0) {
		score += 2;
		why_add(why, "frustrated");
	}
	if (s->asked_again) {
		score += 2;
		why_add(why, "asked again");
	}
	if (ar == QR_FALLBACK || ar == QR_CLARIFY || ar == QR_REFUSAL ||
	    ar == QR_FAILED_ACTION) {
		score += 2;
		why_add(why, "%s", quality_reason_name(ar));
	}
	if (s->confidence >= 0 && s->confidence < LOW_CONFIDENCE) {
		/* 1 at the line, 3 at zero */
		score += 1 + 4 * (LOW_CONFIDENCE - s->confidence);
		why_add(why, "low confidence %.2f", s->confidence);
	}
	if (s->asked >= 2 && s->covered * 2 < s->asked) {
		score += 1.5;
		why_add(why, "low relevance %d/%d", s->covered, s->asked);
	}
	return score;
}

void
review_turn_release(struct review_turn *t)
{
	free(t->session_id);
	free(t->user_id);
	free(t->created_at);
	free(t->text);
	free(t->reply);
	free(t->intent);
	free(t->action);
	free(t->feeling);
	free(t->why);
	free(t->trace);
	review_release(&t->review);
	memset(t, 0, sizeof *t);
}

/* Columns 0..14 of a turn; the review's follow (REVIEW_COLS). */
#define TURN_COLS							\
	"SELECT u.id, coalesce(tm.reply_id, 0), u.session_id, s.user_id,"	\
	" u.created_at, u.text, b.text, coalesce(tm.intent, u.intent),"	\
	" coalesce(tm.confidence, u.confidence), tm.action, tm.feeling,"	\
	" coalesce(tm.asked, -1), coalesce(tm.covered, 0),"		\
	" (SELECT min(f.rating) FROM feedback f"			\
	"   WHERE f.message_id = tm.reply_id),"				\
	" (SELECT n.rephrase FROM turn_metrics n"			\
	"   WHERE n.session_id = u.session_id AND n.user_msg_id > u.id"	\
	"   ORDER BY n.user_msg_id LIMIT 1)"
#define REVIEW_COLS							\
	", r.verdict, r.intent, r.entities, r.product, r.order_id,"	\
	" r.reply, r.reviewer, r.created_at, r.updated_at, r.revisions"
#define TURN_FROM							\
	" FROM messages u JOIN sessions s ON s.id = u.session_id"	\
	" LEFT JOIN turn_metrics tm ON tm.user_msg_id = u.id"		\
	" LEFT JOIN messages b ON b.id = tm.reply_id"			\
	" LEFT JOIN reviews r ON r.user_msg_id = u.id"

static void
review_from_row(sqlite3_stmt *s, int c, long long turn, struct review *r)
{
	cJSON		*ents, *e;
	const char	*t, *v;

	memset(r, 0, sizeof *r);
	r->turn = turn;
	r->verdict = review_verdict_parse((const char *)
	    sqlite3_column_text(s, c));
	if (r->verdict == REVIEW_NONE)
		return;
	r->intent = col_dup(s, c + 1);
	if ((ents = cJSON_Parse((const char *)sqlite3_column_text(s,
	    c + 2))) != NULL)
		cJSON_ArrayForEach(e, ents) {
			t = cJSON_GetStringValue(cJSON_GetObjectItem(e,
			    "type"));
			v = cJSON_GetStringValue(cJSON_GetObjectItem(e,
			    "value"));
			if (t != NULL && v != NULL)
				entity_push(r, t, v, strlen(v));
		}
	cJSON_Delete(ents);
	r->product = col_dup(s, c + 3);
	r->order_id = col_dup(s, c + 4);
	r->reply = col_dup(s, c + 5);
	r->reviewer = col_dup(s, c + 6);
	r->created_at = col_dup(s, c + 7);
	r->updated_at = col_dup(s, c + 8);
	r->revisions = sqlite3_column_int(s, c + 9);
}

static void
signals_of(const struct review_turn *t, struct review_signals *s)
{
	s->confidence = t->intent != NULL ? t->confidence : -1;
	s->action = t->action;
	s->feeling = t->feeling;
	s->asked = t->asked;
	s->covered = t->covered;
	s->rating = t->rating;
	s->asked_again = t->asked_again;
}

/* The turn's columns, its score and review, from a TURN_COLS row. */
static void
turn_from_row(sqlite3_stmt *s, struct review_turn *t)
{
	struct review_signals sig;
	struct sbuf	 why = SBUF_INIT;

	memset(t, 0, sizeof *t);
	t->id = sqlite3_column_int64(s, 0);
	t->reply_id = sqlite3_column_int64(s, 1);
	t->session_id = col_dup(s, 2);
	t->user_id = col_dup(s, 3);
	t->created_at = col_dup(s, 4);
	t->text = col_dup(s, 5);
	t->reply = col_dup(s, 6);
	t->intent = col_dup(s, 7);
	t->confidence = sqlite3_column_double(s, 8);
	t->action = col_dup(s, 9);
	t->feeling = col_dup(s, 10);
	t->asked = sqlite3_column_int(s, 11);
	t->covered = sqlite3_column_int(s, 12);
	t->rating = sqlite3_column_int(s, 13);
	t->asked_again = sqlite3_column_int(s, 14);
	review_from_row(s, 15, t->id, &t->review);
	signals_of(t, &sig);
	t->score = review_score(&sig, &why);
	t->why = sbuf_detach(&why, NULL);
}

/* The turn's number in its session and its reply's trace. */
static enum sd_rc
turn_details(struct store *st, struct review_turn *t, int with_trace,
    struct sd_error *err)
{
	static const char num_sql[] =
	    "SELECT count(*) FROM messages WHERE session_id = ?1"
	    " AND role = 'user' AND seq <= (SELECT seq FROM messages"
	    " WHERE id = ?2)";
	static const char trace_sql[] =
	    "SELECT trace FROM traces WHERE message_id = ?1";
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, num_sql, err)) == NULL)
		return err != NULL ? err->rc : SD_ERR_DB;
	sqlite3_bind_text(s, 1, t->session_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, t->id);
	if (sqlite3_step(s) != SQLITE_ROW)
		return store_fail(st, err, "review: turn number");
	t->number = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	if (!with_trace || t->reply_id == 0)
		return SD_OK;
	if ((s = store_prepare(st, trace_sql, err)) == NULL)
		return err != NULL ? err->rc : SD_ERR_DB;
	sqlite3_bind_int64(s, 1, t->reply_id);
	if (sqlite3_step(s) == SQLITE_ROW)
		t->trace = col_dup(s, 0);
	sqlite3_reset(s);
	return SD_OK;
}

enum sd_rc
review_turn_get(struct store *st, long long id, struct review_turn *t,
    struct sd_error *err)
{
	static const char sql[] = TURN_COLS REVIEW_COLS TURN_FROM
	    " WHERE u.id = ?1 AND u.role = 'user'";
	sqlite3_stmt	*s;
	int		 r;

	memset(t, 0, sizeof *t);
	if ((s = store_prepare(st, sql, err)) == NULL)
		return err != NULL ? err->rc : SD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		turn_from_row(s, t);
	sqlite3_reset(s);
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "turn %lld: no customer "
		    "line with that id (review queue lists turns)", id);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "review: read turn");
	return turn_details(st, t, 1, err);
}

static int
cmp_queue(const void *a, const void *b)
{
	const struct review_turn *x = a, *y = b;

	if ((x->review.verdict != REVIEW_NONE) !=
	    (y->review.verdict != REVIEW_NONE))
		return x->review.verdict != REVIEW_NONE ? 1 : -1;
	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	return x->id < y->id ? 1 : (x->id > y->id ? -1 : 0);
}

enum sd_rc
review_queue(struct store *st, size_t limit, int all,
    struct review_turn **out, size_t *n, struct sd_error *err)
{
	static const char sql[] = TURN_COLS REVIEW_COLS TURN_FROM
	    " WHERE u.role = 'user'";
	struct review_turn *v = NULL, t;
	sqlite3_stmt	*s;
	size_t		 k = 0, cap = 0, i;
	enum sd_rc	 rc = SD_OK;
	int		 r;

	*out = NULL;
	*n = 0;
	if ((rc = store_begin_read(st, err)) != SD_OK)
		return rc;
	if ((s = store_prepare(st, sql, err)) == NULL) {
		rc = err != NULL ? err->rc : SD_ERR_DB;
		goto out;
	}
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		turn_from_row(s, &t);
		if (t.score <= 0 || (!all && t.review.verdict != REVIEW_NONE)) {
			review_turn_release(&t);
			continue;
		}
		if (k == cap) {
			cap = cap ? 2 * cap : 64;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[k++] = t;
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		rc = store_fail(st, err, "review: queue");
		goto out;
	}
	if (k > 0)
		qsort(v, k, sizeof *v, cmp_queue);
	if (limit > 0 && k > limit) {
		for (i = limit; i < k; i++)
			review_turn_release(&v[i]);
		k = limit;
	}
	for (i = 0; i < k && rc == SD_OK; i++)
		rc = turn_details(st, &v[i], 0, err);
out:
	store_rollback(st);	/* a read: nothing to keep */
	if (rc != SD_OK) {
		for (i = 0; i < k; i++)
			review_turn_release(&v[i]);
		free(v);
		return rc;
	}
	*out = v;
	*n = k;
	return SD_OK;
}

/* A product named by SKU or by its exact name: *sku (caller frees). */
static enum sd_rc
find_product(struct store *st, const char *what, char **sku,
    struct sd_error *err)
{
	struct product	 p, *v = NULL;
	size_t		 n = 0, i;
	enum sd_rc	 rc;

	memset(&p, 0, sizeof p);
	if ((rc = catalog_product_by_sku(st, what, &p, err)) == SD_OK) {
		*sku = xstrdup(p.sku);
		product_release(&p);
		return SD_OK;
	}
	if (rc != SD_ERR_NOTFOUND)
		return rc;
	if ((rc = catalog_products_named(st, what, 20, &v, &n, err)) !=
	    SD_OK)
		return rc;
	rc = sd_fail(err, SD_ERR_NOTFOUND, "product \"%s\": no such SKU or "
	    "product name%s", what, n > 1 ? " (several names hold it: give "
	    "the SKU)" : "");
	for (i = 0; i < n; i++) {
		if (rc != SD_OK && (n == 1 ||
		    strcasecmp(v[i].name, what) == 0)) {
			*sku = xstrdup(v[i].sku);
			sd_error_clear(err);
			rc = SD_OK;
		}
		product_release(&v[i]);
	}
	free(v);
	return rc;
}

/* An unknown intent, with the nearest name when one is close. */
static enum sd_rc
unknown_intent(const char *name, struct sd_error *err)
{
	const char *const *names;
	size_t		 n, i, best = 0;
	int		 d, bestd = 4;

	names = intent_names(&n);
	for (i = 0; i < n; i++)
		if ((d = search_edit_distance(name, names[i], 3)) < bestd) {
			bestd = d;
			best = i;
		}
	if (bestd <= 3)
		return sd_fail(err, SD_ERR_INVALID, "unknown intent \"%s\"; "
		    "did you mean %s?", name, names[best]);
	return sd_fail(err, SD_ERR_INVALID, "unknown intent \"%s\" "
	    "(shopdesk review intents lists them)", name);
}

/* Check r against the model and the store; the product becomes a SKU. */
static enum sd_rc
review_check(struct store *st, struct review *r, struct sd_error *err)
{
	struct review_turn t;
	struct order	 o;
	char		*sku = NULL;
	enum sd_rc	 rc;

	if (r->verdict == REVIEW_NONE)
		return sd_fail(err, SD_ERR_INVALID, "turn %lld: the verdict "
		    "must be good or bad", r->turn);
	if (r->intent != NULL && intent_id(r->intent) < 0)
		return unknown_intent(r->intent, err);
	if ((rc = review_turn_get(st, r->turn, &t, err)) != SD_OK)
		return rc;
	review_turn_release(&t);
	if (r->product != NULL) {
		if ((rc = find_product(st, r->product, &sku, err)) != SD_OK)
			return rc;
		free(r->product);
		r->product = sku;
	}
	if (r->order_id != NULL) {
		if (r->order_id[0] == '#')
			memmove(r->order_id, r->order_id + 1,
			    strlen(r->order_id));
		memset(&o, 0, sizeof o);
		if ((rc = catalog_order(st, r->order_id, &o, err)) != SD_OK) {
			if (rc == SD_ERR_NOTFOUND)
				sd_fail(err, rc, "order \"%s\": no such order",
				    r->order_id);
			return rc;
		}
		order_release(&o);
	}
	return SD_OK;
}

static void
bind_opt(sqlite3_stmt *s, int i, const char *v)
{
	if (v != NULL && *v != '\0')
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(s, i);
}

enum sd_rc
review_save(struct store *st, struct review *r, struct sd_error *err)
{
	static const char sql[] =
	    "INSERT INTO reviews(user_msg_id, verdict, intent, entities,"
	    "  product, order_id, reply, reviewer, created_at, updated_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)"
	    " ON CONFLICT(user_msg_id) DO UPDATE SET"
	    "  verdict = excluded.verdict, intent = excluded.intent,"
	    "  entities = excluded.entities, product = excluded.product,"
	    "  order_id = excluded.order_id, reply = excluded.reply,"
	    "  reviewer = excluded.reviewer,"
	    "  updated_at = excluded.updated_at, revisions = revisions + 1"
	    " RETURNING created_at, updated_at, revisions";
	sqlite3_stmt	*s;
	cJSON		*ents = cJSON_CreateArray(), *e;
	char		*etext = NULL;
	size_t		 i;
	enum sd_rc	 rc;

	if ((rc = review_check(st, r, err)) != SD_OK)
		goto out;
	for (i = 0; i < r->nentities; i++) {
		e = cJSON_CreateObject();
		cJSON_AddStringToObject(e, "type", r->entities[i].type);
		cJSON_AddStringToObject(e, "value", r->entities[i].value);
		cJSON_AddItemToArray(ents, e);
	}
	etext = cJSON_PrintUnformatted(ents);
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	if ((s = store_prepare(st, sql, err)) == NULL) {
		rc = err != NULL ? err->rc : SD_ERR_DB;
		goto out;
	}
	sqlite3_bind_int64(s, 1, r->turn);
	sqlite3_bind_text(s, 2, review_verdict_name(r->verdict), -1,
	    SQLITE_STATIC);
	bind_opt(s, 3, r->intent);
	sqlite3_bind_text(s, 4, etext, -1, SQLITE_STATIC);
	bind_opt(s, 5, r->product);
	bind_opt(s, 6, r->order_id);
	bind_opt(s, 7, r->reply);
	sqlite3_bind_text(s, 8, r->reviewer != NULL ? r->reviewer : "", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(s, 9, store_now(), -1, SQLITE_TRANSIENT);
	if (sqlite3_step(s) != SQLITE_ROW) {
		rc = store_fail(st, err, "review: save");
		sqlite3_reset(s);
		goto out;
	}
	free(r->created_at);
	free(r->updated_at);
	r->created_at = col_dup(s, 0);
	r->updated_at = col_dup(s, 1);
	r->revisions = sqlite3_column_int(s, 2);
	sqlite3_step(s);	/* to the end, so the statement is done */
	sqlite3_reset(s);
	rc = store_commit(st, err);
out:
	if (rc != SD_OK)
		store_rollback(st);
	cJSON_Delete(ents);
	free(etext);
	return rc;
}

enum sd_rc
review_clear(struct store *st, long long turn, struct sd_error *err)
{
	static const char sql[] = "DELETE FROM reviews WHERE user_msg_id = ?1";
	sqlite3_stmt	*s;
	enum sd_rc	 rc;

	if ((rc = store_begin(st, err)) != SD_OK)
		return rc;
	if ((s = store_prepare(st, sql, err)) == NULL) {
		rc = err != NULL ? err->rc : SD_ERR_DB;
		goto out;
	}
	sqlite3_bind_int64(s, 1, turn);
	if (sqlite3_step(s) != SQLITE_DONE)
		rc = store_fail(st, err, "review: clear");
	else if (sqlite3_changes(store_db(st)) == 0)
		rc = sd_fail(err, SD_ERR_NOTFOUND, "turn %lld has no review",
		    turn);
	sqlite3_reset(s);
	if (rc == SD_OK)
		rc = store_commit(st, err);
out:
	if (rc != SD_OK)
		store_rollback(st);
	return rc;
}

long
review_examples(struct store *st,
    void (*fn)(void *, const char *, const char *), void *arg,
    struct sd_error *err)
{
	static const char sql[] =
	    "SELECT u.text, coalesce(r.intent, CASE WHEN r.verdict = 'good'"
	    "  THEN u.intent END) FROM reviews r"
	    " JOIN messages u ON u.id = r.user_msg_id"
	    " ORDER BY r.user_msg_id";
	sqlite3_stmt	*s;
	const char	*text, *intent;
	long		 n = 0;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return -1;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		text = (const char *)sqlite3_column_text(s, 0);
		intent = (const char *)sqlite3_column_text(s, 1);
		if (text == NULL || intent == NULL || intent_id(intent) < 0)
			continue;
		fn(arg, text, intent);
		n++;
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		store_fail(st, err, "review: training examples");
		return -1;
	}
	return n;
}

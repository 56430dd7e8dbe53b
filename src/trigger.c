/*
 * trigger.c owns the trigger_firings, trigger_optouts and
 * trigger_watches tables: which proactive messages were sent to whom
 * about what, who asked for none, and who watches a product (see
 * trigger.h).  Each kind of trigger is one query over the shop's data
 * (carts, products, orders) that yields candidates; the rules that keep
 * messages welcome (once per subject, opt-out, cool-down, daily cap,
 * quiet hours) are applied to all of them alike.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "history.h"
#include "sbuf.h"
#include "store.h"
#include "trigger.h"

static const char *const kind_names[] = {
	"abandoned_cart", "price_drop", "back_in_stock", "seasonal",
	"cross_sell"
};
#define NKINDS	(sizeof kind_names / sizeof kind_names[0])

/* The placeholders each kind's message may use. */
static const char *const kind_slots[NKINDS] = {
	"name items total",
	"name product price was",
	"name product price stock",
	"name product price category",
	"name product price bought",
};

/* Loading */

static void
rule_release(struct trigger_rule *r)
{
	free(r->name);
	free(r->message);
	free(r->from_md);
	free(r->to_md);
	free(r->bought_category);
	free(r->suggest_category);
}

void
trigger_set_release(struct trigger_set *ts)
{
	size_t	 i;

	for (i = 0; i < ts->n; i++)
		rule_release(&ts->v[i]);
	free(ts->v);
	memset(ts, 0, sizeof *ts);
}

static double
num(const cJSON *o, const char *k, double def)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsNumber(v) ? v->valuedouble : def;
}

static char *
str(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? xstrdup(v->valuestring) : NULL;
}

/* Whether every {slot} in msg is one of the space-separated allowed. */
static int
slots_ok(const char *msg, const char *allowed, struct sbuf *bad)
{
	const char	*p = msg, *q, *a;
	size_t		 n;

	while ((p = strchr(p, '{')) != NULL) {
		if ((q = strchr(p, '}')) == NULL)
			return 1;
		n = (size_t)(q - p - 1);
		for (a = allowed; *a != '\0';) {
			if (strncmp(a, p + 1, n) == 0 && (a[n] == ' ' ||
			    a[n] == '\0'))
				break;
			a = strchr(a, ' ');
			a = a != NULL ? a + 1 : "";
		}
		if (*a == '\0') {
			sbuf_add(bad, p, n + 2);
			return 0;
		}
		p = q + 1;
	}
	return 1;
}

static int
md_ok(const char *s)
{
	int	 m, d;
	char	 x;

	return s != NULL && strlen(s) == 5 &&
	    sscanf(s, "%2d-%2d%c", &m, &d, &x) == 2 && m >= 1 && m <= 12 &&
	    d >= 1 && d <= 31;
}

static enum sd_rc
rule_load(const cJSON *o, size_t i, struct trigger_rule *r,
    struct sd_error *err)
{
	struct sbuf	 bad = SBUF_INIT;
	char		*kind = str(o, "kind");
	size_t		 k;
	enum sd_rc	 rc = SD_OK;

	memset(r, 0, sizeof *r);
	r->name = str(o, "name");
	r->message = str(o, "message");
	for (k = 0; kind != NULL && k < NKINDS; k++)
		if (strcmp(kind, kind_names[k]) == 0)
			break;
	if (r->name == NULL || *r->name == '\0' || r->message == NULL) {
		rc = sd_fail(err, SD_ERR_INVALID, "trigger %zu: needs a name "
		    "and a message", i + 1);
		goto out;
	}
	if (kind == NULL || k == NKINDS) {
		rc = sd_fail(err, SD_ERR_INVALID, "trigger %s: kind must be "
		    "abandoned_cart, price_drop, back_in_stock, seasonal or "
		    "cross_sell", r->name);
		goto out;
	}
	r->kind = (enum trigger_kind)k;
	if (!slots_ok(r->message, kind_slots[k], &bad)) {
		rc = sd_fail(err, SD_ERR_INVALID, "trigger %s: %s is not a "
		    "placeholder of %s (%s)", r->name, bad.buf, kind,
		    kind_slots[k]);
		goto out;
	}
	r->cooldown_hours = num(o, "cooldown_hours", 72);
	r->idle_hours = num(o, "idle_hours", 4);
	r->max_age_days = num(o, "max_age_days", 14);
	r->min_drop_pct = num(o, "min_drop_pct", 5);
	r->within_days = num(o, "within_days", 30);
	r->from_md = str(o, "from");
	r->to_md = str(o, "to");
	r->bought_category = str(o, "bought_category");
	r->suggest_category = str(o, "suggest_category");
	if (r->kind == TRIGGER_SEASONAL && (!md_ok(r->from_md) ||
	    !md_ok(r->to_md)))
		rc = sd_fail(err, SD_ERR_INVALID, "trigger %s: a seasonal "
		    "trigger needs \"from\" and \"to\" as MM-DD", r->name);
	else if (r->kind == TRIGGER_CROSS_SELL && (r->bought_category ==
	    NULL || r->suggest_category == NULL))
		rc = sd_fail(err, SD_ERR_INVALID, "trigger %s: cross_sell "
		    "needs bought_category and suggest_category", r->name);
	else if (r->cooldown_hours < 0 || r->idle_hours < 0 ||
	    r->min_drop_pct <= 0 || r->min_drop_pct >= 100)
		rc = sd_fail(err, SD_ERR_INVALID, "trigger %s: hours must not "
		    "be negative and min_drop_pct is a percentage", r->name);
out:
	if (rc != SD_OK)
		rule_release(r);
	free(kind);
	sbuf_release(&bad);
	return rc;
}

enum sd_rc
trigger_load(const char *path, struct trigger_set *ts, struct sd_error *err)
{
	struct sbuf	 sb = SBUF_INIT;
	const cJSON	*a, *it, *q;
	cJSON		*root;
	size_t		 i = 0;
	enum sd_rc	 rc = SD_OK;

	memset(ts, 0, sizeof *ts);
	if (sbuf_read_file(&sb, path) != 0) {
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
		sbuf_release(&sb);
		return rc;
	}
	root = cJSON_Parse(sb.buf);
	sbuf_release(&sb);
	a = cJSON_GetObjectItemCaseSensitive(root, "triggers");
	if (root == NULL || !cJSON_IsArray(a)) {
		cJSON_Delete(root);
		return sd_fail(err, SD_ERR_PARSE, "%s: not a JSON object with "
		    "a \"triggers\" array", path);
	}
	ts->daily_cap = (int)num(root, "daily_cap", 2);
	q = cJSON_GetObjectItemCaseSensitive(root, "quiet_hours");
	if (q != NULL && (!cJSON_IsArray(q) || cJSON_GetArraySize(q) != 2 ||
	    !cJSON_IsNumber(cJSON_GetArrayItem(q, 0)) ||
	    !cJSON_IsNumber(cJSON_GetArrayItem(q, 1))))
		ts->quiet_from = -1;
	else if (q != NULL) {
		ts->quiet_from = cJSON_GetArrayItem(q, 0)->valueint;
		ts->quiet_to = cJSON_GetArrayItem(q, 1)->valueint;
	}
	if (ts->quiet_from < 0 || ts->quiet_from > 23 || ts->quiet_to < 0 ||
	    ts->quiet_to > 23 || ts->daily_cap < 1) {
		cJSON_Delete(root);
		return sd_fail(err, SD_ERR_INVALID, "%s: quiet_hours are two "
		    "hours from 0 to 23, daily_cap at least 1", path);
	}
	ts->v = xcalloc((size_t)cJSON_GetArraySize(a) + 1, sizeof *ts->v);
	cJSON_ArrayForEach(it, a) {
		if ((rc = rule_load(it, i, &ts->v[i], err)) != SD_OK)
			break;
		ts->n = ++i;
	}
	cJSON_Delete(root);
	if (rc != SD_OK) {
		trigger_set_release(ts);
		/* Say which file. */
		sd_fail(err, rc, "%s: %s", path, sd_error_msg(err));
	}
	return rc;
}

void
trigger_firing_release(struct trigger_firing *f)
{
	free(f->trigger);
	free(f->customer);
	free(f->key);
	free(f->why);
	free(f->text);
	free(f->session_id);
	memset(f, 0, sizeof *f);
}

/* Candidates */

/*
 * Each query binds ?1 now, ?2 and ?3 the rule's numbers, ?4 and ?5 its
 * texts; and yields customer, key, why, then the values of its kind's
 * placeholders in the order of kind_slots.
 */
static const char *const kind_sql[NKINDS] = {
	/* abandoned_cart: idle past ?2 hours, not older than ?3 days, no
	 * order placed since. */
	"SELECT c.customer_id, c.id || '@' || c.updated_at,"
	"  'cart ' || c.id || ' idle since ' || c.updated_at,"
	"  cu.name, group_concat(coalesce(p.name, i.sku), ', '),"
	"  printf('$%.2f', sum(i.qty * coalesce(p.price, i.price_at_add)))"
	" FROM carts c JOIN customers cu ON cu.id = c.customer_id"
	" JOIN cart_items i ON i.cart_id = c.id"
	" LEFT JOIN products p ON p.sku = i.sku"
	" WHERE c.status IN ('active', 'abandoned')"
	"  AND julianday(?1) - julianday(c.updated_at) >= ?2 / 24.0"
	"  AND julianday(?1) - julianday(c.updated_at) <= ?3"
	"  AND NOT EXISTS (SELECT 1 FROM orders o"
	"    WHERE o.customer_id = c.customer_id"
	"      AND o.placed_at > c.updated_at)"
	" GROUP BY c.id ORDER BY c.customer_id, c.id",
	/* price_drop: ?2 percent below the price when carted or watched. */
	"SELECT customer, sku || '@' || price, why, cname, pname,"
	"  printf('$%.2f', price), printf('$%.2f', was) FROM ("
	" SELECT c.customer_id AS customer, p.sku AS sku, p.price AS price,"
	"  i.price_at_add AS was, cu.name AS cname, p.name AS pname,"
	"  'in cart ' || c.id || ' at ' || printf('$%.2f', i.price_at_add)"
	"  || ', now ' || printf('$%.2f', p.price) AS why"
	" FROM cart_items i JOIN carts c ON c.id = i.cart_id"
	" JOIN products p ON p.sku = i.sku"
	" JOIN customers cu ON cu.id = c.customer_id"
	" WHERE c.status IN ('active', 'abandoned')"
	"  AND p.price <= i.price_at_add * (1 - ?2 / 100.0)"
	" UNION"
	" SELECT w.customer, p.sku, p.price, w.price, coalesce(cu.name, ''),"
	"  p.name, 'watched at ' || printf('$%.2f', w.price) || ', now '"
	"  || printf('$%.2f', p.price)"
	" FROM trigger_watches w JOIN products p ON p.sku = w.sku"
	" LEFT JOIN customers cu ON cu.id = w.customer"
	" WHERE p.price <= w.price * (1 - ?2 / 100.0))"
	" ORDER BY customer, sku",
	/* back_in_stock: watched while out of stock, in stock now. */
	"SELECT w.customer, w.sku || '@' || w.created_at,"
	"  'watched ' || w.sku || ' out of stock since ' || w.created_at,"
	"  coalesce(cu.name, ''), p.name, printf('$%.2f', p.price), p.stock"
	" FROM trigger_watches w JOIN products p ON p.sku = w.sku"
	" LEFT JOIN customers cu ON cu.id = w.customer"
	" WHERE w.stock = 0 AND p.stock > 0 ORDER BY w.customer, w.sku",
	/* seasonal, between ?4 and ?5 (MM-DD): the best-rated product in
	 * stock of the category each customer last bought from, that they
	 * do not have. */
	"WITH last AS (SELECT o.customer_id AS customer, p.category AS cat,"
	"   max(o.placed_at) AS at FROM orders o"
	"   JOIN order_items oi ON oi.order_id = o.id"
	"   JOIN products p ON p.sku = oi.sku"
	"   WHERE o.status <> 'cancelled' AND p.category <> 'gift-cards'"
	"   GROUP BY o.customer_id, p.category),"
	" pick AS (SELECT customer, cat FROM last l WHERE at ="
	"   (SELECT max(at) FROM last l2 WHERE l2.customer = l.customer))"
	" SELECT k.customer, substr(?1, 1, 4), 'bought ' || k.cat"
	"  || ' before; season ' || ?4 || ' to ' || ?5, cu.name, p.name,"
	"  printf('$%.2f', p.price), k.cat"
	" FROM pick k JOIN customers cu ON cu.id = k.customer"
	" JOIN products p ON p.sku = (SELECT p2.sku FROM products p2"
	"   WHERE p2.category = k.cat AND p2.stock > 0"
	"   AND p2.sku NOT IN (SELECT oi.sku FROM orders o"
	"     JOIN order_items oi ON oi.order_id = o.id"
	"     WHERE o.customer_id = k.customer)"
	"   ORDER BY p2.rating DESC, p2.review_count DESC, p2.sku LIMIT 1)"
	" WHERE ((?4 <= ?5 AND substr(?1, 6, 5) BETWEEN ?4 AND ?5)"
	"   OR (?4 > ?5 AND (substr(?1, 6, 5) >= ?4"
	"     OR substr(?1, 6, 5) <= ?5)))"
	" GROUP BY k.customer ORDER BY k.customer",
	/* cross_sell: an order of category ?4 placed within ?2 days; the
	 * best-rated product of category ?5 in stock made for it: its
	 * compatible_with is the name of the product bought, without the
	 * variant in parentheses ("Samsung Galaxy S24" for "Samsung Galaxy
	 * S24 (128GB)", not for the S24+ or the S24 Ultra). */
	"SELECT o.customer_id, o.id, 'order ' || o.id || ' of ' || b.name,"
	"  cu.name, s.name, printf('$%.2f', s.price), b.name"
	" FROM orders o JOIN order_items oi ON oi.order_id = o.id"
	" JOIN products b ON b.sku = oi.sku AND b.category = ?4"
	" JOIN customers cu ON cu.id = o.customer_id"
	" JOIN products s ON s.sku = (SELECT p.sku FROM products p"
	"   WHERE p.category = ?5 AND p.stock > 0"
	"   AND json_type(p.attrs, '$.compatible_with') = 'text'"
	"   AND json_extract(p.attrs, '$.compatible_with') = rtrim(CASE"
	"     WHEN instr(b.name, ' (') > 0"
	"     THEN substr(b.name, 1, instr(b.name, ' (') - 1)"
	"     ELSE b.name END) COLLATE NOCASE"
	"   AND p.sku NOT IN (SELECT oi2.sku FROM orders o2"
	"     JOIN order_items oi2 ON oi2.order_id = o2.id"
	"     WHERE o2.customer_id = o.customer_id)"
	"   ORDER BY p.rating DESC, p.review_count DESC, p.sku LIMIT 1)"
	" WHERE o.status <> 'cancelled'"
	"  AND julianday(?1) - julianday(o.placed_at) BETWEEN 0 AND ?2"
	" GROUP BY o.id ORDER BY o.customer_id, o.id",
};

/* The customer's first name, for the greeting. */
static void
first_name(struct sbuf *sb, const char *name)
{
	size_t	 n = strcspn(name, " ");

	sbuf_add(sb, name, n);
}

/* rule's message with {slot}s from the query's columns 3 on. */
static char *
fill(const struct trigger_rule *r, sqlite3_stmt *s)
{
	const char	*names = kind_slots[r->kind], *p = r->message, *q;
	const char	*a, *v;
	struct sbuf	 sb = SBUF_INIT;
	size_t		 n;
	int		 col;

	while ((q = strchr(p, '{')) != NULL && strchr(q, '}') != NULL) {
		sbuf_add(&sb, p, (size_t)(q - p));
		n = (size_t)(strchr(q, '}') - q - 1);
		for (a = names, col = 3; *a != '\0'; col++) {
			if (strncmp(a, q + 1, n) == 0 && (a[n] == ' ' ||
			    a[n] == '\0'))
				break;
			a = strchr(a, ' ');
			a = a != NULL ? a + 1 : "";
		}
		v = (const char *)sqlite3_column_text(s, col);
		if (col == 3)
			first_name(&sb, v != NULL && *v != '\0' ? v :
			    "there");
		else
			sbuf_adds(&sb, v != NULL ? v : "");
		p = q + n + 2;
	}
	sbuf_adds(&sb, p);
	return sbuf_detach(&sb, NULL);
}

static enum sd_rc
candidates(struct store *st, const struct trigger_rule *r,
    struct trigger_firing **v, size_t *n, size_t *cap, struct sd_error *err)
{
	sqlite3_stmt	*s;
	struct trigger_firing *f;
	int		 x;

	if ((s = store_prepare(st, kind_sql[r->kind], err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, store_now(), -1, SQLITE_TRANSIENT);
	switch (r->kind) {
	case TRIGGER_ABANDONED_CART:
		sqlite3_bind_double(s, 2, r->idle_hours);
		sqlite3_bind_double(s, 3, r->max_age_days);
		break;
	case TRIGGER_PRICE_DROP:
		sqlite3_bind_double(s, 2, r->min_drop_pct);
		break;
	case TRIGGER_SEASONAL:
		sqlite3_bind_text(s, 4, r->from_md, -1, SQLITE_STATIC);
		sqlite3_bind_text(s, 5, r->to_md, -1, SQLITE_STATIC);
		break;
	case TRIGGER_CROSS_SELL:
		sqlite3_bind_double(s, 2, r->within_days);
		sqlite3_bind_text(s, 4, r->bought_category, -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(s, 5, r->suggest_category, -1,
		    SQLITE_STATIC);
		break;
	case TRIGGER_BACK_IN_STOCK:
		break;
	}
	while ((x = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == *cap) {
			*cap = *cap ? 2 * *cap : 16;
			*v = xrealloc(*v, *cap * sizeof **v);
		}
		f = &(*v)[(*n)++];
		memset(f, 0, sizeof *f);
		f->trigger = xstrdup(r->name);
		f->customer = xstrdup((const char *)sqlite3_column_text(s, 0));
		f->key = xstrdup((const char *)sqlite3_column_text(s, 1));
		f->why = xstrdup((const char *)sqlite3_column_text(s, 2));
		f->text = fill(r, s);
	}
	sqlite3_reset(s);
	if (x != SQLITE_DONE)
		return store_fail(st, err, "evaluate trigger");
	return SD_OK;
}

/* Rules */

/*
 * One number from sql, whose parameters are ?1 the customer, ?2 the
 * trigger, ?3 a number of hours, ?4 now and ?5 a key (each used or not).
 */
static enum sd_rc
count(struct store *st, const char *sql, const struct trigger_firing *f,
    double hours, long long *out, struct sd_error *err)
{
	sqlite3_stmt	*s;
	int		 x;

	*out = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	/* Binding a parameter a statement lacks only returns SQLITE_RANGE. */
	sqlite3_bind_text(s, 1, f->customer, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, f->trigger, -1, SQLITE_STATIC);
	sqlite3_bind_double(s, 3, hours);
	sqlite3_bind_text(s, 4, store_now(), -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(s, 5, f->key, -1, SQLITE_STATIC);
	if ((x = sqlite3_step(s)) == SQLITE_ROW)
		*out = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (x != SQLITE_ROW)
		return store_fail(st, err, "read trigger firings");
	return SD_OK;
}

/* Whether now (UTC) is within the quiet hours. */
static int
quiet_now(const struct trigger_set *ts)
{
	int	 h = atoi(store_now() + 11);

	if (ts->quiet_from == ts->quiet_to)
		return 0;
	if (ts->quiet_from < ts->quiet_to)
		return h >= ts->quiet_from && h < ts->quiet_to;
	return h >= ts->quiet_from || h < ts->quiet_to;
}

enum hold {
	HOLD_NONE,		/* send it */
	HOLD_ALREADY,		/* sent before for the same key */
	HOLD_OPTOUT,
	HOLD_COOLDOWN,
	HOLD_CAPPED,
	HOLD_ERROR		/* err set */
};

/*
 * Whether f may be sent now.  In a dry run nothing is stored, so this
 * run's firings so far, run[0..nrun), count for the cool-down and the
 * daily cap as the stored ones do.
 */
static enum hold
held(struct store *st, const struct trigger_rule *r,
    const struct trigger_firing *f, const struct trigger_firing *run,
    size_t nrun, int daily_cap, struct sd_error *err)
{
	static const char once[] = "SELECT count(*) FROM trigger_firings"
	    " WHERE customer = ?1 AND trigger = ?2 AND key = ?5";
	static const char out[] = "SELECT count(*) FROM trigger_optouts"
	    " WHERE customer = ?1";
	static const char cool[] = "SELECT count(*) FROM trigger_firings"
	    " WHERE customer = ?1 AND trigger = ?2"
	    " AND julianday(?4) - julianday(fired_at) < ?3 / 24.0";
	static const char today[] = "SELECT count(*) FROM trigger_firings"
	    " WHERE customer = ?1"
	    " AND substr(fired_at, 1, 10) = substr(?4, 1, 10)";
	long long	 k;
	size_t		 i, same = 0, day = 0;

	if (count(st, once, f, 0, &k, err) != SD_OK)
		return HOLD_ERROR;
	if (k > 0)
		return HOLD_ALREADY;
	if (count(st, out, f, 0, &k, err) != SD_OK)
		return HOLD_ERROR;
	if (k > 0)
		return HOLD_OPTOUT;
	for (i = 0; i < nrun; i++) {
		if (strcmp(run[i].customer, f->customer) != 0)
			continue;
		day++;
		same += strcmp(run[i].trigger, f->trigger) == 0;
	}
	if (count(st, cool, f, r->cooldown_hours, &k, err) != SD_OK)
		return HOLD_ERROR;
	if (k > 0 || (same > 0 && r->cooldown_hours > 0))
		return HOLD_COOLDOWN;
	if (count(st, today, f, 0, &k, err) != SD_OK)
		return HOLD_ERROR;
	if (k + (long long)day >= daily_cap)
		return HOLD_CAPPED;
	return HOLD_NONE;
}

/* The customer's open session, or a new one; the message in it. */
static enum sd_rc
deliver(struct store *st, struct trigger_firing *f, struct sd_error *err)
{
	static const char ins[] = "INSERT INTO trigger_firings(trigger,"
	    " customer, key, session_id, message_id, fired_at)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	struct session_info si;
	struct sbuf	 tr = SBUF_INIT;
	sqlite3_stmt	*s;
	char		*sid = NULL;
	int		 created, x;
	enum sd_rc	 rc;

	memset(&si, 0, sizeof si);
	if ((rc = history_user_open_session(st, f->customer, &sid, err)) !=
	    SD_OK)
		return rc;
	if (sid == NULL) {
		if ((rc = history_session_open(st, NULL, f->customer,
		    "proactive", 1, &si, &created, err)) != SD_OK)
			return rc;
		sid = xstrdup(si.id);
		session_info_release(&si);
	}
	sbuf_adds(&tr, "{\"proactive\":{\"trigger\":");
	sbuf_add_json_str(&tr, f->trigger, strlen(f->trigger));
	sbuf_adds(&tr, ",\"key\":");
	sbuf_add_json_str(&tr, f->key, strlen(f->key));
	sbuf_adds(&tr, ",\"why\":");
	sbuf_add_json_str(&tr, f->why, strlen(f->why));
	sbuf_adds(&tr, "}}");
	rc = history_add(st, sid, "bot", f->text, NULL, 0, "proactive", 0,
	    tr.buf, &f->message_id, err);
	sbuf_release(&tr);
	if (rc != SD_OK) {
		free(sid);
		return rc;
	}
	f->session_id = sid;
	if ((s = store_prepare(st, ins, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, f->trigger, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, f->customer, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, f->key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, f->session_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 5, f->message_id);
	sqlite3_bind_text(s, 6, store_now(), -1, SQLITE_TRANSIENT);
	x = sqlite3_step(s);
	sqlite3_reset(s);
	if (x != SQLITE_DONE)
		return store_fail(st, err, "record trigger firing");
	return SD_OK;
}

enum sd_rc
trigger_run(struct store *st, const struct trigger_set *ts, int dry_run,
    struct trigger_firing **out, size_t *nout, struct trigger_counts *c,
    struct sd_error *err)
{
	struct trigger_firing *cand = NULL, *keep = NULL;
	size_t		 ncand = 0, cap = 0, nkeep = 0, i, j;
	size_t		*tally[] = { NULL, &c->already, &c->optout,
	    &c->cooldown, &c->capped };
	enum sd_rc	 rc = SD_OK;
	enum hold	 h;

	*out = NULL;
	*nout = 0;
	memset(c, 0, sizeof *c);
	if (quiet_now(ts)) {
		c->quiet = 1;
		return SD_OK;
	}
	if (!dry_run && (rc = store_begin(st, err)) != SD_OK)
		return rc;
	keep = xcalloc(1, sizeof *keep);
	for (i = 0; i < ts->n && rc == SD_OK; i++) {
		size_t	 from = ncand;

		rc = candidates(st, &ts->v[i], &cand, &ncand, &cap, err);
		for (j = from; j < ncand && rc == SD_OK; j++) {
			c->candidates++;
			h = held(st, &ts->v[i], &cand[j], keep,
			    dry_run ? nkeep : 0, ts->daily_cap, err);
			if (h == HOLD_ERROR) {
				rc = err->rc != SD_OK ? err->rc : SD_ERR_DB;
				break;
			}
			if (h != HOLD_NONE) {
				(*tally[h])++;
				trigger_firing_release(&cand[j]);
				continue;
			}
			if (!dry_run && (rc = deliver(st, &cand[j], err)) !=
			    SD_OK) {
				trigger_firing_release(&cand[j]);
				break;
			}
			keep = xrealloc(keep, (nkeep + 1) * sizeof *keep);
			keep[nkeep++] = cand[j];
		}
		for (; j < ncand; j++)
			trigger_firing_release(&cand[j]);
		ncand = 0;
	}
	free(cand);
	if (!dry_run) {
		if (rc == SD_OK)
			rc = store_commit(st, err);
		else
			store_rollback(st);
	}
	if (rc != SD_OK) {
		for (i = 0; i < nkeep; i++)
			trigger_firing_release(&keep[i]);
		free(keep);
		return rc;
	}
	*out = keep;
	*nout = nkeep;
	return SD_OK;
}

/* Customers' choices */

enum sd_rc
trigger_optout(struct store *st, const char *customer, int off,
    struct sd_error *err)
{
	static const char add[] = "INSERT OR IGNORE INTO trigger_optouts"
	    "(customer, at) VALUES (?1, ?2)";
	static const char del[] = "DELETE FROM trigger_optouts"
	    " WHERE customer = ?1";
	sqlite3_stmt	*s;
	int		 x;

	if ((s = store_prepare(st, off ? add : del, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, customer, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, store_now(), -1, SQLITE_TRANSIENT);
	x = sqlite3_step(s);
	sqlite3_reset(s);
	if (x != SQLITE_DONE)
		return store_fail(st, err, "record opt-out");
	return SD_OK;
}

enum sd_rc
trigger_watch(struct store *st, const char *customer, const char *sku,
    struct sd_error *err)
{
	static const char sql[] = "INSERT OR REPLACE INTO trigger_watches"
	    "(customer, sku, price, stock, created_at)"
	    " SELECT ?1, sku, price, stock, ?3 FROM products WHERE sku = ?2";
	sqlite3_stmt	*s;
	int		 x;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, customer, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, sku, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, store_now(), -1, SQLITE_TRANSIENT);
	x = sqlite3_step(s);
	sqlite3_reset(s);
	if (x != SQLITE_DONE)
		return store_fail(st, err, "record watch");
	if (sqlite3_changes(store_db(st)) == 0)
		return sd_fail(err, SD_ERR_NOTFOUND, "no product %s", sku);
	return SD_OK;
}

enum sd_rc
trigger_report(struct store *st, double days, struct trigger_stat **out,
    size_t *n, struct sd_error *err)
{
	static const char sql[] = "SELECT f.trigger, count(*),"
	    " count(f.seen_at),"
	    " sum(EXISTS (SELECT 1 FROM messages m"
	    "   WHERE m.session_id = f.session_id AND m.role = 'user'"
	    "   AND m.id > f.message_id)),"
	    " sum(EXISTS (SELECT 1 FROM orders o"
	    "   WHERE o.customer_id = f.customer AND o.placed_at > f.fired_at"
	    "   AND julianday(o.placed_at) - julianday(f.fired_at) <= ?1))"
	    " FROM trigger_firings f GROUP BY f.trigger ORDER BY f.trigger";
	struct trigger_stat *v = NULL;
	size_t		 len = 0;
	sqlite3_stmt	*s;
	int		 x;

	*out = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_double(s, 1, days);
	while ((x = sqlite3_step(s)) == SQLITE_ROW) {
		v = xrealloc(v, (len + 1) * sizeof *v);
		v[len].trigger = xstrdup((const char *)sqlite3_column_text(s,
		    0));
		v[len].sent = sqlite3_column_int64(s, 1);
		v[len].seen = sqlite3_column_int64(s, 2);
		v[len].replied = sqlite3_column_int64(s, 3);
		v[len].converted = sqlite3_column_int64(s, 4);
		len++;
	}
	sqlite3_reset(s);
	if (x != SQLITE_DONE) {
		while (len > 0)
			free(v[--len].trigger);
		free(v);
		return store_fail(st, err, "report triggers");
	}
	*out = v;
	*n = len;
	return SD_OK;
}

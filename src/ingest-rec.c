/*
 * ingest-rec.c owns the meaning of an ingested record: which fields each
 * kind has, how they are checked, and the SQL that upserts products,
 * documents (with their chunks), customers, orders (with items, shipments
 * and events) and carts (with items).
 *
 * Every upsert leaves an identical row alone: products, customers, orders
 * and carts use INSERT ... ON CONFLICT DO UPDATE ... WHERE something
 * differs, so the row keeps its rowid and the FTS triggers fire only on a
 * real change; sqlite3_changes() and last_insert_rowid then tell new,
 * changed and unchanged apart without a SELECT per row.  Documents are
 * compared in C because only a changed body is worth re-chunking.
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

static const struct {
	const char	*name;
	enum ingest_kind kind;
} kinds[] = {
	{ "product",	INGEST_PRODUCT },
	{ "faq",	INGEST_FAQ },
	{ "policy",	INGEST_POLICY },
	{ "manual",	INGEST_MANUAL },
	{ "ticket",	INGEST_TICKET },
	{ "customer",	INGEST_CUSTOMER },
	{ "order",	INGEST_ORDER },
	{ "cart",	INGEST_CART },
	{ "conversation", INGEST_CONVERSATION },
};

/* Every field some record kind reads: the targets --map accepts. */
static const char *const fields[] = {
	"id", "type", "sku", "name", "brand", "model", "category",
	"subcategory", "description", "price", "list_price", "currency",
	"rating", "review_count", "review_summary", "warranty",
	"warranty_months", "extended_warranty", "stock", "attrs", "tags",
	"question", "answer", "topic", "title", "body", "text", "facts",
	"product_sku", "subject", "problem", "resolution", "created_at",
	"email", "phone", "tier", "city", "country", "preferences",
	"customer_id", "status", "placed_at", "updated_at", "total",
	"payment_method", "shipping_address", "note", "items", "shipments",
	"events",
};

/* Product columns; other CSV columns become attributes. */
static const char *const product_fields[] = {
	"type", "sku", "name", "brand", "model", "category", "subcategory",
	"description", "price", "list_price", "currency", "rating",
	"review_count", "review_summary", "warranty", "warranty_months",
	"extended_warranty", "stock", "attrs", "tags",
};

static const char *const tiers[] = { "standard", "plus", "vip", NULL };

enum ingest_kind
ingest_kind_parse(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strcmp(s, kinds[i].name) == 0)
			return kinds[i].kind;
	return INGEST_NONE;
}

const char *
ingest_kind_name(enum ingest_kind k)
{
	size_t	 i;

	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (kinds[i].kind == k)
			return kinds[i].name;
	return "record";
}

int
ingest_field_known(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (strcmp(s, fields[i]) == 0)
			return 1;
	return 0;
}

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
static int
plain_decimal(const char *s, double *out)
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

static void
seen_free(struct ingest_seen *t)
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
		if (!plain_decimal(it->valuestring, &v))
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
static enum sd_rc
get_tags(cJSON *rec, struct sbuf *out, struct sd_error *err)
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

static void
bind_num(sqlite3_stmt *s, int i, int present, double v)
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

/* --- products ------------------------------------------------------ */

static int
is_product_field(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof product_fields / sizeof product_fields[0]; i++)
		if (strcmp(s, product_fields[i]) == 0)
			return 1;
	return 0;
}

/* Move a DummyJSON field into attrs under a plainer name. */
static void
attr_from(cJSON *rec, cJSON *attrs, const char *from, const char *to)
{
	cJSON	*it = cJSON_GetObjectItemCaseSensitive(rec, from), *d, *v;
	struct sbuf sb = SBUF_INIT;

	if (it == NULL || cJSON_GetObjectItemCaseSensitive(attrs, to) != NULL)
		return;
	if (cJSON_IsString(it) || cJSON_IsNumber(it)) {
		cJSON_AddItemToObject(attrs, to, cJSON_Duplicate(it, 0));
		return;
	}
	if (!cJSON_IsObject(it))
		return;
	/* dimensions {width, height, depth} -> "w x h x d" */
	d = it;
	cJSON_ArrayForEach(v, d) {
		if (!cJSON_IsNumber(v))
			continue;
		if (sb.len)
			sbuf_adds(&sb, " x ");
		sbuf_addf(&sb, "%g", v->valuedouble);
	}
	if (sb.len)
		cJSON_AddStringToObject(attrs, to, sb.buf);
	sbuf_release(&sb);
}

/*
 * Bring a DummyJSON product (and friends) to our field names: title ->
 * name, id -> sku, reviews -> review_count and rating, warrantyInformation
 * -> warranty, discountPercentage -> list_price, logistics -> attrs.
 * Fields already present in our names win.
 */
static void
dummyjson_map(cJSON *rec, cJSON *attrs)
{
	cJSON	*it, *r, *rv;
	double	 sum = 0, pct;
	int	 n = 0;
	char	*s;

	if (!cJSON_HasObjectItem(rec, "name") &&
	    cJSON_IsString(it = cJSON_GetObjectItemCaseSensitive(rec, "title")))
		cJSON_AddStringToObject(rec, "name", it->valuestring);
	if (!cJSON_HasObjectItem(rec, "sku") &&
	    (it = cJSON_GetObjectItemCaseSensitive(rec, "id")) != NULL) {
		if (cJSON_IsString(it))
			s = xasprintf("DJ-%s", it->valuestring);
		else if (cJSON_IsNumber(it))
			s = xasprintf("DJ-%.0f", it->valuedouble);
		else
			s = NULL;
		if (s != NULL)
			cJSON_AddStringToObject(rec, "sku", s);
		free(s);
	}
	if (cJSON_IsArray(r = cJSON_GetObjectItemCaseSensitive(rec,
	    "reviews"))) {
		cJSON_ArrayForEach(it, r) {
			rv = cJSON_GetObjectItemCaseSensitive(it, "rating");
			if (cJSON_IsNumber(rv)) {
				sum += rv->valuedouble;
				n++;
			}
		}
		if (!cJSON_HasObjectItem(rec, "review_count"))
			cJSON_AddNumberToObject(rec, "review_count",
			    cJSON_GetArraySize(r));
		if (!cJSON_HasObjectItem(rec, "rating") && n > 0)
			cJSON_AddNumberToObject(rec, "rating",
			    round(sum / n * 100) / 100);
	}
	if (!cJSON_HasObjectItem(rec, "warranty") && cJSON_IsString(it =
	    cJSON_GetObjectItemCaseSensitive(rec, "warrantyInformation")))
		cJSON_AddStringToObject(rec, "warranty", it->valuestring);
	/* DummyJSON's price is what one pays; the discount says from what. */
	if (!cJSON_HasObjectItem(rec, "list_price") && cJSON_IsNumber(it =
	    cJSON_GetObjectItemCaseSensitive(rec, "discountPercentage")) &&
	    cJSON_IsNumber(r = cJSON_GetObjectItemCaseSensitive(rec,
	    "price"))) {
		pct = it->valuedouble;
		if (pct > 0 && pct < 100 && r->valuedouble >= 0)
			cJSON_AddNumberToObject(rec, "list_price",
			    round(r->valuedouble / (1 - pct / 100) * 100) /
			    100);
	}
	attr_from(rec, attrs, "weight", "weight");
	attr_from(rec, attrs, "dimensions", "dimensions");
	attr_from(rec, attrs, "shippingInformation", "shipping");
	attr_from(rec, attrs, "returnPolicy", "return_policy");
	attr_from(rec, attrs, "availabilityStatus", "availability");
	attr_from(rec, attrs, "minimumOrderQuantity",
	    "minimum_order_quantity");
}

/* attrs from the record: an object of scalars (or lists of them). */
static enum sd_rc
product_attrs(struct ingest_ctx *c, cJSON *rec, cJSON **attrsp,
    struct sd_error *err)
{
	cJSON	*it = cJSON_GetObjectItemCaseSensitive(rec, "attrs"), *a, *v;
	cJSON	*e;
	double	 d;
	enum sd_rc rc;

	*attrsp = NULL;
	if (it != NULL && c->from_csv && cJSON_IsString(it) &&
	    *it->valuestring != '\0') {
		if (ingest_json_nul(it->valuestring, strlen(it->valuestring)) <
		    strlen(it->valuestring))
			return sd_fail(err, SD_ERR_INVALID, "\"attrs\": "
			    "\"\\u0000\" (NUL) in a string; text may not "
			    "contain NUL");
		if ((a = cJSON_Parse(it->valuestring)) == NULL ||
		    !cJSON_IsObject(a)) {
			cJSON_Delete(a);
			return sd_fail(err, SD_ERR_INVALID, "\"attrs\" must be "
			    "a JSON object");
		}
	} else if (it == NULL || cJSON_IsNull(it) || (c->from_csv &&
	    cJSON_IsString(it)))
		a = cJSON_CreateObject();
	else if (cJSON_IsObject(it))
		a = cJSON_Duplicate(it, 1);
	else
		return sd_fail(err, SD_ERR_INVALID,
		    "\"attrs\" must be an object");
	cJSON_ArrayForEach(v, a) {
		if (cJSON_IsString(v) || cJSON_IsNumber(v) || cJSON_IsBool(v) ||
		    cJSON_IsNull(v))
			continue;
		if (cJSON_IsArray(v)) {
			cJSON_ArrayForEach(e, v)
				if (!cJSON_IsString(e) && !cJSON_IsNumber(e))
					goto bad;
			continue;
		}
bad:
		/* v belongs to a: name it before a goes. */
		rc = sd_fail(err, SD_ERR_INVALID, "attrs \"%s\" must be a "
		    "string, a number or a list of them", v->string);
		cJSON_Delete(a);
		return rc;
	}
	if (c->from_csv) {
		/* Columns we do not know are specifications. */
		cJSON_ArrayForEach(v, rec) {
			if (is_product_field(v->string) ||
			    !cJSON_IsString(v) || *v->valuestring == '\0' ||
			    cJSON_HasObjectItem(a, v->string))
				continue;
			if (plain_decimal(v->valuestring, &d))
				cJSON_AddNumberToObject(a, v->string, d);
			else
				cJSON_AddStringToObject(a, v->string,
				    v->valuestring);
		}
	} else
		dummyjson_map(rec, a);
	*attrsp = a;
	return SD_OK;
}

static const char product_upsert[] =
    "INSERT INTO products(sku, name, brand, model, category, subcategory,"
    " description, price, list_price, currency, rating, review_count,"
    " review_summary, warranty, warranty_months, extended_warranty, stock,"
    " attrs, tags, source, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,"
    " ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?21)"
    " ON CONFLICT(sku) DO UPDATE SET name = excluded.name,"
    " brand = excluded.brand, model = excluded.model,"
    " category = excluded.category, subcategory = excluded.subcategory,"
    " description = excluded.description, price = excluded.price,"
    " list_price = excluded.list_price, currency = excluded.currency,"
    " rating = excluded.rating, review_count = excluded.review_count,"
    " review_summary = excluded.review_summary,"
    " warranty = excluded.warranty,"
    " warranty_months = excluded.warranty_months,"
    " extended_warranty = excluded.extended_warranty,"
    " stock = excluded.stock, attrs = excluded.attrs,"
    " tags = excluded.tags, source = excluded.source,"
    " updated_at = excluded.updated_at"
    " WHERE products.name IS NOT excluded.name"
    " OR products.brand IS NOT excluded.brand"
    " OR products.model IS NOT excluded.model"
    " OR products.category IS NOT excluded.category"
    " OR products.subcategory IS NOT excluded.subcategory"
    " OR products.description IS NOT excluded.description"
    " OR products.price IS NOT excluded.price"
    " OR products.list_price IS NOT excluded.list_price"
    " OR products.currency IS NOT excluded.currency"
    " OR products.rating IS NOT excluded.rating"
    " OR products.review_count IS NOT excluded.review_count"
    " OR products.review_summary IS NOT excluded.review_summary"
    " OR products.warranty IS NOT excluded.warranty"
    " OR products.warranty_months IS NOT excluded.warranty_months"
    " OR products.extended_warranty IS NOT excluded.extended_warranty"
    " OR products.stock IS NOT excluded.stock"
    " OR products.attrs IS NOT excluded.attrs"
    " OR products.tags IS NOT excluded.tags";

static enum sd_rc
load_product(struct ingest_ctx *c, cJSON *rec, struct sd_error *err)
{
	const char	*sku, *name, *brand, *model, *cat, *sub, *desc, *cur;
	const char	*rsum, *war, *ext;
	double		 price = 0, list = 0, rating = 0;
	long long	 nrev = 0, wmonths = 0, stock = 0;
	int		 hp, hl, hr, hn, hw, hs, what;
	cJSON		*attrs = NULL;
	char		*attrs_txt = NULL;
	struct sbuf	 tags = SBUF_INIT;
	sqlite3_stmt	*s;
	enum sd_rc	 rc;

	c->stats->products++;
	if ((rc = product_attrs(c, rec, &attrs, err)) != SD_OK)
		goto out;
	if ((rc = ingest_get_sku(rec, "sku", 1, &sku, err)) != SD_OK ||
	    (rc = seen_once(c, 'p', "SKU", sku, err)) != SD_OK)
		goto out;
	if ((rc = ingest_get_str(rec, "name", 1, &name, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "brand", 0, &brand, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "model", 0, &model, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "category", 1, &cat, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "subcategory", 0, &sub, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "description", 0, &desc, err)) != SD_OK ||
	    (rc = ingest_get_range(c, rec, "price", 1, 0, -1, &price, &hp,
	    err)) != SD_OK ||
	    (rc = ingest_get_range(c, rec, "list_price", 0, 0, -1, &list, &hl,
	    err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "currency", 0, &cur, err)) != SD_OK ||
	    (rc = ingest_get_range(c, rec, "rating", 0, 0, 5, &rating, &hr,
	    err)) != SD_OK ||
	    (rc = ingest_get_int(c, rec, "review_count", 0, 0, &nrev, &hn,
	    err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "review_summary", 0, &rsum,
	    err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "warranty", 0, &war, err)) != SD_OK ||
	    (rc = ingest_get_int(c, rec, "warranty_months", 0, 0, &wmonths, &hw,
	    err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "extended_warranty", 0, &ext,
	    err)) != SD_OK ||
	    (rc = ingest_get_int(c, rec, "stock", 0, 0, &stock, &hs,
	    err)) != SD_OK ||
	    (rc = get_tags(rec, &tags, err)) != SD_OK) {
		sd_error_prefix(err, "product \"%s\": ", sku);
		goto out;
	}
	if (cur != NULL && (strlen(cur) != 3 || cur[0] < 'A' || cur[0] > 'Z' ||
	    cur[1] < 'A' || cur[1] > 'Z' || cur[2] < 'A' || cur[2] > 'Z')) {
		rc = sd_fail(err, SD_ERR_INVALID, "product \"%s\": "
		    "\"currency\" must be a code like USD, not \"%s\"", sku,
		    cur);
		goto out;
	}
	if (c->check) {
		rc = SD_OK;
		goto out;
	}
	attrs_txt = cJSON_PrintUnformatted(attrs);
	if ((s = store_prepare(c->st, product_upsert, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	ingest_bind_str(s, 1, sku);
	ingest_bind_str(s, 2, name);
	ingest_bind_str(s, 3, brand);
	ingest_bind_str(s, 4, model);
	ingest_bind_str(s, 5, cat);
	ingest_bind_str(s, 6, sub);
	ingest_bind_str(s, 7, desc != NULL ? desc : "");
	sqlite3_bind_double(s, 8, price);
	bind_num(s, 9, hl, list);
	ingest_bind_str(s, 10, cur != NULL ? cur : "USD");
	bind_num(s, 11, hr, rating);
	sqlite3_bind_int64(s, 12, nrev);
	ingest_bind_str(s, 13, rsum);
	ingest_bind_str(s, 14, war);
	if (hw)
		sqlite3_bind_int64(s, 15, wmonths);
	ingest_bind_str(s, 16, ext);
	sqlite3_bind_int64(s, 17, stock);
	ingest_bind_str(s, 18, attrs_txt);
	ingest_bind_str(s, 19, tags.buf);
	ingest_bind_str(s, 20, c->path);
	ingest_bind_str(s, 21, c->now);
	if ((what = ingest_step_upsert(c->st, s)) < 0) {
		rc = ingest_db_fail(c, err, "product", sku);
		goto out;
	}
	ingest_count(c, what);
	rc = SD_OK;
out:
	free(attrs_txt);
	cJSON_Delete(attrs);
	sbuf_release(&tags);
	return rc;
}

/* --- documents ----------------------------------------------------- */

struct doc {
	const char	*key;
	const char	*kind;
	const char	*title;
	const char	*body;
	const char	*topic;
	const char	*product_sku;
	const char	*created_at;
	int		 markdown;
	struct sbuf	 tags;
};

static const char doc_select[] =
    "SELECT id, kind, title, body, topic, product_sku, tags"
    " FROM documents WHERE doc_key = ?1";
static const char doc_insert[] =
    "INSERT INTO documents(doc_key, kind, title, body, topic, product_sku,"
    " tags, source, created_at, updated_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char doc_update[] =
    "UPDATE documents SET kind = ?2, title = ?3, body = ?4, topic = ?5,"
    " product_sku = ?6, tags = ?7, source = ?8, updated_at = ?9"
    " WHERE id = ?1";
static const char chunk_delete[] = "DELETE FROM chunks WHERE document_id = ?1";
static const char chunk_insert[] =
    "INSERT INTO chunks(document_id, seq, heading, text)"
    " VALUES (?1, ?2, ?3, ?4)";

int
ingest_col_eq(sqlite3_stmt *s, int i, const char *v)
{
	const char	*t = (const char *)sqlite3_column_text(s, i);

	if (t == NULL || v == NULL)
		return t == NULL && v == NULL;
	return strcmp(t, v) == 0;
}

static enum sd_rc
write_chunks(struct ingest_ctx *c, long long id, const struct doc *d,
    struct sd_error *err)
{
	struct ingest_chunk *v = NULL;
	size_t		 n, i;
	sqlite3_stmt	*s;
	enum sd_rc	 rc = SD_OK;

	if ((s = store_prepare(c->st, chunk_delete, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	if (sqlite3_step(s) != SQLITE_DONE) {
		sqlite3_reset(s);
		return ingest_db_fail(c, err, d->kind, d->key);
	}
	sqlite3_reset(s);
	n = ingest_chunk_body(d->body, d->markdown, INGEST_CHUNK_MAX, &v);
	for (i = 0; i < n; i++) {
		if ((s = store_prepare(c->st, chunk_insert, err)) == NULL) {
			rc = SD_ERR_DB;
			break;
		}
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (long long)i + 1);
		ingest_bind_str(s, 3, v[i].heading);
		ingest_bind_str(s, 4, v[i].text);
		if (sqlite3_step(s) != SQLITE_DONE) {
			sqlite3_reset(s);
			rc = ingest_db_fail(c, err, d->kind, d->key);
			break;
		}
		sqlite3_reset(s);
		c->stats->chunks++;
	}
	ingest_chunks_free(v, n);
	return rc;
}

static enum sd_rc
upsert_doc(struct ingest_ctx *c, const struct doc *d, struct sd_error *err)
{
	sqlite3_stmt	*s;
	long long	 id = 0;
	int		 found = 0, same_body = 0, same = 0, r;

	if ((s = store_prepare(c->st, doc_select, err)) == NULL)
		return SD_ERR_DB;
	ingest_bind_str(s, 1, d->key);
	if ((r = sqlite3_step(s)) == SQLITE_ROW) {
		found = 1;
		id = sqlite3_column_int64(s, 0);
		same_body = ingest_col_eq(s, 3, d->body);
		same = same_body && ingest_col_eq(s, 1, d->kind) &&
		    ingest_col_eq(s, 2, d->title) && ingest_col_eq(s, 4,
		    d->topic) &&
		    ingest_col_eq(s, 5, d->product_sku) && ingest_col_eq(s, 6,
		    d->tags.buf);
	}
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return ingest_db_fail(c, err, d->kind, d->key);
	if (found && same) {
		c->stats->unchanged++;
		return SD_OK;
	}
	s = store_prepare(c->st, found ? doc_update : doc_insert, err);
	if (s == NULL)
		return SD_ERR_DB;
	if (found) {
		sqlite3_bind_int64(s, 1, id);
		ingest_bind_str(s, 9, c->now);
	} else {
		ingest_bind_str(s, 1, d->key);
		ingest_bind_str(s, 9,
		    d->created_at != NULL ? d->created_at : c->now);
		ingest_bind_str(s, 10, c->now);
	}
	ingest_bind_str(s, 2, d->kind);
	ingest_bind_str(s, 3, d->title);
	ingest_bind_str(s, 4, d->body);
	ingest_bind_str(s, 5, d->topic);
	ingest_bind_str(s, 6, d->product_sku);
	ingest_bind_str(s, 7, d->tags.buf);
	ingest_bind_str(s, 8, c->path);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return ingest_db_fail(c, err, d->kind, d->key);
	if (!found)
		id = sqlite3_last_insert_rowid(store_db(c->st));
	if (found)
		c->stats->updated++;
	else
		c->stats->inserted++;
	/* A new title or tags reach chunk_fts through documents_au. */
	if (found && same_body)
		return SD_OK;
	return write_chunks(c, id, d, err);
}

/* Policies' machine-readable facts go to meta as "facts:<id>". */
static enum sd_rc
policy_facts(struct ingest_ctx *c, cJSON *rec, const char *id,
    struct sd_error *err)
{
	cJSON	*f = cJSON_GetObjectItemCaseSensitive(rec, "facts");
	char	*key, *txt, *old;
	enum sd_rc rc = SD_OK;

	if (f == NULL || cJSON_IsNull(f))
		return SD_OK;
	if (!cJSON_IsObject(f))
		return sd_fail(err, SD_ERR_INVALID, "policy \"%s\": \"facts\" "
		    "must be an object", id);
	if (c->check)
		return SD_OK;
	key = xasprintf("facts:%s", id);
	txt = cJSON_PrintUnformatted(f);
	old = store_meta_get(c->st, key);
	if (old == NULL || strcmp(old, txt) != 0)
		rc = store_meta_set(c->st, key, txt, err);
	free(old);
	free(txt);
	free(key);
	return rc;
}

static enum sd_rc
load_doc(struct ingest_ctx *c, cJSON *rec, enum ingest_kind kind,
    struct sd_error *err)
{
	struct doc	 d;
	struct sbuf	 body = SBUF_INIT;
	const char	*problem, *resolution, *category, *text;
	enum sd_rc	 rc;

	c->stats->documents++;
	memset(&d, 0, sizeof d);
	sbuf_init(&d.tags);
	d.kind = ingest_kind_name(kind);
	d.markdown = 1;
	if ((rc = ingest_get_str(rec, "id", 1, &d.key, err)) != SD_OK ||
	    (rc = seen_once(c, 'd', "document id", d.key, err)) != SD_OK)
		goto out;
	if ((rc = get_tags(rec, &d.tags, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "topic", 0, &d.topic, err)) != SD_OK ||
	    (rc = ingest_get_sku(rec, "product_sku", 0, &d.product_sku, err)) !=
	    SD_OK ||
	    (rc = ingest_get_time(rec, "created_at", 0, &d.created_at,
	    err)) != SD_OK)
		goto fail;
	switch (kind) {
	case INGEST_FAQ:
		if ((rc = ingest_get_str(rec, "question", 1, &d.title, err)) !=
		    SD_OK ||
		    (rc = ingest_get_str(rec, "answer", 1, &d.body,
		    err)) != SD_OK)
			goto fail;
		break;
	case INGEST_POLICY:
		if ((rc = ingest_get_str(rec, "title", 1, &d.title,
		    err)) != SD_OK ||
		    (rc = ingest_get_str(rec, "body", 1, &d.body,
		    err)) != SD_OK ||
		    (rc = policy_facts(c, rec, d.key, err)) != SD_OK)
			goto fail;
		break;
	case INGEST_TICKET:
		if ((rc = ingest_get_str(rec, "subject", 1, &d.title,
		    err)) != SD_OK ||
		    (rc = ingest_get_str(rec, "problem", 1, &problem, err)) !=
		    SD_OK ||
		    (rc = ingest_get_str(rec, "resolution", 1, &resolution,
		    err)) !=
		    SD_OK)
			goto fail;
		/* One chunk for both: a match on the problem finds the fix. */
		sbuf_addf(&body, "Problem: %s\n\nResolution: %s", problem,
		    resolution);
		d.body = body.buf;
		d.markdown = 0;
		break;
	default:
		if ((rc = ingest_get_str(rec, "title", 1, &d.title,
		    err)) != SD_OK ||
		    (rc = ingest_get_str(rec, "body", 0, &d.body,
		    err)) != SD_OK ||
		    (rc = ingest_get_str(rec, "text", 0, &text,
		    err)) != SD_OK ||
		    (rc = ingest_get_str(rec, "category", 0, &category,
		    err)) != SD_OK)
			goto fail;
		if (d.body == NULL)
			d.body = text;
		if (d.body == NULL) {
			rc = sd_fail(err, SD_ERR_INVALID,
			    "\"body\" is required");
			goto fail;
		}
		if (d.topic == NULL)
			d.topic = category;
		if (cJSON_IsFalse(cJSON_GetObjectItemCaseSensitive(rec,
		    "markdown")))
			d.markdown = 0;
		break;
	}
	rc = c->check ? SD_OK : upsert_doc(c, &d, err);
	goto out;
fail:
	sd_error_prefix(err, "%s \"%s\": ", d.kind, d.key);
out:
	sbuf_release(&d.tags);
	sbuf_release(&body);
	return rc;
}

/* --- customers ----------------------------------------------------- */

static const char customer_upsert[] =
    "INSERT INTO customers(id, name, email, phone, tier, city, country,"
    " preferences, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, coalesce(?9, ?10))"
    " ON CONFLICT(id) DO UPDATE SET name = excluded.name,"
    " email = excluded.email, phone = excluded.phone, tier = excluded.tier,"
    " city = excluded.city, country = excluded.country,"
    " preferences = excluded.preferences,"
    " created_at = coalesce(?9, customers.created_at)"
    " WHERE customers.name IS NOT excluded.name"
    " OR customers.email IS NOT excluded.email"
    " OR customers.phone IS NOT excluded.phone"
    " OR customers.tier IS NOT excluded.tier"
    " OR customers.city IS NOT excluded.city"
    " OR customers.country IS NOT excluded.country"
    " OR customers.preferences IS NOT excluded.preferences"
    " OR (?9 IS NOT NULL AND customers.created_at IS NOT ?9)";

/*
 * An email another customer has, in the database or earlier in the file,
 * would fail the UNIQUE constraint only when written: checked here so
 * that a file is refused before any of it is.
 */
static enum sd_rc
email_free(struct ingest_ctx *c, const char *id, const char *email,
    struct sd_error *err)
{
	static const char sql[] = "SELECT id FROM customers"
	    " WHERE email = ?1 AND id <> ?2";
	sqlite3_stmt	*s;
	char		*other = NULL;
	int		 r;
	enum sd_rc	 rc;

	if ((rc = seen_once(c, 'e', "email", email, err)) != SD_OK)
		return rc;
	if ((s = store_prepare(c->st, sql, err)) == NULL)
		return SD_ERR_DB;
	ingest_bind_str(s, 1, email);
	ingest_bind_str(s, 2, id);
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		other = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_fail(c->st, err, "look up email");
	if (other == NULL)
		return SD_OK;
	rc = sd_fail(err, SD_ERR_INVALID, "duplicate email \"%s\": customer "
	    "\"%s\" has it", email, other);
	free(other);
	return rc;
}

static enum sd_rc
load_customer(struct ingest_ctx *c, cJSON *rec, struct sd_error *err)
{
	const char	*id, *name, *email, *phone, *tier, *city, *country;
	const char	*created;
	cJSON		*pref;
	char		*pref_txt = NULL;
	sqlite3_stmt	*s;
	int		 what;
	enum sd_rc	 rc;

	c->stats->customers++;
	if ((rc = ingest_get_str(rec, "id", 1, &id, err)) != SD_OK ||
	    (rc = seen_once(c, 'c', "customer id", id, err)) != SD_OK)
		return rc;
	if ((rc = ingest_get_str(rec, "name", 1, &name, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "email", 0, &email, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "phone", 0, &phone, err)) != SD_OK ||
	    (rc = ingest_get_enum(rec, "tier", "standard", tiers, &tier,
	    err)) !=
	    SD_OK ||
	    (rc = ingest_get_str(rec, "city", 0, &city, err)) != SD_OK ||
	    (rc = ingest_get_str(rec, "country", 0, &country, err)) != SD_OK ||
	    (rc = ingest_get_time(rec, "created_at", 0, &created,
	    err)) != SD_OK)
		goto fail;
	if (email != NULL && strchr(email, '@') == NULL) {
		rc = sd_fail(err, SD_ERR_INVALID, "\"email\" must be an "
		    "address, not \"%s\"", email);
		goto fail;
	}
	pref = cJSON_GetObjectItemCaseSensitive(rec, "preferences");
	if (pref != NULL && !cJSON_IsNull(pref) && !cJSON_IsObject(pref)) {
		rc = sd_fail(err, SD_ERR_INVALID,
		    "\"preferences\" must be an object");
		goto fail;
	}
	if (email != NULL && (rc = email_free(c, id, email, err)) != SD_OK)
		goto fail;
	if (c->check)
		return SD_OK;
	pref_txt = pref != NULL && cJSON_IsObject(pref) ?
	    cJSON_PrintUnformatted(pref) : xstrdup("{}");
	if ((s = store_prepare(c->st, customer_upsert, err)) == NULL) {
		free(pref_txt);
		return SD_ERR_DB;
	}
	ingest_bind_str(s, 1, id);
	ingest_bind_str(s, 2, name);
	ingest_bind_str(s, 3, email);
	ingest_bind_str(s, 4, phone);
	ingest_bind_str(s, 5, tier);
	ingest_bind_str(s, 6, city);
	ingest_bind_str(s, 7, country);
	ingest_bind_str(s, 8, pref_txt);
	ingest_bind_str(s, 9, created);
	ingest_bind_str(s, 10, c->now);
	what = ingest_step_upsert(c->st, s);
	free(pref_txt);
	if (what < 0)
		return ingest_db_fail(c, err, "customer", id);
	ingest_count(c, what);
	return SD_OK;
fail:
	sd_error_prefix(err, "customer \"%s\": ", id);
	return rc;
}

/* --- dispatch ------------------------------------------------------ */

static enum sd_rc
load_one(struct ingest_ctx *c, cJSON *rec, enum ingest_kind kind, int final,
    int *deferred, struct sd_error *err)
{
	*deferred = 0;
	switch (kind) {
	case INGEST_PRODUCT:
		return load_product(c, rec, err);
	case INGEST_FAQ:
	case INGEST_POLICY:
	case INGEST_MANUAL:
	case INGEST_TICKET:
		return load_doc(c, rec, kind, err);
	case INGEST_CUSTOMER:
		return load_customer(c, rec, err);
	case INGEST_ORDER:
		return ingest_load_order(c, rec, final, deferred, err);
	case INGEST_CART:
		return ingest_load_cart(c, rec, final, deferred, err);
	case INGEST_CONVERSATION:
		return ingest_conv_load(c, rec, err);
	case INGEST_NONE:
		break;
	}
	return sd_fail(err, SD_ERR_INTERNAL, "no record kind");
}

enum sd_rc
ingest_rec_load(struct ingest_ctx *c, cJSON *rec, enum ingest_kind kind,
    unsigned long line, struct sd_error *err)
{
	struct ingest_pending *p;
	int		 deferred = 0;
	enum sd_rc	 rc;

	c->line = line;
	rc = load_one(c, rec, kind, 0, &deferred, err);
	if (rc != SD_OK || !deferred) {
		cJSON_Delete(rec);
		return rc;
	}
	if (c->npending == c->pending_cap) {
		c->pending_cap = c->pending_cap ? c->pending_cap * 2 : 16;
		c->pending = xrealloc(c->pending,
		    c->pending_cap * sizeof *c->pending);
	}
	p = &c->pending[c->npending++];
	p->rec = rec;
	p->kind = kind;
	p->line = line;
	return SD_OK;
}

enum sd_rc
ingest_rec_finish(struct ingest_ctx *c, struct sd_error *err)
{
	size_t		 i;
	int		 deferred;
	enum sd_rc	 rc = SD_OK;

	c->retry = 1;
	for (i = 0; i < c->npending && rc == SD_OK; i++) {
		rc = load_one(c, c->pending[i].rec, c->pending[i].kind, 1,
		    &deferred, err);
		if (rc != SD_OK)
			sd_error_prefix(err, "%s:%lu: ", c->path,
			    c->pending[i].line);
	}
	ingest_rec_discard(c);
	return rc;
}

void
ingest_rec_discard(struct ingest_ctx *c)
{
	size_t	 i;

	for (i = 0; i < c->npending; i++)
		cJSON_Delete(c->pending[i].rec);
	free(c->pending);
	c->pending = NULL;
	c->npending = c->pending_cap = 0;
	seen_free(c->seen);
	c->seen = NULL;
	c->retry = 0;
}

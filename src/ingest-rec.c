/*
 * ingest-rec.c owns the meaning of an ingested record: its kinds and the
 * fields they have, the SQL that upserts customers, and the dispatch of
 * a record to its kind's loader: products (ingest-product.c), documents
 * with their chunks (ingest-doc.c), orders with items, shipments and
 * events, and carts with items (ingest-order.c).  ingest-field.c reads
 * and checks the fields.
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

	if ((rc = ingest_seen_once(c, 'e', "email", email, err)) != SD_OK)
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
	    (rc = ingest_seen_once(c, 'c', "customer id", id, err)) != SD_OK)
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
		return ingest_load_product(c, rec, err);
	case INGEST_FAQ:
	case INGEST_POLICY:
	case INGEST_MANUAL:
	case INGEST_TICKET:
		return ingest_load_doc(c, rec, kind, err);
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
	ingest_seen_free(c->seen);
	c->seen = NULL;
	c->retry = 0;
}

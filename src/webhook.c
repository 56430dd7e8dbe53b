/*
 * webhook.c owns the webhook_events table: which events of the shop's
 * systems were applied, so that a retried delivery (both platforms
 * retry until they get a 2xx) changes nothing twice.  The payloads are
 * those of WooCommerce REST API v3 and the Shopify Admin API, mapped
 * onto the store's orders, products and customers (see webhook.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "catalog.h"
#include "crypto.h"
#include "sbuf.h"
#include "sources.h"
#include "store.h"
#include "webhook.h"

static const struct {
	const char	*name;
	const char	*sig, *event, *topic;
	const char	*env;
} sources[WEBHOOK_NSOURCES] = {
	{ "woocommerce", "X-WC-Webhook-Signature", "X-WC-Webhook-Delivery-ID",
	    "X-WC-Webhook-Topic", "SHOPDESK_WOOCOMMERCE_WEBHOOK_SECRET" },
	{ "shopify", "X-Shopify-Hmac-Sha256", "X-Shopify-Webhook-Id",
	    "X-Shopify-Topic", "SHOPDESK_SHOPIFY_WEBHOOK_SECRET" },
};

int
webhook_source_of(const char *name, enum webhook_source *out)
{
	int	 i;

	for (i = 0; i < WEBHOOK_NSOURCES; i++)
		if (strcmp(name, sources[i].name) == 0) {
			*out = (enum webhook_source)i;
			return 0;
		}
	return -1;
}

const char *
webhook_source_name(enum webhook_source s)
{
	return sources[s].name;
}

const char *
webhook_header_signature(enum webhook_source s)
{
	return sources[s].sig;
}

const char *
webhook_header_event(enum webhook_source s)
{
	return sources[s].event;
}

const char *
webhook_header_topic(enum webhook_source s)
{
	return sources[s].topic;
}

int
webhook_verify(const char *secret, const void *body, size_t n,
    const char *sig)
{
	char	 want[CRYPTO_B64_LEN];

	if (secret == NULL || sig == NULL || crypto_hmac_sha256_base64(secret,
	    strlen(secret), body, n, want) != 0)
		return 0;
	return crypto_equal_str(want, sig);
}

enum sd_rc
webhook_secrets(const char *path, char *secrets[WEBHOOK_NSOURCES],
    struct sd_error *err)
{
	char		*key;
	enum sd_rc	 rc = SD_OK;
	int		 i;

	for (i = 0; i < WEBHOOK_NSOURCES; i++)
		secrets[i] = NULL;
	for (i = 0; i < WEBHOOK_NSOURCES && rc == SD_OK; i++) {
		key = xasprintf("%s.webhook_secret", sources[i].name);
		rc = sources_get(path, key, sources[i].env, &secrets[i], err);
		free(key);
	}
	if (rc != SD_OK)
		for (i = 0; i < WEBHOOK_NSOURCES; i++) {
			free(secrets[i]);
			secrets[i] = NULL;
		}
	return rc;
}

void
webhook_result_release(struct webhook_result *wr)
{
	free(wr->what);
	memset(wr, 0, sizeof *wr);
}

/* Applying */

double
webhook_json_amount(const cJSON *o, const char *k, double def)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);
	char		*end;
	double		 d;

	if (cJSON_IsNumber(v))
		return v->valuedouble;
	if (cJSON_IsString(v) && *v->valuestring != '\0') {
		d = strtod(v->valuestring, &end);
		if (*end == '\0')
			return d;
	}
	return def;
}

static const char *
text(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* The order's id as the store keeps it (platforms send numbers). */
static char *
order_id(const cJSON *o)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, "id");

	if (cJSON_IsNumber(v))
		return xasprintf("%.0f", v->valuedouble);
	if (cJSON_IsString(v) && *v->valuestring != '\0')
		return xstrdup(v->valuestring);
	return NULL;
}

const char *
webhook_order_status(enum webhook_source src, const cJSON *o)
{
	const char	*st;

	if (src == WEBHOOK_WOOCOMMERCE) {
		if ((st = text(o, "status")) == NULL)
			return NULL;
		if (strcmp(st, "completed") == 0)
			return "delivered";
		if (strcmp(st, "cancelled") == 0 || strcmp(st, "failed") == 0)
			return "cancelled";
		if (strcmp(st, "refunded") == 0)
			return "refunded";
		return "processing";	/* pending, on-hold, processing */
	}
	if (text(o, "cancelled_at") != NULL)
		return "cancelled";
	if ((st = text(o, "financial_status")) != NULL &&
	    strcmp(st, "refunded") == 0)
		return "refunded";
	if ((st = text(o, "fulfillment_status")) != NULL &&
	    strcmp(st, "fulfilled") == 0)
		return "shipped";
	return "processing";
}

static enum sd_rc
apply_order(struct store *st, enum webhook_source src, const cJSON *o,
    struct webhook_result *wr, struct sd_error *err)
{
	struct order	 ord;
	const char	*status = webhook_order_status(src, o);
	char		*id = order_id(o), *note;
	enum sd_rc	 rc;

	if (id == NULL || status == NULL) {
		free(id);
		return sd_fail(err, SD_ERR_PARSE, "an order needs an id and a "
		    "status");
	}
	memset(&ord, 0, sizeof ord);
	if ((rc = catalog_order(st, id, &ord, err)) != SD_OK) {
		free(id);
		return rc;
	}
	if (strcmp(ord.status, status) == 0)
		wr->what = xasprintf("order %s is %s already", id, status);
	else {
		note = xasprintf("Updated from %s", sources[src].name);
		rc = catalog_order_set_status(st, id, status, note, err);
		free(note);
		wr->what = xasprintf("order %s: %s -> %s", id, ord.status,
		    status);
	}
	order_release(&ord);
	free(id);
	return rc;
}

/* One product (a Shopify variant) by SKU. */
static enum sd_rc
apply_item(struct store *st, const char *sku, double price, double list,
    long long stock, struct webhook_result *wr, struct sd_error *err)
{
	long long	 old = 0;
	enum sd_rc	 rc;

	if ((rc = catalog_sync_product(st, sku, price, list, stock, &old,
	    err)) != SD_OK)
		return rc;
	if (old <= 0 && stock > 0)
		wr->restocked = 1;
	free(wr->what);
	wr->what = xasprintf("product %s: price %.2f, stock %lld", sku, price,
	    stock >= 0 ? stock : old);
	return SD_OK;
}

static enum sd_rc
apply_product(struct store *st, enum webhook_source src, const cJSON *o,
    struct webhook_result *wr, struct sd_error *err)
{
	const cJSON	*vs, *v, *q;
	const char	*sku;
	enum sd_rc	 rc = SD_OK;
	int		 n = 0;

	if (src == WEBHOOK_WOOCOMMERCE) {
		if ((sku = text(o, "sku")) == NULL || *sku == '\0')
			return sd_fail(err, SD_ERR_PARSE, "a product needs a "
			    "sku");
		q = cJSON_GetObjectItemCaseSensitive(o, "stock_quantity");
		return apply_item(st, sku, webhook_json_amount(o, "price",
		    -1), webhook_json_amount(o, "regular_price", 0),
		    cJSON_IsNumber(q) ? (long long)q->valuedouble : -1, wr,
		    err);
	}
	vs = cJSON_GetObjectItemCaseSensitive(o, "variants");
	cJSON_ArrayForEach(v, vs) {
		if ((sku = text(v, "sku")) == NULL || *sku == '\0')
			continue;
		q = cJSON_GetObjectItemCaseSensitive(v, "inventory_quantity");
		rc = apply_item(st, sku, webhook_json_amount(v, "price", -1),
		    webhook_json_amount(v, "compare_at_price", 0),
		    cJSON_IsNumber(q) ? (long long)q->valuedouble : -1, wr,
		    err);
		if (rc != SD_OK)
			return rc;
		n++;
	}
	if (n == 0)
		return sd_fail(err, SD_ERR_PARSE, "a product needs variants "
		    "with a sku");
	return rc;
}

static enum sd_rc
apply_customer(struct store *st, enum webhook_source src, const cJSON *o,
    struct webhook_result *wr, struct sd_error *err)
{
	const cJSON	*bill = cJSON_GetObjectItemCaseSensitive(o, "billing");
	const char	*email = text(o, "email"), *first, *last, *phone;
	struct sbuf	 name = SBUF_INIT;
	enum sd_rc	 rc;

	if (email == NULL || *email == '\0')
		return sd_fail(err, SD_ERR_PARSE, "a customer needs an email");
	first = text(o, "first_name");
	last = text(o, "last_name");
	phone = src == WEBHOOK_WOOCOMMERCE ? text(bill, "phone") :
	    text(o, "phone");
	if (first != NULL && *first != '\0')
		sbuf_adds(&name, first);
	if (last != NULL && *last != '\0') {
		if (name.len > 0)
			sbuf_addc(&name, ' ');
		sbuf_adds(&name, last);
	}
	rc = catalog_sync_customer(st, email, name.buf, phone, err);
	if (rc == SD_OK)
		wr->what = xasprintf("customer %s updated", email);
	sbuf_release(&name);
	return rc;
}

/* "order", "product", "customer" or NULL, from a source's topic. */
static const char *
topic_kind(enum webhook_source src, const char *topic)
{
	static const char *const woo[][2] = {
		{ "order.created", "order" }, { "order.updated", "order" },
		{ "product.created", "product" },
		{ "product.updated", "product" },
		{ "customer.updated", "customer" },
	};
	static const char *const shop[][2] = {
		{ "orders/updated", "order" }, { "orders/cancelled", "order" },
		{ "orders/fulfilled", "order" },
		{ "products/update", "product" },
		{ "customers/update", "customer" },
	};
	size_t	 i;

	if (src == WEBHOOK_WOOCOMMERCE) {
		for (i = 0; i < sizeof woo / sizeof woo[0]; i++)
			if (strcmp(topic, woo[i][0]) == 0)
				return woo[i][1];
	} else {
		for (i = 0; i < sizeof shop / sizeof shop[0]; i++)
			if (strcmp(topic, shop[i][0]) == 0)
				return shop[i][1];
	}
	return NULL;
}

enum sd_rc
webhook_apply(struct store *st, enum webhook_source src,
    const char *event_id, const char *topic, const char *body, size_t n,
    struct webhook_result *wr, struct sd_error *err)
{
	static const char seen[] = "INSERT OR IGNORE INTO webhook_events"
	    "(source, event_id, topic, received_at) VALUES (?1, ?2, ?3, ?4)";
	const char	*kind = topic_kind(src, topic);
	sqlite3_stmt	*s;
	cJSON		*o = NULL;
	enum sd_rc	 rc;
	int		 r;

	memset(wr, 0, sizeof *wr);
	if (kind == NULL) {
		wr->ignored = 1;
		wr->what = xasprintf("topic %s is not applied", topic);
		return SD_OK;
	}
	if ((o = cJSON_ParseWithLength(body, n)) == NULL ||
	    !cJSON_IsObject(o)) {
		cJSON_Delete(o);
		return sd_fail(err, SD_ERR_PARSE, "the body is not a JSON "
		    "object");
	}
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	if ((s = store_prepare(st, seen, err)) == NULL) {
		rc = SD_ERR_DB;
		goto fail;
	}
	sqlite3_bind_text(s, 1, sources[src].name, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, event_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, topic, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		rc = store_fail(st, err, "record webhook event");
		goto fail;
	}
	if (sqlite3_changes(store_db(st)) == 0) {
		wr->duplicate = 1;
		wr->what = xasprintf("event %s was applied before", event_id);
		rc = store_commit(st, err);
		goto out;
	}
	if (strcmp(kind, "order") == 0)
		rc = apply_order(st, src, o, wr, err);
	else if (strcmp(kind, "product") == 0)
		rc = apply_product(st, src, o, wr, err);
	else
		rc = apply_customer(st, src, o, wr, err);
	/* Unknown ids stay recorded: a retry would not find them either. */
	if (rc == SD_OK || rc == SD_ERR_NOTFOUND) {
		enum sd_rc c = store_commit(st, err);

		rc = c != SD_OK ? c : rc;
		goto out;
	}
fail:
	store_rollback(st);
out:
	cJSON_Delete(o);
	return rc;
}

/*
 * connector-map.c turns a shop's products, customers and orders (as
 * WooCommerce and Shopify send them) into the store's own JSON records,
 * one line each, for ingest to check and load.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <curl/curl.h>

#include "connector.h"
#include "connector-int.h"
#include "ingest.h"
#include "sbuf.h"
#include "sources.h"
#include "store.h"

/* s without HTML tags (descriptions arrive as HTML), as a JSON string. */
static cJSON *
plain(const char *s)
{
	struct sbuf	 sb = SBUF_INIT;
	cJSON		*o;
	int		 in = 0;

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '<')
			in = 1;
		else if (*s == '>')
			in = 0;
		else if (!in)
			sbuf_addc(&sb, *s);
	}
	sbuf_trim(&sb);
	o = cJSON_CreateString(sb.len > 0 ? sb.buf : "");
	sbuf_release(&sb);
	return o;
}

static const char *
str(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? v->valuestring : NULL;
}

/* Amounts as the platforms send them: numbers or strings of digits. */
static double
num(const cJSON *o, const char *k, double def)
{
	return webhook_json_amount(o, k, def);
}

/* An id, number or string, as text with prefix ("woo:", ""). */
static char *
id_of(const cJSON *o, const char *k, const char *prefix)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	if (cJSON_IsNumber(v) && v->valuedouble > 0)
		return xasprintf("%s%.0f", prefix, v->valuedouble);
	if (cJSON_IsString(v) && *v->valuestring != '\0')
		return xasprintf("%s%s", prefix, v->valuestring);
	return NULL;
}

/* An ISO time with an offset as UTC "YYYY-MM-DDTHH:MM:SSZ". */
static char *
utc(const char *t)
{
	struct tm	 tm;
	const char	*rest;
	time_t		 s;
	int		 oh = 0, om = 0, sign = 1;

	if (t == NULL)
		return NULL;
	memset(&tm, 0, sizeof tm);
	if ((rest = strptime(t, "%Y-%m-%dT%H:%M:%S", &tm)) == NULL)
		return NULL;
	if (*rest == '.')
		while (isdigit((unsigned char)*++rest))
			;
	if (*rest == '+' || *rest == '-') {
		sign = *rest == '-' ? -1 : 1;
		sscanf(rest + 1, "%2d:%2d", &oh, &om);
	}
	s = timegm(&tm) - sign * (oh * 3600 + om * 60);
	gmtime_r(&s, &tm);
	return xasprintf("%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

static void
add_str(cJSON *o, const char *k, const char *v)
{
	if (v != NULL && *v != '\0')
		cJSON_AddStringToObject(o, k, v);
}

static void
emit(FILE *f, cJSON *o)
{
	char	*s = cJSON_PrintUnformatted(o);

	fprintf(f, "%s\n", s);
	free(s);
	cJSON_Delete(o);
}

/* A product record (one per Shopify variant); 0, or -1 when skipped. */
static int
product(FILE *f, const char *sku, const char *name, double price,
    double before, double stock, const char *category, const char *brand,
    const char *html)
{
	cJSON	*o;

	if (sku == NULL || *sku == '\0' || name == NULL || price < 0)
		return -1;
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "type", "product");
	cJSON_AddStringToObject(o, "sku", sku);
	cJSON_AddStringToObject(o, "name", name);
	cJSON_AddNumberToObject(o, "price", price);
	if (before > price)
		cJSON_AddNumberToObject(o, "list_price", before);
	if (stock >= 0)
		cJSON_AddNumberToObject(o, "stock", stock);
	cJSON_AddStringToObject(o, "category", category != NULL &&
	    *category != '\0' ? category : "uncategorized");
	add_str(o, "brand", brand);
	cJSON_AddItemToObject(o, "description", plain(html));
	emit(f, o);
	return 0;
}

void
connector_woo_product(FILE *f, const cJSON *p, struct sync_stats *st)
{
	const cJSON	*cats = cJSON_GetObjectItemCaseSensitive(p,
	    "categories"), *q;
	double		 stock = -1;

	q = cJSON_GetObjectItemCaseSensitive(p, "stock_quantity");
	if (cJSON_IsNumber(q))
		stock = q->valuedouble;
	else if (str(p, "stock_status") != NULL &&
	    strcmp(str(p, "stock_status"), "outofstock") == 0)
		stock = 0;
	if (product(f, str(p, "sku"), str(p, "name"), num(p, "price", -1),
	    num(p, "regular_price", 0), stock, str(cJSON_GetArrayItem(cats,
	    0), "slug"), NULL, str(p, "description")) == 0)
		st->products++;
	else
		st->skipped++;
}

void
connector_shopify_product(FILE *f, const cJSON *p,
    struct sync_stats *st)
{
	const cJSON	*v;
	const char	*vt;
	char		*name;

	cJSON_ArrayForEach(v, cJSON_GetObjectItemCaseSensitive(p, "variants")) {
		vt = str(v, "title");
		name = vt != NULL && strcmp(vt, "Default Title") != 0 ?
		    xasprintf("%s (%s)", str(p, "title") ? str(p, "title") :
		    "", vt) : xstrdup(str(p, "title") ? str(p, "title") : "");
		if (product(f, str(v, "sku"), *name != '\0' ? name : NULL,
		    num(v, "price", -1), num(v, "compare_at_price", 0),
		    num(v, "inventory_quantity", -1), str(p, "product_type"),
		    str(p, "vendor"), str(p, "body_html")) == 0)
			st->products++;
		else
			st->skipped++;
		free(name);
	}
}

void
connector_customer(FILE *f, const cJSON *c, const char *prefix,
    const cJSON *addr, struct sync_stats *st)
{
	struct sbuf	 name = SBUF_INIT;
	char		*id = id_of(c, "id", prefix);
	cJSON		*o;

	if (str(c, "first_name") != NULL)
		sbuf_adds(&name, str(c, "first_name"));
	if (str(c, "last_name") != NULL && *str(c, "last_name") != '\0') {
		if (name.len > 0)
			sbuf_addc(&name, ' ');
		sbuf_adds(&name, str(c, "last_name"));
	}
	if (id == NULL || name.len == 0) {
		st->skipped++;
		goto out;
	}
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "type", "customer");
	cJSON_AddStringToObject(o, "id", id);
	cJSON_AddStringToObject(o, "name", name.buf);
	add_str(o, "email", str(c, "email"));
	add_str(o, "phone", str(c, "phone") != NULL ? str(c, "phone") :
	    str(addr, "phone"));
	add_str(o, "city", str(addr, "city"));
	add_str(o, "country", str(addr, "country"));
	emit(f, o);
	st->customers++;
out:
	free(id);
	sbuf_release(&name);
}

/* A Shopify order's fulfillments with tracking, as the order's shipments. */
static void
shipments(cJSON *r, const cJSON *o)
{
	const cJSON	*fl;
	const char	*st;
	cJSON		*a = NULL, *sh;
	char		*at;

	cJSON_ArrayForEach(fl, cJSON_GetObjectItemCaseSensitive(o,
	    "fulfillments")) {
		if (str(fl, "tracking_number") == NULL ||
		    str(fl, "tracking_company") == NULL)
			continue;
		if (a == NULL)
			a = cJSON_AddArrayToObject(r, "shipments");
		sh = cJSON_CreateObject();
		cJSON_AddStringToObject(sh, "carrier",
		    str(fl, "tracking_company"));
		cJSON_AddStringToObject(sh, "tracking_number",
		    str(fl, "tracking_number"));
		st = str(fl, "shipment_status");
		cJSON_AddStringToObject(sh, "status", st == NULL ?
		    "in_transit" : strcmp(st, "delivered") == 0 ? "delivered" :
		    strcmp(st, "out_for_delivery") == 0 ? "out_for_delivery" :
		    strcmp(st, "failure") == 0 ? "exception" : "in_transit");
		if ((at = utc(str(fl, "created_at"))) != NULL)
			cJSON_AddStringToObject(sh, "shipped_at", at);
		free(at);
		cJSON_AddItemToArray(a, sh);
	}
}

void
connector_order(FILE *f, const struct connector_config *c,
    const cJSON *o, struct sbuf *map, struct sync_stats *st)
{
	const int	 woo = c->source == WEBHOOK_WOOCOMMERCE;
	const cJSON	*li, *cu = cJSON_GetObjectItemCaseSensitive(o,
	    "customer");
	char		*id, *who, *placed;
	const char	*status = webhook_order_status(c->source, o);
	cJSON		*r, *items, *it;

	/* Shopify's customer-facing number is the order's name (#1001). */
	id = woo ? id_of(o, "id", "") : str(o, "name") != NULL ?
	    xstrdup(str(o, "name") + (str(o, "name")[0] == '#')) :
	    id_of(o, "id", "");
	who = woo ? id_of(o, "customer_id", "woo:") :
	    id_of(cu, "id", "shopify:");
	placed = utc(woo ? str(o, "date_created_gmt") != NULL ?
	    str(o, "date_created_gmt") : str(o, "date_created") :
	    str(o, "created_at"));
	/* A guest order names no customer the store could show it to. */
	if (id == NULL || who == NULL || placed == NULL || status == NULL) {
		st->skipped++;
		goto out;
	}
	r = cJSON_CreateObject();
	cJSON_AddStringToObject(r, "type", "order");
	cJSON_AddStringToObject(r, "id", id);
	cJSON_AddStringToObject(r, "customer_id", who);
	cJSON_AddStringToObject(r, "status", status);
	cJSON_AddStringToObject(r, "placed_at", placed);
	add_str(r, "currency", str(o, "currency"));
	add_str(r, "payment_method", woo ? str(o, "payment_method_title") :
	    NULL);
	cJSON_AddNumberToObject(r, "total", num(o, woo ? "total" :
	    "total_price", 0));
	items = cJSON_AddArrayToObject(r, "items");
	cJSON_ArrayForEach(li, cJSON_GetObjectItemCaseSensitive(o,
	    "line_items")) {
		/* A custom line without a SKU is no product of the store. */
		if (str(li, "sku") == NULL || *str(li, "sku") == '\0')
			continue;
		it = cJSON_CreateObject();
		cJSON_AddStringToObject(it, "sku", str(li, "sku"));
		cJSON_AddStringToObject(it, "name", str(li, "name") != NULL ?
		    str(li, "name") : str(li, "title") != NULL ?
		    str(li, "title") : "");
		cJSON_AddNumberToObject(it, "qty", num(li, "quantity", 1));
		cJSON_AddNumberToObject(it, "unit_price", num(li, "price", 0));
		cJSON_AddItemToArray(items, it);
	}
	/* Shopify's fulfillments carry the carrier and tracking. */
	shipments(r, o);
	if (cJSON_GetArraySize(items) == 0) {
		cJSON_Delete(r);
		st->skipped++;
		goto out;
	}
	emit(f, r);
	st->orders++;
	/* The order's id at the source, for cancelling it there. */
	{
		char	*sid = id_of(o, "id", "");

		if (sid != NULL)
			sbuf_addf(map, "%s\t%s\n", id, sid);
		free(sid);
	}
out:
	free(id);
	free(who);
	free(placed);
}

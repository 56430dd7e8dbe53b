/*
 * connector.c: syncing from WooCommerce and Shopify (see connector.h).
 * Records are turned into the store's own JSON records (ingest's
 * product, customer and order formats) in a file under tmpdir, which
 * ingest_file then checks and loads in one go, so that a bad page
 * changes nothing.  The time of the last good sync is kept in meta as
 * "sync:<source>".
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
#include "ingest.h"
#include "sbuf.h"
#include "sources.h"
#include "store.h"

#define TRIES		4	/* per request */
#define WAIT_MAX_S	10	/* longest Retry-After obeyed */
#define PAGES_MAX	1000	/* a source that never ends */

void
connector_config_release(struct connector_config *c)
{
	free(c->url);
	free(c->key);
	free(c->secret);
	memset(c, 0, sizeof *c);
}

void
sync_stats_release(struct sync_stats *s)
{
	free(s->since);
	memset(s, 0, sizeof *s);
}

enum sd_rc
connector_config_load(const char *path, const char *name,
    struct connector_config *c, struct sd_error *err)
{
	enum sd_rc	 rc;

	memset(c, 0, sizeof *c);
	if (webhook_source_of(name, &c->source) != 0)
		return sd_fail(err, SD_ERR_USAGE, "no source \"%s\" "
		    "(woocommerce, shopify)", name);
	if (c->source == WEBHOOK_WOOCOMMERCE) {
		if ((rc = sources_get(path, "woocommerce.url",
		    "SHOPDESK_WOOCOMMERCE_URL", &c->url, err)) != SD_OK ||
		    (rc = sources_get(path, "woocommerce.key",
		    "SHOPDESK_WOOCOMMERCE_KEY", &c->key, err)) != SD_OK ||
		    (rc = sources_get(path, "woocommerce.secret",
		    "SHOPDESK_WOOCOMMERCE_SECRET", &c->secret, err)) != SD_OK)
			goto fail;
		if (c->url == NULL || c->key == NULL || c->secret == NULL) {
			rc = sd_fail(err, SD_ERR_INVALID, "woocommerce needs "
			    "a url, a key and a secret (woocommerce.url, .key, "
			    ".secret in the sources file, or "
			    "SHOPDESK_WOOCOMMERCE_URL, _KEY, _SECRET)");
			goto fail;
		}
	} else {
		if ((rc = sources_get(path, "shopify.url",
		    "SHOPDESK_SHOPIFY_URL", &c->url, err)) != SD_OK ||
		    (rc = sources_get(path, "shopify.token",
		    "SHOPDESK_SHOPIFY_TOKEN", &c->key, err)) != SD_OK)
			goto fail;
		if (c->url == NULL || c->key == NULL) {
			rc = sd_fail(err, SD_ERR_INVALID, "shopify needs a url "
			    "and a token (shopify.url, .token in the sources "
			    "file, or SHOPDESK_SHOPIFY_URL, _TOKEN)");
			goto fail;
		}
	}
	/* No trailing slash: paths are appended. */
	while (*c->url != '\0' && c->url[strlen(c->url) - 1] == '/')
		c->url[strlen(c->url) - 1] = '\0';
	return SD_OK;
fail:
	connector_config_release(c);
	return rc;
}

/* HTTP */

struct reply {
	struct sbuf	 body;
	long		 status;
	double		 retry_after;	/* seconds; -1: not said */
	long		 total_pages;	/* X-WP-TotalPages; 0: not said */
	char		*next;		/* Link rel="next", or NULL */
	int		 calls, limit;	/* X-Shopify-Shop-Api-Call-Limit */
};

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct reply	*r = arg;

	sbuf_add(&r->body, p, size * n);
	return size * n;
}

/* The URL of Link's rel="next" part, if any. */
static char *
link_next(const char *v)
{
	const char	*lt, *gt;

	for (;;) {
		if ((lt = strchr(v, '<')) == NULL || (gt = strchr(lt, '>')) ==
		    NULL)
			return NULL;
		v = gt + 1;
		while (*v == ';' || *v == ' ')
			v++;
		if (strncmp(v, "rel=\"next\"", 10) == 0 ||
		    strncmp(v, "rel=next", 8) == 0) {
			char	*u = xmalloc((size_t)(gt - lt));

			memcpy(u, lt + 1, (size_t)(gt - lt - 1));
			u[gt - lt - 1] = '\0';
			return u;
		}
		if ((v = strchr(v, ',')) == NULL)
			return NULL;
	}
}

static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
	struct reply	*r = arg;
	size_t		 len = size * n;
	char		*h = xmalloc(len + 1), *v;

	memcpy(h, p, len);
	h[len] = '\0';
	while (len > 0 && (h[len - 1] == '\r' || h[len - 1] == '\n'))
		h[--len] = '\0';
	if ((v = strchr(h, ':')) != NULL) {
		*v++ = '\0';
		while (*v == ' ')
			v++;
		if (strcasecmp(h, "Retry-After") == 0)
			r->retry_after = atof(v);
		else if (strcasecmp(h, "X-WP-TotalPages") == 0)
			r->total_pages = atol(v);
		else if (strcasecmp(h, "Link") == 0) {
			free(r->next);
			r->next = link_next(v);
		} else if (strcasecmp(h, "X-Shopify-Shop-Api-Call-Limit") == 0)
			sscanf(v, "%d/%d", &r->calls, &r->limit);
	}
	free(h);
	return size * n;
}

static void
reply_reset(struct reply *r)
{
	sbuf_reset(&r->body);
	free(r->next);
	r->next = NULL;
	r->status = 0;
	r->retry_after = -1;
	r->total_pages = 0;
	r->calls = r->limit = 0;
}

static void
nap(double s)
{
	if (s > WAIT_MAX_S)
		s = WAIT_MAX_S;
	if (s > 0)
		usleep((useconds_t)(s * 1e6));
}

/*
 * GET url with the source's credentials into r, retrying a 429 (after
 * Retry-After) or a 5xx or a failed connection (after 0.5, 1, 2 s).
 * Anything but a 200 in the end is an error.
 */
static enum sd_rc
get(CURL *curl, const struct connector_config *c, const char *url,
    struct reply *r, struct sync_stats *st, struct sd_error *err)
{
	struct curl_slist *hdr = NULL;
	char		 ebuf[CURL_ERROR_SIZE], *auth = NULL;
	double		 backoff = 0.5;
	CURLcode	 cc = CURLE_OK;
	int		 t;

	if (c->source == WEBHOOK_SHOPIFY) {
		auth = xasprintf("X-Shopify-Access-Token: %s", c->key);
		hdr = curl_slist_append(hdr, auth);
	}
	hdr = curl_slist_append(hdr, "Accept: application/json");
	for (t = 0; t < TRIES; t++) {
		reply_reset(r);
		ebuf[0] = '\0';
		curl_easy_reset(curl);
		curl_easy_setopt(curl, CURLOPT_URL, url);
		curl_easy_setopt(curl, CURLOPT_HTTPHEADER, hdr);
		if (c->source == WEBHOOK_WOOCOMMERCE) {
			/* Basic auth with the consumer key and secret. */
			curl_easy_setopt(curl, CURLOPT_HTTPAUTH,
			    (long)CURLAUTH_BASIC);
			curl_easy_setopt(curl, CURLOPT_USERNAME, c->key);
			curl_easy_setopt(curl, CURLOPT_PASSWORD, c->secret);
		}
		curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
		curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
		curl_easy_setopt(curl, CURLOPT_TIMEOUT, 60L);
		curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
		curl_easy_setopt(curl, CURLOPT_WRITEDATA, r);
		curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, on_header);
		curl_easy_setopt(curl, CURLOPT_HEADERDATA, r);
		curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, ebuf);
		curl_easy_setopt(curl, CURLOPT_USERAGENT, "shopdesk/"
		    PACKAGE_VERSION);
		st->requests++;
		if (t > 0)
			st->retries++;
		cc = curl_easy_perform(curl);
		if (cc == CURLE_OK)
			curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE,
			    &r->status);
		if (cc == CURLE_OK && r->status == 200)
			break;
		if (cc == CURLE_OK && r->status != 429 && r->status < 500)
			break;	/* 401, 404...: trying again will not help */
		nap(r->status == 429 && r->retry_after >= 0 ? r->retry_after :
		    backoff);
		backoff *= 2;
	}
	curl_slist_free_all(hdr);
	free(auth);
	/* Shopify's leaky bucket: keep out of its last slots. */
	if (r->limit > 0 && r->calls >= r->limit - 2)
		nap(1);
	if (cc != CURLE_OK)
		return sd_fail(err, SD_ERR_NET, "%s: %s", webhook_source_name(
		    c->source), ebuf[0] != '\0' ? ebuf :
		    curl_easy_strerror(cc));
	if (r->status != 200)
		return sd_fail(err, SD_ERR_NET, "%s answered %ld%s",
		    webhook_source_name(c->source), r->status,
		    r->status == 401 || r->status == 403 ? " (check the "
		    "credentials)" : "");
	return SD_OK;
}

/* Records */

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

static void
woo_product(FILE *f, const cJSON *p, struct sync_stats *st)
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

static void
shopify_product(FILE *f, const cJSON *p, struct sync_stats *st)
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

static void
customer(FILE *f, const cJSON *c, const char *prefix, const cJSON *addr,
    struct sync_stats *st)
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

static void
order(FILE *f, const struct connector_config *c, const cJSON *o,
    struct sbuf *map, struct sync_stats *st)
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

/* Pages */

enum what { PRODUCTS, CUSTOMERS, ORDERS };

/* The first page's URL of what, changed since since (NULL: all). */
static char *
first_url(const struct connector_config *c, enum what w, const char *since)
{
	static const char *const woo[] = { "products", "customers", "orders" };
	static const char *const shop[] = { "products", "customers",
	    "orders" };
	struct sbuf	 sb = SBUF_INIT;

	if (c->source == WEBHOOK_WOOCOMMERCE) {
		sbuf_addf(&sb, "%s/wp-json/wc/v3/%s?per_page=100&page=1",
		    c->url, woo[w]);
		if (since != NULL && w != CUSTOMERS)
			sbuf_addf(&sb, "&modified_after=%s", since);
	} else {
		sbuf_addf(&sb, "%s/admin/api/2024-01/%s.json?limit=250",
		    c->url, shop[w]);
		if (w == ORDERS)
			sbuf_adds(&sb, "&status=any");
		if (since != NULL)
			sbuf_addf(&sb, "&updated_at_min=%s", since);
	}
	return sbuf_detach(&sb, NULL);
}

/* Every page of what into f. */
static enum sd_rc
pull(CURL *curl, const struct connector_config *c, enum what w,
    const char *since, FILE *f, struct sbuf *map, struct sync_stats *st,
    struct sd_error *err)
{
	static const char *const keys[] = { "products", "customers",
	    "orders" };
	struct reply	 r;
	const cJSON	*a, *it;
	cJSON		*root;
	char		*url = first_url(c, w, since), *q;
	long		 page = 1;
	enum sd_rc	 rc = SD_OK;
	const int	 woo = c->source == WEBHOOK_WOOCOMMERCE;

	memset(&r, 0, sizeof r);
	sbuf_init(&r.body);
	while (url != NULL && page <= PAGES_MAX) {
		if ((rc = get(curl, c, url, &r, st, err)) != SD_OK)
			break;
		root = cJSON_ParseWithLength(r.body.buf, r.body.len);
		a = c->source == WEBHOOK_WOOCOMMERCE ? root :
		    cJSON_GetObjectItemCaseSensitive(root, keys[w]);
		if (!cJSON_IsArray(a)) {
			cJSON_Delete(root);
			rc = sd_fail(err, SD_ERR_PARSE, "%s: %s page %ld is "
			    "not a list of %s", webhook_source_name(c->source),
			    keys[w], page, keys[w]);
			break;
		}
		cJSON_ArrayForEach(it, a) {
			if (w == PRODUCTS && c->source == WEBHOOK_WOOCOMMERCE)
				woo_product(f, it, st);
			else if (w == PRODUCTS)
				shopify_product(f, it, st);
			else if (w == CUSTOMERS)
				customer(f, it, woo ? "woo:" : "shopify:",
				    cJSON_GetObjectItemCaseSensitive(it, woo ?
				    "billing" : "default_address"), st);
			else
				order(f, c, it, map, st);
		}
		cJSON_Delete(root);
		free(url);
		url = NULL;
		page++;
		if (c->source == WEBHOOK_SHOPIFY)
			url = r.next != NULL ? xstrdup(r.next) : NULL;
		else if (page <= r.total_pages) {
			url = first_url(c, w, since);
			q = strstr(url, "&page=1");
			q[6] = '\0';
			q = xasprintf("%s%ld%s", url, page, q + 7);
			free(url);
			url = q;
		}
	}
	free(url);
	free(r.next);
	sbuf_release(&r.body);
	return rc;
}

/* Sync */

/* The "id\tsource id" lines of map into order_sources. */
static enum sd_rc
record_sources(struct store *st, const struct connector_config *c,
    const char *map, struct sd_error *err)
{
	static const char sql[] = "INSERT OR REPLACE INTO order_sources"
	    "(order_id, source, source_id) SELECT ?1, ?2, ?3"
	    " WHERE EXISTS (SELECT 1 FROM orders WHERE id = ?1)";
	const char	*p = map, *tab, *nl;
	sqlite3_stmt	*s;
	int		 x;

	while ((tab = strchr(p, '\t')) != NULL &&
	    (nl = strchr(tab, '\n')) != NULL) {
		if ((s = store_prepare(st, sql, err)) == NULL)
			return SD_ERR_DB;
		sqlite3_bind_text(s, 1, p, (int)(tab - p), SQLITE_STATIC);
		sqlite3_bind_text(s, 2, webhook_source_name(c->source), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(s, 3, tab + 1, (int)(nl - tab - 1),
		    SQLITE_STATIC);
		x = sqlite3_step(s);
		sqlite3_reset(s);
		if (x != SQLITE_DONE)
			return store_fail(st, err, "record order source");
		p = nl + 1;
	}
	return SD_OK;
}

static enum sd_rc
meta_get(struct store *st, const char *key, char **v, struct sd_error *err)
{
	static const char sql[] = "SELECT value FROM meta WHERE key = ?1";
	sqlite3_stmt	*s;
	int		 r;

	*v = NULL;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if ((r = sqlite3_step(s)) == SQLITE_ROW)
		*v = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_fail(st, err, "read last sync");
	return SD_OK;
}

static enum sd_rc
meta_set(struct store *st, const char *key, const char *v,
    struct sd_error *err)
{
	static const char sql[] = "INSERT OR REPLACE INTO meta(key, value)"
	    " VALUES (?1, ?2)";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, v, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "record last sync");
	return SD_OK;
}

enum sd_rc
connector_sync(struct store *st, const struct connector_config *c,
    const char *tmpdir, struct sync_stats *ss, struct sd_error *err)
{
	char		*key, *path = NULL, *start = xstrdup(store_now());
	struct sbuf	 map = SBUF_INIT;
	FILE		*f = NULL;
	CURL		*curl = NULL;
	enum sd_rc	 rc;
	int		 fd;

	memset(ss, 0, sizeof *ss);
	key = xasprintf("sync:%s", webhook_source_name(c->source));
	if ((rc = meta_get(st, key, &ss->since, err)) != SD_OK)
		goto out;
	path = xasprintf("%s/shopdesk-sync-XXXXXX.jsonl", tmpdir);
	if ((fd = mkstemps(path, 6)) < 0 || (f = fdopen(fd, "w")) == NULL) {
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
		goto out;
	}
	if ((curl = curl_easy_init()) == NULL) {
		rc = sd_fail(err, SD_ERR_INTERNAL, "curl_easy_init failed");
		goto out;
	}
	/* Customers before the orders that name them. */
	if ((rc = pull(curl, c, PRODUCTS, ss->since, f, &map, ss, err)) !=
	    SD_OK || (rc = pull(curl, c, CUSTOMERS, ss->since, f, &map, ss,
	    err)) != SD_OK || (rc = pull(curl, c, ORDERS, ss->since, f, &map,
	    ss, err)) != SD_OK)
		goto out;
	if (fclose(f) != 0) {
		f = NULL;
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
		goto out;
	}
	f = NULL;
	if (ss->products + ss->customers + ss->orders > 0 &&
	    (rc = ingest_file(st, path, NULL, NULL, err)) != SD_OK)
		goto out;
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	if ((rc = record_sources(st, c, map.buf != NULL ? map.buf : "",
	    err)) == SD_OK && (rc = meta_set(st, key, start, err)) == SD_OK)
		rc = store_commit(st, err);
	else
		store_rollback(st);
out:
	if (f != NULL)
		fclose(f);
	if (path != NULL)
		unlink(path);
	if (curl != NULL)
		curl_easy_cleanup(curl);
	free(path);
	free(key);
	free(start);
	sbuf_release(&map);
	return rc;
}

/* Pushing */

/* The reason in a source's error answer: WooCommerce's "message",
 * Shopify's "errors" (a string, or an object of lists). */
static char *
reason(const char *body, size_t n, long status)
{
	cJSON		*o = cJSON_ParseWithLength(body, n);
	const cJSON	*v, *e;
	char		*why = NULL;

	if ((v = cJSON_GetObjectItemCaseSensitive(o, "message")) != NULL &&
	    cJSON_IsString(v))
		why = xstrdup(v->valuestring);
	else if ((v = cJSON_GetObjectItemCaseSensitive(o, "errors")) !=
	    NULL) {
		if (cJSON_IsString(v))
			why = xstrdup(v->valuestring);
		else if ((e = v->child) != NULL) {
			e = cJSON_IsArray(e) ? cJSON_GetArrayItem(e, 0) : e;
			if (cJSON_IsString(e))
				why = xstrdup(e->valuestring);
		}
	}
	cJSON_Delete(o);
	return why != NULL ? why : xasprintf("it answered %ld", status);
}

enum sd_rc
connector_push_cancel(struct store *st, const char *sources,
    const char *order_id, enum push_result *res, char **why,
    struct sd_error *err)
{
	static const char sql[] = "SELECT source, source_id FROM order_sources"
	    " WHERE order_id = ?1";
	struct connector_config c;
	struct curl_slist *hdr = NULL;
	struct reply	 r;
	sqlite3_stmt	*s;
	char		*src = NULL, *sid = NULL, *url = NULL, *auth = NULL;
	char		 ebuf[CURL_ERROR_SIZE];
	CURL		*curl = NULL;
	CURLcode	 cc;
	enum sd_rc	 rc = SD_OK;
	int		 x;

	*res = PUSH_LOCAL;
	*why = NULL;
	memset(&c, 0, sizeof c);
	memset(&r, 0, sizeof r);
	sbuf_init(&r.body);
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, order_id, -1, SQLITE_STATIC);
	if ((x = sqlite3_step(s)) == SQLITE_ROW) {
		src = xstrdup((const char *)sqlite3_column_text(s, 0));
		sid = xstrdup((const char *)sqlite3_column_text(s, 1));
	}
	sqlite3_reset(s);
	if (x != SQLITE_ROW && x != SQLITE_DONE)
		return store_fail(st, err, "read order source");
	if (src == NULL)
		return SD_OK;
	if ((rc = connector_config_load(sources, src, &c, err)) != SD_OK)
		goto out;
	if ((curl = curl_easy_init()) == NULL) {
		rc = sd_fail(err, SD_ERR_INTERNAL, "curl_easy_init failed");
		goto out;
	}
	hdr = curl_slist_append(hdr, "Content-Type: application/json");
	if (c.source == WEBHOOK_WOOCOMMERCE) {
		url = xasprintf("%s/wp-json/wc/v3/orders/%s", c.url, sid);
		curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
		curl_easy_setopt(curl, CURLOPT_POSTFIELDS,
		    "{\"status\":\"cancelled\"}");
		curl_easy_setopt(curl, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
		curl_easy_setopt(curl, CURLOPT_USERNAME, c.key);
		curl_easy_setopt(curl, CURLOPT_PASSWORD, c.secret);
	} else {
		url = xasprintf("%s/admin/api/2024-01/orders/%s/cancel.json",
		    c.url, sid);
		curl_easy_setopt(curl, CURLOPT_POSTFIELDS, "{}");
		auth = xasprintf("X-Shopify-Access-Token: %s", c.key);
		hdr = curl_slist_append(hdr, auth);
	}
	ebuf[0] = '\0';
	curl_easy_setopt(curl, CURLOPT_URL, url);
	curl_easy_setopt(curl, CURLOPT_HTTPHEADER, hdr);
	curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
	curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(curl, CURLOPT_WRITEDATA, &r);
	curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, ebuf);
	if ((cc = curl_easy_perform(curl)) != CURLE_OK) {
		rc = sd_fail(err, SD_ERR_NET, "%s: %s", src, ebuf[0] != '\0' ?
		    ebuf : curl_easy_strerror(cc));
		goto out;
	}
	curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r.status);
	if (r.status == 200 || r.status == 201)
		*res = PUSH_ACCEPTED;
	else if (r.status == 401 || r.status == 403 || r.status == 429 ||
	    r.status >= 500)
		rc = sd_fail(err, SD_ERR_NET, "%s answered %ld", src, r.status);
	else {
		*res = PUSH_REFUSED;
		*why = reason(r.body.buf, r.body.len, r.status);
	}
out:
	if (curl != NULL)
		curl_easy_cleanup(curl);
	curl_slist_free_all(hdr);
	sbuf_release(&r.body);
	connector_config_release(&c);
	free(auth);
	free(url);
	free(src);
	free(sid);
	return rc;
}

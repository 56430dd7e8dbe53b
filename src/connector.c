/*
 * connector.c: syncing from WooCommerce and Shopify (see connector.h).
 * Records are turned into the store's own JSON records (ingest's
 * product, customer and order formats) in a file under tmpdir, which
 * ingest_file then checks and loads in one go, so that a bad page
 * changes nothing.  The time of the last good sync is kept in meta as
 * "sync:<source>".  connector-http.c makes the requests and
 * connector-map.c turns the source's records into the store's.
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
		if ((rc = connector_get(curl, c, url, &r, st, err)) != SD_OK)
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
				connector_woo_product(f, it, st);
			else if (w == PRODUCTS)
				connector_shopify_product(f, it, st);
			else if (w == CUSTOMERS)
				connector_customer(f, it, woo ? "woo:" : "shopify:",
				    cJSON_GetObjectItemCaseSensitive(it, woo ?
				    "billing" : "default_address"), st);
			else
				connector_order(f, c, it, map, st);
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
	curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, connector_on_body);
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

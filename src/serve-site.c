/*
 * serve-site.c: admitting the chat widget's requests, and serving its
 * files (see serve-site.h).  A widget holds no secret: the site key in
 * the page only names the site; the origin check keeps other web sites'
 * scripts from using it through visitors' browsers, and only a token
 * signed with the site's secret (by the shop's backend) makes the
 * session a customer's, with their orders.  Without one the visitor is
 * anonymous: products, policies and FAQs only.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "catalog.h"
#include "serve-site.h"
#include "site.h"
#include "store.h"

void
serve_site_release(struct serve_site *ws)
{
	free(ws->customer);
	free(ws->origin);
	memset(ws, 0, sizeof *ws);
}

unsigned
serve_site_admit(struct store *st, const char *key, const char *origin,
    const char *identity, time_t now, struct serve_site *ws,
    struct sbuf *why, struct sd_error *err)
{
	struct site_info si;
	struct sd_error	 e = SD_ERROR_INIT;
	unsigned	 status = 0;
	enum sd_rc	 rc;

	memset(ws, 0, sizeof *ws);
	rc = site_lookup(st, key, &si, &e);
	if (rc == SD_ERR_NOTFOUND) {
		sbuf_adds(why, "unknown or revoked site key");
		status = 401;
		goto out;
	}
	if (rc != SD_OK) {
		sd_fail(err, rc, "%s", sd_error_msg(&e));
		status = 500;
		goto out;
	}
	if (origin == NULL || !site_origin_ok(&si, origin)) {
		sbuf_addf(why, "origin %s is not allowed for this site",
		    origin != NULL ? origin : "(none)");
		status = 403;
		goto out;
	}
	if (identity != NULL && *identity != '\0') {
		sd_error_clear(&e);
		if (site_verify(si.secret, identity, now, &ws->customer,
		    &e) != SD_OK) {
			sbuf_adds(why, sd_error_msg(&e));
			status = 401;
			goto out;
		}
	}
	ws->site_id = si.id;
	ws->origin = xstrdup(origin);
out:
	if (status != 0)
		serve_site_release(ws);
	site_info_release(&si);
	sd_error_clear(&e);
	return status;
}

char *
serve_site_visitor(const char *session_id)
{
	return xasprintf("visitor-%.16s", session_id);
}

static const struct {
	const char	*ext;
	const char	*ctype;
} widget_types[] = {
	{ "js",		"text/javascript; charset=utf-8" },
	{ "css",	"text/css; charset=utf-8" },
	{ "html",	"text/html; charset=utf-8" },
	{ "svg",	"image/svg+xml" },
	{ "png",	"image/png" },
};

enum sd_rc
serve_widget_file(const char *share_dir, const char *name, char **body,
    size_t *len, const char **ctype, struct sd_error *err)
{
	struct sbuf	 sb = SBUF_INIT;
	const char	*dot = NULL, *p;
	char		*path;
	size_t		 i;
	int		 r;

	*body = NULL;
	for (p = name; *p != '\0'; p++) {
		if (*p == '.' && dot == NULL && p != name)
			dot = p;
		else if (!isalnum((unsigned char)*p) && *p != '-' &&
		    *p != '_')
			return sd_fail(err, SD_ERR_NOTFOUND, "no such file");
	}
	if (dot == NULL || p - name > 64)
		return sd_fail(err, SD_ERR_NOTFOUND, "no such file");
	for (i = 0; i < sizeof widget_types / sizeof widget_types[0]; i++)
		if (strcmp(dot + 1, widget_types[i].ext) == 0)
			break;
	if (i == sizeof widget_types / sizeof widget_types[0])
		return sd_fail(err, SD_ERR_NOTFOUND, "no such file");
	path = xasprintf("%s/widget/%s", share_dir, name);
	r = sbuf_read_file(&sb, path);
	free(path);
	if (r != 0) {
		sbuf_release(&sb);
		if (errno == ENOENT)
			return sd_fail(err, SD_ERR_NOTFOUND, "no such file");
		return sd_fail(err, SD_ERR_IO, "widget/%s: %s", name,
		    strerror(errno));
	}
	*ctype = widget_types[i].ctype;
	*body = sbuf_detach(&sb, len);
	return SD_OK;
}

char *
serve_widget_csp(const char *frame_ancestors)
{
	return xasprintf("default-src 'none'; script-src 'self'; "
	    "style-src 'self'; img-src 'self' data:; connect-src 'self'; "
	    "base-uri 'none'; form-action 'none'; frame-ancestors %s",
	    frame_ancestors != NULL && *frame_ancestors != '\0' ?
	    frame_ancestors : "'self'");
}

cJSON *
serve_product_cards(struct store *st, const cJSON *citations)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	 p;
	const cJSON	*c, *kind, *id;
	cJSON		*a = cJSON_CreateArray(), *o, *seen;
	int		 dup;

	cJSON_ArrayForEach(c, citations) {
		kind = cJSON_GetObjectItemCaseSensitive(c, "kind");
		id = cJSON_GetObjectItemCaseSensitive(c, "id");
		if (!cJSON_IsString(kind) || strcmp(kind->valuestring,
		    "product") != 0 || !cJSON_IsString(id))
			continue;
		dup = 0;
		cJSON_ArrayForEach(seen, a)
			if (strcmp(cJSON_GetStringValue(cJSON_GetObjectItem(
			    seen, "sku")), id->valuestring) == 0)
				dup = 1;
		if (dup)
			continue;
		memset(&p, 0, sizeof p);
		if (catalog_product_by_sku(st, id->valuestring, &p, &err) !=
		    SD_OK) {
			sd_error_clear(&err);
			continue;
		}
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "sku", p.sku);
		cJSON_AddStringToObject(o, "name", p.name);
		cJSON_AddNumberToObject(o, "price", p.price);
		if (p.list_price > p.price)
			cJSON_AddNumberToObject(o, "list_price", p.list_price);
		cJSON_AddStringToObject(o, "currency", p.currency != NULL ?
		    p.currency : "USD");
		cJSON_AddNumberToObject(o, "stock", (double)p.stock);
		if (p.rating > 0) {
			cJSON_AddNumberToObject(o, "rating", p.rating);
			cJSON_AddNumberToObject(o, "reviews",
			    (double)p.review_count);
		}
		cJSON_AddItemToArray(a, o);
		product_release(&p);
	}
	return a;
}

/*
 * payment.c: reading an order's payment from Stripe (see payment.h).
 * GET /v1/payment_intents/search?query=metadata['order_id']:'ID', then
 * GET /v1/refunds?payment_intent=pi_...; the key goes as a bearer
 * token.  Only amounts, states and dates are read.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <curl/curl.h>

#include "payment.h"
#include "sbuf.h"
#include "sources.h"

void
payment_config_release(struct payment_config *c)
{
	free(c->url);
	free(c->key);
	memset(c, 0, sizeof *c);
}

void
payment_status_release(struct payment_status *p)
{
	free(p->intent);
	free(p->status);
	free(p->currency);
	free(p->refund_status);
	free(p->refund_at);
	memset(p, 0, sizeof *p);
}

enum sd_rc
payment_config_load(const char *sources, struct payment_config *c,
    struct sd_error *err)
{
	enum sd_rc	 rc;

	memset(c, 0, sizeof *c);
	if ((rc = sources_get(sources, "stripe.url", "SHOPDESK_STRIPE_URL",
	    &c->url, err)) != SD_OK || (rc = sources_get(sources, "stripe.key",
	    "SHOPDESK_STRIPE_KEY", &c->key, err)) != SD_OK) {
		payment_config_release(c);
		return rc;
	}
	if (c->key == NULL) {
		payment_config_release(c);
		return sd_fail(err, SD_ERR_INVALID, "no payment provider: set "
		    "SHOPDESK_STRIPE_KEY or stripe.key in the sources file");
	}
	if (c->url == NULL)
		c->url = xstrdup("https://api.stripe.com");
	while (*c->url != '\0' && c->url[strlen(c->url) - 1] == '/')
		c->url[strlen(c->url) - 1] = '\0';
	return SD_OK;
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	sbuf_add(arg, p, size * n);
	return size * n;
}

/* GET c->url + path as JSON (caller deletes); NULL with err set. */
static cJSON *
get(CURL *curl, const struct payment_config *c, const char *path,
    struct sd_error *err)
{
	struct curl_slist *hdr = NULL;
	struct sbuf	 body = SBUF_INIT;
	char		*url = xasprintf("%s%s", c->url, path), *auth;
	char		 ebuf[CURL_ERROR_SIZE];
	long		 status = 0;
	CURLcode	 cc;
	cJSON		*o = NULL;
	int		 t;

	auth = xasprintf("Authorization: Bearer %s", c->key);
	hdr = curl_slist_append(hdr, auth);
	/* A 429 or 5xx is tried again, twice. */
	for (t = 0; t < 3; t++) {
		sbuf_reset(&body);
		ebuf[0] = '\0';
		curl_easy_reset(curl);
		curl_easy_setopt(curl, CURLOPT_URL, url);
		curl_easy_setopt(curl, CURLOPT_HTTPHEADER, hdr);
		curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
		curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, 10L);
		curl_easy_setopt(curl, CURLOPT_TIMEOUT, 30L);
		curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, on_body);
		curl_easy_setopt(curl, CURLOPT_WRITEDATA, &body);
		curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, ebuf);
		cc = curl_easy_perform(curl);
		if (cc == CURLE_OK)
			curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE,
			    &status);
		if (cc == CURLE_OK && status != 429 && status < 500)
			break;
	}
	curl_slist_free_all(hdr);
	free(auth);
	if (cc != CURLE_OK)
		sd_fail(err, SD_ERR_NET, "payment provider: %s",
		    ebuf[0] != '\0' ? ebuf : curl_easy_strerror(cc));
	else if (status != 200)
		sd_fail(err, SD_ERR_NET, "payment provider answered %ld%s",
		    status, status == 401 ? " (check the key)" : "");
	else if ((o = cJSON_ParseWithLength(body.buf, body.len)) == NULL)
		sd_fail(err, SD_ERR_PARSE, "payment provider: not JSON");
	sbuf_release(&body);
	free(url);
	return o;
}

static char *
dup_str(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsString(v) ? xstrdup(v->valuestring) : NULL;
}

static long long
cents(const cJSON *o, const char *k)
{
	const cJSON	*v = cJSON_GetObjectItemCaseSensitive(o, k);

	return cJSON_IsNumber(v) ? (long long)v->valuedouble : 0;
}

/* Only ids of letters, digits, '-' and '_' go into a search query. */
static int
id_ok(const char *s)
{
	if (*s == '\0' || strlen(s) > 64)
		return 0;
	for (; *s != '\0'; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= 'A' && *s <= 'Z') || *s == '-' || *s == '_'))
			return 0;
	return 1;
}

enum sd_rc
payment_lookup(const struct payment_config *c, const char *order_id,
    struct payment_status *p, struct sd_error *err)
{
	const cJSON	*pi, *r;
	cJSON		*o = NULL, *rf = NULL;
	CURL		*curl;
	char		*q, *e, *path;
	long long	 newest = -1, created;
	struct tm	 tm;
	time_t		 t;
	enum sd_rc	 rc = SD_OK;

	memset(p, 0, sizeof *p);
	if (!id_ok(order_id))
		return sd_fail(err, SD_ERR_INVALID, "\"%s\" is not an order id",
		    order_id);
	if ((curl = curl_easy_init()) == NULL)
		return sd_fail(err, SD_ERR_INTERNAL, "curl_easy_init failed");
	q = xasprintf("metadata['order_id']:'%s'", order_id);
	e = curl_easy_escape(curl, q, 0);
	path = xasprintf("/v1/payment_intents/search?query=%s", e);
	curl_free(e);
	free(q);
	if ((o = get(curl, c, path, err)) == NULL) {
		rc = err->rc;
		goto out;
	}
	pi = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(o, "data"),
	    0);
	if (pi == NULL) {
		rc = sd_fail(err, SD_ERR_NOTFOUND, "the payment provider has "
		    "no payment for order %s", order_id);
		goto out;
	}
	p->intent = dup_str(pi, "id");
	p->status = dup_str(pi, "status");
	p->currency = dup_str(pi, "currency");
	p->amount = cents(pi, "amount");
	if (p->intent == NULL || p->status == NULL) {
		rc = sd_fail(err, SD_ERR_PARSE, "payment provider: a payment "
		    "without id or status");
		goto out;
	}
	free(path);
	path = xasprintf("/v1/refunds?payment_intent=%s&limit=100",
	    p->intent);
	if ((rf = get(curl, c, path, err)) == NULL) {
		rc = err->rc;
		goto out;
	}
	cJSON_ArrayForEach(r, cJSON_GetObjectItemCaseSensitive(rf, "data")) {
		const char *st = cJSON_GetStringValue(
		    cJSON_GetObjectItemCaseSensitive(r, "status"));

		if (st == NULL)
			continue;
		if (strcmp(st, "succeeded") == 0)
			p->refunded += cents(r, "amount");
		else if (strcmp(st, "pending") == 0)
			p->pending += cents(r, "amount");
		created = cents(r, "created");
		if (created > newest) {
			newest = created;
			free(p->refund_status);
			p->refund_status = xstrdup(st);
			t = (time_t)created;
			gmtime_r(&t, &tm);
			free(p->refund_at);
			p->refund_at = xmalloc(32);
			strftime(p->refund_at, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
		}
	}
out:
	if (rc != SD_OK)
		payment_status_release(p);
	cJSON_Delete(o);
	cJSON_Delete(rf);
	free(path);
	curl_easy_cleanup(curl);
	return rc;
}

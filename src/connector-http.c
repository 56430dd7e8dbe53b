/*
 * connector-http.c makes the connector's requests to a shop's API: one
 * GET with its credentials, retried on a rate limit or a server error
 * (obeying Retry-After up to a bound), and the reply's body, status and
 * paging headers.
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

#define TRIES		4	/* per request */
#define WAIT_MAX_S	10	/* longest Retry-After obeyed */

size_t
connector_on_body(char *p, size_t size, size_t n, void *arg)
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
enum sd_rc
connector_get(CURL *curl, const struct connector_config *c,
    const char *url, struct reply *r, struct sync_stats *st,
    struct sd_error *err)
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
		curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, connector_on_body);
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

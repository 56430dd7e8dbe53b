/*
 * serve-route.c: a request's way through the server.  libmicrohttpd
 * calls serve_on_request several times per request (see the top of
 * serve.c): on the first call admit checks the framing, the route and
 * its method, the key or the widget's site, and the rate limit, before
 * any body is read; the middle calls collect the body, or refuse it on
 * the socket; the last one dispatches to the endpoint.  The completion
 * callback writes the access log and counts the answer for the metrics.
 * Its own file because every refusal the server makes before an
 * endpoint runs is decided here, in one order.
 */
#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include <cjson/cJSON.h>
#include <microhttpd.h>

#include "shopdesk.h"
#include "apikey.h"
#include "sbuf.h"
#include "serve-check.h"
#include "serve-desk.h"
#include "serve-int.h"
#include "serve-limit.h"
#include "serve-site.h"
#include "site.h"
#include "store.h"
#include "webhook.h"

#define HISTORY_PREFIX	"/api/chat/history/"
#define WIDGET_PREFIX	"/widget/"
#define EVENTS_PREFIX	"/api/chat/events/"
#define WEBHOOK_PREFIX	"/api/webhooks/"
#define DESK_PREFIX	"/api/desk/"

static enum route
route_of(const char *url)
{
	if (strcmp(url, "/api/chat/message") == 0)
		return ROUTE_MESSAGE;
	if (strncmp(url, HISTORY_PREFIX, strlen(HISTORY_PREFIX)) == 0)
		return ROUTE_HISTORY;
	if (strcmp(url, "/api/chat/feedback") == 0)
		return ROUTE_FEEDBACK;
	if (strcmp(url, "/api/chat/analytics") == 0)
		return ROUTE_ANALYTICS;
	if (strncmp(url, DESK_PREFIX, strlen(DESK_PREFIX)) == 0 &&
	    serve_desk_known(url + strlen(DESK_PREFIX)))
		return ROUTE_DESK;
	if (strcmp(url, "/healthz") == 0)
		return ROUTE_HEALTHZ;
	if (strcmp(url, "/metrics") == 0)
		return ROUTE_METRICS;
	if (strncmp(url, WIDGET_PREFIX, strlen(WIDGET_PREFIX)) == 0)
		return ROUTE_WIDGET;
	if (strncmp(url, EVENTS_PREFIX, strlen(EVENTS_PREFIX)) == 0)
		return ROUTE_EVENTS;
	if (strcmp(url, "/api/chat/notifications") == 0)
		return ROUTE_NOTIFICATIONS;
	if (strncmp(url, WEBHOOK_PREFIX, strlen(WEBHOOK_PREFIX)) == 0)
		return ROUTE_WEBHOOK;
	return ROUTE_OTHER;
}

/* The method a route takes (HEAD too where it is GET), NULL: no route. */
static const char *
route_method(enum route rt)
{
	switch (rt) {
	case ROUTE_HEALTHZ:
	case ROUTE_METRICS:
	case ROUTE_HISTORY:
	case ROUTE_ANALYTICS:
	case ROUTE_WIDGET:
	case ROUTE_EVENTS:
	case ROUTE_NOTIFICATIONS:
		return "GET";
	case ROUTE_MESSAGE:
	case ROUTE_FEEDBACK:
	case ROUTE_WEBHOOK:
	case ROUTE_DESK:
		return "POST";
	case ROUTE_OTHER:
	case ROUTE_COUNT:
		break;
	}
	return NULL;
}

enum auth {
	AUTH_OK,		/* a valid key */
	AUTH_MISSING,		/* no bearer token */
	AUTH_UNKNOWN,		/* unknown or revoked key */
	AUTH_ERROR		/* the lookup failed: err is set */
};

/* The API key of the request, in *id when AUTH_OK. */
static enum auth
authenticate(struct MHD_Connection *c, struct worker *w, long long *id,
    struct sd_error *err)
{
	static const char bearer[] = "Bearer ";
	const char	*h;

	h = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_AUTHORIZATION);
	if (h == NULL || strncasecmp(h, bearer, sizeof bearer - 1) != 0 ||
	    h[sizeof bearer - 1] == '\0')
		return AUTH_MISSING;
	h += sizeof bearer - 1;
	if ((*id = apikey_lookup(w->st, h, strlen(h), err)) < 0)
		return AUTH_ERROR;
	return *id > 0 ? AUTH_OK : AUTH_UNKNOWN;
}

/*
 * Take a token from the request's bucket: its key's, or without one its
 * client address's, so that requests without a valid key (a wrong key,
 * a path that does not exist) are limited too and guessing costs a
 * flood its bucket.  0 when the request may go on, else 1 after
 * answering 429.
 */
static int
over_limit(struct serve *sv, struct MHD_Connection *c, struct req *r,
    enum MHD_Result *ret)
{
	char	 who[INET6_ADDRSTRLEN + 64], wait[32];
	long	 retry;

	if (r->key_id > 0)
		snprintf(who, sizeof who, "key %lld", r->key_id);
	else if (r->site.site_id > 0)
		snprintf(who, sizeof who, "site %lld address %s",
		    r->site.site_id, r->ip);
	else
		snprintf(who, sizeof who, "address %s", r->ip);
	if ((retry = serve_limiter_take(sv->limiter, who,
	    serve_mono_us() / 1e6)) == 0)
		return 0;
	atomic_fetch_add(&sv->rate_limited, 1);
	snprintf(wait, sizeof wait, "%ld", retry);
	*ret = serve_respond_err(sv, c, r, 429, NULL,
	    MHD_HTTP_HEADER_RETRY_AFTER, wait, "rate limit: retry in %ld s",
	    retry);
	return 1;
}

/* The routes a chat widget uses, with a site key instead of an API key. */
static int
widget_route(enum route rt)
{
	return rt == ROUTE_MESSAGE || rt == ROUTE_HISTORY ||
	    rt == ROUTE_FEEDBACK || rt == ROUTE_EVENTS ||
	    rt == ROUTE_NOTIFICATIONS;
}

/*
 * A browser's CORS preflight before a widget's request.  It carries no
 * site key, so any valid site's origin passes; the request itself is
 * then checked against its own site's origins.
 */
static enum MHD_Result
preflight(struct serve *sv, struct MHD_Connection *c, struct req *r)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct MHD_Response *resp;
	struct worker	*w;
	enum MHD_Result	 ret;
	const char	*origin;
	int		 known;

	if (over_limit(sv, c, r, &ret))
		return ret;
	origin = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Origin");
	if ((w = serve_worker_get(sv, &err)) == NULL ||
	    (known = site_origin_known(w->st, origin, &err)) < 0) {
		ret = serve_respond_fail(sv, c, r, &err, "");
		sd_error_clear(&err);
		return ret;
	}
	if (!known) {
		r->note = "preflight from a foreign origin";
		return ERR(403, NULL, "origin %s is not allowed",
		    origin != NULL ? origin : "(none)");
	}
	resp = MHD_create_response_from_buffer(0, NULL,
	    MHD_RESPMEM_PERSISTENT);
	if (resp == NULL)
		return MHD_NO;
	MHD_add_response_header(resp,
	    MHD_HTTP_HEADER_ACCESS_CONTROL_ALLOW_ORIGIN, origin);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_VARY, "Origin");
	MHD_add_response_header(resp, "Access-Control-Allow-Methods",
	    "GET, POST, OPTIONS");
	MHD_add_response_header(resp, "Access-Control-Allow-Headers",
	    "Content-Type, Accept, " SERVE_SITE_HEADER ", "
	    SERVE_IDENTITY_HEADER);
	MHD_add_response_header(resp, "Access-Control-Max-Age", "600");
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	r->status = 204;
	ret = MHD_queue_response(c, 204, resp);
	MHD_destroy_response(resp);
	return ret;
}

/*
 * The origin of the page a request comes from.  Browsers send Origin
 * on every cross-origin request, but not on a GET from the server's own
 * pages (the demo page): there Sec-Fetch-Site, which no script can set,
 * says same-origin, and the origin is this server's (*own, caller
 * frees).
 */
static const char *
request_origin(struct MHD_Connection *c, char **own)
{
	const char	*o, *sf, *host;

	*own = NULL;
	if ((o = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Origin")) != NULL)
		return o;
	sf = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    "Sec-Fetch-Site");
	host = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_HOST);
	if (sf == NULL || strcmp(sf, "same-origin") != 0 || host == NULL)
		return NULL;
	return *own = xasprintf("http://%s", host);
}

/*
 * A widget's request, by its site key (serve_site_admit): 0 to go on,
 * else 1 after answering.  A site key opens the chat routes only.
 */
static int
admit_site(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *key, enum MHD_Result *ret)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 why = SBUF_INIT;
	struct worker	*w;
	unsigned	 status;
	char		*own = NULL;

	if (!widget_route(r->route)) {
		r->note = "site key on a route it does not open";
		*ret = ERR(403, NULL, "a site key opens the chat endpoints "
		    "only (message, history, feedback)");
		return 1;
	}
	if ((w = serve_worker_get(sv, &err)) == NULL)
		status = 500;
	else
		status = serve_site_admit(w->st, key, request_origin(c, &own),
		    MHD_lookup_connection_value(c, MHD_HEADER_KIND,
		    SERVE_IDENTITY_HEADER), time(NULL), &r->site, &why, &err);
	free(own);
	if (status == 500)
		*ret = serve_respond_fail(sv, c, r, &err, "");
	else if (status != 0) {
		r->note = status == 403 ? "foreign origin" :
		    "bad site key or identity";
		if (!over_limit(sv, c, r, ret))
			*ret = ERR(status, NULL, "%s", why.buf);
	}
	sbuf_release(&why);
	sd_error_clear(&err);
	return status != 0;
}

/* Header lines that must not repeat, counted by count_header. */
struct header_count {
	unsigned	 host;
	unsigned	 te;		/* Transfer-Encoding */
	unsigned	 cl;		/* Content-Length */
	const char	*cl_first;	/* the first Content-Length value */
	int		 cl_differ;	/* another one differs from it */
};

static enum MHD_Result
count_header(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	struct header_count *hc = cls;

	(void)kind;
	if (strcasecmp(key, MHD_HTTP_HEADER_HOST) == 0)
		hc->host++;
	else if (strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING) == 0)
		hc->te++;
	else if (strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH) == 0) {
		if (hc->cl++ == 0)
			hc->cl_first = value;
		else if (value == NULL || hc->cl_first == NULL ||
		    strcmp(value, hc->cl_first) != 0)
			hc->cl_differ = 1;
	}
	return MHD_YES;
}

/* A query argument must be text, like the path (see check_framing). */
static enum MHD_Result
check_arg(void *cls, enum MHD_ValueKind kind, const char *key,
    const char *value)
{
	int	*bad = cls;
	size_t	 at;

	(void)kind;
	if (!serve_text_ok(key, strlen(key), 0, &at) ||
	    (value != NULL && !serve_text_ok(value, strlen(value), 0, &at)))
		*bad = 1;
	return MHD_YES;
}

/*
 * The message framing, which libmicrohttpd 0.9.75 takes as it comes
 * (its strict mode only adds the Host check, and it closes without an
 * answer on a space in the path, so it is not used): 0 when the
 * request may be read, else -1 after answering and closing.  A body
 * whose length two parties could read differently (a proxy in front and
 * this server) is refused: it is how requests are smuggled.
 */
static int
check_framing(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *url, const char *method, const char *version,
    enum MHD_Result *ret)
{
	struct header_count hc;
	const char	*te;
	size_t		 at;
	int		 bad_arg = 0;

	memset(&hc, 0, sizeof hc);
	MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &hc);
	MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, check_arg,
	    &bad_arg);
	r->close = 1;
	if (!serve_method_ok(method))
		*ret = ERR(400, NULL, "the method is not an HTTP token");
	else if (hc.host == 0 && strcmp(version, MHD_HTTP_VERSION_1_0) != 0)
		*ret = ERR(400, NULL, "an HTTP/1.1 request needs a Host "
		    "header");
	else if (hc.host > 1)
		*ret = ERR(400, NULL, "more than one Host header");
	else if (hc.te > 0 && hc.cl > 0)
		*ret = ERR(400, NULL, "both Transfer-Encoding and "
		    "Content-Length");
	else if (hc.te > 1 || (hc.te == 1 && ((te =
	    MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_TRANSFER_ENCODING)) == NULL ||
	    !serve_te_chunked(te))))
		*ret = ERR(501, NULL, "Transfer-Encoding: only chunked is "
		    "supported");
	else if (hc.cl_differ)
		*ret = ERR(400, NULL, "Content-Length headers that differ");
	else if (!serve_text_ok(url, strlen(url), 0, &at) || bad_arg)
		*ret = ERR(400, NULL, "the URL holds a control character or "
		    "invalid UTF-8");
	else {
		r->close = 0;
		return 0;
	}
	return -1;
}

/* 404 and 405 repeat the path: only its start (serve_echo). */
static enum MHD_Result
no_route(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *url, const char *method, const char *want)
{
	struct sbuf	 u = SBUF_INIT, m = SBUF_INIT;
	enum MHD_Result	 ret;

	serve_echo(&u, url);
	serve_echo(&m, method);
	if (want == NULL)
		ret = ERR(404, NULL, "no such endpoint: %s", u.buf);
	else
		ret = serve_respond_err(sv, c, r, 405, NULL,
		    MHD_HTTP_HEADER_ALLOW,
		    strcmp(want, "GET") == 0 ? "GET, HEAD" : want,
		    "%s takes %s, not %s", u.buf, want, m.buf);
	sbuf_release(&u);
	sbuf_release(&m);
	return ret;
}

/*
 * The first call of a request, once its headers are in and before any
 * of its body is read.  Whatever can refuse the request without its
 * body does so here (framing, route, method, key, rate limit, announced
 * size), so a refused upload is never read: libmicrohttpd discards it
 * and closes the connection after the answer.  MHD_YES with nothing
 * queued lets the body come.
 */
static enum MHD_Result
admit(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *url, const char *method, const char *version)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct worker	*w;
	enum MHD_Result	 ret = MHD_YES;
	const char	*want, *cl, *site_key;
	char		*end;
	unsigned long long len;
	int		 need_key = !sv->no_auth;
	enum auth	 auth;

	if (check_framing(sv, c, r, url, method, version, &ret) != 0)
		return ret;
	if (atomic_load(&sv->draining))
		return ERR(503, NULL, "shutting down");
	if (strcmp(method, "OPTIONS") == 0 && widget_route(r->route))
		return preflight(sv, c, r);
	want = route_method(r->route);
	if (want == NULL || (strcmp(method, want) != 0 &&
	    !(strcmp(want, "GET") == 0 && strcmp(method, "HEAD") == 0))) {
		if (over_limit(sv, c, r, &ret))
			return ret;
		return no_route(sv, c, r, url, method, want);
	}
	/* Health answers everyone, and is never limited. */
	if (r->route == ROUTE_HEALTHZ)
		return MHD_YES;
	/* Webhooks prove themselves by their signature (serve_api_webhook). */
	if (r->route == ROUTE_WEBHOOK)
		need_key = 0;
	/* The widget's own files are public, limited by address. */
	if (r->route == ROUTE_WIDGET) {
		if (over_limit(sv, c, r, &ret))
			return ret;
		return MHD_YES;
	}
	site_key = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    SERVE_SITE_HEADER);
	if (site_key != NULL && MHD_lookup_connection_value(c,
	    MHD_HEADER_KIND, MHD_HTTP_HEADER_AUTHORIZATION) == NULL) {
		if (admit_site(sv, c, r, site_key, &ret) != 0)
			return ret;
		need_key = 0;
	}
	if (r->route == ROUTE_METRICS) {
		if (sv->metrics == SERVE_METRICS_OPEN ||
		    (sv->metrics == SERVE_METRICS_LOCAL &&
		    serve_addr_loopback(r->ip)))
			return MHD_YES;
		need_key = 1;
	}
	if (need_key) {
		if ((w = serve_worker_get(sv, &err)) == NULL)
			auth = AUTH_ERROR;
		else
			auth = authenticate(c, w, &r->key_id, &err);
		if (auth == AUTH_ERROR) {
			r->key_id = 0;
			ret = serve_respond_fail(sv, c, r, &err, "");
			sd_error_clear(&err);
			return ret;
		}
		if (auth != AUTH_OK) {
			r->key_id = 0;
			if (over_limit(sv, c, r, &ret))
				return ret;
			return serve_respond_err(sv, c, r, 401, NULL,
			    MHD_HTTP_HEADER_WWW_AUTHENTICATE, auth ==
			    AUTH_MISSING ? "Bearer realm=\"shopdesk\"" :
			    "Bearer realm=\"shopdesk\", error=\"invalid_token\"",
			    auth == AUTH_MISSING ? "an API key is required: "
			    "Authorization: Bearer KEY" :
			    "unknown or revoked API key");
		}
	}
	if (over_limit(sv, c, r, &ret))
		return ret;
	/* Refuse a body announced too large before reading it. */
	cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (cl != NULL) {
		errno = 0;
		len = strtoull(cl, &end, 10);
		if (errno != 0 || len > SERVE_BODY_MAX)
			return ERR(413, NULL, "request body larger than %d "
			    "bytes", SERVE_BODY_MAX);
	}
	return MHD_YES;
}

/* The last call: the whole body is in r->body. */
static enum MHD_Result
dispatch(struct serve *sv, struct MHD_Connection *c, struct req *r,
    const char *url)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct worker	*w;
	enum MHD_Result	 ret;

	if (atomic_load(&sv->draining))
		return ERR(503, NULL, "shutting down");
	if (r->route == ROUTE_HEALTHZ)
		return serve_respond(sv, c, r, 200, "application/json",
		    xstrdup("{\"status\":\"ok\"}\n"), 16, NULL, NULL);
	if (r->route == ROUTE_METRICS)
		return serve_metrics(sv, c, r);
	if (r->route == ROUTE_WIDGET)
		return serve_api_widget(sv, c, r, url + strlen(WIDGET_PREFIX));
	if ((w = serve_worker_get(sv, &err)) == NULL) {
		ret = serve_respond_fail(sv, c, r, &err, "");
		sd_error_clear(&err);
		return ret;
	}
	switch (r->route) {
	case ROUTE_MESSAGE:
		return serve_api_message(sv, c, r, w);
	case ROUTE_HISTORY:
		return serve_api_history(sv, c, r, w,
		    url + strlen(HISTORY_PREFIX));
	case ROUTE_EVENTS:
		return serve_api_events(sv, c, r, w,
		    url + strlen(EVENTS_PREFIX));
	case ROUTE_NOTIFICATIONS:
		return serve_api_notifications(sv, c, r, w);
	case ROUTE_WEBHOOK:
		return serve_api_webhook(sv, c, r, w,
		    url + strlen(WEBHOOK_PREFIX));
	case ROUTE_FEEDBACK:
		return serve_api_feedback(sv, c, r, w);
	case ROUTE_ANALYTICS:
		return serve_api_analytics(sv, c, r, w);
	case ROUTE_DESK:
		return serve_api_desk(sv, c, r, w, url + strlen(DESK_PREFIX));
	default:
		return ERR(500, NULL, "unrouted request");
	}
}

/*
 * A body that grows past SERVE_BODY_MAX (chunked, so its size was not
 * announced and admit could not refuse it: 413), or that trickles in
 * past the body timeout (408).  libmicrohttpd 0.9.75 takes a response
 * only before a body is read or once all of it is, and an endless
 * upload has no end: write the answer on the socket here, then have the
 * library close the connection (MHD_NO), which it does without writing
 * anything more.  Nothing else was sent for this request, and earlier
 * ones on the connection were answered in full before it was read.
 */
static enum MHD_Result
refuse_upload(struct MHD_Connection *c, struct req *r, unsigned status,
    const char *reason, const char *error)
{
	const union MHD_ConnectionInfo *ci;
	struct sbuf	 body = SBUF_INIT, msg = SBUF_INIT;

	sbuf_adds(&body, "{\"error\":");
	sbuf_add_json_str(&body, error, strlen(error));
	sbuf_addf(&body, ",\"status\":%u}\n", status);
	sbuf_addf(&msg, "HTTP/1.1 %u %s\r\n"
	    "Content-Type: application/json\r\n"
	    "Content-Length: %zu\r\nConnection: close\r\n\r\n", status,
	    reason, body.len);
	sbuf_add(&msg, body.buf, body.len);
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
	if (ci != NULL && send(ci->connect_fd, msg.buf, msg.len,
	    MSG_NOSIGNAL | MSG_DONTWAIT) == (ssize_t)msg.len) {
		r->status = status;
		r->bytes = body.len;
	}
	sbuf_release(&body);
	sbuf_release(&msg);
	return MHD_NO;
}

/* A copy for the access log: a decoded URL may hold newlines or quotes. */
static char *
log_safe(const char *s)
{
	char	*p, *copy = xstrdup(s);

	for (p = copy; *p != '\0'; p++)
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '"')
			*p = '?';
	return copy;
}

/* The connection's entry in sv->conns (see serve_on_connection). */
static struct serve_conn *
conn_of(struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *ci;

	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	return ci != NULL ? ci->socket_context : NULL;
}

static struct req *
req_new(struct MHD_Connection *c, const char *url, const char *method)
{
	struct req	*r = xcalloc(1, sizeof *r);
	const union MHD_ConnectionInfo *ci;

	sbuf_init(&r->body);
	r->start_us = serve_mono_us();
	r->method = log_safe(method);
	r->path = log_safe(url);
	r->route = route_of(url);
	strcpy(r->ip, "-");
	ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci != NULL && ci->client_addr != NULL) {
		if (ci->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)
			    ci->client_addr)->sin_addr, r->ip, sizeof r->ip);
		else if (ci->client_addr->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)
			    ci->client_addr)->sin6_addr, r->ip, sizeof r->ip);
	}
	return r;
}

enum MHD_Result
serve_on_request(void *cls, struct MHD_Connection *c, const char *url,
    const char *method, const char *version, const char *upload,
    size_t *upload_size, void **con_cls)
{
	struct serve	*sv = cls;
	struct req	*r = *con_cls;
	struct serve_conn *cn;

	if (r == NULL) {
		*con_cls = r = req_new(c, url, method);
		atomic_fetch_add(&sv->inflight, 1);
		if ((cn = conn_of(c)) != NULL)
			serve_conn_busy(cn);
		return admit(sv, c, r, url, method, version);
	}
	if (*upload_size > 0) {
		if (r->status == 0 &&
		    *upload_size > SERVE_BODY_MAX - r->body.len)
			return refuse_upload(c, r, 413, "Content Too Large",
			    "request body larger than 64 KiB");
		/*
		 * A body that trickles in keeps the connection from ever
		 * being idle, and the header deadline is over: its own.
		 */
		if (r->status == 0 && sv->body_timeout > 0 &&
		    serve_mono_us() - r->start_us > sv->body_timeout * 1e6)
			return refuse_upload(c, r, 408, "Request Timeout",
			    "request body too slow");
		if (r->status == 0)
			sbuf_add(&r->body, upload, *upload_size);
		*upload_size = 0;
		return MHD_YES;
	}
	if (r->status != 0)	/* answered by admit */
		return MHD_YES;
	return dispatch(sv, c, r, url);
}

static size_t
status_index(unsigned status)
{
	size_t	 i;

	for (i = 0; i < NSTATUS; i++)
		if (status_codes[i] == status)
			return i;
	return NSTATUS;
}

void
serve_on_completed(void *cls, struct MHD_Connection *c, void **con_cls,
    enum MHD_RequestTerminationCode toe)
{
	struct serve	*sv = cls;
	struct req	*r = *con_cls;
	struct serve_conn *cn;
	struct timespec	 ts;
	struct tm	 tm;
	char		 when[40];
	long long	 us;

	if (r == NULL)
		return;
	*con_cls = NULL;
	us = serve_mono_us() - r->start_us;
	/* The next request's headers are due within header_timeout. */
	if ((cn = conn_of(c)) != NULL)
		serve_conn_idle(cn, serve_mono_us() / 1e6);
	atomic_fetch_add(&sv->requests[r->route][status_index(r->status)], 1);
	if (sv->log != NULL) {
		clock_gettime(CLOCK_REALTIME, &ts);
		gmtime_r(&ts.tv_sec, &tm);
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%S", &tm);
		pthread_mutex_lock(&sv->log_mu);
		fprintf(sv->log, "%s.%03ldZ %s \"%s %s\" %u %zu %lldus "
		    "key=%lld%s%s%s%s\n", when, ts.tv_nsec / 1000000, r->ip,
		    r->method, r->path, r->status, r->bytes, us, r->key_id,
		    toe == MHD_REQUEST_TERMINATED_COMPLETED_OK ? "" :
		    " aborted", r->note != NULL ? " refused=\"" : "",
		    r->note != NULL ? r->note : "", r->note != NULL ? "\"" :
		    "");
		fflush(sv->log);
		pthread_mutex_unlock(&sv->log_mu);
	}
	sbuf_release(&r->body);
	serve_site_release(&r->site);
	free(r->method);
	free(r->path);
	free(r);
	atomic_fetch_sub(&sv->inflight, 1);
}

/* Each connection has an entry in sv->conns while it is open. */
void
serve_on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
    enum MHD_ConnectionNotificationCode code)
{
	struct serve	*sv = cls;
	const union MHD_ConnectionInfo *ci;

	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		ci = MHD_get_connection_info(c,
		    MHD_CONNECTION_INFO_CONNECTION_FD);
		if (ci != NULL)
			*socket_context = serve_conns_add(sv->conns,
			    ci->connect_fd, serve_mono_us() / 1e6);
	} else if (*socket_context != NULL) {
		/* Called before the library closes the socket. */
		serve_conns_remove(sv->conns, *socket_context);
		*socket_context = NULL;
	}
}

/*
 * Paths and query arguments are decoded as libmicrohttpd does, except
 * that %00 becomes DEL instead of ending the text unseen ("/a%00b" would
 * route as "/a"): check_framing refuses control characters, so such a
 * request is answered 400.
 */
size_t
serve_unescape(void *cls, struct MHD_Connection *c, char *s)
{
	size_t	 n = MHD_http_unescape(s), i;

	(void)cls;
	(void)c;
	for (i = 0; i < n; i++)
		if (s[i] == '\0')
			s[i] = 0x7f;
	return n;
}

void
serve_on_mhd_log(void *cls, const char *fmt, va_list ap)
{
	struct serve	*sv = cls;

	if (sv->log == NULL)
		return;
	pthread_mutex_lock(&sv->log_mu);
	fputs("microhttpd: ", sv->log);
	vfprintf(sv->log, fmt, ap);
	fflush(sv->log);
	pthread_mutex_unlock(&sv->log_mu);
}

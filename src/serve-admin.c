/*
 * serve-admin.c: the endpoints no customer calls.  Webhooks from the
 * shop's own systems (POST /api/webhooks/SOURCE), the agent desk
 * (POST /api/desk/ACTION), analytics (GET /api/chat/analytics) and the
 * server's metrics (GET /metrics).  Kept apart from the chat endpoints
 * because who may call them is decided differently (a signature, an
 * agent's key, the metrics setting), and because none of them runs a
 * turn.
 */
#include "config.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <microhttpd.h>

#include "shopdesk.h"
#include "analytics.h"
#include "apikey.h"
#include "sbuf.h"
#include "serve-check.h"
#include "serve-desk.h"
#include "serve-int.h"
#include "serve-limit.h"
#include "serve-triggers.h"
#include "store.h"
#include "trigger.h"
#include "webhook.h"

static const char *const route_names[ROUTE_COUNT] = {
	"message", "history", "feedback", "analytics", "desk", "healthz",
	"metrics", "widget", "events", "notifications", "webhook", "other"
};

/*
 * An update from the shop's own systems (webhook.c), signed with the
 * source's secret.  Platforms retry until they get a 2xx, so an event
 * applied before, a topic not applied, or an unknown order or product
 * are all answered 200/202 with what happened; a bad signature is 401
 * and logged.  A product back in stock runs the triggers at once.
 */
enum MHD_Result
serve_api_webhook(struct serve *sv, struct MHD_Connection *c, struct req *r,
    struct worker *w, const char *name)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct webhook_result wr;
	enum webhook_source src;
	enum MHD_Result	 ret;
	const char	*sig, *event, *topic, *status;
	cJSON		*o;
	enum sd_rc	 rc;

	if (webhook_source_of(name, &src) != 0)
		return ERR(404, NULL, "no webhook source \"%.*s\" "
		    "(woocommerce, shopify)", SERVE_ECHO_MAX, name);
	if (sv->webhook_secrets[src] == NULL)
		return ERR(404, NULL, "webhooks from %s are not configured "
		    "(see shopdesk(1), WEBHOOKS)", name);
	sig = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    webhook_header_signature(src));
	if (!webhook_verify(sv->webhook_secrets[src], r->body.buf, r->body.len,
	    sig)) {
		r->note = "bad webhook signature";
		return ERR(401, NULL, "%s: missing or wrong signature",
		    webhook_header_signature(src));
	}
	event = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    webhook_header_event(src));
	topic = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
	    webhook_header_topic(src));
	if (event == NULL || *event == '\0' || topic == NULL)
		return ERR(400, NULL, "%s and %s are required",
		    webhook_header_event(src), webhook_header_topic(src));
	rc = webhook_apply(w->st, src, event, topic, r->body.buf, r->body.len,
	    &wr, &err);
	if (rc == SD_ERR_PARSE) {
		ret = ERR(400, NULL, "%s", sd_error_msg(&err));
		goto out;
	}
	if (rc != SD_OK && rc != SD_ERR_NOTFOUND) {
		ret = serve_respond_fail(sv, c, r, &err, "webhook: ");
		goto out;
	}
	if (wr.restocked)
		serve_triggers_poke(sv->triggers);
	status = rc == SD_ERR_NOTFOUND ? "not_found" : wr.duplicate ?
	    "duplicate" : wr.ignored ? "ignored" : "applied";
	o = cJSON_CreateObject();
	cJSON_AddStringToObject(o, "status", status);
	cJSON_AddStringToObject(o, "detail", rc == SD_ERR_NOTFOUND ?
	    sd_error_msg(&err) : wr.what != NULL ? wr.what : "");
	ret = serve_respond_json(sv, c, r, wr.ignored ? 202 : 200, o);
	cJSON_Delete(o);
out:
	webhook_result_release(&wr);
	sd_error_clear(&err);
	return ret;
}

/*
 * The agent desk (serve-desk.c): only a key with the agent role acts,
 * as its agent; a customer's key is refused with 403.
 */
enum MHD_Result
serve_api_desk(struct serve *sv, struct MHD_Connection *c, struct req *r,
    struct worker *w, const char *action)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct serve_desk_reply dr;
	enum MHD_Result	 ret = MHD_NO;
	char		*agent = NULL;
	cJSON		*o;

	if ((o = serve_parse_body(sv, c, r, &ret)) == NULL)
		return ret;
	if (apikey_agent(w->st, r->key_id, &agent, &err) != SD_OK) {
		ret = serve_respond_fail(sv, c, r, &err, "");
		sd_error_clear(&err);
	} else if (agent == NULL)
		ret = ERR(403, NULL, "this key has no agent role (shopdesk "
		    "apikey create --agent NAME)");
	else {
		serve_desk(w->st, action, agent, o, &dr);
		ret = dr.status < 400 ? serve_respond_json(sv, c, r, dr.status,
		    dr.body) : ERR(dr.status, dr.field, "%s", dr.error.buf);
		serve_desk_reply_release(&dr);
	}
	free(agent);
	cJSON_Delete(o);
	return ret;
}

/*
 * One analytics call at a time: over whole days it reads the running
 * totals (a few ms), but a range cut inside a day walks every message
 * in it (0.28 s at 177,000), and four at once held every core and
 * worker the turns needed.  The others are told to retry.
 */
static pthread_mutex_t	 analytics_busy = PTHREAD_MUTEX_INITIALIZER;

enum MHD_Result
serve_api_analytics(struct serve *sv, struct MHD_Connection *c, struct req *r,
    struct worker *w)
{
	struct sd_error	 err = SD_ERROR_INIT;
	enum MHD_Result	 ret;
	const char	*fa, *ta;
	char		*from = NULL, *to = NULL;
	cJSON		*o = NULL;
	long long	 scope = r->key_id;
	int		 admin = 0;

	/* A key sees its own sessions' figures; an admin key, all. */
	if (scope > 0 && apikey_is_admin(w->st, scope, &admin, &err) != SD_OK) {
		ret = ERR(500, NULL, "%s", sd_error_msg(&err));
		sd_error_clear(&err);
		return ret;
	}
	if (admin)
		scope = 0;
	fa = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "from");
	ta = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND, "to");
	if (fa != NULL && *fa != '\0' &&
	    analytics_parse_bound(fa, 0, &from, &err) != SD_OK)
		ret = ERR(400, "from", "from: %s", sd_error_msg(&err));
	else if (ta != NULL && *ta != '\0' &&
	    analytics_parse_bound(ta, 1, &to, &err) != SD_OK)
		ret = ERR(400, "to", "to: %s", sd_error_msg(&err));
	else if (pthread_mutex_trylock(&analytics_busy) != 0)
		ret = serve_respond_err(sv, c, r, 503, NULL,
		    MHD_HTTP_HEADER_RETRY_AFTER, "1", "analytics: another call "
		    "is being computed; retry in 1 s");
	else {
		/* Proactive messages are the shop's, not one key's. */
		if (analytics_compute(w->st, from, to, scope, &o, &err) !=
		    SD_OK || (scope == 0 && trigger_report_json(w->st,
		    TRIGGER_CONVERT_DAYS, o, &err) != SD_OK))
			ret = ERR(500, NULL, "%s", sd_error_msg(&err));
		else
			ret = serve_respond_json(sv, c, r, 200, o);
		pthread_mutex_unlock(&analytics_busy);
	}
	cJSON_Delete(o);
	free(from);
	free(to);
	sd_error_clear(&err);
	return ret;
}

enum MHD_Result
serve_metrics(struct serve *sv, struct MHD_Connection *c, struct req *r)
{
	struct sbuf	 sb = SBUF_INIT;
	unsigned long long cum = 0, n;
	size_t		 i, j, len;

	sbuf_adds(&sb, "# HELP shopdesk_http_requests_total HTTP requests "
	    "answered, by route and status.\n"
	    "# TYPE shopdesk_http_requests_total counter\n");
	for (i = 0; i < ROUTE_COUNT; i++)
		for (j = 0; j <= NSTATUS; j++) {
			n = atomic_load(&sv->requests[i][j]);
			if (n == 0)
				continue;
			sbuf_addf(&sb, "shopdesk_http_requests_total{route="
			    "\"%s\",code=\"%s%u\"} %llu\n", route_names[i],
			    j < NSTATUS ? "" : "other", j < NSTATUS ?
			    status_codes[j] : 0, n);
		}
	sbuf_adds(&sb, "# HELP shopdesk_turn_duration_seconds Time of a "
	    "conversation turn (engine and store).\n"
	    "# TYPE shopdesk_turn_duration_seconds histogram\n");
	for (i = 0; i <= NLAT; i++) {
		cum += atomic_load(&sv->turn_hist[i]);
		if (i < NLAT)
			sbuf_addf(&sb, "shopdesk_turn_duration_seconds_bucket"
			    "{le=\"%g\"} %llu\n", lat_bounds[i] / 1e6, cum);
		else
			sbuf_addf(&sb, "shopdesk_turn_duration_seconds_bucket"
			    "{le=\"+Inf\"} %llu\n", cum);
	}
	sbuf_addf(&sb, "shopdesk_turn_duration_seconds_sum %.6f\n"
	    "shopdesk_turn_duration_seconds_count %llu\n",
	    atomic_load(&sv->turn_sum_us) / 1e6, cum);
	sbuf_addf(&sb, "# HELP shopdesk_turns_total Turns answered.\n"
	    "# TYPE shopdesk_turns_total counter\n"
	    "shopdesk_turns_total %llu\n"
	    "# HELP shopdesk_sessions_created_total Sessions opened over "
	    "the API.\n"
	    "# TYPE shopdesk_sessions_created_total counter\n"
	    "shopdesk_sessions_created_total %llu\n"
	    "# HELP shopdesk_rate_limited_total Requests answered 429.\n"
	    "# TYPE shopdesk_rate_limited_total counter\n"
	    "shopdesk_rate_limited_total %llu\n"
	    "# HELP shopdesk_http_requests_in_flight Requests being served.\n"
	    "# TYPE shopdesk_http_requests_in_flight gauge\n"
	    "shopdesk_http_requests_in_flight %ld\n"
	    "# HELP shopdesk_engines Engines open (one per worker thread).\n"
	    "# TYPE shopdesk_engines gauge\n"
	    "shopdesk_engines %llu\n"
	    "# HELP shopdesk_worker_threads Worker threads.\n"
	    "# TYPE shopdesk_worker_threads gauge\n"
	    "shopdesk_worker_threads %d\n"
	    "# HELP shopdesk_checkpoints_total WAL checkpoints run by the"
	    " checkpoint thread.\n"
	    "# TYPE shopdesk_checkpoints_total counter\n"
	    "shopdesk_checkpoints_total %llu\n",
	    atomic_load(&sv->turns), atomic_load(&sv->sessions_created),
	    atomic_load(&sv->rate_limited), atomic_load(&sv->inflight),
	    atomic_load(&sv->engines), sv->threads,
	    atomic_load(&sv->checkpoints));
	sbuf_addf(&sb, "# HELP shopdesk_header_timeouts_total Connections "
	    "closed for sending a request's headers too slowly.\n"
	    "# TYPE shopdesk_header_timeouts_total counter\n"
	    "shopdesk_header_timeouts_total %llu\n"
	    "# HELP shopdesk_busy_total Requests answered 503 because the "
	    "database was locked.\n"
	    "# TYPE shopdesk_busy_total counter\n"
	    "shopdesk_busy_total %llu\n"
	    "# HELP shopdesk_http_connections Connections open.\n"
	    "# TYPE shopdesk_http_connections gauge\n"
	    "shopdesk_http_connections %zu\n",
	    atomic_load(&sv->header_timeouts), atomic_load(&sv->busy),
	    serve_conns_count(sv->conns));
	len = sb.len;
	return serve_respond(sv, c, r, 200, "text/plain; version=0.0.4",
	    sbuf_detach(&sb, NULL), len, NULL, NULL);
}

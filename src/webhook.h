/*
 * webhook.h: updates pushed by the shop's own systems.  WooCommerce
 * (REST API v3 webhooks) and Shopify (Admin API webhooks) post an
 * order, product or customer as JSON, signed with a shared secret: the
 * base64 HMAC-SHA-256 of the raw body (X-WC-Webhook-Signature,
 * X-Shopify-Hmac-Sha256), with an event id (X-WC-Webhook-Delivery-ID,
 * X-Shopify-Webhook-Id) and a topic (X-WC-Webhook-Topic,
 * X-Shopify-Topic).  Each event is applied once.
 */
#ifndef WEBHOOK_H
#define WEBHOOK_H

#include <stddef.h>

#include "shopdesk.h"

struct store;
struct cJSON;

enum webhook_source {
	WEBHOOK_WOOCOMMERCE,
	WEBHOOK_SHOPIFY,
	WEBHOOK_NSOURCES
};

/* The source named name ("woocommerce", "shopify"): 0, or -1. */
int		 webhook_source_of(const char *name, enum webhook_source *);
const char	*webhook_source_name(enum webhook_source);
/* The request headers of a source's signature, event id and topic. */
const char	*webhook_header_signature(enum webhook_source);
const char	*webhook_header_event(enum webhook_source);
const char	*webhook_header_topic(enum webhook_source);

/*
 * Whether sig (base64, as sent) is the HMAC-SHA-256 of body[0..n)
 * under secret; compared in constant time.
 */
int		 webhook_verify(const char *secret, const void *body, size_t n,
		    const char *sig);

/*
 * The secret of each source: SHOPDESK_WOOCOMMERCE_WEBHOOK_SECRET and
 * SHOPDESK_SHOPIFY_WEBHOOK_SECRET, else the lines
 * "woocommerce.webhook_secret = ..." of path (NULL: none), which must be
 * readable by its owner only (SD_ERR_INVALID otherwise; a missing file
 * is no error).  secrets[i] NULL: the source is not configured.
 */
enum sd_rc	 webhook_secrets(const char *path,
		    char *secrets[WEBHOOK_NSOURCES], struct sd_error *);

/*
 * The store's status for an order as a source sends it (a WooCommerce
 * or Shopify order object), or NULL when it has none.
 */
const char	*webhook_order_status(enum webhook_source,
		    const struct cJSON *order);

/*
 * The number under key k of object o, or a string holding one (the
 * platforms send prices as strings); def when neither.
 */
double		 webhook_json_amount(const struct cJSON *o, const char *k,
		    double def);

/* What an event did. */
struct webhook_result {
	int		 duplicate;	/* applied before: nothing done */
	int		 ignored;	/* a topic this does not apply */
	int		 restocked;	/* a product went from 0 to stock */
	char		*what;		/* for the answer and the log */
};
void		 webhook_result_release(struct webhook_result *);

/*
 * Apply event (topic, body) of source once: an order's status, a
 * product's price and stock (by SKU), a customer's name and phone (by
 * email).  SD_ERR_PARSE for a body that is not the JSON the topic
 * promises; SD_ERR_NOTFOUND for an order, product or customer the store
 * does not have (recorded as done: a retry would not find it either).
 */
enum sd_rc	 webhook_apply(struct store *, enum webhook_source,
		    const char *event_id, const char *topic, const char *body,
		    size_t n, struct webhook_result *, struct sd_error *);

#endif

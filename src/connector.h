/*
 * connector.h: pulling the shop's catalog, stock, customers and orders
 * from the system that runs the shop: WooCommerce (REST API v3) and
 * Shopify (Admin REST API), over HTTP with libcurl.  Each source is read
 * page by page (WooCommerce's X-WP-TotalPages, Shopify's Link rel=next),
 * slowing down when the source says so (429 with Retry-After, Shopify's
 * call-limit header), retrying failures a few times, and only what
 * changed since the last sync.  The records become the store's own
 * (through ingest), so a sync is an upsert by SKU and id.
 */
#ifndef CONNECTOR_H
#define CONNECTOR_H

#include "shopdesk.h"
#include "webhook.h"

struct store;

struct connector_config {
	enum webhook_source source;
	char		*url;		/* the shop's base URL */
	char		*key;		/* WooCommerce consumer key; Shopify
					   access token */
	char		*secret;	/* WooCommerce consumer secret */
};
void		 connector_config_release(struct connector_config *);

/*
 * The settings of source name: SHOPDESK_WOOCOMMERCE_URL, _KEY, _SECRET
 * or SHOPDESK_SHOPIFY_URL, _TOKEN; else the lines "woocommerce.url = ",
 * ".key", ".secret" / "shopify.url", ".token" of path (readable by its
 * owner only).  SD_ERR_USAGE for an unknown source, SD_ERR_INVALID when
 * something is missing.
 */
enum sd_rc	 connector_config_load(const char *path, const char *name,
		    struct connector_config *, struct sd_error *);

struct sync_stats {
	long long	 requests;	/* HTTP requests made */
	long long	 retries;	/* of them, repeated after 429 or 5xx */
	long long	 products, customers, orders;	/* records pulled */
	long long	 skipped;	/* records the store cannot take (a
					   product without SKU, a guest order) */
	char		*since;		/* the previous sync, or NULL: all */
};
void		 sync_stats_release(struct sync_stats *);

/*
 * Pull everything changed since the last sync of this source into the
 * store (all of it the first time), then remember this sync's start.
 * tmpdir holds the records while they are checked and loaded.  A
 * failure leaves the store as it was and the last sync unchanged.
 */
enum sd_rc	 connector_sync(struct store *, const struct connector_config *,
		    const char *tmpdir, struct sync_stats *,
		    struct sd_error *);

/* What the source said to a cancellation. */
enum push_result {
	PUSH_ACCEPTED,
	PUSH_REFUSED,		/* the source said no: why says why */
	PUSH_LOCAL		/* the order is not from a connected system */
};

/*
 * Cancel order_id in the system it came from (sources: the settings
 * file, as connector_config_load).  *why (caller frees) gets the
 * source's reason when it refused.  SD_ERR_NET when the source cannot
 * be asked: the order must then not be cancelled here either.
 */
enum sd_rc	 connector_push_cancel(struct store *, const char *sources,
		    const char *order_id, enum push_result *, char **why,
		    struct sd_error *);

#endif

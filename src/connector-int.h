/*
 * connector-int.h: what the parts of the connector share.  connector.c
 * pulls pages and syncs; connector-http.c makes the requests;
 * connector-map.c turns the source's records into the store's.  Not for
 * other modules.
 */
#ifndef CONNECTOR_INT_H
#define CONNECTOR_INT_H

#include <stdio.h>

#include <cjson/cJSON.h>
#include <curl/curl.h>

#include "sbuf.h"

struct connector_config;
struct sync_stats;

/* One reply of the source's API. */
struct reply {
	struct sbuf	 body;
	long		 status;
	double		 retry_after;	/* seconds; -1: not said */
	long		 total_pages;	/* X-WP-TotalPages; 0: not said */
	char		*next;		/* Link rel="next", or NULL */
	int		 calls, limit;	/* X-Shopify-Shop-Api-Call-Limit */
};

/* curl's write callback: appends to the struct reply's body. */
size_t		 connector_on_body(char *p, size_t size, size_t n, void *arg);
/*
 * GET url into r (initialised by the caller), with the source's
 * credentials, retrying on a rate limit or a server error.
 */
enum sd_rc	 connector_get(CURL *, const struct connector_config *,
		    const char *url, struct reply *r, struct sync_stats *,
		    struct sd_error *);

/* One record of the source as a line of the store's JSON in f. */
void		 connector_woo_product(FILE *f, const cJSON *p,
		    struct sync_stats *);
void		 connector_shopify_product(FILE *f, const cJSON *p,
		    struct sync_stats *);
/* prefix names the source in the customer's id; addr is the address. */
void		 connector_customer(FILE *f, const cJSON *c,
		    const char *prefix, const cJSON *addr, struct sync_stats *);
/* An order; map gets its "id\tsource id" line. */
void		 connector_order(FILE *f, const struct connector_config *,
		    const cJSON *o, struct sbuf *map, struct sync_stats *);

#endif

/*
 * serve-site.h: what the HTTP server does for the chat widget that a
 * shop embeds in its pages (site.c has the sites): admitting a widget's
 * request by its site key, the page's origin and the customer's signed
 * identity, and the widget's own files with their security headers.
 * Plain functions over the store and the file system, free of
 * libmicrohttpd, so the unit tests call them directly.
 */
#ifndef SERVE_SITE_H
#define SERVE_SITE_H

#include <stddef.h>
#include <time.h>

#include "sbuf.h"
#include "shopdesk.h"

struct store;
struct cJSON;

/* The request headers a widget sends. */
#define SERVE_SITE_HEADER	"X-Shopdesk-Site"
#define SERVE_IDENTITY_HEADER	"X-Shopdesk-Identity"

/* A widget request that was admitted. */
struct serve_site {
	long long	 site_id;
	char		*customer;	/* verified; NULL: anonymous */
	char		*origin;	/* the page's, for CORS */
};
void		 serve_site_release(struct serve_site *);

/*
 * Admit a widget request: key is the site's public key, origin the
 * browser's Origin header (NULL when absent), identity the signed token
 * (NULL: an anonymous visitor).  Returns 0 with *ws filled, or the HTTP
 * status to refuse with and the reason in why: 401 for an unknown or
 * revoked site key, a bad signature or an expired or malformed token;
 * 403 for a missing or foreign origin; 500 (err set) when the store
 * fails.
 */
unsigned	 serve_site_admit(struct store *, const char *key,
		    const char *origin, const char *identity, time_t now,
		    struct serve_site *ws, struct sbuf *why,
		    struct sd_error *);

/*
 * The anonymous user id of a widget session: "visitor-" and the start
 * of the session's random id (caller frees).  It names no customer, so
 * the engine finds no orders, cart or account for it.
 */
char		*serve_site_visitor(const char *session_id);

/*
 * A file of the widget, name as requested under /widget/: letters,
 * digits, '-' and '_', one dot and an extension of js, css, html, svg
 * or png (SD_ERR_NOTFOUND for anything else, so that no path leaves
 * share_dir/widget).  *body (caller frees), *len and *ctype on SD_OK.
 */
enum sd_rc	 serve_widget_file(const char *share_dir, const char *name,
		    char **body, size_t *len, const char **ctype,
		    struct sd_error *);

/*
 * The Content-Security-Policy of the widget's pages: scripts, styles
 * and requests from this server only, no inline script, framed only by
 * frame_ancestors (NULL: 'self').
 */
char		*serve_widget_csp(const char *frame_ancestors);

/*
 * The products a reply cites, as cards a front end shows: sku, name,
 * price, list_price (on sale when above price), stock, rating and
 * review count, in citation order, each once.  Products that no longer
 * exist are left out.
 */
struct cJSON	*serve_product_cards(struct store *,
		    const struct cJSON *citations);

#endif

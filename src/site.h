/*
 * site.h: the web sites that embed the chat widget.  A site has a public
 * key (in the page, sent with every widget request), the origins its
 * pages are served from (checked against the browser's Origin header),
 * and a secret the shop's backend signs its customers' ids with, so that
 * a browser can prove who is signed in without holding an API key.
 *
 * An identity token is "CUSTOMER.EXPIRES.SIGNATURE": EXPIRES is a Unix
 * time in seconds and SIGNATURE the lower-case hex HMAC-SHA-256 of
 * "CUSTOMER.EXPIRES" under the site's secret (the scheme of Intercom's
 * identity verification, with an expiry).
 */
#ifndef SITE_H
#define SITE_H

#include <stddef.h>
#include <time.h>

#include "shopdesk.h"

struct store;

/* A stored site.  secret is NULL unless asked for (site_lookup). */
struct site_info {
	long long	 id;
	char		*name;
	char		*public_key;
	char		*secret;
	char		*origins;	/* space-separated, e.g.
					   "https://shop.example" */
	char		*created_at;
	char		*revoked_at;	/* NULL while valid */
};
void		 site_info_release(struct site_info *);

/*
 * Create a site: origins is a space- or comma-separated list of
 * "scheme://host[:port]" (SD_ERR_INVALID otherwise, or when empty).
 * *public_key and *secret get the new keys (caller frees); the secret is
 * shown once by the command that calls this.
 */
enum sd_rc	 site_create(struct store *, const char *name,
		    const char *origins, long long *id, char **public_key,
		    char **secret, struct sd_error *);
/* Every site, oldest first, without secrets. */
enum sd_rc	 site_list(struct store *, struct site_info **out, size_t *n,
		    struct sd_error *);
/* Revoke site id: SD_ERR_NOTFOUND, or SD_ERR_INVALID if revoked. */
enum sd_rc	 site_revoke(struct store *, long long id, struct sd_error *);
/* The secret of site id (for "site sign"); SD_ERR_NOTFOUND. */
enum sd_rc	 site_secret(struct store *, long long id, char **secret,
		    struct sd_error *);

/*
 * The valid (unrevoked) site whose public key is key, secret included:
 * SD_OK, SD_ERR_NOTFOUND when there is none, SD_ERR_DB.
 */
enum sd_rc	 site_lookup(struct store *, const char *key,
		    struct site_info *, struct sd_error *);

/* Whether origin is one of the site's origins (exact, case-insensitive
 * on scheme and host). */
int		 site_origin_ok(const struct site_info *, const char *origin);
/* Whether any valid site allows origin (for CORS preflights, which
 * carry no site key): 1, 0, or -1 on a database error. */
int		 site_origin_known(struct store *, const char *origin,
		    struct sd_error *);

/*
 * The token for customer, valid until expires, under secret (caller
 * frees).  What the shop's backend computes; "site sign" and the tests
 * use it.
 */
char		*site_sign(const char *secret, const char *customer,
		    long long expires);
/*
 * Check token under secret at time now: SD_OK with *customer set
 * (caller frees); SD_ERR_INVALID with the reason in err: malformed,
 * expired, or a signature that does not match.
 */
enum sd_rc	 site_verify(const char *secret, const char *token,
		    time_t now, char **customer, struct sd_error *);

/*
 * Record that site_id opened session_id for customer (NULL: an
 * anonymous visitor).  Inside the transaction that creates the session.
 */
enum sd_rc	 site_session_claim(struct store *, const char *session_id,
		    long long site_id, const char *customer,
		    struct sd_error *);
/*
 * Whether a widget of site_id signed in as customer (NULL: anonymous)
 * may use session_id: SD_OK if the site opened it for that same
 * customer, SD_ERR_NOTFOUND otherwise (another site's, another
 * customer's, or no such session look alike).  *user_id gets the
 * session's user when not NULL (caller frees).
 */
enum sd_rc	 site_session_check(struct store *, const char *session_id,
		    long long site_id, const char *customer, char **user_id,
		    struct sd_error *);
/*
 * Let a widget of site_id signed in as customer use session_id when it
 * is that customer's and no site opened it (a proactive message's
 * session): *ok is 1 when it may use it now.
 */
enum sd_rc	 site_session_adopt(struct store *, const char *session_id,
		    long long site_id, const char *customer, int *ok,
		    struct sd_error *);
/* The session of message id when a widget of site_id may see it (as
 * site_session_check), else SD_ERR_NOTFOUND. */
enum sd_rc	 site_message_check(struct store *, long long message_id,
		    long long site_id, const char *customer,
		    struct sd_error *);

#endif

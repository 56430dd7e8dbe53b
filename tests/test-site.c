/*
 * Unit tests for site.c: identity tokens (valid, wrong signature,
 * expired, signed for another customer, malformed), origins, and which
 * sessions and messages a site's widget may see.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "crypto.h"
#include "history.h"
#include "site.h"
#include "store.h"
#include "tap.h"

#define NOW	1900000000LL

static void
verify_is(const char *secret, const char *tok, enum sd_rc want,
    const char *want_customer, const char *why, const char *what)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*who = NULL;
	enum sd_rc	 rc;

	rc = site_verify(secret, tok, (time_t)NOW, &who, &err);
	is_int(rc, want, "%s", what);
	if (want == SD_OK)
		is_str(who, want_customer, "%s: the customer", what);
	else {
		ok(who == NULL, "%s: no customer", what);
		ok(strstr(sd_error_msg(&err), why) != NULL, "%s: says \"%s\""
		    " (%s)", what, why, sd_error_msg(&err));
	}
	free(who);
	sd_error_clear(&err);
}

static void
test_tokens(void)
{
	const char	*secret = "sk_test", *other = "sk_other";
	char		*t, *u, *forged;
	char		 mac[CRYPTO_HEX_LEN];

	t = site_sign(secret, "C1001", NOW + 60);
	/* The scheme, computed independently of site_sign. */
	crypto_hmac_sha256_hex(secret, strlen(secret), "C1001.1900000060",
	    16, mac);
	u = xasprintf("C1001.1900000060.%s", mac);
	is_str(t, u, "the token is CUSTOMER.EXPIRES.HMAC-SHA-256 hex");
	verify_is(secret, t, SD_OK, "C1001", NULL, "a valid token");
	verify_is(other, t, SD_ERR_INVALID, NULL, "does not match",
	    "a token signed with another site's secret");
	free(u);

	/* Another customer's id with this signature. */
	forged = xstrdup(t);
	forged[4] = '2';
	verify_is(secret, forged, SD_ERR_INVALID, NULL, "does not match",
	    "a token edited to name another customer");
	free(forged);
	/* A later expiry with the old signature. */
	forged = xstrdup(t);
	forged[strlen("C1001.19000000")] = '9';
	verify_is(secret, forged, SD_ERR_INVALID, NULL, "does not match",
	    "a token edited to expire later");
	free(forged);
	free(t);

	t = site_sign(secret, "C1001", NOW);
	verify_is(secret, t, SD_ERR_INVALID, NULL, "expired",
	    "a token at its expiry");
	free(t);
	t = site_sign(secret, "C1001", NOW - 3600);
	verify_is(secret, t, SD_ERR_INVALID, NULL, "expired",
	    "a token expired an hour ago");
	free(t);

	/* Dots in the customer id: the last two fields are fixed. */
	t = site_sign(secret, "jane.doe@example.com", NOW + 1);
	verify_is(secret, t, SD_OK, "jane.doe@example.com", NULL,
	    "a customer id with dots");
	free(t);

	verify_is(secret, "", SD_ERR_INVALID, NULL, "malformed",
	    "an empty token");
	verify_is(secret, "C1001", SD_ERR_INVALID, NULL, "malformed",
	    "a bare customer id");
	verify_is(secret, "C1001.abc.00", SD_ERR_INVALID, NULL, "malformed",
	    "a token whose expiry is not a number");
	verify_is(secret, ".1900000060.00", SD_ERR_INVALID, NULL,
	    "malformed", "a token without a customer");
	verify_is(secret, "C1001.1900000060.", SD_ERR_INVALID, NULL,
	    "does not match", "a token without a signature");
}

static void
test_sites(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct site_info si, *v = NULL;
	struct session_info ss;
	struct store	*st;
	char		*dir = tap_tmpdir(), *path, *pk = NULL, *sk = NULL;
	char		*pk2 = NULL, *sk2 = NULL, *user = NULL;
	long long	 id = 0, id2 = 0, mid = 0;
	size_t		 n = 0;
	int		 created;

	path = xasprintf("%s/sites.db", dir);
	if ((st = store_open(path, NULL, &err)) == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		exit(1);
	}
	is_int(site_create(st, "x", "ftp://shop.example", &id, &pk, &sk,
	    &err), SD_ERR_INVALID, "an origin must be http(s)");
	sd_error_clear(&err);
	is_int(site_create(st, "x", "https://shop.example/page", &id, &pk,
	    &sk, &err), SD_ERR_INVALID, "an origin has no path");
	sd_error_clear(&err);
	is_int(site_create(st, "x", " , ", &id, &pk, &sk, &err),
	    SD_ERR_INVALID, "a site needs an origin");
	sd_error_clear(&err);
	is_int(site_create(st, "shop", "https://Shop.Example, "
	    "http://127.0.0.1:8080", &id, &pk, &sk, &err), SD_OK,
	    "create a site with two origins");
	ok(pk != NULL && strncmp(pk, "pk_", 3) == 0 && strlen(pk) == 43,
	    "its public key");
	ok(sk != NULL && strncmp(sk, "sk_", 3) == 0 && strcmp(pk + 3,
	    sk + 3) != 0, "and a secret of its own");
	is_int(site_create(st, "other", "https://other.example", &id2, &pk2,
	    &sk2, &err), SD_OK, "create a second site");

	is_int(site_lookup(st, pk, &si, &err), SD_OK, "look the site up by "
	    "its public key");
	is_str(si.secret, sk, "with its secret");
	is_str(si.origins, "https://shop.example http://127.0.0.1:8080",
	    "origins are kept lower case, space-separated");
	ok(site_origin_ok(&si, "https://shop.example"), "an allowed origin");
	ok(site_origin_ok(&si, "HTTPS://SHOP.EXAMPLE"), "case-insensitive");
	ok(!site_origin_ok(&si, "https://shop.example.evil"),
	    "a longer host is not allowed");
	ok(!site_origin_ok(&si, "http://shop.example"), "another scheme is "
	    "not allowed");
	ok(!site_origin_ok(&si, "https://other.example"), "the other site's "
	    "origin is not this one's");
	ok(!site_origin_ok(&si, NULL), "no origin is not allowed");
	is_int(site_origin_known(st, "https://other.example", &err), 1,
	    "a preflight from any site's origin is known");
	is_int(site_origin_known(st, "https://evil.example", &err), 0,
	    "a foreign origin is not");

	/* Sessions: site 1 opens one for C1001 and one anonymous. */
	is_int(history_session_open(st, "w1", "C1001", "api", 0, &ss,
	    &created, &err), SD_OK, "open a session");
	session_info_release(&ss);
	is_int(site_session_claim(st, "w1", id, "C1001", &err), SD_OK,
	    "the site claims it for its customer");
	is_int(history_session_open(st, "w2", "visitor-w2", "api", 0, &ss,
	    &created, &err), SD_OK, "open another");
	session_info_release(&ss);
	is_int(site_session_claim(st, "w2", id, NULL, &err), SD_OK,
	    "for an anonymous visitor");
	is_int(site_session_check(st, "w1", id, "C1001", &user, &err), SD_OK,
	    "the customer's widget may use the session");
	is_str(user, "C1001", "as that customer");
	free(user);
	is_int(site_session_check(st, "w1", id, "C1002", NULL, &err),
	    SD_ERR_NOTFOUND, "another customer's widget may not");
	sd_error_clear(&err);
	is_int(site_session_check(st, "w1", id, NULL, NULL, &err),
	    SD_ERR_NOTFOUND, "nor an anonymous one");
	sd_error_clear(&err);
	is_int(site_session_check(st, "w1", id2, "C1001", NULL, &err),
	    SD_ERR_NOTFOUND, "nor another site's");
	sd_error_clear(&err);
	is_int(site_session_check(st, "w2", id, NULL, NULL, &err), SD_OK,
	    "an anonymous session to an anonymous widget");
	is_int(site_session_check(st, "w2", id, "C1001", NULL, &err),
	    SD_ERR_NOTFOUND, "not to a signed-in one (it never was theirs)");
	sd_error_clear(&err);
	is_int(history_add(st, "w1", "bot", "hello", NULL, 0, NULL, 0, NULL,
	    &mid, &err), SD_OK, "a message in the customer's session");
	is_int(site_message_check(st, mid, id, "C1001", &err), SD_OK,
	    "the customer may rate it");
	is_int(site_message_check(st, mid, id, "C1002", &err),
	    SD_ERR_NOTFOUND, "another customer may not");
	sd_error_clear(&err);
	is_int(site_message_check(st, mid, id2, "C1001", &err),
	    SD_ERR_NOTFOUND, "nor the other site");
	sd_error_clear(&err);

	is_int(site_revoke(st, id, &err), SD_OK, "revoke the site");
	is_int(site_revoke(st, id, &err), SD_ERR_INVALID, "twice is an "
	    "error");
	sd_error_clear(&err);
	is_int(site_revoke(st, 99, &err), SD_ERR_NOTFOUND, "an unknown site");
	sd_error_clear(&err);
	site_info_release(&si);
	is_int(site_lookup(st, pk, &si, &err), SD_ERR_NOTFOUND,
	    "a revoked site's key is refused");
	sd_error_clear(&err);
	is_int(site_origin_known(st, "https://shop.example", &err), 0,
	    "and its origins no longer pass a preflight");
	is_int(site_list(st, &v, &n, &err), SD_OK, "list sites");
	is_int((long long)n, 2, "both");
	ok(n == 2 && v[0].revoked_at != NULL && v[1].revoked_at == NULL &&
	    v[0].secret == NULL, "the first revoked, no secrets listed");
	while (n > 0)
		site_info_release(&v[--n]);
	free(v);
	site_info_release(&si);
	store_close(st);
	tap_rmtree(dir);
	free(path);
	free(dir);
	free(pk);
	free(sk);
	free(pk2);
	free(sk2);
	sd_error_clear(&err);
}

int
main(void)
{
	setenv("SHOPDESK_NOW", "2026-11-20T12:00:00Z", 1);
	test_tokens();
	test_sites();
	done_testing();
	return exit_status();
}

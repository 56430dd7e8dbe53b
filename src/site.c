/*
 * site.c owns the sites and site_sessions tables: the web sites that
 * embed the chat widget, their keys and origins, the identity tokens
 * their backends sign, and which site opened which session for whom.
 *
 * The secret is stored as it is, not hashed: checking an HMAC needs the
 * key itself.  The public key is no secret (it is in the shop's pages);
 * it names the site and its allowed origins, and buys a widget nothing
 * beyond an anonymous chat unless the page also carries a token signed
 * with the secret.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "apikey.h"
#include "crypto.h"
#include "sbuf.h"
#include "site.h"
#include "store.h"

#define PUBLIC_PREFIX	"pk_"
#define SECRET_PREFIX	"sk_"
#define KEY_RANDOM	20	/* bytes: 160 bits */
#define ORIGIN_MAX	253 + 16

void
site_info_release(struct site_info *si)
{
	free(si->name);
	free(si->public_key);
	free(si->secret);
	free(si->origins);
	free(si->created_at);
	free(si->revoked_at);
	memset(si, 0, sizeof *si);
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

/* prefix and 2 * KEY_RANDOM hex digits from the kernel's random source. */
static char *
random_key(const char *prefix, struct sd_error *err)
{
	static const char hex[] = "0123456789abcdef";
	unsigned char	 rnd[KEY_RANDOM];
	size_t		 i, plen = strlen(prefix);
	char		*k;

	if (apikey_random(rnd, sizeof rnd, err) != SD_OK)
		return NULL;
	k = xmalloc(plen + 2 * sizeof rnd + 1);
	memcpy(k, prefix, plen);
	for (i = 0; i < sizeof rnd; i++) {
		k[plen + 2 * i] = hex[rnd[i] >> 4];
		k[plen + 2 * i + 1] = hex[rnd[i] & 15];
	}
	k[plen + 2 * sizeof rnd] = '\0';
	return k;
}

/*
 * Whether o[0..n) is an origin as browsers send it: scheme "http" or
 * "https", "://", a host of letters, digits, dots, hyphens (or a
 * bracketed IPv6 address), an optional ":port"; no path.
 */
static int
origin_valid(const char *o, size_t n)
{
	size_t	 i;

	if (n > 8 && strncmp(o, "https://", 8) == 0)
		i = 8;
	else if (n > 7 && strncmp(o, "http://", 7) == 0)
		i = 7;
	else
		return 0;
	if (n > ORIGIN_MAX || i == n)
		return 0;
	if (o[i] == '[') {
		while (i < n && o[i] != ']')
			if (!isxdigit((unsigned char)o[i]) && o[i] != ':' &&
			    o[i] != '[' && o[i] != '.')
				return 0;
			else
				i++;
		if (i == n)
			return 0;
		i++;
	} else {
		size_t	 h = i;

		while (i < n && (isalnum((unsigned char)o[i]) ||
		    o[i] == '.' || o[i] == '-'))
			i++;
		if (i == h)
			return 0;
	}
	if (i < n && o[i] == ':') {
		size_t	 p = ++i;

		while (i < n && isdigit((unsigned char)o[i]))
			i++;
		if (i == p || i - p > 5)
			return 0;
	}
	return i == n;
}

/* origins normalised to one space between, lower case; NULL (err set)
 * when one of them is not an origin or there is none. */
static char *
origins_norm(const char *in, struct sd_error *err)
{
	struct sbuf	 sb = SBUF_INIT;
	const char	*p = in, *q;
	size_t		 i;

	for (;;) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		for (q = p; *q != '\0' && *q != ' ' && *q != ',' &&
		    *q != '\t'; q++)
			;
		if (!origin_valid(p, (size_t)(q - p))) {
			sd_fail(err, SD_ERR_INVALID, "\"%.*s\" is not an "
			    "origin (scheme://host[:port], no path)",
			    (int)(q - p), p);
			sbuf_release(&sb);
			return NULL;
		}
		if (sb.len > 0)
			sbuf_addc(&sb, ' ');
		for (i = 0; p + i < q; i++)
			sbuf_addc(&sb, (char)tolower((unsigned char)p[i]));
		p = q;
	}
	if (sb.len == 0) {
		sd_fail(err, SD_ERR_INVALID, "a site needs at least one "
		    "origin, e.g. https://shop.example");
		sbuf_release(&sb);
		return NULL;
	}
	return sbuf_detach(&sb, NULL);
}

enum sd_rc
site_create(struct store *st, const char *name, const char *origins,
    long long *id, char **public_key, char **secret, struct sd_error *err)
{
	static const char sql[] = "INSERT INTO sites(name, public_key,"
	    " secret, origins, created_at) VALUES (?1, ?2, ?3, ?4, ?5)";
	char		*pk = NULL, *sk = NULL, *orig;
	sqlite3_stmt	*s;
	enum sd_rc	 rc = SD_ERR_DB;
	int		 r;

	*public_key = *secret = NULL;
	if ((orig = origins_norm(origins, err)) == NULL)
		return SD_ERR_INVALID;
	if ((pk = random_key(PUBLIC_PREFIX, err)) == NULL ||
	    (sk = random_key(SECRET_PREFIX, err)) == NULL) {
		rc = err->rc;
		goto out;
	}
	if ((s = store_prepare(st, sql, err)) == NULL)
		goto out;
	sqlite3_bind_text(s, 1, name != NULL ? name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, pk, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, sk, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, orig, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 5, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		rc = store_fail(st, err, "create site");
		goto out;
	}
	*id = sqlite3_last_insert_rowid(store_db(st));
	*public_key = pk;
	*secret = sk;
	pk = sk = NULL;
	rc = SD_OK;
out:
	free(orig);
	free(pk);
	free(sk);
	return rc;
}

enum sd_rc
site_list(struct store *st, struct site_info **out, size_t *n,
    struct sd_error *err)
{
	static const char sql[] = "SELECT id, name, public_key, origins,"
	    " created_at, revoked_at FROM sites ORDER BY id";
	struct site_info *v = NULL;
	size_t		 len = 0, cap = 0;
	sqlite3_stmt	*s;
	int		 r;

	*out = NULL;
	*n = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (len == cap) {
			cap = cap ? 2 * cap : 8;
			v = xrealloc(v, cap * sizeof *v);
		}
		memset(&v[len], 0, sizeof v[len]);
		v[len].id = sqlite3_column_int64(s, 0);
		v[len].name = col_dup(s, 1);
		v[len].public_key = col_dup(s, 2);
		v[len].origins = col_dup(s, 3);
		v[len].created_at = col_dup(s, 4);
		v[len].revoked_at = col_dup(s, 5);
		len++;
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		while (len > 0)
			site_info_release(&v[--len]);
		free(v);
		return store_fail(st, err, "list sites");
	}
	*out = v;
	*n = len;
	return SD_OK;
}

enum sd_rc
site_revoke(struct store *st, long long id, struct sd_error *err)
{
	static const char get[] = "SELECT revoked_at IS NOT NULL FROM sites"
	    " WHERE id = ?1";
	static const char set[] = "UPDATE sites SET revoked_at = ?2"
	    " WHERE id = ?1";

	return store_revoke(st, get, set, "site", id, err);
}

enum sd_rc
site_secret(struct store *st, long long id, char **secret,
    struct sd_error *err)
{
	static const char sql[] = "SELECT secret FROM sites WHERE id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	*secret = NULL;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW)
		*secret = col_dup(s, 0);
	sqlite3_reset(s);
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "no site %lld", id);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "read site");
	return SD_OK;
}

enum sd_rc
site_lookup(struct store *st, const char *key, struct site_info *si,
    struct sd_error *err)
{
	static const char sql[] = "SELECT id, name, public_key, secret,"
	    " origins, created_at FROM sites"
	    " WHERE public_key = ?1 AND revoked_at IS NULL";
	sqlite3_stmt	*s;
	int		 r;

	memset(si, 0, sizeof *si);
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW) {
		si->id = sqlite3_column_int64(s, 0);
		si->name = col_dup(s, 1);
		si->public_key = col_dup(s, 2);
		si->secret = col_dup(s, 3);
		si->origins = col_dup(s, 4);
		si->created_at = col_dup(s, 5);
	}
	sqlite3_reset(s);
	if (r == SQLITE_ROW)
		return SD_OK;
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "unknown or revoked site "
		    "key");
	return store_fail(st, err, "look up site");
}

/* Whether the space-separated list has origin (case-insensitive). */
static int
list_has(const char *list, const char *origin)
{
	size_t	 n = strlen(origin);
	const char *p = list, *q;

	if (n == 0 || list == NULL)
		return 0;
	while (*p != '\0') {
		for (q = p; *q != '\0' && *q != ' '; q++)
			;
		if ((size_t)(q - p) == n && strncasecmp(p, origin, n) == 0)
			return 1;
		p = *q == ' ' ? q + 1 : q;
	}
	return 0;
}

int
site_origin_ok(const struct site_info *si, const char *origin)
{
	return origin != NULL && list_has(si->origins, origin);
}

int
site_origin_known(struct store *st, const char *origin,
    struct sd_error *err)
{
	static const char sql[] = "SELECT origins FROM sites"
	    " WHERE revoked_at IS NULL";
	sqlite3_stmt	*s;
	int		 r, found = 0;

	if (origin == NULL || !origin_valid(origin, strlen(origin)))
		return 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return -1;
	while (!found && (r = sqlite3_step(s)) == SQLITE_ROW)
		found = list_has((const char *)sqlite3_column_text(s, 0),
		    origin);
	if (!found && r != SQLITE_DONE) {
		sqlite3_reset(s);
		store_fail(st, err, "read sites");
		return -1;
	}
	sqlite3_reset(s);
	return found;
}

/* Tokens */

char *
site_sign(const char *secret, const char *customer, long long expires)
{
	struct sbuf	 sb = SBUF_INIT;
	char		 mac[CRYPTO_HEX_LEN];
	size_t		 n;

	sbuf_addf(&sb, "%s.%lld", customer, expires);
	n = sb.len;
	crypto_hmac_sha256_hex(secret, strlen(secret), sb.buf, n, mac);
	sbuf_addf(&sb, ".%s", mac);
	return sbuf_detach(&sb, NULL);
}

enum sd_rc
site_verify(const char *secret, const char *token, time_t now,
    char **customer, struct sd_error *err)
{
	const char	*sig, *exp, *p;
	char		 mac[CRYPTO_HEX_LEN];
	long long	 expires = 0;

	*customer = NULL;
	/* CUSTOMER may hold dots: the last two fields are fixed. */
	if ((sig = strrchr(token, '.')) == NULL || sig == token)
		return sd_fail(err, SD_ERR_INVALID, "malformed identity "
		    "token (want CUSTOMER.EXPIRES.SIGNATURE)");
	for (exp = sig - 1; exp > token && exp[-1] != '.'; exp--)
		;
	if (exp == token || exp == sig || exp - 1 == token)
		return sd_fail(err, SD_ERR_INVALID, "malformed identity "
		    "token (want CUSTOMER.EXPIRES.SIGNATURE)");
	for (p = exp; p < sig; p++) {
		if (!isdigit((unsigned char)*p) || sig - exp > 12)
			return sd_fail(err, SD_ERR_INVALID, "malformed "
			    "identity token: EXPIRES is not a Unix time");
		expires = expires * 10 + (*p - '0');
	}
	/* The signature first, so that a forged token learns nothing
	 * about expiry. */
	if (crypto_hmac_sha256_hex(secret, strlen(secret), token,
	    (size_t)(sig - token), mac) != 0)
		return sd_fail(err, SD_ERR_INTERNAL, "HMAC failed");
	if (!crypto_equal_str(mac, sig + 1))
		return sd_fail(err, SD_ERR_INVALID, "identity signature does "
		    "not match");
	if ((long long)now >= expires)
		return sd_fail(err, SD_ERR_INVALID, "identity token expired");
	*customer = xmalloc((size_t)(exp - 1 - token) + 1);
	memcpy(*customer, token, (size_t)(exp - 1 - token));
	(*customer)[exp - 1 - token] = '\0';
	return SD_OK;
}

/* Sessions */

enum sd_rc
site_session_claim(struct store *st, const char *session_id,
    long long site_id, const char *customer, struct sd_error *err)
{
	static const char sql[] = "INSERT INTO site_sessions(session_id,"
	    " site_id, customer) VALUES (?1, ?2, ?3)";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, session_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, site_id);
	if (customer != NULL)
		sqlite3_bind_text(s, 3, customer, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "record the session's site");
	return SD_OK;
}

enum sd_rc
site_session_check(struct store *st, const char *session_id,
    long long site_id, const char *customer, char **user_id,
    struct sd_error *err)
{
	static const char sql[] = "SELECT s.user_id FROM site_sessions w"
	    " JOIN sessions s ON s.id = w.session_id"
	    " WHERE w.session_id = ?1 AND w.site_id = ?2"
	    " AND w.customer IS ?3";
	sqlite3_stmt	*s;
	int		 r;

	if (user_id != NULL)
		*user_id = NULL;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, session_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, site_id);
	if (customer != NULL)
		sqlite3_bind_text(s, 3, customer, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW && user_id != NULL)
		*user_id = col_dup(s, 0);
	sqlite3_reset(s);
	if (r == SQLITE_ROW)
		return SD_OK;
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "no session \"%s\"",
		    session_id);
	return store_fail(st, err, "read session");
}

enum sd_rc
site_message_check(struct store *st, long long message_id,
    long long site_id, const char *customer, struct sd_error *err)
{
	static const char sql[] = "SELECT 1 FROM messages m"
	    " JOIN site_sessions w ON w.session_id = m.session_id"
	    " WHERE m.id = ?1 AND w.site_id = ?2 AND w.customer IS ?3";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, message_id);
	sqlite3_bind_int64(s, 2, site_id);
	if (customer != NULL)
		sqlite3_bind_text(s, 3, customer, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r == SQLITE_ROW)
		return SD_OK;
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "no message %lld",
		    message_id);
	return store_fail(st, err, "read message");
}

enum sd_rc
site_session_adopt(struct store *st, const char *session_id,
    long long site_id, const char *customer, int *ok, struct sd_error *err)
{
	static const char sql[] = "INSERT OR IGNORE INTO site_sessions"
	    "(session_id, site_id, customer) SELECT id, ?2, ?3 FROM sessions"
	    " WHERE id = ?1 AND user_id = ?3";
	sqlite3_stmt	*s;
	enum sd_rc	 rc;
	int		 r;

	*ok = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, session_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, site_id);
	sqlite3_bind_text(s, 3, customer, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "record the session's site");
	rc = site_session_check(st, session_id, site_id, customer, NULL, err);
	if (rc == SD_ERR_NOTFOUND) {
		sd_error_clear(err);
		return SD_OK;
	}
	*ok = rc == SD_OK;
	return rc;
}

/*
 * apikey.c owns the api_keys and api_sessions tables: creating, listing
 * and revoking keys, finding the key a request presents, and which key
 * opened which session.  Keys are stored as the hex of their plain
 * SHA-256 (crypto.c): no salt nor stretching, because a key is 160
 * random bits, not a password, and a request's key must be found by one
 * index lookup on its hash.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "shopdesk.h"
#include "apikey.h"
#include "crypto.h"
#include "store.h"

/* Keys */

#define KEY_PREFIX	"sdk_"
#define KEY_RANDOM	20	/* bytes of randomness: 160 bits */
#define KEY_SHOWN	12	/* characters kept in the clear for "list" */

enum sd_rc
apikey_random(unsigned char *p, size_t n, struct sd_error *err)
{
	ssize_t		 r;
	int		 fd;

	while (n > 0) {
		r = getrandom(p, n, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		p += r;
		n -= (size_t)r;
	}
	if (n == 0)
		return SD_OK;
	/* Old kernels without getrandom(2). */
	if ((fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) < 0)
		return sd_fail(err, SD_ERR_IO, "/dev/urandom: %s",
		    strerror(errno));
	r = read(fd, p, n);
	close(fd);
	if (r != (ssize_t)n)
		return sd_fail(err, SD_ERR_IO, "/dev/urandom: short read");
	return SD_OK;
}

void
apikey_info_release(struct apikey_info *ki)
{
	free(ki->name);
	free(ki->prefix);
	free(ki->created_at);
	free(ki->revoked_at);
	free(ki->agent);
	memset(ki, 0, sizeof *ki);
}

enum sd_rc
apikey_create(struct store *st, const char *name, int admin, char **key,
    long long *id, struct sd_error *err)
{
	static const char sql[] = "INSERT INTO api_keys(name, prefix, hash,"
	    " created_at, admin) VALUES (?1, ?2, ?3, ?4, ?5)";
	static const char hex[] = "0123456789abcdef";
	unsigned char	 rnd[KEY_RANDOM];
	char		*k, digest[CRYPTO_HEX_LEN];
	sqlite3_stmt	*s;
	size_t		 i, plen = strlen(KEY_PREFIX);
	enum sd_rc	 rc;
	int		 r;

	*key = NULL;
	if ((rc = apikey_random(rnd, sizeof rnd, err)) != SD_OK)
		return rc;
	k = xmalloc(plen + 2 * sizeof rnd + 1);
	memcpy(k, KEY_PREFIX, plen);
	for (i = 0; i < sizeof rnd; i++) {
		k[plen + 2 * i] = hex[rnd[i] >> 4];
		k[plen + 2 * i + 1] = hex[rnd[i] & 15];
	}
	k[plen + 2 * sizeof rnd] = '\0';
	crypto_sha256_hex(k, strlen(k), digest);
	if ((s = store_prepare(st, sql, err)) == NULL) {
		free(k);
		return SD_ERR_DB;
	}
	sqlite3_bind_text(s, 1, name != NULL ? name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, k, KEY_SHOWN, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, digest, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, store_now(), -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(s, 5, admin != 0);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		free(k);
		return store_fail(st, err, "create API key");
	}
	*id = sqlite3_last_insert_rowid(store_db(st));
	*key = k;
	return SD_OK;
}

static char *
col_dup(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return t != NULL ? xstrdup((const char *)t) : NULL;
}

enum sd_rc
apikey_list(struct store *st, struct apikey_info **out, size_t *n,
    struct sd_error *err)
{
	static const char sql[] = "SELECT id, name, prefix, created_at,"
	    " revoked_at, admin, agent FROM api_keys ORDER BY id";
	struct apikey_info *v = NULL;
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
		v[len].id = sqlite3_column_int64(s, 0);
		v[len].name = col_dup(s, 1);
		v[len].prefix = col_dup(s, 2);
		v[len].created_at = col_dup(s, 3);
		v[len].revoked_at = col_dup(s, 4);
		v[len].admin = sqlite3_column_int(s, 5);
		v[len].agent = col_dup(s, 6);
		len++;
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		while (len > 0)
			apikey_info_release(&v[--len]);
		free(v);
		return store_fail(st, err, "list API keys");
	}
	*out = v;
	*n = len;
	return SD_OK;
}

enum sd_rc
apikey_revoke(struct store *st, long long id, struct sd_error *err)
{
	static const char get[] = "SELECT revoked_at IS NOT NULL FROM api_keys"
	    " WHERE id = ?1";
	static const char set[] = "UPDATE api_keys SET revoked_at = ?2"
	    " WHERE id = ?1";

	return store_revoke(st, get, set, "API key", id, err);
}

long long
apikey_lookup(struct store *st, const char *key, size_t n,
    struct sd_error *err)
{
	static const char sql[] = "SELECT id FROM api_keys"
	    " WHERE hash = ?1 AND revoked_at IS NULL";
	char		 digest[CRYPTO_HEX_LEN];
	sqlite3_stmt	*s;
	long long	 id = 0;
	int		 r;

	crypto_sha256_hex(key, n, digest);
	if ((s = store_prepare(st, sql, err)) == NULL)
		return -1;
	sqlite3_bind_text(s, 1, digest, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW)
		id = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE) {
		store_fail(st, err, "look up API key");
		return -1;
	}
	return id;
}

enum sd_rc
apikey_is_admin(struct store *st, long long id, int *admin,
    struct sd_error *err)
{
	static const char sql[] = "SELECT admin FROM api_keys WHERE id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	*admin = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW)
		*admin = sqlite3_column_int(s, 0) != 0;
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_fail(st, err, "read API key");
	return SD_OK;
}

enum sd_rc
apikey_set_agent(struct store *st, long long id, const char *agent,
    struct sd_error *err)
{
	static const char sql[] = "UPDATE api_keys SET agent = ?2"
	    " WHERE id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	if (agent != NULL)
		sqlite3_bind_text(s, 2, agent, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "set the key's agent");
	if (sqlite3_changes(store_db(st)) == 0)
		return sd_fail(err, SD_ERR_NOTFOUND, "no API key %lld", id);
	return SD_OK;
}

enum sd_rc
apikey_agent(struct store *st, long long id, char **agent,
    struct sd_error *err)
{
	static const char sql[] = "SELECT agent FROM api_keys WHERE id = ?1";
	sqlite3_stmt	*s;
	int		 r;

	*agent = NULL;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW)
		*agent = col_dup(s, 0);
	sqlite3_reset(s);
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		return store_fail(st, err, "read API key");
	return SD_OK;
}

enum sd_rc
apikey_session_claim(struct store *st, const char *session_id,
    long long key_id, struct sd_error *err)
{
	static const char sql[] = "INSERT INTO api_sessions(session_id,"
	    " key_id) VALUES (?1, ?2)";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, session_id, -1, SQLITE_STATIC);
	if (key_id > 0)
		sqlite3_bind_int64(s, 2, key_id);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "record the session's API key");
	return SD_OK;
}

enum sd_rc
apikey_session_check(struct store *st, const char *session_id,
    long long key_id, char **user_id, struct sd_error *err)
{
	static const char any[] = "SELECT user_id FROM sessions WHERE id = ?1";
	static const char own[] = "SELECT s.user_id FROM api_sessions a"
	    " JOIN sessions s ON s.id = a.session_id"
	    " WHERE a.session_id = ?1 AND a.key_id = ?2";
	const unsigned char *u;
	sqlite3_stmt	*s;
	int		 r;

	if (user_id != NULL)
		*user_id = NULL;
	if ((s = store_prepare(st, key_id > 0 ? own : any, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, session_id, -1, SQLITE_STATIC);
	if (key_id > 0)
		sqlite3_bind_int64(s, 2, key_id);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW && user_id != NULL &&
	    (u = sqlite3_column_text(s, 0)) != NULL)
		*user_id = xstrdup((const char *)u);
	sqlite3_reset(s);
	if (r == SQLITE_ROW)
		return SD_OK;
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "no session \"%s\"",
		    session_id);
	return store_fail(st, err, "read session");
}

enum sd_rc
apikey_session_adopt(struct store *st, const char *session_id,
    long long key_id, int *ok, struct sd_error *err)
{
	static const char sql[] = "INSERT OR IGNORE INTO api_sessions"
	    "(session_id, key_id) VALUES (?1, ?2)";
	sqlite3_stmt	*s;
	enum sd_rc	 rc;
	int		 r;

	*ok = 0;
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, session_id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, key_id);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "record the session's API key");
	rc = apikey_session_check(st, session_id, key_id, NULL, err);
	if (rc == SD_ERR_NOTFOUND) {
		sd_error_clear(err);
		return SD_OK;
	}
	*ok = rc == SD_OK;
	return rc;
}

/*
 * apikey.c owns the api_keys and api_sessions tables: creating, listing
 * and revoking keys, finding the key a request presents, and which key
 * opened which session.  Keys are stored as their SHA-256 only.  The
 * digest is a small self-contained implementation of FIPS 180-4 rather
 * than OpenSSL's, because configure does not otherwise need libcrypto and
 * a key check hashes a few dozen bytes.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "shopdesk.h"
#include "apikey.h"
#include "store.h"

/* SHA-256 */

static const uint32_t sha_k[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1,
	0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
	0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
	0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
	0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
	0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
	0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
	0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
	0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

#define ROR(x, n)	(((x) >> (n)) | ((x) << (32 - (n))))

static void
sha_block(uint32_t h[8], const unsigned char *p)
{
	uint32_t	 w[64], a, b, c, d, e, f, g, hh, t1, t2;
	int		 i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 |
		    (uint32_t)p[4 * i + 2] << 8 | (uint32_t)p[4 * i + 3];
	for (i = 16; i < 64; i++)
		w[i] = w[i - 16] + (ROR(w[i - 15], 7) ^ ROR(w[i - 15], 18) ^
		    (w[i - 15] >> 3)) + w[i - 7] + (ROR(w[i - 2], 17) ^
		    ROR(w[i - 2], 19) ^ (w[i - 2] >> 10));
	a = h[0]; b = h[1]; c = h[2]; d = h[3];
	e = h[4]; f = h[5]; g = h[6]; hh = h[7];
	for (i = 0; i < 64; i++) {
		t1 = hh + (ROR(e, 6) ^ ROR(e, 11) ^ ROR(e, 25)) +
		    ((e & f) ^ (~e & g)) + sha_k[i] + w[i];
		t2 = (ROR(a, 2) ^ ROR(a, 13) ^ ROR(a, 22)) +
		    ((a & b) ^ (a & c) ^ (b & c));
		hh = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	h[0] += a; h[1] += b; h[2] += c; h[3] += d;
	h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

void
apikey_sha256(const void *data, size_t n, unsigned char out[APIKEY_SHA256_LEN])
{
	uint32_t	 h[8] = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
	    0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
	const unsigned char *p = data;
	unsigned char	 last[128];
	uint64_t	 bits = (uint64_t)n * 8;
	size_t		 rest, tail, i;

	for (rest = n; rest >= 64; rest -= 64, p += 64)
		sha_block(h, p);
	/* Padding: 0x80, zeros, the length in bits; one or two blocks. */
	memset(last, 0, sizeof last);
	memcpy(last, p, rest);
	last[rest] = 0x80;
	tail = rest + 1 + 8 <= 64 ? 64 : 128;
	for (i = 0; i < 8; i++)
		last[tail - 1 - i] = (unsigned char)(bits >> (8 * i));
	sha_block(h, last);
	if (tail == 128)
		sha_block(h, last + 64);
	for (i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(h[i] >> 24);
		out[4 * i + 1] = (unsigned char)(h[i] >> 16);
		out[4 * i + 2] = (unsigned char)(h[i] >> 8);
		out[4 * i + 3] = (unsigned char)h[i];
	}
}

void
apikey_sha256_hex(const void *data, size_t n, char out[APIKEY_HEX_LEN])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char	 d[APIKEY_SHA256_LEN];
	size_t		 i;

	apikey_sha256(data, n, d);
	for (i = 0; i < sizeof d; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[2 * sizeof d] = '\0';
}

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
	memset(ki, 0, sizeof *ki);
}

enum sd_rc
apikey_create(struct store *st, const char *name, char **key, long long *id,
    struct sd_error *err)
{
	static const char sql[] = "INSERT INTO api_keys(name, prefix, hash,"
	    " created_at) VALUES (?1, ?2, ?3, ?4)";
	static const char hex[] = "0123456789abcdef";
	unsigned char	 rnd[KEY_RANDOM];
	char		*k, digest[APIKEY_HEX_LEN];
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
	apikey_sha256_hex(k, strlen(k), digest);
	if ((s = store_prepare(st, sql, err)) == NULL) {
		free(k);
		return SD_ERR_DB;
	}
	sqlite3_bind_text(s, 1, name != NULL ? name : "", -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, k, KEY_SHOWN, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, digest, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 4, store_now(), -1, SQLITE_TRANSIENT);
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
	    " revoked_at FROM api_keys ORDER BY id";
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
	static const char sql[] = "UPDATE api_keys SET revoked_at = ?2"
	    " WHERE id = ?1";
	sqlite3_stmt	*s;
	int		 r, revoked = 0;

	if ((s = store_prepare(st, get, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	r = sqlite3_step(s);
	if (r == SQLITE_ROW)
		revoked = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	if (r == SQLITE_DONE)
		return sd_fail(err, SD_ERR_NOTFOUND, "no API key %lld", id);
	if (r != SQLITE_ROW)
		return store_fail(st, err, "read API key");
	if (revoked)
		return sd_fail(err, SD_ERR_INVALID,
		    "API key %lld is revoked already", id);
	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_text(s, 2, store_now(), -1, SQLITE_TRANSIENT);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "revoke API key");
	return SD_OK;
}

long long
apikey_lookup(struct store *st, const char *key, size_t n,
    struct sd_error *err)
{
	static const char sql[] = "SELECT id FROM api_keys"
	    " WHERE hash = ?1 AND revoked_at IS NULL";
	char		 digest[APIKEY_HEX_LEN];
	sqlite3_stmt	*s;
	long long	 id = 0;
	int		 r;

	apikey_sha256_hex(key, n, digest);
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

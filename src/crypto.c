/*
 * crypto.c owns shopdesk's use of cryptography: it wraps OpenSSL's
 * libcrypto, which the OpenSSL flavour of libcurl already brings onto
 * every machine that builds shopdesk, rather than carrying digests of
 * its own: a library that is reviewed, tested against the standard
 * vectors and fixed when needed, with constant-time primitives
 * (CRYPTO_memcmp) that hand-written code easily gets wrong.
 */
#include "config.h"

#include <limits.h>
#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include "crypto.h"

static void
to_hex(const unsigned char *d, size_t n, char *out)
{
	static const char hex[] = "0123456789abcdef";
	size_t		 i;

	for (i = 0; i < n; i++) {
		out[2 * i] = hex[d[i] >> 4];
		out[2 * i + 1] = hex[d[i] & 15];
	}
	out[2 * n] = '\0';
}

void
crypto_sha256(const void *data, size_t n,
    unsigned char out[CRYPTO_SHA256_LEN])
{
	/* SHA256() cannot fail: no allocation, no provider lookup. */
	SHA256(data, n, out);
}

void
crypto_sha256_hex(const void *data, size_t n, char out[CRYPTO_HEX_LEN])
{
	unsigned char	 d[CRYPTO_SHA256_LEN];

	crypto_sha256(data, n, d);
	to_hex(d, sizeof d, out);
}

int
crypto_hmac_sha256(const void *key, size_t klen, const void *data, size_t n,
    unsigned char out[CRYPTO_SHA256_LEN])
{
	unsigned int	 len = 0;

	/* HMAC() takes an int key length; an empty key needs a pointer. */
	if (klen > (size_t)INT_MAX ||
	    HMAC(EVP_sha256(), klen > 0 ? key : "", (int)klen, data, n, out,
	    &len) == NULL || len != CRYPTO_SHA256_LEN) {
		memset(out, 0, CRYPTO_SHA256_LEN);
		return -1;
	}
	return 0;
}

int
crypto_hmac_sha256_hex(const void *key, size_t klen, const void *data,
    size_t n, char out[CRYPTO_HEX_LEN])
{
	unsigned char	 d[CRYPTO_SHA256_LEN];

	if (crypto_hmac_sha256(key, klen, data, n, d) != 0) {
		out[0] = '\0';
		return -1;
	}
	to_hex(d, sizeof d, out);
	return 0;
}

int
crypto_hmac_sha256_base64(const void *key, size_t klen, const void *data,
    size_t n, char out[CRYPTO_B64_LEN])
{
	unsigned char	 d[CRYPTO_SHA256_LEN];

	if (crypto_hmac_sha256(key, klen, data, n, d) != 0) {
		out[0] = '\0';
		return -1;
	}
	/* 32 bytes: 44 characters and a NUL. */
	EVP_EncodeBlock((unsigned char *)out, d, sizeof d);
	return 0;
}

int
crypto_equal(const void *a, const void *b, size_t n)
{
	return CRYPTO_memcmp(a, b, n) == 0;
}

int
crypto_equal_str(const char *a, const char *b)
{
	size_t	 n = strlen(a);

	return n == strlen(b) && crypto_equal(a, b, n);
}

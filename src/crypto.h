/*
 * crypto.h: the hashes and comparisons shopdesk needs, from OpenSSL's
 * libcrypto: SHA-256 (API key hashes), HMAC-SHA-256 (signed identities
 * and webhook signatures) and a comparison whose time does not depend
 * on where two secrets differ.
 */
#ifndef CRYPTO_H
#define CRYPTO_H

#include <stddef.h>

/* Bytes of a SHA-256 digest, and of its lower-case hex form with NUL. */
#define CRYPTO_SHA256_LEN	32
#define CRYPTO_HEX_LEN		65

/* SHA-256 of data[0..n) into out.  Never fails. */
void		 crypto_sha256(const void *data, size_t n,
		    unsigned char out[CRYPTO_SHA256_LEN]);
/* The same as lower-case hex, NUL-terminated. */
void		 crypto_sha256_hex(const void *data, size_t n,
		    char out[CRYPTO_HEX_LEN]);

/*
 * HMAC-SHA-256 (RFC 2104) of data[0..n) under key[0..klen) into out.
 * Returns 0, or -1 when libcrypto fails (out is zeroed then).
 */
int		 crypto_hmac_sha256(const void *key, size_t klen,
		    const void *data, size_t n,
		    unsigned char out[CRYPTO_SHA256_LEN]);
/* The same as lower-case hex, NUL-terminated ("" on failure). */
int		 crypto_hmac_sha256_hex(const void *key, size_t klen,
		    const void *data, size_t n, char out[CRYPTO_HEX_LEN]);

/* Bytes of the base64 form of a SHA-256 digest, with NUL. */
#define CRYPTO_B64_LEN		45
/* HMAC-SHA-256 as base64 (the form WooCommerce's and Shopify's webhook
 * signatures take); "" and -1 on failure. */
int		 crypto_hmac_sha256_base64(const void *key, size_t klen,
		    const void *data, size_t n, char out[CRYPTO_B64_LEN]);

/*
 * Whether a[0..n) and b[0..n) are equal, in a time that depends on n
 * only: for comparing a presented signature with the expected one.
 */
int		 crypto_equal(const void *a, const void *b, size_t n);
/*
 * Whether NUL-terminated a and b are equal.  The lengths are compared
 * first (they are no secret: a hex signature has a fixed length), the
 * bytes in constant time.
 */
int		 crypto_equal_str(const char *a, const char *b);

#endif

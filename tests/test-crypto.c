/*
 * Unit tests for crypto.c against the published vectors: SHA-256 from
 * FIPS 180-2 (appendix B, and the NIST examples), HMAC-SHA-256 from RFC
 * 4231 section 4, and the constant-time comparisons.  And the API key
 * hashes written before crypto.c: a key and the hash the earlier
 * hand-written SHA-256 stored for it must still authenticate.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "apikey.h"
#include "crypto.h"
#include "store.h"
#include "tap.h"

static void
sha_is(const void *in, size_t n, const char *want, const char *what)
{
	char	 got[CRYPTO_HEX_LEN];

	crypto_sha256_hex(in, n, got);
	is_str(got, want, "SHA-256 of %s", what);
}

static void
test_sha256(void)
{
	char	*million = xmalloc(1000000);

	sha_is("", 0, "e3b0c44298fc1c149afbf4c8996fb924"
	    "27ae41e4649b934ca495991b7852b855", "the empty string");
	sha_is("abc", 3, "ba7816bf8f01cfea414140de5dae2223"
	    "b00361a396177a9cb410ff61f20015ad", "\"abc\" (FIPS 180-2 B.1)");
	sha_is("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56,
	    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
	    "the 448-bit message (B.2)");
	memset(million, 'a', 1000000);
	sha_is(million, 1000000, "cdc76e5c9914fb9281a1c7e284d73e67"
	    "f1809a48a497200e046d39ccc7112cd0", "a million \"a\" (B.3)");
	free(million);
}

/* RFC 4231 test case: key and data as bytes, the expected MAC in hex. */
static void
hmac_is(const void *key, size_t klen, const void *data, size_t n,
    const char *want, const char *what)
{
	char	 got[CRYPTO_HEX_LEN];

	ok(crypto_hmac_sha256_hex(key, klen, data, n, got) == 0,
	    "HMAC-SHA-256, %s: computed", what);
	/* Case 5 gives only the first 128 bits. */
	ok(strncmp(got, want, strlen(want)) == 0, "HMAC-SHA-256, %s: %s",
	    what, got);
}

static void
test_hmac(void)
{
	unsigned char	 k[131], d[50];
	unsigned char	 mac[CRYPTO_SHA256_LEN];
	size_t		 i;

	memset(k, 0x0b, 20);
	hmac_is(k, 20, "Hi There", 8, "b0344c61d8db38535ca8afceaf0bf12b"
	    "881dc200c9833da726e9376c2e32cff7", "RFC 4231 case 1");
	hmac_is("Jefe", 4, "what do ya want for nothing?", 28,
	    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
	    "case 2 (a key shorter than the output)");
	{
		char	 b64[CRYPTO_B64_LEN];

		ok(crypto_hmac_sha256_base64("Jefe", 4,
		    "what do ya want for nothing?", 28, b64) == 0 &&
		    strcmp(b64, "W9zBRr9gdU5qBCQmCJV1x1oAPwidJzmDnexYuWTsOEM=")
		    == 0, "RFC 4231 case 2 as base64 (webhook signatures)");
	}
	memset(k, 0xaa, 20);
	memset(d, 0xdd, 50);
	hmac_is(k, 20, d, 50, "773ea91e36800e46854db8ebd09181a7"
	    "2959098b3ef8c122d9635514ced565fe", "case 3");
	for (i = 0; i < 25; i++)
		k[i] = (unsigned char)(i + 1);
	memset(d, 0xcd, 50);
	hmac_is(k, 25, d, 50, "82558a389a443c0ea4cc819899f2083a"
	    "85f0faa3e578f8077a2e3ff46729665b", "case 4");
	memset(k, 0x0c, 20);
	hmac_is(k, 20, "Test With Truncation", 20,
	    "a3b6167473100ee06e0c796c2955552b", "case 5 (truncated)");
	memset(k, 0xaa, 131);
	hmac_is(k, 131, "Test Using Larger Than Block-Size Key - Hash Key "
	    "First", 54, "60e431591ee0b67f0d8a26aacbf5b77f"
	    "8e0bc6213728c5140546040f0ee37f54", "case 6 (a long key)");
	hmac_is(k, 131, "This is a test using a larger than block-size key "
	    "and a larger than block-size data. The key needs to be hashed "
	    "before being used by the HMAC algorithm.", 152,
	    "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2",
	    "case 7 (long key and data)");
	ok(crypto_hmac_sha256(NULL, 0, "", 0, mac) == 0,
	    "HMAC with an empty key and message");
}

static void
test_equal(void)
{
	ok(crypto_equal("abcdef", "abcdef", 6), "equal bytes are equal");
	ok(!crypto_equal("abcdef", "abcdeF", 6), "a difference at the end");
	ok(!crypto_equal("Xbcdef", "abcdef", 6), "a difference at the start");
	ok(crypto_equal("a", "b", 0), "nothing equals nothing");
	ok(crypto_equal_str("b0344c61", "b0344c61"), "equal strings");
	ok(!crypto_equal_str("b0344c61", "b0344c6"), "a shorter string");
	ok(!crypto_equal_str("b0344c6", "b0344c61"), "a longer string");
	ok(!crypto_equal_str("b0344c61", "B0344C61"), "case counts");
}

/*
 * A key created before crypto.c, with the hash the hand-written SHA-256
 * of apikey.c stored for it, put in the table as that code did.
 */
#define OLD_KEY		"sdk_5f0c1e9a2b7d4c3e8f60a1b2c3d4e5f60718293a"
#define OLD_HASH	"d0fc128c449e3d4ee5e661077ebeafee" \
			"3cb1e52d4b166f5100226681a21fe209"

static void
test_old_key(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct store	*st;
	char		*dir = tap_tmpdir(), *path;
	long long	 id = 0;

	path = xasprintf("%s/keys.db", dir);
	if ((st = store_open(path, NULL, &err)) == NULL) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		exit(1);
	}
	ok(store_exec(st, "INSERT INTO api_keys(id, name, prefix, hash,"
	    " created_at) VALUES (7, 'old', 'sdk_5f0c1e9a', '" OLD_HASH "',"
	    " '2026-01-01T00:00:00Z')", &err) == SD_OK,
	    "store a key hashed by the earlier code");
	id = apikey_lookup(st, OLD_KEY, strlen(OLD_KEY), &err);
	is_int(id, 7, "the key still authenticates");
	id = apikey_lookup(st, OLD_KEY "0", strlen(OLD_KEY) + 1, &err);
	is_int(id, 0, "a longer key does not");
	store_close(st);
	tap_rmtree(dir);
	free(path);
	free(dir);
	sd_error_clear(&err);
}

int
main(void)
{
	setenv("SHOPDESK_NOW", "2026-11-20T12:00:00Z", 1);
	test_sha256();
	test_hmac();
	test_equal();
	test_old_key();
	done_testing();
	return exit_status();
}

/*
 * test-hmac: print the base64 HMAC-SHA-256 of a file under a key, as
 * WooCommerce and Shopify sign their webhooks, for tests/webhooks.t.
 * Usage: test-hmac KEY FILE
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "shopdesk.h"
#include "crypto.h"
#include "sbuf.h"

int
main(int argc, char **argv)
{
	struct sbuf	 sb = SBUF_INIT;
	char		 out[CRYPTO_B64_LEN];

	if (argc != 3) {
		fprintf(stderr, "usage: test-hmac KEY FILE\n");
		return 2;
	}
	if (sbuf_read_file(&sb, argv[2]) != 0) {
		perror(argv[2]);
		return 1;
	}
	if (crypto_hmac_sha256_base64(argv[1], strlen(argv[1]), sb.buf,
	    sb.len, out) != 0)
		return 1;
	printf("%s\n", out);
	sbuf_release(&sb);
	return 0;
}

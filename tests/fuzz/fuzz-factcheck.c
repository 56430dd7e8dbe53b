/*
 * fuzz-factcheck.c: the fact checker on any reply text, over the demo
 * store, as a generated reply reaches it: whole, and streamed in two
 * pieces cut at an input-chosen byte.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "shopdesk.h"
#include "factcheck.h"
#include "fuzz.h"

static void
check(struct factcheck *fc, const struct fc_ctx *ctx, const char *s,
    size_t len, size_t cut)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct fc_result res;
	size_t		 used = 0;

	fc_result_init(&res);
	if (cut >= len)
		factcheck_text(fc, ctx, s, len, 0, NULL, &res, &err);
	else if (factcheck_text(fc, ctx, s, cut, 1, &used, &res, &err) ==
	    SD_OK)
		factcheck_text(fc, ctx, s + used, len - used, 0, NULL, &res,
		    &err);
	sd_error_clear(&err);
	fc_result_release(&res);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct factcheck	*fc;
	static const char *const skus[] = { "LAP-1163", "AUD-1084" };
	struct sd_error		 err = SD_ERROR_INIT;
	struct fc_ctx		 ctx = { .user_id = "C1001", .skus = skus,
				    .nskus = 2, .show_verdicts = 1 };
	char			*text;

	if (fc == NULL && (fc = factcheck_open(fuzz_store(), &err)) == NULL) {
		fprintf(stderr, "fuzz-factcheck: %s\n", sd_error_msg(&err));
		abort();
	}
	if (size == 0)
		return 0;
	text = fuzz_cstr(data + 1, size - 1);
	check(fc, &ctx, text, size - 1, size - 1);
	check(fc, &ctx, text, size - 1, data[0] % size);
	free(text);
	return 0;
}

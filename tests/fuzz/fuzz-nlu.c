/*
 * fuzz-nlu.c: the understanding step on any bytes: the intent classifier
 * and the entity extractor over the demo catalog's gazetteer, as a turn
 * runs them on a customer's message.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "shopdesk.h"
#include "entity.h"
#include "intent.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct intent_model	*im;
	static struct gazetteer		*gz;
	struct sd_error			 err = SD_ERROR_INIT;
	struct intent_result		 ir = INTENT_RESULT_INIT;
	struct entity_list		 el = ENTITY_LIST_INIT;

	if (im == NULL) {
		if ((im = intent_model_load(fuzz_store(), fuzz_share_dir(),
		    &err)) == NULL ||
		    (gz = gazetteer_load(fuzz_store(), &err)) == NULL) {
			fprintf(stderr, "fuzz-nlu: %s\n", sd_error_msg(&err));
			abort();
		}
	}
	intent_classify(im, (const char *)data, size, &ir);
	entity_extract(gz, (const char *)data, size, &el);
	entity_extract(NULL, (const char *)data, size, &el);
	intent_result_release(&ir);
	entity_list_release(&el);
	return 0;
}

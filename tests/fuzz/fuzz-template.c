/*
 * fuzz-template.c: the response templates' parser and renderer on any
 * bytes, as a shop's edited share/templates file is read: parse the
 * input, then render every "[id]" it names (the first 8) with no slots
 * and with slots whose values carry braces, conditions' words and
 * multi-byte text.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "template.h"
#include "fuzz.h"

static void
render_all(const struct template_set *ts, const char *text,
    const struct slots *sl)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 out = SBUF_INIT;
	const char	*p = text, *end;
	const char	*used;
	char		*id;
	int		 ids = 0;

	while (ids < 8 && (p = strchr(p, '[')) != NULL) {
		if ((end = strchr(p + 1, ']')) == NULL)
			break;
		id = xstrndup(p + 1, (size_t)(end - p - 1));
		sbuf_reset(&out);
		template_render(ts, id, sl, (unsigned long)ids, &out, &used,
		    &err);
		sd_error_clear(&err);
		free(id);
		p = end + 1;
		ids++;
	}
	sbuf_release(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sd_error		 err = SD_ERROR_INIT;
	struct slots		 sl = SLOTS_INIT;
	struct template_set	*ts;
	char			*text = fuzz_cstr(data, size);

	if ((ts = template_parse("fuzz.txt", text, &err)) != NULL) {
		render_all(ts, text, &sl);
		slots_set(&sl, "first_name", "Zoë {name}");
		slots_set(&sl, "name", "if !name");
		slots_set(&sl, "price", "$1,299.00");
		slots_set(&sl, "sku", "}{");
		slots_set(&sl, "order_id", "");
		render_all(ts, text, &sl);
		template_free(ts);
	}
	sd_error_clear(&err);
	slots_release(&sl);
	free(text);
	return 0;
}

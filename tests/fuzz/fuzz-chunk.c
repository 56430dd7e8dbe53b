/*
 * fuzz-chunk.c: Markdown and plain-text chunking and front matter on any
 * bytes.  Checks what the chunker promises: every chunk is valid UTF-8
 * when its input was.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "ingest-int.h"
#include "fuzz.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ingest_chunk	*chunks = NULL;
	char			*text = fuzz_cstr(data, size);
	const char		*body = text;
	cJSON			*meta = NULL;
	unsigned long		 errline = 0;
	size_t			 n, i;
	int			 md, valid;

	valid = strlen(text) == size &&
	    ingest_utf8_check(text, size) == size;
	if (ingest_front_matter(text, &meta, &body, &errline) != 0)
		body = text;
	cJSON_Delete(meta);
	for (md = 0; md <= 1; md++) {
		n = ingest_chunk_body(body, md, INGEST_CHUNK_MAX, &chunks);
		for (i = 0; valid && i < n; i++) {
			const char *t = chunks[i].text;

			if (ingest_utf8_check(t, strlen(t)) != strlen(t)) {
				fprintf(stderr, "chunk %zu cut a code point\n",
				    i);
				abort();
			}
		}
		ingest_chunks_free(chunks, n);
	}
	free(text);
	return 0;
}

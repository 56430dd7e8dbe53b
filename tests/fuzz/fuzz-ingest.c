/*
 * fuzz-ingest.c: ingest of one file format (FUZZ_EXT, set by the build:
 * ".json", ".jsonl", ".csv" or ".md") on any bytes, as `shopdesk ingest
 * --dry-run` reads a shop's file: the input is written to a file of that
 * extension and loaded in a transaction that is rolled back, so every
 * input meets the same demo store.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "shopdesk.h"
#include "ingest.h"
#include "fuzz.h"

#ifndef FUZZ_EXT
#error "FUZZ_EXT must name the file extension"
#endif

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static char		*path;
	struct sd_error		 err = SD_ERROR_INIT;
	struct ingest_opts	 opts = { 0 };
	struct ingest_stats	 stats = { 0 };
	struct store		*st = fuzz_store();
	FILE			*fp;

	if (path == NULL)
		path = xasprintf("/tmp/sdfuzz-%ld%s", (long)getpid(),
		    FUZZ_EXT);
	if ((fp = fopen(path, "wb")) == NULL ||
	    fwrite(data, 1, size, fp) != size || fclose(fp) != 0) {
		perror(path);
		abort();
	}
	opts.dry_run = 1;
	/* Errors are the expected answer to most inputs; crashes are not. */
	ingest_file(st, path, &opts, &stats, &err);
	sd_error_clear(&err);
	unlink(path);
	return 0;
}

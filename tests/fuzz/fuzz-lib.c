/*
 * fuzz-lib.c: the set-up shared by the fuzz targets: one store per
 * process, copied from a template so that a corpus replay does not seed
 * and train for every target.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "shopdesk.h"
#include "ingest.h"
#include "store.h"
#include "fuzz.h"

static char		 dir[] = "/tmp/sdfuzz.XXXXXX";
static struct store	*st;

static void
cleanup(void)
{
	char	cmd[sizeof(dir) + 16];

	if (st != NULL)
		store_close(st);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz: could not remove %s\n", dir);
}

static void
copy_file(const char *from, const char *to)
{
	FILE	*in, *out;
	char	 buf[65536];
	size_t	 n;

	if ((in = fopen(from, "rb")) == NULL)
		return;		/* no -history yet: the store makes one */
	if ((out = fopen(to, "wb")) == NULL) {
		perror(to);
		abort();
	}
	while ((n = fread(buf, 1, sizeof(buf), in)) > 0)
		if (fwrite(buf, 1, n, out) != n) {
			perror(to);
			abort();
		}
	fclose(in);
	if (fclose(out) != 0) {
		perror(to);
		abort();
	}
}

const char *
fuzz_share_dir(void)
{
	const char	*s = getenv("SHOPDESK_SHARE");

	return s != NULL && *s != '\0' ? s : BUILD_SHARE_DIR;
}

struct store *
fuzz_store(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*tpl = getenv("SHOPDESK_FUZZ_DB");
	char		 path[sizeof(dir) + 32], from[4096];
	int		 created = 0;

	if (st != NULL)
		return st;
	if (mkdtemp(dir) == NULL) {
		perror("fuzz: mkdtemp");
		abort();
	}
	atexit(cleanup);
	snprintf(path, sizeof(path), "%s/shop.db", dir);
	if (tpl != NULL && *tpl != '\0') {
		copy_file(tpl, path);
		snprintf(from, sizeof(from), "%s-history", tpl);
		snprintf(path, sizeof(path), "%s/shop.db-history", dir);
		copy_file(from, path);
		snprintf(path, sizeof(path), "%s/shop.db", dir);
	}
	if ((st = store_open(path, &created, &err)) == NULL ||
	    (created && ingest_seed_demo(st, fuzz_share_dir(), &err) !=
	    SD_OK)) {
		fprintf(stderr, "fuzz: %s\n", sd_error_msg(&err));
		abort();
	}
	return st;
}

char *
fuzz_cstr(const uint8_t *data, size_t size)
{
	char	*s = xmalloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

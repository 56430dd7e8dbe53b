/*
 * replay.c: a main for the fuzz targets where libFuzzer is not used: it
 * runs the target once on every file named, or every file of every
 * directory named, so `make check` replays each corpus (and every crash
 * once found) under whatever sanitizers the build has.  Prints TAP: one
 * line per corpus.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "fuzz.h"

static int
run_file(const char *path)
{
	struct sbuf	 sb = SBUF_INIT;
	FILE		*fp;
	char		 buf[65536];
	size_t		 n;

	if ((fp = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		sbuf_add(&sb, buf, n);
	fclose(fp);
	/* A copy of exactly the file's size, so ASan sees any overread. */
	{
		uint8_t	*data = xmalloc(sb.len > 0 ? sb.len : 1);

		memcpy(data, sb.buf, sb.len);
		LLVMFuzzerTestOneInput(data, sb.len);
		free(data);
	}
	sbuf_release(&sb);
	return 0;
}

static int
names_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Run every regular file of dir, in name order; -1 when unreadable. */
static long
run_dir(const char *dir)
{
	DIR		*d;
	struct dirent	*de;
	char		**names = NULL;
	size_t		 n = 0, cap = 0, i;
	long		 runs = 0;

	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "%s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = xrealloc(names, cap * sizeof(*names));
		}
		names[n++] = xasprintf("%s/%s", dir, de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), names_cmp);
	for (i = 0; i < n; i++) {
		if (runs >= 0 && run_file(names[i]) == 0)
			runs++;
		else
			runs = -1;
		free(names[i]);
	}
	free(names);
	return runs;
}

int
main(int argc, char **argv)
{
	struct stat	 sb;
	long		 runs;
	int		 i, fail = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: %s CORPUS-DIR|FILE...\n", argv[0]);
		return 2;
	}
	printf("1..%d\n", argc - 1);
	for (i = 1; i < argc; i++) {
		if (stat(argv[i], &sb) != 0)
			runs = -1;
		else if (S_ISDIR(sb.st_mode))
			runs = run_dir(argv[i]);
		else
			runs = run_file(argv[i]) == 0 ? 1 : -1;
		/* Reaching here means no input crashed or tripped a
		 * sanitizer (they abort); an unreadable corpus fails. */
		printf("%sok %d - %s: %ld inputs replayed\n",
		    runs > 0 ? "" : "not ", i, argv[i], runs);
		fail |= runs <= 0;
	}
	return fail;
}

/*
 * sources.c: settings of the shop's systems (see sources.h).
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sbuf.h"
#include "sources.h"

enum sd_rc
sources_get(const char *path, const char *key, const char *env,
    char **value, struct sd_error *err)
{
	struct sbuf	 line = SBUF_INIT;
	struct stat	 sb;
	const char	*v;
	char		*eq, *k;
	FILE		*f;

	*value = NULL;
	if (env != NULL && (v = getenv(env)) != NULL && *v != '\0') {
		*value = xstrdup(v);
		return SD_OK;
	}
	if (path == NULL)
		return SD_OK;
	if ((f = fopen(path, "r")) == NULL)
		return errno == ENOENT ? SD_OK : sd_fail(err, SD_ERR_IO,
		    "%s: %s", path, strerror(errno));
	if (fstat(fileno(f), &sb) != 0 || (sb.st_mode & 077) != 0) {
		fclose(f);
		return sd_fail(err, SD_ERR_INVALID, "%s holds secrets: make "
		    "it readable by its owner only (chmod 600)", path);
	}
	while (*value == NULL && sbuf_getline(&line, f) == 0) {
		sbuf_trim(&line);
		if (line.len == 0 || line.buf[0] == '#' ||
		    (eq = strchr(line.buf, '=')) == NULL)
			continue;
		*eq = '\0';
		k = line.buf;
		for (v = eq + 1; *v == ' ' || *v == '\t'; v++)
			;
		while (eq > k && (eq[-1] == ' ' || eq[-1] == '\t'))
			*--eq = '\0';
		if (strcmp(k, key) == 0 && *v != '\0')
			*value = xstrdup(v);
		sbuf_reset(&line);
	}
	sbuf_release(&line);
	fclose(f);
	return SD_OK;
}

char *
sources_default_path(void)
{
	const char	*v;

	if ((v = getenv("XDG_CONFIG_HOME")) != NULL && *v == '/')
		return xasprintf("%s/shopdesk/sources", v);
	if ((v = getenv("HOME")) != NULL && *v != '\0')
		return xasprintf("%s/.config/shopdesk/sources", v);
	return NULL;
}

/*
 * paths.c owns the search for shopdesk's files: the share directory (demo
 * store, training data, templates) and the default database location.
 */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "shopdesk.h"
#include "paths.h"

char *
paths_join(const char *dir, const char *name)
{
	size_t	 n = strlen(dir);

	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

static int
is_dir(const char *p)
{
	struct stat	 sb;

	return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* The directory of the running executable, or NULL. */
static char *
exe_dir(void)
{
	char	 buf[PATH_MAX + 1];
	ssize_t	 n;
	char	*slash;

	if ((n = readlink("/proc/self/exe", buf, sizeof buf - 1)) <= 0)
		return NULL;
	buf[n] = '\0';
	if ((slash = strrchr(buf, '/')) == NULL)
		return NULL;
	*slash = '\0';
	return xstrdup(buf);
}

char *
paths_share_dir(const char *argv0)
{
	const char	*env;
	char		*dir, *real_build;
	int		 in_build = 0;

	(void)argv0;
	if ((env = getenv("SHOPDESK_SHARE")) != NULL && *env != '\0')
		return xstrdup(env);
	/*
	 * Run from the build tree (the program, or a test or benchmark
	 * program beside it under tests/ or bench/): use the source tree's
	 * share/, so nothing needs installing first.
	 */
	if ((dir = exe_dir()) != NULL) {
		real_build = realpath(BUILD_BIN_DIR, NULL);
		if (real_build != NULL && strncmp(dir, real_build,
		    strlen(real_build)) == 0 &&
		    (dir[strlen(real_build)] == '\0' ||
		    dir[strlen(real_build)] == '/'))
			in_build = 1;
		free(real_build);
		free(dir);
	}
	if (in_build && is_dir(BUILD_SHARE_DIR))
		return xstrdup(BUILD_SHARE_DIR);
	return xstrdup(PKGDATADIR);
}

char *
paths_data_dir(void)
{
	const char	*xdg, *home;
	struct passwd	*pw;

	if ((xdg = getenv("XDG_DATA_HOME")) != NULL && xdg[0] == '/')
		return paths_join(xdg, "shopdesk");
	if ((home = getenv("HOME")) == NULL || *home == '\0') {
		if ((pw = getpwuid(getuid())) != NULL)
			home = pw->pw_dir;
		else
			home = "/tmp";
	}
	return xasprintf("%s/.local/share/shopdesk", home);
}

char *
paths_default_db(const char **origin)
{
	const char	*env;
	char		*dir, *p;

	if (origin != NULL)
		*origin = NULL;
	if ((env = getenv("SHOPDESK_DB")) != NULL && *env != '\0') {
		if (origin != NULL)
			*origin = "SHOPDESK_DB";
		return xstrdup(env);
	}
	dir = paths_data_dir();
	p = paths_join(dir, "shopdesk.db");
	free(dir);
	return p;
}

/* mkdir -p dir. */
static enum sd_rc
make_dirs(const char *dir, struct sd_error *err)
{
	char	*d = xasprintf("%s/", dir), *p;
	enum sd_rc rc = SD_OK;

	for (p = d + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0755) != 0 && errno != EEXIST) {
			rc = sd_fail(err, SD_ERR_IO, "%s: %s", d,
			    strerror(errno));
			break;
		}
		*p = '/';
	}
	free(d);
	return rc;
}

enum sd_rc
paths_db_dir(const char *path, const char *origin, struct sd_error *err)
{
	const char	*slash = strrchr(path, '/');
	char		*dir;
	enum sd_rc	 rc = SD_OK;

	if (slash == NULL || slash == path)
		return SD_OK;	/* the current directory, or / */
	dir = xstrndup(path, (size_t)(slash - path));
	if (is_dir(dir))
		goto out;
	if (origin == NULL)
		rc = make_dirs(dir, err);
	else
		rc = sd_fail(err, SD_ERR_IO, "%s%s%s: directory %s does not "
		    "exist (create it first, or fix the path)", origin,
		    strcmp(origin, "--db") == 0 ? " " : "=", path, dir);
out:
	free(dir);
	return rc;
}

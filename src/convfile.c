/*
 * convfile.c: reading labelled conversation files, the format of
 * tests/data/dialogues and ../shared/data/conversations (see
 * eval-dialogues.c for the format).  A file is JSONL, one conversation
 * a line; a directory stands for its *.jsonl files in name order.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cJSON.h>

#include "shopdesk.h"
#include "convfile.h"
#include "judge.h"
#include "sbuf.h"

void
convfile_release(struct convfile_conv *c)
{
	size_t	 i;

	for (i = 0; i < c->nturns; i++)
		judge_turn_release(&c->turns[i]);
	free(c->turns);
	free(c->id);
	free(c->user);
	free(c->category);
}

static enum sd_rc
read_conv(const char *text, size_t len, struct convfile_conv *c,
    struct sd_error *err)
{
	cJSON		*root = cJSON_ParseWithLength(text, len);
	const cJSON	*id, *user, *cat, *turns, *jt;
	enum sd_rc	 rc = SD_OK;

	if (root == NULL || !cJSON_IsObject(root)) {
		rc = sd_fail(err, SD_ERR_PARSE, "not a JSON object");
		goto out;
	}
	id = cJSON_GetObjectItemCaseSensitive(root, "id");
	user = cJSON_GetObjectItemCaseSensitive(root, "user");
	cat = cJSON_GetObjectItemCaseSensitive(root, "category");
	turns = cJSON_GetObjectItemCaseSensitive(root, "turns");
	if (!cJSON_IsString(id) || !cJSON_IsString(cat) ||
	    !(user == NULL || cJSON_IsNull(user) || cJSON_IsString(user))) {
		rc = sd_fail(err, SD_ERR_PARSE, "\"id\" and \"category\" must "
		    "be strings, \"user\" a string or null");
		goto out;
	}
	if (!cJSON_IsArray(turns) || cJSON_GetArraySize(turns) == 0) {
		rc = sd_fail(err, SD_ERR_PARSE, "\"turns\" must be a "
		    "non-empty array");
		goto out;
	}
	c->id = xstrdup(id->valuestring);
	c->category = xstrdup(cat->valuestring);
	c->user = cJSON_IsString(user) ? xstrdup(user->valuestring) : NULL;
	c->turns = xcalloc((size_t)cJSON_GetArraySize(turns),
	    sizeof *c->turns);
	cJSON_ArrayForEach(jt, turns) {
		rc = judge_turn_read(jt, &c->turns[c->nturns], err);
		c->nturns++;	/* released with the conversation */
		if (rc != SD_OK) {
			sd_error_prefix(err, "%s turn %zu: ", c->id,
			    c->nturns);
			goto out;
		}
	}
out:
	cJSON_Delete(root);
	return rc;
}

enum sd_rc
convfile_read(const char *path, struct convfile_conv **convs, size_t *n,
    struct sd_error *err)
{
	FILE		*fp;
	struct sbuf	 line = SBUF_INIT;
	unsigned long	 lineno = 0;
	enum sd_rc	 rc = SD_OK;

	if ((fp = fopen(path, "r")) == NULL)
		return sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0)
			continue;
		*convs = xrealloc(*convs, (*n + 1) * sizeof **convs);
		memset(&(*convs)[*n], 0, sizeof **convs);
		(*convs)[*n].file = path;
		(*convs)[*n].line = lineno;
		rc = read_conv(line.buf, line.len, &(*convs)[*n], err);
		(*n)++;
		if (rc != SD_OK) {
			sd_error_prefix(err, "%s:%lu: ", path, lineno);
			break;
		}
	}
	if (rc == SD_OK && ferror(fp))
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
	fclose(fp);
	sbuf_release(&line);
	return rc;
}

static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum sd_rc
convfile_paths(const char *path, char ***files, size_t *nfiles,
    struct sd_error *err)
{
	struct stat	 sb;
	DIR		*d;
	struct dirent	*de;
	size_t		 len, dlen, first = *nfiles;

	if (stat(path, &sb) != 0)
		return sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
	if (!S_ISDIR(sb.st_mode)) {
		*files = xrealloc(*files, (*nfiles + 1) * sizeof **files);
		(*files)[(*nfiles)++] = xstrdup(path);
		return SD_OK;
	}
	if ((d = opendir(path)) == NULL)
		return sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
	dlen = strlen(path);
	while (dlen > 1 && path[dlen - 1] == '/')	/* "dir/" names "dir" */
		dlen--;
	while ((de = readdir(d)) != NULL) {
		len = strlen(de->d_name);
		if (len <= 6 || strcmp(de->d_name + len - 6, ".jsonl") != 0)
			continue;
		*files = xrealloc(*files, (*nfiles + 1) * sizeof **files);
		(*files)[(*nfiles)++] = xasprintf("%.*s/%s", (int)dlen, path,
		    de->d_name);
	}
	closedir(d);
	if (*nfiles == first)
		return sd_fail(err, SD_ERR_INVALID, "%s: no *.jsonl file", path);
	qsort(*files + first, *nfiles - first, sizeof **files, name_cmp);
	return SD_OK;
}

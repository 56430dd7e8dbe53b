/*
 * synonyms.c owns the synonyms table: shoppers' words mapped to the
 * catalog's ("couch" -> "sofa"), edited by the shop and seeded from
 * share/synonyms.tsv.  search.c reads it to expand queries.  Terms and
 * synonyms are stored normalised (synonyms_normalize) so that lookups
 * from query words are exact.
 *
 * Rows of source "alias" are the shop's aliases of catalog names ("xsx"
 * -> "xbox series x"): search expands them like any synonym, and the
 * entity gazetteer reads them to find the product (gazetteer.c); "shopdesk
 * aliases" edits them.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "paths.h"
#include "sbuf.h"
#include "search.h"
#include "store.h"

/* Insert one normalised pair; *added counts rows that were new. */
static enum sd_rc
add_pair(struct store *st, const char *term, const char *syn,
    const char *source, long long *added, struct sd_error *err)
{
	static const char sql[] = "INSERT INTO synonyms(term, synonym, source)"
	    " VALUES (?1, ?2, ?3) ON CONFLICT(term, synonym) DO NOTHING";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, term, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, syn, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, source, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "add synonym");
	if (added != NULL)
		*added += sqlite3_changes(store_db(st));
	return SD_OK;
}

/* Normalise and check a pair; the caller frees *t and *y. */
static enum sd_rc
check_pair(const char *term, const char *syn, char **t, char **y,
    struct sd_error *err)
{
	*t = *y = NULL;
	if ((*t = synonyms_normalize(term)) == NULL)
		return sd_fail(err, SD_ERR_INVALID, "term \"%s\" has no words "
		    "(or is not UTF-8)", term);
	if ((*y = synonyms_normalize(syn)) == NULL)
		return sd_fail(err, SD_ERR_INVALID, "synonym \"%s\" of \"%s\" "
		    "has no words (or is not UTF-8)", syn, term);
	if (strcmp(*t, *y) == 0)
		return sd_fail(err, SD_ERR_INVALID, "\"%s\" is a synonym of "
		    "itself", term);
	return SD_OK;
}

enum sd_rc
synonyms_add(struct store *st, const char *term, const char *const *syns,
    size_t nsyns, const char *source, long long *added, struct sd_error *err)
{
	char		*t = NULL, *y = NULL;
	size_t		 i;
	enum sd_rc	 rc;

	if (added != NULL)
		*added = 0;
	if ((rc = store_begin(st, err)) != SD_OK)
		return rc;
	for (i = 0; i < nsyns; i++) {
		rc = check_pair(term, syns[i], &t, &y, err);
		if (rc == SD_OK)
			rc = add_pair(st, t, y, source != NULL ? source :
			    "shop", added, err);
		free(t);
		free(y);
		if (rc != SD_OK)
			goto out;
	}
	rc = store_commit(st, err);
out:
	if (rc != SD_OK)
		store_rollback(st);
	return rc;
}

enum sd_rc
synonyms_remove(struct store *st, const char *term, const char *syn,
    long long *removed, struct sd_error *err)
{
	return synonyms_remove_source(st, term, syn, NULL, removed, err);
}

enum sd_rc
synonyms_remove_source(struct store *st, const char *term, const char *syn,
    const char *source, long long *removed, struct sd_error *err)
{
	static const char one[] = "DELETE FROM synonyms"
	    " WHERE term = ?1 AND synonym = ?2 AND (?3 IS NULL OR source = ?3)";
	static const char all[] = "DELETE FROM synonyms"
	    " WHERE term = ?1 AND (?3 IS NULL OR source = ?3)";
	sqlite3_stmt	*s;
	char		*t = NULL, *y = NULL;
	enum sd_rc	 rc = SD_OK;
	int		 r;

	*removed = 0;
	if ((t = synonyms_normalize(term)) == NULL) {
		rc = sd_fail(err, SD_ERR_INVALID, "term \"%s\" has no words",
		    term);
		goto out;
	}
	if (syn != NULL && (y = synonyms_normalize(syn)) == NULL) {
		rc = sd_fail(err, SD_ERR_INVALID, "synonym \"%s\" has no "
		    "words", syn);
		goto out;
	}
	if ((s = store_prepare(st, y != NULL ? one : all, err)) == NULL) {
		rc = SD_ERR_DB;
		goto out;
	}
	sqlite3_bind_text(s, 1, t, -1, SQLITE_STATIC);
	if (y != NULL)
		sqlite3_bind_text(s, 2, y, -1, SQLITE_STATIC);
	if (source != NULL)
		sqlite3_bind_text(s, 3, source, -1, SQLITE_STATIC);
	r = sqlite3_step(s);
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		rc = store_fail(st, err, "remove synonym");
		goto out;
	}
	*removed = sqlite3_changes(store_db(st));
	if (*removed == 0)
		rc = sd_fail(err, SD_ERR_NOTFOUND, y != NULL ?
		    "no %s \"%s\" for \"%s\"" : "no %s%.0s for \"%s\"",
		    source != NULL ? source : "synonym", y != NULL ? y : "",
		    t);
out:
	free(t);
	free(y);
	return rc;
}

/*
 * One line of a synonyms file: term<TAB>synonym[<TAB>synonym...].
 * "#@source NAME" switches the source recorded for the lines after it,
 * so one file carries the shop's list and the WordNet-derived one.
 */
static enum sd_rc
import_line(struct store *st, char *line, char **source, long long *added,
    struct sd_error *err)
{
	char		*p, *tab, *term, *t = NULL, *y = NULL;
	int		 nsyn = 0;
	enum sd_rc	 rc = SD_OK;

	if (strncmp(line, "#@source", 8) == 0) {
		p = line + 8;
		p += strspn(p, " \t");
		if (*p == '\0' || strpbrk(p, " \t") != NULL)
			return sd_fail(err, SD_ERR_PARSE, "#@source needs one "
			    "word");
		free(*source);
		*source = xstrdup(p);
		return SD_OK;
	}
	p = line + strspn(line, " \t");
	if (*p == '#' || *p == '\0')
		return SD_OK;
	if ((tab = strchr(line, '\t')) == NULL)
		return sd_fail(err, SD_ERR_PARSE, "expected term<TAB>synonym, "
		    "found no tab");
	*tab = '\0';
	term = line;
	p = tab + 1;
	for (;;) {
		if ((tab = strchr(p, '\t')) != NULL)
			*tab = '\0';
		if (*p != '\0') {
			if ((rc = check_pair(term, p, &t, &y, err)) == SD_OK)
				rc = add_pair(st, t, y, *source, added, err);
			free(t);
			free(y);
			t = y = NULL;
			if (rc != SD_OK)
				return rc;
			nsyn++;
		}
		if (tab == NULL)
			break;
		p = tab + 1;
	}
	if (nsyn == 0)
		return sd_fail(err, SD_ERR_PARSE, "\"%s\" has no synonym",
		    term);
	return SD_OK;
}

enum sd_rc
synonyms_import(struct store *st, const char *path, const char *source,
    long long *added, struct sd_error *err)
{
	FILE		*fp = NULL;
	struct sbuf	 line = SBUF_INIT;
	unsigned long	 lineno = 0;
	char		*src = xstrdup(source != NULL ? source : "shop");
	enum sd_rc	 rc;

	*added = 0;
	if ((fp = fopen(path, "r")) == NULL) {
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
		goto out;
	}
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		if ((rc = import_line(st, line.buf, &src, added, err)) !=
		    SD_OK) {
			sd_error_prefix(err, "%s:%lu: ", path, lineno);
			goto out;
		}
	}
	if (ferror(fp)) {
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
		goto out;
	}
	rc = store_commit(st, err);
out:
	if (rc != SD_OK) {
		store_rollback(st);
		*added = 0;
	}
	sbuf_release(&line);
	if (fp != NULL)
		fclose(fp);
	free(src);
	return rc;
}

enum sd_rc
synonyms_seed(struct store *st, const char *share_dir, struct sd_error *err)
{
	char		*path = paths_join(share_dir, "synonyms.tsv");
	long long	 added = 0;
	enum sd_rc	 rc;

	rc = synonyms_import(st, path, "shop", &added, err);
	free(path);
	return rc;
}

enum sd_rc
synonyms_list(struct store *st, const char *term,
    int (*fn)(void *, const char *, const char *, const char *), void *arg,
    struct sd_error *err)
{
	return synonyms_list_source(st, term, NULL, fn, arg, err);
}

enum sd_rc
synonyms_list_source(struct store *st, const char *term, const char *source,
    int (*fn)(void *, const char *, const char *, const char *), void *arg,
    struct sd_error *err)
{
	/*
	 * One term has its own statement: "?1 IS NULL OR term = ?1" kept
	 * the primary key out, and the knowledge answers look words up
	 * one by one, each a scan of every synonym.
	 */
	static const char all[] = "SELECT term, synonym, source FROM synonyms"
	    " WHERE ?2 IS NULL OR source = ?2"
	    " ORDER BY term, synonym";
	static const char one[] = "SELECT term, synonym, source FROM synonyms"
	    " WHERE term = ?1 AND (?2 IS NULL OR source = ?2)"
	    " ORDER BY term, synonym";
	sqlite3_stmt	*s;
	char		*t = NULL;
	int		 r;

	if (term != NULL && (t = synonyms_normalize(term)) == NULL)
		return sd_fail(err, SD_ERR_INVALID, "term \"%s\" has no words",
		    term);
	if ((s = store_prepare(st, t != NULL ? one : all, err)) == NULL) {
		free(t);
		return SD_ERR_DB;
	}
	if (t != NULL)
		sqlite3_bind_text(s, 1, t, -1, SQLITE_TRANSIENT);
	if (source != NULL)
		sqlite3_bind_text(s, 2, source, -1, SQLITE_TRANSIENT);
	free(t);
	while ((r = sqlite3_step(s)) == SQLITE_ROW)
		if (fn(arg, (const char *)sqlite3_column_text(s, 0),
		    (const char *)sqlite3_column_text(s, 1),
		    (const char *)sqlite3_column_text(s, 2)) != 0) {
			r = SQLITE_DONE;
			break;
		}
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "list synonyms");
	return SD_OK;
}

/*
 * intent-store.c owns the model's row in the store's models table: the
 * shipped training files (share/nlu), the hash that tells a stored model
 * is stale, training from the shipped data plus the shop's own labelled
 * turns, and loading (retraining when the data changed).
 */
#include "config.h"

#include <errno.h>
#include <glob.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "corpus.h"
#include "intent.h"
#include "intent-int.h"
#include "intent-train-int.h"
#include "paths.h"
#include "review.h"
#include "sbuf.h"
#include "store.h"

/* The hash of the data as training would compute it, without training. */
enum sd_rc
intent_data_hash(const char *const *files, size_t nfiles, uint64_t *hash,
    struct sd_error *err)
{
	FILE		*fp;
	unsigned char	 buf[1 << 16];
	size_t		 i, n, j;
	uint64_t	 h = FNV_INIT + MODEL_VERSION, w;

	/*
	 * Every engine_open hashes the megabyte of shipped data to see
	 * whether the stored model is stale: eight bytes per multiply, not
	 * one (the file boundary is hashed too, so moving bytes between
	 * files changes the hash).
	 */
	for (i = 0; i < nfiles; i++) {
		if ((fp = fopen(files[i], "rb")) == NULL)
			return sd_fail(err, SD_ERR_IO, "%s: %s", files[i],
			    strerror(errno));
		while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
			for (j = 0; j + 8 <= n; j += 8) {
				memcpy(&w, buf + j, 8);
				h = (h ^ w) * 0x100000001b3ULL;
			}
			h = fnv(h, (const char *)buf + j, n - j);
		}
		if (ferror(fp)) {
			fclose(fp);
			return sd_fail(err, SD_ERR_IO, "%s: read error",
			    files[i]);
		}
		fclose(fp);
		h = mix64(h ^ (uint64_t)i);
	}
	*hash = h;
	return SD_OK;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The files of dir matching "*.jsonl", sorted by name (glob sorts by
 * the locale; the model must not depend on it), appended to *files.
 */
static int
glob_jsonl(const char *dir, char ***files, size_t *nfiles)
{
	glob_t		 g;
	char		*pat;
	size_t		 i;
	int		 gr;

	pat = paths_join(dir, "*.jsonl");
	gr = glob(pat, 0, NULL, &g);
	free(pat);
	if (gr != 0) {
		if (gr != GLOB_NOMATCH)
			globfree(&g);
		return gr;
	}
	*files = xrealloc(*files, (*nfiles + g.gl_pathc) * sizeof **files);
	for (i = 0; i < g.gl_pathc; i++)
		(*files)[*nfiles + i] = xstrdup(g.gl_pathv[i]);
	qsort(*files + *nfiles, g.gl_pathc, sizeof **files, cmp_str);
	*nfiles += g.gl_pathc;
	globfree(&g);
	return 0;
}

/*
 * The *.jsonl files of share/nlu, then those of share/nlu/scope (the
 * relevance model's not_store lines, optional).
 */
enum sd_rc
intent_default_files(const char *share_dir, char ***files, size_t *nfiles,
    struct sd_error *err)
{
	char		*dir, *sub;

	*files = NULL;
	*nfiles = 0;
	if (share_dir == NULL)
		return sd_fail(err, SD_ERR_IO, "no data directory for the "
		    "intent training data");
	dir = paths_join(share_dir, "nlu");
	if (glob_jsonl(dir, files, nfiles) != 0) {
		sd_fail(err, SD_ERR_IO, "%s: no intent training data "
		    "(*.jsonl)", dir);
		free(dir);
		return SD_ERR_IO;
	}
	sub = paths_join(dir, "scope");
	(void)glob_jsonl(sub, files, nfiles);
	free(sub);
	free(dir);
	return SD_OK;
}

static void
free_files(char **files, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
}

static enum sd_rc
store_model(struct store *st, const unsigned char *blob, size_t len,
    const struct intent_train_stats *s, int from_share,
    struct sd_error *err)
{
	static const char sql[] =
	    "INSERT OR REPLACE INTO models (name, data, info, created_at) "
	    "VALUES ('intent', ?1, ?2, ?3)";
	sqlite3_stmt	*stmt;
	struct sbuf	 info = SBUF_INIT;
	enum sd_rc	 rc;

	sbuf_addf(&info, "{\"source\":\"%s\",\"data_hash\":\"%s\","
	    "\"examples\":%zu,\"intents\":%zu,\"features\":%zu,"
	    "\"train_accuracy\":%.6f,\"holdout_accuracy\":%.6f,"
	    "\"temperature\":%.6f,\"threshold\":%.4f,\"margin\":%.4f,"
	    "\"seconds\":%.3f,\"version\":%d,\"corrections\":%zu}",
	    from_share ? "share" : "files", s->data_hash, s->examples,
	    s->intents, s->features, s->train_accuracy, s->holdout_accuracy,
	    s->temperature, s->threshold, s->margin, s->seconds,
	    MODEL_VERSION, s->corrections);
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	if ((stmt = store_prepare(st, sql, err)) == NULL) {
		rc = err != NULL ? err->rc : SD_ERR_DB;
		goto out;
	}
	sqlite3_bind_blob64(stmt, 1, blob, len, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, info.buf, (int)info.len, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, store_now(), -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		rc = store_fail(st, err, "store intent model");
		goto out;
	}
	rc = store_commit(st, err);
out:
	if (rc != SD_OK)
		store_rollback(st);
	sbuf_release(&info);
	return rc;
}

/* The reviewed examples, copied out of the statement that read them. */
struct examples {
	struct intent_example *v;
	size_t		 n;
};

static void
examples_add(void *arg, const char *text, const char *intent)
{
	struct examples	*ex = arg;

	ex->v = xrealloc(ex->v, (ex->n + 1) * sizeof *ex->v);
	ex->v[ex->n].text = xstrdup(text);
	ex->v[ex->n].intent = xstrdup(intent);
	ex->n++;
}

static void
examples_free(struct examples *ex)
{
	size_t	 i;

	for (i = 0; i < ex->n; i++) {
		free((char *)ex->v[i].text);
		free((char *)ex->v[i].intent);
	}
	free(ex->v);
}

enum sd_rc
intent_train(struct store *st, const char *share_dir,
    const char *const *files, size_t nfiles, struct intent_train_stats *s,
    struct sd_error *err)
{
	char		**def = NULL;
	size_t		 ndef = 0, len = 0, ncx = 0, i;
	struct corpus_example *cx = NULL;
	unsigned char	*blob = NULL;
	struct intent_model *m = NULL;
	struct intent_train_stats tmp;
	struct examples	 ex = { NULL, 0 };
	enum sd_rc	 rc;
	int		 from_share = files == NULL;

	if (s == NULL)
		s = &tmp;
	if (from_share) {
		if ((rc = intent_default_files(share_dir, &def, &ndef, err)) !=
		    SD_OK)
			return rc;
		files = (const char *const *)def;
		nfiles = ndef;
	}
	/* The shop's labelled conversations (shopdesk ingest), then the
	 * reviewed turns' intents. */
	if ((rc = corpus_examples(st, &cx, &ncx, err)) != SD_OK)
		goto out;
	for (i = 0; i < ncx; i++)
		examples_add(&ex, cx[i].text, cx[i].intent);
	if (review_examples(st, examples_add, &ex, err) < 0) {
		rc = err != NULL ? err->rc : SD_ERR_DB;
		goto out;
	}
	if ((m = intent_train_model_with(files, nfiles, ex.v, ex.n, ncx, s,
	    &blob, &len, err)) == NULL) {
		rc = err != NULL ? err->rc : SD_ERR_INVALID;
		goto out;
	}
	rc = store_model(st, blob, len, s, from_share, err);
out:
	examples_free(&ex);
	intent_model_free(m);
	free(blob);
	free_files(def, ndef);
	corpus_examples_free(cx, ncx);
	return rc;
}

struct intent_model *
intent_model_load(struct store *st, const char *share_dir,
    struct sd_error *err)
{
	static const char sql[] =
	    "SELECT data, json_extract(info, '$.source'), "
	    "json_extract(info, '$.data_hash') FROM models "
	    "WHERE name = 'intent'";
	sqlite3_stmt	*stmt;
	struct intent_model *m = NULL;
	char		**files = NULL, hex[17];
	size_t		 nfiles = 0;
	const char	*src, *hash;
	uint64_t	 h = 0;
	int		 rc, stale = 1;

	if ((stmt = store_prepare(st, sql, err)) == NULL)
		return NULL;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		src = (const char *)sqlite3_column_text(stmt, 1);
		hash = (const char *)sqlite3_column_text(stmt, 2);
		stale = 0;
		/* Retrain when the shipped data changed since (an upgrade). */
		if (src != NULL && strcmp(src, "share") == 0 &&
		    intent_default_files(share_dir, &files, &nfiles,
		    NULL) == SD_OK &&
		    intent_data_hash((const char *const *)files, nfiles, &h,
		    NULL) == SD_OK) {
			snprintf(hex, sizeof hex, "%016llx",
			    (unsigned long long)h);
			stale = hash == NULL || strcmp(hash, hex) != 0;
		}
		if (!stale)
			m = intent_model_from_blob(sqlite3_column_blob(stmt, 0),
			    (size_t)sqlite3_column_bytes(stmt, 0), NULL);
		/* an unreadable blob (older version) is retrained too */
		stale = m == NULL;
	} else if (rc != SQLITE_DONE) {
		store_fail(st, err, "read intent model");
		goto out;
	}
	sqlite3_reset(stmt);
	if (!stale)
		goto out;
	if (intent_train(st, share_dir, NULL, 0, NULL, err) != SD_OK)
		goto out;
	if ((stmt = store_prepare(st, sql, err)) == NULL)
		goto out;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		store_fail(st, err, "read intent model");
		goto out;
	}
	m = intent_model_from_blob(sqlite3_column_blob(stmt, 0),
	    (size_t)sqlite3_column_bytes(stmt, 0), err);
	sqlite3_reset(stmt);
out:
	free_files(files, nfiles);
	return m;
}

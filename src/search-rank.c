/*
 * search-rank.c: the ranking function.  sd_rank is registered on each
 * connection as an FTS5 auxiliary function and scores a row from the
 * phrase specification search-plan.c writes (the arithmetic and why it
 * is not fts5's bm25() are at the top of search.c); the per-connection
 * cache of document counts it reads lives with it.  Its own file
 * because it runs inside FTS5's callbacks rather than in search's own
 * flow, and because the BM25 arithmetic must exist once: search-index.c
 * scores the document chunks in memory through the same search_rank_*
 * functions, so both rank a row alike.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "search.h"
#include "search-int.h"
#include "store.h"

#define BM25_K1		1.2
#define BM25_B		0.75

static int
count_row(const Fts5ExtensionApi *api, Fts5Context *fc, void *arg)
{
	(void)api;
	(void)fc;
	(*(sqlite3_int64 *)arg)++;
	return SQLITE_OK;
}

/*
 * Document frequencies of phrases, per connection (the user data of
 * sd_rank).  FTS5 stores no document counts: xQueryPhrase walks every
 * row that has the phrase, which for a word in a tenth of a large
 * catalog costs about as much as the rest of the query.  The words
 * shoppers type repeat, so the counts are kept until the catalog
 * changes: the data version of main moves on every commit to it (from
 * any connection).  Writes of the connection's own transaction on main
 * are seen before they commit, and may be rolled back, so counts are
 * not kept across calls while one is open.  (The conversation log is
 * in the history file, so other connections' turns leave main's data
 * version alone; but BEGIN IMMEDIATE opens a write on every attached
 * file, main too, and the commit of such a transaction by this
 * connection moves it even when nothing of main was written.)
 */
#define DF_CACHE_MAX	4096	/* entries; a full cache starts over */

static void
df_cache_clear(struct df_cache *c)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].key);
	c->n = 0;
}

static void
df_cache_free(void *p)
{
	struct df_cache *c = p;

	if (c == NULL)
		return;
	df_cache_clear(c);
	free(c->v);
	free(c);
}

/* Forget every count when the catalog may have changed since. */
void
search_df_cache_check(struct df_cache *c, sqlite3 *db)
{
	unsigned	 dv = 0;
	int		 w;

	if (sqlite3_file_control(db, "main", SQLITE_FCNTL_DATA_VERSION,
	    &dv) != SQLITE_OK)
		dv = c->data_version + 1;	/* unknown: assume changed */
	w = sqlite3_txn_state(db, "main") == SQLITE_TXN_WRITE;
	if (dv != c->data_version || w || c->in_write)
		df_cache_clear(c);
	c->data_version = dv;
	c->in_write = w;
}

struct df_entry *
search_df_cache_find(struct df_cache *c, const char *key)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0)
			return &c->v[i];
	return NULL;
}

void
search_df_cache_put(struct df_cache *c, const char *key, sqlite3_int64 df)
{
	if (c->n >= DF_CACHE_MAX)
		df_cache_clear(c);
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 64;
		c->v = xrealloc(c->v, c->cap * sizeof *c->v);
	}
	c->v[c->n].key = xstrdup(key);
	c->v[c->n].df = df;
	c->n++;
}

/*
 * Arguments: the phrase specification, "group:weight:len:text" per
 * phrase (text being the phrase's len bytes), comma separated, in the
 * order of the phrases in the MATCH expression; a tag naming the table
 * (for the document counts); the column weights.  search_rank_new reads
 * the specification; *key gets each phrase's document-count key (tag,
 * '\037', text; NULL when the specification has none).
 */
void
search_rank_keys_free(char **key, int n)
{
	int	 i;

	if (key == NULL)
		return;
	for (i = 0; i < n; i++)
		free(key[i]);
	free(key);
}

void
search_rank_free(void *p)
{
	struct rank_aux *a = p;

	if (a == NULL)
		return;
	free(a->group);
	free(a->weight);
	free(a->idf);
	free(a->wcol);
	free(a->avgl);
	free(a->gbest);
	free(a->tf);
	free(a->len);
	free(a);
}

struct rank_aux *
search_rank_new(const char *spec, const char *tag, int nphrase,
    const double *wcol, int ncol, char ***key)
{
	struct rank_aux	*a;
	const char	*p = spec != NULL ? spec : "";
	char		*end, **text;
	long		 len;
	int		 i, j;

	a = xcalloc(1, sizeof *a);
	a->nphrase = nphrase;
	a->ncol = ncol;
	a->group = xcalloc((size_t)a->nphrase + 1, sizeof *a->group);
	a->weight = xcalloc((size_t)a->nphrase + 1, sizeof *a->weight);
	a->idf = xcalloc((size_t)a->nphrase + 1, sizeof *a->idf);
	a->wcol = xcalloc((size_t)a->ncol + 1, sizeof *a->wcol);
	a->avgl = xcalloc((size_t)a->ncol + 1, sizeof *a->avgl);
	a->len = xcalloc((size_t)a->ncol + 1, sizeof *a->len);
	if (tag == NULL)
		tag = "";
	text = xcalloc((size_t)a->nphrase + 1, sizeof *text);
	for (i = 0; i < a->nphrase; i++) {
		a->group[i] = (int)strtol(p, &end, 10);
		if (*end == ':') {
			a->weight[i] = strtod(end + 1, &end);
		} else
			a->weight[i] = 1;
		if (end == p || a->group[i] < 0)
			a->group[i] = i;
		if (a->group[i] + 1 > a->ngroup)
			a->ngroup = a->group[i] + 1;
		if (*end == ':') {
			p = end + 1;
			len = strtol(p, &end, 10);
			if (*end == ':' && len >= 0 &&
			    (size_t)len <= strlen(end + 1)) {
				text[i] = xasprintf("%s\037%.*s", tag,
				    (int)len, end + 1);
				end += 1 + len;
			}
		}
		p = *end == ',' ? end + 1 : end;
	}
	a->gbest = xcalloc((size_t)a->ngroup + 1, sizeof *a->gbest);
	a->tf = xcalloc((size_t)a->nphrase * (size_t)a->ncol + 1,
	    sizeof *a->tf);
	for (j = 0; j < a->ncol; j++) {
		a->wcol[j] = wcol[j];
		if (a->wcol[j] > a->wmax)
			a->wmax = a->wcol[j];
	}
	if (key != NULL)
		*key = text;
	else
		search_rank_keys_free(text, a->nphrase);
	return a;
}

/*
 * The table's statistics: its row count, each column's token count and
 * each phrase's document count.
 */
void
search_rank_stats(struct rank_aux *a, sqlite3_int64 nrow,
    const sqlite3_int64 *ntok, const sqlite3_int64 *df)
{
	double		 gw;
	int		 i, j;

	for (j = 0; j < a->ncol; j++) {
		a->avgl[j] = nrow > 0 ? (double)ntok[j] / (double)nrow : 1;
		if (a->avgl[j] <= 0)
			a->avgl[j] = 1;
	}
	for (i = 0; i < a->nphrase; i++)
		/* The Lucene form: never negative, so common words count. */
		a->idf[i] = log(1.0 + ((double)nrow - (double)df[i] + 0.5) /
		    ((double)df[i] + 0.5));
	a->norm = 0;
	for (j = 0; j < a->ngroup; j++) {
		gw = 0;
		for (i = 0; i < a->nphrase; i++)
			if (a->group[i] == j && a->weight[i] * a->idf[i] > gw)
				gw = a->weight[i] * a->idf[i];
		a->norm += gw * a->wmax;
	}
	if (a->norm <= 0)
		a->norm = 1;
}

/*
 * A row's score from a->tf (phrase x column instance counts) and a->len
 * (its columns' lengths in tokens, read only where a phrase is).
 */
double
search_rank_score(struct rank_aux *a)
{
	const double	*tf = a->tf;
	double		 s, total = 0, den;
	int		 i, j;

	for (j = 0; j < a->ngroup; j++)
		a->gbest[j] = 0;
	for (i = 0; i < a->nphrase; i++) {
		s = 0;
		for (j = 0; j < a->ncol; j++) {
			if (tf[i * a->ncol + j] == 0 || a->wcol[j] == 0)
				continue;
			den = tf[i * a->ncol + j] + BM25_K1 * (1 - BM25_B +
			    BM25_B * (double)a->len[j] / a->avgl[j]);
			s += a->wcol[j] * tf[i * a->ncol + j] *
			    (BM25_K1 + 1) / den;
		}
		s *= a->idf[i] * a->weight[i];
		if (s > a->gbest[a->group[i]])
			a->gbest[a->group[i]] = s;
	}
	for (j = 0; j < a->ngroup; j++)
		total += a->gbest[j];
	return total / a->norm;
}

static struct rank_aux *
rank_aux_new(const Fts5ExtensionApi *api, Fts5Context *fc,
    sqlite3_context *sc, int nval, sqlite3_value **val, int *rc)
{
	struct df_cache	*cache = api->xUserData(fc);
	struct df_entry	*e;
	sqlite3		*db = sqlite3_context_db_handle(sc);
	struct rank_aux	*a;
	const char	*spec, *tag;
	char		**text = NULL;
	sqlite3_int64	 nrow = 0, *ntok = NULL, *df = NULL;
	double		*wcol;
	int		 i, j, nphrase = api->xPhraseCount(fc);
	int		 ncol = api->xColumnCount(fc);

	spec = nval > 0 ? (const char *)sqlite3_value_text(val[0]) : NULL;
	tag = nval > 1 ? (const char *)sqlite3_value_text(val[1]) : NULL;
	wcol = xcalloc((size_t)ncol + 1, sizeof *wcol);
	for (j = 0; j < ncol; j++)
		wcol[j] = j + 2 < nval ? sqlite3_value_double(val[j + 2]) :
		    1.0;
	a = search_rank_new(spec, tag, nphrase, wcol, ncol, &text);
	free(wcol);
	ntok = xcalloc((size_t)ncol + 1, sizeof *ntok);
	df = xcalloc((size_t)nphrase + 1, sizeof *df);
	if ((*rc = api->xRowCount(fc, &nrow)) != SQLITE_OK)
		goto fail;
	for (j = 0; j < ncol; j++)
		if ((*rc = api->xColumnTotalSize(fc, j, &ntok[j])) !=
		    SQLITE_OK)
			goto fail;
	if (cache != NULL)
		search_df_cache_check(cache, db);
	for (i = 0; i < nphrase; i++) {
		if (cache != NULL && text[i] != NULL &&
		    (e = search_df_cache_find(cache, text[i])) != NULL)
			df[i] = e->df;
		else {
			if ((*rc = api->xQueryPhrase(fc, i, &df[i],
			    count_row)) != SQLITE_OK)
				goto fail;
			if (cache != NULL && text[i] != NULL)
				search_df_cache_put(cache, text[i], df[i]);
		}
	}
	search_rank_stats(a, nrow, ntok, df);
	search_rank_keys_free(text, nphrase);
	free(ntok);
	free(df);
	return a;
fail:
	search_rank_keys_free(text, nphrase);
	free(ntok);
	free(df);
	search_rank_free(a);
	return NULL;
}

static void
sd_rank(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *sc,
    int nval, sqlite3_value **val)
{
	struct rank_aux	*a;
	int		 rc = SQLITE_OK, ninst, i, ph, col, off, j;
	double		*tf;

	if ((a = api->xGetAuxdata(fc, 0)) == NULL) {
		if ((a = rank_aux_new(api, fc, sc, nval, val, &rc)) == NULL) {
			sqlite3_result_error_code(sc, rc);
			return;
		}
		if ((rc = api->xSetAuxdata(fc, a, search_rank_free)) !=
		    SQLITE_OK) {
			sqlite3_result_error_code(sc, rc);
			return;
		}
	}
	tf = a->tf;
	memset(tf, 0, ((size_t)a->nphrase * (size_t)a->ncol) * sizeof *tf);
	if ((rc = api->xInstCount(fc, &ninst)) != SQLITE_OK)
		goto out;
	for (i = 0; i < ninst; i++) {
		if ((rc = api->xInst(fc, i, &ph, &col, &off)) != SQLITE_OK)
			goto out;
		if (ph >= 0 && ph < a->nphrase && col >= 0 && col < a->ncol)
			tf[ph * a->ncol + col] += 1;
	}
	/* The lengths of the columns a phrase is in, for the score. */
	for (j = 0; j < a->ncol; j++) {
		a->len[j] = 0;
		for (i = 0; i < a->nphrase; i++)
			if (tf[i * a->ncol + j] != 0 && a->wcol[j] != 0)
				break;
		if (i < a->nphrase &&
		    (rc = api->xColumnSize(fc, j, &a->len[j])) != SQLITE_OK)
			goto out;
	}
	sqlite3_result_double(sc, search_rank_score(a));
out:
	if (rc != SQLITE_OK)
		sqlite3_result_error_code(sc, rc);
}

fts5_api *
search_fts5(struct store *st, struct sd_error *err)
{
	sqlite3		*db = store_db(st);
	sqlite3_stmt	*s = NULL;
	fts5_api	*api = NULL;

	if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, NULL) !=
	    SQLITE_OK) {
		(void)store_fail(st, err, "find fts5");
		return NULL;
	}
	sqlite3_bind_pointer(s, 1, (void *)&api, "fts5_api_ptr", NULL);
	sqlite3_step(s);
	sqlite3_finalize(s);
	if (api == NULL)
		(void)sd_fail(err, SD_ERR_DB, "SQLite has no FTS5");
	return api;
}

static enum sd_rc
register_rank(struct store *st, struct sd_error *err)
{
	fts5_api	*api;
	struct df_cache	*cache;

	if ((api = search_fts5(st, err)) == NULL)
		return SD_ERR_DB;
	cache = xcalloc(1, sizeof *cache);
	if (api->xCreateFunction(api, "sd_rank", cache, sd_rank,
	    df_cache_free) != SQLITE_OK) {
		df_cache_free(cache);
		return store_fail(st, err, "register sd_rank");
	}
	/* Read by strict_hopeless; FTS5 frees it with the connection. */
	store_slot_set(st, STORE_SLOT_DF, cache, NULL);
	return SD_OK;
}

/*
 * store_prepare for SQL that calls sd_rank: the function is registered
 * on the connection the first time a statement needs it (the statement
 * cache then keeps the prepared statement, so this costs nothing after).
 */
sqlite3_stmt *
search_prepare_ranked(struct store *st, const char *sql, struct sd_error *err)
{
	sqlite3_stmt	*s;

	if ((s = store_prepare(st, sql, NULL)) != NULL)
		return s;
	if (register_rank(st, err) != SD_OK)
		return NULL;
	return store_prepare(st, sql, err);
}

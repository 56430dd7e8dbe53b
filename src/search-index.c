/*
 * search-index.c owns the in-memory index of the knowledge base's
 * chunks, which ranks document searches in place of the FTS5 query
 * over chunk_fts when it can stand in for it exactly.
 *
 * Why: a knowledge-base question is an OR of twenty or thirty phrases
 * (the customer's words, their corrections and synonyms, the subject's
 * names).  FTS5 merges every phrase's doclist, then sd_rank reads each
 * matching row's instances and column sizes from the index pages: for
 * the two searches of a manual answer on the demo store (325 chunks)
 * that was 0.6 ms of a 1.9 ms turn, the largest part of the slowest
 * turns.  The chunks are few and change only with an ingest, so each
 * connection keeps, per catalog version, every term's postings as the
 * table's own tokenizer cut them, and scores the rows with sd_rank's
 * arithmetic (search_rank_score): the same rows with the same scores,
 * in microseconds.
 *
 * Exactness.  Documents are tokenized by the table (the FTS5 API's
 * xTokenize) while the index is built; queries by a tokenizer made from
 * the table's "tokenize" option, which at build time must cut every
 * column as the table did, token for token, and agree with its column
 * sizes.  A table option that changes matching (detail, columnsize,
 * content), a colocated token, an empty phrase or a knowledge base over
 * CI_MAX_TOKENS tokens leaves the ranking to FTS5.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "search-int.h"
#include "store.h"

#define CI_MAX_TOKENS	(1 << 20)	/* beyond: FTS5 ranks */
#define CI_MAX_ARGS	16		/* words of the tokenize option */
#define CI_POS_MAX	((1 << CI_POS_BITS) - 64)	/* room for phrases */
#define CI_TOKEN_MAX	32768		/* FTS5_MAX_TOKEN_SIZE */
#define CI_PTR		"sd_chunk_index"

/* A token as indexed: where its text is, and its row, column, position. */
struct ci_rec {
	size_t		 off;	/* in the build's text; then unused */
	const char	*text;
	uint64_t	 key;	/* row << 32 | column << 24 | position */
};

/* While the index is built (the aux function's state). */
struct ci_build {
	struct chunk_index *ix;
	struct sbuf	 text;		/* tokens' bytes, NUL-terminated */
	struct sbuf	 doc;		/* the columns' texts, NUL-terminated */
	struct ci_rec	*rec;
	size_t		 nrec, cap;
	size_t		 rowcap;
	size_t		 check;		/* the next record to compare */
	sqlite3_int64	 total[CI_MAX_COLS];	/* each column's tokens */
	int		 col, pos;
	int		 failed;
};

void
chunk_index_free(struct chunk_index *ix)
{
	if (ix == NULL)
		return;
	if (ix->tok != NULL)
		ix->tk.xDelete(ix->tok);
	free(ix->term);
	free(ix->first);
	free(ix->key);
	free(ix->text);
	free(ix->rowid);
	free(ix->len);
	free(ix->doc);
	free(ix->doc_off);
	free(ix->doc_len);
	free(ix->slot);
	free(ix);
}

/* ---- the tokenizer for queries ---- */

/*
 * The words of chunk_fts's tokenize option ("porter unicode61
 * remove_diacritics 2") into argv; 0 when read, -1 when the table
 * declares something the index does not mirror.
 */
static int
ci_tokenize_option(const char *sql, struct sbuf *buf, const char **argv,
    int *argc)
{
	static const char *const unsupported[] = { "detail", "columnsize",
	    "content", "contentless", "prefix", "locale", NULL };
	const char	*p, *q, *const *u;
	char		*w;
	size_t		 i;
	char		 quote;

	*argc = 0;
	for (u = unsupported; *u != NULL; u++)
		for (p = sql; (p = strchr(p, (*u)[0])) != NULL; p++)
			if (strncasecmp(p, *u, strlen(*u)) == 0)
				return -1;
	for (p = sql; *p != '\0' && strncasecmp(p, "tokenize", 8) != 0; p++)
		;
	if (*p == '\0') {
		argv[(*argc)++] = "unicode61";	/* FTS5's default */
		return 0;
	}
	for (p += 8; *p == ' '; p++)
		;
	if (*p++ != '=')
		return -1;
	for (; *p == ' '; p++)
		;
	if (*p != '\'' && *p != '"')
		return -1;
	quote = *p++;
	if ((q = strchr(p, quote)) == NULL || q[1] == quote)
		return -1;
	sbuf_add(buf, p, (size_t)(q - p));
	for (i = 0; i < buf->len; i++)
		if (strchr("'\"()[]`,", buf->buf[i]) != NULL)
			return -1;
	for (w = strtok(buf->buf, " \t\n"); w != NULL; w = strtok(NULL,
	    " \t\n")) {
		if (*argc == CI_MAX_ARGS)
			return -1;
		argv[(*argc)++] = w;
	}
	return *argc > 0 ? 0 : -1;
}

static int
ci_make_tokenizer(struct store *st, struct chunk_index *ix)
{
	static const char sql[] = "SELECT sql FROM main.sqlite_schema"
	    " WHERE type = 'table' AND name = 'chunk_fts'";
	sqlite3_stmt	*s;
	fts5_api	*api;
	struct sbuf	 opt = SBUF_INIT, words = SBUF_INIT;
	const char	*argv[CI_MAX_ARGS];
	void		*ud = NULL;
	int		 argc = 0, ok = -1;

	if ((api = search_fts5(st, NULL)) == NULL ||
	    (s = store_prepare(st, sql, NULL)) == NULL)
		return -1;
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) !=
	    NULL)
		sbuf_adds(&opt, (const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	if (opt.len > 0 && ci_tokenize_option(opt.buf, &words, argv,
	    &argc) == 0 && api->xFindTokenizer(api, argv[0], &ud, &ix->tk) ==
	    SQLITE_OK && ix->tk.xCreate(ud, argv + 1, argc - 1, &ix->tok) ==
	    SQLITE_OK)
		ok = 0;
	else
		ix->tok = NULL;
	sbuf_release(&opt);
	sbuf_release(&words);
	return ok;
}

/* ---- building ---- */

static int
ci_token(void *arg, int tflags, const char *tok, int n, int start, int end)
{
	struct ci_build	*b = arg;
	struct ci_rec	*r;

	(void)start;
	(void)end;
	if ((tflags & FTS5_TOKEN_COLOCATED) || n <= 0 || n > CI_TOKEN_MAX ||
	    b->pos >= CI_POS_MAX || b->nrec >= CI_MAX_TOKENS) {
		b->failed = 1;
		return SQLITE_OK;
	}
	if (b->nrec == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 4096;
		b->rec = xrealloc(b->rec, b->cap * sizeof *b->rec);
	}
	r = &b->rec[b->nrec++];
	r->off = b->text.len;
	r->text = NULL;
	r->key = (uint64_t)b->ix->nrow << 32 | (uint64_t)b->col <<
	    CI_POS_BITS | (uint64_t)b->pos++;
	sbuf_add(&b->text, tok, (size_t)n);
	sbuf_addc(&b->text, '\0');
	return SQLITE_OK;
}

/* The query tokenizer must cut the column as the table did. */
static int
ci_check(void *arg, int tflags, const char *tok, int n, int start, int end)
{
	struct ci_build	*b = arg;
	const char	*t;

	(void)start;
	(void)end;
	if (b->check >= b->nrec || (tflags & FTS5_TOKEN_COLOCATED)) {
		b->failed = 1;
		return SQLITE_OK;
	}
	t = b->text.buf + b->rec[b->check++].off;
	if (strlen(t) != (size_t)n || memcmp(t, tok, (size_t)n) != 0)
		b->failed = 1;
	return SQLITE_OK;
}

/* The table's statistics, read on the first row. */
static int
ci_first_row(const Fts5ExtensionApi *api, Fts5Context *fc,
    struct chunk_index *ix)
{
	sqlite3_int64	 total = 0;
	int		 j;

	if ((ix->ncol = api->xColumnCount(fc)) > CI_MAX_COLS ||
	    api->xRowCount(fc, &ix->nrow_fts) != SQLITE_OK)
		return -1;
	for (j = 0; j < ix->ncol; j++) {
		if (api->xColumnTotalSize(fc, j, &ix->ntok[j]) != SQLITE_OK)
			return -1;
		total += ix->ntok[j];
	}
	return total <= CI_MAX_TOKENS ? 0 : -1;
}

/*
 * sd_chunk_index(chunk_fts, build, rowid, column...): one row into the
 * index.  The row and its texts come as arguments: outside a MATCH the
 * FTS5 cursor has no row for xRowid, xColumnText or xColumnSize.  A
 * column's size is the count of the table's tokens, as FTS5 counted
 * them when the row was written; ci_finish holds their sums against the
 * table's totals.
 */
static void
ci_row(const Fts5ExtensionApi *api, Fts5Context *fc, sqlite3_context *sc,
    int nval, sqlite3_value **val)
{
	struct ci_build	*b = nval > 0 ? sqlite3_value_pointer(val[0],
			    CI_PTR) : NULL;
	struct chunk_index *ix;
	const char	*z;
	sqlite3_int64	 rowid;
	int		 j, n;

	sqlite3_result_null(sc);
	if (b == NULL || b->failed)
		return;
	ix = b->ix;
	rowid = sqlite3_value_int64(val[1]);
	if ((ix->nrow == 0 && ci_first_row(api, fc, ix) != 0) ||
	    nval != ix->ncol + 2 ||
	    (ix->nrow > 0 && rowid <= ix->rowid[ix->nrow - 1]) ||
	    ix->nrow >= UINT32_MAX) {
		b->failed = 1;
		return;
	}
	if (ix->nrow == b->rowcap) {
		b->rowcap = b->rowcap ? b->rowcap * 2 : 256;
		ix->rowid = xrealloc(ix->rowid, b->rowcap * sizeof *ix->rowid);
		ix->len = xrealloc(ix->len, b->rowcap * (size_t)ix->ncol *
		    sizeof *ix->len);
		ix->doc_off = xrealloc(ix->doc_off, b->rowcap *
		    (size_t)ix->ncol * sizeof *ix->doc_off);
		ix->doc_len = xrealloc(ix->doc_len, b->rowcap *
		    (size_t)ix->ncol * sizeof *ix->doc_len);
	}
	ix->rowid[ix->nrow] = rowid;
	for (j = 0; j < ix->ncol && !b->failed; j++) {
		z = (const char *)sqlite3_value_text(val[j + 2]);
		n = sqlite3_value_bytes(val[j + 2]);
		b->col = j;
		b->pos = 0;
		b->check = b->nrec;
		if (z != NULL && n > 0 && (api->xTokenize(fc, z, n, b,
		    ci_token) != SQLITE_OK || ix->tk.xTokenize(ix->tok, b,
		    FTS5_TOKENIZE_DOCUMENT, z, n, ci_check) != SQLITE_OK))
			b->failed = 1;
		if (b->check != b->nrec)
			b->failed = 1;
		ix->len[ix->nrow * (size_t)ix->ncol + (size_t)j] = b->pos;
		b->total[j] += b->pos;
		ix->doc_off[ix->nrow * (size_t)ix->ncol + (size_t)j] =
		    b->doc.len;
		ix->doc_len[ix->nrow * (size_t)ix->ncol + (size_t)j] =
		    z != NULL && n > 0 ? n : 0;
		if (z != NULL && n > 0)
			sbuf_add(&b->doc, z, (size_t)n);
		sbuf_addc(&b->doc, '\0');
	}
	ix->nrow++;
}

static int
ci_rec_cmp(const void *x, const void *y)
{
	const struct ci_rec *a = x, *b = y;
	int		 c = strcmp(a->text, b->text);

	if (c != 0)
		return c;
	return a->key < b->key ? -1 : a->key > b->key;
}

/*
 * The records, sorted, into terms and postings; -1 when the rows read
 * are not what the table counts.
 */
static int
ci_finish(struct ci_build *b)
{
	struct chunk_index *ix = b->ix;
	size_t		 i;
	int		 j;

	if ((sqlite3_int64)ix->nrow != ix->nrow_fts)
		return -1;
	for (j = 0; j < ix->ncol; j++)
		if (b->total[j] != ix->ntok[j])
			return -1;

	ix->text = sbuf_detach(&b->text, NULL);
	ix->doc = sbuf_detach(&b->doc, NULL);
	for (i = 0; i < b->nrec; i++)
		b->rec[i].text = ix->text + b->rec[i].off;
	if (b->nrec > 1)
		qsort(b->rec, b->nrec, sizeof *b->rec, ci_rec_cmp);
	ix->key = xcalloc(b->nrec + 1, sizeof *ix->key);
	ix->term = xcalloc(b->nrec + 1, sizeof *ix->term);
	ix->first = xcalloc(b->nrec + 2, sizeof *ix->first);
	for (i = 0; i < b->nrec; i++) {
		ix->key[i] = b->rec[i].key;
		if (i == 0 || strcmp(b->rec[i].text, b->rec[i - 1].text) !=
		    0) {
			ix->term[ix->nterm] = b->rec[i].text;
			ix->first[ix->nterm++] = i;
		}
	}
	ix->first[ix->nterm] = b->nrec;
	ix->slot = xcalloc(ix->nrow + 1, sizeof *ix->slot);
	for (i = 0; i < ix->nrow; i++)
		ix->slot[i] = -1;
	return 0;
}

/* The statement that feeds every row to ci_row, the function made once. */
static sqlite3_stmt *
ci_prepare(struct store *st)
{
	static const char sql[] = "SELECT sd_chunk_index(chunk_fts, ?1,"
	    " rowid, title, heading, text, tags) FROM chunk_fts";
	sqlite3_stmt	*s;
	fts5_api	*api;

	if ((s = store_prepare(st, sql, NULL)) != NULL)
		return s;
	if ((api = search_fts5(st, NULL)) == NULL ||
	    api->xCreateFunction(api, "sd_chunk_index", NULL, ci_row,
	    NULL) != SQLITE_OK)
		return NULL;
	return store_prepare(st, sql, NULL);
}

struct chunk_index *
chunk_index_load(struct store *st)
{
	struct ci_build	 b;
	sqlite3_stmt	*s;
	int		 r;

	memset(&b, 0, sizeof b);
	sbuf_init(&b.text);
	sbuf_init(&b.doc);
	b.ix = xcalloc(1, sizeof *b.ix);
	if (ci_make_tokenizer(st, b.ix) != 0 || (s = ci_prepare(st)) ==
	    NULL) {
		b.failed = 1;
		goto out;
	}
	sqlite3_bind_pointer(s, 1, &b, CI_PTR, NULL);
	while ((r = sqlite3_step(s)) == SQLITE_ROW && !b.failed)
		;
	if (r != SQLITE_ROW && r != SQLITE_DONE)
		b.failed = 1;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	/* An empty table has no first row to read its statistics from. */
	if (!b.failed && b.ix->nrow == 0)
		b.failed = 1;
	if (!b.failed && ci_finish(&b) != 0)
		b.failed = 1;
out:
	sbuf_release(&b.text);
	sbuf_release(&b.doc);
	free(b.rec);
	if (b.failed) {
		chunk_index_free(b.ix);
		return NULL;
	}
	return b.ix;
}

/* ---- ranking ---- */

/* Term text's index, or -1. */
static long
ci_term_find(const struct chunk_index *ix, const char *t, size_t n)
{
	size_t	 lo = 0, hi = ix->nterm, mid;
	int	 c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strncmp(ix->term[mid], t, n);
		if (c == 0 && ix->term[mid][n] != '\0')
			c = 1;
		if (c == 0)
			return (long)mid;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static int
ci_query_token(void *arg, int tflags, const char *tok, int n, int start,
    int end)
{
	struct ci_phrase *p = arg;

	(void)start;
	(void)end;
	if ((tflags & FTS5_TOKEN_COLOCATED) || n <= 0 || n > CI_TOKEN_MAX) {
		p->bad = 1;
		return SQLITE_OK;
	}
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 4;
		p->term = xrealloc(p->term, p->cap * sizeof *p->term);
	}
	p->term[p->n++] = ci_term_find(p->ix, tok, (size_t)n);
	return SQLITE_OK;
}

/*
 * The n phrases cut by the query tokenizer into *out (freed with
 * ci_phrases_free); -1 when one is not a phrase the index can match as
 * FTS5 would (no tokens, colocated ones, longer than CI_POS_MAX leaves
 * room for).
 */
int
chunk_index_phrases(const struct chunk_index *ix, const char *const *phrase,
    size_t n, struct ci_phrase **out)
{
	struct ci_phrase *p = xcalloc(n + 1, sizeof *p);
	size_t		 i;
	int		 rc = 0;

	for (i = 0; i < n && rc == 0; i++) {
		p[i].ix = ix;
		if (ix->tk.xTokenize(ix->tok, &p[i], FTS5_TOKENIZE_QUERY,
		    phrase[i], (int)strlen(phrase[i]), ci_query_token) !=
		    SQLITE_OK || p[i].bad || p[i].n == 0 || p[i].n > 64)
			rc = -1;
	}
	*out = p;
	return rc;
}

void
chunk_index_phrases_free(struct ci_phrase *p, size_t n)
{
	size_t	 i;

	for (i = 0; p != NULL && i < n; i++)
		free(p[i].term);
	free(p);
}

int
chunk_index_has(const struct chunk_index *ix, long t, uint64_t key)
{
	size_t	 lo = ix->first[t], hi = ix->first[t + 1], mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ix->key[mid] == key)
			return 1;
		if (ix->key[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* The rows that matched, with their counts (phrase x column each). */
struct ci_cand {
	size_t		*row;
	double		*tf;
	size_t		 n, cap;
	size_t		 width;		/* nphrase * ncol */
};

static double *
ci_cand_tf(struct chunk_index *ix, struct ci_cand *c, size_t row)
{
	if (ix->slot[row] < 0) {
		if (c->n == c->cap) {
			c->cap = c->cap ? c->cap * 2 : 64;
			c->row = xrealloc(c->row, c->cap * sizeof *c->row);
			c->tf = xrealloc(c->tf, c->cap * c->width *
			    sizeof *c->tf);
		}
		memset(c->tf + c->n * c->width, 0, c->width * sizeof *c->tf);
		c->row[c->n] = row;
		ix->slot[row] = (int)c->n++;
	}
	return c->tf + (size_t)ix->slot[row] * c->width;
}

/*
 * Count phrase ph's instances (term list p) into the candidates; its
 * document count into *df.
 */
static void
ci_match(struct chunk_index *ix, const struct ci_phrase *p, size_t ph,
    struct ci_cand *c, sqlite3_int64 *df)
{
	size_t		 k, m, row, last = SIZE_MAX;
	uint64_t	 key;
	double		*tf;

	*df = 0;
	for (m = 0; m < p->n; m++)
		if (p->term[m] < 0)
			return;		/* a term no chunk has */
	for (k = ix->first[p->term[0]]; k < ix->first[p->term[0] + 1]; k++) {
		key = ix->key[k];
		for (m = 1; m < p->n && chunk_index_has(ix, p->term[m],
		    key + m); m++)
			;
		if (m < p->n)
			continue;
		row = (size_t)(key >> 32);
		if (row != last)
			(*df)++;
		last = row;
		tf = ci_cand_tf(ix, c, row);
		tf[ph * (size_t)ix->ncol + (size_t)((key >> CI_POS_BITS) &
		    0xff)] += 1;
	}
}

/* Whether candidate i has a phrase of every unit. */
static int
ci_all_units(const struct ci_cand *c, size_t i, const int *unit, size_t n,
    int ncol)
{
	const double	*tf = c->tf + i * c->width;
	size_t		 a, b;
	int		 j, found;

	for (a = 0; a < n; a++) {
		found = 0;
		for (b = 0; b < n && !found; b++) {
			if (unit[b] != unit[a])
				continue;
			for (j = 0; j < ncol; j++)
				if (tf[b * (size_t)ncol + (size_t)j] != 0)
					found = 1;
		}
		if (!found)
			return 0;
	}
	return 1;
}

static int
ci_scored_cmp(const void *x, const void *y)
{
	const struct chunk_scored *a = x, *b = y;

	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return a->rowid < b->rowid ? -1 : a->rowid > b->rowid;
}

int
chunk_index_rank(struct chunk_index *ix, const char *const *phrase,
    const int *unit, size_t n, const char *spec, const double *wcol,
    struct chunk_scored **out, size_t *nout, sqlite3_int64 *df)
{
	struct ci_phrase *p;
	struct ci_cand	 c;
	struct rank_aux	*a = NULL;
	size_t		 i;
	int		 rc = 0;

	*out = NULL;
	*nout = 0;
	memset(&c, 0, sizeof c);
	c.width = n * (size_t)ix->ncol;
	rc = chunk_index_phrases(ix, phrase, n, &p);
	for (i = 0; i < n && rc == 0; i++)
		ci_match(ix, &p[i], i, &c, &df[i]);
	if (rc == 0) {
		a = search_rank_new(spec, NULL, (int)n, wcol, ix->ncol, NULL);
		search_rank_stats(a, ix->nrow_fts, ix->ntok, df);
		*out = xcalloc(c.n + 1, sizeof **out);
	}
	for (i = 0; i < c.n; i++) {
		ix->slot[c.row[i]] = -1;
		if (rc != 0 || (unit != NULL && !ci_all_units(&c, i, unit, n,
		    ix->ncol)))
			continue;
		memcpy(a->tf, c.tf + i * c.width, c.width * sizeof *a->tf);
		memcpy(a->len, ix->len + c.row[i] * (size_t)ix->ncol,
		    (size_t)ix->ncol * sizeof *a->len);
		(*out)[*nout].rowid = ix->rowid[c.row[i]];
		(*out)[(*nout)++].score = search_rank_score(a);
	}
	if (*nout > 1)
		qsort(*out, *nout, sizeof **out, ci_scored_cmp);
	chunk_index_phrases_free(p, n);
	free(c.row);
	free(c.tf);
	search_rank_free(a);
	return rc;
}

/*
 * search-chunk.c: searching the document chunks (FAQs, policies,
 * manuals, tickets).  It ranks chunks by the plan's expression, keeps
 * a document's best chunk, and cuts their snippets.  Its own file
 * because chunks are searched unlike products: each connection keeps
 * the chunk map (every chunk's kind and document) and, through it,
 * search-index.c's in-memory index, and answers from them where they
 * can stand in for the FTS5 query exactly, falling back to SQL where
 * they cannot.  search.c decides when to run which expression.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "search.h"
#include "search-int.h"
#include "store.h"

/*
 * Field weights of a chunk (title, heading, text, tags; bound as ?5-?8).
 * Among FAQs and policies alone, one weight: a policy's title is shared
 * by all its sections and an FAQ's answer holds the facts asked about
 * ("paypal"), so the title must not outweigh them.  With manuals,
 * tickets or products, the title (a product's name) and the heading
 * weigh more, which also keeps a chunk's score on the scale of a
 * product's and of the thresholds callers set for a strong match.
 */
static const double chunk_w_store[4] = { 1.0, 1.0, 1.0, 1.0 };
static const double chunk_w_mixed[4] = { 5.0, 3.0, 1.0, 2.0 };

static const double *
chunk_weights(unsigned kinds)
{
	return (kinds & ~(SEARCH_KIND_BIT(SEARCH_FAQ) |
	    SEARCH_KIND_BIT(SEARCH_POLICY))) != 0 ? chunk_w_mixed :
	    chunk_w_store;
}

static void
bind_chunk_weights(sqlite3_stmt *s, unsigned kinds)
{
	const double	*w = chunk_weights(kinds);
	int		 i;

	for (i = 0; i < 4; i++)
		sqlite3_bind_double(s, 5 + i, w[i]);
}

static const char chunk_sql[] =
    "SELECT c.id, d.doc_key, d.kind, d.title, c.heading, d.id,"
    "  sd_rank(chunk_fts, ?2, 'chunk', ?5, ?6, ?7, ?8) AS score"
    "  FROM chunk_fts JOIN chunks c ON c.id = chunk_fts.rowid"
    "  JOIN documents d ON d.id = c.document_id"
    " WHERE chunk_fts MATCH ?1"
    "   AND (?3 & (CASE d.kind WHEN 'faq' THEN 2 WHEN 'policy' THEN 4"
    "        WHEN 'manual' THEN 8 WHEN 'ticket' THEN 16 ELSE 0 END)) != 0"
    " ORDER BY score DESC, c.id LIMIT ?4";

/*
 * The snippets of several chunks in one statement: most of a snippet's
 * cost is setting up the MATCH, not cutting the text, so one query over
 * the range of the hits' rowids (?4 lists them as ",1,7,") is about half
 * the price of one query per hit.  It visits only matching rows in the
 * range, fewer than the ranking query before it.
 */
/* A chunk's snippet: its text, 16 tokens, the query's words marked. */
static const struct chunk_snippet_args chunk_snip = {
	2, "[", "]", "...", 16
};

static const char chunk_snippets_sql[] =
    "SELECT rowid, snippet(chunk_fts, ?5, ?6, ?7, ?8, ?9)"
    "  FROM chunk_fts WHERE chunk_fts MATCH ?1"
    "   AND rowid BETWEEN ?2 AND ?3 AND instr(?4, ',' || rowid || ',') > 0";

/* The snippets of the hits from first on (chunks). */
/*
 * Snippets of the document hits of res without one: those from first on
 * (idx NULL), or the n hits listed in idx.  Every hit named gets a
 * snippet ("" when FTS5 gives none).
 */
static void	chunk_snippets_indexed(struct store *, const char *,
		    struct search_result *, size_t, const size_t *, size_t);

enum sd_rc
search_chunk_snippets(struct store *st, const char *expr,
    struct search_result *res, size_t first, const size_t *idx, size_t n,
    struct sd_error *err)
{
	sqlite3_stmt	*s;
	struct sbuf	 ids = SBUF_INIT;
	struct search_hit *h;
	long long	 lo = 0, hi = 0, rowid;
	size_t		 k;
	int		 r, any = 0;

	if (idx == NULL)
		n = first < res->n ? res->n - first : 0;
	chunk_snippets_indexed(st, expr, res, first, idx, n);
	sbuf_addc(&ids, ',');
	for (k = 0; k < n; k++) {
		h = &res->hits[idx != NULL ? idx[k] : first + k];
		if (h->snippet != NULL)
			continue;
		if (!any || h->rowid < lo)
			lo = h->rowid;
		if (!any || h->rowid > hi)
			hi = h->rowid;
		any = 1;
		sbuf_addf(&ids, "%lld,", h->rowid);
	}
	if (!any) {
		sbuf_release(&ids);
		return SD_OK;
	}
	if ((s = store_prepare(st, chunk_snippets_sql, err)) == NULL) {
		sbuf_release(&ids);
		return SD_ERR_DB;
	}
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_int64(s, 2, lo);
	sqlite3_bind_int64(s, 3, hi);
	sqlite3_bind_text(s, 4, ids.buf, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 5, chunk_snip.col);
	sqlite3_bind_text(s, 6, chunk_snip.open, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 7, chunk_snip.close, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 8, chunk_snip.ellipsis, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 9, chunk_snip.ntoken);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		rowid = sqlite3_column_int64(s, 0);
		for (k = 0; k < n; k++) {
			h = &res->hits[idx != NULL ? idx[k] : first + k];
			if (h->rowid == rowid && h->snippet == NULL)
				h->snippet = search_col_dup(s, 1);
		}
	}
	sqlite3_reset(s);
	sbuf_release(&ids);
	for (k = 0; k < n; k++) {
		h = &res->hits[idx != NULL ? idx[k] : first + k];
		if (h->snippet == NULL)
			h->snippet = xstrdup("");
	}
	if (r != SQLITE_DONE)
		return store_fail(st, err, "search documents");
	return SD_OK;
}

/*
 * Each chunk's kind and document in memory, per connection.  The
 * ranking query joined chunks and documents for every matching row only
 * to filter by kind and to keep one chunk per document: for a question
 * matching a fifth of the documents that was a third of its time.  With
 * the map, sd_chunk_kind(rowid) filters and only the hits kept are
 * joined.  Read again when the catalog's data version moves; not used
 * while this connection writes the catalog (search_run_chunks joins then).
 */
#define CHUNK_NO_KIND	0xff	/* a document kind search does not know */

/* A chunk's hit texts as chunk_hit_sql read them (see chunk_take). */
struct chunk_text {
	char		*doc_key, *title, *heading;	/* any may be NULL */
	int		 have;
};

struct chunk_map {
	long long	*id;		/* chunk ids, ascending */
	long long	*doc;		/* their documents */
	unsigned char	*kind;		/* their enum search_kind */
	struct chunk_text *text;	/* n of them, or NULL: none read yet */
	size_t		 n;
	long long	 catalog_version;	/* store_catalog_version */
	int		 loaded;
	/*
	 * search-index.c's index, NULL when FTS5 ranks.  It costs a few
	 * milliseconds to build, and a change to the documents' other
	 * columns moves the catalog version, so it lives while chunk_epoch
	 * (store.c) keeps its count.
	 */
	struct chunk_index *index;
	long long	 epoch;		/* chunk_epoch's count when built */
	int		 indexed;	/* tried at that count */
};

static void
chunk_map_clear(struct chunk_map *m)
{
	size_t	 i;

	for (i = 0; m->text != NULL && i < m->n; i++) {
		free(m->text[i].doc_key);
		free(m->text[i].title);
		free(m->text[i].heading);
	}
	free(m->text);
	m->text = NULL;
	free(m->id);
	free(m->doc);
	free(m->kind);
	m->id = m->doc = NULL;
	m->kind = NULL;
	m->n = 0;
	m->loaded = 0;
}

static void
chunk_map_free(void *p)
{
	struct chunk_map *m = p;

	if (m == NULL)
		return;
	chunk_map_clear(m);
	chunk_index_free(m->index);
	free(m);
}

/* The index of chunk id in m, or -1. */
static long
chunk_map_find(const struct chunk_map *m, long long id)
{
	size_t	 lo = 0, hi = m->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (m->id[mid] == id)
			return (long)mid;
		if (m->id[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* sd_chunk_kind(rowid): the chunk's SEARCH_KIND_BIT, 0 if unknown. */
static void
sd_chunk_kind(sqlite3_context *sc, int nval, sqlite3_value **val)
{
	struct chunk_map *m = store_slot_get(sqlite3_user_data(sc),
			    STORE_SLOT_CHUNKS);
	long		 i;

	(void)nval;
	if (m == NULL || !m->loaded || (i = chunk_map_find(m,
	    sqlite3_value_int64(val[0]))) < 0 ||
	    m->kind[i] == CHUNK_NO_KIND)
		sqlite3_result_int(sc, 0);
	else
		sqlite3_result_int(sc, (int)SEARCH_KIND_BIT(m->kind[i]));
}

/* Build the index again unless the chunks are as it was built from. */
static void
chunk_map_index(struct store *st, struct chunk_map *m)
{
	static const char sql[] = "SELECT n FROM chunk_epoch";
	sqlite3_stmt	*s;
	long long	 epoch = -1;	/* unknown: build */

	if ((s = store_prepare(st, sql, NULL)) != NULL) {
		if (sqlite3_step(s) == SQLITE_ROW)
			epoch = sqlite3_column_int64(s, 0);
		sqlite3_reset(s);
	}
	if (m->indexed && epoch >= 0 && epoch == m->epoch)
		return;
	chunk_index_free(m->index);
	m->index = chunk_index_load(st);
	m->epoch = epoch;
	m->indexed = 1;
}

static enum sd_rc
chunk_map_load(struct store *st, struct chunk_map *m)
{
	static const char sql[] = "SELECT c.id, c.document_id, d.kind"
	    " FROM chunks c JOIN documents d ON d.id = c.document_id"
	    " ORDER BY c.id";
	sqlite3_stmt	*s;
	size_t		 cap = 0;
	int		 r, k;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return SD_ERR_DB;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (m->n == cap) {
			cap = cap ? cap * 2 : 256;
			m->id = xrealloc(m->id, cap * sizeof *m->id);
			m->doc = xrealloc(m->doc, cap * sizeof *m->doc);
			m->kind = xrealloc(m->kind, cap * sizeof *m->kind);
		}
		k = search_kind_parse((const char *)sqlite3_column_text(s,
		    2));
		m->id[m->n] = sqlite3_column_int64(s, 0);
		m->doc[m->n] = sqlite3_column_int64(s, 1);
		m->kind[m->n] = (unsigned char)(k >= 0 ? k : CHUNK_NO_KIND);
		m->n++;
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE) {
		chunk_map_clear(m);
		return SD_ERR_DB;
	}
	m->loaded = 1;
	chunk_map_index(st, m);
	return SD_OK;
}

/* The connection's chunk map, loaded and current; NULL to join instead. */
static struct chunk_map *
chunk_map_get(struct store *st)
{
	sqlite3		*db = store_db(st);
	struct chunk_map *m = store_slot_get(st, STORE_SLOT_CHUNKS);
	long long	 cv;

	if (store_catalog_version(st, &cv) != 0)
		return NULL;
	if (m == NULL) {
		if (sqlite3_create_function_v2(db, "sd_chunk_kind", 1,
		    SQLITE_UTF8, st, sd_chunk_kind, NULL, NULL, NULL) !=
		    SQLITE_OK)
			return NULL;
		m = xcalloc(1, sizeof *m);
		m->catalog_version = cv;
		store_slot_set(st, STORE_SLOT_CHUNKS, m, chunk_map_free);
	} else if (m->catalog_version != cv) {
		chunk_map_clear(m);
		m->catalog_version = cv;
	}
	if (!m->loaded && chunk_map_load(st, m) != SD_OK)
		return NULL;
	return m;
}

int
search_chunks_prepare(struct store *st)
{
	return chunk_map_get(st) != NULL ? 0 : -1;
}

/*
 * The phrases of a MATCH expression search_plan_expr wrote: "a" OR "b", or
 * ("a" OR "b") AND ("c"), each parenthesised run a unit; *strict when
 * there are units.  -1 for anything else.
 */
static int
expr_phrases(const char *expr, struct tokens *ph, int **unit, int *strict)
{
	struct sbuf	 w = SBUF_INIT;
	const char	*p = expr;
	size_t		 cap = 0;
	int		 u = 0, depth = 0, rc = 0;

	*strict = 0;
	*unit = NULL;
	while (*p != '\0' && rc == 0) {
		if (*p == ' ' || strncmp(p, "OR ", 3) == 0) {
			p += *p == ' ' ? 1 : 2;
		} else if (strncmp(p, "AND ", 4) == 0 && depth == 0) {
			*strict = 1;
			p += 3;
		} else if (*p == '(' && depth == 0) {
			depth = 1;
			p++;
		} else if (*p == ')' && depth == 1) {
			depth = 0;
			u++;
			p++;
		} else if (*p == '"') {
			sbuf_reset(&w);
			for (p++; *p != '\0' && (*p != '"' || p[1] == '"'); p++)
				sbuf_addc(&w, *p == '"' ? *p++ : *p);
			if (*p++ != '"')
				rc = -1;
			search_tokens_add(ph, w.buf, w.len);
			if (ph->n > cap) {
				cap = ph->n * 2;
				*unit = xrealloc(*unit, cap * sizeof **unit);
			}
			(*unit)[ph->n - 1] = u;
		} else
			rc = -1;
	}
	sbuf_release(&w);
	return rc == 0 && depth == 0 && ph->n > 0 ? 0 : -1;
}

/*
 * The snippets chunk_snippets_sql would make, from the in-memory index
 * where it can (a FTS5 query costs 20 us a phrase to set up); the hits
 * it leaves without one go to the query.
 */
static void
chunk_snippets_indexed(struct store *st, const char *expr,
    struct search_result *res, size_t first, const size_t *idx, size_t n)
{
	struct chunk_map *m = chunk_map_get(st);
	struct tokens	 ph = { NULL, 0, 0 };
	struct search_hit *h;
	int		*unit = NULL, strict;
	size_t		 k;

	if (m == NULL || m->index == NULL || expr_phrases(expr, &ph, &unit,
	    &strict) != 0)
		goto out;
	for (k = 0; k < n; k++) {
		h = &res->hits[idx != NULL ? idx[k] : first + k];
		if (h->snippet == NULL && chunk_index_snippet(m->index,
		    h->rowid, (const char *const *)ph.v, strict ? unit : NULL,
		    ph.n, &chunk_snip, &h->snippet) != 0)
			break;
	}
out:
	search_tokens_free(&ph);
	free(unit);
}

static const char chunk_fast_sql[] =
    "SELECT rowid,"
    "  sd_rank(chunk_fts, ?2, 'chunk', ?5, ?6, ?7, ?8) AS score"
    "  FROM chunk_fts WHERE chunk_fts MATCH ?1"
    "   AND (?3 & sd_chunk_kind(rowid)) != 0"
    " ORDER BY score DESC, rowid LIMIT ?4";

static const char chunk_hit_sql[] =
    "SELECT d.doc_key, d.title, c.heading"
    "  FROM chunks c JOIN documents d ON d.id = c.document_id"
    " WHERE c.id = ?1";

/* What run_chunks_mapped keeps while it reads the ranked rows. */
struct chunk_take {
	sqlite3_stmt	*hs;		/* chunk_hit_sql */
	int		 keep;		/* in a read transaction: texts kept */
	long long	*seen;		/* documents kept */
	size_t		 nseen;
	int		 limit;
};

static char *
dup_or_null(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

/*
 * The ranked row rowid (scored score) as a hit, its document's best.
 * Its texts are read once per version of the data (the map's): inside a
 * read transaction the map is as current as a new read, so a chunk's
 * texts kept are what chunk_hit_sql would give again.
 */
static void
chunk_take(struct chunk_map *m, struct chunk_take *tk,
    long long rowid, double score, struct search_result *res, size_t *cap)
{
	struct search_hit h;
	struct chunk_text *ct;
	long long	 docid;
	size_t		 j;
	long		 i;
	int		 hr;

	if ((i = chunk_map_find(m, rowid)) < 0)
		return;
	docid = m->doc[i];
	for (j = 0; j < tk->nseen; j++)
		if (tk->seen[j] == docid)
			return;
	if (tk->nseen >= (size_t)tk->limit)
		return;
	memset(&h, 0, sizeof h);
	h.kind = (enum search_kind)m->kind[i];
	h.rowid = m->id[i];
	h.score = score;
	if (tk->keep && m->text == NULL)
		m->text = xcalloc(m->n + 1, sizeof *m->text);
	ct = tk->keep ? &m->text[i] : NULL;
	if (ct != NULL && ct->have) {
		h.id = dup_or_null(ct->doc_key);
		h.title = dup_or_null(ct->title);
		h.heading = dup_or_null(ct->heading);
		goto take;
	}
	sqlite3_bind_int64(tk->hs, 1, h.rowid);
	hr = sqlite3_step(tk->hs);
	if (hr == SQLITE_ROW) {
		h.id = search_col_dup(tk->hs, 0);
		h.title = search_col_dup(tk->hs, 1);
		h.heading = search_col_dup(tk->hs, 2);
	}
	sqlite3_reset(tk->hs);
	if (hr != SQLITE_ROW)
		return;		/* gone since the map was read */
	if (ct != NULL) {
		ct->doc_key = dup_or_null(h.id);
		ct->title = dup_or_null(h.title);
		ct->heading = dup_or_null(h.heading);
		ct->have = 1;
	}
take:
	tk->seen[tk->nseen++] = docid;
	search_hits_push(res, cap, &h);
}

/*
 * The rows chunk_fast_sql would give, from the in-memory index: the
 * phrases of pl (every unit with strict), ranked, those of kinds, the
 * first n of them.  Each phrase's document count goes to sd_rank's
 * cache, as the query would leave it.  -1 when the index cannot.
 */
static int
chunk_index_rows(struct store *st, struct chunk_map *m,
    const struct plan *pl, int strict, unsigned kinds, const char *spec,
    int n, struct chunk_take *tk, struct search_result *res, size_t *cap)
{
	struct df_cache	*c = store_slot_get(st, STORE_SLOT_DF);
	struct chunk_scored *row = NULL;
	struct sbuf	 key = SBUF_INIT;
	const char	**text;
	sqlite3_int64	*df;
	size_t		 nrow = 0, i;
	int		*unit, got = 0, ok;
	long		 k;

	text = xcalloc(pl->nph + 1, sizeof *text);
	unit = xcalloc(pl->nph + 1, sizeof *unit);
	df = xcalloc(pl->nph + 1, sizeof *df);
	for (i = 0; i < pl->nph; i++) {
		text[i] = pl->ph[i].text;
		unit[i] = pl->ph[i].unit;
	}
	ok = chunk_index_rank(m->index, text, strict ? unit : NULL, pl->nph,
	    spec, chunk_weights(kinds), &row, &nrow, df) == 0;
	if (ok && c != NULL) {
		search_df_cache_check(c, store_db(st));
		for (i = 0; i < pl->nph; i++) {
			sbuf_reset(&key);
			sbuf_addf(&key, "chunk\037%s", text[i]);
			if (search_df_cache_find(c, key.buf) == NULL)
				search_df_cache_put(c, key.buf, df[i]);
		}
	}
	for (i = 0; ok && i < nrow && got < n; i++) {
		if ((k = chunk_map_find(m, row[i].rowid)) < 0 ||
		    m->kind[k] == CHUNK_NO_KIND ||
		    (kinds & SEARCH_KIND_BIT(m->kind[k])) == 0)
			continue;
		got++;
		chunk_take(m, tk, row[i].rowid, row[i].score, res, cap);
	}
	sbuf_release(&key);
	free(row);
	free(text);
	free(unit);
	free(df);
	return ok ? 0 : -1;
}

/* search_run_chunks with the chunk map: the same hits, in the same order. */
static enum sd_rc
run_chunks_mapped(struct store *st, struct chunk_map *m,
    const struct plan *pl, int strict, unsigned kinds, const char *expr,
    const char *spec, int limit, struct search_result *res, size_t *cap,
    struct sd_error *err)
{
	sqlite3_stmt	*s;
	struct chunk_take tk;
	int		 r = SQLITE_DONE;

	memset(&tk, 0, sizeof tk);
	tk.limit = limit;
	tk.keep = sqlite3_txn_state(store_db(st), "main") == SQLITE_TXN_READ;
	if ((s = search_prepare_ranked(st, chunk_fast_sql, err)) == NULL ||
	    (tk.hs = store_prepare(st, chunk_hit_sql, err)) == NULL)
		return SD_ERR_DB;
	tk.seen = xcalloc((size_t)limit * 4 + 1, sizeof *tk.seen);
	if (m->index != NULL && chunk_index_rows(st, m, pl, strict, kinds,
	    spec, limit * 4, &tk, res, cap) == 0)
		goto out;
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, spec, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, (int)kinds);
	sqlite3_bind_int(s, 4, limit * 4);
	bind_chunk_weights(s, kinds);
	while ((r = sqlite3_step(s)) == SQLITE_ROW)
		chunk_take(m, &tk, sqlite3_column_int64(s, 0),
		    sqlite3_column_double(s, 1), res, cap);
	sqlite3_reset(s);
out:
	free(tk.seen);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "search documents");
	return SD_OK;
}

enum sd_rc
search_run_chunks(struct store *st, const struct plan *pl, int strict,
    unsigned kinds, const char *expr, const char *spec, int limit,
    struct search_result *res, size_t *cap, struct sd_error *err)
{
	sqlite3_stmt	*s;
	struct search_hit h;
	struct chunk_map *m;
	long long	*seen = NULL, docid;
	size_t		 nseen = 0, j;
	int		 r, k, dup;

	if ((m = chunk_map_get(st)) != NULL)
		return run_chunks_mapped(st, m, pl, strict, kinds, expr, spec,
		    limit, res, cap, err);
	if ((s = search_prepare_ranked(st, chunk_sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, spec, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 3, (int)kinds);
	/* Several chunks of a document may match: keep its best. */
	sqlite3_bind_int(s, 4, limit * 4);
	bind_chunk_weights(s, kinds);
	seen = xcalloc((size_t)limit * 4 + 1, sizeof *seen);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		docid = sqlite3_column_int64(s, 5);
		for (dup = 0, j = 0; j < nseen && !dup; j++)
			dup = seen[j] == docid;
		if (dup || nseen >= (size_t)limit)
			continue;
		seen[nseen++] = docid;
		memset(&h, 0, sizeof h);
		k = search_kind_parse((const char *)sqlite3_column_text(s, 2));
		h.kind = k > 0 ? (enum search_kind)k : SEARCH_FAQ;
		h.rowid = sqlite3_column_int64(s, 0);
		h.id = search_col_dup(s, 1);
		h.title = search_col_dup(s, 3);
		h.heading = search_col_dup(s, 4);
		h.score = sqlite3_column_double(s, 6);
		search_hits_push(res, cap, &h);
	}
	sqlite3_reset(s);
	free(seen);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "search documents");
	return SD_OK;
}

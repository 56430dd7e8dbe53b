/*
 * test-search-index.c: the in-memory index of the document chunks
 * (search-index.c) gives the rows and scores of the FTS5 query it stands
 * in for, bit for bit; searches give the same hits with it as without
 * (inside a write transaction, where FTS5 ranks); and it follows the
 * chunks when they change.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "search.h"
#include "search-int.h"
#include "store.h"
#include "tap.h"

static struct store *st;

static const double wcol[] = { 5.0, 3.0, 1.0, 2.0 };

static void
exec(const char *sql)
{
	struct sd_error	 err = SD_ERROR_INIT;

	if (store_exec(st, sql, &err) != SD_OK)
		diag("%s: %s", sql, sd_error_msg(&err));
	sd_error_clear(&err);
}

static void
seed(void)
{
	exec("INSERT INTO documents(id, doc_key, kind, title, body, tags,"
	    " created_at, updated_at) VALUES"
	    " (1, 'm-laptop', 'manual', 'Laptop battery guide', '', 'laptops',"
	    "  'now', 'now'),"
	    " (2, 'f-charge', 'faq', 'How do I charge my phone?', '', '',"
	    "  'now', 'now'),"
	    " (3, 't-1', 'ticket', 'Battery life short on laptop', '',"
	    "  'battery', 'now', 'now'),"
	    " (4, 'p-returns', 'policy', 'Returns', '', '', 'now', 'now'),"
	    " (5, 'm-buds', 'manual', 'Earbuds: pairing and charging', '',"
	    "  'headphones audio', 'now', 'now')");
	exec("INSERT INTO chunks(document_id, seq, heading, text) VALUES"
	    " (1, 0, 'Charging', 'Charge the battery to 80% and keep the"
	    "  battery cool; battery life lasts longer. Battery battery.'),"
	    " (1, 1, 'Battery life', 'Battery life depends on the screen"
	    "  brightness and on charging habits.'),"
	    " (1, 2, 'Screen', 'Clean the screen with a dry cloth.'),"
	    " (2, 0, '', 'Use the charger in the box; charging takes two"
	    "  hours. Charge it overnight if you like.'),"
	    " (3, 0, '', 'The laptop battery life was short; a BIOS update"
	    "  fixed the battery life life.'),"
	    " (4, 0, 'Returns', 'Return any item within 30 days.'),"
	    " (5, 0, 'Pairing', 'Put the earbuds in the case, open the lid"
	    "  and hold the button: pairing mode.'),"
	    " (5, 1, 'Charging', 'Charge the case with USB-C; the earbuds"
	    "  charge in the case.'),"
	    " (5, 2, 'Troubleshooting', 'If one earbud will not charge, clean"
	    "  the contacts in the case with a dry swab. Then put both earbuds"
	    "  back and close the lid for ten seconds.  Note: a case with a"
	    "  flat battery charges the earbuds only once it is plugged in;"
	    "  the light turns green when the battery is full. Still no"
	    "  charge? Reset: hold the button for 15 seconds until the light"
	    "  flashes amber, then pair the earbuds again as new earbuds.')");
}

/* The FTS5 query's rows and scores, as run_chunks ranks them. */
static size_t
fts5_rows(const char *expr, const char *spec, struct chunk_scored **out)
{
	static const char sql[] = "SELECT rowid, sd_rank(chunk_fts, ?2,"
	    " 'chunk', 5.0, 3.0, 1.0, 2.0) AS score FROM chunk_fts"
	    " WHERE chunk_fts MATCH ?1 ORDER BY score DESC, rowid";
	sqlite3_stmt	*s = store_prepare(st, sql, NULL);
	size_t		 n = 0;

	*out = xcalloc(64, sizeof **out);
	if (s == NULL)
		return 0;
	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, spec, -1, SQLITE_STATIC);
	while (n < 64 && sqlite3_step(s) == SQLITE_ROW) {
		(*out)[n].rowid = sqlite3_column_int64(s, 0);
		(*out)[n++].score = sqlite3_column_double(s, 1);
	}
	sqlite3_reset(s);
	return n;
}

static sqlite3_int64
fts5_df(const char *phrase)
{
	static const char sql[] = "SELECT count(*) FROM chunk_fts"
	    " WHERE chunk_fts MATCH ?1";
	sqlite3_stmt	*s = store_prepare(st, sql, NULL);
	struct sbuf	 q = SBUF_INIT;
	sqlite3_int64	 n = -1;

	sbuf_addf(&q, "\"%s\"", phrase);
	sqlite3_bind_text(s, 1, q.buf, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	sbuf_release(&q);
	return n;
}

/*
 * Phrases (with their units for a strict expression, or NULL) ranked by
 * the index and by FTS5: the same rows, scores and document counts.
 */
static void
same_ranking(struct chunk_index *ix, const char *what,
    const char *const *ph, const int *unit, size_t n, const char *spec)
{
	struct chunk_scored *a = NULL, *b = NULL;
	struct sbuf	 expr = SBUF_INIT;
	sqlite3_int64	 df[16];
	size_t		 na = 0, nb, i, u;
	int		 same, dfok = 1;

	for (i = 0; i < n; i++) {
		if (unit != NULL && (i == 0 || unit[i] != unit[i - 1]))
			sbuf_adds(&expr, i == 0 ? "(" : ") AND (");
		else if (i > 0)
			sbuf_adds(&expr, " OR ");
		sbuf_addf(&expr, "\"%s\"", ph[i]);
	}
	if (unit != NULL)
		sbuf_addc(&expr, ')');
	is_int(chunk_index_rank(ix, ph, unit, n, spec, wcol, &a, &na, df), 0,
	    "%s: the index ranks", what);
	nb = fts5_rows(expr.buf, spec, &b);
	same = na == nb;
	for (i = 0; same && i < na; i++)
		same = a[i].rowid == b[i].rowid && a[i].score == b[i].score;
	ok(same && na > 0, "%s: %zu rows, FTS5 %zu, same rowids and scores",
	    what, na, nb);
	for (i = 0; !same && i < na && i < nb; i++)
		diag("  %lld %.17g | %lld %.17g", a[i].rowid, a[i].score,
		    b[i].rowid, b[i].score);
	for (u = 0; u < n; u++)
		if (df[u] != fts5_df(ph[u]))
			dfok = 0;
	ok(dfok, "%s: document counts", what);
	free(a);
	free(b);
	sbuf_release(&expr);
}

/* FTS5's snippet of every row matching expr, against the index's. */
static void
same_snippets(struct chunk_index *ix, const char *what,
    const char *const *ph, const int *unit, size_t n, const char *expr)
{
	static const char sql[] = "SELECT rowid, snippet(chunk_fts, 2, '[',"
	    " ']', '...', 16) FROM chunk_fts WHERE chunk_fts MATCH ?1";
	static const struct chunk_snippet_args sa = { 2, "[", "]", "...", 16 };
	sqlite3_stmt	*s = store_prepare(st, sql, NULL);
	const char	*want;
	char		*got;
	int		 rows = 0, same = 0;

	sqlite3_bind_text(s, 1, expr, -1, SQLITE_STATIC);
	while (sqlite3_step(s) == SQLITE_ROW) {
		rows++;
		want = (const char *)sqlite3_column_text(s, 1);
		got = NULL;
		if (chunk_index_snippet(ix, sqlite3_column_int64(s, 0), ph,
		    unit, n, &sa, &got) == 0 && got != NULL && want != NULL &&
		    strcmp(got, want) == 0)
			same++;
		else
			diag("row %lld: \"%s\" | FTS5 \"%s\"",
			    sqlite3_column_int64(s, 0), got ? got : "(null)",
			    want ? want : "(null)");
		free(got);
	}
	sqlite3_reset(s);
	ok(rows > 0 && same == rows, "%s: %d of %d snippets as FTS5's", what,
	    same, rows);
}

/* A search's hits as text: kind, id, rowid, score, snippet. */
static char *
hits(const char *text, unsigned kinds, int lazy)
{
	struct search_query q = SEARCH_QUERY_INIT;
	struct search_result res;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 out = SBUF_INIT;
	size_t		 i, *idx;

	q.text = text;
	q.kinds = kinds;
	q.lazy_snippets = lazy;
	if (search_run(st, &q, &res, &err) != SD_OK)
		diag("search \"%s\": %s", text, sd_error_msg(&err));
	idx = xcalloc(res.n + 1, sizeof *idx);
	for (i = 0; i < res.n; i++)
		idx[i] = i;
	if (lazy)
		(void)search_snippets(st, &res, idx, res.n, &err);
	for (i = 0; i < res.n; i++)
		sbuf_addf(&out, "%s %s %lld %.17g %s\n",
		    search_kind_name(res.hits[i].kind), res.hits[i].id,
		    res.hits[i].rowid, res.hits[i].score,
		    res.hits[i].snippet != NULL ? res.hits[i].snippet : "-");
	free(idx);
	search_result_free(&res);
	sd_error_clear(&err);
	return sbuf_detach(&out, NULL);
}

/* The hits with the index, then with FTS5 (a write transaction). */
static void
same_hits(const char *text, unsigned kinds, int lazy)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*a = hits(text, kinds, lazy), *b;

	if (store_begin(st, &err) != SD_OK)
		diag("begin: %s", sd_error_msg(&err));
	b = hits(text, kinds, lazy);
	store_rollback(st);
	ok(a[0] != '\0' && strcmp(a, b) == 0, "\"%s\": the same hits",
	    text);
	if (strcmp(a, b) != 0)
		diag("index:\n%sFTS5:\n%s", a, b);
	free(a);
	free(b);
	sd_error_clear(&err);
}

int
main(void)
{
	static const char *const one[] = { "battery" };
	static const char *const syn[] = { "charge", "charger", "charging",
	    "battery" };
	static const int syn_unit[] = { 0, 0, 0, 3 };
	static const char *const two[] = { "battery life", "screen", "zzz" };
	static const char *const empty[] = { "battery", "'" };
	static const char *const many[] = { "earbuds", "the case", "light",
	    "reset", "pair" };
	static const char *const late[] = { "amber" };
	struct sd_error	 err = SD_ERROR_INIT;
	struct chunk_index *ix;
	struct chunk_scored *rows = NULL;
	sqlite3_int64	 df[4];
	size_t		 n;
	char		*dir = tap_tmpdir(), *path, *h;

	path = xasprintf("%s/t.db", dir);
	st = store_open(path, NULL, &err);
	ok(st != NULL, "open a fresh store");
	if (st == NULL)
		return 1;
	seed();
	/* A search first: it registers sd_rank on the connection. */
	free(hits("battery", SEARCH_DOC_KINDS, 0));

	ix = chunk_index_load(st);
	ok(ix != NULL, "the chunks index");
	if (ix != NULL) {
		same_ranking(ix, "one word", one, NULL, 1, "0:1.000:7:battery");
		same_ranking(ix, "alternatives", syn, NULL, 4,
		    "0:1.000:6:charge,0:0.600:7:charger,0:0.400:8:charging,"
		    "3:1.000:7:battery");
		same_ranking(ix, "every unit", syn, syn_unit, 4,
		    "0:1.000:6:charge,0:0.600:7:charger,0:0.400:8:charging,"
		    "3:1.000:7:battery");
		same_ranking(ix, "a phrase of two words", two, NULL, 3,
		    "0:1.000:12:battery life,1:0.900:6:screen,2:1.000:3:zzz");
		is_int(chunk_index_rank(ix, empty, NULL, 2, "", wcol, &rows,
		    &n, df), -1, "a phrase of no tokens is left to FTS5");
		same_snippets(ix, "snippets of one word", one, NULL, 1,
		    "\"battery\"");
		same_snippets(ix, "snippets of alternatives", syn, NULL, 4,
		    "\"charge\" OR \"charger\" OR \"charging\" OR"
		    " \"battery\"");
		same_snippets(ix, "snippets of units", syn, syn_unit, 4,
		    "(\"charge\" OR \"charger\" OR \"charging\") AND"
		    " (\"battery\")");
		same_snippets(ix, "snippets of a phrase", many, NULL, 5,
		    "\"earbuds\" OR \"the case\" OR \"light\" OR"
		    " \"reset\" OR \"pair\"");
		same_snippets(ix, "snippets of a late word", late, NULL, 1,
		    "\"amber\"");
		free(rows);
		chunk_index_free(ix);
	}

	same_hits("how do I charge the battery", SEARCH_DOC_KINDS, 1);
	same_hits("battery life on my laptop", SEARCH_DOC_KINDS, 0);
	same_hits("earbuds pairing", SEARCH_KIND_BIT(SEARCH_MANUAL), 1);
	same_hits("returns", SEARCH_ALL_KINDS, 0);

	/* A chunk edited on this connection is found by its new words. */
	exec("UPDATE chunks SET text = 'Quokkas never return.'"
	    " WHERE document_id = 4");
	h = hits("quokkas", SEARCH_DOC_KINDS, 0);
	ok(strncmp(h, "policy p-returns ", 17) == 0,
	    "an edited chunk is found by its new words");
	free(h);
	exec("UPDATE documents SET title = 'Wombat policy' WHERE id = 4");
	h = hits("wombat", SEARCH_DOC_KINDS, 0);
	ok(strncmp(h, "policy p-returns ", 17) == 0, "a new title too");
	free(h);
	exec("DELETE FROM documents WHERE id = 4");
	h = hits("wombat quokkas", SEARCH_DOC_KINDS, 0);
	is_str(h, "", "a deleted document is gone");
	free(h);

	store_close(st);
	tap_rmtree(dir);
	free(dir);
	free(path);
	sd_error_clear(&err);
	done_testing();
	return exit_status();
}

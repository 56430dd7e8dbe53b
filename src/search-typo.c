/*
 * search-typo.c: typo correction.  A query word that neither the
 * catalog's nor the documents' vocabulary (term_vocab) knows, or knows
 * as rarely as a typo, gets the closest more common vocabulary word as
 * an alternative phrase of its group, weighed below the word itself.
 * Its own file because it keeps its own per-connection state, the
 * vocabulary by first letter and a memo of decisions, with the rules
 * for when that state is stale (read the comments below); the
 * planner only asks it for corrections.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>
#include <utf8proc.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "search.h"
#include "search-int.h"
#include "store.h"

#define W_TYPO		0.9	/* correction of a word no table knows */
#define W_TYPO_KNOWN	0.5	/* correction of a known but rare word */

/* The edit distance a word of n code points may be corrected by. */
static int
typo_budget(int n)
{
	if (n <= 2)
		return 0;
	if (n <= 5)
		return 1;
	return 2;
}

/* Rows of the FTS table matching the word, counted up to 2. */
static int
fts_df(struct store *st, const char *sql, const char *word)
{
	sqlite3_stmt	*s;
	char		*q;
	int		 n = 0;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return 0;
	q = xasprintf("\"%s\"", word);
	sqlite3_bind_text(s, 1, q, -1, SQLITE_TRANSIENT);
	while (sqlite3_step(s) == SQLITE_ROW)
		n++;
	sqlite3_reset(s);
	free(q);
	return n;
}

/* Whether the word is a shopper's term in the synonym table. */
static int
is_synonym_term(struct store *st, const char *word)
{
	static const char sql[] = "SELECT 1 FROM synonyms WHERE term = ?1";
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return 0;
	sqlite3_bind_text(s, 1, word, -1, SQLITE_STATIC);
	r = sqlite3_step(s) == SQLITE_ROW;
	sqlite3_reset(s);
	return r;
}

/*
 * The typo-correction vocabulary in memory, per connection.  Each
 * lookup in term_vocab (an fts5vocab table) prepares statements inside
 * FTS5 and walks postings to count documents, which made spelling a
 * third of a knowledge-base search.  The words are kept by first letter
 * ("bucket"): a bucket is read whole the first time a scan for
 * corrections needs it, or after VOCAB_MISSES single-word lookups found
 * it missing, so a one-off search (the search command) reads no more
 * than before while a connection answering turns stops reading the
 * vocabulary at all.  Everything is forgotten when the catalog file
 * changes (its data version; conversations live in another file) and
 * bypassed while this connection has the catalog open for writing.
 */
#define VOCAB_MISSES	4

struct vocab_bucket {
	char		*prefix;	/* one letter, UTF-8 */
	int		 misses;	/* SQL lookups so far */
	int		 loaded;
	char		**term;		/* in the index's (byte) order */
	long long	*df;		/* documents per term */
	size_t		 n;
};

/*
 * A word's typo decision: its correction and weight, or none (best
 * NULL).  It depends on the word and the catalog only (the vocabulary
 * buckets of its own first letters, the synonyms, the full-text tables),
 * and shoppers' words repeat, within a turn too: a manual answer
 * searches the customer's words twice.  Kept with the vocabulary.
 */
#define TYPO_MEMO_MAX	4096	/* words; a full memo starts over */

struct typo_memo {
	char		*word;
	char		*best;
	double		 weight;
};

struct vocab {
	struct vocab_bucket *b;
	size_t		 n, cap;
	long long	 catalog_version;	/* store_catalog_version */
	struct typo_memo *memo;		/* sorted by word */
	size_t		 nmemo, capmemo;
};

/* Forget a bucket's words (it keeps its letter). */
static void
vocab_bucket_unload(struct vocab_bucket *b)
{
	size_t	 i;

	for (i = 0; i < b->n; i++)
		free(b->term[i]);
	free(b->term);
	free(b->df);
	b->term = NULL;
	b->df = NULL;
	b->n = 0;
	b->loaded = 0;
}

static void
vocab_bucket_release(struct vocab_bucket *b)
{
	vocab_bucket_unload(b);
	free(b->prefix);
	memset(b, 0, sizeof *b);
}

static void
typo_memo_clear(struct vocab *v)
{
	size_t	 i;

	for (i = 0; i < v->nmemo; i++) {
		free(v->memo[i].word);
		free(v->memo[i].best);
	}
	v->nmemo = 0;
}

static void
vocab_clear(struct vocab *v)
{
	size_t	 i;

	for (i = 0; i < v->n; i++)
		vocab_bucket_release(&v->b[i]);
	v->n = 0;
	typo_memo_clear(v);
}

static void
vocab_free(void *p)
{
	struct vocab *v = p;

	if (v == NULL)
		return;
	vocab_clear(v);
	free(v->b);
	free(v->memo);
	free(v);
}

/* The connection's vocabulary, still valid; NULL while writing. */
static struct vocab *
vocab_get(struct store *st)
{
	struct vocab	*v = store_slot_get(st, STORE_SLOT_VOCAB);
	long long	 cv;

	if (store_catalog_version(st, &cv) != 0)
		return NULL;
	if (v == NULL) {
		v = xcalloc(1, sizeof *v);
		v->catalog_version = cv;
		store_slot_set(st, STORE_SLOT_VOCAB, v, vocab_free);
	} else if (v->catalog_version != cv) {
		vocab_clear(v);
		v->catalog_version = cv;
	}
	return v;
}

/* Where word's decision is in v's memo, or would go (*found 0). */
static size_t
typo_memo_at(const struct vocab *v, const char *word, int *found)
{
	size_t	 lo = 0, hi = v->nmemo, mid;
	int	 c;

	*found = 0;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(v->memo[mid].word, word)) == 0) {
			*found = 1;
			return mid;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void
typo_memo_put(struct vocab *v, const char *word, const char *best,
    double weight)
{
	size_t	 at;
	int	 found;

	if (v->nmemo >= TYPO_MEMO_MAX)
		typo_memo_clear(v);
	at = typo_memo_at(v, word, &found);
	if (found)
		return;
	if (v->nmemo == v->capmemo) {
		v->capmemo = v->capmemo ? v->capmemo * 2 : 64;
		v->memo = xrealloc(v->memo, v->capmemo * sizeof *v->memo);
	}
	memmove(&v->memo[at + 1], &v->memo[at], (v->nmemo - at) *
	    sizeof *v->memo);
	v->memo[at].word = xstrdup(word);
	v->memo[at].best = best != NULL ? xstrdup(best) : NULL;
	v->memo[at].weight = weight;
	v->nmemo++;
}

static struct vocab_bucket *
vocab_bucket(struct vocab *v, const char *prefix)
{
	size_t	 i;

	for (i = 0; i < v->n; i++)
		if (strcmp(v->b[i].prefix, prefix) == 0)
			return &v->b[i];
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 32;
		v->b = xrealloc(v->b, v->cap * sizeof *v->b);
	}
	memset(&v->b[v->n], 0, sizeof v->b[v->n]);
	v->b[v->n].prefix = xstrdup(prefix);
	return &v->b[v->n++];
}

/* Read every vocabulary word starting with b->prefix. */
static enum sd_rc
vocab_load(struct store *st, struct vocab_bucket *b, struct sd_error *err)
{
	/*
	 * A range on the term is the one constraint fts5vocab turns into a
	 * seek; the document count of every term it visits costs a walk of
	 * its postings, so visiting the whole vocabulary would be slow.
	 */
	static const char sql[] = "SELECT term, doc FROM term_vocab"
	    " WHERE term >= ?1 AND term < ?2";
	sqlite3_stmt	*s;
	char		*hi;
	size_t		 cap = 0, len = strlen(b->prefix);
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	/* The first string after every word with this prefix. */
	hi = xstrdup(b->prefix);
	hi[len - 1]++;
	sqlite3_bind_text(s, 1, b->prefix, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, hi, -1, SQLITE_STATIC);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (b->n == cap) {
			cap = cap ? cap * 2 : 64;
			b->term = xrealloc(b->term, cap * sizeof *b->term);
			b->df = xrealloc(b->df, cap * sizeof *b->df);
		}
		b->term[b->n] = search_col_dup(s, 0);
		b->df[b->n] = sqlite3_column_int64(s, 1);
		b->n++;
	}
	sqlite3_reset(s);
	free(hi);
	if (r != SQLITE_DONE) {
		vocab_bucket_unload(b);
		return store_fail(st, err, "read the search vocabulary");
	}
	b->loaded = 1;
	return SD_OK;
}

static long long
vocab_df_sql(struct store *st, const char *word)
{
	static const char sql[] = "SELECT doc FROM term_vocab WHERE term = ?1";
	sqlite3_stmt	*s;
	long long	 df = 0;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return 0;
	sqlite3_bind_text(s, 1, word, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW)
		df = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return df;
}

static char	*nth_letter(const char *, int);

/* The number of documents whose vocabulary has word. */
static long long
vocab_df(struct store *st, const char *word)
{
	struct vocab	*v = vocab_get(st);
	struct vocab_bucket *b;
	char		*pre;
	size_t		 lo, hi, mid;
	int		 c;

	if (v == NULL || (pre = nth_letter(word, 0)) == NULL)
		return vocab_df_sql(st, word);
	b = vocab_bucket(v, pre);
	free(pre);
	if (!b->loaded && (++b->misses <= VOCAB_MISSES ||
	    vocab_load(st, b, NULL) != SD_OK))
		return vocab_df_sql(st, word);
	for (lo = 0, hi = b->n; lo < hi; ) {
		mid = lo + (hi - lo) / 2;
		if ((c = strcmp(b->term[mid], word)) == 0)
			return b->df[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* A word that needs a correction, and the best one found. */
struct typo {
	size_t		 word;		/* index in plan words */
	int32_t		*cp;
	int		 ncp;
	int		 max;		/* distance allowed */
	long long	 df;		/* the word's own vocabulary count */
	char		*pre[2];	/* its first and second letters */
	char		*best;
	int		 bestd;
	long long	 bestdf;
};

/* The UTF-8 bytes of code point i of w (caller frees), or NULL. */
static char *
nth_letter(const char *w, int i)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)w;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n = 0;

	for (; *p != '\0'; p += n) {
		if ((n = utf8proc_iterate(p, -1, &cp)) <= 0)
			return NULL;
		if (i-- == 0)
			return xstrndup((const char *)p, (size_t)n);
	}
	return NULL;
}

/* Compare the vocabulary words starting with prefix to the typos. */
static enum sd_rc
scan_vocab(struct store *st, const char *prefix, struct typo *ty,
    size_t nty, struct sd_error *err)
{
	struct vocab	*v = vocab_get(st);
	struct vocab_bucket own, *b;
	int32_t		*cp = NULL;
	int		 cap = 0, n, d, *work = NULL, wcap = 0;
	size_t		 i, k;
	long long	 df;
	const char	*term;
	enum sd_rc	 rc = SD_OK;

	memset(&own, 0, sizeof own);
	if (v != NULL)
		b = vocab_bucket(v, prefix);
	else {
		b = &own;
		b->prefix = xstrdup(prefix);
	}
	if (!b->loaded && (rc = vocab_load(st, b, err)) != SD_OK)
		goto out;
	for (k = 0; k < b->n; k++) {
		term = b->term[k];
		df = b->df[k];
		n = search_decode(term, &cp, &cap);
		if (3 * (n + 1) > wcap) {
			wcap = 3 * (n + 1);
			work = xrealloc(work, (size_t)wcap * sizeof *work);
		}
		for (i = 0; i < nty; i++) {
			if (strcmp(ty[i].pre[0], prefix) != 0 &&
			    (ty[i].pre[1] == NULL ||
			    strcmp(ty[i].pre[1], prefix) != 0))
				continue;
			/* A correction must be more common than the word. */
			if (df <= ty[i].df * 4)
				continue;
			d = search_osa(ty[i].cp, ty[i].ncp, cp, n, ty[i].max,
			    work);
			if (d == 0 || d > ty[i].max || d > ty[i].bestd)
				continue;
			if (d == ty[i].bestd && (df < ty[i].bestdf ||
			    (df == ty[i].bestdf && strcmp(term,
			    ty[i].best) >= 0)))
				continue;
			free(ty[i].best);
			ty[i].best = xstrdup(term);
			ty[i].bestd = d;
			ty[i].bestdf = df;
		}
	}
out:
	if (b == &own)
		vocab_bucket_release(&own);
	free(cp);
	free(work);
	return rc;
}

/*
 * Correct unknown or rare words against the vocabulary words that start
 * with their first or second letter: a typo in the first letter is found
 * when it swaps, drops or adds a letter ("pihone", "phone" + 1), not when
 * it replaces one -- the price of not reading the whole vocabulary.  For
 * each word the closest vocabulary word wins, then the most frequent.
 */
enum sd_rc
search_correct_typos(struct store *st, struct plan *pl, struct sd_error *err)
{
	static const char prod_sql[] = "SELECT 1 FROM product_fts"
	    " WHERE product_fts MATCH ?1 LIMIT 2";
	static const char chunk_sql[] = "SELECT 1 FROM chunk_fts"
	    " WHERE chunk_fts MATCH ?1 LIMIT 2";
	struct vocab	*v = NULL;		/* NULL: no memo */
	struct typo	*ty = NULL;
	struct typo_memo *memo;		/* per word: its memo, if it had one */
	int		 tcap, k, found, syn;
	size_t		 i, j, nty = 0, at;
	long long	 df;
	enum sd_rc	 rc = SD_OK;

	ty = xcalloc(pl->words.n + 1, sizeof *ty);
	memo = xcalloc(pl->words.n + 1, sizeof *memo);
	for (i = 0; i < pl->words.n; i++) {
		const char *wd = pl->words.v[i];
		const char *c;

		/*
		 * A read first: outside a transaction the catalog's data
		 * version (vocab_get's) is the one its last read saw.
		 */
		syn = is_synonym_term(st, wd);
		if (i == 0)
			v = vocab_get(st);
		if (v != NULL && (at = typo_memo_at(v, wd, &found), found)) {
			/* A flag only: the memo may start over below. */
			memo[i].word = v->memo[at].word;
			memo[i].best = v->memo[at].best != NULL ?
			    xstrdup(v->memo[at].best) : NULL;
			memo[i].weight = v->memo[at].weight;
			continue;
		}
		for (c = wd; *c != '\0' && !isdigit((unsigned char)*c); c++)
			;
		if (*c != '\0')
			continue;	/* model numbers are not typos */
		/* "couch" is no typo of "touch": the shop listed it. */
		if (syn)
			continue;
		df = vocab_df(st, wd);
		if (df > 2)
			continue;
		tcap = 0;
		ty[nty].ncp = search_decode(wd, &ty[nty].cp, &tcap);
		ty[nty].max = typo_budget(ty[nty].ncp);
		if (ty[nty].max == 0) {
			free(ty[nty].cp);
			ty[nty].cp = NULL;
			continue;
		}
		ty[nty].word = i;
		ty[nty].df = df;
		ty[nty].bestd = ty[nty].max + 1;
		ty[nty].pre[0] = nth_letter(wd, 0);
		ty[nty].pre[1] = nth_letter(wd, 1);
		if (ty[nty].pre[0] == NULL) {
			free(ty[nty].cp);
			free(ty[nty].pre[1]);
			memset(&ty[nty], 0, sizeof ty[nty]);
			continue;
		}
		if (ty[nty].pre[1] != NULL &&
		    strcmp(ty[nty].pre[0], ty[nty].pre[1]) == 0) {
			free(ty[nty].pre[1]);
			ty[nty].pre[1] = NULL;
		}
		nty++;
	}
	/* Each distinct letter once, though several words share it. */
	for (i = 0; i < nty && rc == SD_OK; i++) {
		for (k = 0; k < 2 && rc == SD_OK; k++) {
			const char *p = ty[i].pre[k];
			int seen = 0;

			if (p == NULL)
				continue;
			for (j = 0; j <= i && !seen; j++)
				seen = (j < i && ty[j].pre[0] != NULL &&
				    strcmp(ty[j].pre[0], p) == 0) ||
				    (j < i && ty[j].pre[1] != NULL &&
				    strcmp(ty[j].pre[1], p) == 0) ||
				    (j == i && k == 1 &&
				    strcmp(ty[i].pre[0], p) == 0);
			if (!seen)
				rc = scan_vocab(st, p, ty, nty, err);
		}
	}
	if (rc != SD_OK)
		goto out;
	for (i = 0, j = 0; i < pl->words.n; i++) {
		const char *wd = pl->words.v[i], *best = NULL;
		double w = 0;
		int known;

		if (memo[i].word != NULL) {
			best = memo[i].best;
			w = memo[i].weight;
		} else if (j < nty && ty[j].word == i && ty[j++].best != NULL) {
			/*
			 * A word the full-text index knows (in a description,
			 * say) is probably meant; correct it only when it is
			 * as rare as a typo and its correction is common.
			 */
			known = fts_df(st, prod_sql, wd) + fts_df(st,
			    chunk_sql, wd);
			if (known == 0 || (known == 1 &&
			    ty[j - 1].bestdf >= 20)) {
				best = ty[j - 1].best;
				w = known == 0 && ty[j - 1].df == 0 ? W_TYPO :
				    W_TYPO_KNOWN;
			}
		}
		if (v != NULL && memo[i].word == NULL)
			typo_memo_put(v, wd, best, w);
		if (best == NULL)
			continue;
		search_plan_phrase(pl, best, (int)i, (int)i, w);
		sbuf_addf(&pl->corrected, "%s%s -> %s",
		    pl->corrected.len ? ", " : "", wd, best);
	}
out:
	for (i = 0; i < pl->words.n && ty != NULL; i++) {
		free(ty[i].cp);
		free(ty[i].best);
		free(ty[i].pre[0]);
		free(ty[i].pre[1]);
		free(memo[i].best);
	}
	free(ty);
	free(memo);
	return rc;
}

/*
 * search-snippet.c: FTS5's snippet() for the rows of the in-memory
 * index of the chunks (search-index.c): the same text, cut the same
 * way (the best window of ntoken tokens by the instances it holds, a
 * sentence's start preferred, the instances marked), without setting
 * up a FTS5 query, which costs about 20 us a phrase.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "search-int.h"

/* A phrase instance in the snippet's column: FTS5's xInst order. */
struct ci_inst {
	int		 off;		/* its first token */
	int		 ph;		/* phrase index */
	int		 size;		/* the phrase's tokens */
};

/* A token of the column's text: its byte range. */
struct ci_span {
	int		 start, end;
};

struct ci_snip {
	struct ci_inst	*in;
	size_t		 nin, capin;
	struct ci_span	*tok;
	size_t		 ntok, captok;
	int		*first;		/* sentences' first tokens */
	size_t		 nfirst;
	const char	*text;		/* the column's text */
	int		 ntoken;	/* tokens wanted */
	int		 docsize;	/* the column's tokens */
};

/* The first posting of term t at or after key. */
static size_t
ci_lower(const struct chunk_index *ix, long t, uint64_t key)
{
	size_t	 lo = ix->first[t], hi = ix->first[t + 1], mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ix->key[mid] < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * Phrase p's instances in row r: how many in the whole row; those in
 * column col (>= 0) appended to sn as phrase ph.
 */
static size_t
ci_row_phrase(const struct chunk_index *ix, const struct ci_phrase *p,
    size_t r, int col, int ph, struct ci_snip *sn)
{
	uint64_t	 lo = (uint64_t)r << 32, hi = (uint64_t)(r + 1) << 32;
	uint64_t	 key;
	size_t		 k, m, count = 0;

	for (m = 0; m < p->n; m++)
		if (p->term[m] < 0)
			return 0;
	for (k = ci_lower(ix, p->term[0], lo); k < ix->first[p->term[0] + 1] &&
	    (key = ix->key[k]) < hi; k++) {
		for (m = 1; m < p->n && chunk_index_has(ix, p->term[m],
		    key + m); m++)
			;
		if (m < p->n)
			continue;
		count++;
		if (col < 0 || (int)((key >> CI_POS_BITS) & 0xff) != col)
			continue;
		if (sn->nin == sn->capin) {
			sn->capin = sn->capin ? sn->capin * 2 : 16;
			sn->in = xrealloc(sn->in, sn->capin * sizeof *sn->in);
		}
		sn->in[sn->nin].off = (int)(key & ((1u << CI_POS_BITS) - 1));
		sn->in[sn->nin].ph = ph;
		sn->in[sn->nin++].size = (int)p->n;
	}
	return count;
}

static int
ci_inst_cmp(const void *x, const void *y)
{
	const struct ci_inst *a = x, *b = y;

	if (a->off != b->off)
		return a->off < b->off ? -1 : 1;
	return a->ph - b->ph;
}

/* The column's tokens and the tokens that start a sentence. */
static int
ci_span_token(void *arg, int tflags, const char *tok, int n, int start,
    int end)
{
	struct ci_snip	*sn = arg;
	int		 i;
	char		 c = 0;

	(void)tok;
	(void)n;
	if (tflags & FTS5_TOKEN_COLOCATED)
		return SQLITE_OK;
	if (sn->ntok == sn->captok) {
		sn->captok = sn->captok ? sn->captok * 2 : 64;
		sn->tok = xrealloc(sn->tok, sn->captok * sizeof *sn->tok);
		sn->first = xrealloc(sn->first, sn->captok *
		    sizeof *sn->first);
	}
	/* After white space that follows a '.' or ':' (or at 0). */
	if (sn->ntok > 0) {
		for (i = start - 1; i >= 0; i--) {
			c = sn->text[i];
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
				break;
		}
		if (i != start - 1 && (c == '.' || c == ':'))
			sn->first[sn->nfirst++] = (int)sn->ntok;
	} else
		sn->first[sn->nfirst++] = 0;
	sn->tok[sn->ntok].start = start;
	sn->tok[sn->ntok++].end = end;
	return SQLITE_OK;
}

/*
 * A window's score from pos: 1000 for each phrase's first instance in
 * it, 1 for each other; *adj (adj not NULL) the window's start that
 * centres its instances.
 */
static int
ci_window(struct ci_snip *sn, unsigned char *seen, size_t nph, int pos,
    int *adj)
{
	sqlite3_int64	 end = (sqlite3_int64)pos + sn->ntoken, a;
	int		 score = 0, first = -1, last = 0;
	size_t		 i;

	memset(seen, 0, nph);
	for (i = 0; i < sn->nin; i++) {
		if (sn->in[i].off < pos || sn->in[i].off >= end)
			continue;
		score += seen[sn->in[i].ph] ? 1 : 1000;
		seen[sn->in[i].ph] = 1;
		if (first < 0)
			first = sn->in[i].off;
		last = sn->in[i].off + sn->in[i].size;
	}
	if (adj != NULL) {
		a = first - (sn->ntoken - (last - first)) / 2;
		if (a + sn->ntoken > sn->docsize)
			a = sn->docsize - sn->ntoken;
		if (a < 0)
			a = 0;
		*adj = (int)a;
	}
	return score;
}

/* Where the best window starts. */
static int
ci_best_start(struct ci_snip *sn, size_t nph)
{
	unsigned char	*seen = xcalloc(nph + 1, 1);
	int		 best = 0, start = 0, score, adj, io;
	size_t		 i, j;

	for (i = 0; i < sn->nin; i++) {
		io = sn->in[i].off;
		score = ci_window(sn, seen, nph, io, &adj);
		if (score > best) {
			best = score;
			start = adj;
		}
		if (sn->nfirst == 0 || sn->docsize <= sn->ntoken)
			continue;
		for (j = 0; j + 1 < sn->nfirst && sn->first[j + 1] <= io; j++)
			;
		if (sn->first[j] >= io)
			continue;
		score = ci_window(sn, seen, nph, sn->first[j], NULL) +
		    (sn->first[j] == 0 ? 120 : 100);
		if (score > best) {
			best = score;
			start = sn->first[j];
		}
	}
	free(seen);
	return start;
}

/* Coalesced instances from instance *i: *s..*e, -1 when none left. */
static void
ci_next_run(const struct ci_snip *sn, size_t *i, int *s, int *e)
{
	int	 end;

	*s = *e = -1;
	for (; *i < sn->nin; (*i)++) {
		end = sn->in[*i].off - 1 + sn->in[*i].size;
		if (*s < 0) {
			*s = sn->in[*i].off;
			*e = end;
		} else if (sn->in[*i].off <= *e) {
			if (end > *e)
				*e = end;
		} else
			break;
	}
}

/* The window from start, its instances marked, into out. */
static void
ci_highlight(const struct ci_snip *sn, int start,
    const struct chunk_snippet_args *sa, int len, struct sbuf *out)
{
	const char	*open = sa->open, *close = sa->close;
	const char	*ellipsis = sa->ellipsis;
	int		 rend = start + sn->ntoken - 1, off = 0, s, e, pos;
	size_t		 i = 0;

	ci_next_run(sn, &i, &s, &e);
	if (start > 0)
		sbuf_adds(out, ellipsis);
	while (s >= 0 && s < start)
		ci_next_run(sn, &i, &s, &e);
	for (pos = 0; pos < (int)sn->ntok; pos++) {
		if (pos < start || pos > rend)
			continue;
		if (start != 0 && pos == start)
			off = sn->tok[pos].start;
		if (pos == s) {
			sbuf_add(out, sn->text + off,
			    (size_t)(sn->tok[pos].start - off));
			sbuf_adds(out, open);
			off = sn->tok[pos].start;
		}
		if (pos == e) {
			if (s < start)
				sbuf_adds(out, open);
			sbuf_add(out, sn->text + off,
			    (size_t)(sn->tok[pos].end - off));
			sbuf_adds(out, close);
			off = sn->tok[pos].end;
			ci_next_run(sn, &i, &s, &e);
		}
		if (pos == rend) {
			sbuf_add(out, sn->text + off,
			    (size_t)(sn->tok[pos].end - off));
			off = sn->tok[pos].end;
			if (pos >= s && pos < e)
				sbuf_adds(out, close);
		}
	}
	if (rend >= sn->docsize - 1)
		sbuf_add(out, sn->text + off, (size_t)(len - off));
	else
		sbuf_adds(out, ellipsis);
}

/* Row r's index for rowid, or -1. */
static long
ci_row_of(const struct chunk_index *ix, sqlite3_int64 rowid)
{
	size_t	 lo = 0, hi = ix->nrow, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ix->rowid[mid] == rowid)
			return (long)mid;
		if (ix->rowid[mid] < rowid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

int
chunk_index_snippet(struct chunk_index *ix, sqlite3_int64 rowid,
    const char *const *phrase, const int *unit, size_t n,
    const struct chunk_snippet_args *sa, char **out)
{
	struct ci_phrase *p = NULL;
	struct ci_snip	 sn;
	struct sbuf	 buf = SBUF_INIT;
	size_t		*count = NULL, i, j, k;
	long		 r;
	int		 rc, col = sa->col, len, matched;

	*out = NULL;
	memset(&sn, 0, sizeof sn);
	if ((rc = chunk_index_phrases(ix, phrase, n, &p)) != 0 || col < 0 ||
	    col >= ix->ncol || (r = ci_row_of(ix, rowid)) < 0)
		goto out;
	count = xcalloc(n + 1, sizeof *count);
	for (i = 0; i < n; i++)
		count[i] = ci_row_phrase(ix, &p[i], (size_t)r, col, (int)i,
		    &sn);
	/* Does the row match: a phrase (of every unit)? */
	for (matched = unit == NULL ? 0 : 1, i = 0; i < n; i++) {
		if (unit == NULL) {
			matched |= count[i] > 0;
			continue;
		}
		for (k = 0, j = 0; j < n; j++)
			if (unit[j] == unit[i])
				k += count[j];
		if (k == 0)
			matched = 0;
	}
	if (!matched)
		goto out;
	if (sn.nin > 1)
		qsort(sn.in, sn.nin, sizeof *sn.in, ci_inst_cmp);
	k = (size_t)r * (size_t)ix->ncol + (size_t)col;
	sn.text = ix->doc + ix->doc_off[k];
	len = ix->doc_len[k];
	sn.ntoken = sa->ntoken;
	sn.docsize = ix->len[k];
	if (len > 0 && ix->tk.xTokenize(ix->tok, &sn, FTS5_TOKENIZE_DOCUMENT,
	    sn.text, len, ci_span_token) != SQLITE_OK)
		rc = -1;
	if (rc != 0 || (int)sn.ntok != sn.docsize) {
		rc = -1;
		goto out;
	}
	ci_highlight(&sn, ci_best_start(&sn, n), sa, len, &buf);
	*out = sbuf_detach(&buf, NULL);
out:
	sbuf_release(&buf);
	chunk_index_phrases_free(p, n);
	free(count);
	free(sn.in);
	free(sn.tok);
	free(sn.first);
	return rc;
}

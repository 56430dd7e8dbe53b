/*
 * gazetteer-fuzzy.c keeps the gazetteer's typo index: every catalog word
 * of four or more letters that is not a common word, with each of its
 * one-letter deletions (SymSpell's symmetric deletions), and the words of
 * the language flagged so a real word is never corrected.  gz_fuzzy
 * answers a look-up with len + 1 probes and an exact edit distance.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "entity-int.h"
#include "gazetteer-int.h"

#define GZ_FUZZY_MIN	4	/* shortest word corrected or correctable */
#define GZ_FUZZY_MAX	32	/* longest */

static void
fuzzy_add(struct gazetteer *gz, uint64_t key, uint32_t tok)
{
	size_t	 i;

	for (i = key & gz->fzmask; gz->fz[i].key != 0;
	    i = (i + 1) & gz->fzmask)
		;
	gz->fz[i].key = key;
	gz->fz[i].tok = tok;
	gz->fzused++;
}

static int
fuzzy_word(const char *s, size_t n)
{
	size_t	 i;

	if (n < GZ_FUZZY_MIN || n > GZ_FUZZY_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return 0;
	return 1;
}

/*
 * Flag the words of the language (vocab_english, and each with an "s"):
 * a catalog word among them names a product alone only in a context that
 * makes it a name ("it doesn't fit" is no Beats Fit Pro), and a word of
 * the language is never corrected into a catalog word ("guest" is no
 * typo of "quest").  About 16,000 probes: well under a millisecond.
 */
void
gz_english_mark(struct gazetteer *gz)
{
	const char *p = vocab_english, *q;
	char	 w[GZ_FUZZY_MAX + 1];
	size_t	 n;

	for (;;) {
		q = strchr(p, ' ');
		n = q != NULL ? (size_t)(q - p) : strlen(p);
		gz_tok_put(gz, p, n, GZ_TOK_WORD, 0);
		if (n < GZ_FUZZY_MAX && p[n - 1] != 's') {
			memcpy(w, p, n);
			w[n] = 's';
			gz_tok_put(gz, w, n + 1, GZ_TOK_WORD, 0);
		}
		if (q == NULL)
			break;
		p = q + 1;
	}
}

/*
 * A catalog word that typos may be corrected into (common ones only
 * inside a phrase: gz_fuzzy).
 */
static int
fuzzy_target(const struct gz_tok *t)
{
	return t->key != 0 && (t->flags & GZ_TOK_KNOWN) && (t->flags &
	    ~(GZ_TOK_AMBIG | GZ_TOK_WORD | GZ_TOK_COMMON)) == GZ_TOK_KNOWN;
}

void
gz_fuzzy_build(struct gazetteer *gz)
{
	char	 del[GZ_FUZZY_MAX];
	size_t	 i, j, n, want = 0;

	for (i = 0; i <= gz->tokmask; i++)
		if (fuzzy_target(&gz->toks[i]) &&
		    fuzzy_word(str_at(gz, gz->toks[i].str), gz->toks[i].len))
			want += gz->toks[i].len + 1;
	gz->fzmask = pow2(want * 2) - 1;
	gz->fz = xcalloc(gz->fzmask + 1, sizeof *gz->fz);
	for (i = 0; i <= gz->tokmask; i++) {
		const char *w = str_at(gz, gz->toks[i].str);

		n = gz->toks[i].len;
		if (!fuzzy_target(&gz->toks[i]) || !fuzzy_word(w, n))
			continue;
		fuzzy_add(gz, gz->toks[i].key, (uint32_t)i);
		for (j = 0; j < n; j++) {
			memcpy(del, w, j);
			memcpy(del + j, w + j + 1, n - j - 1);
			fuzzy_add(gz, gz_token_hash(del, n - 1), (uint32_t)i);
		}
	}
}

/* Optimal string alignment distance, stopping above 1. */
static int
osa_le1(const char *a, size_t na, const char *b, size_t nb)
{
	size_t	 i = 0;

	if (na > nb + 1 || nb > na + 1)
		return 0;
	while (i < na && i < nb && a[i] == b[i])
		i++;
	if (na == nb) {
		if (i == na)
			return 1;
		if (memcmp(a + i + 1, b + i + 1, na - i - 1) == 0)
			return 1;		/* substitution */
		return i + 1 < na && a[i] == b[i + 1] && a[i + 1] == b[i] &&
		    memcmp(a + i + 2, b + i + 2, na - i - 2) == 0;
	}
	if (na > nb)
		return memcmp(a + i + 1, b + i, na - i - 1) == 0;
	return memcmp(a + i, b + i + 1, nb - i - 1) == 0;
}

static void
fuzzy_probe(const struct gazetteer *gz, uint64_t key, const char *w, size_t n,
    int common, const struct gz_tok **best)
{
	const struct gz_tok *t;
	size_t	 i;

	for (i = key & gz->fzmask; gz->fz[i].key != 0;
	    i = (i + 1) & gz->fzmask) {
		if (gz->fz[i].key != key)
			continue;
		t = &gz->toks[gz->fz[i].tok];
		if ((!common && (t->flags & GZ_TOK_COMMON)) ||
		    !osa_le1(w, n, str_at(gz, t->str), t->len))
			continue;
		if (*best == NULL || t->freq > (*best)->freq ||
		    (t->freq == (*best)->freq && strcmp(str_at(gz, t->str),
		    str_at(gz, (*best)->str)) < 0))
			*best = t;
	}
}

uint64_t
gz_fuzzy(const struct gazetteer *gz, const char *w, size_t n, int common)
{
	const struct gz_tok *best = NULL;
	char	 del[GZ_FUZZY_MAX];
	size_t	 j;

	/* Bounded by fuzzy_word, so del never overflows. */
	if (gz->fz == NULL || !fuzzy_word(w, n))
		return 0;
	fuzzy_probe(gz, gz_token_hash(w, n), w, n, common, &best);
	for (j = 0; j < n; j++) {
		memcpy(del, w, j);
		memcpy(del + j, w + j + 1, n - j - 1);
		fuzzy_probe(gz, gz_token_hash(del, n - 1), w, n, common,
		    &best);
	}
	return best != NULL ? best->key : 0;
}

/*
 * intent-spell.c owns the classifier's reading of misspelt words: a word
 * the model has never seen (no row in its dictionary, so it adds
 * nothing) is read as the word one slip away (a letter dropped, added,
 * changed, or two swapped) that the store's examples use most, when one
 * is common enough.  A word the model knows, from the store's examples
 * or from off-topic ones, is never changed, and neither is a short word,
 * a word with a digit (a model or order number) or a long run of letters.
 *
 * The candidates are looked up by their feature keys, so no word list is
 * kept: the dictionary of the trained model is the vocabulary.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "shopdesk.h"
#include "intent.h"
#include "intent-int.h"
#include "sbuf.h"
#include "text.h"

#define SPELL_MIN	5	/* shorter words are left as they are */
#define SPELL_MAX	20	/* as are longer runs of letters */
#define SPELL_DF_MIN	5	/* store examples a correction must be in */

/* The in-scope count of word w, 0 when the model does not know it. */
static uint32_t
word_df(const struct intent_model *m, const char *w, size_t len)
{
	int64_t	 row = intent_model_row(m, intent_word_key2(w, len, "", 0));

	return row < 0 ? 0 : m->df[row];
}

/* Keep cand when the store's examples use it more than *best. */
static void
consider(const struct intent_model *m, const char *cand, size_t len,
    uint32_t *best, char *out, size_t *outlen)
{
	uint32_t	 df = word_df(m, cand, len);

	if (df > *best) {
		*best = df;
		memcpy(out, cand, len);
		*outlen = len;
	}
}

/* QWERTY rows: a slip of the finger lands on a key beside the one meant. */
static const char *const rows[] = { "qwertyuiop", "asdfghjkl", "zxcvbnm" };

/* Whether keys a and b touch on a QWERTY keyboard (a-z). */
static int
keys_touch(int a, int b)
{
	const char	*pa, *pb;
	int		 ra, rb, ca, cb, d;

	for (ra = 0; ra < 3 && (pa = strchr(rows[ra], a)) == NULL; ra++)
		;
	for (rb = 0; rb < 3 && (pb = strchr(rows[rb], b)) == NULL; rb++)
		;
	if (ra == 3 || rb == 3 || a == b)
		return 0;
	ca = (int)(pa - rows[ra]);
	cb = (int)(pb - rows[rb]);
	d = ca - cb;
	if (ra == rb)
		return d == 1 || d == -1;
	if (ra - rb == 1)		/* a a row below b: shifted right */
		return d == 0 || d == -1;
	if (rb - ra == 1)
		return d == 0 || d == 1;
	return 0;
}

/*
 * The best word one slip from w[0..n) into out (*outlen), its in-scope
 * count returned (0: none).  The slips are those of typing, not other
 * words: two letters swapped, a letter left out, a key beside the one
 * meant, a letter doubled.  A change of any letter or a dropped one would
 * make real words the model has not seen ("truck", "motel") into the
 * store's ("track", "model").  The first letter stays (slips seldom
 * touch it) and no letter is added at the end (that makes another word
 * too often: "batter", "battery").  Candidates are tried in a fixed order and a tie keeps the first,
 * so the choice is the same on every run.
 */
static uint32_t
best_fix(const struct intent_model *m, const char *w, size_t n, char *out,
    size_t *outlen)
{
	char		 c[SPELL_MAX + 2];
	uint32_t	 best = 0;
	size_t		 i;
	int		 ch;

	for (i = 1; i + 1 < n; i++) {		/* two letters swapped */
		if (w[i] == w[i + 1])
			continue;
		memcpy(c, w, n);
		c[i] = w[i + 1];
		c[i + 1] = w[i];
		consider(m, c, n, &best, out, outlen);
	}
	for (i = 1; i < n; i++) {		/* a letter left out */
		memcpy(c, w, i);
		memcpy(c + i + 1, w + i, n - i);
		for (ch = 'a'; ch <= 'z'; ch++) {
			c[i] = (char)ch;
			consider(m, c, n + 1, &best, out, outlen);
		}
	}
	for (i = 1; i < n; i++) {		/* the key beside */
		memcpy(c, w, n);
		for (ch = 'a'; ch <= 'z'; ch++) {
			if (!keys_touch(ch, w[i]))
				continue;
			c[i] = (char)ch;
			consider(m, c, n, &best, out, outlen);
		}
	}
	for (i = 1; i < n; i++) {		/* a letter doubled */
		if (w[i] != w[i - 1])
			continue;
		memcpy(c, w, i);
		memcpy(c + i, w + i + 1, n - i - 1);
		consider(m, c, n - 1, &best, out, outlen);
	}
	return best;
}

/* Whether w[0..n) is a word spelling may touch: a-z only. */
static int
plain_word(const char *w, size_t n)
{
	size_t	 i;

	if (n < SPELL_MIN || n > SPELL_MAX)
		return 0;
	for (i = 0; i < n; i++)
		if (w[i] < 'a' || w[i] > 'z')
			return 0;
	return 1;
}

size_t
intent_spell_fix(const struct intent_model *m, const struct intent_result *r,
    size_t nwords, struct sbuf *out)
{
	char		 fix[SPELL_MAX + 2];
	size_t		 i, len, fixlen = 0, nfix = 0;
	const char	*w;

	sbuf_reset(out);
	for (i = 0; i < nwords; i++) {
		w = r->norm.buf + r->toks[i].start;
		len = r->toks[i].end - r->toks[i].start;
		if (i > 0)
			sbuf_addc(out, ' ');
		if (plain_word(w, len) &&
		    intent_model_row(m, intent_word_key2(w, len, "", 0)) < 0 &&
		    best_fix(m, w, len, fix, &fixlen) >= SPELL_DF_MIN) {
			sbuf_add(out, fix, fixlen);
			nfix++;
		} else
			sbuf_add(out, w, len);
	}
	return nfix;
}

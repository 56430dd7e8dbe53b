/*
 * intent-features.c owns the classifier's features: word unigrams and
 * bigrams, character n-grams of each word and the unknown-word share,
 * each hashed to a 64-bit key (the model's dictionary maps keys to rows),
 * and the value each kind of feature carries.
 *
 * Features are hashed to 64-bit keys and looked up in a dictionary built
 * from the training data, so text the training never saw adds nothing
 * (hashing into a fixed table would add collision noise, which hurts the
 * rejection of out-of-scope text).  On top of word and character n-grams,
 * the share of words the in-scope training data never used is a feature:
 * out-of-scope questions are mostly about words a shop never hears.
 */
#include "config.h"

#if defined(__GNUC__) && !defined(__clang__)
/* The per-feature loops over the intents vectorise at -O3 only. */
#pragma GCC optimize("O3")
#endif

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "intent.h"
#include "intent-int.h"
#include "sbuf.h"
#include "text.h"

#define CHAR_WEIGHT	0.6	/* char n-grams count less than words */
#define CHAR_MIN	3
#define CHAR_MAX	5
#define CHAR_SPAN_MAX	40	/* longer tokens give no char n-grams */

static uint64_t
key_of(uint64_t h, unsigned kind)
{
	h = mix64(h ^ ((uint64_t)kind << 56));
	return h == 0 ? 1 : h;
}

/* Feature kinds (the top byte of the hashed value). */
enum {
	K_WORD = 1,
	K_BIGRAM,
	K_CHAR,
	K_UNK_SHARE,
	K_UNK_COUNT,
	K_EMPTY,
};

static uint64_t
word_key(const char *w, size_t len)
{
	return key_of(fnv(FNV_INIT, w, len), K_WORD);
}

uint64_t
intent_word_key2(const char *w, size_t len, const char *w2, size_t len2)
{
	uint64_t	 h = FNV_INIT;
	size_t		 i;
	int		 c;

	/* as word_features folds it: digits become 0 (FNV-1a inline) */
	for (i = 0; i < len; i++) {
		c = (unsigned char)w[i];
		h = (h ^ (uint64_t)(c >= '0' && c <= '9' ? '0' : c)) *
		    0x100000001b3ULL;
	}
	for (i = 0; i < len2; i++) {
		c = (unsigned char)w2[i];
		h = (h ^ (uint64_t)(c >= '0' && c <= '9' ? '0' : c)) *
		    0x100000001b3ULL;
	}
	return key_of(h, K_WORD);
}

static void
keys_push(struct intent_result *r, size_t *n, uint64_t k)
{
	if (*n == r->keycap) {
		r->keycap = r->keycap < 256 ? 256 : r->keycap * 2;
		r->keys = xrealloc(r->keys, r->keycap * sizeof *r->keys);
	}
	r->keys[(*n)++] = k;
}

/*
 * Word features of clean text: the word unigrams first (one per token, so
 * keys[0..*nwords) are the words), then the bigrams, sentence ends
 * included.  Digits become 0 so that order numbers share their features.
 * Leaves "<word>" spans in r->norm for char_features.
 */
size_t
intent_word_features(const char *text, size_t len, struct intent_result *r,
    size_t *nwords)
{
	size_t		 ntok, i, j, n = 0, a, b, o;
	uint64_t	 wh, prev;
	int		 c;
	char		*d;

	text_fold(text, len, &r->folded);
	ntok = text_tokenize(r->folded.s.buf, r->folded.s.len, &r->toks,
	    &r->tokcap);
	sbuf_reset(&r->norm);
	sbuf_grow(&r->norm, r->folded.s.len + 2 * ntok + 1);
	d = r->norm.buf;
	for (i = 0, o = 0; i < ntok; i++) {
		a = r->toks[i].start;
		b = r->toks[i].end;
		d[o++] = '<';
		r->toks[i].start = o;
		for (j = a; j < b; j++) {
			c = (unsigned char)r->folded.s.buf[j];
			d[o++] = (char)(c >= '0' && c <= '9' ? '0' : c);
		}
		r->toks[i].end = o;
		d[o++] = '>';
	}
	sbuf_setlen(&r->norm, o);
	for (i = 0; i < ntok; i++)
		keys_push(r, &n, word_key(r->norm.buf + r->toks[i].start,
		    r->toks[i].end - r->toks[i].start));
	*nwords = ntok;
	prev = 0x9e3779b97f4a7c15ULL;	/* sentence start */
	for (i = 0; i <= ntok; i++) {
		wh = i < ntok ? r->keys[i] : 0x632be59bd9b4e019ULL;
		keys_push(r, &n, key_of(prev * 31 + wh, K_BIGRAM));
		prev = wh;
	}
	return n;
}

/*
 * Character n-grams of each "<word>" of the last word_features call, the
 * lengths from each start hashed in one pass.
 */
void
intent_char_features(struct intent_result *r, size_t *n, size_t nwords)
{
	size_t		 i, j, a, m, span, top;
	uint64_t	 h;
	const unsigned char *s = (const unsigned char *)r->norm.buf;

	for (i = 0; i < nwords; i++) {
		a = r->toks[i].start - 1;		/* the '<' */
		span = r->toks[i].end + 1 - a;		/* up to the '>' */
		/*
		 * A run of letters longer than any word (a key held down, a
		 * pasted hash) would bring hundreds of n-grams that outweigh
		 * the real words beside it.
		 */
		if (span > CHAR_SPAN_MAX)
			continue;
		for (j = 0; j + CHAR_MIN <= span; j++) {
			h = FNV_INIT;
			top = span - j < CHAR_MAX ? span - j : CHAR_MAX;
			for (m = 1; m <= top; m++) {
				h = (h ^ s[a + j + m - 1]) * 0x100000001b3ULL;
				if (m >= CHAR_MIN)
					keys_push(r, n, key_of(h, K_CHAR));
			}
		}
	}
}

/*
 * The unknown-word features, always two keys: the share of words unknown
 * to the in-scope training data in fifths, and their count up to 3.
 */
void
intent_unk_features(struct intent_result *r, size_t *n, size_t nunk, size_t nwords)
{
	size_t	 share;

	if (nwords == 0) {
		keys_push(r, n, key_of(1, K_EMPTY));
		keys_push(r, n, key_of(2, K_EMPTY));
		return;
	}
	share = nunk == 0 ? 0 : 1 + (4 * nunk) / (nwords + 1);
	keys_push(r, n, key_of(share, K_UNK_SHARE));
	keys_push(r, n, key_of(nunk > 3 ? 3 : nunk, K_UNK_COUNT));
}

size_t
intent_features(const char *text, size_t len, struct intent_result *r)
{
	size_t	 nwords, n;

	sbuf_reset(&r->text);
	text_sanitize(text, len, TEXT_MAX_MESSAGE, &r->text, &r->clean);
	n = intent_word_features(r->text.buf, r->text.len, r, &nwords);
	intent_char_features(r, &n, nwords);
	return n;
}

void
intent_result_release(struct intent_result *r)
{
	sbuf_release(&r->reason);
	sbuf_release(&r->text);
	text_folded_release(&r->folded);
	sbuf_release(&r->norm);
	sbuf_release(&r->spelt);
	sbuf_release(&r->chat);
	free(r->toks);
	free(r->keys);
	free(r->z);
	r->toks = NULL;
	r->keys = NULL;
	r->z = NULL;
	r->tokcap = r->keycap = 0;
}

/* Feature value of the word-level and char-level keys of an utterance. */
void
intent_feature_values(size_t n, float *v, float *vc)
{
	*v = n == 0 ? 0 : (float)(1.0 / sqrt((double)n));
	*vc = *v * (float)CHAR_WEIGHT;
}

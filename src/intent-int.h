/*
 * intent-int.h: what the intent modules share (the model's layout, the
 * features, the in-store decision and the relevance model); not for
 * other modules.  Training's own types are in intent-train-int.h.
 */
#ifndef INTENT_INT_H
#define INTENT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "intent.h"

/* Bump when features or the blob layout change: stored models retrain. */
#define MODEL_VERSION	10
/* The number of intents (intent.c checks it against its list). */
#define INTENT_N	44

/* A dictionary slot: the key beside its row, one cache line per probe. */
struct slot {
	uint64_t	 key;		/* 0: empty */
	uint32_t	 row;
};

/* The model.  Read-only once built. */
struct intent_model {
	int		 nclass;
	uint32_t	 nfeat;
	double		 temperature;
	double		 threshold;
	double		 margin;
	uint64_t	*keys;		/* [nfeat] feature key of each row */
	uint32_t	*df;		/* [nfeat] in-scope examples using it */
	float		*bias;		/* [nclass] */
	float		*w;		/* [nfeat * nclass] */
	int16_t		*q;		/* [nfeat * nclass] w / qscale */
	float		 qscale;
	struct slot	*slot;		/* [mask + 1] open addressing */
	uint64_t	 mask;
	struct intent_lexicon *lex;	/* store words (intent-scope.c) */
	float		*rel;		/* [nfeat] relevance weight of each
					   row (intent-relevance.c) */
	float		 relbias;
};

/* 64-bit hashing: FNV-1a over the bytes, then a strong finaliser. */
static inline uint64_t
mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static inline uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define FNV_INIT	0xcbf29ce484222325ULL

/* The row of key in m's dictionary, -1 when it has none. */
static inline int64_t
intent_model_row(const struct intent_model *m, uint64_t key)
{
	uint64_t	 i = key & m->mask;

	while (m->slot[i].key != 0) {
		if (m->slot[i].key == key)
			return m->slot[i].row;
		i = (i + 1) & m->mask;
	}
	return -1;
}

/* Features (intent-features.c). */
/*
 * Word features of clean text into r->keys: the unigrams first (one per
 * token, *nwords of them), then the bigrams; returns the count.
 */
size_t		 intent_word_features(const char *text, size_t len,
		    struct intent_result *r, size_t *nwords);
/* Append the character n-grams of the last call's words to r->keys. */
void		 intent_char_features(struct intent_result *r, size_t *n,
		    size_t nwords);
/* Append the two unknown-word keys to r->keys. */
void		 intent_unk_features(struct intent_result *r, size_t *n,
		    size_t nunk, size_t nwords);
/* The values of word-level (*v) and char-level (*vc) keys among n. */
void		 intent_feature_values(size_t n, float *v, float *vc);

/*
 * Spelling (intent-spell.c): the words of the last word_features call
 * into out, each word the model never saw read as the store's word one
 * slip away when there is one; returns how many were read so.
 */
size_t		 intent_spell_fix(const struct intent_model *m,
		    const struct intent_result *r, size_t nwords,
		    struct sbuf *out);

/*
 * Chat shorthand (intent-words.c): when the words s (tokens toks, as
 * intent_word_features leaves them in r->norm) have some that m's
 * in-scope examples never use, the words into out, separated by spaces,
 * that shorthand spelt out ("rn" as "right now"), and the number of such
 * words returned; 0 (out untouched) when none.
 */
size_t		 intent_chat_words(const struct intent_model *m,
		    const char *s, const struct text_token *toks,
		    size_t ntok, struct sbuf *out);

/* The model (intent-model.c). */
/* Calibrated probabilities p[K] from logits z at temperature temp. */
void		 intent_softmax(const float *z, int K, double temp, float *p);
/* Index m's keys and quantize the nfeat * nclass weights at wsrc. */
void		 intent_model_index(struct intent_model *m, const void *wsrc);
/* The serialized model; caller frees. */
unsigned char	*intent_model_blob(const struct intent_model *m,
		    size_t *len);

/* A store word. */
struct intent_lexword {
	uint64_t	 key;		/* intent_word_key of the word */
	int		 weight;	/* 2 strong, 1 weak, -3 other */
	int		 typo;		/* a form with one letter deleted */
	uint32_t	 order;		/* of insertion, for the sort */
};

/*
 * The store lexicon: its words sorted by key, and an open-addressing
 * table over them, 0 in a free slot (a message asks it a score of times,
 * a binary search each cost more than classifying the message).
 */
struct intent_lexicon {
	struct intent_lexword	*v;
	size_t			 n;
	uint32_t		*slot;	/* [mask + 1]: index into v + 1 */
	uint64_t		 mask;
};

/* Number of intents (out_of_scope included). */
int		 intent_count(void);
/*
 * The classifier's word-feature key of a folded word (digits as typed),
 * or of two words written as one ("top" "up" as "topup"); len2 0 for one.
 */
uint64_t	 intent_word_key2(const char *w, size_t len, const char *w2,
		    size_t len2);

/* Caller frees with intent_lexicon_free. */
struct intent_lexicon *intent_lexicon_new(void);
void		 intent_lexicon_free(struct intent_lexicon *);
/*
 * The store words among the first nwords words of r: r->store_words
 * (strong 2, weak 1), r->store_strong and r->other_words.
 */
void		 intent_store_words(const struct intent_lexicon *,
		    struct intent_result *r, size_t nwords);

/*
 * From the probabilities in r->z + intent_count() and r's evidence
 * (store_words, kb_score, products): in_store, about_store, the ranking,
 * id, confidence, verdict and the start of reason.
 */
void		 intent_decide(const struct intent_model *,
		    struct intent_result *r);
/* Append the input notes (unknown words, cut input...) to r->reason. */
void		 intent_reason_notes(struct intent_result *r);
/*
 * The relevance model's training set (intent-relevance.c): examples of
 * (row, value) features, each about the store or not.
 */
struct intent_relfeat {
	uint32_t	 row;
	float		 x;
};
struct intent_relset {
	struct intent_relfeat *f;
	size_t		 nf;
	size_t		 fcap;
	size_t		*off;		/* [nex + 1] example i: f[off[i]..) */
	unsigned char	*y;		/* [nex] 1: about the store */
	size_t		 nex;
	size_t		 excap;
};
/* A feature of the example being added; end closes it. */
void		 intent_relset_push(struct intent_relset *, uint32_t row,
		    float x);
void		 intent_relset_end(struct intent_relset *, int about_store);
void		 intent_relset_release(struct intent_relset *);
/* Train: w[nfeat] (one per dictionary row) and *bias. */
void		 intent_relevance_train(const struct intent_relset *,
		    uint32_t nfeat, float *w, float *bias);

/* The model's store lexicon. */
const struct intent_lexicon *intent_model_lexicon(const struct intent_model *);

/* The next number of the training shuffles' generator (xorshift64*):
 * the same seed gives the same model. */
static inline uint64_t
intent_rng_next(uint64_t *s)
{
	uint64_t	 x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545f4914f6cdd1dULL;
}

#endif

/*
 * intent-int.h: what intent.c (the classifier) and intent-scope.c (the
 * in-store decision) share; not for other modules.
 */
#ifndef INTENT_INT_H
#define INTENT_INT_H

#include <stddef.h>
#include <stdint.h>

#include "intent.h"

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

#endif

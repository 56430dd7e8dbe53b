/*
 * intent-train-int.h: the training set shared by the intent training
 * modules (intent-trainset.c, intent-augment.c, intent-train.c,
 * intent-relevance.c, intent-store.c); not for other modules.
 */
#ifndef INTENT_TRAIN_INT_H
#define INTENT_TRAIN_INT_H

#include <stddef.h>
#include <stdint.h>

#include "intent.h"
#include "intent-int.h"
#include "sbuf.h"

/* A growable map from feature key to dictionary row. */
struct dict {
	uint64_t	*keys;		/* [nrow] */
	uint32_t	*df;		/* [nrow] in-scope examples using it */
	uint32_t	*stamp;		/* [nrow] last example counted in df */
	uint32_t	 nrow;
	uint32_t	 rowcap;
	uint32_t	*slot;		/* [mask + 1] row + 1 */
	uint64_t	 mask;
};

/* A training example: rows fx[off..off+n), chars from fx[off+cstart]. */
struct example {
	size_t		 off;
	uint32_t	 n;
	uint32_t	 cstart;
	uint32_t	 nwords;
	uint64_t	 digits;	/* bit i: word i has a digit (i < 64) */
	int		 y;
	int		 holdout;	/* in the calibration slice */
};

struct trainset {
	struct example	*ex;
	size_t		 nex;
	size_t		 excap;
	uint32_t	*fx;
	size_t		 nfx;
	size_t		 fxcap;
	struct dict	 dict;
	uint64_t	 hash;		/* of the data, for retraining */
	int		 seen[INTENT_N];	/* examples per intent */
	char		**notstore;	/* lines labelled not_store: the
					   relevance model's alone */
	size_t		 nnotstore;
	size_t		 notstorecap;
};

/* The row of key, added if new. */
uint32_t	 intent_dict_add(struct dict *, uint64_t key);
/* The row of key, -1 when the dictionary has none. */
int64_t		 intent_dict_find(const struct dict *, uint64_t key);
void		 intent_dict_release(struct dict *);

/* One example and its register variant into ts. */
void		 intent_example_add(struct trainset *ts, const char *text,
		    int id, struct intent_result *r, struct sbuf *variant);
/* Read one JSON Lines training file into ts. */
enum sd_rc	 intent_read_file(struct trainset *ts, const char *path,
		    struct intent_result *r, struct sd_error *err);
/* Fill every example's unknown-word slots (after the last example). */
void		 intent_trainset_unk(struct trainset *ts,
		    struct intent_result *r);
void		 intent_trainset_release(struct trainset *ts);

/*
 * The register variant of one example in v (intent-augment.c), if its
 * hash gives it one: 1, else 0.
 */
int		 intent_make_variant(const char *text, size_t len,
		    struct sbuf *v);

/* Fit m->rel and m->relbias on ts (intent-relevance.c). */
void		 intent_relevance_fit(struct intent_model *m,
		    const struct trainset *ts, struct intent_result *r,
		    struct sbuf *variant);

/* The hash of the data as training computes it (intent-store.c). */
enum sd_rc	 intent_data_hash(const char *const *files, size_t nfiles,
		    uint64_t *hash, struct sd_error *err);

#endif

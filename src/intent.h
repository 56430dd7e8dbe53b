/*
 * intent.h: the intent classifier.  A linear model (multinomial logistic
 * regression) over word and character n-grams of the folded text, trained
 * in-process from JSON Lines files and kept in the store's models table
 * under the name "intent".  Scores are calibrated with a temperature; a
 * threshold and a margin decide out_of_scope and ambiguous verdicts.
 *
 * Threads: a loaded model is read-only; any number of threads may call
 * intent_classify on it at once, each with its own struct intent_result
 * (which holds the per-call scratch memory).
 */
#ifndef INTENT_H
#define INTENT_H

#include <stddef.h>
#include <stdint.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "text.h"

struct store;
struct intent_model;

/* How many ranked intents a result keeps. */
#define INTENT_TOPK	5

/*
 * The intent set.  Names are fixed: data sets and tests rely on them.  The
 * index of a name is its id in models and results.
 */
const char *const *intent_names(size_t *n);
/* Id of a canonical name, -1 when it is not one. */
int		 intent_id(const char *name);
/*
 * Id of a data set's intent name: canonical names, then the alias table
 * (order_status -> track_order, yes -> affirm, oos -> out_of_scope, ...),
 * compared case-insensitively.  -1 when unknown.
 */
int		 intent_map_name(const char *dataset_name);
/* Id of out_of_scope. */
int		 intent_oos_id(void);

enum intent_verdict {
	INTENT_OK,		/* top intent above threshold, clear margin */
	INTENT_OUT_OF_SCOPE,	/* out_of_scope ranked first, or top too low */
	INTENT_AMBIGUOUS,	/* top two closer than the margin */
};
const char	*intent_verdict_name(enum intent_verdict);

struct intent_score {
	int	 id;		/* index into intent_names() */
	float	 score;		/* calibrated probability */
};

/*
 * One classification.  Initialise with INTENT_RESULT_INIT, reuse across
 * calls (the scratch memory is kept), free with intent_result_release.
 */
struct intent_result {
	int			 id;	/* the decision (out_of_scope when
					   rejected); top[0] otherwise */
	float			 confidence;	/* calibrated score of top[0] */
	enum intent_verdict	 verdict;
	/*
	 * Best first.  When the message is about the store, only store
	 * intents, scored given that (out_of_scope's share taken out);
	 * otherwise every intent.
	 */
	struct intent_score	 top[INTENT_TOPK];
	size_t			 ntop;
	/* "Is this about our store?", decided apart from the intent. */
	float			 in_store;	/* 0..1 */
	int			 about_store;	/* the verdict: in_store >= 0.5;
						   0 means out_of_scope */
	float			 oos_score;	/* the classifier's probability
						   of out_of_scope */
	int			 store_words;	/* lexicon weight of the words
						   (strong 2, weak 1) */
	int			 store_strong;	/* ... strong words of them */
	int			 other_words;	/* words of other services
						   (a bank's, travel...) */
	int			 refers;	/* words that point back at
						   something shown ("those"),
						   counted with a focus */
	int			 focus;		/* evidence: a list shown or a
						   product in focus */
	float			 kb_score;	/* evidence: best retrieval
						   score, -1 when not given */
	size_t			 products;	/* evidence: catalog products
						   named */
	size_t			 words;		/* words of the message */
	size_t			 unknown;	/* ... without digits, unknown
						   to the training data */
	struct text_clean	 clean;	/* what sanitizing changed (cut...) */
	struct sbuf		 reason;	/* why, for the trace */
	/* Per-call scratch, owned by the result. */
	struct sbuf		 text;	/* sanitized input */
	struct text_folded	 folded;
	struct sbuf		 norm;	/* "<word><word>" with digits as 0 */
	struct text_token	*toks;
	size_t			 tokcap;
	uint64_t		*keys;	/* feature keys of the utterance */
	size_t			 keycap;
	float			*z;	/* logits, one per intent */
	/*
	 * The relevance model's logit: > 0 reads as about the store
	 * (intent-relevance.c), one term of in_store.
	 */
	float			 relevance;
	struct sbuf		 spelt;	/* the words as spelling read them */
	struct sbuf		 chat;	/* the words, shorthand spelt out */
};
#define INTENT_RESULT_INIT { 0, 0, INTENT_OK, { { 0, 0 } }, 0, \
	0, 0, 0, 0, 0, 0, 0, 0, -1, 0, 0, 0, { 0, 0, 0, 0 }, SBUF_INIT, \
	SBUF_INIT, TEXT_FOLDED_INIT, SBUF_INIT, NULL, 0, NULL, 0, NULL, 0, \
	SBUF_INIT, SBUF_INIT }
void		 intent_result_release(struct intent_result *);

/*
 * Classify text[0..len) (any bytes: it is sanitized and cut at
 * TEXT_MAX_MESSAGE first; res->clean says what changed).  Never fails.
 * res->reason explains the verdict, e.g. "not about the store: in-store
 * 0.12 (out_of_scope 0.81, 0 store words)".  Out of scope is the last
 * resort: a message judged about the store (res->about_store) gets its
 * best store intent, with an ambiguous verdict when that one is unsure.
 */
void		 intent_classify(const struct intent_model *, const char *text,
		    size_t len, struct intent_result *res);

/*
 * Evidence the classifier has not got, for the last intent_classify of
 * res: the knowledge base's best retrieval score for the message (0..1,
 * negative when unknown) and the number of catalog products it names.
 * Decides the in-store question and the verdict again with them.
 */
void		 intent_in_store_evidence(const struct intent_model *,
		    struct intent_result *res, double kb_score,
		    size_t products);
/*
 * The same, and whether the conversation has a list shown or a product
 * in focus: then a message that points back at them ("which of those is
 * sweatproof?", "and the other one?") is about the store.
 */
void		 intent_in_store_context(const struct intent_model *,
		    struct intent_result *res, double kb_score,
		    size_t products, int focus);

/* What training did; filled by intent_train. */
struct intent_train_stats {
	size_t	 examples;	/* lines read */
	size_t	 stored;	/* ... of them from stored conversations */
	size_t	 intents;	/* distinct intents among them */
	size_t	 features;	/* dictionary size */
	double	 seconds;	/* wall time of the training */
	double	 train_accuracy;	/* on the training set itself */
	double	 holdout_accuracy;	/* on the calibration slice */
	double	 temperature;	/* softmax temperature */
	double	 threshold;	/* out_of_scope below this top score */
	double	 margin;	/* ambiguous when top1 - top2 below this */
	size_t	 model_bytes;	/* size of the stored blob */
	char	 data_hash[17];	/* hex FNV-1a of the training data */
	size_t	 corrections;	/* examples from reviewed turns */
};

/* A training example given in memory (a reviewed turn). */
struct intent_example {
	const char	*text;
	const char	*intent;	/* as intent_map_name takes it */
};

/*
 * The training files shipped in share_dir/nlu (every *.jsonl, sorted by
 * name).  Caller frees each string and the array.  SD_ERR_IO when there is
 * none.
 */
enum sd_rc	 intent_default_files(const char *share_dir, char ***files,
		    size_t *nfiles, struct sd_error *);

/*
 * Train on JSON Lines files ({"text": ..., "intent": ...}, canonical
 * names or aliases), the labelled customer lines of the stored training
 * conversations (corpus.h) and the reviewed turns' intents
 * (review_examples), and store the model as "intent" in one transaction.
 * files NULL: the default files of share_dir.  stats may be NULL.  A bad
 * line is an error naming file:line; the store is then left unchanged.
 * Whether a stored model is stale is decided by the files alone: an
 * ingest or a review takes effect at the next training.
 */
enum sd_rc	 intent_train(struct store *, const char *share_dir,
		    const char *const *files, size_t nfiles,
		    struct intent_train_stats *, struct sd_error *);

/*
 * Train without storing: the model built from files, and its serialized
 * form (blob, caller frees) when blob is not NULL.  For tests and tools.
 */
struct intent_model *intent_train_model(const char *const *files,
		    size_t nfiles, struct intent_train_stats *,
		    unsigned char **blob, size_t *bloblen, struct sd_error *);
/*
 * The same with extra[0..nextra) added to the files' examples: the first
 * nstored from stored conversations (stats->stored), the rest from
 * reviews (stats->corrections).
 */
struct intent_model *intent_train_model_with(const char *const *files,
		    size_t nfiles, const struct intent_example *extra,
		    size_t nextra, size_t nstored, struct intent_train_stats *,
		    unsigned char **blob, size_t *bloblen, struct sd_error *);

/*
 * The stored model.  When the store has none, or it was trained from the
 * shipped files and those have changed since, train from share_dir first
 * (and store).  Caller frees with intent_model_free.  NULL with err set.
 */
struct intent_model *intent_model_load(struct store *, const char *share_dir,
		    struct sd_error *);
/* A model from a serialized blob (copied).  NULL with err set if bad. */
struct intent_model *intent_model_from_blob(const void *, size_t,
		    struct sd_error *);
void		 intent_model_free(struct intent_model *);

/* The model's decision parameters (tests and eval show them). */
double		 intent_model_threshold(const struct intent_model *);
double		 intent_model_margin(const struct intent_model *);
double		 intent_model_temperature(const struct intent_model *);
size_t		 intent_model_features(const struct intent_model *);
/* Override the decision rule (eval --threshold); not stored. */
void		 intent_model_set_decision(struct intent_model *,
		    double threshold, double margin);

/*
 * The feature keys of a text (folded and tokenized as classify does):
 * exposed for the unit tests.  Returns the count; keys in res->keys.
 */
size_t		 intent_features(const char *text, size_t len,
		    struct intent_result *res);

#endif

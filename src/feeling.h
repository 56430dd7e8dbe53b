/*
 * feeling.h: how a customer feels, as a signal apart from what they ask.
 * A small linear model over the intent classifier's word and character
 * n-grams plus surface cues (capitals, "!!", "??", emoji, stretched
 * words) gives each message one feeling (none, frustrated, angry) with a
 * probability for each, and, independently, an urgency flag ("I need it
 * by Friday") with its probability.  It is trained when opened, from
 * labelled messages in the *.jsonl files of share_dir/nlu/feelings
 * ({"text", "feeling", "urgent"}): a few hundred messages train in
 * milliseconds, and training is deterministic (the same files give the
 * same model).
 *
 * Typical use (the engine opens one model and classifies every turn):
 *	struct feeling_model *fm = feeling_model_open(share_dir, &err);
 *	struct feeling_result fr = FEELING_RESULT_INIT;
 *	feeling_classify(fm, text, len, &fr);
 *	if (fr.feeling != FEELING_NONE) ... apologise, offer a person ...
 *	if (fr.urgent) ... put it first ...
 *	feeling_result_release(&fr);
 *	feeling_model_close(fm);
 *
 * Threads: a model is read-only once open; any number of threads may
 * classify with it at once, each with its own struct feeling_result
 * (which holds the per-call scratch memory).
 */
#ifndef FEELING_H
#define FEELING_H

#include <stddef.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "intent.h"

struct feeling_model;

/* The feelings; their names (feeling_name) are fixed: data relies on them. */
enum feeling {
	FEELING_NONE,		/* neutral, polite, pleased */
	FEELING_FRUSTRATED,	/* annoyed, disappointed, impatient */
	FEELING_ANGRY,		/* hostile: shouting, insults, threats */
};
#define FEELING_N	3

/* "none", "frustrated", "angry"; feeling_parse gives -1 for no name. */
const char	*feeling_name(enum feeling);
int		 feeling_parse(const char *);

/*
 * One classification.  Initialise with FEELING_RESULT_INIT, reuse across
 * calls (the scratch memory is kept), free with feeling_result_release.
 */
struct feeling_result {
	enum feeling	 feeling;	/* the decision */
	float		 score[FEELING_N];	/* probability of each, sum 1 */
	int		 urgent;	/* 1: the customer needs it soon */
	float		 urgency;	/* probability of urgent */
	/* Per-call scratch (features), owned by the result. */
	struct intent_result fx;
};
#define FEELING_RESULT_INIT { FEELING_NONE, { 0, 0, 0 }, 0, 0, \
	INTENT_RESULT_INIT }
void		 feeling_result_release(struct feeling_result *);

/*
 * Train a model on the labelled messages of the *.jsonl files of
 * share_dir/nlu/feelings (sorted by name).  NULL with err set when there
 * are none or a line is bad ("path:line: what").  Close with
 * feeling_model_close.
 */
struct feeling_model *feeling_model_open(const char *share_dir,
		    struct sd_error *);
/* The same from the files given (tests and tools). */
struct feeling_model *feeling_model_train(const char *const *files,
		    size_t nfiles, struct sd_error *);
void		 feeling_model_close(struct feeling_model *);
/* Messages and distinct features the model was trained on. */
void		 feeling_model_stats(const struct feeling_model *,
		    size_t *examples, size_t *features);

/*
 * Classify text[0..len) (any bytes: sanitized and cut at
 * TEXT_MAX_MESSAGE first, as the intent classifier does).  Never fails.
 */
void		 feeling_classify(const struct feeling_model *,
		    const char *text, size_t len, struct feeling_result *);

/*
 * Append the result as a JSON object: {"feeling", "scores": {"none",
 * "frustrated", "angry"}, "urgent", "urgency"}.
 */
void		 feeling_to_json(const struct feeling_result *, struct sbuf *);

#endif

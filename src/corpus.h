/*
 * corpus.h: conversations kept as training data, in the "Training Data
 * Structure" of the spec: {id, turns: [{speaker, text}], metadata:
 * {intent, category, outcome}}.  shopdesk ingest stores them; shopdesk
 * train learns from their labelled customer turns; shopdesk test and
 * experiment replay run them again as stories.
 */
#ifndef CORPUS_H
#define CORPUS_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"

struct store;

/* One line of a conversation. */
struct corpus_turn {
	int		 agent;		/* 0: the customer ("user") */
	int		 human;		/* an agent line a person wrote */
	char		*text;
	char		*intent;	/* the customer line's label, or NULL */
};

struct corpus_conv {
	char		*id;
	struct corpus_turn *turns;
	size_t		 nturns;
	char		*intent;	/* metadata; each may be NULL */
	char		*category;
	char		*outcome;
	char		*reason;	/* why it was not resolved (export) */
};

/*
 * A conversation from its JSON object, checked: an id (string or
 * integer), turns with speaker "user" or "agent" and a non-empty text,
 * at least one of them the customer's, intents (the metadata's and a
 * customer turn's "intent") that the classifier knows (intent.h
 * aliases count).  err says what is wrong, naming the turn ("turn 3:
 * ...") without a file or line.  Release c with corpus_conv_release,
 * on failure too.
 */
enum sd_rc	 corpus_conv_parse(const cJSON *, struct corpus_conv *c,
		    struct sd_error *);
/* The conversation as JSON in the spec's format (caller deletes). */
cJSON		*corpus_conv_json(const struct corpus_conv *);
void		 corpus_conv_release(struct corpus_conv *);
void		 corpus_convs_free(struct corpus_conv *, size_t);

/*
 * The intent label of turn i: its own, or for the first customer turn of
 * a conversation whose turns carry none, the metadata's.  NULL for
 * agent turns and unlabelled ones.
 */
const char	*corpus_turn_intent(const struct corpus_conv *, size_t i);

/*
 * Store c under its id, replacing a stored one of the same id.  *change
 * gets 0 when it was stored identical, 1 new, 2 changed.  Call inside
 * a write transaction on main (ingest does).
 */
enum sd_rc	 corpus_put(struct store *, const struct corpus_conv *c,
		    int *change, struct sd_error *);

/* Every stored conversation, in the order first stored.  *v: caller
 * frees with corpus_convs_free. */
enum sd_rc	 corpus_list(struct store *, struct corpus_conv **v,
		    size_t *n, struct sd_error *);

/* A labelled customer line, for training. */
struct corpus_example {
	char		*text;
	char		*intent;	/* as labelled (an alias maybe) */
};

/*
 * The labelled customer turns of every stored conversation
 * (corpus_turn_intent), in stored order.  *v: caller frees with
 * corpus_examples_free.
 */
enum sd_rc	 corpus_examples(struct store *, struct corpus_example **v,
		    size_t *n, struct sd_error *);
void		 corpus_examples_free(struct corpus_example *, size_t);

#endif

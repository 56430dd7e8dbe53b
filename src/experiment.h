/*
 * experiment.h: A/B experiments.  An experiment splits sessions between
 * its variants ("arms": a name and settings the engine applies to the
 * session's turns), by a hash of the experiment and the session, so a
 * session stays in its arm.  One experiment runs at a time.
 */
#ifndef EXPERIMENT_H
#define EXPERIMENT_H

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "search.h"

struct store;

/* What an arm changes; a field left unset keeps the engine's default. */
struct experiment_settings {
	int		 has_variant;
	unsigned long	 variant;	/* template variant: the seed */
	int		 has_threshold;
	double		 threshold;	/* intent threshold, 0 .. 1 */
	int		 generator;	/* -1 default, 0 templates only */
	int		 has_vector;
	double		 vector;	/* share of the vector ranking in the
					   hybrid fusion, 0 .. 1 (bm25 is
					   the rest) */
	int		 has_kind_weight;
	double		 kind_weight[SEARCH_NKINDS];	/* retrieval score
					   multiplier per source kind, 1
					   when the arm names none */
};

/* A session's arm of the running experiment. */
struct experiment_exposure {
	char		*experiment;	/* NULL: no experiment running */
	char		*arm;
	struct experiment_settings set;
};
void		 experiment_exposure_release(struct experiment_exposure *);

/*
 * Parse an arm "NAME" or "NAME:KEY=VALUE[,KEY=VALUE...]" with keys
 * variant (an integer >= 0), threshold (0 to 1), generator (on, off),
 * the retrieval weights vector and bm25 (0 to 1, summing to 1 when
 * both are given) and a weight per source kind (product, faq, policy,
 * manual, ticket: 0 to 10) into a JSON object {"name", "settings"}
 * (caller deletes).
 * SD_ERR_USAGE naming the culprit otherwise.
 */
enum sd_rc	 experiment_parse_arm(const char *text, cJSON **out,
		    struct sd_error *);

/*
 * Create experiment name with arms (an array from experiment_parse_arm,
 * two or more, distinct names; taken over).  SD_ERR_INVALID when one
 * is already running or the name is taken.
 */
enum sd_rc	 experiment_create(struct store *, const char *name,
		    const char *description, cJSON *arms, struct sd_error *);
/*
 * Run experiment name again with every session in its arm "arm",
 * stopping the one running: experiment replay does it on a scratch copy
 * of the database, once per arm.  SD_ERR_NOTFOUND for no such
 * experiment or arm.
 */
enum sd_rc	 experiment_pin(struct store *, const char *name,
		    const char *arm, struct sd_error *);
/* Stop it: no new exposure.  SD_ERR_NOTFOUND for an unknown name. */
enum sd_rc	 experiment_stop(struct store *, const char *name,
		    struct sd_error *);
/*
 * Every experiment, newest first: [{name, description, status,
 * created_at, stopped_at, arms}], or the one named (NULL: all) as a
 * one-element array.  *out: caller deletes.
 */
enum sd_rc	 experiment_list(struct store *, const char *name,
		    cJSON **out, struct sd_error *);

/*
 * The arm of narms a session falls in: FNV-1a of the experiment's name,
 * a NUL and the session id, modulo narms.  Stable, and balanced over
 * many sessions.
 */
size_t		 experiment_assign(const char *experiment, const char *session,
		    size_t narms);

/*
 * The running experiment's arm for session_id (x->experiment NULL when
 * none runs).  force_arm, when not NULL, picks that arm by name instead
 * of the hash (experiment replay): SD_ERR_NOTFOUND when it has none.
 */
enum sd_rc	 experiment_expose(struct store *, const char *session_id,
		    const char *force_arm, struct experiment_exposure *x,
		    struct sd_error *);

#endif

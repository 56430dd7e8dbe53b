/*
 * eval.h: "shopdesk eval WHAT": each evaluation lives in its own
 * src/eval-<what>.c and is dispatched from cmd-eval.c.
 */
#ifndef EVAL_H
#define EVAL_H

#include "shopdesk.h"

/* argv[0] is the evaluation's name; returns an exit status. */
int	 eval_retrieval_main(struct sd_ctx *, int, char **);
int	 eval_intents_main(struct sd_ctx *, int, char **);
int	 eval_entities_main(struct sd_ctx *, int, char **);
int	 eval_dialogues_main(struct sd_ctx *, int, char **);
int	 eval_factcheck_main(struct sd_ctx *, int, char **);
int	 eval_feelings_main(struct sd_ctx *, int, char **);

/* a / b (0 when b is 0), and the F1 of a precision and a recall. */
double	 eval_ratio(long a, long b);
double	 eval_f1(double p, double r);

#endif

/*
 * quality.h: what a reply was worth, measured from the turn itself (its
 * trace), and whether a conversation was resolved, decided from the
 * signals its turns left.  No SQL here: analytics-quality.c stores the
 * measures with the turn and aggregates them.
 */
#ifndef QUALITY_H
#define QUALITY_H

#include <cjson/cJSON.h>

#include "shopdesk.h"

/* One turn's measures.  Release with quality_turn_release. */
struct quality_turn {
	char		*terms;		/* the message's key terms, folded,
					   sorted, space separated (owned) */
	int		 asked;		/* how many key terms */
	int		 covered;	/* of them, found in the cited context */
	const char	*variant;	/* template#n of the reply, or NULL
					   (points into the trace) */
	const char	*generator;	/* "template", "llm", or NULL (trace) */
	const char	*feeling;	/* "none", "frustrated", "angry" (trace) */
	int		 urgent;	/* the feelings model found it urgent */
};

/*
 * Measure the turn of the customer's text from its trace (engine.h): the
 * key terms of the text (its words of three letters or more, or numbers,
 * that are not filler words; an entity's words are among them) and how
 * many of them the cited context holds: the reply, and the titles and
 * snippets of the rows it cited.  A term is found when a word of the
 * context begins with its first five letters (numbers: the same number).
 * The pointers of *q stay valid while trace lives.
 */
void		 quality_measure(const cJSON *trace, const char *text,
		    struct quality_turn *q);
void		 quality_turn_release(struct quality_turn *);

/*
 * Whether the key terms b (a later message) repeat a: at least half of
 * the terms of both together are shared (Jaccard >= 0.5), and each has
 * one.  The customer asking again means the answer between missed.
 */
int		 quality_rephrased(const char *a, const char *b);

/* The honest resolution of a conversation. */
enum quality_outcome {
	QUALITY_UNKNOWN,	/* no signal either way */
	QUALITY_RESOLVED,	/* the customer confirmed an answer */
	QUALITY_NOT_RESOLVED,	/* a signal says it failed */
};

/* Why a conversation was not resolved (its last such signal). */
enum quality_reason {
	QR_NONE,
	QR_FALLBACK,		/* ended on a fallback */
	QR_CLARIFY,		/* ended on a clarifying question */
	QR_REFUSAL,		/* ended on a refusal */
	QR_FAILED_ACTION,	/* ended on an action that failed */
	QR_UNANSWERED,		/* the bot's question went unanswered */
	QR_ESCALATION,		/* escalated or handed to an agent */
	QR_NEGATIVE_FEEDBACK,	/* a reply rated 1 or 2 */
	QR_FRUSTRATION,		/* the last customer line was upset */
	QR_REPHRASE,		/* the customer asked the same again */
};
#define QR_N	10

/*
 * What a reply's action says by itself: QR_FALLBACK, QR_CLARIFY,
 * QR_REFUSAL, QR_FAILED_ACTION, QR_UNANSWERED (the bot asked), or
 * QR_NONE (an answer, small talk or an escalation).
 */
enum quality_reason quality_action_reason(const char *action);

/* "fallback", "clarify", ... as in shopdesk(1) (static text). */
const char	*quality_reason_name(enum quality_reason);
const char	*quality_outcome_name(enum quality_outcome);

/* One turn, as the walk sees it. */
struct quality_step {
	const char	*intent;	/* the customer's intent, or NULL */
	const char	*action;	/* the reply's action, NULL: none */
	const char	*feeling;	/* NULL counts as "none" */
	int		 rephrase;	/* repeats the previous question */
	int		 rating_min;	/* lowest rating of the reply, 0: none */
	int		 rating_max;	/* highest */
};

/* Where the walk over a conversation's turns stands. */
struct quality_conv {
	int		 state;		/* QS_* in quality.c */
	enum quality_reason why;	/* the state's reason when failed */
	int		 soft;		/* the last turn was upset or a repeat */
	enum quality_reason soft_why;
	int		 escalated;	/* sticky: escalation or agent */
	int		 negative;	/* sticky: a reply rated 1 or 2 */
};

/* escalated: the session's status says an agent holds or was asked. */
void		 quality_conv_init(struct quality_conv *, int escalated);
void		 quality_conv_step(struct quality_conv *,
		    const struct quality_step *);
/*
 * The outcome; *why the reason when not resolved; *assumed is set when
 * it is unknown but ended on a real answer (what Intercom Fin counts as
 * an assumed resolution).
 */
enum quality_outcome quality_conv_outcome(const struct quality_conv *,
		    enum quality_reason *why, int *assumed);

#endif

/*
 * review.h: reviews of stored customer turns, as rasa interactive keeps
 * them: whether the reply was good, and what the turn should have been
 * (intent, entities, the product or order it was about, the reply it
 * should have given).  The queue ranks the turns most worth a look;
 * training reads the corrected intents (intent_train), and
 * review_stories writes the reviewed conversations as test stories.
 *
 * A turn is named by the id of the customer's line (messages.id), as
 * turn_metrics names it.  One review per turn: a new one replaces it.
 */
#ifndef REVIEW_H
#define REVIEW_H

#include <stdio.h>

#include "shopdesk.h"
#include "sbuf.h"

struct store;

enum review_verdict {
	REVIEW_NONE,		/* not reviewed */
	REVIEW_GOOD,
	REVIEW_BAD,
};

/* "good", "bad" (static); NULL for REVIEW_NONE. */
const char	*review_verdict_name(enum review_verdict);
/* "good" or "bad" to a verdict; REVIEW_NONE for anything else. */
enum review_verdict review_verdict_parse(const char *);

/* A corrected entity. */
struct review_entity {
	char		*type;		/* an entity type name (entity.h) */
	char		*value;
};

/* One review.  Every string owned; release with review_release. */
struct review {
	long long	 turn;		/* messages.id of the customer's line */
	enum review_verdict verdict;
	char		*intent;	/* corrected intent, NULL: none */
	struct review_entity *entities;	/* corrected entities */
	size_t		 nentities;
	char		*product;	/* SKU it should have been about */
	char		*order_id;	/* order it should have been about */
	char		*reply;		/* the reply it should have given */
	char		*reviewer;
	char		*created_at;	/* set by review_save */
	char		*updated_at;
	int		 revisions;	/* how often it was reviewed */
};

void		 review_release(struct review *);
/*
 * The review in one line, appended to sb: "not reviewed", or "bad by
 * alice: intent recommendation, entity category=tablets, product X".
 */
void		 review_describe(const struct review *, struct sbuf *);
/* A deep copy of src into dst (release it with review_release). */
void		 review_copy(struct review *dst, const struct review *src);
/*
 * Add entity "type=value" to r.  SD_ERR_INVALID (naming the types) when
 * the type is unknown or the value empty.
 */
enum sd_rc	 review_add_entity(struct review *, const char *spec,
		    struct sd_error *);

/*
 * What made a turn worth reviewing, and how much.  Each signal adds to
 * the score (weights in review.c and shopdesk(1)).
 */
struct review_signals {
	double		 confidence;	/* the intent's; < 0: unknown */
	const char	*action;	/* the reply's action, or NULL */
	const char	*feeling;	/* none, frustrated, angry, or NULL */
	int		 asked;		/* key terms of the message, */
	int		 covered;	/* of them in the cited context
					   (asked < 0: unknown) */
	int		 rating;	/* lowest rating of the reply, 0: none */
	int		 asked_again;	/* the next line repeated the question */
};

/* The score of s; the reasons, comma separated, appended to why. */
double		 review_score(const struct review_signals *, struct sbuf *why);

/* A stored customer turn, with what it was scored on and its review. */
struct review_turn {
	long long	 id;		/* messages.id of the customer's line */
	long long	 reply_id;	/* of the reply, 0: none */
	char		*session_id;
	long		 number;	/* the turn's number in its session */
	char		*user_id;	/* the session's customer, or NULL */
	char		*created_at;
	char		*text;		/* the customer's line */
	char		*reply;		/* the reply, NULL: none */
	char		*intent;	/* as classified, or NULL */
	double		 confidence;
	char		*action;
	char		*feeling;
	int		 asked, covered;
	int		 rating;
	int		 asked_again;
	double		 score;
	char		*why;		/* the reasons, "" when none */
	char		*trace;		/* the reply's trace (JSON), or NULL */
	struct review	 review;	/* verdict REVIEW_NONE: unreviewed */
};

void		 review_turn_release(struct review_turn *);

/*
 * Turn id (the customer's line), its reply's trace and its review.
 * SD_ERR_NOTFOUND when id is not a customer's line.
 */
enum sd_rc	 review_turn_get(struct store *, long long id,
		    struct review_turn *, struct sd_error *);

/*
 * The review queue: turns with a score above zero, unreviewed first,
 * then by score (highest first), then newest first; reviewed turns only
 * with all set.  At most limit (0: no limit).  *out is an array of *n
 * (release each, free the array).  Reads every turn's measures: one
 * pass over turn_metrics.
 */
enum sd_rc	 review_queue(struct store *, size_t limit, int all,
		    struct review_turn **out, size_t *n, struct sd_error *);

/*
 * Check r against the model's intents, the entity types and the store
 * (product by SKU or exact name, which becomes the SKU; order by id),
 * then store it, replacing an earlier review of the turn (its created_at
 * kept, revisions counted).  SD_ERR_NOTFOUND for an unknown turn,
 * product or order; SD_ERR_INVALID for an unknown intent or no verdict.
 */
enum sd_rc	 review_save(struct store *, struct review *,
		    struct sd_error *);
/* Forget the review of a turn (SD_ERR_NOTFOUND when there is none). */
enum sd_rc	 review_clear(struct store *, long long turn,
		    struct sd_error *);

/*
 * Training examples from reviews: each reviewed customer line with its
 * corrected intent, or with the intent classified when the reply was
 * marked good without a correction.  fn(arg, text, intent) for each, in
 * turn order; returns how many.  -1 with err set on failure.
 */
long		 review_examples(struct store *,
		    void (*fn)(void *, const char *text, const char *intent),
		    void *arg, struct sd_error *);

/*
 * The reviewed conversations as test stories (shopdesk test): one story
 * per session, its lines up to the last reviewed turn, each reviewed
 * turn followed by expectations (review-story.c).  Personal data masked
 * (mask.h).  *count gets the stories written, *skipped the turns marked
 * bad with nothing corrected (no expectation to write).
 */
enum sd_rc	 review_stories(struct store *, FILE *, long long *count,
		    long long *skipped, struct sd_error *);

#endif

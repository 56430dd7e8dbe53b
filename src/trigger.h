/*
 * trigger.h: proactive messages.  The shop describes its triggers in a
 * JSON file (share/triggers.json): an abandoned cart, a price drop on a
 * product the customer carted or watches, a product back in stock for
 * those who watch it, a seasonal suggestion from the customer's past
 * categories, an accessory for what they bought.  trigger_run finds who
 * should hear what now, leaves out customers who opted out, are within
 * a trigger's cool-down or the daily cap, or everyone during quiet
 * hours, and stores each firing once (running twice sends nothing
 * twice) as a bot message in the customer's open session or a new one.
 */
#ifndef TRIGGER_H
#define TRIGGER_H

#include <stddef.h>

#include "shopdesk.h"

struct store;
struct cJSON;

enum trigger_kind {
	TRIGGER_ABANDONED_CART,
	TRIGGER_PRICE_DROP,
	TRIGGER_BACK_IN_STOCK,
	TRIGGER_SEASONAL,
	TRIGGER_CROSS_SELL,
};

struct trigger_rule {
	char		*name;
	enum trigger_kind kind;
	char		*message;	/* with {placeholders} */
	double		 cooldown_hours;
	double		 idle_hours;	/* abandoned_cart */
	double		 max_age_days;	/* abandoned_cart: older carts rest */
	double		 min_drop_pct;	/* price_drop */
	char		*from_md;	/* seasonal: "MM-DD" */
	char		*to_md;
	char		*bought_category;	/* cross_sell */
	char		*suggest_category;
	double		 within_days;
};

struct trigger_set {
	struct trigger_rule *v;
	size_t		 n;
	int		 daily_cap;	/* messages per customer per day */
	int		 quiet_from;	/* hours, UTC: nothing is sent from */
	int		 quiet_to;	/* quiet_from to quiet_to; equal: never */
};

/* Read and check a triggers file; SD_ERR_PARSE/INVALID say where. */
enum sd_rc	 trigger_load(const char *path, struct trigger_set *,
		    struct sd_error *);
void		 trigger_set_release(struct trigger_set *);

/* One message that fires (or would, in a dry run). */
struct trigger_firing {
	char		*trigger;
	char		*customer;
	char		*key;		/* what it is about: once per key */
	char		*why;		/* for people: the reason it fires */
	char		*text;		/* the message */
	char		*session_id;	/* NULL in a dry run */
	long long	 message_id;
};
void		 trigger_firing_release(struct trigger_firing *);

/* What was left out, and why. */
struct trigger_counts {
	size_t		 candidates;
	size_t		 already;	/* fired before for the same key */
	size_t		 optout;
	size_t		 cooldown;
	size_t		 capped;
	int		 quiet;		/* quiet hours: nothing sent */
};

/*
 * Evaluate every trigger at store_now(); unless dry_run, store and
 * deliver each firing in one transaction.  *out gets the firings (caller
 * releases each and frees the array).
 */
enum sd_rc	 trigger_run(struct store *, const struct trigger_set *,
		    int dry_run, struct trigger_firing **out, size_t *n,
		    struct trigger_counts *, struct sd_error *);

/* A customer stops or resumes proactive messages (off: stop). */
enum sd_rc	 trigger_optout(struct store *, const char *customer, int off,
		    struct sd_error *);
/* Watch sku for customer: a price drop or its return to stock. */
enum sd_rc	 trigger_watch(struct store *, const char *customer,
		    const char *sku, struct sd_error *);

/* A proactive message sent to a customer. */
struct trigger_note {
	long long	 id;		/* the firing's: notes come in order */
	char		*trigger;
	char		*session_id;
	long long	 message_id;
	char		*text;
	char		*fired_at;
	char		*seen_at;	/* first fetched, or NULL */
};
void		 trigger_note_release(struct trigger_note *);
/* The customer's messages after firing id after, oldest first, at most
 * limit. */
enum sd_rc	 trigger_notes(struct store *, const char *customer,
		    long long after, int limit, struct trigger_note **out,
		    size_t *n, struct sd_error *);

/*
 * The customer's client fetched the messages of session sid with ids
 * from first to last (the notifications list, the event stream, the
 * history): the proactive ones among them are seen now, unless they
 * were before (the first time is kept).  Writes only when one is new.
 */
enum sd_rc	 trigger_seen(struct store *, const char *sid, long long first,
		    long long last, struct sd_error *);

/* The customer's latest messages, newest first, at most limit. */
enum sd_rc	 trigger_recent(struct store *, const char *customer,
		    int limit, struct trigger_note **out, size_t *n,
		    struct sd_error *);

/* Days after a message an order counts as converted, by default. */
#define TRIGGER_CONVERT_DAYS	7

/* Per trigger: sent, seen (its client fetched it), replied to (the
 * customer wrote after it in that session), converted (ordered within
 * days after it). */
struct trigger_stat {
	char		*trigger;
	long long	 sent, seen, replied, converted;
};
enum sd_rc	 trigger_report(struct store *, double days,
		    struct trigger_stat **out, size_t *n, struct sd_error *);
/* The same as JSON, an array "triggers" added to obj. */
enum sd_rc	 trigger_report_json(struct store *, double days,
		    struct cJSON *obj, struct sd_error *);

#endif

/*
 * factcheck.h: checking a generated reply against the knowledge base
 * before anyone sees it.  The checker finds the claims the store can
 * decide -- product names, prices, stock, ratings, review counts,
 * warranties, order status and dates, policy windows and fees -- and
 * gives each a verdict with the row that decides it:
 *
 *	supported		the store agrees
 *	corrected		it disagreed; the value was rewritten in place
 *	contradicted		it disagreed and cannot be fixed safely (an
 *				order that is not the customer's or does not
 *				exist): the caller must not show the reply
 *	unknown_product_removed	a product the catalog does not have; its
 *				sentence was dropped
 *	unsupported_removed	nothing the store holds about the sentence's
 *				subject backs it; the sentence was dropped
 *
 * Numbers go by allow-list: every quantity a sentence states (digits or
 * words: "12,345", "twelve thousand", "a dozen", "double", "half
 * price") must be a value of the rows the sentence is about -- the
 * product, the customer's order, the policy its words name -- or of the
 * customer's own words or the dialogue state, else it is corrected
 * where the right value is known (a price, a rating, a policy window)
 * or its sentence is dropped.  Claims in words are checked the same way:
 * what a product "comes with" or "works with", colours, availability,
 * free offers and financing, a policy's yes/no terms, the carrier of an
 * order.  Opinions and advice pass.
 */
#ifndef FACTCHECK_H
#define FACTCHECK_H

#include <stddef.h>

#include "shopdesk.h"
#include "sbuf.h"

struct store;
struct factcheck;
struct fc_cache;

enum fc_verdict {
	FC_SUPPORTED,
	FC_CORRECTED,
	FC_CONTRADICTED,
	FC_UNKNOWN_PRODUCT,
	FC_UNSUPPORTED,
};
const char	*fc_verdict_name(enum fc_verdict);

struct fc_claim {
	char		*text;		/* as the model wrote it */
	const char	*kind;		/* "price", "stock", "rating", "reviews",
					   "warranty", "order_status",
					   "order_date", "policy", "product" */
	enum fc_verdict	 verdict;
	const char	*ev_kind;	/* "product", "order", "policy" */
	char		*ev_id;		/* SKU, order id, policy id */
	char		*ev_field;	/* column or fact key */
	char		*ev_value;	/* the store's value */
	char		*corrected;	/* replacement text, or NULL */
};

/* A source the reply cited with [P:SKU] or [D:doc-id]. */
struct fc_cite {
	char		*kind;		/* "product" or the document's kind */
	char		*id;
	int		 known;		/* the store has it */
};

/* The checked reply, built sentence by sentence. */
struct fc_result {
	struct sbuf	 text;		/* reply as it may be shown */
	struct fc_claim	*claims;
	size_t		 n, cap;
	struct fc_cite	*cites;
	size_t		 ncites;
	int		 contradicted;	/* a claim could not be corrected */
	int		 removed;	/* sentences dropped */
	int		 sentences;	/* sentences checked */
	long		 subject;	/* product the text is about (-1) */
	long		*seen;		/* products named so far */
	size_t		 nseen;
	char		*order;		/* the customer's order it is about */
	struct fc_cache	*cache;		/* rows read for it, by entity */
};

/* Claims made and claims the store backed as stated. */
void		 fc_result_counts(const struct fc_result *, int *made,
		    int *backed);

/* What the checker may assume about the conversation. */
struct fc_ctx {
	const char	*user_id;	/* orders must be this customer's */
	const char *const *skus;	/* products in the prompt's context */
	size_t		 nskus;
	const char *const *docs;	/* documents in the context */
	size_t		 ndocs;
	const char *const *orders;	/* the customer's orders in context */
	size_t		 norders;
	const char	*user_text;	/* the customer's words, or NULL */
	const char	*state_json;	/* the dialogue state, or NULL */
	const char	*shop_text;	/* the shop's own words (templates) */
	int		 show_verdicts;	/* append "[✓ price]" marks */
};

/*
 * Open a checker over the store: it indexes product names and brands
 * (values are read fresh for every claim).  NULL with err set on failure.
 */
struct factcheck *factcheck_open(struct store *, struct sd_error *);
void		 factcheck_free(struct factcheck *);

void		 fc_result_init(struct fc_result *);
void		 fc_result_release(struct fc_result *);

/*
 * Check one sentence (with its trailing spaces) and append what may be
 * shown to res->text.  Sentences must come in order: a sentence without
 * a product name is about the product of the one before.  Citation
 * markers are taken out of the text into res->cites.
 */
enum sd_rc	 factcheck_sentence(struct factcheck *, const struct fc_ctx *,
		    const char *, size_t, struct fc_result *, struct sd_error *);
/*
 * Check a whole reply: split it into sentences and check each.  *used
 * (may be NULL) gets the bytes consumed; with partial set, a last
 * sentence without its end is left for a later call (streaming).
 */
enum sd_rc	 factcheck_text(struct factcheck *, const struct fc_ctx *,
		    const char *, size_t, int partial, size_t *used,
		    struct fc_result *, struct sd_error *);

#endif

/*
 * dlg-owned.h: what dlg-owned.c, dlg-ownread.c and dlg-ownthread.c
 * share, the customer's items weighed against the clauses of a message.
 * Private to the three.
 */
#ifndef DLG_OWNED_H
#define DLG_OWNED_H

/* Items weighed at most (a customer's distinct products). */
#define OWNED_MAX	48
/* Clauses of one message read at most. */
#define CLAUSE_MAX	16

/* One product the customer has. */
struct owned {
	struct product	 p;
	char		*order;		/* the latest order holding it, NULL
					   for the cart */
	int		 orders;	/* how many orders hold it */
	int		 gone;		/* only in cancelled or refunded orders */
	int		 score;		/* what the clause read says of it */
	int		 ctx;		/* ... said only as another's context */
};

/* One clause of the message. */
struct clause {
	size_t		 a, b;		/* [a, b) of the text */
	int		 marked;	/* says the thing is the customer's */
	int		 after_but;	/* "... great but the mouse ..." */
};

/* Is [a, b) of the text the word w (any case)? */
int		 dlg_own_span_is(struct tctx *t, size_t a, size_t b,
		    const char *w);
/* A word that says nothing of which product ("the", "great")? */
int		 dlg_own_glue(const char *w, size_t n);
/* The entity over [a, b), or NULL. */
const struct entity *dlg_own_entity_over(struct tctx *t, size_t a, size_t b);
/* How much entity en says item p is meant (0: nothing). */
int		 dlg_own_says(struct tctx *t, const struct entity *en,
		    const struct product *p);
/* The clauses of the message (at most max), marked when they say a
 * thing is the customer's. */
size_t		 dlg_own_clauses(struct tctx *t, const struct text_token *tok,
		    size_t ntok, struct clause *c, size_t max);
/* The clause holding the subject (its items weighed), or -1; *rule
 * says which rule picked it. */
int		 dlg_own_pick(struct tctx *t, struct clause *c, size_t nc,
		    const struct text_token *tok, size_t ntok, struct owned *v,
		    size_t n, const char **rule);
/* The best weighed items' indexes in keep; how many. */
size_t		 dlg_own_best(struct owned *v, size_t n, size_t *keep);

/* dlg-ownthread.c: the kind said as the thing meant in a conversation
 * about the customer's orders, or NULL. */
const struct entity *dlg_own_kind_in_thread(struct tctx *t);
/* Does the conversation show a product of kind ce, none of v's n items,
 * that the kind fits at least as well as best? */
int		 dlg_own_kind_shown_other(struct tctx *t,
		    const struct entity *ce, const struct owned *v, size_t n,
		    int best);

#endif

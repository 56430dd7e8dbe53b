/*
 * dlg-kb.h: private to the knowledge answers, dlg-kb.c (searching and
 * answering), dlg-kbsubj.c (what a question is about) and dlg-kbword.c
 * (how well a section answers it).
 */
#ifndef DLG_KB_H
#define DLG_KB_H

#include <stdint.h>

#define KB_SUBJECTS	4	/* products a question can be about */
#define KB_STRONG_WORDS	2	/* own words a subject's section shares to
				   answer an unclear question by itself */
#define KB_SECTION_MARGIN 0.6	/* head start of the search's section */

/* What a question for help is about (see the top of the file). */
struct kb_subject {
	char	*sku[KB_SUBJECTS];	/* subject products, likeliest first */
	char	*name[KB_SUBJECTS];	/* their names */
	char	*pcat[KB_SUBJECTS];	/* their categories */
	char	*cat[KB_SUBJECTS];	/* their categories, or those named */
	size_t	 nsku, ncat;
	char	*doc;			/* the last answer's document */
	const char *how;		/* named, referred, focus, category,
					   last, none */
	int	 unnamed;		/* the names are not in the text */
	/*
	 * The kinds of the products named in passing (the subject left
	 * them out): help for another kind, or a ticket about another
	 * product, answers no question about them.
	 */
	char	*kind[KB_SUBJECTS];
	char	*ksku[KB_SUBJECTS];	/* the products themselves */
	char	*kname[KB_SUBJECTS];	/* their names (folded): no words
					   of the customer's question */
	size_t	 nkind;
	/*
	 * The customer's own words, stemmed, in order (kb_shared_words'
	 * bits): made once by kb_subject_stems, where every hit weighed
	 * used to tokenize and filter the message again.
	 */
	char	*stem[32];
	char	*alt[32];		/* a synonym's stem for each, or NULL
					   ("receipt": "invoi") */
	int	 nstem;
	double	 weight[32];		/* kb_word_weights of the stems */
	unsigned asks;			/* KB_ASKS_*: the kind of fact asked */
};

/* The kind of fact a question asks ("how long", "how much"). */
#define KB_W_PHRASE	0.5	/* the store's word for a customer's phrase
				   ("send back": "return") */
#define KB_ASKS_SPAN	1u	/* a duration: "30 days", "60 minutes" */
#define KB_ASKS_AMOUNT	2u	/* money or a share: "$7.99", "15%" */
#define KB_ASKS_NAMES	4u	/* names: "Best Buy, Walmart, Target" */
#define KB_W_FACT	1.5	/* a section stating the kind of fact asked
				   counts as more than a word shared */
#define KB_W_FACTDOC	1.25	/* and a hit whose section states it gains
				   over one whose section does not */

/* A hit weighed against the subject. */
struct kb_pick {
	const struct search_hit *h;
	double	 score;			/* its score times its weight */
	int	 words;			/* customer's own words it shares */
	uint32_t set;			/* which (kb_shared_words' bits) */
	const char *scope;		/* product, last, category, general,
					   any */
	char	*sku;			/* its subject product, or NULL */
	long long rowid;		/* the section to answer from */
	char	*heading;		/* its heading (owned) */
	int	 fact;			/* the section states the kind of fact
					   asked (kb_subject's asks) */
};

/* The subject of a question for help (dlg-kbsubj.c has the rules). */
void	 dlg_kb_subject_find(struct tctx *, struct kb_subject *, int skip_named);
void	 dlg_kb_subject_release(struct kb_subject *);
void	 dlg_kb_subject_trace(struct tctx *, const struct kb_subject *);
/* The product and category document doc_key is about (caller frees
 * both); 0 when the document is unknown. */
int	 dlg_kb_doc_scope(struct tctx *, const char *doc_key, char **sku,
	    char **cat);
/* The customer's own words, and how much each says. */
void	 dlg_kb_subject_stems(struct tctx *, struct kb_subject *);
void	 dlg_kb_word_weights(struct tctx *, const struct kb_subject *,
	    double *);
/* Weigh hit h against the subject into *pk (named: found by names). */
void	 dlg_kb_weigh(struct tctx *, const struct kb_subject *,
	    const struct search_hit *, int named, struct kb_pick *);
/* How many of the customer's key terms a pick must hold. */
#define KB_COVER_ONE	0
#define KB_COVER_HALF	1
#define KB_COVER_ALL	2
#define KB_COVER_TWO	3	/* two key terms at least: more than a
				   word of the store's own topics */
/* Does the pick cover the customer's key terms (need: KB_COVER_*)? */
int	 dlg_kb_covers(struct tctx *, const struct kb_subject *,
	    const struct kb_pick *, int need);

/* Does the pick share only the store's generic words with the customer
 * (and no sure intent's word)? */
int	 dlg_kb_generic_only(struct tctx *, const struct kb_subject *,
	    const struct kb_pick *);
/* How sure an answer is (dlg-kbunsure.c): the best picks for the
 * trace; not sure which topic was meant: ask, naming the pick's. */
void	 dlg_kb_trace_picks(struct tctx *, const struct kb_subject *,
	    const struct kb_pick *, size_t);
void	 dlg_kb_unsure(struct tctx *, const struct kb_pick *);

#endif

/*
 * judge.h: deciding whether a reply to a labelled customer turn is right
 * (the rules of "shopdesk eval dialogues", see judge.c).
 */
#ifndef JUDGE_H
#define JUDGE_H

#include <regex.h>
#include <stddef.h>

#include <cJSON.h>

#include "shopdesk.h"
#include "sbuf.h"

struct store;
struct judge;

struct judge_re {
	char		*src;		/* the pattern as written */
	regex_t		 re;		/* REG_EXTENDED | REG_ICASE */
	int		 names_item;	/* -1 not known yet, else whether it
					   names a product or an order */
};

/* A customer turn and what its reply must be. */
struct judge_turn {
	char		*text;
	char		**about;	/* SKUs and order numbers */
	size_t		 nabout;
	struct judge_re	*must, *must_not;
	size_t		 nmust, nmust_not;
};

/* What the judge found about one reply. */
struct judge_verdict {
	int		 pass;		/* every check holds */
	int		 regex_pass;	/* must and must_not alone hold */
	int		 wrong;		/* about another product or order */
	struct sbuf	 why;		/* one line per failed check */
};

/*
 * A judge over a seeded store (not owned; it must stay open): it reads
 * the catalog's names once and looks orders up as it goes.  NULL with
 * err set on failure.
 */
struct judge	*judge_open(struct store *, struct sd_error *);
void		 judge_free(struct judge *);

/*
 * Read a turn object ({"text", "expect": {"about", "must", "must_not"}});
 * the regexes are compiled.  On failure err says which field is wrong
 * (the caller adds file:line); release t either way.
 */
enum sd_rc	 judge_turn_read(const cJSON *, struct judge_turn *,
		    struct sd_error *);
void		 judge_turn_release(struct judge_turn *);

/* Judge the reply and trace of t; v->why is appended to. */
void		 judge_reply(struct judge *, struct judge_turn *,
		    const char *reply, const cJSON *trace,
		    struct judge_verdict *);

#endif

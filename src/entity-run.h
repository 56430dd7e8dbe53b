/*
 * entity-run.h: what entity.c shares with the extractors kept in their
 * own files (entity-date.c, entity-pattern.c, entity-catalog.c): the
 * lexemes of the folded message, the scratch of an extraction, the run
 * in progress, the tests the patterns ask of a lexeme, and how an
 * extractor emits an entity.
 * Not part of the API.
 */
#ifndef ENTITY_RUN_H
#define ENTITY_RUN_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"
#include "entity.h"

enum lx_kind { LX_WORD, LX_NUM, LX_SYM };

/* A lexeme of the folded text, for the patterns. */
struct lexeme {
	size_t		 a, b;		/* folded byte span */
	double		 num;		/* LX_NUM: value */
	int		 kind;		/* enum lx_kind */
	int		 plain;		/* LX_NUM: digits only */
	int		 ndig;		/* LX_NUM: digits before any point */
	int		 sym;		/* LX_SYM: '$', '#', 'E' (euro), 'L' (pound), '-' */
};

struct scratch {
	struct text_folded f;		/* the folded message */
	struct text_token *tok;		/* words of f */
	size_t		 tokcap;
	size_t		 ntok;
	uint64_t	*th;		/* word hashes, corrected by fuzzy */
	signed char	*tdist;		/* edits made to each word */
	size_t		 thcap;
	struct lexeme	*lx;
	size_t		 nlx;
	size_t		 lxcap;
	unsigned char	*taken;		/* folded bytes claimed */
	size_t		 takencap;
	size_t		*voff;		/* value offsets into strings */
	size_t		 voffcap;
	int		 have_now;
	long		 today;		/* days since 1970-01-01 */
};

/* One extraction in progress. */
struct run {
	const struct gazetteer *gz;
	struct entity_list *out;
	struct scratch	*sc;
	const char	*s;		/* folded text */
	size_t		 n;
	const char	*orig;		/* the customer's bytes (for case) */
};

/*
 * Add an entity over folded bytes [a, b), claiming them (entity.c), and
 * set its value.
 */
struct entity	*entity_emit(struct run *, enum entity_type,
		    enum entity_extractor, size_t a, size_t b);
void		 entity_set_value(struct run *, struct entity *,
		    const char *, ...) __attribute__((format(printf, 3, 4)));

/* Trim a number for display: 1500, 1499.99 (entity-json.c). */
void		 entity_fmt_num(char *, size_t, double);

/* Set an entity's value to the n bytes of s (entity.c). */
void		 entity_set_value_n(struct run *, struct entity *,
		    const char *, size_t);

/*
 * The pattern extractors of entity-pattern.c: email addresses, order
 * numbers, prices and quantities.
 */
void		 entity_find_emails(struct run *);
void		 entity_find_orders(struct run *);
void		 entity_find_prices(struct run *);
void		 entity_find_quantities(struct run *);

/*
 * The catalog matching of entity-catalog.c: gazetteer phrases, then the
 * compounds they form, then the words that are a category alone but a
 * part beside a product.
 */
void		 entity_find_catalog(struct run *);
/* "A camera to watch the baby": a kind word used as a verb goes. */
void		 entity_verb_kinds(struct run *);
void		 entity_compounds(struct run *);
void		 entity_drop(struct run *, size_t);
void		 entity_dual_words(struct run *);

/* "zero" .. "twenty", NULL-terminated (entity.c). */
extern const char *const entity_number_words[];

/* Dates: "today", "last friday", "3 days ago", "2026-11-03", "nov 3rd". */
void		 entity_find_dates(struct run *);

static inline int
is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* Some folded byte of [a, b) is claimed. */
static inline int
is_taken(const struct run *r, size_t a, size_t b)
{
	size_t	 i;

	for (i = a; i < b; i++)
		if (r->sc->taken[i])
			return 1;
	return 0;
}

/* The rest of lw, past the first byte. */
static inline int
lw_tail(const char *s, size_t n, const char *w)
{
	size_t	 k;

	for (k = 1; k < n; k++)
		if (s[k] != w[k])
			return 0;
	return w[n] == '\0';
}

/*
 * Lexeme i is the word w.  The patterns ask this over a hundred times per
 * lexeme, nearly always of a word that differs at its first letter: that
 * test is inlined, and the rest compares bytes as they come instead of
 * taking strlen(w) first (a word's bytes are never NUL, so the end of w
 * is a mismatch).
 */
static inline int
lw(const struct run *r, size_t i, const char *w)
{
	const struct lexeme *l;

	if (i >= r->sc->nlx)
		return 0;
	l = &r->sc->lx[i];
	return l->kind == LX_WORD && r->s[l->a] == w[0] &&
	    lw_tail(r->s + l->a, l->b - l->a, w);
}

/*
 * The index of lexeme i in list (NULL-terminated), -1 when it is none of
 * its words.  The lexeme is read once, then each word's first byte.
 */
static inline int
lw_index(const struct run *r, size_t i, const char *const *list)
{
	const struct lexeme *l;
	const char	*s;
	size_t		 n;
	int		 k;

	if (i >= r->sc->nlx || r->sc->lx[i].kind != LX_WORD)
		return -1;
	l = &r->sc->lx[i];
	s = r->s + l->a;
	n = l->b - l->a;
	for (k = 0; list[k] != NULL; k++)
		if (list[k][0] == s[0] && lw_tail(s, n, list[k]))
			return k;
	return -1;
}

/* Lexeme i is one of the words of list (NULL-terminated). */
static inline int
lw_any(const struct run *r, size_t i, const char *const *list)
{
	return lw_index(r, i, list) >= 0;
}

static inline int
lsym(const struct run *r, size_t i, int c)
{
	return i < r->sc->nlx && r->sc->lx[i].kind == LX_SYM &&
	    r->sc->lx[i].sym == c;
}

static inline int
lnum(const struct run *r, size_t i)
{
	return i < r->sc->nlx && r->sc->lx[i].kind == LX_NUM;
}

/* Lexemes i and i + 1 touch (no space between). */
static inline int
adjacent(const struct run *r, size_t i)
{
	return i + 1 < r->sc->nlx && r->sc->lx[i].b == r->sc->lx[i + 1].a;
}

/* Lexeme i exists and no extractor has claimed it. */
static inline int
lfree(const struct run *r, size_t i)
{
	return i < r->sc->nlx && !is_taken(r, r->sc->lx[i].a, r->sc->lx[i].b);
}

/* A number word's value, or -1. */
static inline int
number_word(const struct run *r, size_t i)
{
	return lw_index(r, i, entity_number_words);
}

#endif

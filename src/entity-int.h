/*
 * entity-int.h: what the entity extractor's files share among themselves
 * (gazetteer.c builds and answers look-ups, gazetteer-query.c answers
 * questions about its targets, entity.c extracts, entity-vocab.c holds
 * the word lists).  Not part of the API.
 */
#ifndef ENTITY_INT_H
#define ENTITY_INT_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

struct gazetteer;

#define GZ_MAXN		8	/* longest phrase, in tokens */

struct vocab_category {
	const char	*phrase;	/* folded, words separated by spaces */
	const char	*category;	/* catalog category slug */
	const char	*use;		/* or NULL */
};

struct vocab_attribute {
	const char	*phrase;
	const char	*attribute;	/* canonical name */
};

extern const struct vocab_category	vocab_categories[];
extern const struct vocab_attribute	vocab_attributes[];
extern const char *const		vocab_uses[];
extern const char *const		vocab_common[];
extern const char *const		vocab_ambiguous[];
extern const char *const		vocab_stop[];
extern const char			vocab_english[];	/* entity-words.c */

/*
 * What a phrase names, in increasing priority: when two sources give the
 * same phrase the higher kind wins (an exact product name beats a brand,
 * a category word beats a family prefix).
 */
enum gz_kind {
	GZ_NONE = 0,		/* only the start of longer phrases */
	GZ_FAMILY,		/* a leading part of product names */
	GZ_ATTRIBUTE,
	GZ_CATEGORY,
	GZ_BRAND,
	GZ_PRODUCT,		/* full name, name without brand, model, SKU */
	GZ_STOP,		/* names nothing: "price match" is no price */
};

/* One phrase of the gazetteer, keyed by the hash of its folded tokens. */
struct gz_entry {
	uint64_t	 key;		/* gz_combine over token hashes; 0 free */
	uint32_t	 target;	/* product, brand, category or attribute */
	uint32_t	 count;		/* distinct targets sharing the phrase */
	uint32_t	 aux;		/* family: brand+1; category: use+1,
					   or GZ_AUX_SUB | the offset of a
					   subcategory's slug */
	uint8_t		 kind;		/* enum gz_kind */
	uint8_t		 more;		/* a longer phrase starts with this */
};

/* Token flags of the vocabulary. */
#define GZ_TOK_KNOWN	0x1	/* appears in some phrase */
#define GZ_TOK_COMMON	0x2	/* a common word (vocab_common) */
#define GZ_TOK_AMBIG	0x4	/* also an English word (vocab_ambiguous) */
#define GZ_TOK_WORD	0x8	/* a word of the language (vocab_english) */

uint64_t	 gz_token_hash(const char *, size_t);
uint64_t	 gz_combine(uint64_t, uint64_t);
const struct gz_entry *gz_lookup(const struct gazetteer *, uint64_t);
/* Flags of a token hash (0: unknown). */
int		 gz_token_flags(const struct gazetteer *, uint64_t);
/*
 * The catalog word within edit distance 1 (Damerau: one insertion,
 * deletion, substitution or transposition) of an unknown word, preferring
 * the word most products use.  Common words ("ultra", "black") are
 * candidates only with common set: inside a phrase, where the words
 * before it ask for one ("galaxy s24 ulta").  Returns its hash, or 0.
 */
uint64_t	 gz_fuzzy(const struct gazetteer *, const char *, size_t,
		    int common);
/*
 * A shop's alias ends at phrase key h: the key of its target, from which
 * matching goes on ("ms 365" + "family" is "microsoft 365 family"); h
 * itself when h is no alias.
 */
uint64_t	 gz_alias(const struct gazetteer *, uint64_t h);

/*
 * Building the gazetteer (gazetteer.c; gazetteer-names.c derives the
 * phrases of a product's name).
 */

/* A folded field of a product: its words and their hashes. */
struct gz_field {
	const char	*s;		/* folded text (in the build buffer) */
	const char	*orig;		/* the text before folding (for case) */
	const size_t	*map;		/* folded byte -> orig offset */
	struct text_token t[GZ_MAXN * 2];
	uint64_t	 th[GZ_MAXN * 2];
	size_t		 n;		/* words kept (at most 2 * GZ_MAXN) */
};

/* Register a folded word (flags GZ_TOK_*); returns its hash. */
uint64_t	 gz_tok_add(struct gazetteer *, const char *, size_t,
		    uint32_t flags);
/*
 * Add the phrase of word hashes th[0..n).  Its leading parts are marked
 * as continuing; with family set they also name a family (the first word
 * alone only when fam1).  The higher kind wins a shared phrase; the same
 * kind naming another product counts it (an ambiguous name).
 */
void		 gz_path_add(struct gazetteer *, const uint64_t *th, size_t n,
		    int kind, uint32_t target, uint32_t aux, int family,
		    int fam1);
/* A word worth naming a product family on its own. */
int		 gz_distinctive(struct gazetteer *, const struct text_token *,
		    uint64_t);
/*
 * The phrases of product idx's folded name fn (fb: its folded brand, nb
 * words; brand: the brand index + 1 or 0), and those of its words
 * written with "+".
 */
void		 gz_name_paths(struct gazetteer *, uint32_t idx, uint32_t brand,
		    const struct gz_field *fb, size_t nb,
		    const struct gz_field *fn);
void		 gz_plus_paths(struct gazetteer *, uint32_t idx, uint32_t brand,
		    const struct gz_field *fb, size_t nb,
		    const struct gz_field *fn);
/* Tokens of the screen size at word k of f ('55"', '13-inch'), or 0. */
void		 gz_inner_word(struct gazetteer *, uint64_t h, uint32_t idx);
size_t		 gz_size_words(const struct gz_field *, size_t k);

/*
 * The only member of ambiguous phrase key whose name has the word w
 * (folded; a number also with its unit: "256" in "(256GB)"): its
 * product index + 1, or 0 for none or several.
 */
uint32_t	 gz_member_word(const struct gazetteer *, uint64_t key,
		    const char *w, size_t n);
/* Has some product of phrase key (one or its members) the word w? */
int		 gz_member_has(const struct gazetteer *, uint64_t key,
		    const char *w, size_t n);

/* Targets, by the indices in gz_entry. */
long long	 gz_product_id(const struct gazetteer *, uint32_t);
long		 gz_product_index(const struct gazetteer *, long long id);
const char	*gz_product_sku(const struct gazetteer *, uint32_t);
const char	*gz_product_name(const struct gazetteer *, uint32_t);
const char	*gz_product_brand(const struct gazetteer *, uint32_t);
const char	*gz_brand(const struct gazetteer *, uint32_t);
const char	*gz_category(const struct gazetteer *, uint32_t);
/* The subcategory slug of a category phrase's aux, or NULL. */
#define GZ_AUX_SUB	0x80000000u
const char	*gz_subcategory(const struct gazetteer *, uint32_t aux);
const char	*gz_attribute(const struct gazetteer *, uint32_t);
const char	*gz_currency(const struct gazetteer *);

#endif

/*
 * gazetteer-int.h: the gazetteer's tables, shared by the files that build
 * it (gazetteer.c) and answer questions about its targets
 * (gazetteer-query.c).  Not part of the API; entity-int.h declares what
 * the extractor may ask.
 */
#ifndef GAZETTEER_INT_H
#define GAZETTEER_INT_H

#include <stddef.h>
#include <stdint.h>

#include "sbuf.h"
#include "entity-int.h"

struct gz_product {
	long long	 id;		/* products.id */
	uint32_t	 sku;		/* offsets into strs */
	uint32_t	 name;
	uint32_t	 brand;		/* brand index + 1, 0 none */
};

struct gz_tok {
	uint64_t	 key;		/* gz_token_hash; 0 free */
	uint32_t	 str;		/* offset of the folded word in strs */
	uint32_t	 len;
	uint32_t	 freq;		/* phrases using it */
	uint32_t	 flags;		/* GZ_TOK_* */
};

struct gz_fz {
	uint64_t	 key;		/* hash of a word or of one deletion */
	uint32_t	 tok;		/* index into toks; several per key */
};

/* uint64 -> uint32 map for distinct brands, categories, subcategories. */
struct gz_map {
	uint64_t	*keys;
	uint32_t	*vals;
	size_t		 mask;
	size_t		 used;
};

/*
 * One step of a phrase path, recorded during the product pass and applied
 * in slot order (see gz_flush): kind GZ_NONE only marks a prefix.
 */
struct gz_rec {
	uint64_t	 key;
	uint32_t	 target;
	uint32_t	 aux;
	uint8_t		 kind;
	uint8_t		 more;
};

/*
 * One product an ambiguous phrase names ("sony xm5": the WH- and the
 * WF-1000XM5), so the dialogue can choose among them by what else the
 * customer said instead of searching the words again.
 */
struct gz_member {
	uint64_t	 key;		/* the phrase */
	uint32_t	 target;	/* product index */
};

/* Products kept per ambiguous phrase: a family wider than this is a
 * line to list, not a product to pick. */
#define GZ_MEMBERS_MAX	64

struct gazetteer {
	struct gz_product *prod;	/* products in id order */
	size_t		 nprod;
	struct sbuf	 strs;		/* NUL-terminated strings, by offset */
	uint32_t	*brands;	/* display brand offsets */
	size_t		 nbrands;
	uint32_t	*cats;		/* category slug offsets */
	size_t		 ncats;
	uint32_t	*attrs;		/* canonical attribute offsets */
	size_t		 nattrs;
	struct gz_entry	*tab;		/* phrases, open addressing */
	size_t		 tabmask;
	size_t		 tabused;
	size_t		 nphrases;	/* entries naming something */
	struct gz_tok	*toks;		/* vocabulary */
	size_t		 tokmask;
	size_t		 tokused;
	struct gz_fz	*fz;		/* deletion index, multimap */
	size_t		 fzmask;
	size_t		 fzused;
	char		 currency[8];	/* the catalog's currency */
	uint64_t	*alias;		/* pairs: alias key, target key */
	size_t		 nalias;
	size_t		 aliasmask;	/* slots (pairs) - 1; 0 when none */
	struct gz_member *memb;		/* products of ambiguous phrases,
					   by key then product */
	size_t		 nmemb;
	struct gz_rec	*rec;		/* deferred path steps (build only) */
	size_t		 nrec;
	size_t		 reccap;
	int		 defer;		/* path_add records instead */
	uint64_t	*inner;		/* pairs: word hash, product (build only) */
	size_t		 ninner;
	size_t		 innercap;
};

/* Next power of two >= n, at least 16. */
static inline size_t
pow2(size_t n)
{
	size_t	 p = 16;

	while (p < n)
		p <<= 1;
	return p;
}

/*
 * Register a folded word (gazetteer.c); returns its hash.  Its text is
 * kept for the typo index unless keep is 0.
 */
uint64_t	 gz_tok_put(struct gazetteer *, const char *, size_t,
		    uint32_t flags, int keep);
/* gazetteer-table.c: the tables' operations, used by the build. */
/* Append n bytes of s and a NUL to strs; returns their offset. */
uint32_t	 gz_str_add(struct gazetteer *, const char *s, size_t n);
void		 gz_map_init(struct gz_map *, size_t n);
void		 gz_map_free(struct gz_map *);
/* The value stored under key, UINT32_MAX without one. */
uint32_t	 gz_map_find(const struct gz_map *, uint64_t key);
/* The value under key, storing val first when it has none (*isnew). */
uint32_t	 gz_map_get(struct gz_map *, uint64_t key, uint32_t val,
		    int *isnew);
/* The phrase entry of key, made when missing. */
struct gz_entry	*gz_tab_get(struct gazetteer *, uint64_t key);
/* Whether the folded word of key is flagged GZ_TOK_COMMON. */
int		 gz_is_common(const struct gazetteer *, uint64_t key);
/* Move the recorded phrase paths into the phrase table. */
void		 gz_flush(struct gazetteer *);
/* The typo index (gazetteer-fuzzy.c): flag the language's words, then
 * index the catalog's. */
void		 gz_english_mark(struct gazetteer *);
void		 gz_fuzzy_build(struct gazetteer *);

/* The NUL-terminated string at offset off of strs. */
static inline const char *
str_at(const struct gazetteer *gz, uint32_t off)
{
	return gz->strs.buf + off;
}

#endif

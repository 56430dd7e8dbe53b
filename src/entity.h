/*
 * entity.h: typed entities with byte spans in the customer's text.
 *
 * Two parts.  The gazetteer is built once from the catalog (products by
 * name, model and SKU, their brands and categories, plus built-in shopper
 * vocabularies for categories and attributes); it is read-only afterwards,
 * so one gazetteer serves any number of threads.  entity_extract runs the
 * pattern extractors (order numbers, prices and ranges, quantities,
 * emails, dates) and the gazetteer (exact, then fuzzy within edit distance
 * 1) over one message and links comparison pairs.
 *
 * Typical use:
 *	struct gazetteer *gz = gazetteer_load(st, &err);
 *	struct entity_list el = ENTITY_LIST_INIT;
 *	entity_extract(gz, text, len, &el);
 *	for (i = 0; i < el.n; i++)
 *		entity_to_json(gz, &el.v[i], &out);
 *	entity_list_release(&el);
 *	gazetteer_free(gz);
 */
#ifndef ENTITY_H
#define ENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "shopdesk.h"
#include "sbuf.h"

struct store;
struct gazetteer;

/* The entity types; their names (entity_type_name) are fixed. */
enum entity_type {
	ENTITY_ORDER_ID,
	ENTITY_PRICE,
	ENTITY_PRODUCT,
	ENTITY_BRAND,
	ENTITY_CATEGORY,
	ENTITY_ATTRIBUTE,
	ENTITY_QUANTITY,
	ENTITY_EMAIL,
	ENTITY_DATE,
};
#define ENTITY_NTYPES	9

/* Which extractor found an entity. */
enum entity_extractor {
	EXTRACTOR_PATTERN,	/* hand-written pattern */
	EXTRACTOR_GAZETTEER,	/* exact catalog or vocabulary phrase */
	EXTRACTOR_FUZZY,	/* catalog phrase with typos (see distance) */
	EXTRACTOR_CONTEXT,	/* a model word placed by the dialogue in the
				   family or brand of its context */
};

/*
 * One entity.  start/end are byte offsets into the text given to
 * entity_extract ([start, end), never inside a code point).  String
 * fields point into the entity_list (valid until the next extraction into
 * it or its release) or into the gazetteer (valid while it lives); absent
 * ones are NULL.
 */
struct entity {
	enum entity_type	 type;
	enum entity_extractor	 extractor;
	size_t			 start;
	size_t			 end;
	const char		*value;		/* normalised text */
	int			 distance;	/* edits, for EXTRACTOR_FUZZY */
	int			 pair;		/* comparison pair, 1-based; 0 none */

	/* price */
	int			 has_min, has_max;
	double			 min, max;	/* inclusive bounds */
	const char		*currency;	/* "USD", "EUR", "GBP" */

	/* product (and brand for product families) */
	long long		 product_id;	/* products.id; 0: a family */
	const char		*sku;		/* NULL for a family */
	const char		*name;		/* catalog name, or family text */
	int			 matches;	/* products sharing a family name */
	const char		*brand;		/* brand, or a family's brand */
	uint64_t		 phrase;	/* gazetteer phrase key, 0 none
						   (gazetteer_members) */

	/* category */
	const char		*category;	/* catalog category slug */
	const char		*use;		/* "gaming", "business", ... */
	const char		*subcategory;	/* its subcategory slug when the
						   words name one ("robot
						   vacuums"), else NULL */

	/* attribute */
	const char		*attribute;	/* canonical name, e.g. "battery" */

	/* quantity */
	long long		 number;

	/* date: ISO 8601 "YYYY-MM-DD" (in value as well) */
};

/* What entity_extract found in one message. */
struct entity_list {
	struct entity	*v;		/* entities by start offset */
	size_t		 n;
	size_t		 cap;
	struct sbuf	 strings;	/* storage for value strings */
	size_t		 scanned;	/* bytes of the input looked at */
	int		 truncated;	/* input cut at TEXT_MAX_MESSAGE */
	int		 repaired;	/* input held invalid UTF-8 */
	int		 npairs;	/* comparison pairs linked */
	/* Scratch reused between calls (keeps extraction allocation-free). */
	void		*scratch;
};
#define ENTITY_LIST_INIT { NULL, 0, 0, SBUF_INIT, 0, 0, 0, 0, NULL }

/*
 * Build the gazetteer from the catalog tables of st (products: name,
 * brand, model, sku, category, subcategory) and the built-in shopper
 * vocabularies.  Reload after the catalog changes.  NULL with err set on
 * a database error; an empty catalog gives a gazetteer that still finds
 * pattern entities and attributes.  Free with gazetteer_free.
 */
struct gazetteer	*gazetteer_load(struct store *, struct sd_error *);
void			 gazetteer_free(struct gazetteer *);
/* Products, phrases and fuzzy keys indexed (for benchmarks and tests). */
void			 gazetteer_stats(const struct gazetteer *,
			    size_t *products, size_t *phrases, size_t *fuzzy);

/*
 * The catalog products a product entity may name: the one product, or
 * up to max of a family's members ("sony xm5": both 1000XM5 models), in
 * catalog order.  SKUs stay valid while gz lives.  Returns how many
 * were stored (0 for an entity the gazetteer did not find).
 */
size_t			 gazetteer_members(const struct gazetteer *,
			    const struct entity *, const char **skus,
			    size_t max);

/*
 * Find the entities of text[0..len) (any bytes; only the first
 * TEXT_MAX_MESSAGE bytes are read, cut on a code point boundary, and
 * out->truncated says so).  Replaces out's contents, reusing its memory.
 * gz may be NULL (patterns only).  Re-entrant: gz is only read.  Returns
 * out->n.
 */
size_t		 entity_extract(const struct gazetteer *, const char *text,
		    size_t len, struct entity_list *out);
void		 entity_list_release(struct entity_list *);

/*
 * Add to el a product entity for the catalog product id said at
 * [start, end) of the text extracted into el, found by the dialogue
 * (EXTRACTOR_CONTEXT: a bare model word placed among the products of
 * the family or brand in context, "the 8a" after a list of Pixels).
 * Kept in start order; its strings point into gz.  Returns it (valid
 * until el changes), or NULL when gz lacks the product or the span
 * overlaps an entity already found.
 */
const struct entity *entity_add_product(const struct gazetteer *,
		    struct entity_list *, size_t start, size_t end,
		    long long id);
/* Drop entity i of el (the dialogue placing a word otherwise). */
void		 entity_remove(struct entity_list *, size_t i);

/* "order_id", "price", ...; entity_type_parse returns -1 for no type. */
const char	*entity_type_name(enum entity_type);
int		 entity_type_parse(const char *);
/* "pattern", "gazetteer", "fuzzy". */
const char	*entity_extractor_name(enum entity_extractor);

/*
 * Append one entity as a JSON object: type, value, start, end, extractor,
 * distance (fuzzy only), pair (when set) and the type's fields.
 */
void		 entity_to_json(const struct entity *, struct sbuf *);
/* The same as a cJSON object (caller deletes). */
struct cJSON	*entity_json(const struct entity *);

#endif

/*
 * catalog-walk.c owns the walks over the whole catalog that build the
 * dialogue's indexes (the kinds as documents, the attribute keys many
 * products state).  Each product is handed to the caller as the row
 * holds it, best first as catalog_products lists them, with only its
 * text fields filled: listing every product with catalog_products (each
 * row sorted twice and every column copied) was a fifth of a first
 * turn's instructions.  The walk over one brand's products of a kind
 * whose names hold some words goes through the full-text index: a
 * brand's products of a kind are a thousand of 100,000, and reading
 * them all was most of a turn that names a product.
 */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "catalog.h"
#include "sbuf.h"
#include "store.h"

/* A text column, "" for NULL; valid until the next step. */
static char *
text(sqlite3_stmt *s, int i)
{
	const unsigned char *t = sqlite3_column_text(s, i);

	return (char *)(t != NULL ? (const char *)t : "");
}

enum sd_rc
catalog_walk(struct store *st, int limit,
    void (*fn)(void *, const struct product *), void *arg,
    struct sd_error *err)
{
	/* The order of catalog_products: a total one, the sku last. */
	static const char sql[] = "SELECT sku, name, brand, category,"
	    " subcategory, description, attrs, tags, price, stock"
	    " FROM products"
	    " ORDER BY (coalesce(rating, 0) * review_count + 4.0 * 50)"
	    "   / (review_count + 50) DESC, review_count DESC, price, sku"
	    " LIMIT ?1";
	struct product	 p;
	sqlite3_stmt	*s;
	int		 r;

	if ((s = store_prepare(st, sql, err)) == NULL)
		return SD_ERR_DB;
	sqlite3_bind_int(s, 1, limit);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&p, 0, sizeof p);
		p.sku = text(s, 0);
		p.name = text(s, 1);
		p.brand = text(s, 2);
		p.category = text(s, 3);
		p.subcategory = text(s, 4);
		p.description = text(s, 5);
		p.attrs = text(s, 6);
		p.tags = text(s, 7);
		p.price = sqlite3_column_double(s, 8);
		p.stock = sqlite3_column_int64(s, 9);
		fn(arg, &p);
	}
	sqlite3_reset(s);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "walk the catalog");
	return SD_OK;
}

enum sd_rc
catalog_walk_line(struct store *st, const char *brand, const char *category,
    const char *word, int limit,
    void (*fn)(void *, const struct product *), void *arg,
    struct sd_error *err)
{
	/*
	 * With a word the index of names leads ("+category" keeps the
	 * category's index out: walking it for a brand's few was most of
	 * the cost); without one the category's index does.
	 */
#define LINE_SQL(match, cat)						\
	"SELECT sku, name, brand, category FROM products"		\
	" WHERE " match " AND brand = ?2 COLLATE NOCASE AND " cat	\
	" ORDER BY (coalesce(rating, 0) * review_count + 4.0 * 50)"	\
	"   / (review_count + 50) DESC, review_count DESC, price, sku"	\
	" LIMIT ?4"
	static const char sql_word[] = LINE_SQL("id IN (SELECT rowid FROM"
	    " product_fts WHERE product_fts MATCH ?1)", "+category = ?3");
	static const char sql_all[] = LINE_SQL("?1 IS NULL",
	    "category = ?3");
#undef LINE_SQL
	struct sbuf	 q = SBUF_INIT;
	struct product	 p;
	sqlite3_stmt	*s;
	int		 r;

	/* name : "word": letters and digits only, no FTS5 syntax. */
	if (word != NULL)
		sbuf_addf(&q, "name : \"%s\"", word);
	if ((s = store_prepare(st, word != NULL ? sql_word : sql_all,
	    err)) == NULL) {
		sbuf_release(&q);
		return SD_ERR_DB;
	}
	if (word != NULL)
		sqlite3_bind_text(s, 1, q.buf, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 2, brand, -1, SQLITE_STATIC);
	sqlite3_bind_text(s, 3, category, -1, SQLITE_STATIC);
	sqlite3_bind_int(s, 4, limit);
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		memset(&p, 0, sizeof p);
		p.sku = text(s, 0);
		p.name = text(s, 1);
		p.brand = text(s, 2);
		p.category = text(s, 3);
		fn(arg, &p);
	}
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	sbuf_release(&q);
	if (r != SQLITE_DONE)
		return store_fail(st, err, "walk a line of products");
	return SD_OK;
}

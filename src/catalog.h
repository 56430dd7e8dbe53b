/*
 * catalog.h: read access to what the shop knows: products, customers,
 * orders with their items and shipments, carts and policy facts.  The
 * engine reads facts only through here, so every fact it states has a
 * row behind it.
 */
#ifndef CATALOG_H
#define CATALOG_H

#include <stddef.h>

#include "shopdesk.h"

struct store;

struct product {
	long long	 id;		/* products.id */
	char		*sku;
	char		*name;
	char		*brand;		/* may be "" */
	char		*model;
	char		*category;
	char		*subcategory;
	char		*description;
	double		 price;
	double		 list_price;	/* 0 unless on promotion */
	char		*currency;
	double		 rating;	/* 0 when unrated */
	long long	 review_count;
	char		*review_summary;
	char		*warranty;
	int		 warranty_months;
	char		*extended_warranty;
	long long	 stock;
	char		*attrs;		/* JSON object text */
	char		*tags;
};

struct order_item {
	char		*sku;
	char		*name;
	long long	 qty;
	double		 unit_price;
	char		*category;	/* of the product, "" if unknown */
};

struct order {
	char		*id;
	char		*customer_id;
	char		*status;
	char		*placed_at;
	char		*updated_at;
	double		 total;
	char		*currency;
	char		*payment_method;
	struct order_item *items;
	size_t		 nitems;
	/* The latest shipment, all NULL when none. */
	char		*carrier;
	char		*tracking_number;
	char		*ship_status;
	char		*shipped_at;
	char		*estimated_delivery;
	char		*delivered_at;
};

struct customer {
	char		*id;
	char		*name;
	char		*email;
	char		*tier;
	char		*preferences;	/* JSON object text */
};

void		 product_release(struct product *);
void		 order_release(struct order *);
void		 customer_release(struct customer *);

/* SD_ERR_NOTFOUND when absent. */
enum sd_rc	 catalog_product_by_sku(struct store *, const char *,
		    struct product *, struct sd_error *);
/* catalog_product_by_sku keeps the products read inside a read
 * transaction until the database changes, as catalog_order;
 * catalog_product_read always reads the store. */
enum sd_rc	 catalog_product_read(struct store *, const char *sku,
		    struct product *, struct sd_error *);
enum sd_rc	 catalog_product_by_id(struct store *, long long,
		    struct product *, struct sd_error *);

/* Filters for listing products without a text query. */
struct product_filter {
	const char	*category;	/* slug or NULL */
	const char	*use;		/* subcategory or tag ("gaming") */
	const char	*brand;
	double		 max_price;	/* < 0: none */
	double		 min_price;	/* < 0: none */
	int		 in_stock;
	int		 limit;
};

/*
 * Products matching f, best first: rating weighted by how many reviewed
 * it (a Bayesian average), then more reviews, then lower price.
 * *out is an array of *n (release each, free the array).
 */
enum sd_rc	 catalog_products(struct store *, const struct product_filter *,
		    struct product **out, size_t *n, struct sd_error *);

/*
 * The best products of a category as catalog_products lists them with
 * only category and limit set, each one's attributes parsed.  The
 * connection keeps them until the database changes: a turn reads a
 * kind for each need or spec asked.  *k points into that memo: valid
 * until the next catalog_kind call; do not change or free it.
 */
struct cJSON;
struct catalog_kind {
	const struct product *v;	/* best first */
	struct cJSON *const *attrs;	/* v[i].attrs parsed, or NULL */
	size_t		 n;
};
enum sd_rc	 catalog_kind(struct store *, const char *category,
		    int limit, struct catalog_kind *k, struct sd_error *);

/*
 * Calls fn for each of the best limit products, best first as
 * catalog_products lists them, with only sku, name, brand, category,
 * subcategory, description, attrs, tags ("" when empty), price and
 * stock set.  The
 * product and its strings are valid during the call only.
 */
enum sd_rc	 catalog_walk(struct store *, int limit,
		    void (*fn)(void *, const struct product *), void *,
		    struct sd_error *);

/*
 * Calls fn as catalog_walk does (only sku, name, brand and category set)
 * for the best limit products of brand (any case) and category whose
 * names have the word (folded letters and digits, with a letter) as
 * the full-text index has them: every product whose name has the word,
 * and maybe a few more (another word of the same stem) the caller sets
 * aside.  word NULL: the whole line.
 */
enum sd_rc	 catalog_walk_line(struct store *, const char *brand,
		    const char *category, const char *word, int limit,
		    void (*fn)(void *, const struct product *), void *,
		    struct sd_error *);

/*
 * Products whose name holds the words of phrase in order (a family such
 * as "iPhone 15" or "Samsung Galaxy"), best rated first, at most limit.
 * *out as for catalog_products.
 */
enum sd_rc	 catalog_products_named(struct store *, const char *phrase,
		    int limit, struct product **out, size_t *n,
		    struct sd_error *);
/*
 * catalog_products_named keeps what it read inside a read transaction
 * until the catalog changes (a brand said alone matches a tenth of a
 * large catalog, and the conversation's lines are looked up every turn);
 * catalog_products_named_read always reads the store.
 */
enum sd_rc	 catalog_products_named_read(struct store *, const char *,
		    int, struct product **, size_t *, struct sd_error *);
/*
 * An order with its items and latest shipment (order_release it).  The
 * connection keeps the orders read inside a read transaction until the
 * database changes, as catalog_kind: a turn about orders reads the same
 * ones a dozen times.  catalog_order_read always reads the store.
 */
enum sd_rc	 catalog_order(struct store *, const char *id, struct order *,
		    struct sd_error *);
enum sd_rc	 catalog_order_read(struct store *, const char *id,
		    struct order *, struct sd_error *);
/* A customer's orders, newest first (ids only; caller frees each). */
enum sd_rc	 catalog_customer_orders(struct store *, const char *customer,
		    char ***ids, size_t *n, struct sd_error *);
/* What identifies an item of an order; NULL fields do not match. */
struct order_match {
	const char	*sku;
	const char	*brand;
	const char	*category;	/* category or subcategory slug */
	const char	*name;		/* words of the item's name */
};
/*
 * The customer's orders holding an item that matches m, oldest first
 * (ids only; caller frees each and the array).
 */
enum sd_rc	 catalog_customer_orders_with(struct store *,
		    const char *customer, const struct order_match *m,
		    char ***ids, size_t *n, struct sd_error *);
/*
 * The customer's context for a turn, added to obj: "orders" (the five
 * latest: id, status, placed_at), "cart" (items of the active or
 * abandoned cart: sku, qty), "preferences" (as stored) and
 * "past_sessions" (how many conversations they had).
 */
void		 catalog_customer_context(struct store *, const struct customer *,
		    void *cjson_obj);
enum sd_rc	 catalog_customer(struct store *, const char *id,
		    struct customer *, struct sd_error *);
/* The order's latest event note and its time (*at), or NULL. */
char		*catalog_order_last_event(struct store *, const char *id,
		    char **at);
/*
 * Move an order to status (cancelled, return_requested...) and log the
 * event with note.  Runs inside the caller's transaction.
 */
enum sd_rc	 catalog_order_set_status(struct store *, const char *id,
		    const char *status, const char *note, struct sd_error *);
/*
 * From the shop's own systems (catalog-sync.c): set a product's price
 * (when price >= 0; list_price is kept only above it, as the price
 * before a sale) and stock (when >= 0); *old_stock gets the stock
 * before.  SD_ERR_NOTFOUND for an unknown SKU.
 */
enum sd_rc	 catalog_sync_product(struct store *, const char *sku,
		    double price, double list_price, long long stock,
		    long long *old_stock, struct sd_error *);
/* A customer's name and phone (empty or NULL: unchanged), by email. */
enum sd_rc	 catalog_sync_customer(struct store *, const char *email,
		    const char *name, const char *phone, struct sd_error *);
/*
 * The value of a policy fact ("return_window_days") as text (JSON for
 * arrays), or NULL; *doc (may be NULL) gets the policy's id.  Caller
 * frees both.  Kept per connection until the database changes.
 */
char		*catalog_policy_fact(struct store *, const char *key,
		    char **doc);
/*
 * The family a product name belongs to, as its variants share it: the
 * name before its parenthesis, a size said in it dropped ("Samsung T7
 * Shield Portable SSD 1TB" is of "Samsung T7 Shield Portable SSD").
 * Caller frees.
 */
char		*catalog_family(const char *name);
/* The value of a JSON attribute of a product (caller frees), or NULL. */
char		*catalog_attr(const struct product *, const char *key);

/* Whole days from ISO date a to b (b - a), or a large number if bad. */
long		 catalog_days_between(const char *a, const char *b);
/*
 * What the return policy makes of an order (catalog-returns.c), all
 * items or only sku's (sku may be NULL).  Amounts are 0 and deadline
 * NULL where the policy facts or the delivery date are missing.
 */
struct return_quote {
	char		*deadline;	/* last day to start a return (ISO
					   day), NULL before delivery */
	long		 window_days;	/* return window, from delivery */
	double		 items_total;	/* price of the items returned */
	double		 fee_percent;	/* restocking fee, percent */
	double		 fee;		/* restocking fee if opened */
	char		*fee_items;	/* items it applies to, or NULL */
	double		 label;		/* label deducted on a change of mind */
	double		 refund_opened;	/* back: opened, change of mind */
	double		 refund_unopened;	/* back: unopened */
	double		 refund_defective;	/* back: defective or our error */
	char		*doc;		/* the return policy's id, or NULL */
};
void		 catalog_return_quote(struct store *, const struct order *,
		    const char *sku, struct return_quote *);
void		 return_quote_release(struct return_quote *);
/* The ISO day n days after ISO date iso (caller frees), NULL if bad. */
char		*catalog_day_add(const char *iso, long n);
/* The ISO day n months after iso (caller frees), NULL if bad. */
char		*catalog_month_add(const char *iso, int n);
/* "$1,299" / "$19.99" for an amount in a currency.  Caller frees. */
char		*catalog_money(double, const char *currency);

/*
 * The customer's active cart.  Add puts one more of sku (at price) in it,
 * opening a cart if there is none; remove takes sku out (*removed 1 if
 * it was there); set_qty makes sku's line hold qty (0 takes it out;
 * *changed 1 if the line was there with another count).  All run inside
 * the caller's transaction.  Items lists
 * the cart with current names and prices (free with
 * catalog_cart_items_free).
 */
struct cart_item {
	char	*sku;
	char	*name;
	int	 qty;
	double	 price;
};
enum sd_rc	 catalog_cart_add(struct store *, const char *customer,
		    const char *sku, double price, struct sd_error *);
enum sd_rc	 catalog_cart_remove(struct store *, const char *customer,
		    const char *sku, int *removed, struct sd_error *);
enum sd_rc	 catalog_cart_set_qty(struct store *, const char *customer,
		    const char *sku, int qty, int *changed, struct sd_error *);
enum sd_rc	 catalog_cart_items(struct store *, const char *customer,
		    struct cart_item **, size_t *, struct sd_error *);
void		 catalog_cart_items_free(struct cart_item *, size_t);

#endif

/*
 * dlg-cheaperlike.c owns "something like the X I ordered but cheaper",
 * "what's similar but cheaper": products of the same kind as the item
 * meant (its subcategory, else its category), in stock, under that
 * item's price, never the item itself.  The item is the product named,
 * else the one in focus, else the only line of the order in focus; its
 * price is what the customer paid when it is a line of the order in
 * focus, the catalog's otherwise.  The reply lists the products with
 * their catalog prices, and they become the list the next turn picks
 * from; when none of the kind costs less, it says so.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

#define LIKE_MAX	5	/* products listed at most */

/* A lower price asked for. */
static const char *const cheaper_words[] = { "cheaper", "less expensive",
	"more affordable", "lower priced", NULL };
/* Another product of the same kind asked for, not the item's own price. */
static const char *const like_words[] = { "similar", "like the",
	"like my", "like it", "like that", "like this", "like those",
	"alternative", "alternatives", "something else", "same kind",
	"same type", NULL };

/* The product a named entity, or the focus, means; NULL if none. */
static const char *
item_sku(struct tctx *t)
{
	const struct entity *en = dlg_first_entity(t, ENTITY_PRODUCT);

	if (en != NULL && en->sku != NULL && en->end > en->start)
		return en->sku;
	return dlg_focus_top(t, 0);
}

/*
 * What the customer paid for sku on the order in focus (or for its
 * only line when sku is NULL, that line's sku in *line), or -1 when the
 * order in focus holds no such line.
 */
static double
paid_for(struct tctx *t, const char *sku, char **line, char **oid)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct order	 o;
	const char	*id = dlg_order_focus(t);
	double		 paid = -1;
	size_t		 i;

	memset(&o, 0, sizeof o);
	if (id == NULL || catalog_order(t->st, id, &o, &err) != SD_OK) {
		sd_error_clear(&err);
		return -1;
	}
	for (i = 0; i < o.nitems; i++) {
		if (sku != NULL ? strcmp(o.items[i].sku, sku) != 0 :
		    o.nitems != 1)
			continue;
		paid = o.items[i].unit_price;
		*line = xstrdup(o.items[i].sku);
		*oid = xstrdup(o.id);
		break;
	}
	order_release(&o);
	return paid;
}

/* The products listed, "Name ($price)" each, into sb; cited. */
static size_t
list_cheaper(struct tctx *t, const struct product *item, double below,
    struct sbuf *sb, struct product **out)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct product_filter f;
	struct product	*v = NULL;
	size_t		 n = 0, i, k = 0;
	char		*m;

	memset(&f, 0, sizeof f);
	f.category = item->category;
	f.use = item->subcategory != NULL && *item->subcategory != '\0' ?
	    item->subcategory : NULL;
	f.max_price = below - 0.005;
	f.min_price = -1;
	f.in_stock = 1;
	f.limit = LIKE_MAX + 1;
	if (catalog_products(t->st, &f, &v, &n, &err) != SD_OK) {
		sd_error_clear(&err);
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].sku, item->sku) == 0 || k == LIKE_MAX ||
		    v[i].price >= below) {
			product_release(&v[i]);
			continue;
		}
		m = catalog_money(v[i].price, v[i].currency);
		sbuf_addf(sb, "\n  %zu. %s, %s", k + 1, v[i].name, m);
		free(m);
		dlg_cite(t, "product", v[i].sku, v[i].name, "price");
		v[k++] = v[i];
	}
	*out = v;
	return k;
}

int
dlg_cheaper_like(struct tctx *t)
{
	struct product	 p, *v = NULL;
	struct sbuf	 sb = SBUF_INIT;
	const char	*sku;
	char		*line = NULL, *oid = NULL, *m;
	double		 price;
	size_t		 n, i;

	if (!dlg_has_any(t, cheaper_words) || !dlg_has_any(t, like_words))
		return 0;
	sku = item_sku(t);
	price = paid_for(t, sku, &line, &oid);
	if (price < 0 && sku == NULL)
		return 0;
	memset(&p, 0, sizeof p);
	if (!dlg_load_product(t, line != NULL ? line : sku, &p)) {
		free(line);
		free(oid);
		return 0;
	}
	if (price < 0)
		price = p.price;
	n = list_cheaper(t, &p, price, &sb, &v);
	m = catalog_money(price, p.currency);
	slots_set(&t->slots, "item", p.name);
	slots_set(&t->slots, "item_price", m);
	free(m);
	if (oid != NULL)
		slots_set(&t->slots, "paid_order", oid);
	slots_set(&t->slots, "cheaper_list", sb.buf != NULL ? sb.buf : "");
	dlg_jset_str(t->trace, "product_resolution", oid != NULL ?
	    "the order's item, under what was paid" :
	    "the item meant, under its price");
	dlg_set_action(t, n > 0 ? "cheaper_like" : "cheaper_like_none",
	    "%zu under %s", n, p.sku);
	dlg_say(t, n > 0 ? (oid != NULL ? "cheaper_like_paid" :
	    "cheaper_like") : (oid != NULL ? "cheaper_like_none_paid" :
	    "cheaper_like_none"));
	if (n > 0)
		dlg_results_set(t, v, n);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	product_release(&p);
	sbuf_release(&sb);
	free(line);
	free(oid);
	return 1;
}

/*
 * test-gazetteer: the catalog gazetteer on a scratch store filled by SQL:
 * products by name, model and typo, families, brands, categories with
 * shoppers' words, attributes, comparison pairs, a product added after
 * load that is found after a reload, and names as shoppers say them
 * (brand + model, no screen size) next to words that are names only
 * sometimes ("nothing", "pixels", "price match", "storage").
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "store.h"
#include "entity.h"
#include "tap.h"

static struct entity_list el = ENTITY_LIST_INIT;

static const char *const catalog =
    "INSERT INTO products(sku, name, brand, model, category, subcategory,"
    " price, created_at, updated_at) VALUES"
    " ('LAP-1', 'ASUS ROG Strix G15', 'ASUS', 'G513RM', 'laptops',"
    "  'gaming laptops', 1499, 'x', 'x'),"
    " ('LAP-2', 'Lenovo ThinkPad E14', 'Lenovo', 'E14 Gen 5', 'laptops',"
    "  NULL, 849, 'x', 'x'),"
    " ('PHN-1', 'Apple iPhone 15', 'Apple', 'A3090', 'smartphones', NULL,"
    "  799, 'x', 'x'),"
    " ('PHN-2', 'Apple iPhone 15 Pro', 'Apple', 'A3102', 'smartphones',"
    "  NULL, 999, 'x', 'x'),"
    " ('PHN-3', 'Samsung Galaxy S24', 'Samsung', 'SM-S921B', 'smartphones',"
    "  NULL, 799, 'x', 'x'),"
    " ('PHN-4', 'Samsung Galaxy S24 Ultra', 'Samsung', 'SM-S928B',"
    "  'smartphones', NULL, 1299, 'x', 'x'),"
    " ('HDP-1', 'Sony WH-1000XM5', 'Sony', 'WH-1000XM5', 'headphones',"
    "  'over-ear', 399, 'x', 'x'),"
    " ('SPK-1', 'JBL Flip 6', 'JBL', NULL, 'speakers', NULL, 129, 'x', 'x'),"
    " ('SMH-1', 'Amazon Echo Dot 5th Gen', 'Amazon', NULL, 'smart-home',"
    "  'smart speakers', 49, 'x', 'x'),"
    " ('PHN-5', 'OnePlus 12', 'OnePlus', NULL, 'smartphones', NULL, 799,"
    "  'x', 'x')";

static const char *const more =
    "INSERT INTO products(sku, name, brand, model, category, subcategory,"
    " price, created_at, updated_at) VALUES"
    " ('TV-1', 'LG 55\" C4 OLED evo 4K', 'LG', 'OLED55C4PUA', 'tvs',"
    "  'oled', 1299, 'x', 'x'),"
    " ('TV-2', 'LG 65\" C4 OLED evo 4K', 'LG', 'OLED65C4PUA', 'tvs',"
    "  'oled', 1799, 'x', 'x'),"
    " ('TV-3', 'TCL 65\" QM8 QD-Mini LED 4K', 'TCL', '65QM851G', 'tvs',"
    "  'mini-led', 999, 'x', 'x'),"
    " ('CAM-1', 'Canon EOS R50 with RF-S 18-45mm lens', 'Canon', '5812C012',"
    "  'cameras', 'mirrorless', 799, 'x', 'x'),"
    " ('NET-1', 'Amazon eero Pro 7 mesh Wi-Fi 7 system (2-pack)', 'eero',"
    "  NULL, 'networking', 'mesh', 499, 'x', 'x'),"
    " ('AUD-1', 'Apple AirPods Pro (2nd generation, USB-C)', 'Apple', NULL,"
    "  'headphones', 'earbuds', 249, 'x', 'x'),"
    " ('ACC-1', 'Logitech K380 Multi-Device Bluetooth Keyboard', 'Logitech',"
    "  NULL, 'accessories', 'keyboards', 39, 'x', 'x'),"
    " ('HOM-1', 'Philips Hue White Starter Kit', 'Philips Hue', NULL,"
    "  'smart-home', 'lighting', 99, 'x', 'x'),"
    " ('PHN-6', 'Nothing Phone (2a)', 'Nothing', NULL, 'smartphones',"
    "  'other', 349, 'x', 'x'),"
    " ('PHN-7', 'Google Pixel 8', 'Google', NULL, 'smartphones', 'pixel',"
    "  699, 'x', 'x'),"
    " ('PRT-1', 'Brother HL-L2350DW', 'Brother', NULL, 'printers', 'laser',"
    "  119, 'x', 'x'),"
    " ('STO-1', 'Samsung T7 Portable SSD 1TB', 'Samsung', NULL, 'storage',"
    "  'portable-ssd', 109, 'x', 'x'),"
    " ('GFT-1', 'Apple Gift Card $50', 'Apple', NULL, 'gift-cards', 'store',"
    "  50, 'x', 'x')";

/* Names shoppers shorten, and names that are words of the language. */
static const char *const names =
    "INSERT INTO products(sku, name, brand, model, category, subcategory,"
    " price, created_at, updated_at) VALUES"
    " ('GAM-1', 'PlayStation 5 Slim Console (Disc)', 'Sony', 'CFI-2015',"
    "  'gaming', 'consoles', 499, 'x', 'x'),"
    " ('GAM-2', 'PlayStation 5 Pro Console', 'Sony', 'CFI-7015', 'gaming',"
    "  'consoles', 699, 'x', 'x'),"
    " ('LAP-3', 'Apple MacBook Pro 14-inch (M3 Pro, 18GB, 512GB)', 'Apple',"
    "  'MRX33LL/A', 'laptops', 'business', 1999, 'x', 'x'),"
    " ('AUD-2', 'Beats Fit Pro', 'Beats', 'MK2F3LL/A', 'headphones',"
    "  'earbuds', 199, 'x', 'x'),"
    " ('AUD-3', 'Bose QuietComfort Ultra Headphones', 'Bose', '880066',"
    "  'headphones', 'over-ear', 429, 'x', 'x'),"
    " ('SW-1', 'Microsoft Office Home 2024', 'Microsoft', 'EP2-06606',"
    "  'software', 'productivity', 149, 'x', 'x'),"
    " ('STO-2', 'WD_BLACK SN850X NVMe SSD 1TB', 'WD', 'WDS100T200X0E',"
    "  'storage', 'internal-ssd', 89, 'x', 'x'),"
    " ('CAM-2', 'GoPro HERO12 Black', 'GoPro', 'CHDHX-121', 'cameras',"
    "  'action', 399, 'x', 'x'),"
    " ('HDP-2', 'Sony WF-1000XM5', 'Sony', 'WF1000XM5/B', 'headphones',"
    "  'earbuds', 299, 'x', 'x'),"
    " ('PHN-8', 'Samsung Galaxy S24+ (256GB)', 'Samsung', 'SM-S926U',"
    "  'smartphones', NULL, 999, 'x', 'x'),"
    " ('AUD-4', 'Samsung Galaxy Buds FE', 'Samsung', 'SM-R400N',"
    "  'headphones', 'earbuds', 99, 'x', 'x'),"
    " ('GAM-3', 'Xbox Wireless Controller', 'Microsoft', 'QAT-00001',"
    "  'gaming', 'controllers', 59, 'x', 'x')";

/* The first entity of type t, or NULL. */
static const struct entity *
find(const struct gazetteer *gz, const char *s, enum entity_type t)
{
	size_t	 i;

	entity_extract(gz, s, strlen(s), &el);
	for (i = 0; i < el.n; i++)
		if (el.v[i].type == t)
			return &el.v[i];
	return NULL;
}

static void
product(const struct gazetteer *gz, const char *s, const char *want,
    const char *sku, enum entity_extractor x)
{
	const struct entity *e = find(gz, s, ENTITY_PRODUCT);
	char	*got = e ? xstrndup(s + e->start, e->end - e->start) : NULL;

	is_str(got, want, "product \"%s\" in \"%s\"", want, s);
	if (sku != NULL)
		is_str(e ? e->sku : NULL, sku, "  resolves to %s", sku);
	else
		ok(e != NULL && e->product_id == 0 && e->matches > 1,
		    "  is a family of %d", e ? e->matches : 0);
	ok(e != NULL && e->extractor == x && (x != EXTRACTOR_FUZZY ||
	    e->distance == 1), "  found by %s", entity_extractor_name(x));
	free(got);
}

/* The members of the first product entity of s, as SKUs by spaces. */
static void
members(const struct gazetteer *gz, const char *s, const char *want)
{
	const struct entity *e = find(gz, s, ENTITY_PRODUCT);
	const char *v[8];
	struct sbuf got = SBUF_INIT;
	size_t	 i, n;

	n = e != NULL ? gazetteer_members(gz, e, v, 8) : 0;
	for (i = 0; i < n; i++)
		sbuf_addf(&got, "%s%s", i > 0 ? " " : "", v[i]);
	is_str(got.buf, want, "members of the product in \"%s\"", s);
	sbuf_release(&got);
}

static void
category(const struct gazetteer *gz, const char *s, const char *want,
    const char *cat, const char *use)
{
	const struct entity *e = find(gz, s, ENTITY_CATEGORY);
	char	*got = e ? xstrndup(s + e->start, e->end - e->start) : NULL;

	is_str(got, want, "category \"%s\" in \"%s\"", want ? want : "none", s);
	if (e != NULL) {
		is_str(e->category, cat, "  is %s", cat);
		is_str(e->use, use, "  use %s", use ? use : "none");
	}
	free(got);
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*dir = tap_tmpdir(), *path;
	struct store	*st;
	struct gazetteer *gz;
	const struct entity *e;
	struct sbuf	 sb = SBUF_INIT;
	size_t		 np, nph, nfz;

	path = xasprintf("%s/shop.db", dir);
	st = store_open(path, NULL, &err);
	ok(st != NULL, "store opens");
	gz = gazetteer_load(st, &err);
	ok(gz != NULL, "gazetteer of an empty catalog loads");
	ok(find(gz, "iphone 15 under $800", ENTITY_PRICE) != NULL &&
	    find(gz, "iphone 15", ENTITY_PRODUCT) == NULL,
	    "empty catalog: patterns only");
	ok(find(gz, "the battery life", ENTITY_ATTRIBUTE) != NULL,
	    "empty catalog: attributes still found");
	gazetteer_free(gz);

	ok(store_exec(st, catalog, &err) == SD_OK, "catalog inserted by SQL");
	gz = gazetteer_load(st, &err);
	ok(gz != NULL, "gazetteer loads");
	gazetteer_stats(gz, &np, &nph, &nfz);
	ok(np == 10 && nph > 9 && nfz > 0, "stats: %zu products, %zu phrases, "
	    "%zu fuzzy keys", np, nph, nfz);

	product(gz, "is the Apple iPhone 15 good", "Apple iPhone 15", "PHN-1",
	    EXTRACTOR_GAZETTEER);
	product(gz, "iPhone 15 Pro price", "iPhone 15 Pro", "PHN-2",
	    EXTRACTOR_GAZETTEER);
	product(gz, "rog strix battery", "rog strix", "LAP-1",
	    EXTRACTOR_GAZETTEER);
	product(gz, "galaxy s24 or s24 ultra", "galaxy s24", "PHN-3",
	    EXTRACTOR_GAZETTEER);
	product(gz, "how is the s24", "s24", "PHN-3", EXTRACTOR_GAZETTEER);
	product(gz, "thinkpad e14 weight", "thinkpad e14", "LAP-2",
	    EXTRACTOR_GAZETTEER);
	product(gz, "the G513RM model", "G513RM", "LAP-1", EXTRACTOR_GAZETTEER);
	product(gz, "Sony WH-1000XM5 case", "Sony WH-1000XM5", "HDP-1",
	    EXTRACTOR_GAZETTEER);
	product(gz, "iphone15 charger", "iphone15", "PHN-1",
	    EXTRACTOR_GAZETTEER);
	product(gz, "two echo dots", "echo dots", "SMH-1",
	    EXTRACTOR_GAZETTEER);
	product(gz, "iphnoe 15", "iphnoe 15", "PHN-1", EXTRACTOR_FUZZY);
	product(gz, "galxy s24 camera", "galxy s24", "PHN-3", EXTRACTOR_FUZZY);
	product(gz, "thinkpd warranty", "thinkpd", "LAP-2", EXTRACTOR_FUZZY);
	product(gz, "the galaxy phones", "galaxy", NULL, EXTRACTOR_GAZETTEER);
	product(gz, "any iphone deals", "iphone", NULL, EXTRACTOR_GAZETTEER);
	e = find(gz, "samsung galaxy", ENTITY_PRODUCT);
	is_str(e ? e->brand : NULL, "Samsung", "a family keeps its brand");
	ok(find(gz, "flip the switch", ENTITY_PRODUCT) == NULL,
	    "a common word is not a product (\"flip\")");
	ok(find(gz, "room 12 is ready", ENTITY_PRODUCT) == NULL,
	    "a lone number is not a product");
	ok(find(gz, "the 5th time", ENTITY_PRODUCT) == NULL,
	    "an ordinal in a name is not a product (\"5th\")");
	ok(find(gz, "my house is cold", ENTITY_CATEGORY) == NULL &&
	    find(gz, "my house is cold", ENTITY_PRODUCT) == NULL,
	    "an ordinary word is not corrected into the catalog");

	e = find(gz, "do you sell lenovo", ENTITY_BRAND);
	is_str(e ? e->brand : NULL, "Lenovo", "brand Lenovo");
	e = find(gz, "samsng tv", ENTITY_BRAND);
	ok(e != NULL && e->extractor == EXTRACTOR_FUZZY && e->distance == 1,
	    "brand with a typo is fuzzy");

	category(gz, "a gaming laptop please", "gaming laptop", "laptops",
	    "gaming");
	category(gz, "a laptop for gaming", "laptop", "laptops", "gaming");
	category(gz, "cellphone under 500", "cellphone", "smartphones", NULL);
	category(gz, "a new mobile", "mobile", "smartphones", NULL);
	category(gz, "cheap earbuds", "earbuds", "headphones", NULL);
	category(gz, "laptops", "laptops", "laptops", NULL);
	category(gz, "smart speakers", "smart speakers", "smart-home", NULL);
	category(gz, "a business laptop", "business laptop", "laptops",
	    "business");
	category(gz, "a telly", NULL, NULL, NULL);	/* no tvs in catalog */

	e = find(gz, "what's the battery life", ENTITY_ATTRIBUTE);
	is_str(e ? e->attribute : NULL, "battery", "attribute battery");
	e = find(gz, "screen size?", ENTITY_ATTRIBUTE);
	is_str(e ? e->attribute : NULL, "screen", "attribute screen");
	e = find(gz, "the s24 camera", ENTITY_ATTRIBUTE);
	is_str(e ? e->attribute : NULL, "camera",
	    "\"camera\" next to a product is an attribute");

	entity_extract(gz, "compare the S24 and the iPhone 15", 33, &el);
	ok(el.n == 2 && el.v[0].pair == 1 && el.v[1].pair == 1 &&
	    el.npairs == 1, "comparison: both sides share pair 1");
	entity_extract(gz, "iPhone vs Samsung Galaxy", 24, &el);
	ok(el.n == 2 && el.v[0].pair == 1 && el.v[1].pair == 1 &&
	    el.v[0].product_id == 0 && el.v[1].product_id == 0,
	    "comparison of two families");
	entity_extract(gz, "rog strix or thinkpad e14, which is better?", 43,
	    &el);
	ok(el.n == 2 && el.v[0].pair == 1 && el.v[1].pair == 1,
	    "\"X or Y, which is better\" pairs");
	entity_extract(gz, "I have an iphone 15 and a galaxy s24", 36, &el);
	ok(el.n == 2 && el.v[0].pair == 0, "no comparison without a cue");

	e = find(gz, "the rog strix g15", ENTITY_PRODUCT);
	sbuf_reset(&sb);
	if (e != NULL)
		entity_to_json(e, &sb);
	is_str(sb.buf, "{\"type\":\"product\",\"value\":\"ASUS ROG Strix G15\","
	    "\"start\":4,\"end\":17,\"extractor\":\"gazetteer\","
	    "\"product_id\":1,\"sku\":\"LAP-1\",\"name\":\"ASUS ROG Strix G15\","
	    "\"brand\":\"ASUS\"}", "product as JSON");

	/* A product added later is found once the gazetteer is reloaded. */
	ok(store_exec(st, "INSERT INTO products(sku, name, brand, category,"
	    " price, created_at, updated_at) VALUES ('NEW-1',"
	    " 'Fairphone 5', 'Fairphone', 'smartphones', 699, 'x', 'x')",
	    &err) == SD_OK, "new product inserted by SQL");
	ok(find(gz, "is the fairphone 5 repairable", ENTITY_PRODUCT) == NULL,
	    "not found before reload");
	gazetteer_free(gz);
	gz = gazetteer_load(st, &err);
	e = find(gz, "is the fairphone 5 repairable", ENTITY_PRODUCT);
	is_str(e ? e->sku : NULL, "NEW-1", "found after reload");
	e = find(gz, "fairphnoe 5", ENTITY_PRODUCT);
	is_str(e ? e->sku : NULL, "NEW-1", "and with a typo");

	/* Names as shoppers say them; words that are names only sometimes. */
	ok(store_exec(st, more, &err) == SD_OK, "more products by SQL");
	gazetteer_free(gz);
	gz = gazetteer_load(st, &err);
	product(gz, "lg c4 65 or the qm8", "lg c4", "TV-2",
	    EXTRACTOR_GAZETTEER);
	product(gz, "lg c4 55\" in stock?", "lg c4", "TV-1",
	    EXTRACTOR_GAZETTEER);
	e = find(gz, "lg c4 42 in stock?", ENTITY_PRODUCT);
	ok(e != NULL && e->matches == 0 && e->end == 8, "a size no member "
	    "has is a model the catalog lacks (lg c4 42)");
	product(gz, "LG C4 vs the S24", "LG C4", NULL, EXTRACTOR_GAZETTEER);
	product(gz, "is the TCL QM8 good", "TCL QM8", "TV-3",
	    EXTRACTOR_GAZETTEER);
	product(gz, "reviews of Canon EOS R50", "Canon EOS R50", "CAM-1",
	    EXTRACTOR_GAZETTEER);
	product(gz, "eero Pro 7 for a house", "eero Pro 7", "NET-1",
	    EXTRACTOR_GAZETTEER);
	product(gz, "AirPods Pro 2 x2", "AirPods Pro 2", "AUD-1",
	    EXTRACTOR_GAZETTEER);
	product(gz, "K380 keyboard x3", "K380 keyboard", "ACC-1",
	    EXTRACTOR_GAZETTEER);
	e = find(gz, "Philips smart lights", ENTITY_BRAND);
	is_str(e ? e->brand : NULL, "Philips Hue",
	    "a brand's first word names it");
	ok(find(gz, "paid last month and nothing yet", ENTITY_BRAND) == NULL,
	    "\"nothing\" is no brand");
	ok(find(gz, "Nothing works", ENTITY_BRAND) == NULL,
	    "nor \"Nothing\" starting a sentence");
	entity_extract(gz, "Samsung or Nothing?", 19, &el);
	ok(el.n == 2 && el.v[1].type == ENTITY_BRAND &&
	    strcmp(el.v[1].brand, "Nothing") == 0,
	    "a capital inside the sentence makes it one");
	ok(find(gz, "the tv has dead pixels", ENTITY_PRODUCT) == NULL,
	    "\"dead pixels\" are no Pixels");
	product(gz, "pixel or iphone?", "pixel", "PHN-7", EXTRACTOR_GAZETTEER);
	ok(find(gz, "do you price match?", ENTITY_ATTRIBUTE) == NULL,
	    "\"price match\" is no attribute");
	e = find(gz, "the price of the s24", ENTITY_ATTRIBUTE);
	is_str(e ? e->attribute : NULL, "price", "\"price\" alone is one");
	e = find(gz, "how many hdmi ports", ENTITY_ATTRIBUTE);
	ok(e != NULL && e->start == 9 && e->end == 19 && el.n == 1,
	    "\"hdmi ports\" is one attribute");
	category(gz, "a laser printer please", "laser printer", "printers",
	    NULL);
	category(gz, "a laptop charger", "charger", "accessories", NULL);
	e = find(gz, "iPhone 15 storage", ENTITY_ATTRIBUTE);
	is_str(e ? e->attribute : NULL, "storage",
	    "\"storage\" of a product is the attribute");
	e = find(gz, "how much storage do I need", ENTITY_ATTRIBUTE);
	is_str(e ? e->attribute : NULL, "storage", "so is \"how much storage\"");
	category(gz, "storage deals", "storage", "storage", NULL);
	category(gz, "is it available in store", NULL, NULL, NULL);
	e = find(gz, "the K380, two please", ENTITY_QUANTITY);
	ok(e != NULL && e->number == 2, "\"two please\" is a quantity");

	/* Derived short names; ordinary words need a context. */
	gazetteer_free(gz);
	ok(store_exec(st, names, &err) == SD_OK, "names added");
	gz = gazetteer_load(st, &err);
	product(gz, "is the ps5 in stock", "ps5", NULL, EXTRACTOR_GAZETTEER);
	product(gz, "ps5 pro please", "ps5 pro", "GAM-2",
	    EXTRACTOR_GAZETTEER);
	product(gz, "does the mbp have hdmi", "mbp", "LAP-3",
	    EXTRACTOR_GAZETTEER);
	product(gz, "qc ultra for flights", "qc ultra", "AUD-3",
	    EXTRACTOR_GAZETTEER);
	product(gz, "are the xm5 good", "xm5", NULL, EXTRACTOR_GAZETTEER);
	product(gz, "wd black in stock?", "wd black", "STO-2",
	    EXTRACTOR_GAZETTEER);
	product(gz, "is the hero 12 waterproof", "hero 12", "CAM-2",
	    EXTRACTOR_GAZETTEER);
	product(gz, "beats fit pro for running", "beats fit pro", "AUD-2",
	    EXTRACTOR_GAZETTEER);
	ok(find(gz, "will it fit in my backpack", ENTITY_PRODUCT) == NULL,
	    "\"fit\" is no Beats Fit Pro");
	ok(find(gz, "that fits my budget", ENTITY_PRODUCT) == NULL,
	    "nor is \"fits\"");
	ok(find(gz, "deliver it to my office", ENTITY_PRODUCT) == NULL,
	    "\"my office\" is a room, not Microsoft Office");
	product(gz, "can I install Office on a mac", "Office", "SW-1",
	    EXTRACTOR_GAZETTEER);
	ok(find(gz, "does it need an app", ENTITY_PRODUCT) == NULL,
	    "\"app\" is no AirPods Pro acronym");
	ok(find(gz, "i placed the order as a guest", ENTITY_PRODUCT) == NULL,
	    "a word of the language is never corrected");
	product(gz, "is the s24+ worth it", "s24+", "PHN-8",
	    EXTRACTOR_GAZETTEER);
	product(gz, "does the galaxy s24 ulta have a pen", "galaxy s24 ulta",
	    "PHN-4", EXTRACTOR_FUZZY);
	product(gz, "do the buds fe have anc", "buds fe", "AUD-4",
	    EXTRACTOR_GAZETTEER);
	product(gz, "sony xm5 in silver", "sony xm5", NULL,
	    EXTRACTOR_GAZETTEER);
	members(gz, "sony xm5 vs bose qc ultra", "HDP-1 HDP-2");
	members(gz, "is the hero 12 waterproof", "CAM-2");
	members(gz, "my order is late", "");
	e = find(gz, "how much is the iphone 16?", ENTITY_PRODUCT);
	ok(e != NULL && e->product_id == 0 && e->matches == 0 &&
	    e->start == 16 && e->end == 25, "a model the catalog lacks is "
	    "a product of none (iphone 16)");
	e = find(gz, "is the sony xm6 good", ENTITY_PRODUCT);
	ok(e != NULL && e->matches == 0 && e->end - e->start == 8,
	    "so is a brand with a model word (sony xm6)");
	ok(find(gz, "samsung 2tb drives", ENTITY_PRODUCT) == NULL,
	    "a brand with a capacity is no product");
	e = find(gz, "ps5 pro x2", ENTITY_PRODUCT);
	is_str(e != NULL ? e->sku : NULL, "GAM-2", "\"x2\" after a name is "
	    "how many, not a model");
	ok(find(gz, "any wireless controller for pc", ENTITY_PRODUCT) == NULL,
	    "a wireless controller is no Xbox Wireless Controller");
	ok(store_exec(st, "INSERT INTO synonyms(term, synonym, source) VALUES"
	    " ('ms', 'microsoft', 'alias'), ('the big s', 'galaxy s24',"
	    " 'alias'), ('nowhere', 'no such thing', 'alias')", &err) == SD_OK,
	    "aliases added");
	gazetteer_free(gz);
	gz = gazetteer_load(st, &err);
	ok(gz != NULL, "a target that names nothing is skipped");
	e = find(gz, "ms office please", ENTITY_PRODUCT);
	is_str(e ? e->sku : NULL, "SW-1", "an alias goes on as its target");
	product(gz, "the big s in blue", "the big s", NULL,
	    EXTRACTOR_GAZETTEER);

	gazetteer_free(gz);
	entity_list_release(&el);
	sbuf_release(&sb);
	store_close(st);
	sd_error_clear(&err);
	tap_rmtree(dir);
	free(dir);
	free(path);
	done_testing();
	return exit_status();
}

/*
 * dlg-sales.c: sales answers about products: a product's price, stock,
 * warranty, an attribute or its specifications; catalog searches listed
 * for the customer.  Recommendations are in dlg-recommend.c.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Product slots shared by the product templates. */
void
dlg_product_slots(struct tctx *t, const struct product *p, const char *prefix)
{
	char	*money, *name;
	char	 key[64];

#define SLOT(k)	(snprintf(key, sizeof key, "%s%s", prefix, k), key)
	slots_set(&t->slots, SLOT("product_name"), p->name);
	slots_set(&t->slots, SLOT("sku"), p->sku);
	slots_set(&t->slots, SLOT("brand"), p->brand);
	money = catalog_money(p->price, p->currency);
	slots_set(&t->slots, SLOT("price"), money);
	free(money);
	if (p->list_price > p->price) {
		money = catalog_money(p->list_price, p->currency);
		slots_set(&t->slots, SLOT("list_price"), money);
		free(money);
		money = catalog_money(p->list_price - p->price, p->currency);
		slots_set(&t->slots, SLOT("saving"), money);
		free(money);
		slots_setf(&t->slots, SLOT("discount_percent"), "%.0f",
		    100.0 * (p->list_price - p->price) / p->list_price);
	} else
		slots_set(&t->slots, SLOT("list_price"), "");
	if (p->rating > 0)
		slots_setf(&t->slots, SLOT("rating"), "%.1f", p->rating);
	else
		slots_set(&t->slots, SLOT("rating"), "");
	slots_setf(&t->slots, SLOT("review_count"), "%lld", p->review_count);
	slots_setf(&t->slots, SLOT("stock"), "%lld", p->stock);
	slots_set(&t->slots, SLOT("category"), p->category);
	slots_set(&t->slots, SLOT("warranty"), p->warranty);
	name = dlg_sentence(p->extended_warranty);
	slots_set(&t->slots, SLOT("extended_warranty"), name);
	free(name);
	slots_set(&t->slots, SLOT("review_summary"), p->review_summary);
	name = xstrdup(p->description);
	slots_set(&t->slots, SLOT("description"), name);
	free(name);
#undef SLOT
}

/*
 * A catalog attribute as a shopper reads it: "weight_kg" 2.1 is
 * "weight 2.1 kg", "ram_gb" 16 is "ram 16 GB".  The unit lives in the
 * key's suffix; the value is as the catalog stores it.
 */
void
dlg_attr_phrase(struct sbuf *sb, const char *key, const char *value)
{
	static const struct {
		const char	*suffix;
		const char	*unit;
	} units[] = {
		{ "_kg", "kg" }, { "_g", "g" }, { "_gb", "GB" }, { "_tb", "TB" },
		{ "_hz", "Hz" }, { "_wh", "Wh" }, { "_mah", "mAh" },
		{ "_hours", "hours" }, { "_mm", "mm" }, { "_w", "W" },
		{ "_inches", "inches" }, { "_in", "in" }, { "_mp", "MP" },
	};
	size_t	 klen = strlen(key), slen, i, end = klen;
	const char *unit = NULL;

	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		slen = strlen(units[i].suffix);
		if (klen > slen && strcmp(key + klen - slen,
		    units[i].suffix) == 0) {
			end = klen - slen;
			unit = units[i].unit;
			break;
		}
	}
	for (i = 0; i < end; i++)
		sbuf_addc(sb, key[i] == '_' ? ' ' : key[i]);
	sbuf_addf(sb, " %s%s%s", value, unit ? " " : "", unit ? unit : "");
}

/* "16 GB RAM, 1TB SSD, ..." from the first few attributes. */
static char *
key_features(const struct product *p, int max)
{
	cJSON		*root = cJSON_Parse(p->attrs), *it;
	struct sbuf	 sb = SBUF_INIT;
	int		 n = 0;

	cJSON_ArrayForEach(it, root) {
		if (n >= max)
			break;
		if (strstr(it->string, "compatible") != NULL ||
		    strcmp(it->string, "color") == 0)
			continue;
		if (n++ > 0)
			sbuf_adds(&sb, ", ");
		if (cJSON_IsString(it))
			dlg_attr_phrase(&sb, it->string, it->valuestring);
		else if (cJSON_IsNumber(it)) {
			char num[32];

			snprintf(num, sizeof num, "%g", it->valuedouble);
			dlg_attr_phrase(&sb, it->string, num);
		} else
			n--;
	}
	cJSON_Delete(root);
	return sbuf_detach(&sb, NULL);
}

/* A table of every attribute, one per line. */
static char *
spec_lines(const struct product *p)
{
	cJSON		*root = cJSON_Parse(p->attrs), *it;
	struct sbuf	 sb = SBUF_INIT;

	cJSON_ArrayForEach(it, root) {
		if (cJSON_IsString(it))
			sbuf_addf(&sb, "\n  %-18s %s", it->string,
			    it->valuestring);
		else if (cJSON_IsNumber(it))
			sbuf_addf(&sb, "\n  %-18s %g", it->string,
			    it->valuedouble);
	}
	cJSON_Delete(root);
	return sbuf_detach(&sb, NULL);
}

/* Sales: what the customer asks about a product. */

/* The sentence of text that mentions word, or NULL (caller frees). */
static char *
sentence_with(const char *text, const char *word)
{
	const char	*p, *s, *e;
	char		*low = xstrdup(text), *q;

	for (q = low; *q != '\0'; q++)
		*q = (char)tolower((unsigned char)*q);
	if ((q = strstr(low, word)) == NULL) {
		free(low);
		return NULL;
	}
	p = text + (q - low);
	free(low);
	for (s = p; s > text && !(s[-1] == '.' || s[-1] == '!' ||
	    s[-1] == '?'); s--)
		;
	while (*s == ' ')
		s++;
	for (e = p; *e != '\0' && *e != '.' && *e != '!' && *e != '?'; e++)
		;
	if (*e != '\0')
		e++;
	return xstrndup(s, (size_t)(e - s));
}

/* Attribute keys an attribute name may be stored under. */
static const char *const *
attr_keys(const char *attribute)
{
	static const struct {
		const char	*name;
		const char	*keys[8];
	} table[] = {
		{ "battery", { "battery_life", "battery_wh", "battery",
		    "battery_mah", NULL } },
		{ "screen", { "screen", "display", "screen_size",
		    "resolution", "refresh_hz", NULL } },
		{ "weight", { "weight_kg", "weight_g", "weight", NULL } },
		{ "storage", { "storage", "storage_gb", NULL } },
		{ "ram", { "ram_gb", "ram", "memory", NULL } },
		{ "camera", { "camera", "rear_camera", "front_camera",
		    "sensor", NULL } },
		{ "ports", { "ports", "connectivity", "connectors", NULL } },
		{ "colour", { "color", "colour", "colors", NULL } },
		{ "processor", { "cpu", "processor", "chip", NULL } },
		{ "graphics", { "gpu", "graphics", NULL } },
		{ "os", { "os", "operating_system", NULL } },
		{ "connectivity", { "connectivity", "wireless", "bluetooth",
		    NULL } },
		{ "size", { "size", "dimensions", "screen_size", NULL } },
		{ "compatibility", { "compatible_with", NULL } },
	};
	static const char *single[2];
	size_t	 i;

	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strcmp(table[i].name, attribute) == 0)
			return table[i].keys;
	single[0] = attribute;
	single[1] = NULL;
	return single;
}

/*
 * What reviewers say of the battery, after the hours from the specs:
 * "According to 847 customer reviews, the battery typically lasts...".
 * 1 when said.
 */
static int
battery_reviews(struct tctx *t, const struct product *p)
{
	char	*sent;

	if ((sent = sentence_with(p->review_summary, "battery")) == NULL)
		return 0;
	/* Reviewers' words, lower-cased to follow "... reviews, ". */
	if (sent[0] != '\0' && isupper((unsigned char)sent[0]) &&
	    !isupper((unsigned char)sent[1]))
		sent[0] = (char)tolower((unsigned char)sent[0]);
	slots_set(&t->slots, "battery_summary", sent);
	free(sent);
	dlg_cite(t, "product", p->sku, p->name, "review_summary");
	return dlg_say(t, "battery_reviews");
}

static void
answer_attribute(struct tctx *t, const struct product *p, const char *attr)
{
	const char *const *keys;
	struct sbuf	 facts = SBUF_INIT;
	char		*v;
	size_t		 i;

	dlg_product_slots(t, p, "");
	dlg_cite(t, "product", p->sku, p->name, attr);
	if (strcmp(attr, "battery") == 0 && battery_reviews(t, p)) {
		dlg_set_action(t, "answer_attribute", "battery asked for %s; "
		    "no battery specification, answered from its reviews",
		    p->sku);
		return;
	}
	keys = attr_keys(attr);
	for (i = 0; keys[i] != NULL; i++) {
		if ((v = catalog_attr(p, keys[i])) == NULL)
			continue;
		if (facts.len > 0)
			sbuf_adds(&facts, ", ");
		dlg_attr_phrase(&facts, keys[i], v);
		free(v);
	}
	slots_set(&t->slots, "attribute", attr);
	slots_set(&t->slots, "attribute_facts", facts.buf);
	if (facts.len > 0) {
		dlg_set_action(t, "answer_attribute",
		    "%s asked for %s; found in "
		    "its specifications", attr, p->sku);
		dlg_say(t, "attribute");
	} else {
		dlg_set_action(t, "answer_attribute", "%s asked for %s; the "
		    "catalog has no such specification", attr, p->sku);
		dlg_say(t, "attribute_unknown");
	}
	sbuf_release(&facts);
}

static void
answer_warranty(struct tctx *t, const struct product *p)
{
	if (dlg_warranty_plans(t, p))
		return;
	dlg_product_slots(t, p, "");
	dlg_cite(t, "product", p->sku, p->name, "warranty,extended_warranty");
	dlg_set_action(t, "answer_warranty", "warranty asked for %s", p->sku);
	dlg_say(t, "warranty");
}

static void
answer_price(struct tctx *t, const struct product *p)
{
	dlg_product_slots(t, p, "");
	dlg_cite(t, "product", p->sku, p->name, "price,list_price");
	dlg_set_action(t, "answer_price", "price asked for %s", p->sku);
	dlg_say(t, "price");
	dlg_sale_note(t, p);
	/* A price is no offer when none can be had: said with it. */
	if (p->stock <= 0)
		dlg_say(t, "out_of_stock_note");
}

void
dlg_answer_product(struct tctx *t, const struct product *p, int specs)
{
	char	*kf;

	dlg_product_slots(t, p, "");
	kf = specs ? spec_lines(p) : key_features(p, 4);
	slots_set(&t->slots, specs ? "specs" : "key_features", kf);
	free(kf);
	dlg_cite(t, "product", p->sku, p->name, specs ? "attrs" :
	    "price,rating,review_count,attrs");
	dlg_set_action(t, specs ? "show_specs" : "product_info", "%s about %s",
	    specs ? "specifications" : "overview", p->sku);
	dlg_say(t, specs ? "product_specs" : "product_info");
	if (!specs && p->stock <= 0)
		dlg_say(t, "out_of_stock_note");
}

/*
 * "Show me headphones" with a watch in focus asks about headphones, not
 * the watch: the focus guard's check (dlg_focus_fits) finds a kind
 * named that p is not ("which smartwatches work with my iPhone" too).
 */
static int
other_kind(struct tctx *t, const struct product *p)
{
	const char	*why = NULL;

	return !dlg_focus_fits(t, p->sku, &why) && why != NULL &&
	    strcmp(why, "kind") == 0;
}

/*
 * "Which smartwatches work with iPhone and Android?": the kind said
 * first, constrained to what it must work with.  "Work" here says
 * nothing of a use, and a later word read as a kind ("Android" as
 * tablets) is not the kind asked for.
 */
static int
recommend_kind(struct tctx *t)
{
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	cJSON		*f;

	dlg_update_filters(t);
	f = dlg_jobj(t->state, "filters");
	dlg_jset_str(f, "category", cat->category);
	cJSON_DeleteItemFromObjectCaseSensitive(f, "use");
	dlg_jset_str(t->trace, "narrowed", "a kind that must work with the "
	    "products named");
	return dlg_handle_recommend(t);
}

/*
 * Words that ask for the stock or the price.  Without them, a question
 * the classifier took for one ("is it ok for running in the rain?")
 * asks about the specifications it names.
 */
static const char *const stock_words[] = { "stock", "available",
	"availability", "left", "have", "sold out", "in store", "get it",
	"many", NULL };
static const char *const money_words[] = { "price", "prices", "cost",
	"costs", "how much", "sale", "deal", "discount", "cheaper",
	"expensive", "dollars", "bucks", "pay", NULL };

/*
 * Does the question ask for money?  "How much power does it give" asks
 * an amount of something else: "how much" followed by a noun that is no
 * money word.
 */
static int
money_asked(struct tctx *t)
{
	static const char *const then[] = { "is", "does", "do", "are",
	    "will", "would", "was", "for", "it", "its", "it's", "that",
	    "this", "the", "they", "these", "those", "money", "then", "now",
	    "again", "extra", "more", "less", "if", "with", "to", "would",
	    "did", "in", "on", "ya", "u", "you", NULL };
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "", *p, *e;
	size_t		 i, n;

	for (i = 0; money_words[i] != NULL; i++)
		if (strcmp(money_words[i], "how much") != 0 &&
		    dlg_has_word(t, money_words[i]))
			return 1;
	if ((p = strstr(s, "how much")) == NULL)
		return 0;
	for (p += 8; *p == ' '; p++)
		;
	for (e = p; *e != '\0' && *e != ' ' && *e != '?' && *e != ','; e++)
		;
	if ((n = (size_t)(e - p)) == 0)
		return 1;		/* "how much?" */
	for (i = 0; then[i] != NULL; i++)
		if (strlen(then[i]) == n && strncmp(p, then[i], n) == 0)
			return 1;
	return 0;
}

/* A product question: which product, which aspect.  0: no product. */
int
dlg_handle_product_question(struct tctx *t, const char *intent)
{
	struct product	 p;
	const struct entity *attr = dlg_first_entity(t, ENTITY_ATTRIBUTE);
	const char	*a = attr != NULL ? attr->attribute : NULL;

	memset(&p, 0, sizeof p);
	if (!dlg_target_product(t, &p))
		return 0;
	if (other_kind(t, &p)) {
		product_release(&p);
		if (dlg_count_entities(t, ENTITY_PRODUCT) == 0)
			return 0;
		return recommend_kind(t);
	}
	if (strcmp(intent, "warranty") == 0 || (a && strcmp(a,
	    "warranty") == 0))
		answer_warranty(t, &p);
	else if ((strcmp(intent, "stock_availability") == 0 ||
	    (a && strcmp(a, "stock") == 0)) && (dlg_has_any(t, stock_words) ||
	    dlg_spec_count(t, &p) == 0)) {
		/* "Is it in stock? and does it do LDAC": both asks. */
		dlg_answer_stock(t, &p, 0);
		dlg_spec_answer(t, &p);
	} else if ((strcmp(intent, "price_promotions") == 0 ||
	    (a && strcmp(a, "price") == 0)) && (money_asked(t) ||
	    dlg_spec_count(t, &p) == 0)) {
		/* "Price and stock": the stock answer states both. */
		if (dlg_has_any(t, stock_words))
			dlg_answer_stock(t, &p, 0);
		else
			answer_price(t, &p);
		dlg_spec_answer(t, &p);
	} else if (a != NULL && strcmp(a, "specs") == 0)
		dlg_answer_product(t, &p, 1);	/* "specs", "features" */
	else if (dlg_spec_answer(t, &p) > 0) {
		dlg_set_action(t, "answer_attribute", "%s: the specifications "
		    "the words ask about", p.sku);
		/* The hours from the specs, then how owners find it. */
		if (a != NULL && strcmp(a, "battery") == 0)
			battery_reviews(t, &p);
	}
	else if (a != NULL)
		answer_attribute(t, &p, a);
	else
		dlg_answer_product(t, &p, strcmp(intent, "product_specs") == 0);
	product_release(&p);
	return 1;
}

/*
 * Products v[from..n) as a table of the reply (number, name, price,
 * rating, reviews, availability) and as its text, "2. Name, $1,299
 * (4.6/5, 847 reviews)" lines.
 */
void
dlg_list_products(struct tctx *t, const struct product *v, size_t n,
    size_t from, struct sbuf *out)
{
	static const char *const heads[] = { "#", "product", "price",
	    "rating", "reviews", "availability", NULL };
	const char	*cells[6];
	char		*money, num[3][32];
	size_t		 i, tb;

	if (from >= n)
		return;
	tb = dlg_table_new(t, "products", heads);
	for (i = from; i < n; i++) {
		money = catalog_money(v[i].price, v[i].currency);
		sbuf_addf(out, "\n  %zu. %s, %s", i + 1, v[i].name, money);
		snprintf(num[0], sizeof num[0], "%zu", i + 1);
		num[1][0] = num[2][0] = '\0';
		if (v[i].rating > 0) {
			sbuf_addf(out, " (%.1f/5, %lld reviews)", v[i].rating,
			    v[i].review_count);
			snprintf(num[1], sizeof num[1], "%.1f", v[i].rating);
			snprintf(num[2], sizeof num[2], "%lld",
			    v[i].review_count);
		}
		if (v[i].stock <= 0)
			sbuf_adds(out, " (out of stock)");
		cells[0] = num[0];
		cells[1] = v[i].name;
		cells[2] = money;
		cells[3] = num[1];
		cells[4] = num[2];
		cells[5] = v[i].stock <= 0 ? "out of stock" : "";
		dlg_table_row(t, tb, cells);
		free(money);
		dlg_cite(t, "product", v[i].sku, v[i].name,
		    "price,rating,review_count,stock");
	}
	dlg_table_text(t, tb, out->buf);
}

/* Products matching the words (a catalog search), listed. */
int
dlg_handle_product_search(struct tctx *t)
{
	struct search_result res;
	struct product	 v[RESULTS_MAX];
	struct sbuf	 list = SBUF_INIT;
	size_t		 i, n = 0;

	dlg_kb_search(t, t->text, SEARCH_KIND_BIT(SEARCH_PRODUCT), RESULTS_MAX,
	    &res);
	for (i = 0; i < res.n && n < RESULTS_MAX; i++)
		if (dlg_load_product(t, res.hits[i].id, &v[n]))
			n++;
	search_result_free(&res);
	if (n == 0)
		return 0;
	dlg_results_set(t, v, n);
	dlg_focus_push(t, v[0].sku);
	dlg_list_products(t, v, n, 0, &list);
	slots_set(&t->slots, "results", list.buf);
	dlg_set_action(t, "product_search", "%zu catalog matches for the "
	    "customer's words", n);
	dlg_say(t, "product_list");
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	sbuf_release(&list);
	return 1;
}

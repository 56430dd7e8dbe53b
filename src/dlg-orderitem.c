/*
 * dlg-orderitem.c: which of the customer's orders hold the item named.
 * A product, brand or category entity, else a word of the message that
 * the name of an ordered item holds ("my windows key", "the 560S"); a
 * category is wide, so the items whose name holds the word said come
 * first ("the phone", not a case for one).  dlg-orderpick.c narrows
 * the orders found to the one meant.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"
#include "dlg-owned.h"

/* Is the entity's text the name of a month ("august")? */
static int
is_month(struct tctx *t, const struct entity *en)
{
	static const char *const months[] = { "january", "february", "march",
	    "april", "june", "july", "august", "september", "october",
	    "november", "december", NULL };
	const char *const *m;
	size_t	 n = en->end - en->start;

	for (m = months; *m != NULL && en->end <= t->len; m++)
		if (strlen(*m) == n && strncasecmp(*m, t->text + en->start,
		    n) == 0)
			return 1;
	return 0;
}

/* Words too common to name an item of an order. */
static const char *const common_words[] = { "about", "again", "after",
	"already", "another", "arrive", "arrived", "before", "cancel",
	"change", "charged", "could", "delivery", "first", "hello", "money",
	"night", "number", "order", "ordered", "orders", "other", "please",
	"price", "refund", "return", "returns", "second", "should", "still",
	"thanks", "their", "there", "these", "thing", "things", "those",
	"today", "tomorrow", "tracking", "where", "which", "would",
	"yesterday", "invoice", "receipt", "month", "week", "great",
	/* a return's cost: "will you charge anything", "the box is open" */
	"charge", "charges", "costs", "opened", "sealed", "unopened",
	"label", "anything", "sending", NULL };

/* Shortest word that may name an item ("watch", not "home" or "pro"). */
#define ITEM_WORD_MIN	5

/*
 * "An invoice for my windows key": a word of the message that the name
 * of one of the customer's ordered items holds, when no entity names
 * anything.  Caller frees.
 */
static char *
word_of_items(struct tctx *t)
{
	struct text_token *tok = NULL;
	struct order_match m;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 cap = 0, n, i, k, len;
	char		**ids, *w = NULL;
	const char *const *c;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n && w == NULL; i++) {
		len = tok[i].end - tok[i].start;
		/* A model number ("560S", "m50x") names as well as a word. */
		if (tok[i].has_digit ? !tok[i].has_alpha || len < 3 :
		    len < ITEM_WORD_MIN)
			continue;
		w = xstrndup(t->text + tok[i].start, len);
		for (c = common_words; *c != NULL; c++)
			if (strcasecmp(*c, w) == 0)
				break;
		memset(&m, 0, sizeof m);
		m.name = w;
		ids = NULL;
		k = 0;
		if (*c == NULL) {
			dlg_retrieve_begin(t);
			catalog_customer_orders_with(t->st, t->cust.id, &m,
			    &ids, &k, &err);
			dlg_retrieve_end(t);
			sd_error_clear(&err);
		}
		dlg_ids_free(ids, k);
		if (k == 0) {
			free(w);
			w = NULL;
		}
	}
	free(tok);
	return w;
}

/* Is w (n bytes, lower case) a word of the item's name, or its plural? */
static int
item_word(const char *name, const char *w, size_t n)
{
	return dlg_name_word(name, w, n) || (n > 3 && w[n - 1] == 's' &&
	    dlg_name_word(name, w, n - 1));
}

/* May the token name part of an item ("hue", "sd"), not glue? */
static int
pair_word(struct tctx *t, const struct text_token *tk, char *w, size_t max)
{
	const char *const *c;
	size_t	 len = tk->end - tk->start, k;

	if (len < 2 || len >= max || !tk->has_alpha ||
	    dlg_own_glue(t->text + tk->start, len))
		return 0;
	for (k = 0; k < len; k++)
		w[k] = (char)tolower((unsigned char)t->text[tk->start + k]);
	w[len] = '\0';
	for (c = common_words; *c != NULL; c++)
		if (strcmp(*c, w) == 0)
			return 0;
	return 1;
}

/*
 * "The hue bulb", "the sd cards": two words side by side, each too
 * short to name an item alone, that are both words of the name of one
 * item the customer ordered.  The longer (singular) word, for matching
 * the orders' item names; caller frees.  NULL: none.
 */
static char *
pair_of_items(struct tctx *t)
{
	struct text_token *tok = NULL;
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	char		**ids = NULL, a[32], b[32], *hit = NULL;
	size_t		 cap = 0, n, nids = 0, i, j, k, la, lb;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	dlg_retrieve_begin(t);
	catalog_customer_orders(t->st, t->cust.id, &ids, &nids, &err);
	sd_error_clear(&err);
	for (i = 0; i + 1 < n && hit == NULL; i++) {
		if (!pair_word(t, &tok[i], a, sizeof a) ||
		    !pair_word(t, &tok[i + 1], b, sizeof b))
			continue;
		la = strlen(a);
		lb = strlen(b);
		if (la < 3 && lb < 3)
			continue;
		for (j = 0; j < nids && hit == NULL; j++) {
			if (catalog_order(t->st, ids[j], &o, &err) != SD_OK) {
				sd_error_clear(&err);
				continue;
			}
			for (k = 0; k < o.nitems && hit == NULL; k++)
				if (item_word(o.items[k].name, a, la) &&
				    item_word(o.items[k].name, b, lb)) {
					if (lb >= la)
						hit = xstrndup(b, lb > 3 &&
						    !dlg_name_word(o.items[k].name,
						    b, lb) ? lb - 1 : lb);
					else
						hit = xstrndup(a, la > 3 &&
						    !dlg_name_word(o.items[k].name,
						    a, la) ? la - 1 : la);
				}
			order_release(&o);
		}
	}
	dlg_retrieve_end(t);
	dlg_ids_free(ids, nids);
	free(tok);
	return hit;
}

/*
 * The item the customer names: a product, brand or category
 * (dlg_order_named_item), else a feature word the item's name holds
 * ("the ssd", "my wifi order"), matched against the names of the items
 * ordered.  *words: caller frees.
 */
int
dlg_order_item_named(struct tctx *t, struct order_match *m, char **words)
{
	const struct entity *a = dlg_first_entity(t, ENTITY_ATTRIBUTE);
	const struct entity *b = dlg_first_entity(t, ENTITY_BRAND);
	const struct entity *c = dlg_first_entity(t, ENTITY_CATEGORY);

	/* "my headphone from august": a month is no brand here. */
	if (dlg_first_entity(t, ENTITY_PRODUCT) == NULL && b != NULL &&
	    is_month(t, b)) {
		memset(m, 0, sizeof *m);
		*words = NULL;
		if (c == NULL)
			return 0;	/* "the order from August" */
		m->category = c->category != NULL ? c->category : c->value;
		return 1;
	}
	if (dlg_order_named_item(t, m, words))
		return 1;
	memset(m, 0, sizeof *m);
	if (a != NULL && a->end > a->start && a->end <= t->len) {
		m->name = *words = xstrndup(t->text + a->start,
		    a->end - a->start);
		return 1;
	}
	if ((*words = word_of_items(t)) == NULL &&
	    (*words = pair_of_items(t)) == NULL)
		return 0;
	m->name = *words;
	return 1;
}

/* Does a word of name begin with w[0..n) ("laser" of "LaserJet")? */
static int
begins_word(const char *name, const char *w, size_t n)
{
	const char	*p = name;

	while (*p != '\0') {
		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		if (strncasecmp(p, w, n) == 0)
			return 1;
		while (isalnum((unsigned char)*p))
			p++;
	}
	return 0;
}

/* Is w (n bytes) the kind's own word ("tv", "laptops"), not a feature? */
static int
kind_own_word(const struct entity *c, const char *w, size_t n)
{
	const char	*slug = c->category != NULL ? c->category : c->value;

	if (slug == NULL)
		return 1;
	if (n > 3 && (w[n - 1] == 's' || w[n - 1] == 'S'))
		n--;
	return strncasecmp(slug, w, n) == 0;
}

/* Is [a, b) of the text inside a brand named? */
static int
in_brand(struct tctx *t, size_t a, size_t b)
{
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == ENTITY_BRAND &&
		    a >= t->e->el.v[i].start && b <= t->e->el.v[i].end)
			return 1;
	return 0;
}

/*
 * An order with an item whose name holds a word of the message that
 * names no kind of thing ("the OLED tv": OLED, not tv); words shorter
 * than 3 letters or common in order questions do not count.  With
 * brands non-NULL, nor does the brand said: every order found by it
 * holds it ("the samsung OLED tv" of three Samsung orders).
 */
int
dlg_order_word_said(struct tctx *t, const struct order *o,
    const void *brands)
{
	static const char *const glue[] = { "the", "and", "for", "with",
	    "one", "you", "can", "was", "got", "from", "that", "this", "has",
	    "have", "not", "did", "get", "are", "what", "when", "how", "pls",
	    "its", "all", "new", "old", NULL };
	const struct entity *c = dlg_first_entity(t, ENTITY_CATEGORY);
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, j, len;
	const char *const *w;
	char		*word, *q;
	int		 yes = 0;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n && !yes; i++) {
		len = tok[i].end - tok[i].start;
		if (brands != NULL && in_brand(t, tok[i].start, tok[i].end))
			continue;
		/* The kind's own word ("tv" of "OLED tv") narrows nothing;
		 * a feature word read as the kind ("oled") does. */
		if (len < 3 || !tok[i].has_alpha || (c != NULL &&
		    tok[i].start >= c->start && tok[i].end == c->end &&
		    kind_own_word(c, t->text + tok[i].start, len)))
			continue;
		word = xstrndup(t->text + tok[i].start, len);
		for (q = word; *q != '\0'; q++)
			*q = (char)tolower((unsigned char)*q);
		for (w = common_words; *w != NULL; w++)
			if (strcmp(*w, word) == 0)
				break;
		if (*w == NULL)
			for (w = glue; *w != NULL; w++)
				if (strcmp(*w, word) == 0)
					break;
		for (j = 0; *w == NULL && j < o->nitems && !yes; j++)
			yes = dlg_name_word(o->items[j].name, word, len) ||
			    (len >= ITEM_WORD_MIN && begins_word(
			    o->items[j].name, word, len));
		free(word);
	}
	free(tok);
	return yes;
}

/*
 * Of ids (orders holding an item whose name has the word said), those
 * holding an item of the kind m names, when some do and some do not.
 */
static void
kind_within(struct tctx *t, const struct order_match *m, char **ids,
    size_t *n)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		**kind = NULL;
	size_t		 k = 0, i, j, hits = 0;

	catalog_customer_orders_with(t->st, t->cust.id, m, &kind, &k, &err);
	sd_error_clear(&err);
	for (i = 0; i < k; i++)
		for (j = 0; j < *n; j++)
			hits += strcmp(kind[i], ids[j]) == 0;
	if (k > 0 && hits == k && k < *n) {
		for (j = 0; j < *n; j++)
			free(ids[j]);
		memcpy(ids, kind, k * sizeof *ids);
		*n = k;
		free(kind);
		return;
	}
	dlg_ids_free(kind, k);
}

/*
 * Of ids (orders holding an item of the brand named), those holding an
 * item of the kind c names, when some do and some do not.
 */
static void
brand_of_kind(struct tctx *t, const struct entity *c, char **ids, size_t *n)
{
	struct order_match km;

	memset(&km, 0, sizeof km);
	km.category = c->subcategory != NULL ? c->subcategory :
	    c->category != NULL ? c->category : c->value;
	kind_within(t, &km, ids, n);
}

/*
 * The customer's orders holding the item m.  A category is wide
 * ("keyboard" is an accessory, as a phone case is): the items whose
 * name holds the word said come first.
 */
void
dlg_orders_holding(struct tctx *t, const struct order_match *m, char ***ids,
    size_t *n)
{
	const struct entity *c = dlg_first_entity(t, ENTITY_CATEGORY);
	struct order_match byname;
	struct sd_error	 err = SD_ERROR_INIT;
	char		*word = NULL;

	*ids = NULL;
	*n = 0;
	dlg_retrieve_begin(t);
	/* "laptop" names the category itself: a laptop sleeve is none. */
	if (m->category != NULL && c != NULL && c->end > c->start &&
	    c->end <= t->len && strncasecmp(m->category, t->text + c->start,
	    c->end - c->start) != 0) {
		memset(&byname, 0, sizeof byname);
		byname.name = word = xstrndup(t->text + c->start,
		    c->end - c->start);
		catalog_customer_orders_with(t->st, t->cust.id, &byname, ids,
		    n, &err);
		sd_error_clear(&err);
		/* "The phone": the phone itself, not a case for one, when
		 * an order holds one. */
		if (*n > 1)
			kind_within(t, m, *ids, n);
	}
	if (*n == 0) {
		free(*ids);
		catalog_customer_orders_with(t->st, t->cust.id, m, ids, n,
		    &err);
		sd_error_clear(&err);
		/* "Two ipad airs": the family said in the plural. */
		if (*n == 0 && m->name != NULL && strlen(m->name) > 3 &&
		    m->name[strlen(m->name) - 1] == 's') {
			byname = *m;
			free(word);
			byname.name = word = xstrndup(m->name,
			    strlen(m->name) - 1);
			free(*ids);
			catalog_customer_orders_with(t->st, t->cust.id,
			    &byname, ids, n, &err);
			sd_error_clear(&err);
		}
		/* "The samsung oled": of the brand's orders, those with
		 * an item of the kind said. */
		if (*n > 1 && m->brand != NULL && c != NULL)
			brand_of_kind(t, c, *ids, n);
	}
	dlg_retrieve_end(t);
	free(word);
}

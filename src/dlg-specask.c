/*
 * dlg-specask.c: whether a turn is a question about a product's
 * specifications, and the answer when it is: the product named or in
 * focus, asked in a shopper's few words whatever the classifier made of
 * them ("storage?", "jbl flip 6 battery life", "whats the connectivity
 * like").  What the product's listing does not state, while others of
 * its kind do ("can I shower with it" of a watch with no water rating),
 * is said plainly, never guessed.  Which attributes the words name and
 * how the answer reads are dlg-specs.c's.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"
#include "store.h"

/* Products that must state a kind of attribute for it to be asked of a
 * product of another kind: "weight" is, one camera's "privacy" not. */
#define KIND_KEYS_MIN	15

/* The attribute keys many products state, for one catalog version. */
struct attr_keys {
	int		 valid;		/* keys is of catalog version cv */
	long long	 cv;
	char		*keys;		/* "a b c ": in the order each one
					 * reached KIND_KEYS_MIN products */
};

static void
attr_keys_free(void *p)
{
	struct attr_keys *c = p;

	if (c != NULL)
		free(c->keys);
	free(c);
}

/*
 * How many products state each key, in an open-addressed table, and
 * the keys in the order each one reached KIND_KEYS_MIN products.
 */
struct key_count {
	char		*key;		/* owned; NULL: an empty cell */
	unsigned	 n;
};
struct key_tally {
	struct key_count *cell;
	size_t		 cap;		/* a power of two */
	size_t		 used;
	struct sbuf	 keys;
};

static size_t
key_hash(const char *k)
{
	size_t	 h = 2166136261u;

	for (; *k != '\0'; k++)
		h = (h ^ (unsigned char)*k) * 16777619u;
	return h;
}

/* The cell of key k in kt, empty when k is new. */
static struct key_count *
tally_cell(struct key_tally *kt, const char *k)
{
	size_t	 h;

	for (h = key_hash(k); kt->cell[h & (kt->cap - 1)].key != NULL; h++)
		if (strcmp(kt->cell[h & (kt->cap - 1)].key, k) == 0)
			break;
	return &kt->cell[h & (kt->cap - 1)];
}

static void
tally_grow(struct key_tally *kt)
{
	struct key_count *old = kt->cell;
	size_t	 i, n = kt->cap;

	kt->cap = n ? 2 * n : 256;
	kt->cell = xcalloc(kt->cap, sizeof *kt->cell);
	for (i = 0; i < n; i++)
		if (old[i].key != NULL)
			*tally_cell(kt, old[i].key) = old[i];
	free(old);
}

/* One product's keys counted. */
static void
tally_product(void *arg, const struct product *p)
{
	struct key_tally *kt = arg;
	struct key_count *c;
	cJSON		*root = cJSON_Parse(p->attrs), *it;

	cJSON_ArrayForEach(it, root) {
		if (it->string == NULL)
			continue;
		if (2 * (kt->used + 1) > kt->cap)
			tally_grow(kt);
		if ((c = tally_cell(kt, it->string))->key == NULL) {
			c->key = xstrdup(it->string);
			kt->used++;
		}
		if (++c->n == KIND_KEYS_MIN)
			sbuf_addf(&kt->keys, "%s ", it->string);
	}
	cJSON_Delete(root);
}

/*
 * The keys of the attributes at least KIND_KEYS_MIN products of any kind
 * state.  Reading them walks the whole catalog (a second at 100,000
 * products), so the connection keeps them until the catalog changes.
 */
static const char *
common_keys(struct tctx *t)
{
	struct attr_keys *c = store_slot_get(t->st, STORE_SLOT_ATTR_KEYS);
	struct sd_error	 err = SD_ERROR_INIT;
	struct key_tally kt;
	long long	 cv;
	int		 current = store_catalog_version(t->st, &cv) == 0;
	size_t		 i;

	if (c != NULL && c->valid && current && c->cv == cv)
		return c->keys;
	memset(&kt, 0, sizeof kt);
	sbuf_init(&kt.keys);
	dlg_retrieve_begin(t);
	/* A failed walk counts nothing, as an empty catalog. */
	if (catalog_walk(t->st, 100000, tally_product, &kt, &err) != SD_OK)
		sbuf_reset(&kt.keys);
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (i = 0; i < kt.cap; i++)
		free(kt.cell[i].key);
	free(kt.cell);
	if (c == NULL) {
		c = xcalloc(1, sizeof *c);
		store_slot_set(t->st, STORE_SLOT_ATTR_KEYS, c, attr_keys_free);
	}
	free(c->keys);
	c->keys = xstrdup(kt.keys.len > 0 ? kt.keys.buf : "");
	c->cv = cv;
	c->valid = current;
	sbuf_release(&kt.keys);
	return c->keys;
}

/*
 * The keys of the attributes products of p's kind (all: the keys many
 * products of any kind state) that p does not state, each followed by a
 * space (the caller releases keys): what a question may name that p's
 * listing is silent about.
 */
static void
kind_keys(struct tctx *t, const struct product *p, struct sbuf *keys,
    int all)
{
	struct catalog_kind kind;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 needle = SBUF_INIT;
	cJSON		*mine = cJSON_Parse(p->attrs), *it;
	const char	*s, *e;
	size_t		 i;
	char		*k;

	if (all) {
		for (s = common_keys(t); (e = strchr(s, ' ')) != NULL;
		    s = e + 1) {
			k = xstrndup(s, (size_t)(e - s));
			if (!cJSON_HasObjectItem(mine, k))
				sbuf_addf(keys, "%s ", k);
			free(k);
		}
		cJSON_Delete(mine);
		return;
	}
	dlg_retrieve_begin(t);
	if (catalog_kind(t->st, p->category, 200, &kind, &err) != SD_OK)
		kind.n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (i = 0; i < kind.n; i++) {
		cJSON_ArrayForEach(it, kind.attrs[i]) {
			if (it->string == NULL || cJSON_HasObjectItem(mine,
			    it->string))
				continue;
			/* " key " looked for in place: a kind's 200 products
			 * name the same few keys again and again. */
			sbuf_reset(&needle);
			sbuf_addc(&needle, ' ');
			sbuf_adds(&needle, it->string);
			sbuf_addc(&needle, ' ');
			if (strstr(keys->len ? keys->buf : " ", needle.buf) ==
			    NULL)
				sbuf_adds(keys, needle.buf + (keys->len ? 1 : 0));
		}
	}
	sbuf_release(&needle);
	cJSON_Delete(mine);
}

/* The first of keys (from kind_keys) word w names, or NULL (caller
 * frees). */
static char *
kind_key_named(const char *keys, const char *w)
{
	const char	*p, *e;
	char		*k;

	for (p = keys; *p != '\0'; p = e + 1) {
		if ((e = strchr(p, ' ')) == NULL)
			break;
		k = xstrndup(p, (size_t)(e - p));
		if (dlg_spec_names_key(k, w))
			return k;
		free(k);
	}
	return NULL;
}

/*
 * A question naming an attribute that p's kind states and p does not
 * ("can I shower with it" of a watch listing no water rating): said
 * plainly, never guessed.  1 when said.
 */
static int
spec_unstated(struct tctx *t, const struct product *p)
{
	struct sbuf	 keys = SBUF_INIT, said = SBUF_INIT;
	char		**w, *k = NULL;
	size_t		 i, nw, all;

	w = dlg_spec_words(t, &nw);
	/* Its kind's keys first; a bare kind's name ("weight?") of any
	 * kind when the turn asks only that (dlg_spec_asked). */
	for (all = 0; all < 2 && k == NULL && nw > 0; all++) {
		if (all && dlg_jstr(t->trace, "spec_unstated_any") == NULL)
			break;
		sbuf_reset(&keys);
		kind_keys(t, p, &keys, (int)all);
		for (i = 0; i < nw && k == NULL && keys.len > 0; i++)
			k = kind_key_named(keys.buf, w[i]);
	}
	dlg_spec_words_free(w, nw);
	sbuf_release(&keys);
	if (k == NULL)
		return 0;
	dlg_spec_key_said(k, &said);
	dlg_product_slots(t, p, "");
	slots_set(&t->slots, "attribute", said.buf);
	dlg_cite(t, "product", p->sku, p->name, "attrs");
	dlg_set_action(t, "answer_attribute", "%s: its listing states no %s, "
	    "which others of its kind do", p->sku, k);
	dlg_say(t, "attribute_unknown");
	free(k);
	sbuf_release(&said);
	return 1;
}

/* Is w one of list? */
static int
in_words(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, w) == 0)
			return 1;
	return 0;
}

/* Words that make a turn about something else than a specification. */
static const char *const not_spec[] = { "return", "refund", "order",
	"cart", "buy", "add", "warranty", "ship", "shipping", "delivery",
	"deliver", "arrive", "sale", "discount", "deal", "cheaper",
	"cheapest", "recommend", "suggest", "compare", "vs", "versus",
	"alternative", "instead", "similar", "other", "others", "cancel",
	"track", "broken", "problem", "issue", "fix", "reset", "won't",
	"wont", "not", "stopped", "how do", "how to", "set up", "setup",
	"spare", "case for", "charger for", "for my", "with my", "in stock",
	"price", "cost", "how much is", "how much are", "normal", "only",
	"why", "drain", "drains", "dies", "died", "slow", "hot", "keeps",
	"supposed", "work with", "works with", "work on", "compatible",
	NULL };

/* Intents whose own action answers a specification (with more: the
 * owners' view of a battery, a compatibility verdict). */
static const char *const spec_intents[] = { "product_specs",
	"product_inquiry", "compatibility", NULL };

/* Words that say nothing, beside an attribute's name ("whats the
 * screen like", "tell me the specs on it"). */
static const char *const filler[] = { "like", "whats", "hows", "tell",
	"info", "details", "detail", "spec", "specs", "rate", "size",
	"level", "type", "kind", "please", "thx", "quick", "question",
	"curious", "wondering", "wonder", "quality", NULL };

/*
 * Is the product mention en a feature of the product in focus, asked
 * of "it" ("does it do magsafe" names the MagSafe Charger, and MagSafe
 * is in the phone's charging)?  One word, in the focus product's
 * attributes, with "it" the subject.
 */
/* Words asking for a feature, whatever follows. */
static const char *const feature_asks[] = { "does it do", "does it have",
	"does it support", "has it got", "does it come with", NULL };

static int
feature_named(struct tctx *t, const struct entity *en)
{
	static const char *const subject[] = { "does it", "is it", "can it",
	    "will it", "has it", "it has", "it have", NULL };
	const char	*sku = dlg_focus_top(t, 0);
	struct product	 p;
	cJSON		*root, *it;
	char		*w, *v;
	int		 yes = 0;

	if (sku == NULL || (en->sku != NULL && strcmp(en->sku, sku) == 0) ||
	    !dlg_has_any(t, subject) || memchr(t->text + en->start, ' ',
	    en->end - en->start) != NULL)
		return 0;
	memset(&p, 0, sizeof p);
	if (!dlg_peek_product(t, sku, &p))
		return 0;
	w = xstrndup(t->text + en->start, en->end - en->start);
	for (v = w; *v != '\0'; v++)
		*v = (char)tolower((unsigned char)*v);
	root = cJSON_Parse(p.attrs);
	cJSON_ArrayForEach(it, root) {
		if (yes || it->string == NULL)
			continue;
		if (dlg_spec_names_key(it->string, w))
			yes = 1;
		else if ((v = catalog_attr(&p, it->string)) != NULL) {
			yes = dlg_spec_value_says(v, w);
			free(v);
		}
	}
	cJSON_Delete(root);
	product_release(&p);
	/* "Does it have MagSafe" of a phone whose listing never says it:
	 * still a feature asked, answered as not mentioned. */
	if (!yes && dlg_has_any(t, feature_asks)) {
		dlg_jset_str(t->trace, "feature", t->text + en->start);
		cJSON_GetObjectItemCaseSensitive(t->trace,
		    "feature")->valuestring[en->end - en->start] = '\0';
		yes = 1;
	}
	free(w);
	if (yes)
		dlg_jset_str(t->trace, "product_resolution", "a product's "
		    "name said as a feature of the one in focus");
	return yes;
}

/* Forget the product mention at en: it named a feature, not a product. */
static void
drop_entity(struct tctx *t, const struct entity *en)
{
	size_t	 i = (size_t)(en - t->e->el.v);

	memmove(&t->e->el.v[i], &t->e->el.v[i + 1], (t->e->el.n - i - 1) *
	    sizeof t->e->el.v[0]);
	t->e->el.n--;
}

/*
 * Is the turn plainly a question about specifications of the product
 * named (or, with none named, the one in focus), whatever the
 * classifier made of it: "storage?", "whats the connectivity like",
 * "jbl flip 6 battery life"?  Every word of it outside the product's
 * name is an attribute's name, a word of its value or a filler, and no
 * word asks about an order, a price, a return or another product.
 */
int
dlg_spec_asked(struct tctx *t)
{
	const struct entity *en = dlg_first_entity(t, ENTITY_PRODUCT);
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	struct product	 p;
	cJSON		*root, *it;
	char		**w;
	size_t		 nw;
	const char	*sku;
	size_t		 i, known = 0;
	int		 yes = 0, hit, unstated = 0, theirs = 0;
	char		*v;

	/* A kind's word that is also an attribute's ("storage?" of a
	 * phone) would send those actions to a list of that kind; an
	 * unsure intent sends them nowhere. */
	for (i = 0; cat == NULL && t->e->ir.verdict == INTENT_OK &&
	    spec_intents[i] != NULL; i++)
		if (strcmp(t->intent, spec_intents[i]) == 0)
			theirs = 1;
	if (dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_first_entity(t, ENTITY_PRICE) != NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 1 ||
	    dlg_has_any(t, not_spec))
		return 0;
	/* "Cameras?" is a kind wanted; "camera?" may be the phone's. */
	if (cat != NULL && cat->end > cat->start + 3 &&
	    t->text[cat->end - 1] == 's')
		return 0;
	if (en != NULL && feature_named(t, en)) {
		drop_entity(t, en);
		en = NULL;
		/* "Does it have MagSafe": asked, whatever the listing says. */
		if (dlg_jstr(t->trace, "feature") != NULL)
			return 1;
	}
	if (en != NULL)
		sku = en->sku;
	else
		sku = dlg_first_entity(t, ENTITY_BRAND) == NULL ?
		    dlg_focus_top(t, 0) : NULL;
	memset(&p, 0, sizeof p);
	/* "iphone 15 battery?": a family named is its best model. */
	if (en != NULL && en->sku == NULL ? !dlg_family_best(t, en, &p) :
	    sku == NULL || !dlg_peek_product(t, sku, &p))
		return 0;
	w = dlg_spec_words(t, &nw);
	root = cJSON_Parse(p.attrs);
	for (i = 0; i < nw; i++) {
		hit = dlg_word_in(p.name, w[i], strlen(w[i]));
		cJSON_ArrayForEach(it, root) {
			if (hit || it->string == NULL)
				continue;
			if (dlg_spec_names_key(it->string, w[i]))
				hit = 2;
			else if ((v = catalog_attr(&p, it->string)) != NULL) {
				hit = dlg_spec_value_says(v, w[i]);
				free(v);
			}
		}
		for (const char *const *f = filler; !hit && *f != NULL; f++)
			hit = strcmp(*f, w[i]) == 0;
		known += hit > 0;
	}
	/* A word naming what others of its kind state and it does not
	 * ("shower" of a watch with no water rating) is known too. */
	if (nw > 0 && known + (nw >= 2) < nw) {
		struct sbuf	 keys = SBUF_INIT;
		char		*k;

		kind_keys(t, &p, &keys, 0);
		for (i = 0; i < nw && keys.len > 0; i++)
			if ((k = kind_key_named(keys.buf, w[i])) != NULL) {
				known++;
				unstated = 1;
				free(k);
			}
		sbuf_release(&keys);
	}
	/* All words known; one stray word beside two or more, or beside
	 * an attribute its kind states ("image stabilization").  The
	 * product intents' actions answer a stated specification; one
	 * their overview would not answer is this module's to say. */
	yes = nw > 0 && known + (nw >= 3 || (nw == 2 && unstated)) >= nw &&
	    (theirs ? unstated && dlg_spec_count(t, &p) == 0 :
	    unstated || dlg_spec_count(t, &p) > 0);
	/* Another kind named ("show me a camera", "a laptop with a good
	 * screen" while a phone is in focus) is a kind wanted unless its
	 * word is the attribute asked and nothing else is said. */
	if (yes && cat != NULL && cat->category != NULL &&
	    strcmp(cat->category, p.category) != 0 && known < nw)
		yes = 0;
	cJSON_Delete(root);
	dlg_spec_words_free(w, nw);
	product_release(&p);
	if (yes)
		dlg_jset_str(t->trace, "spec_asked", "every word names an "
		    "attribute of the product or its value");
	return yes;
}

/*
 * "Weight?" of headphones no headphones' listing weighs: a turn of a few
 * words, each naming an attribute some product of any kind states and
 * the product named or in focus does not.  As plainly a specification
 * question as dlg_spec_asked's (its answer: not listed); the trace
 * tells spec_unstated to look beyond the product's kind.
 */
int
dlg_spec_kind_asked(struct tctx *t)
{
	static const char *const many[] = { "each", "both", "all", "them",
	    "those", "these", "which", "they", "where", "where's", "wheres",
	    "my", "mine", NULL };
	const struct entity *en = dlg_first_entity(t, ENTITY_PRODUCT);
	struct sbuf	 keys = SBUF_INIT;
	struct product	 p;
	char		**w, *k;
	size_t		 nw, i, named = 0;

	if (dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_first_entity(t, ENTITY_PRICE) != NULL ||
	    dlg_first_entity(t, ENTITY_CATEGORY) != NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 1 ||
	    dlg_has_any(t, not_spec) || dlg_has_any(t, many))
		return 0;
	memset(&p, 0, sizeof p);
	if (en != NULL ? (en->sku != NULL ? !dlg_peek_product(t, en->sku,
	    &p) : !dlg_family_best(t, en, &p)) :
	    dlg_first_entity(t, ENTITY_BRAND) != NULL ||
	    dlg_focus_top(t, 0) == NULL ||
	    !dlg_peek_product(t, dlg_focus_top(t, 0), &p))
		return 0;
	w = dlg_spec_words(t, &nw);
	if (nw > 0 && nw <= 3) {
		kind_keys(t, &p, &keys, 1);
		/* A word of its name ("Max") names no kind asked. */
		for (i = 0; i < nw && keys.len > 0; i++)
			if (!dlg_word_in(p.name, w[i], strlen(w[i])) &&
			    (k = kind_key_named(keys.buf, w[i])) != NULL) {
				named++;
				free(k);
			}
	}
	dlg_spec_words_free(w, nw);
	sbuf_release(&keys);
	/* Every word names such a kind, and the listing states none of
	 * them (else dlg_spec_asked answers it). */
	if (nw == 0 || named < nw || dlg_spec_count(t, &p) > 0) {
		product_release(&p);
		return 0;
	}
	product_release(&p);
	dlg_jset_str(t->trace, "spec_unstated_any", "a kind other products "
	    "state, asked alone");
	dlg_jset_str(t->trace, "spec_asked", "every word names an attribute "
	    "some product states");
	return 1;
}

/*
 * Does a word of the turn make it about something else than a
 * specification?  "For my" and "with my" ask for an accessory only
 * beside one's word ("a case for my phone"); in background ("for my
 * channel") they say nothing.
 */
static int
other_topic(struct tctx *t)
{
	static const char *const mine[] = { "for my", "with my", NULL };
	static const char *const accessory[] = { "case", "cases", "cover",
	    "charger", "cable", "adapter", "protector", "strap", "band",
	    "sleeve", "bag", "spare", "extra", "replacement", "dock",
	    "stand", NULL };
	const char *const *w;

	for (w = not_spec; *w != NULL; w++)
		if (dlg_has_word(t, *w) && (!in_words(*w, mine) ||
		    dlg_has_any(t, accessory)))
			return 1;
	return 0;
}

/*
 * "Hi! I've been looking at the X for a while, what's the disc drive?":
 * a question naming one product and an attribute it states, among words
 * of background or politeness dlg_spec_asked does not know.  Not when
 * an intent whose action answers specifications took it clearly, nor
 * with a word of another topic (a price, an order, a problem).
 */
int
dlg_spec_wrapped(struct tctx *t)
{
	static const char *const asks[] = { "what", "whats", "what's",
	    "how", "does", "do", "is", "are", "can", "could", "tell",
	    "which", "any", NULL };
	/* The customer's own item or order ("I ordered the X last night,
	 * can I change the address"): its support steps answer. */
	static const char *const owned[] = { "ordered", "bought",
	    "purchased", "my order", "address", "change", "last night",
	    "last week", "yesterday", "arrived", "received", "back",
	    "review", "reviews", "rating", "rated", "people say", "owners",
	    "customers", "worth", "opinion", "think", NULL };
	/* Their own action answers a specification asked among other
	 * words (dlg-sales.c), or reads it as a need. */
	static const char *const answered[] = { "stock_availability",
	    "price_promotions", "warranty", "recommendation", NULL };
	const struct entity *en = dlg_first_entity(t, ENTITY_PRODUCT);
	struct product	 p;
	size_t		 i, n;

	if (en == NULL || dlg_count_entities(t, ENTITY_PRODUCT) > 1 ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    other_topic(t) || dlg_has_any(t, owned) ||
	    (strchr(t->text, '?') == NULL &&
	    !dlg_has_any(t, asks)))
		return 0;
	for (i = 0; t->e->ir.verdict == INTENT_OK &&
	    spec_intents[i] != NULL; i++)
		if (strcmp(t->intent, spec_intents[i]) == 0)
			return 0;
	if (t->e->ir.verdict == INTENT_OK && in_words(t->intent, answered))
		return 0;
	memset(&p, 0, sizeof p);
	if (en->sku != NULL ? !dlg_peek_product(t, en->sku, &p) :
	    !dlg_family_best(t, en, &p))
		return 0;
	n = dlg_spec_count(t, &p);
	product_release(&p);
	if (n > 0)
		dlg_jset_str(t->trace, "spec_asked", "a product named and an "
		    "attribute it states, among other words");
	return n > 0;
}

/*
 * Words that ask whether a product takes more than it has ("can I add
 * more RAM later", "is the memory upgradeable"): the manual's upgrade
 * section answers, not the amount stated.
 */
static const char *const upgrade_words[] = { "upgrade", "upgrades",
	"upgradeable", "upgradable", "upgrading", "expand", "expandable",
	"expansion", "add more", "add another", NULL };

/* A feature asked that the listing never mentions ("does it have
 * MagSafe" of a phone): said so.  1 when said. */
static int
not_mentioned(struct tctx *t, const struct product *p)
{
	const char	*f = dlg_jstr(t->trace, "feature");

	if (f == NULL)
		return 0;
	dlg_product_slots(t, p, "");
	slots_set(&t->slots, "feature", f);
	dlg_cite(t, "product", p->sku, p->name, "attrs");
	dlg_say(t, "spec_not_mentioned");
	return 1;
}

/*
 * "Can I swim with it?", "and what wall mount size do I need": a
 * specification of the product named or in focus, whatever the
 * classifier made of the words.  Only a word that names an attribute or
 * is found in one answers, and never about an order.  1 when answered.
 */
int
dlg_handle_spec_question(struct tctx *t)
{
	const struct entity *en = dlg_first_entity(t, ENTITY_PRODUCT), *br;
	const char	*sku, *how;
	struct product	 p;
	size_t		 n;

	/* "Does it work with Samsung phones": the brand is another
	 * device; "it" is still the one in focus. */
	static const char *const pronouns[] = { "it", "its", "it's", "this",
	    "that", NULL };
	static const char *const with_words[] = { "with", "for", "fit",
	    "fits", "compatible", NULL };
	static const char *const asks[] = { "does", "do", "is", "are", "can",
	    "could", "will", "how", "what", "which", "has", "have", "any",
	    NULL };

	/* A statement ("interchangeable lens pls") is a need, not a
	 * question about the product in focus. */
	if (dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 1 ||
	    (strchr(t->text, '?') == NULL && !dlg_has_any(t, asks) &&
	    dlg_jstr(t->trace, "spec_asked") == NULL && !dlg_spec_asked(t)))
		return 0;
	/* "Does it do MagSafe": a product's name said as a feature of
	 * the one "it" means (dlg_spec_asked may have dropped it). */
	en = dlg_first_entity(t, ENTITY_PRODUCT);
	if (en != NULL && dlg_context_device(t, en))
		en = NULL;	/* "i have a macbook": theirs, not asked of */
	if (en != NULL && feature_named(t, en)) {
		drop_entity(t, en);
		en = NULL;
	}
	/* "The small one, how long does it last": a reference first. */
	how = en != NULL ? "named" : NULL;
	sku = en != NULL ? en->sku : dlg_resolve_reference(t, &how);
	if (sku == NULL && en == NULL) {
		sku = dlg_focus_top(t, 0);
		how = "focus";
	}
	/* "The sandisk, how fast": a brand said picks what was shown of
	 * it, never the product in focus of another brand. */
	if (en == NULL && (br = dlg_first_entity(t, ENTITY_BRAND)) != NULL &&
	    !dlg_has_any(t, pronouns) && !dlg_has_any(t, with_words)) {
		sku = dlg_shown_match(t, br);
		how = "brand shown";
	}
	memset(&p, 0, sizeof p);
	if (en != NULL && en->sku == NULL && how != NULL &&
	    strcmp(how, "named") == 0) {
		if (!dlg_family_best(t, en, &p))
			return 0;
	} else if (sku == NULL || !dlg_load_product(t, sku, &p))
		return 0;
	/* "Can I add more RAM later": whether the product takes more
	 * than it has is its manual's to say, not the amount it has. */
	if (dlg_has_any(t, upgrade_words) && dlg_handle_kb_strong(t,
	    SEARCH_KIND_BIT(SEARCH_MANUAL), 2)) {
		dlg_focus_push(t, p.sku);
		product_release(&p);
		return 1;
	}
	/* "Does it have USB-C": yes or no, with what backs it. */
	if ((dlg_feature_yes_no(t) && (n = (size_t)dlg_feature_answer(t,
	    &p)) > 0) || (n = dlg_spec_answer(t, &p)) > 0 ||
	    (n = (size_t)spec_unstated(t, &p)) > 0 ||
	    (n = (size_t)not_mentioned(t, &p)) > 0) {
		dlg_focus_push(t, p.sku);
		dlg_jset_str(t->trace, "product_resolution", how);
		dlg_set_action(t, "answer_attribute", "%zu specification(s) "
		    "of %s the words ask about", n, p.sku);
	}
	product_release(&p);
	return n > 0;
}

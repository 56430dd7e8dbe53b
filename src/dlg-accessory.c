/*
 * dlg-accessory.c: accessories for a device.  "Is there a case for it",
 * "do you sell a spare battery for it", "a spare of the big charger"
 * list the products of that kind whose compatible_with names the device
 * (named, or in focus), from the catalog's compatibility data and
 * nothing else: a case listed for the Galaxy S24 Ultra is not one for
 * the Galaxy S24.  When none is listed, the reply says so, with the
 * device's own specification of that kind where it has one ("battery":
 * "LP-E17").
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "search.h"
#include "dlg-int.h"

#define ACC_SEARCH	40	/* products read to find those that fit */
#define ACC_SHOWN	3	/* accessories listed */

/*
 * Kinds of accessory as a shopper says them: the word, the subcategory
 * slug it means (or NULL: the word in the product's name) and the
 * device's attribute of that kind.
 */
struct acc_kind {
	const char	*word;
	const char	*subcategory;
	const char	*attr;
};
static const struct acc_kind kinds[] = {
	{ "case", "cases", NULL }, { "cases", "cases", NULL },
	{ "cover", "cases", NULL }, { "screen protector",
	    "screen-protectors", NULL },
	{ "charger", "chargers", NULL }, { "chargers", "chargers", NULL },
	{ "adapter", "chargers", NULL }, { "power adapter", "chargers",
	    NULL }, { "brick", "chargers", NULL },
	{ "power bank", "power-banks", NULL },
	{ "cable", "cables", NULL }, { "cables", "cables", NULL },
	{ "battery", NULL, "battery" }, { "batteries", NULL, "battery" },
	{ "memory card", "memory-cards", NULL }, { "sd card",
	    "memory-cards", NULL }, { "card", "memory-cards", NULL },
	{ "microsd", "memory-cards", NULL }, { "micro sd", "memory-cards",
	    NULL },
	{ "drive", NULL, NULL }, { "drives", NULL, NULL },
	{ "lens", "lenses", "mount" }, { "lenses", "lenses", "mount" },
	{ "dock", "docks", NULL }, { "hub", "docks", NULL },
	{ "stylus", "stylus", NULL }, { "pencil", "stylus", NULL },
	{ "pen", "stylus", NULL }, { "keyboard", NULL, NULL },
	{ "controller", "controllers", NULL }, { "strap", NULL, NULL },
	{ "band", NULL, NULL }, { "bag", "bags", NULL },
	{ "sleeve", "bags", NULL }, { "ink", "ink", NULL },
	{ "toner", "ink", NULL },
	{ "accessories", NULL, NULL }, { "accessory", NULL, NULL },
};

/* Words that make a kind an accessory for the device, not a product of
 * its own ("a case for it", "a card that works in it", "a spare"). */
static const char *const for_words[] = { "for it", "for my", "for the",
	"for this", "for that", "with it", "in it", "fits", "fit",
	"works with", "work with", "works in", "work in", "go in", "goes in",
	"compatible", "spare", "extra", "replacement", NULL };

/*
 * Does compat list the device?  Its name without the parenthesis
 * ("Samsung Galaxy S24"), or without the brand, followed by no further
 * model word: "Galaxy S24 Ultra" and "Galaxy S24+" are other devices.
 */
static int
lists_device(const char *compat, const struct product *dev)
{
	struct sbuf	 core = SBUF_INIT;
	const char	*p, *q, *names[2];
	size_t		 len, i, bl = strlen(dev->brand);
	int		 yes = 0;

	sbuf_adds(&core, dev->name);
	if ((p = strchr(core.buf, '(')) != NULL)
		sbuf_setlen(&core, (size_t)(p - core.buf));
	/* "Canon EOS R50 with RF-S 18-45mm lens": the kit's lens is no
	 * part of the camera's name. */
	if ((p = strstr(core.buf, " with ")) != NULL)
		sbuf_setlen(&core, (size_t)(p - core.buf));
	sbuf_trim(&core);
	names[0] = core.buf;
	names[1] = bl > 0 && strncasecmp(core.buf, dev->brand, bl) == 0 &&
	    core.buf[bl] == ' ' ? core.buf + bl + 1 : NULL;
	for (i = 0; i < 2 && !yes; i++) {
		if (names[i] == NULL || (len = strlen(names[i])) < 3)
			continue;
		for (p = compat; !yes && (p = strcasestr(p, names[i])) !=
		    NULL; p++) {
			if (p > compat && isalnum((unsigned char)p[-1]))
				continue;
			q = p + len;
			if (*q == '+' || isalnum((unsigned char)*q))
				continue;
			while (*q == ' ')
				q++;
			/* "S24 Ultra", "G15 Pro": another model. */
			yes = *q == '\0' || !isalnum((unsigned char)*q) ||
			    isdigit((unsigned char)*q) ? 1 :
			    strncasecmp(q, "and ", 4) == 0 ||
			    strncasecmp(q, "or ", 3) == 0 ||
			    strncasecmp(q, "with ", 5) == 0;
		}
	}
	sbuf_release(&core);
	return yes;
}

/*
 * Is the entry compat[a..b) the device?  Each of its words is a word of
 * the device's name, and when it names a model (a word with a digit:
 * "Galaxy S24") the device's own model words from its model number on
 * are all in it, so the Galaxy S24 Ultra is not the Galaxy S24, unless
 * it has the device's model number (mnum, folded), which is the device.
 * A platform named ("iPhone", "Android") takes in every device of that
 * name.
 */
static int
entry_is(const char *compat, size_t a, size_t b, const char *name,
    const char *core, const char *mnum)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len;
	char		*entry = xstrndup(compat + a, b - a);
	int		 yes = 1, model = 0;

	n = text_tokenize(entry, strlen(entry), &tok, &cap);
	for (i = 0; i < n && yes; i++) {
		len = tok[i].end - tok[i].start;
		model |= tok[i].has_digit;
		yes = dlg_word_in(name, entry + tok[i].start, len);
	}
	/* The device's own model number said ("Brother HL-L2350DW" of
	 * the HL-L2350DW Wireless Laser Printer): the device, whatever
	 * words of a kind its name has after it. */
	if (yes && model && mnum != NULL && strlen(mnum) >= 4 &&
	    dlg_word_in(entry, mnum, strlen(mnum))) {
		free(tok);
		free(entry);
		return 1;
	}
	if (yes && model) {
		/*
		 * From the device's model number on ("S24 Ultra"): a line
		 * name before it may go unsaid ("Synology DS224+" for the
		 * DiskStation DS224+).
		 */
		n = text_tokenize(core, strlen(core), &tok, &cap);
		for (i = 0; i < n && !tok[i].has_digit; i++)
			;
		if (i == n)
			i = 0;
		for (; i < n && yes; i++)
			yes = dlg_word_in(entry, core + tok[i].start,
			    tok[i].end - tok[i].start);
	}
	free(tok);
	free(entry);
	return yes && n > 0;
}

/* Does an entry of compat (between commas, "and", "or", parentheses)
 * name the device? */
static int
entry_fits(const char *compat, const struct product *dev)
{
	struct text_folded f = TEXT_FOLDED_INIT, nm = TEXT_FOLDED_INIT;
	struct text_folded mf = TEXT_FOLDED_INIT;
	struct sbuf	 core = SBUF_INIT;
	const char	*s, *p;
	size_t		 a = 0, i, bl = strlen(dev->brand);
	int		 yes = 0;

	text_fold(compat, strlen(compat), &f);
	text_fold(dev->name, strlen(dev->name), &nm);
	if (dev->model != NULL)
		text_fold(dev->model, strlen(dev->model), &mf);
	/* The model words: the name before "(", without the brand. */
	p = nm.s.buf;
	if (bl > 0 && strncasecmp(p, dev->brand, bl) == 0 && p[bl] == ' ')
		p += bl + 1;
	sbuf_adds(&core, p);
	if ((p = strchr(core.buf, '(')) != NULL)
		sbuf_setlen(&core, (size_t)(p - core.buf));
	if ((p = strstr(core.buf, " with ")) != NULL)
		sbuf_setlen(&core, (size_t)(p - core.buf));
	s = f.s.buf;
	for (i = 0; !yes; i++) {
		if (s[i] != '\0' && s[i] != ',' && s[i] != ';' &&
		    s[i] != '(' && s[i] != ')' && s[i] != ':' &&
		    !(i > 0 && s[i - 1] == ' ' && (strncmp(s + i, "and ",
		    4) == 0 || strncmp(s + i, "or ", 3) == 0)))
			continue;
		if (i > a)
			yes = entry_is(s, a, i, nm.s.buf, core.buf,
			    mf.s.buf);
		if (s[i] == '\0')
			break;
		a = i + (s[i] == 'a' ? 3 : s[i] == 'o' ? 2 : 1);
	}
	sbuf_release(&core);
	text_folded_release(&f);
	text_folded_release(&nm);
	text_folded_release(&mf);
	return yes;
}

/* Does the compatibility list compat take in the device dev? */
int
dlg_compat_lists(const char *compat, const struct product *dev)
{
	return lists_device(compat, dev) || entry_fits(compat, dev);
}

/*
 * The kind asked for, from kinds[]; else, with catalog set, the word of
 * a kind the catalog has ("what ssd can i put in it": the storage
 * entity's word, which names products by their name, subcategory or
 * category), kept in *said and word (max bytes); NULL when none.
 */
static const struct acc_kind *
kind_asked(struct tctx *t, int catalog, struct acc_kind *said, char *word,
    size_t max)
{
	const struct entity *en;
	size_t	 i, n;
	int	 best = -1;

	/* The longest kind said: "memory card" before "card". */
	for (i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (dlg_has_word(t, kinds[i].word) && (best < 0 ||
		    strlen(kinds[i].word) > strlen(kinds[best].word)))
			best = (int)i;
	if (best >= 0)
		return catalog ? NULL : &kinds[best];
	if (!catalog || (en = dlg_first_entity(t, ENTITY_CATEGORY)) == NULL ||
	    (n = en->end - en->start) < 3 || n >= max)
		return NULL;
	for (i = 0; i < n; i++)
		word[i] = (char)tolower((unsigned char)t->text[en->start + i]);
	word[n] = '\0';
	memset(said, 0, sizeof *said);
	said->word = word;
	return said;
}

/* Does name hold a word starting with w[0..wl), in any case? */
static int
has_word_start(const char *name, const char *w, size_t wl)
{
	const char	*p;

	for (p = name; *p != '\0'; p++)
		if ((p == name || !isalnum((unsigned char)p[-1])) &&
		    strncasecmp(p, w, wl) == 0)
			return 1;
	return 0;
}

/* Is p of kind k: its subcategory, or the kind's word in its name? */
static int
of_kind(const struct product *p, const struct acc_kind *k)
{
	const char	*w = k->word;
	size_t		 wl = strlen(w), i;
	char		 slug[48];

	if (k->subcategory != NULL)
		return strcmp(p->subcategory, k->subcategory) == 0;
	if (strcmp(w, "accessories") == 0 || strcmp(w, "accessory") == 0)
		return 1;
	/* "batteries" said, "Battery" in the name. */
	if (wl > 4 && strcmp(w + wl - 3, "ies") == 0)
		wl -= 3;
	else if (wl > 3 && w[wl - 1] == 's')
		wl--;
	/* A kind the catalog files under a slug of that word: the
	 * "Combo Touch" is of "tablet-keyboards". */
	if (has_word_start(p->name, w, wl) ||
	    has_word_start(p->subcategory, w, wl) ||
	    has_word_start(p->category, w, wl))
		return 1;
	/* "Internal ssd" said, "internal-ssd" filed. */
	for (i = 0; i < wl && i + 1 < sizeof slug; i++)
		slug[i] = w[i] == ' ' ? '-' : w[i];
	return i == wl && strchr(w, ' ') != NULL &&
	    has_word_start(p->subcategory, slug, wl);
}

/* Is p an accessory, not a device of its own? */
static int
is_accessory(const struct product *p)
{
	return p->category != NULL && strcmp(p->category, "accessories") ==
	    0;
}

/*
 * Is p (focus i) an accessory listed for a product further back in
 * focus?  The spare battery just shown is not the device of "a memory
 * card that works in it": the camera it fits is.
 */
static int
fits_older(struct tctx *t, const struct product *p, size_t i)
{
	struct product	 q;
	const char	*sku;
	char		*compat = catalog_attr(p, "compatible_with");
	int		 yes = 0;

	for (i++; compat != NULL && !yes && i < FOCUS_MAX &&
	    (sku = dlg_focus_top(t, (int)i)) != NULL; i++) {
		memset(&q, 0, sizeof q);
		if (!dlg_load_product(t, sku, &q))
			continue;
		yes = dlg_compat_lists(compat, &q);
		product_release(&q);
	}
	free(compat);
	return yes;
}

/*
 * Is there a product in focus that is no accessory?  "Any keyboard for
 * it" after a keyboard case that did not fit the tablet: "it" is the
 * tablet.
 */
static int
device_in_focus(struct tctx *t)
{
	struct product	 p;
	const char	*sku;
	size_t		 i;
	int		 yes = 0;

	for (i = 0; !yes && i < FOCUS_MAX &&
	    (sku = dlg_focus_top(t, (int)i)) != NULL; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, sku, &p))
			continue;
		yes = !is_accessory(&p);
		product_release(&p);
	}
	return yes;
}

/*
 * The device: a product named (not itself of the kind), else in focus:
 * the most recent that is no accessory, else the most recent accessory
 * that fits nothing older ("a cable for the charger").
 */
static int
device(struct tctx *t, const struct acc_kind *k, struct product *dev)
{
	const struct entity *en;
	const char	*sku;
	size_t		 i;
	int		 named = 0, pass, pointer;

	/* "Any case for it that does magsafe": "it" is the device in
	 * focus; an accessory named beside it ("MagSafe") is a feature
	 * of what is asked for, not the device. */
	pointer = (dlg_has_word(t, "it") || dlg_has_word(t, "its")) &&
	    device_in_focus(t);

	/* "I have the RF 50mm lens, which one fits it?", "will the
	 * iPhone work with the Anker cable": a product of the kind named
	 * asks what fits it, or whether it fits. */
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT || en->sku == NULL)
			continue;
		memset(dev, 0, sizeof *dev);
		if (!dlg_load_product(t, en->sku, dev))
			continue;
		named = of_kind(dev, k);
		product_release(dev);
		if (named)
			return 0;
	}
	/* The product named, or the best of a family named ("a case for
	 * the galaxy s24"). */
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT)
			continue;
		named = 1;
		memset(dev, 0, sizeof *dev);
		if (en->sku != NULL ? !dlg_load_product(t, en->sku, dev) :
		    !dlg_family_best(t, en, dev))
			continue;
		if (pointer && is_accessory(dev)) {
			named = 0;
			product_release(dev);
			continue;
		}
		if (!of_kind(dev, k))
			return 1;
		product_release(dev);
	}
	if (named)
		return 0;
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < FOCUS_MAX; i++) {
			if ((sku = dlg_focus_top(t, (int)i)) == NULL)
				break;
			memset(dev, 0, sizeof *dev);
			if (!dlg_load_product(t, sku, dev))
				continue;
			if ((pass == 1 || !is_accessory(dev)) &&
			    !of_kind(dev, k) && !fits_older(t, dev, i))
				return 1;
			product_release(dev);
		}
	return 0;
}

/*
 * "What ssd can i put in my ps5": the device said as a family whose
 * members dev is one of.  The words their names all begin with
 * ("PlayStation 5" of the Slim and the Pro) into core; 0 when the
 * device was named as one product, or the family shares under two words.
 */
static int
family_core(struct tctx *t, const struct product *dev, struct sbuf *core)
{
	const struct entity *en;
	const char	*m[REF_CANDS];
	struct product	 p;
	struct text_token *tok = NULL;
	size_t		 cap = 0, nm = 0, i, k, n, words = 0, len = 0;
	int		 in = 0;

	for (i = 0; i < t->e->el.n && !in; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT || en->sku != NULL)
			continue;
		nm = gazetteer_members(t->e->gz, en, m, REF_CANDS);
		for (k = 0; k < nm && !in; k++)
			in = strcmp(m[k], dev->sku) == 0;
	}
	if (!in || nm < 2)
		return 0;
	/* The common words of the members' names, from the first. */
	n = text_tokenize(dev->name, strlen(dev->name), &tok, &cap);
	for (words = 0; words < n; words++) {
		len = tok[words].end;
		for (k = 0; k < nm; k++) {
			memset(&p, 0, sizeof p);
			if (!dlg_peek_product(t, m[k], &p))
				break;
			in = strncasecmp(p.name, dev->name, len) == 0 &&
			    !isalnum((unsigned char)p.name[len]);
			product_release(&p);
			if (!in)
				break;
		}
		if (k < nm)
			break;
	}
	if (words >= 2)
		sbuf_add(core, dev->name, tok[words - 1].end);
	free(tok);
	return words >= 2;
}

/* Is an entry of compat (between commas, semicolons, parentheses) the
 * name core, every word and no other? */
static int
lists_name(const char *compat, const char *core)
{
	const char	*p = compat, *e;
	size_t		 n = strlen(core), len;

	while (*p != '\0') {
		while (*p == ' ' || *p == ',' || *p == ';' || *p == '(' ||
		    *p == ')')
			p++;
		for (e = p; *e != '\0' && strchr(",;()", *e) == NULL; e++)
			;
		for (len = (size_t)(e - p); len > 0 && p[len - 1] == ' ';
		    len--)
			;
		if (len == n && strncasecmp(p, core, n) == 0)
			return 1;
		p = e;
	}
	return 0;
}

/* name without its words that hold a digit ("1TB"), into sb. */
static void
name_sans_sizes(const char *name, struct sbuf *sb)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i;

	sbuf_reset(sb);
	n = text_tokenize(name, strlen(name), &tok, &cap);
	for (i = 0; i < n; i++)
		if (!tok[i].has_digit)
			sbuf_addf(sb, "%.*s ", (int)(tok[i].end - tok[i].start),
			    name + tok[i].start);
	free(tok);
}

/*
 * Is p one of v[0..n), or (with sizes set) another size of one ("990 PRO
 * 2TB" beside the 1TB: the same name but for words with digits)?
 */
static int
size_of_shown(const struct product *p, const struct product *v, size_t n,
    int sizes)
{
	struct sbuf	 a = SBUF_INIT, b = SBUF_INIT;
	size_t		 i;
	int		 yes = 0;

	name_sans_sizes(p->name, &a);
	for (i = 0; i < n && !yes; i++) {
		name_sans_sizes(v[i].name, &b);
		yes = strcmp(p->sku, v[i].sku) == 0 || (sizes &&
		    strcmp(a.buf, b.buf) == 0);
	}
	sbuf_release(&a);
	sbuf_release(&b);
	return yes;
}

/*
 * Up to max products of kind k listed as fitting dev (or, with core, as
 * fitting that name), in stock first; with vary, one size of each line
 * before the others.
 */
static size_t
fitting(struct tctx *t, const struct product *dev,
    const struct acc_kind *k, const char *core, int vary, struct product *v,
    size_t max)
{
	struct search_query q = SEARCH_QUERY_INIT;
	struct search_result res;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 text = SBUF_INIT;
	struct product	 p;
	size_t		 i, n = 0, pass;
	char		*compat;

	sbuf_addf(&text, "%s %s", k->word, dev->name);
	q.text = text.buf;
	q.kinds = SEARCH_KIND_BIT(SEARCH_PRODUCT);
	q.limit = ACC_SEARCH;
	q.price_words = 0;
	memset(&res, 0, sizeof res);
	dlg_retrieve_begin(t);
	if (search_run(t->st, &q, &res, &err) != SD_OK)
		res.n = 0;
	/* With vary, other lines before other sizes of one line. */
	for (pass = 0; pass < (vary ? 4 : 2); pass++)
		for (i = 0; i < res.n && n < max; i++) {
			memset(&p, 0, sizeof p);
			if (!dlg_load_product(t, res.hits[i].id, &p))
				continue;
			compat = catalog_attr(&p, "compatible_with");
			if (compat != NULL && (p.stock > 0) == (pass % 2 == 0) &&
			    (!vary || !size_of_shown(&p, v, n, pass < 2)) &&
			    strcmp(p.sku, dev->sku) != 0 && of_kind(&p, k) &&
			    (core != NULL ? lists_name(compat, core) :
			    dlg_compat_lists(compat, dev)))
				v[n++] = p;
			else
				product_release(&p);
			free(compat);
		}
	dlg_retrieve_end(t);
	search_result_free(&res);
	sd_error_clear(&err);
	sbuf_release(&text);
	return n;
}

/*
 * "Is there a case for it?": the accessories of the kind asked that are
 * listed as fitting the device; with catalog set only a kind the
 * catalog's words name, not kinds[].  1 when answered.
 */
static int
accessory(struct tctx *t, int catalog)
{
	struct product	 dev, v[ACC_SHOWN];
	struct sbuf	 list = SBUF_INIT;
	struct sbuf	 core = SBUF_INIT;
	struct acc_kind	 said;
	const struct acc_kind *k;
	size_t		 n, i;
	char		*own, word[48];
	int		 fam;

	/* "Battery life of the oled", "I want it for my channel, how
	 * long does the battery last" ask about its battery, not for one
	 * (a spare is asked for as such). */
	static const char *const life[] = { "battery life", "how long",
	    "last", "lasts", "runtime", NULL };
	static const char *const another[] = { "spare", "extra",
	    "replacement", "second", "another", NULL };

	if ((k = kind_asked(t, catalog, &said, word, sizeof word)) == NULL ||
	    (!catalog && !dlg_has_any(t, for_words)) ||
	    (dlg_has_any(t, life) && !dlg_has_any(t, another)) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 2 ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL)
		return 0;
	memset(&dev, 0, sizeof dev);
	if (!device(t, k, &dev))
		return 0;
	/* "My ps5", a family: what lists the family's name fits it; the
	 * reply names the family, not the one member picked. */
	fam = catalog && family_core(t, &dev, &core);
	n = fitting(t, &dev, k, fam ? core.buf : NULL, catalog, v,
	    ACC_SHOWN);
	dlg_product_slots(t, &dev, "");
	if (fam)
		slots_set(&t->slots, "product_name", core.buf);
	slots_set(&t->slots, "kind", k->word);
	dlg_cite(t, "product", dev.sku, dev.name, "name");
	dlg_focus_push(t, dev.sku);
	dlg_jset_str(t->trace, "product_resolution", "accessory's device");
	if (n > 0) {
		dlg_list_products(t, v, n, 0, &list);
		slots_set(&t->slots, "results", list.buf);
		dlg_results_set(t, v, n);
		for (i = 0; i < n; i++)
			dlg_cite(t, "product", v[i].sku, v[i].name,
			    "attrs.compatible_with");
		/* One fits: it is what "in stock?", "add it" mean next. */
		if (n == 1)
			dlg_focus_push(t, v[0].sku);
		dlg_set_action(t, "accessories", "%zu %s listed as compatible "
		    "with %s", n, k->word, dev.sku);
		dlg_say(t, "accessories");
	} else {
		own = k->attr != NULL ? catalog_attr(&dev,
		    k->attr) : NULL;
		slots_set(&t->slots, "own", own != NULL ? own : "");
		if (own != NULL)
			dlg_cite(t, "product", dev.sku, dev.name,
			    k->attr);
		free(own);
		dlg_set_action(t, "accessories_none", "no %s listed as "
		    "compatible with %s", k->word, dev.sku);
		dlg_say(t, "accessories_none");
	}
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	product_release(&dev);
	sbuf_release(&list);
	sbuf_release(&core);
	return 1;
}

int
dlg_handle_accessory(struct tctx *t)
{
	return accessory(t, 0);
}

/*
 * "What ssd can i put in it", "which storage works with my ps5": a
 * question for the products of a kind the catalog names that fit the
 * device named or in focus, before its own specifications of that name
 * are read as asked: those its compatibility data lists, or that none
 * is listed.  1 when answered.
 */
int
dlg_handle_fit_question(struct tctx *t)
{
	static const char *const ask[] = { "what", "which", "whats",
	    "what's", "any", NULL };
	static const char *const fit[] = { "put in", "go in", "goes in",
	    "fit in", "fits in", "fit", "fits", "install in", "works in",
	    "work in", "works with", "work with", "compatible", NULL };

	if (!dlg_has_any(t, ask) || !dlg_has_any(t, fit))
		return 0;
	return accessory(t, 1);
}

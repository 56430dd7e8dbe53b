/*
 * dlg-compat.c: does a product work with a device?  The answer comes
 * from the product's compatible_with list and nothing else, so it never
 * contradicts itself: yes when an entry of the list names the device,
 * with that entry as the reason; no when an entry names it to exclude
 * it ("not supported on Android"); "not listed" when the list is silent
 * about it.  The device is a catalog product the customer names (its
 * name, model and the customer's own words for it, "PS5", count) or
 * the words after "with", "in", "on", "to" ("my android phone", "mac").
 * A product without a list is answered from its manual when a section
 * fits ("can I wire it to my old doorbell?"), else said to be unknown.
 * Which entry names the device is dlg-compatlist.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Prepositions before the device the customer has in mind. */
static const char *const before_device[] = { "with", "in", "on", "to",
	"into", "for", "fit", "fits", NULL };

/* Words that end the device's phrase. */
static const char *const phrase_end[] = { "so", "because", "and", "but",
	"if", "or", "when", "without", "while", NULL };

/* Is byte at of the text inside a product the customer named? */
static int
in_product(struct tctx *t, size_t at)
{
	const struct entity *en;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && at >= en->start &&
		    at < en->end)
			return 1;
	}
	return 0;
}

/*
 * Words a to b of s: a model word (one with a digit) the product's name
 * lacks, next to a word the name has ("galaxy s25", "iphone 16").
 */
static int
other_model(const char *s, const struct text_token *tok, size_t a,
    size_t b, const char *name)
{
	size_t	 k;

	for (k = a; k < b; k++)
		if (tok[k].has_digit && !dlg_word_in(name, s + tok[k].start,
		    tok[k].end - tok[k].start) &&
		    ((k > a && dlg_word_in(name, s + tok[k - 1].start,
		    tok[k - 1].end - tok[k - 1].start)) || (k + 1 < b &&
		    dlg_word_in(name, s + tok[k + 1].start, tok[k + 1].end -
		    tok[k + 1].start))))
			return 1;
	return 0;
}

/*
 * The device in the customer's words: after "with", "in", "on", "to"
 * ("hook it up to my old doorbell wires"), skipping "it" and the
 * product's own name, up to a word that ends the phrase.  0 if none.
 */
static int
device_phrase(struct tctx *t, const struct product *acc,
    struct compat_device *d)
{
	struct text_token *tok = NULL;
	struct sbuf	 name = SBUF_INIT;
	const char	*s = t->fold.s.buf, *w;
	size_t		 cap = 0, n, i, j, j0, len;
	int		 mine, found = 0;

	dlg_fold_words(acc->name, strlen(acc->name), &name);
	n = text_tokenize(s, t->fold.s.len, &tok, &cap);
	for (i = 0; i + 1 < n && !found; i++) {
		/* "3-in-1" of the product's own name is no "in". */
		if (!dlg_in_list(s + tok[i].start, tok[i].end - tok[i].start,
		    before_device) || in_product(t, t->fold.map[tok[i].start]))
			continue;
		j = i + 1;
		mine = 0;
		for (; j < n; j++) {
			w = s + tok[j].start;
			len = tok[j].end - tok[j].start;
			if (len == 2 && strncmp(w, "my", 2) == 0)
				mine = 1;
			else if (!dlg_in_list(w, len, (const char *const[]){ "a",
			    "an", "the", "old", "new", "your", NULL }))
				break;
		}
		if (j >= n || (tok[j].end - tok[j].start == 2 &&
		    strncmp(s + tok[j].start, "it", 2) == 0))
			continue;
		sbuf_reset(&d->said);
		sbuf_adds(&d->said, mine ? "your " : "");
		for (j0 = j; j < n; j++) {
			w = s + tok[j].start;
			len = tok[j].end - tok[j].start;
			if (dlg_in_list(w, len, phrase_end) ||
			    dlg_in_list(w, len, before_device))
				break;
			if (dlg_word_in(name.buf, w, len))
				continue;
			sbuf_add(&d->words, w, len);
			sbuf_adds(&d->words, " ");
			if (d->said.len > 0 && d->said.buf[d->said.len - 1] !=
			    ' ')
				sbuf_adds(&d->said, " ");
			sbuf_add(&d->said, t->text + t->fold.map[tok[j].start],
			    t->fold.map[tok[j].end] - t->fold.map[tok[j].start]);
			found = 1;
		}
		/*
		 * Another model of the device the product is for ("galaxy
		 * s25 ultra" against "... for Galaxy S24 Ultra"): said whole,
		 * the words its name shares too, never a bare "s25".
		 */
		if (found && j > j0 + 1 && other_model(s, tok, j0, j,
		    name.buf)) {
			sbuf_reset(&d->said);
			sbuf_adds(&d->said, mine ? "your " : "");
			sbuf_add(&d->said, t->text +
			    t->fold.map[tok[j0].start],
			    t->fold.map[tok[j - 1].end] -
			    t->fold.map[tok[j0].start]);
		}
	}
	free(tok);
	sbuf_release(&name);
	return found;
}

/*
 * The products of the question: the two longest product mentions in the
 * order said (a family is its best model), then the product in focus.
 * spans[i] is the text naming p[i] (empty for the focus); *it is set
 * when the one in focus is p[0], what the question is about.  Returns
 * how many were loaded (0 to 2).
 */
static int
compat_products(struct tctx *t, struct product *p, struct sbuf *spans,
    int *it)
{
	const struct entity *en, *pick[2] = { NULL, NULL }, *first = NULL;
	const char	*sku;
	size_t		 i;
	int		 n = 0;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT)
			continue;
		if (pick[0] == NULL || en->end - en->start >
		    pick[0]->end - pick[0]->start) {
			pick[1] = pick[0];
			pick[0] = en;
		} else if (pick[1] == NULL || en->end - en->start >
		    pick[1]->end - pick[1]->start)
			pick[1] = en;
	}
	if (pick[1] != NULL && pick[1]->start < pick[0]->start) {
		en = pick[0];
		pick[0] = pick[1];
		pick[1] = en;
	}
	for (i = 0; i < 2 && pick[i] != NULL; i++) {
		en = pick[i];
		memset(&p[n], 0, sizeof p[n]);
		if (en->sku != NULL ? !dlg_load_product(t, en->sku, &p[n]) :
		    !dlg_family_best(t, en, &p[n]))
			continue;
		if (n == 1 && strcmp(p[0].sku, p[1].sku) == 0) {
			product_release(&p[1]);
			continue;
		}
		sbuf_add(&spans[n], t->text + en->start, en->end - en->start);
		if (n++ == 0)
			first = en;
	}
	/* "The sony 50mm works on it?": the one named is asked about, the
	 * device is the one "it" points at. */
	if (n == 1 && dlg_pointed_device(t, first, &p[0], &p[1]))
		return 2;
	if (n < 2 && (sku = dlg_focus_top(t, 0)) != NULL &&
	    (n == 0 || strcmp(sku, p[0].sku) != 0)) {
		memset(&p[n], 0, sizeof p[n]);
		if (dlg_load_product(t, sku, &p[n])) {
			/* The one in focus is what the question is about. */
			*it = 1;
			if (n == 1) {
				struct product tmp = p[0];
				struct sbuf	 ts = spans[0];

				p[0] = p[1];
				p[1] = tmp;
				spans[0] = spans[1];
				spans[1] = ts;
			}
			n++;
		}
	}
	return n;
}

/* Say the verdict (the slots and the template). */
static void
compat_say(struct tctx *t, const struct product *acc, const char *list,
    const struct compat_device *d, int verdict, const char *why)
{
	static const char *const tpl[] = { "compatible_no",
	    "compatible_yes" };

	dlg_product_slots(t, acc, "a_");
	if (d->p != NULL)
		dlg_product_slots(t, d->p, "b_");
	slots_set(&t->slots, "device", d->said.buf);
	slots_set(&t->slots, "compatible_with", list != NULL ? list : "");
	slots_set(&t->slots, "entry", why != NULL ? why : "");
	dlg_cite(t, "product", acc->sku, acc->name, "attrs.compatible_with");
	/* The product asked about is the one "it" means next, and the
	 * one "what about the Pixel 8?" asks about again. */
	dlg_focus_push(t, acc->sku);
	dlg_jset_str(dlg_jobj(t->state, "compat"), "sku", acc->sku);
	dlg_jset_num(dlg_jobj(t->state, "compat"), "at", t->si.turns);
	dlg_set_action(t, "compatibility", "%s compatible_with \"%s\" vs %s: "
	    "%s%s%s", acc->sku, list != NULL ? list : "(none listed)",
	    d->said.buf, verdict < 0 ? "not listed" : verdict ? "yes" : "no",
	    why != NULL ? ", by " : "", why != NULL ? why : "");
	dlg_say(t, list == NULL ? "compatible_unknown" : verdict < 0 ?
	    "compatible_not_listed" : tpl[verdict]);
}

/* Words asking what a product works with, no device named. */
static const char *const list_asks[] = { "which", "what", "list",
	NULL };

/* "The SanDisk card is listed as compatible with ...".  1. */
static int
compat_say_list(struct tctx *t, const struct product *acc, const char *list)
{
	dlg_product_slots(t, acc, "a_");
	slots_set(&t->slots, "compatible_with", list);
	dlg_cite(t, "product", acc->sku, acc->name, "attrs.compatible_with");
	dlg_focus_push(t, acc->sku);
	dlg_set_action(t, "compatibility", "%s compatible_with \"%s\": the "
	    "list asked for", acc->sku, list);
	dlg_say(t, "compatible_list");
	return 1;
}

int
dlg_handle_compat(struct tctx *t)
{
	struct product	 p[2];
	struct sbuf	 spans[2] = { SBUF_INIT, SBUF_INIT };
	struct compat_device	 d = { SBUF_INIT, SBUF_INIT, NULL, NULL, 0 };
	const struct product *acc;
	char		*list = NULL, *why = NULL;
	int		 n, i, verdict = -1, done = 0, it = 0;

	memset(p, 0, sizeof p);
	if ((n = compat_products(t, p, spans, &it)) == 0)
		goto out;
	/* The one with a compatible_with list is the one asked about. */
	acc = &p[0];
	if ((list = dlg_compat_list(&p[0])) == NULL && n == 2 &&
	    (list = dlg_compat_list(&p[1])) != NULL)
		acc = &p[1];
	if (n == 2) {
		d.p = acc == &p[0] ? &p[1] : &p[0];
		dlg_compat_device_words(d.p, &d.words);
		i = acc == &p[0] ? 1 : 0;
		d.asked = spans[i].buf;
		d.asked_len = spans[i].len;
		dlg_fold_words(spans[i].buf, spans[i].len, &d.words);
		sbuf_addf(&d.said, "the %s", d.p->name);
	} else if (!device_phrase(t, acc, &d)) {
		/* "Which cameras does it fit?": the list itself. */
		if (list != NULL && dlg_has_any(t, list_asks))
			done = compat_say_list(t, acc, list);
		goto out;
	}
	if (list != NULL)
		verdict = dlg_compat_verdict(list, &d, &why);
	/* Silent or no list: the product's manual may say (wiring, mounts);
	 * with no list, a specification the words name ("does it work
	 * with 4k video") is the product action's answer. */
	if (verdict < 0 && dlg_handle_kb_strong(t,
	    SEARCH_KIND_BIT(SEARCH_MANUAL), 2))
		done = 1;
	else if (list == NULL && n == 1 && dlg_spec_count(t, acc) > 0)
		goto out;
	else {
		compat_say(t, acc, list, &d, verdict, why);
		/* "Does it work with alexa, I have an echo dot": the
		 * list read is the echo's, but "it" stays what was asked
		 * about. */
		if (it && n == 2 && acc != &p[0])
			dlg_focus_push(t, p[0].sku);
	}
	done = 1;
out:
	for (i = 0; i < n; i++)
		product_release(&p[i]);
	sbuf_release(&spans[0]);
	sbuf_release(&spans[1]);
	sbuf_release(&d.words);
	sbuf_release(&d.said);
	free(list);
	free(why);
	return done;
}

/* Words that open a question about another device than the last one. */
static const char *const again[] = { "what about", "how about", "and",
	"or", "also", "same for", "what if", "and with", "and for", NULL };

/* Words of a question about the product itself ("and is it heavy"). */
static const char *const asks_own[] = { "is it", "does it", "can it",
	"how heavy", "how big", "how long", "how fast", "is there", NULL };

/* Openings of a device in the customer's words, none in the catalog:
 * "what about my old doorbell", "and an MSI Katana?". */
static const char *const device_openings[] = { "what about a",
	"what about an", "what about my", "what about the", "how about a",
	"how about an", "how about my", "how about the", "and a", "and an",
	"and my", "and the", "and with", "and for", "or a", "or an", "or my",
	"or the", "same for", NULL };

/* Words that ask something else about the product ("how much is it"). */
static const char *const other_ask[] = { "price", "cost", "how much",
	"stock", "cart", "buy", "order", "return", "warranty", "sale",
	"ship", "shipping", "delivery", "compare", "vs", NULL };

/*
 * The device of a follow-up in the customer's words: what follows the
 * opening ("what about an MSI Katana 15" is "an MSI Katana 15"), up to
 * the end.  0 when nothing follows.
 */
static int
followup_device(struct tctx *t, struct compat_device *d)
{
	static const char *const skip[] = { "what", "how", "about", "and",
	    "or", "also", "same", "for", "if", "with", "a", "an", "the", "my",
	    "it", "on", "in", NULL };
	struct text_token *tok = NULL;
	const char	*s = t->fold.s.buf;
	size_t		 cap = 0, n, i;
	int		 found = 0;

	n = text_tokenize(s, t->fold.s.len, &tok, &cap);
	for (i = 0; i < n && dlg_in_list(s + tok[i].start, tok[i].end -
	    tok[i].start, skip); i++)
		if (tok[i].end - tok[i].start == 2 &&
		    strncmp(s + tok[i].start, "my", 2) == 0)
			sbuf_adds(&d->said, "your ");
	for (; i < n; i++) {
		sbuf_add(&d->words, s + tok[i].start, tok[i].end -
		    tok[i].start);
		sbuf_adds(&d->words, " ");
		if (found)
			sbuf_adds(&d->said, " ");
		sbuf_add(&d->said, t->text + t->fold.map[tok[i].start],
		    t->fold.map[tok[i].end] - t->fold.map[tok[i].start]);
		found = 1;
	}
	free(tok);
	return found;
}

/*
 * "What about a Pixel 8?", "and a TUF Gaming A15?" right after a
 * compatibility answer: the same product asked about with another
 * device, named in the catalog or in the customer's words.  1 when
 * answered.
 */
int
dlg_compat_followup(struct tctx *t)
{
	cJSON		*c = cJSON_GetObjectItemCaseSensitive(t->state,
	    "compat");
	const struct entity *en = dlg_first_entity(t, ENTITY_PRODUCT);
	struct product	 acc, dev;
	struct compat_device	 d = { SBUF_INIT, SBUF_INIT, NULL, NULL, 0 };
	const char	*sku = dlg_jstr(c, "sku");
	char		*list = NULL, *why = NULL;
	int		 verdict = -1, done = 0, have_dev = 0;

	/* Right after it: the turn counts the customer's and the bot's
	 * messages. */
	if (sku == NULL || t->si.turns - (long long)dlg_jnum(c, "at", -10) >
	    2 || !dlg_has_any(t, again) ||
	    dlg_has_any(t, other_ask) || dlg_has_any(t, asks_own) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 1 ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    t->fold.s.len > 60)
		return 0;
	memset(&acc, 0, sizeof acc);
	memset(&dev, 0, sizeof dev);
	if (!dlg_load_product(t, sku, &acc))
		return 0;
	if (en != NULL && (en->sku != NULL ? dlg_load_product(t, en->sku,
	    &dev) : dlg_family_best(t, en, &dev))) {
		have_dev = 1;
		if (strcmp(dev.sku, acc.sku) == 0)
			goto out;	/* "and the charger itself?" */
		d.p = &dev;
		d.asked = t->text + en->start;
		d.asked_len = en->end - en->start;
		dlg_compat_device_words(&dev, &d.words);
		dlg_fold_words(t->text + en->start, en->end - en->start, &d.words);
		sbuf_addf(&d.said, "the %s", dev.name);
	} else if (!dlg_has_any(t, device_openings) ||
	    !followup_device(t, &d))
		goto out;	/* "and how heavy is it" asks about it */
	if ((list = dlg_compat_list(&acc)) != NULL)
		verdict = dlg_compat_verdict(list, &d, &why);
	dlg_ref_rule(dlg_jobj(t->trace, "reference"),
	    "compat-before-other-device",
	    "the product of the compatibility answer before, with another "
	    "device");
	compat_say(t, &acc, list, &d, verdict, why);
	done = 1;
out:
	product_release(&acc);
	if (have_dev)
		product_release(&dev);
	sbuf_release(&d.words);
	sbuf_release(&d.said);
	free(list);
	free(why);
	return done;
}

/*
 * "Does the ROG adapter fit my Strix G16?" read as another product
 * question: words asking whether one thing works with another, and a
 * product with a compatibility list named or in focus, make it the
 * compatibility question.  1 when answered.
 */
int
dlg_handle_compat_words(struct tctx *t)
{
	static const char *const works[] = { "work with", "works with",
	    "work on", "works on", "fit", "fits", "compatible", "go in",
	    "goes in", "plug into", "pair with", "charge", "charges",
	    "power", "powers", NULL };

	static const char *const howto[] = { "how do", "how to", "how can",
	    "set up", "install", NULL };
	struct product	 p[2];
	struct sbuf	 spans[2] = { SBUF_INIT, SBUF_INIT };
	char		*list = NULL;
	int		 n, i, it = 0;

	if (strcmp(t->intent, "compatibility") == 0 ||
	    !dlg_has_any(t, works) || dlg_has_any(t, other_ask) ||
	    dlg_has_any(t, howto) ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 2)
		return 0;
	/* Only where a list can answer: "it goes in my laptop, how do I
	 * move Windows over" is no question for a list. */
	memset(p, 0, sizeof p);
	n = compat_products(t, p, spans, &it);
	for (i = 0; i < n; i++) {
		if (list == NULL)
			list = dlg_compat_list(&p[i]);
		product_release(&p[i]);
	}
	sbuf_release(&spans[0]);
	sbuf_release(&spans[1]);
	if (list == NULL)
		return 0;
	free(list);
	if (!dlg_handle_compat(t))
		return 0;
	dlg_jset_str(t->trace, "compat_words", "asked whether one works "
	    "with another");
	return 1;
}

/*
 * "I have the RF 50mm lens, which one fits it?" after a list: the
 * products of the last list that the named product's list names, or
 * whose own list names it.  The one that fits takes the focus.  1 when
 * answered.
 */
int
dlg_handle_compat_among(struct tctx *t)
{
	static const char *const which[] = { "which one", "which of",
	    "which", "what one", NULL };
	static const char *const fits[] = { "fit", "fits", "work with",
	    "works with", "compatible", "go with", "goes with", NULL };
	const struct entity *en = dlg_first_entity(t, ENTITY_PRODUCT);
	cJSON		*res = dlg_jarr(t->state, "results"), *it;
	struct product	 acc, r;
	struct sbuf	 yes = SBUF_INIT, no = SBUF_INIT;
	char		*list = NULL, *rl, *pick = NULL;
	int		 nyes = 0, fit;

	if (en == NULL || en->sku == NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 1 ||
	    !dlg_has_any(t, which) || !dlg_has_any(t, fits) ||
	    cJSON_GetArraySize(res) < 2)
		return 0;
	memset(&acc, 0, sizeof acc);
	if (!dlg_load_product(t, en->sku, &acc))
		return 0;
	list = dlg_compat_list(&acc);
	cJSON_ArrayForEach(it, res) {
		memset(&r, 0, sizeof r);
		if (!cJSON_IsString(it) || strcmp(it->valuestring,
		    acc.sku) == 0 || !dlg_load_product(t, it->valuestring, &r))
			continue;
		rl = dlg_compat_list(&r);
		fit = (list != NULL && dlg_compat_lists(list, &r)) ||
		    (rl != NULL && dlg_compat_lists(rl, &acc));
		free(rl);
		sbuf_addf(fit ? &yes : &no, "%sthe %s", (fit ? yes.len :
		    no.len) ? ", " : "", r.name);
		if (fit && nyes++ == 0) {
			free(pick);
			pick = xstrdup(r.sku);
		}
		product_release(&r);
	}
	if (nyes == 0 && list == NULL) {
		product_release(&acc);
		sbuf_release(&yes);
		sbuf_release(&no);
		free(pick);
		return 0;
	}
	dlg_product_slots(t, &acc, "a_");
	slots_set(&t->slots, "fit", yes.buf);
	slots_set(&t->slots, "not_fit", no.buf);
	slots_set(&t->slots, "compatible_with", list != NULL ? list : "");
	dlg_cite(t, "product", acc.sku, acc.name, "attrs.compatible_with");
	if (pick != NULL && nyes == 1)
		dlg_focus_push(t, pick);
	dlg_ref_rule(dlg_jobj(t->trace, "reference"), "compat-last-list",
	    "the products of the last list the compatibility lists join");
	dlg_set_action(t, "compatibility", "%d of the last list listed with "
	    "%s", nyes, acc.sku);
	dlg_say(t, nyes > 0 ? "compatible_among" : "compatible_among_none");
	product_release(&acc);
	sbuf_release(&yes);
	sbuf_release(&no);
	free(list);
	free(pick);
	return 1;
}

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
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Words of a list entry that say nothing of which device it is. */
static const char *const generic[] = { "and", "or", "with", "the", "a",
	"an", "all", "other", "devices", "device", "models", "model",
	"phones", "phone", "on", "at", "for", "of", "in", "to", "latest",
	"version", "recommended", "speed", "standard", "supported", "works",
	"work", "earlier", "later", "only", "your", "my", "it", NULL };

/* Words that make an entry exclude what it names. */
static const char *const negation[] = { "not", "no", "except", "without",
	"never", NULL };

/* Prepositions before the device the customer has in mind. */
static const char *const before_device[] = { "with", "in", "on", "to",
	"into", "for", NULL };

/* Words that end the device's phrase. */
static const char *const phrase_end[] = { "so", "because", "and", "but",
	"if", "or", "when", "without", "while", NULL };

static int
in_list(const char *w, size_t n, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && strncmp(*list, w, n) == 0)
			return 1;
	return 0;
}

/* The device: what the customer's words for it are, and what it is. */
struct device {
	struct sbuf	 words;		/* folded words naming it, " "-separated */
	struct sbuf	 said;		/* how to say it in the reply */
	const struct product *p;	/* the catalog product, or NULL */
};

/* Folded word tokens of s appended to out, each followed by a space. */
static void
fold_words(const char *s, size_t n, struct sbuf *out)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	size_t		 cap = 0, i, nt;

	text_fold(s, n, &f);
	nt = text_tokenize(f.s.buf, f.s.len, &tok, &cap);
	for (i = 0; i < nt; i++) {
		sbuf_add(out, f.s.buf + tok[i].start, tok[i].end -
		    tok[i].start);
		sbuf_adds(out, " ");
	}
	free(tok);
	text_folded_release(&f);
}

/*
 * Is word w (n bytes) among the device's words?  A word of three or
 * more letters may be the start of one ("mac" for "macos").
 */
static int
device_has(const struct device *d, const char *w, size_t n)
{
	const char	*p = d->words.buf, *e;

	for (; *p != '\0'; p = e + 1) {
		e = strchr(p, ' ');
		if ((size_t)(e - p) == n && strncmp(p, w, n) == 0)
			return 1;
		if (n >= 3 && (size_t)(e - p) >= 3 && ((size_t)(e - p) < n ?
		    strncmp(p, w, (size_t)(e - p)) == 0 : strncmp(p, w, n) ==
		    0) && d->p == NULL)
			return 1;
	}
	return 0;
}

/*
 * Does an entry of the list (one part, between separators) name the
 * device?  A product device: every telling word of the entry is one of
 * its words ("PlayStation 5" names the PlayStation 5 Slim, "R50" the
 * Canon EOS R50).  A device in the customer's words: a telling word in
 * common ("not supported on Android" names "my android phone").
 */
static int
part_names(const char *part, size_t n, const struct device *d, int *neg)
{
	struct sbuf	 w = SBUF_INIT;
	const char	*p, *e;
	int		 telling = 0, hit = 0, miss = 0;

	*neg = 0;
	fold_words(part, n, &w);
	for (p = w.buf; *p != '\0'; p = e + 1) {
		e = strchr(p, ' ');
		if (in_list(p, (size_t)(e - p), negation)) {
			*neg = 1;
			continue;
		}
		if (in_list(p, (size_t)(e - p), generic))
			continue;
		telling++;
		if (device_has(d, p, (size_t)(e - p)))
			hit++;
		else
			miss++;
	}
	sbuf_release(&w);
	if (telling == 0)
		return 0;
	return d->p != NULL ? miss == 0 : hit > 0;
}

/*
 * The entry of list that names the device: its text in *why (caller
 * frees), 1 for yes, 0 for no (an entry that excludes it); -1 when the
 * list does not name it.  Entries are split at ';', ',', ':', '/' and
 * parentheses; a parenthesis that excludes the device wins over the
 * entry before it ("PlayStation 5 Pro (not the original PS5 Digital)").
 */
static int
list_verdict(const char *list, const struct device *d, char **why)
{
	const char	*p = list, *q, *and;
	int		 neg, verdict = -1;
	size_t		 n;

	*why = NULL;
	while (*p != '\0') {
		q = p + strcspn(p, ";,:()/");
		/* "Android and iPhone": two entries. */
		if ((and = strstr(p, " and ")) != NULL && and >= q)
			and = NULL;
		if (and != NULL)
			q = and;
		while (*p == ' ')
			p++;
		n = (size_t)(q - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n > 0 && part_names(p, n, d, &neg) && (verdict < 0 ||
		    (neg && verdict == 1))) {
			free(*why);
			*why = xstrndup(p, n);
			verdict = !neg;
		}
		p = and != NULL ? and + 5 : *q != '\0' ? q + 1 : q;
	}
	return verdict;
}

/*
 * The device in the customer's words: after "with", "in", "on", "to"
 * ("hook it up to my old doorbell wires"), skipping "it" and the
 * product's own name, up to a word that ends the phrase.  0 if none.
 */
static int
device_phrase(struct tctx *t, const struct product *acc, struct device *d)
{
	struct text_token *tok = NULL;
	struct sbuf	 name = SBUF_INIT;
	const char	*s = t->fold.s.buf, *w;
	size_t		 cap = 0, n, i, j, len;
	int		 mine, found = 0;

	fold_words(acc->name, strlen(acc->name), &name);
	n = text_tokenize(s, t->fold.s.len, &tok, &cap);
	for (i = 0; i + 1 < n && !found; i++) {
		if (!in_list(s + tok[i].start, tok[i].end - tok[i].start,
		    before_device))
			continue;
		j = i + 1;
		mine = 0;
		for (; j < n; j++) {
			w = s + tok[j].start;
			len = tok[j].end - tok[j].start;
			if (len == 2 && strncmp(w, "my", 2) == 0)
				mine = 1;
			else if (!in_list(w, len, (const char *const[]){ "a",
			    "an", "the", "old", "new", "your", NULL }))
				break;
		}
		if (j >= n || (tok[j].end - tok[j].start == 2 &&
		    strncmp(s + tok[j].start, "it", 2) == 0))
			continue;
		sbuf_reset(&d->said);
		sbuf_adds(&d->said, mine ? "your " : "");
		for (; j < n; j++) {
			w = s + tok[j].start;
			len = tok[j].end - tok[j].start;
			if (in_list(w, len, phrase_end) ||
			    in_list(w, len, before_device))
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
	}
	free(tok);
	sbuf_release(&name);
	return found;
}

/*
 * The products of the question: the two longest product mentions in the
 * order said (a family is its best model), then the product in focus.
 * spans[i] is the text naming p[i] (empty for the focus).  Returns how
 * many were loaded (0 to 2).
 */
static int
compat_products(struct tctx *t, struct product *p, struct sbuf *spans)
{
	const struct entity *en, *pick[2] = { NULL, NULL };
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
		n++;
	}
	if (n < 2 && (sku = dlg_focus_top(t, 0)) != NULL &&
	    (n == 0 || strcmp(sku, p[0].sku) != 0)) {
		memset(&p[n], 0, sizeof p[n]);
		if (dlg_load_product(t, sku, &p[n])) {
			/* The one in focus is what the question is about. */
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
    const struct device *d, int verdict, const char *why)
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
	/* The product asked about is the one "it" means next. */
	dlg_focus_push(t, acc->sku);
	dlg_set_action(t, "compatibility", "%s compatible_with \"%s\" vs %s: "
	    "%s%s%s", acc->sku, list != NULL ? list : "(none listed)",
	    d->said.buf, verdict < 0 ? "not listed" : verdict ? "yes" : "no",
	    why != NULL ? ", by " : "", why != NULL ? why : "");
	dlg_say(t, list == NULL ? "compatible_unknown" : verdict < 0 ?
	    "compatible_not_listed" : tpl[verdict]);
}

int
dlg_handle_compat(struct tctx *t)
{
	struct product	 p[2];
	struct sbuf	 spans[2] = { SBUF_INIT, SBUF_INIT };
	struct device	 d = { SBUF_INIT, SBUF_INIT, NULL };
	const struct product *acc;
	char		*list = NULL, *why = NULL;
	int		 n, i, verdict = -1, done = 0;

	memset(p, 0, sizeof p);
	if ((n = compat_products(t, p, spans)) == 0)
		goto out;
	/* The one with a compatible_with list is the one asked about. */
	acc = &p[0];
	if ((list = catalog_attr(&p[0], "compatible_with")) == NULL &&
	    n == 2 && (list = catalog_attr(&p[1], "compatible_with")) != NULL)
		acc = &p[1];
	if (list != NULL && *list == '\0') {
		free(list);
		list = NULL;
	}
	if (n == 2) {
		d.p = acc == &p[0] ? &p[1] : &p[0];
		fold_words(d.p->name, strlen(d.p->name), &d.words);
		if (d.p->model != NULL)
			fold_words(d.p->model, strlen(d.p->model), &d.words);
		i = acc == &p[0] ? 1 : 0;
		fold_words(spans[i].buf, spans[i].len, &d.words);
		sbuf_addf(&d.said, "the %s", d.p->name);
	} else if (!device_phrase(t, acc, &d))
		goto out;
	if (list != NULL)
		verdict = list_verdict(list, &d, &why);
	/* Silent or no list: the product's manual may say (wiring, mounts). */
	if (verdict < 0 && dlg_handle_kb_strong(t,
	    SEARCH_KIND_BIT(SEARCH_MANUAL), 2))
		done = 1;
	else
		compat_say(t, acc, list, &d, verdict, why);
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

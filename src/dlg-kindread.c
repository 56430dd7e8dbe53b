/*
 * dlg-kindread.c: which kind of product, of which brand, a request names,
 * read against the catalog (dlg-kindidx.c) before any action reads the
 * category entity.  The gazetteer maps a kind word to one category
 * ("cameras" to the cameras category), but the catalog may have that
 * kind in several ("smart-home/cameras"); this settles it:
 *
 *	the kind word	every kind whose subcategory or category name it
 *			heads; a word just before it ("doorbell cameras")
 *			counts for the kinds of the same category it heads
 *	the brand	only kinds that carry it ("google speakers" are
 *			smart speakers); none at all is said so, with what
 *			the brand and the kind have
 *	the rest	BM25 of the other words against the kinds left
 *			("outdoor", "see who comes in"), one category
 *			clearly first
 *	else		one short question naming the kinds, in the
 *			catalog's words; its answer is read the same way
 *
 * A kind refused before the one wanted ("not headphones, speakers") lets
 * the wanted one be read first.  The category entity is corrected in
 * place, so every action (dlg-state.c's filters, dlg-kind.c's kinds)
 * reads the settled kind; nothing here lists a product or a category.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

#define CATS_MAX	32

/* A category the kind words may mean. */
struct kcand {
	const char	*category;	/* the index's slug */
	unsigned	 heads;		/* how well the kind words name it */
	int		 whole;		/* the category's own name said */
	int		 sub;		/* the one kind headed, or -1 */
	int		 mod_sub;	/* a kind the word before heads, or -1 */
	int		 subs[8];	/* the kinds the head names in it */
	int		 nsubs;
	int		 brand;		/* carries the brand said */
	double		 score;		/* best BM25 of its kinds */
};

/* Words that refuse what follows ("instead of"). */
static const char *const neg[] = { "not", "no", "of", "nor", "without",
	NULL };

/* Is the word ending at b of s one of neg? */
static int
refused_before(const char *s, size_t b)
{
	size_t	 e, i;

	while (b > 0 && !isalnum((unsigned char)s[b - 1]))
		b--;
	e = b;
	while (b > 0 && isalnum((unsigned char)s[b - 1]))
		b--;
	for (i = 0; neg[i] != NULL; i++)
		if (e - b == strlen(neg[i]) && strncasecmp(s + b, neg[i],
		    e - b) == 0)
			return 1;
	return 0;
}

/* Is the kind at offset at not one wanted: refused, or the customer's? */
static int
not_wanted(const char *s, size_t at)
{
	return refused_before(s, at) || dlg_said_mine(s, at);
}

/*
 * "Can my power bank charge a laptop", "will my watch work with a
 * pixel": a question asked of the customer's own kind (a verb asking
 * right before "my" or "our"); the kinds after it are what it is asked
 * about, none wanted instead.
 */
static int
asked_of_mine(const char *s, size_t at)
{
	static const char *const ask[] = { "can", "could", "will", "would",
	    "does", "do", "did", "is", "are", "should", NULL };
	size_t	 b = at, e, w, i;
	int	 mine = 0;

	for (w = 0; w < 4 && b > 0; w++) {
		while (b > 0 && !isalnum((unsigned char)s[b - 1]))
			b--;
		for (e = b; b > 0 && isalnum((unsigned char)s[b - 1]); b--)
			;
		if (mine) {
			for (i = 0; ask[i] != NULL; i++)
				if (e - b == strlen(ask[i]) &&
				    strncasecmp(s + b, ask[i], e - b) == 0)
					return 1;
			return 0;
		}
		mine = (e - b == 2 && strncasecmp(s + b, "my", 2) == 0) ||
		    (e - b == 3 && strncasecmp(s + b, "our", 3) == 0);
	}
	return 0;
}

/* Does a word of s in [a, b) head a kind of k[0..nk)?  Its index. */
static int
heads_kind(const char *s, size_t a, size_t b, const struct dlg_kind *k,
    size_t nk)
{
	size_t	 e, i;
	char	*w;

	for (; a < b; a = e) {
		while (a < b && !isalnum((unsigned char)s[a]))
			a++;
		for (e = a; e < b && isalnum((unsigned char)s[e]); e++)
			;
		if (e == a)
			break;
		w = dlg_kind_stem(s + a, e - a);
		for (i = 0; i < nk; i++)
			if (dlg_kind_headed(&k[i], w, 0) ||
			    dlg_kind_headed(&k[i], w, 1)) {
				free(w);
				return (int)i;
			}
		free(w);
	}
	return -1;
}

/*
 * "Not headphones, speakers", "my tv is too quiet, a soundbar?": the
 * first category entity refused or the customer's own and a later one
 * not: the wanted one moves first.  A later entity read as
 * something else ("speakers" as an audio attribute) whose word heads a
 * kind is that kind.  1 when the wanted kind moved first.
 */
static int
wanted_first(struct tctx *t, const struct dlg_kind *k, size_t nk)
{
	struct entity	*v = t->e->el.v, tmp;
	size_t		 i, first = t->e->el.n;
	int		 h;

	for (i = 0; i < t->e->el.n; i++) {
		if (first == t->e->el.n) {
			if (v[i].type != ENTITY_CATEGORY)
				continue;
			if (!not_wanted(t->text, v[i].start) ||
			    asked_of_mine(t->text, v[i].start))
				return 0;
			first = i;
			continue;
		}
		if (not_wanted(t->text, v[i].start))
			continue;
		if (v[i].type != ENTITY_CATEGORY) {
			/* Only a kind refused is corrected by another
			 * word; one's own is no request for another. */
			if (!refused_before(t->text, v[first].start) ||
			    v[i].type == ENTITY_BRAND || v[i].type ==
			    ENTITY_PRODUCT || (h = heads_kind(t->text,
			    v[i].start, v[i].end, k, nk)) < 0)
				continue;
			v[i].type = ENTITY_CATEGORY;
			v[i].category = k[h].category;
			v[i].subcategory = NULL;
			v[i].use = NULL;
		}
		tmp = v[first];
		v[first] = v[i];
		v[i] = tmp;
		return 1;
	}
	return 0;
}

/* The word of s before offset a (skipping spaces) into w; 0 if none. */
static int
word_before(const char *s, size_t a, struct sbuf *w)
{
	size_t	 e;

	while (a > 0 && !isalnum((unsigned char)s[a - 1]))
		a--;
	e = a;
	while (a > 0 && isalnum((unsigned char)s[a - 1]))
		a--;
	sbuf_reset(w);
	if (e == a)
		return 0;
	sbuf_add(w, s + a, e - a);
	return 1;
}

/* The candidate of category cat in c[0..*nc), added when new. */
static struct kcand *
cand(struct kcand *c, size_t *nc, const char *cat)
{
	size_t	 i;

	for (i = 0; i < *nc; i++)
		if (strcmp(c[i].category, cat) == 0)
			return &c[i];
	if (*nc == CATS_MAX)
		return NULL;
	memset(&c[i], 0, sizeof c[i]);
	c[i].category = cat;
	c[i].sub = c[i].mod_sub = -1;
	(*nc)++;
	return &c[i];
}

/* Is the stem w one of the words of slug ("camera-accessories")? */
static int
slug_has(const char *slug, const char *w)
{
	const char	*p = slug, *e;
	char		*st;
	int		 yes = 0;

	while (*p != '\0' && !yes) {
		e = p + strcspn(p, "-");
		st = dlg_kind_stem(p, (size_t)(e - p));
		yes = strcmp(st, w) == 0;
		free(st);
		p = *e == '-' ? e + 1 : e;
	}
	return yes;
}

/* The stems of the words of s in [a, b) into out (" a b "). */
static void
stems(const char *s, size_t a, size_t b, struct sbuf *out)
{
	size_t	 e;
	char	*w;

	sbuf_adds(out, " ");
	for (; a < b; a = e) {
		while (a < b && !isalnum((unsigned char)s[a]))
			a++;
		for (e = a; e < b && isalnum((unsigned char)s[e]); e++)
			;
		if (e == a)
			break;
		w = dlg_kind_stem(s + a, e - a);
		sbuf_addf(out, "%s ", w);
		free(w);
	}
}

/*
 * The categories the kind words of the entity span [a, b) name, into c.
 * The last word heading a kind is the head ("smart displays": displays);
 * the words before it, and the one before the span ("doorbell cameras"),
 * narrow it: a kind of a category the head names whose slug has the word
 * ("camera-accessories", "smart-displays") or that the word heads in the
 * same category.  skip gets the stems of the span.  The number of
 * candidates.
 */
static size_t
headed(struct tctx *t, const struct dlg_kind *k, size_t nk, size_t a,
    size_t b, struct kcand *c, struct sbuf *skip)
{
	struct sbuf	 ws = SBUF_INIT, w = SBUF_INIT;
	struct kcand	*x;
	const char	*p, *e, *head = NULL;
	size_t		 nc = 0, i, j, hl = 0;
	int		 any;

	if (word_before(t->text, a, &w) && strlen(w.buf) > 2)
		stems(w.buf, 0, w.len, &ws);
	stems(t->text, a, b, &ws);
	stems(t->text, a, b, skip);
	/* The head: the last stem that heads a kind. */
	for (p = ws.buf; *p != '\0'; p = e) {
		while (*p == ' ')
			p++;
		if ((e = strchr(p, ' ')) == NULL)
			break;
		sbuf_reset(&w);
		sbuf_add(&w, p, (size_t)(e - p));
		for (i = any = 0; i < nk && !any; i++)
			any = dlg_kind_headed(&k[i], w.buf, 0) ||
			    dlg_kind_headed(&k[i], w.buf, 1);
		if (any) {
			head = p;
			hl = (size_t)(e - p);
		}
	}
	if (head == NULL)
		goto out;
	sbuf_reset(&w);
	sbuf_add(&w, head, hl);
	for (i = 0; i < nk; i++) {
		int whole = dlg_kind_headed(&k[i], w.buf, 1);
		int sub = dlg_kind_headed(&k[i], w.buf, 0);

		if ((!whole && !sub) || (x = cand(c, &nc,
		    k[i].category)) == NULL)
			continue;
		x->heads = 1;
		x->whole |= whole;
		if (sub && x->nsubs < 8)
			x->subs[x->nsubs++] = (int)i;
		if (sub)
			x->sub = x->sub == -1 || x->sub == (int)i ? (int)i : -2;
	}
	/* The words before the head narrow it: most where the kind's own
	 * name has both ("smart speakers"). */
	for (p = ws.buf; p < head; p = e) {
		while (*p == ' ')
			p++;
		if (p >= head || (e = strchr(p, ' ')) == NULL)
			break;
		sbuf_reset(&w);
		sbuf_add(&w, p, (size_t)(e - p));
		for (j = 0; j < nc; j++) {
			int more = 0;

			if (slug_has(c[j].category, w.buf)) {
				c[j].heads += 2;	/* "smart home" */
				continue;
			}
			for (i = 0; i < nk; i++) {
				if (strcmp(k[i].category, c[j].category) != 0)
					continue;
				if (slug_has(k[i].subcategory, w.buf) &&
				    (c[j].whole || (int)i == c[j].sub) &&
				    more < 2) {
					more = 2;
					c[j].mod_sub = (int)i;
				} else if (dlg_kind_headed(&k[i], w.buf, 0) &&
				    more < 1) {
					more = 1;
					c[j].mod_sub = (int)i;
				}
			}
			c[j].heads += (unsigned)more;
		}
	}
out:
	sbuf_release(&ws);
	sbuf_release(&w);
	return nc;
}

/* Does candidate c (the kinds the words head in it) carry brand? */
static int
cand_has_brand(const struct kcand *c, const struct dlg_kind *k, size_t nk,
    const char *brand)
{
	size_t	 i;
	int	 j;

	if (c->mod_sub >= 0)
		return dlg_kind_has_brand(&k[c->mod_sub], brand);
	if (!c->whole) {
		for (j = 0; j < c->nsubs; j++)
			if (dlg_kind_has_brand(&k[c->subs[j]], brand))
				return 1;
		return 0;
	}
	for (i = 0; i < nk; i++)
		if (strcmp(k[i].category, c->category) == 0 &&
		    dlg_kind_has_brand(&k[i], brand))
			return 1;
	return 0;
}

/* A kind as a customer says it: "smart home cameras", "power banks". */
static void
kind_words(const struct kcand *c, const struct dlg_kind *k, int alone,
    struct sbuf *out)
{
	size_t	 from = out->len;
	char	*p;
	int	 sub = c->mod_sub >= 0 ? c->mod_sub : c->sub;

	/* Beside another category's, a kind says its own ("smart home
	 * cameras"). */
	if (sub >= 0 && !c->whole)
		sbuf_addf(out, "%s%s%s", alone ? "" : c->category,
		    alone ? "" : " ", k[sub].subcategory);
	else
		sbuf_adds(out, c->category);
	for (p = out->buf + from; *p != '\0'; p++)
		if (*p == '-')
			*p = ' ';
}

/*
 * The brand has none of the kind: said so, with the categories the
 * brand has, and the kind from other brands offered.
 */
static int
brand_has_none(struct tctx *t, const char *brand, const struct kcand *c,
    const struct dlg_kind *k, size_t nk)
{
	struct sbuf	 kind = SBUF_INIT, theirs = SBUF_INIT;
	size_t		 i, n = 0;

	kind_words(c, k, 1, &kind);
	for (i = 0; i < nk && n < 4; i++)
		if (dlg_kind_has_brand(&k[i], brand) && (theirs.buf == NULL ||
		    !dlg_word_in(theirs.buf, k[i].category,
		    strlen(k[i].category)))) {
			sbuf_addf(&theirs, "%s%s", n ? ", " : "",
			    k[i].category);
			n++;
		}
	for (i = 0; i < theirs.len; i++)
		if (theirs.buf[i] == '-')
			theirs.buf[i] = ' ';
	slots_set(&t->slots, "brand", brand);
	slots_set(&t->slots, "kind", kind.buf);
	slots_set(&t->slots, "brand_kinds", theirs.buf != NULL ?
	    theirs.buf : "");
	dlg_set_action(t, "kind_brand_none", "no %s product among %s",
	    brand, kind.buf);
	dlg_say(t, n > 0 ? "kind_brand_none" : "kind_brand_unknown");
	dlg_jset_str(dlg_jobj(t->state, "filters"), "category", c->category);
	cJSON_DeleteItemFromObjectCaseSensitive(dlg_jobj(t->state, "filters"),
	    "brand");
	sbuf_release(&kind);
	sbuf_release(&theirs);
	return 1;
}

/* Ask which of the candidates c[0..nc) is meant; pending "kind". */
static int
ask_which(struct tctx *t, const struct kcand *c, size_t nc,
    const struct dlg_kind *k)
{
	struct sbuf	 kinds = SBUF_INIT;
	cJSON		*pend, *arr;
	size_t		 i;

	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	pend = dlg_jobj(t->state, "pending");
	dlg_jset_str(pend, "action", "kind");
	arr = cJSON_AddArrayToObject(pend, "categories");
	for (i = 0; i < nc; i++) {
		if (i > 0)
			sbuf_adds(&kinds, i + 1 == nc ? " or " : ", ");
		kind_words(&c[i], k, 0, &kinds);
		cJSON_AddItemToArray(arr, cJSON_CreateString(c[i].category));
	}
	slots_set(&t->slots, "kinds", kinds.buf);
	dlg_set_action(t, "ask_kind", "the kind named is %s: ask which",
	    kinds.buf);
	dlg_say(t, "ask_kind");
	sbuf_release(&kinds);
	return 1;
}

/* Is kind i one the words name in candidate c? */
static int
named(const struct kcand *c, int i)
{
	int	 j;

	if (i == c->mod_sub)
		return 1;
	for (j = 0; j < c->nsubs; j++)
		if (c->subs[j] == i)
			return 1;
	return 0;
}

/*
 * "A camera under 50": of the candidates c[0..nc), those with a kind the
 * words name that has something in stock within the budget said move to
 * the front; their number (nc when no budget is said or none fits, or
 * all do).
 */
static size_t
within_budget(struct tctx *t, struct kcand *c, size_t nc,
    const struct dlg_kind *k, size_t nk)
{
	const struct entity *pe = dlg_first_entity(t, ENTITY_PRICE);
	struct kcand	 tmp;
	size_t		 i, j, kept = 0;
	int		 fits;

	if (pe == NULL || !pe->has_max || nc < 2)
		return nc;
	for (j = 0; j < nc; j++) {
		for (i = 0, fits = 0; i < nk && !fits; i++)
			fits = strcmp(k[i].category, c[j].category) == 0 &&
			    (c[j].whole || named(&c[j], (int)i)) &&
			    k[i].stocked && k[i].cheapest <= pe->max;
		if (!fits)
			continue;
		tmp = c[kept];
		c[kept++] = c[j];
		c[j] = tmp;
	}
	if (kept > 0 && kept < nc)
		dlg_jset_num(t->trace, "kind_within_budget", (double)kept);
	return kept > 0 ? kept : nc;
}

/* Settle candidates c[0..nc) by the scores of the other words. */
static int
by_score(struct tctx *t, struct kcand *c, size_t nc, const struct dlg_kind *k,
    size_t nk, const char *skip)
{
	double		*sc = NULL;
	size_t		 i, j, n;
	int		 best = -1, second = -1;
	cJSON		*arr;
	struct sbuf	 plain = SBUF_INIT;

	/* Words of other entities (a budget, a brand), refusals and what
	 * they refuse say no kind wanted. */
	sbuf_add(&plain, t->text, t->len);
	for (i = 0; i < plain.len; i = j) {
		while (i < plain.len && !isalnum((unsigned char)plain.buf[i]))
			i++;
		for (j = i; j < plain.len &&
		    isalnum((unsigned char)plain.buf[j]); j++)
			;
		if (refused_before(plain.buf, j) ||
		    refused_before(t->text, i))
			memset(plain.buf + i, ' ', j - i);
	}
	for (i = 0; i < t->e->el.n; i++)
		for (j = t->e->el.v[i].start; j < t->e->el.v[i].end &&
		    j < plain.len; j++)
			if (t->e->el.v[i].type != ENTITY_CATEGORY)
				plain.buf[j] = ' ';

	(void)dlg_kinds_score(t, plain.buf, skip, &n, &sc);
	sbuf_release(&plain);
	for (j = 0; j < nc; j++)
		for (i = 0; i < n && i < nk; i++)
			if (strcmp(k[i].category, c[j].category) == 0 &&
			    (c[j].whole || named(&c[j], (int)i)) &&
			    sc[i] > c[j].score)
				c[j].score = sc[i];
	free(sc);
	cJSON_DeleteItemFromObjectCaseSensitive(t->trace, "kind_scores");
	arr = cJSON_AddArrayToObject(t->trace, "kind_scores");
	for (j = 0; j < nc; j++) {
		cJSON *o = cJSON_CreateObject();

		cJSON_AddStringToObject(o, "category", c[j].category);
		cJSON_AddNumberToObject(o, "score", c[j].score);
		cJSON_AddItemToArray(arr, o);
	}
	for (j = 0; j < nc; j++) {
		if (best == -1 || c[j].score > c[best].score) {
			second = best;
			best = (int)j;
		} else if (second == -1 || c[j].score > c[second].score)
			second = (int)j;
	}
	if (best >= 0 && c[best].score > 2.0 && (second < 0 ||
	    c[best].score >= 1.5 * c[second].score))
		return best;
	return -1;
}

/* The category entity now says candidate x (and its one kind). */
static void
settle(struct tctx *t, struct entity *ce, const struct kcand *x,
    const struct dlg_kind *k)
{
	int	 sub = x->mod_sub >= 0 ? x->mod_sub : x->whole ? -1 : x->sub;

	dlg_jset_str(t->trace, "kind_read", x->category);
	/* The same category: its kinds are dlg-kind.c's to read. */
	if (ce->category != NULL && strcmp(ce->category, x->category) == 0)
		return;
	ce->category = x->category;
	ce->use = NULL;
	ce->subcategory = sub >= 0 ? k[sub].subcategory : NULL;
	if (ce->subcategory != NULL)
		dlg_jset_str(t->trace, "kind_read_sub", ce->subcategory);
}

/*
 * The answer to "which kind do you mean?": the category its words head
 * or score best among those asked about; the list of that kind.  1 when
 * answered.
 */
static int
kind_answer(struct tctx *t, struct entity *ce)
{
	cJSON		*pend = cJSON_GetObjectItemCaseSensitive(t->state,
	    "pending"), *it;
	const char	*act = dlg_jstr(pend, "action");
	const struct dlg_kind *k;
	struct kcand	 c[CATS_MAX];
	struct sbuf	 skip = SBUF_INIT;
	size_t		 nk, nc = 0;
	int		 pick;

	if (act == NULL || strcmp(act, "kind") != 0)
		return 0;
	if ((k = dlg_kinds_score(t, NULL, NULL, &nk, NULL)) == NULL)
		return 0;
	if (ce != NULL)
		return 0;	/* a kind named: read as any request */
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(pend,
	    "categories"))
		if (cJSON_IsString(it))
			(void)cand(c, &nc, it->valuestring);
	for (pick = 0; pick < (int)nc; pick++)
		c[pick].whole = 1;
	sbuf_adds(&skip, " ");
	if ((pick = by_score(t, c, nc, k, nk, skip.buf)) < 0) {
		sbuf_release(&skip);
		return 0;
	}
	sbuf_release(&skip);
	/* The slug lives in the pending question, deleted now. */
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "filters");
	dlg_jset_str(dlg_jobj(t->state, "filters"), "category",
	    c[pick].category);
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	dlg_set_intent(t, "recommendation");
	return dlg_handle_recommend(t);
}

/*
 * Is the turn a request for products: a product intent or no clear one,
 * no product or order named, and the kind not the customer's own ("my
 * camera keeps fogging")?
 */
static int
shopping_words(struct tctx *t, const struct entity *ce)
{
	static const char *const own[] = { "my", "our", "mine", NULL };
	struct sbuf	 w = SBUF_INIT;
	size_t		 i;
	int		 mine = 0;

	if (word_before(t->text, ce->start, &w))
		for (i = 0; own[i] != NULL; i++)
			mine |= strcasecmp(w.buf, own[i]) == 0;
	sbuf_release(&w);
	/* "Acer soundbars?": a kind and a brand alone, whatever the
	 * classifier made of two words. */
	return !mine && dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
	    dlg_first_entity(t, ENTITY_ORDER_ID) == NULL &&
	    (t->e->ir.verdict != INTENT_OK ||
	    strcmp(t->intent, "recommendation") == 0 ||
	    strcmp(t->intent, "product_inquiry") == 0 ||
	    dlg_kind_alone(t, ce));
}

/*
 * "Not headphones, speakers", "no, I mean security cameras", or the
 * answer to "which kind?": the kind corrected is a new list, whatever
 * the classifier made of the words (a "no" to the offer before).
 */
static int
corrected(struct tctx *t, const struct entity *ce, int swapped, int asked)
{
	cJSON	*f = dlg_jobj(t->state, "filters");
	const char *cat = dlg_jstr(f, "category"), *kind = dlg_jstr(f, "kind");
	size_t	 a = 0;
	int	 other, no;

	while (a < t->len && !isalnum((unsigned char)t->text[a]))
		a++;
	/* Another kind than the list's, after a "no" first. */
	other = ce->category != NULL && (cat == NULL ||
	    strcmp(cat, ce->category) != 0 || (ce->subcategory != NULL &&
	    (kind == NULL || strcmp(kind, ce->subcategory) != 0)));
	no = a < t->len && refused_before(t->text, a + strcspn(t->text + a,
	    " ,.!"));
	/* "No, I mean do your gift cards expire" asks about the kind, not
	 * for a list of it. */
	if (!asked && !swapped && !(other && no && (shopping_words(t, ce) ||
	    strcmp(t->intent, "deny") == 0)))
		return 0;
	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL)
		return 0;
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	dlg_jset_str(t->trace, "kind_corrected", ce->category);
	dlg_set_intent(t, "recommendation");
	dlg_update_filters(t);
	return dlg_handle_recommend(t);
}

/* Did the bot ask which kind was meant? */
static int
asked_kind(struct tctx *t)
{
	const char *pend = dlg_jstr(cJSON_GetObjectItemCaseSensitive(
	    t->state, "pending"), "action");

	return pend != NULL && strcmp(pend, "kind") == 0;
}

/*
 * Read the kind and brand of the request into the category entity (see
 * the top of the file).  1 when the turn was answered: a brand without
 * that kind, or the question which kind is meant.
 */
int
dlg_kind_read(struct tctx *t)
{
	struct kcand	 c[CATS_MAX];
	struct sbuf	 skip = SBUF_INIT, w = SBUF_INIT;
	const struct dlg_kind *k;
	const struct entity *be;
	struct entity	*ce = NULL;
	const char	*brand = NULL;
	size_t		 nk, nc, i, j, kept, top = 0;
	int		 pick, done = 0, swapped, asked;

	if (dlg_first_entity(t, ENTITY_CATEGORY) == NULL && !asked_kind(t))
		return 0;	/* no kind said nor asked: nothing to read */
	if ((k = dlg_kinds_score(t, NULL, NULL, &nk, NULL)) == NULL)
		return 0;
	swapped = wanted_first(t, k, nk);
	asked = asked_kind(t);
	for (i = 0; i < t->e->el.n && ce == NULL; i++)
		if (t->e->el.v[i].type == ENTITY_CATEGORY &&
		    !refused_before(t->text, t->e->el.v[i].start))
			ce = &t->e->el.v[i];
	if (kind_answer(t, ce))
		return 1;
	if (ce == NULL)
		return 0;
	sbuf_adds(&skip, " ");
	if ((nc = headed(t, k, nk, ce->start, ce->end, c, &skip)) == 0)
		goto out;
	/* The candidates the most kind words head. */
	top = 0;
	for (j = 0; j < nc; j++)
		top = c[j].heads > top ? c[j].heads : top;
	for (j = kept = 0; j < nc; j++)
		if (c[j].heads == top)
			c[kept++] = c[j];
	nc = kept;
	/* "My tcl tv": the customer's brand, not the one asked for. */
	if ((be = dlg_first_entity(t, ENTITY_BRAND)) != NULL &&
	    !not_wanted(t->text, be->start))
		brand = be->brand != NULL ? be->brand : be->value;
	if (brand != NULL) {
		for (j = kept = 0; j < nc; j++)
			if (cand_has_brand(&c[j], k, nk, brand))
				c[kept++] = c[j];
		if (kept == 0) {
			for (j = 0; j < nc && (ce->category == NULL ||
			    strcmp(c[j].category, ce->category) != 0); j++)
				;
			done = shopping_words(t, ce) && brand_has_none(t, brand,
			    &c[j < nc ? j : 0], k, nk);
			goto out;
		}
		nc = kept;
	}
	nc = within_budget(t, c, nc, k, nk);
	pick = nc == 1 ? 0 : by_score(t, c, nc, k, nk, skip.buf);
	/* Nothing else said: a category named by its own name ("a
	 * camera") is that category, not a kind of another one
	 * ("smart-home/cameras"). */
	for (j = 0; pick < 0 && j < nc; j++)
		if (ce->category != NULL && strcmp(c[j].category,
		    ce->category) == 0)
			pick = (int)j;	/* the gazetteer's phrase, no other */
	for (j = 0; pick < 0 && j < nc; j++)
		if (c[j].whole && c[j].heads == 1) {
			for (i = j + 1; i < nc && !c[i].whole; i++)
				;
			pick = i < nc ? -1 : (int)j;
			break;
		}
	if (pick >= 0) {
		settle(t, ce, &c[pick], k);
		done = corrected(t, ce, swapped, asked);
	} else if (shopping_words(t, ce))
		done = ask_which(t, c, nc, k);
out:
	sbuf_release(&skip);
	sbuf_release(&w);
	return done;
}

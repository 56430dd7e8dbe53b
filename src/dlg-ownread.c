/*
 * dlg-ownread.c reads which of the customer's items a message names
 * (dlg-owned.c decides what follows).  The message is cut into clauses
 * (sentence marks, commas, dashes, "but"), each marked when it says a
 * thing is the customer's (dlg_owned_words); each clause's product,
 * brand and kind entities and the other words of an item's name are
 * weighed against every item, from what the catalog says of it: its
 * SKU and family, brand, category and subcategory, the words of its
 * name and model (a word many catalog names share names nothing
 * alone).  A thing said with "a" ("I want a gaming monitor") is wanted,
 * not had; one said after "for my", "with my" is the context of
 * another, weighed apart.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"
#include "dlg-owned.h"

/* A word that this many catalog names hold names no one product. */
#define WORD_COMMON	10

/* Weights of what a clause says of an item. */
#define W_PRODUCT	4	/* the product or its family named */
#define W_KIND		2	/* its category said */
#define W_SUBKIND	1	/* ... and its subcategory, or the word in
				   its name ("mouse") */
#define W_BRAND		2	/* its brand said */
#define W_WORD		1	/* a word of its name said */

static int having(struct tctx *, size_t, size_t);

/* Is [a, b) of the text the word w (any case)? */
int
dlg_own_span_is(struct tctx *t, size_t a, size_t b, const char *w)
{
	return b - a == strlen(w) && strncasecmp(t->text + a, w, b - a) == 0;
}

/* Mark the clauses that say a thing is the customer's. */
static void
clauses_mark(struct tctx *t, struct clause *c, size_t nc)
{
	struct text_folded one = TEXT_FOLDED_INIT;
	const char *const *w;
	size_t		 i;

	for (i = 0; i < nc; i++) {
		text_fold(t->text + c[i].a, c[i].b - c[i].a, &one);
		for (w = dlg_owned_words; *w != NULL && !c[i].marked; w++)
			c[i].marked = dlg_word_in(one.s.buf, *w, strlen(*w));
		/* "Got any", "have you got": the store's, not theirs. */
		if (c[i].marked && (dlg_word_in(one.s.buf, "got any", 7) ||
		    dlg_word_in(one.s.buf, "you got", 7)))
			c[i].marked = dlg_word_in(one.s.buf, "my", 2);
		/* "Add the 15 to my cart", "buy it for my son": a thing
		 * wanted, whatever "my" says after it. */
		if (c[i].marked && (dlg_word_in(one.s.buf, "add", 3) ||
		    dlg_word_in(one.s.buf, "put", 3) ||
		    dlg_word_in(one.s.buf, "buy", 3)))
			c[i].marked = 0;
		text_folded_release(&one);
	}
}

/*
 * The clauses of the message: cut at sentence marks, commas and dashes,
 * and before "but" ("the airpods are great but the mouse is too big").
 */
size_t
dlg_own_clauses(struct tctx *t, const struct text_token *tok, size_t ntok,
    struct clause *c, size_t max)
{
	const char	*s = t->text;
	size_t		 n = 0, k = 0, p, a = 0;
	int		 but = 0, cut;

	for (p = 0; p <= t->len && n < max; p++) {
		cut = p == t->len || strchr(".,!?;:()", s[p]) != NULL ||
		    (s[p] == '-' && p > 0 && s[p - 1] == ' ');
		/* "but" is a cut before it, at a word of its own. */
		while (k < ntok && tok[k].end <= p)
			k++;
		if (!cut && k < ntok && tok[k].start == p && p > a &&
		    dlg_own_span_is(t, tok[k].start, tok[k].end, "but"))
			cut = 2;
		if (!cut)
			continue;
		if (p > a) {
			c[n].a = a;
			c[n].b = p;
			c[n].marked = 0;
			c[n].after_but = but;
			n++;
		}
		but = cut == 2;
		a = cut == 2 ? p : p + 1;
	}
	clauses_mark(t, c, n);
	return n;
}

/* Words of the message that say nothing of which product. */
int
dlg_own_glue(const char *w, size_t n)
{
	static const char *const glue[] = { "the", "and", "for", "with",
	    "that", "this", "from", "have", "does", "will", "would", "your",
	    "they", "them", "their", "what", "when", "which", "where", "just",
	    "still", "work", "works", "into", "about", "great", "thanks",
	    "thank", "love", "really", "very", "need", "want", "some",
	    "order", "ordered", "bought", "arrived", "came", "yesterday",
	    "week", "month", "today", "last", "this", "there", "here",
	    "mine", "again", "other", "also", NULL };
	const char *const *g;

	for (g = glue; *g != NULL; g++)
		if (strlen(*g) == n && strncasecmp(*g, w, n) == 0)
			return 1;
	return 0;
}

/* Does the catalog name many products with the word w (lower case)? */
static int
word_common(struct tctx *t, const char *w)
{
	struct product	*v = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 n = 0, i;

	dlg_retrieve_begin(t);
	if (catalog_products_named(t->st, w, WORD_COMMON, &v, &n, &err) !=
	    SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	return n >= WORD_COMMON;
}

/* Is a word of the kind said part of the slug s ("phone", "smartphones")? */
static int
kind_word_in(const char *slug, const char *w, size_t n)
{
	size_t	 m = n;

	if (slug == NULL || n < 3)
		return 0;
	if (m > 3 && (w[m - 1] == 's' || w[m - 1] == 'S'))
		m--;			/* "tablets", "earbuds" */
	return strncasecmp(slug, w, m) == 0 || (m >= 5 &&
	    strcasestr(slug, w) != NULL);
}

/* Are all words of [a, b) words of the item's name, brand or kind? */
static int
words_of_item(struct tctx *t, const struct product *p, size_t a, size_t b)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len, words = 0;
	const char	*w;
	char		*low;
	int		 all = 1;

	n = text_tokenize(t->text + a, b - a, &tok, &cap);
	for (i = 0; i < n && all; i++) {
		w = t->text + a + tok[i].start;
		len = tok[i].end - tok[i].start;
		if (len < 2 || dlg_own_glue(w, len))
			continue;
		words++;
		low = xstrndup(w, len);
		for (w = low; *w != '\0'; w++)
			low[w - low] = (char)tolower((unsigned char)*w);
		all = dlg_name_word(p->name, low, len) || (p->model != NULL &&
		    dlg_name_word(p->model, low, len)) || (p->brand != NULL &&
		    strcasecmp(p->brand, low) == 0) ||
		    kind_word_in(p->category, low, len) ||
		    kind_word_in(p->subcategory, low, len);
		free(low);
	}
	free(tok);
	return all && words > 0;
}

/* Is sku one of the products of the family en names ("iPad Air")? */
static int
family_member(struct tctx *t, const struct entity *en, const char *sku)
{
	const char	*skus[64];
	size_t		 n, i;

	n = gazetteer_members(t->e->gz, en, skus, 64);
	for (i = 0; i < n; i++)
		if (strcmp(skus[i], sku) == 0)
			return 1;
	return 0;
}

/* How much the entity en says that item p is meant (0: nothing). */
int
dlg_own_says(struct tctx *t, const struct entity *en, const struct product *p)
{
	int	 w = 0;

	switch (en->type) {
	case ENTITY_PRODUCT:
		if (en->sku != NULL && strcmp(en->sku, p->sku) == 0)
			return W_PRODUCT;
		if (en->sku == NULL && family_member(t, en, p->sku))
			return W_PRODUCT;
		/* "my galaxy watch", "the galaxy phone I bought": the
		 * words said, not the catalog's guess at one product (a
		 * case "for iPad Air" has them too, so it weighs less). */
		return words_of_item(t, p, en->start, en->end) ? W_KIND +
		    W_SUBKIND : 0;
	case ENTITY_BRAND:
		return p->brand != NULL && ((en->brand != NULL &&
		    strcasecmp(en->brand, p->brand) == 0) || (en->value !=
		    NULL && strcasecmp(en->value, p->brand) == 0)) ? W_BRAND : 0;
	case ENTITY_CATEGORY:
		if (en->category != NULL && p->category != NULL &&
		    (strcmp(en->category, p->category) == 0 ||
		    (p->subcategory != NULL && strcmp(en->category,
		    p->subcategory) == 0)))
			w = W_KIND;
		else if (words_of_item(t, p, en->start, en->end))
			return W_KIND;	/* "laptop" of a laptop sleeve */
		if (w > 0 && ((en->subcategory != NULL && p->subcategory !=
		    NULL && strcmp(en->subcategory, p->subcategory) == 0) ||
		    words_of_item(t, p, en->start, en->end)))
			w += W_SUBKIND;
		return w;
	default:
		return 0;
	}
}

/* Is the token "my", "the", "a" or "an"? */
static int
determiner(struct tctx *t, const struct text_token *tk)
{
	return dlg_own_span_is(t, tk->start, tk->end, "my") || dlg_own_span_is(t, tk->start,
	    tk->end, "the") || dlg_own_span_is(t, tk->start, tk->end, "a") ||
	    dlg_own_span_is(t, tk->start, tk->end, "an");
}

/*
 * Is [a, b) said as the context of another thing ("a case for my
 * iphone", "does it work with my ps5")?  The word before it, past "my"
 * or "the", is a preposition.
 */
static int
said_as_context(struct tctx *t, const struct text_token *tok, size_t ntok,
    size_t a)
{
	static const char *const preps[] = { "for", "with", "to", "into",
	    "in", "on", "onto", "inside", "than", "from", NULL };
	const char *const *pp;
	size_t		 k, adj = 0;

	for (k = ntok; k > 0; k--)
		if (tok[k - 1].end <= a)
			break;
	/* "from my little dell": a word or two, then "my" or "the". */
	while (k > 0 && adj < 2 && !determiner(t, &tok[k - 1]) &&
	    !having(t, tok[k - 1].start, tok[k - 1].end) &&
	    dlg_own_entity_over(t, tok[k - 1].start, tok[k - 1].end) == NULL) {
		for (pp = preps; *pp != NULL; pp++)
			if (dlg_own_span_is(t, tok[k - 1].start, tok[k - 1].end, *pp))
				return adj == 0;
		k--;
		adj++;
	}
	if (k > 0 && determiner(t, &tok[k - 1]))
		k--;
	else if (adj > 0)
		return 0;
	if (k == 0)
		return 0;
	for (pp = preps; *pp != NULL; pp++)
		if (dlg_own_span_is(t, tok[k - 1].start, tok[k - 1].end, *pp))
			return 1;
	return 0;
}

/* Is [a, b) a verb of having ("have", "got", "bought")? */
static int
having(struct tctx *t, size_t a, size_t b)
{
	static const char *const verbs[] = { "have", "got", "bought",
	    "ordered", "received", "purchased", "own", NULL };
	const char *const *w;

	for (w = verbs; *w != NULL; w++)
		if (dlg_own_span_is(t, a, b, *w))
			return 1;
	return 0;
}

/*
 * Is the thing at a said with an indefinite article ("a proper gaming
 * monitor", "another case"): a kind wanted, not one the customer has?
 */
static int
said_indefinite(struct tctx *t, const struct text_token *tok, size_t ntok,
    size_t a)
{
	static const char *const indef[] = { "a", "an", "another", "any",
	    "some", "new", NULL };
	static const char *const def[] = { "my", "the", "this", "that",
	    "these", "those", "mine", NULL };
	const char *const *w;
	size_t		 k, back;

	for (k = ntok; k > 0; k--)
		if (tok[k - 1].end <= a)
			break;
	for (back = 0; k > 0 && back < 3; k--, back++) {
		for (w = def; *w != NULL; w++)
			if (dlg_own_span_is(t, tok[k - 1].start, tok[k - 1].end, *w))
				return 0;
		for (w = indef; *w != NULL; w++)
			if (dlg_own_span_is(t, tok[k - 1].start, tok[k - 1].end, *w))
				break;
		/* "My new samsung soundbar": "new" after "my" is theirs;
		 * the word before is read next. */
		if (*w != NULL && strcmp(*w, "new") == 0 && k >= 2 &&
		    dlg_own_span_is(t, tok[k - 2].start, tok[k - 2].end, "my"))
			continue;
		/* "I have a Fold6 from you", "I got a Samsung SSD": had. */
		if (*w != NULL)
			return k < 2 || !having(t, tok[k - 2].start,
			    tok[k - 2].end);
	}
	return 0;
}

/* Does [a, b) overlap an entity? */
const struct entity *
dlg_own_entity_over(struct tctx *t, size_t a, size_t b)
{
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].start < b && t->e->el.v[i].end > a)
			return &t->e->el.v[i];
	return NULL;
}

/*
 * Weigh every item against what clause c says: its product, brand and
 * kind entities and the other words of an item's name.  The best score
 * (said as the subject, not as context) is returned.
 */
static int
clause_weigh(struct tctx *t, const struct clause *c,
    const struct text_token *tok, size_t ntok, struct owned *v, size_t n)
{
	const struct entity *en;
	size_t		 i, k, len;
	int		 best = 0, s, ctx, named = 0;
	char		*w;

	for (k = 0; k < n; k++)
		v[k].score = v[k].ctx = 0;
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->start < c->a || en->end > c->b ||
		    (en->type != ENTITY_PRODUCT && en->type != ENTITY_BRAND &&
		    en->type != ENTITY_CATEGORY))
			continue;
		if (said_indefinite(t, tok, ntok, en->start))
			continue;
		ctx = said_as_context(t, tok, ntok, en->start);
		named |= (en->type != ENTITY_BRAND) && !ctx;
		for (k = 0; k < n; k++) {
			s = dlg_own_says(t, en, &v[k].p);
			if (ctx)
				v[k].ctx += s;
			else
				v[k].score += s;
		}
	}
	/* "The gift card $100": a price its name has. */
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRICE || en->start < c->a ||
		    en->end > c->b)
			continue;
		w = xstrndup(t->text + en->start, en->end - en->start);
		for (k = 0; k < n; k++)
			if (strstr(v[k].p.name, w) != NULL)
				v[k].score += W_WORD;
		free(w);
	}
	/* Words no entity holds: "the firecuda", "my yoga laptop". */
	for (i = 0; i < ntok; i++) {
		len = tok[i].end - tok[i].start;
		/* A feature word may be a word of a name ("the apple
		 * keyboard"): only names and amounts are read above. */
		en = dlg_own_entity_over(t, tok[i].start, tok[i].end);
		if (tok[i].start < c->a || tok[i].end > c->b ||
		    (en != NULL && en->type != ENTITY_ATTRIBUTE) ||
		    (tok[i].has_digit ? len < 2 : len < 4) ||
		    dlg_own_glue(t->text + tok[i].start, len))
			continue;
		w = xstrndup(t->text + tok[i].start, len);
		for (k = 0; k < len; k++)
			w[k] = (char)tolower((unsigned char)w[k]);
		ctx = said_as_context(t, tok, ntok, tok[i].start);
		s = -1;
		for (k = 0; k < n; k++) {
			if (!dlg_name_word(v[k].p.name, w, len) &&
			    (v[k].p.model == NULL ||
			    !dlg_name_word(v[k].p.model, w, len)))
				continue;
			if (s < 0)
				s = word_common(t, w) ? 0 : W_WORD;
			if (ctx)
				v[k].ctx += s;
			else
				v[k].score += s;
		}
		free(w);
	}
	for (k = 0; k < n; k++) {
		/* A kind said as the subject that the item is not ("my
		 * phone" is no charger whose name has "charging"). */
		if (named && v[k].score <= W_WORD)
			v[k].score = 0;
		if (v[k].score > best)
			best = v[k].score;
	}
	return best;
}

/*
 * The clause that holds the subject: one after "but" ("great but the
 * mouse is too big": feedback first, then the request), else the first
 * that says the thing is theirs, else the first naming one of their
 * items when another clause says so ("got my order. the mouse...").
 * Its index, or -1; *rule says which.
 */
int
dlg_own_pick(struct tctx *t, struct clause *c, size_t nc,
    const struct text_token *tok, size_t ntok, struct owned *v, size_t n,
    const char **rule)
{
	int	 best[CLAUSE_MAX], i, pick = -1;

	for (i = 0; i < (int)nc; i++)
		best[i] = clause_weigh(t, &c[i], tok, ntok, v, n);
	for (i = (int)nc - 1; i >= 0 && pick < 0; i--)
		if (best[i] > 0 && c[i].after_but && (c[i].marked ||
		    (i > 0 && best[i - 1] > 0)))
			pick = i;
	if (pick >= 0)
		*rule = "the item said after \"but\": what is before is "
		    "background";
	for (i = 0; i < (int)nc && pick < 0; i++)
		if (best[i] > 0 && c[i].marked) {
			pick = i;
			*rule = "the item said as the customer's";
		}
	/* "Got my order. the mouse...": only when what says it is
	 * theirs names nothing itself. */
	for (i = 0; i < (int)nc && pick < 0; i++)
		if (c[i].marked && best[i] == 0)
			break;
	if (pick < 0 && i == (int)nc)
		return -1;
	for (i = 0; i < (int)nc && pick < 0; i++)
		if (best[i] > 0) {
			pick = i;
			*rule = "the item named beside words saying it is the "
			    "customer's";
		}
	if (pick >= 0)
		clause_weigh(t, &c[pick], tok, ntok, v, n);
	return pick;
}

/*
 * Of the items weighed, keep those scoring best: those still had before
 * those cancelled or refunded, those ordered before those in the cart.
 * Returns how many are kept (their indexes in keep).
 */
size_t
dlg_own_best(struct owned *v, size_t n, size_t *keep)
{
	size_t	 i, k = 0;
	int	 best = 0, live = 0, ordered = 0;

	for (i = 0; i < n; i++)
		if (v[i].score > best)
			best = v[i].score;
	if (best == 0)
		return 0;
	for (i = 0; i < n; i++)
		if (v[i].score == best) {
			live |= !v[i].gone;
			ordered |= v[i].order != NULL;
		}
	for (i = 0; i < n; i++)
		if (v[i].score == best && (!live || !v[i].gone) &&
		    (!ordered || v[i].order != NULL))
			keep[k++] = i;
	return k;
}

/*
 * entity-catalog.c matches the catalog in a message for entity.c: it
 * hashes the folded words (correcting a misspelt one through the
 * gazetteer's fuzzy look-up), takes the longest gazetteer phrase at each
 * word and emits it as a product, family, brand, category or attribute,
 * or a name the catalog lacks said close to one it has ("galaxy s25",
 * "samsung 991 pro").  Compounds and dual words are entity-combine.c's.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "entity.h"
#include "entity-int.h"
#include "entity-run.h"

#define FUZZY_MIN_INPUT	5	/* shorter words are never corrected */

static void
prepare_tokens(struct run *r)
{
	struct scratch	*sc = r->sc;
	const char	*w;
	size_t		 i, n;
	uint64_t	 h;
	int		 fl;

	sc->ntok = text_tokenize(r->s, r->n, &sc->tok, &sc->tokcap);
	if (sc->ntok > sc->thcap) {
		sc->thcap = sc->ntok * 2;
		sc->th = xrealloc(sc->th, sc->thcap * sizeof *sc->th);
		sc->tdist = xrealloc(sc->tdist, sc->thcap * sizeof *sc->tdist);
	}
	for (i = 0; i < sc->ntok; i++) {
		w = r->s + sc->tok[i].start;
		n = sc->tok[i].end - sc->tok[i].start;
		h = gz_token_hash(w, n);
		sc->th[i] = h;
		sc->tdist[i] = 0;
		/* "s24+" is another model than "s24" (gazetteer.c). */
		if (w[n] == '+' && (gz_token_flags(r->gz, gz_token_hash(w,
		    n + 1)) & GZ_TOK_KNOWN)) {
			sc->th[i] = gz_token_hash(w, n + 1);
			sc->tok[i].end++;
			continue;
		}
		/*
		 * Catalog and common words stand as they are; a word of the
		 * language may be a plural of a catalog word ("echo dots")
		 * but is never corrected as a typo.
		 */
		fl = gz_token_flags(r->gz, h);
		if ((fl & ~GZ_TOK_WORD) != 0 || sc->tok[i].has_digit)
			continue;
		/* Plurals of catalog words: "iphones", "galaxies". */
		if (n > 4 && memcmp(w + n - 3, "ies", 3) == 0) {
			char	 y[GZ_MAXN * 8];

			if (n - 2 <= sizeof y) {
				memcpy(y, w, n - 3);
				y[n - 3] = 'y';
				h = gz_token_hash(y, n - 2);
				if (gz_token_flags(r->gz, h) & GZ_TOK_KNOWN) {
					sc->th[i] = h;
					continue;
				}
			}
		}
		if (n > 3 && w[n - 1] == 's') {
			h = gz_token_hash(w, n - 1);
			if (gz_token_flags(r->gz, h) & GZ_TOK_KNOWN) {
				sc->th[i] = h;
				continue;
			}
			if (n > 4 && w[n - 2] == 'e' && (gz_token_flags(r->gz,
			    h = gz_token_hash(w, n - 2)) & GZ_TOK_KNOWN)) {
				sc->th[i] = h;
				continue;
			}
		}
		if (fl == 0 && n >= FUZZY_MIN_INPUT &&
		    (h = gz_fuzzy(r->gz, w, n, 0)) != 0) {
			sc->th[i] = h;
			sc->tdist[i] = 1;
		}
	}
}

static int
token_is(const struct run *r, size_t i, const char *w)
{
	const struct text_token *t;
	size_t	 n = strlen(w);

	if (i >= r->sc->ntok)
		return 0;
	t = &r->sc->tok[i];
	return t->end - t->start == n && memcmp(r->s + t->start, w, n) == 0;
}

/* Token i is one of the words of list (NULL-terminated). */
static int
lw_tok(const struct run *r, size_t i, const char *const *list)
{
	for (; *list != NULL; list++)
		if (token_is(r, i, *list))
			return 1;
	return 0;
}

static int
use_word(const struct run *r, size_t i)
{
	int	 k;

	for (k = 0; vocab_uses[k] != NULL; k++)
		if (token_is(r, i, vocab_uses[k]))
			return k;
	return -1;
}

/*
 * A family named with the variant next to it ("990 pro 2tb", "lg c4
 * 55", "iphone 15 256"): the word with a digit right after the phrase
 * that only one member's name has.  Returns that member's index + 1
 * and claims the word (the span stays the name said), or 0.
 */
static uint32_t
variant_member(struct run *r, size_t i, size_t n, uint64_t key)
{
	const struct text_token *t;
	uint32_t hit;

	if (i + n >= r->sc->ntok)
		return 0;
	t = &r->sc->tok[i + n];
	if (!t->has_digit || t->end - t->start < 2 ||
	    is_taken(r, t->start, t->end) ||
	    (hit = gz_member_word(r->gz, key, r->s + t->start,
	    t->end - t->start)) == 0)
		return 0;
	memset(r->sc->taken + t->start, 1, t->end - t->start);
	return hit;
}

/* Digits then letters, the letters one of list ("2tb", "5th"). */
static int
digits_then(const char *w, size_t n, const char *const *list)
{
	size_t	 d, k;

	for (d = 0; d < n && w[d] >= '0' && w[d] <= '9'; d++)
		;
	if (d == 0 || d == n)
		return 0;
	for (k = 0; list[k] != NULL; k++)
		if (strlen(list[k]) == n - d && memcmp(w + d, list[k],
		    n - d) == 0)
			return 1;
	return 0;
}

/* Units after a number: a size or capacity, not a model ("2tb"). */
static const char *const units[] = { "gb", "tb", "mb", "mm", "hz", "w",
    "wh", "mah", "k", "in", "inch", "ft", "m", "cm", "kg", "g", "p", "x",
    NULL };

/*
 * Does word k go on with the name before it as a model number the
 * catalog lacks ("iphone 16", "galaxy s25", "sony xm6", "xps 17")?  A
 * word with a digit, free, not an ordinal; after a brand it must mix
 * letters and digits and not be a capacity ("samsung 2tb" is a filter);
 * a bare number must have two digits unless the name ends in a word
 * ("pixel 9", but "iphone 15 2" is two of them).
 */
static int
model_next(const struct run *r, size_t k, int brand, int name_digit)
{
	static const char *const ordinal[] = { "st", "nd", "rd", "th", NULL };
	const struct text_token *t;
	const char *w;
	size_t	 n;

	if (k >= r->sc->ntok)
		return 0;
	t = &r->sc->tok[k];
	w = r->s + t->start;
	n = t->end - t->start;
	if (!t->has_digit || n > 8 || is_taken(r, t->start, t->end) ||
	    digits_then(w, n, ordinal))
		return 0;
	/* "x2": how many, not which. */
	if (w[0] == 'x' && n > 1 && w[1] >= '0' && w[1] <= '9' &&
	    strspn(w + 1, "0123456789") == n - 1)
		return 0;
	if (t->has_alpha)
		return !brand || !digits_then(w, n, units);
	return !brand && (n >= 2 || !name_digit) && n <= 4;
}

/*
 * Is word k a tier or generation word that sets one model apart from
 * another of the same line ("zv-e10 ii", "galaxy s24 ultra", "eero max
 * 7")?  Roman generations and the tier words stores name models by;
 * the caller checks that the names it follows lack it.
 */
static int
tier_next(const struct run *r, size_t k)
{
	static const char *const tier[] = { "ii", "iii", "iv", "mkii",
	    "mkiii", "pro", "max", "ultra", "plus", "mini", "lite", NULL };

	if (k >= r->sc->ntok || is_taken(r, r->sc->tok[k].start,
	    r->sc->tok[k].end))
		return 0;
	return lw_tok(r, k, tier);
}

/*
 * Is word k, after the brand of key, a bare model number of three or
 * four digits the brand's names lack while one or two away they have
 * one ("samsung 991" against "Samsung 990 PRO", "anker 556" against
 * "Anker 555")?  Sizes ("lg 27", "samsung 65 inch") are shorter or
 * have a unit after.  The key of the brand and the nearest number into
 * *nkey; 1 when so.
 */
static int
brand_number_near(const struct run *r, size_t k, uint64_t key,
    uint64_t *nkey)
{
	const struct text_token *t;
	const char	*w;
	char		 buf[16];
	size_t		 n;
	int		 v, step, c;

	if (k >= r->sc->ntok)
		return 0;
	t = &r->sc->tok[k];
	w = r->s + t->start;
	n = t->end - t->start;
	if (n < 3 || n > 4 || t->has_alpha || strspn(w, "0123456789") != n ||
	    is_taken(r, t->start, t->end) ||
	    (k + 1 < r->sc->ntok && lw_tok(r, k + 1, units)) ||
	    gz_lookup(r->gz, gz_combine(key, r->sc->th[k])) != NULL)
		return 0;
	v = atoi(w);
	for (step = 1; step <= 2; step++)
		for (c = v - step; c <= v + step; c += 2 * step) {
			if (snprintf(buf, sizeof buf, "%d", c) != (int)n)
				continue;
			*nkey = gz_combine(key, gz_token_hash(buf, n));
			if (gz_lookup(r->gz, *nkey) != NULL)
				return 1;
		}
	return 0;
}

/*
 * A name the catalog lacks, said as the start of a known one and a
 * model word: a product entity of no product (matches 0) over all of
 * it, with the phrase of the part known, whose members are the nearest
 * names.  Later words that the known part's names have go with it
 * ("galaxy s25 ultra").
 */
static void
unknown_emit(struct run *r, size_t i, size_t n, uint64_t key,
    const char *brand)
{
	struct scratch	*sc = r->sc;
	struct entity	*e;
	size_t		 k = i + n + 1, a = sc->tok[i].start, b;

	while (k < sc->ntok && k < i + n + 3 && key != 0 &&
	    !is_taken(r, sc->tok[k].start, sc->tok[k].end) &&
	    !sc->tok[k].has_digit && gz_member_has(r->gz, key, r->s +
	    sc->tok[k].start, sc->tok[k].end - sc->tok[k].start))
		k++;
	b = sc->tok[k - 1].end;
	e = entity_emit(r, ENTITY_PRODUCT, EXTRACTOR_GAZETTEER, a, b);
	e->phrase = key;
	e->matches = 0;
	e->brand = brand;
	entity_set_value_n(r, e, r->s + a, b - a);
}

/*
 * Word i alone, letters then a number, that names no product while the
 * same letters with a number one or two away do ("xm6" against "xm5",
 * "s25" against "s24"): a model of that line the catalog lacks.  Not
 * after "with", "for", "on" or "my", where it is the customer's device
 * ("a case for my ps4").  The entry of the nearest model into *g and its
 * key into *key; 1 when so.
 */
static int
near_model(const struct run *r, size_t i, const struct gz_entry **g,
    uint64_t *key)
{
	static const char *const device[] = { "with", "for", "on", "my",
	    "our", "to", NULL };
	const struct text_token *t = &r->sc->tok[i];
	const struct gz_entry *e;
	const char	*w = r->s + t->start;
	char		 buf[16];
	size_t		 n = t->end - t->start, a, d;
	int		 v, step, c;

	if (n > 8 || is_taken(r, t->start, t->end) || (i > 0 &&
	    lw_tok(r, i - 1, device)))
		return 0;
	for (a = 0; a < n && w[a] >= 'a' && w[a] <= 'z'; a++)
		;
	d = n - a;
	if (a < 2 || d < 1 || d > 2 || strspn(w + a, "0123456789") != d)
		return 0;
	v = atoi(w + a);
	for (step = 1; step <= 2; step++)
		for (c = v - step; c <= v + step; c += 2 * step) {
			if (c < 0 || snprintf(buf, sizeof buf, "%.*s%d",
			    (int)a, w, c) >= (int)sizeof buf)
				continue;
			*key = gz_combine(0, gz_token_hash(buf, strlen(buf)));
			e = gz_lookup(r->gz, *key);
			if (e != NULL && (e->kind == GZ_PRODUCT ||
			    e->kind == GZ_FAMILY)) {
				*g = e;
				return 1;
			}
		}
	return 0;
}

static void
gazetteer_emit(struct run *r, size_t i, size_t n, const struct gz_entry *g,
    uint64_t key)
{
	const struct gazetteer *gz = r->gz;
	struct scratch	*sc = r->sc;
	struct entity	*e;
	size_t		 a = sc->tok[i].start, b = sc->tok[i + n - 1].end, k;
	uint64_t	 nkey;
	uint32_t	 one = 0;
	int		 dist = 0, u;

	for (k = i; k < i + n; k++)
		dist += sc->tdist[k];
	switch (g->kind) {
	case GZ_PRODUCT:
	case GZ_FAMILY:
		if (g->count == 1)
			one = g->target + 1;
		else
			one = variant_member(r, i, n, key);
		if (one == 0 || g->count == 1) {
			if (dist == 0 && (model_next(r, i + n, 0,
			    sc->tok[i + n - 1].has_digit) ||
			    tier_next(r, i + n)) &&
			    !gz_member_has(gz, key, r->s + sc->tok[i + n].start,
			    sc->tok[i + n].end - sc->tok[i + n].start)) {
				unknown_emit(r, i, n, key, g->aux != 0 ?
				    gz_brand(gz, g->aux - 1) : NULL);
				return;
			}
		}
		e = entity_emit(r, ENTITY_PRODUCT, EXTRACTOR_GAZETTEER, a, b);
		e->phrase = key;
		if (one != 0) {
			e->product_id = gz_product_id(gz, one - 1);
			e->sku = gz_product_sku(gz, one - 1);
			e->name = gz_product_name(gz, one - 1);
			e->brand = gz_product_brand(gz, one - 1);
			e->matches = 1;
			entity_set_value(r, e, "%s", e->name);
		} else {
			/*
			 * Several products share the words: a family.  No
			 * product is guessed; the engine lists or asks.
			 */
			e->matches = (int)g->count;
			e->brand = g->aux != 0 ? gz_brand(gz, g->aux - 1) :
			    NULL;
			entity_set_value_n(r, e, r->s + a, b - a);
			e->name = NULL;
		}
		break;
	case GZ_BRAND:
		if (dist == 0 && model_next(r, i + n, 1, 0)) {
			unknown_emit(r, i, n, 0, gz_brand(gz, g->target));
			return;
		}
		if (dist == 0 && brand_number_near(r, i + n, key, &nkey)) {
			unknown_emit(r, i, n, nkey, gz_brand(gz, g->target));
			return;
		}
		/* "eero max 7": a tier no name of the brand goes on with,
		 * then a model number. */
		if (dist == 0 && tier_next(r, i + n) &&
		    model_next(r, i + n + 1, 0, 0) &&
		    gz_lookup(gz, gz_combine(key, sc->th[i + n])) == NULL) {
			unknown_emit(r, i, n + 1, 0, gz_brand(gz, g->target));
			return;
		}
		e = entity_emit(r, ENTITY_BRAND, EXTRACTOR_GAZETTEER, a, b);
		e->brand = gz_brand(gz, g->target);
		entity_set_value(r, e, "%s", e->brand);
		break;
	case GZ_CATEGORY:
		/* "gaming laptop": a use word before the category. */
		if (g->aux == 0 && i > 0 && (u = use_word(r, i - 1)) >= 0 &&
		    !is_taken(r, sc->tok[i - 1].start, sc->tok[i - 1].end)) {
			a = sc->tok[i - 1].start;
			e = entity_emit(r, ENTITY_CATEGORY, EXTRACTOR_GAZETTEER, a, b);
			e->use = vocab_uses[u];
		} else if ((e = entity_emit(r, ENTITY_CATEGORY, EXTRACTOR_GAZETTEER,
		    a, b)) != NULL && (g->aux & GZ_AUX_SUB) != 0)
			e->subcategory = gz_subcategory(gz, g->aux);
		else
			e->use = g->aux != 0 ? vocab_uses[g->aux - 1] : NULL;
		e->category = gz_category(gz, g->target);
		entity_set_value(r, e, "%s", e->category);
		/* "laptop for gaming": the use, without a second entity. */
		if (e->use == NULL && i + n + 1 < sc->ntok &&
		    token_is(r, i + n, "for") &&
		    (u = use_word(r, i + n + 1)) >= 0) {
			e->use = vocab_uses[u];
			memset(sc->taken + sc->tok[i + n + 1].start, 1,
			    sc->tok[i + n + 1].end - sc->tok[i + n + 1].start);
		}
		break;
	case GZ_ATTRIBUTE:
		e = entity_emit(r, ENTITY_ATTRIBUTE, EXTRACTOR_GAZETTEER, a, b);
		e->attribute = gz_attribute(gz, g->target);
		entity_set_value(r, e, "%s", e->attribute);
		break;
	default:
		return;
	}
	if (dist > 0) {
		e->extractor = EXTRACTOR_FUZZY;
		e->distance = dist;
	}
}

/* The single word at token i names what (GZ_NONE: nothing). */
static int
token_kind(const struct run *r, size_t i)
{
	const struct gz_entry *g;

	if (i >= r->sc->ntok)
		return GZ_NONE;
	g = gz_lookup(r->gz, gz_combine(0, r->sc->th[i]));
	return g != NULL ? g->kind : GZ_NONE;
}

static int
catalog_kind(int kind)
{
	return kind == GZ_PRODUCT || kind == GZ_FAMILY || kind == GZ_BRAND;
}

/*
 * Token i is an ordinary English word that is also a brand or a line
 * (vocab_ambiguous), found alone: does the message use it as a name?
 * Yes when it has a capital inside a sentence ("is the Apple store
 * open"), a category word follows ("apple laptops"), it is compared with
 * another name ("pixel or galaxy"), or, with owner set and said as it
 * is (not a plural), after "my", "from" or "by" ("my switch"; "flip the
 * switch" is no console).  "nothing works", "dead pixels" and "apple
 * pie" are no names.
 */
static int
named(const struct run *r, size_t i, int owner)
{
	static const char *const links[] = { "or", "vs", "versus", "v", NULL };
	static const char *const before[] = { "my", "from", "by", NULL };
	const struct scratch *sc = r->sc;
	const struct text_token *t = &sc->tok[i];
	size_t	 k, o = sc->f.map[t->start];
	int	 initial = 1, j;

	for (k = t->start; k > 0; k--) {
		char	 c = r->s[k - 1];

		if (c == '.' || c == '!' || c == '?')
			break;
		if (c != ' ' && c != '\t' && c != '"' && c != '\'' &&
		    c != '(') {
			initial = 0;
			break;
		}
	}
	if (!initial && r->orig[o] >= 'A' && r->orig[o] <= 'Z')
		return 1;
	if (token_kind(r, i + 1) == GZ_CATEGORY)
		return 1;
	for (j = 0; links[j] != NULL; j++) {
		if (token_is(r, i + 1, links[j]) &&
		    catalog_kind(token_kind(r, i + 2)))
			return 1;
		if (i >= 2 && token_is(r, i - 1, links[j]) &&
		    catalog_kind(token_kind(r, i - 2)))
			return 1;
	}
	if (!owner || i == 0 || sc->th[i] != gz_token_hash(r->s + t->start,
	    t->end - t->start))
		return 0;
	return lw_tok(r, i - 1, before);
}

/*
 * Word k, unknown and uncorrected, as the catalog word one edit away
 * (common words too: the words before it make a phrase that wants one,
 * "galaxy s24 ulta", "wd blak"); 0 for none.
 */
static uint64_t
phrase_fix(const struct run *r, size_t k)
{
	const struct text_token *t = &r->sc->tok[k];

	if (r->sc->tdist[k] != 0 || t->has_digit ||
	    gz_token_flags(r->gz, r->sc->th[k]) != 0)
		return 0;
	return gz_fuzzy(r->gz, r->s + t->start, t->end - t->start, 1);
}

/*
 * The longest phrase of the gazetteer from word i: its entry (NULL for
 * none) and words (*nw).  A typo the phrase asks to fix is fixed in the
 * scratch words, and a shop's alias goes on as its target.
 */
static const struct gz_entry *
longest(struct run *r, size_t i, size_t *nw, uint64_t *key)
{
	struct scratch	*sc = r->sc;
	const struct gz_entry *g, *gt, *best = NULL;
	size_t		 n;
	uint64_t	 h = 0, hp, c;

	*nw = 0;
	for (n = 1; n <= GZ_MAXN && i + n <= sc->ntok; n++) {
		const struct text_token *t = &sc->tok[i + n - 1];

		if (is_taken(r, t->start, t->end))
			break;
		hp = h;
		h = gz_combine(hp, sc->th[i + n - 1]);
		if ((g = gz_lookup(r->gz, h)) == NULL && n > 1 &&
		    (c = phrase_fix(r, i + n - 1)) != 0 &&
		    (g = gz_lookup(r->gz, gz_combine(hp, c))) != NULL) {
			h = gz_combine(hp, c);
			sc->th[i + n - 1] = c;
			sc->tdist[i + n - 1] = 1;
		}
		if (g == NULL)
			break;
		if ((c = gz_alias(r->gz, h)) != h &&
		    (gt = gz_lookup(r->gz, c)) != NULL) {
			h = c;
			g = gt;
		}
		if (g->kind != GZ_NONE) {
			best = g;
			*nw = n;
			*key = h;
		}
		if (!g->more)
			break;
	}
	return best;
}

/*
 * How many tokens after the product entity e (its last word at token
 * i) go on with e's own name, word for word: "Starter Kit (3 A19 bulbs
 * + Bridge)" said whole, where the gazetteer stopped at "Kit".  Those
 * words belong to e, never to another product whose name holds them
 * ("A19": the single bulb).
 */
static size_t
name_tail(const struct run *r, const struct entity *e, size_t i, int *other)
{
	const struct scratch *sc = r->sc;
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *nt = NULL;
	size_t		 cap = 0, nn, p, m = 0;
	uint64_t	 last;

	if (e->type != ENTITY_PRODUCT || e->name == NULL)
		return 0;
	text_fold(e->name, strlen(e->name), &f);
	nn = text_tokenize(f.s.buf, f.s.len, &nt, &cap);
	last = gz_token_hash(r->s + sc->tok[i].start, sc->tok[i].end -
	    sc->tok[i].start);
	/* The first place of the name holding the last word said. */
	for (p = 0; p < nn; p++)
		if (gz_token_hash(f.s.buf + nt[p].start, nt[p].end -
		    nt[p].start) == last)
			break;
	while (p < nn && p + 1 + m < nn && i + 1 + m < sc->ntok &&
	    !is_taken(r, sc->tok[i + 1 + m].start, sc->tok[i + 1 + m].end) &&
	    gz_token_hash(f.s.buf + nt[p + 1 + m].start, nt[p + 1 + m].end -
	    nt[p + 1 + m].start) == gz_token_hash(r->s +
	    sc->tok[i + 1 + m].start, sc->tok[i + 1 + m].end -
	    sc->tok[i + 1 + m].start))
		m++;
	/*
	 * The name goes on with a model word ("... for Galaxy S24") and
	 * the word said there is another one ("... for galaxy s25"): a
	 * model said that this product is not.
	 */
	*other = m > 0 && p < nn && p + 1 + m < nn && i + 1 + m < sc->ntok &&
	    nt[p + 1 + m].has_digit && sc->tok[i + 1 + m].has_digit &&
	    model_next(r, i + 1 + m, 0, 1) &&
	    !digits_then(f.s.buf + nt[p + 1 + m].start, nt[p + 1 + m].end -
	    nt[p + 1 + m].start, units) &&
	    !digits_then(r->s + sc->tok[i + 1 + m].start,
	    sc->tok[i + 1 + m].end - sc->tok[i + 1 + m].start, units);
	free(nt);
	text_folded_release(&f);
	return m;
}

/*
 * The product e said whole up to its model word, and word k another
 * model ("spigen tough armor for galaxy s25 ultra" against "... S24
 * Ultra"): no product, a name the catalog lacks over both, with the
 * later words of e's line ("ultra").  Returns the last word taken.
 */
static size_t
name_other(struct run *r, struct entity *e, size_t k)
{
	struct scratch	*sc = r->sc;
	size_t		 a = e->start, last = k + 2;

	while (k + 1 < sc->ntok && k < last &&
	    !is_taken(r, sc->tok[k + 1].start, sc->tok[k + 1].end) &&
	    !sc->tok[k + 1].has_digit && gz_member_has(r->gz, e->phrase,
	    r->s + sc->tok[k + 1].start, sc->tok[k + 1].end -
	    sc->tok[k + 1].start))
		k++;
	e->end = sc->tok[k].end;
	memset(sc->taken + a, 1, e->end - a);
	e->product_id = 0;
	e->sku = NULL;
	e->name = NULL;
	e->matches = 0;
	entity_set_value_n(r, e, r->s + a, e->end - a);
	return k;
}

/*
 * A line of several products whose names go on "for <device>"
 * ("spigen ultra hybrid magfit" | "for iphone 16"), the device one the
 * catalog lacks: the line's model for that device is what was asked,
 * and none is sold; one name the catalog lacks over both, never a
 * member for another device in its place.
 */
static void
family_for_unknown(struct run *r)
{
	struct entity_list *o = r->out;
	const struct scratch *sc = r->sc;
	struct entity	*a, *b;
	size_t		 i, k, w;

	for (i = 0; i + 1 < o->n; i++) {
		a = &o->v[i];
		b = &o->v[i + 1];
		if (a->type != ENTITY_PRODUCT || a->matches < 2 ||
		    a->product_id != 0 || b->type != ENTITY_PRODUCT ||
		    b->matches != 0 || b->product_id != 0 || b->start < a->end)
			continue;
		/* Only "for" between, which the members' names have. */
		for (k = 0; k < sc->ntok && sc->tok[k].start < a->end; k++)
			;
		if (k + 1 >= sc->ntok || sc->tok[k + 1].start != b->start ||
		    !token_is(r, k, "for") || !gz_member_has(r->gz, a->phrase,
		    "for", 3))
			continue;
		/* The device's first word is in the members' names too. */
		w = sc->tok[k + 1].end - sc->tok[k + 1].start;
		if (sc->tok[k + 1].has_digit || !gz_member_has(r->gz,
		    a->phrase, r->s + sc->tok[k + 1].start, w))
			continue;
		a->end = b->end;
		a->matches = 0;
		a->name = NULL;
		entity_set_value_n(r, a, r->s + a->start, a->end - a->start);
		entity_drop(r, i + 1);
	}
}

void
entity_find_catalog(struct run *r)
{
	struct scratch	*sc = r->sc;
	const struct gz_entry *best;
	struct entity	*e;
	size_t		 i, bestn, k, m;
	uint64_t	 key = 0;
	int		 fl, other;

	if (r->gz == NULL)
		return;
	prepare_tokens(r);
	for (i = 0; i < sc->ntok; i++) {
		if ((best = longest(r, i, &bestn, &key)) == NULL) {
			if (near_model(r, i, &best, &key))
				unknown_emit(r, i, 0, key, best->aux != 0 ?
				    gz_brand(r->gz, best->aux - 1) : NULL);
			continue;
		}
		/* "do you price match": a policy, no attribute. */
		if (best->kind == GZ_STOP) {
			i += bestn - 1;
			continue;
		}
		fl = gz_token_flags(r->gz, sc->th[i]);
		/* "pixel 9": a model number after it makes it a name. */
		if (bestn == 1 && catalog_kind(best->kind) &&
		    (fl & GZ_TOK_AMBIG) && !named(r, i, 1) &&
		    !model_next(r, i + 1, best->kind == GZ_BRAND, 0))
			continue;
		/*
		 * Any other word of the language that only begins names
		 * names a product only as a name: "my office" is a room, not
		 * Microsoft Office, "it doesn't fit" no Beats Fit Pro.  A
		 * word that is a whole name without its brand ("Apple
		 * Pencil") stays the product: "which pencil" asks for it.
		 */
		if (bestn == 1 && best->kind == GZ_FAMILY &&
		    (fl & GZ_TOK_WORD) && !named(r, i, 0))
			continue;
		/* The same for the first word of a brand of several: "dust
		 * and rain" is weather, not Rain Design. */
		if (bestn == 1 && best->kind == GZ_BRAND &&
		    (fl & GZ_TOK_WORD) && !named(r, i, 0) &&
		    strchr(gz_brand(r->gz, best->target), ' ') != NULL)
			continue;
		/* "good for gaming": a use, not the gaming category. */
		if (best->kind == GZ_CATEGORY && bestn == 1 && i > 0 &&
		    token_is(r, i - 1, "for") && use_word(r, i) >= 0)
			continue;
		/* A lone corrected word must name a product or brand. */
		if (bestn == 1 && sc->tdist[i] > 0 && best->kind != GZ_PRODUCT &&
		    best->kind != GZ_BRAND && best->kind != GZ_FAMILY)
			continue;
		k = r->out->n;
		gazetteer_emit(r, i, bestn, best, key);
		i += bestn - 1;
		if (r->out->n == k + 1 && (m = name_tail(r, &r->out->v[k],
		    i, &other)) > 0) {
			e = &r->out->v[k];
			memset(sc->taken + e->end, 1, sc->tok[i + m].end -
			    e->end);
			e->end = sc->tok[i + m].end;
			i += m;
			if (other)
				i = name_other(r, e, i + 1);
		}
	}
	family_for_unknown(r);
}

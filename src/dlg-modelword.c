/*
 * dlg-modelword.c owns a product named by a bare model word in the
 * context of a family or brand: "the 8 and the 8a" after a list of
 * Pixels, "add the 8 pro", "what about the e14" with a ThinkPad in
 * focus, "the sony 50mm 1.8".  The gazetteer reads whole names and
 * family words; a model word alone ("8a", "e14", "13") it cannot place,
 * since the same digits name products of many families.  Here such a
 * word is placed among the products of the family or brand the message
 * names, else among the lines of the products the conversation holds,
 * and nowhere else: a "14" never becomes an iPhone 14 when no iPhone
 * is in view.  Each word placed becomes a product entity (extractor
 * "context") before any handler runs, so every action (compare, add to
 * cart, a question) takes the product named, not the one in focus.
 *
 * A word is placed only when one product, or the variants of one
 * line, fits it best: every digit word said must be in the name, every
 * other word said beside it too ("air 13" is no iPad Pro 13-inch), and
 * of those the name with the fewest words left unsaid wins (the "8" is
 * the Pixel 8, not the 8 Pro).  A number inside a model word counts
 * when it alone sets the name apart from a product discussed: "and the
 * 5s?" after the WH-1000XM4 is the WH-1000XM5.  Sizes alone ("the
 * 256gb one", "the 65 inch") stay with dlg-lines.c, which picks the
 * variant of the product meant.  The trace's "model_words" says what was placed and why.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

#define MW_CANDS	64	/* products a model word is placed among */

/* Words after which a name is said as the thing meant. */
static const char *const lead_words[] = { "the", "a", "an", "and", "or",
	"vs", "v", "versus", "between", "add", "than", "about", NULL };
/* Words after a name that say it is the thing meant ("the 8 one"). */
static const char *const tail_words[] = { "one", "then", "vs", "or",
	"model", "version", NULL };
/* Words that are in names but never a name said beside a number. */
static const char *const not_name[] = { "the", "and", "or", "vs", "one",
	"it", "is", "a", "an", "in", "of", "for", "with", "to", "on", "my",
	NULL };
/* Units that make a number a size or a capacity, not a model. */
static const char *const units[] = { "gb", "tb", "mm", "cm", "in", "inch",
	"hz", "w", "mah", "ft", "m", "pack", "k", NULL };

/* The candidates: products loaded, and whether the conversation has each. */
struct mw_cands {
	struct product	 v[MW_CANDS];
	int		 conv[MW_CANDS];
	size_t		 n;
	const char	*from;		/* which context they come from */
};

static int
in_list(const char *const *l, const char *w, size_t n)
{
	for (; *l != NULL; l++)
		if (strlen(*l) == n && strncmp(*l, w, n) == 0)
			return 1;
	return 0;
}

/* Is the folded token at w[0..n) an ordinal ("2nd") or a size ("256gb")? */
static int
not_model(const char *w, size_t n, const char *next, size_t nn)
{
	size_t	 d = strspn(w, "0123456789");

	if (d > n)
		d = n;
	if (d == 0)
		return 0;
	if (d < n && (in_list((const char *const[]){ "st", "nd", "rd", "th",
	    NULL }, w + d, n - d) || in_list(units, w + d, n - d)))
		return 1;
	return d == n && next != NULL && in_list(units, next, nn);
}

/*
 * Does the folded name have the digit word w: as a word of its own (4),
 * as a number with its unit ("256" of "256GB", 2) or inside a word with
 * no other digit beside it ("1" of "F1", 1)?  0 when not.
 */
static int
digit_fit(const char *name, const char *w, size_t n)
{
	const char	*p = name, *end = name + strlen(name);

	if (dlg_word_in(name, w, n))
		return 4;
	if (dlg_name_word(name, w, n))
		return 2;
	while (p < end && (p = memmem(p, (size_t)(end - p), w, n)) != NULL) {
		if ((p == name || !isdigit((unsigned char)p[-1])) &&
		    !isdigit((unsigned char)p[n]))
			return 1;
		p++;
	}
	return 0;
}

static void
cands_release(struct mw_cands *c)
{
	while (c->n > 0)
		product_release(&c->v[--c->n]);
}

static int
cands_has(const struct mw_cands *c, const char *sku)
{
	size_t	 i;

	for (i = 0; i < c->n; i++)
		if (strcmp(c->v[i].sku, sku) == 0)
			return 1;
	return 0;
}

/* Take the products v[0..n) as candidates (freeing those not kept). */
static void
cands_take(struct mw_cands *c, struct product *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		if (c->n < MW_CANDS && !cands_has(c, v[i].sku)) {
			c->conv[c->n] = 0;
			c->v[c->n++] = v[i];
		} else
			product_release(&v[i]);
	}
	free(v);
}

/*
 * The family or brand the message names: its products.  A family word
 * ("pixel") gives its members, a brand ("sony") the brand's products.
 */
static void
cands_said(struct tctx *t, struct mw_cands *c)
{
	const char	*m[MW_CANDS];
	const struct entity *en;
	struct product_filter f;
	struct product	*v = NULL, p;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 i, k, nm, n = 0;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && en->sku == NULL &&
		    !dlg_entity_unknown(en)) {
			nm = gazetteer_members(t->e->gz, en, m, MW_CANDS);
			for (k = 0; k < nm && c->n < MW_CANDS; k++) {
				memset(&p, 0, sizeof p);
				if (cands_has(c, m[k]) ||
				    !dlg_peek_product(t, m[k], &p))
					continue;
				c->conv[c->n] = 0;
				c->v[c->n++] = p;
			}
		} else if (en->type == ENTITY_BRAND && en->brand != NULL) {
			memset(&f, 0, sizeof f);
			f.max_price = f.min_price = -1;
			f.brand = en->brand;
			f.limit = MW_CANDS;
			dlg_retrieve_begin(t);
			if (catalog_products(t->st, &f, &v, &n, &err) != SD_OK)
				n = 0;
			dlg_retrieve_end(t);
			sd_error_clear(&err);
			cands_take(c, v, n);
			v = NULL;
		}
	}
	c->from = "family or brand said";
}

/* The lines of the products the conversation holds: their products. */
static void
cands_conversation(struct tctx *t, struct mw_cands *c)
{
	const char	*conv[CONV_MAX];
	struct product	 p, *v = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 nc, i, k, n = 0;
	char		*line;

	nc = dlg_conversation(t, conv, CONV_MAX);
	for (i = 0; i < nc; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_peek_product(t, conv[i], &p))
			continue;
		line = dlg_line_name(p.name);
		product_release(&p);
		dlg_retrieve_begin(t);
		if (catalog_products_named(t->st, line, MW_CANDS, &v, &n,
		    &err) != SD_OK)
			n = 0;
		dlg_retrieve_end(t);
		sd_error_clear(&err);
		free(line);
		cands_take(c, v, n);
		v = NULL;
	}
	for (i = 0; i < c->n; i++)
		for (k = 0; k < nc; k++)
			if (strcmp(c->v[i].sku, conv[k]) == 0)
				c->conv[i] = 1;
	c->from = "lines of the conversation";
}

/* Is folded token k a word of some candidate's name? */
static int
name_word_of_cands(const struct mw_cands *c, const char *w, size_t n)
{
	size_t	 i;

	if (n < 2 || in_list(not_name, w, n))
		return 0;
	for (i = 0; i < c->n; i++)
		if (dlg_name_word(c->v[i].name, w, n))
			return 1;
	return 0;
}

/* The base of a name: before its bracketed variant. */
size_t
dlg_name_base_len(const char *name)
{
	size_t	 n = strcspn(name, "(");

	while (n > 0 && name[n - 1] == ' ')
		n--;
	return n;
}

/*
 * Is the digit word w the generation number of a word of the folded
 * name ("5" of "xm5"), the name being that of a product of the
 * conversation with only that number changed (the Sony WH-1000XM4)?
 * "And the 5s?" after the XM4 is the line's other member, said by the
 * number that sets it apart; the WF-1000XM5 differs in more than that.
 */
static int
generation_fit(const struct mw_cands *c, const char *name, const char *w,
    size_t n)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	const char	*p = name, *end = name + dlg_name_base_len(name), *o;
	size_t		 k, pre, d, rest;
	int		 yes = 0;

	while (!yes && p < end &&
	    (p = memmem(p, (size_t)(end - p), w, n)) != NULL) {
		if (p == name || !isalpha((unsigned char)p[-1]) ||
		    isalnum((unsigned char)p[n])) {
			p++;
			continue;
		}
		pre = (size_t)(p - name);
		rest = (size_t)(end - p) - n;
		for (k = 0; !yes && k < c->n; k++) {
			if (!c->conv[k])
				continue;
			text_fold(c->v[k].name, strlen(c->v[k].name), &f);
			o = f.s.buf;
			d = strlen(o) > pre ? strspn(o + pre, "0123456789") : 0;
			yes = d > 0 && strncmp(o, name, pre) == 0 &&
			    (d != n || strncmp(o + pre, w, n) != 0) &&
			    dlg_name_base_len(o) == pre + d + rest &&
			    strncmp(o + pre + d, p + n, rest) == 0;
			text_folded_release(&f);
			f = (struct text_folded)TEXT_FOLDED_INIT;
		}
		p++;
	}
	return yes;
}

/*
 * Does a candidate's name hold the digit word w as it was said ("3s"
 * of the Meta Quest 3S)?  Then "the 3s" is that name, not the plural
 * of the 3.
 */
static int
cands_digit_word(const struct mw_cands *c, const char *w, size_t n)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	size_t		 k;
	int		 yes = 0;

	for (k = 0; !yes && k < c->n; k++) {
		text_fold(c->v[k].name, strlen(c->v[k].name), &f);
		yes = digit_fit(f.s.buf, w, n) > 0;
		text_folded_release(&f);
		f = (struct text_folded)TEXT_FOLDED_INIT;
	}
	return yes;
}

/* Has name the folded word w as a word of its own? */
static int
name_has(const char *name, const char *w)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	int		 yes;

	text_fold(name, strlen(name), &f);
	yes = dlg_word_in(f.s.buf, w, strlen(w));
	text_folded_release(&f);
	return yes;
}

/*
 * How well candidate p fits the words tok[a..b) of the folded text s:
 * -1 when a word said is not in its name; else digit_fit's score for
 * each digit word (3 for a generation number, generation_fit), 2 for
 * each other word, less 1 for each word of its name (not the brand)
 * left unsaid: said is the message without the other names it says
 * ("the 8 pro and the 8": "pro" is not the 8's).
 */
static int
fit(const struct mw_cands *c, const struct product *p, const char *s,
    const char *said, const struct text_token *tok, size_t a, size_t b)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *nt = NULL;
	size_t		 cap = 0, nn, i, len;
	int		 score = 0, d, whole = 0;
	const char	*w;

	text_fold(p->name, strlen(p->name), &f);
	for (i = a; i < b && score >= 0; i++) {
		w = s + tok[i].start;
		len = tok[i].end - tok[i].start;
		if (tok[i].has_digit) {
			/* "The 5s": the plural of the number said. */
			if ((d = digit_fit(f.s.buf, w, len)) == 0 && len > 1 &&
			    w[len - 1] == 's' && isdigit((unsigned char)
			    w[len - 2]) && !cands_digit_word(c, w, len))
				d = digit_fit(f.s.buf, w, --len);
			/* The number that alone sets it apart from a
			 * product discussed: above a number with its unit
			 * ("4" of "4K"), below a word of its own. */
			if (d == 1 && generation_fit(c, f.s.buf, w, len))
				d = 3;
			score = d > 0 ? score + d : -1;
			whole |= d >= 2;
		} else
			score = dlg_word_in(f.s.buf, w, len) ? score + 2 : -1;
	}
	/* Digits only inside its words ("1" of "F1.8") name nothing. */
	if (!whole)
		score = -1;
	nn = text_tokenize(f.s.buf, dlg_name_base_len(f.s.buf), &nt, &cap);
	for (i = 0; i < nn && score >= 0; i++) {
		w = f.s.buf + nt[i].start;
		len = nt[i].end - nt[i].start;
		if (nt[i].has_digit || len < 2 || (p->brand != NULL &&
		    strncasecmp(w, p->brand, len) == 0 &&
		    p->brand[len] == '\0'))
			continue;
		score -= !dlg_word_in(said, w, len);
	}
	free(nt);
	text_folded_release(&f);
	return score;
}

/*
 * The candidate the words tok[a..b) name: the best fitting one, a
 * variant of the line said in the conversation first; -1 when none
 * fits or two lines fit alike.
 */
static int
place(const struct mw_cands *c, const char *s, const char *said,
    const struct text_token *tok, size_t a, size_t b, cJSON *o)
{
	int		 best = -1, bs = -1, sc, tie = 0;
	size_t		 i, bl;

	for (i = 0; i < c->n; i++) {
		if ((sc = fit(c, &c->v[i], s, said, tok, a, b)) < 0)
			continue;
		cJSON_AddItemToArray(dlg_jarr(o, "candidates"),
		    cJSON_CreateString(c->v[i].sku));
		if (best < 0 || sc > bs) {
			best = (int)i;
			bs = sc;
			tie = 0;
			continue;
		}
		if (sc < bs)
			continue;
		bl = dlg_name_base_len(c->v[best].name);
		if (bl != dlg_name_base_len(c->v[i].name) ||
		    strncmp(c->v[best].name, c->v[i].name, bl) != 0)
			tie = 1;	/* another line fits alike */
		else if (c->conv[i] && !c->conv[best])
			best = (int)i;
	}
	return tie ? -1 : best;
}

/* Is the text between tokens i and i+1 of s a name's own ("8 pro",
 * "50mm 1.8", "x1-carbon"), not a break (", ", " and ")? */
static int
joined(const char *s, const struct text_token *tok, size_t i)
{
	size_t	 k;

	if (tok[i + 1].start - tok[i].end > 2)
		return 0;
	for (k = tok[i].end; k < tok[i + 1].start; k++)
		if (strchr(" .-/", s[k]) == NULL)
			return 0;
	return 1;
}

/* Is folded token i inside an entity of the message? */
static int
claimed(struct tctx *t, const struct text_token *tok, size_t i,
    int *brand_or_family)
{
	const struct entity *en;
	size_t		 a, b, k;

	if (t->fold.map == NULL)
		return 1;
	a = t->fold.map[tok[i].start];
	b = t->fold.map[tok[i].end];
	for (k = 0; k < t->e->el.n; k++) {
		en = &t->e->el.v[k];
		if (a < en->end && b > en->start) {
			if (brand_or_family != NULL)
				*brand_or_family = en->type == ENTITY_BRAND ||
				    (en->type == ENTITY_PRODUCT &&
				    en->sku == NULL);
			return 1;
		}
	}
	return 0;
}

/* Has the message a catalog name of one word with a digit ("a15")? */
static int
has_model_name(struct tctx *t)
{
	const struct entity *en;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && en->sku != NULL &&
		    memchr(t->text + en->start, ' ', en->end - en->start) ==
		    NULL && strpbrk(en->value, "0123456789") != NULL)
			return 1;
	}
	return 0;
}

/* Is [a, b) of the text inside an entity? */
static int
claimed_span(struct tctx *t, size_t a, size_t b)
{
	size_t	 k;

	for (k = 0; k < t->e->el.n; k++)
		if (a < t->e->el.v[k].end && b > t->e->el.v[k].start)
			return 1;
	return 0;
}

/* Is the name at tokens [a, b) said as the thing meant? */
static int
said_as_name(struct tctx *t, const char *s, const struct text_token *tok,
    size_t ntok, size_t a, size_t b)
{
	int	 bf = 0;

	size_t	 k;
	int	 word = 0;

	/* "#1 please" is a place in a list (dlg-pointer.c's). */
	if (tok[a].start > 0 && s[tok[a].start - 1] == '#')
		return 0;
	if (a > 0 && in_list(lead_words, s + tok[a - 1].start,
	    tok[a - 1].end - tok[a - 1].start))
		return 1;
	/* Opening the message, a model's word ("e14", "8 pro"), not a
	 * number alone ("2 please"). */
	for (k = a; k < b; k++)
		word |= tok[k].has_alpha;
	if (a == 0 && word)
		return 1;
	/* "the sony 50mm 1.8", "pixel 8 vs 8a": after the brand or family. */
	if (a > 0 && claimed(t, tok, a - 1, &bf) && bf)
		return 1;
	return b < ntok && in_list(tail_words, s + tok[b].start,
	    tok[b].end - tok[b].start);
}

/*
 * The words [*a, *b) around the model word at i: the digit words and
 * name words joined to it.  0 when the model word is a size or an
 * ordinal, or is not said as a name.
 */
static int
mention(struct tctx *t, const struct mw_cands *c, const char *s,
    const struct text_token *tok, size_t ntok, size_t i, size_t *a,
    size_t *b)
{
	size_t	 k, len;
	int	 model = 0;

	for (*a = i; *a > 0 && joined(s, tok, *a - 1) &&
	    !claimed(t, tok, *a - 1, NULL) && !tok[*a - 1].has_digit &&
	    name_word_of_cands(c, s + tok[*a - 1].start, tok[*a - 1].end -
	    tok[*a - 1].start); (*a)--)
		;
	for (*b = i + 1; *b < ntok && joined(s, tok, *b - 1) &&
	    !claimed(t, tok, *b, NULL) && (tok[*b].has_digit ||
	    name_word_of_cands(c, s + tok[*b].start, tok[*b].end -
	    tok[*b].start)); (*b)++)
		;
	for (k = *a; k < *b; k++) {
		if (!tok[k].has_digit)
			continue;
		len = tok[k].end - tok[k].start;
		model |= !not_model(s + tok[k].start, len, k + 1 < ntok ?
		    s + tok[k + 1].start : NULL, k + 1 < ntok ?
		    tok[k + 1].end - tok[k + 1].start : 0);
	}
	return model && said_as_name(t, s, tok, ntok, *a, *b);
}

/* Has the message a digit word outside every entity? */
static int
has_free_digits(struct tctx *t, const struct text_token *tok, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (tok[i].has_digit && !claimed(t, tok, i, NULL))
			return 1;
	return 0;
}

#define MW_SAID	8	/* names placed in one message at most */

/* The folded text with the other names' words blanked. */
static char *
said_text(const char *s, const struct text_token *tok, const size_t *ma,
    const size_t *mb, size_t nm, size_t self)
{
	char	*said = xstrdup(s);
	size_t	 k;

	for (k = 0; k < nm; k++)
		if (k != self)
			memset(said + tok[ma[k]].start, ' ', tok[mb[k] - 1].end -
			    tok[ma[k]].start);
	return said;
}

/* Is word i a percentage ("15%", "15 percent"), which names no model? */
static int
percent(const char *s, const struct text_token *tok, size_t n, size_t i)
{
	const char	*e = s + tok[i].end;

	while (*e == ' ')
		e++;
	return *e == '%' || (i + 1 < n && (strncmp(s + tok[i + 1].start,
	    "percent", 7) == 0 || strncmp(s + tok[i + 1].start, "pct", 3) ==
	    0));
}

/* Place the model words of the message among c; how many were placed. */
static size_t
place_all(struct tctx *t, struct mw_cands *c, struct text_token *tok,
    size_t ntok)
{
	const char	*s = t->fold.s.buf;
	const struct entity *en;
	size_t		 ma[MW_SAID], mb[MW_SAID], nm = 0, i, k, placed = 0;
	int		 pick;
	cJSON		*o;
	char		*said;

	for (i = 0; i < ntok && nm < MW_SAID; i++) {
		if (!tok[i].has_digit || claimed(t, tok, i, NULL) ||
		    percent(s, tok, ntok, i) ||
		    !mention(t, c, s, tok, ntok, i, &ma[nm], &mb[nm]))
			continue;
		i = mb[nm++] - 1;
	}
	for (k = 0; k < nm; k++) {
		o = cJSON_CreateObject();
		cJSON_AddItemToArray(dlg_jarr(t->trace, "model_words"), o);
		said = xstrndup(s + tok[ma[k]].start, tok[mb[k] - 1].end -
		    tok[ma[k]].start);
		dlg_jset_str(o, "said", said);
		free(said);
		dlg_jset_str(o, "among", c->from);
		cJSON_AddArrayToObject(o, "candidates");
		said = said_text(s, tok, ma, mb, nm, k);
		pick = place(c, s, said, tok, ma[k], mb[k], o);
		free(said);
		if (pick >= 0 && (en = entity_add_product(t->e->gz, &t->e->el,
		    t->fold.map[tok[ma[k]].start],
		    t->fold.map[tok[mb[k] - 1].end], c->v[pick].id)) != NULL) {
			dlg_jset_str(o, "picked", en->sku);
			placed++;
		}
	}
	return placed;
}

/*
 * "The a15" with a Galaxy A35 in focus: a catalog name of one word,
 * a model word alone, that the gazetteer gave to a product outside the
 * context (an ASUS TUF A15) while a product of the context has the
 * word.  Dropped, to be placed in the context; its product id in *id
 * and its span in *a, *b to restore it if that fails.  0 when none.
 */
static int
unplace_stray(struct tctx *t, const struct mw_cands *c, long long *id,
    size_t *a, size_t *b)
{
	const struct entity *en;
	struct text_folded w = TEXT_FOLDED_INIT;
	size_t		 i, k;
	int		 ours = 0, has = 0;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT || en->sku == NULL ||
		    en->extractor == EXTRACTOR_CONTEXT ||
		    memchr(t->text + en->start, ' ', en->end - en->start) !=
		    NULL || strpbrk(en->value, "0123456789") == NULL)
			continue;
		text_fold(t->text + en->start, en->end - en->start, &w);
		ours = has = 0;
		for (k = 0; k < c->n && !ours; k++) {
			ours = strcmp(c->v[k].sku, en->sku) == 0;
			has |= name_has(c->v[k].name, w.s.buf);
		}
		text_folded_release(&w);
		w = (struct text_folded)TEXT_FOLDED_INIT;
		if (ours || !has)
			continue;
		*id = en->product_id;
		*a = en->start;
		*b = en->end;
		entity_remove(&t->e->el, i);
		return 1;
	}
	return 0;
}

size_t
dlg_model_words(struct tctx *t)
{
	struct mw_cands	*c;
	struct text_token *tok = NULL;
	size_t		 cap = 0, ntok, placed = 0, a = 0, b = 0;
	const char	*s = t->fold.s.buf;
	long long	 id = 0;
	int		 stray = 0;

	if (s == NULL || t->e->gz == NULL || t->fold.map == NULL)
		return 0;
	ntok = text_tokenize(s, strlen(s), &tok, &cap);
	if (!has_free_digits(t, tok, ntok) && !has_model_name(t)) {
		free(tok);
		return 0;	/* the common case: nothing to place */
	}
	c = xcalloc(1, sizeof *c);
	/* The family or brand said rules; else the conversation's lines. */
	cands_said(t, c);
	if (c->n == 0 && dlg_conversation(t, (const char *[CONV_MAX]){ 0 },
	    CONV_MAX) > 0)
		cands_conversation(t, c);
	if (c->n > 0 && ((stray = unplace_stray(t, c, &id, &a, &b)) ||
	    has_free_digits(t, tok, ntok)))
		placed = place_all(t, c, tok, ntok);
	if (stray && (placed == 0 || !claimed_span(t, a, b)))
		entity_add_product(t->e->gz, &t->e->el, a, b, id);
	cands_release(c);
	free(c);
	free(tok);
	return placed;
}

/*
 * dlg-lineword.c owns one check on a product named by a short name: a
 * line word said apart from the name ("back to the ipad, the mini",
 * "the dualsense - the edge one").  The name alone is the base line's
 * (the iPad 10th generation); a free word of the message that exactly
 * one other line of the same brand and kind has in its name, and the
 * base line lacks, names that line: the customer said both, so the base
 * line would be an answer about another product.
 *
 * Only the catalog decides: the lines are the products of the chosen
 * one's brand and category whose names hold every word of the name
 * said; the word must be in one of them only.  A message weighing two
 * ("than", "or", "vs") or saying the customer's own names the other
 * line as a side or as context, so it is left alone; a line word in a
 * sentence that sets it aside ("the ultra is too pricey", "not the
 * mini") is not counted, one in another sentence still is.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/*
 * Words that make a second line in the message a side, not the one
 * meant: weighing two ("than", "or"), anywhere in the message.
 */
static const char *const weighing[] = { "than", "or", "vs", "versus",
	"compare", "compared", "comparing", "between", "instead", "other",
	"both", NULL };

/*
 * Words that set a line aside ("the ultra is too pricey", "not the
 * mini"): a line word in their sentence is ruled out, not meant.
 */
static const char *const aside[] = { "not", "no", "dont", "don",
	"doesnt", "doesn", "too", "without", "never", "rather", "except",
	"besides", NULL };

#define LW_WORD_MAX	32	/* longest word weighed */

/* Is the end of a sentence at c? */
static int
sentence_end(char c)
{
	return c == '.' || c == '?' || c == '!' || c == ';';
}

/*
 * Is a word of list in the sentence of token i (folded, whole words)?
 */
static int
sentence_has(struct tctx *t, const struct text_token *tok, size_t nt,
    size_t i, const char *const *list)
{
	size_t	 a = tok[i].start, b = tok[i].end, j, k, n;

	while (a > 0 && !sentence_end(t->text[a - 1]))
		a--;
	while (t->text[b] != '\0' && !sentence_end(t->text[b]))
		b++;
	for (j = 0; j < nt; j++) {
		if (tok[j].start < a || tok[j].end > b)
			continue;
		n = tok[j].end - tok[j].start;
		for (k = 0; list[k] != NULL; k++)
			if (strlen(list[k]) == n && strncasecmp(list[k],
			    t->text + tok[j].start, n) == 0)
				return 1;
	}
	return 0;
}

/* Does [a, b) overlap an entity of the turn? */
static int
in_entity(struct tctx *t, size_t a, size_t b)
{
	const struct entity *en;
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (a < en->end && en->start < b)
			return 1;
	}
	return 0;
}

/* Has name every word of the folded tokens of [a, b) of the text? */
static int
name_has_said(struct tctx *t, const char *name, const struct text_token *tok,
    size_t nt, size_t a, size_t b)
{
	char	 w[LW_WORD_MAX];
	size_t	 i, k, n;

	for (i = 0; i < nt; i++) {
		if (tok[i].start < a || tok[i].end > b)
			continue;
		n = tok[i].end - tok[i].start;
		if (n >= sizeof w)
			return 0;
		for (k = 0; k < n; k++)
			w[k] = (char)tolower((unsigned char)t->text[
			    tok[i].start + k]);
		if (!dlg_name_word(name, w, n))
			return 0;
	}
	return 1;
}

/* Are p and q of the same brand and category? */
static int
same_line_group(const struct product *p, const struct product *q)
{
	return p->brand != NULL && q->brand != NULL && p->category != NULL &&
	    q->category != NULL && strcmp(p->brand, q->brand) == 0 &&
	    strcmp(p->category, q->category) == 0;
}

/* The lines kept: the other products of p's line group said in full. */
struct lines {
	struct tctx	*t;
	const struct product *p;
	const struct text_token *tok;
	size_t		 nt, a, b;	/* the name said: bytes [a, b) */
	struct product	*v;
	size_t		 n;
};

static void
line_add(void *arg, const struct product *q)
{
	struct lines	*l = arg;
	struct product	*c;

	if (strcmp(q->sku, l->p->sku) == 0 || !same_line_group(l->p, q) ||
	    !name_has_said(l->t, q->name, l->tok, l->nt, l->a, l->b))
		return;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	c = &l->v[l->n++];
	memset(c, 0, sizeof *c);
	c->sku = xstrdup(q->sku);
	c->name = xstrdup(q->name);
	c->brand = xstrdup(q->brand);
	c->category = xstrdup(q->category);
}

/*
 * The word of the name said the index of names finds the lines by,
 * into w: the longest with a letter that is not the brand's (a name
 * has such a word as it is, where a number may carry a unit).  0: none
 * (all the lines are read), -1: a word has other than letters and
 * digits or is too long, so no name has it (dlg_name_word).
 */
static int
line_word(struct tctx *t, const struct product *p,
    const struct text_token *tok, size_t nt, size_t a, size_t b,
    char w[LW_WORD_MAX])
{
	char	 c, cur[LW_WORD_MAX];
	size_t	 i, k, n, best = 0;

	for (i = 0; i < nt; i++) {
		if (tok[i].start < a || tok[i].end > b)
			continue;
		n = tok[i].end - tok[i].start;
		if (n >= LW_WORD_MAX)
			return -1;
		for (k = 0; k < n; k++) {
			c = (char)tolower((unsigned char)t->text[
			    tok[i].start + k]);
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
				return -1;
			cur[k] = c;
		}
		cur[n] = '\0';
		if (n > best && tok[i].has_alpha && (p->brand == NULL ||
		    !dlg_name_word(p->brand, cur, n))) {
			memcpy(w, cur, n + 1);
			best = n;
		}
	}
	return best > 0;
}

/*
 * The line a free word names beside en's short name, its SKU (valid for
 * the turn), else NULL.  See the header.
 */
const char *
dlg_line_word_apart(struct tctx *t, const struct entity *en)
{
	struct lines	 l;
	struct product	*v, p;
	struct sd_error	 err = SD_ERROR_INIT;
	struct text_token *tok = NULL;
	const char	*pick = NULL, *hit, *one;
	char		 w[LW_WORD_MAX], word[LW_WORD_MAX];
	size_t		 cap = 0, nt, i, j, k, len, nline;
	int		 nhit = 0, has;
	cJSON		*r;

	if (en->sku == NULL || en->end <= en->start)
		return NULL;
	/* The customer's own line beside another ("my ipad, is the mini
	 * bigger") is context: left alone too. */
	if (dlg_has_any(t, weighing) || dlg_has_any(t, dlg_owned_words))
		return NULL;
	memset(&p, 0, sizeof p);
	if (!dlg_peek_product(t, en->sku, &p))
		return NULL;
	nt = text_tokenize(t->text, strlen(t->text), &tok, &cap);
	memset(&l, 0, sizeof l);
	l.t = t;
	l.p = &p;
	l.tok = tok;
	l.nt = nt;
	l.a = en->start;
	l.b = en->end;
	/*
	 * Keep the other lines: same brand and kind, the name said in full;
	 * the index of names finds those with a word said.
	 */
	has = line_word(t, &p, tok, nt, en->start, en->end, word);
	if (has >= 0 && p.brand != NULL && p.category != NULL) {
		dlg_retrieve_begin(t);
		if (catalog_walk_line(t->st, p.brand, p.category, has ? word :
		    NULL, 1000, line_add, &l, &err) != SD_OK) {
			for (i = 0; i < l.n; i++)
				product_release(&l.v[i]);
			l.n = 0;
		}
		dlg_retrieve_end(t);
		sd_error_clear(&err);
	}
	v = l.v;
	nline = l.n;
	for (i = 0, hit = NULL; i < nt && nline > 0; i++) {
		len = tok[i].end - tok[i].start;
		/* A word of letters, or letters and digits ("2tb", "40mm"). */
		if (len < 3 || len >= sizeof w || !tok[i].has_alpha ||
		    in_entity(t, tok[i].start, tok[i].end))
			continue;
		for (k = 0; k < len; k++)
			w[k] = (char)tolower((unsigned char)t->text[
			    tok[i].start + k]);
		if (dlg_name_word(p.name, w, len) ||
		    sentence_has(t, tok, nt, i, aside))
			continue;
		for (j = 0, one = NULL, k = 0; j < nline; j++)
			if (dlg_name_word(v[j].name, w, len)) {
				one = v[j].sku;
				k++;
			}
		if (k == 1 && (hit == NULL || strcmp(hit, one) != 0)) {
			hit = one;
			nhit++;
		}
	}
	if (nhit == 1) {
		r = dlg_ref_trace(t, "line-word-apart",
		    "a word said apart from a short name that one other "
		    "line of its brand and kind has: that line");
		dlg_ref_candidate(r, p.sku);
		dlg_ref_candidate(r, hit);
		pick = dlg_ref_pick(r, hit);
	}
	for (i = 0; i < nline; i++)
		product_release(&v[i]);
	free(v);
	free(tok);
	product_release(&p);
	return pick;
}

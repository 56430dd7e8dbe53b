/*
 * dlg-lines.c owns the lines of the catalog and their variants: which
 * variant of a line a capacity, size or model number said picks
 * (dlg_variant_of), as "the 256gb one" of a phone in focus.
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
 * The line of a product name, kind 0: before its bracketed variant, or
 * before its last word when that has a digit ("Samsung Galaxy S24
 * (128GB)", "Samsung 990 PRO NVMe SSD 1TB"); kind 1: before its first
 * word with a digit ("Epson EcoTank ET-4850 All-in-One").  Caller frees.
 */
static char *
line_of(const char *name, int kind)
{
	char	*line = xstrdup(name), *sp, *w;
	size_t	 cut = strcspn(line, "(");

	while (cut > 0 && line[cut - 1] == ' ')
		cut--;
	line[cut] = '\0';
	if (kind == 0) {
		if (strchr(name, '(') == NULL &&
		    (sp = strrchr(line, ' ')) != NULL &&
		    strpbrk(sp, "0123456789") != NULL)
			*sp = '\0';
		return line;
	}
	for (w = strchr(line, ' '); w != NULL; w = strchr(w + 1, ' '))
		if (strcspn(w + 1, "0123456789") < strcspn(w + 1, " ")) {
			*w = '\0';
			break;
		}
	return line;
}

/* The line a name belongs to, before its first word with a digit
 * ("Google Pixel" of "Google Pixel 8a (128GB)").  Caller frees. */
char *
dlg_line_name(const char *name)
{
	return line_of(name, 1);
}

/*
 * Of the products of line, the one other than p whose name has every
 * word of vw and shares the most words with p's: its index, or -1.
 */
static int
sibling(struct tctx *t, const struct product *p, const struct product *v,
    size_t n, const struct text_token *vw, size_t nvw, cJSON *r)
{
	struct text_token *tok = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	size_t		 cap = 0, nt, i, k;
	int		 pick = -1, best = 0, shared;

	nt = text_tokenize(p->name, strlen(p->name), &tok, &cap);
	for (i = 0; i < n; i++) {
		dlg_ref_candidate(r, v[i].sku);
		for (k = 0; k < nvw; k++)
			if (!dlg_name_word(v[i].name, s + vw[k].start,
			    vw[k].end - vw[k].start))
				break;
		if (k < nvw || strcmp(v[i].sku, p->sku) == 0)
			continue;
		for (k = 0, shared = 0; k < nt; k++)
			shared += dlg_name_word(v[i].name, p->name +
			    tok[k].start, tok[k].end - tok[k].start);
		/* A tie goes to the name nearest in length. */
		shared = shared * 1000 - abs((int)strlen(v[i].name) -
		    (int)strlen(p->name));
		if (pick < 0 || shared > best) {
			pick = (int)i;
			best = shared;
		}
	}
	free(tok);
	return pick;
}

/*
 * "The 256 then", "the 65 inch one", "the 2800": a capacity, size or
 * model number said that the product meant does not have, but another
 * model of its line does (line_of, the narrower line first).  Replaces
 * *p and returns 1, or leaves it.
 */
int
dlg_variant_of(struct tctx *t, struct product *p)
{
	struct text_token *vw;
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	*v = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	char		*line;
	size_t		 nvw, n = 0, i, k;
	int		 pick = -1, kind;
	cJSON		*r;

	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0)
		return 0;	/* the digits may be another product's */
	vw = dlg_variant_words(t, &nvw);
	for (k = 0; k < nvw; k++)
		if (!dlg_name_word(p->name, s + vw[k].start, vw[k].end -
		    vw[k].start))
			break;
	if (k == nvw) {		/* nothing said that it lacks */
		free(vw);
		return 0;
	}
	r = dlg_ref_trace(t, "variant-meant",
	    "variant of the product meant");
	for (kind = 0; kind < 2 && pick < 0; kind++) {
		for (i = 0; i < n; i++)
			product_release(&v[i]);
		free(v);
		v = NULL;
		line = line_of(p->name, kind);
		dlg_retrieve_begin(t);
		if (catalog_products_named(t->st, line, 20, &v, &n, &err) !=
		    SD_OK)
			n = 0;
		dlg_retrieve_end(t);
		sd_error_clear(&err);
		free(line);
		pick = sibling(t, p, v, n, vw, nvw, r);
	}
	if (pick >= 0) {
		product_release(p);
		*p = v[pick];
		memset(&v[pick], 0, sizeof v[pick]);
		dlg_ref_pick(r, p->sku);
		dlg_retrieved_add(t, "product", p->sku, p->name, 1.0, NULL);
	}
	for (i = 0; i < n; i++)
		if ((int)i != pick)
			product_release(&v[i]);
	free(v);
	free(vw);
	return pick >= 0;
}

/* Words that ask for the plain model of a line, not a variant of it. */
static const char *const base_words[] = { "normal", "regular", "standard",
	"basic", "base", "plain", "ordinary", "vanilla", NULL };

/* Units that make a number a size or a capacity, not a model. */
static const char *const size_units[] = { "mm", "cm", "inch", "in", "gb",
	"tb", "w", "mah", "hz", "ft", "m", "pack", "port", "ports", NULL };

#define LINE_WORDS	16	/* words of a line kept; names have fewer */

/* The words of a product's line, lower case, each once. */
struct line {
	char	*w[LINE_WORDS];
	size_t	 n;
};

int
dlg_base_said(struct tctx *t)
{
	return dlg_has_any(t, base_words);
}

static int
is_unit(const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; size_units[i] != NULL; i++)
		if (strlen(size_units[i]) == n &&
		    strncasecmp(w, size_units[i], n) == 0)
			return 1;
	return 0;
}

/* Is w[0..n) a word of the brand ("Kestrel" of "Kestrel Electronics")? */
static int
brand_word(const char *brand, const char *w, size_t n)
{
	const char	*b = brand;

	while (b != NULL && *b != '\0') {
		if (strncasecmp(b, w, n) == 0 && (b[n] == '\0' || b[n] == ' '))
			return 1;
		b = strchr(b, ' ');
		b = b != NULL ? b + 1 : NULL;
	}
	return 0;
}

/*
 * A size said with its number ("40mm", "1TB", '27"', "11-inch"): the
 * same line in another size, not another model.
 */
static int
size_token(const char *name, const struct text_token *tk,
    const struct text_token *next)
{
	const char	*w = name + tk->start;
	size_t		 n = tk->end - tk->start, d = strspn(w, "0123456789.");

	if (is_unit(w, n))
		return 1;
	if (d == 0)
		return 0;
	if (d < n)
		return is_unit(w + d, n - d);
	if (name[tk->end] == '"')
		return 1;
	return next != NULL && next->start <= tk->end + 1 &&
	    is_unit(name + next->start, next->end - next->start);
}

/*
 * The line's words of p: its name before the bracketed variant, not
 * the brand nor sizes.  "+" after a word is a word of its own: the
 * Galaxy S24+ is not the S24.
 */
static void
line_words(const struct product *p, struct line *l)
{
	struct text_token *tok = NULL;
	const char	*name = p->name != NULL ? p->name : "";
	size_t		 cap = 0, nt, i, k, len;
	char		*w;

	l->n = 0;
	nt = text_tokenize(name, strcspn(name, "("), &tok, &cap);
	for (i = 0; i < nt && l->n < LINE_WORDS; i++) {
		len = tok[i].end - tok[i].start;
		if (brand_word(p->brand, name + tok[i].start, len) ||
		    size_token(name, &tok[i], i + 1 < nt ? &tok[i + 1] : NULL))
			continue;
		w = xstrndup(name + tok[i].start, len + (name[tok[i].end] ==
		    '+'));
		for (k = 0; w[k] != '\0'; k++)
			w[k] = (char)tolower((unsigned char)w[k]);
		for (k = 0; k < l->n && strcmp(l->w[k], w) != 0; k++)
			;
		if (k < l->n)
			free(w);
		else
			l->w[l->n++] = w;
	}
	free(tok);
}

static void
line_release(struct line *l)
{
	while (l->n > 0)
		free(l->w[--l->n]);
}

/* Whether every word of a is a word of b. */
static int
line_words_in(const struct line *a, const struct line *b)
{
	size_t	 i, k;

	for (i = 0; i < a->n; i++) {
		for (k = 0; k < b->n && strcmp(a->w[i], b->w[k]) != 0; k++)
			;
		if (k == b->n)
			return 0;
	}
	return 1;
}

/* Are all of a's words b's, and b has more? */
static int
line_inside(const struct line *a, const struct line *b)
{
	return a->n > 0 && a->n < b->n && line_words_in(a, b);
}

/*
 * The base lines of skus[0..n): the products whose line's words another
 * of the same kind has and adds to ("Xbox Wireless Controller" beside
 * "Xbox Elite Wireless Controller Series 2", "HomePod" beside "HomePod
 * mini"), themselves adding to none.  Their SKUs go to out (n
 * entries); returns how many.  Read from the catalog's names: no list
 * of variant words.
 */
size_t
dlg_base_lines(struct tctx *t, const char *const *skus, size_t n,
    const char **out)
{
	struct product	*p = xcalloc(n + 1, sizeof *p);
	struct line	*l = xcalloc(n + 1, sizeof *l);
	int		*ok = xcalloc(n + 1, sizeof *ok);
	size_t		 i, j, nb = 0;
	int		 above, below;

	for (i = 0; i < n; i++)
		if ((ok[i] = dlg_peek_product(t, skus[i], &p[i])) != 0)
			line_words(&p[i], &l[i]);
	for (i = 0; i < n; i++) {
		above = below = 0;
		for (j = 0; ok[i] && j < n; j++) {
			if (!ok[j] || j == i || p[i].category == NULL ||
			    p[j].category == NULL || strcmp(p[i].category,
			    p[j].category) != 0)
				continue;
			above |= line_inside(&l[i], &l[j]);
			below |= line_inside(&l[j], &l[i]);
		}
		if (above && !below)
			out[nb++] = skus[i];
	}
	for (i = 0; i < n; i++) {
		line_release(&l[i]);
		if (ok[i])
			product_release(&p[i]);
	}
	free(p);
	free(l);
	free(ok);
	return nb;
}

/*
 * A base word said right before a product's name ("the standard
 * dualsense"): the plain model of that line, not the store's standard
 * shipping.
 */
int
dlg_base_named(struct tctx *t)
{
	const struct entity *en;
	size_t		 i, k, a, b;

	for (k = 0; base_words[k] != NULL; k++) {
		if (!dlg_word_at(t, base_words[k], &a, &b))
			continue;
		while (t->text[b] == ' ')
			b++;
		for (i = 0; i < t->e->el.n; i++) {
			en = &t->e->el.v[i];
			if (en->type == ENTITY_PRODUCT && en->start == b)
				return 1;
		}
	}
	return 0;
}

/* Are all of l's words in the folded message? */
static int
line_said(struct tctx *t, const struct line *l)
{
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	size_t		 i;

	for (i = 0; i < l->n; i++)
		if (!dlg_word_in(s, l->w[i], strlen(l->w[i])))
			return 0;
	return l->n > 0;
}

/* Do a and b have the same words? */
static int
line_same(const struct line *a, const struct line *b)
{
	return a->n == b->n && line_words_in(a, b);
}

/*
 * "How much is a ps5", "tell me about the xbox": a family said with no
 * word that picks one of its lines (PS5 Slim or Pro, Series S or X)
 * and none of them the plain line of the others.  The members of the
 * kind of the best one (not what is made "for" it) go to out (max,
 * valid while the gazetteer is); how many: 0 when the words pick a
 * line, a line is the base of all the others, the family has one line
 * or another kind is said.
 */
size_t
dlg_family_lines(struct tctx *t, const struct entity *en, const char **out,
    size_t max)
{
	const char	*m[REF_CANDS], *conv[CONV_MAX];
	struct product	 best, p[REF_CANDS];
	struct line	 l[REF_CANDS];
	size_t		 nm, nc, i, j, k = 0, nout = 0, lines = 0;
	size_t		 at[REF_CANDS], inside, other;
	int		 said = 0, base = 0, same;
	const struct entity *ce = dlg_first_entity(t, ENTITY_CATEGORY);

	if (en->type != ENTITY_PRODUCT || en->sku != NULL ||
	    dlg_entity_unknown(en) ||
	    (nm = gazetteer_members(t->e->gz, en, m, REF_CANDS)) < 2)
		return 0;
	/* Said of what the conversation holds: dlg_family_tie asks which. */
	nc = dlg_conversation(t, conv, CONV_MAX);
	for (i = 0; i < nm; i++)
		for (j = 0; j < nc; j++)
			if (strcmp(m[i], conv[j]) == 0)
				return 0;
	/* One the customer has: dlg_family_best picks it. */
	if (dlg_owned_among(t, en, m, nm, conv) > 0)
		return 0;
	memset(&best, 0, sizeof best);
	if (!dlg_family_best(t, en, &best))
		return 0;
	/* "Which pixel phones": the family's own kind may be said; "an ssd
	 * for a ps5" names another kind, asked for. */
	if (ce != NULL && ce->category != NULL && (best.category == NULL ||
	    strcmp(ce->category, best.category) != 0) &&
	    (best.subcategory == NULL || strcmp(ce->category,
	    best.subcategory) != 0)) {
		product_release(&best);
		return 0;
	}
	for (i = 0; i < nm; i++) {
		memset(&p[k], 0, sizeof p[k]);
		if (!dlg_peek_product(t, m[i], &p[k]))
			continue;
		if (p[k].subcategory == NULL || best.subcategory == NULL ||
		    strcmp(p[k].subcategory, best.subcategory) != 0 ||
		    strstr(p[k].name, " for ") != NULL) {
			product_release(&p[k]);
			continue;
		}
		line_words(&p[k], &l[k]);
		said |= line_said(t, &l[k]);
		at[k++] = i;
	}
	product_release(&best);
	for (i = 0; i < k; i++) {
		for (j = 0, same = 0; j < i && !same; j++)
			same = line_same(&l[i], &l[j]);
		lines += !same;
		/* The plain model of them all ("Xbox Wireless Controller"
		 * beside the Elite), not of one (the Pixel 8 beside the 8
		 * Pro, while the 7a and 8a are lines of their own). */
		for (j = 0, inside = 0, other = 0; j < k; j++) {
			if (j == i || line_same(&l[i], &l[j]))
				continue;
			other++;
			inside += line_inside(&l[i], &l[j]);
		}
		base |= other > 0 && inside == other;
	}
	/* "Which ipad air do you have": its sizes too, all listed. */
	if (!base && ((!said && lines >= 2) || (k >= 2 &&
	    dlg_store_has_said(t))))
		for (i = 0; i < k && nout < max; i++)
			out[nout++] = m[at[i]];
	for (i = 0; i < k; i++) {
		line_release(&l[i]);
		product_release(&p[i]);
	}
	return nout;
}

/* Words that rank a family's members by size or by price. */
#define RANK_SIZE	0
#define RANK_PRICE	1
static const struct {
	const char	*w;		/* the word said */
	const char	*before;	/* the word before it, or NULL */
	int		 by;		/* RANK_SIZE or RANK_PRICE */
	int		 dir;		/* +1 the most, -1 the least */
} rank_words[] = {
	{ "bigger", NULL, RANK_SIZE, 1 }, { "biggest", NULL, RANK_SIZE, 1 },
	{ "larger", NULL, RANK_SIZE, 1 }, { "largest", NULL, RANK_SIZE, 1 },
	{ "smaller", NULL, RANK_SIZE, -1 },
	{ "smallest", NULL, RANK_SIZE, -1 },
	{ "pricier", NULL, RANK_PRICE, 1 }, { "priciest", NULL, RANK_PRICE, 1 },
	{ "dearer", NULL, RANK_PRICE, 1 },
	{ "expensive", "more", RANK_PRICE, 1 },
	{ "expensive", "most", RANK_PRICE, 1 },
	{ "expensive", "less", RANK_PRICE, -1 },
	{ "cheaper", NULL, RANK_PRICE, -1 }, { "cheapest", NULL, RANK_PRICE, -1 },
};

/*
 * The size a name gives ('11-inch', '65"', "2TB", "40mm", "$25"), in
 * its unit (TB as 1000 GB); -1 when it gives none.
 */
static double
name_size(const char *name)
{
	const char	*s;
	char		*end;
	double		 v;

	for (s = name; *s != '\0'; s++) {
		if (*s == '$' && isdigit((unsigned char)s[1]))
			return strtod(s + 1, NULL);
		if (!isdigit((unsigned char)*s) || (s > name &&
		    (isalnum((unsigned char)s[-1]) || s[-1] == '.')))
			continue;
		v = strtod(s, &end);
		if (*end == '"' || strncasecmp(end, "-inch", 5) == 0 ||
		    strncasecmp(end, " inch", 5) == 0 ||
		    strncasecmp(end, "gb", 2) == 0 ||
		    strncasecmp(end, "mm", 2) == 0)
			return v;
		if (strncasecmp(end, "tb", 2) == 0)
			return v * 1000;
	}
	return -1;
}

/*
 * "The bigger ipad pro", "the more expensive ecotank": of skus[0..n),
 * the one with the most (or least) size its name gives, or price, when
 * such a word is said and one has it alone.  Its index, else -1; the
 * trace's "reference" told.
 */
int
dlg_ranked_member(struct tctx *t, const char *const *skus, size_t n)
{
	struct product	 p;
	struct line	 l;
	double		 v, best = 0;
	size_t		 i, k, a, b, have = 0, nsaid = 0;
	int		 pick = -1, tie = 0, by = -1, dir = 0, *said;
	const char	*s = t->text;
	cJSON		*r;

	for (k = 0; k < sizeof rank_words / sizeof rank_words[0] && by < 0;
	    k++) {
		if (!dlg_word_at(t, rank_words[k].w, &a, &b))
			continue;
		if (rank_words[k].before != NULL) {
			while (a > 0 && s[a - 1] == ' ')
				a--;
			i = strlen(rank_words[k].before);
			if (a < i || strncasecmp(s + a - i,
			    rank_words[k].before, i) != 0)
				continue;
		}
		by = rank_words[k].by;
		dir = rank_words[k].dir;
	}
	if (by < 0 || n < 2)
		return -1;
	/* "The bigger galaxy s24": of the lines said in full (not the
	 * S24+), when one is. */
	said = xcalloc(n, sizeof *said);
	for (i = 0; i < n; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_peek_product(t, skus[i], &p))
			continue;
		line_words(&p, &l);
		said[i] = line_said(t, &l);
		nsaid += said[i];
		line_release(&l);
		product_release(&p);
	}
	for (i = 0; i < n; i++) {
		memset(&p, 0, sizeof p);
		if ((nsaid > 0 && !said[i]) ||
		    !dlg_peek_product(t, skus[i], &p))
			continue;
		/* What is made "for" the line is not a member to rank. */
		v = strstr(p.name, " for ") != NULL ? -1 : by == RANK_SIZE ?
		    name_size(p.name) : p.price;
		product_release(&p);
		if (v < 0)
			continue;
		have++;
		if (pick < 0 || v * dir > best * dir) {
			pick = (int)i;
			best = v;
			tie = 0;
		} else if (v == best)
			tie = 1;
	}
	free(said);
	if (have < 2 || tie)
		return -1;
	r = dlg_ref_trace(t, by == RANK_SIZE ? "family-by-size" : "family-by-price",
	    by == RANK_SIZE ? "family ranked by the size "
	    "its names give" : "family ranked by price");
	for (i = 0; i < n; i++)
		dlg_ref_candidate(r, skus[i]);
	dlg_ref_pick(r, skus[pick]);
	return pick;
}

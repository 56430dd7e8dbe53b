/*
 * dlg-names.c owns which catalog product a name means: a family's
 * members weighed by what the customer said (dlg_family_best), two
 * of them alike asked about (dlg_family_tie), two names said as a
 * pair, and one word of a name said beside another kind
 * (dlg_word_of_kind: "the elite controller").  The variant a capacity picks is dlg-lines.c's; a name the
 * catalog lacks, dlg-unknown.c's.
 *
 * Candidates are scored by what was said, not by what ranks first: a
 * capacity or size that one name has ("2tb", "65"), the category asked
 * about, words shared with the product in focus, the words of a name
 * left unsaid ("Pro", "Earbuds"), and last the rating.  dlg-refs.c
 * decides when a name is a reference and records the trace.
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
 * Does name have the word w (folded)?  A number alone also matches it
 * with a unit ("256" is "256GB", "65" is '65"').
 */
int
dlg_name_word(const char *name, const char *w, size_t n)
{
	const char *p = name, *q;
	size_t	 k, digits;

	for (digits = 0; digits < n && w[digits] >= '0' && w[digits] <= '9';
	    digits++)
		;
	while (*p != '\0') {
		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		for (q = p; isalnum((unsigned char)*q); q++)
			;
		if (q == p)
			break;
		for (k = 0; k < n && p + k < q &&
		    tolower((unsigned char)p[k]) == w[k]; k++)
			;
		if (k == n && (p + k == q || (digits == n &&
		    !isdigit((unsigned char)p[k]))))
			return 1;
		p = q;
	}
	return 0;
}

/*
 * Does the text range [a, b) overlap an entity that is no name (a price,
 * date, quantity or order number)?
 */
static int
in_other_entity(struct tctx *t, size_t a, size_t b)
{
	const struct entity *en;
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT || en->type == ENTITY_BRAND)
			continue;
		if (a < en->end && b > en->start)
			return 1;
	}
	return 0;
}

/*
 * The words with a digit the customer said ("2tb", "256", "65"), not
 * those of a price, date, quantity or order number: *n words of the
 * folded text at tok (caller frees).
 */
struct text_token *
dlg_variant_words(struct tctx *t, size_t *n)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, i, k = 0;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";

	*n = text_tokenize(s, strlen(s), &tok, &cap);
	for (i = 0; i < *n; i++) {
		if (!tok[i].has_digit || tok[i].end - tok[i].start < 2 ||
		    (t->fold.map != NULL && in_other_entity(t,
		    t->fold.map[tok[i].start], t->fold.map[tok[i].end])))
			continue;
		tok[k++] = tok[i];
	}
	*n = k;
	return tok;
}

/*
 * Words of a product name (folded) the message does not have, not
 * counting the brand or words with digits (sizes, capacities): each is
 * a step away from what the customer named ("Pro", "Earbuds").
 */
static int
extra_words(const char *name, const char *said, const char *brand)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len;
	int		 extra = 0;

	n = text_tokenize(name, strlen(name), &tok, &cap);
	for (i = 0; i < n; i++) {
		len = tok[i].end - tok[i].start;
		if (tok[i].has_digit || len < 2)
			continue;
		if (brand != NULL && strncasecmp(name + tok[i].start, brand,
		    len) == 0 && brand[len] == '\0')
			continue;
		if (!dlg_word_in(said, name + tok[i].start, len))
			extra++;
	}
	free(tok);
	return extra;
}

/*
 * Words of a product name (folded) the message has, besides the brand
 * and numbers: "PS5 Slim digital" says "digital" of the Digital Edition
 * and nothing of the Disc one, whatever the family's name covered.
 */
static int
said_words(const char *name, const char *said, const char *brand)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len;
	int		 k = 0;

	n = text_tokenize(name, strlen(name), &tok, &cap);
	for (i = 0; i < n; i++) {
		len = tok[i].end - tok[i].start;
		if (tok[i].has_digit || len < 3 || (brand != NULL &&
		    strncasecmp(name + tok[i].start, brand, len) == 0 &&
		    brand[len] == '\0'))
			continue;
		k += dlg_word_in(said, name + tok[i].start, len);
	}
	free(tok);
	return k;
}

/*
 * Words of near's name, not its brand nor sizes and numbers (another
 * variant's), that name has: "Spigen Ultra Hybrid MagFit for iPhone 15"
 * shares "iphone" with the iPhone 15 in focus.
 */
static int
shared_words(const char *name, const struct product *near)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len;
	int		 k = 0;
	const char	*w;

	text_fold(near->name, strlen(near->name), &f);
	n = text_tokenize(f.s.buf, f.s.len, &tok, &cap);
	for (i = 0; i < n; i++) {
		w = f.s.buf + tok[i].start;
		len = tok[i].end - tok[i].start;
		if (len < 2 || tok[i].has_digit || (near->brand != NULL &&
		    strncasecmp(w, near->brand, len) == 0 &&
		    near->brand[len] == '\0'))
			continue;
		k += dlg_name_word(name, w, len);
	}
	free(tok);
	text_folded_release(&f);
	return k;
}

/*
 * How well p fits what the customer said: a capacity or size said that
 * its name has (+10 each, the screen size of the filters too), the
 * category asked about (+3), each word it shares with the product near
 * the conversation is about, if any (+2), each name
 * word left unsaid (-5), and its rating weighted by reviews (a Bayesian
 * average, as recommendations use) to break ties.
 */
static double
fit_score(struct tctx *t, const struct product *p, const struct text_token *vw,
    size_t nvw, int conv, const struct product *near)
{
	struct text_folded name = TEXT_FOLDED_INIT;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char	*cat = dlg_jstr(dlg_jobj(t->state, "filters"),
	    "category");
	const struct entity *ce = dlg_first_entity(t, ENTITY_CATEGORY);
	const char	*size;
	double		 score;
	size_t		 i;

	/* In the conversation the order shown breaks ties (best_of). */
	score = conv ? 0 : (p->rating * (double)p->review_count + 4.0 * 50) /
	    ((double)p->review_count + 50);
	for (i = 0; i < nvw; i++)
		if (dlg_name_word(p->name, s + vw[i].start, vw[i].end -
		    vw[i].start))
			score += 10;
	if ((size = dlg_jstr(dlg_jobj(t->state, "filters"), "size")) != NULL &&
	    dlg_name_word(p->name, size, strlen(size)))
		score += 10;
	if (ce != NULL && ce->category != NULL)
		cat = ce->category;
	if (cat != NULL && ((p->category != NULL && strcmp(p->category,
	    cat) == 0) || (p->subcategory != NULL &&
	    strcmp(p->subcategory, cat) == 0)))
		score += 3;
	if (near != NULL)
		score += 2 * shared_words(p->name, near);
	text_fold(p->name, strlen(p->name), &name);
	score += 3 * said_words(name.s.buf, s, p->brand);
	if (!conv)
		score -= 5 * extra_words(name.s.buf, s, p->brand);
	text_folded_release(&name);
	return score;
}

/*
 * The best fitting of skus[0..n) into *p (1), trace r told of each;
 * 0 when none loads.  With conv set they are the conversation's, in the
 * order shown: the customer shortens a name just seen ("the thinkpad"),
 * so unsaid words do not count, and of two that fit alike the one shown
 * first (the bot's own ranking) wins, not the better rated.
 */
int
dlg_best_of(struct tctx *t, cJSON *r, const char *const *skus, size_t n,
    struct product *p, int conv, const struct product *near)
{
	struct text_token *vw;
	struct product	 c;
	const char	**base = NULL;
	double		 s, best = 0;
	size_t		 i, nvw, nb = 0;
	int		 found = 0;

	/*
	 * "The normal xbox controller": of a line and its variants (the
	 * Elite adds words to its name), the plain one.
	 */
	if (n > 1 && dlg_base_said(t)) {
		base = xcalloc(n, sizeof *base);
		if ((nb = dlg_base_lines(t, skus, n, base)) > 0) {
			for (i = 0; i < n; i++)
				dlg_ref_candidate(r, skus[i]);
			dlg_ref_rule(r, "family-base-line",
			    "the base line: the other "
			    "lines add words to its name");
			skus = base;
			n = nb;
		}
	}
	vw = dlg_variant_words(t, &nvw);
	for (i = 0; i < n; i++) {
		if (base == NULL || nb == 0)
			dlg_ref_candidate(r, skus[i]);
		memset(&c, 0, sizeof c);
		if (!dlg_load_product(t, skus[i], &c))
			continue;
		s = fit_score(t, &c, vw, nvw, conv, near) -
		    (conv ? 0.01 * i : 0);
		if (!found || s > best) {
			if (found)
				product_release(p);
			*p = c;
			best = s;
			found = 1;
		} else
			product_release(&c);
	}
	free(vw);
	if (found)
		dlg_ref_pick(r, p->sku);
	free(base);
	return found;
}

/*
 * A family's members the conversation holds, in its order: "the
 * thinkpad" after a list with one ThinkPad is that one.
 */
static size_t
members_in_conversation(struct tctx *t, const char **m, size_t nm,
    const char **out)
{
	const char	*conv[CONV_MAX];
	size_t		 nc, i, j, k = 0;

	nc = dlg_conversation(t, conv, CONV_MAX);
	for (i = 0; i < nc; i++)
		for (j = 0; j < nm; j++)
			if (strcmp(conv[i], m[j]) == 0) {
				out[k++] = conv[i];
				break;
			}
	return k;
}

/* Does p's name or brand have every word of the text q? */
static int
has_all_words(const struct product *p, const char *q)
{
	char	 w[32];
	size_t	 i = 0, a, n, k;

	for (;;) {
		while (q[i] != '\0' && !isalnum((unsigned char)q[i]))
			i++;
		for (a = i; isalnum((unsigned char)q[i]); i++)
			;
		if ((n = i - a) == 0)
			return 1;
		if (n >= sizeof w)
			return 0;
		for (k = 0; k < n; k++)
			w[k] = (char)tolower((unsigned char)q[a + k]);
		if (!dlg_name_word(p->name, w, n) && (p->brand == NULL ||
		    !dlg_name_word(p->brand, w, n)))
			return 0;
	}
}

/*
 * Of the n products the words q said fit, those the conversation holds
 * whose names have every word come first: the items of the bot's last
 * reply, else the others discussed, else all n (the catalog).  Their
 * SKUs in skus; how many.  The level that kept them is the rule of r.
 */
static size_t
conv_first(struct tctx *t, const struct product *c, size_t n,
    const char *q, const char **skus, cJSON *r)
{
	const char	*conv[CONV_MAX];
	size_t		 nc, i, j, k = 0;

	for (i = 0; i < n; i++)
		if (dlg_in_last_reply(t, c[i].sku) && has_all_words(&c[i], q))
			skus[k++] = c[i].sku;
	if (k > 0) {
		dlg_ref_rule(r, "family-words-last-reply", "family words: "
		    "the items of the last reply that have them");
		return k;
	}
	nc = dlg_conversation(t, conv, CONV_MAX);
	for (i = 0; i < n; i++)
		for (j = 0; j < nc; j++)
			if (strcmp(c[i].sku, conv[j]) == 0 &&
			    has_all_words(&c[i], q)) {
				skus[k++] = c[i].sku;
				break;
			}
	if (k > 0) {
		dlg_ref_rule(r, "family-words-conversation", "family words: "
		    "the products discussed that have them");
		return k;
	}
	for (i = 0; i < n; i++)
		skus[i] = c[i].sku;
	return n;
}

/*
 * A family without its members (a brand or category passed by a
 * comparison, a shop alias): the products whose names hold the words
 * said, else a search, best fitting first.
 */
static int
family_by_words(struct tctx *t, const struct entity *en, struct product *p,
    cJSON *r)
{
	struct search_result res;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 q = SBUF_INIT;
	struct product	*cands = NULL;
	const char	**skus;
	size_t		 i, k, n = 0;
	int		 found;

	sbuf_add(&q, t->text + en->start, en->end - en->start);
	dlg_retrieve_begin(t);
	if (catalog_products_named(t->st, q.buf, 20, &cands, &n, &err) !=
	    SD_OK || n == 0) {
		sd_error_clear(&err);
		dlg_kb_search(t, q.buf, SEARCH_KIND_BIT(SEARCH_PRODUCT), 10,
		    &res);
		for (i = 0; i < res.n; i++) {
			cands = xrealloc(cands, (n + 1) * sizeof *cands);
			memset(&cands[n], 0, sizeof cands[n]);
			if (catalog_product_by_sku(t->st, res.hits[i].id,
			    &cands[n], NULL) == SD_OK)
				n++;
		}
		search_result_free(&res);
	}
	dlg_retrieve_end(t);
	skus = xcalloc(n + 1, sizeof *skus);
	k = conv_first(t, cands, n, q.buf, skus, r);
	found = dlg_best_of(t, r, skus, k, p, 0, NULL);
	for (i = 0; i < n; i++)
		product_release(&cands[i]);
	free(cands);
	free(skus);
	sbuf_release(&q);
	return found;
}

/*
 * "The Sony QX-9000": a brand said with a model number right after it
 * that none of the brand's products has in its name or model, so the
 * customer names a product the store lacks (not a size: "samsung 65
 * inch", "wd 2tb").  1 with the span of brand and model in *a, *b.
 */
int
dlg_brand_model_unknown(struct tctx *t, const struct entity *br, size_t *a,
    size_t *b)
{
	static const char *const units[] = { "inch", "in", "tb", "gb",
	    "mm", "hz", "w", "k", "mp", "pack", "pk", "tab", NULL };
	struct product_filter f;
	struct product	*v = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*s = t->text, *m;
	char		*model;
	size_t		 e, n = 0, i, k, len;
	int		 digit = 0, alpha = 0, known = 0;

	if (br == NULL || br->value == NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0)
		return 0;
	for (e = br->end; s[e] == ' '; e++)
		;
	for (m = s + e; isalnum((unsigned char)s[e]) || s[e] == '-'; e++) {
		digit |= isdigit((unsigned char)s[e]) != 0;
		alpha |= isalpha((unsigned char)s[e]) != 0;
	}
	len = (size_t)(s + e - m);
	if (!digit || len < 2)
		return 0;
	/* A number and a unit is a size or a capacity, not a model. */
	for (k = 0; units[k] != NULL; k++) {
		i = strspn(m, "0123456789.");
		if ((i == len && strncasecmp(s + e + strspn(s + e, " "),
		    units[k], strlen(units[k])) == 0 && !isalnum((unsigned char)
		    s[e + strspn(s + e, " ") + strlen(units[k])])) ||
		    (i + strlen(units[k]) == len && strncasecmp(m + i,
		    units[k], strlen(units[k])) == 0))
			return 0;
	}
	if (!alpha && strspn(m, "0123456789") == len && len >= 4)
		return 0;	/* "the samsung 2024": a year, or an order */
	memset(&f, 0, sizeof f);
	f.brand = br->value;
	f.max_price = f.min_price = -1;
	f.limit = 1000;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, &f, &v, &n, &err) != SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	model = xstrndup(m, len);
	for (i = 0; i < len; i++)
		model[i] = (char)tolower((unsigned char)model[i]);
	for (i = 0; i < n; i++) {
		known |= dlg_name_word(v[i].name, model, len) ||
		    (v[i].model != NULL && dlg_name_word(v[i].model, model,
		    len)) || strcasestr(v[i].name, model) != NULL;
		product_release(&v[i]);
	}
	free(v);
	free(model);
	if (n == 0 || known)
		return 0;
	*a = br->start;
	*b = e;
	return 1;
}

/* A product named that the catalog lacks ("iphone 16"). */
int
dlg_entity_unknown(const struct entity *en)
{
	return en->type == ENTITY_PRODUCT && en->product_id == 0 &&
	    en->matches == 0;
}

/*
 * "The kestrel gift card $25", "the $50 xbox card": an amount said
 * against the name that one member has as its own ("Gift Card $25"):
 * that member's index, else -1.
 */
static int
amount_member(struct tctx *t, const struct entity *fam, const char **m,
    size_t nm)
{
	const struct entity *en;
	struct product	 p;
	const char	*s = t->text, *at;
	size_t		 i, k, a, d;
	int		 hit = -1, nhit = 0;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		/* Right after the name or right before it. */
		if (en->type != ENTITY_PRICE || ((en->start < fam->end ||
		    en->start > fam->end + 1) && (en->end > fam->start ||
		    en->end + 1 < fam->start)))
			continue;
		a = en->start + strcspn(s + en->start, "0123456789");
		if (a >= en->end)
			continue;
		d = strspn(s + a, "0123456789");
		for (k = 0; k < nm; k++) {
			memset(&p, 0, sizeof p);
			if (!dlg_peek_product(t, m[k], &p))
				continue;
			for (at = p.name; (at = strchr(at, '$')) != NULL; at++)
				if (strncmp(at + 1, s + a, d) == 0 &&
				    !isdigit((unsigned char)at[1 + d])) {
					hit = (int)k;
					nhit++;
					break;
				}
			product_release(&p);
		}
		return nhit == 1 ? hit : -1;
	}
	return -1;
}

/*
 * The entity of type ty that ends right before byte at (spaces and
 * hyphens between), or NULL.
 */
static const struct entity *
entity_just_before(struct tctx *t, size_t at, enum entity_type ty)
{
	const struct entity *en;
	size_t		 i, e;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ty || en->end > at)
			continue;
		for (e = en->end; e < at && (t->text[e] == ' ' ||
		    t->text[e] == '-'); e++)
			;
		if (e == at)
			return en;
	}
	return NULL;
}

/*
 * The brand said as part of the family's name, right before its words,
 * a number maybe between ("the belkin 3 in 1", "the anker 8 in 1"):
 * the brand entity, the number's entity in *num (else NULL).
 */
static const struct entity *
brand_qualifier(struct tctx *t, const struct entity *fam,
    const struct entity **num)
{
	const struct entity *br;

	*num = entity_just_before(t, fam->start, ENTITY_QUANTITY);
	br = entity_just_before(t, *num != NULL ? (*num)->start : fam->start,
	    ENTITY_BRAND);
	if (br == NULL || br->value == NULL)
		*num = NULL;
	return br != NULL && br->value != NULL ? br : NULL;
}

/*
 * Of the family's members m[0..nm), those of a brand said (into out):
 * the brand said right before the family's words, and the number said
 * between them ("3 in 1" is no "2-in-1"), else any brand said apart
 * from them.  Returns how many; -1 when no brand is said, or when one
 * said apart fits none or all (no evidence either way).  0 when the
 * brand said right before the words (with its number) fits none: the
 * customer names a product the catalog lacks.
 */
static int
members_of_brand_said(struct tctx *t, const struct entity *fam,
    const char **m, size_t nm, const char **out)
{
	const struct entity *br, *q, *num;
	struct product	 p;
	size_t		 i, j, k = 0;
	int		 hit;

	br = brand_qualifier(t, fam, &num);
	for (j = 0; j < nm; j++) {
		memset(&p, 0, sizeof p);
		if (!dlg_peek_product(t, m[j], &p))
			continue;
		hit = 0;
		for (i = 0; i < t->e->el.n && !hit; i++) {
			q = &t->e->el.v[i];
			if (q->type != ENTITY_BRAND || q->value == NULL ||
			    (br != NULL && q != br) ||
			    (q->start < fam->end && q->end > fam->start))
				continue;
			hit = p.brand != NULL &&
			    strcasecmp(p.brand, q->value) == 0;
		}
		if (hit && num != NULL)
			hit = dlg_name_word(p.name, t->text + num->start,
			    num->end - num->start);
		if (hit)
			out[k++] = m[j];
		product_release(&p);
	}
	if (br != NULL)
		return (int)k;
	return k > 0 && k < nm ? (int)k : -1;
}

const struct entity *
dlg_family_brand_lacking(struct tctx *t, const struct entity *en)
{
	const char	*m[REF_CANDS], *out[REF_CANDS];
	const struct entity *br, *num;
	size_t		 nm;

	if (en->type != ENTITY_PRODUCT || en->sku != NULL ||
	    dlg_entity_unknown(en) || (br = brand_qualifier(t, en,
	    &num)) == NULL ||
	    (nm = gazetteer_members(t->e->gz, en, m, REF_CANDS)) == 0 ||
	    members_of_brand_said(t, en, m, nm, out) != 0)
		return NULL;
	return br;
}

int
dlg_family_best(struct tctx *t, const struct entity *en, struct product *p)
{
	const char	*m[REF_CANDS], *conv[REF_CANDS], *mb[REF_CANDS];
	size_t		 nm, nc, i;
	int		 k, nb;
	cJSON		*r;

	if (dlg_entity_unknown(en))
		return 0;	/* never a neighbour in its place */
	nm = gazetteer_members(t->e->gz, en, m, REF_CANDS);
	if (nm == 0) {
		r = dlg_ref_trace(t, "family-words",
		    "family words");
		return family_by_words(t, en, p, r);
	}
	/* "The anker 8 in 1": no member is an Anker with an 8 in its
	 * name, so none is what was named (dlg-unknown.c says so). */
	if ((nb = members_of_brand_said(t, en, m, nm, mb)) == 0) {
		r = dlg_ref_trace(t, "family-brand-lacking",
		    "family in catalog: none of the brand said before it");
		for (i = 0; i < nm; i++)
			dlg_ref_candidate(r, m[i]);
		return 0;
	}
	if (nb > 0) {
		memcpy(m, mb, (size_t)nb * sizeof *m);
		nm = (size_t)nb;
	}
	/* Said before in the conversation: that one, or the best of them;
	 * "the bigger ipad pro": the one its size or price puts first. */
	if ((nc = members_in_conversation(t, m, nm, conv)) > 0) {
		if ((k = dlg_ranked_member(t, conv, nc)) >= 0)
			return dlg_load_product(t, conv[k], p);
		r = dlg_ref_trace(t, "family-in-conversation",
		    "family in conversation");
		return dlg_best_of(t, r, conv, nc, p, 1, NULL);
	}
	if ((k = dlg_ranked_member(t, m, nm)) >= 0)
		return dlg_load_product(t, m[k], p);
	if ((k = amount_member(t, en, m, nm)) >= 0) {
		r = dlg_ref_trace(t, "family-in-catalog-amount",
		    "family in catalog: the amount said is "
		    "one member's");
		return dlg_best_of(t, r, &m[k], 1, p, 0, NULL);
	}
	/* "The airpods" of a customer who has AirPods 4: theirs, unless
	 * they are shopping for one. */
	if ((nc = dlg_owned_among(t, en, m, nm, conv)) > 0) {
		r = dlg_ref_trace(t, "family-owned",
		    "family: the member the customer has");
		return dlg_best_of(t, r, conv, nc, p, 0, NULL);
	}
	if (nb > 0)
		r = dlg_ref_trace(t, "family-brand-said",
		    "family in catalog: its members of the brand said");
	else
		r = dlg_ref_trace(t, "family-in-catalog",
		    "family in catalog");
	return dlg_best_of(t, r, m, nm, p, 0, NULL);
}

/*
 * "The archer" when two Archers were just shown and nothing said tells
 * them apart: 1, their names in names ("the A or the B"), the trace
 * told.  0 when the family has one member in the conversation or the
 * words said fit one better.
 */
int
dlg_family_tie(struct tctx *t, const struct entity *en, struct sbuf *names)
{
	const char	*m[REF_CANDS], *conv[REF_CANDS];
	struct text_token *vw;
	struct product	 c[REF_CANDS];
	double		 s, best = -1e9;
	size_t		 nm, nc, i, nvw, k = 0, tie = 0;
	cJSON		*r;

	if (en->type != ENTITY_PRODUCT || en->sku != NULL ||
	    dlg_entity_unknown(en) ||
	    (nm = gazetteer_members(t->e->gz, en, m, REF_CANDS)) < 2 ||
	    (nc = members_in_conversation(t, m, nm, conv)) < 2)
		return 0;
	vw = dlg_variant_words(t, &nvw);
	for (i = 0; i < nc; i++) {
		memset(&c[k], 0, sizeof c[k]);
		if (!dlg_peek_product(t, conv[i], &c[k]))
			continue;
		s = fit_score(t, &c[k], vw, nvw, 1, NULL);
		if (s > best + 1e-9) {
			best = s;
			tie = 1;
		} else if (s > best - 1e-9)
			tie++;
		c[k].rating = s;	/* kept to name the tied below */
		k++;
	}
	free(vw);
	if (tie >= 2) {
		r = dlg_ref_trace(t, "family-in-conversation-ask",
		    "family in conversation: several fit "
		    "alike, asked which");
		for (i = 0, nc = 0; i < k; i++)
			if (c[i].rating > best - 1e-9) {
				dlg_ref_candidate(r, c[i].sku);
				sbuf_addf(names, "%s the %s", nc == 0 ? "" :
				    nc + 1 == tie ? " or" : ",", c[i].name);
				nc++;
			}
	}
	for (i = 0; i < k; i++)
		product_release(&c[i]);
	return tie >= 2;
}


/*
 * Two catalog products named as a pair ("S90D or C4", "xm5 vs qc
 * ultra"): whatever the classifier reads, the customer weighs them.
 */
int
dlg_named_pair(struct tctx *t)
{
	const struct entity *a, *b;
	size_t	 i, j;

	for (i = 0; i < t->e->el.n; i++) {
		a = &t->e->el.v[i];
		if (a->type != ENTITY_PRODUCT || a->pair == 0 ||
		    dlg_entity_unknown(a))
			continue;
		for (j = i + 1; j < t->e->el.n; j++) {
			b = &t->e->el.v[j];
			if (b->type == ENTITY_PRODUCT && b->pair == a->pair &&
			    !dlg_entity_unknown(b))
				return 1;
		}
	}
	return 0;
}

/*
 * "The elite controller": a product named by one word of its name
 * (the Jabra Elite 8 Active) beside a kind it is not of (a gaming
 * controller) means the product of that kind whose name has the word,
 * when one has.  Its SKU (valid for the turn), else NULL.
 */
const char *
dlg_word_of_kind(struct tctx *t, const struct entity *en)
{
	const struct entity *ce = dlg_first_entity(t, ENTITY_CATEGORY);
	struct product_filter f;
	struct product	*v = NULL, p;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*pick = NULL, *cat;
	char		*w;
	size_t		 n = 0, i;
	int		 nhit = 0, of;
	cJSON		*r;

	if (ce == NULL || (cat = ce->category) == NULL || en->sku == NULL ||
	    memchr(t->text + en->start, ' ', en->end - en->start) != NULL)
		return NULL;
	memset(&p, 0, sizeof p);
	if (!dlg_peek_product(t, en->sku, &p))
		return NULL;
	of = (p.category != NULL && strcmp(p.category, cat) == 0) ||
	    (p.subcategory != NULL && strcmp(p.subcategory, cat) == 0);
	product_release(&p);
	if (of)
		return NULL;
	memset(&f, 0, sizeof f);
	f.max_price = f.min_price = -1;
	f.limit = 1000;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, &f, &v, &n, &err) != SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	w = xstrndup(t->text + en->start, en->end - en->start);
	r = dlg_ref_trace(t, "name-word-of-kind",
	    "a word of a name beside a kind it is not of: "
	    "the product of that kind whose name has it");
	for (i = 0; i < n; i++) {
		if (((v[i].category != NULL && strcmp(v[i].category, cat) ==
		    0) || (v[i].subcategory != NULL &&
		    strcmp(v[i].subcategory, cat) == 0)) &&
		    dlg_name_word(v[i].name, w, strlen(w))) {
			dlg_ref_candidate(r, v[i].sku);
			if (nhit++ == 0)
				pick = dlg_ref_pick(r, v[i].sku);
		}
		product_release(&v[i]);
	}
	free(v);
	free(w);
	return nhit == 1 ? pick : NULL;
}

/* Does name share a word of near's name (not brand nor numbers)? */
int
dlg_shares_words(const char *name, const struct product *near)
{
	return shared_words(name, near) > 0;
}

/*
 * gazetteer-names.c derives the phrases that name a product from its
 * catalog name, for gazetteer.c to index: the name with and without its
 * brand, its leading parts as families, its model words, and the short
 * names shoppers make of it without the catalog saying so: initials of a
 * camel-case line ("ps5", "mbp"), the tail of a model number ("xm5"), a
 * line and number written apart ("hero 12"), the name without its line
 * ("buds fe"), a generation, a roman number or a model prefix dropped
 * ("ipad 10th gen", "emberton 2", "ecotank 2800"), the chip in its
 * parenthesis ("ipad pro m4"), a word written with "+" ("s24+") and the
 * line of a maker-and-line brand said without the maker ("hue kit").
 * Each is a rule over the name's words and their case, so a catalog the
 * shop edits gets the same short names without a list to keep.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "shopdesk.h"
#include "text.h"
#include "entity.h"
#include "entity-int.h"

/*
 * A model number: starts with a letter or has a digit after a letter
 * ("s24", "1000xm5"), so "128gb", "5th" and "4k" are not.
 */
static int
model_word(const char *w, size_t n)
{
	size_t	 i;

	if (w[0] >= 'a' && w[0] <= 'z')
		return 1;
	for (i = 1; i < n; i++)
		if (w[i] >= '0' && w[i] <= '9' && w[i - 1] >= 'a' &&
		    w[i - 1] <= 'z')
			return 1;
	return 0;
}

/* Words of a folded name before "(" or "for" (at least one). */
static size_t
core_words(const struct gz_field *f)
{
	const char *paren = memchr(f->s, '(', f->n > 0 ?
	    f->t[f->n - 1].end : 0);
	size_t	 k;

	for (k = 1; k < f->n; k++) {
		if (paren != NULL && f->s + f->t[k].start > paren)
			break;
		if (f->t[k].end - f->t[k].start == 3 &&
		    memcmp(f->s + f->t[k].start, "for", 3) == 0)
			break;
	}
	return f->n < k ? f->n : k;
}

/*
 * A screen size in a name ('55"', '13-inch', '13.8"'): a variant of the
 * model, which shoppers leave out ("LG C4", "MacBook Air").  Returns the
 * number of tokens it spans at k, 0 for none.
 */
size_t
gz_size_words(const struct gz_field *f, size_t k)
{
	const struct text_token *t = &f->t[k];
	size_t	 e = t->end, n = 1;

	if (t->has_alpha)
		return 0;
	if (k + 1 < f->n && f->s[e] == '.' && f->t[k + 1].start == e + 1 &&
	    !f->t[k + 1].has_alpha) {
		e = f->t[k + 1].end;
		n = 2;
	}
	if (f->s[e] == '"')
		return n;
	if (k + n < f->n && f->t[k + n].end - f->t[k + n].start == 4 &&
	    memcmp(f->s + f->t[k + n].start, "inch", 4) == 0 &&
	    f->t[k + n].start <= e + 1)
		return n + 1;
	return 0;
}

/*
 * The generation a name gives in words ("(2nd generation, USB-C)"), as
 * the number shoppers put after the model ("AirPods Pro 2"): the index
 * of the ordinal token, or 0.
 */
static size_t
generation_word(const struct gz_field *f, size_t from)
{
	size_t	 k, n;

	for (k = from; k + 1 < f->n; k++) {
		n = f->t[k + 1].end - f->t[k + 1].start;
		if (f->t[k].has_digit && f->t[k].has_alpha &&
		    ((n == 10 && memcmp(f->s + f->t[k + 1].start,
		    "generation", 10) == 0) || (n == 3 &&
		    memcmp(f->s + f->t[k + 1].start, "gen", 3) == 0)))
			return k;
	}
	return 0;
}

/* The product a name's derived phrases name, and its brand's words. */
struct naming {
	uint32_t	 idx;		/* product */
	uint32_t	 brand;		/* brand index + 1, 0 none */
	const uint64_t	*bth;		/* the brand's word hashes */
	size_t		 nb;		/* and their count (0: no brand) */
};

static void	 initial_path(struct gazetteer *, const struct naming *,
		    const struct gz_field *, size_t, size_t);
static void	 brand_line_path(struct gazetteer *, const struct gz_field *,
		    const struct gz_field *, size_t, size_t, size_t, uint32_t,
		    uint32_t);

/*
 * A phrase derived from a name, th[0..n), alone and after the brand's
 * words ("xm5" and "sony xm5").
 */
static void
derived_add(struct gazetteer *gz, const struct naming *nm, const uint64_t *th,
    size_t n, int kind, int family, int fam1)
{
	uint64_t bt[GZ_MAXN * 2];

	gz_path_add(gz, th, n, kind, nm->idx, nm->brand, family, fam1);
	if (nm->nb == 0 || nm->nb + n > GZ_MAXN * 2)
		return;
	memcpy(bt, nm->bth, nm->nb * sizeof *bt);
	memcpy(bt + nm->nb, th, n * sizeof *bt);
	gz_path_add(gz, bt, nm->nb + n, kind, nm->idx, nm->brand, family, 0);
}

/*
 * The initials of a word written in camel case, lower case ("PlayStation"
 * -> "ps", "MacBook" -> "mb", "QuietComfort" -> "qc"): its first letter
 * and each capital after a small letter.  0 unless the word has letters
 * only, both cases and two initials at least ("OLED", "Galaxy": none).
 */
static size_t
camel_initials(const char *w, size_t n, char *out, size_t cap)
{
	size_t	 i, k = 0;
	int	 lower = 0, upper = 0;

	for (i = 0; i < n; i++) {
		if (w[i] >= 'a' && w[i] <= 'z')
			lower = 1;
		else if (w[i] >= 'A' && w[i] <= 'Z')
			upper = 1;
		else
			return 0;
	}
	if (!lower || !upper || n < 4)
		return 0;
	for (i = 0; i < n && k < cap; i++)
		if (i == 0 || (w[i] >= 'A' && w[i] <= 'Z' &&
		    w[i - 1] >= 'a' && w[i - 1] <= 'z'))
			out[k++] = (char)(w[i] | 0x20);
	return k >= 2 ? k : 0;
}

/* A word some phrase of the catalog already uses, or a common word. */
static int
known_word(const struct gazetteer *gz, const char *w, size_t n)
{
	return (gz_token_flags(gz, gz_token_hash(w, n)) & (GZ_TOK_KNOWN |
	    GZ_TOK_COMMON)) != 0;
}

/*
 * Shoppers abbreviate a name that starts with a camel-case word: its
 * initials for it ("qc ultra", "ps 5"), run into the number after it
 * ("ps5", "ps5 slim") or with the initials of the words after it up to a
 * number ("mbp", "mba 13").  Initials that are already a catalog word
 * ("hp" of "HomePod") or a common one ("app") are left to it, and
 * initials are not registered as catalog words (so the next product of a
 * line finds them free and they are never typo targets).  Leading parts
 * name families, as for the name itself.
 */
static void
acronym_paths(struct gazetteer *gz, const struct naming *nm,
    const struct gz_field *f, size_t r0, size_t nt)
{
	uint64_t th[GZ_MAXN * 2];
	char	 acr[32];
	size_t	 a, n, m, k;

	if (f->orig == NULL || nt <= r0 + 1)
		return;
	a = f->map[f->t[r0].start];
	n = camel_initials(f->orig + a, f->map[f->t[r0].end] - a, acr, 8);
	if (n == 0 || known_word(gz, acr, n))
		return;
	th[0] = gz_token_hash(acr, n);
	memcpy(th + 1, f->th + r0 + 1, (nt - r0 - 1) * sizeof *th);
	derived_add(gz, nm, th, nt - r0, GZ_PRODUCT, 1, 0);
	m = f->t[r0 + 1].end - f->t[r0 + 1].start;
	if (!f->t[r0 + 1].has_alpha && n + m < sizeof acr) {
		memcpy(acr + n, f->s + f->t[r0 + 1].start, m);
		th[0] = gz_token_hash(acr, n + m);
		memcpy(th + 1, f->th + r0 + 2, (nt - r0 - 2) * sizeof *th);
		derived_add(gz, nm, th, nt - r0 - 1, GZ_PRODUCT, 1, 1);
	}
	for (k = r0 + 1; k < nt && f->t[k].has_alpha && !f->t[k].has_digit &&
	    n < 8; k++)
		acr[n++] = f->s[f->t[k].start];
	if (k == r0 + 1 || n < 3 || known_word(gz, acr, n))
		return;
	th[0] = gz_token_hash(acr, n);
	memcpy(th + 1, f->th + k, (nt - k) * sizeof *th);
	derived_add(gz, nm, th, 1 + nt - k, GZ_PRODUCT, 1, 1);
}

/*
 * A word of a name that shoppers write as two: a line and its number
 * ("HERO12" -> "hero 12", "Buds3" -> "buds 3") or the parts of a word
 * joined by "_" ("WD_BLACK" -> "wd black").  The first such word only.
 */
static void
split_paths(struct gazetteer *gz, const struct naming *nm,
    const struct gz_field *f, size_t r0, size_t nt)
{
	uint64_t th[GZ_MAXN * 2 + 1];
	const char *w;
	size_t	 i, n, p, q;

	for (i = r0; i < nt; i++) {
		w = f->s + f->t[i].start;
		n = f->t[i].end - f->t[i].start;
		for (p = 0; p < n && w[p] >= 'a' && w[p] <= 'z'; p++)
			;
		for (q = p; q < n && w[q] >= '0' && w[q] <= '9'; q++)
			;
		if (p >= 3 && q > p && q == n)
			q = p;		/* "hero" + "12" */
		else if ((w = memchr(f->s + f->t[i].start, '_', n)) != NULL &&
		    w > f->s + f->t[i].start && w + 1 < f->s + f->t[i].end) {
			p = (size_t)(w - (f->s + f->t[i].start));
			q = p + 1;	/* "wd" + "black" */
			w = f->s + f->t[i].start;
		} else
			continue;
		memcpy(th, f->th + r0, (i - r0) * sizeof *th);
		th[i - r0] = gz_tok_add(gz, w, p, GZ_TOK_KNOWN);
		th[i - r0 + 1] = gz_tok_add(gz, w + q, n - q, GZ_TOK_KNOWN);
		memcpy(th + i - r0 + 2, f->th + i + 1, (nt - i - 1) *
		    sizeof *th);
		derived_add(gz, nm, th, nt - r0 + 1, GZ_PRODUCT, 1, 0);
		return;
	}
}

/*
 * A word in capitals of three letters at most ("FE", "SE", "X"): the
 * variant letters of a model.
 */
static int
variant_letters(const struct gz_field *f, size_t k)
{
	size_t	 a, n, i;

	if (f->orig == NULL || f->t[k].has_digit)
		return 0;
	a = f->map[f->t[k].start];
	n = f->map[f->t[k].end] - a;
	for (i = 0; i < n; i++)
		if (f->orig[a + i] < 'A' || f->orig[a + i] > 'Z')
			return 0;
	return n >= 1 && n <= 3;
}

/*
 * The name without the line it starts with, which shoppers drop when
 * the rest says enough: "buds fe" (Galaxy Buds FE), "tab s9", "x1 carbon
 * gen 12".  Two words at least, the first with letters, and a number or
 * variant letters among them, so "Xbox Wireless Controller" does not make
 * every wireless controller an Xbox one.
 */
static void
lineless_path(struct gazetteer *gz, const struct naming *nm,
    const struct gz_field *f, size_t r0, size_t nt)
{
	size_t	 k;
	int	 model = 0;

	if (nt < r0 + 3 || !f->t[r0 + 1].has_alpha)
		return;
	for (k = r0 + 1; k < nt; k++)
		model |= f->t[k].has_digit || variant_letters(f, k);
	if (model)
		derived_add(gz, nm, f->th + r0 + 1, nt - r0 - 1, GZ_PRODUCT, 0,
		    0);
}

/* Token k of f is the word w. */
static int
word_is(const struct gz_field *f, size_t k, const char *w)
{
	size_t	 n = strlen(w);

	return f->t[k].end - f->t[k].start == n &&
	    memcmp(f->s + f->t[k].start, w, n) == 0;
}

/*
 * Other ways shoppers write a model's words: the generation shortened
 * ("ipad 10th gen"), roman numbers as digits ("emberton 2", "cloud 3"),
 * and a model number without its letter prefix ("ecotank 2800" for
 * "EcoTank ET-2800") or said alone ("et-2800").  Leading parts name
 * families, as for the name.
 */
static void
variant_paths(struct gazetteer *gz, const struct naming *nm,
    const struct gz_field *f, size_t r0, size_t nt)
{
	static const char *const roman[] = { "ii", "iii", "iv", NULL };
	static const char *const arabic[] = { "2", "3", "4" };
	uint64_t th[GZ_MAXN * 2 + 2];
	size_t	 g, k, j, n;

	if (nt <= r0)
		return;
	if ((g = generation_word(f, nt)) != 0) {
		memcpy(th, f->th + r0, (nt - r0) * sizeof *th);
		th[nt - r0] = f->th[g];
		th[nt - r0 + 1] = gz_token_hash("gen", 3);
		derived_add(gz, nm, th, nt - r0 + 2, GZ_PRODUCT, 0, 0);
	}
	for (k = r0, n = 0; k < nt; k++) {
		th[k - r0] = f->th[k];
		for (j = 0; roman[j] != NULL; j++)
			if (k > r0 && word_is(f, k, roman[j])) {
				th[k - r0] = gz_token_hash(arabic[j], 1);
				n++;
			}
	}
	if (n > 0)
		derived_add(gz, nm, th, nt - r0, GZ_PRODUCT, 1, 0);
	for (k = r0; k + 1 < nt; k++) {
		const struct text_token *t = &f->t[k], *u = &f->t[k + 1];

		if (t->has_digit || t->end - t->start > 3 || f->s[t->end] !=
		    '-' || u->start != t->end + 1 || u->has_alpha)
			continue;
		memcpy(th, f->th + r0, (k - r0) * sizeof *th);
		memcpy(th + k - r0, f->th + k + 1, (nt - k - 1) * sizeof *th);
		derived_add(gz, nm, th, nt - r0 - 1, GZ_PRODUCT, 1, 0);
		/* And the model number alone, prefix and all ("et-2800"). */
		derived_add(gz, nm, f->th + k, 2, GZ_PRODUCT, 0, 0);
		break;
	}
}

/*
 * A short model word first in the parenthesis after the name ("iPad Pro
 * 11-inch (M4, ...)", "ROG Ally (Z1 Extreme)", "Phone (2a)"): shoppers
 * say it after the name ("ipad pro m4").  Not an ordinal ("5th").
 */
static void
paren_path(struct gazetteer *gz, const struct naming *nm,
    const struct gz_field *f, size_t r0, size_t nt)
{
	uint64_t th[GZ_MAXN * 2 + 1];
	const struct text_token *t;
	const char *w;
	size_t	 n;

	if (nt <= r0 || nt >= f->n || nt - r0 >= GZ_MAXN)
		return;
	t = &f->t[nt];
	w = f->s + t->start;
	n = t->end - t->start;
	if (memchr(f->s + f->t[nt - 1].end, '(', t->start -
	    f->t[nt - 1].end) == NULL || !t->has_alpha || !t->has_digit ||
	    n > 3 || (n == 3 && (memcmp(w + 1, "th", 2) == 0 ||
	    memcmp(w + 1, "st", 2) == 0 || memcmp(w + 1, "nd", 2) == 0 ||
	    memcmp(w + 1, "rd", 2) == 0)))
		return;
	memcpy(th, f->th + r0, (nt - r0) * sizeof *th);
	th[nt - r0] = f->th[nt];
	derived_add(gz, nm, th, nt - r0 + 1, GZ_PRODUCT, 0, 0);
}

/*
 * The letters and number that end a model word led by digits
 * ("1000xm5" -> "xm5"), which shoppers say alone; 0 for none.
 */
static size_t
model_tail(const char *w, size_t n, size_t *from)
{
	size_t	 p, k;

	if (n == 0 || w[0] < '0' || w[0] > '9')
		return 0;
	for (p = 0; p < n && w[p] >= '0' && w[p] <= '9'; p++)
		;
	for (k = p; k < n && (w[k] < '0' || w[k] > '9'); k++)
		;
	if (k == p || k == n || n - p < 3)
		return 0;
	*from = p;
	return n - p;
}

/*
 * Model-like words ("s24", "g15", "qn90c") name the product on
 * their own, with the rest of the name ("s24 ultra"), after the
 * brand ("lg c4") and before the name's last word, what the
 * product is ("k380 keyboard").  When the word ends the name it is
 * the product; inside a longer name it is weaker, so "s24" is the
 * Galaxy S24, not the S24 Ultra.
 */
static void
model_word_paths(struct gazetteer *gz, const struct naming *nm,
    const struct gz_field *fn, size_t r0, size_t nt)
{
	uint64_t th[GZ_MAXN * 4];
	size_t	 i, n, p;

	for (i = r0; i < nt; i++) {
		int	 kind = i + 1 == nt ? GZ_PRODUCT : GZ_FAMILY;
		const struct text_token *last = &fn->t[nt - 1];

		if (!fn->t[i].has_alpha || !fn->t[i].has_digit ||
		    (i == r0 && nt - r0 == 1) || !model_word(fn->s +
		    fn->t[i].start, fn->t[i].end - fn->t[i].start))
			continue;
		gz_path_add(gz, fn->th + i, 1, kind, nm->idx, nm->brand, 0, 0);
		if ((n = model_tail(fn->s + fn->t[i].start, fn->t[i].end -
		    fn->t[i].start, &p)) != 0) {
			th[0] = gz_tok_add(gz, fn->s + fn->t[i].start + p, n,
			    GZ_TOK_KNOWN);
			derived_add(gz, nm, th, 1, kind, 0, 0);
		}
		/* "watch6 classic" of "Galaxy Watch6 Classic 47mm". */
		if (i + 1 < nt)
			gz_path_add(gz, fn->th + i, nt - i, GZ_PRODUCT, nm->idx,
			    nm->brand, 1, 0);
		if (nm->nb > 0 && nm->nb < GZ_MAXN) {
			memcpy(th, nm->bth, nm->nb * sizeof *th);
			th[nm->nb] = fn->th[i];
			gz_path_add(gz, th, nm->nb + 1, kind, nm->idx,
			    nm->brand, 0, 0);
		}
		if (i + 2 < nt && !last->has_digit &&
		    last->end - last->start >= 3 &&
		    !(gz_token_flags(gz, fn->th[nt - 1]) & GZ_TOK_COMMON)) {
			th[0] = fn->th[i];
			th[1] = fn->th[nt - 1];
			gz_path_add(gz, th, 2, GZ_PRODUCT, nm->idx, nm->brand,
			    0, 0);
		}
}
}

/*
 * The phrases of a folded name fn (fb: the folded brand, nb words): the
 * full name, the name without its brand, the brand with the name; the
 * leading parts of the name without the brand (and with it) are families
 * ("galaxy", "samsung galaxy", "galaxy tab").  One leading word must be
 * distinctive ("galaxy", not "fire"); two or more name a line even of
 * common words ("echo dot").  Category words outrank families anyway.
 */
void
gz_name_paths(struct gazetteer *gz, uint32_t idx, uint32_t brand,
    const struct gz_field *fb, size_t nb, const struct gz_field *fn)
{
	uint64_t th[GZ_MAXN * 4];
	struct naming	 nm;
	size_t	 nt, r0, k, i, g;

	/*
	 * The core of the name stops at a parenthesis or at "for": a
	 * variant ("iPhone 15 (256GB)") or an accessory ("Case for Galaxy
	 * S24") shares the words of its model, but only the core names
	 * families and model words; the whole name is a phrase too.
	 */
	nt = core_words(fn);
	r0 = 0;
	if (nb > 0 && nt > nb) {
		for (k = 0; k < nb && fn->th[k] == fb->th[k]; k++)
			;
		if (k == nb)
			r0 = nb;
	}
	if (r0 == 0)	/* else the brand + name path below is the name */
		gz_path_add(gz, fn->th, nt, GZ_PRODUCT, idx, brand, 0, 0);
	/* Words inside the core, for gz_inner_apply. */
	for (k = r0 + 1; k < nt; k++)
		if (fn->t[k].has_alpha && !fn->t[k].has_digit)
			gz_inner_word(gz, fn->th[k], idx);
	/* Not a lone number or common word ("OnePlus 12" is not "12"). */
	if (nt > r0 && (nt - r0 > 1 || gz_distinctive(gz, &fn->t[r0],
	    fn->th[r0])))
		gz_path_add(gz, fn->th + r0, nt - r0, GZ_PRODUCT, idx, brand, 1,
		    gz_distinctive(gz, &fn->t[r0], fn->th[r0]));
	if (nb > 0 && nt > r0) {
		memcpy(th, fb->th, nb * sizeof *th);
		memcpy(th + nb, fn->th + r0, (nt - r0) * sizeof *th);
		gz_path_add(gz, th, nb + nt - r0, GZ_PRODUCT, idx, brand, 1, 0);
	}
	/*
	 * A brand inside the name ("Amazon eero Pro 7"): the brand with
	 * what follows it is the line shoppers say ("eero Pro 7").
	 */
	if (nb > 0 && r0 == 0) {
		for (i = 1; i + nb < nt; i++) {
			for (k = 0; k < nb && fn->th[i + k] == fb->th[k]; k++)
				;
			if (k == nb) {
				gz_path_add(gz, fn->th + i, nt - i, GZ_PRODUCT,
				    idx, brand, 1, 0);
				break;
			}
		}
	}
	/* "(2nd generation)": "airpods pro 2", "apple airpods pro 2". */
	if (nt > r0 && nt - r0 < GZ_MAXN &&
	    (g = generation_word(fn, nt)) != 0) {
		const struct text_token *t = &fn->t[g];

		for (k = t->start; k < t->end && fn->s[k] >= '0' &&
		    fn->s[k] <= '9'; k++)
			;
		memcpy(th, fn->th + r0, (nt - r0) * sizeof *th);
		th[nt - r0] = gz_token_hash(fn->s + t->start, k - t->start);
		gz_path_add(gz, th, nt - r0 + 1, GZ_PRODUCT, idx, brand, 0, 0);
		if (nb > 0) {
			memcpy(th, fb->th, nb * sizeof *th);
			memcpy(th + nb, fn->th + r0, (nt - r0) * sizeof *th);
			th[nb + nt - r0] = gz_token_hash(fn->s + t->start,
			    k - t->start);
			gz_path_add(gz, th, nb + nt - r0 + 1, GZ_PRODUCT, idx,
			    brand, 0, 0);
		}
	}
	if (fn->n > nt && fn->n - r0 <= GZ_MAXN)
		gz_path_add(gz, fn->th + r0, fn->n - r0, GZ_PRODUCT, idx, brand,
		    0, 0);
	if (r0 > 0 && fn->n > nt)
		gz_path_add(gz, fn->th, fn->n, GZ_PRODUCT, idx, brand, 0, 0);
	nm.idx = idx;
	nm.brand = brand;
	nm.bth = fb->th;
	nm.nb = nb;
	model_word_paths(gz, &nm, fn, r0, nt);
	acronym_paths(gz, &nm, fn, r0, nt);
	split_paths(gz, &nm, fn, r0, nt);
	lineless_path(gz, &nm, fn, r0, nt);
	variant_paths(gz, &nm, fn, r0, nt);
	paren_path(gz, &nm, fn, r0, nt);
	/* "iphone15" for "iphone 15": a word run into its number. */
	for (i = r0; i + 1 < nt; i++) {
		size_t	 a = fn->t[i].start, z = fn->t[i + 1].end;
		char	 buf[64];

		if (fn->t[i].has_digit || fn->t[i + 1].has_alpha ||
		    fn->t[i].end + 1 != fn->t[i + 1].start ||
		    z - a >= sizeof buf)
			continue;
		memcpy(buf, fn->s + a, fn->t[i].end - a);
		memcpy(buf + (fn->t[i].end - a), fn->s + fn->t[i + 1].start,
		    z - fn->t[i + 1].start);
		memcpy(th, fn->th + r0, (i - r0) * sizeof *th);
		th[i - r0] = gz_tok_add(gz, buf, z - a - 1, GZ_TOK_KNOWN);
		memcpy(th + i - r0 + 1, fn->th + i + 2, (nt - i - 2) *
		    sizeof *th);
		gz_path_add(gz, th, nt - r0 - 1, GZ_PRODUCT, idx, brand, 0, 0);
		break;
	}
	initial_path(gz, &nm, fn, r0, nt);
	brand_line_path(gz, fn, fb, nb, r0, nt, idx, brand);
}

/*
 * A line's initial run into its number: "a7 iv" of "Alpha 7 IV", "a6400"
 * of "Alpha 6400".  The first word of letters only (four at least)
 * followed by a number; not when the short form is a catalog or common
 * word, and not registered as a catalog word (as for initials).
 */
static void
initial_path(struct gazetteer *gz, const struct naming *nm,
    const struct gz_field *f, size_t r0, size_t nt)
{
	uint64_t th[GZ_MAXN * 2];
	char	 buf[16];
	size_t	 i, m;

	for (i = r0; i + 1 < nt; i++) {
		m = f->t[i + 1].end - f->t[i + 1].start;
		if (f->t[i].has_digit || !f->t[i].has_alpha ||
		    f->t[i].end - f->t[i].start < 4 ||
		    f->t[i + 1].has_alpha || m + 1 >= sizeof buf)
			continue;
		buf[0] = f->s[f->t[i].start];
		memcpy(buf + 1, f->s + f->t[i + 1].start, m);
		if (known_word(gz, buf, m + 1))
			return;
		memcpy(th, f->th + r0, (i - r0) * sizeof *th);
		th[i - r0] = gz_token_hash(buf, m + 1);
		memcpy(th + i - r0 + 1, f->th + i + 2, (nt - i - 2) *
		    sizeof *th);
		derived_add(gz, nm, th, nt - r0 - 1, GZ_PRODUCT, 0, 0);
		return;
	}
}

/*
 * A word written with "+" ("Galaxy S24+", "DS224+", "Roomba j7+") is
 * another model than the word alone: the name's phrases again with the
 * word as "s24+", which the extractor reads when a "+" follows a word.
 */
void
gz_plus_paths(struct gazetteer *gz, uint32_t idx, uint32_t brand,
    const struct gz_field *fb, size_t nb, const struct gz_field *fn)
{
	struct gz_field	 fp;
	size_t		 k;
	int		 any = 0;

	fp = *fn;
	for (k = 0; k < fn->n; k++) {
		if (fn->s[fn->t[k].end] != '+')
			continue;
		/* The folded text keeps the "+" right after the word. */
		fp.th[k] = gz_tok_add(gz, fn->s + fn->t[k].start,
		    fn->t[k].end - fn->t[k].start + 1, GZ_TOK_KNOWN);
		any = 1;
	}
	if (any)
		gz_name_paths(gz, idx, brand, fb, nb, &fp);
}

/*
 * A brand of a maker and its line ("Philips Hue"): shoppers name the line
 * without the maker, "the hue", "hue white and color ambiance".  The
 * brand's last word with the name past the brand is the product, its
 * leading parts families, so the line word alone is the family of the
 * brand's products (one of them named only when it is the brand's only
 * one).  Only a distinctive line word ("hue", not "pro") written apart
 * from the maker; a word of the
 * language alone still needs the evidence entity.c asks of any such
 * family word (a capital inside the sentence, a category word after it).
 */
static void
brand_line_path(struct gazetteer *gz, const struct gz_field *fn,
    const struct gz_field *fb, size_t nb, size_t r0, size_t nt,
    uint32_t idx, uint32_t brand)
{
	uint64_t th[GZ_MAXN * 2 + 1];
	const char *sp;
	size_t	 n, k;

	/* Words apart, not one name written with a hyphen ("TP-Link"). */
	if (nb < 2 || r0 != nb || nt <= r0 ||
	    (sp = strrchr(fb->orig, ' ')) == NULL ||
	    strlen(sp + 1) != fb->t[nb - 1].end - fb->t[nb - 1].start ||
	    !gz_distinctive(gz, &fb->t[nb - 1], fb->th[nb - 1]))
		return;
	n = nt - r0 + 1;
	th[0] = fb->th[nb - 1];
	memcpy(th + 1, fn->th + r0, (n - 1) * sizeof *th);
	gz_path_add(gz, th, n, GZ_PRODUCT, idx, brand, 1, 1);
	/*
	 * The line word with what the product is, the name's last word or
	 * two ("hue starter kit", "hue kit"); a tail the line's products
	 * share stays ambiguous, so the dialogue asks which one.
	 */
	for (k = 1; k <= 2 && k < nt - r0; k++) {
		memcpy(th + 1, fn->th + nt - k, k * sizeof *th);
		gz_path_add(gz, th, k + 1, GZ_PRODUCT, idx, brand, 0, 0);
	}
}

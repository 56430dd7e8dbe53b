/*
 * gazetteer.c owns the catalog gazetteer: the phrases that name products,
 * product families, brands, categories and attributes, built from the
 * products table and the built-in vocabularies at load time, and the
 * index of catalog words for typo-tolerant matching.
 *
 * A phrase is keyed by a 64-bit hash of its folded tokens (gz_combine over
 * gz_token_hash), so matching a message is one probe per token n-gram and
 * the build is a single pass over the catalog.  Keys are not verified
 * against the text: with a 64-bit hash the odds of a false match stay
 * below one in 10^9 even for millions of phrases, and skipping the
 * comparison halves memory and build time.  Every prefix of a phrase is
 * in the table too (kind GZ_NONE when it names nothing itself) with
 * "more" set, so the matcher stops extending as soon as no phrase can
 * continue.
 *
 * Typos: every catalog word of four or more letters that is not a common
 * word is indexed with each of its one-letter deletions (the symmetric
 * deletion scheme of SymSpell), so words within one edit are found with
 * len + 1 probes and verified with an exact edit distance.
 *
 * gazetteer-int.h holds the tables and gazetteer-table.c their hashes,
 * maps and build records; gazetteer-names.c derives the phrases of a
 * product's name, gazetteer-fuzzy.c keeps the typo index,
 * gazetteer-query.c answers questions about the targets of a built
 * gazetteer.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "search.h"
#include "store.h"
#include "text.h"
#include "entity.h"
#include "entity-int.h"
#include "gazetteer-int.h"

#define ENGLISH_WORDS	16384	/* about the words english_mark flags */
/* Scratch for the build. */
struct gz_build {
	struct text_folded f;
	struct text_token *tok;
	size_t		 tokcap;
	struct gz_map	 brandmap;	/* folded brand hash -> index */
	struct gz_map	 catmap;	/* slug hash -> index */
	struct gz_map	 submap;	/* (slug, subcategory) hash -> 1 */
	uint32_t	*subs;		/* pairs: category index, string offset */
	size_t		 nsubs;
	size_t		 subcap;
};



/*
 * Fold and tokenize s into b and register its words (known to the
 * gazetteer unless words is 0).  f->s points into b until the next call.
 */
static void
field_fold(struct gazetteer *gz, struct gz_build *b, const char *s,
    struct gz_field *f, int words)
{
	size_t	 k, n;

	text_fold(s, strlen(s), &b->f);
	n = text_tokenize(b->f.s.buf, b->f.s.len, &b->tok, &b->tokcap);
	f->s = b->f.s.buf;
	f->orig = s;
	f->map = b->f.map;
	f->n = n < GZ_MAXN * 2 ? n : GZ_MAXN * 2;
	for (k = 0; k < f->n; k++) {
		f->t[k] = b->tok[k];
		f->th[k] = words ? gz_tok_add(gz, f->s + f->t[k].start,
		    f->t[k].end - f->t[k].start, GZ_TOK_KNOWN) :
		    gz_token_hash(f->s + f->t[k].start,
		    f->t[k].end - f->t[k].start);
	}
}

/* Fold and tokenize s into b (tokens in b->tok, text in b->f.s). */
static size_t
fold_tokens(struct gz_build *b, const char *s, size_t n)
{
	text_fold(s, n, &b->f);
	return text_tokenize(b->f.s.buf, b->f.s.len, &b->tok, &b->tokcap);
}

/* Add a phrase given as tokens of the folded text s. */
static void
phrase_add(struct gazetteer *gz, const char *s, const struct text_token *t,
    size_t ntok, int kind, uint32_t target, uint32_t aux)
{
	uint64_t th[GZ_MAXN];
	size_t	 k;

	if (ntok == 0 || ntok > GZ_MAXN)
		return;
	for (k = 0; k < ntok; k++)
		th[k] = gz_tok_add(gz, s + t[k].start, t[k].end - t[k].start,
		    GZ_TOK_KNOWN);
	gz_path_add(gz, th, ntok, kind, target, aux, 0, 0);
}

/* A word worth naming a product family on its own. */
int
gz_distinctive(struct gazetteer *gz, const struct text_token *t, uint64_t h)
{
	if (!t->has_alpha || t->end - t->start < 3)
		return 0;
	return !gz_is_common(gz, h);
}

static uint32_t
category_index(struct gazetteer *gz, struct gz_build *b, const char *slug,
    size_t n)
{
	int	 isnew;
	uint32_t idx;

	idx = gz_map_get(&b->catmap, gz_token_hash(slug, n),
	    (uint32_t)gz->ncats, &isnew);
	if (isnew) {
		gz->cats = xrealloc(gz->cats, (gz->ncats + 1) *
		    sizeof *gz->cats);
		gz->cats[gz->ncats++] = gz_str_add(gz, slug, n);
	}
	return idx;
}

static void
product_add(struct gazetteer *gz, struct gz_build *b, sqlite3_stmt *s)
{
	const char	*name, *brand, *model, *sku, *cat, *sub;
	struct gz_product *p;
	struct gz_field	 fb, fn, fm, fs;
	uint64_t	 h;
	size_t		 nb = 0, k, i, n;
	uint32_t	 idx, bidx;
	int		 isnew;

	sku = (const char *)sqlite3_column_text(s, 1);
	name = (const char *)sqlite3_column_text(s, 2);
	brand = (const char *)sqlite3_column_text(s, 3);
	model = (const char *)sqlite3_column_text(s, 4);
	cat = (const char *)sqlite3_column_text(s, 5);
	sub = (const char *)sqlite3_column_text(s, 6);
	if (sku == NULL || name == NULL || cat == NULL)
		return;
	idx = (uint32_t)gz->nprod;
	p = &gz->prod[gz->nprod++];
	p->id = sqlite3_column_int64(s, 0);
	p->sku = gz_str_add(gz, sku, strlen(sku));
	p->name = gz_str_add(gz, name, strlen(name));
	p->brand = 0;

	/* Brand: its own phrase, and the words to strip from the name. */
	if (brand != NULL && *brand != '\0') {
		field_fold(gz, b, brand, &fb, 1);
		if (fb.n > 0 && fb.n <= GZ_MAXN) {
			for (h = 0, k = 0; k < fb.n; k++)
				h = gz_combine(h, fb.th[k]);
			bidx = gz_map_get(&b->brandmap, h, (uint32_t)gz->nbrands,
			    &isnew);
			if (isnew) {
				gz->brands = xrealloc(gz->brands,
				    (gz->nbrands + 1) * sizeof *gz->brands);
				gz->brands[gz->nbrands++] = gz_str_add(gz, brand,
				    strlen(brand));
				gz_path_add(gz, fb.th, fb.n, GZ_BRAND, bidx, 0, 0,
				    0);
			}
			p->brand = bidx + 1;
			nb = fb.n;
		}
	}

	field_fold(gz, b, name, &fn, 1);
	gz_name_paths(gz, idx, p->brand, &fb, nb, &fn);
	/* The name without its screen size, when it gives one. */
	for (k = 0, i = 0; k < fn.n; k++) {
		if ((n = gz_size_words(&fn, k)) != 0) {
			k += n - 1;
			continue;
		}
		fs.t[i] = fn.t[k];
		fs.th[i++] = fn.th[k];
	}
	if (i < fn.n && i > 0) {
		fs.s = fn.s;
		fs.orig = fn.orig;
		fs.map = fn.map;
		fs.n = i;
		gz_name_paths(gz, idx, p->brand, &fb, nb, &fs);
	}
	gz_plus_paths(gz, idx, p->brand, &fb, nb, &fn);

	/* Model number and SKU. */
	if (model != NULL && *model != '\0') {
		field_fold(gz, b, model, &fm, 0);
		/*
		 * Model and SKU words are not registered as catalog words:
		 * they are never corrected, so only their phrases matter.
		 */
		if (fm.n > 1 || (fm.n == 1 && fm.t[0].end - fm.t[0].start >= 3 &&
		    fm.t[0].has_alpha && gz_distinctive(gz, &fm.t[0], fm.th[0])))
			gz_path_add(gz, fm.th, fm.n, GZ_PRODUCT, idx, p->brand, 0,
			    0);
	}
	field_fold(gz, b, sku, &fm, 0);
	if (fm.n > 1 || (fm.n == 1 && fm.t[0].has_alpha && fm.t[0].has_digit))
		gz_path_add(gz, fm.th, fm.n, GZ_PRODUCT, idx, p->brand, 0, 0);

	/* Category and subcategory, recorded for after the products. */
	idx = category_index(gz, b, cat, strlen(cat));
	if (sub != NULL && *sub != '\0') {
		h = gz_combine(gz_token_hash(cat, strlen(cat)),
		    gz_token_hash(sub, strlen(sub)));
		gz_map_get(&b->submap, h, 1, &isnew);
		if (isnew) {
			if (b->nsubs + 2 > b->subcap) {
				b->subcap = b->subcap < 16 ? 16 : b->subcap * 2;
				b->subs = xrealloc(b->subs, b->subcap *
				    sizeof *b->subs);
			}
			b->subs[b->nsubs++] = idx;
			b->subs[b->nsubs++] = gz_str_add(gz, sub, strlen(sub));
		}
	}
}

/*
 * The first word of a brand of several words names it alone when it is
 * distinctive and names nothing else ("Philips" for "Philips Hue").
 */
static void
brand_heads(struct gazetteer *gz, struct gz_build *b)
{
	const struct gz_entry *e;
	size_t	 i, nt;
	uint64_t h;

	for (i = 0; i < gz->nbrands; i++) {
		const char *br = str_at(gz, gz->brands[i]);

		nt = fold_tokens(b, br, strlen(br));
		if (nt < 2)
			continue;
		h = gz_token_hash(b->f.s.buf + b->tok[0].start,
		    b->tok[0].end - b->tok[0].start);
		if (!gz_distinctive(gz, &b->tok[0], h) ||
		    ((e = gz_lookup(gz, gz_combine(0, h))) != NULL &&
		    e->kind != GZ_NONE && e->kind != GZ_FAMILY))
			continue;
		phrase_add(gz, b->f.s.buf, b->tok, 1, GZ_BRAND, (uint32_t)i, 0);
	}
}

/* Add a category phrase and, for a plural slug, its singular. */
static void
category_phrases(struct gazetteer *gz, struct gz_build *b, const char *text,
    uint32_t idx, int weak, uint32_t aux)
{
	const struct gz_entry *e;
	size_t	 nt, n, last, k;
	uint64_t h = 0;
	char	*sing;

	nt = fold_tokens(b, text, strlen(text));
	if (nt == 0)
		return;
	/* A subcategory "store" is no category in "available in store". */
	if (weak && nt == 1 && gz_is_common(gz, gz_token_hash(b->f.s.buf +
	    b->tok[0].start, b->tok[0].end - b->tok[0].start)))
		return;
	if (weak) {
		for (k = 0; k < nt; k++)
			h = gz_combine(h, gz_token_hash(b->f.s.buf +
			    b->tok[k].start, b->tok[k].end - b->tok[k].start));
		if ((e = gz_lookup(gz, h)) != NULL && e->kind != GZ_NONE)
			return;
	}
	phrase_add(gz, b->f.s.buf, b->tok, nt, GZ_CATEGORY, idx, aux);
	last = b->tok[nt - 1].end;
	n = last - b->tok[nt - 1].start;
	if (n < 4 || b->f.s.buf[last - 1] != 's')
		return;
	/* "accessories" -> "accessory", "laptops" -> "laptop". */
	sing = xstrndup(b->f.s.buf, last);
	if (n > 4 && strcmp(sing + last - 3, "ies") == 0) {
		sing[last - 3] = 'y';
		sing[last - 2] = '\0';
	} else
		sing[last - 1] = '\0';
	nt = fold_tokens(b, sing, strlen(sing));
	phrase_add(gz, b->f.s.buf, b->tok, nt, GZ_CATEGORY, idx, aux);
	free(sing);
}

struct alias_load {
	struct gazetteer *gz;
	struct gz_build	*b;
};

/* The folded phrase of b's tokens as word hashes (n words at most). */
static size_t
fold_hashes(struct gz_build *b, const char *s, uint64_t *th, size_t n)
{
	size_t	 nt, k;

	nt = fold_tokens(b, s, strlen(s));
	if (nt == 0 || nt > n)
		return 0;
	for (k = 0; k < nt; k++)
		th[k] = gz_token_hash(b->f.s.buf + b->tok[k].start,
		    b->tok[k].end - b->tok[k].start);
	return nt;
}

/* Record that phrase key from goes on as phrase key to (gz_alias). */
static void
alias_map(struct gazetteer *gz, uint64_t from, uint64_t to)
{
	uint64_t *old = gz->alias;
	size_t	 on = gz->aliasmask + 1, i, j;

	if (gz->alias == NULL || (gz->nalias + 1) * 2 > on) {
		gz->aliasmask = gz->alias == NULL ? 15 : on * 2 - 1;
		gz->alias = xcalloc((gz->aliasmask + 1) * 2, sizeof *gz->alias);
		for (i = 0; old != NULL && i < on; i++) {
			if (old[2 * i] == 0)
				continue;
			for (j = old[2 * i] & gz->aliasmask;
			    gz->alias[2 * j] != 0; j = (j + 1) & gz->aliasmask)
				;
			gz->alias[2 * j] = old[2 * i];
			gz->alias[2 * j + 1] = old[2 * i + 1];
		}
		free(old);
	}
	for (i = from & gz->aliasmask; gz->alias[2 * i] != 0 &&
	    gz->alias[2 * i] != from; i = (i + 1) & gz->aliasmask)
		;
	if (gz->alias[2 * i] == 0)
		gz->nalias++;
	gz->alias[2 * i] = from;
	gz->alias[2 * i + 1] = to;
}

uint64_t
gz_alias(const struct gazetteer *gz, uint64_t h)
{
	size_t	 i;

	if (gz->nalias == 0)
		return h;
	for (i = h & gz->aliasmask; gz->alias[2 * i] != 0;
	    i = (i + 1) & gz->aliasmask)
		if (gz->alias[2 * i] == h)
			return gz->alias[2 * i + 1];
	return h;
}

/*
 * One of the shop's aliases (synonyms of source "alias"): the alias names
 * what its target names in the catalog (a product, family, brand or
 * category; a SKU too), and wins over any meaning the catalog gave the
 * same words, as the shop said so.  A target that names nothing is
 * skipped ("shopdesk aliases add" checks it; the catalog may change).
 */
static int
alias_add(void *arg, const char *alias, const char *target, const char *src)
{
	struct alias_load *al = arg;
	struct gazetteer *gz = al->gz;
	const struct gz_entry *e;
	struct gz_entry	*d;
	struct gz_entry	 want;
	uint64_t	 th[GZ_MAXN], h = 0, key;
	size_t		 nt, k;

	(void)src;
	if ((nt = fold_hashes(al->b, target, th, GZ_MAXN)) == 0)
		return 0;
	for (k = 0; k < nt; k++)
		h = gz_combine(h, th[k]);
	if ((e = gz_lookup(gz, h)) == NULL || e->kind == GZ_NONE ||
	    e->kind == GZ_STOP)
		return 0;
	want = *e;		/* the table may move as the alias goes in */
	key = h;
	if ((nt = fold_hashes(al->b, alias, th, GZ_MAXN)) == 0)
		return 0;
	for (h = 0, k = 0; k < nt; k++) {
		th[k] = gz_tok_add(gz, al->b->f.s.buf + al->b->tok[k].start,
		    al->b->tok[k].end - al->b->tok[k].start, GZ_TOK_KNOWN);
		h = gz_combine(h, th[k]);
	}
	gz_path_add(gz, th, nt, want.kind, want.target, want.aux, 0, 0);
	d = gz_tab_get(gz, h);
	d->kind = want.kind;
	d->target = want.target;
	d->aux = want.aux;
	d->count = want.count;
	d->more |= want.more;
	alias_map(gz, h, key);
	return 0;
}

static uint32_t
use_index(const char *use)
{
	uint32_t i;

	for (i = 0; use != NULL && vocab_uses[i] != NULL; i++)
		if (strcmp(vocab_uses[i], use) == 0)
			return i + 1;
	return 0;
}

/*
 * Word h stands inside the core of product idx's name, after its first
 * word ("desktop" of "Seagate Expansion Desktop 8TB"); gz_inner_apply
 * reads these once the products' phrases are in.
 */
void
gz_inner_word(struct gazetteer *gz, uint64_t h, uint32_t idx)
{
	if (gz->ninner + 2 > gz->innercap) {
		gz->innercap = gz->innercap < 64 ? 64 : gz->innercap * 2;
		gz->inner = xrealloc(gz->inner, gz->innercap *
		    sizeof *gz->inner);
	}
	gz->inner[gz->ninner++] = h;
	gz->inner[gz->ninner++] = idx;
}

/*
 * A lone word that leads one product's name names that product only
 * when no other name of the catalog has it inside: "desktop" leads
 * "Parallels Desktop 20" but is a word of "Seagate Expansion Desktop"
 * too, so "a desktop pc" names neither; "desktop 20" and "parallels
 * desktop" still do.  The word stays the start of its longer phrases.
 */
static void
gz_inner_apply(struct gazetteer *gz)
{
	struct gz_entry	*e;
	size_t		 i;

	for (i = 0; i + 1 < gz->ninner; i += 2) {
		e = (struct gz_entry *)gz_lookup(gz, gz_combine(0,
		    gz->inner[i]));
		if (e == NULL || e->kind != GZ_FAMILY || e->count != 1 ||
		    e->target == (uint32_t)gz->inner[i + 1])
			continue;
		e->kind = GZ_NONE;
		e->count = 0;
		gz->nphrases--;
	}
	free(gz->inner);
	gz->inner = NULL;
	gz->ninner = gz->innercap = 0;
}

struct gazetteer *
gazetteer_load(struct store *st, struct sd_error *err)
{
	static const char sql[] = "SELECT id, sku, name, brand, model,"
	    " category, subcategory, currency FROM products ORDER BY id";
	static const char count_sql[] = "SELECT count(*) FROM products";
	struct gazetteer *gz;
	struct gz_build	 b;
	struct alias_load al;
	sqlite3_stmt	*s;
	size_t		 n = 0, i;
	const char	*cur;
	int		 r;

	memset(&b, 0, sizeof b);
	b.f = (struct text_folded)TEXT_FOLDED_INIT;
	if ((s = store_prepare(st, count_sql, err)) == NULL)
		return NULL;
	if (sqlite3_step(s) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);

	gz = xcalloc(1, sizeof *gz);
	sbuf_init(&gz->strs);
	sbuf_grow(&gz->strs, 64 + n * 96);
	gz->prod = xcalloc(n + 1, sizeof *gz->prod);
	/*
	 * About six phrases and prefixes per product, at most TAB_LOAD
	 * full: a table twice as big only costs page faults at 100,000
	 * products (each slot is touched once).
	 */
	gz->tabmask = pow2((n + 512) * 8) - 1;
	/* About twelve path steps per product, recorded for gz_flush. */
	gz->reccap = (n + 16) * 12;
	gz->rec = xmalloc(gz->reccap * sizeof *gz->rec);
	gz->tab = xcalloc(gz->tabmask + 1, sizeof *gz->tab);
	/*
	 * Catalog vocabulary grows far slower than the catalog: start small
	 * (a table that stays in cache) and let tok_add double it.
	 */
	gz->tokmask = pow2(4096 + n / 8 + 2 * ENGLISH_WORDS) - 1;
	gz->toks = xcalloc(gz->tokmask + 1, sizeof *gz->toks);
	memcpy(gz->currency, "USD", 4);
	gz_map_init(&b.brandmap, 64);
	gz_map_init(&b.catmap, 64);
	gz_map_init(&b.submap, 64);

	for (i = 0; vocab_common[i] != NULL; i++)
		gz_tok_add(gz, vocab_common[i], strlen(vocab_common[i]),
		    GZ_TOK_COMMON);
	for (i = 0; vocab_ambiguous[i] != NULL; i++)
		gz_tok_add(gz, vocab_ambiguous[i], strlen(vocab_ambiguous[i]),
		    GZ_TOK_AMBIG);

	if ((s = store_prepare(st, sql, err)) == NULL)
		goto fail;
	gz->defer = 1;
	while ((r = sqlite3_step(s)) == SQLITE_ROW) {
		if (gz->nprod == n)	/* rows added since the count */
			gz->prod = xrealloc(gz->prod, (n = n * 2 + 16) *
			    sizeof *gz->prod);
		if (gz->nprod == 0 && (cur = (const char *)
		    sqlite3_column_text(s, 7)) != NULL && strlen(cur) < 8)
			memcpy(gz->currency, cur, strlen(cur) + 1);
		product_add(gz, &b, s);
	}
	if (r != SQLITE_DONE) {
		store_fail(st, err, "gazetteer: read products");
		sqlite3_reset(s);
		goto fail;
	}
	sqlite3_reset(s);
	gz_flush(gz);
	gz_inner_apply(gz);

	/* Shopper words first, so "gaming laptop" keeps its use. */
	for (i = 0; vocab_categories[i].phrase != NULL; i++) {
		const struct vocab_category *v = &vocab_categories[i];
		uint32_t idx;
		size_t	 nt;

		/* A category this catalog does not have is skipped. */
		if ((idx = gz_map_find(&b.catmap, gz_token_hash(v->category,
		    strlen(v->category)))) == UINT32_MAX)
			continue;
		nt = fold_tokens(&b, v->phrase, strlen(v->phrase));
		phrase_add(gz, b.f.s.buf, b.tok, nt, GZ_CATEGORY, idx,
		    use_index(v->use));
	}
	for (i = 0; i < gz->ncats; i++)
		category_phrases(gz, &b, str_at(gz, gz->cats[i]), (uint32_t)i,
		    0, 0);
	/*
	 * Subcategories are often product lines ("iphone", "galaxy-s"):
	 * those stay families, so "iPhone vs Galaxy" compares them.
	 */
	for (i = 0; i + 1 < b.nsubs; i += 2)
		category_phrases(gz, &b, str_at(gz, b.subs[i + 1]), b.subs[i],
		    1, GZ_AUX_SUB | b.subs[i + 1]);

	gz->attrs = xcalloc(1, sizeof *gz->attrs);
	for (i = 0; vocab_attributes[i].phrase != NULL; i++) {
		const struct vocab_attribute *v = &vocab_attributes[i];
		size_t	 j, nt;

		for (j = 0; j < gz->nattrs; j++)
			if (strcmp(str_at(gz, gz->attrs[j]), v->attribute) == 0)
				break;
		if (j == gz->nattrs) {
			gz->attrs = xrealloc(gz->attrs, (gz->nattrs + 1) *
			    sizeof *gz->attrs);
			gz->attrs[gz->nattrs++] = gz_str_add(gz, v->attribute,
			    strlen(v->attribute));
		}
		nt = fold_tokens(&b, v->phrase, strlen(v->phrase));
		phrase_add(gz, b.f.s.buf, b.tok, nt, GZ_ATTRIBUTE, (uint32_t)j,
		    0);
	}
	for (i = 0; vocab_stop[i] != NULL; i++) {
		size_t	 nt = fold_tokens(&b, vocab_stop[i],
		    strlen(vocab_stop[i]));

		phrase_add(gz, b.f.s.buf, b.tok, nt, GZ_STOP, 0, 0);
	}
	brand_heads(gz, &b);
	al.gz = gz;
	al.b = &b;
	if (synonyms_list_source(st, NULL, SYNONYMS_ALIAS, alias_add, &al,
	    err) != SD_OK)
		goto fail;
	gz_english_mark(gz);
	gz_fuzzy_build(gz);

	text_folded_release(&b.f);
	free(b.tok);
	free(b.subs);
	gz_map_free(&b.brandmap);
	gz_map_free(&b.catmap);
	gz_map_free(&b.submap);
	return gz;
fail:
	text_folded_release(&b.f);
	free(b.tok);
	free(b.subs);
	gz_map_free(&b.brandmap);
	gz_map_free(&b.catmap);
	gz_map_free(&b.submap);
	gazetteer_free(gz);
	return NULL;
}

void
gazetteer_free(struct gazetteer *gz)
{
	if (gz == NULL)
		return;
	free(gz->prod);
	sbuf_release(&gz->strs);
	free(gz->brands);
	free(gz->cats);
	free(gz->attrs);
	free(gz->tab);
	free(gz->toks);
	free(gz->fz);
	free(gz->alias);
	free(gz->memb);
	free(gz->rec);
	free(gz->inner);
	free(gz);
}

void
gazetteer_stats(const struct gazetteer *gz, size_t *products, size_t *phrases,
    size_t *fuzzy)
{
	if (products != NULL)
		*products = gz->nprod;
	if (phrases != NULL)
		*phrases = gz->nphrases;
	if (fuzzy != NULL)
		*fuzzy = gz->fzused;
}

/*
 * dlg-kindidx.c: the catalog's kinds as documents, for reading which
 * kind of product a message names or describes.  Each subcategory is one
 * document made of its own text: its category and subcategory slugs (the
 * kind's own name, counted thrice), and each product's name, brand,
 * description, tags and attribute keys and values.  A message is scored
 * against every kind with BM25 over those documents, so a need said in
 * words ("outdoor", "motion alerts", "refills") finds the kinds whose
 * products say it, without a list of the customers' phrases.  The index
 * also knows which brands each kind carries and which words head a kind's
 * name ("cameras" heads smart-home/cameras and the cameras category).
 *
 * Reading the catalog walks every product (a second at 100,000), so the
 * connection keeps the index in a store slot until the catalog changes,
 * as dlg-specask.c keeps its attribute keys.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "search.h"
#include "store.h"
#include "dlg-int.h"

/* One (term, kind) pair of the index: how often the term is said. */
struct kidx_post {
	char		*term;		/* stemmed, lower case; owned */
	unsigned	 doc;		/* index into kinds */
	unsigned	 tf;		/* occurrences in that kind's text */
};

struct kind_index {
	struct dlg_kind	*kinds;		/* one per subcategory */
	size_t		 nkinds;
	struct kidx_post *post;		/* sorted by term, then doc */
	size_t		 npost;
	double		 avglen;	/* mean document length, in terms */
	long long	 cv;		/* store_catalog_version when read */
	int		 valid;		/* dv may be compared */
};

/*
 * The stem of the word w (n bytes) as the index keeps it, into out (n + 1
 * bytes): lower case, a plural's "s", "es" after s/x/ch/sh, "ies" as
 * "y".  Its length.
 */
static size_t
stem_into(const char *w, size_t n, char *out)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)w[i]);
	out[n] = '\0';
	if (n > 4 && strcmp(out + n - 3, "ies") == 0) {
		out[n - 3] = 'y';
		n -= 2;
	} else if (n > 4 && strcmp(out + n - 2, "es") == 0 &&
	    strchr("sx", out[n - 3]) != NULL)
		n -= 2;
	else if (n > 4 && strcmp(out + n - 4, "ches") == 0)
		n -= 2;
	else if (n > 3 && out[n - 1] == 's' && out[n - 2] != 's' &&
	    out[n - 2] != 'u')
		n -= 1;
	out[n] = '\0';
	return n;
}

/* Words this long are stemmed on the stack. */
#define WORD_MAX	128

/* Calls fn for each word of text (letters and digits), stemmed. */
static void
each_word(const char *text, void (*fn)(void *, const char *, size_t),
    void *arg)
{
	char		 buf[WORD_MAX], *w;
	const char	*p = text, *b;
	size_t		 n;

	if (text == NULL)
		return;
	while (*p != '\0') {
		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		for (b = p; isalnum((unsigned char)*p); p++)
			;
		if ((n = (size_t)(p - b)) < 2)
			continue;
		w = n < WORD_MAX ? buf : xmalloc(n + 1);
		n = stem_into(b, n, w);
		fn(arg, w, n);
		if (w != buf)
			free(w);
	}
}

/*
 * What a document being read collects.  Each (term, kind) pair is one
 * post, found again through an open-addressed table (post index + 1 per
 * cell, 0 empty), so a term said a thousand times is one entry and one
 * string, and only the distinct pairs are sorted.
 */
struct kidx_build {
	struct kind_index *ix;
	size_t		 cap;		/* allocated post entries */
	size_t		*cell;		/* hcap cells */
	size_t		 hcap;		/* a power of two */
	unsigned	 doc;
	unsigned	 weight;	/* each occurrence counts this much */
};

/* FNV-1a over the term and its kind. */
static size_t
post_hash(const char *w, size_t n, unsigned doc)
{
	size_t	 h = 2166136261u, i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)w[i]) * 16777619u;
	return (h ^ doc) * 16777619u;
}

/* Twice the cells, every post placed again. */
static void
build_grow(struct kidx_build *b)
{
	const struct kidx_post *q;
	size_t	 i, h;

	free(b->cell);
	b->hcap = b->hcap ? 2 * b->hcap : 8192;
	b->cell = xcalloc(b->hcap, sizeof *b->cell);
	for (i = 0; i < b->ix->npost; i++) {
		q = &b->ix->post[i];
		h = post_hash(q->term, strlen(q->term), q->doc);
		while (b->cell[h & (b->hcap - 1)] != 0)
			h++;
		b->cell[h & (b->hcap - 1)] = i + 1;
	}
}

static void
add_term(void *arg, const char *w, size_t n)
{
	struct kidx_build *b = arg;
	struct kind_index *ix = b->ix;
	struct kidx_post *q;
	size_t		 h, c;

	ix->kinds[b->doc].len += b->weight;
	if (2 * (ix->npost + 1) > b->hcap)
		build_grow(b);
	for (h = post_hash(w, n, b->doc);
	    (c = b->cell[h & (b->hcap - 1)]) != 0; h++) {
		q = &ix->post[c - 1];
		if (q->doc == b->doc && strcmp(q->term, w) == 0) {
			q->tf += b->weight;
			return;
		}
	}
	if (ix->npost == b->cap) {
		b->cap = b->cap ? 2 * b->cap : 4096;
		ix->post = xrealloc(ix->post, b->cap * sizeof *ix->post);
	}
	b->cell[h & (b->hcap - 1)] = ix->npost + 1;
	q = &ix->post[ix->npost++];
	q->term = xstrndup(w, n);
	q->doc = b->doc;
	q->tf = b->weight;
}

static int
post_cmp(const void *a, const void *b)
{
	const struct kidx_post *x = a, *y = b;
	int	 c = strcmp(x->term, y->term);

	if (c != 0)
		return c;
	return x->doc < y->doc ? -1 : x->doc > y->doc;
}

static void
kind_index_free(void *arg)
{
	struct kind_index *ix = arg;
	size_t	 i;

	if (ix == NULL)
		return;
	for (i = 0; i < ix->nkinds; i++) {
		free(ix->kinds[i].category);
		free(ix->kinds[i].subcategory);
		free(ix->kinds[i].brands);
	}
	for (i = 0; i < ix->npost; i++)
		free(ix->post[i].term);
	free(ix->kinds);
	free(ix->post);
	free(ix);
}

/* The kind of p in ix, added when new. */
static unsigned
kind_of(struct kind_index *ix, const struct product *p)
{
	size_t	 k;

	for (k = 0; k < ix->nkinds; k++)
		if (strcmp(ix->kinds[k].subcategory, p->subcategory) == 0 &&
		    strcmp(ix->kinds[k].category, p->category) == 0)
			return (unsigned)k;
	ix->kinds = xrealloc(ix->kinds, (ix->nkinds + 1) * sizeof *ix->kinds);
	memset(&ix->kinds[k], 0, sizeof ix->kinds[k]);
	ix->kinds[k].category = xstrdup(p->category);
	ix->kinds[k].subcategory = xstrdup(p->subcategory);
	ix->kinds[k].brands = xstrdup("\n");
	ix->nkinds++;
	return (unsigned)k;
}

/* One product's words into its kind's document. */
static void
add_product(void *arg, const struct product *p)
{
	struct kidx_build *b = arg;
	struct kind_index *ix = b->ix;
	struct dlg_kind	*k;
	struct sbuf	 sb = SBUF_INIT;
	cJSON		*attrs, *it;

	if (p->subcategory[0] == '\0')
		return;
	b->doc = kind_of(ix, p);
	k = &ix->kinds[b->doc];
	k->products++;
	if (p->stock > 0 && (!k->stocked || p->price < k->cheapest)) {
		k->cheapest = p->price;
		k->stocked = 1;
	}
	if (p->brand[0] != '\0') {
		sbuf_addf(&sb, "\n%s\n", p->brand);
		if (strcasestr(k->brands, sb.buf) == NULL) {
			sbuf_reset(&sb);
			sbuf_addf(&sb, "%s%s\n", k->brands, p->brand);
			free(k->brands);
			k->brands = sbuf_detach(&sb, NULL);
		}
		sbuf_reset(&sb);
	}
	if (k->products == 1) {
		/* The kind's own name, once per kind, weighs most. */
		b->weight = 3;
		each_word(p->category, add_term, b);
		each_word(p->subcategory, add_term, b);
	}
	b->weight = 1;
	each_word(p->name, add_term, b);
	each_word(p->brand, add_term, b);
	each_word(p->description, add_term, b);
	each_word(p->tags, add_term, b);
	if ((attrs = cJSON_Parse(p->attrs)) != NULL) {
		cJSON_ArrayForEach(it, attrs) {
			if (it->string != NULL)
				each_word(it->string, add_term, b);
			if (cJSON_IsString(it))
				each_word(it->valuestring, add_term, b);
		}
		cJSON_Delete(attrs);
	}
	sbuf_release(&sb);
}

/*
 * What the store slot holds: the index, and the one before it, kept one
 * rebuild longer because a turn's category entity may point into it.
 */
struct kind_slot {
	struct kind_index *cur;
	struct kind_index *old;
};

static void
kind_slot_free(void *arg)
{
	struct kind_slot *ks = arg;

	if (ks == NULL)
		return;
	kind_index_free(ks->cur);
	kind_index_free(ks->old);
	free(ks);
}

/*
 * The index of the store's catalog, or NULL without products.  It is
 * read again when the catalog changed; while this connection writes
 * (no version to compare) the one read before serves.
 */
static struct kind_index *
kind_index(struct tctx *t)
{
	struct kind_slot *ks = store_slot_get(t->st, STORE_SLOT_KINDS);
	struct sd_error	 err = SD_ERROR_INIT;
	struct kind_index *ix;
	struct kidx_build b;
	long long	 cv = 0;
	int		 current = store_catalog_version(t->st, &cv) == 0;
	size_t		 i, len = 0;

	if (ks != NULL && ks->cur != NULL && (!current || (ks->cur->valid &&
	    ks->cur->cv == cv)))
		return ks->cur->nkinds > 0 ? ks->cur : NULL;
	ix = xcalloc(1, sizeof *ix);
	memset(&b, 0, sizeof b);
	b.ix = ix;
	dlg_retrieve_begin(t);
	if (catalog_walk(t->st, 1000000, add_product, &b, &err) != SD_OK) {
		/* No catalog read: no kinds, as before any product. */
		kind_index_free(ix);
		ix = xcalloc(1, sizeof *ix);
	}
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	free(b.cell);
	/* Each (term, kind) once: sorted, as first_post searches them. */
	qsort(ix->post, ix->npost, sizeof *ix->post, post_cmp);
	for (i = 0; i < ix->nkinds; i++)
		len += ix->kinds[i].len;
	ix->avglen = ix->nkinds > 0 ? (double)len / (double)ix->nkinds : 1;
	ix->cv = cv;
	ix->valid = current;
	if (ks == NULL) {
		ks = xcalloc(1, sizeof *ks);
		store_slot_set(t->st, STORE_SLOT_KINDS, ks, kind_slot_free);
	}
	kind_index_free(ks->old);
	ks->old = ks->cur;
	ks->cur = ix;
	return ix->nkinds > 0 ? ix : NULL;
}

/* The first post of term in ix, or ix->npost. */
static size_t
first_post(const struct kind_index *ix, const char *term)
{
	size_t	 lo = 0, hi = ix->npost, mid;

	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (strcmp(ix->post[mid].term, term) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* What a scoring pass adds up. */
struct kidx_score {
	const struct kind_index *ix;
	double		*score;		/* per kind */
	const char	*skip;		/* " stem stem " not scored, or NULL */
};

/* BM25 (k1 1.2, b 0.75) of one query term over every kind. */
static void
score_term(void *arg, const char *w, size_t n)
{
	struct kidx_score *s = arg;
	const struct kind_index *ix = s->ix;
	struct sbuf	 key = SBUF_INIT;
	size_t		 i, j, df;
	double		 idf, tf, norm;

	(void)n;
	if (search_is_stopword(w))
		return;
	sbuf_addf(&key, " %s ", w);
	if (s->skip != NULL && strstr(s->skip, key.buf) != NULL) {
		sbuf_release(&key);
		return;
	}
	sbuf_release(&key);
	i = first_post(ix, w);
	for (j = i; j < ix->npost && strcmp(ix->post[j].term, w) == 0; j++)
		;
	/* A word many kinds say ("not", "home", "budget") tells none of
	 * them apart: only words at most a fifth of the kinds say count. */
	if ((df = j - i) == 0 || 5 * df > ix->nkinds)
		return;
	idf = log(1 + ((double)ix->nkinds - (double)df + 0.5) /
	    ((double)df + 0.5));
	for (; i < j; i++) {
		tf = ix->post[i].tf;
		norm = 1.2 * (0.25 + 0.75 * (double)ix->kinds[
		    ix->post[i].doc].len / ix->avglen);
		s->score[ix->post[i].doc] += idf * tf * 2.2 / (tf + norm);
	}
}

/*
 * The kinds of the catalog (*n of them; NULL without a catalog), valid
 * until the next call; score[k], when scores is not NULL, the BM25 of
 * text against kind k, leaving out the stems listed in skip (" a b ").
 * Caller frees *scores.
 */
const struct dlg_kind *
dlg_kinds_score(struct tctx *t, const char *text, const char *skip,
    size_t *n, double **scores)
{
	struct kind_index *ix = kind_index(t);
	struct kidx_score s;

	*n = 0;
	if (scores != NULL)
		*scores = NULL;
	if (ix == NULL)
		return NULL;
	*n = ix->nkinds;
	if (scores == NULL)
		return ix->kinds;
	s.ix = ix;
	s.score = xcalloc(ix->nkinds, sizeof *s.score);
	s.skip = skip;
	each_word(text, score_term, &s);
	*scores = s.score;
	return ix->kinds;
}

/* The stem of w (n bytes) as the index keeps it.  Caller frees. */
char *
dlg_kind_stem(const char *w, size_t n)
{
	char	*s = xmalloc(n + 1);

	stem_into(w, n, s);
	return s;
}

/* Does the stem w head kind k's name: the last word of its subcategory
 * ("power-banks": "bank") or of its category ("smart-home" no)? */
int
dlg_kind_headed(const struct dlg_kind *k, const char *w, int category)
{
	const char	*slug = category ? k->category : k->subcategory;
	const char	*h = strrchr(slug, '-');
	char		*s;
	int		 yes;

	h = h != NULL ? h + 1 : slug;
	s = dlg_kind_stem(h, strlen(h));
	yes = strcmp(s, w) == 0;
	free(s);
	return yes;
}

/* Does kind k carry products of brand (any case)? */
int
dlg_kind_has_brand(const struct dlg_kind *k, const char *brand)
{
	struct sbuf	 sb = SBUF_INIT;
	int		 yes;

	sbuf_addf(&sb, "\n%s\n", brand);
	yes = strcasestr(k->brands, sb.buf) != NULL;
	sbuf_release(&sb);
	return yes;
}

/*
 * Does the word w (n bytes, any case) head a kind of a category other
 * than cat, and none of cat ("oled" of tvs/oled said of laptops)?
 */
int
dlg_kind_word_elsewhere(struct tctx *t, const char *w, size_t n,
    const char *cat)
{
	const struct dlg_kind *k;
	size_t	 nk, i;
	char	*st;
	int	 other = 0, own = 0;

	if (cat == NULL || (k = dlg_kinds_score(t, NULL, NULL, &nk,
	    NULL)) == NULL)
		return 0;
	st = dlg_kind_stem(w, n);
	for (i = 0; i < nk; i++) {
		if (!dlg_kind_headed(&k[i], st, 0) &&
		    !dlg_kind_headed(&k[i], st, 1))
			continue;
		if (strcmp(k[i].category, cat) == 0)
			own = 1;
		else
			other = 1;
	}
	free(st);
	return other && !own;
}

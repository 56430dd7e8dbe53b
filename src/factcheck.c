/*
 * factcheck.c owns the checking of generated text: it indexes product
 * names (first word -> names starting with it, so a sentence costs a
 * hash probe per word however large the catalog), finds claims with
 * small hand-written scanners, decides each from a fresh read of the
 * store (catalog.h for products and orders, the "facts:<policy>" meta
 * entries for policies) and rewrites the sentence.
 *
 * Scanners are deliberately narrow: a number is a claim only next to the
 * words that make it one ("$" and a product, "reviews", "/5", "-day
 * return"), because a false "correction" of a true sentence is worse than
 * a claim left unchecked.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <sqlite3.h>

#include "shopdesk.h"
#include "catalog.h"
#include "factcheck.h"
#include "factcheck-int.h"
#include "sbuf.h"
#include "store.h"

const char *
fc_verdict_name(enum fc_verdict v)
{
	switch (v) {
	case FC_SUPPORTED:
		return "supported";
	case FC_CORRECTED:
		return "corrected";
	case FC_CONTRADICTED:
		return "contradicted";
	case FC_UNKNOWN_PRODUCT:
		return "unknown_product_removed";
	case FC_UNSUPPORTED:
		return "unsupported_removed";
	}
	return "?";
}

/* Index. */

static size_t
hash_str(const char *s)
{
	size_t	 h = 5381;

	for (; *s != '\0'; s++)
		h = h * 33 + (unsigned char)*s;
	return h;
}

static struct fc_bucket *
bucket(struct factcheck *fc, const char *w, int create)
{
	size_t	 i = hash_str(w) & (fc->tabn - 1);

	while (fc->tab[i].word != NULL) {
		if (strcmp(fc->tab[i].word, w) == 0)
			return &fc->tab[i];
		i = (i + 1) & (fc->tabn - 1);
	}
	if (!create)
		return NULL;
	fc->tab[i].word = xstrdup(w);
	fc->tab[i].sku = -1;
	return &fc->tab[i];
}

static int
wordch(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Split text into lowercase words; *out is an array of *n (free each w). */
static void
tokenize(const char *text, size_t len, struct tok **out, size_t *n)
{
	struct tok	*v = NULL;
	size_t		 cnt = 0, cap = 0, i = 0, j, s;

	while (i < len) {
		while (i < len && !wordch((unsigned char)text[i]))
			i++;
		if (i >= len)
			break;
		s = i;
		while (i < len && wordch((unsigned char)text[i]))
			i++;
		if (cnt == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[cnt].s = s;
		v[cnt].e = i;
		v[cnt].w = xstrndup(text + s, i - s);
		for (j = 0; v[cnt].w[j] != '\0'; j++)
			v[cnt].w[j] = (char)tolower((unsigned char)v[cnt].w[j]);
		cnt++;
	}
	*out = v;
	*n = cnt;
}

static void
toks_free(struct tok *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(v[i].w);
	free(v);
}

static void
add_key(struct factcheck *fc, const char *text, size_t prod, int brand)
{
	struct tok	*t;
	size_t		 n, i;
	struct fc_key	*k;
	struct fc_bucket *b;

	tokenize(text, strlen(text), &t, &n);
	if (n == 0) {
		toks_free(t, n);
		return;
	}
	/*
	 * The keys grow by doubling and take tokenize's strings: growing
	 * them one at a time and copying every word were most of the first
	 * check's 900 million instructions at 100,000 products.
	 */
	if (fc->nk == fc->kcap) {
		fc->kcap = fc->kcap ? fc->kcap * 2 : 256;
		fc->k = xrealloc(fc->k, fc->kcap * sizeof *fc->k);
	}
	k = &fc->k[fc->nk];
	k->w = xcalloc(n, sizeof *k->w);
	for (i = 0; i < n; i++) {
		k->w[i] = t[i].w;
		t[i].w = NULL;
	}
	k->nw = (int)n;
	k->prod = prod;
	b = bucket(fc, k->w[0], 1);
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 4;
		b->keys = xrealloc(b->keys, b->cap * sizeof *b->keys);
	}
	b->keys[b->n++] = fc->nk;
	if (k->nw > b->maxnw)
		b->maxnw = k->nw;
	if (brand)
		b->brand = 1;
	fc->nk++;
	toks_free(t, n);
}

/* A name's hash, one word at a time (a separator after each). */
static size_t
name_hash(size_t h, const char *w)
{
	for (; *w != '\0'; w++)
		h = h * 33 + (unsigned char)*w;
	return h * 33 + 0x1f;
}

#define NAME_HASH_INIT	5381

/*
 * The table of whole names: a sentence's words starting at a known first
 * word are looked up as one, two, three... words, each a hash probe,
 * where every name starting with the word used to be compared.  With a
 * large catalog a brand's bucket holds thousands of names, and walking
 * them for each mention of the brand was most of a reply's check (6.4M
 * instructions of 7.4M for a list of three laptops at 100,000
 * products).  Of equal names the first added stays, the one the walk
 * found first.
 */
static int
same_words(const struct fc_key *a, const struct fc_key *b)
{
	int	 i;

	if (a->nw != b->nw)
		return 0;
	for (i = 0; i < a->nw; i++)
		if (strcmp(a->w[i], b->w[i]) != 0)
			return 0;
	return 1;
}

static void
names_build(struct factcheck *fc)
{
	size_t	 i, j, n = 0, h;
	int	 w;

	for (i = 0; i < fc->nk; i++)
		n += fc->k[i].prod != (size_t)-1;
	fc->namesn = 64;
	while (fc->namesn < n * 2)
		fc->namesn *= 2;
	fc->names = xcalloc(fc->namesn, sizeof *fc->names);
	for (i = 0; i < fc->nk; i++) {
		if (fc->k[i].prod == (size_t)-1)
			continue;
		h = NAME_HASH_INIT;
		for (w = 0; w < fc->k[i].nw; w++)
			h = name_hash(h, fc->k[i].w[w]);
		for (j = h & (fc->namesn - 1); fc->names[j].key != 0;
		    j = (j + 1) & (fc->namesn - 1))
			if (fc->names[j].hash == h && same_words(
			    &fc->k[fc->names[j].key - 1], &fc->k[i]))
				break;
		if (fc->names[j].key == 0) {
			fc->names[j].hash = h;
			fc->names[j].key = i + 1;
		}
	}
}

/* The product key whose words are t[0..n), hashed h; NULL if none. */
static const struct fc_key *
names_find(const struct factcheck *fc, size_t h, const struct tok *t,
    size_t n)
{
	const struct fc_key *k;
	size_t		 j, w;

	for (j = h & (fc->namesn - 1); fc->names[j].key != 0;
	    j = (j + 1) & (fc->namesn - 1)) {
		if (fc->names[j].hash != h)
			continue;
		k = &fc->k[fc->names[j].key - 1];
		if ((size_t)k->nw != n)
			continue;
		for (w = 0; w < n && strcmp(k->w[w], t[w].w) == 0; w++)
			;
		if (w == n)
			return k;
	}
	return NULL;
}

struct factcheck *
factcheck_open(struct store *st, struct sd_error *err)
{
	static const char sql[] = "SELECT sku, name, coalesce(brand, ''),"
	    " coalesce(model, '') FROM products ORDER BY id";
	static const char cnt[] = "SELECT count(*) FROM products";
	struct factcheck *fc = xcalloc(1, sizeof *fc);
	sqlite3_stmt	*s;
	const char	*sku, *name, *brand, *model;
	size_t		 np = 0, bl;
	struct fc_bucket *b;
	char		*low;
	int		 r;

	fc->st = st;
	if ((s = store_prepare(st, cnt, err)) == NULL)
		goto fail;
	if (sqlite3_step(s) == SQLITE_ROW)
		np = (size_t)sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	/* Room for ~4 words per product at under half load. */
	fc->tabn = 64;
	while (fc->tabn < np * 8 + 64)
		fc->tabn *= 2;
	fc->tab = xcalloc(fc->tabn, sizeof *fc->tab);
	fc->sku = xcalloc(np + 1, sizeof *fc->sku);
	if ((s = store_prepare(st, sql, err)) == NULL)
		goto fail;
	while ((r = sqlite3_step(s)) == SQLITE_ROW && fc->np < np) {
		sku = (const char *)sqlite3_column_text(s, 0);
		name = (const char *)sqlite3_column_text(s, 1);
		brand = (const char *)sqlite3_column_text(s, 2);
		model = (const char *)sqlite3_column_text(s, 3);
		fc->sku[fc->np] = xstrdup(sku);
		add_key(fc, name, fc->np, 0);
		bl = strlen(brand);
		/* "ASUS ROG Strix G15" is also "ROG Strix G15". */
		if (bl > 0 && strncasecmp(name, brand, bl) == 0 &&
		    name[bl] == ' ')
			add_key(fc, name + bl + 1, fc->np, 0);
		if (bl > 0)
			add_key(fc, brand, (size_t)-1, 1);
		if (strlen(model) >= 3 && strpbrk(model, "0123456789") != NULL)
			add_key(fc, model, fc->np, 0);
		low = xstrdup(sku);
		for (bl = 0; low[bl] != '\0'; bl++)
			low[bl] = (char)tolower((unsigned char)low[bl]);
		b = bucket(fc, low, 1);
		b->sku = (long)fc->np;
		free(low);
		fc->np++;
	}
	sqlite3_reset(s);
	names_build(fc);
	fc_policies_load(fc);
	return fc;
fail:
	factcheck_free(fc);
	return NULL;
}

void
factcheck_free(struct factcheck *fc)
{
	size_t	 i;
	int	 j;

	if (fc == NULL)
		return;
	for (i = 0; i < fc->np; i++)
		free(fc->sku[i]);
	free(fc->sku);
	for (i = 0; i < fc->nk; i++) {
		for (j = 0; j < fc->k[i].nw; j++)
			free(fc->k[i].w[j]);
		free(fc->k[i].w);
	}
	free(fc->k);
	for (i = 0; i < fc->tabn; i++) {
		free(fc->tab[i].word);
		free(fc->tab[i].keys);
	}
	free(fc->tab);
	free(fc->names);
	fc_policies_free(fc);
	free(fc);
}

long
fc_sku_lookup(struct factcheck *fc, const char *sku)
{
	char		*low = xstrdup(sku);
	struct fc_bucket *b;
	size_t		 i;

	for (i = 0; low[i] != '\0'; i++)
		low[i] = (char)tolower((unsigned char)low[i]);
	b = bucket(fc, low, 0);
	free(low);
	return b != NULL ? b->sku : -1;
}

/* Results. */

void
fc_result_init(struct fc_result *r)
{
	memset(r, 0, sizeof *r);
	sbuf_init(&r->text);
	r->subject = -1;
}

void
fc_result_release(struct fc_result *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++) {
		free(r->claims[i].text);
		free(r->claims[i].ev_id);
		free(r->claims[i].ev_field);
		free(r->claims[i].ev_value);
		free(r->claims[i].corrected);
	}
	free(r->claims);
	for (i = 0; i < r->ncites; i++) {
		free(r->cites[i].kind);
		free(r->cites[i].id);
	}
	free(r->cites);
	free(r->order);
	free(r->seen);
	fc_cache_free(r->cache);
	sbuf_release(&r->text);
	memset(r, 0, sizeof *r);
	r->subject = -1;
}

void
fc_result_counts(const struct fc_result *r, int *made, int *backed)
{
	size_t	 i;

	*made = (int)r->n;
	*backed = 0;
	for (i = 0; i < r->n; i++)
		*backed += r->claims[i].verdict == FC_SUPPORTED;
}

struct fc_claim *
fc_claim_add(struct fc_result *r, const char *kind, const char *text,
    size_t len, enum fc_verdict v, const char *ev_kind, const char *ev_id,
    const char *field, const char *value, const char *corrected)
{
	struct fc_claim	*c;

	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 8;
		r->claims = xrealloc(r->claims, r->cap * sizeof *r->claims);
	}
	c = &r->claims[r->n++];
	c->text = xstrndup(text, len);
	c->kind = kind;
	c->verdict = v;
	c->ev_kind = ev_kind;
	c->ev_id = ev_id != NULL ? xstrdup(ev_id) : NULL;
	c->ev_field = field != NULL ? xstrdup(field) : NULL;
	c->ev_value = value != NULL ? xstrdup(value) : NULL;
	c->corrected = corrected != NULL ? xstrdup(corrected) : NULL;
	if (v == FC_CONTRADICTED)
		r->contradicted = 1;
	return c;
}

static void
cite_add(struct fc_result *r, const char *kind, const char *id, int known)
{
	size_t	 i;

	for (i = 0; i < r->ncites; i++)
		if (strcmp(r->cites[i].kind, kind) == 0 &&
		    strcmp(r->cites[i].id, id) == 0)
			return;
	r->cites = xrealloc(r->cites, (r->ncites + 1) * sizeof *r->cites);
	r->cites[r->ncites].kind = xstrdup(kind);
	r->cites[r->ncites].id = xstrdup(id);
	r->cites[r->ncites].known = known;
	r->ncites++;
}


static void
edit_add(struct sent *x, size_t s, size_t e, const char *rep,
    const struct fc_claim *c)
{
	struct edit	*ed;

	x->ed = xrealloc(x->ed, (x->ned + 1) * sizeof *x->ed);
	ed = &x->ed[x->ned++];
	ed->s = s;
	ed->e = e;
	ed->rep = rep != NULL ? xstrdup(rep) : NULL;
	ed->mark = NULL;
	if (!x->ctx->show_verdicts)
		return;
	if (c->verdict == FC_SUPPORTED)
		ed->mark = xasprintf(" [\xe2\x9c\x93 %s]", c->kind);
	else if (c->verdict == FC_CORRECTED)
		ed->mark = xasprintf(" [\xe2\x9c\x97 corrected: %s]",
		    c->corrected);
	else
		ed->mark = xasprintf(" [\xe2\x9c\x97 %s]", c->kind);
}

/* Take [P:SKU] and [D:id] markers out of the sentence. */
static void
strip_markers(struct sent *x, const char *text, size_t len)
{
	struct sbuf	 out = SBUF_INIT;
	size_t		 i = 0, j;
	char		*id;
	long		 p;

	while (i < len) {
		if (text[i] == '[' && i + 3 < len && (text[i + 1] == 'P' ||
		    text[i + 1] == 'D') && text[i + 2] == ':') {
			for (j = i + 3; j < len && text[j] != ']' &&
			    text[j] != '[' && text[j] != ' '; j++)
				;
			if (j < len && text[j] == ']' && j > i + 3) {
				id = xstrndup(text + i + 3, j - i - 3);
				if (text[i + 1] == 'P') {
					p = fc_sku_lookup(x->fc, id);
					cite_add(x->res, "product", id, p >= 0);
					if (p < 0) {
						fc_claim_add(x->res, "product",
						    text + i, j + 1 - i,
						    FC_UNKNOWN_PRODUCT,
						    "product", id, "sku",
						    NULL, NULL);
						x->drop = 1;
					} else {
						x->m = xrealloc(x->m, (x->nm +
						    1) * sizeof *x->m);
						x->m[x->nm].s = out.len;
						x->m[x->nm].e = out.len;
						x->m[x->nm].prod = p;
						x->nm++;
					}
				} else {
					cite_add(x->res, "document", id, 1);
					x->docs = xrealloc(x->docs, (x->ndocs +
					    1) * sizeof *x->docs);
					x->docs[x->ndocs++] = xstrdup(id);
				}
				free(id);
				/* Drop the space before the marker too. */
				while (out.len > 0 && out.buf[out.len - 1] ==
				    ' ')
					sbuf_setlen(&out, out.len - 1);
				i = j + 1;
				continue;
			}
		}
		sbuf_addc(&out, text[i]);
		i++;
	}
	x->len = out.len;
	x->s = sbuf_detach(&out, NULL);
	/* The reply may hold a NUL (a model can send \u0000): copy len
	 * bytes, not up to the first NUL, or lc is shorter than s. */
	x->lc = xmalloc(x->len + 1);
	memcpy(x->lc, x->s, x->len + 1);
	for (i = 0; i < x->len; i++)
		x->lc[i] = (char)tolower((unsigned char)x->lc[i]);
}

/* Letters and digits together, not a unit ("16gb", "300hz"). */
static int
model_like(const char *w)
{
	static const char *const units[] = { "gb", "tb", "mb", "hz", "w",
	    "mah", "mm", "cm", "inch", "in", "k", "p", "th", "st", "nd", "rd",
	    "ms", "h", "hr", "hrs", "x", "v", "kg", "lb", "lbs", "g", "m",
	    "fps", "gen", NULL };
	size_t	 i, d = 0, a = 0, lead;
	int	 u;

	for (i = 0; w[i] != '\0'; i++) {
		if (isdigit((unsigned char)w[i]))
			d++;
		else
			a++;
	}
	if (d == 0 || a == 0)
		return 0;
	/* A number followed by a unit is a spec, not a model. */
	for (lead = 0; isdigit((unsigned char)w[lead]); lead++)
		;
	if (lead > 0)
		for (u = 0; units[u] != NULL; u++)
			if (strcmp(w + lead, units[u]) == 0)
				return 0;
	return 1;
}

/*
 * Are words i..j of the sentence the start of a known name ("Samsung
 * Galaxy S24 Ultra" of "Samsung Galaxy S24 Ultra (256GB)")?  A family
 * the catalog has is not an invented product.
 */
static int
family_of(struct sent *x, const struct fc_bucket *b, size_t i, size_t j)
{
	const struct fc_key *k;
	size_t		 n, w;

	for (n = 0; n < b->n; n++) {
		k = &x->fc->k[b->keys[n]];
		if ((size_t)k->nw < j - i + 1)
			continue;
		for (w = 0; w <= j - i; w++)
			if (strcmp(k->w[w], x->t[i + w].w) != 0)
				break;
		if (w > j - i)
			return 1;
	}
	return 0;
}

/*
 * Is [s, e) of the sentence a name the customer said?  "I couldn't find
 * Galaxy S25" repeats it to say the store lacks it; that is no product
 * the reply invented.
 */
static int
customer_said(struct sent *x, size_t s, size_t e)
{
	char	*name;
	int	 yes;

	if (x->ctx == NULL || x->ctx->user_text == NULL || e <= s)
		return 0;
	name = xstrndup(x->s + s, e - s);
	yes = strcasestr(x->ctx->user_text, name) != NULL;
	free(name);
	return yes;
}

static void
find_products(struct sent *x)
{
	struct fc_bucket *b;
	const struct fc_key *k;
	size_t		 i, j, best_n, mi, h;
	long		 best;
	int		 cap;

	for (i = 0; i < x->nt; i++) {
		if ((b = bucket(x->fc, x->t[i].w, 0)) == NULL || b->n == 0)
			continue;
		best = -1;
		best_n = 0;
		h = NAME_HASH_INIT;
		for (j = 0; j < (size_t)b->maxnw && i + j < x->nt; j++) {
			h = name_hash(h, x->t[i + j].w);
			if ((k = names_find(x->fc, h, x->t + i, j + 1)) !=
			    NULL) {
				best = (long)k->prod;	/* the longest so far */
				best_n = j + 1;
			}
		}
		if (best >= 0) {
			x->m = xrealloc(x->m, (x->nm + 1) * sizeof *x->m);
			x->m[x->nm].s = x->t[i].s;
			x->m[x->nm].e = x->t[i + best_n - 1].e;
			x->m[x->nm].prod = best;
			x->nm++;
			i += best_n - 1;
			continue;
		}
		/*
		 * No known name starts here, yet the word starts names (or
		 * is a brand) and capitalised model-like words follow: a
		 * product the catalog does not have.
		 */
		cap = isupper((unsigned char)x->s[x->t[i].s]) ||
		    isdigit((unsigned char)x->s[x->t[i].s]);
		if (!cap)
			continue;
		for (j = i + 1; j < x->nt && j <= i + 3; j++) {
			if (x->t[j].s > x->t[j - 1].e + 1)
				break;	/* punctuation between words */
			if (model_like(x->t[j].w) &&
			    !isdigit((unsigned char)x->t[j].w[0])) {
				for (mi = 0; mi < x->nm; mi++)
					if (x->m[mi].e >= x->t[j].s &&
					    x->m[mi].s <= x->t[j].s)
						break;
				if (mi < x->nm || family_of(x, b, i, j) ||
				    fc_in_rows(x, x->t[i].s, x->t[j].e) ||
				    customer_said(x, x->t[i].s, x->t[j].e))
					break;
				fc_claim_add(x->res, "product",
				    x->s + x->t[i].s, x->t[j].e - x->t[i].s,
				    FC_UNKNOWN_PRODUCT, "product", NULL, "name",
				    NULL, NULL);
				x->drop = 1;
				return;
			}
		}
	}
}

/* The product a claim at byte pos is about, or -1. */
long
fc_subject_at(struct sent *x, size_t pos)
{
	long	 p = -1;
	size_t	 i;

	for (i = 0; i < x->nm; i++)
		if (x->m[i].s <= pos)
			p = x->m[i].prod;
	if (p < 0 && x->nm > 0)
		p = x->m[0].prod;
	/* After several products, "it" (or a table row) is ambiguous. */
	if (p < 0 && x->res->nseen < 2)
		p = x->res->subject;
	if (p < 0 && x->ctx->nskus == 1)
		p = fc_sku_lookup(x->fc, x->ctx->skus[0]);
	return p;
}

int
fc_load_product(struct sent *x, long p, struct product *pr)
{
	struct sd_error	 err = SD_ERROR_INIT;
	int		 ok;

	memset(pr, 0, sizeof *pr);
	ok = p >= 0 && catalog_product_by_sku(x->fc->st, x->fc->sku[p], pr,
	    &err) == SD_OK;
	sd_error_clear(&err);
	return ok;
}

/* Does the window of lc before pos (n bytes) contain w? */
int
fc_before(struct sent *x, size_t pos, size_t n, const char *w)
{
	size_t	 s = pos > n ? pos - n : 0;
	char	*win = xstrndup(x->lc + s, pos - s);
	int	 r = strstr(win, w) != NULL;

	free(win);
	return r;
}

int
fc_after(struct sent *x, size_t pos, size_t n, const char *w)
{
	size_t	 e = pos + n < x->len ? pos + n : x->len;
	char	*win = xstrndup(x->lc + pos, e - pos);
	int	 r = strstr(win, w) != NULL;

	free(win);
	return r;
}

int
fc_near(struct sent *x, size_t s, size_t e, size_t n, const char *w)
{
	return fc_before(x, s, n, w) || fc_after(x, e, n, w);
}

/* A number at p: digits with thousands commas and a decimal part. */
static size_t
number_at(const char *s, size_t len, size_t p, double *v)
{
	struct sbuf	 d = SBUF_INIT;
	size_t		 i = p;

	while (i < len && (isdigit((unsigned char)s[i]) || (s[i] == ',' &&
	    i + 3 < len + 1 && i > p && isdigit((unsigned char)s[i + 1])) ||
	    (s[i] == '.' && i + 1 < len && isdigit((unsigned char)s[i + 1])))) {
		if (s[i] != ',')
			sbuf_addc(&d, s[i]);
		i++;
	}
	*v = d.len > 0 ? strtod(d.buf, NULL) : 0;
	sbuf_release(&d);
	return i;
}

/* A policy fact by key: value and the policy's id.  0 when absent. */
static int
policy_fact(struct store *st, const char *key, double *v, char **doc)
{
	static const char sql[] = "SELECT substr(key, 7),"
	    " json_extract(value, '$.' || ?1) FROM meta"
	    " WHERE key LIKE 'facts:%' AND json_valid(value)"
	    " AND json_type(value, '$.' || ?1) IN ('integer', 'real')"
	    " ORDER BY key LIMIT 1";
	sqlite3_stmt	*s;
	int		 found = 0;

	if ((s = store_prepare(st, sql, NULL)) == NULL)
		return 0;
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		*doc = xstrdup((const char *)sqlite3_column_text(s, 0));
		*v = sqlite3_column_double(s, 1);
		found = 1;
	}
	sqlite3_reset(s);
	return found;
}

static char *
fmt_num(double v)
{
	if (v == floor(v) && fabs(v) < 1e15)
		return xasprintf("%.0f", v);
	return xasprintf("%.2f", v);
}

/* A numeric policy claim at [s, e) whose number is v; money: 1 an
 * amount, 2 a number of days written in weeks. */
static void
check_policy(struct sent *x, const char *key, size_t s, size_t e, double v,
    int money)
{
	double		 truth;
	char		*doc = NULL, *val, *rep = NULL;
	struct fc_claim	*c;

	if (!policy_fact(x->fc->st, key, &truth, &doc))
		return;
	val = fmt_num(truth);
	if (fabs(truth - v) < 0.005) {
		c = fc_claim_add(x->res, "policy", x->s + s, e - s,
		    FC_SUPPORTED, "policy", doc, key, val, NULL);
		edit_add(x, s, e, NULL, c);
	} else {
		rep = money == 1 ? catalog_money(truth, "USD") : money == 2 ?
		    xasprintf("%s days", val) : xstrdup(val);
		c = fc_claim_add(x->res, "policy", x->s + s, e - s,
		    FC_CORRECTED, "policy", doc, key, val, rep);
		edit_add(x, s, e, rep, c);
	}
	free(rep);
	free(val);
	free(doc);
}

static void
scan_money(struct sent *x)
{
	static const char *const qual[] = { "under ", "below ", "less than ",
	    "up to ", "budget", "within ", "around ", "about ", "save ",
	    "saving ", "over ", "above ", "more than ", "cheaper", "plus ",
	    "extra ", "from ", "between ", "and ", "to ", "paid ",
	    "refund of ", NULL };
	struct product	 pr;
	struct fc_claim	*c;
	size_t		 i, e;
	double		 v;
	long		 p;
	int		 q;
	char		*money, *val;

	for (i = 0; i + 1 < x->len; i++) {
		if (x->s[i] != '$' || !isdigit((unsigned char)x->s[i + 1]))
			continue;
		e = number_at(x->s, x->len, i + 1, &v);
		if (fc_near(x, i, e, 30, "return") && (fc_near(x, i, e, 30,
		    "label") || fc_near(x, i, e, 30, "return shipping"))) {
			check_policy(x, "return_shipping_fee", i, e, v, 1);
			continue;
		}
		if ((fc_before(x, i, 30, "orders") || fc_after(x, e, 12,
		    "or more")) && strstr(x->lc, "ship") != NULL) {
			check_policy(x, "free_shipping_threshold", i, e, v, 1);
			continue;
		}
		if (fc_near(x, i, e, 25, "shipping") || fc_after(x, e, 6,
		    " off") || fc_near(x, i, e, 25, "fee") ||
		    fc_before(x, i, 30, "plan") || fc_before(x, i, 30,
		    "protect") || fc_before(x, i, 30, "coverage") ||
		    fc_before(x, i, 30, "warranty") ||
		    fc_after(x, e, 9, " in total"))
			continue;	/* not a product's price (a cart's sum
					   is backed by the state) */
		for (q = 0; qual[q] != NULL; q++)
			if (fc_before(x, i, strlen(qual[q]) + 1, qual[q]))
				break;
		if (qual[q] != NULL || fc_after(x, e, 8, " budget") ||
		    fc_before(x, i, 16, "sav") || fc_before(x, i, 16,
		    "discount"))
			continue;	/* the allow-list checks savings */
		if ((p = fc_subject_at(x, i)) < 0 ||
		    !fc_load_product(x, p, &pr))
			continue;
		val = fmt_num(pr.price);
		if (fabs(pr.price - v) < 0.005) {
			c = fc_claim_add(x->res, "price", x->s + i, e - i,
			    FC_SUPPORTED, "product", pr.sku, "price", val,
			    NULL);
			edit_add(x, i, e, NULL, c);
		} else if (pr.list_price > 0 && fabs(pr.list_price - v) <
		    0.005) {
			free(val);
			val = fmt_num(pr.list_price);
			c = fc_claim_add(x->res, "price", x->s + i, e - i,
			    FC_SUPPORTED, "product", pr.sku, "list_price", val,
			    NULL);
			edit_add(x, i, e, NULL, c);
		} else {
			money = catalog_money(pr.price, pr.currency);
			c = fc_claim_add(x->res, "price", x->s + i, e - i,
			    FC_CORRECTED, "product", pr.sku, "price", val,
			    money);
			edit_add(x, i, e, money, c);
			free(money);
		}
		free(val);
		product_release(&pr);
		i = e - 1;
	}
}

/* Ratings ("4.6/5", "4.6 out of 5", "4.6 stars") and review counts. */
static void
scan_ratings(struct sent *x)
{
	struct product	 pr;
	struct fc_claim	*c;
	size_t		 i, e, k;
	double		 v;
	long		 p;
	int		 rating, reviews;
	char		*val, *rep;

	for (i = 0; i < x->len; i++) {
		if (!isdigit((unsigned char)x->s[i]) || (i > 0 &&
		    (isalnum((unsigned char)x->s[i - 1]) || x->s[i - 1] == '.' ||
		    x->s[i - 1] == ',' || x->s[i - 1] == '$' ||
		    x->s[i - 1] == '#' || x->s[i - 1] == '/')))
			continue;
		e = number_at(x->s, x->len, i, &v);
		k = e;
		while (k < x->len && x->s[k] == ' ')
			k++;
		rating = v <= 5 && (strncmp(x->lc + k, "/5", 2) == 0 ||
		    strncmp(x->lc + k, "/ 5", 3) == 0 ||
		    strncmp(x->lc + k, "out of 5", 8) == 0 ||
		    strncmp(x->lc + k, "star", 4) == 0);
		reviews = strncmp(x->lc + k, "review", 6) == 0 ||
		    strncmp(x->lc + k, "customer review", 15) == 0 ||
		    strncmp(x->lc + k, "rating", 6) == 0 ||
		    strncmp(x->lc + k, "verified review", 15) == 0;
		if ((!rating && !reviews) || (p = fc_subject_at(x, i)) < 0 ||
		    !fc_load_product(x, p, &pr)) {
			i = e > i ? e - 1 : i;
			continue;
		}
		if (rating) {
			val = xasprintf("%.1f", pr.rating);
			if (pr.review_count == 0 && pr.rating == 0)
				c = fc_claim_add(x->res, "rating", x->s + i,
				    e - i,
				    FC_CONTRADICTED, "product", pr.sku,
				    "rating", "unrated", NULL);
			else if (fabs(pr.rating - v) < 0.05)
				c = fc_claim_add(x->res, "rating", x->s + i,
				    e - i,
				    FC_SUPPORTED, "product", pr.sku, "rating",
				    val, NULL);
			else
				c = fc_claim_add(x->res, "rating", x->s + i,
				    e - i,
				    FC_CORRECTED, "product", pr.sku, "rating",
				    val, val);
			edit_add(x, i, e, c->corrected, c);
			free(val);
		} else {
			val = xasprintf("%lld", pr.review_count);
			if ((long long)v == pr.review_count)
				c = fc_claim_add(x->res, "reviews", x->s + i,
				    e - i, FC_SUPPORTED, "product", pr.sku,
				    "review_count", val, NULL);
			else {
				rep = xasprintf("%lld", pr.review_count);
				c = fc_claim_add(x->res, "reviews", x->s + i,
				    e - i, FC_CORRECTED, "product", pr.sku,
				    "review_count", val, rep);
				free(rep);
			}
			edit_add(x, i, e, c->corrected, c);
			free(val);
		}
		product_release(&pr);
		i = e - 1;
	}
}

int
fc_find_word(const char *lc, const char *w, size_t from, size_t *at)
{
	const char	*p = strstr(lc + from, w);

	if (p == NULL)
		return 0;
	*at = (size_t)(p - lc);
	return 1;
}

/* "in stock", "out of stock", "only 3 left", "3 in stock". */
static void
scan_stock(struct sent *x)
{
	struct product	 pr;
	struct fc_claim	*c;
	size_t		 at, s, e, from = 0;
	double		 v;
	long		 p;
	char		*val, *rep;

	while (fc_find_word(x->lc, "stock", from, &at) ||
	    fc_find_word(x->lc, " left", from, &at)) {
		from = at + 5;
		s = at;
		e = at + 5;
		/* Count claims: "3 left", "3 in stock", "3 units left". */
		{
			size_t	 k = at, d;
			char	*ws;

			if (strncmp(x->lc + at, "stock", 5) == 0 && at >= 3 &&
			    strncmp(x->lc + at - 3, "in ", 3) == 0)
				k = at - 3;
			while (k > 0 && x->lc[k - 1] == ' ')
				k--;
			ws = NULL;
			if (k >= 6 && strncmp(x->lc + k - 6, " units", 6) == 0)
				k -= 6;
			d = k;
			while (d > 0 && isdigit((unsigned char)x->lc[d - 1]))
				d--;
			if (d < k && (d == 0 || !isalnum((unsigned char)
			    x->lc[d - 1]))) {
				number_at(x->s, x->len, d, &v);
				if ((p = fc_subject_at(x, d)) < 0 ||
				    !fc_load_product(x, p, &pr))
					continue;
				val = xasprintf("%lld", pr.stock);
				if ((long long)v == pr.stock)
					c = fc_claim_add(x->res, "stock",
					    x->s + d,
					    e - d, FC_SUPPORTED, "product",
					    pr.sku, "stock", val, NULL);
				else {
					rep = xasprintf("%lld", pr.stock);
					c = fc_claim_add(x->res, "stock",
					    x->s + d,
					    e - d, FC_CORRECTED, "product",
					    pr.sku, "stock", val, rep);
					free(rep);
				}
				edit_add(x, d, k, c->corrected, c);
				free(val);
				product_release(&pr);
				free(ws);
				continue;
			}
			free(ws);
		}
		if (strncmp(x->lc + at, "stock", 5) != 0)
			continue;
		if (at >= 7 && strncmp(x->lc + at - 7, "out of ", 7) == 0)
			s = at - 7;
		else if (at >= 3 && strncmp(x->lc + at - 3, "in ", 3) == 0)
			s = at - 3;
		else
			continue;
		if (fc_before(x, s, 12, "back ") || fc_before(x, s, 12,
		    "when "))
			continue;	/* "when it is back in stock" */
		if ((p = fc_subject_at(x, s)) < 0 ||
		    !fc_load_product(x, p, &pr))
			continue;
		val = xasprintf("%lld", pr.stock);
		if ((x->lc[s] == 'i') == (pr.stock > 0))
			c = fc_claim_add(x->res, "stock", x->s + s, e - s,
			    FC_SUPPORTED, "product", pr.sku, "stock", val,
			    NULL);
		else
			c = fc_claim_add(x->res, "stock", x->s + s, e - s,
			    FC_CORRECTED, "product", pr.sku, "stock", val,
			    pr.stock > 0 ? "in stock" : "out of stock");
		edit_add(x, s, e, c->corrected, c);
		free(val);
		product_release(&pr);
	}
}

static int
word_number(const char *lc, size_t s, size_t e, double *v)
{
	static const char *const words[] = { "zero", "one", "two", "three",
	    "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
	    "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
	    "seventeen", "eighteen", "nineteen", "twenty", NULL };
	size_t	 i;

	if (isdigit((unsigned char)lc[s])) {
		*v = strtod(lc + s, NULL);
		return 1;
	}
	for (i = 0; words[i] != NULL; i++)
		if (strlen(words[i]) == e - s &&
		    strncmp(lc + s, words[i], e - s) == 0) {
			*v = (double)i;
			return 1;
		}
	return 0;
}

/*
 * "N-year warranty", "N-day return window", "N% restocking fee",
 * "refund within N business days": numbers and the unit after them.
 */
static void
scan_terms(struct sent *x)
{
	struct product	 pr;
	struct fc_claim	*c;
	size_t		 i, u, s, e;
	double		 v;
	long		 p;
	int		 months, years, weeks;
	char		*val, *rep;
	const char	*key;

	for (i = 0; i < x->nt; i++) {
		s = x->t[i].s;
		e = x->t[i].e;
		if (!word_number(x->lc, s, e, &v))
			continue;
		/* Ranges ("2-3 year", "4-6 hours") are not one claim. */
		if ((s >= 1 && x->lc[s - 1] == '-' && s >= 2 &&
		    isdigit((unsigned char)x->lc[s - 2])) ||
		    (e < x->len && x->lc[e] == '-' && e + 1 < x->len &&
		    isdigit((unsigned char)x->lc[e + 1])))
			continue;
		if (e < x->len && x->lc[e] == '%') {
			if (fc_after(x, e, 25, "restocking") ||
			    fc_before(x, s, 25, "restocking"))
				check_policy(x, "restocking_fee_percent", s,
				    e, v, 0);
			continue;
		}
		if (i + 1 >= x->nt || x->t[i + 1].s > e + 1)
			continue;
		u = i + 1;
		if (strcmp(x->t[u].w, "business") == 0 && u + 1 < x->nt)
			u++;
		years = strncmp(x->t[u].w, "year", 4) == 0;
		months = strncmp(x->t[u].w, "month", 5) == 0;
		if ((years || months) && fc_after(x, x->t[u].e, 30,
		    "warranty") && !fc_after(x, x->t[u].e, 20, "extended") &&
		    !fc_before(x, s, 20, "extended") && !fc_near(x, s,
		    x->t[u].e, 30, "protect")) {
			if ((p = fc_subject_at(x, s)) < 0 ||
			    !fc_load_product(x, p, &pr))
				continue;
			if (pr.warranty_months <= 0) {
				product_release(&pr);
				continue;
			}
			val = xasprintf("%d months", pr.warranty_months);
			if ((years ? v * 12 : v) == pr.warranty_months)
				c = fc_claim_add(x->res, "warranty", x->s + s,
				    x->t[u].e - s, FC_SUPPORTED, "product",
				    pr.sku, "warranty_months", val, NULL);
			else {
				if (years && pr.warranty_months % 12 == 0)
					rep = xasprintf("%d",
					    pr.warranty_months / 12);
				else if (years)
					rep = NULL;
				else
					rep = xasprintf("%d",
					    pr.warranty_months);
				c = fc_claim_add(x->res, "warranty", x->s + s,
				    x->t[u].e - s, rep != NULL ? FC_CORRECTED :
				    FC_CONTRADICTED, "product", pr.sku,
				    "warranty_months", val, rep);
				free(rep);
			}
			edit_add(x, s, e, c->corrected, c);
			free(val);
			product_release(&pr);
			continue;
		}
		weeks = strncmp(x->t[u].w, "week", 4) == 0;
		if (strncmp(x->t[u].w, "day", 3) != 0 && !weeks)
			continue;
		/* Days left or gone are the allow-list's ("15 days left"). */
		if (fc_after(x, x->t[u].e, 6, "ago") || fc_after(x, x->t[u].e,
		    6, "left") || fc_before(x, s, 12, "still have"))
			continue;
		key = NULL;
		if (fc_near(x, s, x->t[u].e, 40, "price match") ||
		    fc_near(x, s, x->t[u].e, 40, "price drop"))
			key = "price_match_window_days";
		else if (fc_before(x, s, 25, "return") || fc_after(x,
		    x->t[u].e, 10, "return"))
			key = "return_window_days";	/* "return it within" */
		else if (fc_near(x, s, x->t[u].e, 40, "defective"))
			key = "doa_exchange_days";	/* replaced or refunded */
		else if (fc_near(x, s, x->t[u].e, 40, "refund"))
			key = "refund_processing_days";
		else if (fc_near(x, s, x->t[u].e, 40, "damage"))
			key = "report_damage_within_days";
		else if (fc_after(x, x->t[u].e, 12, "of delivery") ||
		    fc_after(x, x->t[u].e, 14, "from delivery") ||
		    fc_after(x, x->t[u].e, 14, "after delivery"))
			key = "return_window_days";	/* its start */
		else if (fc_near(x, s, x->t[u].e, 30, "ship it back") ||
		    fc_near(x, s, x->t[u].e, 30, "send it back"))
			key = "ship_back_within_days";
		else if (fc_near(x, s, x->t[u].e, 30, "return"))
			key = "return_window_days";
		/* "two weeks" is 14 days; a correction says days. */
		if (key != NULL && weeks)
			check_policy(x, key, s, x->t[u].e, v * 7, 2);
		else if (key != NULL)
			check_policy(x, key, s, e, v, 0);
	}
}

static const struct {
	const char	*phrase;
	const char	*status;
} status_words[] = {
	{ "out for delivery", "shipped" },
	{ "in transit", "shipped" },
	{ "on its way", "shipped" },
	{ "shipped", "shipped" },
	{ "delivered", "delivered" },
	{ "being processed", "processing" },
	{ "processing", "processing" },
	{ "cancelled", "cancelled" },
	{ "canceled", "cancelled" },
	{ "refunded", "refunded" },
	{ "return requested", "return_requested" },
	{ "return has been requested", "return_requested" },
};

static const char *
status_phrase(const char *status)
{
	if (strcmp(status, "processing") == 0)
		return "not shipped yet";
	if (strcmp(status, "return_requested") == 0)
		return "marked for return";
	return status;
}

static const char *const months[] = { "january", "february", "march",
	"april", "may", "june", "july", "august", "september", "october",
	"november", "december" };

/* Does lc[p..s) join "order" to its number ("order #", "order no. ")? */
static int
order_ref(const char *lc, size_t p, size_t s)
{
	static const char *const words[] = { " number", " no.", " no",
	    " id", NULL };
	size_t	 i;

	if (p < s && lc[p] == 's')
		p++;
	for (i = 0; words[i] != NULL; i++)
		if (strncmp(lc + p, words[i], strlen(words[i])) == 0 &&
		    p + strlen(words[i]) <= s) {
			p += strlen(words[i]);
			break;
		}
	while (p < s && (lc[p] == ' ' || lc[p] == '#' || lc[p] == ':'))
		p++;
	return p == s;
}

/*
 * The order a sentence without an order number is about: the one an
 * earlier sentence named, or the only one in context, when the sentence
 * refers to it ("it", "your package").
 */
static char *
carried_order(struct sent *x)
{
	static const char *const refs[] = { "it ", "it's", "your order",
	    "the order", "package", "parcel", "shipment", "delivery", NULL };
	const char	*id = x->res->order;
	size_t		 i;

	if (id == NULL && x->ctx->norders == 1)
		id = x->ctx->orders[0];
	if (id == NULL)
		return NULL;
	for (i = 0; refs[i] != NULL; i++)
		if (strstr(x->lc, refs[i]) != NULL)
			return xstrdup(id);
	return NULL;
}

/*
 * "shipped with FedEx on August 12" of an order delivered since tells
 * what happened then, not where it is now: the date says which (and the
 * date is checked against the shipment's).
 */
static int
dated_event(struct sent *x, const struct order *o, const char *phrase,
    size_t pe)
{
	struct fq_list	 l;
	size_t		 i;
	int		 dated = 0;

	if (!((strcmp(phrase, "shipped") == 0 && o->shipped_at != NULL) ||
	    (strcmp(phrase, "delivered") == 0 && o->delivered_at != NULL)))
		return 0;
	memset(&l, 0, sizeof l);
	fq_scan(x->s + pe, x->len - pe, &l);
	for (i = 0; i < l.n && !dated; i++)
		dated = strcmp(l.v[i].unit, "date") == 0 && l.v[i].s < 40;
	fq_list_release(&l);
	return dated;
}

/* Order status and dates: "order #12345 has shipped". */
static void
scan_orders(struct sent *x)
{
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	struct fc_claim	*c;
	size_t		 at = 0, s, e, k, i, best_at = 0;
	int		 found, bi = -1, mo, day;
	const char	*field, *truth;
	char		*id = NULL, *rep;

	s = x->len;
	if (fc_find_word(x->lc, "order", 0, &at))
		for (s = at; s < x->len; s++)
			if (isdigit((unsigned char)x->s[s]))
				break;
	/* The number must follow closely: "order #12345", "order 12345". */
	for (e = s; e < x->len && isdigit((unsigned char)x->s[e]); e++)
		;
	if (s < x->len && order_ref(x->lc, at + 5, s) && e - s >= 3)
		id = xstrndup(x->s + s, e - s);
	else if ((id = carried_order(x)) != NULL)
		s = e = 0;	/* "It has been delivered." */
	else
		return;
	memset(&o, 0, sizeof o);
	found = catalog_order(x->fc->st, id, &o, &err) == SD_OK;
	sd_error_clear(&err);
	/* The first status phrase after the number. */
	for (k = 0; k < sizeof status_words / sizeof status_words[0]; k++)
		if (fc_find_word(x->lc, status_words[k].phrase, e, &i) &&
		    (bi < 0 || i < best_at) && !fc_before(x, i, 16,
		    "will be") && !fc_before(x, i, 12, "expected") &&
		    !fc_before(x, i, 12, "should be") && !fc_before(x, i,
		    8, "not ")) {
			bi = (int)k;
			best_at = i;
		}
	/* "I can't find order #12303 on your account" claims nothing. */
	if ((!found || x->ctx->user_id == NULL || strcmp(o.customer_id,
	    x->ctx->user_id) != 0) && (fc_negated(x) || strstr(x->lc,
	    "sign in") != NULL || strstr(x->lc, "who you are") != NULL))
		goto out;
	if (!found || (x->ctx->user_id != NULL &&
	    strcmp(o.customer_id, x->ctx->user_id) != 0) ||
	    x->ctx->user_id == NULL) {
		/* Never confirm or correct someone else's order. */
		fc_claim_add(x->res, "order_status", x->s + s, e - s,
		    FC_CONTRADICTED, "order", id, "customer_id",
		    !found ? "no such order" : "not this customer's order",
		    NULL);
		goto out;
	}
	free(x->order_id);
	x->order_id = xstrdup(o.id);
	free(x->res->order);
	x->res->order = xstrdup(o.id);
	if (bi >= 0) {
		size_t	 pe = best_at + strlen(status_words[bi].phrase);

		if (strcmp(status_words[bi].status, o.status) == 0 ||
		    dated_event(x, &o, status_words[bi].phrase, pe))
			c = fc_claim_add(x->res, "order_status", x->s + best_at,
			    pe - best_at, FC_SUPPORTED, "order", o.id,
			    "status", o.status, NULL);
		else {
			const char *ph = status_phrase(o.status);
			char	*rep2;

			/* "has shipped" -> "has been delivered". */
			if (fc_before(x, best_at, 4, "has ") &&
			    strcmp(o.status, "shipped") != 0 &&
			    strcmp(o.status, "processing") != 0)
				rep2 = xasprintf("been %s", ph);
			else
				rep2 = xstrdup(ph);
			c = fc_claim_add(x->res, "order_status", x->s + best_at,
			    pe - best_at, FC_CORRECTED, "order", o.id,
			    "status", o.status, rep2);
			free(rep2);
		}
		edit_add(x, best_at, pe, c->corrected, c);
	}
	/* Dates: "2026-11-18" or "November 18". */
	for (i = e; i < x->len; i++) {
		size_t	 ds = i, de = 0;
		char	 got[11] = "";

		mo = -1;
		day = 0;
		if (isdigit((unsigned char)x->s[i]) && i + 10 <= x->len &&
		    x->s[i + 4] == '-' && x->s[i + 7] == '-' &&
		    (i == 0 || !isalnum((unsigned char)x->s[i - 1]))) {
			memcpy(got, x->s + i, 10);
			de = i + 10;
		} else {
			for (k = 0; k < 12; k++)
				if (strncmp(x->lc + i, months[k],
				    strlen(months[k])) == 0 && (i == 0 ||
				    !isalpha((unsigned char)x->lc[i - 1])))
					break;
			if (k == 12)
				continue;
			de = i + strlen(months[k]);
			if (de + 1 >= x->len || x->s[de] != ' ' ||
			    !isdigit((unsigned char)x->s[de + 1]))
				continue;
			day = atoi(x->s + de + 1);
			mo = (int)k;
			de++;
			while (de < x->len && isdigit((unsigned char)x->s[de]))
				de++;
		}
		field = NULL;
		truth = NULL;
		if (fc_before(x, ds, 30, "deliver") && o.delivered_at !=
		    NULL) {
			field = "delivered_at";
			truth = o.delivered_at;
		} else if (fc_before(x, ds, 30, "deliver") ||
		    fc_before(x, ds, 30, "arriv") || fc_before(x, ds, 30,
		    "expect") || fc_before(x, ds, 30, "estimat")) {
			field = "estimated_delivery";
			truth = o.estimated_delivery;
		} else if (fc_before(x, ds, 30, "ship")) {
			field = "shipped_at";
			truth = o.shipped_at;
		} else if (fc_before(x, ds, 30, "placed") ||
		    fc_before(x, ds, 30, "ordered")) {
			field = "placed_at";
			truth = o.placed_at;
		}
		if (field == NULL || truth == NULL || strlen(truth) < 10) {
			i = de;
			continue;
		}
		if (mo < 0) {
			rep = xstrndup(truth, 10);
			found = strncmp(got, truth, 10) == 0;
		} else {
			int tm = atoi(truth + 5) - 1, td = atoi(truth + 8);

			found = tm == mo && td == day;
			rep = xasprintf("%c%s %d", toupper((unsigned char)
			    months[tm][0]), months[tm] + 1, td);
		}
		c = fc_claim_add(x->res, "order_date", x->s + ds, de - ds,
		    found ? FC_SUPPORTED : FC_CORRECTED, "order", o.id, field,
		    truth, found ? NULL : rep);
		edit_add(x, ds, de, c->corrected, c);
		free(rep);
		i = de;
	}
out:
	if (o.id != NULL)
		order_release(&o);
	free(id);
}

static int
edit_cmp(const void *a, const void *b)
{
	const struct edit *x = a, *y = b;

	return x->s < y->s ? -1 : x->s > y->s;
}

enum sd_rc
factcheck_sentence(struct factcheck *fc, const struct fc_ctx *ctx,
    const char *text, size_t len, struct fc_result *res,
    struct sd_error *err)
{
	struct sent	 x;
	size_t		 i, pos;

	(void)err;
	memset(&x, 0, sizeof x);
	x.fc = fc;
	x.ctx = ctx;
	x.res = res;
	strip_markers(&x, text, len);
	tokenize(x.s, x.len, &x.t, &x.nt);
	res->sentences++;
	find_products(&x);
	x.has_product = x.nm > 0;
	if (!x.drop) {
		scan_orders(&x);
		scan_money(&x);
		scan_ratings(&x);
		scan_stock(&x);
		scan_terms(&x);
	}
	/* Then what no scanner knows: it must be backed or go. */
	if (!x.drop && !res->contradicted)
		fc_scan_claims(&x);
	if (!x.drop && !res->contradicted)
		fc_scan_numbers(&x);
	if (x.drop) {
		res->removed++;
		goto out;
	}
	if (x.ned > 1)
		qsort(x.ed, x.ned, sizeof *x.ed, edit_cmp);
	pos = 0;
	for (i = 0; i < x.ned; i++) {
		if (x.ed[i].s < pos)
			continue;	/* overlaps an earlier claim */
		sbuf_add(&res->text, x.s + pos, x.ed[i].s - pos);
		if (x.ed[i].rep != NULL)
			sbuf_adds(&res->text, x.ed[i].rep);
		else
			sbuf_add(&res->text, x.s + x.ed[i].s,
			    x.ed[i].e - x.ed[i].s);
		pos = x.ed[i].e;
		if (x.ed[i].mark != NULL) {
			/* After the claim's word(s): "in stock [✓ stock]". */
			sbuf_adds(&res->text, x.ed[i].mark);
		}
	}
	sbuf_add(&res->text, x.s + pos, x.len - pos);
	if (x.nm > 0)
		res->subject = x.m[x.nm - 1].prod;
	for (i = 0; i < x.nm; i++) {
		size_t	 j;

		for (j = 0; j < res->nseen && res->seen[j] != x.m[i].prod; j++)
			;
		if (j == res->nseen) {
			res->seen = xrealloc(res->seen, (res->nseen + 1) *
			    sizeof *res->seen);
			res->seen[res->nseen++] = x.m[i].prod;
		}
	}
out:
	for (i = 0; i < x.ned; i++) {
		free(x.ed[i].rep);
		free(x.ed[i].mark);
	}
	free(x.ed);
	toks_free(x.t, x.nt);
	free(x.m);
	free(x.s);
	free(x.lc);
	fc_sent_release(&x);
	return SD_OK;
}

/* End of the sentence starting at p, or 0 when it has not ended yet. */
static size_t
sentence_end(const char *s, size_t len, size_t p, int partial)
{
	size_t	 i;

	for (i = p; i < len; i++) {
		if (s[i] == '\n') {
			while (i < len && s[i] == '\n')
				i++;
			return i;
		}
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
		    (i + 1 == len ? !partial : s[i + 1] == ' ' ||
		    s[i + 1] == '\n')) {
			i++;
			while (i < len && s[i] == ' ')
				i++;
			if (i == len && partial)
				return 0;	/* more spaces may come */
			return i;
		}
	}
	return partial ? 0 : len;
}

enum sd_rc
factcheck_text(struct factcheck *fc, const struct fc_ctx *ctx,
    const char *text, size_t len, int partial, size_t *used,
    struct fc_result *res, struct sd_error *err)
{
	size_t		 p = 0, e;
	enum sd_rc	 rc = SD_OK;

	fc_rows_check(fc);
	while (p < len) {
		if ((e = sentence_end(text, len, p, partial)) == 0)
			break;
		if ((rc = factcheck_sentence(fc, ctx, text + p, e - p, res,
		    err)) != SD_OK)
			break;
		p = e;
	}
	if (used != NULL)
		*used = p;
	return rc;
}

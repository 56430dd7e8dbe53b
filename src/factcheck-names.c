/*
 * factcheck-names.c owns the checker's index of product names and the
 * finding of products in a sentence.  factcheck_open reads every
 * product's name, brand, model and SKU into a table keyed by first word
 * (so a sentence costs a hash probe per word however large the
 * catalog) and a table of whole names; fc_find_products marks the
 * longest known name at each word of a sentence, and a capitalised
 * model-like name the catalog does not have (nor the customer said) as
 * an unknown product, which drops the sentence.  What the sentence then
 * claims about the products is factcheck.c's and its scanners'.
 */
#include "config.h"

#include <ctype.h>
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
void
fc_tokenize(const char *text, size_t len, struct tok **out, size_t *n)
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
		/* "Galaxy S24+" is not the "Galaxy S24". */
		if (i < len && text[i] == '+' && (i + 1 == len ||
		    !wordch((unsigned char)text[i + 1])))
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

void
fc_toks_free(struct tok *v, size_t n)
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

	fc_tokenize(text, strlen(text), &t, &n);
	if (n == 0) {
		fc_toks_free(t, n);
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
	fc_toks_free(t, n);
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

void
fc_find_products(struct sent *x)
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

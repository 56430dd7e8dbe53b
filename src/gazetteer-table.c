/*
 * gazetteer-table.c owns the gazetteer's tables: the token and phrase
 * hashes, the open-addressing maps and phrase entries, the folded-word
 * table with its flags, and the phrase paths recorded during the build
 * and flushed into the phrase table with their members.  gazetteer.c
 * fills them from the catalog.
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

/*
 * Phrase table load at most 3/5: linear probing still finds a missing
 * n-gram in under four probes, mostly in one cache line.
 */
#define TAB_LOAD_NUM	3
#define TAB_LOAD_DEN	5

static uint64_t
mix64(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

uint64_t
gz_token_hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ull;
	size_t	 i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ull;
	}
	h = mix64(h);
	return h != 0 ? h : 1;
}

uint64_t
gz_combine(uint64_t h, uint64_t t)
{
	h = mix64(h * 0x9e3779b97f4a7c15ull + t);
	return h != 0 ? h : 1;
}

uint32_t
gz_str_add(struct gazetteer *gz, const char *s, size_t n)
{
	uint32_t off = (uint32_t)gz->strs.len;

	sbuf_add(&gz->strs, s, n);
	sbuf_addc(&gz->strs, '\0');
	return off;
}

void
gz_map_init(struct gz_map *m, size_t n)
{
	m->mask = pow2(n * 2) - 1;
	m->keys = xcalloc(m->mask + 1, sizeof *m->keys);
	m->vals = xcalloc(m->mask + 1, sizeof *m->vals);
	m->used = 0;
}

void
gz_map_free(struct gz_map *m)
{
	free(m->keys);
	free(m->vals);
}

uint32_t
gz_map_find(const struct gz_map *m, uint64_t key)
{
	size_t	 i;

	for (i = key & m->mask; m->keys[i] != 0; i = (i + 1) & m->mask)
		if (m->keys[i] == key)
			return m->vals[i];
	return UINT32_MAX;
}

/* The value for key, inserting val when absent (*isnew set then). */
uint32_t
gz_map_get(struct gz_map *m, uint64_t key, uint32_t val, int *isnew)
{
	size_t	 i, j, oldmask;
	uint64_t *ok;
	uint32_t *ov;

	*isnew = 0;
	for (i = key & m->mask; m->keys[i] != 0; i = (i + 1) & m->mask)
		if (m->keys[i] == key)
			return m->vals[i];
	if ((m->used + 1) * 2 > m->mask + 1) {
		ok = m->keys;
		ov = m->vals;
		oldmask = m->mask;
		gz_map_init(m, (oldmask + 1));
		for (j = 0; j <= oldmask; j++) {
			if (ok[j] == 0)
				continue;
			for (i = ok[j] & m->mask; m->keys[i] != 0;
			    i = (i + 1) & m->mask)
				;
			m->keys[i] = ok[j];
			m->vals[i] = ov[j];
			m->used++;
		}
		free(ok);
		free(ov);
		for (i = key & m->mask; m->keys[i] != 0; i = (i + 1) & m->mask)
			;
	}
	m->keys[i] = key;
	m->vals[i] = val;
	m->used++;
	*isnew = 1;
	return val;
}

static void
tab_grow(struct gazetteer *gz)
{
	struct gz_entry	*old = gz->tab;
	size_t		 oldn = gz->tabmask + 1, i, j;

	gz->tabmask = oldn * 2 - 1;
	gz->tab = xcalloc(gz->tabmask + 1, sizeof *gz->tab);
	for (i = 0; i < oldn; i++) {
		if (old[i].key == 0)
			continue;
		for (j = old[i].key & gz->tabmask; gz->tab[j].key != 0;
		    j = (j + 1) & gz->tabmask)
			;
		gz->tab[j] = old[i];
	}
	free(old);
}

struct gz_entry *
gz_tab_get(struct gazetteer *gz, uint64_t key)
{
	size_t	 i;

	if ((gz->tabused + 1) * TAB_LOAD_DEN >
	    (gz->tabmask + 1) * TAB_LOAD_NUM)
		tab_grow(gz);
	for (i = key & gz->tabmask; gz->tab[i].key != 0;
	    i = (i + 1) & gz->tabmask)
		if (gz->tab[i].key == key)
			return &gz->tab[i];
	gz->tab[i].key = key;
	gz->tabused++;
	return &gz->tab[i];
}

const struct gz_entry *
gz_lookup(const struct gazetteer *gz, uint64_t key)
{
	size_t	 i;

	for (i = key & gz->tabmask; gz->tab[i].key != 0;
	    i = (i + 1) & gz->tabmask)
		if (gz->tab[i].key == key)
			return &gz->tab[i];
	return NULL;
}

static void
tok_grow(struct gazetteer *gz)
{
	struct gz_tok	*old = gz->toks;
	size_t		 oldn = gz->tokmask + 1, i, j;

	gz->tokmask = oldn * 2 - 1;
	gz->toks = xcalloc(gz->tokmask + 1, sizeof *gz->toks);
	for (i = 0; i < oldn; i++) {
		if (old[i].key == 0)
			continue;
		for (j = old[i].key & gz->tokmask; gz->toks[j].key != 0;
		    j = (j + 1) & gz->tokmask)
			;
		gz->toks[j] = old[i];
	}
	free(old);
}

/*
 * Register a folded word; returns its hash.  Its text is kept (for the
 * typo index) unless keep is 0: a word only flagged, never a typo target.
 */
uint64_t
gz_tok_put(struct gazetteer *gz, const char *s, size_t n, uint32_t flags,
    int keep)
{
	uint64_t key = gz_token_hash(s, n);
	size_t	 i;

	if ((gz->tokused + 1) * 2 > gz->tokmask + 1)
		tok_grow(gz);
	for (i = key & gz->tokmask; gz->toks[i].key != 0;
	    i = (i + 1) & gz->tokmask)
		if (gz->toks[i].key == key)
			break;
	if (gz->toks[i].key == 0) {
		gz->toks[i].key = key;
		gz->toks[i].str = keep ? gz_str_add(gz, s, n) : 0;
		gz->toks[i].len = keep ? (uint32_t)n : 0;
		gz->tokused++;
	}
	gz->toks[i].flags |= flags;
	if (flags & GZ_TOK_KNOWN)
		gz->toks[i].freq++;
	return key;
}

uint64_t
gz_tok_add(struct gazetteer *gz, const char *s, size_t n, uint32_t flags)
{
	return gz_tok_put(gz, s, n, flags, 1);
}

static const struct gz_tok *
tok_find(const struct gazetteer *gz, uint64_t key)
{
	size_t	 i;

	for (i = key & gz->tokmask; gz->toks[i].key != 0;
	    i = (i + 1) & gz->tokmask)
		if (gz->toks[i].key == key)
			return &gz->toks[i];
	return NULL;
}

int
gz_token_flags(const struct gazetteer *gz, uint64_t key)
{
	const struct gz_tok *t = tok_find(gz, key);

	return t != NULL ? (int)t->flags : 0;
}

int
gz_is_common(const struct gazetteer *gz, uint64_t key)
{
	return (gz_token_flags(gz, key) & GZ_TOK_COMMON) != 0;
}

/* Merge one phrase's meaning into its entry. */
static void
entry_set(struct gazetteer *gz, struct gz_entry *e, int kind, uint32_t target,
    uint32_t aux)
{
	if (e->kind == GZ_NONE)
		gz->nphrases++;
	if (e->kind == GZ_NONE || kind > e->kind) {
		e->kind = (uint8_t)kind;
		e->target = target;
		e->aux = aux;
		e->count = 1;
	} else if (kind == e->kind && target != e->target &&
	    (kind == GZ_PRODUCT || kind == GZ_FAMILY)) {
		/*
		 * A product's steps for one key come together (products
		 * in order, records sorted stably), so keeping the last
		 * target counts each product once however many of its
		 * phrases share the key.
		 */
		e->count++;
		e->target = target;
		if (e->aux != aux)
			e->aux = 0;
	}
}

static void
rec_push(struct gazetteer *gz, uint64_t key, int kind, uint32_t target,
    uint32_t aux, int more)
{
	struct gz_rec *r;

	if (gz->nrec == gz->reccap) {
		gz->reccap = gz->reccap < 1024 ? 1024 : gz->reccap * 2;
		gz->rec = xrealloc(gz->rec, gz->reccap * sizeof *gz->rec);
	}
	r = &gz->rec[gz->nrec++];
	r->key = key;
	r->target = target;
	r->aux = aux;
	r->kind = (uint8_t)kind;
	r->more = (uint8_t)more;
}

/* path_add's steps as records, in the order path_add applies them. */
static void
rec_path(struct gazetteer *gz, const uint64_t *th, size_t n, int kind,
    uint32_t target, uint32_t aux, int family, int fam1)
{
	uint64_t h = 0;
	size_t	 k;

	for (k = 0; k < n; k++) {
		h = gz_combine(h, th[k]);
		if (k + 1 == n)
			rec_push(gz, h, kind, target, aux, 0);
		else if (family && (k > 0 || fam1))
			rec_push(gz, h, GZ_FAMILY, target, aux, 1);
		else
			rec_push(gz, h, GZ_NONE, 0, 0, 1);
	}
}

static int
member_cmp(const void *a, const void *b)
{
	const struct gz_member *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->target < y->target ? -1 : x->target > y->target;
}

/*
 * The products of each phrase left ambiguous (count > 1) once all the
 * steps are applied: the steps that gave the phrase its kind, sorted by
 * key for gazetteer_members, at most GZ_MEMBERS_MAX each.
 */
static void
members_build(struct gazetteer *gz, const struct gz_rec *a, size_t n)
{
	const struct gz_entry *e;
	struct gz_member *m = NULL;
	size_t		 i, k = 0, cap = 0, run = 0;

	for (i = 0; i < n; i++) {
		if (a[i].kind != GZ_PRODUCT && a[i].kind != GZ_FAMILY)
			continue;
		e = gz_lookup(gz, a[i].key);
		if (e == NULL || e->count < 2 || e->kind != a[i].kind)
			continue;
		if (k == cap) {
			cap = cap < 256 ? 256 : cap * 2;
			m = xrealloc(m, cap * sizeof *m);
		}
		m[k].key = a[i].key;
		m[k++].target = a[i].target;
	}
	if (k > 0)
		qsort(m, k, sizeof *m, member_cmp);
	for (i = 0, n = 0; i < k; i++) {
		if (n > 0 && m[n - 1].key == m[i].key) {
			if (m[n - 1].target == m[i].target ||
			    run >= GZ_MEMBERS_MAX)
				continue;
			run++;
		} else
			run = 1;
		m[n++] = m[i];
	}
	gz->memb = m;
	gz->nmemb = n;
}

/*
 * Apply the recorded steps.  At 100,000 products the table is tens of
 * megabytes and each step is a cache miss in random order; sorted by home
 * slot (a stable radix sort, so steps of one key keep their order and
 * entry_set merges them as before) the inserts walk the table once.
 */
void
gz_flush(struct gazetteer *gz)
{
	struct gz_rec	*a = gz->rec, *b, *t;
	size_t		 n = gz->nrec, i, shift, bits, nb, sum, c;
	size_t		*cnt;
	struct gz_entry	*e;

	gz->defer = 0;
	if (n == 0)
		goto out;
	for (bits = 0; ((size_t)1 << bits) <= gz->tabmask; bits++)
		;
	nb = (size_t)1 << 11;
	cnt = xmalloc(nb * sizeof *cnt);
	b = xmalloc(n * sizeof *b);
	for (shift = 0; shift < bits; shift += 11) {
		memset(cnt, 0, nb * sizeof *cnt);
		for (i = 0; i < n; i++)
			cnt[((a[i].key & gz->tabmask) >> shift) & (nb - 1)]++;
		for (i = 0, sum = 0; i < nb; i++) {
			c = cnt[i];
			cnt[i] = sum;
			sum += c;
		}
		for (i = 0; i < n; i++)
			b[cnt[((a[i].key & gz->tabmask) >> shift) &
			    (nb - 1)]++] = a[i];
		t = a;
		a = b;
		b = t;
	}
	for (i = 0; i < n; i++) {
		e = gz_tab_get(gz, a[i].key);
		if (a[i].more)
			e->more = 1;
		if (a[i].kind != GZ_NONE)
			entry_set(gz, e, a[i].kind, a[i].target, a[i].aux);
	}
	members_build(gz, a, n);
	free(cnt);
	free(a);
	free(b);
	gz->rec = NULL;
out:
	free(gz->rec);
	gz->rec = NULL;
	gz->nrec = gz->reccap = 0;
}

/*
 * Add the phrase of word hashes th[0..n).  Its leading parts are marked
 * as continuing; with family set they also name a family (the first word
 * alone only when fam1).  The higher kind wins a shared phrase; the same
 * kind naming another product counts it (an ambiguous name).
 */
void
gz_path_add(struct gazetteer *gz, const uint64_t *th, size_t n, int kind,
    uint32_t target, uint32_t aux, int family, int fam1)
{
	struct gz_entry	*e;
	uint64_t	 h[GZ_MAXN];
	size_t		 k;

	if (n == 0)
		return;
	/*
	 * A longer name ("Canon EOS R50 with RF-S 18-45mm lens") is
	 * known by its first GZ_MAXN words, as a leading part.
	 */
	if (n > GZ_MAXN) {
		n = GZ_MAXN;
		kind = GZ_FAMILY;
	}
	if (gz->defer) {
		rec_path(gz, th, n, kind, target, aux, family, fam1);
		return;
	}
	if ((gz->tabused + n) * TAB_LOAD_DEN >
	    (gz->tabmask + 1) * TAB_LOAD_NUM)
		tab_grow(gz);
	/*
	 * The table is far larger than the caches at 100,000 products:
	 * fetch every slot of the path at once instead of one miss after
	 * another.
	 */
	for (k = 0; k < n; k++) {
		h[k] = gz_combine(k > 0 ? h[k - 1] : 0, th[k]);
		__builtin_prefetch(&gz->tab[h[k] & gz->tabmask], 1);
	}
	for (k = 0; k < n; k++) {
		e = gz_tab_get(gz, h[k]);
		if (k + 1 == n)
			break;
		e->more = 1;
		if (family && (k > 0 || fam1))
			entry_set(gz, e, GZ_FAMILY, target, aux);
	}
	entry_set(gz, e, kind, target, aux);
}

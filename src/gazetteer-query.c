/*
 * gazetteer-query.c answers what the extractor and the dialogue ask of a
 * built gazetteer: the products an ambiguous phrase names
 * (gazetteer_members), which of them has a word the customer said
 * (gz_member_word, gz_member_has), and the ids, names and slugs behind
 * the target indices of a phrase.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "entity.h"
#include "entity-int.h"
#include "gazetteer-int.h"

static int
ascii_alnum(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9');
}

static char
ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c | 0x20) : c;
}

/* The members of ambiguous phrase key: the index of the first, or nmemb. */
static size_t
members_at(const struct gazetteer *gz, uint64_t key)
{
	size_t	 lo = 0, hi = gz->nmemb, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (gz->memb[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t
gazetteer_members(const struct gazetteer *gz, const struct entity *en,
    const char **skus, size_t max)
{
	const struct gz_entry *e;
	size_t	 i, k = 0;

	if (gz == NULL || en->phrase == 0 ||
	    (e = gz_lookup(gz, en->phrase)) == NULL ||
	    (e->kind != GZ_PRODUCT && e->kind != GZ_FAMILY))
		return 0;
	if (e->count == 1) {
		if (max > 0)
			skus[k++] = gz_product_sku(gz, e->target);
		return k;
	}
	for (i = members_at(gz, en->phrase); i < gz->nmemb &&
	    gz->memb[i].key == en->phrase && k < max; i++)
		skus[k++] = gz_product_sku(gz, gz->memb[i].target);
	return k;
}

/*
 * Does the name have the word w (folded, n bytes)?  A number alone also
 * matches it with its unit ("256" is "256GB", "2" is not "2TB" unless
 * said so); name words are compared without case, so this allocates
 * nothing.
 */
static int
name_has_word(const char *name, const char *w, size_t n)
{
	const char *p = name, *q;
	size_t	 k, digits;

	for (digits = 0; digits < n && w[digits] >= '0' && w[digits] <= '9';
	    digits++)
		;
	while (*p != '\0') {
		while (*p != '\0' && !ascii_alnum(*p))
			p++;
		for (q = p; ascii_alnum(*q); q++)
			;
		if (q == p)
			break;
		for (k = 0; k < n && p + k < q && ascii_lower(p[k]) == w[k];
		    k++)
			;
		if (k == n && (p + k == q || (digits == n && (p[k] < '0' ||
		    p[k] > '9'))))
			return 1;
		p = q;
	}
	return 0;
}

int
gz_member_has(const struct gazetteer *gz, uint64_t key, const char *w,
    size_t n)
{
	const struct gz_entry *e = gz_lookup(gz, key);
	size_t	 i;

	if (e != NULL && e->count == 1)
		return name_has_word(gz_product_name(gz, e->target), w, n);
	for (i = members_at(gz, key); i < gz->nmemb && gz->memb[i].key == key;
	    i++)
		if (name_has_word(gz_product_name(gz, gz->memb[i].target), w,
		    n))
			return 1;
	return 0;
}

uint32_t
gz_member_word(const struct gazetteer *gz, uint64_t key, const char *w,
    size_t n)
{
	size_t	 i;
	uint32_t hit = 0;

	for (i = members_at(gz, key); i < gz->nmemb && gz->memb[i].key == key;
	    i++) {
		if (!name_has_word(gz_product_name(gz, gz->memb[i].target), w,
		    n))
			continue;
		if (hit != 0)
			return 0;
		hit = gz->memb[i].target + 1;
	}
	return hit;
}

long long
gz_product_id(const struct gazetteer *gz, uint32_t i)
{
	return gz->prod[i].id;
}

/* The index of the product with id (products are kept in id order), or -1. */
long
gz_product_index(const struct gazetteer *gz, long long id)
{
	size_t	 lo = 0, hi = gz->nprod, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (gz->prod[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < gz->nprod && gz->prod[lo].id == id ? (long)lo : -1;
}

const char *
gz_product_sku(const struct gazetteer *gz, uint32_t i)
{
	return str_at(gz, gz->prod[i].sku);
}

const char *
gz_product_name(const struct gazetteer *gz, uint32_t i)
{
	return str_at(gz, gz->prod[i].name);
}

const char *
gz_product_brand(const struct gazetteer *gz, uint32_t i)
{
	return gz->prod[i].brand != 0 ?
	    str_at(gz, gz->brands[gz->prod[i].brand - 1]) : NULL;
}

const char *
gz_brand(const struct gazetteer *gz, uint32_t i)
{
	return i < gz->nbrands ? str_at(gz, gz->brands[i]) : NULL;
}

const char *
gz_category(const struct gazetteer *gz, uint32_t i)
{
	return i < gz->ncats ? str_at(gz, gz->cats[i]) : NULL;
}

const char *
gz_subcategory(const struct gazetteer *gz, uint32_t aux)
{
	return (aux & GZ_AUX_SUB) != 0 && (aux & ~GZ_AUX_SUB) < gz->strs.len ?
	    str_at(gz, aux & ~GZ_AUX_SUB) : NULL;
}

const char *
gz_attribute(const struct gazetteer *gz, uint32_t i)
{
	return i < gz->nattrs ? str_at(gz, gz->attrs[i]) : NULL;
}

const char *
gz_currency(const struct gazetteer *gz)
{
	return gz->currency;
}

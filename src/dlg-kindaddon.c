/*
 * dlg-kindaddon.c: which kinds of a category are add-ons of another of
 * its kinds (toner for a printer, a lens for a camera body): one of
 * their products lists a product of another kind of the category as
 * what it fits, by its model word or its line.  The catalog says which;
 * nothing here names a category.
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
 * Does compat (a product's compatible_with, as plain words) name the
 * device q: a word of its name with letters and digits ("r50",
 * "l2350dw", "ds224"), or the first two words of its name after the
 * brand ("playstation 5", "xbox series")?
 */
static int
names_device(const char *compat, const struct product *q)
{
	struct sbuf	 nm = SBUF_INIT, key = SBUF_INIT;
	const char	*p, *b, *name;
	size_t		 bl = strlen(q->brand);
	int		 hit = 0, alpha, digit, words = 0;

	name = q->name;
	if (bl > 0 && strncasecmp(name, q->brand, bl) == 0)
		name += bl;
	dlg_plain_words(name, &nm);
	for (p = nm.buf + 1; *p != '\0' && !hit; p++) {
		for (b = p, alpha = digit = 0; *p != ' ' && *p != '\0'; p++) {
			alpha |= isalpha((unsigned char)*p) != 0;
			digit |= isdigit((unsigned char)*p) != 0;
		}
		if (alpha && digit && p - b >= 3) {
			sbuf_reset(&key);
			sbuf_addf(&key, " %.*s ", (int)(p - b), b);
			hit = strstr(compat, key.buf) != NULL;
		}
		if (*p == '\0')
			break;
	}
	/* The first two words of a product line, " playstation 5 ". */
	for (p = nm.buf + 1; *p != '\0' && words < 2; p++)
		if (*p == ' ')
			words++;
	if (!hit && words == 2 && p - nm.buf > 6 &&
	    isalpha((unsigned char)nm.buf[1]) &&
	    isalpha((unsigned char)nm.buf[2]) &&
	    isalpha((unsigned char)nm.buf[3])) {
		sbuf_reset(&key);
		sbuf_add(&key, nm.buf, (size_t)(p - nm.buf));
		hit = strstr(compat, key.buf) != NULL;
	}
	sbuf_release(&nm);
	sbuf_release(&key);
	return hit;
}

/*
 * The kinds of subs[0..ns) (at most 32) that are add-ons of another kind
 * of v[0..n), a bit per kind.
 */
unsigned
dlg_kind_addons(const struct product *v, size_t n, const char **subs,
    size_t ns)
{
	struct sbuf	 cw = SBUF_INIT;
	unsigned	 addon = 0;
	size_t		 i, j, k;
	char		*c;

	for (i = 0; i < n; i++) {
		for (k = 0; k < ns && strcmp(subs[k], v[i].subcategory) != 0;
		    k++)
			;
		if (k == ns || k >= 32 || (addon & (1u << k)) ||
		    (c = catalog_attr(&v[i], "compatible_with")) == NULL)
			continue;
		dlg_plain_words(c, &cw);
		free(c);
		for (j = 0; j < n; j++)
			if (strcmp(v[j].subcategory, v[i].subcategory) != 0 &&
			    names_device(cw.buf, &v[j])) {
				addon |= 1u << k;
				break;
			}
	}
	sbuf_release(&cw);
	return addon;
}

/*
 * dlg-kindfit.c: the device a product must fit, read from the words
 * ("ssds for a ps5", "works with my iphone") into filters.require.fits,
 * and whether a product lists it as what it fits.  The kinds themselves
 * are dlg-kind.c's.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* The words before offset at of s, articles and owners skipped, are
 * "for" or "with" ("ssds for a ps5", "works with my iphone")? */
static int
said_for(const char *s, size_t at)
{
	static const char *const skip[] = { "a", "an", "the", "my", "our",
	    "his", "her", "their", "new", "old", NULL };
	const char *const *w;
	size_t	 b = at, e, words;
	int	 skipped;

	for (words = 0; words < 3 && b > 0; words++) {
		while (b > 0 && !isalnum((unsigned char)s[b - 1]))
			b--;
		for (e = b; b > 0 && isalnum((unsigned char)s[b - 1]); b--)
			;
		if ((e - b == 3 && strncmp(s + b, "for", 3) == 0) ||
		    (e - b == 4 && strncmp(s + b, "with", 4) == 0))
			return 1;
		for (skipped = 0, w = skip; *w != NULL && !skipped; w++)
			skipped = strlen(*w) == e - b &&
			    strncmp(s + b, *w, e - b) == 0;
		if (!skipped)
			return 0;
	}
	return 0;
}


/* The words a device's line goes by: "playstation 5" of "PlayStation
 * 5 Slim Console", into arr as plain words. */
static void
line_words(const struct product *p, cJSON *arr)
{
	struct sbuf	 nm = SBUF_INIT;
	const char	*name = p->name, *q;
	size_t		 bl = strlen(p->brand);
	int		 words = 0;

	if (bl > 0 && strncasecmp(name, p->brand, bl) == 0)
		name += bl;
	dlg_plain_words(name, &nm);
	for (q = nm.buf + 1; *q != '\0' && words < 2; q++)
		if (*q == ' ')
			words++;
	if (words == 2 && isalpha((unsigned char)nm.buf[1])) {
		sbuf_setlen(&nm, (size_t)(q - nm.buf));
		cJSON_AddItemToArray(arr, cJSON_CreateString(nm.buf));
	}
	sbuf_release(&nm);
}

/*
 * The platform a device runs, the first word of its "os" ("android" of
 * "Android 14", "ios" of "iOS 18"), into arr as plain words: a watch
 * listed for "Android phones" fits a Galaxy phone.
 */
static void
platform_words(const struct product *p, cJSON *arr)
{
	struct sbuf	 w = SBUF_INIT;
	char		*os;
	size_t		 n;

	if ((os = catalog_attr(p, "os")) == NULL)
		return;
	for (n = 0; isalpha((unsigned char)os[n]); n++)
		;
	if (n >= 3) {
		os[n] = '\0';
		dlg_plain_words(os, &w);
		cJSON_AddItemToArray(arr, cJSON_CreateString(w.buf));
	}
	free(os);
	sbuf_release(&w);
}

/*
 * "SSDs for a PS5", "a case that works with my iPhone 15": the device
 * a product must list as fitting, into require.fits (the words said and
 * the device's line).
 */
void
dlg_fits_said(struct tctx *t, cJSON *req)
{
	const struct entity *en;
	struct sbuf	 w = SBUF_INIT;
	struct product	 p;
	cJSON		*arr = NULL;
	size_t		 i;
	int		 ok;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT || en->value == NULL ||
		    !said_for(t->text, en->start))
			continue;
		if (arr == NULL)
			arr = cJSON_CreateArray();
		dlg_plain_words(en->value, &w);
		cJSON_AddItemToArray(arr, cJSON_CreateString(w.buf));
		memset(&p, 0, sizeof p);
		ok = en->sku != NULL ? dlg_load_product(t, en->sku, &p) :
		    dlg_family_best(t, en, &p);
		if (ok) {
			line_words(&p, arr);
			platform_words(&p, arr);
			product_release(&p);
		}
	}
	sbuf_release(&w);
	if (arr == NULL)
		return;
	cJSON_DeleteItemFromObjectCaseSensitive(req, "fits");
	cJSON_AddItemToObject(req, "fits", arr);
}

/*
 * Does the plain words cw (" a b c ") list the device dev (" x y "), not
 * as one it does not fit ("not supported on android")?
 */
static int
listed(const char *cw, const char *dev)
{
	static const char *const neg[] = { " not ", " no ", " without ",
	    " except ", " nor ", NULL };
	const char *const *n;
	const char	*at, *q;
	size_t		 b;

	for (at = strstr(cw, dev); at != NULL; at = strstr(at + 1, dev)) {
		/* The three words before it. */
		for (q = at, b = 0; q > cw && b < 4; q--)
			b += *q == ' ';
		for (n = neg; *n != NULL; n++) {
			const char *hit = strstr(q, *n);

			if (hit != NULL && hit < at)
				break;
		}
		if (*n == NULL)
			return 1;
	}
	return 0;
}

/* Does p list one of the devices of fits as what it fits? */
int
dlg_fits_of(const struct product *p, const cJSON *fits)
{
	static const char *const keys[] = { "compatible_with", "works_with",
	    "compatibility", NULL };
	const char *const *k;
	const cJSON	*it;
	struct sbuf	 cw = SBUF_INIT;
	char		*v;
	int		 yes = 0;

	for (k = keys; *k != NULL && !yes; k++) {
		if ((v = catalog_attr(p, *k)) == NULL)
			continue;
		dlg_plain_words(v, &cw);
		free(v);
		cJSON_ArrayForEach(it, fits)
			if (cJSON_IsString(it) && listed(cw.buf,
			    it->valuestring))
				yes = 1;
	}
	sbuf_release(&cw);
	return yes;
}


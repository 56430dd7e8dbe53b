/*
 * dlg-gen.c owns the generations of a line: which product "the older
 * one", "the newer ones", "the latest" mean when the products discussed
 * are members of one line whose names differ only in a model number,
 * one after the other (the Sony WH-1000XM4 and WH-1000XM5, the iPhone
 * 14 and 15).  The lower number is the older one.
 *
 * The conversation comes first: of the members of the focus's line it
 * holds, the oldest or newest.  With one member discussed, the catalog's
 * members of its line: "the newer one" is the one member numbered above
 * it, and nothing when there are none or several (the customer says
 * which).  Names that differ in a size ("1TB", '65"') are variants, not
 * generations.  The trace's "reference" has the rule, the candidates
 * and the pick.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

#define GEN_CANDS	64	/* catalog members of a line weighed */

static const char *const older_words[] = { "older", "oldest", "previous",
	"earlier", NULL };
static const char *const newer_words[] = { "newer", "newest", "latest",
	NULL };

/* Units after a number that make it a size, not a model number. */
static const char *const units[] = { "gb", "tb", "mm", "cm", "in", "inch",
	"hz", "w", "mah", "ft", "m", "pack", "port", "ports", "\"", "'",
	NULL };

/* Does a unit follow at s (after a space or a hyphen at most)? */
static int
unit_at(const char *s)
{
	size_t	 i, n;

	if (*s == ' ' || *s == '-')
		s++;
	for (i = 0; units[i] != NULL; i++) {
		n = strlen(units[i]);
		if (strncasecmp(s, units[i], n) == 0 &&
		    !isalnum((unsigned char)s[n]))
			return 1;
	}
	return 0;
}

/*
 * Are the names a and b two generations of one line: do they differ
 * only in a model number, the one next to the other (the XM4 and the
 * XM5, the iPhone 14 and 15)?  1 and the numbers in *na, *nb; 0 when
 * they differ otherwise, in a size or a price ("$25"), or in numbers
 * further apart, which are tiers or sizes of a line more often than
 * its generations (the Latitude 5440 and 7440, the Fire HD 8 and 10).
 */
static int
generations(const char *a, const char *b, long *na, long *nb)
{
	size_t	 la = dlg_name_base_len(a), lb = dlg_name_base_len(b);
	size_t	 i = 0, da, db;

	while (i < la && i < lb && tolower((unsigned char)a[i]) ==
	    tolower((unsigned char)b[i]))
		i++;
	while (i > 0 && isdigit((unsigned char)a[i - 1]))
		i--;
	if (i == 0 || strchr(".,$", a[i - 1]) != NULL)
		return 0;
	da = strspn(a + i, "0123456789");
	db = strspn(b + i, "0123456789");
	if (da == 0 || db == 0 || la - i - da != lb - i - db ||
	    strncasecmp(a + i + da, b + i + db, la - i - da) != 0 ||
	    a[i + da] == '.' || unit_at(a + i + da))
		return 0;
	*na = strtol(a + i, NULL, 10);
	*nb = strtol(b + i, NULL, 10);
	return *na - *nb == 1 || *nb - *na == 1;
}

/*
 * Of the names[0..n), the members of anchor's line by generation,
 * anchor included: the one with the lowest (want < 0) or highest
 * number, or -1 when two share it or there is no other member.  With
 * beyond, the one member numbered beyond the anchor, or -1 when there
 * are none or several.
 */
static int
pick_generation(const char *anchor, const char *const *names, size_t n,
    int want, int beyond)
{
	long	*num = xcalloc(n + 1, sizeof *num), own = 0, best = 0, nb;
	int	*member = xcalloc(n + 1, sizeof *member);
	size_t	 i, members = 0, at = 0;
	int	 pick = -1;

	for (i = 0; i < n; i++) {
		if (strcmp(names[i], anchor) == 0)
			member[i] = 2;	/* numbered below, once own is known */
		else if (generations(anchor, names[i], &own, &nb)) {
			member[i] = 1;
			num[i] = nb;
			members++;
		}
	}
	for (i = 0; i < n; i++)
		if (member[i] == 2)
			num[i] = own;
	for (i = 0; i < n && members > 0; i++) {
		if (member[i] == 0)
			continue;
		if (beyond) {
			if (member[i] == 2 || (want < 0 ? num[i] >= own :
			    num[i] <= own))
				continue;
			at++;
			pick = (int)i;
		} else if (pick < 0 || (want < 0 ? num[i] < best :
		    num[i] > best)) {
			pick = (int)i;
			best = num[i];
			at = 1;
		} else if (num[i] == best)
			at++;
	}
	free(num);
	free(member);
	return at == 1 ? pick : -1;
}

/* The catalog's member of anchor's line beyond it: its SKU in r. */
static const char *
catalog_generation(struct tctx *t, const struct product *anchor, int want,
    cJSON *r)
{
	struct product	*v = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	**names;
	const char	*sku = NULL;
	char		*line;
	size_t		 n = 0, i;
	int		 pick;

	line = dlg_line_name(anchor->name);
	dlg_retrieve_begin(t);
	if (catalog_products_named(t->st, line, GEN_CANDS, &v, &n, &err) !=
	    SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	free(line);
	names = xcalloc(n + 1, sizeof *names);
	for (i = 0; i < n; i++)
		names[i] = v[i].name;
	if ((pick = pick_generation(anchor->name, names, n, want, 1)) >= 0) {
		dlg_ref_rule(r, "generation-in-catalog", "the older or newer "
		    "member of the line discussed, in the catalog");
		dlg_ref_candidate(r, v[pick].sku);
		sku = dlg_ref_pick(r, v[pick].sku);
	}
	free(names);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	return sku;
}

const char *
dlg_generation_reference(struct tctx *t)
{
	const char	*conv[CONV_MAX], *names[CONV_MAX], *sku = NULL;
	const char	*top = dlg_focus_top(t, 0);
	struct product	 p[CONV_MAX];
	size_t		 nc, n = 0, i, anchor = 0;
	int		 want, pick;
	cJSON		*r;

	if (dlg_has_any(t, older_words))
		want = -1;
	else if (dlg_has_any(t, newer_words))
		want = 1;
	else
		return NULL;
	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    (nc = dlg_conversation(t, conv, CONV_MAX)) == 0)
		return NULL;
	r = dlg_ref_trace(t, "generation-in-conversation", "the older or "
	    "newer member of one line in the conversation");
	for (i = 0; i < nc; i++) {
		memset(&p[n], 0, sizeof p[n]);
		if (!dlg_peek_product(t, conv[i], &p[n]))
			continue;
		dlg_ref_candidate(r, conv[i]);
		if (top != NULL && strcmp(conv[i], top) == 0)
			anchor = n;
		names[n] = p[n].name;
		n++;
	}
	if (n > 0) {
		pick = pick_generation(names[anchor], names, n, want, 0);
		if (pick >= 0)
			sku = dlg_ref_pick(r, p[pick].sku);
		else
			sku = catalog_generation(t, &p[anchor], want, r);
	}
	for (i = 0; i < n; i++)
		product_release(&p[i]);
	return sku;
}

/*
 * dlg-lines.c owns the lines of the catalog and their variants: which
 * variant of a line a capacity, size or model number said picks
 * (dlg_variant_of), as "the 256gb one" of a phone in focus.
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
 * The line of a product name, kind 0: before its bracketed variant, or
 * before its last word when that has a digit ("Samsung Galaxy S24
 * (128GB)", "Samsung 990 PRO NVMe SSD 1TB"); kind 1: before its first
 * word with a digit ("Epson EcoTank ET-4850 All-in-One").  Caller frees.
 */
static char *
line_of(const char *name, int kind)
{
	char	*line = xstrdup(name), *sp, *w;
	size_t	 cut = strcspn(line, "(");

	while (cut > 0 && line[cut - 1] == ' ')
		cut--;
	line[cut] = '\0';
	if (kind == 0) {
		if (strchr(name, '(') == NULL &&
		    (sp = strrchr(line, ' ')) != NULL &&
		    strpbrk(sp, "0123456789") != NULL)
			*sp = '\0';
		return line;
	}
	for (w = strchr(line, ' '); w != NULL; w = strchr(w + 1, ' '))
		if (strcspn(w + 1, "0123456789") < strcspn(w + 1, " ")) {
			*w = '\0';
			break;
		}
	return line;
}

/*
 * Of the products of line, the one other than p whose name has every
 * word of vw and shares the most words with p's: its index, or -1.
 */
static int
sibling(struct tctx *t, const struct product *p, const struct product *v,
    size_t n, const struct text_token *vw, size_t nvw, cJSON *r)
{
	struct text_token *tok = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	size_t		 cap = 0, nt, i, k;
	int		 pick = -1, best = 0, shared;

	nt = text_tokenize(p->name, strlen(p->name), &tok, &cap);
	for (i = 0; i < n; i++) {
		dlg_ref_candidate(r, v[i].sku);
		for (k = 0; k < nvw; k++)
			if (!dlg_name_word(v[i].name, s + vw[k].start,
			    vw[k].end - vw[k].start))
				break;
		if (k < nvw || strcmp(v[i].sku, p->sku) == 0)
			continue;
		for (k = 0, shared = 0; k < nt; k++)
			shared += dlg_name_word(v[i].name, p->name +
			    tok[k].start, tok[k].end - tok[k].start);
		/* A tie goes to the name nearest in length. */
		shared = shared * 1000 - abs((int)strlen(v[i].name) -
		    (int)strlen(p->name));
		if (pick < 0 || shared > best) {
			pick = (int)i;
			best = shared;
		}
	}
	free(tok);
	return pick;
}

/*
 * "The 256 then", "the 65 inch one", "the 2800": a capacity, size or
 * model number said that the product meant does not have, but another
 * model of its line does (line_of, the narrower line first).  Replaces
 * *p and returns 1, or leaves it.
 */
int
dlg_variant_of(struct tctx *t, struct product *p)
{
	struct text_token *vw;
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	*v = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	char		*line;
	size_t		 nvw, n = 0, i, k;
	int		 pick = -1, kind;
	cJSON		*r;

	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0)
		return 0;	/* the digits may be another product's */
	vw = dlg_variant_words(t, &nvw);
	for (k = 0; k < nvw; k++)
		if (!dlg_name_word(p->name, s + vw[k].start, vw[k].end -
		    vw[k].start))
			break;
	if (k == nvw) {		/* nothing said that it lacks */
		free(vw);
		return 0;
	}
	r = dlg_ref_trace(t, "variant of the product meant");
	for (kind = 0; kind < 2 && pick < 0; kind++) {
		for (i = 0; i < n; i++)
			product_release(&v[i]);
		free(v);
		v = NULL;
		line = line_of(p->name, kind);
		dlg_retrieve_begin(t);
		if (catalog_products_named(t->st, line, 20, &v, &n, &err) !=
		    SD_OK)
			n = 0;
		dlg_retrieve_end(t);
		sd_error_clear(&err);
		free(line);
		pick = sibling(t, p, v, n, vw, nvw, r);
	}
	if (pick >= 0) {
		product_release(p);
		*p = v[pick];
		memset(&v[pick], 0, sizeof v[pick]);
		dlg_ref_pick(r, p->sku);
		dlg_retrieved_add(t, "product", p->sku, p->name, 1.0, NULL);
	}
	for (i = 0; i < n; i++)
		if ((int)i != pick)
			product_release(&v[i]);
	free(v);
	free(vw);
	return pick >= 0;
}

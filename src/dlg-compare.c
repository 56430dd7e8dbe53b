/*
 * dlg-compare.c: two products side by side (a table of the attributes
 * that differ) and whether an accessory fits a device, from its
 * compatible_with list.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

#define CELL_MAX	24	/* widest cell of a comparison table */

static void
row_add(cJSON *rows, const char *label, const char *a, const char *b)
{
	cJSON	*r = cJSON_CreateArray();

	cJSON_AddItemToArray(r, cJSON_CreateString(label));
	cJSON_AddItemToArray(r, cJSON_CreateString(a));
	cJSON_AddItemToArray(r, cJSON_CreateString(b));
	cJSON_AddItemToArray(rows, r);
}

/*
 * The next piece of s for a cell at most max bytes wide: up to the last
 * space that fits (or a cut on a character boundary when none does).
 * *next gets where the rest starts.
 */
static size_t
cell_piece(const char *s, size_t max, const char **next)
{
	size_t	 n = strlen(s), cut;

	if (n <= max) {
		*next = s + n;
		return n;
	}
	for (cut = max; cut > 0 && s[cut] != ' '; cut--)
		;
	if (cut == 0) {
		cut = max;
		while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;
		*next = s + cut;
		return cut;
	}
	*next = s + cut + 1;
	return cut;
}

/*
 * Rows of three cells; long values wrap onto continuation lines inside
 * their column, so the table stays within 80 columns without cutting
 * what a cell says.
 */
static void
table_render(const cJSON *rows, struct sbuf *out)
{
	const cJSON	*r;
	const char	*cur[3], *next;
	size_t		 w[3] = { 0, 0, 0 }, c, len, pad;
	int		 more;

	cJSON_ArrayForEach(r, rows)
		for (c = 0; c < 3; c++) {
			len = strlen(cJSON_GetArrayItem(r, (int)c)->valuestring);
			if (len > CELL_MAX)
				len = CELL_MAX;
			if (len > w[c])
				w[c] = len;
		}
	cJSON_ArrayForEach(r, rows) {
		for (c = 0; c < 3; c++)
			cur[c] = cJSON_GetArrayItem(r, (int)c)->valuestring;
		do {
			sbuf_adds(out, "\n ");
			more = 0;
			for (c = 0; c < 3; c++) {
				len = cell_piece(cur[c], CELL_MAX, &next);
				sbuf_addc(out, ' ');
				sbuf_add(out, cur[c], len);
				for (pad = len; c < 2 && pad < w[c]; pad++)
					sbuf_addc(out, ' ');
				cur[c] = next;
				more |= *next != '\0';
			}
			/* Trailing blanks of a continuation line. */
			while (out->len > 0 && out->buf[out->len - 1] == ' ')
				sbuf_setlen(out, out->len - 1);
		} while (more);
	}
}

/* Side by side: the attributes that differ, with price and rating. */
int
dlg_handle_compare(struct tctx *t)
{
	struct product	 p[2];
	const struct entity *en;
	cJSON		*a = NULL, *b = NULL, *it, *other;
	struct sbuf	 tab = SBUF_INIT;
	size_t		 i;
	int		 n = 0;
	char		*m0, *m1, num[2][32];
	const char	*sku;
	cJSON		*rows;

	memset(p, 0, sizeof p);
	for (i = 0; i < t->e->el.n && n < 2; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && en->sku != NULL) {
			if (n == 1 && strcmp(p[0].sku, en->sku) == 0)
				continue;
			n += dlg_load_product(t, en->sku, &p[n]);
		} else if ((en->type == ENTITY_PRODUCT ||
		    en->type == ENTITY_BRAND || en->type == ENTITY_CATEGORY) &&
		    dlg_family_best(t, en, &p[n])) {
			if (n == 1 && strcmp(p[0].sku, p[1].sku) == 0) {
				product_release(&p[1]);
				continue;
			}
			n++;
		}
	}
	/* "Compare the first and the third": those of the last list. */
	for (i = 0; n < 2 && dlg_ordinals[i] != NULL; i++) {
		cJSON *res = dlg_jarr(t->state, "results");

		if (!dlg_has_word(t, dlg_ordinals[i]) ||
		    (int)i >= cJSON_GetArraySize(res))
			continue;
		sku = cJSON_GetArrayItem(res, (int)i)->valuestring;
		if (n == 1 && strcmp(sku, p[0].sku) == 0)
			continue;
		n += dlg_load_product(t, sku, &p[n]);
	}
	/* Fill from the last list or the focus. */
	for (i = 0; n < 2 && i < FOCUS_MAX; i++) {
		sku = dlg_focus_top(t, (int)i);
		if (sku == NULL)
			break;
		if (n == 1 && strcmp(sku, p[0].sku) == 0)
			continue;
		n += dlg_load_product(t, sku, &p[n]);
	}
	if (n < 2) {
		for (i = 0; i < (size_t)n; i++)
			product_release(&p[i]);
		dlg_set_action(t, "ask_compare",
		    "comparison needs two products; "
		    "found %d", n);
		dlg_say(t, "ask_compare");
		return 1;
	}
	/*
	 * The products' full names head the table as A and B, and the
	 * columns are as wide as their longest cell (up to CELL_MAX), so
	 * the table fits 80 columns and still says which model is which.
	 */
	rows = cJSON_CreateArray();
	m0 = catalog_money(p[0].price, p[0].currency);
	m1 = catalog_money(p[1].price, p[1].currency);
	sbuf_addf(&tab, "\n  A: %s\n  B: %s\n", p[0].name, p[1].name);
	row_add(rows, "", "A", "B");
	row_add(rows, "price", m0, m1);
	free(m0);
	free(m1);
	snprintf(num[0], sizeof num[0], "%.1f", p[0].rating);
	snprintf(num[1], sizeof num[1], "%.1f", p[1].rating);
	row_add(rows, "rating", num[0], num[1]);
	snprintf(num[0], sizeof num[0], "%lld", p[0].review_count);
	snprintf(num[1], sizeof num[1], "%lld", p[1].review_count);
	row_add(rows, "reviews", num[0], num[1]);
	row_add(rows, "warranty", p[0].warranty, p[1].warranty);
	a = cJSON_Parse(p[0].attrs);
	b = cJSON_Parse(p[1].attrs);
	cJSON_ArrayForEach(it, a) {
		char *va, *vb;

		other = cJSON_GetObjectItemCaseSensitive(b, it->string);
		va = catalog_attr(&p[0], it->string);
		vb = other != NULL ? catalog_attr(&p[1], it->string) : NULL;
		if (va != NULL && (vb == NULL || strcmp(va, vb) != 0))
			row_add(rows, it->string, va, vb != NULL ? vb : "-");
		free(va);
		free(vb);
	}
	table_render(rows, &tab);
	cJSON_Delete(rows);
	cJSON_Delete(a);
	cJSON_Delete(b);
	dlg_product_slots(t, &p[0], "a_");
	dlg_product_slots(t, &p[1], "b_");
	slots_set(&t->slots, "table", tab.buf);
	slots_set(&t->slots, "cheaper", p[0].price <= p[1].price ?
	    p[0].name : p[1].name);
	slots_set(&t->slots, "same_price", fabs(p[0].price - p[1].price) <
	    0.005 ? "1" : "");
	slots_set(&t->slots, "same_rating", fabs(p[0].rating - p[1].rating) <
	    0.05 ? "1" : "");
	slots_set(&t->slots, "better_rated", p[0].rating >= p[1].rating ?
	    p[0].name : p[1].name);
	for (i = 0; i < 2; i++)
		dlg_cite(t, "product", p[i].sku, p[i].name,
		    "price,rating,attrs");
	dlg_results_set(t, p, 2);
	dlg_focus_push(t, p[1].sku);
	dlg_focus_push(t, p[0].sku);
	dlg_set_action(t, "compare", "side by side: %s vs %s", p[0].sku,
	    p[1].sku);
	dlg_say(t, "compare");
	product_release(&p[0]);
	product_release(&p[1]);
	sbuf_release(&tab);
	return 1;
}

/* Does accessory a list b (by name or model) among what it fits? */
int
dlg_handle_compatibility(struct tctx *t)
{
	struct product	 p[2];
	const struct entity *en;
	size_t		 i;
	int		 n = 0, fits = -1;
	char		*compat;
	const struct product *acc, *dev;

	const struct entity *pick[2] = { NULL, NULL };

	/*
	 * The two longest product mentions, in the order said: "fit" read
	 * as the Beats Fit Pro must not beat "the iPhone 15" next to it.
	 * A family ("iPhone 15") is its best model.
	 */
	memset(p, 0, sizeof p);
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT)
			continue;
		if (pick[0] == NULL || en->end - en->start >
		    pick[0]->end - pick[0]->start) {
			pick[1] = pick[0];
			pick[0] = en;
		} else if (pick[1] == NULL || en->end - en->start >
		    pick[1]->end - pick[1]->start)
			pick[1] = en;
	}
	if (pick[1] != NULL && pick[1]->start < pick[0]->start) {
		en = pick[0];
		pick[0] = pick[1];
		pick[1] = en;
	}
	for (i = 0; i < 2 && pick[i] != NULL; i++) {
		en = pick[i];
		if (en->sku != NULL ? !dlg_load_product(t, en->sku, &p[n]) :
		    !dlg_family_best(t, en, &p[n]))
			continue;
		if (n == 1 && strcmp(p[0].sku, p[1].sku) == 0) {
			product_release(&p[1]);
			memset(&p[1], 0, sizeof p[1]);
			continue;
		}
		n++;
	}
	if (n == 1 && dlg_focus_top(t, 0) != NULL &&
	    strcmp(dlg_focus_top(t, 0), p[0].sku) != 0)
		n += dlg_load_product(t, dlg_focus_top(t, 0), &p[1]);
	if (n < 2) {
		for (i = 0; i < (size_t)n; i++)
			product_release(&p[i]);
		return 0;
	}
	/* The one with a compatible_with list is the accessory. */
	compat = catalog_attr(&p[0], "compatible_with");
	acc = &p[0];
	dev = &p[1];
	if (compat == NULL) {
		compat = catalog_attr(&p[1], "compatible_with");
		acc = &p[1];
		dev = &p[0];
	}
	if (compat != NULL) {
		char *lc = xstrdup(compat), *ln = xstrdup(dev->name), *q;

		for (q = lc; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		for (q = ln; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		fits = strstr(ln, lc) != NULL || strstr(lc, ln) != NULL;
		if (!fits && dev->model[0] != '\0') {
			char *lm = xstrdup(dev->model);

			for (q = lm; *q; q++)
				*q = (char)tolower((unsigned char)*q);
			fits = strstr(lc, lm) != NULL;
			free(lm);
		}
		free(lc);
		free(ln);
	}
	dlg_product_slots(t, acc, "a_");
	dlg_product_slots(t, dev, "b_");
	slots_set(&t->slots, "compatible_with", compat != NULL ? compat : "");
	dlg_cite(t, "product", acc->sku, acc->name, "attrs.compatible_with");
	dlg_retrieved_add(t, "product", dev->sku, dev->name, 1.0, NULL);
	dlg_set_action(t, "compatibility",
	    "%s compatible_with \"%s\" vs %s: %s",
	    acc->sku, compat != NULL ? compat : "(none listed)", dev->name,
	    fits < 0 ? "unknown" : fits ? "yes" : "no");
	dlg_say(t, fits < 0 ? "compatible_unknown" : fits ? "compatible_yes" :
	    "compatible_no");
	free(compat);
	product_release(&p[0]);
	product_release(&p[1]);
	return 1;
}

/*
 * dlg-both.c: "add both", "put the two in my cart", "one of each": a
 * cart addition that points at two products without naming them (or
 * names one of them).  The two are those of the conversation: the
 * product named in the message, the one in focus, the list last shown
 * (one or two; a longer list is asked about), else the product
 * discussed before, in the last two turns, when it is the only other.
 * Exactly two found: both are added.  One: it is named and the other
 * is asked for; nothing is added.  Three or more: the customer is asked
 * which two, naming them.  Never one of the two silently, never a
 * product the customer did not point at.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* The candidates gathered, at most. */
#define BOTH_MAX	4
/* The product discussed before counts within this many messages of
 * the session (two turns: the customer's and the bot's each). */
#define BOTH_MESSAGES	4

/* Words that point at two products at once. */
static const char *const both_words[] = { "both", "the two", "the 2",
	"them two", "those two", "these two", "one of each", "each of them",
	"each of those", NULL };

int
dlg_both_said(struct tctx *t)
{
	return dlg_has_any(t, both_words);
}

/* Put sku in c[0..*n) unless there or full. */
static void
cand_add(const char **c, size_t *n, const char *sku)
{
	size_t	 k;

	if (sku == NULL || *n >= BOTH_MAX)
		return;
	for (k = 0; k < *n; k++)
		if (strcmp(c[k], sku) == 0)
			return;
	c[(*n)++] = sku;
}

/* Names of p[0..n) as "the A ($x), the B ($y) or the C ($z)". */
static void
names_join(struct tctx *t, struct sbuf *s, const struct product *p,
    size_t n, const char *last)
{
	size_t	 i;
	char	*m;

	for (i = 0; i < n; i++) {
		m = catalog_money(p[i].price, p[i].currency);
		sbuf_addf(s, "%sthe %s (%s)", i == 0 ? "" : i + 1 == n ?
		    last : ", ", p[i].name, m);
		free(m);
		dlg_cite(t, "product", p[i].sku, p[i].name, "price");
	}
}

int
dlg_both_targets(struct tctx *t, struct product *v, size_t named)
{
	const char	*c[BOTH_MAX];
	struct product	 p[BOTH_MAX];
	struct sbuf	 s = SBUF_INIT;
	cJSON		*res = cJSON_GetObjectItemCaseSensitive(t->state,
			    "results"), *it;
	size_t		 n = 0, k, np, len, got;
	cJSON		*r;

	for (k = 0; k < named; k++)
		cand_add(c, &n, v[k].sku);
	/* A list of three or more shown: which two of it, asked. */
	len = (size_t)cJSON_GetArraySize(res);
	if (len <= 2)
		cand_add(c, &n, dlg_focus_top(t, 0));
	for (k = 0; k < len; k++)
		if (cJSON_IsString(it = cJSON_GetArrayItem(res, (int)k)))
			cand_add(c, &n, it->valuestring);
	/* The product discussed before, when no other was and within
	 * the last two turns: the only one besides (a third discussed
	 * makes it a question). */
	if (n < 2 && dlg_focus_top(t, 1) != NULL && dlg_focus_at(t,
	    dlg_focus_top(t, 1)) >= (long long)t->si.turns - BOTH_MESSAGES) {
		cand_add(c, &n, dlg_focus_top(t, 1));
		cand_add(c, &n, dlg_focus_top(t, 2));
	}
	r = dlg_ref_trace(t, "both", "two products pointed at together");
	for (k = 0; k < n; k++)
		dlg_ref_candidate(r, c[k]);
	/* named is 0 or 1, and its product c[0]. */
	for (got = named; n == 2 && got < 2 && dlg_load_product(t, c[got],
	    &v[got]); got++)
		;
	if (n == 2 && got == 2) {
		for (k = 2; k-- > 0;)
			dlg_focus_push(t, v[k].sku);
		dlg_jset_str(t->trace, "product_resolution", "both of "
		    "the conversation");
		return 2;
	}
	for (k = 0; k < got; k++)
		product_release(&v[k]);
	memset(v, 0, 2 * sizeof *v);
	memset(p, 0, sizeof p);
	for (k = np = 0; k < n; k++)
		if (dlg_peek_product(t, c[k], &p[np]))
			np++;
	if (np == 0) {
		dlg_set_action(t, "cart_which", "both said, no product "
		    "of the conversation");
		dlg_say(t, "cart_which");
		return -1;
	}
	if (np == 1) {
		names_join(t, &s, p, 1, "");
		slots_set(&t->slots, "found", s.buf);
		dlg_focus_push(t, p[0].sku);
		dlg_set_action(t, "cart_which_two", "both said, only %s "
		    "found", p[0].sku);
		dlg_say(t, "cart_both_one");
	} else {
		names_join(t, &s, p, np, " or ");
		slots_set(&t->slots, "choices", s.buf);
		dlg_results_set(t, p, np);
		dlg_set_action(t, "cart_which_two", "both said, %zu "
		    "products of the conversation", np);
		dlg_say(t, "cart_both_which");
	}
	for (k = 0; k < np; k++)
		product_release(&p[k]);
	sbuf_release(&s);
	return -1;
}

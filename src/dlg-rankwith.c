/*
 * dlg-rankwith.c: a price superlative with a feature over the list just
 * shown ("the cheapest one with google assistant", "most expensive of
 * those that has usb-c"): the products shown are kept to those whose
 * specifications list the feature (dlg_spec_has, not those whose
 * listing says they lack it), then ranked by price.  None of them: the
 * reply says so and names no product; two at the same price: it names
 * both and asks which.  A budget said with it ("with alexa under $60")
 * is left to the lists' needs (dlg-narrow.c).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

static const char *const cheap[] = { "cheapest", "least expensive",
	"lowest price", "lowest priced", NULL };
static const char *const dear[] = { "most expensive", "priciest",
	"highest price", "highest priced", NULL };
/* Words that put a feature on the products ranked. */
static const char *const with_words[] = { "with", "w/", "that has",
	"that have", "which has", "having", "has", "that supports",
	"that support", NULL };
/* Words that say the ranking is over those shown. */
static const char *const shown_words[] = { "one", "ones", "those",
	"them", "these", "of the", "which", NULL };

/* The words after the first feature word: what was asked for. */
static void
asked_words(struct tctx *t, struct sbuf *out)
{
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char *const *w;
	const char	*at = NULL, *q;
	size_t		 n;

	for (w = with_words; *w != NULL; w++) {
		n = strlen(*w);
		for (q = s; (q = strstr(q, *w)) != NULL; q++)
			if ((q == s || q[-1] == ' ') && (q[n] == ' ') &&
			    (at == NULL || q < at)) {
				at = q + n + 1;
				break;
			}
	}
	if (at == NULL)
		return;
	for (n = strlen(at); n > 0 && (at[n - 1] == '?' || at[n - 1] == '.' ||
	    at[n - 1] == '!' || at[n - 1] == ' '); n--)
		;
	sbuf_add(out, at, n);
}

/* Appends text to out as lower-case words, each followed by a space. */
static void
fold_words(struct sbuf *out, const char *s)
{
	int	 in = 0;

	for (; s != NULL && *s != '\0'; s++)
		if (isalnum((unsigned char)*s)) {
			sbuf_addc(out, (char)tolower((unsigned char)*s));
			in = 1;
		} else if (in) {
			sbuf_addc(out, ' ');
			in = 0;
		}
	if (in)
		sbuf_addc(out, ' ');
}

/*
 * Do p's attribute keys or values say the words asked, in order ("usb
 * c" in "1x USB-C")?  What dlg_spec_has may read past is still said.
 */
static int
attrs_say(const struct product *p, const char *asked)
{
	struct sbuf	 hay = SBUF_INIT, q = SBUF_INIT;
	cJSON		*root = cJSON_Parse(p->attrs != NULL ? p->attrs : ""),
			*it, *v;
	int		 yes;

	sbuf_addc(&hay, ' ');
	cJSON_ArrayForEach(it, root) {
		if (it->string != NULL)
			fold_words(&hay, it->string);
		if (cJSON_IsString(it))
			fold_words(&hay, it->valuestring);
		else if (cJSON_IsArray(it))
			cJSON_ArrayForEach(v, it)
				if (cJSON_IsString(v))
					fold_words(&hay, v->valuestring);
	}
	cJSON_Delete(root);
	sbuf_addc(&q, ' ');
	fold_words(&q, asked);
	yes = q.len > 1 && strstr(hay.buf, q.buf) != NULL;
	sbuf_release(&hay);
	sbuf_release(&q);
	return yes;
}

/* The number of words of s. */
static size_t
words_in(const char *s)
{
	size_t	 n = 0;
	int	 in = 0;

	for (; *s != '\0'; s++) {
		n += !in && *s != ' ';
		in = *s != ' ';
	}
	return n;
}

/*
 * "The cheapest one with X" over the last list: answered (1), or 0 when
 * the message is no such question or no list of two or more is shown.
 */
int
dlg_rank_with(struct tctx *t)
{
	cJSON		*res = dlg_jarr(t->state, "results"), *it;
	struct product	 v[RESULTS_MAX], p;
	struct sbuf	 facts = SBUF_INIT, asked = SBUF_INIT, tie = SBUF_INIT;
	size_t		 n = 0, shown = 0, i, b = 0, ties = 0;
	int		 low = dlg_has_any(t, cheap), done = 1;
	char		*key, *m;

	if ((!low && !dlg_has_any(t, dear)) || !dlg_has_any(t, with_words) ||
	    !dlg_has_any(t, shown_words) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_CATEGORY) != NULL ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_first_entity(t, ENTITY_PRICE) != NULL ||
	    cJSON_GetArraySize(res) < 2)
		return 0;
	asked_words(t, &asked);
	if (asked.len == 0) {
		sbuf_release(&asked);
		return 0;
	}
	cJSON_ArrayForEach(it, res) {
		memset(&p, 0, sizeof p);
		if (n == RESULTS_MAX || !cJSON_IsString(it) ||
		    !dlg_load_product(t, it->valuestring, &p))
			continue;
		shown++;
		sbuf_reset(&facts);
		key = NULL;
		if ((!dlg_spec_has(t, &p, &facts) && !attrs_say(&p,
		    asked.buf)) || (facts.len > 0 &&
		    (key = dlg_lacking_key(&p, facts.buf)) != NULL)) {
			free(key);
			product_release(&p);
			continue;
		}
		dlg_cite(t, "product", p.sku, p.name, "attrs,price");
		v[n++] = p;
	}
	/* "None of them" only for a feature said in a few words: a longer
	 * phrase may be more than one need, for the lists to read. */
	if (n == 0 && words_in(asked.buf) > 3) {
		done = 0;
		goto out;
	}
	dlg_ref_rule(dlg_jobj(t->trace, "reference"), "price-with-among-shown",
	    "price extreme among those shown that list a feature");
	slots_setf(&t->slots, "shown_count", "%zu", shown);
	slots_set(&t->slots, "asked", asked.buf);
	if (n == 0) {
		dlg_set_action(t, "best_of_list", "none of the %zu shown lists "
		    "\"%s\"", shown, asked.buf);
		dlg_say(t, "rank_with_none");
		goto out;
	}
	for (i = 1; i < n; i++)
		if (low ? v[i].price < v[b].price : v[i].price > v[b].price)
			b = i;
	for (i = 0; i < n; i++)
		if (v[i].price == v[b].price) {
			m = catalog_money(v[i].price, v[i].currency);
			sbuf_addf(&tie, "\n  - %s (%s)", v[i].name, m);
			free(m);
			ties++;
		}
	slots_setf(&t->slots, "match_count", "%zu", n);
	slots_set(&t->slots, "rank_word", low ? "cheapest" : "most expensive");
	if (ties > 1) {
		slots_set(&t->slots, "matches", tie.buf);
		dlg_set_action(t, "best_of_list", "%zu of the %zu shown list "
		    "\"%s\" and tie on price", ties, shown, asked.buf);
		dlg_say(t, "rank_with_tie");
		for (i = n; i-- > 0;)
			if (v[i].price == v[b].price)
				dlg_focus_push(t, v[i].sku);
		goto out;
	}
	dlg_product_slots(t, &v[b], "");
	dlg_focus_push(t, v[b].sku);
	dlg_set_action(t, "best_of_list", "%s price of the %zu of the %zu "
	    "shown that list \"%s\": %s", low ? "lowest" : "highest", n, shown,
	    asked.buf, v[b].sku);
	dlg_say(t, "rank_with");
out:
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	sbuf_release(&facts);
	sbuf_release(&asked);
	sbuf_release(&tie);
	return done;
}

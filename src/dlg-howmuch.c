/*
 * dlg-howmuch.c owns questions about the gap between two products in
 * one specification: "how much heavier is the razer", "how many more
 * hours does it last than the soundcore", "by how much is the screen
 * bigger".  The product asked about is the one named or referred to;
 * the other is the second one named, else the one in focus before it.
 * dlg-lex.c says which attribute the words name; the reply gives both
 * values as the catalog words them and the difference in the unit, or
 * says which specification does not list it.  Never a price: "how much
 * cheaper" is the price answers'.
 */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

static const char *const how_much[] = { "how much", "how many",
	"by how much", "how far", NULL };
/* Money words: the gap asked is a price's. */
static const char *const money[] = { "cheaper", "pricier", "expensive",
	"cost", "costs", "price", "pay", "save", "dollars", "bucks", "money",
	"discount", "off", "spend", "costlier", NULL };

/* Comparatives a gap is asked with ("how much heavier"). */
static const char *const comparatives[] = { "more", "less", "fewer",
	"heavier", "lighter", "bigger", "smaller", "larger", "longer",
	"shorter", "faster", "slower", "higher", "lower", "brighter",
	"dimmer", "louder", "quieter", "thinner", "thicker", "wider",
	"narrower", "taller", "greater", "stronger", "outweigh", "outlast",
	"outlasts", NULL };

/* Is a comparative said, and not as a reference ("how much is the
 * bigger one" is a price)? */
static int
comparative_said(struct tctx *t)
{
	char	 ph[32];
	size_t	 i;
	int	 said = 0;

	for (i = 0; comparatives[i] != NULL; i++) {
		if (!dlg_has_word(t, comparatives[i]))
			continue;
		snprintf(ph, sizeof ph, "%s one", comparatives[i]);
		if (dlg_has_word(t, ph))
			return 0;
		snprintf(ph, sizeof ph, "%s ones", comparatives[i]);
		if (dlg_has_word(t, ph))
			return 0;
		said = 1;
	}
	return said;
}

/* The gap to the hundredth, every digit written ("16998.75", not %g's
 * "16998.8"): the fact-checker backs it only when it is exact. */
static void
gap_hundredths(char *buf, size_t n, double d)
{
	size_t	 len;

	snprintf(buf, n, "%.2f", round(d * 100) / 100);
	len = strlen(buf);
	while (len > 0 && buf[len - 1] == '0')
		buf[--len] = '\0';
	if (len > 0 && buf[len - 1] == '.')
		buf[--len] = '\0';
}

/* "heavier" / "lighter", "longer", "bigger": the word for a more (or
 * less) in the unit. */
static const char *
gap_comparative(const char *unit, int more)
{
	static const struct {
		const char	*unit, *more, *less;
	} w[] = {
		{ "kg", "heavier", "lighter" },
		{ "hours", "longer", "shorter" },
		{ "in", "bigger", "smaller" },
		{ "sqft", "wider", "smaller" },
		{ "mb/s", "faster", "slower" },
		{ "ppm", "faster", "slower" },
	};
	size_t	 i;

	for (i = 0; i < sizeof w / sizeof w[0]; i++)
		if (strcmp(w[i].unit, unit) == 0)
			return more ? w[i].more : w[i].less;
	return more ? "more" : "less";
}

/* The other product: the second named, else the newest one in focus
 * or shown that is not a.  Caller frees. */
static char *
other_sku(struct tctx *t, const struct product *pa, char *const *before,
    size_t nb)
{
	const struct entity *en, *br = NULL;
	const char	*a = pa->sku;
	struct product	 p;
	size_t		 i;
	int		 fits;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && en->sku != NULL &&
		    strcmp(en->sku, a) != 0)
			return xstrdup(en->sku);
		/* "Than the razer": of that brand. */
		if (en->type == ENTITY_BRAND && br == NULL &&
		    strcasecmp(pa->brand, en->brand != NULL ? en->brand :
		    en->value) != 0)
			br = en;
	}
	for (i = 0; i < nb; i++) {
		if (strcmp(before[i], a) == 0)
			continue;
		if (br == NULL)
			return xstrdup(before[i]);
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, before[i], &p))
			continue;
		fits = p.brand != NULL && strcasecmp(p.brand, br->brand !=
		    NULL ? br->brand : br->value) == 0;
		product_release(&p);
		if (fits)
			return xstrdup(before[i]);
	}
	return NULL;
}

/* The skus in focus, newest first, then those of the last list: the
 * conversation's products before this turn moves the focus. */
static size_t
before_skus(struct tctx *t, char **v, size_t max)
{
	const char	*s;
	cJSON		*it;
	size_t		 n = 0;
	int		 i;

	for (i = 0; n < max && (s = dlg_focus_top(t, i)) != NULL; i++)
		v[n++] = xstrdup(s);
	cJSON_ArrayForEach(it, dlg_jarr(t->state, "results"))
		if (n < max && cJSON_IsString(it))
			v[n++] = xstrdup(it->valuestring);
	return n;
}

/* The "_life" words' key counted in hours ("battery_life" is
 * "battery_hours") when both state it: the number, not a range. */
static void
hours_key(struct lex_pick *lp, const struct product *p, size_t n)
{
	size_t	 k = strlen(lp->key), i;
	char	*h, *s;

	if (k < 6 || strcmp(lp->key + k - 5, "_life") != 0)
		return;
	h = xasprintf("%.*s_hours", (int)(k - 5), lp->key);
	for (i = 0; i < n; i++) {
		if ((s = catalog_attr(&p[i], h)) == NULL) {
			free(h);
			return;
		}
		free(s);
	}
	free(lp->key);
	lp->key = h;
	lp->unit = "hours";
}

/* No other product in the conversation: its own value, and with which
 * to compare it asked; or that its specifications do not say.  1 when
 * answered. */
static int
gap_alone(struct tctx *t, const struct product *p)
{
	struct lex_pick	 lp;
	char		*w;

	if (!lex_attribute(t, p, 1, &lp)) {
		if (lp.unnamed == NULL)
			return 0;
		dlg_product_slots(t, p, "");
		slots_set(&t->slots, "asked", lp.unnamed);
		dlg_set_action(t, "spec_gap", "\"%s\" not listed by %s",
		    lp.unnamed, p->sku);
		dlg_say(t, "spec_gap_alone_none");
		return 1;
	}
	hours_key(&lp, p, 1);
	if (lp.unit == NULL ||
	    (w = lex_attr_words(p, lp.key, lp.unit)) == NULL) {
		lex_pick_release(&lp);
		return 0;
	}
	dlg_product_slots(t, p, "");
	dlg_cite(t, "product", p->sku, p->name, lp.key);
	slots_set(&t->slots, "has", strcmp(lp.unit, "kg") == 0 ? "weighs" :
	    "has");
	slots_set(&t->slots, "value", w);
	dlg_set_action(t, "spec_gap", "%s of %s alone", lp.key, p->sku);
	dlg_say(t, "spec_gap_alone");
	free(w);
	lex_pick_release(&lp);
	return 1;
}

/*
 * "How much heavier is the razer": both values and the gap.  1 when
 * answered; 0 when the message is no such question, names no second
 * product in the conversation or no attribute the two products have.
 */
int
dlg_how_much_more(struct tctx *t)
{
	struct product	 p[2];
	struct lex_pick	 lp;
	char		*before[CONV_MAX], *bsku = NULL, *w[2] = { NULL, NULL };
	char		 num[32];
	double		 v[2];
	int		 has[2] = { 0, 0 }, done = 0, more;
	size_t		 nb = 0, i;
	char		*s;

	memset(p, 0, sizeof p);
	memset(&lp, 0, sizeof lp);
	if (!dlg_has_any(t, how_much) || dlg_has_any(t, money) ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 2 ||
	    !comparative_said(t) || lex_direction(t) == 0)
		return 0;
	nb = before_skus(t, before, CONV_MAX);
	if (nb == 0 && dlg_count_entities(t, ENTITY_PRODUCT) < 2)
		goto out;
	/* The first product named is the one asked about ("how many more
	 * hours does the X last than the Y"); else the one referred to. */
	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == ENTITY_PRODUCT) {
			if (t->e->el.v[i].sku != NULL && !dlg_load_product(t,
			    t->e->el.v[i].sku, &p[0]))
				memset(&p[0], 0, sizeof p[0]);
			break;
		}
	if (p[0].sku != NULL)
		dlg_focus_push(t, p[0].sku);
	else if (!dlg_target_product(t, &p[0]))
		goto out;
	if ((bsku = other_sku(t, &p[0], before, nb)) == NULL ||
	    !dlg_load_product(t, bsku, &p[1])) {
		done = gap_alone(t, &p[0]);
		goto out;
	}
	if (strcmp(p[0].category, p[1].category) != 0)
		goto out;
	if (!lex_attribute(t, p, 2, &lp)) {
		/* "How much lighter are the sony ones": neither lists a
		 * weight; said so, never their prices. */
		if (lp.unnamed == NULL)
			goto out;
		dlg_product_slots(t, &p[0], "");
		slots_set(&t->slots, "other_name", p[1].name);
		slots_set(&t->slots, "asked", lp.unnamed);
		dlg_set_action(t, "spec_gap", "\"%s\" listed by neither %s "
		    "nor %s", lp.unnamed, p[0].sku, p[1].sku);
		dlg_say(t, "spec_gap_none");
		done = 1;
		goto out;
	}
	if (lp.unit == NULL)
		goto out;
	hours_key(&lp, p, 2);
	for (i = 0; i < 2; i++) {
		if ((s = catalog_attr(&p[i], lp.key)) != NULL) {
			has[i] = lex_value(lp.key, s, lp.unit, &v[i]);
			free(s);
		}
		w[i] = has[i] ? lex_attr_words(&p[i], lp.key, lp.unit) : NULL;
		if (has[i])
			dlg_cite(t, "product", p[i].sku, p[i].name, lp.key);
	}
	dlg_ref_rule(dlg_jobj(t->trace, "reference"), "gap-of-two",
	    "a specification's gap between two products");
	dlg_jset_str(dlg_jobj(t->trace, "reference"), "attribute", lp.key);
	dlg_product_slots(t, &p[0], "");
	slots_set(&t->slots, "other_name", p[1].name);
	s = xstrdup(lp.key);
	for (i = 0; s[i] != '\0'; i++)
		if (s[i] == '_')
			s[i] = ' ';
	slots_set(&t->slots, "attribute", s);
	free(s);
	if (!has[0] || !has[1]) {
		slots_set(&t->slots, "silent_name", has[0] ? p[1].name :
		    p[0].name);
		slots_set(&t->slots, "known", "");
		if (has[0] || has[1])
			slots_setf(&t->slots, "known", " The %s lists %s.",
			    has[0] ? p[0].name : p[1].name, has[0] ? w[0] :
			    w[1]);
		dlg_set_action(t, "spec_gap", "%s of %s or %s not listed",
		    lp.key, p[0].sku, p[1].sku);
		dlg_say(t, "spec_gap_unlisted");
		done = 1;
		goto out;
	}
	slots_set(&t->slots, "has", strcmp(lp.unit, "kg") == 0 ? "weighs" :
	    "has");
	slots_set(&t->slots, "value", w[0]);
	slots_set(&t->slots, "other_value", w[1]);
	if (fabs(v[0] - v[1]) <= 1e-9 * fmax(1, fabs(v[0]))) {
		dlg_set_action(t, "spec_gap", "%s of %s and %s the same",
		    lp.key, p[0].sku, p[1].sku);
		dlg_say(t, "spec_gap_same");
	} else {
		more = v[0] > v[1];
		gap_hundredths(num, sizeof num, fabs(v[0] - v[1]));
		slots_setf(&t->slots, "gap", "%s %s", num, strcmp(lp.unit,
		    "in") == 0 ? "inches" : lex_unit_label(lp.unit));
		slots_set(&t->slots, "comparative",
		    gap_comparative(lp.unit, more));
		dlg_set_action(t, "spec_gap", "%s of %s vs %s: %g", lp.key,
		    p[0].sku, p[1].sku, v[0] - v[1]);
		dlg_say(t, "spec_gap");
	}
	done = 1;
out:
	for (i = 0; i < 2; i++) {
		free(w[i]);
		product_release(&p[i]);
	}
	for (i = 0; i < nb; i++)
		free(before[i]);
	free(bsku);
	lex_pick_release(&lp);
	return done;
}

/*
 * dlg-ranklist.c owns questions that rank the products just shown (the
 * last list, or the ones compared) by a specification, in whatever
 * words the customer uses: "which of those lasts longest on one
 * charge", "which is the most waterproof", "which of the two refreshes
 * faster", "any of them over 40 hours?", "the cheapest one that does
 * 3000+ sq ft".  dlg-lex.c says which attribute the words name and
 * which end wins; this file reads each product's value, and the reply
 * names the winner with its value as the catalog words it, the
 * runner-up, a tie, and the ones whose specifications are silent.  The
 * winner goes in focus: "can I take it in the pool" is then about it.
 * When those shown tie for "the cheapest" or "the best rated one", the
 * reply names the tied ones and asks which (dlg_ask_rank_tie).  With
 * the budget set aside ("price aside", "any price") or one product
 * shown, the ranking is over the kind's products (its subcategory), the
 * budget said before kept unless set aside.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* A longer list is a catalog listing, not products one weighs. */
#define RANKLIST_MAX	12

/* Words that make a message a question over the products shown. */
static const char *const over_shown[] = { "which", "whichever", "who",
	"any of", "do any", "does any", "are any", "is any", "of those",
	"of them", "of these", "of em", "of the two", "of the three",
	"both", "between", "among", "the one with", "the one that",
	"whats the", "what's the", "what is the", "which's", "one that",
	"one with", "ones that", "ones with", "one which", NULL };
/* Words that ask for more products, not a pick among those shown;
 * "any cheaper one" is cheaper than the one in focus. */
static const char *const elsewhere[] = { "show me", "other", "others",
	"another", "else", "something", "anything", "cheaper", "pricier",
	"less expensive", "more expensive", "than this", "than that", "than these",
	"than those", "than the", "than it", NULL };
static const char *const cheap_words[] = { "cheapest", "cheaper",
	"least expensive", "lowest price", NULL };

struct ranked {
	struct product	 p;
	double		 v;
	int		 has;		/* v read from its specifications */
};

/* The value of r as the catalog words it: "battery_hours" quoted by
 * its "battery_life" words; a bare number with its unit.  Caller
 * frees. */
static char *
value_words(const struct product *p, const struct lex_pick *lp)
{
	char		*s = NULL, *life;
	size_t		 n = strlen(lp->key);

	if (n > 6 && strcmp(lp->key + n - 6, "_hours") == 0) {
		life = xasprintf("%.*s_life", (int)(n - 6), lp->key);
		s = lex_attr_words(p, life, lp->unit);
		free(life);
	}
	if (s == NULL && (s = lex_attr_words(p, lp->key, lp->unit)) == NULL)
		return xstrdup("not stated");
	return s;
}

/* "the longest battery life", "the lowest weight": what the winner
 * has, by the unit and the key's words. */
static void
rank_phrase(struct sbuf *b, const struct lex_pick *lp, int more)
{
	static const struct {
		const char	*unit;
		const char	*most, *least, *noun;
	} ph[] = {
		{ "hours", "longest", "shortest", NULL },
		{ "water", "best", "lowest", "water resistance" },
		{ "kg", "highest", "lowest", "weight" },
		{ "hz", "highest", "lowest", "refresh rate" },
		{ "in", "biggest", "smallest", NULL },
		{ "sqft", "widest", "smallest", "coverage" },
		{ "w", "highest", "lowest", NULL },
		{ "mah", "biggest", "smallest", NULL },
		{ "wh", "biggest", "smallest", NULL },
		{ "mb/s", "fastest", "slowest", NULL },
		{ "ppm", "fastest", "slowest", "printing speed" },
		{ "px", "highest", "lowest", "resolution" },
		{ "gpu", "strongest", "weakest", "graphics" },
		{ "mp", "most", "fewest", "megapixels" },
		{ "dpi", "highest", "lowest", "DPI" },
	};
	const char	*a, *e;
	size_t		 i;
	int		 first = 1;

	for (i = 0; i < sizeof ph / sizeof ph[0]; i++)
		if (strcmp(ph[i].unit, lp->unit) == 0)
			break;
	sbuf_addf(b, "the %s ", i < sizeof ph / sizeof ph[0] ? (more ?
	    ph[i].most : ph[i].least) : more ? "most" : "least");
	if (i < sizeof ph / sizeof ph[0] && ph[i].noun != NULL) {
		sbuf_adds(b, ph[i].noun);
		return;
	}
	/* The key's own words, without its unit ("battery_hours" is
	 * "battery", "read_mb_s" "read"). */
	for (a = lp->key; *a != '\0'; a = *e == '_' ? e + 1 : e) {
		for (e = a; *e != '\0' && *e != '_'; e++)
			;
		if (e == a || (*e == '\0' && !first && strncasecmp(a,
		    lp->unit, (size_t)(e - a)) == 0) || strncmp(a, "mb", 2) ==
		    0 || (e - a == 1 && *a == 's') || strncmp(a, "hours",
		    5) == 0 || strncmp(a, "in", (size_t)(e - a)) == 0)
			continue;
		sbuf_addf(b, "%s%.*s", first ? "" : " ", (int)(e - a), a);
		first = 0;
	}
	if (strcmp(lp->unit, "hours") == 0 && strstr(lp->key, "battery"))
		sbuf_adds(b, " life");
	else if (strcmp(lp->unit, "mb/s") == 0)
		sbuf_adds(b, " speed");
	else if (strcmp(lp->unit, "w") == 0)
		sbuf_adds(b, " wattage");
}

/* The candidates: the last list (2 to RANKLIST_MAX), each read. */
static size_t
shown_load(struct tctx *t, struct ranked *r)
{
	cJSON	*res = dlg_jarr(t->state, "results"), *it;
	size_t	 n = 0;
	int	 m = cJSON_GetArraySize(res);

	if (m < 2 || m > RANKLIST_MAX)
		return 0;
	cJSON_ArrayForEach(it, res) {
		memset(&r[n], 0, sizeof r[n]);
		if (cJSON_IsString(it) && dlg_load_product(t,
		    it->valuestring, &r[n].p))
			n++;
	}
	return n;
}

/* Does a brand or kind the message names cover all those shown ("which
 * laptop lasts longest" after laptops)?  Else it asks about others. */
static int
names_fit(struct tctx *t, const struct ranked *r, size_t n, const char *key)
{
	const struct entity *br = dlg_first_entity(t, ENTITY_BRAND);
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	const char	*b = br != NULL ? (br->brand != NULL ? br->brand :
	    br->value) : NULL;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (b != NULL && strcasecmp(r[i].p.brand, b) != 0)
			return 0;
		/* "The most storage" names the attribute, not the kind. */
		if (cat != NULL && cat->category != NULL &&
		    strstr(key, cat->category) == NULL &&
		    strcmp(r[i].p.category, cat->category) != 0)
			return 0;
	}
	return 1;
}

/* Is a better than b at the end asked for? */
static int
beats(double a, double b, int more)
{
	return more ? a > b + 1e-9 : a < b - 1e-9;
}

static int
same(double a, double b)
{
	return fabs(a - b) <= 1e-9 * fmax(1, fabs(a));
}

/* "\n  - name: value" for each, the silent ones "not stated". */
static void
side_by_side(struct sbuf *b, const struct ranked *r, size_t n,
    const struct lex_pick *lp)
{
	size_t	 i;
	char	*w;

	for (i = 0; i < n; i++) {
		w = r[i].has ? value_words(&r[i].p, lp) :
		    xstrdup("not stated");
		sbuf_addf(b, "\n  - %s: %s", r[i].p.name, w);
		free(w);
	}
}

/* " The specifications of the A and the B do not give it." */
static void
silent_note(struct sbuf *b, const struct ranked *r, size_t n)
{
	size_t	 i, k = 0, m = 0;

	for (i = 0; i < n; i++)
		m += !r[i].has;
	if (m == 0)
		return;
	sbuf_adds(b, " The specifications of ");
	for (i = 0; i < n; i++) {
		if (r[i].has)
			continue;
		sbuf_addf(b, "%sthe %s", k == 0 ? "" : k + 1 == m ? " and " :
		    ", ", r[i].p.name);
		k++;
	}
	sbuf_adds(b, " do not give it.");
}

/* The winner w of r[0..n) and its slots; in focus, cited. */
static void
winner_slots(struct tctx *t, const struct ranked *r, size_t n, size_t w,
    const struct lex_pick *lp)
{
	char	*s = value_words(&r[w].p, lp);

	(void)n;
	dlg_product_slots(t, &r[w].p, "");
	slots_set(&t->slots, "best_value", s);
	dlg_cite(t, "product", r[w].p.sku, r[w].p.name, lp->key);
	free(s);
}

/*
 * "Any of them over 40 hours?", "the cheapest one that does 3000+ sq
 * ft": those that meet the bound, the cheapest first when asked, else
 * the best; none: the best there is.
 */
static void
answer_bound(struct tctx *t, struct ranked *r, size_t n,
    const struct lex_pick *lp, int more, double num, int above)
{
	struct sbuf	 b = SBUF_INIT, phrase = SBUF_INIT;
	size_t		 i, w = n, best = n, m = 0;
	int		 cheap = dlg_has_any(t, cheap_words);

	for (i = 0; i < n; i++) {
		if (!r[i].has)
			continue;
		if (best == n || beats(r[i].v, r[best].v, more))
			best = i;
		if (above ? r[i].v + 1e-9 < num : r[i].v - 1e-9 > num)
			continue;
		m++;
		if (w == n || (cheap ? r[i].p.price < r[w].p.price :
		    beats(r[i].v, r[w].v, more)))
			w = i;
	}
	rank_phrase(&phrase, lp, more);
	slots_set(&t->slots, "rank_phrase", phrase.buf);
	slots_setf(&t->slots, "bound", "%s %g %s", above ? "over" : "under",
	    num, lex_unit_label(lp->unit));
	slots_setf(&t->slots, "shown_count", "%zu", n);
	silent_note(&b, r, n);
	side_by_side(&b, r, n, lp);
	slots_set(&t->slots, "others", b.buf);
	if (m == 0) {
		winner_slots(t, r, n, best, lp);
		dlg_focus_push(t, r[best].p.sku);
		dlg_set_action(t, "best_of_list", "none of the %zu shown "
		    "%s %g %s by %s; best %s", n, above ? "over" : "under",
		    num, lp->unit, lp->key, r[best].p.sku);
		dlg_say(t, "rank_bound_none");
	} else {
		winner_slots(t, r, n, w, lp);
		slots_setf(&t->slots, "meet_count", "%zu", m);
		slots_set(&t->slots, "pick_why", cheap ? "the cheapest of "
		    "them" : m > 1 ? "the best of them" : "the one");
		dlg_focus_push(t, r[w].p.sku);
		dlg_set_action(t, "best_of_list", "%zu of the %zu shown %s "
		    "%g %s by %s; %s %s", m, n, above ? "over" : "under", num,
		    lp->unit, lp->key, cheap ? "cheapest" : "best",
		    r[w].p.sku);
		dlg_say(t, "rank_bound");
	}
	sbuf_release(&b);
	sbuf_release(&phrase);
}

/* The most (or least) of r[0..n): the winner, a tie, the runner-up. */
static void
answer_rank(struct tctx *t, struct ranked *r, size_t n,
    const struct lex_pick *lp, int more)
{
	struct sbuf	 b = SBUF_INIT, phrase = SBUF_INIT, tied = SBUF_INIT;
	size_t		 i, w = n, second = n, ntie = 0, k, have = 0;
	char		*s;

	for (i = 0; i < n; i++)
		if (r[i].has && (w == n || beats(r[i].v, r[w].v, more)))
			w = i;
	for (i = 0; i < n; i++) {
		if (!r[i].has)
			continue;
		have++;
		if (same(r[i].v, r[w].v))
			ntie++;
		else if (second == n || beats(r[i].v, r[second].v, more))
			second = i;
	}
	rank_phrase(&phrase, lp, more);
	slots_set(&t->slots, "rank_phrase", phrase.buf);
	slots_setf(&t->slots, "shown_count", "%zu", n);
	winner_slots(t, r, n, w, lp);
	/* One alone states it: no ranking, what it says. */
	if (have > 1)
		silent_note(&b, r, n);
	if (n > 2 || have == 1)
		side_by_side(&b, r, n, lp);
	slots_set(&t->slots, "others", b.buf);
	if (have == 1) {
		dlg_focus_push(t, r[w].p.sku);
		dlg_set_action(t, "best_of_list", "only %s of the %zu shown "
		    "gives %s", r[w].p.sku, n, lp->key);
		dlg_say(t, "rank_only");
	} else if (ntie > 1) {
		/* Tied: each in focus, the first on top, so that "that
		 * one" asks which. */
		for (i = n, k = 0; i-- > 0;)
			if (r[i].has && same(r[i].v, r[w].v)) {
				dlg_focus_push(t, r[i].p.sku);
				dlg_cite(t, "product", r[i].p.sku,
				    r[i].p.name, lp->key);
			}
		for (i = 0; i < n; i++)
			if (r[i].has && same(r[i].v, r[w].v))
				sbuf_addf(&tied, "%sthe %s", k++ == 0 ? "" :
				    k == ntie ? " and " : ", ", r[i].p.name);
		slots_set(&t->slots, "tied", tied.buf);
		dlg_set_action(t, "best_of_list", "%zu of the %zu shown tie "
		    "on %s", ntie, n, lp->key);
		dlg_say(t, "rank_tie");
	} else {
		if (second != n) {
			s = value_words(&r[second].p, lp);
			slots_setf(&t->slots, "runner_up", " Next comes the "
			    "%s: %s.", r[second].p.name, s);
			dlg_cite(t, "product", r[second].p.sku,
			    r[second].p.name, lp->key);
			free(s);
		} else
			slots_set(&t->slots, "runner_up", "");
		dlg_focus_push(t, r[w].p.sku);
		dlg_set_action(t, "best_of_list", "%s %s among the %zu shown: "
		    "%s", more ? "most" : "least", lp->key, n, r[w].p.sku);
		dlg_say(t, "rank_best");
	}
	sbuf_release(&b);
	sbuf_release(&tied);
	sbuf_release(&phrase);
}

/* Words that set the budget aside for a ranking ("price aside"). */
static const char *const price_aside[] = { "price aside", "prices aside",
	"budget aside", "cost aside", "any price", "regardless of price",
	"regardless of the price", "regardless of budget",
	"regardless of cost", "whatever the price", "whatever it costs",
	"no matter the price", "no matter the cost", "money no object",
	"money is no object", "price no object", "forget the price",
	"forget the budget", "forget my budget", "ignore the price",
	"ignore the budget", "ignore my budget", "ignoring price",
	"ignoring the price", "never mind the price", "nevermind the price",
	"never mind the budget", "price doesnt matter",
	"price doesn't matter", "budget doesnt matter",
	"budget doesn't matter", "not worried about price", NULL };

/* The kind to rank over: the last list's first, else the focus. */
static int
kind_base(struct tctx *t, struct product *p)
{
	cJSON		*it;
	const char	*sku = NULL;

	cJSON_ArrayForEach(it, dlg_jarr(t->state, "results"))
		if (sku == NULL && cJSON_IsString(it))
			sku = it->valuestring;
	if (sku == NULL)
		sku = dlg_focus_top(t, 0);
	return sku != NULL && dlg_load_product(t, sku, p);
}

/*
 * "Which one is the most waterproof, price aside" after one product
 * shown: the kind's products (its subcategory: earbuds, not every
 * headphone) ranked by the specification, the budget said before
 * kept unless set aside.  1 when answered.
 */
static int
rank_kind(struct tctx *t, int aside)
{
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	struct product_filter pf;
	struct product	 base, *v = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	struct lex_pick	 lp;
	struct sbuf	 phrase = SBUF_INIT, tied = SBUF_INIT;
	size_t		 nv = 0, i, w, second, ntie = 0, have = 0, k;
	double		*val = NULL, max;
	int		*has = NULL, more, done = 0;
	char		*s, *group, *m;

	memset(&lp, 0, sizeof lp);
	memset(&base, 0, sizeof base);
	if (dlg_first_entity(t, ENTITY_BRAND) != NULL || !kind_base(t, &base))
		return 0;
	if (cat != NULL && cat->category != NULL &&
	    strcmp(cat->category, base.category) != 0)
		goto out;
	memset(&pf, 0, sizeof pf);
	pf.category = base.category;
	pf.use = base.subcategory != NULL && *base.subcategory != '\0' ?
	    base.subcategory : NULL;
	max = dlg_jnum(dlg_jobj(t->state, "filters"), "max_price", -1);
	pf.max_price = aside ? -1 : max;
	pf.min_price = -1;
	pf.limit = 100;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, &pf, &v, &nv, &err) != SD_OK)
		nv = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	if (nv < 2 || !lex_attribute(t, v, nv, &lp))
		goto out;
	val = xcalloc(nv, sizeof *val);
	has = xcalloc(nv, sizeof *has);
	for (i = 0; i < nv; i++) {
		if ((s = catalog_attr(&v[i], lp.key)) == NULL)
			continue;
		has[i] = lex_value(lp.key, s, lp.unit, &val[i]);
		have += has[i];
		free(s);
	}
	group = pf.use != NULL ? xasprintf("%s (%s)", pf.category, pf.use) :
	    xstrdup(pf.category);
	for (s = group; *s != '\0'; s++)
		if (*s == '-')
			*s = ' ';
	slots_set(&t->slots, "group", group);
	free(group);
	if (aside)
		slots_set(&t->slots, "scope", " at any price");
	else if (max >= 0) {
		m = catalog_money(max, "USD");
		slots_setf(&t->slots, "scope", " up to %s", m);
		free(m);
	} else
		slots_set(&t->slots, "scope", "");
	dlg_ref_rule(dlg_jobj(t->trace, "reference"), "spec-of-kind",
	    "specification among the kind's products");
	dlg_jset_str(dlg_jobj(t->trace, "reference"), "attribute", lp.key);
	done = 1;
	if (have == 0) {
		slots_set(&t->slots, "asked", lp.key);
		dlg_set_action(t, "best_of_kind", "no value of %s among %zu",
		    lp.key, nv);
		dlg_say(t, "rank_kind_unstated");
		goto out;
	}
	more = lp.dir >= 0;
	for (i = 0, w = nv; i < nv; i++)
		if (has[i] && (w == nv || beats(val[i], val[w], more)))
			w = i;
	for (i = 0, second = nv; i < nv; i++) {
		if (!has[i])
			continue;
		if (same(val[i], val[w]))
			ntie++;
		else if (second == nv || beats(val[i], val[second], more))
			second = i;
	}
	rank_phrase(&phrase, &lp, more);
	slots_set(&t->slots, "rank_phrase", phrase.buf);
	s = value_words(&v[w], &lp);
	slots_set(&t->slots, "best_value", s);
	free(s);
	if (ntie > 1) {
		for (i = nv, k = 0; i-- > 0;)
			if (has[i] && same(val[i], val[w])) {
				dlg_focus_push(t, v[i].sku);
				dlg_cite(t, "product", v[i].sku, v[i].name,
				    lp.key);
			}
		for (i = 0; i < nv; i++)
			if (has[i] && same(val[i], val[w]))
				sbuf_addf(&tied, "%sthe %s", k++ == 0 ? "" :
				    k == ntie ? " and " : ", ", v[i].name);
		slots_set(&t->slots, "tied", tied.buf);
		dlg_set_action(t, "best_of_kind", "%zu of %zu tie on %s",
		    ntie, nv, lp.key);
		dlg_say(t, "rank_kind_tie");
		goto out;
	}
	dlg_product_slots(t, &v[w], "");
	dlg_cite(t, "product", v[w].sku, v[w].name, lp.key);
	if (second != nv) {
		s = value_words(&v[second], &lp);
		slots_setf(&t->slots, "runner_up", " Next comes the %s: %s.",
		    v[second].name, s);
		dlg_cite(t, "product", v[second].sku, v[second].name, lp.key);
		free(s);
	} else
		slots_set(&t->slots, "runner_up", "");
	dlg_focus_push(t, v[w].sku);
	dlg_set_action(t, "best_of_kind", "%s %s among %zu of the kind%s: %s",
	    more ? "most" : "least", lp.key, nv, aside ? " at any price" : "",
	    v[w].sku);
	dlg_say(t, "rank_kind_best");
out:
	for (i = 0; i < nv; i++)
		product_release(&v[i]);
	free(v);
	free(val);
	free(has);
	product_release(&base);
	lex_pick_release(&lp);
	sbuf_release(&phrase);
	sbuf_release(&tied);
	return done;
}

/*
 * A question ranking the products shown by a specification: answered
 * (1), or 0 when the message is no such question or names no attribute
 * those products state or lack.
 */
int
dlg_rank_shown(struct tctx *t)
{
	struct ranked	 r[RANKLIST_MAX];
	struct lex_pick	 lp;
	const char	*bunit = NULL;
	double		 num = 0;
	size_t		 n = 0, i, have = 0;
	int		 dir, bound, above = 1, done = 0, aside;
	char		*s;

	memset(&lp, 0, sizeof lp);
	if (!dlg_has_any(t, over_shown) || dlg_has_any(t, elsewhere) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL)
		return 0;
	dir = lex_direction(t);
	bound = lex_threshold(t, &num, &bunit, &above);
	if (dir == 0 && !bound)
		return 0;
	/* "Price aside", or one product shown: the kind's, when a
	 * superlative is said ("one more question" is none); with the
	 * price set aside a comparative ranks the kind too. */
	aside = dlg_has_any(t, price_aside);
	if (aside || (n = shown_load(t, r)) < 2) {
		done = !bound && lex_superlative(t, aside) &&
		    rank_kind(t, aside);
		goto out;
	}
	{
		struct product	 ps[RANKLIST_MAX];

		for (i = 0; i < n; i++)
			ps[i] = r[i].p;
		if (!lex_attribute(t, ps, n, &lp)) {
			if (lp.unnamed == NULL || dir == 0 || bound ||
			    !names_fit(t, r, n, ""))
				goto out;
			/* "Which one's loudest?": no specification says. */
			slots_setf(&t->slots, "shown_count", "%zu", n);
			slots_set(&t->slots, "asked", lp.unnamed);
			dlg_set_action(t, "best_of_list", "no specification "
			    "of the %zu shown gives \"%s\"", n, lp.unnamed);
			dlg_say(t, "rank_unstated");
			done = 1;
			goto out;
		}
	}
	if (!names_fit(t, r, n, lp.key) || (bound && bunit != NULL &&
	    strcmp(bunit, lp.unit) != 0))
		goto out;
	for (i = 0; i < n; i++) {
		if ((s = catalog_attr(&r[i].p, lp.key)) == NULL)
			continue;
		r[i].has = lex_value(lp.key, s, lp.unit, &r[i].v);
		have += r[i].has;
		free(s);
	}
	dlg_ref_rule(dlg_jobj(t->trace, "reference"), "spec-among-shown",
	    "specification among those shown");
	dlg_jset_str(dlg_jobj(t->trace, "reference"), "attribute", lp.key);
	if (have == 0) {
		slots_setf(&t->slots, "shown_count", "%zu", n);
		slots_set(&t->slots, "asked", lp.key);
		dlg_set_action(t, "best_of_list", "no value of %s among the "
		    "%zu shown", lp.key, n);
		dlg_say(t, "rank_unstated");
	} else if (bound)
		answer_bound(t, r, n, &lp, lp.dir != 0 ? lp.dir > 0 : above,
		    num, above);
	else
		answer_rank(t, r, n, &lp, lp.dir >= 0);
	done = 1;
out:
	lex_pick_release(&lp);
	for (i = 0; i < n; i++)
		product_release(&r[i].p);
	return done;
}

/*
 * "And the cheapest one of those" when two of those shown cost the
 * same (or share the best rating, or the most of a specification):
 * which one is meant is the customer's to say, never a guess, so the
 * reply names the tied ones, says what they share and asks.  Each goes
 * in focus, the first named on top.  1 when asked.
 */
int
dlg_ask_rank_tie(struct tctx *t)
{
	const char	*tied[CONV_MAX], *by = NULL;
	struct sbuf	 names = SBUF_INIT;
	struct product	 p;
	size_t		 n, i, k = 0;
	char		*money;

	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    (n = dlg_ranked_tie(t, tied, &by)) < 2)
		return 0;
	for (i = 0; i < n; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_load_product(t, tied[i], &p))
			continue;
		money = catalog_money(p.price, p.currency);
		sbuf_addf(&names, "%s%s %s (%s", k == 0 ? "The" :
		    i + 1 == n ? " and" : ",", k == 0 ? "" : " the",
		    p.name, money);
		if (strcmp(by, "rating") == 0)
			sbuf_addf(&names, ", rated %.1f/5", p.rating);
		sbuf_addc(&names, ')');
		dlg_cite(t, "product", p.sku, p.name, by);
		free(money);
		product_release(&p);
		k++;
	}
	for (i = n; i-- > 0;)
		dlg_focus_push(t, tied[i]);
	slots_set(&t->slots, "tied", names.buf);
	if (strcmp(by, "price") == 0)
		slots_set(&t->slots, "tie_phrase", "cost the same");
	else if (strcmp(by, "rating") == 0)
		slots_set(&t->slots, "tie_phrase", "are rated the same");
	else
		slots_setf(&t->slots, "tie_phrase", "have the same %s", by);
	dlg_set_action(t, "ask_which_product", "%zu of those shown tie on "
	    "%s", n, by);
	dlg_say(t, "rank_tie_ask");
	sbuf_release(&names);
	return 1;
}

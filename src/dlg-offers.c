/*
 * dlg-offers.c: what a product costs beyond its price tag.  Extended
 * warranty plans and their prices (from the policy facts' pricing tiers,
 * for the product's price), the sale a discounted product is in and its
 * end date (or that it has ended), and the product's variants: "is 128
 * enough or should i get 256" answers with the 256GB model's price, and
 * "ok the 256 then" moves the focus to it.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"

#define VARIANTS_MAX	24	/* models of one family read */

static int	focus_alone(struct tctx *);
static int	size_step(struct tctx *);
static size_t	family_of(struct tctx *, const struct product *,
		    struct product **);

/* "2026-12-01" as "December 1, 2026" (caller frees). */
char *
dlg_long_date(const char *iso)
{
	static const char *const months[] = { "January", "February",
	    "March", "April", "May", "June", "July", "August", "September",
	    "October", "November", "December" };
	int	 y, m, d;

	if (iso == NULL || sscanf(iso, "%d-%d-%d", &y, &m, &d) != 3 ||
	    m < 1 || m > 12)
		return xstrdup(iso != NULL ? iso : "");
	return xasprintf("%s %d, %d", months[m - 1], d, y);
}

/*
 * The extended-warranty plans the product can take, with their prices
 * for its price tier, as slots plan_name, plan2, plan3 ("" when not
 * offered).  0 when no plan is offered.
 */
static int
plan_slots(struct tctx *t, const struct product *p)
{
	char		*tiers, *name, *doc = NULL, *m;
	cJSON		*arr, *it;
	double		 lo, hi;
	int		 two, three, found = 0;

	/* The product says which plans it takes ("Not offered: ..."). */
	if (p->extended_warranty == NULL ||
	    strncasecmp(p->extended_warranty, "not", 3) == 0 ||
	    strstr(p->extended_warranty, "3-year") == NULL)
		return 0;
	two = strstr(p->extended_warranty, "2-") != NULL ||
	    strstr(p->extended_warranty, "2-year") != NULL;
	three = 1;
	if ((tiers = catalog_policy_fact(t->st, "pricing_tiers", &doc)) ==
	    NULL)
		return 0;
	arr = cJSON_Parse(tiers);
	cJSON_ArrayForEach(it, arr) {
		lo = dlg_jnum(it, "min_price", -1);
		hi = cJSON_IsNumber(cJSON_GetObjectItemCaseSensitive(it,
		    "max_price")) ? dlg_jnum(it, "max_price", 0) : 1e18;
		if (lo < 0 || p->price < lo || p->price > hi)
			continue;
		m = catalog_money(dlg_jnum(it, "two_year", 0), "USD");
		slots_set(&t->slots, "plan2", two ? m : "");
		free(m);
		m = catalog_money(dlg_jnum(it, "three_year", 0), "USD");
		slots_set(&t->slots, "plan3", three ? m : "");
		free(m);
		found = 1;
		break;
	}
	cJSON_Delete(arr);
	free(tiers);
	if (found) {
		name = catalog_policy_fact(t->st, "plan_name", NULL);
		slots_set(&t->slots, "plan_name", name != NULL ? name :
		    "An extended warranty plan");
		free(name);
		dlg_cite(t, "policy", doc, "extended warranty",
		    "pricing_tiers");
		/* "2 year protection": that plan first. */
		slots_set(&t->slots, "asked_three", dlg_has_word(t, "3 year") ||
		    dlg_has_word(t, "three year") || dlg_has_word(t, "3-year") ?
		    "1" : "");
	}
	free(doc);
	return found;
}

/*
 * The warranty and, where the product takes one, the plans that extend
 * it with their prices.  1 when the plans were said.
 */
int
dlg_warranty_plans(struct tctx *t, const struct product *p)
{
	if (!plan_slots(t, p))
		return 0;
	dlg_product_slots(t, p, "");
	dlg_cite(t, "product", p->sku, p->name, "warranty,extended_warranty");
	dlg_set_action(t, "answer_warranty", "warranty and the plans for %s "
	    "at its price", p->sku);
	return dlg_say(t, "warranty_plans");
}

/*
 * After a sale price: the promotion running today and its end date;
 * with no promotion running, the one that ended last ("the Early Black
 * Friday Deals ended on December 1").  Nothing when the store lists no
 * promotion.
 */
void
dlg_sale_note(struct tctx *t, const struct product *p)
{
	char		*promos, *doc = NULL, *d;
	const char	*today = store_now(), *starts, *ends;
	cJSON		*arr, *it, *running = NULL, *ended = NULL;

	if (p->list_price <= p->price ||
	    (promos = catalog_policy_fact(t->st, "active_promotions",
	    &doc)) == NULL) {
		free(doc);
		return;
	}
	arr = cJSON_Parse(promos);
	cJSON_ArrayForEach(it, arr) {
		starts = dlg_jstr(it, "starts");
		ends = dlg_jstr(it, "ends");
		if (ends == NULL || dlg_jstr(it, "name") == NULL)
			continue;
		if (strncmp(ends, today, 10) >= 0 && (starts == NULL ||
		    strncmp(starts, today, 10) <= 0))
			running = it;
		else if (strncmp(ends, today, 10) < 0 && (ended == NULL ||
		    strcmp(ends, dlg_jstr(ended, "ends")) > 0))
			ended = it;
	}
	if ((it = running != NULL ? running : ended) != NULL) {
		slots_set(&t->slots, "sale_name", dlg_jstr(it, "name"));
		d = dlg_long_date(dlg_jstr(it, "ends"));
		slots_set(&t->slots, "sale_ends", d);
		free(d);
		dlg_cite(t, "policy", doc, dlg_jstr(it, "name"),
		    "active_promotions");
		dlg_say(t, running != NULL ? "sale_ends" : "sale_ended");
	}
	cJSON_Delete(arr);
	free(promos);
	free(doc);
}

/* Is byte at of the folded text inside a price or a product name the
 * customer said ("$256", "Galaxy S24 (128GB)")? */
static int
in_price(struct tctx *t, size_t at)
{
	const struct entity *en;
	size_t		 i, a = t->fold.map != NULL ? t->fold.map[at] : at;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if ((en->type == ENTITY_PRICE || en->type == ENTITY_PRODUCT) &&
		    a >= en->start && a < en->end)
			return 1;
	}
	return 0;
}

/* The storage sizes said, in GB, into v; how many. */
static size_t
sizes_said(struct tctx *t, double *v, size_t max)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, k = 0;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	char		*end;
	double		 d;

	n = text_tokenize(s, strlen(s), &tok, &cap);
	for (i = 0; i < n && k < max; i++) {
		/* "$256", "256 dollars": an amount of money. */
		if (!tok[i].has_digit || (tok[i].start > 0 &&
		    s[tok[i].start - 1] == '$') || in_price(t, tok[i].start))
			continue;
		d = strtod(s + tok[i].start, &end);
		if (strncmp(end, "tb", 2) == 0 || (i + 1 < n &&
		    strncmp(s + tok[i + 1].start, "tb", 2) == 0 &&
		    tok[i + 1].end - tok[i + 1].start == 2))
			d *= 1024;
		else if (!(strncmp(end, "gb", 2) == 0 || end == s +
		    tok[i].end))
			continue;
		/* Storage comes in powers of two. */
		if (d >= 16 && d <= 8192 && ((long)d & ((long)d - 1)) == 0)
			v[k++] = d;
	}
	free(tok);
	return k;
}

/* Does p state its storage (a phone, a laptop), not a capacity? */
static int
has_storage(const struct product *p)
{
	char	*v = catalog_attr(p, "storage");
	int	 yes = v != NULL;

	free(v);
	return yes;
}

/* Storage of p in GB, from its attribute ("256GB", "1TB ..."), or -1. */
static double
storage_gb(const struct product *p)
{
	char	*v = catalog_attr(p, "storage"), *end;
	double	 d = -1;

	/* Drives and memory cards say "capacity". */
	if (v == NULL)
		v = catalog_attr(p, "capacity");
	if (v != NULL) {
		d = strtod(v, &end);
		if (end == v)
			d = -1;
		else if (strncasecmp(end, "tb", 2) == 0 ||
		    strncasecmp(end, " tb", 3) == 0)
			d *= 1024;
	}
	free(v);
	return d;
}

/*
 * The models of p's family with one of the sizes said, in the order
 * said, into v (p itself included when said); how many.
 */
static size_t
variants_said(struct tctx *t, const struct product *p, struct product *v,
    size_t max)
{
	struct product	*fam = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	double		 want[4];
	size_t		 nw, nf = 0, i, k, n = 0;
	char		*core = catalog_family(p->name), *fc;

	if ((nw = sizes_said(t, want, 4)) == 0 || storage_gb(p) < 0) {
		free(core);
		return 0;
	}
	dlg_retrieve_begin(t);
	if (catalog_products_named(t->st, core, VARIANTS_MAX, &fam, &nf,
	    &err) != SD_OK)
		nf = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (k = 0; k < nw; k++)
		for (i = 0; i < nf && n < max; i++) {
			if (fam[i].name == NULL)
				continue;	/* taken already */
			fc = catalog_family(fam[i].name);
			/* The same model: not the S24+ or the Ultra. */
			if (strcmp(fc, core) == 0 &&
			    storage_gb(&fam[i]) == want[k]) {
				v[n++] = fam[i];
				memset(&fam[i], 0, sizeof fam[i]);
			}
			free(fc);
		}
	for (i = 0; i < nf; i++)
		product_release(&fam[i]);
	free(fam);
	free(core);
	return n;
}

/*
 * The product whose variants are meant: the one named, the one shown
 * that a brand or family said fits ("the samsung, is 128 enough"), else
 * the one in focus.  NULL when what was said fits nothing shown.
 */
static const char *
base_product(struct tctx *t)
{
	const struct entity *en;
	const char	*sku;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && en->sku != NULL)
			return en->sku;
		if (en->type == ENTITY_PRODUCT || en->type == ENTITY_BRAND)
			return dlg_shown_match(t, en);
	}
	/* "ok the pixel, what colours": the line said beats the focus. */
	if ((sku = dlg_line_word_reference(t)) != NULL)
		return sku;
	return dlg_focus_top(t, 0);
}

/* Words asking whether a size is to be had. */
static const char *const size_asks[] = { "is there", "do you have",
	"does it come", "come in", "comes in", "available", "version",
	"any", NULL };

/*
 * No model of p's family has the size asked: the sizes its models are
 * listed in, with their prices.  1 when said.
 */
static size_t
sizes_listed(struct tctx *t, const struct product *p)
{
	struct product	*fam = NULL;
	struct sbuf	 list = SBUF_INIT;
	size_t		 n = family_of(t, p, &fam), i, k = 0;
	char		*st, *m;

	for (i = 0; i < n; i++) {
		if ((st = catalog_attr(&fam[i], "storage")) == NULL &&
		    (st = catalog_attr(&fam[i], "capacity")) == NULL)
			continue;
		m = catalog_money(fam[i].price, fam[i].currency);
		sbuf_addf(&list, "%s%s (%s, %s)", list.len ? "; " : "", st,
		    fam[i].name, m);
		dlg_cite(t, "product", fam[i].sku, fam[i].name,
		    "storage,price");
		free(m);
		free(st);
		k++;
	}
	if (k > 0) {
		char	*fname = catalog_family(p->name);

		dlg_product_slots(t, p, "");
		slots_set(&t->slots, "family", fname);
		free(fname);
		slots_set(&t->slots, "sizes", list.buf);
		dlg_set_action(t, "answer_variant", "no model of %s's family "
		    "in the size asked; the sizes listed", p->sku);
		dlg_say(t, "variant_size_none");
	}
	for (i = 0; i < n; i++)
		product_release(&fam[i]);
	free(fam);
	sbuf_release(&list);
	return k;
}

/*
 * "The 256 then", "is 128 enough or should i get 256": the variants of
 * the product in focus with the storage said.  The last one said takes
 * the focus (so "add it" adds it), and each is answered with its price
 * when the turn asks nothing else (answer set).  1 when answered.
 */
int
dlg_handle_variant(struct tctx *t, int answer)
{
	static const char *const theirs[] = { "my", "i have", "i've got",
	    "i got", "has", "have", "mine", NULL };
	struct product	 p, v[4];
	const char	*top;
	double		 said[4];
	char		*sku;
	size_t		 n, i;

	/* Most turns say no size: leave the state untouched ("the
	 * bigger one" of the product in focus is a size all the same). */
	if (sizes_said(t, said, 4) == 0)
		return answer && size_step(t);
	top = base_product(t);
	memset(&p, 0, sizeof p);
	if (dlg_count_entities(t, ENTITY_PRODUCT) > 1 ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL || top == NULL ||
	    !dlg_load_product(t, top, &p))
		return 0;
	/* "My laptop has 512GB": a size of something the customer has
	 * says nothing of a drive's variant (drives and cards name their
	 * capacity, phones and laptops their storage). */
	if (!has_storage(&p) && dlg_has_any(t, theirs)) {
		product_release(&p);
		return 0;
	}
	n = variants_said(t, &p, v, 4);
	if (n == 0) {
		/* "Does it come in 256?" of a model listed in 128GB only:
		 * the sizes it is listed in, never another model's. */
		n = answer && (strchr(t->text, '?') != NULL ||
		    dlg_has_any(t, size_asks)) ? sizes_listed(t, &p) : 0;
		product_release(&p);
		return n > 0;
	}
	product_release(&p);
	/* "The 1tb sandisk then, how fast": the variant takes the focus
	 * and the specification asked is the answer (dlg-specs.c). */
	if (answer && dlg_spec_count(t, &v[n - 1]) > 0)
		answer = 0;
	/* The focus changes below: keep the product asked about. */
	sku = xstrdup(top);
	dlg_focus_push(t, v[n - 1].sku);
	dlg_ref_rule(dlg_jobj(t->trace, "reference"), "focus-variant-storage",
	    "a variant of the product in focus, by the storage said");
	dlg_jset_str(dlg_jobj(t->trace, "reference"), "picked",
	    v[n - 1].sku);
	for (i = 0; answer && i < n; i++) {
		dlg_product_slots(t, &v[i], "");
		dlg_cite(t, "product", v[i].sku, v[i].name, "price,stock");
		dlg_say(t, "variant");
	}
	if (answer)
		dlg_set_action(t, "answer_variant", "%zu variant(s) of %s by "
		    "the storage said", n, sku);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(sku);
	return answer;
}

/* Colours as a shopper says them: one signal that a colour is asked. */
static const char *const colour_words[] = { "black", "white", "blue",
	"red", "green", "pink", "purple", "yellow", "gray", "grey", "silver",
	"gold", "titanium", "midnight", "starlight", "graphite", "orange",
	"beige", "cream", "navy", "violet", "lavender", "mint", "natural",
	NULL };

/* Words that point at the product in focus. */
static const char *const pronouns[] = { "it", "its", "it's", "this",
	"this one", "that one", NULL };

/* Words asking which colours there are. */
static const char *const colour_asks[] = { "colours", "colors",
	"colour options", "color options", "what colour", "what color",
	"which colour", "which color", "come in", "comes in", "other colour",
	"other color", "different colour", "different color", NULL };

/* Names in which a colour word names no colour ("black friday"). */
static const char *const not_colours[] = { "black friday", "cyber monday",
	"white noise", "blue light", "red eye", NULL };

/* Words asking for a colour said, question mark or not ("is there a
 * blue one", "and in black"). */
static const char *const colour_wants[] = { "is there", "do you have",
	"have it in", "get it in", "got it in", "available in", "and in",
	"any in", "does it come", "swap", "switch", "exchange", "instead",
	"rather", "prefer", "change it to", "change to", NULL };

/* "The black one", "the blue version": a colour word naming a model. */
static int
colour_one(struct tctx *t, const char *c)
{
	static const char *const after[] = { "one", "ones", "version",
	    "model", "colour", "color", NULL };
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "", *p;
	const char *const *w;
	size_t		 n = strlen(c), k;

	for (p = s; (p = strstr(p, c)) != NULL; p += n) {
		if ((p != s && isalnum((unsigned char)p[-1])) || p[n] != ' ')
			continue;
		for (w = after; *w != NULL; w++)
			if (strncmp(p + n + 1, *w, (k = strlen(*w))) == 0 &&
			    !isalnum((unsigned char)p[n + 1 + k]))
				return 1;
	}
	return 0;
}

/*
 * Is the product in focus what the conversation is on, not a list shown
 * (whose members "any in black?" may mean)?  No list, or the focus is
 * not one of it.
 */
static int
focus_alone(struct tctx *t)
{
	const char	*top = dlg_focus_top(t, 0);
	cJSON		*it;

	if (top == NULL)
		return 0;
	cJSON_ArrayForEach(it, dlg_jarr(t->state, "results"))
		if (cJSON_IsString(it) && strcmp(it->valuestring, top) == 0)
			return 0;
	return 1;
}

/* How many words of colour c ("Natural Titanium") the message says. */
static size_t
colour_words_said(struct tctx *t, const char *c)
{
	char		*w = xstrdup(c), *tok, *save = NULL, *o;
	size_t		 n = 0;

	if (dlg_has_any(t, not_colours)) {
		free(w);
		return 0;
	}
	for (o = w; *o != '\0'; o++)
		*o = (char)tolower((unsigned char)*o);
	for (tok = strtok_r(w, " -/", &save); tok != NULL;
	    tok = strtok_r(NULL, " -/", &save))
		n += strlen(tok) > 2 && dlg_has_word(t, tok);
	free(w);
	return n;
}

/*
 * The models of p's family (the same name but for its size) into *fam,
 * p included; how many (caller releases each and frees *fam).
 */
static size_t
family_of(struct tctx *t, const struct product *p, struct product **fam)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*core = catalog_family(p->name), *fc;
	size_t		 nf = 0, i, n = 0;

	*fam = NULL;
	dlg_retrieve_begin(t);
	if (catalog_products_named(t->st, core, VARIANTS_MAX, fam, &nf,
	    &err) != SD_OK)
		nf = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (i = 0; i < nf; i++) {
		fc = catalog_family((*fam)[i].name);
		if (strcmp(fc, core) == 0)
			(*fam)[n++] = (*fam)[i];
		else
			product_release(&(*fam)[i]);
		free(fc);
	}
	free(core);
	return n;
}

/* The colour word of the colour vocabulary said, or NULL. */
static const char *
colour_said(struct tctx *t)
{
	const char *const *c;

	if (dlg_has_any(t, not_colours))
		return NULL;
	for (c = colour_words; *c != NULL; c++)
		if (dlg_has_word(t, *c))
			return *c;
	return NULL;
}

/*
 * "What colours does the iPhone 15 come in?", "is it in blue?": the
 * colours of the product's family, each with the model that has it and
 * its price; a colour said picks that model (it takes the focus) or is
 * said not to be listed.  Only for a family whose models differ in
 * colour.  1 when answered.
 */
int
dlg_handle_colour(struct tctx *t)
{
	struct product	*fam = NULL, p;
	struct sbuf	 list = SBUF_INIT;
	const struct entity *en;
	const char	*top, *want = colour_said(t);
	size_t		 n, i, pick = (size_t)-1, colours = 0;
	char		*c, *m;
	size_t		 best = 0, said;
	char		*named = NULL;
	int		 done = 0, asks = dlg_has_any(t, colour_asks);
	int		 wants = want != NULL && (dlg_has_any(t, colour_wants) ||
	    colour_one(t, want));

	/* "Any in black?" after a list may mean any of the list: with no
	 * product named, only "it", a question about colours or a product
	 * discussed since the last list means the product in focus; a
	 * kind or a price named is shopping. */
	if ((!asks && want == NULL && !dlg_has_any(t, colour_wants)) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 1 ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    (dlg_count_entities(t, ENTITY_PRODUCT) == 0 &&
	    (dlg_first_entity(t, ENTITY_CATEGORY) != NULL ||
	    dlg_first_entity(t, ENTITY_PRICE) != NULL ||
	    (!asks && !dlg_has_any(t, pronouns) && !focus_alone(t)))))
		return 0;
	memset(&p, 0, sizeof p);
	/* A family named ("the iphone 15") is its best model's family. */
	if ((en = dlg_first_entity(t, ENTITY_PRODUCT)) != NULL &&
	    en->sku == NULL) {
		if (!dlg_family_best(t, en, &p))
			return 0;
	} else if ((top = base_product(t)) == NULL ||
	    !dlg_peek_product(t, top, &p))
		return 0;	/* retrieved only once answered, below */
	n = family_of(t, &p, &fam);
	for (i = 0; i < n; i++) {
		if ((c = catalog_attr(&fam[i], "color")) == NULL)
			continue;
		colours++;
		m = catalog_money(fam[i].price, fam[i].currency);
		sbuf_addf(&list, "%s%s (%s, %s)", list.len ? "; " : "", c,
		    fam[i].name, m);
		/* The model whose colour the most words say ("natural
		 * titanium" among the titaniums). */
		if ((said = colour_words_said(t, c)) > best) {
			best = said;
			pick = i;
		}
		free(m);
		free(c);
	}
	/* A colour of its own the vocabulary lacks ("do you have it in
	 * chalk"); with none said, "do you have it in stock" is not about
	 * colours. */
	if (want == NULL && pick != (size_t)-1) {
		free(named);
		named = catalog_attr(&fam[pick], "color");
		want = named;
		wants = 1;
	}
	if (want == NULL && !asks)
		goto out;
	/* A statement with a colour word ("my black one broke") is no
	 * question about colours; one colour asked about a product of one
	 * is its specification's to answer. */
	if (colours == 0 || (colours == 1 && want == NULL) ||
	    (!asks && !wants && strchr(t->text, '?') == NULL))
		goto out;
	dlg_retrieved_add(t, "product", p.sku, p.name, 1.0, NULL);
	dlg_product_slots(t, &p, "");
	slots_set(&t->slots, "colours", list.buf);
	slots_set(&t->slots, "colour", want != NULL ? want : "");
	for (i = 0; i < n; i++)
		dlg_cite(t, "product", fam[i].sku, fam[i].name, "color,price");
	if (pick != (size_t)-1) {
		dlg_product_slots(t, &fam[pick], "v_");
		dlg_focus_push(t, fam[pick].sku);
		dlg_say(t, "variant_colour");
	} else
		dlg_say(t, want != NULL ? "variant_colour_none" :
		    "variant_colours");
	dlg_set_action(t, "answer_variant", "the colours of %s's models%s%s",
	    p.sku, want != NULL ? ", asked for " : "", want != NULL ? want :
	    "");
	done = 1;
out:
	for (i = 0; i < n; i++)
		product_release(&fam[i]);
	free(fam);
	product_release(&p);
	sbuf_release(&list);
	free(named);
	return done;
}

/*
 * "How much is the bigger one?" of a phone in focus (no list shown that
 * "the bigger one" could pick from): the model of its family with the
 * next storage size up (down for "smaller"; the end for "biggest",
 * "smallest"), with its price; none bigger, the sizes it is listed in.
 * 1 when answered.
 */
static int
size_step(struct tctx *t)
{
	static const char *const up[] = { "bigger", "larger", "more storage",
	    "biggest", "largest", "more space", NULL };
	static const char *const down[] = { "smaller", "less storage",
	    "smallest", "less space", NULL };
	static const char *const ends[] = { "biggest", "largest",
	    "smallest", NULL };
	struct product	 p, *fam = NULL;
	const char	*top = dlg_focus_top(t, 0);
	size_t		 n, i, pick = (size_t)-1;
	double		 mine, s, best = 0;
	int		 dir, done = 0, end = dlg_has_any(t, ends);

	/* "A bigger screen" is another model, not more storage. */
	static const char *const other_size[] = { "screen", "display",
	    "inch", "inches", "battery", "size", NULL };

	dir = dlg_has_any(t, up) ? 1 : dlg_has_any(t, down) ? -1 : 0;
	memset(&p, 0, sizeof p);
	if (dir == 0 || top == NULL || !focus_alone(t) ||
	    dlg_has_any(t, other_size) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_CATEGORY) != NULL ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    !dlg_peek_product(t, top, &p))
		return 0;
	if ((mine = storage_gb(&p)) < 0) {
		product_release(&p);
		return 0;
	}
	n = family_of(t, &p, &fam);
	for (i = 0; i < n; i++) {
		s = storage_gb(&fam[i]);
		if (s < 0 || (dir > 0 ? s <= mine : s >= mine))
			continue;
		/* The next step, or the far end when asked for it. */
		if (pick == (size_t)-1 || (end ? (dir > 0 ? s > best :
		    s < best) : (dir > 0 ? s < best : s > best))) {
			pick = i;
			best = s;
		}
	}
	if (pick != (size_t)-1) {
		dlg_product_slots(t, &fam[pick], "");
		dlg_cite(t, "product", fam[pick].sku, fam[pick].name,
		    "storage,price,stock");
		dlg_focus_push(t, fam[pick].sku);
		dlg_set_action(t, "answer_variant", "the %s model of %s's "
		    "family by storage", dir > 0 ? "bigger" : "smaller",
		    p.sku);
		dlg_say(t, "variant");
		done = 1;
	} else if (n > 1)
		done = sizes_listed(t, &p) > 0;
	for (i = 0; i < n; i++)
		product_release(&fam[i]);
	free(fam);
	product_release(&p);
	return done;
}

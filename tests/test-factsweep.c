/*
 * A sweep of the product-expert questions that are not a plain
 * specification (those are test-specsweep.c's), over the whole demo
 * catalog, each checked against the product's data:
 *  - its price, asked plainly, politely wrapped ("could you tell me how
 *    much ... thank you") or after some background: the reply holds the
 *    price and names the product;
 *  - a product on sale, after "tell me about" it, asked whether it cost
 *    more before or when the sale ends: the reply holds the list price;
 *  - a model of a family sold in several storage sizes, asked for by
 *    its size ("does the X come in 256gb", "is there a 1tb one"): the
 *    reply names that model;
 *  - a model of a family sold in several colours, asked for by its
 *    colour after another model was shown ("is there a blue one"): the
 *    reply names that model; a model sold in one colour, asked for in
 *    it or in another: the reply says its colour, never "yes" to
 *    another;
 *  - an accessory listed for a model ("iPhone 15") asked to fit a
 *    higher tier of it the list leaves out ("iPhone 15 Pro"): never
 *    yes;
 *  - a specification asked with background first or a polite wrapper,
 *    and as a bare word after "tell me about" it ("weight"): the reply
 *    holds the value, or says the store does not list it when the
 *    product's listing is silent (never a value).
 * Failures are printed as diagnostics (SWEEP_SHOW=1 prints them all).
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "engine.h"
#include "ingest.h"
#include "sbuf.h"
#include "store.h"
#include "tap.h"
#include "seed.h"

#define SHOW_MAX	(getenv("SWEEP_SHOW") ? 100000 : 5)

/* Tallies of one check. */
struct tally {
	const char	*what;
	size_t		 asked;
	size_t		 right;
	size_t		 shown;
};

/* The price asked; %s: the product. */
static const char *const price_asks[] = {
	"how much is the %s",
	"could you please tell me how much the %s costs, thank you",
	"hi! ive been eyeing the %s for a while now. whats the price on it?",
	"%s price?",
	"hello, quick one: what does the %s cost these days? thanks so much",
};

/* A sale asked about the product just shown. */
static const char *const sale_asks[] = {
	"was it more expensive before",
	"is it on sale?",
	"whats the regular price",
	"how much was it before the sale",
	"when does the sale end",
};

/* A size asked of a family; %1$s: the family, %2$s: the size. */
static const char *const size_asks[] = {
	"does the %s come in %s?",
	"do you have the %s in %s",
	"is there a %2$s %1$s",
};

/* A size asked of the model just shown; %s: the size. */
static const char *const size_follow[] = {
	"is there a %s one?",
	"does it come in %s",
	"how much is the %s version",
};

/* A colour asked of the model just shown; %s: the colour. */
static const char *const colour_follow[] = {
	"is there a %s one",
	"and in %s?",
	"do you have it in %s?",
};

/* A specification asked another way; %1$s: the attribute, %2$s: the
 * product. */
static const char *const spec_wrapped[] = {
	"hi there! ive been looking at the %2$s for a while. what's the %1$s?",
	"could you please tell me the %s of the %s, thanks!",
	"sorry to bother you, whats the %s on the %s",
};

/* Unit suffixes of attribute keys, not said by a shopper. */
static const char *const units[] = { "_kg", "_gb", "_tb", "_hz", "_in",
	"_mah", "_wh", "_hours", "_mb_s", "_ohm", "_g", NULL };

/* Keys asked another way or not a shopper's word. */
static const char *const skipped[] = { "compatible_with", "works_with",
	"compatibility", "delivery", "type", "feature", "features", NULL };

/* The kinds asked bare of a product that does not state them. */
static const char *const bare_kinds[] = { "weight", "battery life",
	"water resistance", "noise cancelling", "refresh rate", "ports",
	NULL };

#define N(a)	(sizeof (a) / sizeof (a)[0])

/* Is key one of the skipped ones? */
static int
in_list_skip(const char *key)
{
	const char *const *s;

	for (s = skipped; *s != NULL; s++)
		if (strcmp(*s, key) == 0)
			return 1;
	return 0;
}

static void
check(struct tally *t, int right, const char *q, const char *reply)
{
	t->asked++;
	if (right) {
		t->right++;
		return;
	}
	if (t->shown++ < SHOW_MAX)
		diag("%s: %s\n#   -> %.200s", t->what, q, reply);
}

/* The reply to text in session *sid (NULL: a new one, kept there when
 * sid is given); caller frees.  NULL on error. */
static char *
ask_in(struct engine *e, char **sid, const char *text)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct turn	 tu;
	char		*reply;

	if (engine_turn(e, ENGINE_CHAT, sid != NULL ? *sid : NULL, NULL,
	    text, strlen(text), &tu, &err) != SD_OK) {
		diag("%s: %s", text, sd_error_msg(&err));
		sd_error_clear(&err);
		return NULL;
	}
	reply = xstrdup(tu.reply != NULL ? tu.reply : "");
	if (sid != NULL && *sid == NULL)
		*sid = xstrdup(tu.session_id);
	turn_release(&tu);
	return reply;
}

/* The reply to q after "tell me about the" name in a new session. */
static char *
ask_after(struct engine *e, const char *name, const char *q)
{
	char	*sid = NULL, *reply, *first;

	first = xasprintf("tell me about the %s", name);
	free(ask_in(e, &sid, first));
	reply = sid != NULL ? ask_in(e, &sid, q) : NULL;
	free(first);
	free(sid);
	return reply;
}

/* Does s hold money m as a whole amount ("$799", not "$7,990")? */
static int
has_money(const char *s, double m, const char *currency)
{
	char		*want = catalog_money(m, currency);
	const char	*at;
	size_t		 wl = strlen(want);
	int		 yes = 0;

	for (at = s; !yes && (at = strstr(at, want)) != NULL; at++)
		yes = !isdigit((unsigned char)at[wl]) && (at[wl] != ',' ||
		    !isdigit((unsigned char)at[wl + 1])) && (at[wl] != '.' ||
		    !isdigit((unsigned char)at[wl + 1]));
	free(want);
	return yes;
}

/* The family of a name in lower case, as a shopper says it ("apple
 * iphone 15"). */
static char *
family(const char *name)
{
	char	*f = catalog_family(name), *w;

	for (w = f; *w != '\0'; w++)
		*w = (char)tolower((unsigned char)*w);
	return f;
}

/* p's storage or capacity as said ("256gb"), or NULL (caller frees). */
static char *
size_of(const struct product *p)
{
	char	*v = catalog_attr(p, "storage"), *s, *o;
	size_t	 i;

	if (v == NULL)
		v = catalog_attr(p, "capacity");
	if (v == NULL || !isdigit((unsigned char)*v)) {
		free(v);
		return NULL;
	}
	for (i = 0; isalnum((unsigned char)v[i]); i++)
		;
	s = xstrndup(v, i);
	for (o = s; *o != '\0'; o++)
		*o = (char)tolower((unsigned char)*o);
	free(v);
	return s;
}

/* Does another model of v[i]'s family have key's value val too? */
static int
shared(struct product *v, size_t n, size_t i, const char *fam,
    const char *val, char *(*of)(const struct product *))
{
	size_t	 j;
	char	*f, *o;
	int	 yes = 0;

	for (j = 0; j < n && !yes; j++) {
		if (j == i)
			continue;
		f = family(v[j].name);
		if (strcmp(f, fam) == 0 && (o = of(&v[j])) != NULL) {
			yes = strcasecmp(o, val) == 0;
			free(o);
		}
		free(f);
	}
	return yes;
}

/* Another model of v[i]'s family (its index), or n. */
static size_t
sibling(struct product *v, size_t n, size_t i, const char *fam)
{
	size_t	 j;
	char	*f;
	int	 same;

	for (j = 0; j < n; j++) {
		if (j == i)
			continue;
		f = family(v[j].name);
		same = strcmp(f, fam) == 0;
		free(f);
		if (same)
			return j;
	}
	return n;
}

static char *
colour_of(const struct product *p)
{
	char	*c = catalog_attr(p, "color"), *o;

	if (c != NULL)
		for (o = c; *o != '\0'; o++)
			*o = (char)tolower((unsigned char)*o);
	return c;
}

/* Price, plain and wrapped, for every product. */
static void
sweep_price(struct engine *e, struct product *v, size_t n, struct tally *t)
{
	struct sbuf	 q = SBUF_INIT;
	size_t		 i;
	char		*reply;

	for (i = 0; i < n; i++) {
		sbuf_reset(&q);
		sbuf_addf(&q, price_asks[i % N(price_asks)], v[i].name);
		if ((reply = ask_in(e, NULL, q.buf)) == NULL)
			continue;
		check(t, has_money(reply, v[i].price, v[i].currency) &&
		    strstr(reply, v[i].name) != NULL, q.buf, reply);
		free(reply);
	}
	sbuf_release(&q);
}

/* The sale, asked of a product on sale just shown. */
static void
sweep_sale(struct engine *e, struct product *v, size_t n, struct tally *t)
{
	size_t	 i, k = 0;
	char	*reply;

	for (i = 0; i < n; i++) {
		if (v[i].list_price <= v[i].price)
			continue;
		reply = ask_after(e, v[i].name, sale_asks[k % N(sale_asks)]);
		if (reply != NULL)
			check(t, has_money(reply, v[i].list_price,
			    v[i].currency), sale_asks[k % N(sale_asks)],
			    reply);
		free(reply);
		k++;
	}
}

/* Each model of a family sold in several sizes, asked for by size. */
static void
sweep_sizes(struct engine *e, struct product *v, size_t n, struct tally *t,
    struct tally *tf)
{
	struct sbuf	 q = SBUF_INIT;
	size_t		 i, j, k = 0;
	char		*fam, *size, *reply;

	for (i = 0; i < n; i++) {
		fam = family(v[i].name);
		size = size_of(&v[i]);
		if (size == NULL || (j = sibling(v, n, i, fam)) == n ||
		    shared(v, n, i, fam, size, size_of)) {
			free(fam);
			free(size);
			continue;
		}
		sbuf_reset(&q);
		sbuf_addf(&q, size_asks[k % N(size_asks)], fam, size);
		if ((reply = ask_in(e, NULL, q.buf)) != NULL)
			check(t, strstr(reply, v[i].name) != NULL, q.buf,
			    reply);
		free(reply);
		sbuf_reset(&q);
		sbuf_addf(&q, size_follow[k % N(size_follow)], size);
		if ((reply = ask_after(e, v[j].name, q.buf)) != NULL)
			check(tf, strstr(reply, v[i].name) != NULL &&
			    has_money(reply, v[i].price, v[i].currency),
			    q.buf, reply);
		free(reply);
		free(fam);
		free(size);
		k++;
	}
	sbuf_release(&q);
}

/* Each model of a family sold in several colours, asked for by colour
 * after another model of it was shown. */
static void
sweep_colours(struct engine *e, struct product *v, size_t n,
    struct tally *t, struct tally *one)
{
	struct sbuf	 q = SBUF_INIT;
	size_t		 i, j, k = 0;
	char		*fam, *col, *reply, *mine;

	for (i = 0; i < n; i++) {
		fam = family(v[i].name);
		col = colour_of(&v[i]);
		j = sibling(v, n, i, fam);
		mine = j < n ? colour_of(&v[j]) : NULL;
		if (col != NULL && mine != NULL && strcmp(col, mine) != 0 &&
		    !shared(v, n, i, fam, col, colour_of)) {
			sbuf_reset(&q);
			sbuf_addf(&q, colour_follow[k++ % N(colour_follow)],
			    col);
			if ((reply = ask_after(e, v[j].name, q.buf)) != NULL)
				check(t, strstr(reply, v[i].name) != NULL,
				    q.buf, reply);
			free(reply);
		}
		/* A model sold in one colour: its own said back, another
		 * said not to be listed, never a "yes". */
		if (col != NULL && j == n) {
			const char *other = strstr(col, "pink") != NULL ?
			    "orange" : "pink";

			int own = k % 2 == 0;

			sbuf_reset(&q);
			sbuf_addf(&q, colour_follow[k++ % N(colour_follow)],
			    own ? col : other);
			if ((reply = ask_after(e, v[i].name, q.buf)) != NULL)
				check(one, strcasestr(reply, col) != NULL &&
				    strstr(reply, v[i].name) != NULL &&
				    (own || strncmp(reply, "Yes", 3) != 0),
				    q.buf, reply);
			free(reply);
		}
		free(mine);
		free(fam);
		free(col);
	}
	sbuf_release(&q);
}

/* The attribute as a shopper says it: "screen_size_in" is "screen
 * size". */
static void
spoken(const char *key, struct sbuf *out)
{
	size_t	 kl = strlen(key), ul, i;

	sbuf_reset(out);
	for (i = 0; units[i] != NULL; i++) {
		ul = strlen(units[i]);
		if (kl > ul && strcmp(key + kl - ul, units[i]) == 0) {
			kl -= ul;
			break;
		}
	}
	for (i = 0; i < kl; i++)
		sbuf_addf(out, "%c", key[i] == '_' ? ' ' : key[i]);
}

/* Does p state an attribute whose key shares kind's first word? */
static int
states_kind(const struct product *p, const char *kind)
{
	cJSON		*root = cJSON_Parse(p->attrs), *it;
	size_t		 sl = strcspn(kind, " ");
	int		 yes = 0;

	cJSON_ArrayForEach(it, root)
		yes |= strncmp(it->string, kind, sl) == 0;
	cJSON_Delete(root);
	return yes;
}

/* Does reply hold the value of one of p's attributes of key's kind
 * (its first word: "battery" is answered by "battery_life" too)? */
static int
holds_kind(const struct product *p, cJSON *attrs, const char *key,
    const char *reply)
{
	cJSON	*it;
	size_t	 sl = strcspn(key, "_");
	char	*v;
	int	 yes = 0;

	cJSON_ArrayForEach(it, attrs) {
		if (yes || strncmp(it->string, key, sl) != 0 ||
		    (it->string[sl] != '\0' && it->string[sl] != '_') ||
		    (v = catalog_attr(p, it->string)) == NULL)
			continue;
		yes = *v != '\0' && strcasestr(reply, v) != NULL;
		free(v);
	}
	return yes;
}

/*
 * Per product, one attribute asked wrapped (rotating over its kinds),
 * one asked bare after the product was shown, and one kind it does not
 * state asked bare.
 */
static void
sweep_specs(struct engine *e, struct product *v, size_t n,
    struct tally *wrapped, struct tally *bare, struct tally *unstated)
{
	struct sbuf	 said = SBUF_INIT, q = SBUF_INIT;
	cJSON		*root, *it, *pick;
	size_t		 i, k, nk;
	char		*val, *reply;
	const char	*kind;

	for (i = 0; i < n; i++) {
		root = cJSON_Parse(v[i].attrs);
		nk = 0;
		cJSON_ArrayForEach(it, root)
			nk += !in_list_skip(it->string);
		pick = NULL;
		k = 0;
		cJSON_ArrayForEach(it, root)
			if (!in_list_skip(it->string) && k++ == i % (nk ? nk :
			    1))
				pick = it;
		if (pick != NULL && (val = catalog_attr(&v[i],
		    pick->string)) != NULL) {
			spoken(pick->string, &said);
			sbuf_reset(&q);
			sbuf_addf(&q, spec_wrapped[i % N(spec_wrapped)],
			    said.buf, v[i].name);
			if ((reply = ask_in(e, NULL, q.buf)) != NULL)
				check(wrapped, holds_kind(&v[i], root,
				    pick->string, reply), q.buf, reply);
			free(reply);
			if ((reply = ask_after(e, v[i].name, said.buf)) !=
			    NULL)
				check(bare, holds_kind(&v[i], root,
				    pick->string, reply), said.buf, reply);
			free(reply);
			free(val);
		}
		cJSON_Delete(root);
		kind = bare_kinds[i % (N(bare_kinds) - 1)];
		if (states_kind(&v[i], kind) ||
		    strcmp(v[i].category, "gift-cards") == 0)
			continue;
		if ((reply = ask_after(e, v[i].name, kind)) != NULL)
			check(unstated, (strstr(reply, "don't have") != NULL ||
			    strstr(reply, "not listed") != NULL ||
			    strstr(reply, "doesn't list") != NULL ||
			    strstr(reply, "does not list") != NULL) &&
			    strstr(reply, v[i].name) != NULL, kind, reply);
		free(reply);
	}
	sbuf_release(&said);
	sbuf_release(&q);
}

/* The name before its parenthesis, lower case (caller frees). */
static char *
line_name(const char *name)
{
	const char	*par = strstr(name, " (");
	char		*l = par != NULL ? xstrndup(name, (size_t)(par -
	    name)) : xstrdup(name), *o;

	for (o = l; *o != '\0'; o++)
		*o = (char)tolower((unsigned char)*o);
	return l;
}

/*
 * For every accessory whose compatibility list names a model ("iPhone
 * 15") and every catalog product of a higher tier of that model the
 * list does not name ("iPhone 15 Pro", "Galaxy S24+"), "does the
 * accessory fit the tier model" must never be answered yes.
 */
static void
sweep_tiers(struct engine *e, struct product *v, size_t n, struct tally *t)
{
	static const char *const tiers[] = { " pro", " plus", " max",
	    " ultra", "+", NULL };
	struct sbuf	 q = SBUF_INIT, want = SBUF_INIT;
	size_t		 a, d, k;
	char		*list, *lower, *line, *reply, *o;
	const char	*at;

	for (a = 0; a < n; a++) {
		if ((list = catalog_attr(&v[a], "compatible_with")) == NULL)
			continue;
		lower = xstrdup(list);
		for (o = lower; *o != '\0'; o++)
			*o = (char)tolower((unsigned char)*o);
		for (d = 0; d < n; d++) {
			line = line_name(v[d].name);
			for (k = 0; tiers[k] != NULL; k++) {
				size_t ll = strlen(line), tl = strlen(tiers[k]);

				if (ll <= tl || strcmp(line + ll - tl,
				    tiers[k]) != 0)
					continue;
				/* The model below, said in the list as a
				 * whole entry, and the tier not. */
				sbuf_reset(&want);
				sbuf_add(&want, line, ll - tl);
				at = strstr(lower, strchr(want.buf, ' ') !=
				    NULL ? strchr(want.buf, ' ') + 1 :
				    want.buf);
				/* A model number in the entry; a list of
				 * "and later" covers the tiers too. */
				if (strpbrk(want.buf, "0123456789") == NULL ||
				    strstr(lower, "later") != NULL ||
				    strstr(lower, "newer") != NULL)
					continue;
				if (at == NULL || strstr(lower, strchr(line,
				    ' ') != NULL ? strchr(line, ' ') + 1 :
				    line) != NULL)
					continue;
				at += strlen(strchr(want.buf, ' ') != NULL ?
				    strchr(want.buf, ' ') + 1 : want.buf);
				if (isalnum((unsigned char)*at) || *at == '+' ||
				    strncmp(at, " pro", 4) == 0 ||
				    strncmp(at, " plus", 5) == 0 ||
				    strncmp(at, " max", 4) == 0 ||
				    strncmp(at, " ultra", 6) == 0 ||
				    strncmp(at, " or later", 9) == 0 ||
				    strncmp(at, " and later", 10) == 0 ||
				    strncmp(at, " and newer", 10) == 0)
					continue;
				sbuf_reset(&q);
				sbuf_addf(&q, "does the %s fit the %s?",
				    v[a].name, v[d].name);
				if ((reply = ask_in(e, NULL, q.buf)) != NULL)
					check(t, strncmp(reply, "Yes", 3) !=
					    0, q.buf, reply);
				free(reply);
			}
			free(line);
		}
		free(lower);
		free(list);
	}
	sbuf_release(&q);
	sbuf_release(&want);
}

/* ok() when at least floor percent of the tally's questions passed. */
static void
floor_ok(const struct tally *t, double floor)
{
	double	 rate = t->asked ? 100.0 * t->right / t->asked : 0;

	ok(t->asked > 0 && rate >= floor, "%s: %zu of %zu (%.1f%%, floor "
	    "%.0f%%)", t->what, t->right, t->asked, rate, floor);
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct product_filter f = { NULL, NULL, NULL, -1, -1, 0, 100000 };
	struct store	*st;
	struct engine	*e = NULL;
	struct product	*v = NULL;
	struct tally	 price = { "price asked", 0, 0, 0 };
	struct tally	 sale = { "sale asked of the one shown", 0, 0, 0 };
	struct tally	 size = { "size of a family", 0, 0, 0 };
	struct tally	 sizef = { "size of the one shown", 0, 0, 0 };
	struct tally	 colour = { "colour of the one shown", 0, 0, 0 };
	struct tally	 colour1 = { "colour of a one-colour model", 0, 0,
	    0 };
	struct tally	 wrapped = { "specification wrapped", 0, 0, 0 };
	struct tally	 bare = { "specification as a bare word", 0, 0, 0 };
	struct tally	 unstated = { "unstated kind as a bare word", 0, 0,
	    0 };
	struct tally	 tier = { "fit of a tier the list leaves out", 0,
	    0, 0 };
	const char	*share = seed_share();
	size_t		 n = 0, i;
	char		*dir, *path;

	if ((st = seed_demo("sweep.db", &dir, &path, &err)) == NULL ||
	    (e = engine_open(st, share, &err)) == NULL ||
	    catalog_products(st, &f, &v, &n, &err) != SD_OK) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	ok(n >= 300, "the demo catalog is read (%zu products)", n);
	sweep_price(e, v, n, &price);
	floor_ok(&price, 95);
	sweep_sale(e, v, n, &sale);
	floor_ok(&sale, 95);
	sweep_sizes(e, v, n, &size, &sizef);
	floor_ok(&size, 90);
	floor_ok(&sizef, 90);
	sweep_colours(e, v, n, &colour, &colour1);
	floor_ok(&colour, 90);
	floor_ok(&colour1, 90);
	sweep_specs(e, v, n, &wrapped, &bare, &unstated);
	floor_ok(&wrapped, 90);
	floor_ok(&bare, 90);
	floor_ok(&unstated, 90);
	sweep_tiers(e, v, n, &tier);
	floor_ok(&tier, 95);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	engine_close(e);
	store_close(st);
	tap_rmtree(dir);
	free(path);
	free(dir);
	done_testing();
	return exit_status();
}

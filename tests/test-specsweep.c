/*
 * A sweep of product-expert questions over the whole demo catalog: for
 * every product and every kind of attribute it has, questions in a few
 * shopper phrasings ("how heavy is the X", "X battery?", "what's the
 * refresh rate of the X"), each in a new session, whose reply must hold
 * the attribute's value for THAT product; and for every product whose
 * compatibility list names another catalog product, "does the A work
 * with the B" asked both ways, whose reply must say yes and name A.
 * Failures are printed as diagnostics, so a regression shows which
 * product and phrasing it hit.  The floors are just under the figures
 * measured when the sweep was written.
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

#define SHOW_MAX	(getenv("SWEEP_SHOW") ? 100000 : 6)	/* failures printed per check */

/* Unit suffixes of attribute keys, not said by a shopper. */
static const char *const units[] = { "_kg", "_gb", "_tb", "_hz", "_in",
	"_mah", "_wh", "_hours", "_mb_s", "_ohm", "_g", NULL };

/* Keys asked another way (compatibility is swept on its own; a
 * shopper's "delivery" is the shipping, not a licence's download). */
static const char *const skipped[] = { "compatible_with", "works_with",
	"compatibility", "delivery", NULL };

/* The phrasings; %1$s is the attribute as said, %2$s the product. */
static const char *const phrasings[] = {
	"what's the %s of the %s?",
	"%2$s %1$s?",
	"could you tell me about the %s on the %s please",
	"how is the %s on the %s",
};

/* Follow-ups about the product just shown; %s: the attribute. */
static const char *const followups[] = {
	"%s?",
	"and what about its %s",
	"whats the %s like",
};

/* Phrasings of some kinds in a shopper's own words; %s: the product
 * ("it" in a follow-up). */
static const struct {
	const char	*stem;
	const char	*text;
} own_words[] = {
	{ "weight", "how heavy is %s" },
	{ "weight", "how much does %s weigh" },
	{ "battery", "how long does the battery last on %s" },
	{ "battery", "battery on %s?" },
	{ "ram", "how much memory does %s have" },
	{ "refresh", "what refresh rate does %s do" },
	{ "water", "is %s waterproof" },
	{ "color", "what colour is %s" },
};

/* Tallies of one check. */
struct tally {
	const char	*what;
	size_t		 asked;
	size_t		 right;
	size_t		 shown;
};

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

/* The first word of key: attributes sharing it answer one question
 * ("battery_life", "battery_hours"). */
static size_t
stem_len(const char *key)
{
	const char	*u = strchr(key, '_');

	return u != NULL ? (size_t)(u - key) : strlen(key);
}

static int
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(*list, s) == 0)
			return 1;
	return 0;
}

/* The turn's reply to text in session *sid (NULL: a new one, whose id
 * is kept there when sid is given); caller frees.  NULL on error. */
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

static char *
ask(struct engine *e, const char *text)
{
	return ask_in(e, NULL, text);
}

/* Does reply hold the value of one of p's attributes with stem? */
static int
holds_value(const struct product *p, cJSON *attrs, const char *stem,
    size_t sl, const char *reply)
{
	cJSON	*it;
	char	*v;
	int	 yes = 0;

	cJSON_ArrayForEach(it, attrs) {
		if (yes || stem_len(it->string) != sl ||
		    strncmp(it->string, stem, sl) != 0 ||
		    (v = catalog_attr(p, it->string)) == NULL)
			continue;
		yes = *v != '\0' && strcasestr(reply, v) != NULL;
		free(v);
	}
	return yes;
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
		diag("%s: %s\n#   -> %.160s", t->what, q, reply);
}

/* Does attrs hold a key of key's stem ("battery_life" for "battery")? */
static int
has_stem(cJSON *attrs, const char *key)
{
	const cJSON	*it;
	size_t		 sl = stem_len(key);

	cJSON_ArrayForEach(it, attrs)
		if (strncmp(it->string, key, sl) == 0 &&
		    (it->string[sl] == '\0' || it->string[sl] == '_'))
			return 1;
	return 0;
}

/*
 * A kind of attribute others of p's category state and p does not,
 * asked about p: the reply must say the store has no such data, never
 * a value (one question per product, the first such key).
 */
static void
sweep_unstated(struct engine *e, struct product *v, size_t n, size_t pi,
    struct tally *t)
{
	cJSON		*mine = cJSON_Parse(v[pi].attrs), *root, *it;
	struct sbuf	 said = SBUF_INIT, q = SBUF_INIT;
	char		*reply, *key = NULL;
	size_t		 i;

	for (i = 0; i < n && key == NULL; i++) {
		if (i == pi || strcmp(v[i].category, v[pi].category) != 0)
			continue;
		root = cJSON_Parse(v[i].attrs);
		cJSON_ArrayForEach(it, root)
			if (key == NULL && !cJSON_HasObjectItem(mine,
			    it->string) && !in_list(it->string, skipped) &&
			    stem_len(it->string) >= 4 && !has_stem(mine,
			    it->string))
				key = xstrdup(it->string);
		cJSON_Delete(root);
	}
	if (key != NULL) {
		spoken(key, &said);
		sbuf_addf(&q, phrasings[pi % (sizeof phrasings /
		    sizeof phrasings[0])], said.buf, v[pi].name);
		if ((reply = ask(e, q.buf)) != NULL) {
			check(t, strstr(reply, "don't have") != NULL ||
			    strstr(reply, "not listed") != NULL, q.buf, reply);
			free(reply);
		}
	}
	free(key);
	cJSON_Delete(mine);
	sbuf_release(&said);
	sbuf_release(&q);
}

/* p's name up to its parenthesis, without the brand ("Galaxy S24"). */
static char *
core_name(const struct product *p)
{
	const char	*s = p->name, *par;
	size_t		 bl = strlen(p->brand);

	if (bl > 0 && strncasecmp(s, p->brand, bl) == 0 && s[bl] == ' ')
		s += bl + 1;
	par = strstr(s, " (");
	return par != NULL ? xstrndup(s, (size_t)(par - s)) : xstrdup(s);
}

/* One question, checked against p's attributes of stem; sid as for
 * ask_in. */
static void
ask_check(struct engine *e, char **sid, const struct product *p,
    cJSON *attrs, const char *key, struct tally *t, const char *q)
{
	char	*reply;

	if ((reply = ask_in(e, sid, q)) == NULL)
		return;
	check(t, holds_value(p, attrs, key, stem_len(key), reply), q, reply);
	free(reply);
}

/* Is the key the first of its stem among attrs (one question a kind)? */
static int
first_of_stem(cJSON *attrs, const cJSON *it)
{
	const cJSON	*prev;
	size_t		 sl = stem_len(it->string);

	for (prev = attrs->child; prev != it; prev = prev->next)
		if (stem_len(prev->string) == sl &&
		    strncmp(prev->string, it->string, sl) == 0)
			return 0;
	return !in_list(it->string, skipped);
}

/* The shopper's own phrasing of the kind of key for name, or NULL. */
static const char *
own_phrasing(const char *key, size_t pick)
{
	size_t	 i, sl = stem_len(key), n = 0;
	const char *found[4];

	for (i = 0; i < sizeof own_words / sizeof own_words[0]; i++)
		if (strlen(own_words[i].stem) == sl &&
		    strncmp(own_words[i].stem, key, sl) == 0 && n < 4)
			found[n++] = own_words[i].text;
	return n > 0 ? found[pick % n] : NULL;
}

/*
 * The questions about one product's attributes, one kind at a time:
 * asked in one message naming it (as "name" says it), and as a
 * follow-up after "tell me about" it.
 */
static void
sweep_product(struct engine *e, const struct product *p, const char *name,
    size_t pi, struct tally *one, struct tally *follow)
{
	cJSON		*attrs = cJSON_Parse(p->attrs), *it;
	struct sbuf	 said = SBUF_INIT, q = SBUF_INIT, the = SBUF_INIT;
	size_t		 k = 0;
	const char	*own;
	char		*sid, *reply;

	sbuf_addf(&the, "the %s", name);
	cJSON_ArrayForEach(it, attrs) {
		if (!first_of_stem(attrs, it))
			continue;
		spoken(it->string, &said);
		own = own_phrasing(it->string, pi + k);
		sbuf_reset(&q);
		if (own != NULL && (pi + k) % 2 == 0)
			sbuf_addf(&q, own, the.buf);
		else
			sbuf_addf(&q, phrasings[(pi + k) %
			    (sizeof phrasings / sizeof phrasings[0])],
			    said.buf, name);
		ask_check(e, NULL, p, attrs, it->string, one, q.buf);
		/* The follow-up, on every other product. */
		if ((pi + k) % 2 == 0) {
			sid = NULL;
			sbuf_reset(&q);
			sbuf_addf(&q, "tell me about %s", the.buf);
			reply = ask_in(e, &sid, q.buf);
			free(reply);
			sbuf_reset(&q);
			if (own != NULL && (pi + k) % 4 == 0)
				sbuf_addf(&q, own, "it");
			else
				sbuf_addf(&q, followups[(pi + k / 2) %
				    (sizeof followups / sizeof followups[0])],
				    said.buf);
			if (sid != NULL)
				ask_check(e, &sid, p, attrs, it->string,
				    follow, q.buf);
			free(sid);
		}
		k++;
	}
	cJSON_Delete(attrs);
	sbuf_release(&said);
	sbuf_release(&q);
	sbuf_release(&the);
}

/* Does the list name d by its core name, as a whole entry word run? */
static int
names_product(const char *list, const struct product *d)
{
	char		*core = core_name(d);
	const char	*at;
	size_t		 cl = strlen(core);
	int		 yes = 0;

	for (at = list; cl >= 4 && !yes && (at = strcasestr(at, core)) !=
	    NULL; at++)
		yes = (at == list || !isalnum((unsigned char)at[-1])) &&
		    (at[cl] == '\0' || at[cl] == ',' || at[cl] == ';' ||
		    at[cl] == ')' || (at[cl] == ' ' &&
		    !isalnum((unsigned char)at[cl + 1]) && at[cl + 1] != '('));
	free(core);
	return yes;
}

/* v[i]'s core name in lower case when no other product has it, else
 * NULL (caller frees). */
static char *
short_name(struct product *v, size_t n, size_t i)
{
	char	*core = core_name(&v[i]), *other, *c;
	size_t	 j;
	int	 unique = 1;

	for (j = 0; j < n && unique; j++) {
		if (j == i)
			continue;
		other = core_name(&v[j]);
		unique = strcasecmp(other, core) != 0;
		free(other);
	}
	/* "Phone" alone names a kind, not a product. */
	if (!unique || (strchr(core, ' ') == NULL &&
	    strpbrk(core, "0123456789") == NULL)) {
		free(core);
		return NULL;
	}
	for (c = core; *c != '\0'; c++)
		*c = (char)tolower((unsigned char)*c);
	return core;
}

/* "Does the A work with the B" both ways for every pair listed. */
static void
sweep_compat(struct engine *e, struct product *v, size_t n, struct tally *t)
{
	struct sbuf	 q = SBUF_INIT;
	size_t		 a, d, way;
	char		*list, *reply;
	int		 yes;

	for (a = 0; a < n; a++) {
		if ((list = catalog_attr(&v[a], "compatible_with")) == NULL)
			continue;
		for (d = 0; d < n; d++) {
			if (d == a || !names_product(list, &v[d]))
				continue;
			for (way = 0; way < 2; way++) {
				sbuf_reset(&q);
				sbuf_addf(&q, way == 0 ? "does the %s work "
				    "with the %s?" : "will the %2$s work with "
				    "the %1$s", v[a].name, v[d].name);
				if ((reply = ask(e, q.buf)) == NULL)
					continue;
				yes = strcasestr(reply, v[a].name) != NULL &&
				    (strncasecmp(reply, "yes", 3) == 0 ||
				    strstr(reply, "is listed") != NULL ||
				    strstr(reply, "is covered") != NULL) &&
				    strstr(reply, "not on that list") == NULL;
				check(t, yes, q.buf, reply);
				free(reply);
			}
		}
		free(list);
	}
	sbuf_release(&q);
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
	struct tally	 spec = { "specification questions", 0, 0, 0 };
	struct tally	 follow = { "specification follow-ups", 0, 0, 0 };
	struct tally	 unstated = { "unstated specifications", 0, 0, 0 };
	struct tally	 compat = { "compatibility both ways", 0, 0, 0 };
	const char	*share = seed_share();
	size_t		 n = 0, i;
	char		*dir, *path, *name;

	if ((st = seed_demo("sweep.db", &dir, &path, &err)) == NULL ||
	    (e = engine_open(st, share, &err)) == NULL ||
	    catalog_products(st, &f, &v, &n, &err) != SD_OK) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	ok(n >= 300, "the demo catalog is read (%zu products)", n);
	for (i = 0; i < n; i++) {
		if (strcmp(v[i].category, "gift-cards") == 0)
			continue;
		/* Every other product by a shopper's short name where no
		 * other product shares it ("galaxy s24 ultra"). */
		name = short_name(v, n, i);
		sweep_product(e, &v[i], i % 2 == 0 && name != NULL ? name :
		    v[i].name, i, &spec, &follow);
		free(name);
	}
	floor_ok(&spec, 97);
	floor_ok(&follow, 97);
	/* Every other product: a kind its category states and it not. */
	for (i = 0; i < n; i += 2)
		sweep_unstated(e, v, n, i, &unstated);
	floor_ok(&unstated, 80);
	sweep_compat(e, v, n, &compat);
	floor_ok(&compat, 97);
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

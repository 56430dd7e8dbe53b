/*
 * dlg-members.c owns questions about the members of the list the bot
 * just showed: "which of those is sweatproof?", "do all of them have
 * noise cancelling?", "any of them in black?", "which ones work with
 * android", "which is the cheapest?", "are they in stock?".  Each
 * listed product is looked up in its own specifications (or the
 * store's fields: price, stock, sale, warranty) and the answer names the ones that list
 * what was asked, the ones that say they lack it and the ones whose
 * specifications are silent; "none of them" when none has it.  Such a
 * question is answered from the state whatever the classifier made of
 * it (it often reads as out of scope: "sweatproof" is no store word).
 * Rankings by a number ("the longest battery") stay with dlg-rank.c.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Products of the list's kind looked at to tell a feature from words
 * no specification speaks to. */
#define MEMBERS_KIND_MAX	60

/* Words that make the question one about the list as a whole. */
static const char *const all_words[] = { "of those", "of them",
	"of these", "of em", "of the two", "of the three", "any of",
	"all of", "none of", "each of", "either of", "do they", "are they",
	"do all", "are all", "do both", "are both", "they all", "them all",
	"which one", "which ones", "which is", "which are", "which has",
	"which have", "which can", "which do", "which does", "which will",
	"which work", "which works", "which comes", "which come", NULL };

/* Words a question is made of, that name no property. */
static const char *const glue[] = { "which", "what", "whats", "of", "those",
	"them", "these", "em", "the", "one", "ones", "is", "are", "has",
	"have", "had", "do", "does", "did", "can", "could", "will", "would",
	"any", "all", "none", "each", "either", "both", "they", "it", "its",
	"an", "in", "with", "come", "comes", "available", "got", "get",
	"support", "supports", "work", "works", "there", "you", "me",
	"my", "for", "and", "or", "to", "on", "be", "so", "ok", "okay",
	"also", "still", "actually", "really", "please", "pls", "like",
	"then", "just", "that", "this", "kind", "model", "models", "option",
	"options", "listed", "list", "showed", "shown", "show", "how",
	"if", "not", "many", "much", "hey", "well", "know", "tell", "us",
	"wanna", "want", "need", "anything", "made", "use", "been", "by",
	"come", "offer", "option", "which", "who", "whichever", "hmm",
	"um", "uh", "out", "those", "here", "sure", "lol", "thx", "great",
	"cool", "nice", "thanks", "able", "capable", "properly", "two",
	"three", "four", "five", "version", "versions", "colour", "color",
	"colours", "colors", "feature", "features", NULL };

/* Words of taste, not of the specifications: another handler's. */
static const char *const taste[] = { "recommend", "best", "good", "better",
	"suggest", "prefer", "pick", "choose", "worth", "favorite",
	"favourite", "popular", "reviews", "rated", "cheapest", "cheaper",
	"expensive", "pricier", "priciest", "price", "prices", "cost",
	"costs", "add", "cart", "buy", "take", "order", "ship", "shipping",
	"lightest", "lighter", "heaviest", "heavier", "longest", "longer",
	"most", "least", "more", "less", "highest", "lowest", "biggest",
	"smallest", "fastest", "difference", "compare", "vs", "stock",
	"warranty", "warranties", "guarantee", "sale", "deal", "deals",
	"discount", "coupon", "review", "rating", "ratings", "delivery",
	"return", "returns", "refund", "newest", "latest", "loudest", NULL };

/*
 * Shoppers' words for what the specifications call otherwise: the word
 * said, and a part of an attribute key or of a value that answers it.
 */
static const struct {
	const char	*said;
	const char	*key;		/* a part of the key, or NULL */
	const char	*value;		/* a word of the value, or NULL */
} aliases[] = {
	{ "sweatproof", "water", NULL }, { "sweat", "water", NULL },
	{ "waterproof", "water", NULL }, { "water", "water", NULL },
	{ "splash", "water", NULL }, { "splashproof", "water", NULL },
	{ "rain", "water", NULL }, { "swim", "water", NULL },
	{ "swimming", "water", NULL }, { "shower", "water", NULL },
	{ "pool", "water", NULL }, { "submersible", "water", NULL },
	{ "wireless", NULL, "wireless" }, { "wireless", NULL, "bluetooth" },
	{ "cordless", NULL, "wireless" },
	{ "bluetooth", NULL, "bluetooth" }, { "duplex", "duplex", NULL },
	{ "sided", "duplex", NULL }, { "double", "duplex", NULL }, { "anc", "noise", NULL },
	{ "canceling", "noise", NULL }, { "cancelling", "noise", NULL },
	{ "cancellation", "noise", NULL }, { "touchscreen", NULL, "touch" },
	{ "mop", "mopping", NULL }, { "mops", "mopping", NULL },
	{ "ios", NULL, "iphone" }, { "apple", NULL, "iphone" },
	{ "alexa", NULL, "alexa" }, { "mac", NULL, "macos" },
	{ "charge", "powerbank", NULL }, { "powerbank", "powerbank", NULL },
	{ "4k", NULL, "3840x2160" }, { "uhd", NULL, "3840x2160" },
	{ "qhd", NULL, "2560x1440" }, { "1440p", NULL, "2560x1440" },
	{ "1080p", NULL, "1920x1080" },
};

/* Words a value holds in its phrasing ("about 20 hours per charge"),
 * not as what the product has: they answer only as a key's words. */
static const char *const value_noise[] = { "charge", "charges", "hours",
	"hour", "per", "about", "up", "case", "day", "days", "time", "mode",
	"use", "normal", "typical", NULL };

static const char *const colours[] = { "black", "white", "silver", "gray",
	"grey", "blue", "red", "green", "pink", "gold", "purple", "yellow",
	"orange", "beige", "graphite", "titanium", "midnight", "starlight",
	NULL };

static const char *const with_words[] = { "work", "works", "compatible",
	"pair", "pairs", "connect", "connects", NULL };

/* What a product's specifications say to the question. */
enum member_says { SAYS_NOTHING, SAYS_HAS, SAYS_LACKS };

/* The property asked about: its words, folded. */
struct member_q {
	char		**w;
	size_t		 n;
	int		 colour;	/* a colour is asked */
	int		 with;		/* what it works with is asked */
};

static int
in_list(const char *const *list, const char *w, size_t n)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && strncmp(*list, w, n) == 0)
			return 1;
	return 0;
}

/*
 * Is [a, b) of the text the list's own kind restated ("which of those
 * laptops") or a price?  A kind of another ("has a stylus", "works
 * with android") is the property asked about.
 */
static int
in_kind(struct tctx *t, size_t a, size_t b, const struct product *kind)
{
	const struct entity *en;
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (a >= en->end || b <= en->start)
			continue;
		if (en->type == ENTITY_PRICE)
			return 1;
		if (en->type == ENTITY_CATEGORY && en->category != NULL &&
		    ((kind->category != NULL && strcmp(kind->category,
		    en->category) == 0) || (kind->subcategory != NULL &&
		    strcmp(kind->subcategory, en->category) == 0)))
			return 1;
	}
	return 0;
}

/* The question's property words; 0 when there are none. */
static size_t
member_words(struct tctx *t, struct member_q *q, const struct product *kind)
{
	struct text_token *tok = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	size_t		 cap = 0, n, i, len, a, b;

	memset(q, 0, sizeof *q);
	n = text_tokenize(s, strlen(s), &tok, &cap);
	q->w = xcalloc(n + 1, sizeof *q->w);
	for (i = 0; i < n; i++) {
		len = tok[i].end - tok[i].start;
		a = t->fold.map != NULL ? t->fold.map[tok[i].start] :
		    tok[i].start;
		b = t->fold.map != NULL ? t->fold.map[tok[i].end] : tok[i].end;
		if (len < 2 || !tok[i].has_alpha ||
		    in_list(glue, s + tok[i].start, len) ||
		    in_kind(t, a, b, kind))
			continue;
		if (in_list(colours, s + tok[i].start, len))
			q->colour = 1;
		q->w[q->n++] = xstrndup(s + tok[i].start, len);
	}
	free(tok);
	q->with = dlg_has_any(t, with_words);
	return q->n;
}

static void
member_words_free(struct member_q *q)
{
	size_t	 i;

	for (i = 0; i < q->n; i++)
		free(q->w[i]);
	free(q->w);
}

/* Does folded text hold w as a word or the start of one ("mop" of
 * "mopping", "android" of "android 14")? */
static int
holds(const char *text, const char *w)
{
	const char	*p = text;
	size_t		 n = strlen(w);

	while ((p = strstr(p, w)) != NULL) {
		if ((p == text || !isalnum((unsigned char)p[-1])) &&
		    (!isalnum((unsigned char)p[n]) || n >= 3))
			return 1;
		p += n;
	}
	return 0;
}

/* Does the word w answer attribute key = fv (the value folded)?  2
 * when said there, 1 through what it stands for, 0 when not.  The
 * key's words are separated by '_'. */
static int
word_answers(const char *w, const char *key, const char *fv)
{
	char	*k = xstrdup(key);
	size_t	 i;
	int	 score = 0;

	for (i = 0; k[i] != '\0'; i++)
		k[i] = k[i] == '_' ? ' ' : (char)tolower((unsigned char)k[i]);
	if (holds(k, w) || (!in_list(value_noise, w, strlen(w)) &&
	    holds(fv, w)))
		score = 2;
	for (i = 0; score == 0 && i < sizeof aliases / sizeof aliases[0];
	    i++)
		if (strcmp(aliases[i].said, w) == 0 &&
		    ((aliases[i].key != NULL && strstr(k, aliases[i].key) !=
		    NULL) || (aliases[i].value != NULL && holds(fv,
		    aliases[i].value))))
			score = 1;
	free(k);
	return score;
}

/* Does the value deny what it names ("no", "none", "no number pad")? */
static int
denies(const char *fv, const char *w)
{
	static const char *const neg[] = { "no", "none", "not", "without",
	    "false", "n a", NULL };
	const char	*p;
	size_t		 i, n;

	for (i = 0; neg[i] != NULL; i++) {
		n = strlen(neg[i]);
		if (strncmp(fv, neg[i], n) == 0 && !isalnum((unsigned
		    char)fv[n]))
			return 1;
	}
	/* "compact, no number pad": "no" right before the word. */
	if ((p = strstr(fv, w)) != NULL && p - fv >= 3 &&
	    (strncmp(p - 3, "no ", 3) == 0 && (p - fv == 3 ||
	    !isalnum((unsigned char)p[-4]))))
		return 1;
	return 0;
}

/* Keys that say which devices a product works with. */
static int
platform_key(const char *key)
{
	return strcmp(key, "compatible_with") == 0 ||
	    strcmp(key, "works_with") == 0 || strcmp(key, "os") == 0 ||
	    strcmp(key, "compatibility") == 0;
}

/*
 * What p's specifications say to q: the attribute that answers every
 * word best (said there before said otherwise), else its name; the
 * fact into facts.  A question of what it works with that its list of
 * devices does not answer is a no, with that list.
 */
static enum member_says
member_says(const struct product *p, const struct member_q *q,
    struct sbuf *facts, char **key)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	cJSON		*a = cJSON_Parse(p->attrs), *it;
	enum member_says says = SAYS_NOTHING;
	size_t		 i;
	int		 score, best = 0, sc;
	char		*v, *bestv = NULL, *bestk = NULL, *plat = NULL;

	cJSON_ArrayForEach(it, a) {
		if (it->string == NULL || (q->colour &&
		    strcmp(it->string, "color") != 0 &&
		    strcmp(it->string, "colour") != 0) ||
		    (v = catalog_attr(p, it->string)) == NULL)
			continue;
		text_fold(v, strlen(v), &f);
		for (i = 0, score = 0; i < q->n; i++) {
			if ((sc = word_answers(q->w[i], it->string,
			    f.s.buf)) == 0)
				break;
			score += sc;
		}
		if (i < q->n)
			score = q->colour ? -1 : 0;	/* another colour */
		if (score != 0 && (bestv == NULL || score > best)) {
			free(bestv);
			free(bestk);
			bestv = xstrdup(v);
			bestk = xstrdup(it->string);
			best = score;
		}
		if (q->with && plat == NULL && platform_key(it->string))
			plat = xstrdup(it->string);
		free(v);
	}
	cJSON_Delete(a);
	if (bestv != NULL) {
		text_fold(bestv, strlen(bestv), &f);
		says = best < 0 || denies(f.s.buf, q->w[0]) ? SAYS_LACKS :
		    SAYS_HAS;
		dlg_attr_phrase(facts, bestk, bestv);
		if (key != NULL && *key == NULL)
			*key = xstrdup(bestk);
	} else {
		text_fold(p->name, strlen(p->name), &f);
		for (i = 0; i < q->n && holds(f.s.buf, q->w[i]); i++)
			;
		if (i == q->n) {
			says = SAYS_HAS;
			sbuf_adds(facts, "its name says so");
		} else if (plat != NULL && (v = catalog_attr(p, plat)) !=
		    NULL) {
			says = SAYS_LACKS;
			dlg_attr_phrase(facts, plat, v);
			free(v);
		}
	}
	free(bestv);
	free(bestk);
	free(plat);
	text_folded_release(&f);
	return says;
}

/* Does any attribute of p answer the word w? */
static int
word_in_specs(const struct product *p, const char *w)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	cJSON		*a = cJSON_Parse(p->attrs), *it;
	char		*v;
	int		 yes = 0;

	cJSON_ArrayForEach(it, a) {
		if (yes || it->string == NULL ||
		    (v = catalog_attr(p, it->string)) == NULL)
			continue;
		text_fold(v, strlen(v), &f);
		yes = word_answers(w, it->string, f.s.buf) > 0;
		free(v);
	}
	cJSON_Delete(a);
	text_folded_release(&f);
	return yes;
}

/*
 * "Any of those print double sided": a word no member's specifications
 * answer ("print") is the question's, not the feature's, when others
 * are answered; it is dropped.
 */
static void
member_prune(struct member_q *q, const struct product *v, size_t n)
{
	size_t	 i, j, k = 0;
	int	*keep = xcalloc(q->n + 1, sizeof *keep), any = 0;

	for (i = 0; i < q->n; i++) {
		for (j = 0; j < n && !keep[i]; j++)
			keep[i] = word_in_specs(&v[j], q->w[i]);
		any |= keep[i];
	}
	for (i = 0; any && i < q->n; i++) {
		if (keep[i])
			q->w[k++] = q->w[i];
		else
			free(q->w[i]);
	}
	if (any)
		q->n = k;
	free(keep);
}

/* Is q a feature shoppers ask for (a word of the alias table, a
 * colour, an attribute said), though none of the list has it? */
static int
member_known(struct tctx *t, const struct member_q *q,
    const struct product *kind, char **key)
{
	struct product_filter f;
	struct product	*v = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 facts = SBUF_INIT;
	size_t		 i, k, n = 0;
	int		 known = q->colour ||
	    dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL, found = 0;

	for (i = 0; i < q->n; i++)
		for (k = 0; k < sizeof aliases / sizeof aliases[0]; k++)
			known |= strcmp(aliases[k].said, q->w[i]) == 0;
	/* "Any of those 4k?": other products of the kind have it, under
	 * a heading the members' own values are quoted from. */
	memset(&f, 0, sizeof f);
	f.category = kind->category;
	f.max_price = f.min_price = -1;
	f.limit = MEMBERS_KIND_MAX;
	dlg_retrieve_begin(t);
	if (catalog_products(t->st, &f, &v, &n, &err) != SD_OK)
		n = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (i = 0; i < n; i++) {
		sbuf_reset(&facts);
		if (!found)
			found = member_says(&v[i], q, &facts, key) ==
			    SAYS_HAS;
		product_release(&v[i]);
	}
	free(v);
	sbuf_release(&facts);
	return known || found;
}

/* One line of the answer: the product, its price, what it says. */
static void
member_line(struct sbuf *lines, const struct product *p,
    enum member_says says, const char *fact)
{
	char	*m = catalog_money(p->price, p->currency);

	sbuf_addf(lines, "\n  - %s (%s): ", p->name, m);
	if (says == SAYS_HAS)
		sbuf_addf(lines, "yes, %s", fact);
	else if (says == SAYS_LACKS)
		sbuf_addf(lines, "no, %s", fact);
	else if (fact[0] != '\0')
		sbuf_addf(lines, "not said; it lists %s", fact);
	else
		sbuf_adds(lines, "its specifications don't mention it");
	free(m);
}

/*
 * The listed products into v (at most RESULTS_MAX); how many.  "Which
 * of those two", "do both" when the list is not two: the two discussed
 * last (the focus).
 */
static size_t
members_load(struct tctx *t, struct product *v)
{
	static const char *const two[] = { "two", "both", NULL };
	cJSON	*it, *list = dlg_jarr(t->state, "results");
	size_t	 n = 0;

	if (dlg_has_any(t, two) && cJSON_GetArraySize(list) != 2 &&
	    dlg_focus_top(t, 1) != NULL) {
		for (n = 0; n < 2; n++) {
			memset(&v[n], 0, sizeof v[n]);
			if (!dlg_load_product(t, dlg_focus_top(t, (int)n),
			    &v[n]))
				break;
		}
		return n;
	}
	cJSON_ArrayForEach(it, list) {
		memset(&v[n], 0, sizeof v[n]);
		if (n < RESULTS_MAX && cJSON_IsString(it) &&
		    dlg_load_product(t, it->valuestring, &v[n]))
			n++;
	}
	return n;
}

/* Say who has it, from the verdicts of v[0..n). */
static void
members_answer(struct tctx *t, const struct product *v, size_t n,
    const enum member_says *says, const struct sbuf *facts,
    const struct member_q *q)
{
	struct sbuf	 lines = SBUF_INIT, names = SBUF_INIT,
			 prop = SBUF_INIT;
	size_t		 i, has = 0, first = n, k, other = 0;
	cJSON		*r;

	r = dlg_ref_trace(t, "last-list-by-specs",
	    "each of the last list by its specifications");
	for (i = 0; i < n; i++) {
		dlg_ref_candidate(r, v[i].sku);
		member_line(&lines, &v[i], says[i], facts[i].buf != NULL ?
		    facts[i].buf : "");
		dlg_cite(t, "product", v[i].sku, v[i].name, "attrs");
		if (says[i] != SAYS_HAS)
			continue;
		if (first == n)
			first = i;
		has++;
	}
	for (i = 0, k = 0; i < n; i++)
		if (says[i] == SAYS_HAS) {
			k++;
			sbuf_addf(&names, "%s%s", k == 1 ? "" : k == has ?
			    " and the " : ", the ", v[i].name);
		}
	for (i = 0; i < q->n; i++)
		sbuf_addf(&prop, "%s%s", i > 0 ? " " : "", q->w[i]);
	slots_setf(&t->slots, "shown_count", "%zu", n);
	slots_set(&t->slots, "property", prop.buf != NULL ? prop.buf : "");
	slots_set(&t->slots, "lines", lines.buf);
	slots_set(&t->slots, "has_names", names.buf != NULL ? names.buf :
	    "");
	slots_set(&t->slots, "single", n == 1 ? "1" : "");
	slots_set(&t->slots, "all", has == n && n > 2 ? "1" : "");
	slots_set(&t->slots, "both", has == n && n == 2 ? "1" : "");
	slots_set(&t->slots, "one", has == 1 && n > 1 ? "1" : "");
	slots_set(&t->slots, "some", has > 1 && has < n ? "1" : "");
	slots_set(&t->slots, "none", has == 0 && n > 1 ? "1" : "");
	/* None has it and one alone does not deny it: that one. */
	for (i = 0, k = 0; first == n && i < n; i++)
		if (says[i] == SAYS_NOTHING) {
			other = i;
			k++;
		}
	if (first == n && k == 1 && n > 1)
		first = other;
	if (first < n) {
		/* The one that has it is what "ok, that one" means. */
		dlg_focus_push(t, v[first].sku);
		dlg_ref_pick(r, v[first].sku);
	}
	dlg_set_action(t, "which_has", "%zu of the %zu listed have \"%s\" "
	    "in their specifications", has, n, prop.buf);
	dlg_say(t, "list_members");
	sbuf_release(&lines);
	sbuf_release(&names);
	sbuf_release(&prop);
}

/*
 * "Which of those is the cheapest?": the price extreme of the list, the
 * others' prices beside it.  1 when answered.
 */
/*
 * Is member i of a part the message names by its one-word subcategory,
 * said of some of those listed but not of all ("the cheapest of these
 * tank printers" after tanks and lasers)?  1 when no such part is said.
 */
static int
in_part_said(struct tctx *t, const struct product *v, size_t n, size_t i)
{
	size_t		 k, m, have;
	const char	*w;

	for (k = 0; k < n; k++) {
		w = v[k].subcategory;
		if (w == NULL || strchr(w, '-') != NULL || !dlg_has_word(t, w))
			continue;
		for (m = 0, have = 0; m < n; m++)
			have += v[m].subcategory != NULL &&
			    strcmp(v[m].subcategory, w) == 0;
		if (have < n)
			return v[i].subcategory != NULL &&
			    strcmp(v[i].subcategory, w) == 0;
	}
	return 1;
}

static int
members_price(struct tctx *t, const struct product *v, size_t n)
{
	static const char *const low[] = { "cheapest", "cheaper",
	    "least expensive", "less expensive", "lowest price",
	    "costs the least", "cost the least", "costs less", "cost less",
	    "lowest cost", "least money", NULL };
	static const char *const high[] = { "most expensive", "priciest",
	    "pricier", "more expensive", "highest price", "costs the most",
	    "cost the most", "costs more", "cost more", "highest cost",
	    "most money", NULL };
	struct sbuf	 lines = SBUF_INIT;
	size_t		 i, b = 0, np = 0;
	int		 cheap = dlg_has_any(t, low), tie = 0;
	char		*m;
	cJSON		*r;

	if (!cheap && !dlg_has_any(t, high))
		return 0;
	/* Among the part named, when one is ("from these tank ones"). */
	while (b < n && !in_part_said(t, v, n, b))
		b++;
	for (i = b + 1; i < n; i++)
		if (in_part_said(t, v, n, i) && (cheap ?
		    v[i].price < v[b].price : v[i].price > v[b].price))
			b = i;
	for (i = 0; i < n; i++) {
		if (!in_part_said(t, v, n, i))
			continue;
		np++;
		tie |= i != b && fabs(v[i].price - v[b].price) < 0.005;
		m = catalog_money(v[i].price, v[i].currency);
		sbuf_addf(&lines, "\n  - %s: %s", v[i].name, m);
		free(m);
	}
	if (tie) {
		sbuf_release(&lines);
		return 0;
	}
	r = dlg_ref_trace(t, cheap ? "last-list-lowest-price" :
	    "last-list-highest-price",
	    cheap ? "lowest price of the last list" :
	    "highest price of the last list");
	for (i = 0; i < n; i++)
		dlg_ref_candidate(r, v[i].sku);
	dlg_ref_pick(r, v[b].sku);
	dlg_product_slots(t, &v[b], "");
	dlg_cite(t, "product", v[b].sku, v[b].name, "price");
	slots_setf(&t->slots, "shown_count", "%zu", np);
	slots_set(&t->slots, "lines", lines.buf);
	slots_set(&t->slots, "cheap", cheap ? "1" : "");
	dlg_focus_push(t, v[b].sku);
	dlg_set_action(t, "best_of_list", "%s price of the %zu listed: %s",
	    cheap ? "lowest" : "highest", np, v[b].sku);
	dlg_say(t, "list_price");
	sbuf_release(&lines);
	return 1;
}

/*
 * "Are they in stock?", "any of them on sale?", "do they all come with
 * a warranty?": the store's own fields of each member, a line each.
 * 1 when answered.
 */
static int
members_field(struct tctx *t, const struct product *v, size_t n)
{
	static const char *const stock[] = { "stock", "available",
	    "availability", NULL };
	static const char *const sale[] = { "sale", "deal", "deals",
	    "discount", "discounted", NULL };
	static const char *const warranty[] = { "warranty", "warranties",
	    "guarantee", NULL };
	struct sbuf	 lines = SBUF_INIT;
	const char	*what;
	size_t		 i;
	char		*m, *was;
	cJSON		*r;

	what = dlg_has_any(t, stock) ? "stock" : dlg_has_any(t, sale) ?
	    "sale" : dlg_has_any(t, warranty) ? "warranty" : NULL;
	if (what == NULL)
		return 0;
	r = dlg_ref_trace(t, "last-list-by-fields",
	    "each of the last list by the store's fields");
	for (i = 0; i < n; i++) {
		dlg_ref_candidate(r, v[i].sku);
		m = catalog_money(v[i].price, v[i].currency);
		sbuf_addf(&lines, "\n  - %s (%s): ", v[i].name, m);
		if (strcmp(what, "stock") == 0)
			sbuf_addf(&lines, v[i].stock > 0 ? "in stock (%lld)" :
			    "out of stock", v[i].stock);
		else if (strcmp(what, "warranty") == 0)
			sbuf_adds(&lines, v[i].warranty != NULL &&
			    v[i].warranty[0] != '\0' ? v[i].warranty :
			    "no warranty listed");
		else if (v[i].list_price > v[i].price) {
			was = catalog_money(v[i].list_price, v[i].currency);
			sbuf_addf(&lines, "on sale, down from %s", was);
			free(was);
		} else
			sbuf_adds(&lines, "not on sale");
		free(m);
		dlg_cite(t, "product", v[i].sku, v[i].name, strcmp(what,
		    "sale") == 0 ? "price,list_price" : what);
	}
	slots_setf(&t->slots, "shown_count", "%zu", n);
	slots_set(&t->slots, "lines", lines.buf);
	slots_set(&t->slots, "field", what);
	dlg_set_action(t, strcmp(what, "stock") == 0 ? "answer_stock" :
	    strcmp(what, "sale") == 0 ? "answer_price" : "answer_warranty",
	    "%s of each of the %zu listed", what, n);
	dlg_say(t, "list_field");
	sbuf_release(&lines);
	return 1;
}

/*
 * Is the message a question about the members of the last list: it
 * points at them as a group ("which of those", "do all of them", "any
 * of them"), names no product of its own (a device it is for is no
 * product of its own) and no other kind?
 */
static int
about_members(struct tctx *t)
{
	const struct entity *en;
	size_t		 i;

	if (cJSON_GetArraySize(dlg_jarr(t->state, "results")) < 1 ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    !dlg_has_any(t, all_words))
		return 0;
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && !dlg_said_as_context(t, en))
			return 0;
	}
	return 1;
}

int
dlg_list_question(struct tctx *t)
{
	struct product	 v[RESULTS_MAX];
	struct sbuf	 facts[RESULTS_MAX];
	enum member_says says[RESULTS_MAX];
	struct member_q	 q;
	size_t		 n, i, told = 0;
	int		 done = 0, known;
	char		*key = NULL, *val;

	if (!about_members(t))
		return 0;
	if ((n = members_load(t, v)) < 1)
		goto out;
	if (n > 1 && (members_price(t, v, n) || members_field(t, v, n))) {
		done = 1;
		goto out;
	}
	memset(&q, 0, sizeof q);
	if (dlg_has_any(t, taste) || member_words(t, &q, &v[0]) == 0) {
		member_words_free(&q);
		goto out;
	}
	member_prune(&q, v, n);
	for (i = 0; i < n; i++) {
		sbuf_init(&facts[i]);
		says[i] = member_says(&v[i], &q, &facts[i], &key);
		told += says[i] != SAYS_NOTHING;
	}
	known = told > 0 || member_known(t, &q, &v[0], &key);
	/* Silent on it, but what they say under the same heading ("layout
	 * full-size" beside "compact, no number pad"). */
	for (i = 0; key != NULL && i < n; i++)
		if (says[i] == SAYS_NOTHING &&
		    (val = catalog_attr(&v[i], key)) != NULL) {
			dlg_attr_phrase(&facts[i], key, val);
			free(val);
		}
	/* Words no specification of theirs speaks to ("for my dad"):
	 * not a question this answers, unless they are a feature's. */
	if (known) {
		members_answer(t, v, n, says, facts, &q);
		done = 1;
	}
	for (i = 0; i < n; i++)
		sbuf_release(&facts[i]);
	member_words_free(&q);
	free(key);
out:
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	return done;
}

/*
 * dlg-kind.c: which kind of product the customer asks for, read from
 * the words against the catalog's own data, into filters.require
 * (dlg-needs.c keeps the other needs):
 *
 *	kinds		the subcategories named ("a laser printer", "mesh
 *			wifi", "antivirus"), found by the subcategory slugs,
 *			the tags most of a kind's products carry, and the
 *			products' head nouns ("toner"), not by a list of
 *			words; not_kinds those refused ("not an inkjet")
 *	fits		the device a product must list as what it fits
 *			("ssds for a ps5"), read in dlg-kindfit.c
 *
 * With no kind named, a device is meant, not its supplies or add-ons: a
 * subcategory whose products list a device of another subcategory of the
 * same category as what they fit (toner for a printer, a lens for a
 * camera body) is left out (filters.addons).  The catalog says which
 * those are; nothing here names a category.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Words that say a price level, not a kind ("budget" is a tag too). */
static const char *const not_kind_words[] = { "budget", "cheap",
	"premium", "best", "seller", "gift", "new", "good", "great", "pro",
	"for", "the", "and", "with", "one", "ones", "some", "any", "that",
	"this", "want", "need", "looking", "like", "show", "get", "buy",
	"please", "pls", "thanks", "hey", "hi", "hello", "something", "what",
	"which", "have", "you", "your", "can", "under", "over", "max",
	"around", "about", "between", "tops", "less", "more", "than",
	"bucks", "dollars", "not", "too", "really", "very", "also",
	"mid", "range", "mid-range", "everyday",
	/* how long, not what: "lasts for days" */
	"last", "lasts", "lasting", "day", "days", "week", "weeks",
	"hours", NULL };

/* Is w (n bytes) the same word as the catalog word c, singular or
 * plural ("printer" and "printers", "battery" and "batteries")? */
static int
same_word(const char *w, size_t n, const char *c, size_t cn)
{
	if (n < 3 || cn < 3)
		return 0;
	if (n == cn)
		return strncmp(w, c, n) == 0;
	/* "smartwatchs" typed for "smartwatches", and the other way */
	if (n + 1 == cn && w[n - 1] == 's' && c[cn - 2] == 'e' &&
	    c[cn - 1] == 's')
		return strncmp(w, c, n - 1) == 0;
	if (cn + 1 == n && c[cn - 1] == 's' && w[n - 2] == 'e' &&
	    w[n - 1] == 's')
		return strncmp(w, c, cn - 1) == 0;
	if (n + 1 == cn && c[n] == 's')
		return strncmp(w, c, n) == 0;
	if (cn + 1 == n && w[cn] == 's')
		return strncmp(w, c, cn) == 0;
	if (n + 2 == cn && c[n] == 'e' && c[n + 1] == 's')
		return strncmp(w, c, n) == 0;
	if (cn + 2 == n && w[cn] == 'e' && w[cn + 1] == 's')
		return strncmp(w, c, cn) == 0;
	/* "battery", "batteries" */
	if (n + 2 == cn && w[n - 1] == 'y' && strncmp(c + n - 1, "ies",
	    3) == 0)
		return strncmp(w, c, n - 1) == 0;
	if (cn + 2 == n && c[cn - 1] == 'y' && strncmp(w + cn - 1, "ies",
	    3) == 0)
		return strncmp(w, c, cn - 1) == 0;
	/* "mouse", "mice" */
	if (n == 5 && cn == 4 && strncmp(w, "mouse", 5) == 0)
		return strncmp(c, "mice", 4) == 0;
	if (n == 4 && cn == 5 && strncmp(w, "mice", 4) == 0)
		return strncmp(c, "mouse", 5) == 0;
	return 0;
}

/*
 * Does any word of text (split at non-alphanumerics) equal w?  With
 * tail, also a word ending in it: "watch" in "smartwatches".
 */
static int
words_have(const char *text, const char *w, size_t n, int tail)
{
	const char	*p = text, *b;
	size_t		 k;

	if (text == NULL)
		return 0;
	while (*p != '\0') {
		while (*p != '\0' && !isalnum((unsigned char)*p))
			p++;
		for (b = p; isalnum((unsigned char)*p); p++)
			;
		if (p > b && same_word(w, n, b, (size_t)(p - b)))
			return 1;
		/* "smart" + "watches"; not "i" + "phone" */
		for (k = 4; tail && n >= 5 && k + n <= (size_t)(p - b); k++)
			if (same_word(w, n, b + k, (size_t)(p - b) - k))
				return 1;
	}
	return 0;
}

/* Is w the tag c without its hyphens ("inktank" and "ink-tank")? */
static int
joined_tag(const char *w, size_t n, const char *c, size_t cn)
{
	size_t	 i, k = 0;

	if (memchr(c, '-', cn) == NULL)
		return 0;
	for (i = 0; i < cn; i++) {
		if (c[i] == '-')
			continue;
		if (k >= n || w[k] != c[i])
			return 0;
		k++;
	}
	return k == n;
}

/*
 * Is w the last word of name before any parenthesis, the thing it is
 * ("... High Yield Toner", "... A19 bulb (single)")?
 */
static int
head_noun(const char *name, const char *w, size_t n)
{
	const char	*e = strchr(name, '('), *b;
	char		*low;
	int		 yes;

	if (e == NULL)
		e = name + strlen(name);
	while (e > name && !isalpha((unsigned char)e[-1]))
		e--;
	for (b = e; b > name && isalpha((unsigned char)b[-1]); b--)
		;
	if (e == b)
		return 0;
	low = xstrndup(b, (size_t)(e - b));
	for (char *p = low; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	yes = same_word(w, n, low, strlen(low));
	free(low);
	return yes;
}

/* Lowercase copy of s (caller frees). */
static char *
lower(const char *s)
{
	char	*c = xstrdup(s != NULL ? s : ""), *p;

	for (p = c; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	return c;
}

/* The distinct subcategories of v[0..n), at most max, into subs. */
static size_t
subcategories(const struct product *v, size_t n, const char **subs,
    size_t max)
{
	size_t	 i, k, ns = 0;

	for (i = 0; i < n; i++) {
		for (k = 0; k < ns && strcmp(subs[k], v[i].subcategory) != 0;
		    k++)
			;
		if (k == ns && ns < max && v[i].subcategory[0] != '\0')
			subs[ns++] = v[i].subcategory;
	}
	return ns;
}

#define SUBS_MAX	32

/*
 * Which of subs[0..ns) word w names: by the subcategory's slug, its
 * products' tags (strong), else the words of their names (weak).  A bit
 * per subcategory in *strong and *weak.
 */
static void
word_hits(const char *w, size_t n, const struct product *v, size_t nv,
    const char **subs, size_t ns, unsigned *strong, unsigned *weak,
    unsigned *slug)
{
	size_t	 i, k;
	char	*s;

	unsigned	 tagged[SUBS_MAX], count[SUBS_MAX];

	*strong = *weak = 0;
	for (k = 0; k < ns; k++) {
		tagged[k] = count[k] = 0;
		s = lower(subs[k]);
		if (words_have(s, w, n, 1))
			*strong |= 1u << k;
		free(s);
	}
	*slug = *strong;
	for (i = 0; i < nv; i++) {
		for (k = 0; k < ns && strcmp(subs[k], v[i].subcategory) != 0;
		    k++)
			;
		if (k == ns)
			continue;
		count[k]++;
		/* Tags are whole words ("ink-tank" is no "ink"). */
		s = lower(v[i].tags);
		if (s != NULL) {
			const char *p = s, *b;

			while (*p != '\0') {
				while (*p != '\0' && (*p == ',' || *p == ' ' ||
				    *p == '[' || *p == ']' || *p == '"'))
					p++;
				for (b = p; *p != '\0' && *p != ',' &&
				    *p != '"' && *p != ']'; p++)
					;
				if (p > b && (same_word(w, n, b,
				    (size_t)(p - b)) || joined_tag(w, n, b,
				    (size_t)(p - b)))) {
					tagged[k]++;
					break;
				}
			}
		}
		free(s);
		if (head_noun(v[i].name, w, n))
			*weak |= 1u << k;
	}
	/*
	 * A tag names a kind when most products of each kind carrying it
	 * do ("laser", "antivirus"); on a few of a kind it only describes
	 * them ("college" on a business laptop, "vlogging"), which the use
	 * of dlg-state.c covers.
	 */
	for (k = 0; k < ns; k++)
		if (tagged[k] > 0 && 2 * tagged[k] < count[k])
			return;		/* a descriptor somewhere */
	for (k = 0; k < ns; k++)
		if (tagged[k] > 0)
			*strong |= 1u << k;
}

/* Is the word at [a, b) of s refused ("not an inkjet", "no toner")? */
static int
refused_at(const char *s, size_t a)
{
	static const char *const neg[] = { "not", "no", "without", "except",
	    "nothing", "dont", "don't", "isnt", "isn't", NULL };
	const char *const *w;
	size_t	 b = a, e, words;

	for (words = 0; words < 3 && b > 0; words++) {
		/* A clause ends the refusal: "no, I mean security
		 * cameras", "not headphones, speakers". */
		while (b > 0 && !isalnum((unsigned char)s[b - 1]) &&
		    s[b - 1] != '\'')
			if (strchr(",.;!?", s[--b]) != NULL)
				return 0;
		e = b;
		while (b > 0 && (isalnum((unsigned char)s[b - 1]) ||
		    s[b - 1] == '\''))
			b--;
		for (w = neg; *w != NULL; w++)
			if (e - b == strlen(*w) && strncmp(s + b, *w,
			    e - b) == 0)
				return 1;
		/* "anything but oled"; "headphones but over-ear" wants */
		if (e - b == 3 && strncmp(s + b, "but", 3) == 0)
			return dlg_word_before_is(s, b, dlg_but_refuses);
		/* "a laser, not an inkjet": only the words after "not" */
		if (e - b == 1 && s[b] == 'a')
			continue;
	}
	return 0;
}

/* Does the text span [a, b) lie in an entity of type ty? */
static int
in_entity(struct tctx *t, size_t a, enum entity_type ty)
{
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == ty && a >= t->e->el.v[i].start &&
		    a < t->e->el.v[i].end)
			return 1;
	return 0;
}

/* Is offset a of the text inside a kind word of a category other than
 * cat? */
static int
other_kind_word(struct tctx *t, size_t a, const char *cat)
{
	const struct entity *e;
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++) {
		e = &t->e->el.v[i];
		if (e->type == ENTITY_CATEGORY && a >= e->start &&
		    a < e->end)
			return e->category != NULL &&
			    strcmp(e->category, cat) != 0;
	}
	return 0;
}

static void
set_kinds(cJSON *req, const char *key, const char **subs, size_t ns,
    unsigned bits)
{
	cJSON	*arr = cJSON_CreateArray();
	size_t	 k;

	for (k = 0; k < ns; k++)
		if (bits & (1u << k))
			cJSON_AddItemToArray(arr, cJSON_CreateString(subs[k]));
	cJSON_DeleteItemFromObjectCaseSensitive(req, key);
	cJSON_AddItemToObject(req, key, arr);
}

/* "No portable ones" after "an ssd": the kinds asked before, less
 * those refused. */
static void
drop_kinds(cJSON *req, const char **subs, size_t ns, unsigned bits)
{
	cJSON	*kinds = cJSON_GetObjectItemCaseSensitive(req, "kinds");
	size_t	 k;
	int	 i;

	for (k = 0; k < ns; k++) {
		if (!(bits & (1u << k)))
			continue;
		for (i = cJSON_GetArraySize(kinds) - 1; i >= 0; i--)
			if (strcmp(cJSON_GetArrayItem(kinds, i)->valuestring,
			    subs[k]) == 0)
				cJSON_DeleteItemFromArray(kinds, i);
	}
	if (kinds != NULL && cJSON_GetArraySize(kinds) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(req, "kinds");
}

/* Is the word w (wl bytes) one that never names a kind? */
static int
not_kind(const char *w, size_t wl)
{
	const char *const *nk;

	for (nk = not_kind_words; *nk != NULL; nk++)
		if (strlen(*nk) == wl && strncmp(*nk, w, wl) == 0)
			return 1;
	return 0;
}

/* What the words say of the kinds, a bit per subcategory. */
struct kind_said {
	unsigned	 all;		/* every subcategory */
	unsigned	 want;		/* the kinds named, met so far */
	unsigned	 either;	/* any kind named strongly */
	unsigned	 names;		/* kinds a product name word names */
	unsigned	 refused;	/* "not an inkjet" */
	unsigned	 slugs;		/* kinds named by their own name */
	unsigned	 last;		/* the kinds the last refused word
					   named */
	size_t		 last_end;	/* where that word ended */
	int		 said;		/* a kind was named strongly */
};

/* Weigh what word w (at offset at of s) names; 1 when it named one. */
static int
kind_word(struct kind_said *ks, const char *s, size_t at, const char *w,
    size_t wl, const struct product *v, size_t n, const char **subs,
    size_t ns)
{
	unsigned	 strong, weak, slug;

	word_hits(w, wl, v, n, subs, ns, &strong, &weak, &slug);
	if (slug != ks->all)
		ks->slugs |= slug;
	if (strong == ks->all)
		strong = 0;
	if (weak == ks->all)
		weak = 0;
	if (strong == 0 && weak == 0)
		return 0;
	if (refused_at(s, at)) {
		unsigned b = strong != 0 ? strong : weak;

		/* "No internal ssd": the words of one phrase narrow what
		 * is refused; "ssd" alone would refuse the portable too. */
		if (ks->last != 0 && at <= ks->last_end + 1 &&
		    (ks->last & b) != 0) {
			ks->refused = (ks->refused & ~ks->last) |
			    (ks->last & b);
			ks->last &= b;
		} else if (ks->last == 0 || at > ks->last_end + 1) {
			ks->refused |= b;
			ks->last = b;
		}
		ks->last_end = at + wl;
		return 1;
	}
	if (strong != 0) {
		ks->want = ks->said ? (ks->want & strong) : strong;
		ks->either |= strong;
		ks->said = 1;
		/* "Chargers for laptops": the kind named by its own name
		 * wins over a tag; "running" and "smartwatch": either. */
		if (ks->want == 0)
			ks->want = ks->slugs != 0 ? ks->slugs : ks->either;
	} else
		ks->names |= weak;
	return 1;
}

/* Need {key "*", has: w} in filters f's require.attr (dlg-catmeet.c puts
 * the products whose specifications or name say w first). */
static void
addon_need(cJSON *f, const char *w)
{
	cJSON	*arr, *it, *o;

	arr = cJSON_GetObjectItemCaseSensitive(dlg_jobj(f, "require"),
	    "attr");
	if (!cJSON_IsArray(arr))
		arr = cJSON_AddArrayToObject(dlg_jobj(f, "require"), "attr");
	cJSON_ArrayForEach(it, arr)
		if (dlg_jstr(it, "has") != NULL &&
		    strcmp(dlg_jstr(it, "has"), w) == 0)
			return;
	o = cJSON_CreateObject();
	dlg_jset_str(o, "key", "*");
	dlg_jset_str(o, "has", w);
	cJSON_AddItemToArray(arr, o);
}

/* Does word w name kinds, all of them add-ons (a bit each in addons)? */
static int
addon_only(const char *w, size_t wl, const struct product *v, size_t n,
    const char **subs, size_t ns, unsigned addons)
{
	unsigned	 strong, weak, slug;

	if (addons == 0)
		return 0;
	word_hits(w, wl, v, n, subs, ns, &strong, &weak, &slug);
	strong = strong != 0 ? strong : weak;
	return strong != 0 && (strong & ~addons) == 0;
}

/*
 * Is w an attribute key that products of several kinds have as a yes
 * ("gps": a fitness tracker and a smartwatch have it too, not only a
 * GPS watch), and no kind's own noun ("toner", "lenses")?  Then it asks
 * for the feature (dlg-catneed.c), not for one kind.
 */
static int
feature_key(const char *w, size_t wl, const struct product *v, size_t n)
{
	struct sbuf	 key = SBUF_INIT;
	const char	*first = NULL, *head;
	char		*val;
	size_t		 i;
	int		 several = 0;

	for (i = 0; i < n; i++) {
		head = strrchr(v[i].subcategory, '-');
		head = head != NULL ? head + 1 : v[i].subcategory;
		if (same_word(w, wl, head, strlen(head)))
			return 0;
	}
	sbuf_add(&key, w, wl);
	for (i = 0; i < n && !several; i++) {
		if ((val = catalog_attr(&v[i], key.buf)) == NULL)
			continue;
		if (strcasecmp(val, "no") != 0 && strcasecmp(val, "none") != 0) {
			if (first == NULL)
				first = v[i].subcategory;
			else if (strcmp(first, v[i].subcategory) != 0)
				several = 1;
		}
		free(val);
	}
	sbuf_release(&key);
	return several;
}

/*
 * The kinds the words name among the subcategories of v[0..n) (the
 * category asked for), into filters.require.kinds and not_kinds.  Words
 * naming every kind, none, or the category itself say nothing; two
 * words may be one ("smart watch").  Names of several kinds meet
 * ("gaming" and "mouse": gaming mice); if they do not, either fits.
 */
void
dlg_needs_kind(struct tctx *t, cJSON *f, const struct product *v, size_t n)
{
	const char	*subs[SUBS_MAX], *s = t->fold.s.buf, *cat;
	struct text_token *tok = NULL;
	struct kind_said ks;
	struct sbuf	 two = SBUF_INIT;
	size_t		 ns, nt, cap = 0, i, wl;
	unsigned	 names, addons;
	struct sbuf	 need = SBUF_INIT;
	int		 device = 0;
	cJSON		*req;

	if (s == NULL || (cat = dlg_jstr(f, "category")) == NULL)
		return;
	ns = subcategories(v, n, subs, SUBS_MAX);
	if (ns < 2)
		return;
	addons = dlg_kind_addons(v, n, subs, ns);
	memset(&ks, 0, sizeof ks);
	ks.all = ns >= 32 ? ~0u : (1u << ns) - 1;
	nt = text_tokenize(s, strlen(s), &tok, &cap);
	for (i = 0; i < nt; i++) {
		const char *w = s + tok[i].start;

		wl = tok[i].end - tok[i].start;
		if (!tok[i].has_alpha || in_entity(t, tok[i].start,
		    ENTITY_BRAND) || in_entity(t, tok[i].start,
		    ENTITY_PRODUCT) || in_entity(t, tok[i].start,
		    ENTITY_PRICE))
			continue;
		/* "smart watch", "sound bar": one word of the catalog. */
		if (i + 1 < nt && tok[i + 1].has_alpha &&
		    tok[i + 1].start - tok[i].end <= 1) {
			sbuf_reset(&two);
			sbuf_add(&two, w, wl);
			sbuf_add(&two, s + tok[i + 1].start,
			    tok[i + 1].end - tok[i + 1].start);
			if (!words_have(cat, two.buf, two.len, 1) &&
			    kind_word(&ks, s, tok[i].start, two.buf, two.len,
			    v, n, subs, ns)) {
				i++;
				continue;
			}
		}
		if (wl >= 3 && words_have(cat, w, wl, 1))
			device = 1;	/* "a printer": the device is asked */
		if (wl < 3 || words_have(cat, w, wl, 1) || not_kind(w, wl) ||
		    feature_key(w, wl, v, n))
			continue;
		names = ks.names;
		/* "A printer that is cheap on ink": an add-on's word after
		 * the device's is a need of the device, not the kind asked
		 * ("ink for my printer" asks for ink). */
		if (device && addon_only(w, wl, v, n, subs, ns, addons) &&
		    !refused_at(s, tok[i].start)) {
			if (need.len == 0)
				dlg_cat_stem(w, wl, &need);
			continue;
		}
		kind_word(&ks, s, tok[i].start, w, wl, v, n, subs, ns);
		/* "Laptops with oled": another category's kind word some
		 * names here say is a feature (dlg-catneed.c), no kind. */
		if (other_kind_word(t, tok[i].start, cat) ||
		    dlg_kind_word_elsewhere(t, w, wl, cat))
			ks.names = names;
	}
	free(tok);
	sbuf_release(&two);
	/* The add-on's word says what the device should do well with:
	 * those that state it first ("ink": not a laser). */
	if (need.len > 0)
		addon_need(f, need.buf);
	sbuf_release(&need);
	if (ks.want == 0 && ks.names != 0)
		ks.want = ks.names;
	ks.want &= ~ks.refused;
	if (ks.want == 0 && ks.refused == 0)
		return;
	req = dlg_jobj(f, "require");
	if (ks.want != 0)
		set_kinds(req, "kinds", subs, ns, ks.want);
	else if (ks.refused == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(req, "kinds");
	else
		drop_kinds(req, subs, ns, ks.refused);
	if (ks.refused != 0)
		set_kinds(req, "not_kinds", subs, ns, ks.refused);
}

/* Folded words of s, non-alphanumerics as one space, into sb. */
void
dlg_plain_words(const char *s, struct sbuf *sb)
{
	int	 sp = 1;

	sbuf_reset(sb);
	sbuf_addc(sb, ' ');
	for (; s != NULL && *s != '\0'; s++) {
		if (isalnum((unsigned char)*s)) {
			sbuf_addc(sb, (char)tolower((unsigned char)*s));
			sp = 0;
		} else if (!sp) {
			sbuf_addc(sb, ' ');
			sp = 1;
		}
	}
	if (!sp)
		sbuf_addc(sb, ' ');
}

/*
 * Subcategories of v[0..n) that are add-ons of another one: one of their
 * products lists a product of another subcategory of the category as
 * what it fits.  Into filters.addons (replaced).
 */
static void
find_addons(cJSON *f, const struct product *v, size_t n)
{
	const char	*subs[SUBS_MAX];
	unsigned	 addon;
	size_t		 ns, j, k;
	cJSON		*arr;

	ns = subcategories(v, n, subs, SUBS_MAX);
	addon = dlg_kind_addons(v, n, subs, ns);
	cJSON_DeleteItemFromObjectCaseSensitive(f, "addons");
	/* Most kinds fitting others is a category of add-ons
	 * (accessories): none of them is left out. */
	for (k = j = 0; k < ns; k++)
		j += (addon >> k) & 1;
	if (addon == 0 || 2 * j > ns)
		return;
	arr = cJSON_AddArrayToObject(f, "addons");
	for (k = 0; k < ns; k++)
		if (addon & (1u << k))
			cJSON_AddItemToArray(arr, cJSON_CreateString(subs[k]));
}

static int
in_list(const cJSON *arr, const char *s)
{
	const cJSON *it;

	cJSON_ArrayForEach(it, arr)
		if (cJSON_IsString(it) && strcmp(it->valuestring, s) == 0)
			return 1;
	return 0;
}

/* Does one of v[0..n) meet every need (the budget aside)? */
static int
any_meets(struct tctx *t, const struct product *v, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (dlg_needs_meets(t, &v[i]) &&
		    dlg_meets_constraints(t, &v[i]) && dlg_spec_meets(t, &v[i]))
			return 1;
	return 0;
}

/*
 * The kind and add-ons of the category from its products v[0..n) (the
 * category's list, budget aside): the kinds the words name, else the
 * subcategories that are add-ons left out.
 */
void
dlg_needs_prepare(struct tctx *t, cJSON *f, const struct product *v,
    size_t n)
{
	cJSON	*req, *fits, *seen;
	size_t	 i;

	dlg_needs_kind(t, f, v, n);
	req = cJSON_GetObjectItemCaseSensitive(f, "require");
	/* "No earbuds": the form read from the word is refused with it. */
	if (dlg_jstr(req, "form") != NULL && in_list(
	    cJSON_GetObjectItemCaseSensitive(req, "not_kinds"),
	    dlg_jstr(req, "form")))
		cJSON_DeleteItemFromObjectCaseSensitive(req, "form");
	/* "Ink tank printer": the kinds the words name over the one the
	 * extractor saw in a part of them ("ink"). */
	if (dlg_jstr(f, "kind") != NULL && cJSON_GetArraySize(
	    cJSON_GetObjectItemCaseSensitive(req, "kinds")) > 0 &&
	    !in_list(cJSON_GetObjectItemCaseSensitive(req, "kinds"),
	    dlg_jstr(f, "kind"))) {
		if (dlg_jstr(f, "use") != NULL && strcmp(dlg_jstr(f, "use"),
		    dlg_jstr(f, "kind")) == 0)
			cJSON_DeleteItemFromObjectCaseSensitive(f, "use");
		cJSON_DeleteItemFromObjectCaseSensitive(f, "kind");
	}
	/* "A TV for my PS5": where no product of the category lists what
	 * it fits, the device says what it is for, not a need. */
	if ((fits = cJSON_GetObjectItemCaseSensitive(req, "fits")) != NULL) {
		for (i = 0; i < n && !dlg_fits_of(&v[i], fits); i++)
			;
		if (i == n)
			cJSON_DeleteItemFromObjectCaseSensitive(req, "fits");
	}
	/*
	 * "Interchangeable lens pls, to upgrade lenses later": a kind none
	 * of whose products meets the needs said with it, where others do,
	 * was a need misread as a kind.
	 */
	/* Those shown before a "more" (dlg-browse.c) still fit: a kind
	 * all shown is no misread kind. */
	seen = cJSON_DetachItemFromObjectCaseSensitive(req, "seen");
	if (cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(req,
	    "kinds")) > 0 && !any_meets(t, v, n)) {
		cJSON *kinds = cJSON_DetachItemFromObjectCaseSensitive(req,
		    "kinds");

		if (any_meets(t, v, n))
			cJSON_Delete(kinds);
		else
			cJSON_AddItemToObject(req, "kinds", kinds);
	}
	if (seen != NULL)
		cJSON_AddItemToObject(dlg_jobj(f, "require"), "seen", seen);
	/* A kind said by the entity ("robot vacuums") or the words. */
	if (dlg_jstr(f, "kind") != NULL || cJSON_GetArraySize(
	    cJSON_GetObjectItemCaseSensitive(req, "kinds")) > 0)
		cJSON_DeleteItemFromObjectCaseSensitive(f, "addons");
	else
		find_addons(f, v, n);
	if (cJSON_IsObject(req) && cJSON_GetArraySize(req) == 0)
		cJSON_DeleteItemFromObjectCaseSensitive(f, "require");
}

/* Is p of the kind asked for (or, none asked, no add-on)? */
int
dlg_needs_kind_ok(struct tctx *t, const struct product *p)
{
	cJSON	*f = dlg_jobj(t->state, "filters");
	cJSON	*req = cJSON_GetObjectItemCaseSensitive(f, "require");
	cJSON	*kinds = cJSON_GetObjectItemCaseSensitive(req, "kinds");

	cJSON	*it;

	if (in_list(cJSON_GetObjectItemCaseSensitive(req, "not_kinds"),
	    p->subcategory))
		return 0;
	/* "Not a gaming one": none made for a use refused (its kind or a
	 * tag). */
	cJSON_ArrayForEach(it, cJSON_GetObjectItemCaseSensitive(req,
	    "not_uses"))
		if (cJSON_IsString(it) && (strcmp(p->subcategory,
		    it->valuestring) == 0 || (p->tags != NULL &&
		    dlg_word_in(p->tags, it->valuestring,
		    strlen(it->valuestring)))))
			return 0;
	if (cJSON_GetArraySize(kinds) > 0)
		return in_list(kinds, p->subcategory);
	return !in_list(cJSON_GetObjectItemCaseSensitive(f, "addons"),
	    p->subcategory);
}

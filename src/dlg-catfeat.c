/*
 * dlg-catfeat.c: the feature words of a need said in the customer's own
 * words ("one with gps", "mops too", "laptops with oled"), read against
 * the kind's own keys, values and names into filters.require.attr as
 * {key, has} (dlg-catneed.c reads the figures; dlg-catmeet.c tests
 * products against both):
 *
 *	a key		one of the kind's keys some products have as a yes
 *			("mopping" for "mops"): those that have it
 *	a value word	a word only some values or names say ("colour",
 *			"fingerprint") puts those first rather than cutting
 *			the list, as the others may say it in their own
 *			terms ("Bluetooth")
 *	another kind	a kind word of another category said with the kind
 *			shopped for ("oled" of oled TVs, "laptops with
 *			oled"), with or without a need frame; not the
 *			customer's device ("works with my galaxy phone")
 *
 * Words of a brand, a product, a price or the kind itself, words another
 * table read ("wired": a form) and words refused ("no hub") are no
 * feature.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"
#include "dlg-catneed.h"

/* Words that say nothing of a feature: function words, shopping talk,
 * and words every product list carries. */
static const char *const stop[] = { "the", "and", "for", "with", "that",
	"this", "these", "those", "them", "they", "then", "than", "one",
	"ones", "some", "any", "anything", "something", "what", "whats",
	"which", "who", "how", "you", "your", "have", "has", "got", "get",
	"does", "doe", "did", "can", "could", "would", "will", "should",
	"want", "wanna", "need", "like", "looking", "look", "show", "see",
	"buy", "please", "pls", "plz", "thanks", "thank", "hey", "hello",
	"also", "too", "just", "only", "really", "very", "more", "most",
	"less", "much", "many", "best", "better", "good", "great", "nice",
	"cheap", "cheapest", "cheaper", "price", "budget", "money", "cost",
	"under", "over", "about", "around", "between", "from", "into",
	"our", "out", "all", "every", "each", "both", "other", "another",
	"else", "not", "but", "yes", "yeah", "okay", "hmm", "well", "sure",
	"use", "using", "used", "work", "works", "working", "make", "take",
	"thing", "things", "stuff", "kind", "type", "sort", "there", "here",
	"where", "when", "why", "now", "still", "even", "least", "max",
	"plus", "home", "house", "family", "people", "everyone", "day",
	"days", "week", "weeks", "hour", "hours", "long", "lasts", "last",
	"big", "small", "new", "old", "recommend", "suggest", "option",
	"options", "model", "models", "product", "products", "brand",
	"able", "way", "lot", "little", "bit", "kid", "kids", "need",
	"needs", "must", "gift", "present", "buying", "shopping", "store",
	"shop", "stock", "available", "sell", "carry", "list", "item",
	"items", "again", "instead", "rather", "though", "tho", "was",
	"were", "are", "being", "been", "its", "it's", "isn't", "don't",
	"i'm", "i'd", "let", "know", "tell", "think", "maybe", "perhaps",
	"same", "such", "own", "mine", "yours", "ours", "whom", "without",
	"with", "within", NULL };

/* Set need {key, has: word}: a key that must be a yes, or ("*") a word
 * any attribute or the name must say. */
static void
need_has(cJSON *req, const char *key, const char *word)
{
	cJSON	*arr = cJSON_GetObjectItemCaseSensitive(req, "attr"), *it, *o;

	if (!cJSON_IsArray(arr))
		arr = cJSON_AddArrayToObject(req, "attr");
	cJSON_ArrayForEach(it, arr)
		if (dlg_jstr(it, "has") != NULL && (strcmp(dlg_jstr(it,
		    "has"), word) == 0 || (strcmp(key, "*") != 0 &&
		    strcmp(dlg_jstr(it, "key"), key) == 0)))
			return;
	o = cJSON_CreateObject();
	dlg_jset_str(o, "key", key);
	dlg_jset_str(o, "has", word);
	cJSON_AddItemToArray(arr, o);
}

/*
 * Is offset at inside a kind word of the category cat (or of no category
 * read)?  A kind word of another category said with the kind shopped for
 * ("laptops with oled": oled TVs) asks for a feature of this one, unless
 * it is the customer's device the product is for ("works with my galaxy
 * phone", "for an ipad"; dlg-kindfit.c's).
 */
static int
in_kind_word(struct tctx *t, size_t at, const char *cat)
{
	static const char *const device[] = { "my", "our", "his", "her",
	    "their", "for", "to", "works", "work", "compatible", "fits",
	    "fit", "pair", "pairs", "connect", "connects", NULL };
	const struct entity *e;
	size_t	 i, b;

	for (i = 0; i < t->e->el.n; i++) {
		e = &t->e->el.v[i];
		if (e->type != ENTITY_CATEGORY || at < e->start ||
		    at >= e->end)
			continue;
		if (e->category == NULL || cat == NULL ||
		    strcmp(e->category, cat) == 0)
			return 1;
		break;
	}
	for (b = at; isalnum((unsigned char)t->text[b]); b++)
		;
	if (i == t->e->el.n && !dlg_kind_word_elsewhere(t, t->text + at,
	    b - at, cat))
		return 0;
	/* The three words before: the device's owner or what it fits. */
	for (i = 0, b = at; i < 3 && b > 0; i++) {
		if (dlg_word_before_is(t->text, b, device))
			return 1;
		while (b > 0 && !isalnum((unsigned char)t->text[b - 1]))
			b--;
		while (b > 0 && isalnum((unsigned char)t->text[b - 1]))
			b--;
	}
	return 0;
}

/* Is s[0..n) a unit word ("inch", "hours")? */
static int
unit_word(const char *s, size_t n)
{
	const struct dlg_cat_unit *u;

	for (u = dlg_cat_units; u->said != NULL; u++)
		if (strlen(u->said) == n && strncasecmp(s, u->said, n) == 0)
			return 1;
	return 0;
}

/* Does the stemmed word w name the key of a number need of req? */
static int
numeric_key(const cJSON *req, const char *w)
{
	const cJSON	*o;

	cJSON_ArrayForEach(o, cJSON_GetObjectItemCaseSensitive(req, "attr"))
		if (dlg_jstr(o, "has") == NULL && dlg_jstr(o, "key") != NULL &&
		    dlg_catneed_key_named(w, dlg_jstr(o, "key")))
			return 1;
	return 0;
}

/* Is one of the three words before offset b a refusal ("without a c
 * wire", "no usb")? */
static int
refused_near(const char *s, size_t b, const char *const *list)
{
	size_t	 i;

	for (i = 0; i < 3 && b > 0; i++) {
		if (dlg_cat_phrase_before(s, b, list))
			return 1;
		while (b > 0 && !isalnum((unsigned char)s[b - 1]))
			b--;
		while (b > 0 && isalnum((unsigned char)s[b - 1]))
			b--;
	}
	return 0;
}

/* Does a word of the kinds begin with w ("print" of "printers")?  What
 * the kind does is not a feature some of it has. */
static int
kind_starts(const char *kinds, const char *w)
{
	size_t	 b, e, n = strlen(w);

	for (b = 0; n >= 4 && kinds[b] != '\0'; b = e) {
		while (kinds[b] != '\0' && !isalpha((unsigned char)kinds[b]))
			b++;
		for (e = b; isalpha((unsigned char)kinds[e]); e++)
			;
		if (e - b > n && strncasecmp(kinds + b, w, n) == 0)
			return 1;
	}
	return 0;
}

/* Do products of several kinds have key as a yes? */
static int
several_kinds(const struct kindset *ks, const char *key)
{
	const char	*first = NULL;
	size_t		 i;

	for (i = 0; i < ks->n; i++)
		if (dlg_cat_affirmative(cJSON_GetObjectItemCaseSensitive(
		    ks->attrs[i], key))) {
			if (first == NULL)
				first = ks->subs[i];
			else if (strcmp(first, ks->subs[i]) != 0)
				return 1;
		}
	return 0;
}

/* Is the word w the value another table read into req ("form":
 * "wired")? */
static int
read_as(const cJSON *req, const char *w)
{
	const cJSON	*it;

	cJSON_ArrayForEach(it, req)
		if (cJSON_IsString(it) && strcasecmp(it->valuestring, w) == 0)
			return 1;
	return 0;
}

/*
 * A feature word of the message: a key of the kind's products it names
 * ("mops": "mopping"), else a word of their values or names ("gps",
 * "colour"), which some have and some not.  Not a word of a brand, a
 * product, a price or the kind, nor one refused ("no hub").
 */
void
dlg_catneed_features(struct tctx *t, const struct kindset *ks,
    const cJSON *keys, cJSON *req, const char *cat, int others_only)
{
	static const char *const refused[] = { "no", "not", "without",
	    "non", "dont", "don't", "doesn't", "doesnt", NULL };
	const char	*s = t->text;
	struct sbuf	 w = SBUF_INIT, raw = SBUF_INIT;
	const cJSON	*k;
	size_t		 b, e, i, yes, kb, ke;
	const char	*key;

	for (b = 0; s[b] != '\0'; b = e) {
		while (s[b] != '\0' && !isalnum((unsigned char)s[b]))
			b++;
		for (e = b; isalnum((unsigned char)s[e]) || (s[e] == '-' &&
		    isalpha((unsigned char)s[e + 1])); e++)
			;
		if (e - b < 3 || dlg_cat_word_in_list(s, b, e, stop) ||
		    refused_near(s, b, refused) ||
		    dlg_catneed_in_entity(t, b, ENTITY_BRAND) ||
		    dlg_catneed_in_entity(t, b, ENTITY_PRODUCT) ||
		    dlg_catneed_in_entity(t, b, ENTITY_PRICE) ||
		    in_kind_word(t, b, cat) ||
		    dlg_catneed_in_entity(t, b, ENTITY_ORDER_ID) ||
		    (others_only && !dlg_catneed_in_entity(t, b, ENTITY_CATEGORY) &&
		    !dlg_kind_word_elsewhere(t, s + b, e - b, cat)))
			continue;
		for (i = b; i < e && !isdigit((unsigned char)s[i]); i++)
			;
		if (i < e)
			continue;	/* "ps5", "4k": not a word */
		sbuf_reset(&raw);
		sbuf_add(&raw, s + b, e - b);
		if (read_as(req, raw.buf))
			continue;	/* "wired": the form, dlg-needs.c's */
		dlg_cat_stem(s + b, e - b, &w);
		/* A unit ("16 inch") or a key a number was read for ("40
		 * hours of battery") is not a feature. */
		if (w.len < 3 || unit_word(s + b, e - b) ||
		    numeric_key(req, w.buf))
			continue;
		key = NULL;
		cJSON_ArrayForEach(k, keys) {
			for (kb = 0; key == NULL && k->string[kb] != '\0';
			    kb = ke) {
				while (k->string[kb] == '_')
					kb++;
				for (ke = kb; k->string[ke] != '\0' &&
				    k->string[ke] != '_'; ke++)
					;
				if (ke - kb >= 3 && dlg_cat_same_stem(s + b,
				    e - b, k->string + kb, ke - kb))
					key = k->string;
			}
			if (key != NULL)
				break;
		}
		/* The kind itself ("tablet", "mesh") is dlg-kind.c's, unless
		 * products of several kinds have it as a key ("gps"). */
		if ((dlg_catneed_key_named(ks->kinds.buf, raw.buf) ||
		    kind_starts(ks->kinds.buf, w.buf)) && (key == NULL ||
		    !several_kinds(ks, key)))
			continue;
		for (i = yes = 0; i < ks->n; i++)
			yes += dlg_cat_has_feature(ks->attrs[i], ks->names[i],
			    key != NULL ? key : "*", w.buf);
		/* A key (nearly) all have ("screen", "wifi") says nothing. */
		if (key != NULL && yes * 4 > ks->n * 3)
			continue;
		/* "Noise cancelling": a need another table reads. */
		if (yes > 0 && yes < ks->n && (key == NULL ||
		    cJSON_GetObjectItemCaseSensitive(req, key) == NULL))
			need_has(req, key != NULL ? key : "*", w.buf);
	}
	sbuf_release(&w);
	sbuf_release(&raw);
}


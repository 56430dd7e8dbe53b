/*
 * dlg-pointer.c owns two ways of picking a product out of what the bot
 * just showed: by its place in the list ("the third", "number 2", "#2",
 * "the 2nd one", "option 1") and by a word of its name said alone ("the
 * pixel", "what about the ultra", "the evo one").
 *
 * A name word is tried on the conversation first (the last list, then
 * the focus): one product whose name has it is the one meant; two or
 * more are asked about, naming them, never guessed.  When the
 * conversation has none and the word is all the message says, the
 * catalog's products of the kind being discussed whose names have it
 * are the candidates: those of one line
 * (the variants of a model) give its best; of several lines, the one
 * of the brand discussed when one alone is; else they are asked about.  Every choice goes to the trace's "reference".  dlg-refs.c
 * calls these in its order of rules; dlg_listed_pick tells the policy
 * a place picks a product not bought ("the middle one, is it oled?").
 * After a list offered for a device ("keyboards for the iPad"), a
 * pointer ("is it backlit?") is one of those offered, asked which
 * (dlg_ask_which_offered), not the device they are for.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

#define ASK_MAX		5	/* products named when asking which: as many as a list shows */

/* Words that say a place in a list before its number ("number 2"). */
static const char *const place_words[] = { "number", "option", "item",
	"choice", "pick", "no", NULL };
static const char *const suffixes[] = { "st", "nd", "rd", "th", NULL };

/* Words that never name a product when said alone after "the". */
static const char *const not_names[] = { "one", "ones", "other", "same",
	"last", "first", "second", "third", "fourth", "fifth", "latter",
	"former", "cheaper", "cheapest", "best", "better", "top", "new",
	"newer", "older", "old", "list", "rest", "price", "cost", "store",
	"order", "cart", "item", "items", "product", "products", "thing",
	"model", "deal", "sale", "offer", "way", "difference", "specs",
	"battery", "warranty", "return", "refund", "shipping", "delivery",
	"reviews", "rating", "size", "colour", "color", "weight", "it",
	"this", "that", "them", "those", "these", "then", "way", NULL };

static int
is_word(const char *s, const struct text_token *tk, const char *const *l)
{
	size_t	 n = tk->end - tk->start;

	for (; *l != NULL; l++)
		if (strlen(*l) == n && strncmp(*l, s + tk->start, n) == 0)
			return 1;
	return 0;
}

/* The place a token says: "third" 2, "3rd" 2; -1 when none. */
static int
place_of(const char *s, const struct text_token *tk)
{
	size_t	 n = tk->end - tk->start, k;

	for (k = 0; dlg_ordinals[k] != NULL; k++)
		if (strlen(dlg_ordinals[k]) == n && strncmp(dlg_ordinals[k],
		    s + tk->start, n) == 0)
			return (int)k;
	if (n == 3 && s[tk->start] >= '1' && s[tk->start] <= '9')
		for (k = 0; suffixes[k] != NULL; k++)
			if (strncmp(s + tk->start + 1, suffixes[k], 2) == 0)
				return s[tk->start] - '1';
	return -1;
}

/* The number a token says, 1 to 9 ("2", "two"); 0 when none. */
static int
number_of(const char *s, const struct text_token *tk)
{
	long	 v = dlg_count_word(s + tk->start, tk->end - tk->start);

	return v >= 1 && v <= 9 ? (int)v : 0;
}

/*
 * "The top one", "the bottom one", "the one in the middle", "the
 * former": a place said by where it stands in a list of n; -1 when
 * none (a middle of an even list is none).
 */
static int
place_by_side(const char *s, const struct text_token *tok, size_t nt,
    size_t i, int n)
{
	static const char *const after[] = { "one", "pick", "option",
	    "choice", "result", NULL };
	static const char *const the[] = { "the", NULL };
	static const char *const top[] = { "top", "former", NULL };
	static const char *const bottom[] = { "bottom", NULL };
	static const char *const middle[] = { "middle", NULL };
	int	 said_as_thing;

	if (i == 0 || !is_word(s, &tok[i - 1], the))
		return -1;
	said_as_thing = i + 1 == nt || is_word(s, &tok[i + 1], after);
	if (is_word(s, &tok[i], top) && (said_as_thing ||
	    is_word(s, &tok[i], (const char *const[]){ "former", NULL })))
		return 0;
	if (is_word(s, &tok[i], bottom) && said_as_thing)
		return n - 1;
	/* "the middle one", "the one in the middle" */
	if (is_word(s, &tok[i], middle) && (said_as_thing || (i >= 3 &&
	    is_word(s, &tok[i - 3], (const char *const[]){ "one", NULL }))))
		return n % 2 == 1 ? n / 2 : -1;
	return -1;
}

/*
 * The place in a list of n the message says, from 0: an ordinal
 * ("second", "2nd"), a number after a word of place ("number 2",
 * "option two"), "#2" (one digit: "#12170" is an order), or where it
 * stands ("the top one", "the one in the middle").  -1 when none is
 * said.
 */
int
dlg_position_said(struct tctx *t, int nlist)
{
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char	*raw = t->text;
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, a;
	int		 at = -1, num;

	n = text_tokenize(s, strlen(s), &tok, &cap);
	for (i = 0; i < n && at < 0; i++) {
		if ((at = place_of(s, &tok[i])) >= 0 ||
		    (at = place_by_side(s, tok, n, i, nlist)) >= 0)
			break;
		if (i + 1 < n && is_word(s, &tok[i], place_words) &&
		    (num = number_of(s, &tok[i + 1])) > 0 &&
		    (i + 2 == n || !tok[i + 2].has_digit))
			at = num - 1;
	}
	free(tok);
	for (a = 0; at < 0 && raw[a] != '\0'; a++)
		if (raw[a] == '#' && raw[a + 1] >= '1' && raw[a + 1] <= '9' &&
		    !isalnum((unsigned char)raw[a + 2]))
			at = raw[a + 1] - '1';
	return at;
}

/* "The second one", "number 3": that member of the last list, with the
 * list in the trace; NULL when no place is said or the list is shorter. */
const char *
dlg_position_reference(struct tctx *t)
{
	cJSON		*res = dlg_jarr(t->state, "results"), *it, *r;
	int		 at = dlg_position_said(t, cJSON_GetArraySize(res));

	if (at < 0 || at >= cJSON_GetArraySize(res))
		return NULL;
	r = dlg_ref_trace(t, "list-position",
	    "place in the last list");
	cJSON_ArrayForEach(it, res)
		if (cJSON_IsString(it))
			dlg_ref_candidate(r, it->valuestring);
	it = cJSON_GetArrayItem(res, at);
	return cJSON_IsString(it) ? dlg_ref_pick(r, it->valuestring) : NULL;
}

/*
 * The word said as the thing meant: "the W", "the W one", "the W
 * then", "what about the W", at the end of the message or before one
 * of those words, with no other entity but a brand inside the word.
 * Its span of the folded text in *a, *b; 0 when none.
 */
static int
said_word(struct tctx *t, size_t *a, size_t *b)
{
	static const char *const lead[] = { "the", "that", "this", NULL };
	static const char *const tail[] = { "one", "then", "model",
	    "version", "please", NULL };
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i;
	int		 found = 0;

	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_CATEGORY) != NULL ||
	    dlg_first_entity(t, ENTITY_ATTRIBUTE) != NULL ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL)
		return 0;
	n = text_tokenize(s, strlen(s), &tok, &cap);
	for (i = 0; i + 1 < n && !found; i++) {
		if (!is_word(s, &tok[i], lead) || tok[i + 1].has_digit ||
		    tok[i + 1].end - tok[i + 1].start < 3 ||
		    is_word(s, &tok[i + 1], not_names))
			continue;
		if (i + 2 == n || is_word(s, &tok[i + 2], tail) ||
		    strchr(",?!.", s[tok[i + 1].end]) != NULL) {
			*a = tok[i + 1].start;
			*b = tok[i + 1].end;
			found = 1;
		}
	}
	free(tok);
	return found;
}

/* Does the folded name of p have the word w (n bytes)? */
static int
name_has(const struct product *p, const char *w, size_t n)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	int		 yes;

	text_fold(p->name, strlen(p->name), &f);
	yes = dlg_word_in(f.s.buf, w, n);
	text_folded_release(&f);
	return yes;
}

/* The candidates the name word fits, in *out (at most max, caller
 * releases each); how many, 0 when none.  *conv: from the conversation. */
static size_t
word_candidates(struct tctx *t, const char *w, size_t n,
    struct product *out, size_t max, int *conv)
{
	const char	*c[CONV_MAX];
	struct product	*v = NULL, p;
	struct sd_error	 err = SD_ERROR_INIT;
	char		*phrase, *cat = NULL;
	size_t		 nc, i, k = 0, nv = 0;

	*conv = 1;
	nc = dlg_conversation(t, c, CONV_MAX);
	for (i = 0; i < nc; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_peek_product(t, c[i], &p))
			continue;
		if (cat == NULL && p.category != NULL)
			cat = xstrdup(p.category);
		if (k < max && name_has(&p, w, n))
			out[k++] = p;
		else
			product_release(&p);
	}
	/*
	 * None shown: the kind's products whose names have it, when the
	 * word is all that was said ("what about the ultra"); in a
	 * question of its own ("what height limit for the heatsink?") it
	 * may be a feature of the product discussed.
	 */
	if (k > 0 || cat == NULL || !dlg_only_pointer(t)) {
		free(cat);
		return k;
	}
	*conv = 0;
	phrase = xstrndup(w, n);
	dlg_retrieve_begin(t);
	if (catalog_products_named(t->st, phrase, REF_CANDS, &v, &nv,
	    &err) != SD_OK)
		nv = 0;
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	for (i = 0; i < nv; i++)
		if (k < max && strcmp(v[i].category, cat) == 0 &&
		    name_has(&v[i], w, n))
			out[k++] = v[i];
		else
			product_release(&v[i]);
	free(v);
	free(phrase);
	free(cat);
	return k;
}

/* Are a and b variants of one line ("Galaxy S24 Ultra (256GB)" and
 * "(512GB)")?  Their names agree up to a bracket. */
static int
one_line(const char *a, const char *b)
{
	size_t	 la = strcspn(a, "("), lb = strcspn(b, "(");

	return la == lb && strncmp(a, b, la) == 0;
}

/*
 * "My galaxy watch ... what about the ultra": of the catalog's lines the
 * word names, the one of the brand of the product discussed (the
 * focus), when one line alone is of it.  Its best rated (SKU valid for
 * the turn), or NULL.
 */
static const char *
of_focus_brand(struct tctx *t, const struct product *v, size_t n)
{
	struct product	 f;
	const char	*top = dlg_focus_top(t, 0), *hit = NULL;
	size_t		 i;

	memset(&f, 0, sizeof f);
	if (top == NULL || !dlg_peek_product(t, top, &f))
		return NULL;
	for (i = 0; i < n; i++) {
		if (f.brand == NULL || v[i].brand == NULL ||
		    strcasecmp(f.brand, v[i].brand) != 0)
			continue;
		if (hit != NULL && !one_line(hit, v[i].name)) {
			hit = NULL;
			break;
		}
		if (hit == NULL)
			hit = v[i].name;
	}
	product_release(&f);
	for (i = 0; hit != NULL && i < n; i++)
		if (v[i].name == hit)
			return v[i].sku;
	return NULL;
}

/*
 * The product a name word said alone means (SKU valid for the turn), or
 * NULL; *several set when two or more fit and the customer must say
 * which (their names in names when not NULL, as "the A or the B").
 */
static const char *
name_word(struct tctx *t, int *several, struct sbuf *names)
{
	struct product	 v[REF_CANDS];
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char	*pick = NULL;
	size_t		 a, b, n, i, lines = 1;
	int		 conv;
	cJSON		*r;

	*several = 0;
	if (!said_word(t, &a, &b) || (n = word_candidates(t, s + a, b - a, v,
	    REF_CANDS, &conv)) == 0)
		return NULL;
	r = dlg_ref_trace(t, conv ? "name-word-in-conversation" :
	    "name-word-in-catalog",
	    conv ? "name word in conversation" :
	    "name word in catalog, of the kind discussed");
	for (i = 0; i < n; i++) {
		dlg_ref_candidate(r, v[i].sku);
		lines += i > 0 && !one_line(v[0].name, v[i].name);
	}
	if (n == 1 || (!conv && lines == 1)) {
		/* Of one line, the best rated comes first. */
		pick = dlg_ref_pick(r, v[0].sku);
	} else if (!conv && (pick = of_focus_brand(t, v, n)) != NULL) {
		dlg_ref_rule(r, "name-word-in-catalog-brand", "name word in "
		    "catalog: the one line of the brand discussed");
		pick = dlg_ref_pick(r, pick);
	} else {
		*several = 1;
		dlg_ref_rule(r, conv ? "name-word-in-conversation-ask" :
		    "name-word-in-catalog-ask",
		    conv ? "name word in conversation: "
		    "several, asked which" : "name word in catalog: several "
		    "lines, asked which");
		for (i = 0; names != NULL && i < n && i < ASK_MAX; i++)
			sbuf_addf(names, "%s the %s", i == 0 ? "" : i + 1 ==
			    n || i + 1 == ASK_MAX ? " or" : ",", v[i].name);
	}
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	return pick;
}

const char *
dlg_name_word_reference(struct tctx *t, int *several)
{
	return name_word(t, several, NULL);
}

/*
 * "The evo one" when two products shown have "evo" in their names, "the
 * pixel" when the store has three Pixels and none was shown, "the
 * archer" (a family the catalog knows) when two Archers were shown: ask
 * which, naming them.  1 when asked.
 */
int
dlg_ask_which_named(struct tctx *t)
{
	struct sbuf	 names = SBUF_INIT;
	const struct entity *en = dlg_subject_entity(t);
	int		 several = 0;

	if (dlg_count_entities(t, ENTITY_PRODUCT) == 1 && en != NULL &&
	    dlg_said_as_thing(t, en->start, en->end))
		several = dlg_family_tie(t, en, &names);
	else if (name_word(t, &several, &names) != NULL)
		several = 0;
	if (!several) {
		sbuf_release(&names);
		return 0;
	}
	slots_set(&t->slots, "choices", names.buf);
	dlg_set_action(t, "ask_which_product", "several products have the "
	    "word said in their names");
	dlg_say(t, "ask_which_named");
	sbuf_release(&names);
	return 1;
}

/*
 * The last list's products, up to ASK_MAX, as "the A, the B or the C"
 * into *names, each a candidate of the reference r (n: the list's
 * length).  How many were named.
 */
static int
list_choices(struct tctx *t, cJSON *r, int n, struct sbuf *names)
{
	cJSON		*it;
	struct product	 p;
	int		 shown = 0;

	cJSON_ArrayForEach(it, dlg_jarr(t->state, "results")) {
		if (!cJSON_IsString(it) || shown == ASK_MAX ||
		    !dlg_peek_product(t, it->valuestring, &p))
			continue;
		dlg_ref_candidate(r, it->valuestring);
		sbuf_addf(names, "%s the %s", shown == 0 ? "" : shown + 1 ==
		    n || shown + 1 == ASK_MAX ? " or" : ",", p.name);
		product_release(&p);
		shown++;
	}
	return shown;
}

/*
 * "Number 6" after a list of five: a place the last list does not
 * have.  Ask which, naming those shown, rather than answer about the
 * product in focus.  Not when a product is named or a generation is
 * meant ("the 9th gen one").  1 when asked.
 */
int
dlg_ask_place_beyond(struct tctx *t)
{
	static const char *const gen[] = { "gen", "generation", NULL };
	cJSON		*r;
	struct sbuf	 names = SBUF_INIT;
	int		 n = cJSON_GetArraySize(dlg_jarr(t->state, "results"));

	if (n < 2 || dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_position_said(t, n) < n || dlg_has_any(t, gen))
		return 0;
	r = dlg_ref_trace(t, "list-position-beyond",
	    "place past the end of the last list: asked which");
	if (list_choices(t, r, n, &names) < 2) {
		sbuf_release(&names);
		return 0;
	}
	slots_setf(&t->slots, "shown_count", "%d", n);
	slots_set(&t->slots, "choices", names.buf);
	dlg_set_action(t, "ask_which_product", "the place said is past the "
	    "end of the last list");
	dlg_say(t, "ask_place_beyond");
	sbuf_release(&names);
	return 1;
}

/*
 * "The middle one, is it oled?" after a list: a place in the last list
 * said, picking a product the customer has not bought, so the words
 * ask about that product before buying, not for help with one owned.
 */
int
dlg_listed_pick(struct tctx *t)
{
	const char	*sku = dlg_position_reference(t);
	cJSON		*it;

	if (sku == NULL || dlg_count_entities(t, ENTITY_PRODUCT) > 0)
		return 0;
	cJSON_ArrayForEach(it, dlg_jarr(t->state, "purchased"))
		if (cJSON_IsString(it) && strcmp(it->valuestring, sku) == 0)
			return 0;
	return 1;
}

/*
 * Did the bot's last reply list products offered for a product it did
 * not list ("a keyboard for the iPad Air": the keyboards, for the iPad)?
 * That product went into focus the turn the list was set, and is not
 * in it: the device the list was for.  The number listed, or 0.
 */
static int
listed_for_device(struct tctx *t)
{
	cJSON		*res = dlg_jarr(t->state, "results"), *it;
	const char	*dev = dlg_focus_top(t, 0);
	double		 rat = dlg_jnum(t->state, "results_at", -10);
	int		 n = cJSON_GetArraySize(res);

	if (dev == NULL || n < 2 || rat < (double)(t->si.turns - 2) ||
	    rat >= (double)t->si.turns ||
	    (double)dlg_focus_at(t, dev) != rat)
		return 0;
	cJSON_ArrayForEach(it, res)
		if (cJSON_IsString(it) && strcmp(it->valuestring, dev) == 0)
			return 0;
	return n;
}

/*
 * "In stock?", "price?": a few words asked of a product (the intent's),
 * said without naming one.
 */
static int
slot_asked(struct tctx *t)
{
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	size_t		 words = 0, i;

	for (i = 0; s[i] != '\0'; i++)
		if (isalnum((unsigned char)s[i]) && (i == 0 ||
		    !isalnum((unsigned char)s[i - 1])))
			words++;
	return words > 0 && words <= 3 && strchr(t->text, '?') != NULL &&
	    t->intent_id >= 0 && (dlg_flags_of(t, t->intent_id) &
	    ACT_PRODUCT);
}

/*
 * "Is it backlit?" right after the bot listed two keyboards for the
 * customer's iPad: "it" is one of those offered, not the iPad they are
 * for, and which one is unclear, so the bot asks, naming them.  Not
 * when the message names a product, brand or kind, says a place or
 * another reference, or points at the device as the object ("a case
 * for it", "does it fit it").  1 when asked.
 */
int
dlg_ask_which_offered(struct tctx *t)
{
	static const char *const pointers[] = { "it", "its", "this", "that",
	    "this one", "that one", NULL };
	static const char *const object[] = { "for it", "with it", "fit it",
	    "fits it", "in it", "into it", "on it", "to it", NULL };
	cJSON		*r;
	struct sbuf	 names = SBUF_INIT;
	const char	*how = NULL, *sku;
	int		 n = listed_for_device(t);

	if (n < 2 || !(dlg_has_any(t, pointers) || slot_asked(t)) ||
	    dlg_has_any(t, object) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL ||
	    dlg_first_entity(t, ENTITY_CATEGORY) != NULL ||
	    dlg_first_entity(t, ENTITY_ORDER_ID) != NULL)
		return 0;
	if ((sku = dlg_resolve_reference(t, &how)) != NULL &&
	    strcmp(how, "it") != 0)
		return 0;
	r = dlg_ref_trace(t, "offered-for-device-ask", "pointer after a "
	    "list offered for a device: which of those offered, asked");
	if (list_choices(t, r, n, &names) < 2) {
		sbuf_release(&names);
		return 0;
	}
	slots_set(&t->slots, "choices", names.buf);
	dlg_set_action(t, "ask_which_product", "a pointer after %d products "
	    "offered for %s", n, dlg_focus_top(t, 0));
	dlg_say(t, "ask_which_named");
	sbuf_release(&names);
	return 1;
}

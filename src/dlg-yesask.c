/*
 * dlg-yesask.c: whether a turn is a yes-or-no question about one
 * feature of one product, and which product: "can I take it in the
 * pool" is such a question, answered before any action is considered,
 * never "add it to my cart".  A question opens with a verb ("does it",
 * "is the screen") or ends with a question mark, asks no which, how or
 * what, and has no word of an action, an order, a price, a need or a
 * judgement ("is the battery good" is the specification steps').  The
 * product is the one named, pointed at ("the other one", "the google
 * one") or in focus; a product's name said as a feature of the one in
 * focus ("is there MagSafe on it") or as the customer's own device
 * ("for my PS5") is no product asked about.  The answer is
 * dlg-yesno.c's.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Words of a judgement or an amount: not a feature it has or lacks
 * ("is the battery good", "is it heavy"), the specification steps'. */
static const char *const judged[] = { "good", "bad", "decent", "great",
	"enough", "fast", "faster", "slow", "loud", "bright", "long",
	"longer", "big", "bigger", "small", "smaller", "heavy", "light",
	"lighter", "comfortable", "comfy", "worth", "better", "best",
	"reliable", "durable", "quality", "quiet", "cheap", "expensive",
	"how", "what", "which", "whats", "what's", "why", "when", "where",
	"who", "size", "weight", NULL };

/* Words that ask for something else than a feature: an action, an
 * order, a price, a comparison, a device it works with. */
static const char *const elsewhere[] = { "add", "cart", "buy", "order",
	"ordered", "purchase", "checkout", "return", "refund", "cancel",
	"ship", "shipping", "deliver", "delivery", "track", "price",
	"cost", "costs", "cheaper", "stock", "sale", "discount", "warranty",
	"compare", "vs", "versus", "recommend", "suggest", "instead",
	"alternative", "broken", "problem", "fix", "reset", "stopped",
	"compatible", "fit", "fits", "pair with", "work with", "works with",
	"work on", "works on", "connect to", "in stock", "how much",
	"how many", "tracking", "package", "parcel", "shipped", "arrive",
	"arrived", "fee", "fees", "restocking", "policy", "normal",
	"installed", "doesn't", "doesnt", "don't", "dont", "won't", "wont",
	"can't", "cant", "isn't", "isnt", "not", "keeps", "only", "dies",
	"died", "has to", "needs to", "need it to", "must", "spare",
	"all", "both", "each", "either", "any of", "three", "four", "which",
	"bigger", "smaller", "more", "most", "than", "sell", "carry",
	"others", "another", "else", "options", "need something",
	"looking for", "i'm after", "im after", "two", "couple", "dozen",
	NULL };

/* A need told ("i need a printer that does double sided"), unless
 * asked ("do i need an amp"). */
static const char *const need_told[] = { "i need", "we need", "i want",
	"we want", "i'd like", NULL };
static const char *const need_asked[] = { "do i need", "do we need",
	"would i need", "will i need", "will we need", "would we need",
	NULL };

/* Words an action would read as taking the product. */
static const char *const taking[] = { "take", "grab", "bring", "wear",
	NULL };

/* Intents of a problem with a product. */
static const char *const trouble[] = { "troubleshooting", "complaint",
	"usage_advice", NULL };

/* "Are those waterproof" after a list asks of the list (dlg-members.c);
 * "will these need an amp" of headphones in focus, of them. */
static const char *const plural[] = { "those", "these", NULL };

/* Verbs that open a yes-or-no question. */
static const char *const verbs[] = { "does", "do", "is", "are", "can",
	"could", "will", "would", "has", "have", "did", "should", "isnt",
	"isn't", "doesnt", "doesn't", "got", NULL };

/*
 * Is a phrase of list said outside the products named ("all" of
 * "Epson EcoTank ET-4850 All-in-One" is no "all of them")?
 */
static int
said_outside(struct tctx *t, const char *const *list)
{
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	const char	*p, *end = s + strlen(s);
	size_t		 n, at;

	for (; *list != NULL; list++) {
		n = strlen(*list);
		for (p = s; (p = memmem(p, (size_t)(end - p), *list, n)) !=
		    NULL; p += n) {
			if ((p > s && isalnum((unsigned char)p[-1])) ||
			    isalnum((unsigned char)p[n]))
				continue;
			at = t->fold.map != NULL ? t->fold.map[p - s] :
			    (size_t)(p - s);
			if (!dlg_fw_in_entity(t, at, at + 1))
				return 1;
		}
	}
	return 0;
}

/*
 * Does a verb of a question open the message or one of its clauses
 * ("does it...", "ok and can I...", "the first one, is it...")?  In
 * the middle of a statement ("my old router is dying") it asks
 * nothing.
 */
static int
verb_opens(struct tctx *t)
{
	static const char *const openers[] = { "and", "so", "ok", "okay",
	    "hmm", "also", "but", "then", "well", "oh", "um", "yeah", "right",
	    "cool", "great", "thanks", "thx", "hi", "hey", "wait", "alright",
	    "fine", "sorry", "question", "quick", "btw", "just", "also", NULL };
	struct dlg_fw_text q;
	size_t		 i, a;
	int		 yes = 0;
	char		 c;

	dlg_fw_text_init(&q, t->text);
	for (i = 0; i < q.n && !yes; i++) {
		if (!dlg_fw_in(DLG_FW_TOK(&q, i), DLG_FW_LEN(&q, i), verbs))
			continue;
		a = q.tok[i].start;
		while (a > 0 && q.f.s.buf[a - 1] == ' ')
			a--;
		c = a > 0 ? q.f.s.buf[a - 1] : '.';
		yes = strchr(".,!?;:-(", c) != NULL || (i > 0 &&
		    dlg_fw_in(DLG_FW_TOK(&q, i - 1), DLG_FW_LEN(&q, i - 1),
		    openers) && q.tok[i - 1].end == a);
	}
	dlg_fw_text_free(&q);
	return yes;
}

/* Words asking which, how or what: not a yes or a no. */
static const char *const wh[] = { "how", "what", "whats", "what's",
	"which", "why", "when", "where", "who", NULL };

/* Is the turn a yes-or-no question ("does it...", "is the screen in
 * colour?", "stereo?")? */
static int
asks_yes_no(struct tctx *t)
{
	/* Requests, not questions: "could you tell me about the ports". */
	static const char *const asks_for[] = { "tell me", "show me",
	    "you tell", "you show", "you give", "you have", "you sell",
	    "you carry", "you got", "you recommend", "what about",
	    "how about", NULL };

	if (said_outside(t, asks_for) || said_outside(t, wh))
		return 0;
	return strchr(t->text, '?') != NULL || verb_opens(t);
}

/*
 * Is the product mention en a feature of the product in focus, asked of
 * "it": another product, its words in the focus's attribute values?
 */
static int
entity_is_feature(struct tctx *t, const struct entity *en)
{
	static const char *const it_words[] = { "it", "its", "it's", "they",
	    "them", "this", "that", NULL };
	const char	*sku = dlg_focus_top(t, 0);
	struct product	 f;
	struct dlg_fw_text	 q, hv;
	cJSON		*root, *it;
	size_t		 last;
	int		 yes = 0;
	char		*v, *w;

	if (sku == NULL || (en->sku != NULL && strcmp(en->sku, sku) == 0) ||
	    !dlg_has_any(t, it_words))
		return 0;
	memset(&f, 0, sizeof f);
	if (!dlg_peek_product(t, sku, &f))
		return 0;
	w = xstrndup(t->text + en->start, en->end - en->start);
	dlg_fw_text_init(&q, w);
	root = cJSON_Parse(f.attrs);
	cJSON_ArrayForEach(it, root) {
		if (yes || it->string == NULL || q.n == 0 ||
		    (v = catalog_attr(&f, it->string)) == NULL)
			continue;
		dlg_fw_text_init(&hv, v);
		yes = dlg_fw_find(&hv, &q, 0, q.n, &last) >= 0 ||
		    dlg_fw_key_named(it->string, &q, 0, q.n);
		dlg_fw_text_free(&hv);
		free(v);
	}
	cJSON_Delete(root);
	dlg_fw_text_free(&q);
	free(w);
	product_release(&f);
	return yes;
}

/*
 * The product a question about a feature means: the one named (a
 * family named is its best model), pointed at ("the first one", "the
 * other one", "the google one"), or in focus.  1 when loaded into p.
 */
static int
feature_product(struct tctx *t, struct product *p, const char **how)
{
	const struct entity *en = dlg_first_entity(t, ENTITY_PRODUCT), *br;
	const char	*sku;

	memset(p, 0, sizeof *p);
	*how = "named";
	/* "Does it have HDMI 2.1 for my PS5": the device is theirs, the
	 * question about the one in focus. */
	if (en != NULL && ((en->start >= 3 && strncasecmp(t->text +
	    en->start - 3, "my ", 3) == 0 && dlg_focus_top(t, 0) != NULL) ||
	    dlg_context_device(t, en)))
		en = NULL;
	/* "Is there MagSafe on it": a product's name said as a feature
	 * the one in focus states. */
	if (en != NULL && entity_is_feature(t, en)) {
		dlg_jset_num(t->trace, "feature_entity", (double)en->start);
		en = NULL;
	}
	if (en != NULL)
		return en->sku != NULL ? dlg_load_product(t, en->sku, p) :
		    dlg_family_best(t, en, p);
	if ((sku = dlg_resolve_reference(t, how)) == NULL) {
		if ((br = dlg_first_entity(t, ENTITY_BRAND)) != NULL) {
			sku = dlg_shown_match(t, br);
			*how = "brand shown";
		} else {
			sku = dlg_focus_top(t, 0);
			*how = "focus";
		}
	}
	return sku != NULL && dlg_load_product(t, sku, p);
}

/*
 * "Can I take it in the pool?", "does the other one do bluetooth",
 * "is that closed back?": a yes-or-no question about a feature of one
 * product, answered before any action is considered (taking it is no
 * buying it here).  Only when the words find the feature in its listing
 * or its kind's, never with a word of an action, an order or a price.
 * 1 when answered.
 */
int
dlg_feature_question(struct tctx *t, int early)
{
	static const char *const pointing[] = { "it", "its", "it's",
	    "they", "them", "this", "that", "these", "those", "my", "one",
	    NULL };
	const struct entity *cat = dlg_first_entity(t, ENTITY_CATEGORY);
	struct product	 p;
	const char	*how = NULL;
	int		 done;

	/* Before the cart and the other actions, only what reads as
	 * taking it ("can I take it in the pool"); the rest after the
	 * answers to the bot's questions and the list's steps. */
	if (early && !said_outside(t, taking) && !dlg_feature_amount_asked(t))
		return 0;
	/* A problem told ("does it get hot?", "is it supposed to
	 * click") is the troubleshooting steps', when the classifier
	 * is sure of it. */
	if (t->e->ir.verdict == INTENT_OK && dlg_fw_in(t->intent,
	    strlen(t->intent), trouble))
		return 0;
	/* "Does it do 120hz": an amount against the specifications is
	 * dlg-specs.c's. */
	/* "Will it charge a macbook": a device after a verb of use asks
	 * whether they work together (dlg-compat.c), not for a feature. */
	if (dlg_first_entity(t, ENTITY_ORDER_ID) != NULL ||
	    dlg_first_entity(t, ENTITY_PRICE) != NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 1 ||
	    dlg_use_verb_device(t) ||
	    said_outside(t, elsewhere) || said_outside(t, judged) ||
	    (said_outside(t, need_told) && !said_outside(t, need_asked)) ||
	    (said_outside(t, plural) && cJSON_GetArraySize(dlg_jarr(t->state,
	    "results")) > 1) ||
	    !asks_yes_no(t) || dlg_spec_amount_said(t) ||
	    !feature_product(t, &p, &how))
		return 0;
	/* Another kind named is another product wanted ("is there a
	 * waterproof speaker"), unless the question points at one ("does
	 * it have a camera", "would my phone drive it"). */
	if (cat != NULL && cat->category != NULL &&
	    strcmp(cat->category, p.category) != 0 && !dlg_has_any(t,
	    pointing)) {
		product_release(&p);
		return 0;
	}
	if ((done = dlg_feature_answer(t, &p)) != 0) {
		dlg_jset_str(t->trace, "product_resolution", how);
		dlg_jset_str(t->trace, "feature_question", "a yes-or-no "
		    "question about a feature of one product");
	}
	product_release(&p);
	return done;
}

/* Does the turn ask yes or no about a feature (for dlg-specask.c)? */
int
dlg_feature_yes_no(struct tctx *t)
{
	return asks_yes_no(t) && !said_outside(t, judged) &&
	    !said_outside(t, elsewhere) && !dlg_spec_amount_said(t);
}

/*
 * Is the turn nothing but a yes-or-no question about features the
 * product's listing or kind answers ("ok and does it support noise
 * cancelling?"), no stray word that could say a feeling?  A feeling
 * read into it is the model's mistake.
 */
int
dlg_feature_plain(struct tctx *t)
{
	struct product	 p;
	const char	*how;
	int		 yes;

	if (strchr(t->text, '!') != NULL || !dlg_feature_yes_no(t) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 1 ||
	    !feature_product(t, &p, &how))
		return 0;
	yes = dlg_feature_found(t, &p);
	product_release(&p);
	return yes;
}

/* Does a verb open a yes-or-no question in the turn ("does", "is")? */
int
dlg_feature_verb_said(struct tctx *t)
{
	return said_outside(t, verbs);
}

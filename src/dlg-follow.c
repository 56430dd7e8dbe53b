/*
 * dlg-follow.c owns what a turn leaves for the next one and what a
 * short follow-up means by it: a product named on a turn that did not
 * set the focus is in focus afterwards (dlg_focus_named, after the
 * policy), and the product question just answered is kept so that "the
 * Anker one then?" asks it again about the product now pointed at
 * (dlg_elliptic, before the policy).  "The black one", "the 55 inch
 * one" are the one product shown that the words describe
 * (dlg_described_reference, for dlg-refs.c).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

static void	remember_question(struct tctx *);

/*
 * Is the word before offset at one of words?  When it is, *start (if
 * not NULL) is where that word begins.
 */
static int
word_before(struct tctx *t, size_t at, const char *const *words,
    size_t *start)
{
	const char	*s = t->text;
	size_t		 b = at, a, k;

	while (b > 0 && !isalnum((unsigned char)s[b - 1]))
		b--;
	for (a = b; a > 0 && isalnum((unsigned char)s[a - 1]); a--)
		;
	for (k = 0; words[k] != NULL; k++)
		if (b > a && b - a == strlen(words[k]) &&
		    strncasecmp(s + a, words[k], b - a) == 0) {
			if (start != NULL)
				*start = a;
			return 1;
		}
	return 0;
}

/*
 * Is the name said as a kind, not as the product: "an ipad for my mom",
 * "will it charge a macbook pro 14", "and a tuf gaming a15?", or as a
 * device the customer has ("I have a MacBook"), which a question about
 * another product is often for.
 */
static int
said_as_kind(struct tctx *t, const struct entity *en)
{
	static const char *const kind[] = { "a", "an", "any", "another",
	    "some", NULL };

	return word_before(t, en->start, kind, NULL);
}

/* Has the text at [a, b) a run of three letters (not "65W" alone)? */
static int
has_word_run(const char *s, size_t a, size_t b)
{
	size_t	 run = 0;

	for (; a < b; a++) {
		run = isalpha((unsigned char)s[a]) ? run + 1 : 0;
		if (run >= 3)
			return 1;
	}
	return 0;
}

/*
 * After the policy: the question answered is remembered for "the Anker
 * one then?", and a product named in a turn that left the focus as it
 * was (the bot asked what for, or answered about an order) is in focus
 * from now:
 * "is the echo dot any good" then "how many are in stock".  Only one
 * product named, and not one matched on a number alone ("needs 65W" is
 * no power adapter) nor one said as a kind ("an ipad for my mom").  The focus top before the turn is before (NULL:
 * none).
 */
void
dlg_focus_named(struct tctx *t, const char *before)
{
	const char	*now = dlg_focus_top(t, 0);
	const struct entity *en;
	size_t		 i;

	const char	*sku = NULL;

	remember_question(t);
	if ((now == NULL) != (before == NULL) || (now != NULL &&
	    strcmp(now, before) != 0))
		return;		/* the turn set the focus itself */
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT || en->sku == NULL)
			continue;
		if (sku != NULL && strcmp(sku, en->sku) != 0)
			return;	/* several: which one is meant is unsure */
		if (!has_word_run(t->text, en->start, en->end) ||
		    said_as_kind(t, en) || dlg_context_device(t, en))
			return;
		sku = en->sku;
	}
	if (sku != NULL) {
		dlg_focus_push(t, sku);
		dlg_jset_str(t->trace, "focus_named", sku);
	}
}

/*
 * The question a turn answered about one product, kept for a follow-up
 * that only names another ("the Anker one then?", "what about the
 * samsung?"): state "asked" {text, intent, sku, at}.  Only a question
 * about the product in focus or named (not "the cheaper one", which
 * would pick again) and only for the next turn.
 */
static const char *const asked_actions[] = { "answer_attribute",
	"answer_price", "answer_stock", "answer_warranty", "show_specs",
	NULL };

/*
 * The question as it would be asked of any product: each product name
 * said (and a "the" before it) becomes "it" ("how much is the sony
 * wh-1000xm5" is "how much is it").  In q; returns q's text.
 */
static const char *
asked_text(struct tctx *t, struct sbuf *q)
{
	const struct entity *en;
	size_t		 at = 0, i, a;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT || en->start < at)
			continue;
		a = en->start;
		while (a > at && t->text[a - 1] == ' ')
			a--;
		if (a >= at + 3 && strncasecmp(t->text + a - 3, "the", 3) ==
		    0 && (a == at + 3 || !isalnum((unsigned char)
		    t->text[a - 4])))
			a -= 3;
		else
			a = en->start;
		sbuf_add(q, t->text + at, a - at);
		sbuf_adds(q, "it");
		at = en->end;
	}
	sbuf_add(q, t->text + at, t->len - at);
	return q->buf;
}

static void
remember_question(struct tctx *t)
{
	const char	*how = dlg_jstr(t->trace, "product_resolution");
	const char	*sku = dlg_focus_top(t, 0);
	struct sbuf	 q = SBUF_INIT;
	cJSON		*a;
	size_t		 i;

	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "asked");
	if (t->action == NULL || sku == NULL || how == NULL ||
	    (strcmp(how, "it") != 0 && strcmp(how, "focus") != 0 &&
	    strcmp(how, "named") != 0))
		return;
	for (i = 0; asked_actions[i] != NULL; i++)
		if (strcmp(t->action, asked_actions[i]) == 0)
			break;
	if (asked_actions[i] == NULL)
		return;
	a = cJSON_AddObjectToObject(t->state, "asked");
	cJSON_AddStringToObject(a, "text", asked_text(t, &q));
	sbuf_release(&q);
	cJSON_AddStringToObject(a, "sku", sku);
	cJSON_AddNumberToObject(a, "at", (double)t->si.turns);
}

/*
 * Is the message only another product pointed at, the question left
 * unsaid: short, no specification, price, order or buying word, no
 * question of its own beyond "what about"?
 */
static int
only_a_pointer(struct tctx *t)
{
	static const char *const own[] = { "how much", "how many", "what is",
	    "what's", "whats", "does", "do", "is", "are", "can", "which",
	    "why", "when", "where", "add", "buy", "cart", "take", "get",
	    "order", "return", "compare", "vs", "versus", "difference", NULL };
	static const char *const cues[] = { "then", "what about", "how about",
	    "and", "and the", "same for", "same question", NULL };
	struct text_token *tok = NULL;
	size_t		 cap = 0, n;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";

	n = text_tokenize(s, strlen(s), &tok, &cap);
	free(tok);
	return n <= 7 && dlg_first_entity(t, ENTITY_ATTRIBUTE) == NULL &&
	    dlg_first_entity(t, ENTITY_PRICE) == NULL &&
	    dlg_first_entity(t, ENTITY_ORDER_ID) == NULL &&
	    !dlg_has_any(t, own) && (dlg_has_any(t, cues) ||
	    strchr(t->text, '?') != NULL);
}

/*
 * "Hmm. the Anker one then?" right after "is it ok for running in the
 * rain?" about the Galaxy Buds: the same question about the product now
 * pointed at.  The turn goes on with the earlier question's text, read
 * again (intent, entities), and the new product in focus (names dropped
 * from the entities, so the question is about the focus).  1 when so.
 */
int
dlg_elliptic(struct tctx *t)
{
	cJSON		*a = cJSON_GetObjectItemCaseSensitive(t->state,
	    "asked"), *r;
	const char	*how = NULL, *sku = NULL, *text;
	const struct entity *en;
	char		*copy;
	size_t		 i, k;

	if (!cJSON_IsObject(a) || t->asked != NULL ||
	    t->si.turns - (long long)dlg_jnum(a, "at", -10) > 2 ||
	    (text = dlg_jstr(a, "text")) == NULL || !only_a_pointer(t))
		return 0;
	if ((en = dlg_subject_entity(t)) != NULL && en->sku != NULL)
		sku = (sku = dlg_loose_name(t, en)) != NULL ? sku : en->sku;
	else if (en == NULL && ((sku = dlg_resolve_reference(t, &how)) ==
	    NULL || how == NULL || strcmp(how, "it") == 0))
		sku = NULL;
	if (sku == NULL || strcmp(sku, dlg_jstr(a, "sku")) == 0)
		return 0;
	copy = xstrdup(sku);	/* sku may live in the trace redone here */
	r = dlg_ref_trace(t, "question-before",
	    "the question before, about another product");
	dlg_ref_candidate(r, dlg_jstr(a, "sku"));
	sku = dlg_ref_pick(r, copy);
	free(copy);
	dlg_jset_str(r, "asked", text);
	dlg_focus_push(t, sku);
	t->asked = xstrdup(text);
	t->text = t->asked;
	t->len = strlen(t->asked);
	text_fold(t->text, t->len, &t->fold);
	entity_extract(t->e->gz, t->text, t->len, &t->e->el);
	for (i = k = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type != ENTITY_PRODUCT &&
		    t->e->el.v[i].type != ENTITY_BRAND)
			t->e->el.v[k++] = t->e->el.v[i];
	t->e->el.n = k;
	/* The question's own reading, as on the turn it was asked. */
	intent_classify(t->e->im, t->text, t->len, &t->e->ir);
	dlg_set_intent(t, intent_names(NULL)[t->e->ir.id]);
	t->confidence = t->e->ir.confidence;
	return 1;
}

/*
 * The words said between "the" (or "that", "this") and "one": "the
 * black one", "the over-ear one".  Their span in *a, *b; 0 when none.
 */
static int
described_span(struct tctx *t, size_t *a, size_t *b)
{
	static const char *const lead[] = { "the", "that", "this", NULL };
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, k, j;
	int		 found = 0;

	n = text_tokenize(s, strlen(s), &tok, &cap);
	for (i = 1; i < n && !found; i++) {
		if (tok[i].end - tok[i].start != 3 ||
		    strncmp(s + tok[i].start, "one", 3) != 0)
			continue;
		/* At most three words back to the article. */
		for (k = i; k-- > 0 && i - k <= 4;) {
			for (j = 0; lead[j] != NULL; j++)
				if (tok[k].end - tok[k].start ==
				    strlen(lead[j]) && strncmp(s + tok[k].start,
				    lead[j], strlen(lead[j])) == 0)
					break;
			if (lead[j] != NULL) {
				if (k + 1 < i) {
					*a = tok[k + 1].start;
					*b = tok[i - 1].end;
					found = 1;
				}
				break;
			}
		}
	}
	free(tok);
	return found;
}

int
dlg_said_one(struct tctx *t)
{
	size_t	 a, b;

	return described_span(t, &a, &b);
}

/*
 * "The black one", "the wireless one", "the over-ear one": the one
 * product of the conversation whose name or specifications hold every
 * word said to describe it.  NULL when none or several do.
 */
const char *
dlg_described_reference(struct tctx *t)
{
	const char	*conv[CONV_MAX], *hit = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	struct product	 p;
	size_t		 a, b, cap = 0, nw, nc, i, k, len;
	int		 nhit = 0;
	char		*said;
	cJSON		*r;

	if (dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    !described_span(t, &a, &b) ||
	    (nc = dlg_conversation(t, conv, CONV_MAX)) < 2)
		return NULL;
	said = xstrndup(s + a, b - a);
	nw = text_tokenize(said, strlen(said), &tok, &cap);
	r = dlg_ref_trace(t, "description-in-conversation",
	    "description in conversation");
	for (i = 0; i < nc && nw > 0; i++) {
		dlg_ref_candidate(r, conv[i]);
		memset(&p, 0, sizeof p);
		if (!dlg_peek_product(t, conv[i], &p))
			continue;
		sbuf_reset(&f.s);
		text_fold(p.name, strlen(p.name), &f);
		sbuf_addc(&f.s, ' ');
		if (p.attrs != NULL) {
			struct text_folded fa = TEXT_FOLDED_INIT;

			text_fold(p.attrs, strlen(p.attrs), &fa);
			sbuf_adds(&f.s, fa.s.buf);
			text_folded_release(&fa);
		}
		for (k = 0; k < nw; k++) {
			len = tok[k].end - tok[k].start;
			if (!dlg_word_in(f.s.buf, said + tok[k].start, len))
				break;
		}
		if (k == nw) {
			hit = conv[i];
			nhit++;
		}
		product_release(&p);
	}
	free(tok);
	free(said);
	text_folded_release(&f);
	return nhit == 1 ? dlg_ref_pick(r, hit) : NULL;
}

/*
 * Is the message only a pointer at a product ("the hp", "and the
 * second?", "ok the black one"): at most two words besides fillers?
 * Whatever intent its few words suggest, it asks to see that product.
 */
int
dlg_only_pointer(struct tctx *t)
{
	static const char *const filler[] = { "ok", "okay", "and", "so",
	    "hmm", "um", "what", "about", "how", "then", "please", "pls",
	    "the", "that", "this", "one", "hey", "oh", "maybe", NULL };
	/* "Cheaper ones?", "only lenovo", "something lighter" narrow the
	 * list shown (dlg-recommend.c); they point at no one product. */
	static const char *const narrowing[] = { "ones", "only", "just",
	    "something", "anything", "any", "others", NULL };
	/* "Back to the sony", "the first one you showed": going back is
	 * no return, and what the bot showed is no new request. */
	static const char *const pairs[][2] = { { "back", "to" },
	    { "go", "back" }, { "going", "back" }, { "you", "showed" },
	    { "you", "mentioned" }, { "you", "listed" }, { "showed", "me" },
	    { "mentioned", "earlier" }, { "showed", "earlier" } };
	struct text_token *tok = NULL;
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	size_t		 cap = 0, n, i, k, rest = 0, len, said = 0;
	int		*pair;

	if (dlg_has_any(t, narrowing))
		return 0;
	n = text_tokenize(s, strlen(s), &tok, &cap);
	pair = xcalloc(n + 1, sizeof *pair);
	for (i = 0; i + 1 < n; i++)
		for (k = 0; k < sizeof pairs / sizeof pairs[0]; k++)
			if (tok[i].end - tok[i].start == strlen(pairs[k][0]) &&
			    strncmp(s + tok[i].start, pairs[k][0],
			    strlen(pairs[k][0])) == 0 && tok[i + 1].end -
			    tok[i + 1].start == strlen(pairs[k][1]) &&
			    strncmp(s + tok[i + 1].start, pairs[k][1],
			    strlen(pairs[k][1])) == 0)
				pair[i] = pair[i + 1] = 1;
	for (i = 0; i < n; i++) {
		len = tok[i].end - tok[i].start;
		said += pair[i];
		for (k = 0; filler[k] != NULL && !pair[i]; k++)
			if (strlen(filler[k]) == len &&
			    strncmp(filler[k], s + tok[i].start, len) == 0)
				break;
		rest += !pair[i] && filler[k] == NULL;
	}
	free(pair);
	free(tok);
	return n > 0 && n - said <= 7 && rest <= 2;
}

/*
 * Is a word of the message (beside the brand br, of three letters or
 * more) a word of name ("the samsung oled": "OLED")?  With name NULL:
 * is any such word a word of a name of the conversation's products?
 */
static int
name_said(struct tctx *t, const struct entity *br, const char *name)
{
	const char	*conv[CONV_MAX];
	const char	*s = t->fold.s.buf != NULL ? t->fold.s.buf : "";
	struct text_token *tok = NULL;
	struct text_folded f = TEXT_FOLDED_INIT;
	struct product	 p;
	size_t		 cap = 0, n, i, k, nc, len, a;
	int		 yes = 0;

	n = text_tokenize(s, strlen(s), &tok, &cap);
	nc = name != NULL ? 1 : dlg_conversation(t, conv, CONV_MAX);
	for (k = 0; k < nc && !yes; k++) {
		memset(&p, 0, sizeof p);
		if (name == NULL && !dlg_peek_product(t, conv[k], &p))
			continue;
		text_fold(name != NULL ? name : p.name, strlen(name != NULL ?
		    name : p.name), &f);
		for (i = 0; i < n && !yes; i++) {
			len = tok[i].end - tok[i].start;
			a = t->fold.map != NULL ? t->fold.map[tok[i].start] :
			    tok[i].start;
			if (len < 3 || tok[i].has_digit || (a >= br->start &&
			    a < br->end) || strncmp(s + tok[i].start, "the",
			    len) == 0 || strncmp(s + tok[i].start, "one",
			    len) == 0)
				continue;
			yes = dlg_word_in(f.s.buf, s + tok[i].start, len);
		}
		if (name == NULL)
			product_release(&p);
	}
	text_folded_release(&f);
	free(tok);
	return yes;
}

/*
 * Was sku the product discussed last, before the focus guard set aside
 * those of other brands (then "it" is sku for a reason)?
 */
static int
discussed(struct tctx *t, const char *sku)
{
	cJSON	*aside = cJSON_GetObjectItemCaseSensitive(t->state, "aside");
	cJSON	*top = cJSON_GetArrayItem(cJSON_GetObjectItemCaseSensitive(
	    aside, "focus"), 0);

	return !cJSON_IsString(top) || strcmp(top->valuestring, sku) == 0;
}

/*
 * "The asus one, refresh rate?" when two ASUS laptops were shown and
 * neither is the one just discussed: which is unclear, so the bot asks,
 * naming them, rather than answer about one of them (or another).  1
 * when asked.
 */
int
dlg_ask_which_shown(struct tctx *t)
{
	const struct entity *br = dlg_first_entity(t, ENTITY_BRAND);
	const char	*conv[CONV_MAX], *how = NULL, *sku;
	struct sbuf	 names = SBUF_INIT;
	struct product	 p;
	size_t		 nc, i, hit = 0;
	cJSON		*r;

	if (br == NULL || br->value == NULL ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    !dlg_said_as_thing(t, br->start, br->end) ||
	    ((sku = dlg_resolve_reference(t, &how)) != NULL &&
	    !(strcmp(how, "it") == 0 && !discussed(t, sku))))
		return 0;
	nc = dlg_conversation(t, conv, CONV_MAX);
	r = dlg_ref_trace(t, "brand-in-conversation-ask",
	    "brand in conversation: several, asked which");
	for (i = 0; i < nc; i++) {
		memset(&p, 0, sizeof p);
		if (!dlg_peek_product(t, conv[i], &p))
			continue;
		if (p.brand != NULL && strcasecmp(p.brand, br->value) == 0 &&
		    (!name_said(t, br, NULL) || name_said(t, br, p.name))) {
			dlg_ref_candidate(r, conv[i]);
			sbuf_addf(&names, "%s the %s", hit == 0 ? "" : " or",
			    p.name);
			hit++;
		}
		product_release(&p);
	}
	if (hit < 2) {
		sbuf_release(&names);
		return 0;
	}
	slots_set(&t->slots, "choices", names.buf);
	slots_set(&t->slots, "brand", br->value);
	dlg_set_action(t, "ask_which_product", "%zu products of %s shown; "
	    "none of them the one discussed", hit, br->value);
	dlg_say(t, "ask_which_product");
	sbuf_release(&names);
	return 1;
}

/*
 * dlg-yesno.c: a yes-or-no question about one feature of one product
 * ("does it have usb c", "is the screen in colour", "can I take it in
 * the pool", "is it stereo", "do they need an amp"), answered yes or no
 * with the listing's words that back it, or said to be unlisted.
 *
 * The customer's words, lightly stemmed, are looked for in the
 * product's own listing: its attribute values and keys first, then its
 * name, description and the owners' summary.  Found, the answer is yes,
 * unless a negation stands just before ("no subscription", "0 x HDMI
 * 2.1") or the value of the attribute the words name is itself a no
 * ("noise_cancelling": "no").  Not found, its opposite found ("mono" for
 * stereo, "monochrome" for colour, "wired" for wireless) is a no.  Not
 * found at all, the products of its kind say what it would be: when
 * others state the words under one attribute ("USB-C" among the ports)
 * and this one states that attribute without them, the answer is no and
 * the value is what it has instead; when this one states no such
 * attribute, the listing is silent and the reply says so.  No word
 * table lists the features: the catalog's keys and values are the
 * vocabulary.  Water ratings and headphone impedance are read as
 * amounts by dlg-yesamount.c.
 *
 * Whether a turn is such a question, before any action is considered
 * ("can I take it in the pool" is not "add it to my cart"), is
 * dlg-yesask.c's; dlg-specask.c asks dlg_feature_answer first for a
 * yes-or-no question it reads itself.  The word matching is
 * dlg-featword.c's.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"


/* How strong the evidence for a run of words is; higher wins. */
enum yn_kind {
	YN_NONE = 0,
	YN_NAMED,	/* a word names one of its keys ("stylus") */
	YN_KIND,	/* others of its kind state it under a key */
	YN_TEXT,	/* in its name, description or owners' summary */
	YN_KEY,		/* a word names a key whose value says yes/no */
	YN_VALUE,	/* in an attribute's value */
	YN_AMOUNT,	/* a water rating or an impedance, read */
};

/* The answer found. */
struct yn {
	enum yn_kind	 kind;
	int		 verdict;	/* 1 yes, 0 no, -1 not listed */
	char		*key;		/* attribute backing it, or NULL */
	char		*value;		/* its value, or the clause */
	char		*feature;	/* the feature as the listing writes
					   it, or as the customer did */
	const char	*tpl;		/* template to say it with */
	size_t		 df;		/* products of its kind that state
					   the words: fewer, more telling */
	int		 by_key;	/* the words named an attribute,
					   not a thing in a value */
};

/* Words that ask, say who or where, or nothing about a feature. */
static const char *const yn_stop[] = { "a", "an", "the", "i", "it", "its",
	"it's", "is", "are", "was", "be", "does", "do", "did", "can", "could",
	"will", "would", "should", "has", "have", "had", "got", "get", "go",
	"take", "use", "using", "put", "bring", "come", "comes", "with",
	"in", "on", "at", "to", "into", "of", "for", "from", "by", "and",
	"or", "but", "so", "if", "then", "also", "too", "ok", "okay", "and",
	"hmm", "um", "oh", "well", "hi", "hey", "thanks", "thx", "please",
	"pls", "plz", "you", "your", "my", "mine", "me", "we", "our", "us",
	"they", "them", "their", "these", "those", "this", "that", "one",
	"ones", "other", "first", "second", "third", "last", "there",
	"any", "some", "still", "really", "actually", "just", "like",
	"yes", "yeah", "no", "not", "dont", "don't", "doesnt", "doesn't",
	"isnt", "isn't", "cant", "can't", "wont", "won't", "able", "way",
	"need", "needs", "want", "wondering", "curious", "know", "tell",
	"question", "quick", "thing", "right", "cool", "nice", "great",
	"fine", "alright", "sure", "wait", "lol", "pair", "work", "works",
	"say", "said", "kind", "sort", "type", "am", "im", "i'm", "by",
	"even", "both", "each", "all", "much", "many", "lot", "fully",
	"as", "well", "yet", "ever", "an", "maybe", "probably", "guess",
	"about", "there's", "theres", "though", "tho", "exactly", NULL };


/* Features, and words of a listing that state them (same) or state
 * their absence. */
static const struct {
	const char	*word;		/* the customer's, stemmed */
	const char	*alt;		/* in a listing */
	int		 same;		/* 1: alt says the same */
} opposites[] = {
	{ "stereo", "mono", 0 }, { "stereo", "stereophonic", 1 },
	{ "color", "monochrome", 0 },
	{ "color", "black and white", 0 }, { "wireless", "wired", 0 },
	{ "bluetooth", "wired", 0 }, { "closed", "open", 0 },
	{ "open", "closed", 0 }, { "managed", "unmanaged", 0 },
	{ "subscription", "one time", 0 }, { "subscription", "perpetual", 0 },
	{ "once", "subscription", 0 }, { "once", "one time", 1 },
	{ "once", "perpetual", 1 }, { "lifetime", "perpetual", 1 },
	{ "monthly", "subscription", 1 }, { "yearly", "subscription", 1 },
	{ "annual", "subscription", 1 }, { "recurring", "subscription", 1 },
	{ "color", "amoled", 1 }, { "color", "oled", 1 }, { "color", "lcd", 1 },
	{ "color", "retina", 1 }, { "color", "ips", 1 },
	{ "year", "perpetual", 0 }, { "yearly", "perpetual", 0 },
	{ "monthly", "perpetual", 0 }, { "annual", "perpetual", 0 },
	{ "renew", "perpetual", 0 }, { "year", "one time", 0 },
	{ "yearly", "one time", 0 }, { "monthly", "one time", 0 },
};


/* The customer's words that may name a feature: runs of words outside
 * the product names and the stop words, as [start, end) of q's words. */
struct runs {
	size_t		 start[16];
	size_t		 end[16];
	size_t		 n;
};


/* Does q say a colour a product of the kind comes in ("in blue", "the
 * black one")?  Colours are the variant steps' (dlg-offers.c). */
static int
colour_said(const struct dlg_fw_kind *kd, const struct dlg_fw_text *q)
{
	struct dlg_fw_text	 hv;
	size_t		 i, j, last;
	char		*v;
	int		 yes = 0;

	for (j = 0; j < kd->n && !yes; j++) {
		if ((v = catalog_attr(&kd->v[j], "color")) == NULL)
			continue;
		dlg_fw_text_init(&hv, v);
		for (i = 0; i < q->n && !yes; i++)
			yes = !dlg_fw_in(DLG_FW_TOK(q, i), DLG_FW_LEN(q, i), yn_stop) &&
			    dlg_fw_find(&hv, q, i, 1, &last) >= 0;
		dlg_fw_text_free(&hv);
		free(v);
	}
	return yes;
}

/*
 * "Macbook color?", "what colour is it": its own colour asked, the
 * variant steps' (dlg-offers.c), when it states one and no other of its
 * attributes is named beside ("is the screen in colour").
 */
static int
own_colour(const struct product *p, const struct dlg_fw_text *q)
{
	cJSON	*root;
	size_t	 i;
	int	 colour = 0, other = 0, has;

	root = cJSON_Parse(p->attrs);
	has = cJSON_HasObjectItem(root, "color");
	cJSON_Delete(root);
	if (!has)
		return 0;
	for (i = 0; i < q->n; i++) {
		if (dlg_fw_same_word(DLG_FW_TOK(q, i), DLG_FW_LEN(q, i), "color", 5))
			colour = 1;
		else if (!dlg_fw_in(DLG_FW_TOK(q, i), DLG_FW_LEN(q, i), yn_stop) &&
		    dlg_fw_names_own_key(p, q, i, 1))
			other = 1;
	}
	return colour && !other;
}


/* Does the text between word i - 1 and word i part two phrases (more
 * than a space or a hyphen, or a point inside a number)? */
static int
gap_breaks(const struct dlg_fw_text *q, size_t i)
{
	size_t	 a = q->tok[i - 1].end, b = q->tok[i].start;

	/* "5.2", "3.5mm": one word. */
	if (b == a + 1 && (q->f.s.buf[a] == '.' || q->f.s.buf[a] == '-'))
		return 0;
	for (; a < b; a++)
		if (q->f.s.buf[a] != ' ' && q->f.s.buf[a] != '-')
			return 1;
	return 0;
}


static void
feature_runs(struct tctx *t, const struct dlg_fw_text *q, const struct product *p,
    const char *name, const struct dlg_fw_kind *kd, struct runs *r)
{
	size_t	 i, a, b;
	int	 open = 0, skip;

	memset(r, 0, sizeof *r);
	for (i = 0; i < q->n; i++) {
		a = q->f.map[q->tok[i].start];
		b = q->f.map[q->tok[i].end];
		/* A word of its name is no feature asked ("does the SE
		 * do ECG", "the case for iPhone 15"), unless one its kind
		 * states and its attributes do not ("GPS"). */
		skip = dlg_fw_in(DLG_FW_TOK(q, i), DLG_FW_LEN(q, i), yn_stop) ||
		    dlg_fw_in_entity(t, a, b) || (q->tok[i].has_alpha &&
		    dlg_word_in(name, DLG_FW_TOK(q, i), DLG_FW_LEN(q, i)) &&
		    (!dlg_fw_kind_knows(kd, q, i) || dlg_fw_states(p, q, i)));
		if (skip) {
			if (open)
				r->n++;
			open = 0;
			continue;
		}
		if (r->n == sizeof r->start / sizeof r->start[0])
			break;
		/* "pen / stylus", "camera? privacy": two things asked. */
		if (open && i > 0 && gap_breaks(q, i)) {
			r->n++;
			open = 0;
		}
		if (!open)
			r->start[r->n] = i;
		r->end[r->n] = i + 1;
		open = 1;
	}
	if (open)
		r->n++;
}

static void
yn_clear(struct yn *y)
{
	free(y->key);
	free(y->value);
	free(y->feature);
	memset(y, 0, sizeof *y);
}

/* Keep the better of the two answers in best. */
static void
yn_offer(struct yn *best, struct yn *y)
{
	/* "Can it print in colour": every printer prints; the rarer
	 * feature among its kind is the one asked. */
	if (y->kind > best->kind || (y->kind == best->kind &&
	    y->kind != YN_NONE && y->df < best->df)) {
		yn_clear(best);
		*best = *y;
		memset(y, 0, sizeof *y);
	} else
		yn_clear(y);
}

/* The words [from, to) of the text as the customer wrote them. */
static char *
said(const struct dlg_fw_text *q, const char *text, size_t from, size_t to)
{
	size_t	 a = q->f.map[q->tok[from].start];
	size_t	 b = q->f.map[q->tok[to - 1].end];

	return xstrndup(text + a, b - a);
}


/*
 * The customer's words [from, from + k) looked for in p's attributes:
 * in a value (yes, or no when negated), or naming a key whose value
 * says yes or no.
 */
static void
in_attrs(const struct product *p, const struct dlg_fw_text *q, size_t from,
    size_t k, const char *asked, struct yn *best)
{
	cJSON		*root = cJSON_Parse(p->attrs), *it;
	struct dlg_fw_text	 hv;
	struct yn	 y;
	size_t		 last;
	long		 at;
	char		*v;
	int		 named = dlg_fw_names_own_key(p, q, from, k);

	cJSON_ArrayForEach(it, root) {
		if (it->string == NULL || strcmp(it->string, "color") == 0 ||
		    (v = catalog_attr(p, it->string)) == NULL)
			continue;
		memset(&y, 0, sizeof y);
		dlg_fw_text_init(&hv, v);
		/* Words naming one of its attributes are asked of that
		 * one: "screen" of the screen, not of the battery's
		 * "screen-on time". */
		if ((!named || dlg_fw_key_named(it->string, q, from, k)) &&
		    (at = dlg_fw_find(&hv, q, from, k, &last)) >= 0) {
			y.kind = YN_VALUE;
			y.verdict = !dlg_fw_negated(&hv, at);
			y.feature = dlg_fw_written(&hv, v, (size_t)at, last);
		} else if (dlg_fw_key_named(it->string, q, from, k)) {
			y.kind = dlg_fw_says_no(v) || dlg_value_has(v, "yes") ?
			    YN_KEY : YN_NAMED;
			y.verdict = !dlg_fw_says_no(v);
			y.feature = xstrdup(asked);
		}
		dlg_fw_text_free(&hv);
		if (y.kind != YN_NONE) {
			y.key = xstrdup(it->string);
			y.value = v;
			y.tpl = y.verdict ? "feature_yes" : "feature_no";
			yn_offer(best, &y);
		} else
			free(v);
	}
	cJSON_Delete(root);
}


/* The words [from, from + k) in p's name, description or owners'
 * summary: the clause that says it. */
static void
in_text(const struct product *p, const struct dlg_fw_text *q, size_t from,
    size_t k, const char *asked, struct yn *best, int reviews)
{
	const char *const texts[] = { p->name, p->description,
	    p->review_summary };
	struct dlg_fw_text	 ht;
	struct yn	 y;
	size_t		 i, last;
	long		 at;

	/* Words naming one of its attributes ("camera" of a display
	 * with a camera) are asked of that attribute, not of a sentence
	 * that mentions them. */
	if (dlg_fw_names_own_key(p, q, from, k))
		return;
	for (i = 0; i < 3 && best->kind < YN_TEXT; i++) {
		if (texts[i] == NULL)
			continue;
		dlg_fw_text_init(&ht, texts[i]);
		/* Owners tell how they use it ("about 35 hours per charge"
		 * is no charging of a phone): their words say a feature
		 * only to deny it ("mono only"), or its opposite. */
		if ((at = dlg_fw_find(&ht, q, from, k, &last)) >= 0 &&
		    (i < 2 || reviews || dlg_fw_negated(&ht, at))) {
			memset(&y, 0, sizeof y);
			y.kind = YN_TEXT;
			y.verdict = !dlg_fw_negated(&ht, at);
			y.value = i == 0 ? xstrdup(p->name) :
			    dlg_fw_clause(texts[i], ht.f.map[ht.tok[at].start]);
			y.feature = i == 0 ? dlg_fw_written(&ht, texts[0],
			    (size_t)at, last) : xstrdup(asked);
			y.key = xstrdup(i == 0 ? "name" : i == 1 ?
			    "description" : "review_summary");
			y.tpl = i == 0 ? (y.verdict ? "feature_yes_name" :
			    "feature_no_text") : y.verdict ?
			    "feature_yes_text" : "feature_no_text";
			yn_offer(best, &y);
		}
		dlg_fw_text_free(&ht);
	}
}

/*
 * Others of p's kind state the words [from, from + k) under a key: p
 * stating that key without them has something else (no); p not stating
 * it is silent (not listed).
 */
static void
in_kind(const struct dlg_fw_kind *kd, const struct product *p,
    const struct dlg_fw_text *q, size_t from, size_t k, const char *asked,
    struct yn *best)
{
	struct dlg_fw_text	 hv;
	struct yn	 y;
	cJSON		*root, *it, *mine_keys;
	size_t		 i, last;
	char		*val, *key = NULL, *mine, *f;
	long		 at;
	int		 good = 0, by_key = 0;

	if (best->kind >= YN_NAMED)
		return;	/* p's own listing answers */
	mine_keys = cJSON_Parse(p->attrs);
	memset(&y, 0, sizeof y);
	/* The first key others state the words under; better, one p
	 * states as a list, whose value then says what it has instead. */
	for (i = 0; i < kd->n && !good; i++) {
		root = cJSON_Parse(kd->v[i].attrs);
		cJSON_ArrayForEach(it, root) {
			/* A device list ("Android 11+ phones") says
			 * what it works with, no feature it has. */
			if (good || it->string == NULL ||
			    strcmp(it->string, "color") == 0 ||
			    strstr(it->string, "compatib") != NULL ||
			    strcmp(it->string, "works_with") == 0 ||
			    (key != NULL && strcmp(key, it->string) == 0) ||
			    (val = catalog_attr(&kd->v[i], it->string)) ==
			    NULL)
				continue;
			dlg_fw_text_init(&hv, val);
			f = NULL;
			if ((at = dlg_fw_find(&hv, q, from, k, &last)) >= 0 &&
			    !dlg_fw_negated(&hv, at))
				f = dlg_fw_written(&hv, val, (size_t)at, last);
			else if (dlg_fw_key_named(it->string, q, from, k) &&
			    !dlg_fw_says_no(val) && !cJSON_HasObjectItem(mine_keys,
			    it->string))
				/* "Stylus" of tablets: a key others state
				 * and p does not. */
				f = xstrdup(asked), by_key = 1;
			if (f != NULL) {
				mine = catalog_attr(p, it->string);
				good = mine != NULL && dlg_fw_lists(mine);
				free(mine);
				if (key == NULL || good) {
					free(key);
					free(y.feature);
					key = xstrdup(it->string);
					y.feature = f;
				} else
					free(f);
			}
			dlg_fw_text_free(&hv);
			free(val);
		}
		cJSON_Delete(root);
	}
	cJSON_Delete(mine_keys);
	if (key == NULL)
		return;
	y.kind = YN_KIND;
	y.key = key;
	y.by_key = by_key || dlg_fw_key_named(key, q, from, k);
	/* Its value lacking the words is a no only where the value lists
	 * what it has, or states another version: "1.3\" Super AMOLED"
	 * says nothing of colour. */
	if ((mine = catalog_attr(p, key)) != NULL && (dlg_fw_lists(mine) ||
	    dlg_fw_other_version(mine, q, from, k))) {
		y.verdict = 0;
		y.value = mine;
		y.tpl = "feature_no_other";
	} else {
		free(mine);
		/* Said as the customer did, with the key's name when the
		 * words were a value's ("pen (stylus)"). */
		struct sbuf	 fs = SBUF_INIT;

		sbuf_adds(&fs, asked);
		if (!dlg_fw_key_named(key, q, from, k)) {
			sbuf_adds(&fs, " (");
			dlg_spec_key_said(key, &fs);
			sbuf_adds(&fs, ")");
		}
		y.verdict = -1;
		free(y.feature);
		y.feature = sbuf_detach(&fs, NULL);
		/* "Stabilization" named, none stated: the attribute's
		 * details are not listed. */
		y.tpl = dlg_fw_key_named(key, q, from, k) ? "attribute_unknown" :
		    "feature_unknown";
	}
	yn_offer(best, &y);
}

/* The words [from, from + k) with one replaced by its opposite
 * ("closed back" is "open back"), looked for in p: found, a no; or by
 * a word that says the same ("yearly", "subscription"). */
static void
opposite(const struct product *p, const struct dlg_fw_text *q, size_t from,
    size_t k, const char *asked, struct yn *best)
{
	struct sbuf	 alt = SBUF_INIT;
	struct dlg_fw_text	 aq;
	struct yn	 y;
	size_t		 i, m;

	for (i = 0; i < sizeof opposites / sizeof opposites[0]; i++)
		for (m = from; m < from + k; m++) {
			if (!dlg_fw_same_word(DLG_FW_TOK(q, m), DLG_FW_LEN(q, m),
			    opposites[i].word, strlen(opposites[i].word)))
				continue;
			sbuf_reset(&alt);
			sbuf_add(&alt, q->f.s.buf + q->tok[from].start,
			    q->tok[m].start - q->tok[from].start);
			sbuf_adds(&alt, opposites[i].alt);
			sbuf_add(&alt, q->f.s.buf + q->tok[m].end,
			    q->tok[from + k - 1].end - q->tok[m].end);
			dlg_fw_text_init(&aq, alt.buf);
			memset(&y, 0, sizeof y);
			in_attrs(p, &aq, 0, aq.n, asked, &y);
			if (y.kind < YN_VALUE)
				in_text(p, &aq, 0, aq.n, asked, &y, 1);
			dlg_fw_text_free(&aq);
			/* The same said otherwise answers as it does. */
			if (opposites[i].same && y.kind >= YN_NAMED) {
				if (y.feature == NULL)
					y.feature = xstrdup(asked);
				yn_offer(best, &y);
			/* The opposite stated (not negated) answers no. */
			} else if (y.kind >= YN_TEXT && y.verdict == 1) {
				y.verdict = 0;
				y.tpl = y.kind == YN_VALUE ? "feature_no" :
				    "feature_no_text";
				yn_offer(best, &y);
			} else
				yn_clear(&y);
		}
	sbuf_release(&alt);
}

/* Does one of q's words [from, from + k) hold a letter ("5 2" of
 * "Bluetooth 5.2" asks nothing alone)? */
static int
any_alpha(const struct dlg_fw_text *q, size_t from, size_t k)
{
	size_t	 m;

	for (m = from; m < from + k; m++)
		if (q->tok[m].has_alpha)
			return 1;
	return 0;
}

/* Words beside a feature that ask nothing more ("ecg readings",
 * "bluetooth support"). */
static const char *const beside[] = { "reading", "readings", "support",
	"supported", "feature", "features", "function", "functions", "mode",
	"modes", "option", "options", "built", "builtin", "capability",
	"capable", "tech", "technology", "connection", "connectivity",
	"ability", "rating", "rated", "proof", "compatible", NULL };

/* Are q's words [from, from + k) all words beside a feature ("built
 * in" of "gps built in"), no feature themselves? */
static int
only_beside(const struct dlg_fw_text *q, size_t from, size_t k)
{
	size_t	 m;

	for (m = from; m < from + k; m++)
		if (!dlg_fw_in(DLG_FW_TOK(q, m), DLG_FW_LEN(q, m), beside))
			return 0;
	return 1;
}

/*
 * Do the run's words outside [from, from + k) ask nothing the answer y
 * does not cover: each names y's key, is in y's value, or asks nothing
 * more ("screen" of "is the screen colour"; not "removable" of "is the
 * battery removable")?
 */
static int
covered(const struct yn *y, const struct dlg_fw_kind *kd, const char *name,
    const struct dlg_fw_text *q, size_t rs, size_t re, size_t from, size_t k)
{
	struct dlg_fw_text	 hv;
	size_t		 m, last;
	int		 ok = 1;

	if (y->value != NULL)
		dlg_fw_text_init(&hv, y->value);
	else
		memset(&hv, 0, sizeof hv);
	for (m = rs; m < re && ok; m++) {
		if (m >= from && m < from + k)
			continue;
		/* A word no product of its kind states ("send" of "send
		 * faxes") asks nothing more, beside a value found ("aptX" of
		 * "aptX adaptive" does); beside a key only named ("battery"
		 * of "battery removable") it may. */
		ok = dlg_fw_in(DLG_FW_TOK(q, m), DLG_FW_LEN(q, m), beside) ||
		    (q->tok[m].has_alpha && dlg_word_in(name, DLG_FW_TOK(q, m),
		    DLG_FW_LEN(q, m))) ||
		    (y->key != NULL && dlg_fw_key_named(y->key, q, m, 1)) ||
		    (y->value != NULL &&
		    dlg_fw_find(&hv, q, m, 1, &last) >= 0) ||
		    (y->kind != YN_NAMED && y->kind != YN_KEY &&
		    !q->tok[m].has_digit && !dlg_fw_kind_knows(kd, q, m));
	}
	if (y->value != NULL)
		dlg_fw_text_free(&hv);
	return ok;
}

/*
 * What p's listing says to the feature the turn asks about, into best
 * (kind YN_NONE: the words name nothing it or its kind states); the
 * number of runs of the customer's words that found nothing.
 */
static size_t
feature_find(struct tctx *t, const struct product *p, struct yn *best)
{
	struct dlg_fw_text	 q;
	struct runs	 r;
	struct dlg_fw_kind	 kd;
	struct yn	 y;
	struct dlg_amount amount;
	struct text_folded name = TEXT_FOLDED_INIT;
	size_t		 i, k, from, len, stray = 0;
	int		 found;
	char		*asked;

	memset(best, 0, sizeof *best);
	memset(&kd, 0, sizeof kd);
	dlg_fw_text_init(&q, t->text);
	/* Water asked of a listing with no rating: the specification
	 * steps say it is not stated. */
	switch (dlg_amount_read(p, &q, &amount)) {
	case -1:
		goto out;
	case 1:
		best->kind = YN_AMOUNT;
		best->verdict = amount.verdict;
		best->key = amount.key;
		best->value = amount.value;
		best->tpl = amount.tpl;
		goto out;
	default:
		break;
	}
	dlg_fw_kind_read(t, p, &kd);
	if (colour_said(&kd, &q) || own_colour(p, &q))
		goto out;
	text_fold(p->name, strlen(p->name), &name);
	feature_runs(t, &q, p, name.s.buf, &kd, &r);
	for (i = 0; i < r.n; i++) {
		len = r.end[i] - r.start[i];
		found = 0;
		/* The whole run first ("closed back", "usb c"), then fewer
		 * of its words ("colour" of "screen colour"). */
		for (k = len; k > 0; k--)
			for (from = r.start[i]; from + k <= r.end[i];
			    from++) {
				if ((k == 1 && DLG_FW_LEN(&q, from) < 2) ||
				    !any_alpha(&q, from, k) ||
				    only_beside(&q, from, k))
					continue;
				asked = said(&q, t->text, from, from + k);
				memset(&y, 0, sizeof y);
				in_attrs(p, &q, from, k, asked, &y);
				opposite(p, &q, from, k, asked, &y);
				if (y.kind < YN_TEXT)
					in_text(p, &q, from, k, asked, &y, 0);
				in_kind(&kd, p, &q, from, k, asked, &y);
				/* Not listed is said of the whole run
				 * only ("final cut pro" is no "pro"). */
				if (y.kind != YN_NONE && (k == len ||
				    (y.verdict >= 0 && covered(&y, &kd,
				    name.s.buf, &q, r.start[i], r.end[i], from,
				    k)))) {
					y.df = dlg_fw_kind_df(&kd, &q, from, k);
					found = 1;
					yn_offer(best, &y);
				} else
					yn_clear(&y);
				free(asked);
			}
		stray += !found;
	}
out:
	dlg_fw_kind_free(&kd);
	dlg_fw_text_free(&q);
	text_folded_release(&name);
	return stray;
}

/*
 * Say the answer to a yes-or-no question about a feature of p: 1 when
 * the listing or its kind's answers it (yes, no, or not listed), 0
 * when the words name nothing found (nothing said).
 */
int
dlg_feature_answer(struct tctx *t, const struct product *p)
{
	struct yn	 y;
	struct sbuf	 backing = SBUF_INIT;

	feature_find(t, p, &y);
	/* A key named whose value is an amount ("screen_size_in") is
	 * the specification steps' to state. */
	/* Said without a verb ("usb-c?"), only a thing found in a value
	 * (its own, or others' it lacks) answers: "connectivity?" or
	 * "mount?" asks what it is, the specification steps' to state. */
	if (y.kind == YN_NONE || (y.kind == YN_NAMED && y.value != NULL &&
	    dlg_fw_is_amount(y.value)) || (!dlg_feature_verb_said(t) &&
	    y.kind != YN_VALUE && y.kind != YN_KEY && y.kind != YN_AMOUNT &&
	    (y.kind != YN_KIND || y.verdict != 0 || y.by_key))) {
		yn_clear(&y);
		return 0;
	}
	if (y.kind == YN_TEXT || y.kind == YN_AMOUNT)
		sbuf_adds(&backing, y.value != NULL ? y.value : "");
	else if (y.value != NULL)
		dlg_spec_phrase(&backing, y.key, y.value);
	dlg_product_slots(t, p, "");
	if (y.key != NULL) {
		struct sbuf	 said = SBUF_INIT;

		dlg_spec_key_said(y.key, &said);
		slots_set(&t->slots, "attribute", said.buf);
		sbuf_release(&said);
	}
	slots_set(&t->slots, "feature", y.feature != NULL ? y.feature : "");
	slots_set(&t->slots, "backing", backing.buf);
	slots_set(&t->slots, "value", y.value != NULL ? y.value : "");
	dlg_cite(t, "product", p->sku, p->name, y.key != NULL ? y.key :
	    "attrs");
	dlg_focus_push(t, p->sku);
	dlg_set_action(t, "answer_attribute", "%s %s: %s by %s \"%s\"", p->sku,
	    y.feature != NULL ? y.feature : "", y.verdict > 0 ? "yes" :
	    y.verdict == 0 ? "no" : "not listed", y.key != NULL ? y.key :
	    "-", y.value != NULL ? y.value : "");
	dlg_jset_num(t->trace, "feature_evidence", y.kind);
	/* "A subscription or do I pay once": either way, what it is,
	 * not a yes or a no to one of the two. */
	if (dlg_has_word(t, "or") && y.verdict >= 0 && y.kind != YN_AMOUNT)
		y.tpl = y.kind == YN_TEXT ? (strcmp(y.key, "name") == 0 ?
		    "feature_state_name" : "feature_state_text") :
		    "feature_state";
	dlg_say(t, y.tpl);
	yn_clear(&y);
	sbuf_release(&backing);
	return 1;
}


/* Does the listing or its kind answer every feature the turn names
 * (for dlg_feature_plain)? */
int
dlg_feature_found(struct tctx *t, const struct product *p)
{
	struct yn	 y;
	size_t		 stray;
	enum yn_kind	 kind;

	stray = feature_find(t, p, &y);
	kind = y.kind;
	yn_clear(&y);
	return kind >= YN_KIND && stray == 0;
}


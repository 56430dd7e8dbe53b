/*
 * dlg-suit.c: "is the sony zv-e10 any good for vlogging?", "would it
 * suit a small flat", "is the c4 worth 400 more for gaming": whether one
 * product suits a purpose.  The answer is what its listing says about
 * that purpose, never an opinion of our own: the sentences of the
 * description and of the owners' review summary that hold the words of
 * the purpose (folded, stemmed, glued as dlg-featword.c matches them,
 * and the store's synonyms of each word), then the owners' common
 * complaints, which a buyer weighing a purpose wants to hear.  When no
 * sentence speaks to the purpose, the reply says so and gives the
 * owners' summary instead of a guess.  "Worth N more" weighs it against
 * the other product of the conversation: the attributes where the two
 * listings differ.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "search.h"
#include "dlg-int.h"

#define PICK_MAX	3	/* sentences quoted about the purpose */
#define SENT_MAX	48	/* sentences read of one text */
#define DIFF_MAX	5	/* attributes told where two differ */
#define SYN_MAX		8	/* synonyms added per word of a purpose */

/*
 * What asks whether a product suits a purpose; the purpose follows.
 * One signal only: the product must be named or in focus, and the
 * purpose's words are matched against the listing, not against a list.
 */
static const char *const frames[] = { "any good for", "good for",
	"great for", "ok for", "okay for", "decent for", "fine for",
	"worth it for", "suitable for", "suited for", "suited to", "suit",
	"suits", "ideal for", "enough for", "how is it for", "hows it for",
	"how's it for", "for", NULL };

/*
 * Word stems by which a review summary tells its owners' complaints
 * ("Common complaints:", "Criticism centres on", "On the downside",
 * "A few buyers point out").
 */
static const char *const complaint_stems[] = { "complain", "critic",
	"negative", "downside", "drawback", "gripe", "point out", NULL };

/* Does the sentence [s, s + n) tell complaints? */
static int
tells_complaints(const char *s, size_t n)
{
	const char *const *c;
	size_t		 i, k;

	for (c = complaint_stems; *c != NULL; c++) {
		k = strlen(*c);
		for (i = 0; i + k <= n; i++)
			if (strncasecmp(s + i, *c, k) == 0 && (i == 0 ||
			    !isalpha((unsigned char)s[i - 1])))
				return 1;
	}
	return 0;
}

/* Is [a, b) of the text inside a product, brand or kind the customer
 * named (a name is no purpose)? */
static int
in_name(struct tctx *t, size_t a, size_t b)
{
	size_t	 i;
	const struct entity *en;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if ((en->type == ENTITY_PRODUCT || en->type == ENTITY_BRAND ||
		    en->type == ENTITY_PRICE || en->type == ENTITY_QUANTITY) &&
		    a < en->end && en->start < b)
			return 1;
	}
	return 0;
}

/*
 * Is the clause around byte at a question: it ends with "?" ("the g15,
 * good for uni?") or opens with a word that asks ("is the c4 worth 400
 * more for gaming, i have a ps5").  "My dell is fine for work but I
 * want..." tells, it does not ask.
 */
static int
asked_clause(struct tctx *t, size_t at)
{
	static const char *const openers[] = { "is", "are", "would", "will",
	    "does", "do", "how", "hows", "how's", "could", "can", "any",
	    "and", "so", "but", NULL };
	const char	*s = t->text;
	size_t		 a = at, b = at, e;
	char		*w, *c;
	int		 yes;

	while (a > 0 && strchr(".!?", s[a - 1]) == NULL &&
	    !(s[a - 1] == ',' && a < at))
		a--;
	while (b < t->len && strchr(".!?", s[b]) == NULL)
		b++;
	if (b < t->len && s[b] == '?')
		return 1;
	while (a < at && !isalnum((unsigned char)s[a]))
		a++;
	for (e = a; e < at && (isalnum((unsigned char)s[e]) || s[e] == '\'');
	    e++)
		;
	w = xstrndup(s + a, e - a);
	for (c = w; *c != '\0'; c++)
		*c = (char)tolower((unsigned char)*c);
	yes = dlg_fw_in(w, e - a, openers);
	free(w);
	return yes;
}

/*
 * Where the purpose starts in the text (after "good for", "suit"...),
 * or 0; *worth when the turn weighs the price against another ("worth
 * 400 more").
 */
static size_t
purpose_at(struct tctx *t, int *worth)
{
	const char	*s = t->text, *f;
	size_t		 i, n, len = t->len;
	const char *const *fr;

	*worth = 0;
	for (fr = frames; *fr != NULL; fr++) {
		n = strlen(*fr);
		for (i = 0; i + n <= len; i++) {
			if (strncasecmp(s + i, *fr, n) != 0 || (i > 0 &&
			    isalnum((unsigned char)s[i - 1])) || (i + n < len &&
			    isalnum((unsigned char)s[i + n])))
				continue;
			if (strcmp(*fr, "for") == 0) {
				/* "worth 400 more for": the bare "for" only
				 * after "worth". */
				f = NULL;
				if (i >= 6)
					f = strstr(s, "worth");
				if (f == NULL || (size_t)(f - s) > i)
					continue;
				*worth = 1;
			}
			if (in_name(t, i, i + n) || !asked_clause(t, i))
				continue;
			return i + n;
		}
	}
	return 0;
}

/* Does the store's synonym table give syn for the word? Collects. */
static int
on_synonym(void *arg, const char *term, const char *syn, const char *src)
{
	struct sbuf	*sb = arg;

	(void)term;
	(void)src;
	sbuf_addf(sb, " %s", syn);
	return 0;
}

/*
 * The purpose's words from byte at on (names and fillers left out),
 * with the store's synonyms of each, into words; the purpose as said
 * (its first clause) into said.  0 when no word is left.
 */
static int
purpose_words(struct tctx *t, size_t at, struct sbuf *words,
    struct sbuf *said)
{
	struct text_token *tok = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 cap = 0, n, i, end;
	char		*w;
	int		 kept = 0;

	for (end = at; end < t->len && strchr(".?!,;", t->text[end]) ==
	    NULL; end++)
		;
	sbuf_add(said, t->text + at, end - at);
	sbuf_trim(said);
	n = text_tokenize(t->text, t->len, &tok, &cap);
	dlg_retrieve_begin(t);
	for (i = 0; i < n; i++) {
		if (tok[i].start < at || in_name(t, tok[i].start, tok[i].end) ||
		    tok[i].end - tok[i].start < 3)
			continue;
		w = xstrndup(t->text + tok[i].start, tok[i].end -
		    tok[i].start);
		for (char *c = w; *c != '\0'; c++)
			*c = (char)tolower((unsigned char)*c);
		if (!search_is_stopword(w)) {
			sbuf_addf(words, " %s", w);
			if (synonyms_list(t->st, w, on_synonym, words, &err) !=
			    SD_OK)
				sd_error_clear(&err);
			kept++;
		}
		free(w);
	}
	dlg_retrieve_end(t);
	free(tok);
	return kept > 0;
}

/*
 * Does hay hold a word of the same root as w, past what the stemmer
 * undoes ("vlogger" and "vlogging-focused", "photos" and "photography"):
 * both long words sharing their first ROOT_MIN letters.
 */
#define ROOT_MIN	5

static int
same_root(const struct dlg_fw_text *hay, const char *w, size_t n)
{
	size_t	 i;

	if (n <= ROOT_MIN)
		return 0;
	for (i = 0; i < hay->n; i++)
		if (DLG_FW_LEN(hay, i) > ROOT_MIN &&
		    strncmp(DLG_FW_TOK(hay, i), w, ROOT_MIN) == 0)
			return 1;
	return 0;
}

/* How many words of q the sentence [s, s + n) holds. */
static size_t
sentence_score(const char *s, size_t n, const struct dlg_fw_text *q)
{
	struct dlg_fw_text hay;
	char		*copy = xstrndup(s, n);
	size_t		 i, last, score = 0;

	dlg_fw_text_init(&hay, copy);
	for (i = 0; i < q->n; i++)
		score += dlg_fw_find(&hay, q, i, 1, &last) >= 0 ||
		    same_root(&hay, DLG_FW_TOK(q, i), DLG_FW_LEN(q, i));
	dlg_fw_text_free(&hay);
	free(copy);
	return score;
}

/* A sentence of the listing: which text, where, how it scored. */
struct suit_sent {
	const char	*text;
	size_t		 a, b;
	size_t		 score;
	int		 complaint;	/* the owners' common complaints */
};

/*
 * The sentences of the description and the review summary that speak
 * to the purpose, best first, at most PICK_MAX, then the complaints;
 * into out.  1 when one spoke to it.
 */
static int
listing_says(const struct product *p, const struct dlg_fw_text *q,
    struct sbuf *out)
{
	const char	*texts[2] = { p->description, p->review_summary };
	struct suit_sent v[2 * SENT_MAX], best[PICK_MAX], tmp;
	size_t		 a[SENT_MAX], b[SENT_MAX], n, nv = 0, i, k, np = 0;
	long		 complaint = -1;

	for (k = 0; k < 2; k++) {
		if (texts[k] == NULL)
			continue;
		n = dlg_sentences(texts[k], 0, a, b, SENT_MAX);
		for (i = 0; i < n; i++) {
			v[nv].text = texts[k];
			v[nv].a = a[i];
			v[nv].b = b[i];
			v[nv].complaint = k == 1 && tells_complaints(texts[k] +
			    a[i], b[i] - a[i]);
			v[nv].score = sentence_score(texts[k] + a[i], b[i] -
			    a[i], q);
			if (v[nv].complaint && complaint < 0)
				complaint = (long)nv;
			nv++;
		}
	}
	for (i = 0; i < nv; i++) {
		if (v[i].score == 0 || (long)i == complaint)
			continue;
		tmp = v[i];
		for (k = np < PICK_MAX ? np++ : PICK_MAX; k > 0 &&
		    best[k - 1].score < tmp.score; k--)
			if (k < PICK_MAX)
				best[k] = best[k - 1];
		if (k < PICK_MAX)
			best[k] = tmp;
	}
	for (i = 0; i < np; i++) {
		if (out->len > 0)
			sbuf_addc(out, ' ');
		sbuf_add(out, best[i].text + best[i].a, best[i].b - best[i].a);
	}
	if (np == 0 && p->review_summary != NULL && nv > 0) {
		/* Nothing on the purpose: the owners' verdict as a whole. */
		for (i = 0; i < nv && v[i].text != p->review_summary; i++)
			;
		if (i < nv && (long)i != complaint)
			sbuf_add(out, v[i].text + v[i].a, v[i].b - v[i].a);
	}
	/* The complaints, unless nothing else was said or they spoke to
	 * the purpose (then they are among those told). */
	if (complaint >= 0 && out->len > 0) {
		if (out->len > 0)
			sbuf_addc(out, ' ');
		sbuf_add(out, v[complaint].text + v[complaint].a,
		    v[complaint].b - v[complaint].a);
	}
	return np > 0 || (complaint >= 0 && v[complaint].score > 0);
}

/*
 * "Worth 400 more": the other product of the conversation (of the same
 * kind, in focus or the last list), and the attributes where their
 * listings differ, into out.
 */
static void
differences(struct tctx *t, const struct product *p, struct sbuf *out)
{
	const char	*v[CONV_MAX], *sku = NULL;
	struct product	 o;
	struct sbuf	 mine = SBUF_INIT, theirs = SBUF_INIT;
	cJSON		*pa = NULL, *oa = NULL, *it, *ov;
	char		*x, *y;
	size_t		 n, i, told = 0;

	n = dlg_conversation(t, v, CONV_MAX);
	for (i = 0; i < n && sku == NULL; i++)
		if (strcmp(v[i], p->sku) != 0)
			sku = v[i];
	if (sku == NULL || !dlg_load_product(t, sku, &o))
		return;
	if (strcmp(o.category, p->category) != 0)
		goto out;
	pa = cJSON_Parse(p->attrs);
	oa = cJSON_Parse(o.attrs);
	/* Each value right after its product's name, so that no figure
	 * reads as the other's. */
	sbuf_addf(&mine, "the %s has", p->name);
	sbuf_addf(&theirs, "the %s has", o.name);
	cJSON_ArrayForEach(it, pa) {
		if (it->string == NULL || told >= DIFF_MAX ||
		    (ov = cJSON_GetObjectItemCaseSensitive(oa, it->string)) ==
		    NULL)
			continue;
		x = cJSON_PrintUnformatted(it);
		y = cJSON_PrintUnformatted(ov);
		if (strcmp(x, y) != 0) {
			sbuf_addf(&mine, "%s %s %s", told == 0 ? "" : ",",
			    it->string, x[0] == '"' ? it->valuestring : x);
			sbuf_addf(&theirs, "%s %s %s", told == 0 ? "" : ",",
			    it->string, y[0] == '"' ? ov->valuestring : y);
			told++;
		}
		free(x);
		free(y);
	}
	if (told > 0) {
		sbuf_addf(out, "%s; %s", mine.buf, theirs.buf);
		dlg_cite(t, "product", o.sku, o.name, "attrs");
	}
out:
	sbuf_release(&mine);
	sbuf_release(&theirs);
	cJSON_Delete(pa);
	cJSON_Delete(oa);
	product_release(&o);
}

/* The product named before the purpose ("is the c4 worth 400 more than
 * the samsung"): the one asked about, whatever else is named. */
static int
subject_product(struct tctx *t, size_t at, struct product *p)
{
	size_t	 i;
	const struct entity *en;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && en->sku != NULL &&
		    en->start < at && !dlg_entity_unknown(en))
			return dlg_load_product(t, en->sku, p);
	}
	return 0;
}

/*
 * Does a word of the purpose name an attribute the product lists
 * ("swimming" of a watch rated 5ATM, "gaming" of a TV)?  Then the
 * listing speaks to it in its specifications, not in its sentences.
 */
static int
purpose_names_attr(const struct product *p, const char *words)
{
	cJSON		*root, *it;
	char		*copy, *w, *save = NULL;
	int		 hit = 0;

	if (p->attrs == NULL || (root = cJSON_Parse(p->attrs)) == NULL)
		return 0;
	copy = xstrdup(words);
	for (w = strtok_r(copy, " ", &save); w != NULL && !hit;
	    w = strtok_r(NULL, " ", &save))
		cJSON_ArrayForEach(it, root)
			if (it->string != NULL &&
			    dlg_spec_names_key(it->string, w)) {
				hit = 1;
				break;
			}
	free(copy);
	cJSON_Delete(root);
	return hit;
}

/*
 * A question whether the product named or in focus suits a purpose:
 * answered from its listing (1), or 0 when the turn is no such
 * question.
 */
int
dlg_suitability(struct tctx *t)
{
	struct sbuf	 words = SBUF_INIT, said = SBUF_INIT, quote = SBUF_INIT;
	struct sbuf	 diff = SBUF_INIT;
	struct dlg_fw_text q;
	struct product	 p;
	size_t		 at;
	int		 worth, found, done = 0;

	static const char *const which[] = { "which", "what", "recommend",
	    "best", "suggest", NULL };
	static const char *const asks[] = { "is", "are", "would", "will",
	    "does", "do", "how", "hows", "how's", "could", NULL };

	if ((at = purpose_at(t, &worth)) == 0 || dlg_has_any(t, which) ||
	    (!dlg_has_any(t, asks) && memchr(t->text, '?', t->len) == NULL) ||
	    (dlg_first_entity(t, ENTITY_PRODUCT) == NULL &&
	    dlg_first_entity(t, ENTITY_CATEGORY) != NULL))
		return 0;
	/* "Battery life ok for vlogging?": a specification asked. */
	if (dlg_spec_asked(t) || !purpose_words(t, at, &words, &said))
		goto out;
	if (!subject_product(t, at, &p) && !dlg_target_product(t, &p))
		goto out;
	dlg_fw_text_init(&q, words.buf);
	found = listing_says(&p, &q, &quote);
	dlg_fw_text_free(&q);
	/* "Waterproof enough for swimming?" of a watch rated 5ATM: its
	 * specification answers, not a silence of its sentences. */
	if (!found && purpose_names_attr(&p, words.buf)) {
		product_release(&p);
		goto out;
	}
	if (worth)
		differences(t, &p, &diff);
	dlg_focus_push(t, p.sku);
	dlg_cite(t, "product", p.sku, p.name, "description,review_summary");
	slots_set(&t->slots, "name", p.name);
	slots_set(&t->slots, "purpose", said.buf);
	slots_set(&t->slots, "said", quote.buf);
	if (diff.len > 0)
		slots_set(&t->slots, "differences", diff.buf);
	dlg_set_action(t, "suitability", "whether it suits %s: %s",
	    said.buf, found ? "the listing speaks to it" :
	    "the listing is silent");
	done = dlg_say(t, found ? "suit_answer" : "suit_unstated");
	product_release(&p);
out:
	sbuf_release(&words);
	sbuf_release(&said);
	sbuf_release(&quote);
	sbuf_release(&diff);
	return done;
}

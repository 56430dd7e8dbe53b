/*
 * dlg-kbword.c: how well a document section answers a question for
 * help, for the knowledge answers of dlg-kb.c (the question's subject
 * is dlg-kbsubj.c's).
 *
 * The customer's own words: each cut to a crude stem, with the store's
 * word for it from the synonym table ("receipt" is found in a section
 * on invoices), words of the background before "but" or of a thing of
 * theirs counting half.  A hit is weighed by its scope (dlg-kb.c's top
 * comment) and by the section of its document that holds most of those
 * words, and states the kind of fact asked (a span, an amount, names
 * for "which" or "who"; what is not done only when that is asked); a
 * section about no product must also cover the customer's key terms.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "dlg-int.h"
#include "dlg-kb.h"

#define KB_W_LAST	1.5	/* the document just quoted: the conversation
				   comes first ("that optimized thing") */
#define KB_W_CATEGORY	0.8	/* a document about the subject's category */
#define KB_W_GENERAL	0.6	/* a document about no product */
/* Words that say nothing of the problem, beside search's stopwords. */
#define KB_FILLER	"should could will can't cannot make made just still " \
			"also really there then thing things went yesterday " \
			"today anymore keep keeps set take takes long way " \
			"work works happen happens lot know tell let " \
			"possible guys stuff usually roughly right away now " \
			"got say says said"
#define KB_W_OLDER	0.7	/* one of the second product in focus */
/*
 * Words every store's documents use: a section sharing only these with
 * the customer answers another question ("card" and "checkout" of the
 * gift-card terms for "my card was declined at checkout").
 */
#define KB_GENERIC	"card cards order orders ordered account item items " \
			"product products checkout store shop online website " \
			"site buy bought pay paid paying payment purchase " \
			"money get got need want tried try know tell help " \
			"please thanks"

/* Is w (folded) one of the words of the subject's names? */
static int
kb_name_word(const struct kb_subject *s, const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; i < s->nsku; i++)
		if (dlg_word_in(s->name[i], w, n))
			return 1;
	for (i = 0; i < s->nkind; i++)
		if (dlg_word_in(s->kname[i], w, n))
			return 1;
	return 0;
}

/*
 * Cut a word to a crude stem, matched at the start of words: "works"
 * finds "work", "charging" "charge", "dropping" "drops".
 */
static void
kb_stem_cut(char *word)
{
	static const char *const suffix[] = { "ing", "ed", "es", "s", NULL };
	size_t	 len = strlen(word), n, i;

	for (i = 0; suffix[i] != NULL; i++) {
		n = strlen(suffix[i]);
		if (len >= n + 3 && strcmp(word + len - n, suffix[i]) == 0) {
			len -= n;
			/* "dropp(ing)": one of a doubled consonant */
			if (n >= 2 && len >= 4 && word[len - 1] ==
			    word[len - 2] && strchr("aeiou", word[len - 1]) ==
			    NULL)
				len--;
			break;
		}
	}
	word[len > 6 ? 5 : len > 3 && i == 4 ? len - 1 : len] = '\0';
}

static int
kb_first_synonym(void *arg, const char *term, const char *syn,
    const char *source)
{
	char	**out = arg;

	(void)term;
	if (strcmp(source, SYNONYMS_ALIAS) == 0)
		return 0;	/* a product's name says nothing here */
	*out = xstrndup(syn, strcspn(syn, " "));
	return 1;
}

/*
 * The stem of the store's word for a customer's word (the synonym
 * table's first), so that "receipt" is found in a section about
 * invoices; NULL when there is none.
 */
static char *
kb_synonym_stem(struct tctx *t, const char *word)
{
	struct sd_error	 err = SD_ERROR_INIT;
	char		*syn = NULL;

	dlg_retrieve_begin(t);
	(void)synonyms_list(t->st, word, kb_first_synonym, &syn, &err);
	dlg_retrieve_end(t);
	sd_error_clear(&err);
	if (syn != NULL)
		kb_stem_cut(syn);
	return syn;
}

/* Does text hold stem at the start of a word? */
static int
kb_word_at(const char *text, const char *stem)
{
	const char	*at;

	for (at = text; (at = strstr(at, stem)) != NULL; at++)
		if (at == text || !isalnum((unsigned char)at[-1]))
			return 1;
	return 0;
}

static unsigned	 kb_fact_asked(struct tctx *);

/*
 * The customer's own words (not common ones, not the subject's names;
 * the first 32), each cut to a crude stem, into s->stem.
 */
void
dlg_kb_subject_stems(struct tctx *t, struct kb_subject *s)
{
	struct text_token *tok = NULL;
	const char	*w;
	char		*word;
	size_t		 cap = 0, n, i, len;

	for (i = 0; i < (size_t)s->nstem; i++) {
		free(s->stem[i]);
		free(s->alt[i]);
	}
	s->nstem = 0;
	n = text_tokenize(t->fold.s.buf, t->fold.s.len, &tok, &cap);
	for (i = 0; i < n && s->nstem < 32; i++) {
		w = t->fold.s.buf + tok[i].start;
		len = tok[i].end - tok[i].start;
		if (len < 3 || !tok[i].has_alpha || kb_name_word(s, w, len))
			continue;
		word = xstrndup(w, len);
		if (!search_is_stopword(word) && !dlg_word_in(KB_FILLER, word,
		    len)) {
			s->alt[s->nstem] = kb_synonym_stem(t, word);
			/* A stem: "works" finds "work", "charging" "charge". */
			kb_stem_cut(word);
			s->stem[s->nstem++] = word;
		} else
			free(word);
	}
	/*
	 * A phrase of the synonym table ("send back", "sign for"): the
	 * store's word for it is one more of the customer's words.
	 */
	for (i = 0; i + 1 < n && s->nstem < 32; i++) {
		word = xstrndup(t->fold.s.buf + tok[i].start, tok[i + 1].end -
		    tok[i].start);
		if ((s->alt[s->nstem] = kb_synonym_stem(t, word)) != NULL) {
			s->stem[s->nstem] = s->alt[s->nstem];
			s->alt[s->nstem++] = NULL;
		}
		free(word);
	}
	free(tok);
	s->asks = kb_fact_asked(t);
}

/*
 * The kind of fact the question asks for (KB_ASKS_*): "how long do I
 * have to send it back" wants the section that states a number of
 * days, not the one that shares the most words ("send", "back").
 */
static unsigned
kb_fact_asked(struct tctx *t)
{
	static const char *const span[] = { "how long", "how many days",
	    "how many weeks", "how many hours", "how many minutes", "how soon",
	    "how quick", "how quickly", "how fast", "until when", "till when",
	    "deadline", "too late", "time limit", "how much time",
	    "can i still", "still return", "still under", "still covered",
	    "still eligible", NULL };
	static const char *const amount[] = { "how much", "cost", "costs",
	    "price", "fee", "fees", "percent", "percentage", "deduct",
	    "charge", "charges", "do i pay", "do we pay", "have to pay",
	    "need to pay", "pay extra", "pay anything", "free", NULL };
	/* Which names: the section that lists them ("which retailers"). */
	static const char *const names[] = { "which", "who", NULL };

	return (dlg_has_any(t, span) ? KB_ASKS_SPAN : 0) |
	    (dlg_has_any(t, amount) ? KB_ASKS_AMOUNT : 0) |
	    (dlg_has_any(t, names) ? KB_ASKS_NAMES : 0);
}

/* Words of a question about what is not done. */
static const char *const kb_not_words[] = { "not", "cannot", "can't",
	"cant", "don't", "dont", "doesn't", "doesnt", "won't", "wont", "isn't",
	"isnt", "aren't", "arent", "except", "exclude", "excluded", "excludes",
	"exclusions", "never", NULL };

/*
 * Does text list at least three names: words with a capital after a
 * comma, "or" or "and" ("Amazon, Best Buy, Walmart, Target or B&H")?
 */
static int
kb_names(const char *text)
{
	static const char *const before[] = { ", ", " or ", " and ", NULL };
	const char	*p;
	size_t		 i, k;
	int		 n = 0;

	for (p = text; *p != '\0'; p++) {
		if (!isupper((unsigned char)*p))
			continue;
		for (i = 0; before[i] != NULL; i++) {
			k = strlen(before[i]);
			if ((size_t)(p - text) >= k && strncmp(p - k, before[i],
			    k) == 0)
				break;
		}
		n += before[i] != NULL;
	}
	return n >= 3;
}

/*
 * Does text (a heading) say what is not done ("What we cannot match",
 * "What is not covered")?
 */
static int
kb_negates(const char *text)
{
	static const char *const neg[] = { "not", "cannot", "can't", "no",
	    "never", "except", "exclusions", "excluded", NULL };
	struct text_folded f = TEXT_FOLDED_INIT;
	const char *const *w;
	int		 found = 0;

	text_fold(text, strlen(text), &f);
	for (w = neg; *w != NULL && !found; w++)
		found = dlg_word_in(f.s.buf, *w, strlen(*w));
	text_folded_release(&f);
	return found;
}

/* Does text state a fact of a kind of asks: a number of days (or
 * minutes... years), an amount of money or a percentage? */
static int
kb_states(const char *text, unsigned asks)
{
	static const char *const units[] = { "minute", "hour", "day", "week",
	    "month", "year", NULL };
	const char	*p, *q;
	size_t		 i;

	for (p = text; *p != '\0'; p++) {
		if (!isdigit((unsigned char)*p) || (p > text &&
		    isalnum((unsigned char)p[-1])))
			continue;
		if ((asks & KB_ASKS_AMOUNT) && p > text && p[-1] == '$')
			return 1;
		for (q = p; isdigit((unsigned char)*q) || *q == '-' ||
		    *q == '.' || *q == ','; q++)
			;
		if ((asks & KB_ASKS_AMOUNT) && *q == '%')
			return 1;
		if (!(asks & KB_ASKS_SPAN) || *q != ' ')
			continue;
		q++;
		if (strncmp(q, "business ", 9) == 0)
			q += 9;
		for (i = 0; units[i] != NULL; i++)
			if (strncmp(q, units[i], strlen(units[i])) == 0)
				return 1;
	}
	return 0;
}

/*
 * Which of the customer's own words (dlg_kb_subject_stems) the text holds,
 * each at the start of a word: bit i for the i-th word.
 */
static uint32_t
kb_shared_words(const struct kb_subject *s, const char *text)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	uint32_t	 shared = 0;
	int		 k;

	text_fold(text, strlen(text), &f);
	for (k = 0; k < s->nstem; k++) {
		if (kb_word_at(f.s.buf, s->stem[k]) || (s->alt[k] != NULL &&
		    kb_word_at(f.s.buf, s->alt[k])))
			shared |= (uint32_t)1 << k;
	}
	text_folded_release(&f);
	return shared;
}

static int
kb_bits(uint32_t v)
{
	int	 n = 0;

	for (; v != 0; v &= v - 1)
		n++;
	return n;
}

/*
 * How much each of the customer's own words (kb_shared_words' bits)
 * says about the question: a word of the background before "but" ("I
 * installed it but it doesn't show up") or a thing of theirs ("with my
 * phone") counts half.
 */
void
dlg_kb_word_weights(struct tctx *t, const struct kb_subject *s, double *wt)
{
	static const char *const but[] = { "but", "though", "although",
	    NULL };
	struct text_token *tok = NULL;
	const char	*w;
	const char *const *b;
	char		*word;
	size_t		 cap = 0, n, i, len;
	int		 k = 0, j, mine = 0;

	for (j = 0; j < 32; j++)
		wt[j] = 1.0;
	n = text_tokenize(t->fold.s.buf, t->fold.s.len, &tok, &cap);
	for (i = 0; i < n && k < 32; i++) {
		w = t->fold.s.buf + tok[i].start;
		len = tok[i].end - tok[i].start;
		for (b = but; *b != NULL; b++)
			if (strlen(*b) == len && strncmp(*b, w, len) == 0)
				for (j = 0; j < k; j++)
					wt[j] = 0.5;
		if (len < 3 || !tok[i].has_alpha || kb_name_word(s, w, len)) {
			mine = len == 2 && strncmp(w, "my", 2) == 0;
			continue;
		}
		word = xstrndup(w, len);
		if (!search_is_stopword(word) && !dlg_word_in(KB_FILLER, word,
		    len))
			wt[k++] = mine ? 0.5 : 1.0;
		mine = 0;
		free(word);
	}
	free(tok);
	/* The store's words for the customer's phrases, after theirs:
	 * a phrase's own words already count. */
	for (j = k; j < s->nstem && j < 32; j++)
		wt[j] = KB_W_PHRASE;
}

/*
 * Is hit h help for another kind of product than those named in
 * passing, or a manual or ticket about another product?  (Only with
 * such names: their own documents, the guides to their kinds and
 * documents about no product are left.)
 */
static int
kb_other_kind(struct tctx *t, const struct kb_subject *s,
    const struct search_hit *h)
{
	char	*dsku = NULL, *dcat = NULL;
	size_t	 i;
	int	 other = 0;

	if (s->nkind == 0 || (h->kind != SEARCH_MANUAL &&
	    h->kind != SEARCH_TICKET))
		return 0;
	dlg_kb_doc_scope(t, h->id, &dsku, &dcat);
	if (dsku != NULL) {
		for (i = 0; i < s->nkind && strcmp(s->ksku[i], dsku) != 0; i++)
			;
		other = i == s->nkind;
	} else if (dcat != NULL) {
		for (i = 0; i < s->nkind && strcmp(s->kind[i], dcat) != 0; i++)
			;
		other = i == s->nkind;
	}
	free(dsku);
	free(dcat);
	return other;
}

/*
 * The section of the hit's document that best matches the customer's
 * own words: the search ranks a document by the whole query, names and
 * all, so its section for a manual is the one that says the product's
 * name most, not the one asked about.  A word counts twice in a
 * heading, and as much as it says about the question
 * (dlg_kb_word_weights).  The title, the same for every section, does
 * not choose one.  The search's own section keeps a head start of margin: its
 * ranking knows better how rare each word is, unless the query held the
 * names.  Returns the customer's words that section and the title
 * share.
 */
#define KB_SECTIONS	32	/* sections of a document weighed */

static int
kb_best_section(struct tctx *t, const struct kb_subject *s,
    const struct search_hit *h, double margin, struct kb_pick *pk)
{
	static const char sql[] = "SELECT c.id, c.heading, c.text FROM chunks c"
	    " JOIN documents d ON d.id = c.document_id WHERE d.doc_key = ?1"
	    " ORDER BY c.seq";
	sqlite3_stmt	*st = store_prepare(t->st, sql, NULL);
	struct sbuf	 all = SBUF_INIT;
	const char	*head, *text;
	uint32_t	 in[KB_SECTIONS], inhead[KB_SECTIONS], got = 0;
	long long	 id[KB_SECTIONS];
	char		*heads[KB_SECTIONS];
	int		 fact[KB_SECTIONS], named[KB_SECTIONS];
	int		 negated[KB_SECTIONS];
	int		 n = 0, i, k, asks_not = dlg_has_any(t, kb_not_words);
	const double	*wt = s->weight;
	double		 v, best = -1;

	pk->rowid = h->rowid;
	pk->heading = xstrdup(h->heading);
	if (st == NULL)
		return 0;
	dlg_retrieve_begin(t);
	sqlite3_bind_text(st, 1, h->id, -1, SQLITE_STATIC);
	while (n < KB_SECTIONS && sqlite3_step(st) == SQLITE_ROW) {
		head = (const char *)sqlite3_column_text(st, 1);
		text = (const char *)sqlite3_column_text(st, 2);
		head = head != NULL ? head : "";
		if (text == NULL || strspn(text, " \t\n") == strlen(text))
			continue;	/* a heading alone answers nothing */
		sbuf_reset(&all);
		sbuf_adds(&all, head);
		sbuf_addc(&all, ' ');
		sbuf_adds(&all, text);
		id[n] = sqlite3_column_int64(st, 0);
		in[n] = kb_shared_words(s, all.buf);
		fact[n] = s->asks != 0 && kb_states(text, s->asks);
		named[n] = (s->asks & KB_ASKS_NAMES) && kb_names(text);
		/* What is not done answers a question that asks it, and
		 * only such a question (-1: it does not ask). */
		negated[n] = kb_negates(head) ? asks_not ? 1 : -1 : 0;
		inhead[n] = negated[n] < 0 ? 0 : kb_shared_words(s, head);
		heads[n++] = xstrdup(head);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	dlg_retrieve_end(t);
	sbuf_release(&all);
	for (i = 0; i < n; i++) {
		for (v = 0, k = 0; k < 32; k++)
			if ((in[i] >> k) & 1)
				v += (1.0 + ((inhead[i] >> k) & 1)) * wt[k];
		if (id[i] == h->rowid && negated[i] >= 0)
			v += margin;	/* the search's own choice */
		if (fact[i] || named[i] || negated[i] > 0)
			v += KB_W_FACT;	/* states the kind of fact asked */
		if (v > best + 1e-9 || (v > best - 1e-9 && id[i] == h->rowid)) {
			best = v;
			got = in[i];
			pk->rowid = id[i];
			pk->fact = fact[i];
			free(pk->heading);
			pk->heading = xstrdup(heads[i]);
		}
	}
	for (i = 0; i < n; i++)
		free(heads[i]);
	pk->set = got | kb_shared_words(s, h->title);
	pk->words = kb_bits(pk->set);
	return pk->words;
}

/*
 * Weigh hit h against the subject (see the top of the file): the pick's
 * score, 0 when the hit is out of scope or shares none of the
 * customer's words.  named: h came from the query with the subject's
 * names, whose section choice says little.
 */
void
dlg_kb_weigh(struct tctx *t, const struct kb_subject *s,
    const struct search_hit *h, int named, struct kb_pick *pk)
{
	char		*dsku = NULL, *dcat = NULL;
	double		 w = 0, share;
	int		 all;
	size_t		 i;
	cJSON		*it;

	memset(pk, 0, sizeof *pk);
	pk->h = h;
	pk->scope = "other";
	if (s->nsku == 0 && s->ncat == 0 && s->doc == NULL) {
		pk->scope = "any";
		if (kb_other_kind(t, s, h)) {
			pk->scope = "other";
			return;
		}
		/*
		 * A policy is ranked as a whole by its title, which every
		 * section shares: its section is the one whose heading and
		 * text hold the customer's words ("how do I start a return"
		 * is "How to start a return", not "Return window").  And a
		 * hit gains by how many of those words it holds: BM25 ranks a
		 * short answer with one common word ("delivery") above a
		 * longer one with both ("cash on delivery").
		 */
		kb_best_section(t, s, h, h->kind == SEARCH_POLICY ||
		    h->kind == SEARCH_MANUAL ? KB_SECTION_MARGIN : 0, pk);
		all = kb_bits(kb_shared_words(s, t->fold.s.buf));
		share = all > 0 ? (double)pk->words / all : 1;
		pk->score = h->score * (0.5 + 0.5 * (share > 1 ? 1 : share));
		if (pk->fact)
			pk->score *= KB_W_FACTDOC;
		return;
	}
	dlg_kb_doc_scope(t, h->id, &dsku, &dcat);
	if (s->doc != NULL && strcmp(h->id, s->doc) == 0) {
		w = KB_W_LAST;
		pk->scope = "last";
	}
	for (i = 0; i < s->nsku && (w == 0 || pk->sku == NULL); i++)
		if (dsku != NULL && strcmp(dsku, s->sku[i]) == 0) {
			/* An older product in focus: below its category. */
			if (w == 0) {
				w = i == 0 || strcmp(s->how, "named") == 0 ?
				    1 : KB_W_OLDER;
				pk->scope = "product";
			}
			pk->sku = s->sku[i];
		}
	/*
	 * A guide to a kind of product helps any product of that kind; a
	 * past ticket or a manual about another product of it, quoted with
	 * that product's name, reads as an answer about the wrong product
	 * when the customer named theirs.
	 */
	for (i = 0; i < s->ncat && w == 0 && (dsku == NULL ||
	    s->nsku == 0); i++)
		if (dcat != NULL && strcmp(dcat, s->cat[i]) == 0) {
			w = KB_W_CATEGORY;
			pk->scope = "category";
		}
	if (w == 0 && dsku == NULL && dcat == NULL) {
		w = KB_W_GENERAL;
		pk->scope = "general";
	}
	if (w > 0)
		kb_best_section(t, s, h, named ? 0 : KB_SECTION_MARGIN, pk);
	if (pk->words == 0)
		w = 0;
	/*
	 * How much of the question the section answers: a hit found with
	 * the subject's names scores them too, so only its share of the
	 * customer's words counts; a hit of the customer's words alone
	 * gains by covering more of them.
	 */
	all = kb_bits(kb_shared_words(s, t->fold.s.buf));
	share = all > 0 ? (double)pk->words / all : 0;
	pk->score = h->score * w * (named ? share : 0.5 + 0.5 * share);
	/* Each section weighed, for the trace: which rule kept or left it. */
	it = cJSON_CreateObject();
	cJSON_AddStringToObject(it, "id", h->id);
	cJSON_AddStringToObject(it, "heading", pk->heading != NULL ?
	    pk->heading : h->heading);
	cJSON_AddNumberToObject(it, "score", round(h->score * 1e4) / 1e4);
	cJSON_AddStringToObject(it, "scope", pk->scope);
	cJSON_AddNumberToObject(it, "words", pk->words);
	cJSON_AddNumberToObject(it, "weighed", round(pk->score * 1e4) / 1e4);
	cJSON_AddItemToArray(dlg_jarr(t->trace, "kb_weighed"), it);
	free(dsku);
	free(dcat);
}

/* Bits of the customer's own words (as kb_shared_words) in KB_GENERIC. */
static uint32_t
kb_generic_words(struct tctx *t, const struct kb_subject *s)
{
	struct text_token *tok = NULL;
	const char	*w;
	char		*word;
	size_t		 cap = 0, n, i, len;
	uint32_t	 generic = 0;
	int		 k = 0;

	n = text_tokenize(t->fold.s.buf, t->fold.s.len, &tok, &cap);
	for (i = 0; i < n && k < 32; i++) {
		w = t->fold.s.buf + tok[i].start;
		len = tok[i].end - tok[i].start;
		if (len < 3 || !tok[i].has_alpha || kb_name_word(s, w, len))
			continue;
		word = xstrndup(w, len);
		if (!search_is_stopword(word) && !dlg_word_in(KB_FILLER, word,
		    len)) {
			if (dlg_word_in(KB_GENERIC, word, len))
				generic |= (uint32_t)1 << k;
			k++;
		}
		free(word);
	}
	free(tok);
	return generic;
}

/* A classifier this sure of the intent speaks for the customer. */
#define KB_INTENT_SURE	0.9
/* Words of intent names that name no topic ("check_invoice"). */
#define KB_INTENT_VERBS	"check get set place make contact"

/*
 * Does text hold a word of the turn's intent name, when the classifier
 * is sure of it?  The intent is the store's word for what the customer
 * asked in their own: "please close my account" is delete_account, and
 * the section on deleting an account answers it although it never says
 * "close".  The name's words beside KB_GENERIC count, those only when
 * the name has no other ("track_order" is "track").
 */
static int
kb_intent_holds(struct tctx *t, const char *text)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	const char	*p, *w;
	char		*word;
	size_t		 n;
	int		 pass, any = 0, found = 0;

	if (t->intent == NULL || t->confidence < KB_INTENT_SURE ||
	    strcmp(t->intent, "out_of_scope") == 0)
		return 0;
	text_fold(text, strlen(text), &f);
	for (pass = 0; pass < 2 && !found && !any; pass++)
		for (p = t->intent; *p != '\0' && !found; p = w + n) {
			w = p + strspn(p, "_");
			if ((n = strcspn(w, "_")) == 0)
				break;
			if (n < 4 || dlg_word_in(KB_INTENT_VERBS, w, n) ||
			    (pass == 0 && dlg_word_in(KB_GENERIC, w, n)))
				continue;
			any = 1;
			word = xstrndup(w, n);
			kb_stem_cut(word);
			found = kb_word_at(f.s.buf, word);
			free(word);
		}
	text_folded_release(&f);
	return found;
}

/*
 * Whether a pick about no product covers the customer's key terms (own
 * words beside KB_GENERIC; all of them when only generic ones were
 * said): at least one, for an answer to an unclear question at least
 * half, for one found off topic all (but one of three or more) (need).
 * A section that holds the word of an intent the classifier is sure of
 * covers them too (kb_intent_holds).  A product's or the last
 * answer's document is judged by its scope instead.
 */
int
dlg_kb_covers(struct tctx *t, const struct kb_subject *s,
    const struct kb_pick *pk, int need)
{
	static const char sql[] = "SELECT heading, text FROM chunks "
	    "WHERE id = ?1";
	sqlite3_stmt	*st;
	struct sbuf	 sec = SBUF_INIT;
	uint32_t	 key, got, generic;
	const char	*c;

	if (strcmp(pk->scope, "any") != 0 && strcmp(pk->scope, "general") != 0)
		return 1;
	/*
	 * A product's problem the classifier is sure of, answered by a
	 * document about no product (an FAQ): it must hold all the key
	 * terms ("the JBL Charge 5 keeps cutting out" is no question about
	 * items out of stock, "the tablet keeps dropping off the wifi"
	 * none about a price that dropped).
	 */
	if (strcmp(pk->scope, "general") == 0 && t->intent != NULL &&
	    strcmp(t->intent, "troubleshooting") == 0 &&
	    t->confidence >= KB_INTENT_SURE)
		need = KB_COVER_ALL;
	key = kb_shared_words(s, t->fold.s.buf);
	generic = kb_generic_words(t, s);
	if ((key & ~generic) != 0)
		key &= ~generic;
	else if (need == KB_COVER_TWO)
		return 0;	/* "where's my order": nothing to cover */
	if (key == 0)
		return 1;
	sbuf_addf(&sec, "%s ", pk->h->title);
	if ((st = store_prepare(t->st, sql, NULL)) != NULL) {
		dlg_retrieve_begin(t);
		sqlite3_bind_int64(st, 1, pk->rowid != 0 ? pk->rowid :
		    pk->h->rowid);
		if (sqlite3_step(st) == SQLITE_ROW) {
			if ((c = (const char *)sqlite3_column_text(st, 0)) !=
			    NULL)
				sbuf_addf(&sec, "%s ", c);
			if ((c = (const char *)sqlite3_column_text(st, 1)) !=
			    NULL)
				sbuf_adds(&sec, c);
		}
		sqlite3_reset(st);
		sqlite3_clear_bindings(st);
		dlg_retrieve_end(t);
	} else
		sbuf_adds(&sec, pk->h->snippet);
	got = kb_shared_words(s, sec.buf) & key;
	if (need != KB_COVER_ALL && kb_intent_holds(t, sec.buf))
		got = key;
	sbuf_release(&sec);
	if (need == KB_COVER_ALL)	/* one of three may be a verb */
		return kb_bits(got) >= kb_bits(key) - (kb_bits(key) >= 3);
	if (need == KB_COVER_TWO)
		return kb_bits(got) >= 2;
	return got != 0 && (need == KB_COVER_ONE ||
	    2 * kb_bits(got) >= kb_bits(key));
}

/*
 * Does the pick (about no product) share only one word with the
 * customer, one of the store's generic words (KB_GENERIC: "which cards
 * do you take" shares "card" with the gift-card terms), with no word of
 * an intent the classifier is sure of in its section?  Such evidence
 * says which word, not which topic: the answer would be a guess.  Two
 * such words together ("card payment") do name a topic.
 */
int
dlg_kb_generic_only(struct tctx *t, const struct kb_subject *s,
    const struct kb_pick *pk)
{
	struct sbuf	 sec = SBUF_INIT;
	char		*text;
	int		 holds;

	if ((strcmp(pk->scope, "any") != 0 && strcmp(pk->scope,
	    "general") != 0) || kb_bits(pk->set) != 1 ||
	    (pk->set & ~kb_generic_words(t, s)) != 0)
		return 0;
	text = dlg_kb_chunk_text(t, pk->rowid != 0 ? pk->rowid :
	    pk->h->rowid);
	sbuf_addf(&sec, "%s %s %s", pk->h->title, pk->heading != NULL ?
	    pk->heading : "", text != NULL ? text : "");
	free(text);
	holds = kb_intent_holds(t, sec.buf);
	sbuf_release(&sec);
	return !holds;
}

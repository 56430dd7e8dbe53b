/*
 * dlg-kb.c: knowledge answers.  It runs the knowledge-base searches
 * (BM25, or hybrid with vectors when a retriever is set) and records what
 * came back in the trace, and answers from the best FAQ, policy, manual
 * or ticket chunk.
 *
 * Help for a product comes from that product first.  A troubleshooting
 * or how-to question has a subject: the products it names, else the one
 * referred to or the two last in focus, with the categories it names
 * and the document the last answer came from.  Each hit is weighed by its
 * scope: the document just quoted counts most, one of a subject product
 * in full, a guide to the subject's category less, a document about no
 * product (an FAQ, a policy) less again, and a manual or ticket about
 * another product not at all (a ticket names its product; a guide to a
 * kind of product serves all of that kind; a ticket about the kind is
 * the best there is when the customer names no product): a doorbell that will not reset is
 * never answered with a ticket about a parcel gone missing.  The query
 * carries the subject's names to find its documents, so a hit must also
 * share one of the customer's own words besides those names.
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
#include "vector.h"
#include "dlg-int.h"

/*
 * Retrieval from the knowledge base: search and record what came back.
 * lazy: the documents' snippets are left to kb_keep_retrieved, for the
 * items the turn keeps (BM25 alone; the hybrid search makes its own).
 */
static void
kb_search(struct tctx *t, const char *text, unsigned kinds, int limit,
    int lazy, struct search_result *res)
{
	struct search_query q = SEARCH_QUERY_INIT;
	struct sd_error	 err = SD_ERROR_INIT;
	struct vec_rank	*rk = NULL;
	const char	*why;
	cJSON		*it;
	enum sd_rc	 rc;
	size_t		 i;

	memset(res, 0, sizeof *res);
	q.text = text;
	q.kinds = kinds;
	q.limit = limit;
	q.price_words = 0;
	q.lazy_snippets = lazy && t->e->vr == NULL;
	q.kind_weight = t->kind_weight;
	dlg_retrieve_begin(t);
	if (t->e->vr != NULL)
		rc = vec_search(t->e->vr, &q, res, &rk, &err);
	else
		rc = search_run(t->st, &q, res, &err);
	dlg_retrieve_end(t);
	if (rc != SD_OK)
		cJSON_AddStringToObject(t->trace, "retrieval_error",
		    sd_error_msg(&err));
	if (t->e->vr != NULL && (why = vec_retriever_error(t->e->vr)) !=
	    NULL && !cJSON_HasObjectItem(t->trace, "vector_error"))
		cJSON_AddStringToObject(t->trace, "vector_error", why);
	for (i = 0; i < res->n; i++) {
		it = dlg_retrieved_add(t, search_kind_name(res->hits[i].kind),
		    res->hits[i].id, res->hits[i].title, res->hits[i].score,
		    res->hits[i].snippet);
		/* Both lists' ranks and the fused score, once per item. */
		if (rk == NULL || rk[i].fused <= 0 ||
		    cJSON_HasObjectItem(it, "fused_score"))
			continue;
		cJSON_AddNumberToObject(it, "bm25_rank", rk[i].bm25_rank);
		cJSON_AddNumberToObject(it, "bm25_score",
		    round(rk[i].bm25_score * 1e4) / 1e4);
		cJSON_AddNumberToObject(it, "vector_rank", rk[i].vector_rank);
		cJSON_AddNumberToObject(it, "vector_score",
		    round(rk[i].vector_score * 1e4) / 1e4);
		cJSON_AddNumberToObject(it, "fused_score",
		    round(rk[i].fused * 1e6) / 1e6);
	}
	free(rk);
	sd_error_clear(&err);
}

void
dlg_kb_search(struct tctx *t, const char *text, unsigned kinds, int limit,
    struct search_result *res)
{
	kb_search(t, text, kinds, limit, 0, res);
}

/* Knowledge-base answers: FAQs, policies, manuals, past tickets. */

/* Letters and digits of s, lower-cased ("What's up?" is "whatsup"). */
static char *
alnum_squeeze(const char *s)
{
	char	*out = xstrdup(s), *q = out;

	for (; *s != '\0'; s++)
		if (isalnum((unsigned char)*s) || (*s & 0x80))
			*q++ = (char)tolower((unsigned char)*s);
	*q = '\0';
	return out;
}

#define KB_SUBJECTS	4	/* products a question can be about */
#define KB_POOL		20	/* hits weighed per scoped search */
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
			"got"
#define KB_W_OLDER	0.7	/* one of the second product in focus */
#define KB_STRONG_WORDS	2	/* own words a subject's section shares to
				   answer an unclear question by itself */
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

/* What a question for help is about (see the top of the file). */
struct kb_subject {
	char	*sku[KB_SUBJECTS];	/* subject products, likeliest first */
	char	*name[KB_SUBJECTS];	/* their names */
	char	*pcat[KB_SUBJECTS];	/* their categories */
	char	*cat[KB_SUBJECTS];	/* their categories, or those named */
	size_t	 nsku, ncat;
	char	*doc;			/* the last answer's document */
	const char *how;		/* named, referred, focus, category,
					   last, none */
	int	 unnamed;		/* the names are not in the text */
	/*
	 * The customer's own words, stemmed, in order (kb_shared_words'
	 * bits): made once by kb_subject_stems, where every hit weighed
	 * used to tokenize and filter the message again.
	 */
	char	*stem[32];
	char	*alt[32];		/* a synonym's stem for each, or NULL
					   ("receipt": "invoi") */
	int	 nstem;
	double	 weight[32];		/* kb_word_weights of the stems */
};

/* A hit weighed against the subject. */
struct kb_pick {
	const struct search_hit *h;
	double	 score;			/* its score times its weight */
	int	 words;			/* customer's own words it shares */
	const char *scope;		/* product, last, category, general,
					   any */
	char	*sku;			/* its subject product, or NULL */
	long long rowid;		/* the section to answer from */
	char	*heading;		/* its heading (owned) */
};

static void
kb_subject_release(struct kb_subject *s)
{
	size_t	 i;

	for (i = 0; i < s->nsku; i++) {
		free(s->sku[i]);
		free(s->name[i]);
		free(s->pcat[i]);
	}
	for (i = 0; i < s->ncat; i++)
		free(s->cat[i]);
	free(s->doc);
	for (i = 0; i < (size_t)s->nstem; i++) {
		free(s->stem[i]);
		free(s->alt[i]);
	}
	s->nstem = 0;
}

static void
kb_subject_cat(struct kb_subject *s, const char *cat)
{
	size_t	 i;

	if (cat == NULL || *cat == '\0' || s->ncat == KB_SUBJECTS)
		return;
	for (i = 0; i < s->ncat; i++)
		if (strcmp(s->cat[i], cat) == 0)
			return;
	s->cat[s->ncat++] = xstrdup(cat);
}

static void
kb_subject_product(struct kb_subject *s, const struct product *p)
{
	size_t	 i;
	struct text_folded f = TEXT_FOLDED_INIT;

	for (i = 0; i < s->nsku; i++)
		if (strcmp(s->sku[i], p->sku) == 0)
			return;
	if (s->nsku == KB_SUBJECTS)
		return;
	text_fold(p->name, strlen(p->name), &f);
	s->sku[s->nsku] = xstrdup(p->sku);
	s->pcat[s->nsku] = xstrdup(p->category);
	s->name[s->nsku++] = xstrdup(f.s.buf);	/* folded, for words */
	text_folded_release(&f);
	kb_subject_cat(s, p->category);
}

static void
kb_subject_sku(struct tctx *t, struct kb_subject *s, const char *sku)
{
	struct product	 p;
	struct sd_error	 err = SD_ERROR_INIT;

	memset(&p, 0, sizeof p);
	dlg_retrieve_begin(t);
	if (catalog_product_by_sku(t->st, sku, &p, &err) == SD_OK) {
		kb_subject_product(s, &p);
		product_release(&p);
	}
	dlg_retrieve_end(t);
	sd_error_clear(&err);
}

/*
 * A document's product and category: the category of its product, or
 * for a guide about a kind of product (a manual without one) its topic.
 * 0 when the document is unknown; the strings are the caller's.
 */
static int
kb_doc_scope(struct tctx *t, const char *doc_key, char **sku, char **cat)
{
	static const char sql[] = "SELECT d.product_sku, coalesce(p.category,"
	    " CASE WHEN d.kind = 'manual' THEN d.topic END)"
	    " FROM documents d LEFT JOIN products p ON p.sku = d.product_sku"
	    " WHERE d.doc_key = ?1";
	sqlite3_stmt	*st = store_prepare(t->st, sql, NULL);
	const char	*v;
	int		 found = 0;

	*sku = *cat = NULL;
	if (st == NULL)
		return 0;
	dlg_retrieve_begin(t);
	sqlite3_bind_text(st, 1, doc_key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		found = 1;
		if ((v = (const char *)sqlite3_column_text(st, 0)) != NULL)
			*sku = xstrdup(v);
		if ((v = (const char *)sqlite3_column_text(st, 1)) != NULL)
			*cat = xstrdup(v);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	dlg_retrieve_end(t);
	return found;
}

/*
 * A family named ("the iPhone 15"): its best model, looked up without
 * leaving it among the turn's retrieved items, which the fact check
 * reads as the products the reply may talk about.
 */
static int
kb_family(struct tctx *t, const struct entity *en, struct product *p)
{
	int	 before = cJSON_GetArraySize(t->retrieved), found;

	memset(p, 0, sizeof *p);
	found = dlg_family_best(t, en, p);
	while (cJSON_GetArraySize(t->retrieved) > before)
		cJSON_DeleteItemFromArray(t->retrieved, before);
	return found;
}

/*
 * The subject of a question for help: products named (a family is its
 * best model); else the product referred to ("the second one") or the
 * two last in focus and the document the last answer came from; with
 * the categories named.  skip_named: the products named are left out.
 */
static void
kb_subject_find(struct tctx *t, struct kb_subject *s, int skip_named)
{
	const struct entity *en;
	const char	*how = NULL, *sku, *doc;
	struct product	 p;
	char		*dsku, *dcat;
	size_t		 i;

	memset(s, 0, sizeof *s);
	s->how = "none";
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_CATEGORY)
			kb_subject_cat(s, en->category);
		if (en->type != ENTITY_PRODUCT || skip_named)
			continue;
		if (en->sku != NULL)
			kb_subject_sku(t, s, en->sku);
		else if (kb_family(t, en, &p)) {
			kb_subject_product(s, &p);
			product_release(&p);
		}
	}
	if (s->nsku > 0) {
		s->how = "named";
		return;
	}
	/*
	 * A category said in passing ("the keyboard lights are on") adds
	 * to the product in focus rather than replacing it.
	 */
	if (s->ncat > 0)
		s->how = "category";
	if ((sku = dlg_resolve_reference(t, &how)) != NULL &&
	    strcmp(how, "it") != 0) {
		kb_subject_sku(t, s, sku);
		s->how = "referred";
		s->unnamed = 1;
		return;
	}
	for (i = 0; i < 2 && (sku = dlg_focus_top(t, (int)i)) != NULL; i++)
		kb_subject_sku(t, s, sku);
	if (s->nsku > 0) {
		s->how = "focus";
		s->unnamed = 1;
	}
	if ((doc = dlg_jstr(t->state, "kb_doc")) != NULL &&
	    kb_doc_scope(t, doc, &dsku, &dcat)) {
		s->doc = xstrdup(doc);
		if (s->nsku == 0)
			s->how = "last";
		kb_subject_cat(s, dcat);
		free(dsku);
		free(dcat);
	}
}

/* The subject in the trace: what the help was looked for about. */
static void
kb_subject_trace(struct tctx *t, const struct kb_subject *s)
{
	cJSON	*o = cJSON_CreateObject(), *a;
	size_t	 i;

	cJSON_AddStringToObject(o, "how", s->how);
	a = cJSON_AddArrayToObject(o, "skus");
	for (i = 0; i < s->nsku; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(s->sku[i]));
	a = cJSON_AddArrayToObject(o, "categories");
	for (i = 0; i < s->ncat; i++)
		cJSON_AddItemToArray(a, cJSON_CreateString(s->cat[i]));
	if (s->doc != NULL)
		cJSON_AddStringToObject(o, "document", s->doc);
	cJSON_DeleteItemFromObjectCaseSensitive(t->trace, "kb_subject");
	cJSON_AddItemToObject(t->trace, "kb_subject", o);
}

/* Is w (folded) one of the words of the subject's names? */
static int
kb_name_word(const struct kb_subject *s, const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; i < s->nsku; i++)
		if (dlg_word_in(s->name[i], w, n))
			return 1;
	return 0;
}

/* Cut a word to a crude stem: "works" finds "work". */
static void
kb_stem_cut(char *word)
{
	size_t	 len = strlen(word);

	word[len > 6 ? 5 : len > 3 ? len - 1 : len] = '\0';
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

/*
 * The customer's own words (not common ones, not the subject's names;
 * the first 32), each cut to a crude stem, into s->stem.
 */
static void
kb_subject_stems(struct tctx *t, struct kb_subject *s)
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
	free(tok);
}

/*
 * Which of the customer's own words (kb_subject_stems) the text holds,
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
static void
kb_word_weights(struct tctx *t, const struct kb_subject *s, double *wt)
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
}

/*
 * The section of the hit's document that best matches the customer's
 * own words: the search ranks a document by the whole query, names and
 * all, so its section for a manual is the one that says the product's
 * name most, not the one asked about.  A word counts twice in a
 * heading, and as much as it says about the question (kb_word_weights).  The title, the same for every section, does not choose
 * one.  The search's own section keeps a head start of margin: its
 * ranking knows better how rare each word is, unless the query held the
 * names.  Returns the customer's words that section and the title
 * share.
 */
#define KB_SECTIONS	32	/* sections of a document weighed */
#define KB_SECTION_MARGIN 0.6	/* head start of the search's section */

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
	int		 n = 0, i, k;
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
		sbuf_addf(&all, "%s %s", head, text != NULL ? text : "");
		id[n] = sqlite3_column_int64(st, 0);
		in[n] = kb_shared_words(s, all.buf);
		inhead[n] = kb_shared_words(s, head);
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
		if (id[i] == h->rowid)
			v += margin;	/* the search's own choice */
		if (v > best + 1e-9 || (v > best - 1e-9 && id[i] == h->rowid)) {
			best = v;
			got = in[i];
			pk->rowid = id[i];
			free(pk->heading);
			pk->heading = xstrdup(heads[i]);
		}
	}
	for (i = 0; i < n; i++)
		free(heads[i]);
	pk->words = kb_bits(got | kb_shared_words(s, h->title));
	return pk->words;
}

/*
 * Weigh hit h against the subject (see the top of the file): the pick's
 * score, 0 when the hit is out of scope or shares none of the
 * customer's words.  named: h came from the query with the subject's
 * names, whose section choice says little.
 */
static void
kb_weigh(struct tctx *t, const struct kb_subject *s,
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
		pk->score = h->score;
		/*
		 * A policy is ranked as a whole by its title, which every
		 * section shares: its section is the one whose heading and
		 * text hold the customer's words ("how do I start a return"
		 * is "How to start a return", not "Return window").
		 */
		if (h->kind == SEARCH_POLICY || h->kind == SEARCH_MANUAL)
			kb_best_section(t, s, h, KB_SECTION_MARGIN, pk);
		return;
	}
	kb_doc_scope(t, h->id, &dsku, &dcat);
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
	 * past ticket about another product of it, quoted with that
	 * product's name, reads as an answer about the wrong product.
	 */
	for (i = 0; i < s->ncat && w == 0 && (h->kind != SEARCH_TICKET ||
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

/* Answer from the best document chunk for the words (and product). */
static int	 kb_answer(struct tctx *, unsigned, const char *,
		    const char *, double);

int
dlg_handle_kb(struct tctx *t, unsigned kinds, const char *action,
    const char *tpl)
{
	return kb_answer(t, kinds, action, tpl, -1);
}

/*
 * The same only when the best hit scores at least min_score, or is a
 * section of the subject's own documents sharing several of the
 * customer's words, or of the document the last answer came from
 * sharing one ("how do I set that optimized thing"): an answer for a
 * question whose intent is unclear ("kb_answer", the kind's template).
 */
int
dlg_handle_kb_strong(struct tctx *t, unsigned kinds, double min_score)
{
	return kb_answer(t, kinds, "kb_answer", NULL, min_score);
}

/*
 * The customer asked an FAQ's very question: that answer, even when a
 * policy section shares more of the words.  The index of that pick, or
 * best.
 */
static size_t
kb_faq_asked(struct tctx *t, const struct kb_pick *pk, size_t n, size_t best)
{
	size_t	 i;
	char	*qs = alnum_squeeze(t->text), *ts;
	int	 found = 0;

	for (i = 0; i < n && !found; i++) {
		if (pk[i].h->kind != SEARCH_FAQ || pk[i].score <= 0)
			continue;
		ts = alnum_squeeze(pk[i].h->title);
		found = ts[0] != '\0' && strstr(qs, ts) != NULL;
		free(ts);
	}
	free(qs);
	return found ? i - 1 : best;
}

/* Where hit h is among res[0..1]: *r and *i; 0 when it is none of theirs. */
static int
kb_hit_index(const struct search_result *res, const struct search_hit *h,
    size_t *r, size_t *i)
{
	for (*r = 0; *r < 2; (*r)++)
		for (*i = 0; *i < res[*r].n; (*i)++)
			if (&res[*r].hits[*i] == h)
				return 1;
	return 0;
}

/*
 * The chunk's whole text (not the snippet) into the "answer" slot; the
 * snippet of hit h (of res[0..1]) when the chunk is gone.
 */
static void
kb_answer_text(struct tctx *t, struct search_result *res,
    const struct search_hit *h, long long rowid)
{
	static const char sql[] = "SELECT text FROM chunks WHERE id = ?1";
	sqlite3_stmt	*s = store_prepare(t->st, sql, NULL);
	size_t		 r, i;

	dlg_retrieve_begin(t);
	if (s != NULL) {
		sqlite3_bind_int64(s, 1, rowid);
		if (sqlite3_step(s) == SQLITE_ROW)
			slots_set(&t->slots, "answer",
			    (const char *)sqlite3_column_text(s, 0));
		sqlite3_reset(s);
	}
	dlg_retrieve_end(t);
	if (slots_get(&t->slots, "answer") != NULL)
		return;
	if (kb_hit_index(res, h, &r, &i))
		(void)search_snippets(t->st, &res[r], &i, 1, NULL);
	slots_set(&t->slots, "answer", h->snippet != NULL ? h->snippet : "");
}

/*
 * Search for the subject: the customer's words (their scores say how
 * well a hit matches the question), then, when the customer did not
 * name the subject, the words with its names, which find its documents
 * (res[1], without the hits already in res[0]).
 */
static void
kb_search_scoped(struct tctx *t, const struct kb_subject *s,
    unsigned kinds, struct search_result *res)
{
	struct sbuf	 q = SBUF_INIT;
	size_t		 i, j, k;
	int		 scoped = s->nsku + s->ncat > 0 || s->doc != NULL;

	kb_search(t, t->text, kinds, scoped ? KB_POOL : RETRIEVE_K, 1,
	    &res[0]);
	memset(&res[1], 0, sizeof res[1]);
	if (!s->unnamed || s->nsku == 0)
		return;
	sbuf_add(&q, t->text, t->len);
	for (i = 0; i < s->nsku; i++)
		sbuf_addf(&q, " %s", s->name[i]);
	kb_search(t, q.buf, kinds, KB_POOL, 1, &res[1]);
	sbuf_release(&q);
	for (i = k = 0; i < res[1].n; i++) {
		for (j = 0; j < res[0].n &&
		    res[0].hits[j].rowid != res[1].hits[i].rowid; j++)
			;
		if (j < res[0].n) {
			search_hit_release(&res[1].hits[i]);
			continue;
		}
		res[1].hits[k++] = res[1].hits[i];
	}
	res[1].n = k;
}

/* The hit of res[0..1] an item of the searches came from, or NULL. */
static struct search_hit *
kb_item_hit(struct search_result *res, const cJSON *it)
{
	const char	*kind = dlg_jstr(it, "kind"), *id = dlg_jstr(it, "id");
	size_t		 r, i;

	/* res[0]'s hits were recorded first: an item is its hit's. */
	for (r = 0; r < 2; r++)
		for (i = 0; i < res[r].n; i++)
			if (strcmp(search_kind_name(res[r].hits[i].kind),
			    kind) == 0 && strcmp(res[r].hits[i].id, id) == 0)
				return &res[r].hits[i];
	return NULL;
}

/*
 * With prune, leave in the trace's retrieved items (which the fact check
 * reads as the turn's sources) only what was cited and the first
 * RETRIEVE_K of the other hits added since item from: a scoped search
 * reads more.  Then give the items kept that res[0..1]'s searches added
 * (from item lazy on) their snippets: a snippet costs FTS5 about as much
 * as ranking, and most of the hits weighed are not kept.
 */
static void
kb_keep_retrieved(struct tctx *t, int from, int prune,
    struct search_result *res, int lazy)
{
	struct search_hit *h;
	cJSON		*it, **items;
	size_t		*idx[2], nidx[2] = { 0, 0 }, nitems = 0, r, k;
	int		 i, orig, kept = 0;

	items = xcalloc((size_t)cJSON_GetArraySize(t->retrieved) + 1,
	    sizeof *items);
	idx[0] = xcalloc(res[0].n + 1, sizeof *idx[0]);
	idx[1] = xcalloc(res[1].n + 1, sizeof *idx[1]);
	for (i = orig = from; (it = cJSON_GetArrayItem(t->retrieved, i)) !=
	    NULL; orig++) {
		if (prune && !cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(it,
		    "cited")) && kept++ >= RETRIEVE_K) {
			cJSON_DeleteItemFromArray(t->retrieved, i);
			continue;
		}
		i++;
		if (orig < lazy || (h = kb_item_hit(res, it)) == NULL)
			continue;
		items[nitems++] = it;
		if (h->snippet == NULL && kb_hit_index(res, h, &r, &k))
			idx[r][nidx[r]++] = k;
	}
	for (r = 0; r < 2; r++)
		if (nidx[r] > 0)
			(void)search_snippets(t->st, &res[r], idx[r], nidx[r],
			    NULL);	/* on failure each has "" */
	for (k = 0; k < nitems; k++)
		if ((h = kb_item_hit(res, items[k])) != NULL &&
		    h->snippet != NULL)
			cJSON_ReplaceItemInObjectCaseSensitive(items[k],
			    "snippet", cJSON_CreateString(h->snippet));
	free(idx[0]);
	free(idx[1]);
	free(items);
}

static void
kb_picks_free(struct kb_pick *pk, size_t n)
{
	size_t	 i;

	for (i = 0; pk != NULL && i < n; i++)
		free(pk[i].heading);
	free(pk);
}

/*
 * Search for the subject and weigh every hit: *pk gets the picks (*n of
 * them, res[0]'s then res[1]'s); returns the index of the best, the
 * customer's FAQ question first.
 */
static size_t
kb_rank(struct tctx *t, const struct kb_subject *subj, unsigned kinds,
    struct search_result *res, struct kb_pick **pk, size_t *n)
{
	size_t	 i, best = 0;

	kb_search_scoped(t, subj, kinds, res);
	*n = res[0].n + res[1].n;
	*pk = xcalloc(*n + 1, sizeof **pk);
	for (i = 0; i < *n; i++) {
		kb_weigh(t, subj, i < res[0].n ? &res[0].hits[i] :
		    &res[1].hits[i - res[0].n], i >= res[0].n, &(*pk)[i]);
		if ((*pk)[i].score > (*pk)[best].score)
			best = i;
	}
	return *n > 0 ? kb_faq_asked(t, *pk, *n, best) : 0;
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

/*
 * Whether a pick about no product covers the customer's key terms (own
 * words beside KB_GENERIC; all of them when only generic ones were
 * said): at least one, and for an answer to an unclear question (half)
 * at least half.  A product's or the last answer's document is judged
 * by its scope instead.
 */
static int
kb_covers(struct tctx *t, const struct kb_subject *s,
    const struct kb_pick *pk, int half)
{
	static const char sql[] = "SELECT heading, text FROM chunks "
	    "WHERE id = ?1";
	sqlite3_stmt	*st;
	struct sbuf	 sec = SBUF_INIT;
	uint32_t	 key, got, generic;
	const char	*c;

	if (strcmp(pk->scope, "any") != 0 && strcmp(pk->scope, "general") != 0)
		return 1;
	key = kb_shared_words(s, t->fold.s.buf);
	generic = kb_generic_words(t, s);
	if ((key & ~generic) != 0)
		key &= ~generic;
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
	sbuf_release(&sec);
	return got != 0 && (!half || 2 * kb_bits(got) >= kb_bits(key));
}

/* dlg_handle_kb with a floor on the best hit's score (-1: none). */
static int
kb_answer(struct tctx *t, unsigned kinds, const char *action,
    const char *tpl, double min_score)
{
	struct search_result res[2];
	struct kb_subject subj;
	struct kb_pick	*pk = NULL;
	const struct search_hit *h;
	size_t		 n, best = 0, i;
	int		 ok = 0, strong, from = cJSON_GetArraySize(t->retrieved);
	int		 lazy = from;	/* items of the searches from here */

	memset(&subj, 0, sizeof subj);
	subj.how = "none";
	/* Help with a product: its documents first (top of the file). */
	if (kinds & (SEARCH_KIND_BIT(SEARCH_MANUAL) |
	    SEARCH_KIND_BIT(SEARCH_TICKET)))
		kb_subject_find(t, &subj, 0);
	kb_subject_stems(t, &subj);
	kb_word_weights(t, &subj, subj.weight);
	best = kb_rank(t, &subj, kinds, res, &pk, &n);
	if (strcmp(subj.how, "named") == 0 && (n == 0 ||
	    pk[best].score <= 0)) {
		/*
		 * Nothing for the product named: it may be named in passing
		 * ("how do I move Windows over to it"), so the product in
		 * focus, as if none were named.
		 */
		kb_keep_retrieved(t, from, 0, res, lazy);
		kb_picks_free(pk, n);
		search_result_free(&res[0]);
		search_result_free(&res[1]);
		kb_subject_release(&subj);
		kb_subject_find(t, &subj, 1);
		lazy = cJSON_GetArraySize(t->retrieved);
		kb_subject_stems(t, &subj);
		kb_word_weights(t, &subj, subj.weight);
		best = kb_rank(t, &subj, kinds, res, &pk, &n);
	}
	if (subj.nsku + subj.ncat > 0 || subj.doc != NULL)
		kb_subject_trace(t, &subj);
	if (n == 0 || pk[best].score <= 0)
		goto out;
	if (!kb_covers(t, &subj, &pk[best], min_score >= 0)) {
		/* the best that covers them, if any does */
		dlg_jset_str(t->trace, "kb_uncovered", pk[best].h->id);
		for (i = 0, best = n; i < n; i++)
			if (pk[i].score > 0 && (best == n ||
			    pk[i].score > pk[best].score) &&
			    kb_covers(t, &subj, &pk[i], min_score >= 0))
				best = i;
		if (best == n)
			goto out;
	}
	/* How well it matches, not how close it is to the subject. */
	strong = pk[best].h->score >= min_score ||
	    (strcmp(pk[best].scope, "product") == 0 &&
	    pk[best].words >= KB_STRONG_WORDS) ||
	    (strcmp(pk[best].scope, "last") == 0 && pk[best].words > 0);
	if (!strong) {
		dlg_jset_num(t->trace, "kb_best", pk[best].score);
		goto out;
	}
	h = pk[best].h;
	slots_set(&t->slots, "title", h->title);
	slots_set(&t->slots, "heading", pk[best].heading != NULL ?
	    pk[best].heading : h->heading);
	kb_answer_text(t, res, h, pk[best].rowid != 0 ? pk[best].rowid :
	    h->rowid);
	dlg_cite(t, search_kind_name(h->kind), h->id, h->title, "text");
	/*
	 * The answer is about that product.  The focus is left to the
	 * dialogue state: a manual answer about an older product in focus
	 * is no reason to make it the one "it" means next, and a product
	 * named may be a word taken for one.
	 */
	if (pk[best].sku != NULL)
		dlg_cite(t, "product", pk[best].sku, NULL, "documents");
	if (h->kind == SEARCH_MANUAL || h->kind == SEARCH_TICKET)
		dlg_jset_str(t->state, "kb_doc", h->id);
	dlg_set_action(t, action, "best %s \"%s\" (score %.3f, %s)",
	    search_kind_name(h->kind), h->id, pk[best].score, pk[best].scope);
	if (tpl == NULL)	/* each kind its own template */
		tpl = h->kind == SEARCH_MANUAL ? "manual_answer" :
		    "faq_answer";
	dlg_say(t, h->kind == SEARCH_TICKET ? "ticket_answer" : tpl);
	ok = 1;
out:
	kb_keep_retrieved(t, from, 1, res, lazy);
	kb_picks_free(pk, n);
	search_result_free(&res[0]);
	search_result_free(&res[1]);
	kb_subject_release(&subj);
	return ok;
}

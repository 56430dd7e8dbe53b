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
 * the best there is when the customer names no product): a doorbell
 * that will not reset is never answered with a ticket about a parcel
 * gone missing.  The query carries the subject's names to find its
 * documents, so a hit must also share one of the customer's own words
 * besides those names.  What a question is about lives in dlg-kbsubj.c,
 * how each hit is weighed in dlg-kbword.c; this file searches, ranks
 * and answers.
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
#include "dlg-kb.h"

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

/* The whole text of document chunk rowid (caller frees), or NULL. */
char *
dlg_kb_chunk_text(struct tctx *t, long long rowid)
{
	static const char sql[] = "SELECT text FROM chunks WHERE id = ?1";
	sqlite3_stmt	*s = store_prepare(t->st, sql, NULL);
	char		*text = NULL;

	if (s == NULL)
		return NULL;
	dlg_retrieve_begin(t);
	sqlite3_bind_int64(s, 1, rowid);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0) != NULL)
		text = xstrdup((const char *)sqlite3_column_text(s, 0));
	sqlite3_reset(s);
	dlg_retrieve_end(t);
	return text;
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

#define KB_POOL		20	/* hits weighed per scoped search */

/* Answer from the best document chunk for the words (and product). */
static int	 kb_answer(struct tctx *, unsigned, const char *,
		    const char *, double, int);

int
dlg_handle_kb(struct tctx *t, unsigned kinds, const char *action,
    const char *tpl)
{
	return kb_answer(t, kinds, action, tpl, -1, KB_COVER_ONE);
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
	return kb_answer(t, kinds, "kb_answer", NULL, min_score,
	    KB_COVER_HALF);
}

/*
 * The same for a problem told about an order of the customer's ("my
 * parcel is running late, what now"): the FAQ or policy must hold two
 * of the customer's own words at least, beside the store's common ones
 * ("where is my package" is asked of one order, not of an FAQ).
 */
int
dlg_handle_kb_told(struct tctx *t, unsigned kinds, double min_score)
{
	return kb_answer(t, kinds, "kb_answer", NULL, min_score,
	    KB_COVER_TWO);
}

/*
 * The same for a message found off topic: the FAQ or policy must also
 * hold the customer's key terms, all but one of three or more ("how do
 * I change a tire" is no question about changing an order).
 */
int
dlg_handle_kb_sure(struct tctx *t, unsigned kinds, double min_score)
{
	return kb_answer(t, kinds, "kb_answer", NULL, min_score,
	    KB_COVER_ALL);
}

/*
 * The customer asked an FAQ's very question: that answer, even when a
 * policy section shares more of the words.  The index of that pick, or
 * best; *asked when that question is long enough (KB_ASKED_LETTERS) to
 * stand for the message whatever else it holds.
 */
#define KB_ASKED_LETTERS 12	/* an FAQ's question this long, asked
				   whole, is the question ("do you keep my
				   chat conversations") */

static size_t
kb_faq_asked(struct tctx *t, const struct kb_pick *pk, size_t n, size_t best,
    int *asked)
{
	size_t	 i;
	char	*qs = alnum_squeeze(t->text), *ts;
	int	 found = 0;

	for (i = 0; i < n && !found; i++) {
		if (pk[i].h->kind != SEARCH_FAQ || pk[i].score <= 0)
			continue;
		ts = alnum_squeeze(pk[i].h->title);
		found = ts[0] != '\0' && strstr(qs, ts) != NULL;
		*asked = found && strlen(ts) >= KB_ASKED_LETTERS;
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
	char		*text = dlg_kb_chunk_text(t, rowid);
	size_t		 r, i;

	if (text != NULL) {
		slots_set(&t->slots, "answer", text);
		free(text);
		return;
	}
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
	if (!s->unnamed || s->nsku == 0) {
		sbuf_release(&q);
		return;
	}
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

/* Is the pick a document about no product (an FAQ, a policy)? */
static int
kb_about_none(const struct kb_pick *pk)
{
	return strcmp(pk->scope, "any") == 0 ||
	    strcmp(pk->scope, "general") == 0;
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
 * Words of a mishap to an item or a delivery: an entry whose title
 * tells one ("My item arrived damaged", "Late, lost and damaged
 * deliveries") answers a customer who suffered it, and may open with
 * an apology for it.  A code or a setting that does not work is no
 * such mishap: a coupon "not working" is asked calmly.
 */
static const char *const mishap[] = { "damaged", "damage", "broken",
	"cracked", "smashed", "crushed", "dented", "scratched", "shattered",
	"defective", "faulty", "lost", "late", "missing", "stolen",
	"never arrived", "never came", "not received", "don't have",
	"dont have", NULL };
/* More ways a customer tells one, never read in a title ("overdue" is
 * late, "hasn't arrived" missing). */
static const char *const mishap_told[] = { "overdue", "delayed",
	"hasn't arrived", "hasnt arrived", "has not arrived", "didn't arrive",
	"didnt arrive", "did not arrive", "not arrived", "never got",
	"still waiting", "still not here", "not here yet", "broke", "stuck",
	"wrong item", NULL };
/* What an entry about a mishap nobody told still weighs. */
#define KB_MISHAP_UNSAID	0.5

/*
 * Does pick pk's title tell a mishap that the turn does not: no word of
 * one said, no feeling ("how fast does it arrive" is no damaged
 * delivery, though it shares "arrive" with one)?
 */
static int
kb_mishap_unsaid(struct tctx *t, const struct kb_pick *pk)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	const char *const *w;
	int		 told = 0;

	if (pk->h->title == NULL || t->e->fr.feeling != FEELING_NONE ||
	    dlg_has_any(t, mishap) || dlg_has_any(t, mishap_told))
		return 0;
	text_fold(pk->h->title, strlen(pk->h->title), &f);
	for (w = mishap; *w != NULL && !told; w++)
		told = dlg_word_in(f.s.buf, *w, strlen(*w));
	text_folded_release(&f);
	return told;
}

/*
 * Search for the subject and weigh every hit: *pk gets the picks (*n of
 * them, res[0]'s then res[1]'s); returns the index of the best, the
 * customer's FAQ question first.  An entry about a mishap the customer
 * did not tell weighs less (kb_mishap_unsaid).
 */
static size_t
kb_rank(struct tctx *t, const struct kb_subject *subj, unsigned kinds,
    struct search_result *res, struct kb_pick **pk, size_t *n, int *asked)
{
	size_t	 i, best = 0;

	*asked = 0;
	kb_search_scoped(t, subj, kinds, res);
	*n = res[0].n + res[1].n;
	*pk = xcalloc(*n + 1, sizeof **pk);
	for (i = 0; i < *n; i++) {
		dlg_kb_weigh(t, subj, i < res[0].n ? &res[0].hits[i] :
		    &res[1].hits[i - res[0].n], i >= res[0].n, &(*pk)[i]);
		if ((*pk)[i].score > 0 && kb_mishap_unsaid(t, &(*pk)[i]))
			(*pk)[i].score *= KB_MISHAP_UNSAID;
		if ((*pk)[i].score > (*pk)[best].score)
			best = i;
	}
	return *n > 0 ? kb_faq_asked(t, *pk, *n, best, asked) : 0;
}

/* dlg_handle_kb with a floor on the best hit's score (-1: none). */
static int
kb_answer(struct tctx *t, unsigned kinds, const char *action,
    const char *tpl, double min_score, int need)
{
	struct search_result res[2];
	struct kb_subject subj;
	struct kb_pick	*pk = NULL;
	const struct search_hit *h;
	size_t		 n, best = 0, i, unc;
	int		 ok = 0, strong, from = cJSON_GetArraySize(t->retrieved);
	int		 asked;		/* an FAQ's whole question said */
	int		 lazy = from;	/* items of the searches from here */

	memset(&subj, 0, sizeof subj);
	subj.how = "none";
	/* Help with a product: its documents first (top of the file). */
	if (kinds & (SEARCH_KIND_BIT(SEARCH_MANUAL) |
	    SEARCH_KIND_BIT(SEARCH_TICKET)))
		dlg_kb_subject_find(t, &subj, 0);
	dlg_kb_subject_stems(t, &subj);
	dlg_kb_word_weights(t, &subj, subj.weight);
	best = kb_rank(t, &subj, kinds, res, &pk, &n, &asked);
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
		dlg_kb_subject_release(&subj);
		dlg_kb_subject_find(t, &subj, 1);
		lazy = cJSON_GetArraySize(t->retrieved);
		dlg_kb_subject_stems(t, &subj);
		dlg_kb_word_weights(t, &subj, subj.weight);
		best = kb_rank(t, &subj, kinds, res, &pk, &n, &asked);
	}
	if (subj.nsku + subj.ncat > 0 || subj.doc != NULL)
		dlg_kb_subject_trace(t, &subj);
	dlg_kb_trace_picks(t, &subj, pk, n);
	if (n == 0 || pk[best].score <= 0)
		goto out;
	/*
	 * The customer asked an FAQ's question, whole, with whatever round
	 * it ("hi, quick question ..."): that entry covers it and is
	 * strong, whatever other words came with it.
	 */
	if (asked)
		dlg_jset_str(t->trace, "kb_asked", pk[best].h->id);
	else if (!dlg_kb_covers(t, &subj, &pk[best], need)) {
		/*
		 * The best that covers them, if any does: another section
		 * of the same entry, or a document of the subject's.  Another
		 * FAQ or policy that ranked lower is no likelier the topic
		 * ("how quick is an e gift card delivered" is not asked of
		 * the items that cannot be returned).
		 */
		dlg_jset_str(t->trace, "kb_uncovered", pk[best].h->id);
		for (i = 0, unc = best, best = n; i < n; i++)
			if (pk[i].score > 0 && (best == n ||
			    pk[i].score > pk[best].score) &&
			    (!kb_about_none(&pk[i]) || strcmp(pk[i].h->id,
			    pk[unc].h->id) == 0) &&
			    dlg_kb_covers(t, &subj, &pk[i], need))
				best = i;
		if (best == n)
			goto out;
	}
	/* How well it matches, not how close it is to the subject. */
	strong = asked || pk[best].h->score >= min_score ||
	    (strcmp(pk[best].scope, "product") == 0 &&
	    pk[best].words >= KB_STRONG_WORDS) ||
	    (strcmp(pk[best].scope, "last") == 0 && pk[best].words > 0);
	if (!strong) {
		dlg_jset_num(t->trace, "kb_best", pk[best].score);
		goto out;
	}
	/*
	 * Only the store's generic words chose it ("which cards do you
	 * take"): which topic is not known; ask, naming the best one.
	 */
	if (!asked && dlg_kb_generic_only(t, &subj, &pk[best])) {
		dlg_kb_unsure(t, &pk[best]);
		ok = 1;
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
	dlg_kb_subject_release(&subj);
	return ok;
}

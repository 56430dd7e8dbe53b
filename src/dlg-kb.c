/*
 * dlg-kb.c: knowledge answers.  It runs the knowledge-base searches
 * (BM25, or hybrid with vectors when a retriever is set) and records what
 * came back in the trace, and answers from the best FAQ, policy, manual
 * or ticket chunk.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "store.h"
#include "vector.h"
#include "dlg-int.h"

/* Retrieval from the knowledge base: search and record what came back. */
void
dlg_kb_search(struct tctx *t, const char *text, unsigned kinds, int limit,
    struct search_result *res)
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
 * The same only when the best hit scores at least min_score: an answer
 * for a question whose intent is unclear ("kb_answer", the kind's
 * template).
 */
int
dlg_handle_kb_strong(struct tctx *t, unsigned kinds, double min_score)
{
	return kb_answer(t, kinds, "kb_answer", NULL, min_score);
}

/* dlg_handle_kb with a floor on the best hit's score (-1: none). */
static int
kb_answer(struct tctx *t, unsigned kinds, const char *action,
    const char *tpl, double min_score)
{
	struct search_result res;
	struct sbuf	 q = SBUF_INIT;
	struct product	 p;
	const struct search_hit *h;
	const char	*sku = dlg_focus_top(t, 0);

	memset(&p, 0, sizeof p);
	sbuf_add(&q, t->text, t->len);
	/* Troubleshooting a product: its name helps find its manual. */
	if ((kinds & SEARCH_KIND_BIT(SEARCH_MANUAL)) && sku != NULL &&
	    dlg_first_entity(t, ENTITY_PRODUCT) == NULL &&
	    dlg_first_entity(t, ENTITY_CATEGORY) == NULL &&
	    dlg_load_product(t, sku, &p)) {
		sbuf_addf(&q, " %s", p.name);
		slots_set(&t->slots, "product_name", p.name);
		product_release(&p);
	}
	dlg_kb_search(t, q.buf, kinds, RETRIEVE_K, &res);
	sbuf_release(&q);
	if (res.n == 0 || res.hits[0].score < min_score) {
		if (res.n > 0)
			dlg_jset_num(t->trace, "kb_best", res.hits[0].score);
		search_result_free(&res);
		return 0;
	}
	h = &res.hits[0];
	{
		/*
		 * The customer asked an FAQ's very question: that answer,
		 * even when a policy section shares more of the words.
		 */
		size_t	 i;
		char	*qs = alnum_squeeze(t->text), *ts;

		for (i = 0; i < res.n; i++) {
			if (res.hits[i].kind != SEARCH_FAQ)
				continue;
			ts = alnum_squeeze(res.hits[i].title);
			if (ts[0] != '\0' && strstr(qs, ts) != NULL)
				h = &res.hits[i];
			free(ts);
			if (h != &res.hits[0])
				break;
		}
		free(qs);
	}
	slots_set(&t->slots, "title", h->title);
	slots_set(&t->slots, "heading", h->heading);
	{
		/* The chunk's whole text, not the snippet. */
		static const char sql[] = "SELECT text FROM chunks WHERE"
		    " id = ?1";
		sqlite3_stmt *s = store_prepare(t->st, sql, NULL);

		dlg_retrieve_begin(t);
		if (s != NULL) {
			sqlite3_bind_int64(s, 1, h->rowid);
			if (sqlite3_step(s) == SQLITE_ROW)
				slots_set(&t->slots, "answer",
				    (const char *)sqlite3_column_text(s, 0));
			sqlite3_reset(s);
		}
		dlg_retrieve_end(t);
	}
	if (slots_get(&t->slots, "answer") == NULL)
		slots_set(&t->slots, "answer", h->snippet);
	dlg_cite(t, search_kind_name(h->kind), h->id, h->title, "text");
	dlg_set_action(t, action, "best %s \"%s\" (score %.3f)",
	    search_kind_name(h->kind), h->id, h->score);
	if (tpl == NULL)	/* each kind its own template */
		tpl = h->kind == SEARCH_MANUAL ? "manual_answer" :
		    "faq_answer";
	dlg_say(t, h->kind == SEARCH_TICKET ? "ticket_answer" : tpl);
	search_result_free(&res);
	return 1;
}

/*
 * dlg-kbunsure.c: how sure a knowledge answer of dlg-kb.c is.  The best
 * picks are written to the trace ("kb_picks", with the customer's words
 * as "kb_words"): what an answer was chosen over and by how much.  When
 * the evidence for the best pick is too weak to name a topic, the reply
 * says so and names the topic found, instead of answering from an entry
 * the customer may not mean.
 */
#include "config.h"

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

#define KB_TRACE_PICKS	3	/* best picks written to the trace */

/*
 * The KB_TRACE_PICKS best picks, for the trace: what the answer was
 * chosen over, and by how much; the customer's words (their bits are
 * each pick's "set").
 */
void
dlg_kb_trace_picks(struct tctx *t, const struct kb_subject *s,
    const struct kb_pick *pk, size_t n)
{
	size_t	 top[KB_TRACE_PICKS], nt = 0, i, j;
	cJSON	*it, *arr;

	for (i = 0; i < n; i++) {
		if (pk[i].score <= 0)
			continue;
		for (j = nt; j > 0 && pk[top[j - 1]].score < pk[i].score; j--)
			if (j < KB_TRACE_PICKS)
				top[j] = top[j - 1];
		if (j < KB_TRACE_PICKS) {
			top[j] = i;
			if (nt < KB_TRACE_PICKS)
				nt++;
		}
	}
	/* the last search's: the one answered, when one was */
	cJSON_DeleteItemFromObjectCaseSensitive(t->trace, "kb_picks");
	cJSON_DeleteItemFromObjectCaseSensitive(t->trace, "kb_words");
	if (nt == 0)
		return;
	arr = dlg_jarr(t->trace, "kb_words");
	for (i = 0; i < (size_t)s->nstem; i++)
		cJSON_AddItemToArray(arr, cJSON_CreateString(s->stem[i]));
	arr = dlg_jarr(t->trace, "kb_picks");
	for (i = 0; i < nt; i++) {
		it = cJSON_CreateObject();
		cJSON_AddStringToObject(it, "id", pk[top[i]].h->id);
		cJSON_AddStringToObject(it, "heading", pk[top[i]].heading !=
		    NULL ? pk[top[i]].heading : "");
		cJSON_AddNumberToObject(it, "score",
		    round(pk[top[i]].score * 1e4) / 1e4);
		cJSON_AddNumberToObject(it, "words", pk[top[i]].words);
		cJSON_AddNumberToObject(it, "set", pk[top[i]].set);
		cJSON_AddItemToArray(arr, it);
	}
}

/*
 * Not sure which topic the customer means (the evidence for pick pk is
 * weak): say so and name the topic found, for the customer to confirm
 * or put in other words.  Nothing of its text is stated.
 */
void
dlg_kb_unsure(struct tctx *t, const struct kb_pick *pk)
{
	const char	*topic = pk->heading != NULL && pk->heading[0] !=
	    '\0' ? pk->heading : pk->h->title;

	cJSON		*p;

	slots_set(&t->slots, "topic", topic);
	dlg_set_action(t, "kb_unsure", "only generic words for %s \"%s\"",
	    search_kind_name(pk->h->kind), pk->h->id);
	dlg_say(t, "kb_unsure");
	/* A "yes" is answered from that section (dlg_kb_confirm_topic). */
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
	p = cJSON_AddObjectToObject(t->state, "pending");
	cJSON_AddStringToObject(p, "action", "kb_topic");
	cJSON_AddStringToObject(p, "kind", search_kind_name(pk->h->kind));
	cJSON_AddStringToObject(p, "id", pk->h->id);
	cJSON_AddStringToObject(p, "title", pk->h->title);
	cJSON_AddStringToObject(p, "heading", pk->heading != NULL ?
	    pk->heading : "");
	cJSON_AddNumberToObject(p, "chunk", (double)(pk->rowid != 0 ?
	    pk->rowid : pk->h->rowid));
}

/*
 * "Yes" to the not-sure question: the answer from the section named
 * (pending, as dlg_kb_unsure left it); 0 when it is gone.
 */
int
dlg_kb_confirm_topic(struct tctx *t, const cJSON *pending)
{
	const char	*kind = dlg_jstr(pending, "kind");
	const char	*id = dlg_jstr(pending, "id");
	const cJSON	*c = cJSON_GetObjectItemCaseSensitive(pending, "chunk");
	char		*text;

	if (kind == NULL || id == NULL || !cJSON_IsNumber(c) ||
	    (text = dlg_kb_chunk_text(t, (long long)c->valuedouble)) == NULL)
		return 0;
	slots_set(&t->slots, "answer", text);
	free(text);
	slots_set(&t->slots, "title", dlg_jstr(pending, "title") != NULL ?
	    dlg_jstr(pending, "title") : "");
	slots_set(&t->slots, "heading", dlg_jstr(pending, "heading") != NULL ?
	    dlg_jstr(pending, "heading") : "");
	dlg_cite(t, kind, id, dlg_jstr(pending, "title"), "text");
	dlg_set_action(t, "kb_answer", "confirmed topic %s \"%s\"", kind, id);
	dlg_say(t, "faq_answer");
	return 1;
}

/*
 * engine-understand.c owns the understand stage of a turn (engine.c
 * runs the stages): the intent with its ranking and verdict, the
 * entities and the feeling of the text, and the judgement of scope that
 * a refused or unsure intent gets again with what the classifier
 * cannot see.  Each goes into the turn's trace as it is decided; the
 * dialogue modules read them from the engine and the turn context.
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "engine.h"
#include "engine-int.h"
#include "entity.h"
#include "feeling.h"
#include "intent.h"
#include "search.h"
#include "dlg-int.h"

static cJSON *
intent_json(const struct intent_result *ir)
{
	const char *const *names = intent_names(NULL);
	cJSON		*o = cJSON_CreateObject();

	cJSON_AddStringToObject(o, "name", names[ir->id]);
	cJSON_AddNumberToObject(o, "confidence",
	    round((double)ir->confidence * 1e4) / 1e4);
	return o;
}

static cJSON *
ranking_json(const struct intent_result *ir)
{
	const char *const *names = intent_names(NULL);
	cJSON		*a = cJSON_CreateArray(), *o;
	size_t		 i;

	for (i = 0; i < ir->ntop; i++) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "name", names[ir->top[i].id]);
		cJSON_AddNumberToObject(o, "confidence",
		    round((double)ir->top[i].score * 1e4) / 1e4);
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

/* The trace's entities, built from the structs. */
static cJSON *
entities_json(const struct entity_list *el)
{
	cJSON	*a = cJSON_CreateArray();
	size_t	 i;

	for (i = 0; i < el->n; i++)
		cJSON_AddItemToArray(a, entity_json(&el->v[i]));
	return a;
}

/* The feeling as JSON for the trace: label, scores, urgent. */
static cJSON *
feeling_json(const struct feeling_result *fr)
{
	cJSON	*o = cJSON_CreateObject(), *sc;
	int	 i;

	cJSON_AddStringToObject(o, "label", feeling_name(fr->feeling));
	sc = cJSON_AddObjectToObject(o, "scores");
	for (i = 0; i < FEELING_N; i++)
		cJSON_AddNumberToObject(sc, feeling_name((enum feeling)i),
		    fr->score[i]);
	cJSON_AddBoolToObject(o, "urgent", fr->urgent);
	cJSON_AddNumberToObject(o, "urgency", fr->urgency);
	return o;
}

/*
 * Out of scope is the last resort.  A message the classifier would
 * refuse, or is unsure of, is judged again with what the classifier
 * cannot see: the catalog products it names and the knowledge base's
 * best match, and whether something shown is in focus
 * (intent_in_store_context).  Only those: a search on every
 * turn would cost a plain question more than its whole answer.  The
 * trace's "scope" shows both decisions.
 */
static void
understand_scope(struct tctx *t)
{
	struct engine	*e = t->e;
	struct search_query q = SEARCH_QUERY_INIT;
	struct search_result res;
	cJSON		*o = cJSON_AddObjectToObject(t->trace, "scope");
	double		 kb = -1;
	size_t		 i, np = 0;
	int		 focus;

	cJSON_AddBoolToObject(o, "classifier_about_store",
	    e->ir.about_store);
	cJSON_AddNumberToObject(o, "classifier_in_store",
	    round((double)e->ir.in_store * 1e4) / 1e4);
	cJSON_AddNumberToObject(o, "out_of_scope",
	    round((double)e->ir.oos_score * 1e4) / 1e4);
	cJSON_AddNumberToObject(o, "store_words", e->ir.store_words);
	cJSON_AddNumberToObject(o, "other_words", e->ir.other_words);
	cJSON_AddNumberToObject(o, "relevance",
	    round((double)e->ir.relevance * 1e2) / 1e2);
	if (e->ir.verdict != INTENT_OK) {
		for (i = 0; i < e->el.n; i++)
			np += e->el.v[i].type == ENTITY_PRODUCT;
		memset(&res, 0, sizeof res);
		q.text = t->text;
		q.kinds = SEARCH_DOC_KINDS;
		q.limit = 1;
		q.price_words = 0;
		dlg_retrieve_begin(t);
		if (search_run(t->st, &q, &res, NULL) == SD_OK && res.n > 0)
			kb = res.hits[0].score;
		dlg_retrieve_end(t);
		if (res.n > 0) {
			cJSON_AddStringToObject(o, "kb_best",
			    res.hits[0].id);
			cJSON_AddNumberToObject(o, "kb_score",
			    round(kb * 1e4) / 1e4);
		}
		search_result_free(&res);
		cJSON_AddNumberToObject(o, "products", (double)np);
		/* A list shown or a product in focus: "and the other one?"
		 * is a follow-up on it. */
		focus = dlg_focus_top(t, 0) != NULL || cJSON_GetArraySize(
		    cJSON_GetObjectItemCaseSensitive(t->state, "results")) > 0;
		cJSON_AddBoolToObject(o, "focus", focus);
		intent_in_store_context(e->im, &e->ir, kb < 0 ? 0 : kb, np,
		    focus);
	}
	cJSON_AddBoolToObject(o, "about_store", e->ir.about_store);
	cJSON_AddNumberToObject(o, "in_store",
	    round((double)e->ir.in_store * 1e4) / 1e4);
}

/* understand: the intent and the entities of the text. */
void
engine_understand(struct tctx *t)
{
	struct engine	*e = t->e;
	cJSON		*v;

	intent_classify(e->im, t->text, t->len, &e->ir);
	entity_extract(e->gz, t->text, t->len, &e->el);
	dlg_model_words(t);	/* "the 8a": a name said in context */
	dlg_month_not_brand(t);	/* "the one from august": a date */
	/* "And next day?" after a store question: read with it. */
	if (dlg_ellipsis(t)) {
		dlg_model_words(t);
		dlg_month_not_brand(t);
	}
	understand_scope(t);
	t->intent = intent_names(NULL)[e->ir.id];
	t->intent_id = e->ir.id;
	t->confidence = e->ir.confidence;
	cJSON_AddItemToObject(t->trace, "intent", intent_json(&e->ir));
	cJSON_AddItemToObject(t->trace, "ranking", ranking_json(&e->ir));
	v = cJSON_AddObjectToObject(t->trace, "verdict");
	cJSON_AddStringToObject(v, "name", intent_verdict_name(e->ir.verdict));
	cJSON_AddStringToObject(v, "reason", e->ir.reason.buf);
	cJSON_AddNumberToObject(v, "threshold", intent_model_threshold(e->im));
	cJSON_AddNumberToObject(v, "margin", intent_model_margin(e->im));
	cJSON_AddNumberToObject(v, "in_store", e->ir.in_store);
	/* The feeling is the customer's own words'. */
	feeling_classify(e->fm, e->clean.buf, e->clean.len, &e->fr);
	cJSON_AddItemToObject(t->trace, "feeling", feeling_json(&e->fr));
	cJSON_AddItemToObject(t->trace, "entities", entities_json(&e->el));
}

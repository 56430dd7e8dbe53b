/*
 * engine.c owns one conversational turn: it runs the pipeline
 *
 *	normalize -> understand (intent, entities, feelings) -> state
 *	(session, dialogue state, customer) -> retrieve -> decide (the
 *	policy) -> respond -> check -> persist
 *
 * and records each step in the turn's trace (a cJSON object), which the
 * console's panes, replay --json and the API's debug field all show,
 * with each stage's time in timings_us.  The policy retrieves what its
 * action needs; that time is charged to "retrieve", not to "decide".
 * The dialogue modules (dlg-*.c, see dlg-int.h) hold the state, the
 * policy and the answers; engine-understand.c runs the understand
 * stage; this file opens the engine, runs the stages in order,
 * generates and stores the turn.
 *
 * Every fact in a reply comes from a row of the store, and the trace's
 * "citations" name the rows; the check stage holds the reply against
 * them before anyone sees it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "engine.h"
#include "engine-int.h"
#include "entity.h"
#include "experiment.h"
#include "factcheck.h"
#include "generate.h"
#include "history.h"
#include "mask.h"
#include "intent.h"
#include "json-out.h"
#include "paths.h"
#include "quality.h"
#include "sbuf.h"
#include "search.h"
#include "store.h"
#include "template.h"
#include "text.h"
#include "vector.h"
#include "dlg-int.h"

/* The engine. */

struct engine *
engine_open(struct store *st, const char *share_dir, struct sd_error *err)
{
	struct engine	*e = xcalloc(1, sizeof *e);
	char		*dir;

	e->st = st;
	e->share_dir = xstrdup(share_dir);
	if ((e->im = intent_model_load(st, share_dir, err)) == NULL)
		goto fail;
	if ((e->fm = feeling_model_open(share_dir, err)) == NULL)
		goto fail;
	if ((e->gz = gazetteer_load(st, err)) == NULL)
		goto fail;
	dir = paths_join(share_dir, "templates");
	e->tpl = template_load_dir(dir, err);
	free(dir);
	if (e->tpl == NULL)
		goto fail;
	/* The checker indexes the catalog and its policies now, not inside
	 * the first turn's check (200 ms at 100,000 products). */
	if ((e->fc = factcheck_open(st, err)) == NULL)
		goto fail;
	search_prepare(st);	/* not in the first customer's turn */
	e->actions = dlg_policy_table();
	e->ir = (struct intent_result)INTENT_RESULT_INIT;
	e->fr = (struct feeling_result)FEELING_RESULT_INIT;
	e->el = (struct entity_list)ENTITY_LIST_INIT;
	sbuf_init(&e->clean);
	return e;
fail:
	engine_close(e);
	return NULL;
}

void
engine_close(struct engine *e)
{
	if (e == NULL)
		return;
	if (e->im != NULL)
		intent_model_free(e->im);
	feeling_model_close(e->fm);
	feeling_result_release(&e->fr);
	gazetteer_free(e->gz);
	template_free(e->tpl);
	intent_result_release(&e->ir);
	entity_list_release(&e->el);
	sbuf_release(&e->clean);
	vec_retriever_free(e->vr);
	factcheck_free(e->fc);
	free(e->actions);
	free(e->share_dir);
	free(e);
}

void
engine_set_saver(struct engine *e, engine_save_fn fn, void *arg)
{
	e->save = fn;
	e->save_arg = arg;
}

void
engine_checkpoint_after_turns(struct engine *e)
{
	store_checkpoint_later(e->st);
}

void
engine_idle(struct engine *e)
{
	store_checkpoint_due(e->st);
}

void
engine_set_fixed_timings(struct engine *e, int on)
{
	e->fixed_timings = on;
}

void
engine_set_generator(struct engine *e, struct generator *g,
    gen_token_fn on_token, void *arg)
{
	e->gen = g;
	e->on_token = on_token;
	e->token_arg = arg;
	/*
	 * Vector retrieval needs the server (for the query's embedding)
	 * whatever the reply generator: a shop may want semantic search
	 * with template answers.  Without embeddings stored for the model
	 * vec_search is plain BM25, so nothing changes until "embed" ran.
	 */
	vec_retriever_free(e->vr);
	e->vr = NULL;
	if (g != NULL && generator_llm(g) != NULL &&
	    generator_vector_weight(g) > 0)
		e->vr = vec_retriever_new(e->st, generator_llm(g),
		    generator_embed_model(g), generator_vector_weight(g));
}

/*
 * check: every template reply is fact-checked before anyone sees it
 * (generate.h): one filled with facts the store does not back is
 * replaced, and the trace's "reply_check" says what was wrong.  Once a
 * turn, and its time is the check stage's wherever it runs: a generated
 * reply needs the checked template as its draft (and its fallback), so
 * respond asks for the check before it calls the model.
 */
static void
check_reply(struct tctx *t)
{
	struct gen_check ck;
	struct sd_error	 err = SD_ERROR_INIT;
	enum dlg_stage	 was = t->stage;
	char		*state;
	size_t		 i;

	if (t->checked || t->reply.len == 0)
		return;
	t->checked = 1;
	dlg_stage_end(t, DLG_CHECK);
	state = json_out_str(t->state);
	memset(&ck, 0, sizeof ck);
	ck.text = t->text;
	ck.state_json = state;
	ck.user_id = t->user_id;
	ck.sources = t->citations;
	ck.more = t->retrieved;
	if (gen_check_reply(&t->e->fc, t->st, &ck, &t->reply, &t->verdict,
	    &err) != SD_OK)
		cJSON_AddStringToObject(t->trace, "reply_check_error",
		    sd_error_msg(&err));
	else
		cJSON_AddItemToObject(t->trace, "reply_check",
		    t->verdict.trace);
	if (t->verdict.bug)
		for (i = 0; i < t->ntables; i++)
			t->tables[i].len = 0;	/* not in this reply */
	t->verdict.trace = NULL;
	sd_error_clear(&err);
	free(state);
	dlg_stage_end(t, was);
}

/*
 * Generated replies (generate.h says when): the template reply stays the
 * answer unless a generated one comes back and survives the fact-check.
 * Returns "llm" or "template" for the trace.
 */
static const char *
generate(struct tctx *t)
{
	struct gen_request rq;
	struct gen_result res;
	struct gen_source *src;
	struct sd_error	 err = SD_ERROR_INIT;
	cJSON		*it, *cust = NULL, *c, *orders;
	char		*state = NULL, *cj = NULL, **ids = NULL;
	const char	*why, *used = "template";
	size_t		 n = 0, i, nids = 0;
	struct order	 o;

	why = gen_wants(t->e->gen, t->intent, t->text, t->fallback,
	    (size_t)cJSON_GetArraySize(t->retrieved));
	if (why == NULL || t->escalate)
		return used;
	check_reply(t);		/* the draft the model works from */
	t->checked = 1;		/* the model's text is checked as it comes */
	dlg_read_end(t);	/* no snapshot held while it answers */
	src = xcalloc((size_t)cJSON_GetArraySize(t->retrieved) + 1,
	    sizeof *src);
	cJSON_ArrayForEach(it, t->retrieved) {
		const char *k = dlg_jstr(it, "kind");

		if (strcmp(k, "customer") == 0 || strcmp(k, "order") == 0)
			continue;
		src[n].kind = k;
		src[n].id = dlg_jstr(it, "id");
		src[n].title = dlg_jstr(it, "title");
		n++;
	}
	if (t->have_cust) {
		cust = cJSON_CreateObject();
		cJSON_AddStringToObject(cust, "name", t->cust.name);
		cJSON_AddStringToObject(cust, "tier", t->cust.tier);
		if ((c = cJSON_Parse(t->cust.preferences)) != NULL)
			cJSON_AddItemToObject(cust, "preferences", c);
		orders = cJSON_AddArrayToObject(cust, "orders");
		catalog_customer_orders(t->st, t->cust.id, &ids, &nids, NULL);
		for (i = 0; i < nids; i++) {
			if (i < 5 && catalog_order(t->st, ids[i], &o, NULL) ==
			    SD_OK) {
				c = cJSON_CreateObject();
				cJSON_AddStringToObject(c, "id", o.id);
				cJSON_AddStringToObject(c, "status", o.status);
				cJSON_AddStringToObject(c, "placed_at",
				    o.placed_at);
				if (o.delivered_at != NULL)
					cJSON_AddStringToObject(c,
					    "delivered_at", o.delivered_at);
				cJSON_AddItemToArray(orders, c);
				order_release(&o);
			}
			free(ids[i]);
		}
		free(ids);
		cj = json_out_str(cust);
	}
	state = json_out_str(t->state);
	memset(&rq, 0, sizeof rq);
	rq.text = t->text;
	rq.src = src;
	rq.nsrc = n;
	rq.state_json = state;
	rq.customer_json = cj;
	rq.template_reply = t->reply.buf;
	rq.user_id = t->user_id;
	rq.on_token = t->e->on_token;
	rq.arg = t->e->token_arg;
	if (generate_reply(t->e->gen, &rq, &res, &err) == SD_OK) {
		sbuf_reset(&t->reply);
		sbuf_adds(&t->reply, res.reply);
		for (i = 0; i < t->ntables; i++)
			t->tables[i].len = 0;	/* not in this reply */
		t->verdict.claims = res.claims;
		t->verdict.backed = res.backed;
		t->verdict.bug = 0;
		used = "llm";
		cJSON_ArrayForEach(c, res.citations)
			if (cJSON_IsTrue(cJSON_GetObjectItem(c, "known")))
				dlg_cite(t, dlg_jstr(c, "kind"),
				    dlg_jstr(c, "id"), NULL, "generated");
	}
	if (t->e->fixed_timings)
		cJSON_ReplaceItemInObjectCaseSensitive(res.llm, "latency_ms",
		    cJSON_CreateNumber(0));
	cJSON_AddStringToObject(res.llm, "why", why);
	cJSON_AddItemToObject(t->trace, "llm", res.llm);
	cJSON_AddItemToObject(t->trace, "factcheck", res.factcheck);
	res.llm = res.factcheck = NULL;
	gen_result_release(&res);
	sd_error_clear(&err);
	cJSON_Delete(cust);
	free(cj);
	free(state);
	free(src);
	return used;
}

enum sd_rc
engine_reload_templates(struct engine *e, struct sd_error *err)
{
	char			*dir = paths_join(e->share_dir, "templates");
	struct template_set	*ts = template_load_dir(dir, err);

	free(dir);
	if (ts == NULL)
		return err != NULL ? err->rc : SD_ERR_PARSE;
	template_free(e->tpl);
	e->tpl = ts;
	return SD_OK;
}

cJSON *
turn_tables_json(const struct turn_table *v, size_t n)
{
	cJSON	*a = cJSON_CreateArray(), *o, *cols, *rows, *row;
	size_t	 i, r, c;

	for (i = 0; i < n; i++) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "kind", v[i].kind);
		cols = cJSON_AddArrayToObject(o, "columns");
		for (c = 0; c < v[i].ncols; c++)
			cJSON_AddItemToArray(cols,
			    cJSON_CreateString(v[i].header[c]));
		rows = cJSON_AddArrayToObject(o, "rows");
		for (r = 0; r < v[i].nrows; r++) {
			row = cJSON_CreateArray();
			for (c = 0; c < v[i].ncols; c++)
				cJSON_AddItemToArray(row, cJSON_CreateString(
				    v[i].cells[r * v[i].ncols + c]));
			cJSON_AddItemToArray(rows, row);
		}
		cJSON_AddNumberToObject(o, "at", (double)v[i].at);
		cJSON_AddNumberToObject(o, "len", (double)v[i].len);
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

void
turn_release(struct turn *tu)
{
	dlg_tables_release(tu->tables, tu->ntables);
	free(tu->session_id);
	free(tu->user_id);
	free(tu->reply);
	cJSON_Delete(tu->trace);
	memset(tu, 0, sizeof *tu);
}

/* FNV-1a: the template variant follows the session and turn number. */
static unsigned long
seed_of(const char *session, long long turn)
{
	unsigned long	 h = 2166136261u;

	for (; *session != '\0'; session++)
		h = (h ^ (unsigned char)*session) * 16777619u;
	h = (h ^ (unsigned long)turn) * 16777619u;
	return h >> 4;
}

/* Store the turn: both lines, the trace and the state, in one go. */
static enum sd_rc
persist(struct tctx *t, struct turn *tu, long long latency,
    const struct experiment_exposure *x, struct sd_error *err)
{
	struct history_turn ht;
	struct quality_turn q;
	char		*trace = NULL, *state = NULL;
	enum sd_rc	 rc;

	memset(&ht, 0, sizeof ht);
	quality_measure(t->trace, t->text, &q);
	ht.quality = &q;
	ht.experiment = x->experiment;
	ht.arm = x->arm;
	ht.session_id = t->si.id;
	ht.text = t->text;
	ht.intent = t->intent;
	ht.confidence = t->confidence;
	if (tu->reply[0] != '\0') {
		trace = json_out_str(t->trace);
		ht.reply = tu->reply;
		ht.action = t->action;
		ht.latency_us = latency;
		ht.trace = trace;
	}
	state = json_out_str(t->state);
	ht.state = state;
	ht.status = t->escalate ? "escalated" : t->si.status;
	ht.reason = t->escalate ? t->escalate_reason :
	    t->si.escalation_reason;
	ht.agent = t->si.agent;
	ht.claims = t->verdict.claims;
	ht.claims_backed = t->verdict.backed;
	ht.fill_bug = t->verdict.bug;
	if (t->e->save != NULL)
		rc = t->e->save(t->e->save_arg, &ht, err);
	else
		rc = history_turn_save(t->st, &ht, err);
	tu->user_msg_id = ht.user_msg_id;
	tu->bot_msg_id = ht.bot_msg_id;
	quality_turn_release(&q);
	free(trace);
	free(state);
	return rc;
}

/* The names of the stages in the trace's timings_us, in order. */
static const char *const stage_names[DLG_STAGES] = {
	[DLG_NORMALIZE] = "normalize",
	[DLG_UNDERSTAND] = "understand",
	[DLG_STATE] = "state",
	[DLG_RETRIEVE] = "retrieve",
	[DLG_DECIDE] = "decide",
	[DLG_RESPOND] = "respond",
	[DLG_CHECK] = "check",
	[DLG_PERSIST] = "persist",
};

/* The times of the stages before stage end, in pipeline order. */
static cJSON *
timings_json(const struct tctx *t, enum dlg_stage end)
{
	cJSON	*o = cJSON_CreateObject();
	int	 i;

	for (i = 0; i < (int)end; i++)
		cJSON_AddNumberToObject(o, stage_names[i],
		    t->e->fixed_timings ? 0 : (double)t->stage_us[i]);
	return o;
}

/*
 * state: open the session (creating it), read its dialogue state and
 * start the trace with who says what.  *before gets a copy of the state
 * as it was.
 */
static enum sd_rc
turn_session(struct tctx *t, enum engine_channel channel,
    const char *session_id, const struct text_clean *clean, cJSON **before,
    struct sd_error *err)
{
	int		 created = 0;
	enum sd_rc	 rc;

	if ((rc = history_session_open(t->st, session_id, t->user_id,
	    engine_channel_name(channel), 0, &t->si, &created, err)) != SD_OK)
		return rc;
	if (t->user_id == NULL && t->si.user_id != NULL)
		t->user_id = t->si.user_id;
	t->state = cJSON_Parse(t->si.state);
	if (!cJSON_IsObject(t->state)) {
		cJSON_Delete(t->state);
		t->state = cJSON_CreateObject();
	}
	*before = cJSON_Duplicate(t->state, 1);
	dlg_read_begin(t);
	cJSON_AddStringToObject(t->trace, "session_id", t->si.id);
	if (t->user_id != NULL)
		cJSON_AddStringToObject(t->trace, "user_id", t->user_id);
	else
		cJSON_AddNullToObject(t->trace, "user_id");
	cJSON_AddStringToObject(t->trace, "text", t->text);
	if (clean->truncated || clean->repaired || clean->controls) {
		cJSON *n = cJSON_AddObjectToObject(t->trace, "input");

		cJSON_AddNumberToObject(n, "bytes", (double)clean->in_len);
		cJSON_AddNumberToObject(n, "kept", (double)t->len);
		cJSON_AddBoolToObject(n, "truncated", clean->truncated);
		cJSON_AddBoolToObject(n, "repaired", clean->repaired);
		cJSON_AddBoolToObject(n, "controls", clean->controls);
		if (clean->truncated)
			cJSON_AddNumberToObject(n, "limit", TEXT_MAX_MESSAGE);
	}
	return SD_OK;
}

/*
 * A/B experiments (experiment.h): the session's arm of the running
 * experiment, its settings applied to this turn only (the engine's own
 * are put back by arm_end), and the exposure in the trace.
 */
struct arm_turn {
	struct experiment_exposure x;
	struct generator *gen;		/* the engine's own generator */
	double		 threshold, margin;	/* and intent decision */
	double		 vector;	/* and fusion weight (when vr) */
};

/* The arm's retrieval weights into the exposure's settings s. */
static void
arm_weights_trace(cJSON *s, const struct experiment_settings *x)
{
	int	 k;

	if (x->has_vector) {
		cJSON_AddNumberToObject(s, "vector", x->vector);
		cJSON_AddNumberToObject(s, "bm25", 1 - x->vector);
	}
	for (k = 0; x->has_kind_weight && k < SEARCH_NKINDS; k++)
		if (x->kind_weight[k] != 1)
			cJSON_AddNumberToObject(s, search_kind_name(
			    (enum search_kind)k), x->kind_weight[k]);
}

static enum sd_rc
arm_begin(struct tctx *t, struct arm_turn *a, struct sd_error *err)
{
	struct engine	*e = t->e;
	cJSON		*o, *s;
	enum sd_rc	 rc;

	a->gen = e->gen;
	a->threshold = intent_model_threshold(e->im);
	a->margin = intent_model_margin(e->im);
	if ((rc = experiment_expose(t->st, t->si.id, NULL, &a->x, err)) !=
	    SD_OK || a->x.experiment == NULL)
		return rc;
	if (a->x.set.has_threshold)
		intent_model_set_decision(e->im, a->x.set.threshold,
		    a->margin);
	if (a->x.set.generator == 0)
		e->gen = NULL;
	if (a->x.set.has_vector && e->vr != NULL)
		a->vector = vec_retriever_set_weight(e->vr, a->x.set.vector);
	if (a->x.set.has_kind_weight)
		t->kind_weight = a->x.set.kind_weight;
	o = cJSON_AddObjectToObject(t->trace, "experiment");
	cJSON_AddStringToObject(o, "name", a->x.experiment);
	cJSON_AddStringToObject(o, "arm", a->x.arm);
	s = cJSON_AddObjectToObject(o, "settings");
	if (a->x.set.has_variant)
		cJSON_AddNumberToObject(s, "variant", (double)a->x.set.variant);
	if (a->x.set.has_threshold)
		cJSON_AddNumberToObject(s, "threshold", a->x.set.threshold);
	if (a->x.set.generator >= 0)
		cJSON_AddStringToObject(s, "generator", a->x.set.generator ?
		    "on" : "off");
	arm_weights_trace(s, &a->x.set);
	return SD_OK;
}

static void
arm_end(struct engine *e, struct arm_turn *a)
{
	if (a->x.experiment != NULL) {
		e->gen = a->gen;
		intent_model_set_decision(e->im, a->threshold, a->margin);
		if (a->x.set.has_vector && e->vr != NULL)
			vec_retriever_set_weight(e->vr, a->vector);
	}
	experiment_exposure_release(&a->x);
}

/* decide: the policy's action, unless an agent holds the session. */
static void
turn_decide(struct tctx *t)
{
	if (strcmp(t->si.status, "agent") == 0) {
		/* An agent holds the session: store the line, say nothing. */
		dlg_set_action(t, "agent_hold", "an agent (%s) holds the "
		    "session", t->si.agent != NULL ? t->si.agent : "?");
	} else {
		char *top = dlg_focus_top(t, 0) != NULL ?
		    xstrdup(dlg_focus_top(t, 0)) : NULL;

		/* "My soundbar", "the ssd I ordered": their own item
		 * first (or which of them), then the policy. */
		if (!dlg_owned_resolve(t) && !dlg_two_requests(t))
			dlg_policy(t, &t->e->ir);
		dlg_focus_named(t, top);
		dlg_ellipsis_keep(t);
		dlg_mishap_note(t);
		free(top);
		if (!t->fallback && t->action != NULL &&
		    strcmp(t->action, "escalate") != 0)
			dlg_jset_num(t->state, "fallbacks", 0);
		if (t->reply.len == 0 && t->action == NULL)
			dlg_fallback(t, "no action chosen");
	}
	dlg_jset_str(t->state, "last_intent", t->intent);
}

/* Only the tables the reply shows stay with the turn. */
static void
keep_shown_tables(struct tctx *t)
{
	size_t	 i, n = 0;

	for (i = 0; i < t->ntables; i++) {
		free(t->table_text[i]);
		if (t->tables[i].len == 0)
			dlg_table_clear(&t->tables[i]);
		else
			t->tables[n++] = t->tables[i];
	}
	free(t->table_text);
	t->table_text = NULL;
	t->ntables = n;
}

/* respond: a generated reply where the generator wants one. */
static const char *
turn_respond(struct tctx *t)
{
	if (strcmp(t->si.status, "agent") == 0)
		return "template";
	return generate(t);
}

/*
 * The rest of the trace, once the reply is checked (before is the state
 * as it was; taken over).
 */
static void
trace_reply(struct tctx *t, cJSON *before, const char *generator)
{
	cJSON_AddItemToObject(t->trace, "state_before", before);
	cJSON_AddItemToObject(t->trace, "state_after",
	    cJSON_Duplicate(t->state, 1));
	cJSON_AddItemToObject(t->trace, "retrieved", t->retrieved);
	t->retrieved = NULL;
	cJSON_AddItemToObject(t->trace, "citations", t->citations);
	t->citations = NULL;
	cJSON_AddStringToObject(t->trace, "action", t->action);
	cJSON_AddStringToObject(t->trace, "reason", t->reason.buf);
	cJSON_AddStringToObject(t->trace, "generator", generator);
	if (t->template_used != NULL)
		cJSON_AddStringToObject(t->trace, "template",
		    t->template_used);
	else
		cJSON_AddNullToObject(t->trace, "template");
	cJSON_AddBoolToObject(t->trace, "escalated", t->escalate ||
	    strcmp(t->si.status, "escalated") == 0);
	cJSON_AddStringToObject(t->trace, "reply", t->reply.buf);
	keep_shown_tables(t);
	if (t->ntables > 0)
		cJSON_AddItemToObject(t->trace, "tables",
		    turn_tables_json(t->tables, t->ntables));
}

/*
 * One turn: normalize -> understand -> state -> decide (retrieving what
 * it needs) -> respond -> check -> persist.  Each stage's time goes to
 * the trace.
 */
/*
 * A card number typed into the chat becomes "[card]" here, before the
 * turn reads it: no history, trace, log or language model ever holds
 * one.  The count of numbers masked.
 */
static int
mask_card_numbers(struct sbuf *text)
{
	struct sbuf	 m = SBUF_INIT;
	int		 n = 0;

	if (strpbrk(text->buf, "0123456789") != NULL &&
	    (n = mask_cards(text->buf, &m)) > 0) {
		sbuf_reset(text);
		sbuf_add(text, m.buf, m.len);
	}
	sbuf_release(&m);
	return n;
}

const char *
engine_channel_name(enum engine_channel ch)
{
	switch (ch) {
	case ENGINE_CONSOLE:
		return "console";
	case ENGINE_CHAT:
		return "chat";
	case ENGINE_REPLAY:
		return "replay";
	case ENGINE_API:
		return "api";
	}
	return "?";
}

enum sd_rc
engine_turn(struct engine *e, enum engine_channel channel,
    const char *session_id, const char *user_id, const char *text,
    size_t len, struct turn *tu, struct sd_error *err)
{
	struct tctx	 t;
	struct arm_turn	 arm;
	struct text_clean clean;
	cJSON		*timings, *before = NULL;
	const char	*generator;
	long long	 start = dlg_now_us();
	size_t		 i;
	int		 masked;
	enum sd_rc	 rc;

	memset(tu, 0, sizeof *tu);
	memset(&t, 0, sizeof t);
	memset(&arm, 0, sizeof arm);
	t.e = e;
	t.st = e->st;
	t.user_id = user_id;
	t.fold = (struct text_folded)TEXT_FOLDED_INIT;
	sbuf_init(&t.reply);
	sbuf_init(&t.reason);
	t.trace = cJSON_CreateObject();
	t.retrieved = cJSON_CreateArray();
	t.citations = cJSON_CreateArray();
	t.mark = start;
	t.stage = DLG_NORMALIZE;

	text_sanitize(text, len, TEXT_MAX_MESSAGE, &e->clean, &clean);
	masked = mask_card_numbers(&e->clean);
	t.text = e->clean.buf;
	t.len = e->clean.len;
	text_fold(t.text, t.len, &t.fold);
	dlg_stage_end(&t, DLG_STATE);
	if ((rc = turn_session(&t, channel, session_id, &clean, &before,
	    err)) != SD_OK || (rc = arm_begin(&t, &arm, err)) != SD_OK)
		goto fail;
	if (masked > 0)
		cJSON_AddNumberToObject(t.trace, "cards_masked", masked);
	dlg_stage_end(&t, DLG_UNDERSTAND);
	engine_understand(&t);
	dlg_stage_end(&t, DLG_STATE);
	dlg_load_customer(&t);
	t.seed = arm.x.set.has_variant ? arm.x.set.variant :
	    seed_of(t.si.id, t.si.turns);
	dlg_stage_end(&t, DLG_DECIDE);
	turn_decide(&t);
	dlg_stage_end(&t, DLG_RESPOND);
	generator = turn_respond(&t);
	check_reply(&t);
	dlg_read_end(&t);
	dlg_stage_end(&t, DLG_PERSIST);
	trace_reply(&t, before, generator);
	before = NULL;
	timings = timings_json(&t, DLG_PERSIST);
	cJSON_AddItemToObject(t.trace, "timings_us", timings);

	tu->session_id = xstrdup(t.si.id);
	tu->user_id = t.user_id != NULL ? xstrdup(t.user_id) : NULL;
	tu->reply = xstrdup(t.reply.buf);
	tu->action = t.action;
	tu->intent = t.intent;
	tu->confidence = t.confidence;
	tu->escalated = t.escalate || strcmp(t.si.status, "escalated") == 0;
	tu->tables = t.tables;
	tu->ntables = t.ntables;
	t.tables = NULL;
	t.ntables = 0;
	if ((rc = persist(&t, tu, e->fixed_timings ? 0 : dlg_now_us() - start,
	    &arm.x, err)) != SD_OK)
		goto fail;
	dlg_stage_end(&t, DLG_PERSIST);
	cJSON_AddNumberToObject(timings, stage_names[DLG_PERSIST],
	    e->fixed_timings ? 0 : (double)t.stage_us[DLG_PERSIST]);
	cJSON_AddNumberToObject(timings, "total", e->fixed_timings ? 0 :
	    (double)(dlg_now_us() - start));
	cJSON_AddNumberToObject(t.trace, "message_id", (double)tu->bot_msg_id);
	tu->trace = t.trace;
	t.trace = NULL;
	rc = SD_OK;
	goto out;
fail:
	turn_release(tu);
out:
	arm_end(e, &arm);
	dlg_read_end(&t);
	cJSON_Delete(before);
	cJSON_Delete(t.trace);
	cJSON_Delete(t.retrieved);
	cJSON_Delete(t.citations);
	cJSON_Delete(t.state);
	session_info_release(&t.si);
	if (t.have_cust)
		customer_release(&t.cust);
	slots_release(&t.slots);
	sbuf_release(&t.reply);
	sbuf_release(&t.reason);
	text_folded_release(&t.fold);
	free(t.escalate_reason);
	free(t.asked);
	if (t.table_text != NULL)
		for (i = 0; i < t.ntables; i++)
			free(t.table_text[i]);
	free(t.table_text);
	dlg_tables_release(t.tables, t.ntables);
	return rc;
}

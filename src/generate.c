/*
 * generate.c owns generated replies: the decision to generate, the
 * prompt, the call, the fact-check of what came back and the fallback to
 * the template answer (the settings are gen-config.c's).
 * The prompt gives the model only what the turn retrieved, each source
 * under its id, and asks for those ids as citations, so every fact it
 * states can be traced to a row and checked.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>
#include <sqlite3.h>

#include "shopdesk.h"
#include "catalog.h"
#include "factcheck.h"
#include "generate.h"
#include "llm.h"
#include "paths.h"
#include "sbuf.h"
#include "store.h"

#define SOURCE_MAX	1500	/* bytes of a document in the prompt */

struct generator {
	struct store		*st;
	enum gen_mode		 mode;
	struct llm		*llm;	/* NULL without a server */
	struct factcheck	*fc;	/* opened on first use */
	int			 show_verdicts;
	char			*embed_model;	/* embeddings' model name */
	double			 vector_weight;
};

struct generator *
generator_open_ctx(const struct sd_ctx *ctx, struct sd_error *err)
{
	struct gen_config c;
	struct generator *g = NULL;

	if (gen_config_load(&c, ctx, err) == SD_OK)
		g = generator_open(ctx->st, &c, err);
	gen_config_release(&c);
	return g;
}

/* The generator. */

struct generator *
generator_open(struct store *st, const struct gen_config *c,
    struct sd_error *err)
{
	struct generator *g = xcalloc(1, sizeof *g);
	struct llm_config lc = c->llm;

	g->st = st;
	g->mode = c->mode;
	g->show_verdicts = c->show_verdicts;
	g->vector_weight = c->vector_weight;
	g->embed_model = xstrdup(gen_config_embed_model(c));
	if (c->url == NULL) {
		if (c->mode == GEN_LLM) {
			sd_fail(err, SD_ERR_USAGE, "--generator llm needs a "
			    "server: --llm-url or SHOPDESK_LLM_URL");
			free(g->embed_model);
			free(g);
			return NULL;
		}
		return g;
	}
	lc.url = c->url;
	lc.model = c->model;
	lc.embed_model = c->embed_model;
	lc.api_key = c->api_key;
	if ((g->llm = llm_new(&lc, err)) == NULL) {
		free(g->embed_model);
		free(g);
		return NULL;
	}
	return g;
}

void
generator_free(struct generator *g)
{
	if (g == NULL)
		return;
	llm_free(g->llm);
	factcheck_free(g->fc);
	free(g->embed_model);
	free(g);
}

enum gen_mode
generator_mode(const struct generator *g)
{
	return g->mode;
}

struct llm *
generator_llm(struct generator *g)
{
	return g->llm;
}

const char *
generator_embed_model(const struct generator *g)
{
	return g->embed_model;
}

double
generator_vector_weight(const struct generator *g)
{
	return g->vector_weight;
}

const char *
gen_config_embed_model(const struct gen_config *c)
{
	return c->embed_model != NULL ? c->embed_model : c->model != NULL ?
	    c->model : "default";
}

const char *
gen_wants(const struct generator *g, const char *intent, const char *text,
    int fell_back, size_t nretrieved)
{
	static const char *const open_intents[] = { "usage_advice",
	    "troubleshooting", "comparison", "recommendation", NULL };
	size_t	 i, words = 0, questions = 0;
	int	 in = 0;

	if (g == NULL || g->mode == GEN_TEMPLATE)
		return NULL;
	if (g->mode == GEN_LLM)
		return "generator llm";
	if (g->llm == NULL)
		return NULL;
	for (i = 0; intent != NULL && open_intents[i] != NULL; i++)
		if (strcmp(intent, open_intents[i]) == 0)
			return "open question (intent)";
	for (i = 0; text != NULL && text[i] != '\0'; i++) {
		if (isspace((unsigned char)text[i]))
			in = 0;
		else if (!in) {
			in = 1;
			words++;
		}
		questions += text[i] == '?';
	}
	if (words >= 20)
		return "long question";
	if (questions >= 2)
		return "several questions";
	if (fell_back && nretrieved > 0)
		return "template fell back; retrieval found sources";
	return NULL;
}

void
gen_result_release(struct gen_result *r)
{
	free(r->reply);
	free(r->fallback_reason);
	cJSON_Delete(r->llm);
	cJSON_Delete(r->factcheck);
	cJSON_Delete(r->citations);
	memset(r, 0, sizeof *r);
}

/* A product's facts as the prompt states them. */
static void
product_source(struct store *st, const char *sku, struct sbuf *sb)
{
	struct product	 p;
	struct sd_error	 err = SD_ERROR_INIT;
	char		*money;

	if (catalog_product_by_sku(st, sku, &p, &err) != SD_OK) {
		sd_error_clear(&err);
		return;
	}
	money = catalog_money(p.price, p.currency);
	sbuf_addf(sb, "[P:%s] %s (brand %s, model %s, category %s). "
	    "Price %s %s. ", p.sku, p.name, p.brand, p.model, p.category,
	    money, p.currency);
	if (p.review_count > 0)
		sbuf_addf(sb, "Rating %.1f/5 from %lld reviews. ", p.rating,
		    p.review_count);
	if (p.stock > 0)
		sbuf_addf(sb, "In stock (%lld). ", p.stock);
	else
		sbuf_adds(sb, "Out of stock. ");
	if (p.warranty != NULL && *p.warranty != '\0')
		sbuf_addf(sb, "Warranty: %s. ", p.warranty);
	if (p.extended_warranty != NULL && *p.extended_warranty != '\0')
		sbuf_addf(sb, "Extended warranty: %s. ", p.extended_warranty);
	sbuf_addf(sb, "%.*s", SOURCE_MAX, p.description);
	if (p.review_summary != NULL && *p.review_summary != '\0')
		sbuf_addf(sb, " Reviews say: %.*s", SOURCE_MAX / 2,
		    p.review_summary);
	sbuf_addc(sb, '\n');
	free(money);
	product_release(&p);
}

static void
document_source(struct store *st, const struct gen_source *s,
    struct sbuf *sb)
{
	static const char sql[] = "SELECT title, body FROM documents"
	    " WHERE doc_key = ?1";
	sqlite3_stmt	*q;

	if (s->text != NULL) {
		sbuf_addf(sb, "[D:%s] %s: %.*s\n", s->id, s->title != NULL ?
		    s->title : "", SOURCE_MAX, s->text);
		return;
	}
	if ((q = store_prepare(st, sql, NULL)) == NULL)
		return;
	sqlite3_bind_text(q, 1, s->id, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW)
		sbuf_addf(sb, "[D:%s] %s: %.*s\n", s->id,
		    (const char *)sqlite3_column_text(q, 0), SOURCE_MAX,
		    (const char *)sqlite3_column_text(q, 1));
	sqlite3_reset(q);
}

static void
build_prompt(struct generator *g, const struct gen_request *rq,
    struct sbuf *sys, struct sbuf *user)
{
	size_t	 i;

	sbuf_adds(sys,
	    "You are the customer assistant of an online store. Answer the "
	    "customer's question using only the facts in CONTEXT; never "
	    "invent products, prices, stock, ratings, warranties, order "
	    "details or policy terms. After each fact, cite its source by "
	    "the id in brackets exactly as given, [P:SKU] for a product or "
	    "[D:doc-id] for a document. If CONTEXT does not answer the "
	    "question, say so briefly and offer the DRAFT answer's next "
	    "step. Be concise and friendly: at most 120 words, plain "
	    "sentences, no markdown headings.");
	sbuf_adds(user, "CONTEXT:\n");
	for (i = 0; i < rq->nsrc; i++) {
		if (strcmp(rq->src[i].kind, "product") == 0)
			product_source(g->st, rq->src[i].id, user);
		else
			document_source(g->st, &rq->src[i], user);
	}
	if (rq->nsrc == 0)
		sbuf_adds(user, "(nothing retrieved)\n");
	if (rq->customer_json != NULL)
		sbuf_addf(user, "\nCUSTOMER: %s\n", rq->customer_json);
	if (rq->state_json != NULL)
		sbuf_addf(user, "\nCONVERSATION STATE: %s\n", rq->state_json);
	if (rq->template_reply != NULL && *rq->template_reply != '\0')
		sbuf_addf(user, "\nDRAFT (accurate but terse): %s\n",
		    rq->template_reply);
	sbuf_addf(user, "\nQUESTION: %s\n", rq->text);
}

/* Streaming state: raw text in, checked sentences out. */
struct gen_stream {
	struct generator	*g;
	const struct gen_request *rq;
	struct fc_ctx		 ctx;
	struct fc_result	 fc;
	struct sbuf		 raw;	/* model text so far */
	size_t			 used;	/* raw bytes already checked */
	size_t			 shown;	/* fc.text bytes already sent */
	int			 reset;	/* GEN_RESET sent */
	int			 cancelled;
};

static int
check_more(struct gen_stream *s, int partial)
{
	size_t	 used = 0;

	factcheck_text(s->g->fc, &s->ctx, s->raw.buf + s->used,
	    s->raw.len - s->used, partial, &used, &s->fc, NULL);
	s->used += used;
	if (s->rq->on_token == NULL || s->reset)
		return 0;
	if (s->fc.contradicted) {
		s->reset = 1;
		return s->rq->on_token(s->rq->arg, GEN_RESET,
		    s->rq->template_reply != NULL ? s->rq->template_reply : "",
		    s->rq->template_reply != NULL ?
		    strlen(s->rq->template_reply) : 0);
	}
	if (s->fc.text.len > s->shown) {
		if (s->rq->on_token(s->rq->arg, GEN_TEXT, s->fc.text.buf +
		    s->shown, s->fc.text.len - s->shown) != 0) {
			s->cancelled = 1;
			return -1;
		}
		s->shown = s->fc.text.len;
	}
	return 0;
}

static int
on_piece(void *arg, const char *p, size_t n)
{
	struct gen_stream *s = arg;

	sbuf_add(&s->raw, p, n);
	/* A contradiction ends the generation: the template answers. */
	if (check_more(s, 1) != 0 || s->fc.contradicted)
		return -1;
	return 0;
}

static cJSON *
claims_json(const struct fc_result *r)
{
	cJSON	*a = cJSON_CreateArray(), *o, *ev;
	size_t	 i;

	for (i = 0; i < r->n; i++) {
		o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "claim", r->claims[i].text);
		cJSON_AddStringToObject(o, "kind", r->claims[i].kind);
		cJSON_AddStringToObject(o, "verdict",
		    fc_verdict_name(r->claims[i].verdict));
		if (r->claims[i].corrected != NULL)
			cJSON_AddStringToObject(o, "corrected",
			    r->claims[i].corrected);
		ev = cJSON_AddObjectToObject(o, "evidence");
		cJSON_AddStringToObject(ev, "kind", r->claims[i].ev_kind);
		if (r->claims[i].ev_id != NULL)
			cJSON_AddStringToObject(ev, "id", r->claims[i].ev_id);
		else
			cJSON_AddNullToObject(ev, "id");
		cJSON_AddStringToObject(ev, "field", r->claims[i].ev_field);
		if (r->claims[i].ev_value != NULL)
			cJSON_AddStringToObject(ev, "value",
			    r->claims[i].ev_value);
		else
			cJSON_AddNullToObject(ev, "value");
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

/* The kind of a cited document ("policy", "faq"...), or NULL. */
static char *
doc_kind(struct store *st, const char *id)
{
	static const char sql[] = "SELECT kind FROM documents"
	    " WHERE doc_key = ?1";
	sqlite3_stmt	*q;
	char		*k = NULL;

	if ((q = store_prepare(st, sql, NULL)) == NULL)
		return NULL;
	sqlite3_bind_text(q, 1, id, -1, SQLITE_STATIC);
	if (sqlite3_step(q) == SQLITE_ROW)
		k = xstrdup((const char *)sqlite3_column_text(q, 0));
	sqlite3_reset(q);
	return k;
}

enum sd_rc
generate_reply(struct generator *g, const struct gen_request *rq,
    struct gen_result *res, struct sd_error *err)
{
	struct gen_stream s;
	struct llm_reply r;
	struct llm_message m[2];
	struct sbuf	 sys = SBUF_INIT, user = SBUF_INIT;
	const char	**skus = NULL, **docs = NULL;
	cJSON		*tok, *c;
	size_t		 i, ns = 0, nd = 0;
	char		*k;
	enum sd_rc	 rc;

	memset(res, 0, sizeof *res);
	memset(&s, 0, sizeof s);
	llm_reply_init(&r);
	sbuf_init(&s.raw);
	fc_result_init(&s.fc);
	res->llm = cJSON_CreateObject();
	res->citations = cJSON_CreateArray();
	if (g->llm == NULL) {
		rc = sd_fail(err, SD_ERR_USAGE, "no LLM server configured");
		goto out;
	}
	cJSON_AddStringToObject(res->llm, "model", llm_model(g->llm));
	if (g->fc == NULL && (g->fc = factcheck_open(g->st, err)) == NULL) {
		rc = err != NULL ? err->rc : SD_ERR_DB;
		goto out;
	}
	skus = xcalloc(rq->nsrc + 1, sizeof *skus);
	docs = xcalloc(rq->nsrc + 1, sizeof *docs);
	for (i = 0; i < rq->nsrc; i++)
		if (strcmp(rq->src[i].kind, "product") == 0)
			skus[ns++] = rq->src[i].id;
		else
			docs[nd++] = rq->src[i].id;
	s.g = g;
	s.rq = rq;
	s.ctx.user_id = rq->user_id;
	s.ctx.skus = skus;
	s.ctx.nskus = ns;
	s.ctx.docs = docs;
	s.ctx.ndocs = nd;
	s.ctx.user_text = rq->text;
	s.ctx.state_json = rq->state_json;
	s.ctx.show_verdicts = g->show_verdicts;
	build_prompt(g, rq, &sys, &user);
	m[0].role = "system";
	m[0].content = sys.buf;
	m[1].role = "user";
	m[1].content = user.buf;
	/* Without a front end to stream to, ask for one plain answer. */
	rc = llm_chat(g->llm, m, 2, rq->on_token != NULL ? on_piece : NULL,
	    &s, &r, err);
	if (rc == SD_OK && rq->on_token == NULL)
		sbuf_add(&s.raw, r.text.buf, r.text.len);
	if (rc != SD_OK && s.fc.contradicted) {
		sd_error_clear(err);
		rc = SD_ERR_INVALID;
	}
	if (rc == SD_OK) {
		check_more(&s, 0);
		if (r.finish_reason != NULL &&
		    strcmp(r.finish_reason, "length") == 0)
			cJSON_AddStringToObject(res->llm, "note", "token "
			    "budget reached; last sentence kept as checked");
	}
	cJSON_AddNumberToObject(res->llm, "latency_ms", (double)r.latency_ms);
	tok = cJSON_AddObjectToObject(res->llm, "tokens");
	cJSON_AddNumberToObject(tok, "prompt", (double)r.prompt_tokens);
	cJSON_AddNumberToObject(tok, "completion",
	    (double)r.completion_tokens);
	cJSON_AddNumberToObject(res->llm, "attempts", (double)r.attempts);
	res->factcheck = claims_json(&s.fc);
	for (i = 0; i < s.fc.ncites; i++) {
		c = cJSON_CreateObject();
		k = strcmp(s.fc.cites[i].kind, "product") == 0 ? NULL :
		    doc_kind(g->st, s.fc.cites[i].id);
		cJSON_AddStringToObject(c, "kind", k != NULL ? k :
		    s.fc.cites[i].kind);
		cJSON_AddStringToObject(c, "id", s.fc.cites[i].id);
		cJSON_AddBoolToObject(c, "known", s.fc.cites[i].known &&
		    (k != NULL || strcmp(s.fc.cites[i].kind, "product") == 0));
		cJSON_AddItemToArray(res->citations, c);
		free(k);
	}
	if (rc != SD_OK) {
		if (s.fc.contradicted)
			rc = sd_fail(err, SD_ERR_INVALID, "fact-check: a "
			    "claim contradicts the store and cannot be "
			    "corrected");
		else if (s.cancelled)
			rc = sd_fail(err, SD_ERR_NET, "cancelled by the "
			    "front end");
		goto out;
	}
	if (s.fc.contradicted) {
		rc = sd_fail(err, SD_ERR_INVALID, "fact-check: a claim "
		    "contradicts the store and cannot be corrected");
		goto out;
	}
	sbuf_trim(&s.fc.text);
	if (s.fc.text.len == 0) {
		rc = sd_fail(err, SD_ERR_PARSE, s.fc.removed > 0 ?
		    "fact-check removed every sentence" :
		    "empty answer");
		goto out;
	}
	/* What is left of a reply that lost most of itself says little. */
	if (s.fc.removed * 2 > s.fc.sentences) {
		rc = sd_fail(err, SD_ERR_PARSE, "fact-check removed %d of %d "
		    "sentences", s.fc.removed, s.fc.sentences);
		goto out;
	}
	res->reply = xstrdup(s.fc.text.buf);
	fc_result_counts(&s.fc, &res->claims, &res->backed);
out:
	if (rc != SD_OK) {
		res->fallback_reason = xstrdup(sd_error_msg(err));
		cJSON_AddStringToObject(res->llm, "fallback_reason",
		    res->fallback_reason);
		if (res->factcheck == NULL)
			res->factcheck = claims_json(&s.fc);
		if (rq->on_token != NULL && s.shown > 0 && !s.reset)
			rq->on_token(rq->arg, GEN_RESET,
			    rq->template_reply != NULL ? rq->template_reply :
			    "", rq->template_reply != NULL ?
			    strlen(rq->template_reply) : 0);
	}
	free(skus);
	free(docs);
	sbuf_release(&sys);
	sbuf_release(&user);
	sbuf_release(&s.raw);
	fc_result_release(&s.fc);
	llm_reply_release(&r);
	return rc;
}

/* Template replies. */

/* What a customer sees when a template's facts cannot be trusted. */
#define SAFE_REPLY "I'm sorry, I can't confirm those details right now. " \
	"Would you like me to connect you with a colleague who can check?"

static void
add_id(const char ***v, size_t *n, const char *id)
{
	size_t	 i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], id) == 0)
			return;
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = id;
}

/* Sort the turn's sources into the checker's context. */
static void
check_sources(const cJSON *a, struct fc_ctx *ctx, const char ***skus,
    const char ***docs, const char ***orders)
{
	const cJSON	*it, *k, *id;

	cJSON_ArrayForEach(it, a) {
		k = cJSON_GetObjectItemCaseSensitive(it, "kind");
		id = cJSON_GetObjectItemCaseSensitive(it, "id");
		if (!cJSON_IsString(k) || !cJSON_IsString(id))
			continue;
		if (strcmp(k->valuestring, "product") == 0)
			add_id(skus, &ctx->nskus, id->valuestring);
		else if (strcmp(k->valuestring, "order") == 0)
			add_id(orders, &ctx->norders, id->valuestring);
		else if (strcmp(k->valuestring, "customer") != 0)
			add_id(docs, &ctx->ndocs, id->valuestring);
	}
}

enum sd_rc
gen_check_reply(struct factcheck **fcp, struct store *st,
    const struct gen_check *ck, struct sbuf *reply, struct gen_verdict *v,
    struct sd_error *err)
{
	struct fc_ctx	 ctx;
	struct fc_result fr;
	const char	**skus = NULL, **docs = NULL, **orders = NULL;

	memset(v, 0, sizeof *v);
	if (*fcp == NULL && (*fcp = factcheck_open(st, err)) == NULL)
		return err != NULL ? err->rc : SD_ERR_DB;
	memset(&ctx, 0, sizeof ctx);
	fc_result_init(&fr);
	check_sources(ck->sources, &ctx, &skus, &docs, &orders);
	check_sources(ck->more, &ctx, &skus, &docs, &orders);
	ctx.skus = skus;
	ctx.docs = docs;
	ctx.orders = orders;
	ctx.user_id = ck->user_id;
	ctx.user_text = ck->text;
	ctx.state_json = ck->state_json;
	factcheck_text(*fcp, &ctx, reply->buf, reply->len, 0, NULL, &fr,
	    NULL);
	fc_result_counts(&fr, &v->claims, &v->backed);
	v->bug = v->backed < v->claims;
	v->trace = cJSON_CreateObject();
	cJSON_AddNumberToObject(v->trace, "claims", v->claims);
	cJSON_AddNumberToObject(v->trace, "backed", v->backed);
	cJSON_AddBoolToObject(v->trace, "bug", v->bug);
	if (v->bug) {
		cJSON_AddItemToObject(v->trace, "factcheck", claims_json(&fr));
		cJSON_AddStringToObject(v->trace, "template_reply", reply->buf);
		sbuf_trim(&fr.text);
		sbuf_reset(reply);
		/* The checked text when most of it stood, else no facts. */
		if (!fr.contradicted && fr.text.len > 0 && fr.removed * 2 <=
		    fr.sentences)
			sbuf_adds(reply, fr.text.buf);
		else
			sbuf_adds(reply, SAFE_REPLY);
		cJSON_AddStringToObject(v->trace, "shown", reply->buf);
	}
	fc_result_release(&fr);
	free(skus);
	free(docs);
	free(orders);
	return SD_OK;
}

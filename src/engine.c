/*
 * engine.c owns one conversational turn: it runs the pipeline
 *
 *	normalize -> intent -> entities -> dialogue state -> retrieval ->
 *	policy -> response -> persist
 *
 * and records each step in the turn's trace (a cJSON object), which the
 * console's panes, replay --json and the API's debug field all show.
 * Dialogue state lives per session as JSON in sessions.state:
 *
 *	focus		SKUs in focus, most recent first ("it", "that one")
 *	results		the last list of products shown ("the second one")
 *	filters		category, use, brand, max_price, min_price
 *	pending		the question the bot last asked, to make "yes" mean
 *			something: {"action": ..., "sku"/"order_id": ...}
 *	form		an open support form {"name", "order_id", "sku"}
 *	suspended	forms put aside by a topic switch, newest first
 *	fallbacks	consecutive turns the bot could not answer
 *
 * Every fact in a reply comes from a row of the store, and the trace's
 * "citations" name the rows.
 */
#include "config.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "engine.h"
#include "entity.h"
#include "generate.h"
#include "history.h"
#include "intent.h"
#include "paths.h"
#include "sbuf.h"
#include "search.h"
#include "store.h"
#include "template.h"
#include "text.h"
#include "vector.h"

#define FOCUS_MAX	5	/* products remembered in focus */
#define RESULTS_MAX	5	/* products of the last list shown */
#define FALLBACKS_MAX	3	/* consecutive fallbacks before a human */
#define RETRIEVE_K	5	/* knowledge-base hits kept per turn */

struct engine {
	struct store		*st;
	char			*share_dir;
	struct intent_model	*im;	/* the intent classifier */
	struct gazetteer	*gz;	/* catalog names for entities */
	struct template_set	*tpl;	/* share/templates */
	int			 fixed_timings;	/* replays: timings read 0 */
	struct generator	*gen;	/* LLM replies, or NULL (not owned) */
	gen_token_fn		 on_token;	/* streaming front end, or NULL */
	void			*token_arg;
	struct vec_retriever	*vr;	/* hybrid retrieval, or NULL */
	engine_save_fn		 save;	/* engine_set_saver, or NULL */
	void			*save_arg;
	/* Per-turn scratch, reused so a turn allocates little. */
	struct intent_result	 ir;
	struct entity_list	 el;
	struct sbuf		 clean;
};

/* Everything one turn works on. */
struct tctx {
	struct engine		*e;
	struct store		*st;
	const char		*text;		/* sanitized customer text */
	size_t			 len;
	struct text_folded	 fold;		/* folded text for word tests */
	struct session_info	 si;
	const char		*user_id;
	struct customer		 cust;		/* the customer, if known */
	int			 have_cust;
	int			 reading;	/* in read_begin's transaction */
	cJSON			*state;		/* dialogue state (mutable) */
	cJSON			*trace;
	cJSON			*retrieved;	/* array of retrieved items */
	cJSON			*citations;	/* array of cited sources */
	struct slots		 slots;		/* template values */
	struct sbuf		 reply;
	struct sbuf		 reason;	/* why the action was chosen */
	const char		*action;
	const char		*template_used;
	const char		*intent;	/* the intent acted upon */
	double			 confidence;
	int			 escalate;	/* escalate the session */
	char			*escalate_reason;
	unsigned long		 seed;		/* template variant choice */
	int			 fallback;	/* this turn was a fallback */
};

/* Timing. */

static long long
now_us(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void
stage_time(struct tctx *t, cJSON *timings, const char *stage, long long *mark)
{
	long long	 now = now_us();

	cJSON_AddNumberToObject(timings, stage, t->e->fixed_timings ? 0 :
	    (double)(now - *mark));
	*mark = now;
}

/* Small JSON helpers over the state. */

static const char *
jstr(const cJSON *obj, const char *key)
{
	const cJSON	*it = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsString(it) ? it->valuestring : NULL;
}

static double
jnum(const cJSON *obj, const char *key, double dflt)
{
	const cJSON	*it = cJSON_GetObjectItemCaseSensitive(obj, key);

	return cJSON_IsNumber(it) ? it->valuedouble : dflt;
}

static void
jset_str(cJSON *obj, const char *key, const char *v)
{
	cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
	if (v != NULL)
		cJSON_AddStringToObject(obj, key, v);
}

static void
jset_num(cJSON *obj, const char *key, double v)
{
	cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
	cJSON_AddNumberToObject(obj, key, v);
}

static cJSON *
jobj(cJSON *obj, const char *key)
{
	cJSON	*it = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!cJSON_IsObject(it)) {
		cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
		it = cJSON_AddObjectToObject(obj, key);
	}
	return it;
}

static cJSON *
jarr(cJSON *obj, const char *key)
{
	cJSON	*it = cJSON_GetObjectItemCaseSensitive(obj, key);

	if (!cJSON_IsArray(it)) {
		cJSON_DeleteItemFromObjectCaseSensitive(obj, key);
		it = cJSON_AddArrayToObject(obj, key);
	}
	return it;
}

/* Focus: push sku to the front of the focus stack (no duplicates). */
static void
focus_push(struct tctx *t, const char *sku)
{
	cJSON	*f = jarr(t->state, "focus"), *it;
	int	 i = 0;

	cJSON_ArrayForEach(it, f) {
		if (cJSON_IsString(it) && strcmp(it->valuestring, sku) == 0) {
			cJSON_DeleteItemFromArray(f, i);
			break;
		}
		i++;
	}
	cJSON_InsertItemInArray(f, 0, cJSON_CreateString(sku));
	while (cJSON_GetArraySize(f) > FOCUS_MAX)
		cJSON_DeleteItemFromArray(f, cJSON_GetArraySize(f) - 1);
}

static const char *
focus_top(struct tctx *t, int i)
{
	cJSON	*it = cJSON_GetArrayItem(jarr(t->state, "focus"), i);

	return cJSON_IsString(it) ? it->valuestring : NULL;
}

static void
results_set(struct tctx *t, const struct product *p, size_t n)
{
	cJSON	*r;
	size_t	 i;

	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "results");
	r = cJSON_AddArrayToObject(t->state, "results");
	for (i = 0; i < n && i < RESULTS_MAX; i++)
		cJSON_AddItemToArray(r, cJSON_CreateString(p[i].sku));
}

/* Is the word w[0..n) a whole word of s? */
static int
word_in(const char *s, const char *w, size_t n)
{
	const char	*p = s, *end = s + strlen(s);

	if (n == 0)
		return 0;
	while ((p = memmem(p, (size_t)(end - p), w, n)) != NULL) {
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[n]))
			return 1;
		p += n;
	}
	return 0;
}

/* Words: does the folded text contain word w (whole word)? */
static int
has_word(struct tctx *t, const char *w)
{
	return word_in(t->fold.s.buf, w, strlen(w));
}

static int
has_any(struct tctx *t, const char *const *words)
{
	for (; *words != NULL; words++)
		if (has_word(t, *words))
			return 1;
	return 0;
}

static const struct entity *
first_entity(struct tctx *t, enum entity_type type)
{
	size_t	 i;

	for (i = 0; i < t->e->el.n; i++)
		if (t->e->el.v[i].type == type)
			return &t->e->el.v[i];
	return NULL;
}

static size_t
count_entities(struct tctx *t, enum entity_type type)
{
	size_t	 i, n = 0;

	for (i = 0; i < t->e->el.n; i++)
		n += t->e->el.v[i].type == type;
	return n;
}

/* Trace: retrieved items and citations. */

static cJSON *
retrieved_add(struct tctx *t, const char *kind, const char *id,
    const char *title, double score, const char *snippet)
{
	cJSON	*it;

	cJSON_ArrayForEach(it, t->retrieved)
		if (strcmp(jstr(it, "kind"), kind) == 0 &&
		    strcmp(jstr(it, "id"), id) == 0)
			return it;
	it = cJSON_CreateObject();
	cJSON_AddStringToObject(it, "kind", kind);
	cJSON_AddStringToObject(it, "id", id);
	cJSON_AddStringToObject(it, "title", title != NULL ? title : "");
	cJSON_AddNumberToObject(it, "score", round(score * 1e4) / 1e4);
	cJSON_AddStringToObject(it, "snippet", snippet != NULL ? snippet : "");
	cJSON_AddFalseToObject(it, "cited");
	cJSON_AddItemToArray(t->retrieved, it);
	return it;
}

/* Cite a source for the facts of the reply ("fields" says which). */
static void
cite(struct tctx *t, const char *kind, const char *id, const char *title,
    const char *fields)
{
	cJSON	*it, *c;

	it = retrieved_add(t, kind, id, title, 1.0, NULL);
	cJSON_ReplaceItemInObjectCaseSensitive(it, "cited",
	    cJSON_CreateTrue());
	cJSON_ArrayForEach(c, t->citations)
		if (strcmp(jstr(c, "kind"), kind) == 0 &&
		    strcmp(jstr(c, "id"), id) == 0)
			return;
	c = cJSON_CreateObject();
	cJSON_AddStringToObject(c, "kind", kind);
	cJSON_AddStringToObject(c, "id", id);
	cJSON_AddStringToObject(c, "fields", fields);
	cJSON_AddItemToArray(t->citations, c);
}

static void
set_action(struct tctx *t, const char *action, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
set_action(struct tctx *t, const char *action, const char *fmt, ...)
{
	va_list	 ap;

	t->action = action;
	sbuf_reset(&t->reason);
	va_start(ap, fmt);
	sbuf_vaddf(&t->reason, fmt, ap);
	va_end(ap);
}

/* Render template id with the turn's slots, appending to the reply. */
static int
say(struct tctx *t, const char *id)
{
	struct sbuf	 out = SBUF_INIT;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*used = NULL;
	int		 ok;

	ok = template_render(t->e->tpl, id, &t->slots, t->seed, &out, &used,
	    &err) == SD_OK;
	if (ok) {
		/* After a table or list, start a new paragraph. */
		if (t->reply.len > 0)
			sbuf_adds(&t->reply, strchr(t->reply.buf, '\n') ?
			    "\n" : " ");
		sbuf_add(&t->reply, out.buf, out.len);
		t->template_used = used;
	} else {
		cJSON *errs = cJSON_GetObjectItemCaseSensitive(t->trace,
		    "template_errors");

		if (errs == NULL)
			errs = cJSON_AddArrayToObject(t->trace,
			    "template_errors");
		cJSON_AddItemToArray(errs, cJSON_CreateString(
		    sd_error_msg(&err)));
	}
	sbuf_release(&out);
	sd_error_clear(&err);
	return ok;
}

/* Text as a sentence: capital first letter, final full stop. */
static char *
sentence(const char *s)
{
	struct sbuf	 sb = SBUF_INIT;

	sbuf_adds(&sb, s);
	sbuf_trim(&sb);
	if (sb.len == 0)
		return sbuf_detach(&sb, NULL);
	if (islower((unsigned char)sb.buf[0]))
		sb.buf[0] = (char)toupper((unsigned char)sb.buf[0]);
	if (strchr(".!?", sb.buf[sb.len - 1]) == NULL)
		sbuf_addc(&sb, '.');
	return sbuf_detach(&sb, NULL);
}

/* Product slots shared by the product templates. */
static void
product_slots(struct tctx *t, const struct product *p, const char *prefix)
{
	char	*money, *name;
	char	 key[64];

#define SLOT(k)	(snprintf(key, sizeof key, "%s%s", prefix, k), key)
	slots_set(&t->slots, SLOT("product_name"), p->name);
	slots_set(&t->slots, SLOT("sku"), p->sku);
	slots_set(&t->slots, SLOT("brand"), p->brand);
	money = catalog_money(p->price, p->currency);
	slots_set(&t->slots, SLOT("price"), money);
	free(money);
	if (p->list_price > p->price) {
		money = catalog_money(p->list_price, p->currency);
		slots_set(&t->slots, SLOT("list_price"), money);
		free(money);
		money = catalog_money(p->list_price - p->price, p->currency);
		slots_set(&t->slots, SLOT("saving"), money);
		free(money);
		slots_setf(&t->slots, SLOT("discount_percent"), "%.0f",
		    100.0 * (p->list_price - p->price) / p->list_price);
	} else
		slots_set(&t->slots, SLOT("list_price"), "");
	if (p->rating > 0)
		slots_setf(&t->slots, SLOT("rating"), "%.1f", p->rating);
	else
		slots_set(&t->slots, SLOT("rating"), "");
	slots_setf(&t->slots, SLOT("review_count"), "%lld", p->review_count);
	slots_setf(&t->slots, SLOT("stock"), "%lld", p->stock);
	slots_set(&t->slots, SLOT("category"), p->category);
	slots_set(&t->slots, SLOT("warranty"), p->warranty);
	name = sentence(p->extended_warranty);
	slots_set(&t->slots, SLOT("extended_warranty"), name);
	free(name);
	slots_set(&t->slots, SLOT("review_summary"), p->review_summary);
	name = xstrdup(p->description);
	slots_set(&t->slots, SLOT("description"), name);
	free(name);
#undef SLOT
}

/*
 * A catalog attribute as a shopper reads it: "weight_kg" 2.1 is
 * "weight 2.1 kg", "ram_gb" 16 is "ram 16 GB".  The unit lives in the
 * key's suffix; the value is as the catalog stores it.
 */
static void
attr_phrase(struct sbuf *sb, const char *key, const char *value)
{
	static const struct {
		const char	*suffix;
		const char	*unit;
	} units[] = {
		{ "_kg", "kg" }, { "_g", "g" }, { "_gb", "GB" }, { "_tb", "TB" },
		{ "_hz", "Hz" }, { "_wh", "Wh" }, { "_mah", "mAh" },
		{ "_hours", "hours" }, { "_mm", "mm" }, { "_w", "W" },
		{ "_inches", "inches" }, { "_in", "in" }, { "_mp", "MP" },
	};
	size_t	 klen = strlen(key), slen, i, end = klen;
	const char *unit = NULL;

	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		slen = strlen(units[i].suffix);
		if (klen > slen && strcmp(key + klen - slen,
		    units[i].suffix) == 0) {
			end = klen - slen;
			unit = units[i].unit;
			break;
		}
	}
	for (i = 0; i < end; i++)
		sbuf_addc(sb, key[i] == '_' ? ' ' : key[i]);
	sbuf_addf(sb, " %s%s%s", value, unit ? " " : "", unit ? unit : "");
}

/* "16 GB RAM, 1TB SSD, ..." from the first few attributes. */
static char *
key_features(const struct product *p, int max)
{
	cJSON		*root = cJSON_Parse(p->attrs), *it;
	struct sbuf	 sb = SBUF_INIT;
	int		 n = 0;

	cJSON_ArrayForEach(it, root) {
		if (n >= max)
			break;
		if (strstr(it->string, "compatible") != NULL ||
		    strcmp(it->string, "color") == 0)
			continue;
		if (n++ > 0)
			sbuf_adds(&sb, ", ");
		if (cJSON_IsString(it))
			attr_phrase(&sb, it->string, it->valuestring);
		else if (cJSON_IsNumber(it)) {
			char num[32];

			snprintf(num, sizeof num, "%g", it->valuedouble);
			attr_phrase(&sb, it->string, num);
		} else
			n--;
	}
	cJSON_Delete(root);
	return sbuf_detach(&sb, NULL);
}

/* A table of every attribute, one per line. */
static char *
spec_lines(const struct product *p)
{
	cJSON		*root = cJSON_Parse(p->attrs), *it;
	struct sbuf	 sb = SBUF_INIT;

	cJSON_ArrayForEach(it, root) {
		if (cJSON_IsString(it))
			sbuf_addf(&sb, "\n  %-18s %s", it->string,
			    it->valuestring);
		else if (cJSON_IsNumber(it))
			sbuf_addf(&sb, "\n  %-18s %g", it->string,
			    it->valuedouble);
	}
	cJSON_Delete(root);
	return sbuf_detach(&sb, NULL);
}

/*
 * A turn's reads share one read transaction.  Each statement run on its
 * own starts and ends one: a shared-memory lock taken and dropped with
 * fcntl(2) and the WAL header checked again, a few dozen times per turn.
 * Writes end it first (a deferred transaction that has read cannot
 * always become a writer), and so does anything that may wait on the
 * network (a generator), so that no snapshot is held for seconds.
 */
static void
read_begin(struct tctx *t)
{
	static const char begin[] = "BEGIN";
	sqlite3_stmt	*s;

	if (t->reading || !sqlite3_get_autocommit(store_db(t->st)) ||
	    (s = store_prepare(t->st, begin, NULL)) == NULL)
		return;
	t->reading = sqlite3_step(s) == SQLITE_DONE;
	sqlite3_reset(s);
}

static void
read_end(struct tctx *t)
{
	static const char commit[] = "COMMIT";
	sqlite3_stmt	*s;

	if (!t->reading)
		return;
	t->reading = 0;
	if ((s = store_prepare(t->st, commit, NULL)) != NULL) {
		sqlite3_step(s);
		sqlite3_reset(s);
	}
	if (!sqlite3_get_autocommit(store_db(t->st)))
		store_rollback(t->st);	/* a read-only one: nothing lost */
}

/* Retrieval from the knowledge base: search and record what came back. */
static void
kb_search(struct tctx *t, const char *text, unsigned kinds, int limit,
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
	if (t->e->vr != NULL)
		rc = vec_search(t->e->vr, &q, res, &rk, &err);
	else
		rc = search_run(t->st, &q, res, &err);
	if (rc != SD_OK)
		cJSON_AddStringToObject(t->trace, "retrieval_error",
		    sd_error_msg(&err));
	if (t->e->vr != NULL && (why = vec_retriever_error(t->e->vr)) !=
	    NULL && !cJSON_HasObjectItem(t->trace, "vector_error"))
		cJSON_AddStringToObject(t->trace, "vector_error", why);
	for (i = 0; i < res->n; i++) {
		it = retrieved_add(t, search_kind_name(res->hits[i].kind),
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

static int	 family_best(struct tctx *, const struct entity *,
		    struct product *);

/* The product a turn is about: named, referred to, or in focus. */
static int
load_product(struct tctx *t, const char *sku, struct product *p)
{
	struct sd_error	 err = SD_ERROR_INIT;
	int		 ok;

	ok = sku != NULL && catalog_product_by_sku(t->st, sku, p, &err) ==
	    SD_OK;
	sd_error_clear(&err);
	if (ok)
		retrieved_add(t, "product", p->sku, p->name, 1.0, NULL);
	return ok;
}

/*
 * Resolve references to earlier products: "the first/second/last one",
 * "the cheaper/more expensive/better one", "it".  Returns a SKU from the
 * state or NULL.
 */
static const char *const ordinals[] = { "first", "second", "third",
	"fourth", "fifth", NULL };

static const char *
resolve_reference(struct tctx *t, const char **how)
{
	cJSON		*res = jarr(t->state, "results");
	cJSON		*it;
	struct product	 p;
	const char	*best = NULL;
	double		 bestv = 0;
	int		 i, n = cJSON_GetArraySize(res), want;
	int		 cheap, dear, better;

	for (i = 0; ordinals[i] != NULL; i++)
		if (has_word(t, ordinals[i]) && i < n) {
			*how = ordinals[i];
			return cJSON_GetArrayItem(res, i)->valuestring;
		}
	if ((has_word(t, "last") || has_word(t, "latter")) && n > 0) {
		*how = "last";
		return cJSON_GetArrayItem(res, n - 1)->valuestring;
	}
	cheap = has_word(t, "cheaper") || has_word(t, "cheapest") ||
	    has_word(t, "less expensive");
	dear = has_word(t, "pricier") || has_word(t, "more expensive") ||
	    has_word(t, "priciest");
	better = has_word(t, "better rated") || has_word(t, "best rated") ||
	    has_word(t, "higher rated");
	if ((cheap || dear || better) && n > 0) {
		want = cheap ? 0 : dear ? 1 : 2;
		cJSON_ArrayForEach(it, res) {
			memset(&p, 0, sizeof p);
			if (!load_product(t, it->valuestring, &p))
				continue;
			if (best == NULL || (want == 0 && p.price < bestv) ||
			    (want == 1 && p.price > bestv) ||
			    (want == 2 && p.rating > bestv)) {
				best = it->valuestring;
				bestv = want == 2 ? p.rating : p.price;
			}
			product_release(&p);
		}
		*how = cheap ? "cheaper" : dear ? "more expensive" :
		    "better rated";
		return best;
	}
	if (has_word(t, "it") || has_word(t, "this") || has_word(t, "that") ||
	    has_word(t, "its") || has_word(t, "one")) {
		*how = "it";
		return focus_top(t, 0);
	}
	return NULL;
}

/*
 * The product the customer means: a product entity, else a reference,
 * else the product in focus.  Records how in the trace.
 */
static int
target_product(struct tctx *t, struct product *p)
{
	const struct entity *en;
	const char	*sku = NULL, *how = "focus";
	size_t		 i;

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT)
			continue;
		if (en->sku != NULL) {
			sku = en->sku;
			how = "named";
			break;
		}
		/* A family ("iPhone 15"): its best match in the catalog. */
		if (family_best(t, en, p)) {
			focus_push(t, p->sku);
			jset_str(t->trace, "product_resolution", "family");
			return 1;
		}
	}
	if (sku == NULL)
		sku = resolve_reference(t, &how);
	if (sku == NULL) {
		sku = focus_top(t, 0);
		how = "focus";
	}
	if (sku == NULL || !load_product(t, sku, p))
		return 0;
	focus_push(t, p->sku);
	jset_str(t->trace, "product_resolution", how);
	return 1;
}

/* Customer context: who is talking, their orders. */
static void
load_customer(struct tctx *t)
{
	struct sd_error	 err = SD_ERROR_INIT;

	if (t->user_id == NULL || t->have_cust)
		return;
	if (catalog_customer(t->st, t->user_id, &t->cust, &err) == SD_OK) {
		t->have_cust = 1;
		cite(t, "customer", t->cust.id, t->cust.name, "name");
		slots_set(&t->slots, "customer_name", t->cust.name);
		{
			/* First name for a friendlier greeting. */
			char *first = xstrdup(t->cust.name), *sp;

			if ((sp = strchr(first, ' ')) != NULL)
				*sp = '\0';
			slots_set(&t->slots, "first_name", first);
			free(first);
		}
		/* What retrieve_context calls the user context. */
		catalog_customer_context(t->st, &t->cust,
		    cJSON_AddObjectToObject(t->trace, "user_context"));
	}
	sd_error_clear(&err);
}

/*
 * Shoppers' words for what they will use a product for, and the catalog
 * tag or subcategory that says so.
 */
static const struct {
	const char	*word;
	const char	*use;
} use_words[] = {
	{ "gaming", "gaming" }, { "games", "gaming" }, { "esports", "gaming" },
	{ "programming", "programming" }, { "coding", "programming" },
	{ "developer", "programming" }, { "note-taking", "note-taking" },
	{ "notes", "note-taking" }, { "college", "students" },
	{ "student", "students" }, { "students", "students" },
	{ "school", "students" }, { "university", "students" },
	{ "business", "business" }, { "office", "business" },
	{ "work", "business" }, { "travel", "ultraportable" },
	{ "portable", "ultraportable" }, { "creator", "creator" },
	{ "editing", "creator" }, { "running", "running" },
	{ "fitness", "fitness" }, { "kids", "kids" },
};

/*
 * Filters from entities into the state (budget, category, use, brand).
 * A new category starts the needs afresh; other turns refine them.
 */
static void
update_filters(struct tctx *t)
{
	cJSON		*f = jobj(t->state, "filters");
	const struct entity *en;
	size_t		 i;

	/* A first category refines the needs said so far ("for gaming,
	 * under $1,000" then "a laptop"); another one replaces them. */
	if (first_entity(t, ENTITY_CATEGORY) != NULL &&
	    jstr(f, "category") != NULL) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "filters");
		f = jobj(t->state, "filters");
	}
	for (i = 0; i < sizeof use_words / sizeof use_words[0]; i++)
		if (has_word(t, use_words[i].word)) {
			jset_str(f, "use", use_words[i].use);
			break;
		}

	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		switch (en->type) {
		case ENTITY_PRICE:
			if (en->has_max)
				jset_num(f, "max_price", en->max);
			if (en->has_min)
				jset_num(f, "min_price", en->min);
			break;
		case ENTITY_CATEGORY:
			if (en->category != NULL) {
				const char *old = jstr(f, "category");

				(void)old;
				jset_str(f, "category", en->category);
			}
			if (en->use != NULL)
				jset_str(f, "use", en->use);
			break;
		case ENTITY_BRAND:
			if (en->brand != NULL || en->value != NULL)
				jset_str(f, "brand", en->brand != NULL ?
				    en->brand : en->value);
			break;
		default:
			break;
		}
	}
}

/* Sales: what the customer asks about a product. */

/* The sentence of text that mentions word, or NULL (caller frees). */
static char *
sentence_with(const char *text, const char *word)
{
	const char	*p, *s, *e;
	char		*low = xstrdup(text), *q;

	for (q = low; *q != '\0'; q++)
		*q = (char)tolower((unsigned char)*q);
	if ((q = strstr(low, word)) == NULL) {
		free(low);
		return NULL;
	}
	p = text + (q - low);
	free(low);
	for (s = p; s > text && !(s[-1] == '.' || s[-1] == '!' ||
	    s[-1] == '?'); s--)
		;
	while (*s == ' ')
		s++;
	for (e = p; *e != '\0' && *e != '.' && *e != '!' && *e != '?'; e++)
		;
	if (*e != '\0')
		e++;
	return xstrndup(s, (size_t)(e - s));
}

/* Attribute keys an attribute name may be stored under. */
static const char *const *
attr_keys(const char *attribute)
{
	static const struct {
		const char	*name;
		const char	*keys[8];
	} table[] = {
		{ "battery", { "battery_life", "battery_wh", "battery",
		    "battery_mah", NULL } },
		{ "screen", { "screen", "display", "screen_size",
		    "resolution", "refresh_hz", NULL } },
		{ "weight", { "weight_kg", "weight_g", "weight", NULL } },
		{ "storage", { "storage", "storage_gb", NULL } },
		{ "ram", { "ram_gb", "ram", "memory", NULL } },
		{ "camera", { "camera", "rear_camera", "front_camera",
		    "sensor", NULL } },
		{ "ports", { "ports", "connectivity", "connectors", NULL } },
		{ "colour", { "color", "colour", "colors", NULL } },
		{ "processor", { "cpu", "processor", "chip", NULL } },
		{ "graphics", { "gpu", "graphics", NULL } },
		{ "os", { "os", "operating_system", NULL } },
		{ "connectivity", { "connectivity", "wireless", "bluetooth",
		    NULL } },
		{ "size", { "size", "dimensions", "screen_size", NULL } },
		{ "compatibility", { "compatible_with", NULL } },
	};
	static const char *single[2];
	size_t	 i;

	for (i = 0; i < sizeof table / sizeof table[0]; i++)
		if (strcmp(table[i].name, attribute) == 0)
			return table[i].keys;
	single[0] = attribute;
	single[1] = NULL;
	return single;
}

static void
answer_attribute(struct tctx *t, const struct product *p, const char *attr)
{
	const char *const *keys;
	struct sbuf	 facts = SBUF_INIT;
	char		*v, *sent;
	size_t		 i;

	product_slots(t, p, "");
	cite(t, "product", p->sku, p->name, attr);
	if (strcmp(attr, "battery") == 0 &&
	    (sent = sentence_with(p->review_summary, "battery")) != NULL) {
		/* Reviewers' words, lower-cased to follow "... reviews, ". */
		if (sent[0] != '\0' && isupper((unsigned char)sent[0]) &&
		    !isupper((unsigned char)sent[1]))
			sent[0] = (char)tolower((unsigned char)sent[0]);
		slots_set(&t->slots, "battery_summary", sent);
		free(sent);
		set_action(t, "answer_attribute", "battery asked for %s; "
		    "answered from its review summary", p->sku);
		say(t, "battery_reviews");
		return;
	}
	keys = attr_keys(attr);
	for (i = 0; keys[i] != NULL; i++) {
		if ((v = catalog_attr(p, keys[i])) == NULL)
			continue;
		if (facts.len > 0)
			sbuf_adds(&facts, ", ");
		attr_phrase(&facts, keys[i], v);
		free(v);
	}
	slots_set(&t->slots, "attribute", attr);
	slots_set(&t->slots, "attribute_facts", facts.buf);
	if (facts.len > 0) {
		set_action(t, "answer_attribute", "%s asked for %s; found in "
		    "its specifications", attr, p->sku);
		say(t, "attribute");
	} else {
		set_action(t, "answer_attribute", "%s asked for %s; the "
		    "catalog has no such specification", attr, p->sku);
		say(t, "attribute_unknown");
	}
	sbuf_release(&facts);
}

static void
answer_warranty(struct tctx *t, const struct product *p)
{
	product_slots(t, p, "");
	cite(t, "product", p->sku, p->name, "warranty,extended_warranty");
	set_action(t, "answer_warranty", "warranty asked for %s", p->sku);
	say(t, "warranty");
}

static void
answer_stock(struct tctx *t, const struct product *p)
{
	product_slots(t, p, "");
	cite(t, "product", p->sku, p->name, "stock");
	set_action(t, "answer_stock", "stock asked for %s: %lld", p->sku,
	    p->stock);
	say(t, "stock");
}

static void
answer_price(struct tctx *t, const struct product *p)
{
	product_slots(t, p, "");
	cite(t, "product", p->sku, p->name, "price,list_price");
	set_action(t, "answer_price", "price asked for %s", p->sku);
	say(t, "price");
}

static void
answer_product(struct tctx *t, const struct product *p, int specs)
{
	char	*kf;

	product_slots(t, p, "");
	kf = specs ? spec_lines(p) : key_features(p, 4);
	slots_set(&t->slots, specs ? "specs" : "key_features", kf);
	free(kf);
	cite(t, "product", p->sku, p->name, specs ? "attrs" :
	    "price,rating,review_count,attrs");
	set_action(t, specs ? "show_specs" : "product_info", "%s about %s",
	    specs ? "specifications" : "overview", p->sku);
	say(t, specs ? "product_specs" : "product_info");
	if (!specs && p->stock <= 0)
		say(t, "out_of_stock_note");
}

/* A product question: which product, which aspect.  0: no product. */
static int
handle_product_question(struct tctx *t, const char *intent)
{
	struct product	 p;
	const struct entity *attr = first_entity(t, ENTITY_ATTRIBUTE);
	const char	*a = attr != NULL ? attr->attribute : NULL;

	memset(&p, 0, sizeof p);
	if (!target_product(t, &p))
		return 0;
	if (strcmp(intent, "warranty") == 0 || (a && strcmp(a,
	    "warranty") == 0))
		answer_warranty(t, &p);
	else if (strcmp(intent, "stock_availability") == 0 ||
	    (a && strcmp(a, "stock") == 0))
		answer_stock(t, &p);
	else if (strcmp(intent, "price_promotions") == 0 ||
	    (a && strcmp(a, "price") == 0))
		answer_price(t, &p);
	else if (a != NULL && strcmp(a, "specs") == 0)
		answer_product(t, &p, 1);	/* "specs", "features" */
	else if (a != NULL)
		answer_attribute(t, &p, a);
	else
		answer_product(t, &p, strcmp(intent, "product_specs") == 0);
	product_release(&p);
	return 1;
}

/* "$1,299 (4.6/5, 847 reviews)" lines for a list of products. */
static void
list_products(struct tctx *t, const struct product *v, size_t n, size_t from,
    struct sbuf *out)
{
	size_t	 i;
	char	*money;

	for (i = from; i < n; i++) {
		money = catalog_money(v[i].price, v[i].currency);
		sbuf_addf(out, "\n  %zu. %s, %s", i + 1, v[i].name, money);
		if (v[i].rating > 0)
			sbuf_addf(out, " (%.1f/5, %lld reviews)", v[i].rating,
			    v[i].review_count);
		if (v[i].stock <= 0)
			sbuf_adds(out, " (out of stock)");
		free(money);
		cite(t, "product", v[i].sku, v[i].name,
		    "price,rating,review_count,stock");
	}
}

/* Why a recommended product fits: the filters it meets and its rating. */
static char *
reasons(struct tctx *t, const struct product *p)
{
	cJSON		*f = jobj(t->state, "filters");
	struct sbuf	 sb = SBUF_INIT;
	char		*money;
	double		 max = jnum(f, "max_price", -1);

	if (p->rating > 0)
		sbuf_addf(&sb, "it is rated %.1f/5 by %lld customers",
		    p->rating, p->review_count);
	if (max >= 0) {
		money = catalog_money(max, p->currency);
		sbuf_addf(&sb, "%sit is within your %s budget",
		    sb.len ? ", " : "", money);
		free(money);
	}
	/* Only when it really is (the use may have been relaxed). */
	if (jstr(f, "use") != NULL && (strcmp(p->subcategory,
	    jstr(f, "use")) == 0 || strstr(p->tags, jstr(f, "use")) != NULL))
		sbuf_addf(&sb, "%sit is built for %s", sb.len ? " and " : "",
		    jstr(f, "use"));
	if (t->have_cust && p->brand[0] != '\0') {
		cJSON *pref = cJSON_Parse(t->cust.preferences), *b;

		cJSON_ArrayForEach(b, cJSON_GetObjectItemCaseSensitive(pref,
		    "brands"))
			if (cJSON_IsString(b) &&
			    strcasecmp(b->valuestring, p->brand) == 0) {
				sbuf_addf(&sb, "%sit is from %s, a brand you "
				    "like", sb.len ? ", and " : "", p->brand);
				break;
			}
		cJSON_Delete(pref);
	}
	if (p->stock > 0 && p->stock < 5)
		sbuf_addf(&sb, " (only %lld left)", p->stock);
	return sbuf_detach(&sb, NULL);
}

/*
 * Recommend from the stated needs (state filters, refreshed from this
 * turn's entities, and the customer's preferences): best rated first.
 */
static int
handle_recommend(struct tctx *t)
{
	cJSON		*f = jobj(t->state, "filters");
	struct product_filter pf;
	struct product	*v = NULL;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 more = SBUF_INIT, crit = SBUF_INIT;
	size_t		 n = 0, i;
	char		*why, *money;
	int		 relaxed = 0;

	memset(&pf, 0, sizeof pf);
	pf.category = jstr(f, "category");
	pf.use = jstr(f, "use");
	pf.brand = jstr(f, "brand");
	pf.max_price = jnum(f, "max_price", -1);
	pf.min_price = jnum(f, "min_price", -1);
	pf.in_stock = 1;
	pf.limit = 3;
	if (pf.max_price < 0 && t->have_cust && (pf.category != NULL ||
	    pf.use != NULL)) {
		/* No budget said: the one in the customer's profile. */
		cJSON *pref = cJSON_Parse(t->cust.preferences);
		double budget = jnum(pref, "budget", -1);

		if (budget > 0) {
			pf.max_price = budget;
			jset_num(f, "max_price", budget);
			jset_str(t->trace, "personalised", "budget from the "
			    "customer's preferences");
		}
		cJSON_Delete(pref);
	}
	if (pf.category == NULL && pf.brand == NULL && pf.use == NULL) {
		set_action(t, "ask_needs", "recommendation without a "
		    "category, brand or use: ask what for");
		say(t, "ask_needs");
		jset_str(jobj(t->state, "pending"), "action", "needs");
		return 1;
	}
	if (pf.category == NULL && pf.brand == NULL) {
		/*
		 * "Something for gaming under $1,000": gaming laptops,
		 * headsets and memory cards all qualify, and the best rated
		 * of them all is a poor answer.  Ask which kind, naming the
		 * kinds the catalog has for that use and budget.
		 */
		struct sbuf kinds = SBUF_INIT;
		size_t nk = 0;

		pf.limit = 200;
		if (catalog_products(t->st, &pf, &v, &n, &err) != SD_OK)
			n = 0;
		sd_error_clear(&err);
		for (i = 0; i < n; i++) {
			if (nk < 6 && !word_in(kinds.buf ? kinds.buf : "",
			    v[i].category, strlen(v[i].category))) {
				sbuf_addf(&kinds, "%s%s", nk ? ", " : "",
				    v[i].category);
				nk++;
			}
			product_release(&v[i]);
		}
		free(v);
		v = NULL;
		n = 0;
		pf.limit = 3;
		if (nk > 1) {
			slots_set(&t->slots, "use", pf.use);
			slots_set(&t->slots, "categories", kinds.buf);
			set_action(t, "ask_needs", "use %s without a category: "
			    "ask which of %s", pf.use, kinds.buf);
			say(t, "ask_category");
			jset_str(jobj(t->state, "pending"), "action", "needs");
			sbuf_release(&kinds);
			return 1;
		}
		sbuf_release(&kinds);
	}
	if (catalog_products(t->st, &pf, &v, &n, &err) != SD_OK)
		n = 0;
	if (n == 0 && pf.use != NULL) {
		/* Nothing for that use: widen to the category. */
		pf.use = NULL;
		relaxed = 1;
		catalog_products(t->st, &pf, &v, &n, &err);
	}
	sd_error_clear(&err);
	if (pf.category != NULL)
		sbuf_addf(&crit, "%s%s%s", jstr(f, "use") ? jstr(f, "use") :
		    "", jstr(f, "use") ? " " : "", pf.category);
	if (pf.brand != NULL)
		sbuf_addf(&crit, "%s%s", crit.len ? ", " : "", pf.brand);
	if (pf.max_price >= 0) {
		money = catalog_money(pf.max_price, "USD");
		sbuf_addf(&crit, "%sunder %s", crit.len ? ", " : "", money);
		free(money);
	}
	slots_set(&t->slots, "criteria", crit.buf);
	if (n == 0) {
		set_action(t, "recommend_none", "no product in stock matches "
		    "%s", crit.buf);
		say(t, "recommend_none");
		sbuf_release(&crit);
		return 1;
	}
	results_set(t, v, n);
	focus_push(t, v[0].sku);
	product_slots(t, &v[0], "");
	why = reasons(t, &v[0]);
	slots_set(&t->slots, "reasons", why);
	free(why);
	list_products(t, v, n, 1, &more);
	slots_set(&t->slots, "alternatives", more.buf);
	slots_setf(&t->slots, "alternatives_count", "%zu", n - 1);
	cite(t, "product", v[0].sku, v[0].name,
	    "price,rating,review_count,stock");
	set_action(t, "recommend", "%zu products match %s%s; best rated "
	    "first", n, crit.buf, relaxed ? " (use relaxed)" : "");
	say(t, "recommend");
	jset_str(jobj(t->state, "pending"), "action", "show_specs");
	jset_str(jobj(t->state, "pending"), "sku", v[0].sku);
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	free(v);
	sbuf_release(&more);
	sbuf_release(&crit);
	return 1;
}

/* Products matching the words (a catalog search), listed. */
static int
handle_product_search(struct tctx *t)
{
	struct search_result res;
	struct product	 v[RESULTS_MAX];
	struct sbuf	 list = SBUF_INIT;
	size_t		 i, n = 0;

	kb_search(t, t->text, SEARCH_KIND_BIT(SEARCH_PRODUCT), RESULTS_MAX,
	    &res);
	for (i = 0; i < res.n && n < RESULTS_MAX; i++)
		if (load_product(t, res.hits[i].id, &v[n]))
			n++;
	search_result_free(&res);
	if (n == 0)
		return 0;
	results_set(t, v, n);
	focus_push(t, v[0].sku);
	list_products(t, v, n, 0, &list);
	slots_set(&t->slots, "results", list.buf);
	set_action(t, "product_search", "%zu catalog matches for the "
	    "customer's words", n);
	say(t, "product_list");
	for (i = 0; i < n; i++)
		product_release(&v[i]);
	sbuf_release(&list);
	return 1;
}

/* The best product of a family or brand ("iPhone", "Samsung Galaxy"). */
/*
 * Words of a product name (folded) beyond those said (folded), not
 * counting the brand or words with digits (sizes, capacities).
 */
static int
extra_words(const char *name, const char *said, const char *brand)
{
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len;
	int		 extra = 0;

	n = text_tokenize(name, strlen(name), &tok, &cap);
	for (i = 0; i < n; i++) {
		len = tok[i].end - tok[i].start;
		if (tok[i].has_digit || len < 2)
			continue;
		if (strncasecmp(name + tok[i].start, brand, len) == 0 &&
		    brand[len] == '\0')
			continue;
		if (!word_in(said, name + tok[i].start, len))
			extra++;
	}
	free(tok);
	return extra;
}

static int
family_best(struct tctx *t, const struct entity *en, struct product *p)
{
	struct search_result res;
	struct sd_error	 err = SD_ERROR_INIT;
	struct sbuf	 q = SBUF_INIT;
	struct text_folded want = TEXT_FOLDED_INIT, name = TEXT_FOLDED_INIT;
	struct product	*cands = NULL;
	size_t		 i, n = 0;
	double		 score, best = -1;
	int		 found = 0, pick = -1;

	/*
	 * Among the products whose names hold the words said, the one most
	 * customers rated well (a Bayesian average, as recommendations use):
	 * "iPhone 15" is the 128GB model, not whichever variant happens to
	 * rank first.  Names are looked up in the full-text index; a search
	 * (typos, synonyms) is the fallback.
	 */
	sbuf_add(&q, t->text + en->start, en->end - en->start);
	text_fold(q.buf, q.len, &want);
	if (catalog_products_named(t->st, q.buf, 20, &cands, &n, &err) !=
	    SD_OK || n == 0) {
		sd_error_clear(&err);
		kb_search(t, q.buf, SEARCH_KIND_BIT(SEARCH_PRODUCT), 10, &res);
		for (i = 0; i < res.n; i++) {
			cands = xrealloc(cands, (n + 1) * sizeof *cands);
			memset(&cands[n], 0, sizeof cands[n]);
			if (catalog_product_by_sku(t->st, res.hits[i].id,
			    &cands[n], NULL) == SD_OK)
				n++;
		}
		search_result_free(&res);
	}
	for (i = 0; i < n; i++) {
		text_fold(cands[i].name, strlen(cands[i].name), &name);
		score = (cands[i].rating * (double)cands[i].review_count +
		    4.0 * 50) / ((double)cands[i].review_count + 50);
		/* Each word the customer did not say ("Pro", "Ultra") is a
		 * step away from the plain model they named. */
		score -= 5 * extra_words(name.s.buf, want.s.buf,
		    cands[i].brand);
		if (strstr(name.s.buf, want.s.buf) == NULL)
			score -= 100;	/* a weaker match: only if no other */
		if (!found || score > best) {
			pick = (int)i;
			best = score;
			found = 1;
		}
	}
	for (i = 0; i < n; i++) {
		if ((int)i == pick) {
			*p = cands[i];
			retrieved_add(t, "product", p->sku, p->name, 1.0, NULL);
		} else
			product_release(&cands[i]);
	}
	free(cands);
	sbuf_release(&q);
	text_folded_release(&want);
	text_folded_release(&name);
	return found;
}

#define CELL_MAX	24	/* widest cell of a comparison table */

static void
row_add(cJSON *rows, const char *label, const char *a, const char *b)
{
	cJSON	*r = cJSON_CreateArray();

	cJSON_AddItemToArray(r, cJSON_CreateString(label));
	cJSON_AddItemToArray(r, cJSON_CreateString(a));
	cJSON_AddItemToArray(r, cJSON_CreateString(b));
	cJSON_AddItemToArray(rows, r);
}

/*
 * The next piece of s for a cell at most max bytes wide: up to the last
 * space that fits (or a cut on a character boundary when none does).
 * *next gets where the rest starts.
 */
static size_t
cell_piece(const char *s, size_t max, const char **next)
{
	size_t	 n = strlen(s), cut;

	if (n <= max) {
		*next = s + n;
		return n;
	}
	for (cut = max; cut > 0 && s[cut] != ' '; cut--)
		;
	if (cut == 0) {
		cut = max;
		while (cut > 0 && ((unsigned char)s[cut] & 0xc0) == 0x80)
			cut--;
		*next = s + cut;
		return cut;
	}
	*next = s + cut + 1;
	return cut;
}

/*
 * Rows of three cells; long values wrap onto continuation lines inside
 * their column, so the table stays within 80 columns without cutting
 * what a cell says.
 */
static void
table_render(const cJSON *rows, struct sbuf *out)
{
	const cJSON	*r;
	const char	*cur[3], *next;
	size_t		 w[3] = { 0, 0, 0 }, c, len, pad;
	int		 more;

	cJSON_ArrayForEach(r, rows)
		for (c = 0; c < 3; c++) {
			len = strlen(cJSON_GetArrayItem(r, (int)c)->valuestring);
			if (len > CELL_MAX)
				len = CELL_MAX;
			if (len > w[c])
				w[c] = len;
		}
	cJSON_ArrayForEach(r, rows) {
		for (c = 0; c < 3; c++)
			cur[c] = cJSON_GetArrayItem(r, (int)c)->valuestring;
		do {
			sbuf_adds(out, "\n ");
			more = 0;
			for (c = 0; c < 3; c++) {
				len = cell_piece(cur[c], CELL_MAX, &next);
				sbuf_addc(out, ' ');
				sbuf_add(out, cur[c], len);
				for (pad = len; c < 2 && pad < w[c]; pad++)
					sbuf_addc(out, ' ');
				cur[c] = next;
				more |= *next != '\0';
			}
			/* Trailing blanks of a continuation line. */
			while (out->len > 0 && out->buf[out->len - 1] == ' ')
				sbuf_setlen(out, out->len - 1);
		} while (more);
	}
}

/* Side by side: the attributes that differ, with price and rating. */
static int
handle_compare(struct tctx *t)
{
	struct product	 p[2];
	const struct entity *en;
	cJSON		*a = NULL, *b = NULL, *it, *other;
	struct sbuf	 tab = SBUF_INIT;
	size_t		 i;
	int		 n = 0;
	char		*m0, *m1, num[2][32];
	const char	*sku;
	cJSON		*rows;

	memset(p, 0, sizeof p);
	for (i = 0; i < t->e->el.n && n < 2; i++) {
		en = &t->e->el.v[i];
		if (en->type == ENTITY_PRODUCT && en->sku != NULL) {
			if (n == 1 && strcmp(p[0].sku, en->sku) == 0)
				continue;
			n += load_product(t, en->sku, &p[n]);
		} else if ((en->type == ENTITY_PRODUCT ||
		    en->type == ENTITY_BRAND || en->type == ENTITY_CATEGORY) &&
		    family_best(t, en, &p[n])) {
			if (n == 1 && strcmp(p[0].sku, p[1].sku) == 0) {
				product_release(&p[1]);
				continue;
			}
			n++;
		}
	}
	/* "Compare the first and the third": those of the last list. */
	for (i = 0; n < 2 && ordinals[i] != NULL; i++) {
		cJSON *res = jarr(t->state, "results");

		if (!has_word(t, ordinals[i]) ||
		    (int)i >= cJSON_GetArraySize(res))
			continue;
		sku = cJSON_GetArrayItem(res, (int)i)->valuestring;
		if (n == 1 && strcmp(sku, p[0].sku) == 0)
			continue;
		n += load_product(t, sku, &p[n]);
	}
	/* Fill from the last list or the focus. */
	for (i = 0; n < 2 && i < FOCUS_MAX; i++) {
		sku = focus_top(t, (int)i);
		if (sku == NULL)
			break;
		if (n == 1 && strcmp(sku, p[0].sku) == 0)
			continue;
		n += load_product(t, sku, &p[n]);
	}
	if (n < 2) {
		for (i = 0; i < (size_t)n; i++)
			product_release(&p[i]);
		set_action(t, "ask_compare", "comparison needs two products; "
		    "found %d", n);
		say(t, "ask_compare");
		return 1;
	}
	/*
	 * The products' full names head the table as A and B, and the
	 * columns are as wide as their longest cell (up to CELL_MAX), so
	 * the table fits 80 columns and still says which model is which.
	 */
	rows = cJSON_CreateArray();
	m0 = catalog_money(p[0].price, p[0].currency);
	m1 = catalog_money(p[1].price, p[1].currency);
	sbuf_addf(&tab, "\n  A: %s\n  B: %s\n", p[0].name, p[1].name);
	row_add(rows, "", "A", "B");
	row_add(rows, "price", m0, m1);
	free(m0);
	free(m1);
	snprintf(num[0], sizeof num[0], "%.1f", p[0].rating);
	snprintf(num[1], sizeof num[1], "%.1f", p[1].rating);
	row_add(rows, "rating", num[0], num[1]);
	snprintf(num[0], sizeof num[0], "%lld", p[0].review_count);
	snprintf(num[1], sizeof num[1], "%lld", p[1].review_count);
	row_add(rows, "reviews", num[0], num[1]);
	row_add(rows, "warranty", p[0].warranty, p[1].warranty);
	a = cJSON_Parse(p[0].attrs);
	b = cJSON_Parse(p[1].attrs);
	cJSON_ArrayForEach(it, a) {
		char *va, *vb;

		other = cJSON_GetObjectItemCaseSensitive(b, it->string);
		va = catalog_attr(&p[0], it->string);
		vb = other != NULL ? catalog_attr(&p[1], it->string) : NULL;
		if (va != NULL && (vb == NULL || strcmp(va, vb) != 0))
			row_add(rows, it->string, va, vb != NULL ? vb : "-");
		free(va);
		free(vb);
	}
	table_render(rows, &tab);
	cJSON_Delete(rows);
	cJSON_Delete(a);
	cJSON_Delete(b);
	product_slots(t, &p[0], "a_");
	product_slots(t, &p[1], "b_");
	slots_set(&t->slots, "table", tab.buf);
	slots_set(&t->slots, "cheaper", p[0].price <= p[1].price ?
	    p[0].name : p[1].name);
	slots_set(&t->slots, "same_price", fabs(p[0].price - p[1].price) <
	    0.005 ? "1" : "");
	slots_set(&t->slots, "same_rating", fabs(p[0].rating - p[1].rating) <
	    0.05 ? "1" : "");
	slots_set(&t->slots, "better_rated", p[0].rating >= p[1].rating ?
	    p[0].name : p[1].name);
	for (i = 0; i < 2; i++)
		cite(t, "product", p[i].sku, p[i].name, "price,rating,attrs");
	results_set(t, p, 2);
	focus_push(t, p[1].sku);
	focus_push(t, p[0].sku);
	set_action(t, "compare", "side by side: %s vs %s", p[0].sku,
	    p[1].sku);
	say(t, "compare");
	product_release(&p[0]);
	product_release(&p[1]);
	sbuf_release(&tab);
	return 1;
}

/* Does accessory a list b (by name or model) among what it fits? */
static int
handle_compatibility(struct tctx *t)
{
	struct product	 p[2];
	const struct entity *en;
	size_t		 i;
	int		 n = 0, fits = -1;
	char		*compat;
	const struct product *acc, *dev;

	const struct entity *pick[2] = { NULL, NULL };

	/*
	 * The two longest product mentions, in the order said: "fit" read
	 * as the Beats Fit Pro must not beat "the iPhone 15" next to it.
	 * A family ("iPhone 15") is its best model.
	 */
	memset(p, 0, sizeof p);
	for (i = 0; i < t->e->el.n; i++) {
		en = &t->e->el.v[i];
		if (en->type != ENTITY_PRODUCT)
			continue;
		if (pick[0] == NULL || en->end - en->start >
		    pick[0]->end - pick[0]->start) {
			pick[1] = pick[0];
			pick[0] = en;
		} else if (pick[1] == NULL || en->end - en->start >
		    pick[1]->end - pick[1]->start)
			pick[1] = en;
	}
	if (pick[1] != NULL && pick[1]->start < pick[0]->start) {
		en = pick[0];
		pick[0] = pick[1];
		pick[1] = en;
	}
	for (i = 0; i < 2 && pick[i] != NULL; i++) {
		en = pick[i];
		if (en->sku != NULL ? !load_product(t, en->sku, &p[n]) :
		    !family_best(t, en, &p[n]))
			continue;
		if (n == 1 && strcmp(p[0].sku, p[1].sku) == 0) {
			product_release(&p[1]);
			memset(&p[1], 0, sizeof p[1]);
			continue;
		}
		n++;
	}
	if (n == 1 && focus_top(t, 0) != NULL &&
	    strcmp(focus_top(t, 0), p[0].sku) != 0)
		n += load_product(t, focus_top(t, 0), &p[1]);
	if (n < 2) {
		for (i = 0; i < (size_t)n; i++)
			product_release(&p[i]);
		return 0;
	}
	/* The one with a compatible_with list is the accessory. */
	compat = catalog_attr(&p[0], "compatible_with");
	acc = &p[0];
	dev = &p[1];
	if (compat == NULL) {
		compat = catalog_attr(&p[1], "compatible_with");
		acc = &p[1];
		dev = &p[0];
	}
	if (compat != NULL) {
		char *lc = xstrdup(compat), *ln = xstrdup(dev->name), *q;

		for (q = lc; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		for (q = ln; *q; q++)
			*q = (char)tolower((unsigned char)*q);
		fits = strstr(ln, lc) != NULL || strstr(lc, ln) != NULL;
		if (!fits && dev->model[0] != '\0') {
			char *lm = xstrdup(dev->model);

			for (q = lm; *q; q++)
				*q = (char)tolower((unsigned char)*q);
			fits = strstr(lc, lm) != NULL;
			free(lm);
		}
		free(lc);
		free(ln);
	}
	product_slots(t, acc, "a_");
	product_slots(t, dev, "b_");
	slots_set(&t->slots, "compatible_with", compat != NULL ? compat : "");
	cite(t, "product", acc->sku, acc->name, "attrs.compatible_with");
	retrieved_add(t, "product", dev->sku, dev->name, 1.0, NULL);
	set_action(t, "compatibility", "%s compatible_with \"%s\" vs %s: %s",
	    acc->sku, compat != NULL ? compat : "(none listed)", dev->name,
	    fits < 0 ? "unknown" : fits ? "yes" : "no");
	say(t, fits < 0 ? "compatible_unknown" : fits ? "compatible_yes" :
	    "compatible_no");
	free(compat);
	product_release(&p[0]);
	product_release(&p[1]);
	return 1;
}

/* Support: orders, returns, refunds, cancellations. */

static void
order_slots(struct tctx *t, const struct order *o)
{
	char		*money;
	struct sbuf	 items = SBUF_INIT;
	size_t		 i;

	slots_set(&t->slots, "order_id", o->id);
	slots_set(&t->slots, "status", o->status);
	{
		/* "return_requested" reads "return requested". */
		char *h = xstrdup(o->status), *q;

		for (q = h; *q; q++)
			if (*q == '_')
				*q = ' ';
		slots_set(&t->slots, "status_text", h);
		free(h);
	}
	slots_set(&t->slots, "placed_at", o->placed_at);
	slots_setf(&t->slots, "placed_on", "%.10s", o->placed_at);
	money = catalog_money(o->total, o->currency);
	slots_set(&t->slots, "total", money);
	free(money);
	slots_set(&t->slots, "carrier", o->carrier ? o->carrier : "");
	slots_set(&t->slots, "tracking_number", o->tracking_number ?
	    o->tracking_number : "");
	slots_set(&t->slots, "shipment_status", o->ship_status ?
	    o->ship_status : "");
	slots_setf(&t->slots, "delivery_date", "%.10s",
	    o->estimated_delivery ? o->estimated_delivery : "");
	slots_setf(&t->slots, "delivered_on", "%.10s",
	    o->delivered_at ? o->delivered_at : "");
	slots_setf(&t->slots, "shipped_on", "%.10s",
	    o->shipped_at ? o->shipped_at : "");
	for (i = 0; i < o->nitems; i++)
		sbuf_addf(&items, "%s%s%s", i == 0 ? "" : i + 1 == o->nitems ?
		    " and " : ", ", o->items[i].qty > 1 ? "" : "",
		    o->items[i].name);
	slots_set(&t->slots, "items", items.buf);
	sbuf_release(&items);
	cite(t, "order", o->id, o->id, "status,placed_at,total,shipment");
}

/* The open form (creating it for name when another or none is open). */
static cJSON *
open_form(struct tctx *t, const char *name)
{
	cJSON	*form = cJSON_GetObjectItemCaseSensitive(t->state, "form");
	const char *cur = cJSON_IsObject(form) ? jstr(form, "name") : NULL;

	if (cur != NULL && strcmp(cur, name) == 0)
		return form;
	if (cur != NULL) {
		/* Topic switch: keep the old form to come back to. */
		cJSON *susp = jarr(t->state, "suspended");

		cJSON_InsertItemInArray(susp, 0, cJSON_Duplicate(form, 1));
		while (cJSON_GetArraySize(susp) > 3)
			cJSON_DeleteItemFromArray(susp, 3);
		jset_str(t->trace, "topic_switch", cur);
	}
	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "form");
	form = cJSON_AddObjectToObject(t->state, "form");
	cJSON_AddStringToObject(form, "name", name);
	return form;
}

/*
 * The form is done.  If a topic switch put another aside, offer to go
 * back to it ("yes" resumes it).
 */
static void
close_form(struct tctx *t)
{
	static const struct {
		const char	*form;
		const char	*text;
	} names[] = {
		{ "track_order", "order tracking" },
		{ "cancel_order", "cancellation" },
		{ "track_refund", "refund" },
		{ "change_order", "order change" },
		{ "change_shipping_address", "address change" },
		{ "return_item", "return" },
	};
	cJSON	*susp = cJSON_GetObjectItemCaseSensitive(t->state, "suspended");
	cJSON	*old;
	const char *name;
	size_t	 i;

	cJSON_DeleteItemFromObjectCaseSensitive(t->state, "form");
	if (!cJSON_IsArray(susp) || cJSON_GetArraySize(susp) == 0)
		return;
	old = cJSON_DetachItemFromArray(susp, 0);
	if ((name = jstr(old, "name")) == NULL) {
		cJSON_Delete(old);
		return;
	}
	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(names[i].form, name) == 0)
			break;
	slots_set(&t->slots, "earlier", i < sizeof names / sizeof names[0] ?
	    names[i].text : name);
	cJSON_AddItemToObject(t->state, "form", old);
	jset_str(jobj(t->state, "pending"), "action", "resume_form");
	say(t, "resume_offer");
}

/* Ask for the order number, listing the customer's recent orders. */
static void
ask_order_id(struct tctx *t, const char *form)
{
	char		**ids = NULL;
	size_t		 n = 0, i;
	struct sbuf	 list = SBUF_INIT;
	struct sd_error	 err = SD_ERROR_INIT;

	if (t->have_cust)
		catalog_customer_orders(t->st, t->cust.id, &ids, &n, &err);
	sd_error_clear(&err);
	for (i = 0; i < n && i < 3; i++)
		sbuf_addf(&list, "%s#%s", i ? ", " : "", ids[i]);
	for (i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	slots_set(&t->slots, "recent_orders", list.buf);
	slots_set(&t->slots, "form", form);
	set_action(t, "ask_order_id", "%s needs an order number", form);
	say(t, "ask_order_id");
	jset_str(jobj(t->state, "pending"), "action", "order_id");
	sbuf_release(&list);
}

static void
return_eligibility(struct tctx *t, const struct order *o)
{
	char		*wdoc = NULL, *ndoc = NULL;
	const char	*delivered;
	char		*window = catalog_policy_fact(t->st,
	    "return_window_days", &wdoc);
	char		*nonret = catalog_policy_fact(t->st,
	    "non_returnable_categories", &ndoc);
	long		 days, w;
	size_t		 i;

	order_slots(t, o);
	if (window == NULL) {
		set_action(t, "return_unknown_policy", "no return window "
		    "in the store's policies");
		say(t, "return_no_policy");
		goto out;
	}
	w = atol(window);
	slots_set(&t->slots, "return_window_days", window);
	cite(t, "policy", wdoc, "Return policy", "return_window_days");
	if (strcmp(o->status, "delivered") != 0) {
		set_action(t, "return_not_delivered", "order %s is %s, not "
		    "delivered", o->id, o->status);
		say(t, "return_status");
		goto out;
	}
	/* What can never come back goes first: the window is moot then. */
	for (i = 0; nonret != NULL && i < o->nitems; i++) {
		if (o->items[i].category[0] != '\0' &&
		    strstr(nonret, o->items[i].category) != NULL) {
			slots_set(&t->slots, "item", o->items[i].name);
			slots_set(&t->slots, "item_category",
			    o->items[i].category);
			cite(t, "policy", ndoc, "Return policy",
			    "non_returnable_categories");
			set_action(t, "return_ineligible", "%s is in the "
			    "non-returnable category %s", o->items[i].sku,
			    o->items[i].category);
			say(t, "return_non_returnable");
			goto out;
		}
	}
	/* Digital deliveries have no shipment: the order's last update. */
	delivered = o->delivered_at != NULL ? o->delivered_at : o->updated_at;
	slots_setf(&t->slots, "delivered_on", "%.10s", delivered);
	days = catalog_days_between(delivered, store_now());
	slots_setf(&t->slots, "days_since_delivery", "%ld", days);
	if (days > w) {
		set_action(t, "return_ineligible", "delivered %ld days ago; "
		    "window %ld days", days, w);
		say(t, "return_window_passed");
		goto out;
	}
	slots_setf(&t->slots, "days_left", "%ld", w - days);
	set_action(t, "return_eligible", "delivered %ld days ago, within "
	    "the %ld-day window", days, w);
	say(t, "return_eligible");
	jset_str(jobj(t->state, "pending"), "action", "confirm_return");
	jset_str(jobj(t->state, "pending"), "order_id", o->id);
out:
	/* Answered unless a return is on offer: the form is done. */
	if (strcmp(t->action, "return_eligible") != 0)
		close_form(t);
	free(window);
	free(nonret);
	free(wdoc);
	free(ndoc);
}

static void
cancel_check(struct tctx *t, const struct order *o)
{
	order_slots(t, o);
	if (strcmp(o->status, "processing") == 0) {
		set_action(t, "cancel_offer", "order %s is processing: it can "
		    "be cancelled", o->id);
		say(t, "cancel_offer");
		jset_str(jobj(t->state, "pending"), "action",
		    "confirm_cancel");
		jset_str(jobj(t->state, "pending"), "order_id", o->id);
	} else {
		set_action(t, "cancel_refused", "order %s is %s: only "
		    "processing orders can be cancelled", o->id, o->status);
		say(t, "cancel_refused");
		close_form(t);	/* answered: nothing more to ask */
	}
}

/*
 * A support form about one order: take the number from this turn, the
 * open form or ask; check the order is the customer's; then act.
 */
static void
handle_order(struct tctx *t, const char *form_name)
{
	const struct entity *en = first_entity(t, ENTITY_ORDER_ID);
	cJSON		*form = open_form(t, form_name);
	struct order	 o;
	struct sd_error	 err = SD_ERROR_INIT;
	const char	*id;

	memset(&o, 0, sizeof o);
	if (en != NULL)
		jset_str(form, "order_id", en->value);
	if (jstr(form, "order_id") == NULL && t->have_cust) {
		/* "return my iPhone": the order that holds it. */
		const struct entity *pe = first_entity(t, ENTITY_PRODUCT);
		char *found, *words;

		if (pe == NULL)
			pe = first_entity(t, ENTITY_BRAND);
		if (pe == NULL)
			pe = first_entity(t, ENTITY_CATEGORY);
		words = pe == NULL ? NULL : xstrndup(t->text + pe->start,
		    pe->end - pe->start);
		found = pe == NULL ? NULL : catalog_customer_order_with(t->st,
		    t->cust.id, pe->type == ENTITY_PRODUCT ? pe->sku : NULL,
		    words);
		free(words);

		if (found != NULL) {
			jset_str(form, "order_id", found);
			jset_str(t->trace, "order_resolution", "the customer's "
			    "latest order holding the product named");
			free(found);
		}
	}
	if ((id = jstr(form, "order_id")) == NULL) {
		ask_order_id(t, form_name);
		return;
	}
	slots_set(&t->slots, "order_id", id);
	if (catalog_order(t->st, id, &o, &err) != SD_OK) {
		sd_error_clear(&err);
		set_action(t, "order_not_found", "no order #%s", id);
		say(t, "order_not_found");
		cJSON_DeleteItemFromObjectCaseSensitive(form, "order_id");
		jset_str(jobj(t->state, "pending"), "action", "order_id");
		return;
	}
	if (!t->have_cust) {
		set_action(t, "order_needs_user", "order #%s: the customer is "
		    "not identified", id);
		say(t, "order_needs_user");
		goto out;
	}
	if (strcmp(o.customer_id, t->cust.id) != 0) {
		/* Say no more than for an unknown order. */
		set_action(t, "order_not_owned", "order #%s belongs to another "
		    "customer", id);
		say(t, "order_not_found");
		cJSON_DeleteItemFromObjectCaseSensitive(form, "order_id");
		goto out;
	}
	if (strcmp(form_name, "track_order") == 0 ||
	    strcmp(form_name, "track_refund") == 0) {
		order_slots(t, &o);
		set_action(t, "order_status", "order #%s is %s", id, o.status);
		say(t, strcmp(form_name, "track_refund") == 0 ?
		    "refund_status" : "order_status");
		close_form(t);
	} else if (strcmp(form_name, "cancel_order") == 0)
		cancel_check(t, &o);
	else if (strcmp(form_name, "change_order") == 0 ||
	    strcmp(form_name, "change_shipping_address") == 0) {
		order_slots(t, &o);
		set_action(t, "change_check", "order #%s is %s", id, o.status);
		say(t, "change_order");
		close_form(t);
	} else
		return_eligibility(t, &o);
out:
	order_release(&o);
}

/* Carry out what the customer just agreed to. */
static int
confirm_pending(struct tctx *t, cJSON *pending)
{
	const char	*what = jstr(pending, "action");
	const char	*order = jstr(pending, "order_id");
	const char	*sku = jstr(pending, "sku");
	struct sd_error	 err = SD_ERROR_INIT;
	struct product	 p;

	if (what == NULL)
		return 0;
	if (strcmp(what, "resume_form") == 0) {
		cJSON *form = cJSON_GetObjectItemCaseSensitive(t->state, "form");

		if (!cJSON_IsObject(form) || jstr(form, "name") == NULL)
			return 0;
		jset_str(t->trace, "resumed", jstr(form, "name"));
		handle_order(t, jstr(form, "name"));
		return 1;
	}
	if (strcmp(what, "show_specs") == 0 && sku != NULL) {
		memset(&p, 0, sizeof p);
		if (!load_product(t, sku, &p))
			return 0;
		focus_push(t, sku);
		answer_product(t, &p, 1);
		product_release(&p);
		return 1;
	}
	if ((strcmp(what, "confirm_cancel") == 0 ||
	    strcmp(what, "confirm_return") == 0) && order != NULL) {
		int cancel = what[8] == 'c';

		slots_set(&t->slots, "order_id", order);
		/* The status and its event together, or neither. */
		read_end(t);
		if (store_begin(t->st, &err) != SD_OK ||
		    catalog_order_set_status(t->st, order, cancel ?
		    "cancelled" : "return_requested", cancel ?
		    "cancelled by the customer in chat" :
		    "return requested in chat", &err) != SD_OK ||
		    store_commit(t->st, &err) != SD_OK) {
			store_rollback(t->st);
			cJSON_AddStringToObject(t->trace, "error",
			    sd_error_msg(&err));
			sd_error_clear(&err);
			return 0;
		}
		cite(t, "order", order, order, "status");
		set_action(t, cancel ? "order_cancelled" : "return_started",
		    "customer confirmed; order #%s is now %s", order, cancel ?
		    "cancelled" : "return_requested");
		say(t, cancel ? "cancel_done" : "return_started");
		close_form(t);
		return 1;
	}
	return 0;
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
static int
handle_kb(struct tctx *t, unsigned kinds, const char *action,
    const char *tpl)
{
	struct search_result res;
	struct sbuf	 q = SBUF_INIT;
	struct product	 p;
	const struct search_hit *h;
	const char	*sku = focus_top(t, 0);

	memset(&p, 0, sizeof p);
	sbuf_add(&q, t->text, t->len);
	/* Troubleshooting a product: its name helps find its manual. */
	if ((kinds & SEARCH_KIND_BIT(SEARCH_MANUAL)) && sku != NULL &&
	    first_entity(t, ENTITY_PRODUCT) == NULL &&
	    first_entity(t, ENTITY_CATEGORY) == NULL &&
	    load_product(t, sku, &p)) {
		sbuf_addf(&q, " %s", p.name);
		slots_set(&t->slots, "product_name", p.name);
		product_release(&p);
	}
	kb_search(t, q.buf, kinds, RETRIEVE_K, &res);
	sbuf_release(&q);
	if (res.n == 0) {
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

		if (s != NULL) {
			sqlite3_bind_int64(s, 1, h->rowid);
			if (sqlite3_step(s) == SQLITE_ROW)
				slots_set(&t->slots, "answer",
				    (const char *)sqlite3_column_text(s, 0));
			sqlite3_reset(s);
		}
	}
	if (slots_get(&t->slots, "answer") == NULL)
		slots_set(&t->slots, "answer", h->snippet);
	cite(t, search_kind_name(h->kind), h->id, h->title, "text");
	set_action(t, action, "best %s \"%s\" (score %.3f)",
	    search_kind_name(h->kind), h->id, h->score);
	say(t, h->kind == SEARCH_TICKET ? "ticket_answer" : tpl);
	search_result_free(&res);
	return 1;
}

static void
escalate(struct tctx *t, const char *reason)
{
	t->escalate = 1;
	free(t->escalate_reason);
	t->escalate_reason = xstrdup(reason);
	slots_set(&t->slots, "reason", reason);
	set_action(t, "escalate", "%s", reason);
	say(t, "escalate");
}

static void
fallback(struct tctx *t, const char *why)
{
	int	 n = (int)jnum(t->state, "fallbacks", 0) + 1;

	t->fallback = 1;
	jset_num(t->state, "fallbacks", n);
	if (n >= FALLBACKS_MAX) {
		escalate(t, "repeated fallbacks");
		return;
	}
	set_action(t, "fallback", "%s", why);
	say(t, n == 1 ? "fallback" : "fallback_again");
}

/* Intents answered from the FAQ and policy documents. */
static const char *const faq_intents[] = {
	"check_cancellation_fee", "check_invoice", "check_payment_methods",
	"check_refund_policy", "contact_customer_service", "create_account",
	"delete_account", "delivery_options", "delivery_period",
	"edit_account", "get_invoice", "newsletter_subscription",
	"payment_issue", "place_order", "recover_password",
	"registration_problems", "review", "set_up_shipping_address",
	"switch_account", NULL
};

/* Intents that open a support form about an order. */
static const char *const form_intents[] = {
	"track_order", "cancel_order", "track_refund", "change_order",
	"change_shipping_address", "return_item", "get_refund", NULL
};

/* Intents about products, whose near-ties need no clarifying question. */
static const char *const product_intents[] = {
	"product_inquiry", "product_specs", "usage_advice", "compatibility",
	"comparison", "recommendation", "stock_availability",
	"price_promotions", "warranty", NULL
};

/*
 * Words of the message beside the entity en, not counting those that
 * only frame an answer ("order", "it's", "number"): "order 12318" says
 * nothing more than the number, whatever the classifier makes of it.
 */
static int
words_beside(struct tctx *t, const struct entity *en)
{
	static const char *const frame[] = { "order", "number", "it", "its",
	    "it's", "is", "s", "the", "my", "no", "nr", "num", "ok", "okay",
	    "sure", "here", "yes", "this", "one", "that", "ord", NULL };
	struct text_token *tok = NULL;
	size_t		 cap = 0, n, i, len;
	int		 more = 0;
	const char *const *f;

	n = text_tokenize(t->text, t->len, &tok, &cap);
	for (i = 0; i < n; i++) {
		if (tok[i].end > en->start && tok[i].start < en->end)
			continue;
		len = tok[i].end - tok[i].start;
		for (f = frame; *f != NULL; f++)
			if (strlen(*f) == len && strncasecmp(*f,
			    t->text + tok[i].start, len) == 0)
				break;
		if (*f == NULL)
			more++;
	}
	free(tok);
	return more;
}

/* How many of "first", "second"... the customer said. */
static int
ordinals_said(struct tctx *t)
{
	int	 i, n = 0;

	for (i = 0; ordinals[i] != NULL; i++)
		n += has_word(t, ordinals[i]);
	return n;
}

static int
in_list(const char *s, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strcmp(s, *list) == 0)
			return 1;
	return 0;
}

/* The one run of 5 to 12 digits standing alone in s (caller frees). */
static char *
bare_number(const char *s)
{
	const char	*p = s, *q, *found = NULL;
	size_t		 n = 0;

	while (*p != '\0') {
		if (!isdigit((unsigned char)*p)) {
			p++;
			continue;
		}
		for (q = p; isdigit((unsigned char)*q); q++)
			;
		if ((p > s && (isalnum((unsigned char)p[-1]) ||
		    p[-1] == '$' || p[-1] == '.' || p[-1] == ',')) ||
		    isalpha((unsigned char)*q) || *q == ',' ||
		    (*q == '.' && isdigit((unsigned char)q[1]))) {
			p = q;
			continue;
		}
		if (q - p >= 5 && q - p <= 12) {
			if (found != NULL)
				return NULL;	/* two numbers: ask again */
			found = p;
			n = (size_t)(q - p);
		}
		p = q;
	}
	return found != NULL ? xstrndup(found, n) : NULL;
}

/* Words that make a question about the store, not a product. */
static const char *const store_topics[] = { "shipping", "delivery",
	"coupon", "coupons", "code", "codes", "promo", "price match",
	"financing", "payment", "invoice", NULL };

/* A question about a product with these words asks its price. */
static const char *const price_words[] = { "how much", "price", "cost",
	"costs", NULL };

static const char *const affirm_words[] = { "yes", "yeah", "yep", "sure",
	"ok", "okay", "please", "definitely", "absolutely", "go ahead", NULL };

/*
 * The policy: choose and carry out the action for this turn.  Order of
 * precedence: a pending question answered, a form slot filled, then the
 * intent with the entities and the state.
 */
static void
policy(struct tctx *t, const struct intent_result *ir)
{
	const char	*intent = t->intent;
	cJSON		*pending = cJSON_GetObjectItemCaseSensitive(t->state,
	    "pending");
	cJSON		*form = cJSON_GetObjectItemCaseSensitive(t->state,
	    "form");
	const char	*pend = cJSON_IsObject(pending) ?
	    jstr(pending, "action") : NULL;
	const struct entity *oid = first_entity(t, ENTITY_ORDER_ID);
	int		 affirm, deny, questions;

	affirm = strcmp(intent, "affirm") == 0 || has_any(t, affirm_words);
	deny = strcmp(intent, "deny") == 0;
	/* Something beyond "yes": an attribute or a real question. */
	questions = first_entity(t, ENTITY_ATTRIBUTE) != NULL ||
	    (strcmp(intent, "affirm") != 0 && strcmp(intent, "deny") != 0 &&
	    ir->verdict == INTENT_OK);

	/*
	 * "It's 12345" after "which order is it?": a bare number is an
	 * order number only because the bot asked for one, which the
	 * entity extractor cannot know.
	 */
	if (pend != NULL && strcmp(pend, "order_id") == 0 && oid == NULL &&
	    cJSON_IsObject(form) && first_entity(t, ENTITY_PRICE) == NULL) {
		char	*num = bare_number(t->text);

		if (num != NULL) {
			jset_str(form, "order_id", num);
			free(num);
			cJSON_DeleteItemFromObjectCaseSensitive(t->state,
			    "pending");
			jset_str(t->trace, "slot_filled", "order_id");
			handle_order(t, jstr(form, "name"));
			return;
		}
	}

	/*
	 * 1. The answer to the bot's last question, unless the customer
	 * clearly moved on to another support form ("can I cancel order
	 * 12191" after being asked which order to return).
	 */
	if (pend != NULL && strcmp(pend, "order_id") == 0 && oid != NULL &&
	    cJSON_IsObject(form) && !(ir->verdict == INTENT_OK &&
	    in_list(intent, form_intents) &&
	    strcmp(intent, jstr(form, "name")) != 0 &&
	    words_beside(t, oid) > 0)) {
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		jset_str(t->trace, "slot_filled", "order_id");
		handle_order(t, jstr(form, "name"));
		return;
	}
	if (pend != NULL && (affirm || deny) && !(deny && affirm)) {
		cJSON *p = cJSON_Duplicate(pending, 1);

		/* pend points into pending: record it before deleting. */
		jset_str(t->trace, "pending_answered", pend);
		if ((pend = jstr(p, "action")) == NULL)
			pend = "";
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");
		if (deny && !affirm) {
			set_action(t, "declined", "customer declined %s", pend);
			say(t, "declined");
			if (strncmp(pend, "confirm_", 8) == 0)
				close_form(t);
			cJSON_Delete(p);
			return;
		}
		if (confirm_pending(t, p) && !questions) {
			cJSON_Delete(p);
			return;
		}
		cJSON_Delete(p);
		if (!questions && t->reply.len == 0) {
			set_action(t, "ack", "affirm without a pending action");
			say(t, "ack");
			return;
		}
		/* "Yes, and how's the battery?": go on with the question. */
		if (strcmp(intent, "affirm") == 0 ||
		    (first_entity(t, ENTITY_ATTRIBUTE) != NULL &&
		    ir->verdict != INTENT_OK)) {
			intent = t->intent = "product_specs";
			if (handle_product_question(t, intent))
				return;
		}
	} else if (pend != NULL)
		cJSON_DeleteItemFromObjectCaseSensitive(t->state, "pending");

	/* 2. Escalation, dialogue acts. */
	if (strcmp(intent, "contact_human_agent") == 0) {
		escalate(t, "customer asked for a person");
		return;
	}
	if (strcmp(intent, "complaint") == 0) {
		escalate(t, "complaint");
		return;
	}
	if (ir->verdict == INTENT_OUT_OF_SCOPE) {
		const char *how = NULL, *sku = resolve_reference(t, &how);

		/*
		 * "How much is the HP Victus 15?", "what about the second
		 * one?": the classifier found no intent, but a product named
		 * or picked from the last list is a product question, not
		 * something the bot cannot do.
		 */
		if (count_entities(t, ENTITY_PRODUCT) == 0 &&
		    (sku == NULL || strcmp(how, "it") == 0)) {
			fallback(t, ir->reason.buf);
			return;
		}
		jset_str(t->trace, "ambiguity", "resolved: out of scope, "
		    "but about a product named or referred to");
		intent = t->intent = has_any(t, price_words) ?
		    "price_promotions" : "product_inquiry";
	}
	if (ir->verdict == INTENT_AMBIGUOUS && ir->ntop >= 2 &&
	    count_entities(t, ENTITY_PRODUCT) > 0 &&
	    (ir->top[0].id == intent_oos_id() ||
	    ir->top[1].id == intent_oos_id())) {
		/*
		 * Torn between a product question and "out of scope" while a
		 * catalog product is named: the product settles it.
		 */
		int other = ir->top[0].id == intent_oos_id() ?
		    ir->top[1].id : ir->top[0].id;

		if (in_list(intent_names(NULL)[other], product_intents)) {
			intent = t->intent = intent_names(NULL)[other];
			jset_str(t->trace, "ambiguity", "resolved: a catalog "
			    "product is named");
		}
	}
	if (ir->verdict == INTENT_AMBIGUOUS && ir->ntop >= 2 &&
	    t->trace != NULL && jstr(t->trace, "ambiguity") != NULL) {
		/* Settled above. */
	} else if (ir->verdict == INTENT_AMBIGUOUS && ir->ntop >= 2 &&
	    in_list(intent_names(NULL)[ir->top[0].id], product_intents) &&
	    in_list(intent_names(NULL)[ir->top[1].id], product_intents) &&
	    (t->e->el.n > 0 || focus_top(t, 0) != NULL)) {
		/* Both readings ask about products: the top one will do. */
		jset_str(t->trace, "ambiguity", "resolved: both readings are "
		    "product questions");
	} else if (ir->verdict == INTENT_AMBIGUOUS && ir->ntop >= 2) {
		const char *const *names = intent_names(NULL);

		slots_set(&t->slots, "option_a", names[ir->top[0].id]);
		slots_set(&t->slots, "option_b", names[ir->top[1].id]);
		t->fallback = 1;
		set_action(t, "clarify", "%s", ir->reason.buf);
		say(t, "clarify");
		return;
	}
	if (strcmp(intent, "greeting") == 0) {
		set_action(t, "greet", "greeting");
		say(t, "greeting");
		return;
	}
	if (strcmp(intent, "goodbye") == 0) {
		set_action(t, "goodbye", "goodbye");
		say(t, "goodbye");
		return;
	}
	if (strcmp(intent, "thanks") == 0) {
		set_action(t, "thanks", "thanks");
		say(t, "thanks");
		return;
	}
	if (strcmp(intent, "affirm") == 0 || strcmp(intent, "deny") == 0) {
		set_action(t, "ack", "%s with nothing pending", intent);
		say(t, "ack");
		return;
	}

	/* 3. Support forms. */
	if (strcmp(intent, "track_order") == 0 ||
	    strcmp(intent, "cancel_order") == 0 ||
	    strcmp(intent, "track_refund") == 0 ||
	    strcmp(intent, "change_order") == 0 ||
	    strcmp(intent, "change_shipping_address") == 0) {
		handle_order(t, intent);
		return;
	}
	if (strcmp(intent, "return_item") == 0 ||
	    strcmp(intent, "get_refund") == 0) {
		/* "What is your return policy?" asks about no order. */
		const struct entity *pe = first_entity(t, ENTITY_PRODUCT);
		int policy_q = oid == NULL && (has_word(t, "policy") ||
		    has_word(t, "window")) && (pe == NULL ||
		    pe->extractor == EXTRACTOR_FUZZY);

		if (!policy_q && (oid != NULL || (cJSON_IsObject(form) &&
		    jstr(form, "order_id") != NULL) || t->have_cust)) {
			handle_order(t, "return_item");
			return;
		}
		if (handle_kb(t, SEARCH_KIND_BIT(SEARCH_POLICY) |
		    SEARCH_KIND_BIT(SEARCH_FAQ), "policy_answer", "faq_answer"))
			return;
		handle_order(t, "return_item");
		return;
	}

	/* 4. Sales and product expertise. */
	if (in_list(intent, product_intents) &&
	    count_entities(t, ENTITY_PRODUCT) == 0 &&
	    !(strcmp(intent, "comparison") == 0 && ordinals_said(t) >= 2)) {
		const char *how = NULL, *sku = resolve_reference(t, &how);

		/* "The cheaper one", "the second one": that product. */
		if (sku != NULL && strcmp(how, "it") != 0 &&
		    handle_product_question(t, strcmp(intent, "comparison") ==
		    0 || strcmp(intent, "recommendation") == 0 ?
		    "product_inquiry" : intent))
			return;
	}
	if (strcmp(intent, "recommendation") == 0) {
		update_filters(t);
		handle_recommend(t);
		return;
	}
	if (strcmp(intent, "comparison") == 0) {
		handle_compare(t);
		return;
	}
	if (strcmp(intent, "compatibility") == 0 && handle_compatibility(t))
		return;
	if (strcmp(intent, "troubleshooting") == 0 ||
	    strcmp(intent, "usage_advice") == 0) {
		if (handle_kb(t, SEARCH_KIND_BIT(SEARCH_MANUAL) |
		    SEARCH_KIND_BIT(SEARCH_TICKET) | SEARCH_KIND_BIT(SEARCH_FAQ),
		    strcmp(intent, "troubleshooting") == 0 ? "troubleshoot" :
		    "usage_advice", "manual_answer"))
			return;
		fallback(t, "no manual or ticket matches");
		return;
	}
	if (strcmp(intent, "product_inquiry") == 0 ||
	    strcmp(intent, "product_specs") == 0 ||
	    strcmp(intent, "stock_availability") == 0 ||
	    strcmp(intent, "price_promotions") == 0 ||
	    strcmp(intent, "warranty") == 0 ||
	    strcmp(intent, "compatibility") == 0) {
		update_filters(t);
		/*
		 * "How much is shipping?" with a laptop in focus asks about
		 * the store, not the laptop: a store topic and no product
		 * named or pointed at go to the FAQ and policies.
		 */
		const char *how = NULL;

		if (has_any(t, store_topics) &&
		    count_entities(t, ENTITY_PRODUCT) == 0 &&
		    resolve_reference(t, &how) == NULL &&
		    handle_kb(t, SEARCH_KIND_BIT(SEARCH_POLICY) |
		    SEARCH_KIND_BIT(SEARCH_FAQ), "policy_answer", "faq_answer"))
			return;
		if (handle_product_question(t, intent))
			return;
		/* No product: a category or budget means a recommendation. */
		if (first_entity(t, ENTITY_CATEGORY) != NULL ||
		    first_entity(t, ENTITY_BRAND) != NULL ||
		    count_entities(t, ENTITY_PRODUCT) > 0) {
			if (count_entities(t, ENTITY_PRODUCT) > 0 &&
			    handle_product_search(t))
				return;
			handle_recommend(t);
			return;
		}
		if (handle_kb(t, SEARCH_KIND_BIT(SEARCH_POLICY) |
		    SEARCH_KIND_BIT(SEARCH_FAQ), "policy_answer", "faq_answer"))
			return;
		if (handle_product_search(t))
			return;
		fallback(t, "product question without a product");
		return;
	}
	if (in_list(intent, faq_intents)) {
		if (handle_kb(t, SEARCH_KIND_BIT(SEARCH_FAQ) |
		    SEARCH_KIND_BIT(SEARCH_POLICY), "faq_answer", "faq_answer"))
			return;
		fallback(t, "no FAQ or policy matches");
		return;
	}
	fallback(t, "no action for this intent");
}

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
	if ((e->gz = gazetteer_load(st, err)) == NULL)
		goto fail;
	dir = paths_join(share_dir, "templates");
	e->tpl = template_load_dir(dir, err);
	free(dir);
	if (e->tpl == NULL)
		goto fail;
	e->ir = (struct intent_result)INTENT_RESULT_INIT;
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
	gazetteer_free(e->gz);
	template_free(e->tpl);
	intent_result_release(&e->ir);
	entity_list_release(&e->el);
	sbuf_release(&e->clean);
	vec_retriever_free(e->vr);
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
	src = xcalloc((size_t)cJSON_GetArraySize(t->retrieved) + 1,
	    sizeof *src);
	cJSON_ArrayForEach(it, t->retrieved) {
		const char *k = jstr(it, "kind");

		if (strcmp(k, "customer") == 0 || strcmp(k, "order") == 0)
			continue;
		src[n].kind = k;
		src[n].id = jstr(it, "id");
		src[n].title = jstr(it, "title");
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
		cj = cJSON_PrintUnformatted(cust);
	}
	state = cJSON_PrintUnformatted(t->state);
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
		used = "llm";
		cJSON_ArrayForEach(c, res.citations)
			if (cJSON_IsTrue(cJSON_GetObjectItem(c, "known")))
				cite(t, jstr(c, "kind"), jstr(c, "id"), NULL,
				    "generated");
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

void
turn_release(struct turn *tu)
{
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

static cJSON *
intent_json(const struct intent_result *ir)
{
	const char *const *names = intent_names(NULL);
	cJSON		*o = cJSON_CreateObject(), *rank;
	size_t		 i;

	cJSON_AddStringToObject(o, "name", names[ir->id]);
	cJSON_AddNumberToObject(o, "confidence",
	    round((double)ir->confidence * 1e4) / 1e4);
	(void)rank;
	(void)i;
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

static cJSON *
entities_json(const struct entity_list *el)
{
	struct sbuf	 sb = SBUF_INIT;
	cJSON		*a;
	size_t		 i;

	sbuf_addc(&sb, '[');
	for (i = 0; i < el->n; i++) {
		if (i > 0)
			sbuf_addc(&sb, ',');
		entity_to_json(&el->v[i], &sb);
	}
	sbuf_addc(&sb, ']');
	a = cJSON_Parse(sb.buf);
	sbuf_release(&sb);
	return a != NULL ? a : cJSON_CreateArray();
}

/* Store the turn: both lines, the trace and the state, in one go. */
static enum sd_rc
persist(struct tctx *t, struct turn *tu, long long latency,
    struct sd_error *err)
{
	struct history_turn ht;
	char		*trace = NULL, *state = NULL;
	enum sd_rc	 rc;

	memset(&ht, 0, sizeof ht);
	ht.session_id = t->si.id;
	ht.text = t->text;
	ht.intent = t->intent;
	ht.confidence = t->confidence;
	if (tu->reply[0] != '\0') {
		trace = cJSON_PrintUnformatted(t->trace);
		ht.reply = tu->reply;
		ht.action = t->action;
		ht.latency_us = latency;
		ht.trace = trace;
	}
	state = cJSON_PrintUnformatted(t->state);
	ht.state = state;
	ht.status = t->escalate ? "escalated" : t->si.status;
	ht.reason = t->escalate ? t->escalate_reason :
	    t->si.escalation_reason;
	ht.agent = t->si.agent;
	if (t->e->save != NULL)
		rc = t->e->save(t->e->save_arg, &ht, err);
	else
		rc = history_turn_save(t->st, &ht, err);
	tu->user_msg_id = ht.user_msg_id;
	tu->bot_msg_id = ht.bot_msg_id;
	free(trace);
	free(state);
	return rc;
}

enum sd_rc
engine_turn(struct engine *e, const char *session_id, const char *user_id,
    const char *text, size_t len, struct turn *tu, struct sd_error *err)
{
	struct tctx	 t;
	struct text_clean clean;
	cJSON		*timings, *before;
	long long	 start = now_us(), mark = start;
	int		 created = 0;
	const char	*channel = "replay", *generator;
	enum sd_rc	 rc;

	memset(tu, 0, sizeof *tu);
	memset(&t, 0, sizeof t);
	t.e = e;
	t.st = e->st;
	t.user_id = user_id;
	t.fold = (struct text_folded)TEXT_FOLDED_INIT;
	sbuf_init(&t.reply);
	sbuf_init(&t.reason);
	t.trace = cJSON_CreateObject();
	t.retrieved = cJSON_CreateArray();
	t.citations = cJSON_CreateArray();

	/* normalize */
	text_sanitize(text, len, TEXT_MAX_MESSAGE, &e->clean, &clean);
	t.text = e->clean.buf;
	t.len = e->clean.len;
	text_fold(t.text, t.len, &t.fold);
	timings = cJSON_CreateObject();
	stage_time(&t, timings, "normalize", &mark);

	/* session */
	if ((rc = history_session_open(e->st, session_id, user_id, channel,
	    0, &t.si, &created, err)) != SD_OK)
		goto fail;
	if (user_id == NULL && t.si.user_id != NULL)
		t.user_id = user_id = t.si.user_id;
	t.state = cJSON_Parse(t.si.state);
	if (!cJSON_IsObject(t.state)) {
		cJSON_Delete(t.state);
		t.state = cJSON_CreateObject();
	}
	before = cJSON_Duplicate(t.state, 1);
	read_begin(&t);
	cJSON_AddStringToObject(t.trace, "session_id", t.si.id);
	if (user_id != NULL)
		cJSON_AddStringToObject(t.trace, "user_id", user_id);
	else
		cJSON_AddNullToObject(t.trace, "user_id");
	cJSON_AddStringToObject(t.trace, "text", t.text);
	if (clean.truncated || clean.repaired || clean.controls) {
		cJSON *n = cJSON_AddObjectToObject(t.trace, "input");

		cJSON_AddNumberToObject(n, "bytes", (double)clean.in_len);
		cJSON_AddNumberToObject(n, "kept", (double)t.len);
		cJSON_AddBoolToObject(n, "truncated", clean.truncated);
		cJSON_AddBoolToObject(n, "repaired", clean.repaired);
		cJSON_AddBoolToObject(n, "controls", clean.controls);
		if (clean.truncated)
			cJSON_AddNumberToObject(n, "limit", TEXT_MAX_MESSAGE);
	}

	/* intent */
	intent_classify(e->im, t.text, t.len, &e->ir);
	t.intent = intent_names(NULL)[e->ir.id];
	t.confidence = e->ir.confidence;
	cJSON_AddItemToObject(t.trace, "intent", intent_json(&e->ir));
	cJSON_AddItemToObject(t.trace, "ranking", ranking_json(&e->ir));
	{
		cJSON *v = cJSON_AddObjectToObject(t.trace, "verdict");

		cJSON_AddStringToObject(v, "name",
		    intent_verdict_name(e->ir.verdict));
		cJSON_AddStringToObject(v, "reason", e->ir.reason.buf);
		cJSON_AddNumberToObject(v, "threshold",
		    intent_model_threshold(e->im));
		cJSON_AddNumberToObject(v, "margin",
		    intent_model_margin(e->im));
		cJSON_AddNumberToObject(v, "in_store", e->ir.in_store);
	}
	stage_time(&t, timings, "intent", &mark);

	/* entities */
	entity_extract(e->gz, t.text, t.len, &e->el);
	cJSON_AddItemToObject(t.trace, "entities", entities_json(&e->el));
	stage_time(&t, timings, "entities", &mark);

	/* state: the customer, the filters this turn states */
	load_customer(&t);
	t.seed = seed_of(t.si.id, t.si.turns);
	stage_time(&t, timings, "state", &mark);

	if (strcmp(t.si.status, "agent") == 0) {
		/* An agent holds the session: store the line, say nothing. */
		set_action(&t, "agent_hold", "an agent (%s) holds the session",
		    t.si.agent != NULL ? t.si.agent : "?");
	} else {
		policy(&t, &e->ir);
		if (!t.fallback && t.action != NULL &&
		    strcmp(t.action, "escalate") != 0)
			jset_num(t.state, "fallbacks", 0);
		if (t.reply.len == 0 && t.action == NULL)
			fallback(&t, "no action chosen");
	}
	jset_str(t.state, "last_intent", t.intent);
	stage_time(&t, timings, "policy", &mark);
	read_end(&t);
	generator = strcmp(t.si.status, "agent") == 0 ? "template" :
	    generate(&t);
	if (cJSON_GetObjectItemCaseSensitive(t.trace, "llm") != NULL)
		stage_time(&t, timings, "generate", &mark);

	cJSON_AddItemToObject(t.trace, "state_before", before);
	cJSON_AddItemToObject(t.trace, "state_after",
	    cJSON_Duplicate(t.state, 1));
	cJSON_AddItemToObject(t.trace, "retrieved", t.retrieved);
	t.retrieved = NULL;
	cJSON_AddItemToObject(t.trace, "citations", t.citations);
	t.citations = NULL;
	cJSON_AddStringToObject(t.trace, "action", t.action);
	cJSON_AddStringToObject(t.trace, "reason", t.reason.buf);
	cJSON_AddStringToObject(t.trace, "generator", generator);
	if (t.template_used != NULL)
		cJSON_AddStringToObject(t.trace, "template", t.template_used);
	else
		cJSON_AddNullToObject(t.trace, "template");
	cJSON_AddBoolToObject(t.trace, "escalated", t.escalate ||
	    strcmp(t.si.status, "escalated") == 0);
	cJSON_AddStringToObject(t.trace, "reply", t.reply.buf);
	stage_time(&t, timings, "response", &mark);
	cJSON_AddItemToObject(t.trace, "timings_us", timings);

	tu->session_id = xstrdup(t.si.id);
	tu->user_id = user_id != NULL ? xstrdup(user_id) : NULL;
	tu->reply = xstrdup(t.reply.buf);
	tu->action = t.action;
	tu->intent = t.intent;
	tu->confidence = t.confidence;
	tu->escalated = t.escalate || strcmp(t.si.status, "escalated") == 0;
	if ((rc = persist(&t, tu, e->fixed_timings ? 0 : now_us() - start,
	    err)) != SD_OK)
		goto fail;
	stage_time(&t, timings, "persist", &mark);
	cJSON_AddNumberToObject(timings, "total", e->fixed_timings ? 0 :
	    (double)(now_us() - start));
	cJSON_AddNumberToObject(t.trace, "message_id", (double)tu->bot_msg_id);
	tu->trace = t.trace;
	t.trace = NULL;
	rc = SD_OK;
	goto out;
fail:
	turn_release(tu);
out:
	read_end(&t);
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
	return rc;
}

/* Agent desk. */

static enum sd_rc
set_status(struct engine *e, const char *session_id, const char *status,
    const char *reason, const char *agent, struct sd_error *err)
{
	struct session_info si;
	enum sd_rc	 rc;

	if ((rc = history_session_get(e->st, session_id, &si, err)) != SD_OK)
		return rc;
	rc = history_session_update(e->st, session_id, si.state, status,
	    reason, agent, err);
	session_info_release(&si);
	return rc;
}

enum sd_rc
engine_takeover(struct engine *e, const char *session_id, const char *agent,
    struct sd_error *err)
{
	return set_status(e, session_id, "agent", "taken over by an agent",
	    agent, err);
}

enum sd_rc
engine_handback(struct engine *e, const char *session_id,
    struct sd_error *err)
{
	return set_status(e, session_id, "active", NULL, NULL, err);
}

enum sd_rc
engine_escalate(struct engine *e, const char *session_id, const char *reason,
    struct sd_error *err)
{
	return set_status(e, session_id, "escalated", reason, NULL, err);
}

enum sd_rc
engine_agent_say(struct engine *e, const char *session_id, const char *agent,
    const char *text, long long *msg_id, struct sd_error *err)
{
	struct session_info si;
	struct sbuf	 clean = SBUF_INIT;
	enum sd_rc	 rc;

	if ((rc = history_session_get(e->st, session_id, &si, err)) != SD_OK)
		return rc;
	session_info_release(&si);
	text_sanitize(text, strlen(text), TEXT_MAX_MESSAGE, &clean, NULL);
	if ((rc = store_begin(e->st, err)) != SD_OK)
		goto out;
	rc = history_add(e->st, session_id, "agent", clean.buf, NULL, 0,
	    agent, -1, NULL, msg_id, err);
	if (rc == SD_OK)
		rc = store_commit(e->st, err);
	if (rc != SD_OK)
		store_rollback(e->st);
out:
	sbuf_release(&clean);
	return rc;
}

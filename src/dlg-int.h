/*
 * dlg-int.h: what the dialogue modules share among themselves and with
 * engine.c, which runs the turn.  Not part of the API.
 *
 *	dlg-util.c	the turn's small helpers: state JSON, words,
 *			entities, trace (retrieved, citations), templates
 *	dlg-state.c	dialogue state: focus, last list,
 *			the customer, support forms
 *	dlg-filters.c	the needs stated (filters), met or not
 *	dlg-orderfocus.c
 *			the order in focus, orders to choose from
 *	dlg-refs.c	what references mean: brands and kinds said
 *			alone, "it", "the second", the conversation first
 *	dlg-names.c	which product a name means: families, variants,
 *			names the catalog lacks
 *	dlg-kb.c	knowledge-base retrieval and answers
 *	dlg-sales.c	product questions, search
 *	dlg-recommend.c	recommendations, the nearest when none fits
 *	dlg-narrow.c	narrowing the last list by a need, brand or budget
 *	dlg-shopping.c	a kind wanted with a need read as shopping
 *	dlg-kind.c	the kind of product asked for, a device, not its
 *			supplies; the device it must fit
 *	dlg-needs.c	budget words and needs a list must meet
 *	dlg-browse.c	brands refused; more of a list ("any others?")
 *	dlg-featname.c	a catalog feature named ("google assistant")
 *	dlg-rankwith.c	"the cheapest one with X" among those shown
 *	dlg-catneed.c	needs read against the kind's own attributes
 *	dlg-catmeet.c	products tested against those needs
 *	dlg-catvalue.c	what a product's attributes say: units, stems
 *	dlg-specs.c	the specifications a question asks about
 *	dlg-cart.c	the cart: adding, removing, showing
 *	dlg-cartref.c	which cart item a removal's brand or kind means
 *	dlg-cartedit.c	cart changes said without the cart: counts, removals
 *	dlg-total.c	what products meant come to ("two of those, total?")
 *	dlg-both.c	"add both": the two products of the conversation
 *	dlg-choice.c	which product shown a choice said takes
 *	dlg-accessory.c	accessories listed as fitting a device
 *	dlg-offers.c	warranty plans, sale end dates, variants
 *	dlg-compare.c	comparisons, "which one has it"
 *	dlg-rank.c	picking by price, size or a specification
 *	dlg-lex.c	a shopper's words to a catalog attribute, its unit
 *	dlg-lexunit.c	numbers read in their unit: values, bounds said
 *	dlg-ranklist.c	ranking those shown by a specification
 *	dlg-members.c	"which of those is ...": the last list's members
 *	dlg-follow.c	what a turn leaves for the next one
 *	dlg-guard.c	the focus guard: a kind, brand or product named
 *			that the focus is not keeps it out
 *	dlg-compat.c	compatibility: does a product work with a device
 *	dlg-compatlist.c which entry of a compatibility list names a device
 *	dlg-yesno.c	yes-or-no questions about one feature of one product
 *	dlg-featword.c	the customer's words against a listing's
 *	dlg-yesask.c	whether a turn asks yes or no about a feature
 *	dlg-support.c	orders, returns, cancellations, confirmations
 *	dlg-returns.c	returns, their costs, defects, price drops
 *	dlg-orderq.c	which order a question means, and what it asks
 *	dlg-ordertopic.c what an order question asks, by its words
 *	dlg-orderlist.c	which of the orders just listed an answer means
 *	dlg-orderit.c	a product question after an order's answer: its item
 *	dlg-period.c	"this week", "a week ago": which orders a time dates
 *	dlg-several.c	several order numbers in one message
 *	dlg-account.c	account and payment questions a policy fact answers
 *	dlg-payment.c	refunds and charges as the payment provider has them
 *	dlg-policy.c	the policy: which action a turn takes
 *	dlg-actions.c	the actions, one per intent, and their table
 *	dlg-react.c	a reaction to the last answer: its fact confirmed
 *	dlg-suit.c	whether a product suits a purpose, from its listing
 *
 * Dialogue state lives per session as JSON in sessions.state:
 *
 *	focus		SKUs in focus, most recent first ("it", "that one")
 *	focus_at	when each of them was last put in focus (messages)
 *	results		the last list of products shown ("the second one")
 *	filters		category, use, brand, max_price, min_price
 *	pending		the question the bot last asked, to make "yes" mean
 *			something: {"action": ..., "sku"/"order_id": ...}
 *	form		an open support form {"name", "order_id", "sku"}
 *	suspended	forms put aside by a topic switch, newest first
 *	fallbacks	consecutive turns the bot could not answer
 *	order		the order in focus (last discussed)
 *	purchased	its items' SKUs, part of the conversation
 *	order_choices	orders just listed to choose from {id, placed_at}
 *	kb_doc		the document the last knowledge answer came from
 *	asked		the product question answered on the last turn
 *			{text, sku, at}, for "the Anker one then?"
 *	mishap_at	the message a defect, damage or wrong delivery
 *			was told in (a return asked next costs nothing)
 *	kb_question	the store question a knowledge answer answered
 *			{text, docs, at}, for "and next day?"
 *	upset		turns the customer was frustrated or angry
 *	wait_minutes	the wait for a person last told, when one was
 *	defect_order	the order said to have arrived broken or to have
 *			stopped working (its return costs nothing)
 *	aside		within a turn only: the focus and last list as they
 *			were before dlg_focus_guard kept out what the
 *			message does not mean (removed after the policy)
 */
#ifndef DLG_INT_H
#define DLG_INT_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "catalog.h"
#include "engine.h"
#include "entity.h"
#include "feeling.h"
#include "generate.h"
#include "history.h"
#include "intent.h"
#include "sbuf.h"
#include "search.h"
#include "template.h"
#include "text.h"

#define FOCUS_MAX	5	/* products remembered in focus */
#define RESULTS_MAX	5	/* products of the last list shown */
#define FALLBACKS_MAX	3	/* consecutive fallbacks before a human */
#define RETRIEVE_K	5	/* knowledge-base hits kept per turn */

/* Which steps before the table apply to an intent. */
#define ACT_FIRST	0x1	/* acts before an ambiguity is settled */
#define ACT_PRODUCT	0x2	/* about products: near-ties need no
				   question, "the second one" is one */
#define ACT_FORM	0x4	/* opens a support form about an order */

struct tctx;

/* dlg-policy.c: what an intent does, one row of the policy table. */
struct dlg_action {
	const char	*intent;
	void		(*act)(struct tctx *);
	unsigned	 flags;		/* ACT_* */
};

/*
 * The stages of a turn, in order, each timed in the trace's timings_us.
 * Retrieval runs when the policy needs it (what to read depends on the
 * action); its time is charged to DLG_RETRIEVE, not to DLG_DECIDE.
 */
enum dlg_stage {
	DLG_NORMALIZE,		/* repair and cut the text, fold it */
	DLG_UNDERSTAND,		/* intent, entities */
	DLG_STATE,		/* session, dialogue state, the customer */
	DLG_RETRIEVE,		/* catalog and knowledge-base reads */
	DLG_DECIDE,		/* the policy and its templates */
	DLG_RESPOND,		/* generated reply */
	DLG_CHECK,		/* the reply's fact-check */
	DLG_PERSIST,		/* the trace, the turn stored */
	DLG_STAGES
};

struct engine {
	struct store		*st;
	char			*share_dir;
	struct intent_model	*im;	/* the intent classifier */
	struct feeling_model	*fm;	/* how the customer feels */
	struct gazetteer	*gz;	/* catalog names for entities */
	struct template_set	*tpl;	/* share/templates */
	int			 fixed_timings;	/* replays: timings read 0 */
	struct generator	*gen;	/* LLM replies, or NULL (not owned) */
	gen_token_fn		 on_token;	/* streaming front end, or NULL */
	void			*token_arg;
	struct vec_retriever	*vr;	/* hybrid retrieval, or NULL */
	struct factcheck	*fc;	/* checks template replies, or NULL
					   until the first one */
	const struct dlg_action	**actions;	/* by intent id, or NULL */
	engine_save_fn		 save;	/* engine_set_saver, or NULL */
	void			*save_arg;
	/* Per-turn scratch, reused so a turn allocates little. */
	struct intent_result	 ir;
	struct feeling_result	 fr;
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
	int			 reading;	/* a read transaction is open */
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
	int			 intent_id;	/* its id (intent.h) */
	double			 confidence;
	int			 escalate;	/* escalate the session */
	char			*escalate_reason;
	unsigned long		 seed;		/* template variant choice */
	int			 fallback;	/* this turn was a fallback */
	struct gen_verdict	 verdict;	/* the reply's fact-check */
	int			 checked;	/* the check stage ran */
	struct turn_table	*tables;	/* the reply's tables */
	char			**table_text;	/* their text for the reply */
	size_t			 ntables;
	long long		 stage_us[DLG_STAGES];	/* time per stage */
	long long		 mark;		/* when this stage began */
	enum dlg_stage		 stage;		/* the stage running */
	enum dlg_stage		 resume;	/* the stage retrieval paused */
	int			 retrieving;	/* dlg_retrieve_begin depth */
	char			*asked;		/* the question a choice answers,
						   acted on instead of text */
	int			 order_topic;	/* enum dlg_order_topic of an
						   order question, or 0 */
	const double		*kind_weight;	/* the A/B arm's retrieval
						   weight per search kind, or
						   NULL (owned by the arm) */
};

/* dlg-util.c */
long long	 dlg_now_us(void);
void		 dlg_stage_end(struct tctx *t, enum dlg_stage next);
void		 dlg_retrieve_begin(struct tctx *t);
void		 dlg_retrieve_end(struct tctx *t);
char		*dlg_catalog_brand(struct tctx *t, const char *brand,
		    const char *category);
int		 dlg_catalog_has(struct tctx *t, const char *brand,
		    const char *category);
const char	*dlg_jstr(const cJSON *obj, const char *key);
double		 dlg_jnum(const cJSON *obj, const char *key, double dflt);
void		 dlg_jset_str(cJSON *obj, const char *key, const char *v);
void		 dlg_jset_num(cJSON *obj, const char *key, double v);
cJSON		*dlg_jobj(cJSON *obj, const char *key);
cJSON		*dlg_jarr(cJSON *obj, const char *key);
int		 dlg_word_in(const char *s, const char *w, size_t n);
int		 dlg_has_word(struct tctx *t, const char *w);
int		 dlg_has_any(struct tctx *t, const char *const *words);
const struct entity	*dlg_first_entity(struct tctx *t,
		    enum entity_type type);
size_t		 dlg_count_entities(struct tctx *t, enum entity_type type);
cJSON		*dlg_retrieved_add(struct tctx *t, const char *kind,
		    const char *id, const char *title, double score,
		    const char *snippet);
void		 dlg_cite(struct tctx *t, const char *kind, const char *id,
		    const char *title, const char *fields);
void		 dlg_set_action(struct tctx *t, const char *action,
		    const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));
int		 dlg_say(struct tctx *t, const char *id);
size_t		 dlg_table_new(struct tctx *t, const char *kind,
		    const char *const *heads);
void		 dlg_table_row(struct tctx *t, size_t tb,
		    const char *const *cells);
void		 dlg_table_text(struct tctx *t, size_t tb, const char *text);
void		 dlg_table_clear(struct turn_table *tb);
void		 dlg_tables_release(struct turn_table *v, size_t n);
char		*dlg_sentence(const char *s);
size_t		 dlg_sentences(const char *s, int by_line, size_t *a, size_t *b,
		    size_t max);
void		 dlg_read_begin(struct tctx *t);
void		 dlg_read_end(struct tctx *t);

/* dlg-state.c */
void		 dlg_focus_push(struct tctx *t, const char *sku);
const char	*dlg_focus_top(struct tctx *t, int i);
/* When sku was last put in focus (the session's messages then), or -1
 * when not known. */
long long	 dlg_focus_at(struct tctx *t, const char *sku);
void		 dlg_results_set(struct tctx *t, const struct product *p,
		    size_t n);
void		 dlg_results_named(struct tctx *t);
void		 dlg_results_stamp(struct tctx *t);
int		 dlg_in_last_reply(struct tctx *t, const char *sku);
int		 dlg_load_product(struct tctx *t, const char *sku,
		    struct product *p);
void		 dlg_load_customer(struct tctx *t);
cJSON		*dlg_open_form(struct tctx *t, const char *name);
void		 dlg_close_form(struct tctx *t);
/* dlg-filters.c */
/* Is "my" or "our" one of the three words before offset at of s? */
int		 dlg_said_mine(const char *s, size_t at);
void		 dlg_update_filters(struct tctx *t);
int		 dlg_meets_constraints(struct tctx *t,
		    const struct product *p);
/* Does the message state a need a product must meet? */
int		 dlg_need_said(struct tctx *t);
/* dlg-orderfocus.c */
const char	*dlg_order_focus(struct tctx *t);
void		 dlg_order_focus_set(struct tctx *t, const char *id);
void		 dlg_order_choices_set(struct tctx *t, const struct order *o,
		    size_t n);
const char	*dlg_order_by_position(struct tctx *t, const char **how);
int		 dlg_order_named_item(struct tctx *t, struct order_match *m,
		    char **words);
/* Before the turn is decided: drop the order in focus when another
 * order or a product not in it is named. */
void		 dlg_order_focus_refresh(struct tctx *t);

#define REF_CANDS	32	/* candidates a name is weighed among */
#define CONV_MAX	(RESULTS_MAX + 2 * FOCUS_MAX)	/* conversation's */

/* dlg-refs.c */
extern const char *const dlg_ordinals[];	/* "first"... "fifth" */
/* dlg-lex.c: words saying a product is the customer's own. */
extern const char *const dlg_owned_words[];
const char	*dlg_resolve_reference(struct tctx *t, const char **how);
const char	*dlg_line_word_reference(struct tctx *t);
/* dlg-kindref.c: a kind said as the thing meant, in the conversation. */
const char	*dlg_kind_reference(struct tctx *t, const struct entity *ce,
		    int *several);
int		 dlg_ask_which_kind(struct tctx *t);
/* Is one product described as the thing meant ("the 55 inch one")? */
int		 dlg_said_one(struct tctx *t);

/* p read to weigh it, not among the turn's retrieved items (1: read). */
int		 dlg_peek_product(struct tctx *t, const char *sku,
		    struct product *p);
/* The product of the conversation a short name means, or NULL. */
const char	*dlg_loose_name(struct tctx *t, const struct entity *en);

int		 dlg_target_product(struct tctx *t, struct product *p);
/* The trace's "reference" with rule set (id a short stable key, rule
 * its words); its candidates and pick. */
cJSON		*dlg_ref_trace(struct tctx *t, const char *id,
		    const char *rule);
/* Set the rule of reference r: "rule_id" id, "rule" its words. */
void		 dlg_ref_rule(cJSON *r, const char *id, const char *rule);
void		 dlg_ref_candidate(cJSON *r, const char *sku);
const char	*dlg_ref_pick(cJSON *r, const char *sku);
/* Is the text at [a, b) said as the thing meant ("the TCL one")? */
int		 dlg_said_as_thing(struct tctx *t, size_t a, size_t b);
/* Where word w stands in the text as a whole word: 1 and [*a, *b). */
int		 dlg_word_at(struct tctx *t, const char *w, size_t *a,
		    size_t *b);
/* A product entity said as the customer's own ("for my iphone 15"). */
int		 dlg_said_as_context(struct tctx *t, const struct entity *en);
/* The product entity a question is about, or NULL. */
const struct entity *dlg_subject_entity(struct tctx *t);
/* The last list's SKUs, the focus's, then the focused order's items,
 * at most max, in order. */
size_t		 dlg_conversation(struct tctx *t, const char **v, size_t max);
/* dlg-lines.c: the line of a name ("Google Pixel"); caller frees. */
char		*dlg_line_name(const char *name);
/* dlg-modelword.c: bare model words ("the 8a") placed in the family or
 * brand of the context, added as product entities; how many. */
size_t		 dlg_model_words(struct tctx *t);
/* The length of a name before its bracketed variant (" (128GB)"). */
size_t		 dlg_name_base_len(const char *name);
/* dlg-together.c: does the message ask what the store has? */
int		 dlg_store_has_said(struct tctx *t);
/* dlg-device.c: is en the customer's own device, said as the context
 * of a question about the product in focus ("does it work with my ps5")? */
int		 dlg_context_device(struct tctx *t, const struct entity *en);
/* Is a verb of use ("charge", "fit", "power") right before en, making
 * it the device the product serves? */
int		 dlg_use_verb_before(struct tctx *t, const struct entity *en);
/* Is a product of the message said after a verb of use? */
int		 dlg_use_verb_device(struct tctx *t);
/* "The sony 50mm works on it?": the subject named, the device it points
 * at (the one of the conversation named's list names, else the focus)
 * loaded into dev (caller releases); 0 when not said so. */
int		 dlg_pointed_device(struct tctx *t, const struct entity *en,
		    const struct product *named, struct product *dev);

/* dlg-follow.c */
/* "The Anker one then?": the question before, about it (1). */
int		 dlg_elliptic(struct tctx *t);
/* dlg-ellipsis.c: "and next day?" after a store question, read with it
 * (1 when read so); the knowledge question answered kept for it. */
int		 dlg_ellipsis(struct tctx *t);
void		 dlg_ellipsis_keep(struct tctx *t);
/* dlg-returns.c: a defect, damage or wrong delivery told, kept for the
 * return's cost asked next. */
void		 dlg_mishap_note(struct tctx *t);
/* A product named is in focus if the turn left the focus as before. */
void		 dlg_focus_named(struct tctx *t, const char *before);
/* "The asus one" with two ASUS shown, neither discussed: asked (1). */
int		 dlg_ask_which_shown(struct tctx *t);
/* Is the message only a pointer at a product ("the hp", "the second")? */
int		 dlg_only_pointer(struct tctx *t);
/* "The black one": the one product shown the words describe, or NULL. */
const char	*dlg_described_reference(struct tctx *t);
/* dlg-pointer.c: a place in the last list, a word of a name said alone */
int		 dlg_position_said(struct tctx *t, int nlist);
const char	*dlg_position_reference(struct tctx *t);
const char	*dlg_name_word_reference(struct tctx *t, int *several);
int		 dlg_ask_which_named(struct tctx *t);
/* "Number 6" after a list of five: which one, naming those shown. */
int		 dlg_ask_place_beyond(struct tctx *t);
int		 dlg_ask_which_offered(struct tctx *t);
int		 dlg_family_tie(struct tctx *t, const struct entity *en,
		    struct sbuf *names);
/* A family said right after a brand (and a number) that none of its
 * members has ("the anker 8 in 1"): that brand's entity, else NULL. */
const struct entity *dlg_family_brand_lacking(struct tctx *t,
		    const struct entity *en);
int		 dlg_brand_model_unknown(struct tctx *t,
		    const struct entity *br, size_t *a, size_t *b);

/* dlg-guard.c */
/* May sku be what the message means: 0 when it names a kind, brand or
 * product that sku is not (*why: "kind", "brand" or "product"). */
int		 dlg_focus_fits(struct tctx *t, const char *sku,
		    const char **why);
/* Around the policy: the focus and the last list without (then with
 * again) the products of another kind or brand than the one named. */
/* A kind wanted ("a mouse to go with it") that sku is not, or NULL. */
const struct entity *dlg_other_kind_wanted(struct tctx *t,
		    const char *sku);
void		 dlg_focus_guard(struct tctx *t);
void		 dlg_focus_unguard(struct tctx *t);

/* dlg-lex.c: a shopper's words to a catalog attribute. */
struct lex_pick {
	char		*key;		/* attribute ranked by (owned) */
	const char	*unit;		/* its values read in (static) */
	int		 dir;		/* +1 the most wins, -1 the least,
					   0 not said */
	const char	*unnamed;	/* no key: a word naming an attribute
					   none states ("loud"), or NULL */
};
void		 lex_stem(const char *w, char *out);
int		 lex_attribute(struct tctx *t, const struct product *p,
		    size_t n, struct lex_pick *lp);
void		 lex_pick_release(struct lex_pick *lp);
/* Does word w name attribute key by a shopper's noun ("house")? */
int		 lex_word_names(const char *w, const char *key);
int		 lex_direction(struct tctx *t);
/* A superlative said ("lightest"); with comparative, "lighter" too. */
int		 lex_superlative(struct tctx *t, int comparative);
/* dlg-lexunit.c: numbers read in their unit. */
int		 lex_value(const char *key, const char *s, const char *unit,
		    double *v);
/* The unit a word after a number names (static), into *mul; or NULL. */
const char	*lex_unit_after(const char *s, double *mul);
/* The unit a key names by its last word ("refresh_hz"), or NULL. */
const char	*lex_key_unit(const char *key);
int		 lex_threshold(struct tctx *t, double *num, const char **unit,
		    int *above);
const char	*lex_unit_label(const char *unit);
char		*lex_attr_words(const struct product *, const char *key,
		    const char *unit);
/* Does folded word w name a day, a month or a span of days? */
int		 lex_time_word(const char *w);

/* dlg-ranklist.c: "which of those lasts longest": answered (1). */
int		 dlg_rank_shown(struct tctx *t);
/* dlg-howmuch.c: "how much heavier is the razer": two values, the gap. */
int		 dlg_how_much_more(struct tctx *t);
/* "The cheapest of those" when two tie: asked which, naming them (1). */
int		 dlg_ask_rank_tie(struct tctx *t);

/* dlg-rank.c */
/* "The cheaper one", "the small one": the SKU ranking first, or NULL. */
const char	*dlg_ranked_reference(struct tctx *t, const char **how);
/* dlg-gen.c: "the older one", "the newer ones" of a line discussed. */
const char	*dlg_generation_reference(struct tctx *t);
/* Those tied at the top of that ranking (tied: CONV_MAX), how many
 * (0: one wins or none ranks); *by "price", "rating" or an attribute. */
size_t		 dlg_ranked_tie(struct tctx *t, const char **tied,
		    const char **by);
/* The SKUs of the brand or kind named, best rated first (caller
 * deletes), or NULL when none is named or the last list is them. */
cJSON		*dlg_best_group(struct tctx *t, const char **name);
int		 dlg_handle_best_of(struct tctx *t);
/* The attribute if products rank by it as a number (static), or NULL. */
const char	*dlg_spec_rankable(const char *attribute);
/* p's number for a ranked attribute in its unit: 1 when it has one. */
int		 dlg_spec_number(const struct product *p,
		    const char *attribute, double *v);

/* dlg-members.c: "which of those is sweatproof", "any of them in
 * black": each of the last list by its specifications (1: answered). */
int		 dlg_list_question(struct tctx *t);

/* dlg-names.c */
int		 dlg_family_best(struct tctx *t, const struct entity *en,
		    struct product *p);
int		 dlg_unknown_product(struct tctx *t);
int		 dlg_named_pair(struct tctx *t);
/* A product entity of a name the catalog lacks ("iphone 16"). */
int		 dlg_entity_unknown(const struct entity *en);
/* Has the name the folded word w (a number also with its unit)? */
int		 dlg_name_word(const char *name, const char *w, size_t n);
/* Words with a digit said, outside prices, dates...; caller frees. */
struct text_token *dlg_variant_words(struct tctx *t, size_t *n);
/* The best fitting of skus into *p; conv: the conversation's order. */
int		 dlg_best_of(struct tctx *t, cJSON *r, const char *const *skus,
		    size_t n, struct product *p, int conv,
		    const struct product *near);
/* "The 256 then": p replaced by the variant of its line said (1). */
int		 dlg_variant_of(struct tctx *t, struct product *p);
int		 dlg_base_said(struct tctx *t);
int		 dlg_base_named(struct tctx *t);
int		 dlg_listed_pick(struct tctx *t);
int		 dlg_shares_words(const char *name, const struct product *near);
int		 dlg_ranked_member(struct tctx *t, const char *const *skus,
		    size_t n);
const char	*dlg_word_of_kind(struct tctx *t, const struct entity *en);
/* dlg-brandcat.c: "the spigen one": the brand's product in the kind discussed. */
const char	*dlg_brand_catalog(struct tctx *t, const char *brand);
/* dlg-lineword.c: "the ipad, the mini": the line a free word names. */
const char	*dlg_line_word_apart(struct tctx *t, const struct entity *en);
size_t		 dlg_family_lines(struct tctx *t, const struct entity *en,
		    const char **out, size_t max);
size_t		 dlg_together_meant(struct tctx *t, const char **v,
		    size_t max);
int		 dlg_handle_together(struct tctx *t);
/* After "which one do you mean?": its choices kept; a pointer that
 * picks none answered for each (1). */
void		 dlg_pend_choices(struct tctx *t);
int		 dlg_answer_choices(struct tctx *t, cJSON *pending);
int		 dlg_weighing_said(struct tctx *t);
size_t		 dlg_base_lines(struct tctx *t, const char *const *skus,
		    size_t n, const char **out);

/* dlg-kb.c */
char		*dlg_kb_chunk_text(struct tctx *t, long long rowid);
/* "Yes" to a knowledge answer's not-sure question (pending "kb_topic"):
 * the section it named; 0 when it is gone. */
int		 dlg_kb_confirm_topic(struct tctx *t, const cJSON *pending);
void		 dlg_kb_search(struct tctx *t, const char *text,
		    unsigned kinds, int limit, struct search_result *res);
int		 dlg_handle_kb(struct tctx *t, unsigned kinds,
		    const char *action, const char *tpl);
int		 dlg_handle_kb_strong(struct tctx *t, unsigned kinds,
		    double min_score);
int		 dlg_handle_kb_sure(struct tctx *t, unsigned kinds,
		    double min_score);
int		 dlg_handle_kb_told(struct tctx *t, unsigned kinds,
		    double min_score);

/* dlg-sales.c */
void		 dlg_attr_phrase(struct sbuf *sb, const char *key,
		    const char *value);
void		 dlg_product_slots(struct tctx *t, const struct product *p,
		    const char *prefix);
void		 dlg_answer_product(struct tctx *t, const struct product *p,
		    int specs);
int		 dlg_handle_product_question(struct tctx *t,
		    const char *intent);
int		 dlg_handle_product_search(struct tctx *t);
void		 dlg_list_products(struct tctx *t, const struct product *v,
		    size_t n, size_t from, struct sbuf *out);

/* dlg-offers.c */
int		 dlg_warranty_plans(struct tctx *t, const struct product *p);
void		 dlg_sale_note(struct tctx *t, const struct product *p);
char		*dlg_long_date(const char *iso);	/* caller frees */
int		 dlg_handle_variant(struct tctx *t, int answer);
/* "What colours does it come in?", "in blue?" (1). */
int		 dlg_handle_colour(struct tctx *t);

/* dlg-accessory.c */
int		 dlg_handle_accessory(struct tctx *t);
/* "What ssd can i put in it": a catalog kind that fits the device (1). */
int		 dlg_handle_fit_question(struct tctx *t);
int		 dlg_compat_lists(const char *compat, const struct product *dev);

/* dlg-recommend.c */
int		 dlg_handle_recommend(struct tctx *t);
/* The needs of filters.require as a list's criteria: ", over-ear". */
void		 dlg_constraint_words(cJSON *filters, struct sbuf *crit);

/* dlg-narrow.c */
int		 dlg_handle_narrow(struct tctx *t);
/* "Only sony" when the bot offered a recommendation's specs: 1 when
 * the list was narrowed instead. */
int		 dlg_narrow_offer(struct tctx *t);
/* Whose words ("my", "his"), and is one of the two words before
 * offset at in s in list ("my old laptop")? */
extern const char *const dlg_whose[];
int		 dlg_owned_at(const char *s, size_t at,
		    const char *const *list);
/* Does the catalog have a product of brand en in category cat? */
int		 dlg_brand_has(struct tctx *t, const struct entity *en,
		    const char *cat);

/* dlg-shopping.c */
/* "Want a 65 inch TV, no more than $1500": 1 when recommended. */
int		 dlg_handle_shopping(struct tctx *t);
/* "Cheapest mesh that does 3000+": 1 when recommended. */
int		 dlg_handle_cheapest_need(struct tctx *t);

/* dlg-needs.c (and dlg-kind.c): the kind and needs said, checked on
 * the catalog's data. */
void		 dlg_needs_read(struct tctx *t, cJSON *filters);
/* "Cheap", "affordable": a price level said without a figure. */
int		 dlg_needs_budget_said(struct tctx *t);
void		 dlg_needs_kind(struct tctx *t, cJSON *filters,
		    const struct product *v, size_t n);
/* The kind and add-ons from the category's products v[0..n). */
void		 dlg_needs_prepare(struct tctx *t, cJSON *filters,
		    const struct product *v, size_t n);
int		 dlg_needs_kind_ok(struct tctx *t, const struct product *p);
int		 dlg_needs_meets(struct tctx *t, const struct product *p);
void		 dlg_needs_order(struct tctx *t, struct product *v, size_t n);
/* "Anything with more storage?": a floor above p into require (1). */
int		 dlg_needs_above(struct tctx *t, const struct product *p,
		    cJSON *require);
int		 dlg_needs_above_said(struct tctx *t);
void		 dlg_needs_words(cJSON *filters, struct sbuf *crit);
/* dlg-featname.c: a catalog feature named, not a person asked for. */
char		*dlg_feature_named(struct tctx *t);
int		 dlg_feature_not_person(struct tctx *t);

/* dlg-rankwith.c: "the cheapest one with X" over the list shown. */
int		 dlg_rank_with(struct tctx *t);
char		*dlg_lacking_key(const struct product *p, const char *facts);

/* dlg-browse.c: brands refused, and more of the last list. */
int		 dlg_brand_refused(struct tctx *t, const struct entity *en);
int		 dlg_brand_refusal(struct tctx *t);
extern const char *const dlg_but_refuses[];
int		 dlg_word_before_is(const char *s, size_t b,
		    const char *const *list);
/* dlg-kindidx.c: the catalog's kinds (subcategories) as documents. */
struct dlg_kind {
	char		*category;	/* category slug */
	char		*subcategory;	/* subcategory slug */
	char		*brands;	/* "\nBrand\nOther\n" */
	size_t		 products;	/* how many products it has */
	size_t		 len;		/* its document's length, in terms */
	double		 cheapest;	/* lowest price of one in stock */
	int		 stocked;	/* cheapest is set: one is in stock */
};
const struct dlg_kind *dlg_kinds_score(struct tctx *t, const char *text,
		    const char *skip, size_t *n, double **scores);
char		*dlg_kind_stem(const char *w, size_t n);
int		 dlg_kind_headed(const struct dlg_kind *k, const char *w,
		    int category);
int		 dlg_kind_word_elsewhere(struct tctx *t, const char *w,
		    size_t n, const char *cat);
int		 dlg_kind_has_brand(const struct dlg_kind *k,
		    const char *brand);
/* dlg-kindread.c: the kind and brand a request names, from the catalog. */
int		 dlg_kind_read(struct tctx *t);
int		 dlg_kind_refusal(struct tctx *t);
int		 dlg_word_refused(struct tctx *t, const char *w);
void		 dlg_kinds_read(struct tctx *t, cJSON *filters,
		    cJSON *require);
int		 dlg_kind_alone(struct tctx *t, const struct entity *cat);
int		 dlg_kind_not_person(struct tctx *t);
int		 dlg_says_person(struct tctx *t);
void		 dlg_brands_read(struct tctx *t, cJSON *filters,
		    cJSON *require);
int		 dlg_brands_ok(const cJSON *require, const struct product *p);
void		 dlg_brands_words(const cJSON *require, struct sbuf *crit);
int		 dlg_more_unseen(struct tctx *t, const struct product *p);
int		 dlg_handle_more(struct tctx *t);
/* Does the conversation hold one product alone? */
int		 dlg_one_shown(struct tctx *t);
int		 dlg_handle_comparative(struct tctx *t);
size_t		 dlg_word_count(struct tctx *t);
/* dlg-kind.c: the kind asked for, and the device a product must fit. */
/* s as lowercase words, one space between and around them, into sb. */
void		 dlg_plain_words(const char *s, struct sbuf *sb);
unsigned	 dlg_kind_addons(const struct product *v, size_t n,
		    const char **subs, size_t ns);
void		 dlg_fits_said(struct tctx *t, cJSON *require);
/* Does p list one of the devices fits (plain words) as what it fits? */
int		 dlg_fits_of(const struct product *p, const cJSON *fits);

/* dlg-cart.c */
int		 dlg_handle_cart(struct tctx *t);
/* The cart's lines, count and total into the slots (with shown: the
 * conversation's list); the number of lines. */
size_t		 dlg_cart_slots(struct tctx *t, int shown);
/* Is the message a removal from the cart ("take the sony out of my
 * cart")? */
int		 dlg_cart_removal(struct tctx *t);
/* Is token k of text one of words (any case)? */
int		 dlg_token_is(const char *text, const struct text_token *tok,
		    size_t k, const char *const *words);
/* The count a word s[0..n) says ("3", "three"), else -1. */
long		 dlg_count_word(const char *s, size_t n);
int		 dlg_count_taken(struct tctx *t);
/* dlg-both.c: "add both": the two products of the conversation. */
int		 dlg_both_said(struct tctx *t);
/* v[0..named) the products named (named < 2); the two put in v (2),
 * or -1 when the customer was asked which (the reply said). */
int		 dlg_both_targets(struct tctx *t, struct product *v,
		    size_t named);
/* dlg-cartref.c */
/* The cart item a removal's (CART_REF_COUNT: a count change's) brand,
 * family or kind means into p: 1; 0 when none is said; -1 when the
 * reply is said (several fit, or none; with CART_REF_QUIET none fitting
 * is 0, unsaid). */
#define CART_REF_REMOVE	0
#define CART_REF_COUNT	1
#define CART_REF_QUIET	2
int		 dlg_cart_ref(struct tctx *t, struct product *p, int how);
/* dlg-cartedit.c */
/* A change to the cart said without naming it ("make it two"): done
 * and said, 1; else 0. */
int		 dlg_cart_edit(struct tctx *t);
/* Does the message ask what something comes to ("total?", "how much
 * all together")?  "Total battery life" is the product's. */
int		 dlg_total_asked(struct tctx *t);
/* dlg-total.c */
/* "Two of those plus the nas, total?": the sum of the products meant,
 * or which items (1); 0 when the message asks no such sum. */
int		 dlg_total_items(struct tctx *t);
/* dlg-choice.c */
/* The product shown (focus, last list) an entity means, or NULL. */
const char	*dlg_shown_match(struct tctx *t, const struct entity *en);
/* "Ok airpods it is", "yes, the second one": the one shown taken, or
 * NULL. */
const char	*dlg_accepted_shown(struct tctx *t);
/* Does the clause at s open with a question word ("does it float")? */
int		 dlg_clause_opens_question(const char *s);

/* dlg-specs.c */
size_t		 dlg_spec_answer(struct tctx *t, const struct product *p);
size_t		 dlg_spec_count(struct tctx *t, const struct product *p);
int		 dlg_spec_has(struct tctx *t, const struct product *p,
		    struct sbuf *facts);
/* Does text hold w as a word, or as the start of one ("macOS")? */
int		 dlg_value_has(const char *text, const char *w);
char		**dlg_spec_words(struct tctx *t, size_t *n);
void		 dlg_spec_words_free(char **w, size_t n);
/* An attribute as a shopper reads it ("a refresh rate of 144 Hz"). */
void		 dlg_spec_phrase(struct sbuf *sb, const char *key,
		    const char *value);
/* Does the question state an amount in a unit ("120hz")? */
int		 dlg_spec_amount_said(struct tctx *t);
int		 dlg_spec_names_key(const char *key, const char *w);
int		 dlg_spec_value_says(const char *value, const char *w);
void		 dlg_spec_key_said(const char *key, struct sbuf *out);

/* dlg-specask.c */
int		 dlg_handle_spec_question(struct tctx *t);
/* Is the turn plainly a question about a specification (1)? */
int		 dlg_spec_asked(struct tctx *t);
/* A kind some product states, asked alone of one that does not (1)? */
int		 dlg_spec_kind_asked(struct tctx *t);
/* A product named and an attribute it states, among other words (1)? */
int		 dlg_spec_wrapped(struct tctx *t);

/* dlg-facts.c: a price or specification of one product, asked in any
 * words (1 when answered). */
int		 dlg_handle_fact(struct tctx *t);
/* Is the turn only attributes' names, so no feeling is said (1)? */
int		 dlg_spec_only(struct tctx *t);

/* dlg-specneed.c */
void		 dlg_spec_constraints(struct tctx *t, cJSON *filters);
int		 dlg_spec_meets(struct tctx *t, const struct product *p);
int		 dlg_spec_soft_silent(struct tctx *t,
		    const struct product *p);
void		 dlg_spec_rank(struct tctx *t, struct product *v, size_t n);
void		 dlg_spec_constraint_words(cJSON *filters, struct sbuf *crit);

/* dlg-catvalue.c: what a product's attributes say (dlg-catneed.c,
 * dlg-catmeet.c).  Units as customers write them ("sq ft", "days") with
 * the unit the catalog's keys end in and the factor to it. */
struct dlg_cat_unit {
	const char	*said;
	const char	*unit;
	double		 factor;
};
extern const struct dlg_cat_unit dlg_cat_units[];
int		 dlg_cat_word_in_list(const char *s, size_t b, size_t e,
		    const char *const *list);
int		 dlg_cat_phrase_before(const char *s, size_t at,
		    const char *const *list);
void		 dlg_cat_stem(const char *s, size_t n, struct sbuf *out);
int		 dlg_cat_same_stem(const char *a, size_t an, const char *b,
		    size_t bn);
int		 dlg_cat_text_has(const char *v, const char *w, size_t n);
int		 dlg_cat_affirmative(const cJSON *v);
/* The number attrs[key] gives in unit, or -1. */
double		 dlg_cat_value(const cJSON *attrs, const char *key,
		    const char *unit);
int		 dlg_cat_unit_key(const char *key);
int		 dlg_cat_has_feature(const cJSON *attrs, const char *name,
		    const char *key, const char *word);
void		 dlg_cat_key_words(const char *key, struct sbuf *out);

/* dlg-catneed.c: needs in the customer's words ("3000+ sq ft", "gps",
 * "battery for days", "we are 4") read against the attributes of the
 * kind shopped for into filters.require.attr, and tested. */
void		 dlg_catneeds_read(struct tctx *t, cJSON *filters);
int		 dlg_catneeds_meets(const cJSON *require,
		    const struct product *p);
void		 dlg_catneeds_words(cJSON *filters, struct sbuf *crit);
/* What p says of the first such need ("coverage up to 6,500 sq ft"),
 * or NULL.  Caller frees. */
char		*dlg_catneeds_value(cJSON *filters, const struct product *p);
/* The kind needs are read against: the one named, the list's, or the
 * product in focus's; NULL if none.  Caller frees. */
char		*dlg_catneeds_kind(struct tctx *t, cJSON *filters);
/* v[0..n) with the products that say the words asked for first. */
void		 dlg_catneeds_rank(const cJSON *require, struct product *v,
		    size_t n);
/* How far p falls short of the figures asked for (0: none). */
double		 dlg_catneeds_gap(const cJSON *require,
		    const struct product *p);

/* dlg-compare.c */
int		 dlg_handle_compare(struct tctx *t);
/* "Which one has a number pad": among the last list or a group (1). */
int		 dlg_which_has(struct tctx *t);
int		 dlg_handle_pair(struct tctx *t);

/* dlg-compatlist.c: which entry of a compatibility list names a device */
/* The device: what the customer's words for it are, and what it is. */
struct compat_device {
	struct sbuf	 words;		/* folded words naming it, " "-separated */
	struct sbuf	 said;		/* how to say it in the reply */
	const struct product *p;	/* the catalog product, or NULL */
	const char	*asked;		/* the customer's words naming it,
					   or NULL */
	size_t		 asked_len;	/* their bytes */
};
/* Is the word w (n bytes) one of list? */
int		 dlg_in_list(const char *w, size_t n, const char *const *list);
/* Folded word tokens of s (n bytes) appended to out, each followed by a
 * space. */
void		 dlg_fold_words(const char *s, size_t n, struct sbuf *out);
/* 1: an entry of list names d (its text in *why, caller frees); 0: one
 * excludes it; -1: the list does not name it. */
int		 dlg_compat_verdict(const char *list,
		    const struct compat_device *d, char **why);
/* p's compatibility list (compatible_with, works_with...), or NULL
 * (caller frees). */
char		*dlg_compat_list(const struct product *p);
/* The words a device product goes by, appended to words. */
void		 dlg_compat_device_words(const struct product *d,
		    struct sbuf *words);

/* dlg-featword.c: the customer's words against a listing's */
/* Folded text and its words. */
struct dlg_fw_text {
	struct text_folded f;
	struct text_token *tok;
	size_t		 n, cap;
};

#define DLG_FW_TOK(y, i)	((y)->f.s.buf + (y)->tok[i].start)
#define DLG_FW_LEN(y, i)	((y)->tok[i].end - (y)->tok[i].start)

/* The products of the asked one's kind, read once a turn. */
struct dlg_fw_kind {
	struct product	*v;
	size_t		 n;
	int		 read;
};
int		 dlg_fw_in(const char *w, size_t n, const char *const *list);
void		 dlg_fw_stem(const char *w, size_t n, struct sbuf *out);
int		 dlg_fw_same_word(const char *a, size_t an, const char *b,
		    size_t bn);
void		 dlg_fw_text_init(struct dlg_fw_text *y, const char *s);
void		 dlg_fw_text_free(struct dlg_fw_text *y);
long		 dlg_fw_find(const struct dlg_fw_text *hay,
		    const struct dlg_fw_text *q, size_t from, size_t k,
		    size_t *last);
int		 dlg_fw_negated(const struct dlg_fw_text *hay, long i);
int		 dlg_fw_key_named(const char *key, const struct dlg_fw_text *q,
		    size_t from, size_t k);
int		 dlg_fw_names_own_key(const struct product *p,
		    const struct dlg_fw_text *q, size_t from, size_t k);
int		 dlg_fw_says_no(const char *value);
int		 dlg_fw_is_amount(const char *value);
int		 dlg_fw_lists(const char *value);
int		 dlg_fw_other_version(const char *value,
		    const struct dlg_fw_text *q, size_t from, size_t k);
void		 dlg_fw_kind_read(struct tctx *t, const struct product *p,
		    struct dlg_fw_kind *kd);
void		 dlg_fw_kind_free(struct dlg_fw_kind *kd);
int		 dlg_fw_kind_knows(const struct dlg_fw_kind *kd,
		    const struct dlg_fw_text *q, size_t i);
size_t		 dlg_fw_kind_df(const struct dlg_fw_kind *kd,
		    const struct dlg_fw_text *q, size_t from, size_t k);
char		*dlg_fw_written(const struct dlg_fw_text *hay,
		    const char *value, size_t i, size_t last);
char		*dlg_fw_clause(const char *text, size_t at);
int		 dlg_fw_states(const struct product *p,
		    const struct dlg_fw_text *q, size_t i);

/* dlg-yesno.c: "does it have usb c", "can I take it in the pool" */
/* A yes-or-no question about a feature of one product, before any
 * action (1 when answered). */
int		 dlg_feature_question(struct tctx *t, int early);
/* Its answer about p: 1 when the listing or its kind's answers. */
int		 dlg_feature_answer(struct tctx *t, const struct product *p);
/* Does the turn ask yes or no about a feature? */
int		 dlg_feature_yes_no(struct tctx *t);
/* Is it nothing but such a question (no word to read a feeling in)? */
int		 dlg_feature_plain(struct tctx *t);
/* Does the listing or its kind answer every feature the turn names? */
int		 dlg_feature_found(struct tctx *t, const struct product *p);
/* Does a verb open a yes-or-no question in the turn? */
int		 dlg_feature_verb_said(struct tctx *t);
int		 dlg_fw_in_entity(struct tctx *t, size_t a, size_t b);
/* A water rating in value: 2 under water, 1 splashes, 0 none. */
int		 dlg_fw_water_grade(const char *value);

/* dlg-yesamount.c: a water rating or an impedance answering a
 * yes-or-no question. */
struct dlg_amount {
	int		 verdict;	/* 1 yes, 0 no */
	char		*key;		/* the attribute read */
	char		*value;		/* its value */
	const char	*tpl;		/* template to say it with */
};
int		 dlg_amount_read(const struct product *p,
		    const struct dlg_fw_text *q, struct dlg_amount *a);
/* Does the turn ask about water or an amp ("can I swim with it")? */
int		 dlg_feature_amount_asked(struct tctx *t);

/* dlg-compat.c */
int		 dlg_handle_compat(struct tctx *t);
/* "What about a Pixel 8?" after a compatibility answer (1). */
int		 dlg_compat_followup(struct tctx *t);
/* "Does it fit my G16?" whatever the intent read (1). */
int		 dlg_handle_compat_words(struct tctx *t);
/* "Which one fits it?": among the last list (1). */
int		 dlg_handle_compat_among(struct tctx *t);

/* dlg-notify.c: "stop these messages", "tell me when it's back": 1
 * when that was the turn. */
int		 dlg_handle_notify(struct tctx *t);

/* dlg-push.c: 1 when the order's system refused or could not be asked
 * (the turn is answered), 0 to cancel here. */
int		 dlg_push_cancel(struct tctx *t, const char *order);

/* dlg-support.c */
void		 dlg_handle_order(struct tctx *t, const char *form_name);
void		 dlg_handle_order_id(struct tctx *t, const char *form_name,
		    const char *id);
void		 dlg_ask_order_choice(struct tctx *t, const char *form,
		    char **ids, size_t n);
int		 dlg_confirm_pending(struct tctx *t, cJSON *pending);
void		 dlg_order_slots(struct tctx *t, const struct order *o);
int		 dlg_fact_slot(struct tctx *t, const char *key,
		    const char *name);
void		 dlg_money_slot(struct tctx *t, const char *name, double v,
		    const char *cur);
void		 dlg_answer_status(struct tctx *t, const struct order *o);
/* The order's slots with where its money goes and how long it takes. */
void		 dlg_refund_slots(struct tctx *t, const struct order *o);

/* dlg-returns.c */
void		 dlg_return_eligibility(struct tctx *t, const struct order *o);
void		 dlg_answer_return_cost(struct tctx *t, const struct order *o);
/* dlg-stock.c: a stock or digital delivery question about the product
 * named or in focus (1: the turn); the stock answer (back: asked when
 * it comes back); "yes" to the alert offered for a sold-out sku. */
int		 dlg_stock_question(struct tctx *t);
void		 dlg_answer_stock(struct tctx *t, const struct product *p,
		    int back);
int		 dlg_confirm_watch(struct tctx *t, const char *sku);
/* Watch a product for the customer and say so (dlg-notify.c). */
void		 dlg_watch_product(struct tctx *, const struct product *);
/* No order picked: a product of a category the return policy excludes,
 * said so (1: the turn). */
int		 dlg_return_product_rule(struct tctx *t);
/* An open return logged as a defect: the full amount that comes back. */
void		 dlg_return_expected(struct tctx *t, const struct order *o);
void		 dlg_answer_defect(struct tctx *t, const struct order *o);
int		 dlg_order_void(const struct order *o);
void		 dlg_answer_price_drop(struct tctx *t, const struct order *o);
/* dlg-orderfacts.c: the one more fact an order question needs, for
 * the form how answers; 1 when it answered. */
int		 dlg_orderfacts_answer(struct tctx *t, const struct order *o,
		    const char *how);
/* After a refund's state: a card refund's posting time, when asked. */
void		 dlg_orderfacts_refund_card(struct tctx *t,
		    const struct order *o);
int		 dlg_returnable_orders(struct tctx *t);

/* dlg-account.c */
int		 dlg_account_question(struct tctx *t);
/* dlg-shipto.c */
int		 dlg_ship_destination(struct tctx *t);
/* dlg-kbtopic.c */
int		 dlg_kind_policy(struct tctx *t);

/* dlg-payment.c: a refund or charge question about no order named (1:
 * answered or asked which); the provider's answer about o (1), or 0
 * for the store's records to answer. */
int		 dlg_payment_question(struct tctx *t);
int		 dlg_payment_answer(struct tctx *t, const struct order *o);

/* dlg-ordertopic.c: what an order question asks (dlg_order_topic...);
 * dlg-orderq.c: which order it means. */
int		 dlg_in_a_name(struct tctx *t, size_t a, size_t b);
/* Words about the store in general ("policy", "do you ship"), asking
 * about no order (1). */
int		 dlg_order_general(struct tctx *t);
/* "Maybe it's just a setup thing?": the fault doubted, no return asked. */
int		 dlg_setup_doubted(struct tctx *t);
/* Asked to order an item again, and not to undo the order (1). */
int		 dlg_order_reorder_asked(struct tctx *t);
enum dlg_order_topic {
	ORDQ_NONE,
	ORDQ_LIST,		/* "I ordered it twice", "which ones" */
	ORDQ_ADDRESS,		/* change where it goes */
	ORDQ_SIGN,		/* does someone have to sign for it */
	ORDQ_PRICE_DROP,	/* it is cheaper now: the difference */
	ORDQ_DEFECT,		/* it arrived broken, stopped working */
	ORDQ_INVOICE,		/* where its invoice is */
	ORDQ_UNLISTED,		/* a fact no data holds: is it insured */
	ORDQ_WARRANTY,		/* is it still under warranty */
	ORDQ_FEE,		/* what a return costs, what comes back */
	ORDQ_CANCEL,
	ORDQ_REFUND,		/* where the money is */
	ORDQ_RETURN,
	ORDQ_TRACK,		/* where it is, when it comes */
	ORDQ_ITEMS		/* which item, variant, at what price */
};
struct dlg_order_pick {
	char		*id;		/* the order meant, or NULL */
	char		**ids;		/* else several to ask about */
	size_t		 n;
	int		 named;		/* an item was named */
	const char	*rule;		/* how (static text) */
};
enum dlg_order_topic dlg_order_topic(struct tctx *t);
enum dlg_order_topic dlg_form_topic(const char *form);	/* dlg-support.c */
const char	*dlg_order_topic_form(enum dlg_order_topic topic);
int		 dlg_says_address(struct tctx *t);
const struct entity *dlg_order_number(struct tctx *t);
void		 dlg_order_pick(struct tctx *t, struct dlg_order_pick *p);
void		 dlg_order_pick_release(struct dlg_order_pick *p);
int		 dlg_order_question(struct tctx *t);
int		 dlg_order_followup(struct tctx *t);
int		 dlg_order_answer(struct tctx *t, enum dlg_order_topic topic,
		    int again);
/* Was the turn before an answer about one of the customer's orders? */
int		 dlg_order_just_discussed(struct tctx *t);
/* dlg-orderswitch.c: an item of another order named after an order's
 * answer; 1 when that was the turn. */
int		 dlg_order_switch(struct tctx *t);
/* dlg-orderit.c: a product question after an order's answer, naming
 * none: about the order's only item (put first in focus, 0) or which
 * of its items, asked (1). */
int		 dlg_order_item_question(struct tctx *t);
/* An owned item named as the customer's order, asked about (the owned
 * resolver's "owned-order-question"); 1 when that was the turn. */
int		 dlg_owned_order(struct tctx *t);
/* Whether an order passes a test (arg: the test's own data). */
typedef int	(*dlg_order_test)(struct tctx *t, const struct order *o,
		    const void *arg);
/*
 * The item the customer names among those ordered (a product, brand,
 * category or a word of an item's name) into *m; *words: caller frees.
 */
int		 dlg_order_item_named(struct tctx *t, struct order_match *m,
		    char **words);
/* dlg-orderitem.c: the customer's orders holding the item m (*ids:
 * caller frees with dlg_ids_free). */
void		 dlg_orders_holding(struct tctx *t,
		    const struct order_match *m, char ***ids, size_t *n);
/* Free the n strings of ids and ids itself. */
void		 dlg_ids_free(char **ids, size_t n);
/* Keep the ids (*n updated) of the orders keep accepts; frees the rest. */
void		 dlg_keep_orders(struct tctx *t, char **ids, size_t *n,
		    dlg_order_test keep, const void *arg);
int		 dlg_owns_order(struct tctx *t, const char *id);
/* dlg-swapmoney.c: "how much would I get back for the swap": the
 * price paid for the item beside the other product's now (1: answered). */
int		 dlg_exchange_money(struct tctx *t);
/* A return question can be about o (open return, or in the window):
 * a dlg_order_test. */
int		 dlg_order_returnable(struct tctx *t, const struct order *o,
		    const void *unused);
/* An order with an item whose name holds a word said that names no
 * kind of thing ("the OLED tv"): a dlg_order_test. */
int		 dlg_order_word_said(struct tctx *t, const struct order *o,
		    const void *unused);
/* dlg-owned.c: the customer's own item a message names ("my
 * soundbar", "the ssd I ordered") becomes the turn's product; 1 when
 * several fit and the customer was asked which. */
int		 dlg_owned_resolve(struct tctx *t);
/* Did dlg_owned_resolve read a kind said in an order thread as the
 * customer's item, asked a fact of its listing (not of its order)? */
int		 dlg_owned_kind_asked(struct tctx *t);
/* Of the skus m[0..nm) of the family en, those the signed-in customer
 * has (an order not cancelled nor refunded, or the cart), into out, when
 * en points at one thing ("the airpods", not "an iphone" nor "with
 * the iphone"); how many. */
size_t		 dlg_owned_among(struct tctx *t, const struct entity *en,
		    const char *const *m, size_t nm, const char **out);
/* dlg-orderpick.c: the ISO day "yesterday" or "this morning" means, or
 * NULL (caller frees). */
char		*dlg_day_named(struct tctx *t);

/* dlg-orderlist.c */
const char	*dlg_order_listed_status(struct tctx *t);
/* "An order", "another order": not the order in focus. */
int		 dlg_order_indefinite(struct tctx *t);
/* Of the orders just listed, the one whose items hold a word said. */
const char	*dlg_order_listed_item(struct tctx *t);
/* Of the orders just listed, the one "2" or "the other one" means. */
const char	*dlg_order_choice_said(struct tctx *t, const char **how);

/* dlg-several.c: the order numbers said (caller frees each and *ids);
 * two or more said: each answered, or asked which (1: the turn). */
size_t		 dlg_orders_said(struct tctx *t, char ***ids);
int		 dlg_several_orders(struct tctx *t, const char *form,
		    int topic);

/*
 * dlg-period.c: a stretch of time said relative to today ("this week", "a week ago",
 * "last month"), and which of an order's dates it dates: "bought this
 * month" the order, "got it this week" the delivery, "returned it a
 * week ago" the last update; any of them when no verb says.
 */
struct dlg_period {
	char		*from, *to;	/* ISO days, inclusive */
	int		 which;		/* PERIOD_* */
};
#define PERIOD_ANY	0
#define PERIOD_PLACED	1
#define PERIOD_GOT	2
#define PERIOD_UPDATED	3
void		 dlg_period_release(struct dlg_period *pd);
/* 1 and *pd set when the message says a period, else 0. */
int		 dlg_period_named(struct tctx *t, struct dlg_period *pd);
/* A period that picks among all the customer's orders (dlg_period_named
 * with a verb or "the one"); 1 and *pd set, else 0. */
int		 dlg_period_picks(struct tctx *t, struct dlg_period *pd);
/* The month a word of the message dates ("-08-" for "from august"),
 * else NULL; "may" only beside words of a date.  Caller frees. */
char		*dlg_month_named(struct tctx *t);
/* "The one from August" in talk of the customer's orders: the month
 * said as a date is no brand (its entity is removed). */
void		 dlg_month_not_brand(struct tctx *t);
/* An order dated within the period arg points to (a dlg_order_test). */
int		 dlg_in_period(struct tctx *t, const struct order *o,
		    const void *arg);

/* dlg-policy.c */
void		 dlg_policy(struct tctx *t, const struct intent_result *ir);
int		 dlg_settle_intent(struct tctx *t,
		    const struct intent_result *ir);	/* dlg-settle.c */
void		 dlg_policy_more(struct tctx *t, const struct intent_result *ir);
/* dlg-two.c: two requests in one message, each acted on; 0 if one. */
int		 dlg_two_requests(struct tctx *t);
int		 dlg_bare_answer(struct tctx *t);	/* dlg-pending.c */
size_t		 dlg_lead_len(const char *s, size_t n);
void		 dlg_set_intent(struct tctx *t, const char *name);
/* dlg-actions.c: the actions by intent and their table. */
const struct dlg_action *dlg_action_of(const struct tctx *t, int id);
unsigned	 dlg_flags_of(const struct tctx *t, int id);
/* Actions the policy's steps call or tell apart (see the table). */
void		 dlg_act_ask_person(struct tctx *t);
void		 dlg_act_product(struct tctx *t);
int		 dlg_promo_question(struct tctx *t);
/* dlg-total.c and dlg-coupon.c: a line summed, a product times qty. */
struct total_line {
	const char	*sku;
	long		 qty;
};
/* The lines put in focus, the first on top (their skus may be the
 * focus stack's own strings). */
void		 dlg_total_focus(struct tctx *t, const struct total_line *v,
		    size_t n);
/* dlg-coupon.c: a coupon code applied to the lines; the code a
 * promotion question points at, kept for "that code". */
int		 dlg_coupon_total(struct tctx *t, const struct total_line *v,
		    size_t n);
void		 dlg_coupon_note(struct tctx *t);
int		 dlg_coupon_asked(struct tctx *t);
/* dlg-cheaperlike.c: "something like the X i ordered but cheaper". */
int		 dlg_cheaper_like(struct tctx *t);
int		 dlg_promo_answer(struct tctx *t);
void		 dlg_act_compare(struct tctx *t);
void		 dlg_act_recommend(struct tctx *t);
void		 dlg_act_faq(struct tctx *t);
/* Does the message open as a question about how things work ("can I
 * cancel an order") rather than a request about one order? */
int		 dlg_general_question(struct tctx *t);
/* A product's problem its manual or tickets answer well (1: answered). */
int		 dlg_product_trouble(struct tctx *t);
/* An attribute asked in a few words as troubleshooting ("battery?"). */
int		 dlg_spec_fragment(struct tctx *t);

/* dlg-react.c: "15%??" after a fee: the fact confirmed (1). */
int		 dlg_reaction(struct tctx *t);

/* dlg-suit.c: "is the zv-e10 any good for vlogging": its listing (1). */
int		 dlg_suitability(struct tctx *t);

/* dlg-escalate.c */
void		 dlg_fallback(struct tctx *t, const char *why);
int		 dlg_waiting(const struct tctx *t);
void		 dlg_escalate(struct tctx *t, const char *reason);
int		 dlg_small_talk(const struct tctx *t);
int		 dlg_about_bot(struct tctx *t);
int		 dlg_asks_person(struct tctx *t, int upset);
void		 dlg_apologise(struct tctx *t, const char *tpl);
void		 dlg_upset_again(struct tctx *t);

/* dlg-trouble.c: no help for the product's problem; 1 when said. */
int		 dlg_trouble_none(struct tctx *t);
int		 dlg_turn_answered(const struct tctx *t);
/* dlg-actions.c: an intent the FAQ and policies answer. */
int		 dlg_store_intent(const struct tctx *t, int id);
int		 dlg_wait_question(struct tctx *t);
void		 dlg_waiting_reply(struct tctx *t, int brief);

/* dlg-pending.c */
int		 dlg_choice_hits(struct tctx *t, const char *intent);
int		 dlg_clarify(struct tctx *t, const struct intent_result *ir);
int		 dlg_option_grounded(struct tctx *t, int id);
int		 dlg_answer_pending(struct tctx *t, const struct intent_result *ir);
/* The policy table by intent id (caller frees the array). */
const struct dlg_action **dlg_policy_table(void);

/* A knowledge-base score strong enough to answer an unclear question. */
#define KB_STRONG	0.6
/*
 * The same for a message the classifier found off topic, or unsure of:
 * an FAQ or policy that matches this well among the store's documents
 * answers ("when does black friday start") when it holds every key term
 * of the message; off-topic probes ("how do I change a tire", "is
 * netflix down") match fewer.
 */
#define KB_OOS_STRONG	0.8
#define KB_STORE_KINDS	(SEARCH_KIND_BIT(SEARCH_FAQ) | \
			SEARCH_KIND_BIT(SEARCH_POLICY))

#endif

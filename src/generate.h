/*
 * generate.h: LLM-generated replies the engine may use instead of the
 * template answer.  generate_reply builds a prompt from what the turn
 * retrieved (each source with its id), the dialogue state, the customer
 * and the template answer; asks the server (llm.h); fact-checks the
 * answer (factcheck.h) sentence by sentence; maps its [P:SKU] and
 * [D:doc-id] markers to citations; and says why when it gave up, so the
 * caller keeps the template answer.
 *
 * When to generate (gen_wants): never in "template" mode; always in
 * "llm" mode; in "auto" mode only with a server configured, for open
 * questions the templates answer poorly: the intents usage_advice,
 * troubleshooting, comparison and recommendation, a long question (20
 * words or more, or several questions in one), or a turn where the
 * template path fell back although retrieval found documents.
 */
#ifndef GENERATE_H
#define GENERATE_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "llm.h"
#include "sbuf.h"

struct store;

enum gen_mode {
	GEN_TEMPLATE,
	GEN_LLM,
	GEN_AUTO,
};
const char	*gen_mode_name(enum gen_mode);
/* 0 and *mode set, or -1 for an unknown name. */
int		 gen_mode_parse(const char *, enum gen_mode *);

/* Settings, from a file, the environment and the command line. */
struct gen_config {
	enum gen_mode	 mode;
	char		*url;		/* server base URL, NULL: none */
	char		*model;
	char		*embed_model;
	char		*api_key;	/* from SHOPDESK_LLM_API_KEY only */
	int		 show_verdicts;	/* "[✓ price]" marks in replies */
	double		 vector_weight;	/* RRF weight of vector ranks, 0..1 */
	struct llm_config llm;		/* numbers; strings set at open */
};
void		 gen_config_init(struct gen_config *);
void		 gen_config_release(struct gen_config *);
/*
 * Read a configuration file: "key = value" lines, "#" comments.  Keys:
 * generator, llm_url, llm_model, llm_embed_model, llm_timeout_ms,
 * llm_connect_timeout_ms, llm_retries, llm_max_tokens, llm_temperature,
 * show_verdicts, vector_weight.  An API key in the file is refused (it
 * comes from the environment only).  A missing file is not an error
 * unless required.  Errors name "path:line".
 */
enum sd_rc	 gen_config_read(struct gen_config *, const char *path,
		    int required, struct sd_error *);
/* SHOPDESK_GENERATOR, SHOPDESK_LLM_URL, _MODEL, _API_KEY over the file. */
enum sd_rc	 gen_config_env(struct gen_config *, struct sd_error *);
/* The name embeddings are stored under: embed model, else chat model,
 * else "default" (what shopdesk embed and retrieval agree on). */
const char	*gen_config_embed_model(const struct gen_config *);
/* $SHOPDESK_CONFIG, else $XDG_CONFIG_HOME or ~/.config/shopdesk/config. */
char		*gen_config_default_path(void);

struct generator;

/*
 * The settings a command runs with: the configuration file (--config,
 * else gen_config_default_path, missing is fine), then the environment,
 * then the command line in ctx.  Caller releases c.
 */
enum sd_rc	 gen_config_load(struct gen_config *, const struct sd_ctx *,
		    struct sd_error *);

/*
 * Open a generator.  Without a URL the mode must not be "llm"
 * (SD_ERR_USAGE); "auto" then never generates.  NULL with err set.
 */
struct generator *generator_open(struct store *, const struct gen_config *,
		    struct sd_error *);
/* generator_open with gen_config_load's settings, on ctx->st. */
struct generator *generator_open_ctx(const struct sd_ctx *, struct sd_error *);
void		 generator_free(struct generator *);
enum gen_mode	 generator_mode(const struct generator *);
/* The LLM client, or NULL without a server (for embeddings). */
struct llm	*generator_llm(struct generator *);
/* Retrieval settings: gen_config_embed_model's name, vector_weight. */
const char	*generator_embed_model(const struct generator *);
double		 generator_vector_weight(const struct generator *);

/*
 * Whether to generate this turn, and why (static text); NULL: keep the
 * template answer.  fell_back: the template path had no answer.
 */
const char	*gen_wants(const struct generator *, const char *intent,
		    const char *text, int fell_back, size_t nretrieved);

/* One retrieved source for the prompt. */
struct gen_source {
	const char	*kind;		/* "product", "faq", "policy"... */
	const char	*id;		/* SKU or document id */
	const char	*title;
	const char	*text;		/* NULL: read from the store */
};

/*
 * Streaming: GEN_TEXT appends checked text to what the customer sees
 * (whole sentences, already fact-checked and corrected, never raw model
 * output); GEN_RESET replaces everything shown so far with text (the
 * template answer, when a later sentence could not be corrected).  A
 * non-zero return cancels the generation (the caller keeps the template
 * answer).  Front ends print GEN_TEXT pieces as they come (console) or
 * send each as one server-sent event (API).
 */
enum gen_event {
	GEN_TEXT,
	GEN_RESET,
};
typedef int	(*gen_token_fn)(void *arg, enum gen_event, const char *text,
		    size_t len);

struct gen_request {
	const char		*text;		/* the customer's words */
	const struct gen_source	*src;
	size_t			 nsrc;
	const char		*state_json;	/* dialogue state, or NULL */
	const char		*customer_json;	/* who is asking, or NULL */
	const char		*template_reply;	/* the fallback answer */
	const char		*user_id;	/* orders must be theirs */
	gen_token_fn		 on_token;	/* NULL: no streaming */
	void			*arg;
};

/* What generate_reply did.  Release with gen_result_release. */
struct gen_result {
	char		*reply;		/* checked text to show, or NULL */
	int		 claims;	/* claims the reply made */
	int		 backed;	/* of them, backed by the store as
					   written */
	char		*fallback_reason;	/* why not, or NULL */
	cJSON		*llm;		/* trace "llm": model, latency_ms,
					   tokens, attempts, fallback_reason */
	cJSON		*factcheck;	/* trace "factcheck": claims */
	cJSON		*citations;	/* [{kind, id, known}] from markers */
};
void		 gen_result_release(struct gen_result *);

/*
 * Generate, check and cite.  SD_OK: res->reply is the reply to show.
 * Anything else (server down, timeout, 429/5xx after retries, garbage,
 * truncated stream, a contradiction that cannot be corrected, an empty
 * answer): res->reply is NULL, res->fallback_reason and err say why, and
 * the caller shows the template answer.  res->llm and res->factcheck
 * are filled either way.
 */
enum sd_rc	 generate_reply(struct generator *, const struct gen_request *,
		    struct gen_result *, struct sd_error *);

/*
 * Template replies go through the same checker before any front end
 * shows them: a template filled with data the store does not back (the
 * wrong product's price, another order's date) is a bug.  The sources
 * are the turn's citations and retrieved items ([{kind, id}]: products,
 * orders, documents).
 */
struct gen_check {
	const char	*text;		/* the customer's words */
	const char	*state_json;	/* dialogue state, or NULL */
	const char	*user_id;	/* orders must be theirs */
	const cJSON	*sources;	/* citations, then retrieved items */
	const cJSON	*more;		/* a second such array, or NULL */
};

/* The verdict on a template reply. */
struct gen_verdict {
	int		 claims;	/* claims the reply made */
	int		 backed;	/* of them, backed as written */
	int		 bug;		/* some were not: the fill is wrong */
	cJSON		*trace;		/* trace "reply_check": claims, counts,
					   "bug", "shown" (caller owns) */
};

/*
 * Check reply in place; *fcp is the checker, opened on first use (the
 * caller frees it with factcheck_free).  On a bug the reply becomes the
 * checked text when most of it survived, else a safe answer that states
 * no fact.  SD_OK unless the checker cannot be opened (the reply is then
 * left alone and err says why).
 */
struct factcheck;
enum sd_rc	 gen_check_reply(struct factcheck **fcp, struct store *,
		    const struct gen_check *, struct sbuf *reply,
		    struct gen_verdict *, struct sd_error *);

#endif

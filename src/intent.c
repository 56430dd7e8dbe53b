/*
 * intent.c owns the intent classifier: the intent set and its aliases, the
 * features, training (multinomial logistic regression by SGD), calibration
 * (a softmax temperature and a rejection threshold fitted on a held-out
 * slice of the training data), the serialized model and its row in the
 * store's models table.
 *
 * Features are hashed to 64-bit keys and looked up in a dictionary built
 * from the training data, so text the training never saw adds nothing
 * (hashing into a fixed table would add collision noise, which hurts the
 * rejection of out-of-scope text).  On top of word and character n-grams,
 * the share of words the in-scope training data never used is a feature:
 * out-of-scope questions are mostly about words a shop never hears.
 *
 * Training is deterministic: files are read in the order given, examples
 * are shuffled by a fixed-seed generator and the arithmetic runs in a fixed
 * order, so the same data yields the same blob bit for bit.
 */
#include "config.h"

#if defined(__GNUC__) && !defined(__clang__)
/* The per-feature loop over the intents vectorises at -O3 only. */
#pragma GCC optimize("O3")
#endif

#include <ctype.h>
#include <errno.h>
#include <glob.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <cJSON.h>
#include <sqlite3.h>

#include "shopdesk.h"
#include "corpus.h"
#include "intent.h"
#include "intent-int.h"
#include "paths.h"
#include "review.h"
#include "sbuf.h"
#include "store.h"
#include "text.h"

/* Bump when features or the blob layout change: stored models retrain. */
#define MODEL_VERSION	10
#define MODEL_MAGIC	"SDINTENT"
/*
 * The label of a training line about something no store answers, for
 * the relevance model alone (share/nlu/scope): not an intent.
 */
#define NOT_STORE	"not_store"

/*
 * The intent set: Bitext's 27 names first (sorted), then the store's own.
 * Append only; the ids are stored in models.
 */
static const char *const names[] = {
	"cancel_order", "change_order", "change_shipping_address",
	"check_cancellation_fee", "check_invoice", "check_payment_methods",
	"check_refund_policy", "complaint", "contact_customer_service",
	"contact_human_agent", "create_account", "delete_account",
	"delivery_options", "delivery_period", "edit_account", "get_invoice",
	"get_refund", "newsletter_subscription", "payment_issue",
	"place_order", "recover_password", "registration_problems", "review",
	"set_up_shipping_address", "switch_account", "track_order",
	"track_refund",
	"product_inquiry", "product_specs", "compatibility", "usage_advice",
	"comparison", "recommendation", "stock_availability",
	"price_promotions", "return_item", "warranty", "troubleshooting",
	"greeting", "goodbye", "thanks", "affirm", "deny", "out_of_scope",
};
#define NINTENTS	((int)(sizeof names / sizeof names[0]))

/* Other data sets' names for our intents (CLINC150, Rasa, NLP.js...). */
static const struct {
	const char	*alias;
	const char	*name;
} aliases[] = {
	{ "order_status", "track_order" },
	{ "order", "place_order" },
	{ "order_checks", "track_order" },
	{ "cancel", "cancel_order" },
	{ "thank_you", "thanks" },
	{ "thankyou", "thanks" },
	{ "thank", "thanks" },
	{ "greet", "greeting" },
	{ "hello", "greeting" },
	{ "hi", "greeting" },
	{ "bye", "goodbye" },
	{ "yes", "affirm" },
	{ "affirmative", "affirm" },
	{ "confirm", "affirm" },
	{ "no", "deny" },
	{ "negative", "deny" },
	{ "reject", "deny" },
	{ "product_recommendation", "recommendation" },
	{ "recommend", "recommendation" },
	{ "product_question", "product_inquiry" },
	{ "product_info", "product_inquiry" },
	{ "product_features", "product_specs" },
	{ "specs", "product_specs" },
	{ "product_comparison", "comparison" },
	{ "compare", "comparison" },
	{ "availability", "stock_availability" },
	{ "stock", "stock_availability" },
	{ "in_stock", "stock_availability" },
	{ "price", "price_promotions" },
	{ "pricing", "price_promotions" },
	{ "promotions", "price_promotions" },
	{ "discount", "price_promotions" },
	{ "return", "return_item" },
	{ "returns", "return_item" },
	{ "return_product", "return_item" },
	{ "refund", "get_refund" },
	{ "request_refund", "get_refund" },
	{ "refund_status", "track_refund" },
	{ "shipping", "delivery_options" },
	{ "shipping_options", "delivery_options" },
	{ "delivery_time", "delivery_period" },
	{ "technical_support", "troubleshooting" },
	{ "tech_support", "troubleshooting" },
	{ "human", "contact_human_agent" },
	{ "agent", "contact_human_agent" },
	{ "human_handoff", "contact_human_agent" },
	{ "talk_to_human", "contact_human_agent" },
	{ "feedback", "review" },
	{ "password_reset", "recover_password" },
	{ "reset_password", "recover_password" },
	{ "payment", "payment_issue" },
	{ "invoice", "get_invoice" },
	{ "oos", "out_of_scope" },
	{ "none", "out_of_scope" },
	{ "other", "out_of_scope" },
	{ "fallback", "out_of_scope" },
	{ "nlu_fallback", "out_of_scope" },
	{ "out_of_domain", "out_of_scope" },
};

const char *const *
intent_names(size_t *n)
{
	if (n != NULL)
		*n = NINTENTS;
	return names;
}

int
intent_id(const char *name)
{
	int	 i;

	for (i = 0; i < NINTENTS; i++)
		if (strcmp(names[i], name) == 0)
			return i;
	return -1;
}

int
intent_map_name(const char *dsname)
{
	size_t	 i;
	int	 id;

	for (id = 0; id < NINTENTS; id++)
		if (strcasecmp(names[id], dsname) == 0)
			return id;
	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		if (strcasecmp(aliases[i].alias, dsname) == 0)
			return intent_id(aliases[i].name);
	return -1;
}

int
intent_oos_id(void)
{
	return NINTENTS - 1;
}

int
intent_count(void)
{
	return NINTENTS;
}

const char *
intent_verdict_name(enum intent_verdict v)
{
	switch (v) {
	case INTENT_OK:
		return "ok";
	case INTENT_OUT_OF_SCOPE:
		return "out_of_scope";
	case INTENT_AMBIGUOUS:
		return "ambiguous";
	}
	return "?";
}

/* Hyperparameters, fixed so that training is reproducible. */
#define EPOCHS		6
#define LR0		4.0
#define LR_DECAY	0.35	/* lr = LR0 / (1 + epoch * LR_DECAY) */
#define L2		2e-6
#define CHAR_WEIGHT	0.6	/* char n-grams count less than words */
#define CW_POWER	0.5	/* class weight (mean / count)^CW_POWER */
#define HOLDOUT_MOD	10	/* 1 example in 10 calibrates */
#define SEED		0x5d1e7e57c0ffee11ULL
#define MARGIN		0.10
#define CHAR_MIN	3
#define CHAR_MAX	5
#define CHAR_SPAN_MAX	40	/* longer tokens give no char n-grams */
#define AUG_SHARE	50	/* percent of examples given a variant */
#define AVG_EPOCHS	2	/* the weights averaged over the last ones */
#define AVG_SNAPS	4	/* snapshots averaged per such epoch */

/* A dictionary slot: the key beside its row, one cache line per probe. */
struct slot {
	uint64_t	 key;		/* 0: empty */
	uint32_t	 row;
};

/* The model.  Read-only once built. */
struct intent_model {
	int		 nclass;
	uint32_t	 nfeat;
	double		 temperature;
	double		 threshold;
	double		 margin;
	uint64_t	*keys;		/* [nfeat] feature key of each row */
	uint32_t	*df;		/* [nfeat] in-scope examples using it */
	float		*bias;		/* [nclass] */
	float		*w;		/* [nfeat * nclass] */
	int16_t		*q;		/* [nfeat * nclass] w / qscale */
	float		 qscale;
	struct slot	*slot;		/* [mask + 1] open addressing */
	uint64_t	 mask;
	struct intent_lexicon *lex;	/* store words (intent-scope.c) */
	float		*rel;		/* [nfeat] relevance weight of each
					   row (intent-relevance.c) */
	float		 relbias;
};

/* 64-bit hashing: FNV-1a over the bytes, then a strong finaliser. */
static uint64_t
mix64(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

#define FNV_INIT	0xcbf29ce484222325ULL

static uint64_t
key_of(uint64_t h, unsigned kind)
{
	h = mix64(h ^ ((uint64_t)kind << 56));
	return h == 0 ? 1 : h;
}

/* Feature kinds (the top byte of the hashed value). */
enum {
	K_WORD = 1,
	K_BIGRAM,
	K_CHAR,
	K_UNK_SHARE,
	K_UNK_COUNT,
	K_EMPTY,
};

static uint64_t
word_key(const char *w, size_t len)
{
	return key_of(fnv(FNV_INIT, w, len), K_WORD);
}

uint64_t
intent_word_key2(const char *w, size_t len, const char *w2, size_t len2)
{
	uint64_t	 h = FNV_INIT;
	size_t		 i;
	int		 c;

	/* as word_features folds it: digits become 0 (FNV-1a inline) */
	for (i = 0; i < len; i++) {
		c = (unsigned char)w[i];
		h = (h ^ (uint64_t)(c >= '0' && c <= '9' ? '0' : c)) *
		    0x100000001b3ULL;
	}
	for (i = 0; i < len2; i++) {
		c = (unsigned char)w2[i];
		h = (h ^ (uint64_t)(c >= '0' && c <= '9' ? '0' : c)) *
		    0x100000001b3ULL;
	}
	return key_of(h, K_WORD);
}

static void
keys_push(struct intent_result *r, size_t *n, uint64_t k)
{
	if (*n == r->keycap) {
		r->keycap = r->keycap < 256 ? 256 : r->keycap * 2;
		r->keys = xrealloc(r->keys, r->keycap * sizeof *r->keys);
	}
	r->keys[(*n)++] = k;
}


/*
 * Word features of clean text: the word unigrams first (one per token, so
 * keys[0..*nwords) are the words), then the bigrams, sentence ends
 * included.  Digits become 0 so that order numbers share their features.
 * Leaves "<word>" spans in r->norm for char_features.
 */
static size_t
word_features(const char *text, size_t len, struct intent_result *r,
    size_t *nwords)
{
	size_t		 ntok, i, j, n = 0, a, b, o;
	uint64_t	 wh, prev;
	int		 c;
	char		*d;

	text_fold(text, len, &r->folded);
	ntok = text_tokenize(r->folded.s.buf, r->folded.s.len, &r->toks,
	    &r->tokcap);
	sbuf_reset(&r->norm);
	sbuf_grow(&r->norm, r->folded.s.len + 2 * ntok + 1);
	d = r->norm.buf;
	for (i = 0, o = 0; i < ntok; i++) {
		a = r->toks[i].start;
		b = r->toks[i].end;
		d[o++] = '<';
		r->toks[i].start = o;
		for (j = a; j < b; j++) {
			c = (unsigned char)r->folded.s.buf[j];
			d[o++] = (char)(c >= '0' && c <= '9' ? '0' : c);
		}
		r->toks[i].end = o;
		d[o++] = '>';
	}
	sbuf_setlen(&r->norm, o);
	for (i = 0; i < ntok; i++)
		keys_push(r, &n, word_key(r->norm.buf + r->toks[i].start,
		    r->toks[i].end - r->toks[i].start));
	*nwords = ntok;
	prev = 0x9e3779b97f4a7c15ULL;	/* sentence start */
	for (i = 0; i <= ntok; i++) {
		wh = i < ntok ? r->keys[i] : 0x632be59bd9b4e019ULL;
		keys_push(r, &n, key_of(prev * 31 + wh, K_BIGRAM));
		prev = wh;
	}
	return n;
}

/*
 * Character n-grams of each "<word>" of the last word_features call, the
 * lengths from each start hashed in one pass.
 */
static void
char_features(struct intent_result *r, size_t *n, size_t nwords)
{
	size_t		 i, j, a, m, span, top;
	uint64_t	 h;
	const unsigned char *s = (const unsigned char *)r->norm.buf;

	for (i = 0; i < nwords; i++) {
		a = r->toks[i].start - 1;		/* the '<' */
		span = r->toks[i].end + 1 - a;		/* up to the '>' */
		/*
		 * A run of letters longer than any word (a key held down, a
		 * pasted hash) would bring hundreds of n-grams that outweigh
		 * the real words beside it.
		 */
		if (span > CHAR_SPAN_MAX)
			continue;
		for (j = 0; j + CHAR_MIN <= span; j++) {
			h = FNV_INIT;
			top = span - j < CHAR_MAX ? span - j : CHAR_MAX;
			for (m = 1; m <= top; m++) {
				h = (h ^ s[a + j + m - 1]) * 0x100000001b3ULL;
				if (m >= CHAR_MIN)
					keys_push(r, n, key_of(h, K_CHAR));
			}
		}
	}
}

/*
 * The unknown-word features, always two keys: the share of words unknown
 * to the in-scope training data in fifths, and their count up to 3.
 */
static void
unk_features(struct intent_result *r, size_t *n, size_t nunk, size_t nwords)
{
	size_t	 share;

	if (nwords == 0) {
		keys_push(r, n, key_of(1, K_EMPTY));
		keys_push(r, n, key_of(2, K_EMPTY));
		return;
	}
	share = nunk == 0 ? 0 : 1 + (4 * nunk) / (nwords + 1);
	keys_push(r, n, key_of(share, K_UNK_SHARE));
	keys_push(r, n, key_of(nunk > 3 ? 3 : nunk, K_UNK_COUNT));
}

size_t
intent_features(const char *text, size_t len, struct intent_result *r)
{
	size_t	 nwords, n;

	sbuf_reset(&r->text);
	text_sanitize(text, len, TEXT_MAX_MESSAGE, &r->text, &r->clean);
	n = word_features(r->text.buf, r->text.len, r, &nwords);
	char_features(r, &n, nwords);
	return n;
}

void
intent_result_release(struct intent_result *r)
{
	sbuf_release(&r->reason);
	sbuf_release(&r->text);
	text_folded_release(&r->folded);
	sbuf_release(&r->norm);
	free(r->toks);
	free(r->keys);
	free(r->z);
	r->toks = NULL;
	r->keys = NULL;
	r->z = NULL;
	r->tokcap = r->keycap = 0;
}

static int64_t
model_row(const struct intent_model *m, uint64_t key)
{
	uint64_t	 i = key & m->mask;

	while (m->slot[i].key != 0) {
		if (m->slot[i].key == key)
			return m->slot[i].row;
		i = (i + 1) & m->mask;
	}
	return -1;
}

static void
model_index(struct intent_model *m, const void *wsrc)
{
	uint64_t	 size = 16, i;
	uint32_t	 r, bits, mxbits = 0;
	size_t		 j, nw = (size_t)m->nfeat * (size_t)m->nclass;
	const unsigned char *ws = wsrc;
	float		 mx, inv, x;

	while (size < (uint64_t)m->nfeat * 2)
		size *= 2;
	m->mask = size - 1;
	free(m->slot);
	m->slot = xcalloc(size, sizeof *m->slot);
	if (m->lex == NULL)
		m->lex = intent_lexicon_new();
	for (r = 0; r < m->nfeat; r++) {
		i = m->keys[r] & m->mask;
		while (m->slot[i].key != 0)
			i = (i + 1) & m->mask;
		m->slot[i].key = m->keys[r];
		m->slot[i].row = r;
	}
	/*
	 * Classification reads 16-bit weights: a row of every intent fits
	 * in 88 bytes instead of 176, and memory traffic is what limits
	 * the speed.  The rounding error (1/65535 of the largest weight)
	 * is far below what changes a decision.
	 *
	 * This runs on every engine_open, over 1.4 million weights read
	 * straight from the stored blob (possibly unaligned, hence the
	 * memcpy): the largest magnitude is the largest sign-cleared bit
	 * pattern (finite floats order as integers), and rounding is done
	 * inline instead of by a libm call per weight.
	 */
	for (j = 0; j < nw; j++) {
		memcpy(&bits, ws + 4 * j, 4);
		bits &= 0x7fffffffU;
		if (bits > mxbits)
			mxbits = bits;
	}
	memcpy(&mx, &mxbits, 4);
	m->qscale = mx > 0 ? mx / 32767 : 1;
	inv = 1 / m->qscale;
	free(m->q);
	m->q = xmalloc((nw + 1) * sizeof *m->q);
	for (j = 0; j < nw; j++) {
		memcpy(&x, ws + 4 * j, 4);
		x *= inv;
		m->q[j] = (int16_t)(x + (x < 0 ? -0.5f : 0.5f));
	}
}

/* Feature value of the word-level and char-level keys of an utterance. */
static void
feature_values(size_t n, float *v, float *vc)
{
	*v = n == 0 ? 0 : (float)(1.0 / sqrt((double)n));
	*vc = *v * (float)CHAR_WEIGHT;
}

/* Calibrated probabilities p[K] from logits. */
static void
softmax(const float *z, int K, double temp, float *p)
{
	int	 k;
	float	 mx = z[0], sum = 0;

	for (k = 1; k < K; k++)
		if (z[k] > mx)
			mx = z[k];
	for (k = 0; k < K; k++) {
		p[k] = (float)exp((double)(z[k] - mx) / temp);
		sum += p[k];
	}
	for (k = 0; k < K; k++)
		p[k] /= sum;
}

void
intent_classify(const struct intent_model *m, const char *text, size_t len,
    struct intent_result *r)
{
	size_t		 n, nwords, nunk = 0, i, cstart, nalpha;
	int		 K = m->nclass, k;
	int64_t		 row;
	float		 v, vc, x, *z, *p, rel;
	const int16_t	*w;
	float		 acc[NINTENTS];

	sbuf_reset(&r->text);
	text_sanitize(text, len, TEXT_MAX_MESSAGE, &r->text, &r->clean);
	n = word_features(r->text.buf, r->text.len, r, &nwords);
	/*
	 * Words with digits (model and order numbers) are names, not
	 * vocabulary: they never count as unknown, nor in the share.
	 */
	nalpha = 0;
	for (i = 0; i < nwords; i++) {
		if (r->toks[i].has_digit)
			continue;
		nalpha++;
		row = model_row(m, r->keys[i]);
		if (row < 0 || m->df[row] == 0)
			nunk++;
	}
	unk_features(r, &n, nunk, nalpha);
	cstart = n;
	char_features(r, &n, nwords);

	if (r->z == NULL)
		r->z = xmalloc(2 * (size_t)NINTENTS * sizeof *r->z);
	z = r->z;
	p = r->z + NINTENTS;
	feature_values(n, &v, &vc);
	v *= m->qscale;
	vc *= m->qscale;
	/*
	 * A local accumulator with a constant trip count lets the compiler
	 * keep it in vector registers (K is always NINTENTS: checked when
	 * the blob is read).
	 */
	memcpy(acc, m->bias, sizeof acc);
	rel = 0;
	for (i = 0; i < n; i++) {
		if ((row = model_row(m, r->keys[i])) < 0)
			continue;
		w = m->q + (size_t)row * NINTENTS;
		x = i < cstart ? v : vc;
		for (k = 0; k < NINTENTS; k++)
			acc[k] += x * (float)w[k];
		if (i < cstart)
			rel += x * m->rel[row];
	}
	/* the relevance weights are floats: undo the weights' scale */
	r->relevance = m->relbias + rel / m->qscale;
	memcpy(z, acc, sizeof acc);
	softmax(z, K, m->temperature, p);

	r->words = nwords;
	r->unknown = nunk;
	intent_store_words(m->lex, r, nwords);
	r->kb_score = -1;
	r->products = 0;
	r->focus = 0;
	intent_decide(m, r);
	intent_reason_notes(r);
}

void
intent_reason_notes(struct intent_result *r)
{
	if (r->words == 0)
		sbuf_adds(&r->reason, "; no words");
	else if (r->unknown > 0)
		sbuf_addf(&r->reason, "; %zu unknown word%s", r->unknown,
		    r->unknown > 1 ? "s" : "");
	if (r->clean.truncated)
		sbuf_addf(&r->reason, "; input cut at %d bytes",
		    TEXT_MAX_MESSAGE);
	if (r->clean.repaired)
		sbuf_adds(&r->reason, "; invalid UTF-8 replaced");
	if (r->clean.controls)
		sbuf_adds(&r->reason, "; control characters replaced");
}

const struct intent_lexicon *
intent_model_lexicon(const struct intent_model *m)
{
	return m->lex;
}

double
intent_model_threshold(const struct intent_model *m)
{
	return m->threshold;
}

double
intent_model_margin(const struct intent_model *m)
{
	return m->margin;
}

double
intent_model_temperature(const struct intent_model *m)
{
	return m->temperature;
}

size_t
intent_model_features(const struct intent_model *m)
{
	return m->nfeat;
}

void
intent_model_set_decision(struct intent_model *m, double threshold,
    double margin)
{
	if (threshold >= 0)
		m->threshold = threshold;
	if (margin >= 0)
		m->margin = margin;
}

void
intent_model_free(struct intent_model *m)
{
	if (m == NULL)
		return;
	free(m->keys);
	free(m->df);
	free(m->bias);
	free(m->w);
	free(m->q);
	free(m->rel);
	free(m->slot);
	intent_lexicon_free(m->lex);
	free(m);
}

/*
 * Serialized model: a fixed header, then keys (u64), df (u32, padded to
 * 8 bytes), bias and weights (f32), the relevance bias (f32, padded to 8
 * bytes) and weights (f32, one per row), all in host byte order; the header's
 * byte-order mark rejects a blob from a machine of the other order (the
 * model is then retrained from the data).
 */
struct blob_header {
	char		 magic[8];
	uint32_t	 version;
	uint32_t	 bom;
	uint32_t	 nclass;
	uint32_t	 nfeat;
	double		 temperature;
	double		 threshold;
	double		 margin;
};
#define BLOB_BOM	0x01020304u

static size_t
pad8(size_t n)
{
	return (n + 7) & ~(size_t)7;
}

static unsigned char *
model_blob(const struct intent_model *m, size_t *len)
{
	struct blob_header h;
	size_t		 n, off = 0, K = (size_t)m->nclass;
	unsigned char	*b;

	memset(&h, 0, sizeof h);
	memcpy(h.magic, MODEL_MAGIC, 8);
	h.version = MODEL_VERSION;
	h.bom = BLOB_BOM;
	h.nclass = (uint32_t)m->nclass;
	h.nfeat = m->nfeat;
	h.temperature = m->temperature;
	h.threshold = m->threshold;
	h.margin = m->margin;
	n = sizeof h + 8 * (size_t)m->nfeat + pad8(4 * (size_t)m->nfeat) +
	    pad8(4 * K) + 4 * K * m->nfeat + 8 + 4 * (size_t)m->nfeat;
	b = xcalloc(1, n);
	memcpy(b, &h, sizeof h);
	off = sizeof h;
	memcpy(b + off, m->keys, 8 * (size_t)m->nfeat);
	off += 8 * (size_t)m->nfeat;
	memcpy(b + off, m->df, 4 * (size_t)m->nfeat);
	off += pad8(4 * (size_t)m->nfeat);
	memcpy(b + off, m->bias, 4 * K);
	off += pad8(4 * K);
	memcpy(b + off, m->w, 4 * K * m->nfeat);
	off += 4 * K * m->nfeat;
	memcpy(b + off, &m->relbias, 4);
	off += 8;
	memcpy(b + off, m->rel, 4 * (size_t)m->nfeat);
	*len = n;
	return b;
}

struct intent_model *
intent_model_from_blob(const void *data, size_t len, struct sd_error *err)
{
	struct blob_header h;
	struct intent_model *m;
	const unsigned char *b = data;
	size_t		 need, off, K;

	if (len < sizeof h) {
		sd_fail(err, SD_ERR_PARSE, "intent model: truncated blob");
		return NULL;
	}
	memcpy(&h, b, sizeof h);
	if (memcmp(h.magic, MODEL_MAGIC, 8) != 0 || h.bom != BLOB_BOM ||
	    h.version != MODEL_VERSION || h.nclass != (uint32_t)NINTENTS) {
		sd_fail(err, SD_ERR_PARSE, "intent model: not a version %d "
		    "model for %d intents on this machine", MODEL_VERSION,
		    NINTENTS);
		return NULL;
	}
	K = h.nclass;
	need = sizeof h + 8 * (size_t)h.nfeat + pad8(4 * (size_t)h.nfeat) +
	    pad8(4 * K) + 4 * K * h.nfeat + 8 + 4 * (size_t)h.nfeat;
	if (len != need) {
		sd_fail(err, SD_ERR_PARSE, "intent model: blob of %zu bytes, "
		    "expected %zu", len, need);
		return NULL;
	}
	m = xcalloc(1, sizeof *m);
	m->nclass = (int)K;
	m->nfeat = h.nfeat;
	m->temperature = h.temperature;
	m->threshold = h.threshold;
	m->margin = h.margin;
	m->keys = xmalloc(8 * (size_t)h.nfeat + 8);
	m->df = xmalloc(4 * (size_t)h.nfeat + 8);
	m->bias = xmalloc(4 * K);
	/* m->w stays NULL: only training reads it; q is made from the blob */
	off = sizeof h;
	memcpy(m->keys, b + off, 8 * (size_t)h.nfeat);
	off += 8 * (size_t)h.nfeat;
	memcpy(m->df, b + off, 4 * (size_t)h.nfeat);
	off += pad8(4 * (size_t)h.nfeat);
	memcpy(m->bias, b + off, 4 * K);
	off += pad8(4 * K);
	model_index(m, b + off);
	off += 4 * K * h.nfeat;
	memcpy(&m->relbias, b + off, 4);
	off += 8;
	m->rel = xmalloc(4 * (size_t)h.nfeat + 4);
	memcpy(m->rel, b + off, 4 * (size_t)h.nfeat);
	return m;
}

/* Training ------------------------------------------------------------ */

/* A growable map from feature key to dictionary row. */
struct dict {
	uint64_t	*keys;		/* [nrow] */
	uint32_t	*df;		/* [nrow] in-scope examples using it */
	uint32_t	*stamp;		/* [nrow] last example counted in df */
	uint32_t	 nrow;
	uint32_t	 rowcap;
	uint32_t	*slot;		/* [mask + 1] row + 1 */
	uint64_t	 mask;
};

static void
dict_rehash(struct dict *d, uint64_t size)
{
	uint32_t	 r;
	uint64_t	 i;

	free(d->slot);
	d->slot = xcalloc(size, sizeof *d->slot);
	d->mask = size - 1;
	for (r = 0; r < d->nrow; r++) {
		i = d->keys[r] & d->mask;
		while (d->slot[i] != 0)
			i = (i + 1) & d->mask;
		d->slot[i] = r + 1;
	}
}

static uint32_t
dict_add(struct dict *d, uint64_t key)
{
	uint64_t	 i;
	uint32_t	 s;

	if (d->slot == NULL || (uint64_t)d->nrow * 2 >= d->mask)
		dict_rehash(d, d->slot == NULL ? 1 << 16 : (d->mask + 1) * 2);
	i = key & d->mask;
	while ((s = d->slot[i]) != 0) {
		if (d->keys[s - 1] == key)
			return s - 1;
		i = (i + 1) & d->mask;
	}
	if (d->nrow == d->rowcap) {
		d->rowcap = d->rowcap < 4096 ? 4096 : d->rowcap * 2;
		d->keys = xrealloc(d->keys, d->rowcap * sizeof *d->keys);
		d->df = xrealloc(d->df, d->rowcap * sizeof *d->df);
		d->stamp = xrealloc(d->stamp, d->rowcap * sizeof *d->stamp);
	}
	d->keys[d->nrow] = key;
	d->df[d->nrow] = 0;
	d->stamp[d->nrow] = UINT32_MAX;
	d->slot[i] = d->nrow + 1;
	return d->nrow++;
}

/* The row of key, -1 when the dictionary has none. */
static int64_t
dict_find(const struct dict *d, uint64_t key)
{
	uint64_t	 i;
	uint32_t	 s;

	if (d->slot == NULL)
		return -1;
	for (i = key & d->mask; (s = d->slot[i]) != 0; i = (i + 1) & d->mask)
		if (d->keys[s - 1] == key)
			return s - 1;
	return -1;
}

static void
dict_release(struct dict *d)
{
	free(d->keys);
	free(d->df);
	free(d->stamp);
	free(d->slot);
}

/* A training example: rows fx[off..off+n), chars from fx[off+cstart]. */
struct example {
	size_t		 off;
	uint32_t	 n;
	uint32_t	 cstart;
	uint32_t	 nwords;
	uint64_t	 digits;	/* bit i: word i has a digit (i < 64) */
	int		 y;
	int		 holdout;	/* in the calibration slice */
};

struct trainset {
	struct example	*ex;
	size_t		 nex;
	size_t		 excap;
	uint32_t	*fx;
	size_t		 nfx;
	size_t		 fxcap;
	struct dict	 dict;
	uint64_t	 hash;		/* of the data, for retraining */
	int		 seen[NINTENTS];	/* examples per intent */
	char		**notstore;	/* lines labelled not_store: the
					   relevance model's alone */
	size_t		 nnotstore;
	size_t		 notstorecap;
};

static void
fx_push(struct trainset *ts, uint32_t row)
{
	if (ts->nfx == ts->fxcap) {
		ts->fxcap = ts->fxcap < 65536 ? 65536 : ts->fxcap * 2;
		ts->fx = xrealloc(ts->fx, ts->fxcap * sizeof *ts->fx);
	}
	ts->fx[ts->nfx++] = row;
}

static void
trainset_release(struct trainset *ts)
{
	size_t	 i;

	free(ts->ex);
	free(ts->fx);
	for (i = 0; i < ts->nnotstore; i++)
		free(ts->notstore[i]);
	free(ts->notstore);
	dict_release(&ts->dict);
}

/* Add one utterance: its word and char rows, two slots for unk rows. */
static void
trainset_add(struct trainset *ts, const char *text, size_t len, int y,
    int holdout, struct intent_result *r)
{
	struct example	*e;
	size_t		 n, nwords, i, nwb;
	uint32_t	 row, idx = (uint32_t)ts->nex;

	if (ts->nex == ts->excap) {
		ts->excap = ts->excap < 1024 ? 1024 : ts->excap * 2;
		ts->ex = xrealloc(ts->ex, ts->excap * sizeof *ts->ex);
	}
	e = &ts->ex[ts->nex++];
	sbuf_reset(&r->text);
	text_sanitize(text, len, TEXT_MAX_MESSAGE, &r->text, &r->clean);
	n = word_features(r->text.buf, r->text.len, r, &nwords);
	nwb = n;
	char_features(r, &n, nwords);
	e->off = ts->nfx;
	e->n = (uint32_t)n + 2;
	e->cstart = (uint32_t)nwb + 2;
	e->nwords = (uint32_t)nwords;
	e->digits = 0;
	for (i = 0; i < nwords && i < 64; i++)
		if (r->toks[i].has_digit)
			e->digits |= (uint64_t)1 << i;
	e->y = y;
	e->holdout = holdout;
	for (i = 0; i < n; i++) {
		row = dict_add(&ts->dict, r->keys[i]);
		fx_push(ts, row);
		if (i + 1 == nwb) {	/* the unk slots follow the bigrams */
			fx_push(ts, 0);
			fx_push(ts, 0);
		}
		/* df: distinct in-scope examples using each word */
		if (i < nwords && y != intent_oos_id() &&
		    ts->dict.stamp[row] != idx) {
			ts->dict.stamp[row] = idx;
			ts->dict.df[row]++;
		}
	}
	ts->seen[y]++;
}

/*
 * Register variants, made at training time: customers type in lower case
 * without punctuation (which folding already erases), misspell, open with
 * a greeting, wrap the ask in courtesy or put a sentence of background
 * first.  The data sets are mostly clean single questions, so without
 * these a greeting or a wrapper is read as a sign of something else.
 * Out-of-scope examples get the same variants: a wrapper must not become
 * a sign of the store.  Each choice comes from a hash of the text, so the
 * variants, like the rest of training, are the same on every run.
 */
static const char *const aug_greet[] = {
	"hi ", "hello, ", "hey ", "good morning. ", "hi there, ", "hey, ",
	"good evening, ", "hello! ",
};
static const char *const aug_wrap[] = {
	"could you tell me ", "can you help me? ", "i was wondering ",
	"please, ", "quick question: ", "would you mind checking ",
	"i'd like to know ", "excuse me, ", "hello, i have a question. ",
	"sorry to bother you but ",
};
static const char *const aug_tail[] = {
	" please", " thanks", " thank you", " pls", " asap", "??",
	" thx",
};
static const char *const aug_background[] = {
	"i bought something here last month. ",
	"i've been a customer for a few years. ",
	"so i was looking at your site yesterday. ",
	"my friend told me about you. ",
	"i need some help today. ",
	"this is my second message about this. ",
	"i'm not very good with computers. ",
	"english is not my first language. ",
};
#define AUG_N(a)	(sizeof (a) / sizeof (a)[0])

/* A seeded slip in one word of four letters or more. */
static void
aug_typo(struct sbuf *out, const char *text, size_t len, uint64_t h)
{
	size_t	 i, a, b, nw = 0, pick, at;
	char	 c;

	for (i = 0; i < len; i = b) {
		for (a = i; a < len && !isalpha((unsigned char)text[a]); a++)
			;
		for (b = a; b < len && isalpha((unsigned char)text[b]); b++)
			;
		nw += b - a >= 4;
		if (b == a)
			break;
	}
	sbuf_add(out, text, len);
	if (nw == 0)
		return;
	pick = (size_t)(h % nw);
	for (i = 0; i < len; i = b) {
		for (a = i; a < len && !isalpha((unsigned char)text[a]); a++)
			;
		for (b = a; b < len && isalpha((unsigned char)text[b]); b++)
			;
		if (b - a < 4)
			continue;
		if (pick-- > 0)
			continue;
		at = a + 1 + (size_t)((h >> 8) % (b - a - 2));
		switch ((h >> 16) % 3) {
		case 0:		/* a letter dropped */
			memmove(out->buf + at, out->buf + at + 1, len - at);
			sbuf_setlen(out, len - 1);
			break;
		case 1:		/* two letters swapped */
			c = out->buf[at];
			out->buf[at] = out->buf[at + 1];
			out->buf[at + 1] = c;
			break;
		default:	/* a letter doubled */
			sbuf_addc(out, ' ');
			memmove(out->buf + at + 1, out->buf + at, len - at);
			break;
		}
		return;
	}
}

/* The variant of one example in v, if its hash gives it one: 1, else 0. */
static int
make_variant(const char *text, size_t len, struct sbuf *v)
{
	uint64_t	 h = mix64(fnv(FNV_INIT ^ 0xa5a5, text, len));
	size_t		 i;

	if (h % 100 >= AUG_SHARE)
		return 0;
	h >>= 8;
	sbuf_reset(v);
	switch (h % 5) {
	case 0:
		sbuf_adds(v, aug_greet[(h >> 4) % AUG_N(aug_greet)]);
		sbuf_add(v, text, len);
		break;
	case 1:
		sbuf_adds(v, aug_wrap[(h >> 4) % AUG_N(aug_wrap)]);
		sbuf_add(v, text, len);
		break;
	case 2:
		sbuf_adds(v, aug_background[(h >> 4) %
		    AUG_N(aug_background)]);
		sbuf_add(v, text, len);
		break;
	case 3:
		sbuf_add(v, text, len);
		sbuf_adds(v, aug_tail[(h >> 4) % AUG_N(aug_tail)]);
		break;
	default:
		aug_typo(v, text, len, h >> 4);
		break;
	}
	/* lower case, as chat is typed (folding ignores it, chars do not) */
	for (i = 0; i < v->len; i++)
		v->buf[i] = (char)tolower((unsigned char)v->buf[i]);
	return 1;
}

/* Add the variant of one example, if its hash gives it one. */
static void
trainset_augment(struct trainset *ts, const char *text, size_t len, int y,
    int holdout, struct intent_result *r, struct sbuf *v)
{
	if (make_variant(text, len, v))
		trainset_add(ts, v->buf, v->len, y, holdout, r);
}

/*
 * Fill every example's unk slots.  A word counts as unknown when no other
 * in-scope example uses it, which is how a new utterance will see it.
 */
static void
trainset_unk(struct trainset *ts, struct intent_result *r)
{
	size_t		 i, j, n, nunk, nalpha;
	struct example	*e;
	uint32_t	 self, row;

	for (i = 0; i < ts->nex; i++) {
		e = &ts->ex[i];
		self = e->y != intent_oos_id();
		nunk = nalpha = 0;
		for (j = 0; j < e->nwords; j++) {
			if (j < 64 && (e->digits >> j & 1))
				continue;
			nalpha++;
			row = ts->fx[e->off + j];
			if (ts->dict.df[row] <= self)
				nunk++;
		}
		n = 0;
		unk_features(r, &n, nunk, nalpha);
		ts->fx[e->off + e->cstart - 2] = dict_add(&ts->dict,
		    r->keys[0]);
		ts->fx[e->off + e->cstart - 1] = dict_add(&ts->dict,
		    r->keys[1]);
	}
}

static uint64_t
rng_next(uint64_t *s)
{
	uint64_t	 x = *s;

	x ^= x >> 12;
	x ^= x << 25;
	x ^= x >> 27;
	*s = x;
	return x * 0x2545f4914f6cdd1dULL;
}

static void
example_logits(const struct intent_model *m, const struct trainset *ts,
    const struct example *e, float *z)
{
	size_t		 i;
	int		 k, K = m->nclass;
	float		 v, vc, x;
	const float	*w;

	feature_values(e->n, &v, &vc);
	memcpy(z, m->bias, (size_t)K * sizeof *z);
	for (i = 0; i < e->n; i++) {
		w = m->w + (size_t)ts->fx[e->off + i] * (size_t)K;
		x = i < e->cstart ? v : vc;
		for (k = 0; k < K; k++)
			z[k] += x * w[k];
	}
}

/*
 * Multinomial logistic regression by SGD with L2 decay, the weights kept
 * as scale * V so that the decay costs nothing per step.  Skips the
 * holdout slice when skip_holdout.
 *
 * The model is the average of AVG_SNAPS snapshots in each of the last
 * AVG_EPOCHS epochs, not the last step's weights: at the learning rate
 * that training ends with, the last few hundred examples moved the
 * out-of-scope boundary enough that removing two training lines (which
 * reshuffles the order) changed dev accuracy by three points.  The
 * average keeps what every ordering agrees on.
 */
static void
sgd(struct intent_model *m, const struct trainset *ts, int skip_holdout)
{
	size_t		 i, j, nidx = 0, t, K = (size_t)m->nclass;
	size_t		*idx;
	uint64_t	 rng = SEED;
	double		 scale = 1, lr;
	float		 z[NINTENTS], g[NINTENTS], v, vc, x, f;
	float		*V = m->w, *w, cw[NINTENTS], *avg, *avgb;
	size_t		 nw = (size_t)m->nfeat * (size_t)m->nclass, nsnap = 0;
	int		 epoch, k;
	const struct example *e;
	size_t		 cnt[NINTENTS] = { 0 }, ncls = 0;

	idx = xmalloc(ts->nex * sizeof *idx);
	for (i = 0; i < ts->nex; i++)
		if (!skip_holdout || !ts->ex[i].holdout)
			idx[nidx++] = i;
	/*
	 * Class weights: the store's own intents have a fifth of Bitext's
	 * examples; weighting by (mean / count)^CW_POWER keeps them from
	 * being drowned without copying examples.
	 */
	for (i = 0; i < nidx; i++)
		cnt[ts->ex[idx[i]].y]++;
	for (k = 0; k < (int)K; k++)
		ncls += cnt[k] > 0;
	for (k = 0; k < (int)K; k++)
		cw[k] = cnt[k] == 0 ? 0 : (float)pow((double)nidx /
		    (double)ncls / (double)cnt[k], CW_POWER);
	memset(V, 0, (size_t)m->nfeat * K * sizeof *V);
	memset(m->bias, 0, K * sizeof *m->bias);
	avg = xcalloc(nw, sizeof *avg);
	avgb = xcalloc(K, sizeof *avgb);
	for (epoch = 0; epoch < EPOCHS; epoch++) {
		lr = LR0 / (1 + epoch * LR_DECAY);
		for (i = nidx; i > 1; i--) {
			j = rng_next(&rng) % i;
			t = idx[i - 1];
			idx[i - 1] = idx[j];
			idx[j] = t;
		}
		for (i = 0; i < nidx; i++) {
			e = &ts->ex[idx[i]];
			feature_values(e->n, &v, &vc);
			memcpy(z, m->bias, K * sizeof *z);
			for (j = 0; j < e->n; j++) {
				w = V + (size_t)ts->fx[e->off + j] * K;
				x = (float)((j < e->cstart ? v : vc) * scale);
				for (k = 0; k < (int)K; k++)
					z[k] += x * w[k];
			}
			softmax(z, (int)K, 1.0, g);
			g[e->y] -= 1;
			for (k = 0; k < (int)K; k++)
				g[k] *= cw[e->y];
			scale *= 1 - lr * L2;
			if (scale < 1e-3) {
				for (j = 0; j < (size_t)m->nfeat * K; j++)
					V[j] *= (float)scale;
				scale = 1;
			}
			for (k = 0; k < (int)K; k++)
				m->bias[k] -= (float)(lr * g[k]);
			for (j = 0; j < e->n; j++) {
				w = V + (size_t)ts->fx[e->off + j] * K;
				x = (float)((j < e->cstart ? v : vc) * lr /
				    scale);
				for (k = 0; k < (int)K; k++) {
					f = g[k];
					if (f > 1e-5f || f < -1e-5f)
						w[k] -= x * f;
				}
			}
			if (epoch >= EPOCHS - AVG_EPOCHS &&
			    (i + 1) % (nidx / AVG_SNAPS + 1) == 0) {
				for (j = 0; j < nw; j++)
					avg[j] += (float)(V[j] * scale);
				for (k = 0; k < (int)K; k++)
					avgb[k] += m->bias[k];
				nsnap++;
			}
		}
	}
	for (j = 0; j < nw; j++)
		V[j] = nsnap > 0 ? avg[j] / (float)nsnap : (float)(V[j] * scale);
	for (k = 0; nsnap > 0 && k < (int)K; k++)
		m->bias[k] = avgb[k] / (float)nsnap;
	free(avg);
	free(avgb);
	free(idx);
}

/* Mean negative log-likelihood of the holdout slice at a temperature. */
static double
holdout_nll(const struct intent_model *m, const struct trainset *ts,
    const float *Z, double temp)
{
	size_t		 i, nh = 0;
	double		 nll = 0;
	float		 p[NINTENTS];
	const float	*z = Z;

	for (i = 0; i < ts->nex; i++) {
		if (!ts->ex[i].holdout)
			continue;
		softmax(z, m->nclass, temp, p);
		nll -= log((double)p[ts->ex[i].y] + 1e-12);
		z += m->nclass;
		nh++;
	}
	return nh == 0 ? 0 : nll / (double)nh;
}

/*
 * Fit the temperature (golden section on log T) and the threshold on the
 * holdout slice of a model trained without it.  The threshold is the
 * highest that costs the in-scope holdout at most 1% of its correct
 * answers: in-scope accuracy comes first, the out_of_scope class and the
 * unknown-word features do most of the rejecting.  Below the threshold
 * the verdict is "unsure", which the policy answers from the knowledge
 * base or with a clarifying question, never with a refusal; the
 * averaged weights give softer scores, and 0.3% put the threshold at
 * 0.32, where a message read as a recommendation at 0.36 got a list
 * built on a budget it never stated.
 */
static void
calibrate(struct intent_model *m, const struct trainset *ts,
    struct intent_train_stats *st)
{
	size_t		 i, nh = 0, nin = 0, correct = 0, c, lost;
	int		 K = m->nclass, k, top, oos = intent_oos_id();
	float		*Z, *z, p[NINTENTS];
	double		 a = log(0.05), b = log(20.0), x1, x2, f1, f2, t;
	const double	 gr = 0.6180339887498949;
	double		*p1;
	int		*ok;

	for (i = 0; i < ts->nex; i++)
		nh += ts->ex[i].holdout;
	if (nh == 0) {
		m->temperature = 1;
		m->threshold = 0.5;
		return;
	}
	Z = xmalloc(nh * (size_t)K * sizeof *Z);
	p1 = xmalloc(nh * sizeof *p1);
	ok = xmalloc(nh * sizeof *ok);
	for (i = 0, z = Z; i < ts->nex; i++)
		if (ts->ex[i].holdout) {
			example_logits(m, ts, &ts->ex[i], z);
			z += K;
		}
	x1 = b - gr * (b - a);
	x2 = a + gr * (b - a);
	f1 = holdout_nll(m, ts, Z, exp(x1));
	f2 = holdout_nll(m, ts, Z, exp(x2));
	while (b - a > 1e-3) {
		if (f1 < f2) {
			b = x2;
			x2 = x1;
			f2 = f1;
			x1 = b - gr * (b - a);
			f1 = holdout_nll(m, ts, Z, exp(x1));
		} else {
			a = x1;
			x1 = x2;
			f1 = f2;
			x2 = a + gr * (b - a);
			f2 = holdout_nll(m, ts, Z, exp(x2));
		}
	}
	m->temperature = exp((a + b) / 2);

	for (i = 0, c = 0, z = Z; i < ts->nex; i++) {
		if (!ts->ex[i].holdout)
			continue;
		softmax(z, K, m->temperature, p);
		top = 0;
		for (k = 1; k < K; k++)
			if (p[k] > p[top])
				top = k;
		p1[c] = p[top];
		ok[c] = top == ts->ex[i].y;
		if (ts->ex[i].y != oos) {
			nin++;
			correct += ok[c] && top != oos;
		}
		c++;
		z += K;
	}
	st->holdout_accuracy = (double)correct / (double)(nin ? nin : 1);
	m->threshold = 0;
	for (t = 0.05; t < 0.95; t += 0.01) {
		lost = 0;
		for (c = 0, i = 0; i < ts->nex; i++) {
			if (!ts->ex[i].holdout)
				continue;
			if (ts->ex[i].y != oos && ok[c] && p1[c] < t)
				lost++;
			c++;
		}
		if ((double)lost > 0.01 * (double)nin)
			break;
		m->threshold = t;
	}
	free(Z);
	free(p1);
	free(ok);
}

/*
 * A not_store line into the relevance set, as intent_classify reads a
 * message: its words unknown to the store's examples counted, only the
 * word-level features the dictionary holds kept.
 */
static void
relset_text(const struct trainset *ts, struct intent_relset *rs,
    const char *text, size_t len, struct intent_result *r)
{
	size_t		 n, nwords, nunk = 0, nalpha = 0, i, cstart;
	int64_t		 row;
	float		 v, vc;

	/* as intent_classify reads a message; the char n-grams only count
	 * in n, which scales the rest */
	sbuf_reset(&r->text);
	text_sanitize(text, len, TEXT_MAX_MESSAGE, &r->text, &r->clean);
	n = word_features(r->text.buf, r->text.len, r, &nwords);
	for (i = 0; i < nwords; i++) {
		if (r->toks[i].has_digit)
			continue;
		nalpha++;
		row = dict_find(&ts->dict, r->keys[i]);
		if (row < 0 || ts->dict.df[row] == 0)
			nunk++;
	}
	unk_features(r, &n, nunk, nalpha);
	cstart = n;
	char_features(r, &n, nwords);
	feature_values(n, &v, &vc);
	for (i = 0; i < cstart; i++)
		if ((row = dict_find(&ts->dict, r->keys[i])) >= 0)
			intent_relset_push(rs, (uint32_t)row, v);
	intent_relset_end(rs, 0);
}

/*
 * The relevance model (intent-relevance.c): the word-level features of
 * every training example, about the store unless out_of_scope, then of
 * each not_store line and its variant.
 */
static void
relevance_fit(struct intent_model *m, const struct trainset *ts,
    struct intent_result *r, struct sbuf *variant)
{
	struct intent_relset rs;
	const struct example *e;
	size_t		 i, j;
	float		 v, vc;
	const char	*t;

	memset(&rs, 0, sizeof rs);
	for (i = 0; i < ts->nex; i++) {
		e = &ts->ex[i];
		feature_values(e->n, &v, &vc);
		for (j = 0; j < e->cstart; j++)
			intent_relset_push(&rs, ts->fx[e->off + j], v);
		intent_relset_end(&rs, e->y != intent_oos_id());
	}
	for (i = 0; i < ts->nnotstore; i++) {
		t = ts->notstore[i];
		relset_text(ts, &rs, t, strlen(t), r);
		if (make_variant(t, strlen(t), variant))
			relset_text(ts, &rs, variant->buf, variant->len, r);
	}
	m->rel = xcalloc((size_t)m->nfeat + 1, sizeof *m->rel);
	intent_relevance_train(&rs, m->nfeat, m->rel, &m->relbias);
	intent_relset_release(&rs);
}

/* One example and its variants into ts. */
static void
example_add(struct trainset *ts, const char *text, int id,
    struct intent_result *r, struct sbuf *variant)
{
	size_t	 len = strlen(text);
	int	 holdout;

	/* a variant calibrates with its original, never apart */
	holdout = mix64(fnv(FNV_INIT, text, len)) % HOLDOUT_MOD == 3;
	trainset_add(ts, text, len, id, holdout, r);
	trainset_augment(ts, text, len, id, holdout, r, variant);
}

/* Read one JSON Lines training file into ts. */
static enum sd_rc
read_file(struct trainset *ts, const char *path, struct intent_result *r,
    struct sd_error *err)
{
	FILE		*fp = NULL;
	struct sbuf	 line = SBUF_INIT;
	unsigned long	 lineno = 0;
	struct sbuf	 variant = SBUF_INIT;
	cJSON		*root = NULL, *text, *intent;
	enum sd_rc	 rc = SD_OK;
	int		 id;

	if ((fp = fopen(path, "r")) == NULL) {
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
		goto out;
	}
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0)
			continue;
		cJSON_Delete(root);
		if ((root = cJSON_ParseWithLength(line.buf, line.len)) ==
		    NULL || !cJSON_IsObject(root)) {
			rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: not a JSON "
			    "object", path, lineno);
			goto out;
		}
		text = cJSON_GetObjectItemCaseSensitive(root, "text");
		intent = cJSON_GetObjectItemCaseSensitive(root, "intent");
		if (!cJSON_IsString(text) || !cJSON_IsString(intent)) {
			rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: \"text\" and "
			    "\"intent\" must be strings", path, lineno);
			goto out;
		}
		if (strcmp(intent->valuestring, NOT_STORE) == 0) {
			if (ts->nnotstore == ts->notstorecap) {
				ts->notstorecap = ts->notstorecap < 1024 ?
				    1024 : ts->notstorecap * 2;
				ts->notstore = xrealloc(ts->notstore,
				    ts->notstorecap * sizeof *ts->notstore);
			}
			ts->notstore[ts->nnotstore++] =
			    xstrdup(text->valuestring);
			continue;
		}
		if ((id = intent_map_name(intent->valuestring)) < 0) {
			rc = sd_fail(err, SD_ERR_INVALID, "%s:%lu: unknown "
			    "intent \"%s\"", path, lineno,
			    intent->valuestring);
			goto out;
		}
		example_add(ts, text->valuestring, id, r, &variant);
	}
	if (ferror(fp))
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
out:
	cJSON_Delete(root);
	sbuf_release(&line);
	sbuf_release(&variant);
	if (fp != NULL)
		fclose(fp);
	return rc;
}

static double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The hash of the data as training would compute it, without training. */
static enum sd_rc
data_hash(const char *const *files, size_t nfiles, uint64_t *hash,
    struct sd_error *err)
{
	FILE		*fp;
	unsigned char	 buf[1 << 16];
	size_t		 i, n, j;
	uint64_t	 h = FNV_INIT + MODEL_VERSION, w;

	/*
	 * Every engine_open hashes the megabyte of shipped data to see
	 * whether the stored model is stale: eight bytes per multiply, not
	 * one (the file boundary is hashed too, so moving bytes between
	 * files changes the hash).
	 */
	for (i = 0; i < nfiles; i++) {
		if ((fp = fopen(files[i], "rb")) == NULL)
			return sd_fail(err, SD_ERR_IO, "%s: %s", files[i],
			    strerror(errno));
		while ((n = fread(buf, 1, sizeof buf, fp)) > 0) {
			for (j = 0; j + 8 <= n; j += 8) {
				memcpy(&w, buf + j, 8);
				h = (h ^ w) * 0x100000001b3ULL;
			}
			h = fnv(h, (const char *)buf + j, n - j);
		}
		if (ferror(fp)) {
			fclose(fp);
			return sd_fail(err, SD_ERR_IO, "%s: read error",
			    files[i]);
		}
		fclose(fp);
		h = mix64(h ^ (uint64_t)i);
	}
	*hash = h;
	return SD_OK;
}

struct intent_model *
intent_train_model_with(const char *const *files, size_t nfiles,
    const struct intent_example *extra, size_t nextra, size_t nstored,
    struct intent_train_stats *stp, unsigned char **blob, size_t *bloblen,
    struct sd_error *err)
{
	struct sbuf	 variant = SBUF_INIT;
	struct trainset	 ts;
	struct intent_result r = INTENT_RESULT_INIT;
	struct intent_model *m = NULL;
	struct intent_train_stats st;
	size_t		 i, correct = 0;
	double		 t0 = now_s();
	float		 z[NINTENTS];
	int		 k, top;

	memset(&ts, 0, sizeof ts);
	memset(&st, 0, sizeof st);
	ts.hash = FNV_INIT + MODEL_VERSION;
	for (i = 0; i < nfiles; i++)
		if (read_file(&ts, files[i], &r, err) != SD_OK)
			goto out;
	for (i = 0; i < nextra; i++) {
		if ((k = intent_map_name(extra[i].intent)) < 0) {
			sd_fail(err, SD_ERR_INVALID, "training example \"%s\": "
			    "unknown intent \"%s\"", extra[i].text,
			    extra[i].intent);
			goto out;
		}
		example_add(&ts, extra[i].text, k, &r, &variant);
	}
	st.stored = nstored;
	st.corrections = nextra - nstored;
	if (ts.nex == 0) {
		sd_fail(err, SD_ERR_INVALID, "intent training: no examples");
		goto out;
	}
	trainset_unk(&ts, &r);

	m = xcalloc(1, sizeof *m);
	m->nclass = NINTENTS;
	m->nfeat = ts.dict.nrow;
	m->margin = MARGIN;
	m->temperature = 1;
	m->keys = xmalloc((size_t)m->nfeat * sizeof *m->keys);
	memcpy(m->keys, ts.dict.keys, (size_t)m->nfeat * sizeof *m->keys);
	m->df = xmalloc((size_t)m->nfeat * sizeof *m->df);
	memcpy(m->df, ts.dict.df, (size_t)m->nfeat * sizeof *m->df);
	m->bias = xcalloc(NINTENTS, sizeof *m->bias);
	m->w = xcalloc((size_t)m->nfeat * NINTENTS, sizeof *m->w);

	/* Calibrate on a model that never saw the holdout, then train all. */
	sgd(m, &ts, 1);
	calibrate(m, &ts, &st);
	sgd(m, &ts, 0);
	model_index(m, m->w);
	relevance_fit(m, &ts, &r, &variant);

	for (i = 0; i < ts.nex; i++) {
		example_logits(m, &ts, &ts.ex[i], z);
		top = 0;
		for (k = 1; k < NINTENTS; k++)
			if (z[k] > z[top])
				top = k;
		correct += top == ts.ex[i].y;
	}
	st.examples = ts.nex;
	for (k = 0; k < NINTENTS; k++)
		st.intents += ts.seen[k] > 0;
	st.features = m->nfeat;
	st.train_accuracy = (double)correct / (double)ts.nex;
	st.temperature = m->temperature;
	st.threshold = m->threshold;
	st.margin = m->margin;
	/* the same hash intent_model_load checks staleness with */
	if (data_hash(files, nfiles, &ts.hash, err) != SD_OK) {
		intent_model_free(m);
		m = NULL;
		goto out;
	}
	snprintf(st.data_hash, sizeof st.data_hash, "%016llx",
	    (unsigned long long)ts.hash);
	if (blob != NULL) {
		*blob = model_blob(m, bloblen);
		st.model_bytes = *bloblen;
	}
	st.seconds = now_s() - t0;
out:
	if (stp != NULL)
		*stp = st;
	sbuf_release(&variant);
	trainset_release(&ts);
	intent_result_release(&r);
	return m;
}

struct intent_model *
intent_train_model(const char *const *files, size_t nfiles,
    struct intent_train_stats *stp, unsigned char **blob, size_t *bloblen,
    struct sd_error *err)
{
	return intent_train_model_with(files, nfiles, NULL, 0, 0, stp, blob,
	    bloblen, err);
}

/* The store ------------------------------------------------------------ */

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The files of dir matching "*.jsonl", sorted by name (glob sorts by
 * the locale; the model must not depend on it), appended to *files.
 */
static int
glob_jsonl(const char *dir, char ***files, size_t *nfiles)
{
	glob_t		 g;
	char		*pat;
	size_t		 i;
	int		 gr;

	pat = paths_join(dir, "*.jsonl");
	gr = glob(pat, 0, NULL, &g);
	free(pat);
	if (gr != 0) {
		if (gr != GLOB_NOMATCH)
			globfree(&g);
		return gr;
	}
	*files = xrealloc(*files, (*nfiles + g.gl_pathc) * sizeof **files);
	for (i = 0; i < g.gl_pathc; i++)
		(*files)[*nfiles + i] = xstrdup(g.gl_pathv[i]);
	qsort(*files + *nfiles, g.gl_pathc, sizeof **files, cmp_str);
	*nfiles += g.gl_pathc;
	globfree(&g);
	return 0;
}

/*
 * The *.jsonl files of share/nlu, then those of share/nlu/scope (the
 * relevance model's not_store lines, optional).
 */
enum sd_rc
intent_default_files(const char *share_dir, char ***files, size_t *nfiles,
    struct sd_error *err)
{
	char		*dir, *sub;

	*files = NULL;
	*nfiles = 0;
	if (share_dir == NULL)
		return sd_fail(err, SD_ERR_IO, "no data directory for the "
		    "intent training data");
	dir = paths_join(share_dir, "nlu");
	if (glob_jsonl(dir, files, nfiles) != 0) {
		sd_fail(err, SD_ERR_IO, "%s: no intent training data "
		    "(*.jsonl)", dir);
		free(dir);
		return SD_ERR_IO;
	}
	sub = paths_join(dir, "scope");
	(void)glob_jsonl(sub, files, nfiles);
	free(sub);
	free(dir);
	return SD_OK;
}

static void
free_files(char **files, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(files[i]);
	free(files);
}

static enum sd_rc
store_model(struct store *st, const unsigned char *blob, size_t len,
    const struct intent_train_stats *s, int from_share,
    struct sd_error *err)
{
	static const char sql[] =
	    "INSERT OR REPLACE INTO models (name, data, info, created_at) "
	    "VALUES ('intent', ?1, ?2, ?3)";
	sqlite3_stmt	*stmt;
	struct sbuf	 info = SBUF_INIT;
	enum sd_rc	 rc;

	sbuf_addf(&info, "{\"source\":\"%s\",\"data_hash\":\"%s\","
	    "\"examples\":%zu,\"intents\":%zu,\"features\":%zu,"
	    "\"train_accuracy\":%.6f,\"holdout_accuracy\":%.6f,"
	    "\"temperature\":%.6f,\"threshold\":%.4f,\"margin\":%.4f,"
	    "\"seconds\":%.3f,\"version\":%d,\"corrections\":%zu}",
	    from_share ? "share" : "files", s->data_hash, s->examples,
	    s->intents, s->features, s->train_accuracy, s->holdout_accuracy,
	    s->temperature, s->threshold, s->margin, s->seconds,
	    MODEL_VERSION, s->corrections);
	if ((rc = store_begin(st, err)) != SD_OK)
		goto out;
	if ((stmt = store_prepare(st, sql, err)) == NULL) {
		rc = err != NULL ? err->rc : SD_ERR_DB;
		goto out;
	}
	sqlite3_bind_blob64(stmt, 1, blob, len, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, info.buf, (int)info.len, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, store_now(), -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		rc = store_fail(st, err, "store intent model");
		goto out;
	}
	rc = store_commit(st, err);
out:
	if (rc != SD_OK)
		store_rollback(st);
	sbuf_release(&info);
	return rc;
}

/* The reviewed examples, copied out of the statement that read them. */
struct examples {
	struct intent_example *v;
	size_t		 n;
};

static void
examples_add(void *arg, const char *text, const char *intent)
{
	struct examples	*ex = arg;

	ex->v = xrealloc(ex->v, (ex->n + 1) * sizeof *ex->v);
	ex->v[ex->n].text = xstrdup(text);
	ex->v[ex->n].intent = xstrdup(intent);
	ex->n++;
}

static void
examples_free(struct examples *ex)
{
	size_t	 i;

	for (i = 0; i < ex->n; i++) {
		free((char *)ex->v[i].text);
		free((char *)ex->v[i].intent);
	}
	free(ex->v);
}

enum sd_rc
intent_train(struct store *st, const char *share_dir,
    const char *const *files, size_t nfiles, struct intent_train_stats *s,
    struct sd_error *err)
{
	char		**def = NULL;
	size_t		 ndef = 0, len = 0, ncx = 0, i;
	struct corpus_example *cx = NULL;
	unsigned char	*blob = NULL;
	struct intent_model *m = NULL;
	struct intent_train_stats tmp;
	struct examples	 ex = { NULL, 0 };
	enum sd_rc	 rc;
	int		 from_share = files == NULL;

	if (s == NULL)
		s = &tmp;
	if (from_share) {
		if ((rc = intent_default_files(share_dir, &def, &ndef, err)) !=
		    SD_OK)
			return rc;
		files = (const char *const *)def;
		nfiles = ndef;
	}
	/* The shop's labelled conversations (shopdesk ingest), then the
	 * reviewed turns' intents. */
	if ((rc = corpus_examples(st, &cx, &ncx, err)) != SD_OK)
		goto out;
	for (i = 0; i < ncx; i++)
		examples_add(&ex, cx[i].text, cx[i].intent);
	if (review_examples(st, examples_add, &ex, err) < 0) {
		rc = err != NULL ? err->rc : SD_ERR_DB;
		goto out;
	}
	if ((m = intent_train_model_with(files, nfiles, ex.v, ex.n, ncx, s,
	    &blob, &len, err)) == NULL) {
		rc = err != NULL ? err->rc : SD_ERR_INVALID;
		goto out;
	}
	rc = store_model(st, blob, len, s, from_share, err);
out:
	examples_free(&ex);
	intent_model_free(m);
	free(blob);
	free_files(def, ndef);
	corpus_examples_free(cx, ncx);
	return rc;
}

struct intent_model *
intent_model_load(struct store *st, const char *share_dir,
    struct sd_error *err)
{
	static const char sql[] =
	    "SELECT data, json_extract(info, '$.source'), "
	    "json_extract(info, '$.data_hash') FROM models "
	    "WHERE name = 'intent'";
	sqlite3_stmt	*stmt;
	struct intent_model *m = NULL;
	char		**files = NULL, hex[17];
	size_t		 nfiles = 0;
	const char	*src, *hash;
	uint64_t	 h = 0;
	int		 rc, stale = 1;

	if ((stmt = store_prepare(st, sql, err)) == NULL)
		return NULL;
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		src = (const char *)sqlite3_column_text(stmt, 1);
		hash = (const char *)sqlite3_column_text(stmt, 2);
		stale = 0;
		/* Retrain when the shipped data changed since (an upgrade). */
		if (src != NULL && strcmp(src, "share") == 0 &&
		    intent_default_files(share_dir, &files, &nfiles,
		    NULL) == SD_OK &&
		    data_hash((const char *const *)files, nfiles, &h,
		    NULL) == SD_OK) {
			snprintf(hex, sizeof hex, "%016llx",
			    (unsigned long long)h);
			stale = hash == NULL || strcmp(hash, hex) != 0;
		}
		if (!stale)
			m = intent_model_from_blob(sqlite3_column_blob(stmt, 0),
			    (size_t)sqlite3_column_bytes(stmt, 0), NULL);
		/* an unreadable blob (older version) is retrained too */
		stale = m == NULL;
	} else if (rc != SQLITE_DONE) {
		store_fail(st, err, "read intent model");
		goto out;
	}
	sqlite3_reset(stmt);
	if (!stale)
		goto out;
	if (intent_train(st, share_dir, NULL, 0, NULL, err) != SD_OK)
		goto out;
	if ((stmt = store_prepare(st, sql, err)) == NULL)
		goto out;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		store_fail(st, err, "read intent model");
		goto out;
	}
	m = intent_model_from_blob(sqlite3_column_blob(stmt, 0),
	    (size_t)sqlite3_column_bytes(stmt, 0), err);
	sqlite3_reset(stmt);
out:
	free_files(files, nfiles);
	return m;
}

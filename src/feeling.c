/*
 * feeling.c owns the feelings classifier: the feeling names, the surface
 * cues, training (a softmax over none/frustrated/angry and a separate
 * logistic urgency output, sharing one feature dictionary, by SGD) and
 * classification.
 *
 * Words are the intent classifier's features (intent_features: folded
 * word unigrams and bigrams, character n-grams), so both models read a
 * message the same way and the hashing lives in one place.  Folding loses
 * what tone is often carried by, so the surface cues are read from the
 * sanitized text: words in capitals, "!" and "?" runs, "?!", stretched
 * letters ("sooo"), emoji, and the message's length.  A list of angry
 * words alone would call "this is a killer deal" angry; a model trained
 * on such hard negatives weighs "killer" by its company.
 *
 * The model is trained when opened: a few hundred messages take a few
 * milliseconds, which is cheaper than keeping a stored copy in step with
 * the files.  Training is deterministic: files in name order, a
 * fixed-seed shuffle, arithmetic in a fixed order.
 */
#include "config.h"

#include <errno.h>
#include <glob.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "shopdesk.h"
#include "feeling.h"
#include "intent.h"
#include "paths.h"
#include "sbuf.h"
#include "text.h"

#define NOUT		(FEELING_N + 1)	/* outputs: feelings, then urgent */
/*
 * Every engine trains its own model when it opens (a server, one per
 * thread): 20 epochs at a large step score as well on the dev set as 60
 * at half the step, in a third of the time (about 10 ms; 0.2 s under
 * ASan).
 */
#define EPOCHS		20
#define RATE		4.0f		/* initial SGD step */
#define L2		1e-5f		/* weight decay per step */
/*
 * A feeling other than none needs this much probability, else none: a
 * polite question should not be taken for a complaint on thin evidence
 * (chosen on tests/data/feelings/dev.jsonl).
 */
#define MIN_FEELING	0.40f
#define MIN_URGENT	0.50f
#define URGENT_WEIGHT	3.0f

/*
 * Surface cue keys: a fixed tag in the top bits, the cue and its bucket
 * below.  Intent feature keys are mixed 64-bit hashes, so a clash with
 * these is as likely as any two hashes meeting.
 */
#define CUE_TAG		0xfee1000000000000ULL
#define EMOJI_TAG	0xfee2000000000000ULL
enum {
	CUE_BIAS = 1,
	CUE_CAPS,		/* words in capitals: 0, 1, 2, 3+ */
	CUE_SHOUT,		/* most words in capitals */
	CUE_BANG,		/* "!": 0, 1, 2+ */
	CUE_BANGS,		/* "!!" */
	CUE_QQ,			/* "??" */
	CUE_QBANG,		/* "?!" or "!?" */
	CUE_STRETCH,		/* a letter three times: "sooo" */
	CUE_LEN,		/* words: 1-3, 4-8, 9-20, more */
};

struct feeling_model {
	uint64_t	*keys;		/* dictionary slots; 0 free */
	uint32_t	*rows;		/* row of each slot */
	size_t		 mask;
	size_t		 nrows;
	float		*w;		/* nrows x NOUT weights */
	size_t		 examples;	/* training messages */
};

static const char *const names[FEELING_N] = {
	"none", "frustrated", "angry",
};

const char *
feeling_name(enum feeling f)
{
	return (unsigned)f < FEELING_N ? names[f] : "none";
}

int
feeling_parse(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < FEELING_N; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static void
key_push(struct intent_result *fx, size_t *n, uint64_t k)
{
	if (*n == fx->keycap) {
		fx->keycap = fx->keycap < 256 ? 256 : fx->keycap * 2;
		fx->keys = xrealloc(fx->keys, fx->keycap * sizeof *fx->keys);
	}
	fx->keys[(*n)++] = k;
}

static uint64_t
cue(unsigned kind, unsigned bucket)
{
	return CUE_TAG | (uint64_t)kind << 16 | bucket;
}

/* The surface cues of the sanitized text s (after intent_features). */
static size_t
cue_features(const char *s, size_t len, struct intent_result *fx, size_t n)
{
	size_t	 i, words = 0, caps = 0, bang = 0, run = 1, wl = 0, wu = 0;
	int	 bangs = 0, qq = 0, qbang = 0, stretch = 0;
	unsigned char c, p = 0;

	for (i = 0; i <= len; i++) {
		c = i < len ? (unsigned char)s[i] : ' ';
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
			wl++;
			wu += c >= 'A' && c <= 'Z';
		} else if (wl > 0) {
			words++;
			caps += wl >= 2 && wu == wl;
			wl = wu = 0;
		}
		run = c == p ? run + 1 : 1;
		stretch |= run >= 3 && c >= 'a' && c <= 'z';
		bang += c == '!';
		bangs |= c == '!' && p == '!';
		qq |= c == '?' && p == '?';
		qbang |= (c == '!' && p == '?') || (c == '?' && p == '!');
		/* A 4-byte UTF-8 sequence is an emoji or the like. */
		if (c >= 0xf0 && c <= 0xf4 && i + 3 < len)
			key_push(fx, &n, EMOJI_TAG | (uint64_t)c << 24 |
			    (uint64_t)(unsigned char)s[i + 1] << 16 |
			    (uint64_t)(unsigned char)s[i + 2] << 8 |
			    (unsigned char)s[i + 3]);
		p = c;
	}
	key_push(fx, &n, cue(CUE_BIAS, 0));
	key_push(fx, &n, cue(CUE_CAPS, caps > 3 ? 3 : (unsigned)caps));
	if (caps >= 2 && caps * 2 >= words)
		key_push(fx, &n, cue(CUE_SHOUT, 0));
	key_push(fx, &n, cue(CUE_BANG, bang > 2 ? 2 : (unsigned)bang));
	if (bangs)
		key_push(fx, &n, cue(CUE_BANGS, 0));
	if (qq)
		key_push(fx, &n, cue(CUE_QQ, 0));
	if (qbang)
		key_push(fx, &n, cue(CUE_QBANG, 0));
	if (stretch)
		key_push(fx, &n, cue(CUE_STRETCH, 0));
	key_push(fx, &n, cue(CUE_LEN, words <= 3 ? 0 : words <= 8 ? 1 :
	    words <= 20 ? 2 : 3));
	return n;
}

/* All features of a message: the keys in fx->keys, their count. */
static size_t
features(const char *text, size_t len, struct intent_result *fx)
{
	size_t	 n;

	n = intent_features(text, len, fx);
	return cue_features(fx->text.buf, fx->text.len, fx, n);
}

/* Row of key, or -1 when the training never saw it. */
static long
row_of(const struct feeling_model *m, uint64_t key)
{
	size_t	 i;

	for (i = key & m->mask; m->keys[i] != 0; i = (i + 1) & m->mask)
		if (m->keys[i] == key)
			return (long)m->rows[i];
	return -1;
}

static void
dict_grow(struct feeling_model *m)
{
	uint64_t *ok = m->keys;
	uint32_t *orow = m->rows;
	size_t	 on = m->mask + 1, i, j;

	m->mask = on * 2 - 1;
	m->keys = xcalloc(m->mask + 1, sizeof *m->keys);
	m->rows = xcalloc(m->mask + 1, sizeof *m->rows);
	for (i = 0; i < on; i++) {
		if (ok[i] == 0)
			continue;
		for (j = ok[i] & m->mask; m->keys[j] != 0;
		    j = (j + 1) & m->mask)
			;
		m->keys[j] = ok[i];
		m->rows[j] = orow[i];
	}
	free(ok);
	free(orow);
}

/* Row of key, added when new. */
static uint32_t
row_add(struct feeling_model *m, uint64_t key)
{
	size_t	 i;

	if ((m->nrows + 1) * 2 > m->mask + 1)
		dict_grow(m);
	for (i = key & m->mask; m->keys[i] != 0; i = (i + 1) & m->mask)
		if (m->keys[i] == key)
			return m->rows[i];
	m->keys[i] = key;
	m->rows[i] = (uint32_t)m->nrows;
	return (uint32_t)m->nrows++;
}

/* Outputs for feature rows r[0..n) (row -1 skipped): z[NOUT] logits. */
static void
logits(const struct feeling_model *m, const long *r, size_t n, float *z)
{
	float	 v = n > 0 ? 1.0f / sqrtf((float)n) : 0;
	size_t	 i;
	int	 k;

	for (k = 0; k < NOUT; k++)
		z[k] = 0;
	for (i = 0; i < n; i++) {
		if (r[i] < 0)
			continue;
		for (k = 0; k < NOUT; k++)
			z[k] += v * m->w[(size_t)r[i] * NOUT + (size_t)k];
	}
}

/* Softmax over the feelings, logistic for urgency, in place. */
static void
probabilities(float *z)
{
	float	 mx = z[0], sum = 0;
	int	 k;

	for (k = 1; k < FEELING_N; k++)
		if (z[k] > mx)
			mx = z[k];
	for (k = 0; k < FEELING_N; k++)
		sum += z[k] = expf(z[k] - mx);
	for (k = 0; k < FEELING_N; k++)
		z[k] /= sum;
	z[FEELING_N] = 1.0f / (1.0f + expf(-z[FEELING_N]));
}

void
feeling_classify(const struct feeling_model *m, const char *text, size_t len,
    struct feeling_result *res)
{
	long	 rbuf[512], *r = rbuf;
	float	 z[NOUT];
	size_t	 n, i;
	int	 k, best = FEELING_NONE;

	n = features(text, len, &res->fx);
	if (n > sizeof rbuf / sizeof rbuf[0])
		r = xmalloc(n * sizeof *r);
	for (i = 0; i < n; i++)
		r[i] = row_of(m, res->fx.keys[i]);
	logits(m, r, n, z);
	probabilities(z);
	for (k = 0; k < FEELING_N; k++) {
		res->score[k] = z[k];
		if (z[k] > z[best])
			best = k;
	}
	res->feeling = best != FEELING_NONE && z[best] >= MIN_FEELING ?
	    (enum feeling)best : FEELING_NONE;
	res->urgency = z[FEELING_N];
	res->urgent = z[FEELING_N] >= MIN_URGENT;
	if (r != rbuf)
		free(r);
}

void
feeling_result_release(struct feeling_result *res)
{
	intent_result_release(&res->fx);
}

/* Training examples: feature rows of each message, flattened. */
struct examples {
	uint32_t	*rows;		/* all rows, example after example */
	size_t		 nrows, caprows;
	size_t		*start;		/* example i: from rows[start[i]] */
	unsigned char	*label;		/* feeling */
	unsigned char	*urgent;
	size_t		 n, cap;
};

static void
examples_add(struct examples *ex, struct feeling_model *m,
    const struct intent_result *fx, size_t nkeys, int label, int urgent)
{
	size_t	 i;

	if (ex->n + 1 >= ex->cap) {
		ex->cap = ex->cap < 256 ? 256 : ex->cap * 2;
		ex->start = xrealloc(ex->start, (ex->cap + 1) *
		    sizeof *ex->start);
		ex->label = xrealloc(ex->label, ex->cap);
		ex->urgent = xrealloc(ex->urgent, ex->cap);
	}
	if (ex->nrows + nkeys > ex->caprows) {
		ex->caprows = (ex->nrows + nkeys) * 2;
		ex->rows = xrealloc(ex->rows, ex->caprows * sizeof *ex->rows);
	}
	ex->start[ex->n] = ex->nrows;
	for (i = 0; i < nkeys; i++)
		ex->rows[ex->nrows++] = row_add(m, fx->keys[i]);
	ex->label[ex->n] = (unsigned char)label;
	ex->urgent[ex->n] = (unsigned char)urgent;
	ex->start[++ex->n] = ex->nrows;
}

static void
examples_release(struct examples *ex)
{
	free(ex->rows);
	free(ex->start);
	free(ex->label);
	free(ex->urgent);
}

/* One line {"text", "feeling", "urgent"}; 0, or -1 with *msg set. */
static int
read_example(const char *line, size_t len, struct examples *ex,
    struct feeling_model *m, struct intent_result *fx, const char **msg)
{
	cJSON	*o;
	const cJSON *t, *f, *u;
	int	 label, rc = -1;

	if ((o = cJSON_ParseWithLength(line, len)) == NULL) {
		*msg = "not JSON";
		return -1;
	}
	t = cJSON_GetObjectItemCaseSensitive(o, "text");
	f = cJSON_GetObjectItemCaseSensitive(o, "feeling");
	u = cJSON_GetObjectItemCaseSensitive(o, "urgent");
	if (!cJSON_IsString(t))
		*msg = "\"text\" must be a string";
	else if (!cJSON_IsString(f) || (label = feeling_parse(
	    f->valuestring)) < 0)
		*msg = "\"feeling\" must be \"none\", \"frustrated\" or "
		    "\"angry\"";
	else if (u != NULL && !cJSON_IsBool(u))
		*msg = "\"urgent\" must be true or false";
	else {
		examples_add(ex, m, fx, features(t->valuestring,
		    strlen(t->valuestring), fx), label, cJSON_IsTrue(u));
		rc = 0;
	}
	cJSON_Delete(o);
	return rc;
}

static enum sd_rc
read_file(const char *path, struct examples *ex, struct feeling_model *m,
    struct intent_result *fx, struct sd_error *err)
{
	FILE		*fp;
	struct sbuf	 line = SBUF_INIT;
	unsigned long	 lineno = 0;
	const char	*msg = NULL;
	enum sd_rc	 rc = SD_OK;

	if ((fp = fopen(path, "r")) == NULL)
		return sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
	while (sbuf_getline(&line, fp) == 0) {
		lineno++;
		sbuf_trim(&line);
		if (line.len == 0)
			continue;
		if (read_example(line.buf, line.len, ex, m, fx, &msg) != 0) {
			rc = sd_fail(err, SD_ERR_PARSE, "%s:%lu: %s", path,
			    lineno, msg);
			break;
		}
	}
	if (rc == SD_OK && ferror(fp))
		rc = sd_fail(err, SD_ERR_IO, "%s: %s", path, strerror(errno));
	fclose(fp);
	sbuf_release(&line);
	return rc;
}

static uint64_t
rng_next(uint64_t *s)
{
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* One SGD step on example i: gradients of both losses at step size eta. */
static void
sgd_step(struct feeling_model *m, const struct examples *ex, size_t i,
    float eta, long *r)
{
	size_t	 a = ex->start[i], n = ex->start[i + 1] - a, j;
	float	 z[NOUT], g[NOUT], v = n > 0 ? 1.0f / sqrtf((float)n) : 0;
	float	*w;
	int	 k;

	for (j = 0; j < n; j++)
		r[j] = (long)ex->rows[a + j];
	logits(m, r, n, z);
	probabilities(z);
	for (k = 0; k < FEELING_N; k++)
		g[k] = z[k] - (k == ex->label[i] ? 1.0f : 0.0f);
	/*
	 * Urgent messages are one in ten: weighed up, so that "asap
	 * please" is not drowned by the many messages without a deadline.
	 */
	g[FEELING_N] = ex->urgent[i] ? URGENT_WEIGHT * (z[FEELING_N] - 1.0f) :
	    z[FEELING_N];
	for (j = 0; j < n; j++) {
		w = &m->w[(size_t)r[j] * NOUT];
		for (k = 0; k < NOUT; k++)
			w[k] -= eta * (g[k] * v + L2 * w[k]);
	}
}

static void
train(struct feeling_model *m, const struct examples *ex)
{
	size_t	*order, i, j, t, maxn = 1;
	uint64_t seed = 0x5eed0fee1;
	long	*r;
	int	 e;

	order = xmalloc((ex->n + 1) * sizeof *order);
	for (i = 0; i < ex->n; i++) {
		order[i] = i;
		if (ex->start[i + 1] - ex->start[i] > maxn)
			maxn = ex->start[i + 1] - ex->start[i];
	}
	r = xmalloc(maxn * sizeof *r);
	m->w = xcalloc(m->nrows * NOUT + 1, sizeof *m->w);
	for (e = 0; e < EPOCHS; e++) {
		for (i = ex->n; i > 1; i--) {
			j = (size_t)(rng_next(&seed) % i);
			t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		for (i = 0; i < ex->n; i++)
			sgd_step(m, ex, order[i], RATE / (1.0f + (float)e *
			    0.1f), r);
	}
	free(r);
	free(order);
}

struct feeling_model *
feeling_model_train(const char *const *files, size_t nfiles,
    struct sd_error *err)
{
	struct feeling_model *m = xcalloc(1, sizeof *m);
	struct examples	 ex;
	struct intent_result fx = INTENT_RESULT_INIT;
	size_t		 i;

	memset(&ex, 0, sizeof ex);
	m->mask = 4095;
	m->keys = xcalloc(m->mask + 1, sizeof *m->keys);
	m->rows = xcalloc(m->mask + 1, sizeof *m->rows);
	for (i = 0; i < nfiles; i++)
		if (read_file(files[i], &ex, m, &fx, err) != SD_OK)
			goto fail;
	if (ex.n == 0) {
		sd_fail(err, SD_ERR_INVALID, "feelings: no labelled messages "
		    "to train on");
		goto fail;
	}
	train(m, &ex);
	m->examples = ex.n;
	examples_release(&ex);
	intent_result_release(&fx);
	return m;
fail:
	examples_release(&ex);
	intent_result_release(&fx);
	feeling_model_close(m);
	return NULL;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct feeling_model *
feeling_model_open(const char *share_dir, struct sd_error *err)
{
	struct feeling_model *m = NULL;
	glob_t		 g;
	char		*pat;
	int		 gr;

	if (share_dir == NULL) {
		sd_fail(err, SD_ERR_IO, "no data directory for the feelings "
		    "training data");
		return NULL;
	}
	pat = xasprintf("%s/nlu/feelings/*.jsonl", share_dir);
	if ((gr = glob(pat, 0, NULL, &g)) != 0) {
		sd_fail(err, SD_ERR_IO, "%s: no feelings training data", pat);
		if (gr != GLOB_NOMATCH)
			globfree(&g);
		free(pat);
		return NULL;
	}
	free(pat);
	/* glob sorts by the locale; the model must not depend on it */
	qsort(g.gl_pathv, g.gl_pathc, sizeof *g.gl_pathv, cmp_str);
	m = feeling_model_train((const char *const *)g.gl_pathv, g.gl_pathc,
	    err);
	globfree(&g);
	return m;
}

void
feeling_model_close(struct feeling_model *m)
{
	if (m == NULL)
		return;
	free(m->keys);
	free(m->rows);
	free(m->w);
	free(m);
}

void
feeling_model_stats(const struct feeling_model *m, size_t *examples,
    size_t *features)
{
	if (examples != NULL)
		*examples = m->examples;
	if (features != NULL)
		*features = m->nrows;
}

void
feeling_to_json(const struct feeling_result *res, struct sbuf *sb)
{
	sbuf_addf(sb, "{\"feeling\":\"%s\",\"scores\":{\"none\":%.4f,"
	    "\"frustrated\":%.4f,\"angry\":%.4f},\"urgent\":%s,"
	    "\"urgency\":%.4f}", feeling_name(res->feeling),
	    res->score[FEELING_NONE], res->score[FEELING_FRUSTRATED],
	    res->score[FEELING_ANGRY], res->urgent ? "true" : "false",
	    res->urgency);
}

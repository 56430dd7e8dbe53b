/*
 * intent-model.c owns the trained model as data: its dictionary index
 * and 16-bit weights, its accessors, the calibrated softmax, and the
 * serialized blob the store keeps.
 */
#include "config.h"

#if defined(__GNUC__) && !defined(__clang__)
/* The per-feature loops over the intents vectorise at -O3 only. */
#pragma GCC optimize("O3")
#endif

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "intent.h"
#include "intent-int.h"

#define MODEL_MAGIC	"SDINTENT"

void
intent_model_index(struct intent_model *m, const void *wsrc)
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

/* Calibrated probabilities p[K] from logits. */
void
intent_softmax(const float *z, int K, double temp, float *p)
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

unsigned char *
intent_model_blob(const struct intent_model *m, size_t *len)
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
	    h.version != MODEL_VERSION || h.nclass != (uint32_t)INTENT_N) {
		sd_fail(err, SD_ERR_PARSE, "intent model: not a version %d "
		    "model for %d intents on this machine", MODEL_VERSION,
		    INTENT_N);
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
	intent_model_index(m, b + off);
	off += 4 * K * h.nfeat;
	memcpy(&m->relbias, b + off, 4);
	off += 8;
	m->rel = xmalloc(4 * (size_t)h.nfeat + 4);
	memcpy(m->rel, b + off, 4 * (size_t)h.nfeat);
	return m;
}

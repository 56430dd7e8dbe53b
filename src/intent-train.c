/*
 * intent-train.c owns training: multinomial logistic regression by SGD
 * over the training set, calibration (a softmax temperature and a
 * rejection threshold fitted on a held-out slice of the training data)
 * and the model it yields, relevance weights included.
 *
 * Training is deterministic: files are read in the order given, examples
 * are shuffled by a fixed-seed generator and the arithmetic runs in a fixed
 * order, so the same data yields the same blob bit for bit.
 */
#include "config.h"

#if defined(__GNUC__) && !defined(__clang__)
/* The per-feature loops over the intents vectorise at -O3 only. */
#pragma GCC optimize("O3")
#endif

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "shopdesk.h"
#include "intent.h"
#include "intent-int.h"
#include "intent-train-int.h"
#include "sbuf.h"

/* Hyperparameters, fixed so that training is reproducible. */
#define EPOCHS		6
#define LR0		4.0
#define LR_DECAY	0.35	/* lr = LR0 / (1 + epoch * LR_DECAY) */
#define L2		2e-6
#define CW_POWER	0.5	/* class weight (mean / count)^CW_POWER */
#define SEED		0x5d1e7e57c0ffee11ULL
#define MARGIN		0.10
#define AVG_EPOCHS	2	/* the weights averaged over the last ones */
#define AVG_SNAPS	4	/* snapshots averaged per such epoch */

static void
example_logits(const struct intent_model *m, const struct trainset *ts,
    const struct example *e, float *z)
{
	size_t		 i;
	int		 k, K = m->nclass;
	float		 v, vc, x;
	const float	*w;

	intent_feature_values(e->n, &v, &vc);
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
	float		 z[INTENT_N], g[INTENT_N], v, vc, x, f;
	float		*V = m->w, *w, cw[INTENT_N], *avg, *avgb;
	size_t		 nw = (size_t)m->nfeat * (size_t)m->nclass, nsnap = 0;
	int		 epoch, k;
	const struct example *e;
	size_t		 cnt[INTENT_N] = { 0 }, ncls = 0;

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
			j = intent_rng_next(&rng) % i;
			t = idx[i - 1];
			idx[i - 1] = idx[j];
			idx[j] = t;
		}
		for (i = 0; i < nidx; i++) {
			e = &ts->ex[idx[i]];
			intent_feature_values(e->n, &v, &vc);
			memcpy(z, m->bias, K * sizeof *z);
			for (j = 0; j < e->n; j++) {
				w = V + (size_t)ts->fx[e->off + j] * K;
				x = (float)((j < e->cstart ? v : vc) * scale);
				for (k = 0; k < (int)K; k++)
					z[k] += x * w[k];
			}
			intent_softmax(z, (int)K, 1.0, g);
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
	float		 p[INTENT_N];
	const float	*z = Z;

	for (i = 0; i < ts->nex; i++) {
		if (!ts->ex[i].holdout)
			continue;
		intent_softmax(z, m->nclass, temp, p);
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
	float		*Z, *z, p[INTENT_N];
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
		intent_softmax(z, K, m->temperature, p);
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

static double
now_s(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The hash of the data as training would compute it, without training. */
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
	float		 z[INTENT_N];
	int		 k, top;

	memset(&ts, 0, sizeof ts);
	memset(&st, 0, sizeof st);
	ts.hash = FNV_INIT + MODEL_VERSION;
	for (i = 0; i < nfiles; i++)
		if (intent_read_file(&ts, files[i], &r, err) != SD_OK)
			goto out;
	for (i = 0; i < nextra; i++) {
		if ((k = intent_map_name(extra[i].intent)) < 0) {
			sd_fail(err, SD_ERR_INVALID, "training example \"%s\": "
			    "unknown intent \"%s\"", extra[i].text,
			    extra[i].intent);
			goto out;
		}
		intent_example_add(&ts, extra[i].text, k, &r, &variant);
	}
	st.stored = nstored;
	st.corrections = nextra - nstored;
	if (ts.nex == 0) {
		sd_fail(err, SD_ERR_INVALID, "intent training: no examples");
		goto out;
	}
	intent_trainset_unk(&ts, &r);

	m = xcalloc(1, sizeof *m);
	m->nclass = INTENT_N;
	m->nfeat = ts.dict.nrow;
	m->margin = MARGIN;
	m->temperature = 1;
	m->keys = xmalloc((size_t)m->nfeat * sizeof *m->keys);
	memcpy(m->keys, ts.dict.keys, (size_t)m->nfeat * sizeof *m->keys);
	m->df = xmalloc((size_t)m->nfeat * sizeof *m->df);
	memcpy(m->df, ts.dict.df, (size_t)m->nfeat * sizeof *m->df);
	m->bias = xcalloc(INTENT_N, sizeof *m->bias);
	m->w = xcalloc((size_t)m->nfeat * INTENT_N, sizeof *m->w);

	/* Calibrate on a model that never saw the holdout, then train all. */
	sgd(m, &ts, 1);
	calibrate(m, &ts, &st);
	sgd(m, &ts, 0);
	intent_model_index(m, m->w);
	intent_relevance_fit(m, &ts, &r, &variant);

	for (i = 0; i < ts.nex; i++) {
		example_logits(m, &ts, &ts.ex[i], z);
		top = 0;
		for (k = 1; k < INTENT_N; k++)
			if (z[k] > z[top])
				top = k;
		correct += top == ts.ex[i].y;
	}
	st.examples = ts.nex;
	for (k = 0; k < INTENT_N; k++)
		st.intents += ts.seen[k] > 0;
	st.features = m->nfeat;
	st.train_accuracy = (double)correct / (double)ts.nex;
	st.temperature = m->temperature;
	st.threshold = m->threshold;
	st.margin = m->margin;
	/* the same hash intent_model_load checks staleness with */
	if (intent_data_hash(files, nfiles, &ts.hash, err) != SD_OK) {
		intent_model_free(m);
		m = NULL;
		goto out;
	}
	snprintf(st.data_hash, sizeof st.data_hash, "%016llx",
	    (unsigned long long)ts.hash);
	if (blob != NULL) {
		*blob = intent_model_blob(m, bloblen);
		st.model_bytes = *bloblen;
	}
	st.seconds = now_s() - t0;
out:
	if (stp != NULL)
		*stp = st;
	sbuf_release(&variant);
	intent_trainset_release(&ts);
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

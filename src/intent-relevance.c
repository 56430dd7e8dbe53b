/*
 * intent-relevance.c owns the training of the relevance model: one
 * logistic output, "is this message about our store?", over the intent
 * classifier's own feature rows, fitted on the training set's examples
 * and its not_store lines.
 *
 * The intent classifier learns out_of_scope as one class among 44, from
 * a few thousand lines; a message about a topic none of them touches
 * (another company's service, a hobby, a fact) falls wherever its few
 * known words point.  The relevance model is trained on the same store
 * examples against every out_of_scope example and ten thousand more
 * lines about things no store answers (share/nlu/scope).  Its features
 * are the classifier's word rows alone (unigrams, bigrams and the
 * unknown-word share; character n-grams learnt the register of the
 * crowd-written lines instead of their topic), and only rows of the
 * classifier's dictionary (a word the store's data never saw has none
 * and adds nothing), so the intent model keeps its size and its weights
 * bit for bit.  intent-scope.c counts its logit when it is far below
 * zero.
 *
 * What it learns is not the topics it was shown: trained without the
 * lines of 48 of the 91 non-store CLINC150 intents, it refused 7 more of
 * those intents' 960 val lines than the scope decision without it (0.951
 * -> 0.958), as many as when trained with them (6 more).
 *
 * Training is deterministic: the examples come in the order given, a
 * fixed-seed shuffle, arithmetic in a fixed order.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "intent-int.h"
#include "intent-train-int.h"
#include "sbuf.h"
#include "text.h"

#define REL_EPOCHS	5
#define REL_LR0		0.5
#define REL_DECAY	0.5	/* lr = REL_LR0 / (1 + epoch * REL_DECAY) */
#define REL_L2		1e-6
#define REL_AVG_EPOCHS	2	/* the weights averaged over the last ones */
#define REL_AVG_SNAPS	4	/* snapshots averaged per such epoch */
#define REL_SEED	0x7e1e7a9cef00d5a1ULL

void
intent_relset_push(struct intent_relset *s, uint32_t row, float x)
{
	if (s->nf == s->fcap) {
		s->fcap = s->fcap < 65536 ? 65536 : s->fcap * 2;
		s->f = xrealloc(s->f, s->fcap * sizeof *s->f);
	}
	s->f[s->nf].row = row;
	s->f[s->nf].x = x;
	s->nf++;
}

void
intent_relset_end(struct intent_relset *s, int about_store)
{
	if (s->nex + 1 >= s->excap) {
		s->excap = s->excap < 4096 ? 4096 : s->excap * 2;
		s->off = xrealloc(s->off, (s->excap + 1) * sizeof *s->off);
		s->y = xrealloc(s->y, s->excap);
	}
	if (s->nex == 0)
		s->off[0] = 0;
	s->y[s->nex++] = about_store != 0;
	s->off[s->nex] = s->nf;
}

void
intent_relset_release(struct intent_relset *s)
{
	free(s->f);
	free(s->off);
	free(s->y);
	memset(s, 0, sizeof *s);
}

/*
 * Logistic regression by SGD with L2 decay (weights kept as scale * V),
 * each class weighted so that both weigh the same in all, the result the
 * average of snapshots over the last epochs.  w[nfeat] and *bias out.
 */
void
intent_relevance_train(const struct intent_relset *s, uint32_t nfeat,
    float *w, float *bias)
{
	size_t		 i, j, t, npos = 0, *idx;
	uint64_t	 rng = REL_SEED;
	double		 scale = 1, lr, z, g, cw[2], b = 0, avgb = 0;
	float		*avg;
	size_t		 nsnap = 0;
	int		 epoch;

	if (s->nex == 0) {
		memset(w, 0, nfeat * sizeof *w);
		*bias = 0;
		return;
	}
	for (i = 0; i < s->nex; i++)
		npos += s->y[i];
	cw[1] = npos == 0 ? 0 : (double)s->nex / (2.0 * (double)npos);
	cw[0] = npos == s->nex ? 0 : (double)s->nex /
	    (2.0 * (double)(s->nex - npos));
	idx = xmalloc(s->nex * sizeof *idx);
	for (i = 0; i < s->nex; i++)
		idx[i] = i;
	memset(w, 0, nfeat * sizeof *w);
	avg = xcalloc(nfeat, sizeof *avg);
	for (epoch = 0; epoch < REL_EPOCHS; epoch++) {
		lr = REL_LR0 / (1 + epoch * REL_DECAY);
		for (i = s->nex; i > 1; i--) {
			j = intent_rng_next(&rng) % i;
			t = idx[i - 1];
			idx[i - 1] = idx[j];
			idx[j] = t;
		}
		for (i = 0; i < s->nex; i++) {
			t = idx[i];
			z = b;
			for (j = s->off[t]; j < s->off[t + 1]; j++)
				z += scale * s->f[j].x * w[s->f[j].row];
			g = (1 / (1 + exp(-z)) - s->y[t]) * cw[s->y[t]];
			scale *= 1 - lr * REL_L2;
			if (scale < 1e-3) {
				for (j = 0; j < nfeat; j++)
					w[j] *= (float)scale;
				scale = 1;
			}
			b -= lr * g;
			for (j = s->off[t]; j < s->off[t + 1]; j++)
				w[s->f[j].row] -= (float)(lr * g *
				    s->f[j].x / scale);
			if (epoch >= REL_EPOCHS - REL_AVG_EPOCHS &&
			    (i + 1) % (s->nex / REL_AVG_SNAPS + 1) == 0) {
				for (j = 0; j < nfeat; j++)
					avg[j] += (float)(w[j] * scale);
				avgb += b;
				nsnap++;
			}
		}
	}
	for (j = 0; j < nfeat; j++)
		w[j] = nsnap > 0 ? avg[j] / (float)nsnap : (float)(w[j] * scale);
	*bias = (float)(nsnap > 0 ? avgb / (double)nsnap : b);
	free(avg);
	free(idx);
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
	n = intent_word_features(r->text.buf, r->text.len, r, &nwords);
	for (i = 0; i < nwords; i++) {
		if (r->toks[i].has_digit)
			continue;
		nalpha++;
		row = intent_dict_find(&ts->dict, r->keys[i]);
		if (row < 0 || ts->dict.df[row] == 0)
			nunk++;
	}
	intent_unk_features(r, &n, nunk, nalpha);
	cstart = n;
	intent_char_features(r, &n, nwords);
	intent_feature_values(n, &v, &vc);
	for (i = 0; i < cstart; i++)
		if ((row = intent_dict_find(&ts->dict, r->keys[i])) >= 0)
			intent_relset_push(rs, (uint32_t)row, v);
	intent_relset_end(rs, 0);
}

/*
 * The relevance model (intent-relevance.c): the word-level features of
 * every training example, about the store unless out_of_scope, then of
 * each not_store line and its variant.
 */
void
intent_relevance_fit(struct intent_model *m, const struct trainset *ts,
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
		intent_feature_values(e->n, &v, &vc);
		for (j = 0; j < e->cstart; j++)
			intent_relset_push(&rs, ts->fx[e->off + j], v);
		intent_relset_end(&rs, e->y != intent_oos_id());
	}
	for (i = 0; i < ts->nnotstore; i++) {
		t = ts->notstore[i];
		relset_text(ts, &rs, t, strlen(t), r);
		if (intent_make_variant(t, strlen(t), variant))
			relset_text(ts, &rs, variant->buf, variant->len, r);
	}
	m->rel = xcalloc((size_t)m->nfeat + 1, sizeof *m->rel);
	intent_relevance_train(&rs, m->nfeat, m->rel, &m->relbias);
	intent_relset_release(&rs);
}

/*
 * intent-trainset.c owns the training set: the growing dictionary of
 * feature keys, each example's rows (and its register variant), the
 * unknown-word features as a new message will see them, and the reading
 * of JSON Lines training files (lines labelled not_store are kept apart
 * for the relevance model).
 */
#include "config.h"

#if defined(__GNUC__) && !defined(__clang__)
/* The per-feature loops over the intents vectorise at -O3 only. */
#pragma GCC optimize("O3")
#endif

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>

#include "shopdesk.h"
#include "intent.h"
#include "intent-int.h"
#include "intent-train-int.h"
#include "sbuf.h"
#include "text.h"

#define HOLDOUT_MOD	10	/* 1 example in 10 calibrates */
/*
 * The label of a training line about something no store answers, for
 * the relevance model alone (share/nlu/scope): not an intent.
 */
#define NOT_STORE	"not_store"

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

uint32_t
intent_dict_add(struct dict *d, uint64_t key)
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
int64_t
intent_dict_find(const struct dict *d, uint64_t key)
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

void
intent_dict_release(struct dict *d)
{
	free(d->keys);
	free(d->df);
	free(d->stamp);
	free(d->slot);
}

static void
fx_push(struct trainset *ts, uint32_t row)
{
	if (ts->nfx == ts->fxcap) {
		ts->fxcap = ts->fxcap < 65536 ? 65536 : ts->fxcap * 2;
		ts->fx = xrealloc(ts->fx, ts->fxcap * sizeof *ts->fx);
	}
	ts->fx[ts->nfx++] = row;
}

void
intent_trainset_release(struct trainset *ts)
{
	size_t	 i;

	free(ts->ex);
	free(ts->fx);
	for (i = 0; i < ts->nnotstore; i++)
		free(ts->notstore[i]);
	free(ts->notstore);
	intent_dict_release(&ts->dict);
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
	n = intent_word_features(r->text.buf, r->text.len, r, &nwords);
	nwb = n;
	intent_char_features(r, &n, nwords);
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
		row = intent_dict_add(&ts->dict, r->keys[i]);
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

/* Add the variant of one example, if its hash gives it one. */
static void
trainset_augment(struct trainset *ts, const char *text, size_t len, int y,
    int holdout, struct intent_result *r, struct sbuf *v)
{
	if (intent_make_variant(text, len, v))
		trainset_add(ts, v->buf, v->len, y, holdout, r);
}

/*
 * Fill every example's unk slots.  A word counts as unknown when no other
 * in-scope example uses it, which is how a new utterance will see it.
 */
void
intent_trainset_unk(struct trainset *ts, struct intent_result *r)
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
		intent_unk_features(r, &n, nunk, nalpha);
		ts->fx[e->off + e->cstart - 2] = intent_dict_add(&ts->dict,
		    r->keys[0]);
		ts->fx[e->off + e->cstart - 1] = intent_dict_add(&ts->dict,
		    r->keys[1]);
	}
}

/* One example and its variants into ts. */
void
intent_example_add(struct trainset *ts, const char *text, int id,
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
enum sd_rc
intent_read_file(struct trainset *ts, const char *path, struct intent_result *r,
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
		intent_example_add(ts, text->valuestring, id, r, &variant);
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

/*
 * dlg-yesamount.c: yes-or-no questions whose answer is an amount in the
 * listing, for dlg-yesno.c.  Water: "can I take it in the pool" needs a
 * rating for submersion, "ok for sweaty workouts" one for splashes, and
 * the product's water rating ("IPX4", "IP68", "10 m") says which it has.
 * Driving headphones: "do they need an amp", "would my phone drive it"
 * are read from the impedance (38 ohms needs no amp; 250 ohms does).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Words asking whether it survives water, and what they need. */
static const struct {
	const char	*word;
	int		 submerged;	/* 1: under water, 0: splashes */
} wet[] = {
	{ "swim", 1 }, { "swimming", 1 }, { "pool", 1 }, { "dive", 1 },
	{ "diving", 1 }, { "snorkel", 1 }, { "snorkeling", 1 },
	{ "underwater", 1 }, { "submerge", 1 }, { "submerged", 1 },
	{ "bath", 1 }, { "bathtub", 1 }, { "sea", 1 }, { "ocean", 1 },
	{ "lake", 1 }, { "waterproof", 1 },
	{ "shower", 0 }, { "rain", 0 }, { "sweat", 0 }, { "sweaty", 0 },
	{ "splash", 0 }, { "splashes", 0 }, { "wet", 0 }, { "water", 0 },
	{ "showerproof", 0 }, { "watertight", 1 },
};

/* Words asking whether a phone drives headphones (amp: 1 asks whether
 * an amplifier is needed, the opposite answer). */
static const struct {
	const char	*word;
	int		 amp;
} drive[] = {
	{ "amp", 1 }, { "amps", 1 }, { "amplifier", 1 }, { "dac", 1 },
	{ "drive", 0 }, { "power", 0 }, { "run", 0 },
};

/* Impedances (ohms) a phone drives with ease, and that want an amp. */
#define OHM_EASY	80
#define OHM_AMP		150

/*
 * "Can I take it in the pool", "ok for sweaty workouts": the water
 * rating against what the words need.  1 when water was asked.
 */
static int
water_answer(const struct product *p, const struct dlg_fw_text *q,
    struct dlg_amount *a)
{
	cJSON		*root, *it;
	char		*v;
	size_t		 i, k;
	int		 need = -1, g;

	for (i = 0; i < q->n; i++)
		for (k = 0; k < sizeof wet / sizeof wet[0]; k++)
			if (strlen(wet[k].word) == DLG_FW_LEN(q, i) &&
			    strncmp(wet[k].word, DLG_FW_TOK(q, i),
			    DLG_FW_LEN(q, i)) == 0 && wet[k].submerged > need)
				need = wet[k].submerged;
	if (need < 0)
		return 0;
	root = cJSON_Parse(p->attrs);
	cJSON_ArrayForEach(it, root) {
		if (it->string == NULL || a->key != NULL ||
		    (v = catalog_attr(p, it->string)) == NULL)
			continue;
		g = dlg_fw_water_grade(v);
		/* "waterproof": "10 m": a depth under water. */
		if (g == 0 && strstr(it->string, "water") != NULL &&
		    strpbrk(v, "0123456789") != NULL)
			g = 2;
		if (g > 0) {
			a->verdict = g > need;
			a->key = xstrdup(it->string);
			a->value = v;
			a->tpl = g == 2 ? "feature_water_deep" : g > need ?
			    "feature_water_splash" : "feature_water_splash_no";
		} else
			free(v);
	}
	cJSON_Delete(root);
	return 1;
}

/* "Do they need an amp", "would my phone drive it": the impedance. */
static void
drive_answer(const struct product *p, const struct dlg_fw_text *q,
    struct dlg_amount *a)
{
	char	*v;
	size_t	 i, k;
	int	 amp = -1;
	double	 ohm;

	for (i = 0; i < q->n; i++)
		for (k = 0; k < sizeof drive / sizeof drive[0]; k++)
			if (strlen(drive[k].word) == DLG_FW_LEN(q, i) &&
			    strncmp(drive[k].word, DLG_FW_TOK(q, i), DLG_FW_LEN(q, i)) ==
			    0 && amp < 1)
				amp = drive[k].amp;
	if (amp < 0 || (v = catalog_attr(p, "impedance_ohm")) == NULL)
		return;
	ohm = strtod(v, NULL);
	a->key = xstrdup("impedance_ohm");
	a->value = v;
	/* Polarity: "need an amp" is yes where "would my phone drive
	 * it" is no. */
	a->verdict = amp ? ohm >= OHM_AMP : ohm < OHM_AMP;
	a->tpl = ohm < OHM_EASY ? (amp ? "feature_amp_no" :
	    "feature_drive_yes") : ohm < OHM_AMP ? "feature_drive_mid" :
	    (amp ? "feature_amp_yes" : "feature_drive_no");
}

/*
 * The amount answering q about p, into a (the caller owns a->key and
 * a->value): 1 found; -1 water asked of a listing with no rating; 0
 * neither water nor driving asked, or nothing to read.
 */
int
dlg_amount_read(const struct product *p, const struct dlg_fw_text *q,
    struct dlg_amount *a)
{
	memset(a, 0, sizeof *a);
	if (water_answer(p, q, a) && a->key == NULL)
		return -1;
	if (a->key == NULL)
		drive_answer(p, q, a);
	return a->key != NULL;
}

/* Does the turn ask about water or about driving headphones, whose
 * answers read an amount ("can I swim with it", "need an amp")? */
int
dlg_feature_amount_asked(struct tctx *t)
{
	size_t	 k;

	for (k = 0; k < sizeof wet / sizeof wet[0]; k++)
		if (dlg_has_word(t, wet[k].word))
			return 1;
	for (k = 0; k < sizeof drive / sizeof drive[0]; k++)
		if (drive[k].amp && dlg_has_word(t, drive[k].word))
			return 1;
	return 0;
}

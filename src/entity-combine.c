/*
 * entity-combine.c settles the entities of a message among themselves
 * once found: two category words in a row are one thing, a category
 * word asked about next to a product is a part of it, a category word
 * used as a verb beside another kind ("a camera to watch the baby") is
 * none, and drops one.
 */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "shopdesk.h"
#include "entity.h"
#include "entity-int.h"
#include "entity-run.h"

/* Drop entity k (order and value offsets kept). */
void
entity_drop(struct run *r, size_t k)
{
	struct entity_list *o = r->out;

	memmove(&o->v[k], &o->v[k + 1], (o->n - k - 1) * sizeof *o->v);
	memmove(&r->sc->voff[k], &r->sc->voff[k + 1], (o->n - k - 1) *
	    sizeof *r->sc->voff);
	o->n--;
}

/* Token i is one of the words of list (NULL-terminated). */
static int
word_in(const struct run *r, size_t i, const char *const *list)
{
	const struct text_token *t = &r->sc->tok[i];
	size_t	 n = t->end - t->start;

	for (; *list != NULL; list++)
		if (strlen(*list) == n && memcmp(r->s + t->start, *list,
		    n) == 0)
			return 1;
	return 0;
}

/* Only blanks between folded offsets a and b. */
static int
blank_between(const struct run *r, size_t a, size_t b)
{
	for (; a < b; a++)
		if (r->s[a] != ' ' && r->s[a] != '\t')
			return 0;
	return 1;
}

/* The token whose span ends at or before folded offset a, or SIZE_MAX. */
static size_t
token_before(const struct run *r, size_t a)
{
	size_t	 j, k = SIZE_MAX;

	for (j = 0; j < r->sc->ntok && r->sc->tok[j].end <= a; j++)
		k = j;
	return k;
}

/*
 * "A camera to watch the baby room", "a laptop to game on the train":
 * a one-word category right after "to" with an object after it is a
 * verb, not a kind, when the message names another kind; it is dropped
 * so that the kind named reads alone.  "Cast my phone to tv" (nothing
 * after) and "a tablet to watch" (no other kind) keep it.
 */
void
entity_verb_kinds(struct run *r)
{
	static const char *const to[] = { "to", NULL };
	static const char *const object[] = { "the", "a", "an", "my",
	    "your", "his", "her", "our", "their", "it", "them", "this",
	    "that", "these", "those", "some", NULL };
	struct entity_list *o = r->out;
	struct entity	*e;
	size_t		 i, j, k;
	int		 other;

	for (i = 0; i < o->n; i++) {
		e = &o->v[i];
		if (e->type != ENTITY_CATEGORY || e->use != NULL ||
		    (k = token_before(r, e->start)) == SIZE_MAX ||
		    !word_in(r, k, to) || k + 2 >= r->sc->ntok ||
		    r->sc->tok[k + 1].start != e->start ||
		    r->sc->tok[k + 1].end != e->end ||
		    !word_in(r, k + 2, object))
			continue;
		for (other = 0, j = 0; j < o->n; j++)
			other |= j != i && o->v[j].type == ENTITY_CATEGORY &&
			    o->v[j].category != e->category;
		if (!other)
			continue;
		entity_drop(r, i);
		i--;
	}
}

/*
 * Two category words in a row are one thing, named by the last: the
 * same category makes one span ("laser printer"), another category is
 * what the first word qualifies ("android phone", "laptop charger").
 * Two words of one attribute are one ("hdmi ports", "usb c port").
 */
void
entity_compounds(struct run *r)
{
	struct entity_list *o = r->out;
	struct entity	*a, *b;
	size_t		 i;

	for (i = 0; i + 1 < o->n; i++) {
		a = &o->v[i];
		b = &o->v[i + 1];
		if (a->type != b->type || b->start < a->end ||
		    !blank_between(r, a->end, b->start))
			continue;
		if (a->type == ENTITY_CATEGORY) {
			if (a->category == b->category) {
				a->end = b->end;
				if (a->use == NULL)
					a->use = b->use;
				entity_drop(r, i + 1);
			} else
				entity_drop(r, i);
			i--;
		} else if (a->type == ENTITY_ATTRIBUTE &&
		    a->attribute == b->attribute) {
			a->end = b->end;
			entity_drop(r, i + 1);
			i--;
		}
	}
}

/*
 * Words that are a category on their own ("sony cameras") but a part
 * asked about next to a product or another category ("the s24 camera",
 * "which mobile has the best camera").
 */
void
entity_dual_words(struct run *r)
{
	static const struct {
		const char	*word;
		const char	*attribute;
	} dual[] = {
		{ "camera", "camera" }, { "cameras", "camera" },
		{ "speaker", "audio" }, { "speakers", "audio" },
		{ "keyboard", "keyboard" }, { "storage", "storage" },
		{ NULL, NULL }
	};
	static const char *const amount[] = { "much", "more", "less",
	    "enough", "extra", NULL };
	struct entity_list *o = r->out;
	struct entity	*e;
	size_t		 i, j, k, n;
	int		 other;

	for (i = 0; i < o->n; i++) {
		e = &o->v[i];
		if (e->type != ENTITY_CATEGORY || e->use != NULL)
			continue;
		n = e->end - e->start;
		for (k = 0; dual[k].word != NULL; k++)
			if (strlen(dual[k].word) == n &&
			    memcmp(r->s + e->start, dual[k].word, n) == 0)
				break;
		if (dual[k].word == NULL)
			continue;
		for (other = 0, j = 0; j < o->n; j++)
			other |= j != i && (o->v[j].type == ENTITY_PRODUCT ||
			    o->v[j].type == ENTITY_CATEGORY);
		/* "how much storage", "more storage": an amount of it. */
		for (j = 0; !other && j < r->sc->ntok; j++)
			if (r->sc->tok[j].end <= e->start && blank_between(r,
			    r->sc->tok[j].end, e->start))
				other = word_in(r, j, amount);
		if (!other)
			continue;
		e->type = ENTITY_ATTRIBUTE;
		e->category = NULL;
		e->attribute = dual[k].attribute;
		entity_set_value(r, e, "%s", e->attribute);
	}
}

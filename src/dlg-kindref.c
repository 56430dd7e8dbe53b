/*
 * dlg-kindref.c owns a kind of product said as the thing meant ("back to
 * the headphones", "battery life on the camera?", "the webcam, does it
 * have a shutter"): which product of the conversation it points at.
 *
 * The items of the last reply come first, then every product discussed.
 * A product is of the kind said when its name has the word, when its
 * kind (subcategory) is headed by it, or when the word names its
 * category and no kind of that category: "webcam" names the webcams of
 * the accessories, not a cable.  A kind of the category that is an
 * add-on of another (a lens for a camera body, toner for a printer, as
 * dlg-kindaddon.c reads the catalog) is what the category's word means
 * only when nothing else of the category was discussed.  One product
 * of the kind at a level is the pick; several leave the customer to say
 * which.  The candidates, the words said ("kind_said"), those of the
 * kind ("of_kind") and the pick go to the trace's "reference".
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "dlg-int.h"

#define KINDREF_SUBS	32	/* kinds of a category weighed */
#define KINDREF_READ	200	/* products of a category read */

/* How a product is of the kind said. */
enum kind_match {
	KM_NONE,
	KM_KIND,	/* its name or its subcategory says the word */
	KM_CATEGORY,	/* its category's word, of a main kind */
	KM_ADDON	/* its category's word, of an add-on kind */
};

/* What the word said names. */
struct kind_said {
	const char	*category;	/* the entity's category slug */
	char		*said;		/* the words said, as said */
	char		*stem;		/* the stem of their last word */
	int		 names_kind;	/* heads a kind of the category */
	const char	*subs[KINDREF_SUBS];	/* the category's kinds */
	size_t		 ns;
	unsigned	 addons;	/* a bit per add-on kind of subs */
};

/* The kinds of the category and which of them are add-ons. */
static void
read_category(struct tctx *t, struct kind_said *ks)
{
	struct catalog_kind ck;
	struct sd_error	 err = SD_ERROR_INIT;
	size_t		 i, k;

	dlg_retrieve_begin(t);
	if (catalog_kind(t->st, ks->category, KINDREF_READ, &ck, &err) ==
	    SD_OK) {
		for (i = 0; i < ck.n; i++) {
			if (ck.v[i].subcategory == NULL ||
			    ck.v[i].subcategory[0] == '\0')
				continue;
			for (k = 0; k < ks->ns && strcmp(ks->subs[k],
			    ck.v[i].subcategory) != 0; k++)
				;
			if (k == ks->ns && ks->ns < KINDREF_SUBS)
				ks->subs[ks->ns++] = ck.v[i].subcategory;
		}
		if (ks->ns >= 2)
			ks->addons = dlg_kind_addons(ck.v, ck.n, ks->subs,
			    ks->ns);
	}
	dlg_retrieve_end(t);
	sd_error_clear(&err);
}

/* Does the word of ks head the kind slug ("power-banks": "bank")? */
static int
heads(const struct kind_said *ks, const char *slug)
{
	const char	*h;
	char		*s;
	int		 yes;

	if (slug == NULL || *slug == '\0')
		return 0;
	h = strrchr(slug, '-');
	h = h != NULL ? h + 1 : slug;
	s = dlg_kind_stem(h, strlen(h));
	yes = strcmp(s, ks->stem) == 0;
	free(s);
	return yes;
}

static void
said_read(struct tctx *t, const struct entity *ce, struct kind_said *ks)
{
	size_t	 a = ce->start, b = ce->end, k;
	char	*w;

	memset(ks, 0, sizeof *ks);
	ks->category = ce->category;
	ks->said = xstrndup(t->text + a, b - a);
	while (b > a && !isalnum((unsigned char)t->text[b - 1]))
		b--;
	for (k = b; k > a && isalnum((unsigned char)t->text[k - 1]); k--)
		;
	w = xstrndup(t->text + k, b - k);
	for (a = 0; w[a] != '\0'; a++)
		w[a] = (char)tolower((unsigned char)w[a]);
	ks->stem = dlg_kind_stem(w, b - k);
	free(w);
	read_category(t, ks);
	for (k = 0; k < ks->ns; k++)
		if (heads(ks, ks->subs[k]))
			ks->names_kind = 1;
}

static void
said_release(struct kind_said *ks)
{
	free(ks->said);
	free(ks->stem);
}

static enum kind_match
kind_match(const struct kind_said *ks, const struct product *p)
{
	size_t	 k;

	if ((p->name != NULL && strcasestr(p->name, ks->said) != NULL) ||
	    (p->subcategory != NULL && strcmp(p->subcategory,
	    ks->category) == 0) || heads(ks, p->subcategory))
		return KM_KIND;
	if (p->category == NULL || strcmp(p->category, ks->category) != 0 ||
	    ks->names_kind)
		return KM_NONE;
	for (k = 0; k < ks->ns; k++)
		if (p->subcategory != NULL && strcmp(ks->subs[k],
		    p->subcategory) == 0)
			return (ks->addons >> k) & 1 ? KM_ADDON : KM_CATEGORY;
	return KM_CATEGORY;
}

/*
 * The products of the conversation, the items of the last reply alone
 * when last is set, with how each is of the kind: into v, m; how many.
 */
static size_t
level_matches(struct tctx *t, const struct kind_said *ks, int last,
    const char **v, enum kind_match *m, cJSON *r)
{
	const char	*lists[] = { "focus", "results", "purchased" };
	struct product	 p;
	cJSON		*it;
	size_t		 l, n = 0, i;

	for (l = 0; l < 3; l++)
		cJSON_ArrayForEach(it, dlg_jarr(t->state, lists[l])) {
			if (!cJSON_IsString(it) || (last &&
			    !dlg_in_last_reply(t, it->valuestring)))
				continue;
			for (i = 0; i < n && strcmp(v[i],
			    it->valuestring) != 0; i++)
				;
			if (i < n || n == CONV_MAX)
				continue;
			if (last || !dlg_in_last_reply(t, it->valuestring))
				dlg_ref_candidate(r, it->valuestring);
			memset(&p, 0, sizeof p);
			if (!dlg_peek_product(t, it->valuestring, &p))
				continue;
			v[n] = it->valuestring;
			m[n++] = kind_match(ks, &p);
			product_release(&p);
		}
	return n;
}

/*
 * Of v[0..n), those of the kind, of its main kinds (its name, its kind
 * or its category's main kinds) or of the add-on kinds (addon set):
 * how many, *one the first.  Each goes to the trace's "of_kind".
 */
static int
of_kind(const char **v, const enum kind_match *m, size_t n, int addon,
    const char **one, cJSON *r)
{
	size_t	 i;
	int	 hits = 0;

	for (i = 0; i < n; i++) {
		if (addon ? m[i] != KM_ADDON : m[i] != KM_KIND &&
		    m[i] != KM_CATEGORY)
			continue;
		if (hits++ == 0)
			*one = v[i];
		cJSON_AddItemToArray(dlg_jarr(r, "of_kind"),
		    cJSON_CreateString(v[i]));
	}
	return hits;
}

/*
 * "Back to the headphones", "the camera, how long does it last": the
 * one product of the kind said among the items of the last reply, else
 * among the products discussed.  NULL when none or several (*several
 * set, with the trace's "of_kind" naming them).
 */
const char *
dlg_kind_reference(struct tctx *t, const struct entity *ce, int *several)
{
	const char	*v[2][CONV_MAX], *one = NULL;
	enum kind_match	 m[2][CONV_MAX];
	struct kind_said ks;
	size_t		 n[2];
	int		 pass, level, hits = 0;
	cJSON		*r;

	*several = 0;
	if (ce->category == NULL || ce->end <= ce->start ||
	    !dlg_said_as_thing(t, ce->start, ce->end) ||
	    dlg_count_entities(t, ENTITY_PRODUCT) > 0 ||
	    dlg_first_entity(t, ENTITY_BRAND) != NULL)
		return NULL;
	r = dlg_ref_trace(t, "kind-in-last-reply",
	    "kind among the items of the last reply");
	said_read(t, ce, &ks);
	dlg_jset_str(r, "kind_said", ks.said);
	/* The main kinds at both levels before the add-ons: "the
	 * camera" after a lens is the body discussed before it. */
	n[0] = level_matches(t, &ks, 1, v[0], m[0], r);
	n[1] = level_matches(t, &ks, 0, v[1], m[1], r);
	for (pass = 0; pass < 4 && hits == 0; pass++) {
		level = pass % 2;
		if ((hits = of_kind(v[level], m[level], n[level], pass >= 2,
		    &one, r)) > 0 && level == 1)
			dlg_ref_rule(r, "kind-in-conversation",
			    "kind in conversation");
	}
	said_release(&ks);
	if (hits == 1)
		return dlg_ref_pick(r, one);
	*several = hits > 1;
	return NULL;
}

/*
 * "The camera, how long does it last?" when two cameras were discussed
 * and no other word tells which: ask which, naming them, rather than
 * answer about the one in focus.  1 when asked.
 */
int
dlg_ask_which_kind(struct tctx *t)
{
	const struct entity *ce = dlg_first_entity(t, ENTITY_CATEGORY);
	const char	*how = NULL, *sku;
	struct sbuf	 names = SBUF_INIT;
	struct product	 p;
	cJSON		*r, *it;
	int		 several, n = 0;

	if (ce == NULL || dlg_kind_reference(t, ce, &several) != NULL ||
	    !several)
		return 0;
	r = dlg_jobj(t->trace, "reference");
	cJSON_ArrayForEach(it, dlg_jarr(r, "of_kind")) {
		memset(&p, 0, sizeof p);
		if (!cJSON_IsString(it) || !dlg_peek_product(t,
		    it->valuestring, &p))
			continue;
		sbuf_addf(&names, "%s the %s", n == 0 ? "" : " or", p.name);
		n++;
		product_release(&p);
	}
	/* Another word may still tell ("the cheaper camera"). */
	r = cJSON_Duplicate(r, 1);
	sku = dlg_resolve_reference(t, &how);
	if (n < 2 || (sku != NULL && how != NULL && strcmp(how, "it") != 0)) {
		cJSON_Delete(r);
		sbuf_release(&names);
		return 0;
	}
	cJSON_ReplaceItemInObjectCaseSensitive(t->trace, "reference", r);
	dlg_ref_rule(r, "kind-ask", "kind: several discussed, asked which");
	slots_set(&t->slots, "choices", names.buf);
	dlg_set_action(t, "ask_which_product", "%d products of the kind said "
	    "discussed", n);
	dlg_say(t, "ask_which_named");
	sbuf_release(&names);
	return 1;
}

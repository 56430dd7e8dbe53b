/*
 * entity.c owns entity extraction: it folds one message (text_fold keeps
 * a map back to the customer's bytes), lexes it, runs the pattern
 * extractors (emails, order numbers, dates, prices, quantities), matches
 * catalog phrases through the gazetteer, links comparison pairs, and
 * hands back entities with byte spans of the original text.
 *
 * Extractors claim the bytes they cover, in a fixed order (email, order
 * number, date, price, gazetteer, quantity), so "order 12345" is never
 * also a price and the "15" of "iPhone 15" never a quantity.  Everything
 * scratch lives in the entity_list, so a warm extraction allocates
 * nothing and threads only share the read-only gazetteer.  The date
 * patterns live in entity-date.c, the other patterns (emails, order
 * numbers, prices, quantities) in entity-pattern.c, the catalog matching
 * in entity-catalog.c, the JSON forms of an entity in entity-json.c;
 * entity-run.h holds what they share.
 */
#include "config.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "store.h"
#include "text.h"
#include "entity.h"
#include "entity-int.h"
#include "entity-run.h"

static const char *const type_names[ENTITY_NTYPES] = {
	"order_id", "price", "product", "brand", "category", "attribute",
	"quantity", "email", "date",
};

const char *
entity_type_name(enum entity_type t)
{
	return (unsigned)t < ENTITY_NTYPES ? type_names[t] : "?";
}

int
entity_type_parse(const char *s)
{
	int	 i;

	for (i = 0; i < ENTITY_NTYPES; i++)
		if (strcmp(type_names[i], s) == 0)
			return i;
	return -1;
}

const char *
entity_extractor_name(enum entity_extractor x)
{
	switch (x) {
	case EXTRACTOR_PATTERN:
		return "pattern";
	case EXTRACTOR_GAZETTEER:
		return "gazetteer";
	case EXTRACTOR_FUZZY:
		return "fuzzy";
	case EXTRACTOR_CONTEXT:
		return "context";
	}
	return "?";
}


struct entity *
entity_emit(struct run *r, enum entity_type type, enum entity_extractor x,
    size_t a, size_t b)
{
	struct entity_list *o = r->out;
	struct scratch	*sc = r->sc;
	struct entity	*e;

	if (o->n == o->cap) {
		o->cap = o->cap < 8 ? 8 : o->cap * 2;
		o->v = xrealloc(o->v, o->cap * sizeof *o->v);
	}
	if (o->n >= sc->voffcap) {
		sc->voffcap = o->cap;
		sc->voff = xrealloc(sc->voff, sc->voffcap * sizeof *sc->voff);
	}
	e = &o->v[o->n];
	memset(e, 0, sizeof *e);
	e->type = type;
	e->extractor = x;
	e->start = a;
	e->end = b;
	sc->voff[o->n] = SIZE_MAX;
	o->n++;
	if (b > a)
		memset(sc->taken + a, 1, b - a);
	return e;
}

void
entity_set_value(struct run *r, struct entity *e, const char *fmt, ...)
{
	va_list	 ap;

	r->sc->voff[e - r->out->v] = r->out->strings.len;
	va_start(ap, fmt);
	sbuf_vaddf(&r->out->strings, fmt, ap);
	va_end(ap);
	sbuf_addc(&r->out->strings, '\0');
}

void
entity_set_value_n(struct run *r, struct entity *e, const char *s, size_t n)
{
	r->sc->voff[e - r->out->v] = r->out->strings.len;
	sbuf_add(&r->out->strings, s, n);
	sbuf_addc(&r->out->strings, '\0');
}


static int
is_wordc(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || is_digit(c) || c >= 0x80;
}

/* Symbols spelled with more than one byte: currency signs and dashes. */
static int
multibyte_sym(const char *s, size_t n, size_t i, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s + i;

	if (i + 3 <= n && u[0] == 0xe2 && u[1] == 0x82 && u[2] == 0xac) {
		*len = 3;
		return 'E';
	}
	if (i + 2 <= n && u[0] == 0xc2 && u[1] == 0xa3) {
		*len = 2;
		return 'L';
	}
	if (i + 3 <= n && u[0] == 0xe2 && u[1] == 0x80 &&
	    (u[2] == 0x93 || u[2] == 0x94)) {
		*len = 3;
		return '-';
	}
	return 0;
}

static void
lex(struct scratch *sc, const char *s, size_t n)
{
	struct lexeme	*l;
	size_t		 i = 0, j, len;
	int		 c, m;
	double		 frac;

	sc->nlx = 0;
	while (i < n) {
		c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
			i++;
			continue;
		}
		if (sc->nlx == sc->lxcap) {
			sc->lxcap = sc->lxcap < 32 ? 32 : sc->lxcap * 2;
			sc->lx = xrealloc(sc->lx, sc->lxcap * sizeof *sc->lx);
		}
		l = &sc->lx[sc->nlx++];
		memset(l, 0, sizeof *l);
		l->a = i;
		if (is_digit(c)) {
			l->kind = LX_NUM;
			l->plain = 1;
			for (; i < n && is_digit(s[i]); i++, l->ndig++)
				l->num = l->num * 10 + (s[i] - '0');
			/* Thousands groups: ",ddd" not followed by a digit. */
			while (i + 3 < n + 0 && s[i] == ',' && is_digit(s[i + 1])
			    && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
			    (i + 4 >= n || !is_digit(s[i + 4]))) {
				for (j = i + 1; j < i + 4; j++, l->ndig++)
					l->num = l->num * 10 + (s[j] - '0');
				l->plain = 0;
				i += 4;
			}
			if (i + 1 < n && s[i] == '.' && is_digit(s[i + 1])) {
				l->plain = 0;
				for (i++, frac = 0.1; i < n && is_digit(s[i]);
				    i++, frac /= 10)
					l->num += frac * (s[i] - '0');
			}
		} else if ((m = multibyte_sym(s, n, i, &len)) != 0) {
			l->kind = LX_SYM;
			l->sym = m;
			i += len;
		} else if (is_wordc((unsigned char)c)) {
			l->kind = LX_WORD;
			while (i < n && is_wordc((unsigned char)s[i]) &&
			    multibyte_sym(s, n, i, &len) == 0)
				i++;
		} else {
			l->kind = LX_SYM;
			l->sym = c;
			i++;
		}
		l->b = i;
	}
}

const char *const entity_number_words[] = {
	"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
	"nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
	"sixteen", "seventeen", "eighteen", "nineteen", "twenty", NULL
};

/* ---- comparison pairs ---- */

static const char *const pair_links[] = {
	"vs", "v", "versus", "or", "and", "with", "to", "against", "compared",
	"over", "than", NULL
};
static const char *const pair_fill[] = {
	"the", "a", "an", "my", "new", "this", "that", "is", "it", "better",
	"worse", "cheaper", "faster", "bigger", "smaller", "lighter", "more",
	"less", NULL
};
static const char *const pair_cues[] = {
	"compare", "comparing", "comparison", "difference", "differences",
	"differ", "better", "best", "which", "vs", "versus", "between",
	"choose", "pick", "decide", "prefer", "against", "compared", "or",
	NULL
};

static int
pairable(const struct entity *e)
{
	return e->type == ENTITY_PRODUCT || e->type == ENTITY_BRAND;
}

/* Entities are in folded offsets and extraction order here. */
static void
link_pairs(struct run *r)
{
	struct entity_list *o = r->out;
	struct scratch	*sc = r->sc;
	size_t		 i, j, k, prev = SIZE_MAX;
	int		 cue = 0, strong, link, bad;
	struct entity	 tmp;

	/* Sort by start (insertion sort: a message has few entities). */
	for (i = 1; i < o->n; i++) {
		size_t	 vo = sc->voff[i];

		tmp = o->v[i];
		for (j = i; j > 0 && o->v[j - 1].start > tmp.start; j--) {
			o->v[j] = o->v[j - 1];
			sc->voff[j] = sc->voff[j - 1];
		}
		o->v[j] = tmp;
		sc->voff[j] = vo;
	}
	for (k = 0; k < sc->nlx && !cue; k++)
		cue = lw_any(r, k, pair_cues);
	for (i = 0; i < o->n; i++) {
		if (!pairable(&o->v[i]))
			continue;
		if (prev == SIZE_MAX) {
			prev = i;
			continue;
		}
		/* Only links and fillers between the two. */
		strong = link = bad = 0;
		for (k = 0; k < sc->nlx; k++) {
			if (sc->lx[k].a < o->v[prev].end)
				continue;
			if (sc->lx[k].b > o->v[i].start)
				break;
			if (is_taken(r, sc->lx[k].a, sc->lx[k].b))
				continue;	/* a category between */
			if (lw_any(r, k, pair_links)) {
				link = 1;
				strong |= !lw(r, k, "or") && !lw(r, k, "and") &&
				    !lw(r, k, "with") && !lw(r, k, "to");
			} else if (!lw_any(r, k, pair_fill) && !lsym(r, k, ',') &&
			    !lsym(r, k, '.') && !lsym(r, k, '/'))
				bad = 1;
		}
		/* "google phones vs apple phones" */
		for (j = prev + 1; j < i; j++)
			bad |= o->v[j].type != ENTITY_QUANTITY &&
			    o->v[j].type != ENTITY_CATEGORY;
		if (!bad && link && (strong || cue)) {
			if (o->v[prev].pair == 0)
				o->v[prev].pair = ++o->npairs;
			o->v[i].pair = o->v[prev].pair;
		}
		prev = i;
	}
}

/* ---- the entry point ---- */

/* The original offset of folded offset a (end: not inside a character). */
static size_t
orig_offset(const struct text_folded *f, size_t a, size_t n, int end)
{
	if (end)
		while (a > 0 && a < f->s.len && f->map[a] == f->map[a - 1])
			a++;
	return a >= f->s.len ? n : f->map[a];
}

size_t
entity_extract(const struct gazetteer *gz, const char *text, size_t len,
    struct entity_list *out)
{
	struct scratch	*sc;
	struct run	 r;
	size_t		 i, n = len;

	if (out->scratch == NULL) {
		out->scratch = xcalloc(1, sizeof *sc);
		sc = out->scratch;
		sc->f = (struct text_folded)TEXT_FOLDED_INIT;
	}
	sc = out->scratch;
	out->n = 0;
	out->npairs = 0;
	sbuf_reset(&out->strings);
	sc->have_now = 0;
	out->truncated = 0;
	if (text == NULL)
		n = 0;
	if (n > TEXT_MAX_MESSAGE) {
		/* Cut on a code point boundary. */
		n = TEXT_MAX_MESSAGE;
		while (n > 0 && ((unsigned char)text[n] & 0xc0) == 0x80)
			n--;
		out->truncated = 1;
	}
	out->scanned = n;
	/*
	 * Fold the customer's bytes as they are rather than a sanitized
	 * copy: text_fold reads an invalid byte as U+FFFD and keeps the map
	 * exact, whereas repairing first would shift every later offset.
	 */
	out->repaired = n > 0 && !text_utf8_valid(text, n, NULL);
	text_fold(n > 0 ? text : "", n, &sc->f);
	/* NUL bytes fold to themselves; patterns stop at nothing. */
	if (sc->f.s.len + 1 > sc->takencap) {
		sc->takencap = sc->f.s.len + 64;
		sc->taken = xrealloc(sc->taken, sc->takencap);
	}
	memset(sc->taken, 0, sc->f.s.len + 1);

	r.gz = gz;
	r.out = out;
	r.sc = sc;
	r.s = sc->f.s.buf;
	r.n = sc->f.s.len;
	r.orig = n > 0 ? text : "";
	lex(sc, r.s, r.n);
	entity_find_emails(&r);
	entity_find_orders(&r);
	entity_find_dates(&r);
	entity_find_prices(&r);
	entity_find_catalog(&r);
	entity_verb_kinds(&r);
	entity_compounds(&r);
	entity_dual_words(&r);
	entity_find_quantities(&r);
	link_pairs(&r);

	for (i = 0; i < out->n; i++) {
		struct entity *e = &out->v[i];

		e->start = orig_offset(&sc->f, e->start, n, 0);
		e->end = orig_offset(&sc->f, e->end, n, 1);
		e->value = sc->voff[i] != SIZE_MAX ?
		    out->strings.buf + sc->voff[i] : "";
	}
	return out->n;
}

const struct entity *
entity_add_product(const struct gazetteer *gz, struct entity_list *el,
    size_t start, size_t end, long long id)
{
	struct entity	*e;
	size_t		 i, k;
	long		 idx;

	if (gz == NULL || (idx = gz_product_index(gz, id)) < 0)
		return NULL;
	for (i = 0; i < el->n; i++)
		if (start < el->v[i].end && end > el->v[i].start)
			return NULL;
	if (el->n == el->cap) {
		el->cap = el->cap < 8 ? 8 : el->cap * 2;
		el->v = xrealloc(el->v, el->cap * sizeof *el->v);
	}
	for (k = 0; k < el->n && el->v[k].start < start; k++)
		;
	memmove(&el->v[k + 1], &el->v[k], (el->n - k) * sizeof *el->v);
	el->n++;
	e = &el->v[k];
	memset(e, 0, sizeof *e);
	e->type = ENTITY_PRODUCT;
	e->extractor = EXTRACTOR_CONTEXT;
	e->start = start;
	e->end = end;
	e->product_id = id;
	e->sku = gz_product_sku(gz, (uint32_t)idx);
	e->name = gz_product_name(gz, (uint32_t)idx);
	e->brand = gz_product_brand(gz, (uint32_t)idx);
	e->value = e->name;
	e->matches = 1;
	return e;
}

void
entity_remove(struct entity_list *el, size_t i)
{
	if (i >= el->n)
		return;
	memmove(&el->v[i], &el->v[i + 1], (el->n - i - 1) * sizeof *el->v);
	el->n--;
}

void
entity_list_release(struct entity_list *el)
{
	struct scratch	*sc = el->scratch;

	if (sc != NULL) {
		text_folded_release(&sc->f);
		free(sc->tok);
		free(sc->th);
		free(sc->tdist);
		free(sc->lx);
		free(sc->taken);
		free(sc->voff);
		free(sc);
	}
	free(el->v);
	sbuf_release(&el->strings);
	memset(el, 0, sizeof *el);
	sbuf_init(&el->strings);
}

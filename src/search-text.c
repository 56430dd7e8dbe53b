/*
 * search-text.c: the text side of retrieval.  It turns the customer's
 * words into the tokens the rest of search works on (NFKC, case folded,
 * marks stripped, cut as FTS5's unicode61 tokenizer cuts them) and
 * measures how far apart two words are for typo correction.  Kept
 * apart from the SQL: these functions see neither the store nor FTS5,
 * so query planning, typo correction and the chunk snippets share one
 * tokenizer and one distance, and cannot drift from each other.
 */
#include "config.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <utf8proc.h>

#include "shopdesk.h"
#include "search.h"
#include "search-int.h"

/* NFKC, case folded, marks stripped (as remove_diacritics); NULL if bad. */
char *
search_normalize(const char *s)
{
	utf8proc_uint8_t *out = NULL;
	utf8proc_ssize_t  n;
	char		 *r;

	n = utf8proc_map((const utf8proc_uint8_t *)s, 0, &out,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
	if (n < 0)
		return NULL;
	/* utf8proc allocates with malloc; hand back our own copy. */
	r = xstrdup((const char *)out);
	free(out);
	return r;
}

static int
is_word_cp(utf8proc_int32_t cp)
{
	switch (utf8proc_category(cp)) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return 1;
	default:
		return 0;
	}
}

void
search_tokens_add(struct tokens *t, const char *s, size_t n)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 16;
		t->v = xrealloc(t->v, t->cap * sizeof *t->v);
	}
	t->v[t->n++] = xstrndup(s, n);
}

void
search_tokens_free(struct tokens *t)
{
	size_t	 i;

	for (i = 0; i < t->n; i++)
		free(t->v[i]);
	free(t->v);
	t->v = NULL;
	t->n = t->cap = 0;
}

/*
 * Split normalised text into words the way unicode61 does, except that a
 * '.' or ',' between digits stays inside a number ("1,299.99"), so that
 * price phrases can be read.
 */
void
search_tokenize(const char *s, struct tokens *t)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;
	size_t		 start = 0, i = 0, len = strlen(s);
	int		 in = 0;

	while (i < len) {
		n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
		if (n <= 0) {		/* normalised text is valid; be safe */
			i++;
			continue;
		}
		if (is_word_cp(cp) || (in && (cp == '.' || cp == ',') &&
		    i > 0 && isdigit(p[i - 1]) && i + 1 < len &&
		    isdigit(p[i + 1]))) {
			if (!in)
				start = i;
			in = 1;
		} else if (in) {
			search_tokens_add(t, s + start, i - start);
			in = 0;
		}
		i += (size_t)n;
	}
	if (in)
		search_tokens_add(t, s + start, len - start);
}

/* Code points of a UTF-8 string into *v (grown as needed); the count. */
int
search_decode(const char *s, int32_t **v, int *cap)
{
	const utf8proc_uint8_t *p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t cp;
	utf8proc_ssize_t n;
	int		 k = 0;

	while (*p != '\0') {
		if ((n = utf8proc_iterate(p, -1, &cp)) <= 0) {
			cp = *p;
			n = 1;
		}
		if (k == *cap) {
			*cap = *cap ? *cap * 2 : 32;
			*v = xrealloc(*v, (size_t)*cap * sizeof **v);
		}
		(*v)[k++] = cp;
		p += n;
	}
	return k;
}

/*
 * Optimal string alignment distance with a bound: three rows of the
 * dynamic programme; gives up (max + 1) when a whole row exceeds max.
 * work holds 3 * (nb + 1) ints.
 */
int
search_osa(const int32_t *a, int na, const int32_t *b, int nb, int max,
    int *work)
{
	int	*prev2 = work, *prev = work + nb + 1, *cur = work + 2 * (nb + 1);
	int	*tmp, i, j, c, best;

	if (abs(na - nb) > max)
		return max + 1;
	for (j = 0; j <= nb; j++)
		prev[j] = j;
	for (i = 1; i <= na; i++) {
		cur[0] = i;
		best = cur[0];
		for (j = 1; j <= nb; j++) {
			c = prev[j - 1] + (a[i - 1] != b[j - 1]);
			if (prev[j] + 1 < c)
				c = prev[j] + 1;
			if (cur[j - 1] + 1 < c)
				c = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && prev2[j - 2] + 1 < c)
				c = prev2[j - 2] + 1;
			cur[j] = c;
			if (c < best)
				best = c;
		}
		if (best > max)
			return max + 1;
		tmp = prev2;
		prev2 = prev;
		prev = cur;
		cur = tmp;
	}
	return prev[nb] > max ? max + 1 : prev[nb];
}

int
search_edit_distance(const char *a, const char *b, int max)
{
	int32_t	*va = NULL, *vb = NULL;
	int	 ca = 0, cb = 0, na, nb, d, *work;

	na = search_decode(a, &va, &ca);
	nb = search_decode(b, &vb, &cb);
	work = xcalloc(3 * ((size_t)nb + 1), sizeof *work);
	d = search_osa(va, na, vb, nb, max, work);
	free(work);
	free(va);
	free(vb);
	return d;
}

/* The first bytes differ for nearly every word of a list: test them first. */
int
search_word_in(const char *w, const char *const *list)
{
	for (; *list != NULL; list++)
		if ((*list)[0] == w[0] && strcmp(w, *list) == 0)
			return 1;
	return 0;
}

/*
 * A sweep over the whole demo catalog for the ways a customer picks one
 * product out of what the bot just showed.
 *
 * For every category the bot shows its own list and a comparison of
 * three, then, each in a new session, the customer points at a member:
 * by position ("the third one", "number 2", "#3", "the 2nd one",
 * "option 1", "the bottom one"), by its brand alone ("what about the
 * sony") or by a word of its name alone ("the zenbook", "what about the
 * ultra"), by "it" after picking one, and by going back to one seen two
 * turns before ("back to the first one you showed").  The reply must
 * name that member and no other.  A brand or a name word that two
 * members share is asked about (the reply names both and asks), never
 * guessed.  A name word that no member has but products of the same
 * kind do ("the ultra" after a list of iPhones) is one of those, never
 * a member.  A model of a member's brand that the store lacks ("the
 * Sony QZ-9000") is not found, never answered about a member.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "shopdesk.h"
#include "catalog.h"
#include "engine.h"
#include "ingest.h"
#include "store.h"
#include "text.h"
#include "tap.h"
#include "seed.h"
#include "refs-lib.h"

#define SEQ_MAX		4	/* customer turns after the list */

static const char *const ords[] = { "first", "second", "third", "fourth",
	"fifth" };
static const char *const sufs[] = { "st", "nd", "rd", "th", "th" };

/* Words of names that say a kind or a quality, not one product. */
static const char *const plain[] = { "with", "and", "the", "for", "edition",
	"wireless", "bluetooth", "gen", "generation", "new", "series", "black",
	"white", "silver", "digital", "smart", "model", "pack", "inch",
	"console", "headphones", "earbuds", "speaker", "laptop", "monitor",
	"camera", "watch", "phone", "tablet", "router", "printer", "card",
	"gift", "case", "mouse", "keyboard", "only", "body", "lens", "mesh",
	"system", "wifi", "all", "one", "pro", "plus", "mini", "max", "ultra",
	"lite", "air", "portable", "noise", "cancelling", "gaming", "true",
	"ear", "over", "subscription", "devices", "year", "month", "purchase",
	"time", "code", "high", "yield", "ink", "cartridge", "tri", "color",
	"colour", "hub", "usb", "ssd", "nvme", "sata", "oled", "qled", "neo",
	NULL };

static int
in_words(const char *const *l, const char *w, size_t n)
{
	for (; *l != NULL; l++)
		if (strlen(*l) == n && strncmp(*l, w, n) == 0)
			return 1;
	return 0;
}

/*
 * Shows the list (in a new session), then says each of turns; the last
 * turn in *tu.  1 when all ran and the list shown is skus.
 */
static int
run_seq(const char *show, char *const *skus, size_t n,
    const char *const *turns, size_t nt, struct turn *tu)
{
	struct turn	 first;
	char		*sid = NULL, *v[8];
	size_t		 m, i;
	int		 good;

	if (!say(&sid, show, &first))
		return 0;
	m = shown(&first, v, 8);
	good = m == n;
	for (i = 0; i < m; i++) {
		good &= i < n && strcmp(v[i], skus[i]) == 0;
		free(v[i]);
	}
	turn_release(&first);
	for (i = 0; good && i < nt; i++) {
		good = say(&sid, turns[i], tu);
		if (good && i + 1 < nt)
			turn_release(tu);
	}
	free(sid);
	return good;
}

/*
 * Is the reply about p[k] and no other member: its name said (or, when
 * the fact check took the sentence with the name, it alone cited), no
 * other member's name said (but inside its own) nor cited?
 */
static int
about_only(const struct turn *tu, const struct product *p, size_t n,
    size_t k)
{
	size_t	 i;

	if (strstr(tu->reply, p[k].name) == NULL && !cited(tu, p[k].sku))
		return 0;
	for (i = 0; i < n; i++)
		if (i != k && strstr(p[k].name, p[i].name) == NULL &&
		    (strstr(tu->reply, p[i].name) != NULL ||
		    cited(tu, p[i].sku)))
			return 0;
	return 1;
}

/* Does the reply ask which, naming every member marked in want? */
static int
asks_among(const char *reply, const struct product *p, size_t n,
    const int *want)
{
	size_t	 i;

	if (strchr(reply, '?') == NULL)
		return 0;
	for (i = 0; i < n; i++)
		if (want[i] && strstr(reply, p[i].name) == NULL)
			return 0;
	return 1;
}

/* One case: the turns after the list, then the check (k: the member
 * meant; want: those asked between, when k is n). */
static void
check(const char *show, struct product *p, size_t n, char *const *skus,
    const char *const *turns, size_t nt, size_t k, const int *want,
    int *cases, int *fails)
{
	struct turn	 tu;
	int		 good;

	if (!run_seq(show, skus, n, turns, nt, &tu))
		return;
	(*cases)++;
	good = k < n ? about_only(&tu, p, n, k) :
	    asks_among(tu.reply, p, n, want);
	if (!good) {
		(*fails)++;
		printf(diag_left > 0 ? "# after: %s\n" : "", show);
		miss(k < n ? p[k].name : "(asked which)", turns[nt - 1],
		    tu.reply);
	}
	turn_release(&tu);
}

/* Positions said in words, in digits and as ordinals with digits. */
static void
by_position(const char *show, struct product *p, size_t n,
    char *const *skus, int *cases, int *fails)
{
	const char	*turns[SEQ_MAX];
	char		*q[5];
	size_t		 k, h;

	for (k = 0; k < n && k < 5; k++) {
		q[0] = xasprintf("the %s one, how much is it?", ords[k]);
		q[1] = xasprintf("tell me about number %zu", k + 1);
		q[2] = xasprintf("#%zu please", k + 1);
		q[3] = xasprintf("what's the %zu%s one like?", k + 1, sufs[k]);
		q[4] = xasprintf("option %zu", k + 1);
		for (h = 0; h < 5; h++) {
			turns[0] = q[h];
			check(show, p, n, skus, turns, 1, k, NULL, cases,
			    fails);
			free(q[h]);
		}
	}
	/* Where it stands in the list. */
	turns[0] = "the top one, is it any good?";
	check(show, p, n, skus, turns, 1, 0, NULL, cases, fails);
	turns[0] = "and the bottom one?";
	check(show, p, n, skus, turns, 1, n - 1, NULL, cases, fails);
	if (n % 2 == 1) {
		turns[0] = "how about the one in the middle";
		check(show, p, n, skus, turns, 1, n / 2, NULL, cases, fails);
	}
}

/* Which members' brand (or name word, when word) is w; how many. */
static size_t
holders(const struct product *p, size_t n, const char *w, int word,
    int *mark)
{
	char	*f;
	size_t	 i, c = 0, len = strlen(w);
	const char *at;

	for (i = 0; i < n; i++) {
		mark[i] = 0;
		if (!word)
			mark[i] = p[i].brand != NULL &&
			    strcasecmp(p[i].brand, w) == 0;
		else {
			f = folded(p[i].name);
			for (at = f; (at = strstr(at, w)) != NULL; at++)
				if ((at == f || !isalnum((unsigned char)
				    at[-1])) && !isalnum((unsigned char)
				    at[len]))
					mark[i] = 1;
			free(f);
		}
		c += mark[i];
	}
	return c;
}

/* Is w in the specifications of a member ("the port": a question of
 * the ports, as much as a name)? */
static int
in_specs(const struct product *p, size_t n, const char *w)
{
	char	*f;
	size_t	 i;
	int	 yes = 0;

	for (i = 0; i < n && !yes; i++) {
		f = folded(p[i].attrs != NULL ? p[i].attrs : "");
		yes = strstr(f, w) != NULL;
		free(f);
	}
	return yes;
}

/* Says "what about the W" and "the W one?" for what W marks: the one
 * member, or a question naming them all. */
static void
by_word(const char *show, struct product *p, size_t n, char *const *skus,
    const char *w, int word, int *cases, int *fails)
{
	const char	*turns[SEQ_MAX];
	char		*q[2];
	int		 mark[8];
	size_t		 c, k, h;

	c = holders(p, n, w, word, mark);
	if (c == 0 || c == n || (word && in_specs(p, n, w)))
		return;
	for (k = 0; k < n && !mark[k]; k++)
		;
	q[0] = xasprintf("what about the %s", w);
	q[1] = xasprintf("the %s one?", w);
	for (h = 0; h < 2; h++) {
		turns[0] = q[h];
		check(show, p, n, skus, turns, 1, c == 1 ? k : n, mark, cases,
		    fails);
		free(q[h]);
	}
}

/* Is w (n bytes) a word of the folded brand b ("link" of "tp link")? */
static int
in_brand(const char *b, const char *w, size_t n)
{
	const char	*at;

	for (at = b; *at != '\0'; at++)
		if ((at == b || !isalnum((unsigned char)at[-1])) &&
		    strncmp(at, w, n) == 0 && !isalnum((unsigned char)at[n]))
			return 1;
	return 0;
}

/* A word of p's name (folded) that names it: no digit, not its brand,
 * not a plain word; NULL when none.  Caller frees. */
static char *
name_word(const struct product *p, int skip)
{
	struct text_token *tok = NULL;
	char		*f = folded(p->name), *b = folded(p->brand != NULL ?
	    p->brand : ""), *w = NULL;
	size_t		 cap = 0, nt, i, len;

	nt = text_tokenize(f, strlen(f), &tok, &cap);
	for (i = 0; i < nt && w == NULL; i++) {
		len = tok[i].end - tok[i].start;
		if (len < 3 || tok[i].has_digit || in_words(plain, f +
		    tok[i].start, len) || in_brand(b, f + tok[i].start, len))
			continue;
		if (skip-- > 0)
			continue;
		w = xstrndup(f + tok[i].start, len);
	}
	free(tok);
	free(f);
	free(b);
	return w;
}

/* The members by brand, by a word of their names, by "it" and by going
 * back to one seen before. */
static void
by_name(const char *show, struct product *p, size_t n, char *const *skus,
    int *cases, int *fails)
{
	const char	*turns[SEQ_MAX];
	char		*w, *b;
	size_t		 k;
	int		 mark[8];

	for (k = 0; k < n; k++) {
		if (p[k].brand != NULL && p[k].brand[0] != '\0') {
			b = folded(p[k].brand);
			by_word(show, p, n, skus, b, 0, cases, fails);
			free(b);
		}
		if ((w = name_word(&p[k], 0)) != NULL) {
			by_word(show, p, n, skus, w, 1, cases, fails);
			free(w);
		}
	}
	/* "It" after one was picked; back to one seen before. */
	turns[0] = "tell me about the second one";
	turns[1] = "how much is it?";
	check(show, p, n, skus, turns, 2, 1, NULL, cases, fails);
	turns[1] = "and the last one?";
	turns[2] = "ok back to the first one you showed";
	check(show, p, n, skus, turns, 3, 0, NULL, cases, fails);
	if (p[0].brand != NULL && holders(p, n, p[0].brand, 0, mark) == 1) {
		w = xasprintf("go back to the %s", p[0].brand);
		turns[2] = w;
		check(show, p, n, skus, turns, 3, 0, NULL, cases, fails);
		free(w);
	}
}

/*
 * A word of the names of the kind that no member's name has: the reply
 * is about a product whose name has it, never a member.
 */
static void
by_catalog_word(const char *show, struct product *p, size_t n,
    char *const *skus, const struct product *v, size_t nv, int *cases,
    int *fails)
{
	struct turn	 tu;
	const char	*turns[SEQ_MAX];
	char		*w, *q, *f;
	size_t		 i, j, used = 0;
	int		 mark[8], good, hit;
	const cJSON	*c, *it;
	struct product	 cp;
	struct sd_error	 err = SD_ERROR_INIT;

	for (i = 0; i < nv && used < 2; i++) {
		if ((w = name_word(&v[i], 0)) == NULL)
			continue;
		if (holders(p, n, w, 1, mark) > 0 || in_specs(p, n, w)) {
			free(w);
			continue;
		}
		used++;
		q = xasprintf("what about the %s", w);
		turns[0] = q;
		if (run_seq(show, skus, n, turns, 1, &tu)) {
			(*cases)++;
			hit = 0;
			c = cJSON_GetObjectItemCaseSensitive(tu.trace,
			    "citations");
			cJSON_ArrayForEach(it, c) {
				memset(&cp, 0, sizeof cp);
				if (catalog_product_by_sku(st,
				    cJSON_GetStringValue(
				    cJSON_GetObjectItemCaseSensitive(it,
				    "id")), &cp, &err) != SD_OK) {
					sd_error_clear(&err);
					continue;
				}
				f = folded(cp.name);
				hit |= strstr(f, w) != NULL;
				free(f);
				product_release(&cp);
			}
			good = hit || strchr(tu.reply, '?') != NULL;
			for (j = 0; j < n; j++)
				good &= !cited(&tu, p[j].sku) &&
				    strstr(tu.reply, p[j].name) == NULL;
			if (!good) {
				(*fails)++;
				printf(diag_left > 0 ? "# after: %s\n" : "",
				    show);
				miss(w, q, tu.reply);
			}
			turn_release(&tu);
		}
		free(q);
		free(w);
	}
}

/*
 * A model of a member's brand the store lacks, named while the list is
 * shown: "couldn't find" it, never an answer about a member (the
 * nearest names may list one).
 */
static void
by_unknown(const char *show, struct product *p, size_t n, char *const *skus,
    int *cases, int *fails)
{
	static const char *const q[] = { "what about the %s QZ-9000?",
	    "is the %s ZX7 any good", NULL };
	const char	*turns[SEQ_MAX];
	struct turn	 tu;
	char		*m;
	size_t		 k, h;

	for (k = 0; k < n && k < 2; k++)
		for (h = 0; q[h] != NULL && p[k].brand != NULL &&
		    p[k].brand[0] != '\0'; h++) {
			m = xasprintf(q[h], p[k].brand);
			turns[0] = m;
			if (run_seq(show, skus, n, turns, 1, &tu)) {
				(*cases)++;
				if (strstr(tu.reply, "couldn't find") == NULL ||
				    tu.action == NULL || strcmp(tu.action,
				    "product_not_found") != 0) {
					(*fails)++;
					miss(p[k].brand, m, tu.reply);
				}
				turn_release(&tu);
			}
			free(m);
		}
}

static void
test_pointers(void)
{
	struct product	*v, p[8];
	struct turn	 tu;
	char		*skus[8], *show, *sid;
	size_t		 n, m, k, i, src;
	int		 cases[4], fails[4];

	for (k = 0; k < NKINDS; k++) {
		memset(cases, 0, sizeof cases);
		memset(fails, 0, sizeof fails);
		n = of_kind(kinds[k].category, NULL, &v);
		for (src = 0; src < 2; src++) {
			show = src == 0 ? xasprintf("show me %s",
			    kinds[k].words) : three(v, n);
			sid = NULL;
			if (show == NULL || !say(&sid, show, &tu)) {
				free(show);
				continue;
			}
			m = shown(&tu, skus, 8);
			turn_release(&tu);
			free(sid);
			if (m >= 2 && load_list(skus, m, p)) {
				by_position(show, p, m, skus, &cases[0],
				    &fails[0]);
				by_name(show, p, m, skus, &cases[1],
				    &fails[1]);
				by_catalog_word(show, p, m, skus, v, n,
				    &cases[2], &fails[2]);
				by_unknown(show, p, m, skus, &cases[3],
				    &fails[3]);
				for (i = 0; i < m; i++)
					product_release(&p[i]);
			}
			for (i = 0; i < m; i++)
				free(skus[i]);
			free(show);
		}
		release_all(v, n);
		ok(cases[0] > 0 && fails[0] == 0, "%s: %d of %d positions "
		    "answered about that member", kinds[k].category,
		    cases[0] - fails[0], cases[0]);
		ok(cases[1] > 0 && fails[1] == 0, "%s: %d of %d brands, name "
		    "words, \"it\" and going back answered about that member "
		    "or asked which", kinds[k].category, cases[1] - fails[1],
		    cases[1]);
		ok(fails[2] == 0, "%s: %d of %d name words no member has "
		    "answered about another of the kind", kinds[k].category,
		    cases[2] - fails[2], cases[2]);
		ok(cases[3] > 0 && fails[3] == 0, "%s: %d of %d models of a "
		    "member's brand the store lacks not found, no member "
		    "answered", kinds[k].category, cases[3] - fails[3],
		    cases[3]);
	}
}

int
main(void)
{
	char	*dir;

	refs_open(&dir);
	/* REFS_DIAG=N prints N failures instead, to study them. */
	diag_left = getenv("REFS_DIAG") != NULL ? atoi(getenv("REFS_DIAG")) :
	    DIAG_MAX * 3;
	test_pointers();
	refs_close(dir);
	done_testing();
	return exit_status();
}

/*
 * dlg-compatlist.c: which entry of a product's compatibility list names
 * a device.  An entry names a catalog product when every telling word
 * of it is one of the product's words ("PlayStation 5" names the
 * PlayStation 5 Slim), a device in the customer's words when they share
 * a telling word ("not supported on Android" names "my android phone");
 * versions count ("Android 10+", "iPhone 12-15"), and a model tier the
 * entry lacks ("Pro") is another device.  The questions themselves, and
 * the replies, are dlg-compat.c's.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "dlg-int.h"

/* Words of a list entry that say nothing of which device it is. */
static const char *const generic[] = { "and", "or", "with", "the", "a",
	"an", "all", "other", "devices", "device", "models", "model",
	"phones", "phone", "on", "at", "for", "of", "in", "to", "latest",
	"version", "recommended", "speed", "standard", "supported", "works",
	"work", "earlier", "later", "only", "your", "my", "it", NULL };

/* Words that make an entry exclude what it names. */
static const char *const negation[] = { "not", "no", "except", "without",
	"never", NULL };

/* Is the word w (n bytes) one of list? */
int
dlg_in_list(const char *w, size_t n, const char *const *list)
{
	for (; *list != NULL; list++)
		if (strlen(*list) == n && strncmp(*list, w, n) == 0)
			return 1;
	return 0;
}

/* Folded word tokens of s appended to out, each followed by a space. */
void
dlg_fold_words(const char *s, size_t n, struct sbuf *out)
{
	struct text_folded f = TEXT_FOLDED_INIT;
	struct text_token *tok = NULL;
	size_t		 cap = 0, i, nt;

	text_fold(s, n, &f);
	nt = text_tokenize(f.s.buf, f.s.len, &tok, &cap);
	for (i = 0; i < nt; i++) {
		sbuf_add(out, f.s.buf + tok[i].start, tok[i].end -
		    tok[i].start);
		sbuf_adds(out, " ");
	}
	free(tok);
	text_folded_release(&f);
}

/* Is word w (n bytes) one of the " "-separated words? */
static int
in_list_words(const char *words, const char *w, size_t n)
{
	const char	*p, *e;

	for (p = words; *p != '\0'; p = e + 1) {
		e = strchr(p, ' ');
		if ((size_t)(e - p) == n && strncmp(p, w, n) == 0)
			return 1;
	}
	return 0;
}

/*
 * Is word w (n bytes) among the device's words?  A word of three or
 * more letters may be the start of one ("mac" for "macos").
 */
static int
device_has(const struct compat_device *d, const char *w, size_t n)
{
	const char	*p = d->words.buf, *e;

	for (; *p != '\0'; p = e + 1) {
		e = strchr(p, ' ');
		if ((size_t)(e - p) == n && strncmp(p, w, n) == 0)
			return 1;
		if (n >= 3 && (size_t)(e - p) >= 3 && ((size_t)(e - p) < n ?
		    strncmp(p, w, (size_t)(e - p)) == 0 : strncmp(p, w, n) ==
		    0) && d->p == NULL)
			return 1;
	}
	return 0;
}

/*
 * Does an entry of the list (one part, between separators) name the
 * device?  A product device: every telling word of the entry is one of
 * its words ("PlayStation 5" names the PlayStation 5 Slim, "R50" the
 * Canon EOS R50).  A device in the customer's words: a telling word in
 * common ("not supported on Android" names "my android phone").
 */
/* Does the word w (n bytes) hold a digit ("g16", "s24")? */
static int
has_digit(const char *w, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (isdigit((unsigned char)w[i]))
			return 1;
	return 0;
}

/*
 * The version the device states after word w (n bytes): "android 14"
 * of a phone's system, or -1.
 */
static double
device_version(const struct compat_device *d, const char *w, size_t n)
{
	const char	*p = d->words.buf, *e;

	for (; *p != '\0'; p = e + 1) {
		e = strchr(p, ' ');
		if ((size_t)(e - p) == n && strncmp(p, w, n) == 0 &&
		    isdigit((unsigned char)e[1]))
			return strtod(e + 1, NULL);
	}
	return -1;
}

/*
 * Is the folded word [p, e) the start of a range "12-15" in the entry
 * part (n bytes), followed by its end as the next word?  *hi is the end.
 */
static int
in_range(const char *part, size_t n, const char *p, const char *e,
    double *hi)
{
	const char	*q, *r = e + 1;
	size_t		 pl = (size_t)(e - p);

	if (!isdigit((unsigned char)*r))
		return 0;
	for (q = part; q + pl < part + n; q++)
		if (strncmp(q, p, pl) == 0 && q[pl] == '-' &&
		    isdigit((unsigned char)q[pl + 1]) && (q == part ||
		    !isalnum((unsigned char)q[-1]))) {
			*hi = strtod(q + pl + 1, NULL);
			return strtod(r, NULL) == *hi;
		}
	return 0;
}

/*
 * Does the product name (before its parenthesis) add a model tier
 * ("Pro", "Max", "Plus", "+") that the customer said (asked) and the
 * entry part (n bytes) does not?  A tier the customer never said is
 * the name resolver's choice ("ps5" read as the PS5 Pro), not theirs.
 */
static int
tier_added(const char *part, size_t n, const char *name, const char *asked,
    size_t al)
{
	static const char *const tiers[] = { "pro", "plus", "max", "ultra",
	    "mini", "lite", "fe", NULL };
	struct sbuf	 nw = SBUF_INIT, pw = SBUF_INIT, aw = SBUF_INIT;
	const char	*p, *e, *par = strstr(name, " (");
	size_t		 nl = par != NULL ? (size_t)(par - name) : strlen(name);
	int		 added = 0;

	dlg_fold_words(name, nl, &nw);
	dlg_fold_words(part, n, &pw);
	dlg_fold_words(asked, al, &aw);
	for (p = nw.buf; *p != '\0' && !added; p = e + 1) {
		e = strchr(p, ' ');
		added = dlg_in_list(p, (size_t)(e - p), tiers) &&
		    !in_list_words(pw.buf, p, (size_t)(e - p)) &&
		    in_list_words(aw.buf, p, (size_t)(e - p));
	}
	/* "S24+": the plus glued to the model. */
	if (!added && memchr(name, '+', nl) != NULL && memchr(part, '+',
	    n) == NULL && memchr(asked, '+', al) != NULL)
		added = 1;
	sbuf_release(&nw);
	sbuf_release(&pw);
	sbuf_release(&aw);
	return added;
}

static int
part_names(const char *part, size_t n, const struct compat_device *d, int *neg)
{
	struct sbuf	 w = SBUF_INIT;
	const char	*p, *e, *prev = NULL;
	size_t		 pl = 0;
	int		 telling = 0, hit = 0, miss = 0;
	int		 model_entry = 0, model_hit = 0, model_said = 0, floor;
	int		 range, versioned = 0;
	double		 v, hi;

	/* "Android 10+", "iPhone 12 and later": a version and the ones
	 * after it. */
	floor = memchr(part, '+', n) != NULL ||
	    strncmp(part + n, " and later", 10) == 0 ||
	    strncmp(part + n, " or later", 9) == 0 ||
	    strncmp(part + n, " and newer", 10) == 0 ||
	    strncmp(part + n, " or newer", 9) == 0;
	*neg = 0;
	for (p = d->words.buf; *p != '\0'; p = e + 1) {
		e = strchr(p, ' ');
		model_said |= has_digit(p, (size_t)(e - p));
	}
	dlg_fold_words(part, n, &w);
	for (p = w.buf; *p != '\0'; p = e + 1) {
		e = strchr(p, ' ');
		if (dlg_in_list(p, (size_t)(e - p), negation)) {
			*neg = 1;
			continue;
		}
		if (dlg_in_list(p, (size_t)(e - p), generic))
			continue;
		telling++;
		/* "Android 10+": a system from that version on; "iPhone
		 * 12-15": the versions between. */
		if (prev != NULL && isdigit((unsigned char)*p) &&
		    (range = in_range(part, n, p, e, &hi)) &&
		    (v = device_version(d, prev, pl)) >= strtod(p, NULL) &&
		    v <= hi) {
			hit++;
			versioned = 1;
			e = strchr(e + 1, ' ');	/* the range's end too */
			telling++;
		} else if (prev != NULL && isdigit((unsigned char)*p) &&
		    floor && !range &&
		    device_version(d, prev, pl) >= strtod(p, NULL))
			hit++;
		else if (device_has(d, p, (size_t)(e - p))) {
			hit++;
			model_hit |= has_digit(p, (size_t)(e - p));
		} else
			miss++;
		model_entry |= has_digit(p, (size_t)(e - p));
		prev = p;
		pl = (size_t)(e - p);
	}
	sbuf_release(&w);
	if (telling == 0)
		return 0;
	/* "iPhone 15" names the iPhone 15, not the iPhone 15 Pro or the
	 * Galaxy S24+ an "S24" entry shares every word with: a model
	 * entry without versions leaves out a tier its name adds. */
	if (d->p != NULL && d->asked != NULL && model_entry && !floor &&
	    !versioned && tier_added(part, n, d->p->name, d->asked,
	    d->asked_len))
		return 0;
	/* In the customer's words, a model said ("g16") that the entry's
	 * model ("G15") is not: another device, whatever else is shared. */
	if (d->p == NULL && model_said && model_entry && !model_hit)
		return 0;
	return d->p != NULL ? miss == 0 : hit > 0;
}

/*
 * The entry of list that names the device: its text in *why (caller
 * frees), 1 for yes, 0 for no (an entry that excludes it); -1 when the
 * list does not name it.  Entries are split at ';', ',', ':', '/' and
 * parentheses; a parenthesis that excludes the device wins over the
 * entry before it ("PlayStation 5 Pro (not the original PS5 Digital)").
 */
int
dlg_compat_verdict(const char *list, const struct compat_device *d, char **why)
{
	const char	*p = list, *q, *and;
	int		 neg, verdict = -1;
	size_t		 n;

	*why = NULL;
	while (*p != '\0') {
		q = p + strcspn(p, ";,:()/");
		/* "Android and iPhone": two entries. */
		if ((and = strstr(p, " and ")) != NULL && and >= q)
			and = NULL;
		if (and != NULL)
			q = and;
		while (*p == ' ')
			p++;
		n = (size_t)(q - p);
		while (n > 0 && p[n - 1] == ' ')
			n--;
		if (n > 0 && part_names(p, n, d, &neg) && (verdict < 0 ||
		    (neg && verdict == 1))) {
			free(*why);
			*why = xstrndup(p, n);
			verdict = !neg;
		}
		p = and != NULL ? and + 5 : *q != '\0' ? q + 1 : q;
	}
	return verdict;
}

/*
 * The product's compatibility list: compatible_with, or the key a
 * category names it by ("works_with" of a doorbell, "compatibility" of
 * a thermostat); NULL when it has none (caller frees).
 */
char *
dlg_compat_list(const struct product *p)
{
	static const char *const keys[] = { "compatible_with", "works_with",
	    "compatibility", NULL };
	const char *const *k;
	char	*v;

	for (k = keys; *k != NULL; k++) {
		if ((v = catalog_attr(p, *k)) != NULL && *v != '\0')
			return v;
		free(v);
	}
	return NULL;
}

/*
 * The words a device product goes by: its name, model, kind and
 * system ("iPadOS 17" of an iPad is what "iPadOS" in a mouse's list
 * names).
 */
void
dlg_compat_device_words(const struct product *d, struct sbuf *words)
{
	char	*os = catalog_attr(d, "os");

	dlg_fold_words(d->name, strlen(d->name), words);
	if (d->model != NULL)
		dlg_fold_words(d->model, strlen(d->model), words);
	if (os != NULL)
		dlg_fold_words(os, strlen(os), words);
	free(os);
}

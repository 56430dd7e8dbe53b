/*
 * mask.c owns what counts as personal data in exported conversations
 * (mask.h).  Patterns, not a model: an email is text@domain.tld, a card
 * number 13 to 19 digits (spaces or dashes between) that pass the Luhn
 * check, a phone number 7 to 15 digits with the usual separators (but
 * not a date), and a street address a house number followed by up to
 * four words ending in a street type ("12 Baker Street", "400 N Main
 * St").  Order numbers (five digits here), prices and SKUs are not
 * personal and stay, so that exported conversations still make sense.
 */
#include "config.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "shopdesk.h"
#include "mask.h"

static int
email_local(int c)
{
	return isalnum(c) || c == '.' || c == '_' || c == '%' || c == '+' ||
	    c == '-';
}

static int
domain_char(int c)
{
	return isalnum(c) || c == '.' || c == '-';
}

/* An email around the '@' at s[at]: its span [*a, *b). */
static int
email_at(const char *s, size_t at, size_t start, size_t *a, size_t *b)
{
	size_t	 l = at, r = at + 1, dot = 0, i;

	while (l > start && email_local((unsigned char)s[l - 1]))
		l--;
	while (domain_char((unsigned char)s[r]))
		r++;
	while (r > at + 1 && (s[r - 1] == '.' || s[r - 1] == '-'))
		r--;	/* a sentence's full stop is not the domain's */
	for (i = at + 1; i < r; i++)
		if (s[i] == '.')
			dot = i;
	if (l == at || dot == 0 || r - dot < 3 || dot == at + 1)
		return 0;
	*a = l;
	*b = r;
	return 1;
}

static int
luhn(const char *d, size_t n)
{
	int	 sum = 0, v, dbl = 0;
	size_t	 i;

	for (i = n; i > 0; i--) {
		v = d[i - 1] - '0';
		if (dbl && (v *= 2) > 9)
			v -= 9;
		sum += v;
		dbl = !dbl;
	}
	return sum % 10 == 0;
}

static int
is_sep(char c)
{
	return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')';
}

/*
 * A run of digits and separators from s[i]: its end and digits.  A
 * '+' may lead; at most two separators, different ones such as ") ",
 * come between digits.
 */
static size_t
number_run(const char *s, size_t i, char *digits, size_t *nd)
{
	size_t	 end = i, j = i;

	*nd = 0;
	if (s[j] == '+')
		j++;
	for (; s[j] != '\0'; j++) {
		if (isdigit((unsigned char)s[j])) {
			if (*nd < 20)
				digits[*nd] = s[j];
			(*nd)++;
			end = j + 1;
		} else if (!is_sep(s[j]) || !(isdigit((unsigned char)s[j + 1]) ||
		    (is_sep(s[j + 1]) && s[j + 1] != s[j] &&
		    isdigit((unsigned char)s[j + 2]))))
			break;	/* "(555) 123-4567" runs on */
	}
	return end;
}

/* YYYY-MM-DD, which a phone pattern would take. */
static int
is_date(const char *s, size_t a, size_t b)
{
	return b - a == 10 && s[a + 4] == '-' && s[a + 7] == '-';
}

static const char *const street[] = { "street", "st", "avenue", "ave",
	"road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr", "way",
	"court", "ct", "place", "pl", "terrace", "square", "sq", NULL };

/* A street address from the house number at s[i]: its end, or 0. */
static size_t
address_at(const char *s, size_t i)
{
	size_t	 j = i, w, words, n, k;

	while (isdigit((unsigned char)s[j]))
		j++;
	if (j - i > 5)
		return 0;
	if (isalpha((unsigned char)s[j]))	/* "12b" */
		j++;
	for (words = 0; words < 4 && s[j] == ' '; words++) {
		w = j + 1;
		for (n = 0; isalpha((unsigned char)s[w + n]); n++)
			;
		if (n == 0)
			return 0;
		for (k = 0; street[k] != NULL; k++)
			if (strlen(street[k]) == n && words > 0 &&
			    strncasecmp(street[k], s + w, n) == 0)
				return w + n + (s[w + n] == '.');
		j = w + n;
	}
	return 0;
}

static int	 mask_text(const char *, struct sbuf *, int);

int
mask_personal(const char *s, struct sbuf *out)
{
	return mask_text(s, out, 0);
}

int
mask_cards(const char *s, struct sbuf *out)
{
	return mask_text(s, out, 1);
}

static int
mask_text(const char *s, struct sbuf *out, int cards_only)
{
	char	 digits[20];
	size_t	 i = 0, done = 0, a, b, nd, end;
	int	 masked = 0;
	const char *tag;

	for (i = 0; s[i] != '\0'; i++) {
		tag = NULL;
		if (s[i] == '@' && !cards_only &&
		    email_at(s, i, done, &a, &b))
			tag = "[email]";
		else if ((isdigit((unsigned char)s[i]) || (s[i] == '+' &&
		    isdigit((unsigned char)s[i + 1]))) && (i == 0 ||
		    !isalnum((unsigned char)s[i - 1])) && i >= done) {
			a = i;
			if (!cards_only && (b = address_at(s, i)) > 0)
				tag = "[address]";
			else {
				end = number_run(s, i, digits, &nd);
				b = end;
				if (nd >= 13 && nd <= 19 && luhn(digits, nd))
					tag = "[card]";
				else if (!cards_only && nd >= 7 && nd <= 15 &&
				    !is_date(s, a, b) &&
				    !isalnum((unsigned char)s[b]))
					tag = "[phone]";
			}
			if (tag == NULL) {
				/* Not personal: none of its parts is. */
				i = b - 1;
				continue;
			}
		}
		if (tag == NULL)
			continue;
		sbuf_add(out, s + done, a - done);
		sbuf_adds(out, tag);
		done = b;
		i = b - 1;
		masked++;
	}
	sbuf_adds(out, s + done);
	return masked;
}

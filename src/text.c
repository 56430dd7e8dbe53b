/*
 * text.c owns UTF-8 handling: validation and repair of what comes in,
 * folding for matching with a byte map back to the original (so entity
 * spans point into the customer's own text), tokens and display width.
 * ASCII takes a fast path; everything else goes through utf8proc.
 */
#include "config.h"

#include <string.h>

#include <utf8proc.h>

#include "shopdesk.h"
#include "sbuf.h"
#include "text.h"

int
text_utf8_valid(const char *s, size_t n, size_t *bad)
{
	size_t		 i = 0;
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		r = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (r < 0) {
			if (bad != NULL)
				*bad = i;
			return 0;
		}
		i += (size_t)r;
	}
	return 1;
}

/* An ASCII byte that sanitizing and folding keep as it is (but case). */
static int
ascii_plain(char ch)
{
	unsigned char	 b = (unsigned char)ch;

	return (b >= 0x20 && b < 0x7f) || b == '\n' || b == '\t';
}

void
text_sanitize(const char *in, size_t n, size_t limit, struct sbuf *out,
    struct text_clean *info)
{
	static const char repl[] = "\xef\xbf\xbd";	/* U+FFFD */
	struct text_clean c;
	size_t		 i = 0, step, plen;
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;
	unsigned char	 b;
	const char	*p;

	memset(&c, 0, sizeof c);
	c.in_len = n;
	sbuf_reset(out);
	sbuf_grow(out, n < 65536 ? n : 65536);
	while (i < n) {
		/*
		 * A run of printable ASCII is copied as it is, in one go:
		 * byte by byte this loop cost more than classifying.
		 */
		for (step = i; step < n && ascii_plain(in[step]); step++)
			;
		if (step > i) {
			plen = step - i;
			if (limit != 0 && out->len + plen > limit) {
				plen = limit > out->len ? limit - out->len : 0;
				sbuf_add(out, in + i, plen);
				c.truncated = 1;
				break;
			}
			sbuf_add(out, in + i, plen);
			i = step;
			continue;
		}
		b = (unsigned char)in[i];
		p = in + i;
		step = plen = 1;
		if (b < 0x80) {
			if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7f) {
				p = " ";
				c.controls = 1;
			}
		} else if ((r = utf8proc_iterate((const utf8proc_uint8_t *)p,
		    (utf8proc_ssize_t)(n - i), &cp)) < 0) {
			/* One bad byte becomes U+FFFD; the rest resyncs. */
			p = repl;
			plen = 3;
			c.repaired = 1;
		} else {
			step = plen = (size_t)r;
			/* C1 controls and the line/paragraph separators */
			if ((cp >= 0x80 && cp < 0xa0) || cp == 0x2028 ||
			    cp == 0x2029) {
				p = " ";
				plen = 1;
				c.controls = 1;
			}
		}
		if (limit != 0 && out->len + plen > limit) {
			c.truncated = 1;
			break;
		}
		sbuf_add(out, p, plen);
		i += step;
	}
	if (info != NULL)
		*info = c;
}

static void
map_reserve(struct text_folded *f, size_t need)
{
	if (need <= f->cap)
		return;
	f->cap = need < 64 ? 64 : need * 2;
	f->map = xrealloc(f->map, f->cap * sizeof *f->map);
}

void
text_fold(const char *in, size_t n, struct text_folded *f)
{
	utf8proc_int32_t cp, dec[32];
	utf8proc_ssize_t r, nd, k;
	utf8proc_uint8_t enc[4];
	int		 last;
	size_t		 i = 0, j, o, start;
	unsigned char	 b;

	sbuf_reset(&f->s);
	sbuf_grow(&f->s, n);
	map_reserve(f, n + 1);
	while (i < n) {
		b = (unsigned char)in[i];
		if (b < 0x80) {
			/* A run of ASCII, written in place. */
			for (j = i; j < n && (unsigned char)in[j] < 0x80; j++)
				;
			sbuf_grow(&f->s, j - i);
			map_reserve(f, f->s.len + (j - i) + 1);
			for (o = f->s.len; i < j; i++, o++) {
				b = (unsigned char)in[i];
				f->map[o] = i;
				f->s.buf[o] = (char)(b >= 'A' && b <= 'Z' ?
				    b + 32 : b);
			}
			sbuf_setlen(&f->s, o);
			continue;
		}
		start = i;
		r = utf8proc_iterate((const utf8proc_uint8_t *)in + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (r < 0) {
			/* Callers sanitize first; keep going regardless. */
			cp = 0xfffd;
			r = 1;
		}
		i += (size_t)r;
		last = 0;
		nd = utf8proc_decompose_char(cp, dec, 32,
		    UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
		    UTF8PROC_DECOMPOSE, &last);
		if (nd < 0 || nd > 32) {
			dec[0] = cp;
			nd = 1;
		}
		for (k = 0; k < nd; k++) {
			utf8proc_ssize_t m = utf8proc_encode_char(dec[k], enc);

			map_reserve(f, f->s.len + (size_t)m + 1);
			for (j = 0; j < (size_t)m; j++)
				f->map[f->s.len + j] = start;
			sbuf_add(&f->s, enc, (size_t)m);
		}
	}
	map_reserve(f, f->s.len + 1);
	f->map[f->s.len] = n;
}

void
text_folded_release(struct text_folded *f)
{
	sbuf_release(&f->s);
	free(f->map);
	f->map = NULL;
	f->cap = 0;
}

/* 1 letter, 2 digit, 0 other. */
static int
char_class(const char *s, size_t n, size_t *len)
{
	unsigned char	 b = (unsigned char)s[0];
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;
	utf8proc_category_t cat;

	if (b < 0x80) {
		*len = 1;
		if ((b | 32) >= 'a' && (b | 32) <= 'z')
			return 1;
		if (b >= '0' && b <= '9')
			return 2;
		return 0;
	}
	r = utf8proc_iterate((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, &cp);
	if (r < 0) {
		*len = 1;
		return 0;
	}
	*len = (size_t)r;
	cat = utf8proc_category(cp);
	switch (cat) {
	case UTF8PROC_CATEGORY_LU:
	case UTF8PROC_CATEGORY_LL:
	case UTF8PROC_CATEGORY_LT:
	case UTF8PROC_CATEGORY_LM:
	case UTF8PROC_CATEGORY_LO:
	case UTF8PROC_CATEGORY_MN:
	case UTF8PROC_CATEGORY_MC:
		return 1;
	case UTF8PROC_CATEGORY_ND:
	case UTF8PROC_CATEGORY_NL:
	case UTF8PROC_CATEGORY_NO:
		return 2;
	default:
		return 0;
	}
}

size_t
text_tokenize(const char *s, size_t n, struct text_token **toks, size_t *cap)
{
	size_t	 i = 0, len, ntok = 0;
	int	 cls;
	struct text_token *t;

	while (i < n) {
		cls = char_class(s + i, n - i, &len);
		if (cls == 0) {
			i += len;
			continue;
		}
		if (ntok == *cap) {
			*cap = *cap < 16 ? 16 : *cap * 2;
			*toks = xrealloc(*toks, *cap * sizeof **toks);
		}
		t = &(*toks)[ntok++];
		t->start = i;
		t->has_alpha = t->has_digit = 0;
		while (i < n && (cls = char_class(s + i, n - i, &len)) != 0) {
			if (cls == 1)
				t->has_alpha = 1;
			else
				t->has_digit = 1;
			i += len;
		}
		t->end = i;
	}
	return ntok;
}

size_t
text_width(const char *s, size_t n)
{
	size_t		 i = 0, w = 0;
	utf8proc_int32_t cp;
	utf8proc_ssize_t r;
	int		 cw;

	while (i < n) {
		if ((unsigned char)s[i] < 0x80) {
			w += (unsigned char)s[i] >= 0x20;
			i++;
			continue;
		}
		r = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
		    (utf8proc_ssize_t)(n - i), &cp);
		if (r < 0) {
			w++;
			i++;
			continue;
		}
		cw = utf8proc_charwidth(cp);
		w += cw > 0 ? (size_t)cw : 0;
		i += (size_t)r;
	}
	return w;
}

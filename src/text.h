/*
 * text.h: UTF-8 text at the edges (validation, repair, length limits) and
 * for matching (case folding with a map back to the original bytes, and
 * word tokens).  Every module that reads customer text goes through here.
 */
#ifndef TEXT_H
#define TEXT_H

#include <stddef.h>

#include "sbuf.h"

/* Longest customer message the engine reads, in bytes; the rest is cut. */
#define TEXT_MAX_MESSAGE	4096

/* What text_sanitize changed. */
struct text_clean {
	size_t	 in_len;	/* bytes given */
	int	 truncated;	/* cut at the limit (on a code point boundary) */
	int	 repaired;	/* invalid UTF-8 replaced by U+FFFD */
	int	 controls;	/* control characters replaced by spaces */
};

/*
 * Replace out with a clean copy of in: valid UTF-8 (each invalid sequence
 * becomes U+FFFD), control characters other than newline and tab turned
 * into spaces, at most limit bytes (0: no limit), never cut inside a code
 * point.  info may be NULL.
 */
void	 text_sanitize(const char *in, size_t n, size_t limit, struct sbuf *out,
	    struct text_clean *info);

/* 1 when s[0..n) is valid UTF-8; else 0 and *bad = offset of the error. */
int	 text_utf8_valid(const char *s, size_t n, size_t *bad);

/* Folded text: lower case, compatibility forms, no accents. */
struct text_folded {
	struct sbuf	 s;	/* the folded text */
	size_t		*map;	/* map[i]: offset in the input of byte i of s */
	size_t		 cap;	/* allocated entries of map */
};
#define TEXT_FOLDED_INIT { SBUF_INIT, NULL, 0 }

/*
 * Fold valid UTF-8 for matching (NFKC compatibility decomposition, case
 * folding, combining marks removed); map[s.len] is n, so a span [a, b) of
 * the folded text is [map[a], map[b]) of the input.  Reuses out's memory.
 */
void	 text_fold(const char *in, size_t n, struct text_folded *out);
void	 text_folded_release(struct text_folded *);

/* A word: a run of letters and digits, in bytes of the text tokenized. */
struct text_token {
	size_t	 start;
	size_t	 end;
	int	 has_alpha;	/* contains a letter */
	int	 has_digit;	/* contains a digit */
};

/*
 * Split s into words; *toks grows as needed (caller frees, may be NULL at
 * first with *cap 0).  Returns the number of tokens.
 */
size_t	 text_tokenize(const char *s, size_t n, struct text_token **toks,
	    size_t *cap);

/* Display width of valid UTF-8 (wide characters count 2, marks 0). */
size_t	 text_width(const char *s, size_t n);

#endif

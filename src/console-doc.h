/*
 * console-doc.h: what the console's panes show, as styled text that knows
 * nothing of curses: lines made of styled spans, word-wrapped to a width
 * by display columns, and the builders that turn a turn's trace (or a
 * search result) into such text.  Kept apart from console.c so the unit
 * tests can check wrapping and trace rendering without a terminal.
 */
#ifndef CONSOLE_DOC_H
#define CONSOLE_DOC_H

#include <stddef.h>

#include <cjson/cJSON.h>

#include "sbuf.h"

/* Styles; console.c maps each to colours or to mono attributes. */
enum cstyle {
	CS_TEXT = 0,
	CS_DIM,		/* timestamps, labels, secondary facts */
	CS_BOLD,	/* headings, matched words */
	CS_USER,	/* the customer's lines */
	CS_BOT,		/* the bot's lines */
	CS_AGENT,	/* a human agent's lines */
	CS_SYSTEM,	/* console notices */
	CS_ERROR,	/* errors and warnings */
	CS_TITLE,	/* pane titles */
	CS_BAR,		/* score bars */
	CS_ENTITY,	/* entity spans in the customer's text */
	CS_CITED,	/* retrieved items the reply cited */
	CS_CHANGED,	/* dialogue state that this turn changed */
	CS_SELECT,	/* the selected turn or session */
	CS_STATUS,	/* the status line */
	CS_NSTYLES
};

/* A styled span of a line's text. */
struct cseg {
	int	 style;
	size_t	 off;		/* bytes into the line's text */
	size_t	 len;
};

/* One logical line: wraps onto several screen rows. */
struct cline {
	struct sbuf	 text;	/* valid UTF-8, no newlines */
	struct cseg	*segs;
	size_t		 nsegs;
	size_t		 cap;
	int		 indent;	/* columns of continuation rows */
	long		 tag;		/* caller's mark (turn number), or -1 */
};

struct cdoc {
	struct cline	*ln;
	size_t		 n;
	size_t		 cap;
};
#define CDOC_INIT { NULL, 0, 0 }

/* A screen row of a wrapped document: bytes [start, end) of one line. */
struct crow {
	size_t	 line;
	size_t	 start;
	size_t	 end;
	int	 x;		/* first column (indent of continuations) */
};

void	 cdoc_clear(struct cdoc *);		/* keeps nothing */
/* Start a line; text added later goes on it. */
void	 cdoc_line(struct cdoc *, int indent, long tag);
/*
 * Append text to the last line (starting one if there is none).  Invalid
 * UTF-8 becomes U+FFFD, tabs and controls spaces; a newline starts a new
 * line with the same indent and tag.
 */
void	 cdoc_add(struct cdoc *, int style, const char *, size_t);
void	 cdoc_adds(struct cdoc *, int style, const char *);
void	 cdoc_addf(struct cdoc *, int style, const char *, ...)
	    __attribute__((format(printf, 3, 4)));

/*
 * Wrap every line to width columns (word breaks at spaces, a word wider
 * than the row is cut between code points, never inside one).  *rows
 * grows as needed (caller frees); returns the number of rows.
 */
size_t	 cdoc_wrap(const struct cdoc *, int width, struct crow **rows,
	    size_t *cap);

/* Display width of one code point (utf8proc), 0 for controls. */
int	 cdoc_cpwidth(int cp);

/*
 * A reply as the console shows it: text (a bot's reply) with each table
 * its trace (or NULL) lists at its place, laid out by display width to
 * fit width screen columns, instead of the plain text the reply holds
 * there.  Other text is copied as it is.  out is replaced.
 */
void	 cdoc_render_tables(const char *text, const cJSON *trace, int width,
	    struct sbuf *out);

/* Whether bars and marks may use block characters (a UTF-8 locale). */
extern int cdoc_unicode;

/*
 * Render a turn's trace: the context pane (what retrieval returned, what
 * was cited) and the debug pane (intent, verdict, entities, state, action,
 * timings).  Missing or ill-typed fields are skipped, never trusted.
 */
void	 cdoc_context(struct cdoc *, const cJSON *trace, long turn);
void	 cdoc_debug(struct cdoc *, const cJSON *trace, long turn);

/*
 * Fact-check verdicts inline: reply with a mark after each claim of the
 * trace's "factcheck" list that the text still holds ("[✓ price]",
 * "[✗ price: said $999]" after the corrected value), and the claims it
 * no longer holds (removed products, contradictions, a generated reply
 * the template replaced) marked at the end.  Marks are wrapped in
 * CDOC_MARK_ON and CDOC_MARK_OFF bytes for the caller to style; the
 * reply is copied as it is when the trace has no claims.  out is
 * replaced.
 */
#define CDOC_MARK_ON	'\001'
#define CDOC_MARK_OFF	'\002'
void	 cdoc_verdicts(const char *reply, const cJSON *trace,
	    struct sbuf *out);

#endif

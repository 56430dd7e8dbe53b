/*
 * convfile.h: reading labelled conversation files (JSONL, one
 * conversation a line) for "shopdesk eval dialogues"; see convfile.c.
 */
#ifndef CONVFILE_H
#define CONVFILE_H

#include <stddef.h>

#include "shopdesk.h"
#include "judge.h"

/* One conversation of a file. */
struct convfile_conv {
	char		*id;		/* "d001", "v025" */
	char		*user;		/* customer id; NULL: anonymous */
	char		*category;	/* groups the figures */
	const char	*file;		/* the path given (not owned) */
	unsigned long	 line;		/* its line in file */
	struct judge_turn *turns;	/* the customer's turns, in order */
	size_t		 nturns;
};

/* Appends path's conversations to *convs (*n of them so far).  On an
 * error the conversations read so far stay in *convs, to be released. */
enum sd_rc	convfile_read(const char *path, struct convfile_conv **convs,
		    size_t *n, struct sd_error *err);
/* Frees what a conversation holds (not the struct itself). */
void		convfile_release(struct convfile_conv *c);
/* Appends path to *files, or every *.jsonl of the directory path in name
 * order (an error when it holds none). */
enum sd_rc	convfile_paths(const char *path, char ***files, size_t *nfiles,
		    struct sd_error *err);

#endif

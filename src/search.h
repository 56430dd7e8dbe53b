/*
 * search.h: the retrieval module: ranked search over products and
 * documents (FTS5 BM25 with field weights, typo tolerance, synonyms).
 * Placeholder API; the search module defines the rest.
 */
#ifndef SEARCH_H
#define SEARCH_H

#include "shopdesk.h"

struct store;

/* Seed the synonym table of a new store (shop list and WordNet-derived). */
enum sd_rc	 synonyms_seed(struct store *, const char *share_dir,
		    struct sd_error *);

#endif

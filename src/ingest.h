/*
 * ingest.h: loading files into the knowledge base (catalogs, documents,
 * FAQs, customers, orders, tickets).
 */
#ifndef INGEST_H
#define INGEST_H

#include "shopdesk.h"

struct store;

/*
 * Load every file listed in share_dir/demo/MANIFEST into a new store, in
 * one transaction.
 */
enum sd_rc	 ingest_seed_demo(struct store *, const char *share_dir,
		    struct sd_error *);

#endif

/*
 * ingest-conv.c: conversations as training data, read by shopdesk ingest
 * from a "conversations" array (the spec's "Training Data Structure",
 * which shopdesk export conversations writes) or one per line of JSON
 * Lines, and stored by corpus.c.  Errors name the conversation by its
 * place in the file and its id, and the turn, besides the line.
 */
#include "config.h"

#include <string.h>

#include "shopdesk.h"
#include "corpus.h"
#include "ingest-int.h"

enum sd_rc
ingest_conv_load(struct ingest_ctx *c, cJSON *rec, struct sd_error *err)
{
	struct corpus_conv cv;
	size_t		 i;
	long long	 labelled = 0;
	int		 change;
	enum sd_rc	 rc;

	c->nconv++;
	if ((rc = corpus_conv_parse(rec, &cv, err)) != SD_OK) {
		if (cv.id != NULL)
			sd_error_prefix(err, "conversation %lld (\"%s\"): ",
			    c->nconv, cv.id);
		else
			sd_error_prefix(err, "conversation %lld: ", c->nconv);
		goto out;
	}
	if ((rc = ingest_seen_once(c, 'v', "conversation id", cv.id, err)) !=
	    SD_OK) {
		sd_error_prefix(err, "conversation %lld: ", c->nconv);
		goto out;
	}
	for (i = 0; i < cv.nturns; i++)
		labelled += corpus_turn_intent(&cv, i) != NULL;
	c->stats->conversations++;
	c->stats->examples += labelled;
	if (c->check)
		goto out;
	if ((rc = corpus_put(c->st, &cv, &change, err)) != SD_OK)
		goto out;
	if (change == 0)
		c->stats->unchanged++;
	else if (change == 1)
		c->stats->inserted++;
	else
		c->stats->updated++;
out:
	corpus_conv_release(&cv);
	return rc;
}

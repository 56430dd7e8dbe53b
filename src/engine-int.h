/*
 * engine-int.h: what engine.c shares with the files that run one of its
 * stages (engine-understand.c).  Not part of the API.
 */
#ifndef ENGINE_INT_H
#define ENGINE_INT_H

struct tctx;

/*
 * understand: classify the intent and the feeling of the turn's text,
 * extract its entities, judge its scope, and put all of them in the
 * trace (engine-understand.c).
 */
void	engine_understand(struct tctx *t);

#endif

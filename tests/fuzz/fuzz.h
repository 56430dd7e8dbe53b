/*
 * fuzz.h: what every fuzz target in tests/fuzz shares.  A target defines
 * LLVMFuzzerTestOneInput; it links either with libFuzzer (`make fuzz`,
 * clang) or with replay.c, a plain main that feeds it the files of a
 * corpus (`make check`, any compiler).  Targets set themselves up on their
 * first input, so both drivers need nothing else.
 */
#ifndef FUZZ_H
#define FUZZ_H

#include <stddef.h>
#include <stdint.h>

struct store;

int		 LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * The store a target works on, opened once per process: a copy of
 * $SHOPDESK_FUZZ_DB (a seeded, trained store the test made once), else a
 * new demo store in a scratch directory.  Aborts on failure: a target
 * that cannot start must not pass.
 */
struct store	*fuzz_store(void);
/* The share directory: $SHOPDESK_SHARE, else the source tree's. */
const char	*fuzz_share_dir(void);
/* A NUL-terminated copy of data (caller frees). */
char		*fuzz_cstr(const uint8_t *, size_t);

#endif

/*
 * tests/seed.h: the demo store the C tests start from, set up in one
 * place: the share directory, the day the demo's dates are written
 * against, a fresh temporary directory and the store in it, seeded.
 * Header-only like tap.h; included once per test program, after tap.h,
 * store.h and ingest.h.
 */
#ifndef SEED_H
#define SEED_H

/* The share directory: $SHOPDESK_SHARE, else the source tree's. */
TAP_UNUSED static const char *
seed_share(void)
{
	const char	*share = getenv("SHOPDESK_SHARE");

	return share != NULL ? share : BUILD_SHARE_DIR;
}

/*
 * The store at path, opened and seeded with the demo shop of share, at
 * whatever clock the caller set; NULL with err set when either fails.
 * Caller closes.
 */
TAP_UNUSED static struct store *
seed_store_at(const char *path, const char *share, struct sd_error *err)
{
	struct store	*st;

	if ((st = store_open(path, NULL, err)) == NULL)
		return NULL;
	if (ingest_seed_demo(st, share, err) != SD_OK) {
		store_close(st);
		return NULL;
	}
	return st;
}

/*
 * The demo store as most tests want it: the clock pinned at the day the
 * demo's dates are written against, a fresh temporary directory in *dir
 * (caller removes it with tap_rmtree and frees it), the store in file
 * name there, its path in *path (caller frees).  NULL with err set when
 * opening or seeding fails (*dir and *path are set all the same).
 */
TAP_UNUSED static struct store *
seed_demo(const char *name, char **dir, char **path, struct sd_error *err)
{
	setenv("SHOPDESK_NOW", "2026-11-20T12:00:00Z", 1);
	*dir = tap_tmpdir();
	*path = xasprintf("%s/%s", *dir, name);
	return seed_store_at(*path, seed_share(), err);
}

#endif

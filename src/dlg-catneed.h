/*
 * dlg-catneed.h: what dlg-catneed.c (needs as figures) and dlg-catfeat.c
 * (needs as feature words) share.
 */
#ifndef DLG_CATNEED_H
#define DLG_CATNEED_H

/* The category's products this turn reads needs against (borrowed from
 * catalog_kind's memo: valid while the turn reads). */
struct kindset {
	const cJSON	**attrs;	/* each product's attributes */
	const char	**names;	/* each product's name */
	const char	**subs;		/* each product's subcategory */
	cJSON		*empty;		/* attributes of a product without */
	struct sbuf	 kinds;		/* the subcategories, " a b c " */
	size_t		 n;
};

int	 dlg_catneed_in_entity(struct tctx *t, size_t at, enum entity_type ty);
int	 dlg_catneed_key_named(const char *s, const char *key);
void	 dlg_catneed_features(struct tctx *t, const struct kindset *ks,
	    const cJSON *keys, cJSON *req, const char *cat, int others_only);

#endif

/*
 * template.h: the shop's response templates (share/templates/NAME.txt):
 * named responses with variants, conditions on slots and {placeholders}.
 */
#ifndef TEMPLATE_H
#define TEMPLATE_H

#include <stddef.h>

#include "shopdesk.h"
#include "sbuf.h"

struct template_set;

/* Slots: name -> value pairs the engine fills for one reply. */
struct slots {
	char	**names;
	char	**values;
	size_t	  n;
	size_t	  cap;
};
#define SLOTS_INIT { NULL, NULL, 0, 0 }

void		 slots_set(struct slots *, const char *, const char *);
void		 slots_setf(struct slots *, const char *, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
const char	*slots_get(const struct slots *, const char *);
void		 slots_reset(struct slots *);
void		 slots_release(struct slots *);

/*
 * Load every *.txt file of dir (sorted by name).  NULL with err set
 * ("file:line: what") on a malformed file.
 */
struct template_set *template_load_dir(const char *dir, struct sd_error *);
/* Parse one file's text (name is used in messages). */
struct template_set *template_parse(const char *name, const char *text,
		    struct sd_error *);
void		 template_free(struct template_set *);
/* Number of templates (distinct ids) and of variants in all. */
size_t		 template_count(const struct template_set *, size_t *variants);
int		 template_has(const struct template_set *, const char *id);
/* The id of variant i (0 .. variants - 1), NULL past the last. */
const char	*template_variant_id(const struct template_set *, size_t i);

/*
 * Render template id into out: among the variants of id whose conditions
 * hold for slots, pick the one at seed modulo their number, and fill its
 * placeholders.  *used (may be NULL) is set to "id#n" naming the variant
 * (valid until the set is freed).  SD_ERR_NOTFOUND when no variant applies
 * or a placeholder has no slot (the message names it).
 */
enum sd_rc	 template_render(const struct template_set *, const char *id,
		    const struct slots *, unsigned long seed, struct sbuf *out,
		    const char **used, struct sd_error *);

#endif

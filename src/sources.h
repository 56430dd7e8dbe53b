/*
 * sources.h: the settings of the shop's own systems (webhook secrets,
 * connector URLs and credentials), from the environment or a
 * "key = value" file that only its owner may read, because it holds
 * secrets.  Nothing here is ever logged.
 */
#ifndef SOURCES_H
#define SOURCES_H

#include "shopdesk.h"

/*
 * The value of key ("woocommerce.url"): the environment variable env
 * when set and not empty, else key's line in path (NULL path or a
 * missing file: none).  *value is NULL when there is none (caller
 * frees).  SD_ERR_INVALID when the file is readable by others.
 */
enum sd_rc	 sources_get(const char *path, const char *key,
		    const char *env, char **value, struct sd_error *);

/* The sources file: $XDG_CONFIG_HOME/shopdesk/sources, else
 * ~/.config/shopdesk/sources; NULL without either (caller frees). */
char		*sources_default_path(void);

#endif

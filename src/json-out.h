/*
 * json-out.h: cJSON values printed as cJSON_PrintUnformatted prints
 * them, byte for byte, at less cost (see json-out.c).
 */
#ifndef JSON_OUT_H
#define JSON_OUT_H

#include <cjson/cJSON.h>

#include "sbuf.h"

/* Appends item's JSON text to sb; -1 (sb cut back) where cJSON would
 * print nothing (a raw item without text, an invalid item). */
int	 json_out(struct sbuf *sb, const cJSON *item);
/* The text as a new string (free it), or NULL as cJSON_PrintUnformatted. */
char	*json_out_str(const cJSON *item);

#endif

/*
 * mask.h: personal data out of exported text.  Emails, card numbers,
 * phone numbers and street addresses are replaced by [email], [card],
 * [phone] and [address]; order numbers, prices and SKUs stay.
 */
#ifndef MASK_H
#define MASK_H

#include "sbuf.h"

/*
 * Append s with its personal data masked to out.  Returns how many
 * spans were masked.
 */
int		 mask_personal(const char *s, struct sbuf *out);

#endif

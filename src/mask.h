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

/*
 * The same for card numbers only (13 to 19 digits passing the Luhn
 * check): "[card]" in their place.  What a customer types reaches no
 * history, trace, log or model with a card number in it.
 */
int		 mask_cards(const char *s, struct sbuf *out);

#endif

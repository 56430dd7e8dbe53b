/*
 * payment.h: an order's payment and refunds, read from the payment
 * provider (Stripe's REST API over libcurl: payment intents found by
 * the order id in their metadata, and their refunds), so that "has my
 * refund gone through?" is answered from the provider, not guessed.
 * Read-only; card details are never read, kept or shown.
 */
#ifndef PAYMENT_H
#define PAYMENT_H

#include "shopdesk.h"

struct payment_config {
	char		*url;		/* https://api.stripe.com by default */
	char		*key;		/* a restricted or secret key */
};
void		 payment_config_release(struct payment_config *);
/*
 * SHOPDESK_STRIPE_URL and SHOPDESK_STRIPE_KEY, else stripe.url and
 * stripe.key of the sources file; SD_ERR_INVALID without a key.
 */
enum sd_rc	 payment_config_load(const char *sources, struct payment_config *,
		    struct sd_error *);

struct payment_status {
	char		*intent;	/* pi_... */
	char		*status;	/* succeeded, processing, canceled,
					   requires_payment_method... */
	char		*currency;	/* "usd" */
	long long	 amount;	/* in cents */
	long long	 refunded;	/* cents refunded (succeeded) */
	long long	 pending;	/* cents being refunded */
	char		*refund_status;	/* the latest refund's, or NULL */
	char		*refund_at;	/* its creation, ISO UTC */
};
void		 payment_status_release(struct payment_status *);

/*
 * The payment of order id: SD_ERR_NOTFOUND when the provider has none
 * for it, SD_ERR_NET when it cannot be asked.
 */
enum sd_rc	 payment_lookup(const struct payment_config *,
		    const char *order_id, struct payment_status *,
		    struct sd_error *);

#endif

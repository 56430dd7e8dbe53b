/*
 * cmd-payments.c: "shopdesk payments [--sources FILE] ORDER", an order's
 * payment and refunds as the payment provider reports them (payment.c).
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shopdesk.h"
#include "cmd.h"
#include "sources.h"
#include "payment.h"

extern const struct sd_cmd cmd_payments_entry;

static int
cmd_payments_run(struct sd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "sources",	required_argument,	NULL, 's' },
		{ NULL,		0,			NULL, 0 }
	};
	struct sd_error	 err = SD_ERROR_INIT;
	struct payment_config c;
	struct payment_status p;
	const char	*file = NULL;
	char		*path = NULL;
	int		 ch, status;

	(void)ctx;
	while ((ch = getopt_long(argc, argv, "s:", longopts, NULL)) != -1) {
		switch (ch) {
		case 's':
			file = optarg;
			break;
		default:
			return cmd_usage(&cmd_payments_entry);
		}
	}
	if (argc - optind != 1)
		return cmd_usage(&cmd_payments_entry);
	if (file == NULL)
		file = path = sources_default_path();
	if (payment_config_load(file, &c, &err) != SD_OK) {
		free(path);
		status = cmd_error(&cmd_payments_entry, &err);
		sd_error_clear(&err);
		return status;
	}
	free(path);
	if (payment_lookup(&c, argv[optind], &p, &err) != SD_OK) {
		payment_config_release(&c);
		status = cmd_error(&cmd_payments_entry, &err);
		sd_error_clear(&err);
		return status;
	}
	printf("order %s: payment %s %lld.%02lld %s (%s)", argv[optind],
	    p.intent, p.amount / 100, p.amount % 100, p.currency != NULL ?
	    p.currency : "", p.status);
	if (p.refund_status != NULL)
		printf("; refunded %lld.%02lld, pending %lld.%02lld; latest "
		    "refund %s at %s", p.refunded / 100, p.refunded % 100,
		    p.pending / 100, p.pending % 100, p.refund_status,
		    p.refund_at);
	else
		printf("; no refund");
	printf("\n");
	payment_status_release(&p);
	payment_config_release(&c);
	return SD_EXIT_OK;
}

const struct sd_cmd cmd_payments_entry = {
	.name = "payments",
	.usage = "payments [--sources FILE] ORDER",
	.summary = "an order's payment and refunds at the payment provider "
	    "(Stripe)",
	.flags = 0,
	.run = cmd_payments_run,
};

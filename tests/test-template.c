/* Unit tests for template.c: parsing, conditions, variants, errors. */
#include "config.h"

#include "shopdesk.h"
#include "template.h"
#include "tap.h"

static const char good[] =
    "# order replies\n"
    "[order_status]\n"
    "if status == shipped, tracking\n"
    "Your order #{order_id} is on its way with {carrier}.\n"
    "--\n"
    "Order #{order_id} has shipped ({carrier}).\n"
    "\n"
    "[order_status]\n"
    "if status != shipped\n"
    "Your order #{order_id} is currently {status}.\n"
    "\n"
    "[stock]\n"
    "if stock > 0\n"
    "In stock: {stock} left.\n"
    "[stock]\n"
    "if stock <= 0\n"
    "Sorry, out of stock.\n"
    "[table]\n"
    "| a | b |\n"
    "\\# literal hash, {{braces}}\n"
    "[greet]\n"
    "if !name\n"
    "Hello!\n"
    "[greet]\n"
    "if name\n"
    "Hello, {name}!\n";

static int
parse_fails(const char *text, const char *want)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct template_set *ts = template_parse("t.txt", text, &err);
	int		 r;

	r = ts == NULL && strstr(sd_error_msg(&err), want) != NULL;
	if (!r)
		diag("got: %s", ts ? "(parsed)" : sd_error_msg(&err));
	template_free(ts);
	sd_error_clear(&err);
	return r;
}

int
main(void)
{
	struct sd_error	 err = SD_ERROR_INIT;
	struct template_set *ts;
	struct slots	 s = SLOTS_INIT;
	struct sbuf	 out = SBUF_INIT;
	const char	*used = NULL;
	size_t		 variants = 0;

	ts = template_parse("t.txt", good, &err);
	if (!ok(ts != NULL, "a good file parses")) {
		printf("Bail out! %s\n", sd_error_msg(&err));
		return 1;
	}
	is_int((long long)template_count(ts, &variants), 4, "four names");
	is_int((long long)variants, 8, "eight variants");

	slots_set(&s, "order_id", "12345");
	slots_set(&s, "status", "shipped");
	slots_set(&s, "tracking", "1Z999");
	slots_set(&s, "carrier", "UPS");
	ok(template_render(ts, "order_status", &s, 0, &out, &used, &err) ==
	    SD_OK, "render order_status");
	is_str(out.buf, "Your order #12345 is on its way with UPS.",
	    "first variant, placeholders filled");
	is_str(used, "order_status#1", "the variant is named");
	template_render(ts, "order_status", &s, 1, &out, &used, &err);
	is_str(out.buf, "Order #12345 has shipped (UPS).",
	    "seed picks the second variant");
	slots_set(&s, "status", "processing");
	template_render(ts, "order_status", &s, 7, &out, &used, &err);
	is_str(out.buf, "Your order #12345 is currently processing.",
	    "conditions choose the block");
	is_str(used, "order_status#3", "numbering runs across blocks");

	slots_set(&s, "stock", "3");
	template_render(ts, "stock", &s, 0, &out, NULL, &err);
	is_str(out.buf, "In stock: 3 left.", "numeric comparison >");
	slots_set(&s, "stock", "0");
	template_render(ts, "stock", &s, 0, &out, NULL, &err);
	is_str(out.buf, "Sorry, out of stock.", "numeric comparison <=");
	slots_set(&s, "stock", "10");
	template_render(ts, "stock", &s, 0, &out, NULL, &err);
	is_str(out.buf, "In stock: 10 left.", "10 > 0 numerically, not as text");

	template_render(ts, "table", &s, 0, &out, NULL, &err);
	is_str(out.buf, "| a | b |\n# literal hash, {braces}",
	    "multi-line variant, escapes");
	template_render(ts, "greet", &s, 0, &out, NULL, &err);
	is_str(out.buf, "Hello!", "negated condition on a missing slot");
	slots_set(&s, "name", "Ann");
	template_render(ts, "greet", &s, 0, &out, NULL, &err);
	is_str(out.buf, "Hello, Ann!", "truthy condition");

	ok(template_render(ts, "nope", &s, 0, &out, NULL, &err) ==
	    SD_ERR_NOTFOUND && strstr(err.msg, "no template [nope]") != NULL,
	    "unknown template");
	slots_reset(&s);
	slots_set(&s, "status", "shipped");
	slots_set(&s, "tracking", "x");
	ok(template_render(ts, "order_status", &s, 0, &out, NULL, &err) ==
	    SD_ERR_NOTFOUND && strstr(err.msg, "{order_id}") != NULL,
	    "a missing slot is an error naming it");
	sd_error_clear(&err);

	ok(parse_fails("hello\n[x]\nhi\n", "t.txt:1: text before"),
	    "text before a header");
	ok(parse_fails("[x]\nhi {na me}\n", "t.txt:2: bad placeholder"),
	    "bad placeholder with its line");
	ok(parse_fails("[x]\n\nhi {open\n", "unclosed"), "unclosed brace");
	ok(parse_fails("[x]\nif a ==\n", "empty variant"),
	    "empty variant");
	ok(parse_fails("[x]\na\n--\n--\nb\n", "t.txt:4: template [x] has an "
	    "empty variant"), "empty variant between separators");
	ok(parse_fails("[bad name]\nx\n", "bad template name"), "bad name");
	ok(parse_fails("[x]\nif 9 9 == 1\nx\n", "bad condition"),
	    "bad condition slot");

	template_free(ts);
	slots_release(&s);
	sbuf_release(&out);
	done_testing();
	return exit_status();
}

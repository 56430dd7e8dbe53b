#!/bin/sh
# The order sweep: every order of every customer of the demo store asked
# about by its number, by the product, brand or kind of thing in it, by
# the month placed, by position in the list shown and by its bare number,
# with the follow-ups that keep it in focus, another order pointed at by
# a thing in it right after one was answered (alone, with a question of
# its delivery, or carrying a return question on with the month it was
# placed, or by that month alone), the same product in two orders asked about right after one
# of them was discussed, a question of the money or the return naming
# nothing right after a return question, an item's storage size asked
# of "my ... order" (its lines answer), one of those listed picked
# by how it stands, the return verdict of every delivered order and of
# each item of one, another customer's order, an anonymous visitor, and
# account questions that are no order question (tests/order-sweep.py
# writes the conversations from share/demo).  Every turn must pass, and
# none may be about another order.
. "$top_srcdir/tests/lib.sh"
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP python3 not installed"; exit 77; }

eval_sweep order-sweep.py "another order" number product brand kind \
    period position bare-number return not-theirs anonymous switch \
    switch-asked switch-return switch-month focus-kept money-kept owned-variant \
    status-pick item-return account
finish

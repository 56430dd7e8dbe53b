#!/usr/bin/env python3
"""addname-sweep.py SHOPDESK SHARE [-v]: adding a product by its name
adds that product only.

For every product of the demo store, in a session of its own for a
signed-in customer, the product is added by its full catalog name, its
bracket and all, in one of several phrasings ("add the NAME", "put NAME
in my cart", "NAME to cart pls").  A name often holds words that name
another product or kind on their own ("Starter Kit (3 A19 bulbs +
Bridge)" holds the single bulb's "A19"): the cart must end with that
product, once, and nothing else.  Prints one line per failure, then
"ADD n TOTAL" (the product alone in the cart) and "OTHER n TOTAL" (no
other product in the cart)."""
import sys

import sweeplib

USER = "C1002"
CART = "what's in my cart"
ADD = ["add the {name}", "put the {name} in my cart",
       "{name} to cart pls", "can you add the {name} to my basket",
       "ok i'll take the {name}"]


def main():
    sd, share = sys.argv[1], sys.argv[2]
    ps = [p for p in sweeplib.products(share) if p.get("stock", 1) > 0]
    msgs = [ADD[k % len(ADD)].format(name=p["name"])
            for k, p in enumerate(ps)]
    runs = sweeplib.replay(sd, [["/user " + USER, CART, m] for m in msgs])
    alone = sweeplib.Tally("ADD")
    other = sweeplib.Tally("OTHER")
    for p, m, run in zip(ps, msgs, runs):
        # The customer's cart outlives a session: what the turn added.
        before, after = [r.get("state_after", {}).get("cart", {})
                         .get("qty", {}) for r in run]
        qty = {k: v - before.get(k, 0) for k, v in after.items()
               if v != before.get(k, 0)}
        alone.check(qty == {p["sku"]: 1}, "alone", m, sorted(qty),
                    sweeplib.clip(run[-1].get("reply", ""), 120))
        other.check(set(qty) <= {p["sku"]}, "other", m, sorted(qty))
    alone.done()
    other.done()


main()

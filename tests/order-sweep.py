#!/usr/bin/env python3
"""order-sweep.py SHARE NOW: conversations about every order of every
customer in the demo store (SHARE/demo), in the format of "shopdesk eval
dialogues", one a line on stdout.

Each conversation's category is the way the order is meant: by its
number, by the product, brand or kind of thing in it, by the month it
was placed, by position in a list shown, by its number given as a bare
answer, and the follow-ups about it (arrival, tracking, cancelling),
another order pointed at by a thing in it right after one was answered
(alone, asked when it comes, or a return question carried on to it, or
by the month it was placed alone),
the same product in two orders asked about right after one was answered,
a question of the money or the return naming nothing right after one,
an item's storage size asked of the order holding it,
one of those listed picked by how it stands ("the delayed one"), the
return verdict of every delivered order and of each item of one,
another customer's order, an anonymous visitor, and account questions
(sign-in, email, saved cards, gift card balance) that must not be read
as an order or product question.  The expectations come from the data alone: the order meant and the facts of its status
(carrier, tracking number, dates), and for a return the verdict that the
delivery date and the category rules give on the day NOW (YYYY-MM-DD)."""

import datetime
import json
import re
import sys

import sweeplib
from sweeplib import day, turn

SHARE, NOW = sys.argv[1], datetime.date.fromisoformat(sys.argv[2][:10])
DEMO = SHARE + "/demo/"

# The word a customer uses for an item of a category; categories whose
# items go by many names (accessories, gaming, storage...) have none.
KIND = {"laptops": "laptop", "tablets": "tablet", "monitors": "monitor",
        "tvs": "tv", "headphones": "headphones", "speakers": "speaker",
        "printers": "printer", "cameras": "camera", "smartphones": "phone"}
MONTHS = ["January", "February", "March", "April", "May", "June", "July",
          "August", "September", "October", "November", "December"]

orders = json.load(open(DEMO + "orders.json"))["orders"]
customers = json.load(open(DEMO + "customers.json"))["customers"]
products = {p["sku"]: p for p in sweeplib.products(SHARE)}
facts = sweeplib.policy_facts(SHARE)
WINDOW = int(facts["return_window_days"])
NON_RETURNABLE = set(facts["non_returnable_categories"])

out = sweeplib.Dialogues("s")
conv = out.add


def date_re(iso):
    """A date as the store may write it: 2026-11-21 or November 21."""
    d = day(iso)
    return "%s|%s %d([^0-9]|$)" % (d.isoformat(), MONTHS[d.month - 1], d.day)


def esc(s):
    return re.sub(r"([][.^$*+?(){}|\\])", r"\\\1", s)


def short(name):
    """The name as a customer says it: without the bracketed variant."""
    return name.split(" (")[0].replace('"', "")


def status_must(o):
    """Patterns the reply about o must hold: the facts of its status."""
    st = o["status"]
    sh = o["shipments"][0] if o["shipments"] else {}
    if st == "processing":
        return ["process|hasn't shipped|not shipped"]
    if st == "cancelled":
        return ["cancel"]
    if st == "refunded":
        return ["refund"]
    if st == "return_requested":
        return ["return"]
    if st == "delivered":
        return ["deliver", date_re(o["delivered_at"])]
    must = [esc(sh["carrier"]), esc(sh["tracking_number"])]
    if sh["status"] == "out_for_delivery":
        return must + ["out for delivery"]
    if sh["status"] == "exception":
        # the new date as the carrier logged it, or the estimate
        note = o["events"][-1]["note"]
        m = re.search("(%s) [0-9]+, [0-9]{4}" % "|".join(MONTHS), note)
        dates = date_re(sh["estimated_delivery"])
        if m:
            dates += "|" + m.group(0)
        return must + ["delay|exception", dates]
    return must + [date_re(sh["estimated_delivery"])]


def others(o, mine):
    """must_not: the customer's other order numbers."""
    ids = [x["id"] for x in mine if x["id"] != o["id"]]
    return ["#(%s)([^0-9]|$)" % "|".join(ids)] if ids else []


def unique(mine, test):
    """The orders of mine whose items pass test, when only one does."""
    hits = [o for o in mine if any(test(i) for i in o["items"])]
    return hits[0] if len(hits) == 1 else None


def returnable(o):
    """The return verdict for o on NOW: (pattern the reply must hold)."""
    cats = {products[i["sku"]]["category"] for i in o["items"]}
    if cats <= NON_RETURNABLE:
        return "can't be returned|cannot be returned|not returnable|" \
            "non-returnable|no returns"
    last = day(o["delivered_at"]) + datetime.timedelta(days=WINDOW)
    if NOW <= last:
        return "until (%s)" % date_re(last.isoformat())
    return "past|no longer|can't be returned|cannot be returned"


BRANDS = {p["brand"] for p in products.values()}
by_customer = {}
for o in orders:
    by_customer.setdefault(o["customer_id"], []).append(o)

for c in customers:
    mine = sorted(by_customer.get(c["id"], []), key=lambda o: o["placed_at"])
    if not mine:
        continue
    user = c["id"]
    # by number, and the follow-ups that keep the order in focus: one
    # conversation, each order in turn (a follow-up answered about the
    # order before it is caught)
    turns = []
    for k, o in enumerate(mine):
        n = o["id"]
        must = status_must(o)
        bad = others(o, mine)
        say = "where is order %s?" if k % 2 else "hi, can you check on #%s pls"
        turns.append(turn(say % n, [n], must, bad))
        if o["status"] == "shipped":
            turns.append(turn("when will it get here?", [n], must, bad))
            turns.append(turn("what's the tracking number?", [n],
                              [esc(o["shipments"][0]["tracking_number"])],
                              bad))
            turns.append(turn("can i still cancel it", [n],
                              ["already shipped|can't be cancelled"], bad))
        elif o["status"] == "processing":
            turns.append(turn("ok can i cancel it then", [n],
                              ["cancel"], bad + ["can't be cancelled"]))
    conv("number", user, turns)
    # by the product, brand, kind or month that only one order has
    turns = []
    seen = set()
    for o in mine:
        for i in o["items"]:
            name = short(i["name"])
            if name.lower() in seen:
                continue
            seen.add(name.lower())
            if unique(mine, lambda x: short(x["name"]).lower() ==
                      name.lower() or name.lower() in x["name"].lower()) \
                    is not o:
                continue
            say = ("any news about the %s i ordered", "where's my %s?",
                   "is my %s here yet", "did the %s i bought get lost?")[
                len(turns) % 4]
            turns.append(turn(say % name, [o["id"]], status_must(o),
                              others(o, mine)))
    conv("product", user, turns)
    turns = []
    brands = {products[i["sku"]]["brand"] for o in mine for i in o["items"]}
    for b in sorted(brands):
        o = unique(mine, lambda x: products[x["sku"]]["brand"] == b)
        if o is None or b.startswith("Kestrel"):
            continue
        turns.append(turn("what's going on with my %s order?" % b,
                          [o["id"]], status_must(o), others(o, mine)))
    conv("brand", user, turns)
    turns = []
    for cat, word in sorted(KIND.items()):
        o = unique(mine, lambda x: products[x["sku"]]["category"] == cat)
        if o is None:
            continue
        turns.append(turn("where is the %s i ordered" % word, [o["id"]],
                          status_must(o), others(o, mine)))
    conv("kind", user, turns)
    turns = []
    for m in range(12):
        hits = [o for o in mine if day(o["placed_at"]).month == m + 1]
        if len(hits) != 1:
            continue
        o = hits[0]
        turns.append(turn("how's the order i placed in %s doing?" %
                          MONTHS[m], [o["id"]], status_must(o),
                          others(o, mine)))
    conv("period", user, turns)
    # by position in the list shown, and by the bare number given
    if len(mine) >= 2:
        shown = sorted(mine, key=lambda o: o["placed_at"], reverse=True)[:3]
        ask = turn("I need to check on an order", [],
                   ["#%s" % o["id"] for o in shown])
        turns = []
        for k, say in ((1, "the second one"), (1, "2"), (0, "the first"),
                       (len(shown) - 1, "the last one")):
            o = shown[k]
            turns += [ask, turn(say, [o["id"]], status_must(o),
                                others(o, mine))]
        conv("position", user, turns)
        o = mine[0]
        conv("bare-number", user, [ask, turn(o["id"], [o["id"]],
                                             status_must(o),
                                             others(o, mine))])
    # the return verdict of every delivered order, by its number
    conv("return", user, [turn("can i still return order %s?" % o["id"],
                               [o["id"]], [returnable(o)], others(o, mine))
                          for o in mine if o["status"] == "delivered"])


SHIPPED = {"in_transit": ["the one in transit"],
           "out_for_delivery": ["the one out for delivery",
                                "the one that's out for delivery"],
           "exception": ["the delayed one", "the one that's delayed"]}
STATUS_SAID = {"processing": ["the one still processing",
                              "the one that hasn't shipped"],
               "cancelled": ["the cancelled one", "the one i cancelled"],
               "refunded": ["the refunded one"],
               "return_requested": ["the one i'm returning"]}


def status_key(o):
    if o["status"] == "shipped":
        return o["shipments"][0]["status"]
    return o["status"]


def status_said(o):
    return SHIPPED.get(status_key(o)) or STATUS_SAID.get(o["status"], [])


def item_verdict(o, i):
    """The return verdict for item i of the delivered order o on NOW."""
    if products[i["sku"]]["category"] in NON_RETURNABLE:
        return "can't be returned|cannot be returned|not returnable|" \
            "non-returnable"
    last = day(o["delivered_at"]) + datetime.timedelta(days=WINDOW)
    if NOW <= last:
        return "until (%s)" % date_re(last.isoformat())
    return "past|no longer"


def item_words(mine):
    """(order, word) for each kind word or short name only one order of
    mine holds."""
    said = []
    for cat, word in sorted(KIND.items()):
        o = unique(mine, lambda x: products[x["sku"]]["category"] == cat)
        if o is not None:
            said.append((o, word))
    for o in mine:
        for i in o["items"]:
            name = short(i["name"])
            if unique(mine, lambda x: short(x["name"]).lower() ==
                      name.lower()) is o and \
                    products[i["sku"]]["category"] not in KIND:
                said.append((o, name))
    return said


for c in customers:
    mine = sorted(by_customer.get(c["id"], []), key=lambda o: o["placed_at"])
    user = c["id"]
    if len(mine) >= 2:
        # switching: one order discussed, then another meant by a word of
        # its items alone, in a follow-up with no words about orders
        turns = []
        for k, (o, word) in enumerate(item_words(mine)):
            first = mine[-1] if mine[-1] is not o else mine[0]
            say = ("and the %s?", "what about the %s", "ok and my %s",
                   "the %s one?")[k % 4]
            turns += [turn("where is order %s?" % first["id"], [first["id"]],
                           status_must(first), others(first, mine)),
                      turn(say % word.lower(), [o["id"]], status_must(o),
                           others(o, mine))]
        conv("switch", user, turns)
        # switching with a question: one order discussed by its item
        # (which the product steps then have in view), then another
        # meant by a word of its items, asked about its delivery in the
        # same message ("and the sd cards, are they coming today?")
        turns = []
        for k, (o, word) in enumerate(item_words(mine)):
            first = mine[-1] if mine[-1] is not o else mine[0]
            say = ("and the %s, when is it coming?",
                   "is the %s arriving today?",
                   "ok what about the %s, has it shipped yet",
                   "the %s, any news on that one?")[k % 4]
            turns += [turn("where is order %s? the %s" % (first["id"],
                           short(first["items"][0]["name"])), [first["id"]],
                           status_must(first), others(first, mine)),
                      turn(say % word.lower(), [o["id"]], status_must(o),
                           others(o, mine))]
        conv("switch-asked", user, turns)
        # the return question carried on to another delivered order by
        # a word of its items and the month it came ("what about the
        # case from november")
        turns = []
        done = [o for o in mine if o["status"] == "delivered"]
        for k, (o, word) in enumerate(item_words(mine)):
            first = next((x for x in reversed(done) if x is not o), None)
            month = MONTHS[day(o["placed_at"]).month - 1]
            # a month that is also a brand's name ("August") is a date
            if o["status"] != "delivered" or first is None:
                continue
            say = ("what about the %s from %s", "same thing with the %s "
                   "from %s", "and the %s i got in %s?")[k % 3]
            turns += [turn("can i still return order %s?" % first["id"],
                           [first["id"]], [returnable(first)],
                           others(first, mine)),
                      turn(say % (word.lower(), month), [o["id"]],
                           [returnable(o)], others(o, mine))]
        conv("switch-return", user, turns)
        # another order meant by the month it was placed alone, right
        # after one was answered ("what about the one from august": a
        # month that is a brand's name too is a date here)
        turns = []
        for m in range(12):
            hits = [o for o in mine if day(o["placed_at"]).month == m + 1]
            if len(hits) != 1:
                continue
            o = hits[0]
            first = mine[-1] if mine[-1] is not o else mine[0]
            say = ("what about the one from %s", "and the one i placed in "
                   "%s?", "ok the %s one?", "the order from %s then")[
                (len(turns) // 2) % 4]
            turns += [turn("where is order %s?" % first["id"], [first["id"]],
                           status_must(first), others(first, mine)),
                      turn(say % MONTHS[m].lower(), [o["id"]],
                           status_must(o), others(o, mine))]
        conv("switch-month", user, turns)
        # by its status among the orders listed
        shown = sorted(mine, key=lambda o: o["placed_at"], reverse=True)[:3]
        ask = turn("I need to check on an order", [],
                   ["#%s" % o["id"] for o in shown])
        turns = []
        for o in shown:
            if [status_key(x) for x in shown].count(status_key(o)) != 1:
                continue
            says = status_said(o)
            if [x["status"] for x in shown].count("shipped") == 1 and \
                    o["status"] == "shipped":
                says = says + ["the one that's on its way"]
            for say in says:
                turns += [ask, turn(say, [o["id"]], status_must(o),
                                    others(o, mine))]
        conv("status-pick", user, turns)
    # the same product in two orders: right after one of them was
    # discussed, a question naming the product is about that one,
    # whatever status the question usually looks for
    turns = []
    for sku in sorted({i["sku"] for o in mine for i in o["items"]}):
        both = [o for o in mine if any(i["sku"] == sku for i in o["items"])]
        if len(both) != 2:
            continue
        name = short(products[sku]["name"])
        for k, o in enumerate(both):
            say = ("ok if i send the %s back do i pay anything",
                   "can i still return the %s?",
                   "so when does the %s get here",
                   "can i cancel the %s")[(len(turns) // 2 + k) % 4]
            turns += [turn("where is order %s?" % o["id"], [o["id"]],
                           status_must(o), others(o, mine)),
                      turn(say % name.lower(), [o["id"]],
                           ["#%s" % o["id"]], others(o, mine))]
    conv("focus-kept", user, turns)
    # a question of the money, its return or cancelling that names
    # nothing, right after a return question about one order: about
    # that order, never shopping, the store's FAQ or another order
    turns = []
    words = {o["id"]: w for o, w in item_words(mine)} if len(mine) >= 2 \
        else {}
    for k, o in enumerate(x for x in mine if x["status"] == "delivered"):
        say = ("what would i get back", "and how much is coming back to me",
               "ok when do i see the money", "is there a restocking fee?",
               "hmm whats the refund gonna be",
               "do i pay for sending it back")[(len(turns) // 2) % 6]
        first = "can i still return order %s?" % o["id"]
        if o["id"] in words and k % 2:
            first = "i want to return the %s" % \
                words[o["id"]].lower()
        turns += [turn(first, [o["id"]], [returnable(o)], others(o, mine)),
                  turn(say, [o["id"]], ["#%s" % o["id"]], others(o, mine))]
    conv("money-kept", user, turns)
    # an item of one's own order asked about by its storage size, said
    # as the order ("my ipad mini order, was it the 64gb one"): that
    # order's answer, which names the variant bought, never the catalog
    turns = []
    for o in mine:
        for i in o["items"]:
            name = short(i["name"])
            size = re.search(r"\(([^)]*?)\b([0-9]+) ?(GB|TB)", i["name"])
            if size is None or unique(mine, lambda x: short(x["name"])
                                      .lower() == name.lower()) is not o:
                continue
            said = size.group(2) + size.group(3)
            if len(turns) % 2:
                said = ("256" if size.group(2) != "256" else "128") + "gb"
            say = ("my %s order, was it the %s one?", "about my %s order - "
                   "is it the %s?", "quick one, my %s order: did i get "
                   "the %s")[len(turns) % 3]
            turns.append(turn(say % (name.lower(), said.lower()), [o["id"]],
                              ["#%s" % o["id"], size.group(2) + " ?" +
                               size.group(3)], others(o, mine)))
    conv("owned-variant", user, turns)
    # one item of a delivered order: the verdict for that item
    turns = []
    for o in mine:
        if o["status"] != "delivered" or len(o["items"]) < 2:
            continue
        for k, i in enumerate(o["items"]):
            say = ("can i return just the %s from order %s?",
                   "i want to send back only the %s in order %s")[k % 2]
            turns.append(turn(say % (short(i["name"]), o["id"]), [o["id"]],
                              [item_verdict(o, i)], others(o, mine)))
    conv("item-return", user, turns)

# account questions a policy fact answers, asked by a customer with
# orders: never read as a question about an order or a product search
ACCOUNT = [
    (["how do i change my email address", "need to update the email on "
      "my account", "can i switch my account to a different email"],
     ["confirm"]),
    (["i can't log in", "cant sign in to my account, it says wrong "
      "password", "having trouble logging in"],
     [str(facts["lockout_after_failed_attempts"]) + " failed|"
      + str(facts["password_reset_link_valid_minutes"]) + " minutes"]),
    (["what cards do you have saved for me", "how do i remove a saved "
      "card", "where are my saved payment methods"],
     ["Account > Profile"]),
    (["how much is left on my gift card", "whats my gift card balance",
      "check the balance of a gift card"], ["Account > Gift cards"]),
]
for k, c in enumerate(customers):
    if not by_customer.get(c["id"]) or k % 3:
        continue
    for says, must in ACCOUNT:
        conv("account", c["id"], [turn(s, [], must,
             ["#[0-9]{5}", "Here is what I found|[0-9]\\. "]) for s in says])

# another customer's order: refused, nothing of it told
for k, c in enumerate(customers):
    mine = by_customer.get(c["id"])
    if not mine:
        continue
    other = next(o for o in orders if o["customer_id"] != c["id"] and
                 o["id"] > mine[0]["id"])
    conv("not-theirs", c["id"], [turn(
        "where is order %s?" % other["id"], [],
        ["can't find|couldn't find|not find"],
        [esc(s["tracking_number"]) for s in other["shipments"]])])
    if k % 4 == 0:
        conv("anonymous", None, [turn(
            "where is my order %s" % mine[0]["id"], [],
            ["sign in|email"],
            [esc(s["tracking_number"]) for s in mine[0]["shipments"]])])

out.print()

#!/usr/bin/env python3
"""Not-sold sweep: a model the store does not sell, named close to one it
does, is said to be missing, never answered as if it were its neighbour,
over the demo catalog (all categories).

From each product's name (before its bracketed variant) near-miss names
are made that no catalog name or model contains:

  bump     the last model number of the name one up ("acer nitro 5" ->
           "acer nitro 6", "sony wh-1000xm5" -> "sony wh-1000xm6"), not a
           size or a capacity ("2tb", "65-inch");
  suffix   a generation or tier word the line lacks after the name
           ("... ii", "... max").

"do you have the <near miss>?" must get a reply that says it is not
found or not carried (NOT_FOUND), and no reply that answers about the
neighbour as the model asked ("Yes, the ... is in stock", "The ...
costs").  Positives: the real names and a few short names shoppers use
("ps5", "xm5") are answered, never "couldn't find".

Prints a FAIL line per miss (every case with -v) and "BUMP passed
total", "SUFFIX ...", "REAL ...", "SHORT ..." for the .t's floors.
Usage: notsold-sweep.py SHOPDESK PRODUCTS.jsonl"""
import re
import sys

import sweeplib

SHOPDESK, PRODUCTS = sys.argv[1], sys.argv[2]
VERBOSE = '-v' in sys.argv
PS = sweeplib.products(PRODUCTS)
NAMES = [p['name'].lower() for p in PS] + \
    [(p.get('model') or '').lower() for p in PS]
NOT_FOUND = re.compile(
    r"(couldn't|could not|can't|cannot) find|(don't|do not) (sell|carry|"
    r"have|stock)|not in (our|the) catalog|no (such|match)", re.I)
AS_IF = re.compile(r"^(yes, the|the .{0,80} (costs|is on sale|is in stock))",
                   re.I)
UNIT = re.compile(r"^\d+(\.\d+)?(gb|tb|mb|mm|w|mah|in|inch|hz|k|mp|ft|m|cm|"
                  r"v|a|oz|ml|l|lb|g|kg|pack|pk|pc|pcs|x|\"|-inch|-pack)$")
SHORT = ['ps5', 'xm5', 'airpods', 'xbox', 's24']
SUFFIXES = ['ii', 'max']


def unsold(name):
    return not any(name in n for n in NAMES)


def bump(name):
    """The name with its last model number one up, or None."""
    words = name.split(' ')
    for i in range(len(words) - 1, 0, -1):
        w = words[i]
        if UNIT.match(w) or re.fullmatch(r'(19|20)\d\d', w):
            continue
        m = re.fullmatch(r'([a-z-]*?)(\d{1,3})', w)
        if not m:
            continue
        words[i] = m.group(1) + str(int(m.group(2)) + 1)
        return ' '.join(words)
    return None


cases = []      # (kind, said, sku)
seen = set()
for p in PS:
    base = sweeplib.base_name(p).lower()
    # A name written as the customer types it: letters, digits, dashes.
    if not re.fullmatch(r"[a-z0-9][a-z0-9 -]+", base):
        continue
    b = bump(base)
    if b and unsold(b) and b not in seen:
        seen.add(b)
        cases.append(('BUMP', b, p['sku']))
    for s in SUFFIXES:
        n = base + ' ' + s
        if unsold(n) and not base.endswith(' ' + s) and n not in seen:
            seen.add(n)
            cases.append(('SUFFIX', n, p['sku']))
            break
    if base not in seen:
        seen.add(base)
        cases.append(('REAL', base, p['sku']))
for s in SHORT:
    cases.append(('SHORT', s, None))

traces = sweeplib.replay(SHOPDESK, [['do you have the %s?' % c[1]]
                                    for c in cases])
tally = {}
for (kind, said, sku), tr in zip(cases, traces):
    reply = tr[0].get('reply') or ''
    if kind in ('BUMP', 'SUFFIX'):
        good = NOT_FOUND.search(reply) is not None and \
            AS_IF.search(reply) is None
    else:
        good = re.search(r"(couldn't|could not|can't|cannot) find",
                         reply, re.I) is None and reply != ''
    t = tally.setdefault(kind, [0, 0])
    t[0] += good
    t[1] += 1
    if not good or VERBOSE:
        print('%s %s %s (%s): %s' % ('ok' if good else 'FAIL', kind,
                                     said, sku,
                                     sweeplib.clip(reply, 150)))
for k in ('BUMP', 'SUFFIX', 'REAL', 'SHORT'):
    print(k, *tally.get(k, [0, 0]))

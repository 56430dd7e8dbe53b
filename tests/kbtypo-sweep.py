#!/usr/bin/env python3
"""kbtypo-sweep.py SHOPDESK SHARE [-v]: every FAQ question of the demo
store asked as typed in a hurry -- one long word misspelt (a letter
dropped, two swapped or one doubled) and wrapped in a greeting or a
"pls" -- each in a session of its own, next to the question as written.
A question the store answers from an entry when spelt right must be
answered from an entry it cites when spelt right, misspelt too: a typo names no other topic.
Prints one line per failure and "TYPO passed total" (questions answered
right when spelt right only)."""
import json
import os
import re
import sys

import sweeplib

WRAP = ["hi, %s", "%s pls", "quick question: %s thanks", "%s ??"]


def misspell(word, k):
    """One of three typos of word, by k: a letter dropped, two swapped,
    one doubled (never the first letter: see search-typo.c)."""
    i = len(word) // 2
    if k % 3 == 0:
        return word[:i] + word[i + 1:]
    if k % 3 == 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2:]
    return word[:i] + word[i] + word[i:]


def cases(share):
    out = []
    with open(os.path.join(share, "demo", "faq.jsonl")) as f:
        faqs = [json.loads(x) for x in f if x.strip()]
    for k, q in enumerate(faqs):
        text = q["question"].lower().rstrip("?")
        words = [w for w in re.findall(r"[a-z]+", text) if len(w) >= 6]
        if not words:
            continue
        long = max(words, key=len)
        typo = re.sub(r"\b%s\b" % long, misspell(long, k), text, count=1)
        out.append((q["id"], text, WRAP[k % len(WRAP)] % typo))
    return out


def cited(tr):
    return {c.get("id") for c in tr.get("citations") or []}


def main():
    sd, share = sys.argv[1:3]
    cs = cases(share)
    runs = sweeplib.replay(sd, [[c] for _, c, _ in cs] +
                           [[t] for _, _, t in cs])
    right, typo = runs[:len(cs)], runs[len(cs):]
    tally = sweeplib.Tally("TYPO")
    for (fid, clean, said), (tc,), (tt,) in zip(cs, right, typo):
        if fid not in cited(tc):
            continue	# not answered from its entry spelt right
        tally.check(cited(tc) & cited(tt), said, "want " + fid,
                    "cited " + (",".join(sorted(cited(tt))) or "-"),
                    tt.get("action"), sweeplib.clip(tt.get("reply", ""), 70))
    tally.done()


main()

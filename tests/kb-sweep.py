#!/usr/bin/env python3
"""kb-sweep.py SHOPDESK SHARE PARAPHRASES [-v]: ask every paraphrase of
tests/data/kb-paraphrases.tsv in a session of its own and check that the
reply answers from the FAQ or policy section the question is about: it
cites that FAQ, or cites that policy and quotes four words in a row of
that section.  Prints one line per failure and "PASS n TOTAL" last."""
import json
import os
import re
import sys

import sweeplib


def words(s):
    return re.findall(r"[a-z0-9$]+", s.lower())


def shingles(s, n=4):
    w = words(s)
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def sections(share):
    """policy id#heading -> the section's text."""
    out = {}
    with open(os.path.join(share, "demo", "policies.jsonl")) as f:
        for line in f:
            p = json.loads(line)
            for part in ("\n" + p["body"]).split("\n## ")[1:]:
                head, _, text = part.partition("\n")
                out[p["id"] + "#" + head.strip()] = text
    return out


def main():
    sd, share, path = sys.argv[1:4]
    secs = sections(share)
    cases = []
    for n, (targets, msg) in sweeplib.tsv_rows(path):
        for t in targets.split(","):
            if "#" in t and t not in secs:
                sys.exit("%s:%d: no section %s" % (path, n, t))
        cases.append((targets.split(","), msg))
    runs = sweeplib.replay(sd, [[m] for _, m in cases])
    answered = sweeplib.Tally("PASS")
    for (targets, msg), (tr,) in zip(cases, runs):
        cited = {c.get("id") for c in tr.get("citations") or []}
        reply = shingles(tr.get("reply", ""))
        good = False
        for t in targets:
            doc, _, head = t.partition("#")
            if doc not in cited:
                continue
            if not head or reply & shingles(secs[t]):
                good = True
        answered.check(good, msg, "want " + targets[0],
                       "cited " + (",".join(sorted(cited)) or "-"),
                       tr.get("action"),
                       sweeplib.clip(tr.get("reply", ""), 70))
    answered.done()


main()

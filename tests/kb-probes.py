#!/usr/bin/env python3
"""kb-probes.py SHOPDESK PROBES... [-v]: ask every probe of the policy and
FAQ probe files (tests/data/kb-probes/*.tsv, see its README) in a session
of its own (earlier turns of a probe first) and sort the judged reply into
one of four kinds:
  fact     cites one of the entries that answer and states the key fact
  entry    cites one of those entries but lacks the key fact
  refused  cites nothing: a refusal, the fallback, a clarifying question
  wrong    cites only other entries
Prints one line per probe that is not "fact" (with -v all of them), then
per file "HALF fact entry refused wrong total", HALF the file's name
without ".tsv"."""
import os
import re
import sys

import sweeplib


def load(path):
    cases = []
    for _, (ids, fact, msg) in sweeplib.tsv_rows(path):
        re.compile(fact)
        cases.append((ids.split(","), fact, msg.split(" >> ")))
    return cases


def kind(tr, ids, fact):
    cited = {c.get("id") for c in tr.get("citations") or []}
    if not cited:
        return "refused"
    if not cited & set(ids):
        return "wrong"
    if re.search(fact, tr.get("reply", ""), re.I):
        return "fact"
    return "entry"


def main():
    sd = sys.argv[1]
    for path in [a for a in sys.argv[2:] if a != "-v"]:
        half = os.path.basename(path).rsplit(".", 1)[0]
        cases = load(path)
        runs = sweeplib.replay(sd, [turns for _, _, turns in cases])
        counts = dict(fact=0, entry=0, refused=0, wrong=0)
        for (ids, fact, turns), trs in zip(cases, runs):
            tr = trs[-1]
            k = kind(tr, ids, fact)
            counts[k] += 1
            if k != "fact" or sweeplib.VERBOSE:
                cited = ",".join(sorted(c.get("id") for c in
                                        tr.get("citations") or [])) or "-"
                print("%-7s %s | %s | want %s /%s/ | cited %s | %s | %s" % (
                    k, half, turns[-1], ids[0], fact, cited,
                    tr.get("action"), sweeplib.clip(tr.get("reply", ""), 90)))
        print("%s %d %d %d %d %d" % (half, counts["fact"], counts["entry"],
                                     counts["refused"], counts["wrong"],
                                     len(cases)))


main()

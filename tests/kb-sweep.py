#!/usr/bin/env python3
"""kb-sweep.py SHOPDESK SHARE PARAPHRASES [-v]: ask every paraphrase of
tests/data/kb-paraphrases.tsv in a session of its own and check that the
reply answers from the FAQ or policy section the question is about: it
cites that FAQ, or cites that policy and quotes four words in a row of
that section.  Prints one line per failure and "PASS n TOTAL" last."""
import json
import os
import re
import subprocess
import sys


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
    verbose = "-v" in sys.argv[4:]
    secs = sections(share)
    cases = []
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            targets, msg = line.split("\t")
            for t in targets.split(","):
                if "#" in t and t not in secs:
                    sys.exit("%s:%d: no section %s" % (path, n, t))
            cases.append((targets.split(","), msg))
    script = "".join("/new\n%s\n" % m for _, m in cases)
    out = subprocess.run([sd, "-q", "replay", "--json"], input=script,
                         capture_output=True, text=True, check=True).stdout
    turns = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
    if len(turns) != len(cases):
        sys.exit("%d turns for %d questions" % (len(turns), len(cases)))
    passed = 0
    for (targets, msg), tr in zip(cases, turns):
        cited = {c.get("id") for c in tr.get("citations") or []}
        reply = shingles(tr.get("reply", ""))
        good = False
        for t in targets:
            doc, _, head = t.partition("#")
            if doc not in cited:
                continue
            if not head or reply & shingles(secs[t]):
                good = True
        passed += good
        if not good or verbose:
            print("%s %s | want %s | cited %s | %s | %s" % (
                "ok  " if good else "FAIL", msg, targets[0],
                ",".join(sorted(cited)) or "-", tr.get("action"),
                tr.get("reply", "")[:70].replace("\n", " ")))
    print("PASS %d %d" % (passed, len(cases)))


main()

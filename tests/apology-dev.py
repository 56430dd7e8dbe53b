#!/usr/bin/env python3
"""apology-dev.py SHOPDESK FILE [-v]: the apology's precision and recall.

Each line of FILE ({"text", "feeling"}, tests/data/feelings/dev.jsonl)
is sent as the first message of a session of its own; the reply holds
an apology (not "Sorry, I can't help with that", a refusal) or not.  A
message labelled frustrated or angry should get one, a calm one not.
Prints one line per miss, then "APOLOGY tp fp fn tn precision recall"."""
import json
import re
import subprocess
import sys

SORRY = re.compile(r"sorry (about|for)|apologi[sz]e|understand this is "
                   r"frustrating", re.I)


def main():
    sd, path = sys.argv[1:3]
    verbose = "-v" in sys.argv[3:]
    rows = [json.loads(l) for l in open(path) if l.strip()]
    script = "".join("/new\n%s\n" % r["text"] for r in rows)
    out = subprocess.run([sd, "-q", "replay", "--json"], input=script,
                         capture_output=True, text=True, check=True).stdout
    turns = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
    tp = fp = fn = tn = 0
    for r, tr in zip(rows, turns):
        want = r["feeling"] != "none"
        said = SORRY.search(tr.get("reply", "")) is not None
        tp += want and said
        fp += said and not want
        fn += want and not said
        tn += not want and not said
        if want != said or verbose:
            print("%s %s | %s" % ("MISS" if want != said else "ok  ",
                  r["text"], tr.get("reply", "")[:70]))
    p = tp / (tp + fp) if tp + fp else 0
    rc = tp / (tp + fn) if tp + fn else 0
    print("APOLOGY %d %d %d %d %.3f %.3f" % (tp, fp, fn, tn, p, rc))


main()

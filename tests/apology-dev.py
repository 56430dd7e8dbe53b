#!/usr/bin/env python3
"""apology-dev.py SHOPDESK FILE... [-v]: the apology's precision and recall.

Each message is sent as the first message of a session of its own; the
reply holds an apology (not "Sorry, I can't help with that", a refusal)
or not.  A message labelled frustrated or angry should get one, a calm
one not.  FILE is either labelled feelings ({"text", "feeling"},
tests/data/feelings/dev.jsonl) or intent-labelled messages ({"text",
"intents", "register"}, tests/data/nlu/cross-dev.jsonl and the voices'
dev half): there a message in the "angry" register is upset, a store
question in any other register (not out_of_scope, complaint or a call
for a person, whose tone the labels do not say) is calm, and the rest
is left out (so is a message that starts with "#", a comment to
replay).  Prints one line per miss, then per file and for all
"APOLOGY tp fp fn tn precision recall" (precision: of the apologies,
how many went to an upset message; recall: of the upset messages, how
many got one)."""
import json
import re
import subprocess
import sys

SORRY = re.compile(r"sorry (about|for)|apologi[sz]e|understand this is "
                   r"frustrating", re.I)
UNSAID = {"out_of_scope", "complaint", "contact_human_agent"}


def upset(row):
    """True, False, or None when the labels do not say."""
    if "feeling" in row:
        return row["feeling"] != "none"
    if row.get("register") == "angry":
        return True
    if UNSAID & set(row.get("intents", [])):
        return None
    return False


def replay(sd, texts):
    script = "".join("/new\n%s\n" % t.replace("\n", " ") for t in texts)
    out = subprocess.run([sd, "-q", "replay", "--json"], input=script,
                         capture_output=True, text=True, check=True).stdout
    turns = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
    if len(turns) != len(texts):
        sys.exit("apology-dev: %d messages gave %d turns" %
                 (len(texts), len(turns)))
    return [t.get("reply", "") for t in turns]


def line(name, c):
    tp, fp, fn, tn = c
    p = tp / (tp + fp) if tp + fp else 0
    rc = tp / (tp + fn) if tp + fn else 0
    print("APOLOGY %d %d %d %d %.3f %.3f %s" % (tp, fp, fn, tn, p, rc, name))


def main():
    sd = sys.argv[1]
    paths = [a for a in sys.argv[2:] if a != "-v"]
    verbose = "-v" in sys.argv[2:]
    total = [0, 0, 0, 0]
    for path in paths:
        rows = [json.loads(l) for l in open(path) if l.strip()]
        rows = [(r["text"], upset(r)) for r in rows]
        # Replay reads a line that starts with "#" as a comment.
        rows = [r for r in rows if r[1] is not None and
                not r[0].lstrip().startswith("#")]
        c = [0, 0, 0, 0]
        for (text, want), reply in zip(rows, replay(sd, [r[0] for r in rows])):
            said = SORRY.search(reply) is not None
            c[0] += want and said
            c[1] += said and not want
            c[2] += want and not said
            c[3] += not want and not said
            if want != said or verbose:
                print("%s %s | %s" % ("MISS" if want != said else "ok  ",
                      text, reply[:70]))
        line(path, c)
        total = [a + b for a, b in zip(total, c)]
    if len(paths) > 1:
        line("all", total)


main()

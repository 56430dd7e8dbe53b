#!/usr/bin/env python3
"""cited-sweep.py SHOPDESK DB OUT.jsonl: the fact check against the
store's own policies and FAQs, both ways.

For every sentence of every policy and FAQ in the demo store (DB), a
reply that is that sentence, with its document in context, is true: it
must be shown whole (a check that reads it against another policy's
fact about another subject drops it).  The same sentence with a number
changed (7 -> 10, $7.99 -> $10.99) or a negation taken out ("cannot" ->
"can") is false: the changed words must not be shown.  Writes the cases
as a factcheck library (OUT.jsonl) for "shopdesk eval factcheck"."""
import json
import re
import sqlite3
import sys

NEG = [("cannot", "can"), ("can't", "can"), ("never", "always"),
       ("are not", "are"), ("is not", "is"), ("do not", "do"),
       ("does not", "does"), ("no ", "a ")]
NUM = re.compile(r"(?<![\w.,$])(\$?)(\d+)(?:\.(\d\d))?(?![\w,])")


def sentences(body):
    for para in body.split("\n"):
        para = para.strip()
        if not para or para[0] in "#|-" or re.match(r"\d+\.", para):
            continue
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", para):
            if len(s.split()) >= 5:
                yield s


def number_lie(s):
    m = NUM.search(s)
    if m is None:
        return None
    n = int(m.group(2))
    new = "%s%d%s" % (m.group(1), n + 3 if n < 1000 else n + 300,
                      "." + m.group(3) if m.group(3) else "")
    lie = s[:m.start()] + new + s[m.end():]
    # The changed number with the words after it: the claim to catch.
    tail = lie[m.start():].split()
    return lie, " ".join(tail[:2]) if len(tail) > 1 else tail[0]


def negation_lie(s):
    low = s.lower()
    for neg, pos in NEG:
        i = low.find(neg)
        if i >= 0 and (i == 0 or not low[i - 1].isalpha()):
            lie = s[:i] + (pos if s[i].islower() else pos.capitalize()) + \
                s[i + len(neg):]
            words = lie[i:].split()
            return lie, " ".join(words[:3])
    return None


def main():
    db = sqlite3.connect(sys.argv[2])
    out = open(sys.argv[3], "w")
    n = 0
    rows = db.execute("SELECT doc_key, body FROM documents WHERE kind IN"
                      " ('policy', 'faq') ORDER BY doc_key")
    for key, body in rows:
        for s in sentences(body):
            n += 1
            ctx = {"skus": [], "docs": [key]}
            out.write(json.dumps({"id": "true-%s-%d" % (key, n),
                                  "user": "tell me more", "context": ctx,
                                  "reply": s, "false": [],
                                  "true": [s]}) + "\n")
            for kind, lie in (("number", number_lie(s)),
                              ("negation", negation_lie(s))):
                if lie is not None:
                    out.write(json.dumps({"id": "%s-%s-%d" % (kind, key, n),
                                          "user": "tell me more",
                                          "context": ctx, "reply": lie[0],
                                          "false": [lie[1]],
                                          "true": []}) + "\n")


main()

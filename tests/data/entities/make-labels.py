#!/usr/bin/env python3
"""Turn tests/data/entities/labels.txt into train.jsonl and test.jsonl.

Each line of labels.txt is one utterance with its entities marked inline:
    compare the [S24]{product sku=PHN-SAM-S24 pair=1} and ...
The marks are removed and each entity gets exact UTF-8 byte offsets
(start, end) into the clean text, its type, the text it covers as value
unless value= is given, and the other key=value fields (numbers become
numbers, true/false booleans).  Every third utterance (1-based line
numbers divisible by 3, blank and # lines not counted) goes to the
held-out test split; the rest to train.  Run from this directory:
    python3 make-labels.py
Other label files name their splits and the share held out (every Nth):
    python3 make-labels.py short-labels.txt short-dev.jsonl short-test.jsonl 2
"""
import json
import re
import sys

MARK = re.compile(r"\[([^\]]+)\]\{(\w+)((?: [^}]*)?)\}")


def conv(v):
    if v in ("true", "false"):
        return v == "true"
    try:
        return int(v)
    except ValueError:
        pass
    try:
        return float(v)
    except ValueError:
        return v


def parse(line, where):
    out = b""
    ents = []
    pos = 0
    for m in MARK.finditer(line):
        out += line[pos:m.start()].encode()
        span = m.group(1).encode()
        ent = {"type": m.group(2), "start": len(out),
               "end": len(out) + len(span), "value": m.group(1)}
        for kv in m.group(3).split():
            k, _, v = kv.partition("=")
            v = v.replace("~", " ")
            ent[k] = v if k == "value" else conv(v)
        out += span
        ents.append(ent)
        pos = m.end()
    out += line[pos:].encode()
    text = out.decode()
    if "[" in text and "]{" in text:
        sys.exit("%s: unparsed mark" % where)
    for e in ents:
        if e["type"] not in ("order_id", "price", "product", "brand",
                             "category", "attribute", "quantity", "email",
                             "date"):
            sys.exit("%s: bad type %s" % (where, e["type"]))
    return {"text": text, "entities": ents}


def main():
    args = sys.argv[1:] or ["labels.txt", "train.jsonl", "test.jsonl", "3"]
    if len(args) != 4:
        sys.exit("usage: make-labels.py [LABELS TRAIN TEST EVERY]")
    labels, trainf, testf, every = args[0], args[1], args[2], int(args[3])
    train, test = [], []
    n = 0
    with open(labels, encoding="utf-8") as f:
        for lineno, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            n += 1
            rec = parse(line, "%s:%d" % (labels, lineno))
            (test if n % every == 0 else train).append(rec)
    for name, recs in ((trainf, train), (testf, test)):
        with open(name, "w", encoding="utf-8") as f:
            for r in recs:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("%d utterances: %d in %s, %d in %s" % (n, len(train), trainf,
                                          len(test), testf))


main()

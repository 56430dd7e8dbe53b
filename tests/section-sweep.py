#!/usr/bin/env python3
"""section-sweep.py SHOPDESK SHARE [-v]: does a knowledge answer choose
the right section?  Every policy section and every FAQ of the demo store
is asked, each in a session of its own, by its own key terms in the
registers shoppers type, none of them the entry's sentence:

  frag    the key terms alone, lower case ("restocking fee opened")
  ask     a plain question round them ("do you have anything about ...")
  typo    the fragment with two letters of its longest term swapped
  back    background first, then the fragment as a question

An entry's key terms are the content words of its heading (a policy
section) or question (an FAQ), then its rarest word across the whole
knowledge base (the word fewest other entries share, the entry's most
frequent of those, five letters at least), from its own text: so
each wording names what is particular to that entry.  The title of a
section's policy is not said: a shopper names the topic, not the page.

The reply must answer from that entry: cite the FAQ, or cite a policy and
hold four words in a row of the entry's text; for a policy section, hold
four words in a row of that section and cite the policy, or an FAQ that
says the same (its answer holds those words).  A reply from
another section of the right policy is the class this sweep measures
(wrong section).  Prints one line per failure and "<KIND> passed total"
per kind."""
import json
import math
import os
import re

import sweeplib


KINDS = ("frag", "ask", "typo", "back")

# Words that name no topic (function words, question words, the store's
# everyday verbs).
STOP = set("""a an the and or but if of to in on at for from by with without
as is are was were be been being it its this that these those you your we our
us i my me do does did can could will would should may might must have has
had not no yes what when where which who whom how why there here than then so
such any all each every some more most other into out up down about over
under after before again also only just very too per via one two three
get gets use used using make made within until while both either
although though depending depend provides provide everything something
anything instead several receiving confirming confirmed created answer
arrive ordered forgot add similar""".split())


def words(s):
    return re.findall(r"[a-z0-9$%]+", s.lower())


def shingles(s, n=4):
    w = words(s)
    return {" ".join(w[i:i + n]) for i in range(len(w) - n + 1)}


def entries(share):
    """(kind, id, heading or question, text) of every FAQ and of every
    policy section that holds prose (a table alone is no sentence)."""
    out = []
    with open(os.path.join(share, "demo", "faq.jsonl")) as f:
        for line in f:
            if line.strip():
                q = json.loads(line)
                out.append(("faq", q["id"], q["question"], q["answer"]))
    with open(os.path.join(share, "demo", "policies.jsonl")) as f:
        for line in f:
            if not line.strip():
                continue
            p = json.loads(line)
            for part in ("\n" + p["body"]).split("\n## ")[1:]:
                head, _, text = part.partition("\n")
                text = text.strip()
                if text and not text.startswith("|"):
                    out.append(("policy", p["id"], head.strip(), text))
    return out


def content(s):
    return [w for w in words(s) if w not in STOP and len(w) > 2 and
            not w[0].isdigit() and w[0] not in "$%"]


def key_terms(entry, df):
    """The heading's content words, then the entry's rarest word."""
    _, _, head, text = entry
    terms = content(head)
    tf = {}
    for w in content(text):
        tf[w] = tf.get(w, 0) + 1
    rare = sorted((df[w], -tf[w], -len(w), w) for w in tf
                  if w not in terms and len(w) >= 5)
    if rare:
        terms.append(rare[0][3])
    return terms[:4]


def typo(s):
    """s with two letters inside its longest word swapped."""
    w = max(s.split(), key=len)
    if len(w) < 5:
        return s
    i = len(w) // 2
    return s.replace(w, w[:i - 1] + w[i] + w[i - 1] + w[i + 1:], 1)


def wordings(terms):
    frag = " ".join(terms)
    return {"frag": frag,
            "ask": "do you have anything about %s?" % frag,
            "typo": typo(frag),
            "back": "my sister told me to ask you. %s?" % frag}


def main():
    sd, share = os.sys.argv[1:3]
    es = entries(share)
    df = {}
    for e in es:
        for w in set(content(e[2] + " " + e[3])):
            df[w] = df.get(w, 0) + 1
    cases = []
    for e in es:
        terms = key_terms(e, df)
        if len(terms) < 2:
            continue        # nothing particular to say it by
        for kind, line in wordings(terms).items():
            cases.append((kind, e, line))
    runs = sweeplib.replay(sd, [[c[2]] for c in cases])
    tallies = {k: sweeplib.Tally(k.upper()) for k in KINDS}
    for (kind, e, line), trs in zip(cases, runs):
        tr = trs[-1]
        cited = {c.get("id") for c in tr.get("citations") or []}
        reply = tr.get("reply", "")
        held = bool(shingles(reply) & shingles(e[3]))
        if e[0] == "faq":
            good = e[1] in cited or (held and any(
                c.startswith("policy-") for c in cited))
        else:       # the policy, or an FAQ saying the section's words
            good = held and (e[1] in cited or any(
                c.startswith("faq-") for c in cited))
        tallies[kind].check(good, kind, line, "want %s (%s)" % (e[1], e[2]),
                            "cited " + (",".join(sorted(cited)) or "-"),
                            tr.get("action"), sweeplib.clip(reply, 60))
    for k in KINDS:
        tallies[k].done()
    total = sum(t.passed for t in tallies.values())
    print("ALL", total, sum(t.total for t in tallies.values()))


if __name__ == "__main__":
    main()

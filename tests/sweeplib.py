"""sweeplib.py: what the sweeps (tests/*-sweep.py) share, written once.

A sweep generates many cases from the demo store's data, runs them
through shopdesk and judges each reply by the same data.  It imports this
module from its own directory (Python puts a script's directory first on
sys.path), so it works from the source tree in any build directory.
Python 3 standard library only.

Reading the demo store:
  products(path)       the product records of a products.jsonl (PATH may
                       be a share directory: its demo/products.jsonl)
  by_category(ps)      category -> its products, in the file's order
  first_of_each(ps, n) the first n products of every category, by name
                       of category
  policy_facts(share)  the "facts" of every policy, merged into one dict
  day(iso)             the date of an ISO time stamp
  stem(w)              a kind word's singular

Running the cases:
  replay(sd, sessions, bail)  "shopdesk -q replay --json" over sessions
                       (lists of script lines, each after "/new"); the
                       traces of each session
  clip(text, n)        a reply cut to n characters on one line
  cart_free(share)     the demo customers with no cart of their own
  replay_own(sd, sessions, users, tag)  each session for a customer of
                       its own ("/user"), a fresh store for every
                       len(users) of them, so no cart carries over

Printing the verdicts, one of two ways:
  Tally(label)         for a sweep whose .t prints the TAP: a line for
                       each failure ("FAIL a | b"; with -v the passes too
                       as "ok   a | b"), then "LABEL passed total" for the
                       .t's floors
  Tap()                for a sweep that prints TAP itself: "ok N - name",
                       the plan, the passes per kind of case, "Bail out!"
  report(verdicts)     a Tap over cases judged to a reason ("" when
                       right): the TAP, the kinds, the tally; exit status

Writing conversations for "shopdesk eval dialogues":
  turn(text, about, must, must_not)  one customer turn and what its
                       reply must (not) hold; never a refusal (NEVER)
  Dialogues(prefix)    the conversations, numbered, printed as JSONL
"""
import atexit
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

# "-v" after the arguments: print the cases that pass as well.
VERBOSE = "-v" in sys.argv[1:]
# The day tests/lib.sh pins, for a sweep run by hand.
NOW = "2026-11-20T12:00:00Z"
# What no reply may hold: a refusal, the fallback, a template unfilled.
NEVER = ["(can't|cannot|unable to) help|(don't|do not) understand",
         "nlu_fallback|\\(null\\)|\\{\\{|%s"]


def products(path):
    """The product records of a products.jsonl, in the file's order; a
    record of another "type" and blank lines are left out."""
    if os.path.isdir(path):
        path = os.path.join(path, "demo", "products.jsonl")
    with open(path) as f:
        recs = [json.loads(line) for line in f if line.strip()]
    return [p for p in recs if p.get("type", "product") == "product"]


def by_category(ps):
    out = {}
    for p in ps:
        out.setdefault(p["category"], []).append(p)
    return out


def first_of_each(ps, n):
    cats = by_category(ps)
    return [p for c in sorted(cats) for p in cats[c][:n]]


def policy_facts(share):
    facts = {}
    with open(os.path.join(share, "demo", "policies.jsonl")) as f:
        for line in f:
            facts.update(json.loads(line).get("facts") or {})
    return facts


def day(iso):
    return datetime.date.fromisoformat(iso[:10])


def _env():
    """The environment for shopdesk.  Under make check tests/lib.sh has
    set a fresh SHOPDESK_DB, HOME and SHOPDESK_NOW; run by hand, the
    sweep gets the same: a scratch directory removed at exit, never the
    user's database or configuration."""
    env = dict(os.environ)
    if not env.get("SHOPDESK_DB"):
        tmp = tempfile.mkdtemp(prefix="sdsweep.")
        atexit.register(shutil.rmtree, tmp, True)
        os.environ.update(SHOPDESK_DB=os.path.join(tmp, "shop.db"),
                          HOME=tmp)
        env = dict(os.environ)
    env.setdefault("SHOPDESK_NOW", NOW)
    return env


def _turns(lines):
    """How many of a session's lines are customer turns: replay skips
    blank lines and "# comments" and obeys "/directives"."""
    return sum(1 for x in lines if x.strip() and x.strip()[0] not in "#/")


def replay(sd, sessions, bail=sys.exit):
    """Run sessions, each a list of script lines, through "sd -q replay
    --json", each after a "/new"; return each session's list of turn
    traces.  When replay fails or prints another count of traces, calls
    bail with the reason (by default: exit with it on stderr)."""
    script = "".join("/new\n" + "".join(x + "\n" for x in s)
                     for s in sessions)
    run = subprocess.run([sd, "-q", "replay", "--json"], input=script,
                         capture_output=True, text=True, env=_env())
    if run.returncode != 0:
        bail("replay failed: " + run.stderr[:300])
    traces = [json.loads(x) for x in run.stdout.splitlines()
              if x.startswith("{")]
    counts = [_turns(s) for s in sessions]
    if len(traces) != sum(counts):
        bail("%d traces for %d turns" % (len(traces), sum(counts)))
    out = []
    for n in counts:
        out.append(traces[:n])
        traces = traces[n:]
    return out


def clip(text, n):
    return text[:n].replace("\n", " ")


def cart_free(share):
    with open(os.path.join(share, "demo", "customers.json")) as f:
        cs = json.load(f)
    cs = cs if isinstance(cs, list) else cs["customers"]
    with open(os.path.join(share, "demo", "carts.json")) as f:
        busy = {c["customer_id"] for c in json.load(f)["carts"]}
    return [c["id"] for c in cs if c["id"] not in busy]


def replay_own(sd, sessions, users, tag="sweep"):
    out = []
    tmp = tempfile.mkdtemp(prefix=tag + ".")
    atexit.register(shutil.rmtree, tmp, True)
    for i in range(0, len(sessions), len(users)):
        os.environ["SHOPDESK_DB"] = os.path.join(tmp, "shop%d.db" % i)
        sess = [["/user " + u] + s
                for u, s in zip(users, sessions[i:i + len(users)])]
        out += replay(sd, sess)
    return out


class Tally:
    """One kind of case of a sweep whose .t script prints the TAP."""

    def __init__(self, label):
        self.label = label
        self.passed = 0
        self.total = 0

    def check(self, good, *fields):
        """Count a case; print it (always when it fails)."""
        self.passed += bool(good)
        self.total += 1
        if not good or VERBOSE:
            print("%s %s" % ("ok  " if good else "FAIL",
                             " | ".join(str(f) for f in fields)))
        return good

    def done(self):
        print("%s %d %d" % (self.label, self.passed, self.total))


class Tap:
    """TAP printed by the sweep itself."""

    def __init__(self):
        self.n = 0
        self.passed = 0
        self.kinds = {}         # kind -> [passed, total]

    def ok(self, good, name, kind=None):
        """Print test N; count it, and under kind when given."""
        self.n += 1
        self.passed += bool(good)
        if kind is not None:
            k = self.kinds.setdefault(kind, [0, 0])
            k[0] += bool(good)
            k[1] += 1
        print("%s %d - %s" % ("ok" if good else "not ok", self.n, name))
        return good

    def plan(self, n=None):
        print("1..%d" % (self.n if n is None else n))

    def kind_totals(self):
        for kind, (g, t) in sorted(self.kinds.items()):
            print("# %s: %d of %d" % (kind, g, t))

    def bail(self, why):
        print("Bail out! " + why)
        sys.exit(1)


def report(verdicts):
    """Print the TAP of a sweep's judged cases; return the exit status
    (0 when every case is right).  verdicts: (label, why, note) for each
    case in order, why "" when the case is right, else what is wrong,
    printed after note (a line of context, or None); a case's kind is
    its label up to ":".  After the plan: the cases right of each kind,
    then of all."""
    tap = Tap()
    for label, why, note in verdicts:
        tap.ok(not why, label, label.split(":")[0])
        if why:
            for line in ([note] if note else []) + [why]:
                print("#   " + line)
    tap.plan()
    tap.kind_totals()
    print("# sweep: %d of %d cases right" % (tap.passed, tap.n))
    return 0 if tap.passed == tap.n else 1


def stem(w):
    """A word's singular as the kind index keeps it ("watches": watch)."""
    w = w.lower()
    if len(w) > 4 and w.endswith('ies'):
        return w[:-3] + 'y'
    if len(w) > 4 and w.endswith('es') and w[-3] in 'sx':
        return w[:-2]
    if len(w) > 4 and w.endswith('ches'):
        return w[:-2]
    if len(w) > 3 and w.endswith('s') and w[-2] not in 'su':
        return w[:-1]
    return w


def in_stock(p):
    return p['stock'] > 0


def sold_out_fit(fits, res, P, chk):
    """Judge a reply naming a sold-out product as the one that meets a
    need: "" when no product in stock fits and the first shown (res) is
    sold out and meets it (chk), else what is wrong."""
    if fits:
        return 'names one sold out, but %d in stock fit' % len(fits)
    if not res or in_stock(P[res[0]]) or not chk(P[res[0]]):
        return 'names %s as the sold-out fit' % res[:1]
    return ''


def tsv_rows(path):
    """(line number, tab-separated fields) of each line of path that is
    neither empty nor a "#" comment."""
    with open(path) as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield n, line.split("\t")


def turn(text, about, must, must_not=()):
    return {"text": text, "expect": {"about": about, "must": must,
            "must_not": list(must_not) + NEVER, "action_hint": ""}}


class Dialogues:
    """Conversations in the format of "shopdesk eval dialogues"."""

    def __init__(self, prefix):
        self.prefix = prefix    # of the ids: "s0001", "s0002"...
        self.convs = []

    def add(self, cat, user, turns):
        """One conversation of category cat; none when turns is empty."""
        if turns:
            self.convs.append({"id": "%s%04d" % (self.prefix,
                                                 len(self.convs) + 1),
                               "user": user, "category": cat,
                               "turns": turns})

    def print(self):
        for c in self.convs:
            print(json.dumps(c))


def base_name(p):
    """A product's name before its bracketed variant ("Apple iPhone 15
    (128GB)" -> "Apple iPhone 15")."""
    return re.sub(r'\s*\(.*?\)', '', p['name'])


def money(v):
    """A price as replies write it: "$19.99", "$349", "$1,299.99"."""
    return ('$%.2f' % v).replace('.00', '') if v < 1000 else \
        '${:,.2f}'.format(v).replace('.00', '')


def focus(tr):
    """The product in focus after a turn (its trace), or None."""
    f = (tr.get('state_after') or {}).get('focus') or []
    return f[0] if f else None

# The filename patterns of tracemalloc.Filter, as fnmatch: *, ?, [seq],
# [!seq], ranges; '*' crosses '/'; an unclosed '[' is itself.
from tracemalloc import Filter, Snapshot

names = ["a.py", "b.py", "ab.py", "x/a.py", "x/y/z.py", "[a].py", "a-.py", "-.py",
         "]a.py", "!.py", "A.py", "a.pyc", "abc", "", "é.py", "a*b.py", "a?b.py", "a\\b.py"]
snap = Snapshot([(0, 1, ((n, 1),), 1) for n in names], 1)


def matching(pattern):
    kept = snap.filter_traces([Filter(True, pattern)])
    return [t.traceback[0].filename for t in kept.traces]


for pattern in ["*", "*.py", "?.py", "??.py", "a*", "*a*", "x/*", "x/*.py", "x*z.py",
                "[ab].py", "[!ab].py", "[a-c]*", "[c-a].py", "[!c-a].py", "[a-].py", "[-a].py",
                "[]a].py", "[!]a].py", "[!].py", "[a.py", "[[]a].py", "*[*]*", "*[?]*",
                "a\\b.py", "[é].py", "[a-zA-Z].py", "[a-z-].py", "[z-a-].py", "**.py", "*.py*",
                "", "a.py", "A.py", "a.pyc"]:
    print(repr(pattern), matching(pattern))

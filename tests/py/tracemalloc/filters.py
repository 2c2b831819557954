# Snapshot.filter_traces() with Filter and DomainFilter.
import tracemalloc
from tracemalloc import Filter, DomainFilter, Snapshot

snap = Snapshot([
    (0, 100, (("/app/main.py", 3),), 1),
    (0, 200, (("/app/util.py", 7), ("/app/main.py", 4)), 2),
    (0, 300, (("/usr/lib/python3.11/tracemalloc.py", 558), ("/app/main.py", 9)), 2),
    (1, 400, (("/app/main.py", 3),), 1),
    (2, 500, (("<frozen importlib._bootstrap>", 241),), 1),
    (0, 600, (("/app/util.pyc", 8),), 1),
], 1)


def show(filters):
    kept = snap.filter_traces(filters)
    print(len(kept.traces), sorted(t.size for t in kept.traces), kept.traceback_limit)


f = Filter(True, "/app/*.pyc", 3)
print(f.inclusive, f.filename_pattern, f.lineno, f.all_frames, f.domain)
print(sorted(f.__dict__))
d = DomainFilter(False, 1)
print(d.inclusive, d.domain, sorted(d.__dict__))

show([])
show([Filter(True, "/app/*")])
show([Filter(False, "/app/*")])
show([Filter(False, tracemalloc.__name__ + ".py")])
show([Filter(False, "*tracemalloc.py")])
show([Filter(False, "<frozen importlib._bootstrap>"), Filter(False, "<unknown>")])
show([Filter(True, "/app/main.py", 3)])
show([Filter(False, "/app/main.py", 3)])
show([Filter(True, "/app/main.py", all_frames=True)])
show([Filter(False, "/app/main.py", all_frames=True)])
show([Filter(True, "/app/main.py", domain=1)])
show([Filter(False, "/app/main.py", domain=1)])
show([Filter(True, "/app/util.py")])
show([Filter(True, "/app/util.pyc")])
show([Filter(True, "/app/main.py"), Filter(True, "/app/util.py")])
show([Filter(True, "/app/*"), Filter(False, "/app/util.py")])
show([DomainFilter(True, 0)])
show([DomainFilter(False, 0)])
show([DomainFilter(False, 0), DomainFilter(False, 2)])
show((Filter(True, "*"),))
show(iter([Filter(True, "*.py")]))

trace = (0, 10, (("/app/util.py", 7), ("/app/main.py", 4)), 2)
print(Filter(True, "/app/util.py")._match(trace), Filter(True, "/app/main.py")._match(trace))
print(Filter(True, "/app/main.py", all_frames=True)._match(trace))
print(DomainFilter(True, 0)._match(trace), DomainFilter(False, 0)._match(trace))

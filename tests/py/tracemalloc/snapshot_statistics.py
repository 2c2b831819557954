# Snapshot.statistics() on a snapshot made by hand: traces are
# (domain, size, frames most recent first, total_nframe).
import tracemalloc

traces = [
    (0, 1000, (("app.py", 10), ("main.py", 3)), 2),
    (0, 3000, (("app.py", 10), ("main.py", 5)), 2),
    (0, 500, (("app.py", 12), ("main.py", 3)), 2),
    (0, 500, (("lib.py", 7), ("app.py", 12), ("main.py", 3)), 3),
    (0, 4000, (("main.py", 8),), 1),
    (0, 250, (("lib.py", 7), ("lib.py", 7), ("main.py", 9)), 3),
    (0, 250, (("lib.py", 2), ("main.py", 9)), 2),
]
snap = tracemalloc.Snapshot(traces, 3)
print(snap.traceback_limit, repr(snap.traces), len(snap.traces))
print(snap.traces[0])
print(repr(snap.traces[4]))
print(snap.traces[0].traceback.total_nframe, snap.traces[0].size, snap.traces[0].domain)
print(snap.traces[1:3])
print(snap.traces[0] in snap.traces, snap.traces[0] == snap.traces[0], snap.traces[0] == snap.traces[1])

for key in ("lineno", "filename", "traceback"):
    print("---", key)
    for stat in snap.statistics(key):
        print(stat)
for key in ("lineno", "filename"):
    print("--- cumulative", key)
    for stat in snap.statistics(key, cumulative=True):
        print(stat)
print("--- repr")
print(snap.statistics("lineno")[0].__repr__())
print(snap.statistics("traceback")[-1].__repr__())

# equal sizes are ordered by count, then by traceback (largest first)
ties = tracemalloc.Snapshot([
    (0, 100, (("b.py", 1),), 1),
    (0, 100, (("a.py", 1),), 1),
    (0, 50, (("c.py", 1),), 1),
    (0, 50, (("c.py", 1),), 1),
    (0, 100, (("a.py", 2),), 1),
], 1)
print("--- ties")
for stat in ties.statistics("lineno"):
    print(stat)
print(tracemalloc.Snapshot([], 1).statistics("lineno"))

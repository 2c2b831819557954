# Snapshot.compare_to(): what grew, what shrank, what is new and what went,
# sorted by the size of the change.
import tracemalloc
from tracemalloc import Snapshot

old = Snapshot([
    (0, 1000, (("app.py", 10),), 1),
    (0, 2000, (("app.py", 11),), 1),
    (0, 300, (("lib.py", 5), ("app.py", 20)), 2),
    (0, 700, (("gone.py", 1),), 1),
], 1)
new = Snapshot([
    (0, 1000, (("app.py", 10),), 1),
    (0, 5000, (("app.py", 11),), 1),
    (0, 5000, (("app.py", 11),), 1),
    (0, 300, (("lib.py", 5), ("app.py", 20)), 2),
    (0, 64, (("new.py", 3),), 1),
    (0, 1000000, (("big.py", 1),), 1),
], 1)

for key in ("lineno", "filename", "traceback"):
    print("---", key)
    for diff in new.compare_to(old, key):
        print(diff)
print("--- cumulative")
for diff in new.compare_to(old, "lineno", cumulative=True):
    print(diff)
print("--- backwards")
for diff in old.compare_to(new, "filename"):
    print(diff)
print("--- repr")
print(repr(new.compare_to(old, "lineno")[0]))
print(repr(old.compare_to(new, "lineno")[0]))
print(new.compare_to(new, "lineno")[0])
print(Snapshot([], 1).compare_to(Snapshot([], 1), "lineno"))

# equal changes: then by size, count change, count, traceback
a = Snapshot([(0, 10, (("x.py", 1),), 1)], 1)
b = Snapshot([(0, 10, (("x.py", 1),), 1), (0, 10, (("y.py", 1),), 1),
              (0, 5, (("z.py", 1),), 1), (0, 5, (("z.py", 1),), 1)], 1)
for diff in b.compare_to(a, "lineno"):
    print(diff)

# gc.get_stats(): one dict per generation; collections and collected grow
# with each collection (start-up may already have collected, so only the
# differences are printed).
import gc

def stats():
    return [(s["collections"], s["collected"], s["uncollectable"]) for s in gc.get_stats()]

st = gc.get_stats()
print(type(st).__name__, len(st))
for s in st:
    print(type(s).__name__, list(s.keys()), [type(v).__name__ for v in s.values()])

before = stats()
x = []
x.append(x)
del x
gc.collect(0)
y = {}
y["y"] = y
z = [y]
z.append(z)
del y, z
gc.collect(1)
gc.collect(1)
w = []
w.append(w)
del w
gc.collect()
after = stats()
for b, a in zip(before, after):
    print(a[0] - b[0], a[1] - b[1], a[2] - b[2])

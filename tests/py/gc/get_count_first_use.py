# Using a built-in type for the first time allocates nothing that the
# collector counts: CPython readies every built-in type at start-up.
import gc

gc.collect()
c = []
c.append(gc.get_count()[0])
c.append(gc.get_count()[0])
del c[:]
gc.collect(0)
c.append(gc.get_count()[0])
for i in range(3):
    pass
c.append(gc.get_count()[0])
for x in reversed("ab"):
    pass
c.append(gc.get_count()[0])
for s in iter("ab"):
    pass
c.append(gc.get_count()[0])
for s in filter(None, "ab"):
    pass
c.append(gc.get_count()[0])
print(c)

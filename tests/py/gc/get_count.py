# gc.get_count(): generation 0 counts allocations minus deallocations of
# tracked objects.  A full collection empties CPython's free lists, which
# would make a temporary tuple count once, so the statements run once
# first and the counts are reset by a young collection (which keeps them).
import gc

class Obj:
    pass

keep = []
keep2 = []
c = []

def run(n):
    c.append(gc.get_count()[0])
    for i in range(n):
        keep.append(Obj())
    c.append(gc.get_count()[0])
    del keep[:n // 2]
    c.append(gc.get_count()[0])
    for i in range(n // 10):
        keep2.append(set())
    c.append(gc.get_count()[0])
    del keep[:]
    c.append(gc.get_count()[0])

gc.collect()
run(10)
del c[:], keep2[:]
gc.collect(0)
run(100)
print(c)
print(gc.get_count()[1:])

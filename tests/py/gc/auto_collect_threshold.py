# gc.get_count() around the automatic collection: generation 0 goes up to
# 700, the 701st allocation collects it, and generation 1 counts one more.
import gc

class Obj:
    pass

keep = []
c0 = []
c1 = []

def run(n, marks):
    for i in range(n):
        keep.append(Obj())
        if i in marks:
            c0.append(gc.get_count()[0])
            c1.append(gc.get_count()[1])

gc.collect()
run(2, (0, 1))          # the loop runs once before counting starts
del keep[:], c0[:], c1[:]
gc.collect(0)
gc.collect(1)
run(1500, (0, 698, 699, 700, 701, 1399, 1400, 1401, 1402))
print(c0)
print(c1)

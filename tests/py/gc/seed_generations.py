# The seed example 000r_generations.py, made independent of CPython's free
# lists: the counts are read into a list and printed at the end (printing
# allocates in CPython's io layer), the survivors are instances (lists and
# tuples may come from a free list, uncounted), and the statements run once
# after the full collection (which empties the free lists) before counting.
import gc

class Obj:
    pass

counts = []
survivors = []
counts.extend(gc.get_threshold())  # one threshold per generation
gc.collect()
counts.extend(gc.get_count())
survivors.extend(Obj() for _ in range(1))
del survivors[:]
gc.collect(0)
gc.collect(1)

survivors.extend(Obj() for _ in range(500))
counts.extend(gc.get_count())

gc.collect(0)
counts.extend(gc.get_count())  # the young generation was moved up
gc.collect()
counts.extend(gc.get_count())
for i in range(0, len(counts), 3):
    print(tuple(counts[i:i + 3]))

# A block that grows by reallocation is one trace, with its last size;
# a freed block leaves the traces.
import sys
import tracemalloc

tracemalloc.start()
items = []
for i in range(10000):
    items.append(None)
capacity = sys.getsizeof(items) - sys.getsizeof([])
snap = tracemalloc.take_snapshot()
print(capacity, [t.size for t in snap.traces if t.size == capacity])
print([t.size for t in snap.traces if t.traceback[0].filename == __file__ and t.size > 1000])

tracemalloc.reset_peak()
before, _ = tracemalloc.get_traced_memory()
items.clear()
current, peak = tracemalloc.get_traced_memory()
print(before - current > capacity - 1000, peak - current > capacity - 1000)
after = tracemalloc.take_snapshot()
print([t.size for t in after.traces if t.traceback[0].filename == __file__ and t.size > 1000])
tracemalloc.stop()

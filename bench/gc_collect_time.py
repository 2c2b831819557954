# The time of one full gc.collect() over a million live tracked objects,
# and of a churn of small cycles left to the collector: each figure is the
# median of 5, printed in milliseconds (run by both interpreters).
import gc
import time


class Node:
    def __init__(self):
        self.other = None


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


keep = [[i] for i in range(500000)] + [Node() for i in range(500000)]
gc.collect()
times = []
for _ in range(5):
    t = time.perf_counter()
    gc.collect()
    times.append(time.perf_counter() - t)
print("full collect, 10^6 objects: %.1f ms" % (median(times) * 1000))
del keep
gc.collect()

times = []
for _ in range(5):
    t = time.perf_counter()
    for i in range(100000):
        a = Node()
        b = Node()
        a.other = b
        b.other = a
    gc.collect()
    times.append(time.perf_counter() - t)
print("churn of 10^5 two-node cycles: %.1f ms" % (median(times) * 1000))

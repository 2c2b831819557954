# Tracing real allocations: snapshots, filters by this file, differences
# between two snapshots, tracebacks of several frames.
import tracemalloc

tracemalloc.start(3)


def level1():
    return level2()


def level2():
    return level3()


def level3():
    return level4()


def level4():
    return [None] * 100000              # 800000 bytes of item pointers


first = tracemalloc.take_snapshot()
print(first.traceback_limit, len(first.traces) > 0)
data = level1()
second = tracemalloc.take_snapshot()

big = [t for t in second.traces if t.size == 800000]
print(len(big), big[0].domain)
tb = big[0].traceback
print(len(tb), tb.total_nframe, [frame.filename == __file__ for frame in tb])

# by file: this file holds at least the 800000 bytes
mine = [s for s in second.statistics("filename") if s.traceback[0].filename == __file__]
print(len(mine), mine[0].size >= 800000, mine[0].count >= 1, mine[0].traceback[0].lineno)

# filters keep or drop the traces of this file
only = second.filter_traces([tracemalloc.Filter(True, __file__)])
print(all(t.traceback[-1].filename == __file__ for t in only.traces),
      any(t.size == 800000 for t in only.traces))
others = second.filter_traces([tracemalloc.Filter(False, __file__)])
print(any(t.traceback[-1].filename == __file__ for t in others.traces),
      len(only.traces) + len(others.traces) == len(second.traces))
frames = second.filter_traces([tracemalloc.Filter(True, __file__, all_frames=True)])
print(len(frames.traces) >= len(only.traces))

# what changed between the two snapshots, for this file
diffs = [d for d in second.compare_to(first, "filename") if d.traceback[0].filename == __file__]
print(len(diffs), diffs[0].size_diff >= 800000, diffs[0].count_diff >= 1)
print(str(diffs[0]).startswith(__file__ + ":0: size="))

# the snapshot does not change when tracing goes on
n = len(second.traces)
more = [None] * 1000
print(len(second.traces) == n, len(tracemalloc.take_snapshot().traces) > 0)
tracemalloc.stop()
print(len(second.traces) == n, len(second.statistics("lineno")) > 0)

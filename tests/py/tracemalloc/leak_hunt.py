# Finding a leak: two snapshots, compare_to('lineno'), and the line that
# keeps allocating shows first.
import tracemalloc

cache = []


def remember(i):
    text = "x" * 1000 + str(i)          # line 9: one string per call
    cache.append(text)


tracemalloc.start()
before = tracemalloc.take_snapshot()
for i in range(200):
    remember(i)
after = tracemalloc.take_snapshot()

mine = tracemalloc.Filter(True, __file__)
top = after.filter_traces([mine]).compare_to(before.filter_traces([mine]), "lineno")
first = top[0]
print(first.traceback[0].lineno, 200 <= first.count_diff <= 202, first.count == first.count_diff)
print(first.size_diff == first.size)
print(first.size_diff >= 200 * 1049, first.size_diff < 200 * 1060)
print(str(first).replace(__file__, "leak_hunt.py").split(", average")[0].split("size=")[0])
for line in first.traceback.format():
    print(line.replace(__file__, "leak_hunt.py"))
print([d.traceback[0].lineno for d in top[:2]])
tracemalloc.stop()

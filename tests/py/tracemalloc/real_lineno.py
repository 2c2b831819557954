# Allocations charged to the line that made them: statistics by line,
# tracebacks of several frames with their source lines, and the traceback
# of an object.
import tracemalloc

name = __file__.rsplit("/", 1)[-1]


def short(frame):
    return "%s:%s" % (frame.filename.rsplit("/", 1)[-1], frame.lineno)


class Node:
    __slots__ = ("next",)


def build():
    return [None] * 100000              # line 18: 800000 bytes


def outer():
    items = build()                     # line 22
    return items


tracemalloc.start(2)
data = [None] * 200000                  # line 27: 1600000 bytes
more = outer()                          # line 28
node = Node()                           # line 29
snapshot = tracemalloc.take_snapshot()

top = snapshot.statistics("lineno")
print([short(s.traceback[0]) for s in top[:2]])
print(top[0].size >= 1600000, top[0].size < 1610000, top[1].size >= 800000, top[1].size < 810000)
print(str(top[0]).split(": ")[0] == __file__ + ":27")

print(short(tracemalloc.get_object_traceback(node)[0]))

big = [t for t in snapshot.traces if t.size == 800000][0]
print([short(frame) for frame in big.traceback], big.traceback.total_nframe)
for line in big.traceback.format():
    print(line.replace(__file__, name))
for line in big.traceback.format(limit=1, most_recent_first=True):
    print(line.replace(__file__, name))

by_tb = [s for s in snapshot.statistics("traceback") if s.size >= 800000 and s.size < 810000]
print([short(f) for f in by_tb[0].traceback])
cumulative = {short(s.traceback[0]): s.size >= 800000 for s in snapshot.statistics("lineno", cumulative=True)
              if s.traceback[0].filename == __file__}
print(cumulative[name + ":18"], cumulative[name + ":22"], name + ":28" in cumulative)
tracemalloc.stop()

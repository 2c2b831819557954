# The classes of tracemalloc are classes like any other: filters can be
# written by subclassing BaseFilter, attributes can change, snapshots can
# be made by hand.
import gc
import tracemalloc
from tracemalloc import BaseFilter, Filter, Snapshot, Statistic, Traceback


class BigOnly(BaseFilter):
    def __init__(self, limit):
        super().__init__(True)
        self.limit = limit

    def _match(self, trace):
        return trace[1] >= self.limit


class Quiet(Filter):
    pass


snap = Snapshot([(0, 10, (("a.py", 1),), 1), (0, 1000, (("b.py", 2),), 1),
                 (0, 5000, (("a.py", 3),), 1)], 1)
print([t.size for t in snap.filter_traces([BigOnly(1000)]).traces])
print([t.size for t in snap.filter_traces([BigOnly(1000), Quiet(False, "b.py")]).traces])
print(isinstance(Quiet(True, "x"), BaseFilter), Quiet(True, "x.pyc").filename_pattern)
try:
    BaseFilter(True)._match((0, 1, (), 1))
except NotImplementedError as e:
    print("NotImplementedError", repr(str(e)))

f = Filter(True, "a.py")
print([t.size for t in snap.filter_traces([f]).traces])
f.lineno = 3
print([t.size for t in snap.filter_traces([f]).traces])
f.inclusive = False
print([t.size for t in snap.filter_traces([f]).traces])
try:
    f.filename_pattern = "b.py"
except AttributeError as e:
    print("AttributeError")
f._filename_pattern = "b.py"
print(f.filename_pattern, [t.size for t in snap.filter_traces([f]).traces])

snap.traceback_limit = 7
snap.note = "by hand"
print(sorted(vars(snap)), snap.filter_traces([]).traceback_limit)
print(snap.filter_traces([]).traces == snap.traces, snap.filter_traces([]).traces is snap.traces)


class Labelled(Statistic):
    def __str__(self):
        return "[%s] %s" % (self.traceback, self.size)


print(Labelled(Traceback((("z.py", 9),)), 5, 1), repr(Labelled(Traceback((("z.py", 9),)), 5, 1)))
print(gc.is_tracked(tracemalloc.Frame(("a.py", 1))), gc.is_tracked(snap))
print(type(snap.statistics("lineno")[0]).__name__, type(snap.traces).__name__)

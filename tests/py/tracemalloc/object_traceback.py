# get_object_traceback(): where an object was allocated, when it was
# allocated while tracing.
import tracemalloc


class Point:
    __slots__ = ("x", "y")


class Plain:
    pass


early = Point()
print(tracemalloc.get_object_traceback(early))      # not tracing
tracemalloc.start()
print(tracemalloc.get_object_traceback(early))      # made before start()
late = Point()
tb = tracemalloc.get_object_traceback(late)
print(type(tb).__name__, len(tb), tb.total_nframe, tb[0].filename == __file__)
print(repr(tb).startswith("<Traceback (<Frame filename="), repr(tb).endswith(">,)>"))
# CPython 3.11.7 looks for the block just before the GC header: instances
# that keep their attributes inline start earlier and are never found
print(tracemalloc.get_object_traceback(Plain()))
print(tracemalloc.get_object_traceback(None), tracemalloc.get_object_traceback(5))


def make():
    return Point()


points = [make() for _ in range(3)]
print([len(tracemalloc.get_object_traceback(p)) for p in points])
tracemalloc.clear_traces()
print(tracemalloc.get_object_traceback(late))       # forgotten
again = Point()
print(tracemalloc.get_object_traceback(again) is not None)
tracemalloc.stop()
print(tracemalloc.get_object_traceback(again))      # not tracing any more
tracemalloc.start(4)
deep = make()
tb = tracemalloc.get_object_traceback(deep)
print(len(tb), [f.filename == __file__ for f in tb])
tracemalloc.stop()

# start / stop / is_tracing / clear_traces / get_traceback_limit /
# get_traced_memory / reset_peak: the state of the tracer.
import tracemalloc

print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
print(tracemalloc.get_traced_memory())
print(tracemalloc.reset_peak(), tracemalloc.clear_traces(), tracemalloc.stop())

print(tracemalloc.start())
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
tracemalloc.start(7)                    # already tracing: the limit stays
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
print(tracemalloc.get_traced_memory())

tracemalloc.start(25)
print(tracemalloc.get_traceback_limit())
data = [None] * 200000                  # 1.6 MB of item pointers
current, peak = tracemalloc.get_traced_memory()
print(type(current).__name__, current >= 1600000, peak >= current)
del data
after, peak2 = tracemalloc.get_traced_memory()
print(current - after >= 1590000, peak2 >= peak)
tracemalloc.reset_peak()
now, peak3 = tracemalloc.get_traced_memory()
print(peak3 >= now, peak3 < peak2 - 1500000)

tracemalloc.clear_traces()
print(tracemalloc.is_tracing())
now, peak = tracemalloc.get_traced_memory()
print(now < 100000, peak < 100000)
print(type(tracemalloc.get_tracemalloc_memory()).__name__)
print(tracemalloc.get_tracemalloc_memory() > 0)

tracemalloc.stop()
print(tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
tracemalloc.start()
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()
tracemalloc.start(True)
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()
tracemalloc.start(65535)
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()

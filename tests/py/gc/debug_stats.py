# DEBUG_STATS writes CPython's "gc: collecting generation ..." lines to
# stderr; they hold counts of the whole heap and a time, so the program ends
# stderr with a line of its own and only that line is compared.
import gc
import sys

gc.collect()
gc.set_debug(gc.DEBUG_STATS)
x = []
x.append(x)
del x
n0 = gc.collect(0)
n2 = gc.collect()
gc.set_debug(0)
print(n0, n2)
sys.stderr.write("end of stderr\n")

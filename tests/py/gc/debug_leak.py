# DEBUG_LEAK is DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL: the
# garbage is kept, and the lines it prints (with addresses) go to stderr, so
# only the last stderr line, written here, is compared.
import gc
import sys

gc.collect()
gc.set_debug(gc.DEBUG_LEAK)
x = []
x.append(x)
y = {}
y["y"] = y
del x, y
print(gc.collect())
gc.set_debug(0)
print(sorted(type(o).__name__ for o in gc.garbage))
gc.garbage.clear()
print(gc.collect())
sys.stderr.write("end of stderr\n")

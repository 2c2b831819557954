# DEBUG_COLLECTABLE lists each unreachable object on stderr (with its
# address); the objects are still freed.
import gc
import sys

class Fin:
    def __del__(self):
        print("del")

gc.collect()
gc.set_debug(gc.DEBUG_COLLECTABLE)
f = Fin()
f.me = f
del f
print(gc.collect())
gc.set_debug(0)
print(gc.garbage)
sys.stderr.write("end of stderr\n")

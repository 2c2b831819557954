# gc.set_debug / gc.get_debug and the flag constants.
import gc

print(gc.get_debug())
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.DEBUG_LEAK == gc.DEBUG_COLLECTABLE | gc.DEBUG_UNCOLLECTABLE | gc.DEBUG_SAVEALL)
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(gc.DEBUG_SAVEALL | 64 | 128)
print(gc.get_debug())
gc.set_debug(True)
print(gc.get_debug(), type(gc.get_debug()).__name__)
gc.set_debug(0)
print(gc.get_debug())
print(gc.set_debug(0))

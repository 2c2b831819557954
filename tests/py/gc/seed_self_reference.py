# The seed example 000r_self_reference.py, then the collector frees the list.
import sys
import gc
x = []
x.append(x)
print(sys.getrefcount(x))  # the name x, the list's own slot, the argument
del x  # the list still holds itself: its count stays at 1
print(gc.collect())

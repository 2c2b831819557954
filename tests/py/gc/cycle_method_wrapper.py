# A cycle through a method-wrapper: the instance holds its own bound slot
# wrapper, which holds the instance.
import gc

class A:
    pass

gc.collect()
a = A()
a.r = a.__repr__
print(type(a.r).__name__)
del a
print(gc.collect())
b = A()
b.h = b.__hash__
b.e = b.__eq__
del b
print(gc.collect())

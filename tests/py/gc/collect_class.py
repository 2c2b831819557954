# A class is itself part of reference cycles (its __mro__ holds it, and so
# do the descriptors in its namespace); gc.collect() finds all of them.
import gc

gc.collect()

class A:
    pass

del A
print("empty class:", gc.collect())

class B:
    x = 1
    def f(self):
        pass

del B
print("class with a method:", gc.collect())

class C:
    __slots__ = ("a", "b")

del C
print("class with slots:", gc.collect())

class D:
    pass

class E(D):
    pass

del D, E
print("class and subclass:", gc.collect())

def make():
    class Local:
        pass
    return Local()

obj = make()
del obj
print("class of a dropped instance:", gc.collect())

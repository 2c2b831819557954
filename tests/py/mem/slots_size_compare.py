# Memory saved by __slots__: instance plus attribute dict versus inline slots.
import sys


class WithDict:
    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c


class WithSlots:
    __slots__ = ("a", "b", "c")

    def __init__(self, a, b, c):
        self.a = a
        self.b = b
        self.c = c


class OneSlot:
    __slots__ = ("a",)

    def __init__(self, a):
        self.a = a


d = WithDict(1, 2, 3)
s = WithSlots(1, 2, 3)
o = OneSlot(1)
print("dict instance:", sys.getsizeof(d))
print("its __dict__:", sys.getsizeof(d.__dict__))
print("slots instance:", sys.getsizeof(s))
print("one slot:", sys.getsizeof(o))
print("per instance saving:", sys.getsizeof(d) + sys.getsizeof(d.__dict__) - sys.getsizeof(s))
many = [WithSlots(i, i, i) for i in range(1000)]
print(sum(sys.getsizeof(x) for x in many))

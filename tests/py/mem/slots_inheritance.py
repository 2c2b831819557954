# A subclass without __slots__ gets a __dict__ back; one with __slots__ adds slots.
import sys


class Base:
    __slots__ = ("a",)


class AddsSlots(Base):
    __slots__ = ("b",)


class AddsDict(Base):
    pass


x = AddsSlots()
x.a = 1
x.b = 2
print(x.a, x.b, hasattr(x, "__dict__"))
try:
    x.c = 3
except AttributeError as e:
    print(e)

y = AddsDict()
y.a = 1
y.c = 3
print(y.a, y.c, y.__dict__)
print(sys.getsizeof(Base()), sys.getsizeof(AddsSlots()), sys.getsizeof(AddsDict()))

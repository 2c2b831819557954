# sys.getsizeof calls __sizeof__ and adds the GC header for tracked objects.
import sys


class Fixed:
    def __sizeof__(self):
        return 100


class Buffer:
    def __init__(self, n):
        self.data = [0] * n

    def __sizeof__(self):
        return object.__sizeof__(self) + sys.getsizeof(self.data)


class Slim:
    __slots__ = ()

    def __sizeof__(self):
        return 7


print(sys.getsizeof(Fixed()))
print(Fixed().__sizeof__())
print(sys.getsizeof(Buffer(10)))
print(sys.getsizeof(Buffer(0)))
print(sys.getsizeof(Slim()))
print([].__sizeof__(), sys.getsizeof([]))
print((1, 2).__sizeof__(), sys.getsizeof((1, 2)))
print((5).__sizeof__(), sys.getsizeof(5))
print("abc".__sizeof__(), sys.getsizeof("abc"))
print(sys.getsizeof(Fixed(), 0))

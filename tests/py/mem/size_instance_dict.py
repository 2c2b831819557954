# A plain instance and its attribute dict.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Empty:
    pass


p = Point(1, 2)
print(sys.getsizeof(p))
print(sys.getsizeof(Empty()))
print(sys.getsizeof(p.__dict__))
print(sys.getsizeof(vars(Point(3, 4))))

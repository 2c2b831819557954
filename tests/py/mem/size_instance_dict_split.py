# sys.getsizeof of instance dicts: split dicts over the class's shared keys.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


# each instance made leaves one slot less of room for the next ones
points = [Point(i, i) for i in range(32)]
print([sys.getsizeof(p.__dict__) for p in points[:4]])
print(sys.getsizeof(points[0].__dict__))


class Empty:
    pass


a = Empty()
b = Empty()
print(sys.getsizeof(a.__dict__))
b.name = "b"
print(sys.getsizeof(b.__dict__), sys.getsizeof(a.__dict__))


class Wide:
    pass


w = Wide()
for i in range(29):
    setattr(w, "a%d" % i, i)
print(len(vars(w)), sys.getsizeof(vars(w)))
w2 = Wide()
for i in range(30):
    setattr(w2, "b%d" % i, i)
print(len(vars(w2)), sys.getsizeof(vars(w2)))


class Keyed:
    pass


k = Keyed()
k.a = 1
d = vars(k)
d[1] = "one"
print(d, sys.getsizeof(d))


class Order:
    pass


o1 = Order()
o1.a = 1
o1.b = 2
o2 = Order()
o2.b = 1
o2.a = 2
print(vars(o1), vars(o2), sys.getsizeof(vars(o2)))
del o1.a
o1.a = 3
print(vars(o1), list(reversed(vars(o1))))
vars(o2)["c"] = 3
print(vars(o2), o2.c, sys.getsizeof(vars(o2)))
print(vars(o2).popitem(), sys.getsizeof(vars(o2)))


class FromList(list):
    pass


fl = FromList()
fl.x = 1
print(sys.getsizeof(fl.__dict__))
fl2 = FromList()
print(sys.getsizeof(fl2.__dict__))

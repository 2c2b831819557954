# gc.get_referents: what each object's traverse visits, in its order.
import gc

class A:
    pass

class Slotted:
    __slots__ = ("p", "q")

print(gc.get_referents([1, "two", (3,)]))
print(gc.get_referents((4, [5])))
print(gc.get_referents({"a": 1, "b": [2]}))
print(gc.get_referents({1: "one", (2,): "two"}))
print(gc.get_referents({"k": "v"}, [6]))
print(gc.get_referents(1, "s", 2.5, None))
print(gc.get_referents())
print(gc.get_referents(set([3, 1, 2])))
print(gc.get_referents(frozenset([7])))

a = A()
a.x = [1]
a.y = "s"
print(gc.get_referents(a))
a.z = 3
del a.x
print(gc.get_referents(a))
d = a.__dict__
r = gc.get_referents(a)
print(len(r), r[0] is d, r[1] is A)

s = Slotted()
s.q = "q"
print(gc.get_referents(s))
s.p = "p"
print(gc.get_referents(s))

b = A()
print(gc.get_referents(b))

# Other self-referencing containers: a dict, an instance (its attributes
# live inline, so the instance is the only object), an instance whose
# __dict__ was asked for (two objects), a tuple through a list, a set of
# frozensets cannot refer to itself but a set inside a list can.
import gc

class A:
    pass

gc.collect()
d = {}
d["self"] = d
del d
print("dict:", gc.collect())

a = A()
a.me = a
del a
print("instance:", gc.collect())

b = A()
b.me = b
b.__dict__
del b
print("instance with __dict__:", gc.collect())

t = ([],)
t[0].append(t)
del t
print("tuple via list:", gc.collect())

s = set()
l = [s]
s.add(frozenset())
c = A()
c.s = s
c.l = l
l.append(c)
del s, l, c
print("list, set, instance:", gc.collect())

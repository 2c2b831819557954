# A list inside a dict inside the list: two objects.
import gc

gc.collect()
l = []
d = {"l": l}
l.append(d)
print(l)
del d
print(gc.collect())
del l
print(gc.collect())

outer = []
inner = {"key": [outer]}
outer.append(inner)
del inner, outer
print(gc.collect())

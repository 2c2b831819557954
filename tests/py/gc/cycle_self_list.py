# A list that contains itself is found by the collector: one object.
import gc
import sys

gc.collect()
x = []
x.append(x)
print(sys.getrefcount(x))
print(x)
del x
print(gc.collect())
print(gc.collect())

y = [1, 2, 3]
y.append(y)
y.append([y])
del y
print(gc.collect())

z = []
z.append(z)
z.append(z)
z.append(z)
print(len(z), z[2] is z)
del z
print(gc.collect())

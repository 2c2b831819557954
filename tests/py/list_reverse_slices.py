# reverse(), slice assignment and deletion.
a = [1, 2, 3, 4, 5]
a.reverse()
print(a)
a[1:3] = ["x", "y", "z"]
print(a)
a[:] = [0, 1, 2, 3, 4, 5, 6]
print(a)
del a[0]
print(a)
del a[1:3]
print(a)
del a[::2]
print(a)
b = a[:]
b.append(99)
print(a, b)
c = [1, 2, 3]
c[len(c):] = [4, 5]
print(c)
c[:0] = [-1, 0]
print(c)

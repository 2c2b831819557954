# Deleting a container releases the references it held.
import sys

users = [{"id": n} for n in range(3)]
first = users[0]
print(sys.getrefcount(first))
del users
print(sys.getrefcount(first))

parts = [[] for _ in range(2)]
a, b = parts
print(sys.getrefcount(a), sys.getrefcount(b))
parts[0] = parts[1]
print(sys.getrefcount(a), sys.getrefcount(b))
del parts[:]
print(sys.getrefcount(a), sys.getrefcount(b))

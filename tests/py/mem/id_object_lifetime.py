# An object keeps its identity for its whole life, through mutation.
values = []
before = id(values)
for i in range(100):
    values.append(i)
print(id(values) == before)

d = {}
before = id(d)
for i in range(100):
    d[i] = i
print(id(d) == before)


class Node:
    pass


n = Node()
before = id(n)
n.value = 1
n.extra = [1, 2]
print(id(n) == before)

s = "abc"
before = id(s)
s += "d"
print(id(s) == before)

t = (1, 2)
before = id(t)
t += (3,)
print(id(t) == before)

lst = [1]
before = id(lst)
lst += [2]
print(id(lst) == before)

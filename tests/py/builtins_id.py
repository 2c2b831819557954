# id() compares identity; only equality of ids is printed.
a = [1, 2]
b = a
c = list(a)
print(id(a) == id(b), id(a) == id(c))
print(id(a) == id(a), type(id(a)))
def same_object(x, y):
    return id(x) == id(y)
print(same_object(a, b), same_object(a, c))
x = None
print(id(x) == id(None))
class Node:
    pass
n1 = Node()
n2 = n1
n3 = Node()
print(id(n1) == id(n2), id(n1) != id(n3))
registry = {}
for obj in [n1, n2, n3]:
    registry[id(obj)] = obj
print(len(registry))

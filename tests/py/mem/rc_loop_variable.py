# The loop variable holds a reference to the current element.
import sys

a = [1]
b = [2]
c = [3]
items = [a, b, c]
print([sys.getrefcount(x) for x in (a, b, c)])

for item in items:
    print(sys.getrefcount(item))

print("after the loop, item still holds c:", sys.getrefcount(c))
del item
print(sys.getrefcount(c))


def walk(seq):
    for element in seq:
        print("in function:", sys.getrefcount(element))


walk(items)

# The seed example 000r_circular_gc.py, with the objects' finalizers showing
# when they go.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.partner = None

    def __del__(self):
        print("freed", self.name)

a = Node("a")
b = Node("b")
a.partner = b
b.partner = a

del a
del b
print("before collect")
print(gc.collect())  # the number of unreachable objects found
print("after collect")

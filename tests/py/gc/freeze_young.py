# Objects made after gc.freeze are collected normally; the frozen ones stay.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.me = self

    def __del__(self):
        print("del", self.name)

gc.collect()
a = Node("frozen")
gc.freeze()
del a
b = Node("young")
del b
print("collect:", gc.collect())
print("unfreeze")
gc.unfreeze()
print("collect:", gc.collect())

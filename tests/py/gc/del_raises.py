# A __del__ that raises during a collection: "Exception ignored in: ..." and
# the traceback go to stderr, the other finalizers still run, the objects
# are freed, and the program goes on.
import gc

class Bad:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)
        if self.name == "b":
            raise ValueError("boom in " + self.name)

gc.collect()
a = Bad("a")
b = Bad("b")
c = Bad("c")
a.next = b
b.next = c
c.next = a
del a, b, c
print("collect:", gc.collect())
print("still running")

# Inside a method, self is held by the caller's name and the method's frame.
import sys


class Counter:
    def __init__(self):
        self.n = 0

    def count_self(self):
        return sys.getrefcount(self)

    def count_arg(self, other):
        return sys.getrefcount(other)

    def chain(self):
        return self.count_self()


c = Counter()
print(sys.getrefcount(c))
print(c.count_self())
print(Counter.count_self(c))
print(c.count_arg(c))
print(c.chain())
print(Counter().count_self())
print(sys.getrefcount(c))

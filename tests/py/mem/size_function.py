# Functions, lambdas, methods and classes have fixed sizes.
import sys


def f():
    pass


def g(a, b=1, *args, **kwargs):
    return a


class C:
    def method(self):
        pass


print(sys.getsizeof(f))
print(sys.getsizeof(g))
print(sys.getsizeof(lambda x: x))
print(sys.getsizeof(C().method))
print(sys.getsizeof(len))

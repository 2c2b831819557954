# A bound method object keeps its instance alive.
import sys


class Greeter:
    def hello(self):
        return "hello"


g = Greeter()
print(sys.getrefcount(g))

say = g.hello
print(sys.getrefcount(g))
print(sys.getrefcount(say))

handlers = [g.hello, g.hello, g.hello]
print(sys.getrefcount(g))

del handlers
print(sys.getrefcount(g))
print(say.__self__ is g)
del say
print(sys.getrefcount(g))

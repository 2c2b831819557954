# Calling through a bound method object: the call unpacks it into function and
# self, and the arguments move into the new frame.
import sys


class Greeter:
    def greet(self, who):
        return sys.getrefcount(who)

    def me(self):
        return sys.getrefcount(self)

    @classmethod
    def build(cls, spec):
        return sys.getrefcount(spec)


g = Greeter()
guest = ["guest"]
print(g.greet(guest))
say = g.greet
print(say(guest))
callbacks = [g.greet]
print(callbacks[0](guest))
print(g.me(), say.__self__ is g)
whoami = g.me
print(whoami())
print(Greeter.build(guest))
print(g.build(guest))
make = Greeter.build
print(make(guest))
print(say(*[guest]))
print(sys.getrefcount(guest))

# *args packs arguments into a tuple and **kwargs into a dict: both hold
# references for as long as the call lasts.
import sys


def positional(*args):
    return sys.getrefcount(args[0])


def keywords(**kwargs):
    return sys.getrefcount(kwargs["item"])


def both(first, *rest, **named):
    return sys.getrefcount(first), sys.getrefcount(rest), sys.getrefcount(named)


thing = ["widget"]
print(sys.getrefcount(thing))
print(positional(thing))
print(positional(thing, thing, thing))
print(keywords(item=thing))
print(both(thing, thing, extra=thing))
print(sys.getrefcount(thing))

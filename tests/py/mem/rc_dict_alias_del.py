# Reference counts of a dict through assignment, aliasing and del.
import sys

config = {"debug": False, "level": 3}
print(sys.getrefcount(config))

settings = config
options = config
print(sys.getrefcount(config))

del options
print(sys.getrefcount(config))

settings = {}
print(sys.getrefcount(config))
print(sys.getrefcount(settings))

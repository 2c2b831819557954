# A class-level registry keeps every instance alive.
import sys


class Plugin:
    registry = []

    def __init__(self, name):
        self.name = name
        Plugin.registry.append(self)


p = Plugin("alpha")
print(sys.getrefcount(p))
q = Plugin("beta")
print(sys.getrefcount(p), sys.getrefcount(q))
del p
survivor = Plugin.registry[0]
print(survivor.name, sys.getrefcount(survivor))
Plugin.registry.clear()
print(sys.getrefcount(survivor), sys.getrefcount(q))

# Counts inside methods: self, attributes and locals.
import sys


class Inventory:
    def __init__(self):
        self.items = []

    def report(self):
        items = self.items
        return sys.getrefcount(items)

    def add(self, thing):
        self.items.append(thing)
        return sys.getrefcount(thing)

    @staticmethod
    def static_count(obj):
        return sys.getrefcount(obj)

    @classmethod
    def class_count(cls, obj):
        return sys.getrefcount(obj)


inv = Inventory()
print(inv.report())
crate = ["apples"]
print(inv.add(crate))
print(inv.add(crate))
print(sys.getrefcount(crate))
print(inv.static_count(crate))
print(Inventory.class_count(crate))
print(sys.getrefcount(inv.items))

# Reference counts seen from inside a function: locals live in frame slots.
import sys


def build():
    items = []
    print("new list:", sys.getrefcount(items))
    alias = items
    print("with an alias:", sys.getrefcount(items))
    nested = [items, items]
    print("in a nested list:", sys.getrefcount(items))
    lookup = {"x": items}
    print("in a dict:", sys.getrefcount(items))
    del alias, nested, lookup
    print("after del:", sys.getrefcount(items))
    return items


result = build()
print("returned:", sys.getrefcount(result))

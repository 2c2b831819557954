# Storing an object as a dict value, then replacing and deleting it.
import sys

record = {"name": "Grace"}
print(sys.getrefcount(record))

registry = {}
registry["first"] = record
print(sys.getrefcount(record))
registry["second"] = record
print(sys.getrefcount(record))
registry["first"] = None
print(sys.getrefcount(record))
del registry["second"]
print(sys.getrefcount(record))

registry.update(a=record, b=record, c=record)
print(sys.getrefcount(record))
registry.pop("a")
print(sys.getrefcount(record))
registry = None
print(sys.getrefcount(record))

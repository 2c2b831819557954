# Containers inside containers: each container slot is one reference.
import sys

row = [0, 0, 0]
grid = [row, row, row]
print(sys.getrefcount(row))
print(sys.getrefcount(grid))

doc = {"grid": grid, "rows": (row, row), "first": {"row": row}}
print(sys.getrefcount(row))
print(sys.getrefcount(grid))

del doc["rows"]
print(sys.getrefcount(row))
doc.clear()
print(sys.getrefcount(row), sys.getrefcount(grid))
grid = None
print(sys.getrefcount(row))

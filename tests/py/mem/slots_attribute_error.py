# Setting an attribute that is not a slot fails with AttributeError.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


p = Point(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)

try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)

try:
    print(p.__dict__)
except AttributeError as e:
    print("AttributeError:", e)

try:
    print(p.z)
except AttributeError as e:
    print("AttributeError:", e)

q = Point.__new__(Point)
try:
    print(q.x)
except AttributeError as e:
    print("AttributeError:", e)

del p.y
try:
    print(p.y)
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
print(hasattr(p, "__dict__"), Point.__slots__)

# __str__, __repr__, __eq__ and __len__.
class Vector:
    def __init__(self, *components):
        self.components = list(components)
    def __repr__(self):
        return f"Vector({', '.join([repr(c) for c in self.components])})"
    def __str__(self):
        return "<" + ", ".join([str(c) for c in self.components]) + ">"
    def __eq__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return self.components == other.components
    def __len__(self):
        return len(self.components)
v = Vector(1, 2, 3)
w = Vector(1, 2, 3)
print(v)
print(repr(v))
print(str(v), len(v))
print(v == w, v != w, v == Vector(1), v == "text")
print([v, w])
print(f"{v} {v!r}")
print(bool(Vector()), bool(v))
class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    def __str__(self):
        return f"{self.celsius:.1f}°C"
t = Temperature(21.456)
print(t, str(t))
print("%s" % t)
class Stack:
    def __init__(self):
        self.items = []
    def push(self, x):
        self.items.append(x)
    def __len__(self):
        return len(self.items)
    def __repr__(self):
        return f"Stack({self.items})"
s = Stack()
s.push(1)
s.push("two")
print(s, len(s))
if s:
    print("stack not empty")

# type() and isinstance().
values = [1, 2.5, "s", True, None, [1], (1,), {"k": 1}, {1}, range(2)]
for v in values:
    print(type(v))
print(type(1) is int, type("a") == str, type([]) is list)
print(type(int), type(type))
print(isinstance(1, int), isinstance(1, float), isinstance(1.0, (int, float)))
print(isinstance("x", str), isinstance([], (tuple, dict)))
print(isinstance(True, int), isinstance(None, object), isinstance(int, type))
def describe(x):
    if isinstance(x, bool):
        return "bool"
    if isinstance(x, int):
        return "int"
    if isinstance(x, (list, tuple)):
        return "sequence of " + str(len(x))
    return type(x).__name__
print([describe(v) for v in [True, 3, [1, 2], (), "s", 1.5]])
print(type(len), type(print))
print(type(lambda: 0).__name__)

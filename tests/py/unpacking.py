# Tuple and list unpacking in assignments and loops.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = "xy"
print(f, g)
h, i, j = range(3)
print(h, i, j)
pairs = [(1, "one"), (2, "two"), (3, "three")]
for number, name in pairs:
    print(number, name)
for idx, (number, name) in enumerate(pairs):
    print(idx, number, name)
x = y = z = 0
print(x, y, z)
k, l = [10, 20]
print(k + l)
coords = {"x": 1, "y": 2}
for key, value in coords.items():
    print(key, value)

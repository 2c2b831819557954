# Comparisons of big integers with each other and with floats.
a = 2 ** 100
b = 2 ** 100 + 1
c = -(2 ** 100)
print(a < b, a > c, c < 0, a == 2 ** 100, a != b)
print(sorted([b, c, a, 0, -1, 10 ** 29, -(10 ** 31)]))
print(max(a, b, c), min(a, b, c))
print(a == float(a), b == float(b), b > float(a))
print(2 ** 53 + 1 == float(2 ** 53 + 1), 2 ** 53 + 1 > 2.0 ** 53)
print(10 ** 400 > 1e308, -(10 ** 400) < -1e308)
print(10 ** 400 > float("inf"), 10 ** 400 < float("inf"))
print(a == a + 0, (a + 1) - 1 == a, (a + 1) - 1 is a)

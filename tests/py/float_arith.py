# Floating point arithmetic.
print(0.1 + 0.2)
print(1.5 + 2.25, 3.0 - 1.25, 2.5 * 4, 7.0 / 2)
print(1 / 3, 2 / 3)
print(10 / 4, 10 / 5)
print(-1.5 * 2)
print(1e10 * 1e10)
print(1e308 * 10)
print(-1e308 * 10)
print(0.1 * 3)
print(3.14159 * 2)
total = 0.0
for price in [19.99, 5.49, 3.50, 12.00]:
    total += price
print(total)
print(abs(-2.5), abs(2.5))
print(1.0 == 1, 0.5 < 1, 2.0 > 3)
print(7.0 // 2, 7.0 % 2.5)
print(2.0 ** -1)
celsius = [0, 37, 100, -40]
for c in celsius:
    print(c, "C =", c * 9 / 5 + 32, "F")

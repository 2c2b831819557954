# Basic integer arithmetic.
a = 17
b = 5
print(a + b, a - b, a * b)
print(a / b)
print(a // b, a % b)
print(-a, +a, -(-a))
print(a - b * 2, (a - b) * 2)
print(2 + 3 * 4 - 6 // 2)
print(100 - 1 - 1 - 1)
print(7 * 0, 0 * -3)
x = 10
x = x * x + x
print(x)
print(1 - 2 - 3)
print(2 * -3, -2 * -3)
print(255, 0xff, 0o17, 0b1010)
print(1_000_000 + 1)
print(abs(-12), abs(12), abs(0))

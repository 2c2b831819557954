# Arithmetic, comparison and conversion on big integers.
a = 2 ** 90 + 12345
b = 3 ** 40
print(a)
print(b)
print(a + b)
print(a - b)
print(b - a)
print(a * b)
print(a // b, a % b)
print((-a) // b, (-a) % b)
print(a // -b, a % -b)
print(a // 7, a % 7)
print(a > b, a < b, a == a + 0, a != b)
print(a == 2 ** 90 + 12345)
print(-a < b, -a > -a - 1)
print(int("98765432109876543210") + 1)
print(int("-98765432109876543210"))
print(str(-(10 ** 25)))
print(abs(-(2 ** 80)))
print(2 ** 64 - 1 == 18446744073709551615)
print(max(2 ** 65, 2 ** 64, 3), min(-(2 ** 65), 0))
print(sum([2 ** 62, 2 ** 62, 2 ** 62, 2 ** 62]))
x = 1
for i in range(10):
    x = x * 1000003 + i
print(x)
print(x % 1000003)
print(x // 1000003 // 1000003)

# Arbitrary-precision integer arithmetic.
a = 2 ** 100
print(a)
print(a + 1, a - 1)
print(a * a)
print(10 ** 30 // 7, 10 ** 30 % 7)
print(divmod(10 ** 30, 7))
print(3 ** 200)
print(2 ** 64 - 1, -(2 ** 63))
print((2 ** 100) // (2 ** 50), (2 ** 100) >> 50, 1 << 130)
print(123456789012345678901234567890 * 987654321098765432109876543210)
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(f // (2 ** 20), f % 1000000007)
print(abs(-(10 ** 40)), -(10 ** 40) + 10 ** 40)
print(pow(2, 100, 10 ** 9 + 7), pow(3, 1000) % 1000)

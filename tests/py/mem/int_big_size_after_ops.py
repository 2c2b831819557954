# The size of a result depends only on how many 30-bit digits it needs.
import sys

a = 2 ** 100
print(sys.getsizeof(a), sys.getsizeof(a - 2 ** 99), sys.getsizeof(a // 2 ** 70))
print(sys.getsizeof(a * a), sys.getsizeof(a >> 100), sys.getsizeof(a - a))
print(sys.getsizeof(-a), sys.getsizeof(abs(-a)), sys.getsizeof(a % 1000))
for k in range(1, 8):
    n = 10 ** (9 * k)
    print(k, sys.getsizeof(n), n.bit_length())

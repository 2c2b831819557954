# sys.getsizeof of ints: 30-bit digits, 4 bytes each after a 24-byte header.
import sys

for value in [0, 1, 2, 100, 255, 256, 257, 2**30 - 1, 2**30, 2**60 - 1, 2**60,
              2**90, 2**100, 2**200, 10**100]:
    print(value.bit_length(), sys.getsizeof(value))

for value in [-1, -5, -6, -(2**30), -(2**31), -(2**100)]:
    print(value, sys.getsizeof(value))

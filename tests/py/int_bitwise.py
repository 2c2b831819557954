# Bitwise operators and shifts on ints.
a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(1 << 10, 1024 >> 3, -16 >> 2)
print(1 << 70)
print((1 << 70) >> 69)
print(0xff & 0x0f, 0xf0 | 0x0f)
perms = 0
READ, WRITE, EXEC = 4, 2, 1
perms |= READ
perms |= WRITE
print(perms, perms & EXEC, perms & WRITE)
perms ^= WRITE
print(perms)
print(~0, ~-1, -5 & 0xff)

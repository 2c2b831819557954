# Floor division and modulo follow the sign of the divisor.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (6, 3), (-6, 3), (1, 5), (-1, 5)]
for a, b in pairs:
    print(a, b, a // b, a % b, a // b * b + a % b == a)
print(-17 // 5, -17 % 5)
print(17 // -5, 17 % -5)
print(7.5 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2)
print(7 // 2.0, -7 // 2.0)
print(-1 % 10, -11 % 10)
minutes = 135
print(minutes // 60, "h", minutes % 60, "min")
seconds = -1
print(seconds // 60, seconds % 60)

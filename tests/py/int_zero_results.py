# Zeros made every which way take part in one-digit arithmetic like any zero.
vals = [int('0'), int(0.0), 2**100 - 2**100, int.from_bytes(b'\x00\x00', 'big'), 1 >> 5, -0, (2**64) % 2**32, int('-0'), 0 * -5, abs(0), int(False), round(0.4), 10**20 // 10**21, divmod(0, 7)[0], (-3) * 0]
for v in vals:
    print(v + 1, v - 1, v * 3, v % 5, v // 2, v < 1, v == 0, v + 2**31)

# Hashes of ints are their value modulo 2**61 - 1 (and -1 becomes -2).
M = 2 ** 61 - 1
values = [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 100,
          -(2 ** 100), 10 ** 30, -(10 ** 30), 2 ** 122 - 1]
for v in values:
    print(hash(v))
print(all(hash(v) == hash(v % M) for v in (2 ** 100, 10 ** 30, 3 ** 90)))
print(hash(2 ** 100) == hash(float(2 ** 100)))
print(hash(1.0) == hash(1), hash(True))
d = {2 ** 100: "big", 10 ** 30: "bigger"}
print(d[2 ** 100], d[int("1" + "0" * 30)])

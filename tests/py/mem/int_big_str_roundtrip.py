# Converting big integers to and from text.
values = [2 ** 100, -(2 ** 100), 10 ** 50, 10 ** 50 - 1, 3 ** 150, -(7 ** 77)]
for v in values:
    s = str(v)
    back = int(s)
    print(len(s), back == v, s[:12], repr(v)[-6:])

print(int("123456789" * 5))
print(int("-000000000000000000000000000000000042"))
print(int("1_000_000_000_000_000_000_000_000"))
print(int("  99999999999999999999999999999  "))
print(int("f" * 30, 16))
print(int("1" * 100, 2))
print(hex(2 ** 100), oct(2 ** 70), bin(2 ** 40 + 1))
print("%d" % (10 ** 25), "{:,}".format(10 ** 20))

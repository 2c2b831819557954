# Integers grow without limit.
print(2 ** 64)
print(2 ** 100)
print(-(2 ** 70))
n = 1
for i in range(1, 31):
    n = n * i
print("30! =", n)
big = 123456789012345678901234567890
print(big)
print(big + 1)
print(big - big)
print(big * 2)
print(big * big)
print(type(big))
print(10 ** 30)
print(10 ** 30 - 1)
print(len(str(2 ** 1000)))
print(str(2 ** 200))
fib_a, fib_b = 0, 1
for _ in range(150):
    fib_a, fib_b = fib_b, fib_a + fib_b
print("fib(150) =", fib_a)

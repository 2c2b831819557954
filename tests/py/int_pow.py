# The power operator.
print(2 ** 10)
print(2 ** 0, 0 ** 0, 1 ** 100)
print((-2) ** 3, (-2) ** 4)
print(-2 ** 2)
print(2 ** -1)
print(2 ** -2, 10 ** -3)
print(2 ** 3 ** 2)
print((2 ** 3) ** 2)
print(2.0 ** 10)
print(4 ** 0.5)
print(9 ** 0.5, 2 ** 0.5)
print(10 ** 7)
print(3 ** 30)
print((-3) ** 31)
n = 5
n **= 3
print(n)
squares = [i ** 2 for i in range(10)]
print(squares)
print(1.5 ** 2)

# Matrix multiplication with nested lists.
def matmul(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    result = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        for j in range(cols):
            total = 0
            for k in range(inner):
                total += a[i][k] * b[k][j]
            result[i][j] = total
    return result
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
for row in matmul(a, b):
    print(row)
print(matmul(identity(3), b) == b)
f = [[1, 1], [1, 0]]
power = identity(2)
for _ in range(90):
    power = matmul(power, f)
print("fib(90) =", power[0][1])
m = [[0.5, 1.5], [2.0, -1.0]]
print(matmul(m, m))

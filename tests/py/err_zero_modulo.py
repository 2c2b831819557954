# Modulo by zero.
n = 10
print(n % 3)
print(n % 0)

def f(n):
    return 10 // n
print(f(5))
print(f(0))

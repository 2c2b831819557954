# A dedent to a level that never existed.
def f():
        x = 1
    return x
print(f())

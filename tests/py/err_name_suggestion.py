# NameError with CPython's "Did you mean" hint.
counter = 10
print(counter)
print(countr)

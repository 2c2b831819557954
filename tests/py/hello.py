# The smallest program: a greeting and a few prints.
print("Hello, world!")
print("mempy", "runs", "Python")
print()
print(42)
print(3.5, -7, True, None)

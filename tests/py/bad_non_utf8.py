# A byte that is not UTF-8.
name = "café"
print(name)

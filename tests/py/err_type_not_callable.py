# Calling something that is not callable.
values = [1, 2, 3]
total = 0
print(total)
total(values)

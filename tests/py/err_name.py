# An undefined name at module level stops the program.
print("before")
total = 0
for n in [1, 2, 3]:
    total += n
print(total)
print(undefined_variable_xyz)
print("never printed")

# Run with -i: x stays defined for the interactive part.
x = 21
print("ran")

# int() of a string that is not a number.
text = "42"
print(int(text) + 1)
print(int("x"))

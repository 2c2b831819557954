# A dangling operator is invalid syntax.
print("this line is never run")
x = 1 +
print(x)

# A string literal that is not closed on its line.
print("fine")
name = "unterminated
print(name)

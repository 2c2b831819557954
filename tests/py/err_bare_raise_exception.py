# Raising an exception class with no message.
print("about to fail")
raise ValueError

# Float division by zero.
rate = 2.5
steps = 0
print(rate / steps)

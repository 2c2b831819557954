# Integer division by zero.
def average(values):
    return sum(values) // len(values)
print(average([4, 8]))
print(average([]))

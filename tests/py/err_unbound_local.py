# Reading a local before assigning it.
total = 0
def add(n):
    total = total + n
    return total
print("calling")
add(5)

# Integer arithmetic and comparisons in a while loop.
total = 0
i = 0
while i < 3000000:
    if i % 3 == 0:
        total += i
    i += 1
print(total)

# The classic demonstration: `is` for small and larger integers built in a loop.
def compare(limit):
    results = []
    for i in range(limit - 3, limit + 3):
        x = i + 0
        y = int(str(i))
        results.append((i, x is y))
    return results


for number, same in compare(256):
    print(number, same)
for number, same in compare(-5):
    print(number, same)

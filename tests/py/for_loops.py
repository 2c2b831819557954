# for over lists, tuples, dicts, strings and ranges.
for fruit in ["apple", "banana"]:
    print(fruit)
for n in (1, 2, 3):
    print(n * n, end=" ")
print()
prices = {"tea": 2.5, "cake": 3.0}
for item in prices:
    print(item, prices[item])
for item, price in prices.items():
    print(f"{item}: {price:.2f}")
for value in prices.values():
    print(value)
for ch in "hey":
    print(ch.upper(), end="")
print()
for i in range(3):
    print("range", i)
for i in range(10, 0, -3):
    print(i, end=" ")
print()
total = 0
for i in range(1, 101):
    total += i
print("sum 1..100 =", total)
for i in range(0):
    print("never")
for i, ch in enumerate("abc", start=1):
    print(i, ch)
for a, b in zip([1, 2, 3], "xyz"):
    print(a, b)
for row in [[1, 2], [3, 4]]:
    for cell in row:
        print(cell, end=",")
print()
print("loop variable after loop:", i)

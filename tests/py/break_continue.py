# break and continue in for and while loops.
for n in range(10):
    if n == 7:
        break
    if n % 2 == 0:
        continue
    print("odd", n)
found = None
for word in ["alpha", "beta", "gamma", "delta"]:
    if word.startswith("g"):
        found = word
        break
print("found", found)
i = 0
while i < 10:
    i += 1
    if i % 3:
        continue
    print("multiple of 3:", i)
for a in range(3):
    for b in range(3):
        if b > a:
            break
        print((a, b), end=" ")
print()
n = 0
while True:
    n += 1
    if n < 5:
        continue
    break
print(n)

# while loops.
i = 0
while i < 5:
    print(i, end=" ")
    i += 1
print()
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz steps:", steps)
balance = 1000.0
years = 0
while balance < 2000:
    balance = balance * 1.07
    years += 1
print(years, "years,", int(balance))
queue = [1, 2, 3]
while queue:
    item = queue.pop()
    print("processing", item)
count = 0
while True:
    count += 1
    if count >= 3:
        break
print("count", count)

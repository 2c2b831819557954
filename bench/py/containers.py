# Lists and dicts: append, index, insert into a dict, iterate.
data = []
for i in range(300000):
    data.append(i * 2)
index = {}
for i, v in enumerate(data):
    index[v] = i
hits = 0
for k in range(0, 600000, 3):
    if k in index:
        hits += 1
print(len(data), len(index), hits)

# String building, splitting, joining and formatting.
words = []
for i in range(200000):
    words.append(f"w{i % 1000}")
text = " ".join(words)
parts = text.split()
counts = {}
for p in parts:
    counts[p] = counts.get(p, 0) + 1
print(len(text), len(parts), len(counts), counts["w7"])

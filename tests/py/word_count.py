# Counting words in a text with a dict.
text = """the quick brown fox jumps over the lazy dog
the dog barks and the fox runs
a quick brown dog"""
counts = {}
for line in text.split("\n"):
    for word in line.split():
        if word in counts:
            counts[word] += 1
        else:
            counts[word] = 1
print(len(counts), "distinct words")
ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
for word, n in ranked[:5]:
    print(f"{word:>6}: {'#' * n} ({n})")
lengths = {}
for word in counts:
    size = len(word)
    if size not in lengths:
        lengths[size] = []
    lengths[size].append(word)
for size in sorted(lengths):
    print(size, sorted(lengths[size]))

# Statistics about a paragraph of text.
text = """Reference counting frees an object as soon as the last
reference to it disappears. Cycles need the garbage collector,
which runs now and then. Small objects live in pools inside arenas."""
lines = text.split("\n")
words = text.split()
print("lines:", len(lines))
print("words:", len(words))
print("chars:", len(text))
clean = [w.strip(".,").lower() for w in words]
print("longest:", max(clean, key=len))
print("average length:", f"{sum([len(w) for w in clean]) / len(clean):.2f}")
vowels = 0
for ch in text.lower():
    if ch in "aeiou":
        vowels += 1
print("vowels:", vowels)
sentences = [s.strip() for s in text.replace("\n", " ").split(".") if s.strip()]
for i, s in enumerate(sentences, 1):
    print(i, s.split()[0], len(s.split()))
first_letters = {}
for w in clean:
    first_letters[w[0]] = first_letters.get(w[0], 0) + 1
print(sorted(first_letters.items(), key=lambda kv: (-kv[1], kv[0]))[:3])

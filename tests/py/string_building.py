# Building strings piece by piece.
parts = []
for i in range(5):
    parts.append(str(i) * i)
print("|".join(parts))
s = ""
for word in ["build", "a", "sentence"]:
    if s:
        s += " "
    s += word
print(s + ".")
line = "=" * 10
print(line)
table = ""
for row in range(1, 4):
    for col in range(1, 4):
        table += f"{row * col:4}"
    table += "\n"
print(table, end="")
def pad_center(text, width, fill="*"):
    total = width - len(text)
    left = total // 2
    return fill * left + text + fill * (total - left)
print(pad_center("title", 15))
acronym = "".join([w[0].upper() for w in "portable network graphics".split()])
print(acronym)
big = "x" * 10000
print(len(big), big[:5])

# str.join and str.split.
words = ["memory", "is", "managed"]
print(" ".join(words))
print(", ".join(["a", "b", "c"]))
print("".join(["x", "y", "z"]))
print("-".join("abc"))
print(" | ".join([]))
line = "alpha beta  gamma\tdelta\n"
print(line.split())
print("a,b,,c".split(","))
print("a,b,,c".split(",", 1))
print("key=value=more".split("=", 1))
print("  spaced   out  ".split())
print("".split(), "".split(","))
print("one two three".split(" "))
csv = "name,age,city\nAnn,31,Oslo\nBob,27,Lima"
for row in csv.split("\n"):
    fields = row.split(",")
    print(fields[0], "|", fields[2])
print(":".join([str(n) for n in [1, 2, 3]]))

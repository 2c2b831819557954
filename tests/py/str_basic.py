# Strings: concatenation, repetition, length, indexing, membership.
s = "Python"
print(s)
print(len(s), len(""), len("a b c"))
print(s + " 3.11")
print("-" * 20)
print(3 * "ab")
print(s[0], s[1], s[-1], s[-2])
print("th" in s, "TH" in s, "" in s, "x" not in s)
greeting = "Hello"
greeting += ", world"
print(greeting)
print(type(s), str(s) == s)
for ch in "abc":
    print(ch)
print("multi\nline")
print('single' + "double")
print("tab\there")
print("é and ü", len("é and ü"))

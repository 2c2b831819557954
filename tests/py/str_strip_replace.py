# str.strip and str.replace.
raw = "   padded text \n"
print("[" + raw.strip() + "]")
print("[" + "xxhixx".strip("x") + "]")
print("[" + "..dots..".strip(".") + "]")
print("[" + "  \t ".strip() + "]")
print("[" + "abcba".strip("ab") + "]")
s = "the cat sat on the mat"
print(s.replace("at", "og"))
print(s.replace("the", "a", 1))
print(s.replace("xyz", "!"))
print(s.replace(" ", ""))
print("aaaa".replace("aa", "b"))
print("banana".replace("a", "A").replace("n", "N"))
print("".replace("", "x"))
print("ab".replace("", "-"))

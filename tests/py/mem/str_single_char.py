# One-character latin-1 strings produced at run time by indexing, slicing,
# chr() and str methods are shared singletons; str() of an int makes a new
# string every time, while %-formatting hands back the shared one.
word = "".join(["b", "a", "n", "a", "n", "a"])
print(word[1] is word[3], word[1] is word[5], word[1] is word[0])
print(chr(97) is word[1], word[1:2] is word[3], word[-1] is chr(97))
cafe = "caf\xe9"
print(chr(233) is cafe[3], cafe[3:] is chr(233))
print(str(7) is str(7), repr(7) is repr(7), str(7) is chr(55))
print("%d" % 7 is chr(55), "%s" % chr(55) is chr(55), format(7) is chr(55))
print(f"{7}" is chr(55), str(-1)[1] is chr(49), hex(5)[-1] is chr(53))
print("X".lower() is chr(120), "ab".strip("b") is chr(97), "a,b".split(",")[1] is chr(98))
print(chr(0x20ac) is chr(0x20ac), chr(300) is chr(300))
empty1 = word[0:0]
empty2 = "".join([])
print(empty1 is empty2, str() is empty1, word[5:2] is empty2)
print(list("aa")[0] is list("aa")[1], [c for c in "xx"][0] is chr(120))

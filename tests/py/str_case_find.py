# upper, lower, startswith, endswith, find.
s = "Memory Management"
print(s.upper(), s.lower())
print(s.startswith("Mem"), s.startswith("mem"), s.endswith("ment"), s.endswith("Man"))
print(s.startswith(("X", "Me")), s.endswith(("t", "z")))
print(s.find("Man"), s.find("e"), s.find("zzz"), s.find(""))
print(s.find("e", 2), s.find("e", 2, 4))
print("hello".upper().lower())
filename = "report.PY"
if filename.lower().endswith(".py"):
    print(filename, "is a Python file")
url = "https://example.org/path"
if url.startswith("https://"):
    rest = url[len("https://"):]
    print("host:", rest[:rest.find("/")])
print("MiXeD 123".lower(), "MiXeD 123".upper())
text = "find the needle in the haystack, the end"
pos = text.find("the")
count = 0
while pos != -1:
    count += 1
    pos = text.find("the", pos + 1)
print("'the' occurs", count, "times")

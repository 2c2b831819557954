# ASCII strings: a 48-byte header plus one byte per character and a NUL.
import sys

for text in ["", "a", "ab", "hello", "Python Memory Management", "x" * 100]:
    print(len(text), sys.getsizeof(text))

built = ""
for i in range(10):
    built += chr(ord("a") + i)
    print(len(built), sys.getsizeof(built))

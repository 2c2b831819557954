# Strings whose widest character is below 256 but not ASCII: one byte each,
# with a larger header.
import sys

for text in ["é", "café", "naïve façade", "\xff" * 10, "a\xa0b"]:
    print(len(text), sys.getsizeof(text))

s = "".join(["\xe9"] * 20)
print(len(s), sys.getsizeof(s))
print(sys.getsizeof(s + "x"), sys.getsizeof(s[:5]))

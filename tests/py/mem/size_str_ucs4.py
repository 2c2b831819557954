# Strings with a character above U+FFFF: four bytes per character.
import sys

for text in ["\U0001F600", "snake \U0001F40D", "\U00010000" * 5, "a\U0010FFFFb"]:
    print(len(text), sys.getsizeof(text))

emoji = chr(0x1F389)
print(sys.getsizeof(emoji), sys.getsizeof(emoji * 10))
print(sys.getsizeof(("x" + emoji)[:1]))

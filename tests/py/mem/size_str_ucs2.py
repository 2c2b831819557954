# Strings with a character from U+0100 to U+FFFF: two bytes per character.
import sys

for text in ["\u0100", "€", "price: 5€", "日本語", "Ωmega", "\uffff" * 7]:
    print(len(text), sys.getsizeof(text))

mixed = "abc" + chr(0x4e2d)
print(len(mixed), sys.getsizeof(mixed))
print(sys.getsizeof(mixed[:3]))

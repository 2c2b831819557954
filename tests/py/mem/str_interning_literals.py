# Identifier-like string constants are interned; others are not (but equal
# constants in one code object are still shared).
import sys

a = "hello"
b = "hel" + "lo"
print(a is b)

c = "".join(["hel", "lo"])
print(c == a, c is a)
print(sys.intern(c) is a)


def other_function():
    return "hello"


print(other_function() is a)


def spaced():
    return "hello world"


def spaced_again():
    return "hello world"


s1 = spaced()
s2 = spaced_again()
print(s1 == s2, s1 is s2)
print(sys.intern(s1) is sys.intern(s2))

# A string built at run time has no hidden owners: only its names count.
import sys

words = ["memory", "management", "in", "python"]
title = " ".join(words)
print(repr(title))
print(sys.getrefcount(title))

heading = title
print(sys.getrefcount(title))

index = {title: len(title)}
print(sys.getrefcount(title))

del heading
print(sys.getrefcount(title))
del index
print(sys.getrefcount(title))

# Deleting keys does not shrink a dict; copying it does.
import sys

d = {"k%d" % i: i for i in range(20)}
print(len(d), sys.getsizeof(d))
for i in range(18):
    del d["k%d" % i]
print(len(d), sys.getsizeof(d))
print(sys.getsizeof(d.copy()), sys.getsizeof(dict(d)))
d.clear()
print(len(d), sys.getsizeof(d))

# bytes: a 33-byte header plus one byte per item.
import sys

print(sys.getsizeof(b""))
for n in (1, 2, 10, 100):
    print(n, sys.getsizeof(b"x" * n), sys.getsizeof(bytes(n)))
print(sys.getsizeof("héllo".encode("utf-8")), sys.getsizeof("hello".encode()))

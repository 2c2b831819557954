# How tracemalloc writes sizes: B, KiB, MiB, GiB, TiB; one decimal below
# 100 in the units above bytes; whole units while below 10 * 1024; an
# explicit sign for differences.
import tracemalloc

fmt = tracemalloc._format_size
sizes = [0, 1, 99, 100, 1023, 1024, 1536, 10239, 10240, 10241, 102348, 102399,
         102400, 1024 * 1024, 1994 * 1024, 10 * 1024 * 1024 - 1, 10 * 1024 * 1024,
         99 * 1024 ** 3, 100 * 1024 ** 3, 5 * 1024 ** 4, 10 * 1024 ** 4,
         1024 ** 5, 30 * 1024 ** 5]
for size in sizes:
    print(size, repr(fmt(size, False)), repr(fmt(size, True)), repr(fmt(-size, True)))

for x in [0.4, 0.5, 1.5, 2.5, 99.95, 102.3, 1023.7, 51.2 * 1024, 99.95 * 1024, -102348.8]:
    print(x, fmt(x, False), fmt(x, True))

print(fmt(True, False), fmt(10240, 1), fmt(10240, 0), fmt(10240, "yes"))

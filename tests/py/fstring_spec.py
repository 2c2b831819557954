# f-strings with format specs.
pi = 3.14159265
print(f"{pi:.2f} {pi:.4f} {pi:10.3f}|")
n = 42
print(f"[{n:5}] [{n:<5}] [{n:^5}] [{n:05}]")
print(f"{n:x} {n:o} {n:b} {n:#x}")
print(f"{1234567:,} {1234567.891:,.2f}")
s = "hi"
print(f"[{s:>6}] [{s:<6}] [{s:^6}] [{s:-^6}]")
print(f"{0.125:%} {0.5:.0%}")
width = 8
print(f"[{s:>{width}}]")
print(f"{-3:+} {3:+}")
print(f"{1e6:e} {123.456:g}")
rows = [("widget", 4, 3.5), ("gadget", 10, 12.25)]
for name, qty, price in rows:
    print(f"{name:<8}{qty:>4}{price:>8.2f}{qty * price:>9.2f}")
print(f"{'total':<8}{sum([q * p for _, q, p in rows]):>21.2f}")
print(f"{s!r:>8}")

# A conversion table printed with several formatting styles.
print("%8s %8s %8s" % ("C", "F", "K"))
for c in range(-40, 101, 20):
    f = c * 9 / 5 + 32
    k = c + 273.15
    print("%8d %8.1f %8.2f" % (c, f, k))
print("{:>8} {:>8}".format("miles", "km"))
for miles in [1, 5, 10, 26.2]:
    print("{:>8} {:>8.3f}".format(miles, miles * 1.609344))
readings = [21.5, 22.0, 19.75, 23.125]
avg = sum(readings) / len(readings)
print(f"average {avg:.3f}, spread {max(readings) - min(readings):.2f}")
print(f"{'high' if avg > 21 else 'low'}")

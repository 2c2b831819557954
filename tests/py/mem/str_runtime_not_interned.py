# Strings created at run time are new objects even when equal.
first = "data"
second = "".join(["da", "ta"])
third = first[:2] + first[2:]
print(first == second == third)
print(first is second, second is third, first is third)
fourth = "%s" % first
print(fourth is first)
upper = first.upper().lower()
print(upper == first, upper is first)
copy = str(first)
print(copy is first)
sliced = first[:]
print(sliced is first)

# Binary search and insertion into a sorted list.
def binary_search(items, target):
    lo, hi = 0, len(items) - 1
    steps = 0
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid, steps
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1, steps
data = list(range(0, 1000, 3))
for t in [0, 3, 300, 999, 500, -1]:
    print(t, binary_search(data, t))
def insort(items, x):
    lo, hi = 0, len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    items.insert(lo, x)
s = []
for x in [5, 1, 4, 1, 9, 2, 6]:
    insort(s, x)
print(s)
def bubble_sort(a):
    a = list(a)
    n = len(a)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a
print(bubble_sort([64, 34, 25, 12, 22, 11, 90]))

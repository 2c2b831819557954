# sort() and sorted() with key= and reverse=.
nums = [5, 2, 9, 1, 5, 6]
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
words = ["banana", "Apple", "cherry", "date", "fig"]
print(sorted(words))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: w[-1]))
words.sort(key=str.lower)
print(words)
people = [("Ann", 31), ("Bob", 27), ("Cid", 31), ("Dee", 22)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted([3.5, -1, 2, 0.5]))
print(sorted((3, 1, 2)), sorted("hello"))
print(sorted({"b": 1, "a": 2}))
print(sorted([]), sorted([1]))
r = nums.sort()
print(r)

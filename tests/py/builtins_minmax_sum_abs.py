# min, max, sum and abs.
nums = [4, -2, 9, 0, 7]
print(min(nums), max(nums), sum(nums))
print(min(3, 1, 2), max("apple", "pear", "fig"))
print(min(nums, key=abs), max(nums, key=lambda n: -n))
print(min([], default="empty"), max([5], default=0))
print(sum(nums, 100), sum([]), sum([1.5, 2.5]))
print(sum([[1], [2, 3]], []))
print(abs(-7), abs(7), abs(-0.5), abs(-2 ** 70), abs(True))
print(max("hello"), min((3, 2), (3, 1)))
words = ["kiwi", "banana", "fig"]
print(max(words, key=len), min(words, key=len))
print(max(1, 1.0), max(1.0, 1))

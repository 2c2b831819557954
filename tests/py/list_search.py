# index, count, remove, and membership.
colors = ["red", "green", "blue", "green", "red", "green"]
print(colors.index("green"), colors.index("green", 2), colors.index("red", 1, 5))
print(colors.count("green"), colors.count("red"), colors.count("black"))
colors.remove("green")
print(colors)
while "green" in colors:
    colors.remove("green")
print(colors)
nums = [1, 2.0, True, 1]
print(nums.count(1), nums.index(2))
print([[1], [2]].index([2]))

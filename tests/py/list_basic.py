# Lists: literals, indexing, slicing, concatenation.
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(nums)
print(len(nums), nums[0], nums[-1], nums[2:5], nums[::-1])
print([] , [[]], [1, [2, [3]]])
print(nums + [0], [0] * 3, 2 * ["ab"])
nums[0] = 30
print(nums)
print(5 in nums, 7 in nums, 7 not in nums)
mixed = [1, "two", 3.0, None, True, (6,)]
print(mixed)
print(list("abc"), list(range(4)), list((1, 2)))
empty = []
print(empty, len(empty), bool(empty))
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 7
print(grid)
print(nums[1:3] == [1, 4])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 99])

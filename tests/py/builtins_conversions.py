# str, repr, int, float, list, tuple, dict constructors.
print(str(12), str(1.5), str(None), str(True), str([1, "a"]), str((1,)))
print(repr(12), repr("a"), repr([1, "a"]), repr({"k": (1, 2)}))
print(list("abc"), list((1, 2)), list({"x": 1, "y": 2}), list(range(3)))
print(tuple([1, 2]), tuple("hi"), tuple())
print(dict([("a", 1)]), dict(a=1), dict({"b": 2}, c=3))
print(int("7") + int(3.99), float("2.5") * 2)
print(str(), list(), dict(), tuple())
nums = "3 1 4 1 5"
values = [int(s) for s in nums.split()]
print(values, sum(values))
print(len(str(12345)), str(12345)[::-1])
print(list(str(42)), int("".join(["1", "2"])))
print(repr(str(1)), str(repr("q")))

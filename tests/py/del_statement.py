# del on names, list items, dict items, slices and attributes.
x = 1
y = 2
del x
print("deleted x", y)
nums = [0, 1, 2, 3, 4, 5]
del nums[0]
del nums[-1]
print(nums)
del nums[1:3]
print(nums)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
class Box:
    pass
box = Box()
box.label = "fragile"
box.weight = 3
print(box.label, box.weight)
del box.label
print(box.weight)
try:
    print(box.label)
except AttributeError as e:
    print("AttributeError:", e)
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print("NameError:", e)
def f():
    z = 5
    del z
    try:
        return z
    except UnboundLocalError as e:
        return str(e)
print(f())

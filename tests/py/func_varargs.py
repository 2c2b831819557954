# *args and **kwargs.
def total(*numbers):
    print(type(numbers), numbers)
    return sum(numbers)
print(total())
print(total(1, 2, 3))
def report(title, *items, sep=", "):
    return title + ": " + sep.join(items)
print(report("fruits", "apple", "pear"))
print(report("none"))
print(report("colors", "red", "blue", sep=" / "))
def config(**options):
    for key in options:
        print(key, "=", options[key])
    return len(options)
print(config(debug=True, level=3, name="app"))
print(config())
def everything(a, b=2, *args, c, d=4, **kwargs):
    print(a, b, args, c, d, kwargs)
everything(1, c=3)
everything(1, 20, 30, 40, c=3, e=5, f=6)
def forward(*args, **kwargs):
    everything(*args, **kwargs)
forward(9, 8, 7, c=6, z=0)
settings = {"c": "C", "d": "D"}
everything("A", **settings)
print(max(*[4, 9, 2]))

# global rebinds module-level names from inside functions.
counter = 0
def bump():
    global counter
    counter += 1
for _ in range(5):
    bump()
print(counter)
config = {"level": 1}
def mutate():
    config["level"] = 2
mutate()
print(config)
def define_new():
    global created_later
    created_later = "made inside a function"
define_new()
print(created_later)
x = "global x"
def shadow():
    x = "local x"
    return x
print(shadow(), x)
def read_only():
    return x.upper()
print(read_only())
total = 0
def add_all(*nums):
    global total
    for n in nums:
        total += n
add_all(1, 2, 3)
add_all(4)
print(total)

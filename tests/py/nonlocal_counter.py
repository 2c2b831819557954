# nonlocal lets an inner function rebind an outer variable.
def make_counter():
    count = 0
    def increment():
        nonlocal count
        count += 1
        return count
    return increment
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2())
def make_account(balance):
    def deposit(amount):
        nonlocal balance
        balance += amount
        return balance
    def withdraw(amount):
        nonlocal balance
        if amount > balance:
            return "insufficient funds"
        balance -= amount
        return balance
    return deposit, withdraw
dep, wd = make_account(100)
print(dep(50), wd(30), wd(500), dep(0))
def outer():
    x = 1
    def middle():
        def inner():
            nonlocal x
            x = x * 10
        inner()
        inner()
    middle()
    return x
print(outer())
def running_average():
    total = 0
    n = 0
    def add(value):
        nonlocal total, n
        total += value
        n += 1
        return total / n
    return add
avg = running_average()
for v in [10, 20, 60]:
    print(avg(v))

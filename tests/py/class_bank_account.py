# A realistic small class hierarchy.
class InsufficientFunds(Exception):
    pass
class Account:
    interest = 0.0
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"{self.owner} has only {self.balance}")
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def add_interest(self):
        gained = self.balance * self.interest
        self.balance += gained
        return gained
    def __repr__(self):
        return f"{type(self).__name__}({self.owner!r}, {self.balance})"
class Savings(Account):
    interest = 0.05
acct = Account("ann", 100)
acct.deposit(50)
acct.withdraw(30)
print(acct, acct.history)
try:
    acct.withdraw(1000)
except InsufficientFunds as e:
    print("refused:", e)
try:
    acct.deposit(-5)
except ValueError as e:
    print("refused:", e)
s = Savings("bob", 200)
print(s.add_interest(), s)
accounts = [acct, s, Savings("cid", 10)]
print(sorted(accounts, key=lambda a: a.balance))
print(sum([a.balance for a in accounts]))

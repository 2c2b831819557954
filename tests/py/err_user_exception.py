# A user-defined exception class left uncaught.
class InsufficientFunds(Exception):
    pass
class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f"balance {self.balance} < {amount}")
        self.balance -= amount
acct = Account(10)
acct.withdraw(5)
print("left:", acct.balance)
acct.withdraw(20)

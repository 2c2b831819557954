# Counting references to an instance of a user class.
import sys


class Account:
    def __init__(self, owner):
        self.owner = owner


acct = Account("ada")
print(sys.getrefcount(acct))

same = acct
print(sys.getrefcount(acct))

accounts = {"ada": acct}
print(sys.getrefcount(acct))

del same
print(sys.getrefcount(acct))

accounts.clear()
print(sys.getrefcount(acct))

# The reference count of a list as names come and go.
import sys

shopping = ["eggs", "milk", "bread"]
print("one name:", sys.getrefcount(shopping))

basket = shopping
print("two names:", sys.getrefcount(shopping))

cart = basket
print("three names:", sys.getrefcount(shopping))

del basket
print("after del basket:", sys.getrefcount(shopping))

cart = None
print("after cart = None:", sys.getrefcount(shopping))
print(shopping is not None, len(shopping))

# from sys import ... binds names from the sys module.
from sys import getrefcount
from sys import argv
import sys
print(type(getrefcount).__name__)
print(getrefcount is sys.getrefcount)
print(argv == sys.argv, argv is sys.argv)
print(type(sys).__name__)
print(sys.__name__)

# import sys and read sys.argv.
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[0])
print(type(sys.argv))
script = sys.argv[0]
if script.endswith(".py"):
    print("running a .py file:", script)
args = sys.argv[1:]
print("no arguments" if not args else args)

# append, pop, insert, extend.
stack = []
stack.append(1)
stack.append(2)
stack.append(3)
print(stack)
print(stack.pop(), stack)
print(stack.pop(0), stack)
stack.insert(0, "first")
stack.insert(100, "last")
stack.insert(-1, "before last")
print(stack)
stack.extend([7, 8])
stack.extend("ab")
stack.extend(range(2))
print(stack)
print(stack.pop(-2), stack)
queue = [1, 2, 3]
queue += [4]
print(queue)
todo = []
for task in ["write", "test", "ship"]:
    todo.append(task.upper())
while todo:
    print("doing", todo.pop(0))
print(todo, len(todo))
r = [].append(1)
print(r)

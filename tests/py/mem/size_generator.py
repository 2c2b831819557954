# A generator does not store its items: its size stays small whatever the
# length of the sequence it produces (the memory-article favourite).
import sys

squares_list = [x * x for x in range(1000)]
squares_gen = (x * x for x in range(1000))
print(sys.getsizeof(squares_list))
print(sys.getsizeof(squares_gen))
print(sys.getsizeof((x for x in range(10 ** 6))))
print(sum(squares_gen) == sum(squares_list))


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def pairs(items):
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            yield a, b


print(sys.getsizeof(countdown(5)))
print(sys.getsizeof(countdown(10 ** 9)))
print(sys.getsizeof(pairs([1, 2, 3])))
print(list(countdown(3)), list(pairs([1, 2, 3])))

# Reference counts of the arguments seen inside __init__ and __new__ when a
# class is called.
import sys


class Node:
    def __init__(self, value, next=None):
        print("value in __init__:", sys.getrefcount(value))
        print("self in __init__:", sys.getrefcount(self))
        self.value = value
        self.next = next


class Point:
    def __new__(cls, coords):
        print("coords in __new__:", sys.getrefcount(coords))
        return super().__new__(cls)

    def __init__(self, coords):
        print("coords in __init__:", sys.getrefcount(coords))
        self.coords = coords


payload = ["data"]
head = Node(payload)
print("after construction:", sys.getrefcount(payload))
second = Node(payload, next=head)
print("after second node:", sys.getrefcount(payload))
xy = [1, 2]
p = Point(xy)
print("after Point:", sys.getrefcount(xy))

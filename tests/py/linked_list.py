# A singly linked list with __len__ and __repr__.
class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self):
        self.head = None
        self.size = 0
    def push(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def append(self, value):
        node = Node(value)
        if self.head is None:
            self.head = node
        else:
            cur = self.head
            while cur.next is not None:
                cur = cur.next
            cur.next = node
        self.size += 1
    def reverse(self):
        prev = None
        cur = self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def to_list(self):
        out = []
        cur = self.head
        while cur:
            out.append(cur.value)
            cur = cur.next
        return out
    def __len__(self):
        return self.size
    def __repr__(self):
        return "LinkedList(" + " -> ".join([repr(v) for v in self.to_list()]) + ")"
ll = LinkedList()
for v in [3, 4, 5]:
    ll.append(v)
ll.push(2)
ll.push(1)
print(ll, len(ll))
ll.reverse()
print(ll)
print(LinkedList(), len(LinkedList()))
words = LinkedList()
for w in "to be or not".split():
    words.append(w)
print(words)

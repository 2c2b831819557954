# Cycles through bound methods: an instance keeps one of its own bound
# methods (a callback), or a list of them.
import gc

class Button:
    def __init__(self):
        self.on_click = self.clicked

    def clicked(self):
        return "clicked"

class Many:
    def __init__(self):
        self.handlers = [self.a, self.b]

    def a(self):
        pass

    def b(self):
        pass

gc.collect()
btn = Button()
print(btn.on_click())
del btn
print("instance and bound method:", gc.collect())
m = Many()
del m
print("instance, list, two bound methods:", gc.collect())
print(Button().on_click.__self__.__class__.__name__)
print(gc.collect())

# gc.get_referrers on small structures built inside a function, so that the
# only referrers are the containers made here (locals are not objects).
import gc

class Holder:
    pass

def main():
    target = ["target"]
    a = [target]
    b = (target, 1)
    c = {"k": target}
    h = Holder()
    h.attr = target
    unrelated = [1, 2]
    refs = gc.get_referrers(target)
    print(len(refs))
    print(any(r is a for r in refs), any(r is b for r in refs), any(r is c for r in refs),
          any(r is h for r in refs), any(r is unrelated for r in refs))
    print(sorted(type(r).__name__ for r in refs))

    # once __dict__ is asked for, the instance's attributes live in a dict
    d = h.__dict__
    refs = gc.get_referrers(target)
    print(sorted(type(r).__name__ for r in refs))
    print(any(r is d for r in refs), any(r is h for r in refs))
    print(sorted(type(r).__name__ for r in gc.get_referrers(d)), any(r is h for r in gc.get_referrers(d)))

    # several objects at once; a referrer of two of them is listed once
    x = ["x"]
    y = ["y"]
    both = [x, y]
    only_x = [x]
    refs = gc.get_referrers(x, y)
    print(len(refs), any(r is both for r in refs), any(r is only_x for r in refs))
    print(gc.get_referrers())

    # an untracked container is never a referrer
    n = 12345
    t = {"n": n}
    print(gc.is_tracked(t), [r for r in gc.get_referrers(n) if r is t])

    # a self-referencing list refers to itself
    s = []
    s.append(s)
    print([r is s for r in gc.get_referrers(s)])
    s.clear()

main()

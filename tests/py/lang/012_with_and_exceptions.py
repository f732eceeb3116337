# with statements with several items, suppression, return/break/continue through __exit__, BaseException.
class CM:
    def __init__(self, name, suppress=False): self.name, self.suppress = name, suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM("a") as a, CM("b", suppress=True) as b:
    print("body", a.name, b.name)
    raise ValueError("x")
print("after 1")
def early():
    with CM("r"):
        return "returned"
print(early())
for i in range(3):
    with CM(f"loop{i}"):
        if i == 0: continue
        if i == 1: break
try:
    with CM("outer"):
        with CM("inner", suppress=False):
            raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
try:
    raise KeyboardInterrupt
except Exception:
    print("not here")
except BaseException as e:
    print("base caught", type(e).__name__, isinstance(e, Exception))
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
def nested():
    try:
        try:
            raise TypeError("t")
        finally:
            print("inner finally")
    except TypeError:
        print("handled")
        return 1
    finally:
        print("outer finally")
print(nested())
class Bad:
    def __init__(self): raise RuntimeError("init failed")
try:
    Bad()
except RuntimeError as e:
    print(e, e.__class__.__mro__)
with CM("last"):
    raise ZeroDivisionError("final")

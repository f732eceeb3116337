# getattr/setattr/delattr/hasattr with a non-str name, and chr() beyond a C int: CPython 3.11's texts.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: getattr(1, 2))
show(lambda: setattr(1, 2, 3))
show(lambda: delattr(1, 2))
show(lambda: hasattr(1, 2))
show(lambda: chr(2**31))
show(lambda: chr(2**63))
show(lambda: chr(-1))
show(lambda: chr(0x110000))
show(lambda: chr(-2**31-1))

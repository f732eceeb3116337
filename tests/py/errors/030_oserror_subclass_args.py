# OSError(errno, strerror, filename[, winerror, filename2]) through derived classes: with no __init__
# of their own (parsed at creation, as CPython's OSError_new) and with one calling super().__init__
# (OSError_init): args keep (errno, strerror), the rest become attributes.
class E(OSError):
    pass
class F(OSError):
    def __init__(self, *args):
        super().__init__(*args)
        self.extra = 1
for cls in (E, F, OSError, FileNotFoundError):
    for args in [(2, "nope", "f.txt"), (2, "nope"), (2, "nope", "a", None, "b"), ("only",), (1, 2, 3, 4, 5, 6)]:
        e = cls(*args)
        print(cls.__name__, e.args, e.errno, e.strerror, e.filename, e.filename2, str(e))

# A slice bound's __index__ that empties the sequence being sliced: the slice is resolved against
# the length after every __index__ has run, so nothing reads or writes past the end (issue 12).
import array


class ClearsThen:
    def __init__(self, target, value):
        self.target = target
        self.value = value

    def __index__(self):
        del self.target[:]
        return self.value


def attempt(label, action):
    try:
        print(label, action())
    except Exception as e:
        print(label, type(e).__name__, e)


for make in (lambda: list(range(10)), lambda: bytearray(b"abcdefghij"), lambda: array.array("i", range(10))):
    seq = make()
    attempt("get", lambda: seq[ClearsThen(seq, 2):ClearsThen(seq, 8)])
    seq = make()
    attempt("get step", lambda: seq[0:10:ClearsThen(seq, 2)])
    seq = make()

    def assign():
        seq[ClearsThen(seq, 5):ClearsThen(seq, 7)] = seq[:2] if not isinstance(seq, list) else [1, 2]
        return seq

    attempt("set", assign)
    seq = make()

    def assign_extended():
        seq[0:10:ClearsThen(seq, 2)] = make()[:5]
        return seq

    attempt("set step", assign_extended)
    seq = make()

    def delete():
        del seq[1 : ClearsThen(seq, 5)]
        return seq

    attempt("del", delete)
    seq = make()

    def delete_extended():
        del seq[:: ClearsThen(seq, 3)]
        return seq

    attempt("del step", delete_extended)

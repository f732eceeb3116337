# What crosses a Pipe or Queue comes back as pickle would rebuild it, whichever format carried it:
# shared lists stay shared, cycles survive, an IntEnum stays an IntEnum, __reduce__ and
# __getstate__ are honoured, functions travel by name, and what cannot be pickled gives pickle's
# errors before anything is sent.
import enum
import multiprocessing as mp


class Color(enum.IntEnum):
    RED = 1


class Token:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Token, (self.v + 1,))


def twice(x):
    return 2 * x


def echo(conn):
    while True:
        obj = conn.recv()
        if obj == "stop":
            break
        conn.send(obj)


if __name__ == "__main__":
    here, there = mp.Pipe()
    p = mp.Process(target=echo, args=(there,))
    p.start()
    shared = [1, 2]
    cyclic = [0]
    cyclic.append(cyclic)
    for obj in [1, "two", 3.5, b"four", (5, [6]), {"k": {7}}, frozenset([8]), [shared, shared],
                cyclic, Color.RED, Token(9), twice, len, Color, None, True, 2**80, -1]:
        here.send(obj)
        back = here.recv()
        if obj is cyclic:
            print("cycle", back[1] is back)
        elif isinstance(obj, list) and obj and obj[0] is shared:
            print("shared", back, back[0] is back[1])
        elif isinstance(obj, Token):
            print("Token", back.v)
        else:
            shown = back.__name__ if callable(back) and not isinstance(back, Color) else repr(back)
            print(type(back).__name__, shown, back == obj)
    for bad in [lambda: 0, (x for x in [])]:
        try:
            here.send(bad)
        except Exception as e:
            text = str(e)
            if " at 0x" in text:
                start = text.index(" at 0x")
                text = text[:start] + text[text.index(">", start):]
            print(type(e).__name__, text)
    q = mp.Queue()
    q.put([shared, shared])
    got = q.get(timeout=10)
    print(got[0] is got[1], twice(21))
    here.send("stop")
    p.join(10)
    print(p.exitcode)

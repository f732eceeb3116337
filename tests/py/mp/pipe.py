# Pipe: both directions, poll(), values of every serializable kind, and EOFError at the end.
from multiprocessing import Pipe, Process


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def echo(conn):
    while True:
        obj = conn.recv()
        if obj == 'stop':
            break
        conn.send(obj)
    conn.close()


if __name__ == '__main__':
    parent, child = Pipe()
    p = Process(target=echo, args=(child,))
    p.start()
    print(parent.poll())
    values = [None, True, 42, 2 ** 100, -1.5, 'text', b'raw', (1, 2), [3, [4]], {'k': 'v'},
              {5}, frozenset([6]), ValueError('bad', 1), len, Point]
    for v in values:
        parent.send(v)
        print(repr(parent.recv()))
    parent.send(Point(1, 2))
    pt = parent.recv()
    print(type(pt).__name__, pt.x, pt.y)
    parent.send('stop')
    p.join()
    print(p.exitcode)
    r, w = Pipe(duplex=False)
    w.send([1, 2, 3])
    print(r.recv(), r.poll(0.01))

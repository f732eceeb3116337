# The errors Value and Array raise, with CPython's exception types and messages.
from multiprocessing import Value, Array, RawValue, RawArray


def attempt(label, f):
    try:
        result = f()
    except Exception as e:
        print(label, type(e).__name__, e)
    else:
        print(label, 'ok', result)


def store(target, index, value):
    target[index] = value


def set_value(target, value):
    target.value = value


if __name__ == '__main__':
    attempt('bad typecode', lambda: Value('z'))
    attempt('bad typecode array', lambda: Array('x', 3))
    attempt('not a type', lambda: RawValue(5))
    attempt('float for int', lambda: Value('i', 1.5))
    attempt('str for int', lambda: Value('i', '3'))
    attempt('None for int', lambda: Value('i', None))
    attempt('str for double', lambda: Value('d', '3'))
    attempt('huge int for double', lambda: Value('d', 10 ** 400))
    attempt('two bytes for char', lambda: Value('c', b'xy'))
    attempt('str for char', lambda: Value('c', 'x'))
    attempt('256 for char', lambda: Value('c', 256))
    attempt('two arguments', lambda: Value('i', 1, 2))
    attempt('lock without acquire', lambda: Value('i', lock=5))
    attempt('lock=0', lambda: Array('i', 2, lock=0))
    attempt('negative length', lambda: Array('i', -1))
    attempt('str initializer', lambda: Array('i', 'abc'))
    attempt('mixed initializer', lambda: Array('i', [1, 2.0]))
    attempt('no length', lambda: Array('i', None))

    a = Array('i', 4)
    raw = RawArray('i', [1, 2, 3])
    attempt('index 4', lambda: a[4])
    attempt('index -5', lambda: a[-5])
    attempt('raw index 3', lambda: raw[3])
    attempt('str index', lambda: a['x'])
    attempt('float index', lambda: a[1.0])
    attempt('store index 4', lambda: store(a, 4, 1))
    attempt('store float', lambda: store(a, 0, 1.0))
    attempt('short slice', lambda: store(a, slice(1, 3), [9]))
    attempt('int for slice', lambda: store(a, slice(0, 2), 5))
    attempt('store raw str', lambda: store(raw, 0, 'a'))
    attempt('set value str', lambda: set_value(Value('i'), 'a'))

    s = Array('c', b'hello')
    attempt('str into char array', lambda: store(s, 0, 'J'))
    attempt('long slice', lambda: store(s, slice(0, 2), b'abc'))
    attempt('value str', lambda: set_value(s, 'x'))
    attempt('value too long', lambda: set_value(s, b'toolongvalue'))
    attempt('int array value', lambda: raw.value)
    attempt('raw str', lambda: setattr(s, 'raw', 'xy'))
    attempt('raw too long', lambda: setattr(s, 'raw', bytearray(b'toolong')))

    w = RawArray('u', 'ab')
    attempt('bytes into wchar', lambda: store(w, 0, b'a'))
    attempt('two chars into wchar', lambda: store(w, 0, 'ab'))
    attempt('wchar value bytes', lambda: set_value(w, b'x'))
    attempt('wchar value too long', lambda: set_value(w, 'abc'))

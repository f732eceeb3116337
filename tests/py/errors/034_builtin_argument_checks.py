# Argument checks of builtins as CPython 3.11's: format() takes a str subclass as its spec;
# bool(NotImplemented) warns; sum() refuses a str, bytes or bytearray start; __import__ refuses an
# empty name and a negative level; compile() refuses unknown flags; len() takes any __index__ result
# from __len__ and refuses the rest with int()'s words.
class S(str): pass
for expr in ["format(3, S('d'))", "bool(NotImplemented)", "sum(['a'], '')", "sum([b'a'], b'')", "sum([bytearray(b'a')], bytearray())", "__import__('')", "compile('1', 's', 'exec', 0x100000).co_filename", "compile('1', 's', 'exec', flags=-1)", "dir(1, 2)", "__import__('x', level=-1)"]:
    import warnings
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            print(expr, "->", repr(eval(expr)))
        except Exception as e:
            print(expr, "->", type(e).__name__, e)
        for x in w: print("   warning", x.category.__name__, x.message)
class BadLen:
    def __len__(self): return 2**70
class NegLen:
    def __len__(self): return -1
class FloatLen:
    def __len__(self): return 4.5
for c in (BadLen, NegLen, FloatLen):
    try: len(c())
    except Exception as e: print(c.__name__, type(e).__name__, e)

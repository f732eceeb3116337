# bytes and bytearray %-formatting (PEP 461): each specifier, mapping keys, __bytes__, and the
# error texts; bytes * float names the sequence error as CPython does.
def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: b'%d' % 1)
show(lambda: b'%5d|%-5d|%05d|%+d|%x|%X|%#o|%#x' % (1, 2, 3, 4, 255, 255, 8, 255))
show(lambda: b'%s and %b' % (b'abc', bytearray(b'xy')))
show(lambda: b'%s' % 'str')
show(lambda: b'%s' % memoryview(b'mv'))
class B:
    def __bytes__(self): return b'BYTES'
show(lambda: b'[%s]' % B())
show(lambda: b'%r %a' % ('é', b'x'))
show(lambda: b'%c%c%c' % (65, b'B', bytearray(b'C')))
show(lambda: b'%c' % 256)
show(lambda: b'%c' % 'a')
show(lambda: b'%c' % b'ab')
show(lambda: b'%(a)s-%(b)d' % {b'a': b'x', b'b': 2})
show(lambda: b'%(a)s' % {'a': b'x'})
show(lambda: b'%.2s|%5s|%-5s|' % (b'abcdef', b'ab', b'cd'))
show(lambda: b'%f %.3e %g' % (1.5, 12345.678, 0.0001))
show(lambda: b'%d %d' % (1,))
show(lambda: b'%d' % (1, 2))
show(lambda: b'%y' % 1)
show(lambda: b'%' % ())
show(lambda: b'100%%' % ())
show(lambda: bytearray(b'%d-%s') % (5, b'x'))
show(lambda: b'%s' % b'')
show(lambda: b'no args' % ())
show(lambda: b'no args' % 5)
show(lambda: b'no args' % {})
show(lambda: b'%*d|%-*d|%.*f' % (5, 1, 4, 2, 2, 3.14159))
show(lambda: b'%x' % 1.5)
show(lambda: b'%d' % 1.9)
show(lambda: b'%d' % 'x')
show(lambda: b'%i %u' % (True, -3))
show(lambda: b'abc' * 1.5)
show(lambda: bytearray(b'abc') * 1.5)
show(lambda: 1.5 * b'abc')
class I:
    def __index__(self): return 2
show(lambda: b'ab' * I())
show(lambda: bytearray(b'ab') * I())
show(lambda: b'%s' % [1])
show(lambda: b'%a' % 'x\n')

# object.__ne__ inverts the object's own __eq__ (unless it is NotImplemented), also when a class
# assigns it explicitly, as unittest.mock's _Call (a tuple subclass) does.
class T(tuple):
    def __eq__(self, other):
        return True

    __ne__ = object.__ne__


class U:
    def __eq__(self, other):
        return self is other or "equal"

    __ne__ = object.__ne__


class V(tuple):
    def __eq__(self, other):
        return True


class W:
    def __eq__(self, other):
        return NotImplemented


print(T((1,)) != T((2,)), T((1,)).__ne__(T((2,))))
u = U()
print(u != U(), u != u, object.__ne__(u, U()))
print(V((1,)) != V((2,)), object.__ne__(V((1,)), V((2,))))
w = W()
print(object.__ne__(w, W()), w != W(), w != w, object.__ne__(w, w))
print(object.__ne__(1, 1), object.__ne__(1, 2), object.__eq__(1, 1), object.__eq__(1, 2))
o = object()
print(o != o, o != object(), object.__ne__(o, o))
from unittest import mock
m = mock.Mock()
m(o)
m.assert_called_once_with(o)
print(mock.call(1) != mock.call(1), mock.call(1) != mock.call(2))

# sharedctypes.py — Value, Array, RawValue and RawArray: numbers and arrays in memory that forked
# processes share (a _multiprocessing.SharedArray, docs/shared_memory.md). minipy has no ctypes, so
# the ctypes-like types CPython hands out (c_int, c_int_Array_3, ...) are defined here, with the
# same names, reprs and errors, and the same synchronized wrappers around them.
from _multiprocessing import SharedArray
from multiprocessing.synchronize import RLock, _LockDelegate

__all__ = ["RawValue", "RawArray", "Value", "Array", "copy", "synchronized"]


class _SimpleCData:
    # One item of typecode _type_ in shared memory: c_int(5).value == 5.
    _type_ = None

    def __init__(self, *args):
        if len(args) > 1:
            raise TypeError("__init__ expected at most 1 argument, got %d" % len(args))
        self._buf = SharedArray(self._type_, 1)
        if args:
            self._buf[0] = args[0]

    @property
    def value(self):
        return self._buf[0]

    @value.setter
    def value(self, value):
        self._buf[0] = value

    def __bool__(self):
        return bool(self._buf[0])

    def __repr__(self):
        return "%s(%r)" % (type(self).__name__, self._buf[0])


class c_char(_SimpleCData):
    _type_ = "c"


class c_wchar(_SimpleCData):
    _type_ = "u"


class c_byte(_SimpleCData):
    _type_ = "b"


class c_ubyte(_SimpleCData):
    _type_ = "B"


class c_short(_SimpleCData):
    _type_ = "h"


class c_ushort(_SimpleCData):
    _type_ = "H"


class c_int(_SimpleCData):
    _type_ = "i"


class c_uint(_SimpleCData):
    _type_ = "I"


class c_long(_SimpleCData):
    _type_ = "l"


class c_ulong(_SimpleCData):
    _type_ = "L"


class c_float(_SimpleCData):
    _type_ = "f"


class c_double(_SimpleCData):
    _type_ = "d"


# As in ctypes on 64-bit Linux, where long long and long have the same size.
c_longlong = c_long
c_ulonglong = c_ulong

typecode_to_type = {
    "c": c_char, "u": c_wchar, "b": c_byte, "B": c_ubyte, "h": c_short, "H": c_ushort,
    "i": c_int, "I": c_uint, "l": c_long, "L": c_ulong, "q": c_longlong, "Q": c_ulonglong,
    "f": c_float, "d": c_double,
}


class _CArray:
    # _length_ items of type _type_; indexing and slicing as ctypes arrays (SharedArray's rules).
    _type_ = None
    _length_ = 0

    def __init__(self, *items):
        self._buf = SharedArray(self._type_._type_, self._length_)
        for i, item in enumerate(items):
            self._buf[i] = item

    def __len__(self):
        return self._length_

    def __getitem__(self, index):
        return self._buf[index]

    def __setitem__(self, index, value):
        self._buf[index] = value


def _bytes_like(value):
    # What ctypes' .raw accepts: bytes or bytearray (minipy has no other buffer types).
    if not isinstance(value, (bytes, bytearray)):
        raise TypeError("a bytes-like object is required, not '%s'" % type(value).__name__)
    return bytes(value)


class _TextArray(_CArray):
    # A c_char or c_wchar array: .value is the text up to the first NUL, and a shorter text stored
    # there is ended with one. Subclasses give the text type, its NUL and CPython's messages.
    @property
    def value(self):
        text = self._buf[:]
        end = text.find(self._nul)
        return text if end < 0 else text[:end]

    @value.setter
    def value(self, value):
        if not isinstance(value, self._text_type):
            raise TypeError("%s expected instead of %s instance" % (self._text_name, type(value).__name__))
        if len(value) > self._length_:
            raise ValueError(self._too_long)
        self._buf[:len(value)] = value
        if len(value) < self._length_:
            self._buf[len(value)] = self._nul


class _CharArray(_TextArray):
    # .raw is all the bytes, NULs included.
    _text_type, _text_name, _nul, _too_long = bytes, "bytes", b"\0", "byte string too long"

    @property
    def raw(self):
        return self._buf[:]

    @raw.setter
    def raw(self, value):
        value = _bytes_like(value)
        if len(value) > self._length_:
            raise ValueError("byte string too long")
        self._buf[:len(value)] = value


class _WCharArray(_TextArray):
    _text_type, _text_name, _nul, _too_long = str, "unicode string", "\0", "string too long"


_array_types = {}


def _new_array(type_, length, items=()):
    # CPython's `type_ * length`: one class per item type and length, named c_int_Array_3.
    cls = _array_types.get((type_, length))
    if cls is None:
        base = {"c": _CharArray, "u": _WCharArray}.get(type_._type_, _CArray)
        name = "%s_Array_%d" % (type_.__name__, length)
        cls = type(name, (base,), {"_type_": type_, "_length_": length, "__module__": __name__})
    obj = cls(*items)
    _array_types[(type_, length)] = cls
    return obj


def _item_type(typecode_or_type):
    type_ = typecode_to_type.get(typecode_or_type, typecode_or_type)
    if not (isinstance(type_, type) and issubclass(type_, _SimpleCData) and type_ is not _SimpleCData):
        raise TypeError("this type has no size")
    return type_


def RawValue(typecode_or_type, *args):
    return _item_type(typecode_or_type)(*args)


def RawArray(typecode_or_type, size_or_initializer):
    type_ = _item_type(typecode_or_type)
    if isinstance(size_or_initializer, int):
        return _new_array(type_, size_or_initializer)
    return _new_array(type_, len(size_or_initializer), size_or_initializer)


def _with_lock(obj, lock):
    # lock=True or None: a new RLock; False: the raw object; else any object with acquire().
    if lock is False:
        return obj
    if lock in (True, None):
        lock = RLock()
    if not hasattr(lock, "acquire"):
        raise AttributeError("%r has no method 'acquire'" % (lock,))
    return synchronized(obj, lock)


def Value(typecode_or_type, *args, lock=True, ctx=None):
    return _with_lock(RawValue(typecode_or_type, *args), lock)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    return _with_lock(RawArray(typecode_or_type, size_or_initializer), lock)


def copy(obj):
    if isinstance(obj, _SimpleCData):
        return type(obj)(obj.value)
    return _new_array(obj._type_, obj._length_, obj[:])


def synchronized(obj, lock=None):
    if isinstance(obj, _SimpleCData):
        return Synchronized(obj, lock)
    if isinstance(obj, _CharArray):
        return SynchronizedString(obj, lock)
    return SynchronizedArray(obj, lock)


class SynchronizedBase(_LockDelegate):
    # Holds the lock around every access to the object; `with wrapper:` holds it around several.
    def __init__(self, obj, lock=None):
        _LockDelegate.__init__(self, lock or RLock())
        self._obj = obj

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return "<%s wrapper for %s>" % (type(self).__name__, self._obj)


def _locked_property(name):
    # self._obj.<name>, read and written while holding the lock (CPython's make_property).
    def get(self):
        with self._lock:
            return getattr(self._obj, name)

    def set(self, value):
        with self._lock:
            setattr(self._obj, name, value)

    return property(get, set)


class Synchronized(SynchronizedBase):
    value = _locked_property("value")


class SynchronizedArray(SynchronizedBase):
    def __len__(self):
        return len(self._obj)

    def __getitem__(self, index):
        with self._lock:
            return self._obj[index]

    def __setitem__(self, index, value):
        with self._lock:
            self._obj[index] = value


class SynchronizedString(SynchronizedArray):
    value = _locked_property("value")
    raw = _locked_property("raw")

// type_docs.cpp — the docstrings of the built-in types (int.__doc__, help(str), pydoc), in CPython
// 3.11's words, set in each type's dict once the types exist.
#include "objects/bytes.h"
#include "objects/complex.h"
#include "objects/containers.h"
#include "objects/descriptors.h"
#include "objects/float.h"
#include "objects/generic_alias.h"
#include "objects/int.h"
#include "objects/iterators.h"
#include "objects/memoryview.h"
#include "objects/str.h"

namespace minipy {

namespace {

struct TypeDoc {
    Type* type;
    const char* doc;
};

const TypeDoc kTypeDocs[] = {
    {&bool_type, R"doc(bool(x) -> bool

Returns True when the argument x is true, False otherwise.
The builtins True and False are the only two instances of the class bool.
The class bool is a subclass of the class int, and cannot be subclassed.)doc"},
    {&bytearray_type, R"doc(bytearray(iterable_of_ints) -> bytearray
bytearray(string, encoding[, errors]) -> bytearray
bytearray(bytes_or_buffer) -> mutable copy of bytes_or_buffer
bytearray(int) -> bytes array of size given by the parameter initialized with null bytes
bytearray() -> empty bytes array

Construct a mutable bytearray object from:
  - an iterable yielding integers in range(256)
  - a text string encoded using the specified encoding
  - a bytes or a buffer object
  - any object implementing the buffer API.
  - an integer)doc"},
    {&bytes_type, R"doc(bytes(iterable_of_ints) -> bytes
bytes(string, encoding[, errors]) -> bytes
bytes(bytes_or_buffer) -> immutable copy of bytes_or_buffer
bytes(int) -> bytes object of size given by the parameter initialized with null bytes
bytes() -> empty bytes object

Construct an immutable array of bytes from:
  - an iterable yielding integers in range(256)
  - a text string encoded using the specified encoding
  - any object implementing the buffer API.
  - an integer)doc"},
    {&classmethod_type, R"doc(classmethod(function) -> method

Convert a function to be a class method.

A class method receives the class as implicit first argument,
just like an instance method receives the instance.
To declare a class method, use this idiom:

  class C:
      @classmethod
      def f(cls, arg1, arg2, ...):
          ...

It can be called either on the class (e.g. C.f()) or on an instance
(e.g. C().f()).  The instance is ignored except for its class.
If a class method is called for a derived class, the derived class
object is passed as the implied first argument.

Class methods are different than C++ or Java static methods.
If you want those, see the staticmethod builtin.)doc"},
    {&complex_type, R"doc(Create a complex number from a real part and an optional imaginary part.

This is equivalent to (real + imag*1j) where imag defaults to 0.)doc"},
    {&dict_type, R"doc(dict() -> new empty dictionary
dict(mapping) -> new dictionary initialized from a mapping object's
    (key, value) pairs
dict(iterable) -> new dictionary initialized as if via:
    d = {}
    for k, v in iterable:
        d[k] = v
dict(**kwargs) -> new dictionary initialized with the name=value pairs
    in the keyword argument list.  For example:  dict(one=1, two=2))doc"},
    {&enumerate_type, R"doc(Return an enumerate object.

  iterable
    an object supporting iteration

The enumerate object yields pairs containing a count (from start, which
defaults to zero) and a value yielded by the iterable argument.

enumerate is useful for obtaining an indexed list:
    (0, seq[0]), (1, seq[1]), (2, seq[2]), ...)doc"},
    {&float_type, R"doc(Convert a string or number to a floating point number, if possible.)doc"},
    {&frozenset_type, R"doc(frozenset() -> empty frozenset object
frozenset(iterable) -> frozenset object

Build an immutable unordered collection of unique elements.)doc"},
    {&int_type, R"doc(int([x]) -> integer
int(x, base=10) -> integer

Convert a number or string to an integer, or return 0 if no arguments
are given.  If x is a number, return x.__int__().  For floating point
numbers, this truncates towards zero.

If x is not a number or if base is given, then x must be a string,
bytes, or bytearray instance representing an integer literal in the
given base.  The literal can be preceded by '+' or '-' and be surrounded
by whitespace.  The base defaults to 10.  Valid bases are 0 and 2-36.
Base 0 means to interpret the base from the string as an integer literal.
>>> int('0b100', base=0)
4)doc"},
    {&list_type, R"doc(Built-in mutable sequence.

If no argument is given, the constructor creates a new empty list.
The argument must be an iterable if specified.)doc"},
    {&memoryview_type, R"doc(Create a new memoryview object which references the given object.)doc"},
    {&object_type, R"doc(The base class of the class hierarchy.

When called, it accepts no arguments and returns a new featureless
instance that has no instance attributes and cannot be given any.
)doc"},
    {&property_type, R"doc(Property attribute.

  fget
    function to be used for getting an attribute value
  fset
    function to be used for setting an attribute value
  fdel
    function to be used for del'ing an attribute
  doc
    docstring

Typical use is to define a managed attribute x:

class C(object):
    def getx(self): return self._x
    def setx(self, value): self._x = value
    def delx(self): del self._x
    x = property(getx, setx, delx, "I'm the 'x' property.")

Decorators make defining new properties or modifying existing ones easy:

class C(object):
    @property
    def x(self):
        "I am the 'x' property."
        return self._x
    @x.setter
    def x(self, value):
        self._x = value
    @x.deleter
    def x(self):
        del self._x)doc"},
    {&range_type, R"doc(range(stop) -> range object
range(start, stop[, step]) -> range object

Return an object that produces a sequence of integers from start (inclusive)
to stop (exclusive) by step.  range(i, j) produces i, i+1, i+2, ..., j-1.
start defaults to 0, and stop is omitted!  range(4) produces 0, 1, 2, 3.
These are exactly the valid indices for a list of 4 elements.
When step is given, it specifies the increment (or decrement).)doc"},
    {&reversed_type, R"doc(Return a reverse iterator over the values of the given sequence.)doc"},
    {&set_type, R"doc(set() -> new empty set object
set(iterable) -> new set object

Build an unordered collection of unique elements.)doc"},
    {&slice_type, R"doc(slice(stop)
slice(start, stop[, step])

Create a slice object.  This is used for extended slicing (e.g. a[0:10:2]).)doc"},
    {&staticmethod_type, R"doc(staticmethod(function) -> method

Convert a function to be a static method.

A static method does not receive an implicit first argument.
To declare a static method, use this idiom:

     class C:
         @staticmethod
         def f(arg1, arg2, ...):
             ...

It can be called either on the class (e.g. C.f()) or on an instance
(e.g. C().f()). Both the class and the instance are ignored, and
neither is passed implicitly as the first argument to the method.

Static methods in Python are similar to those found in Java or C++.
For a more advanced concept, see the classmethod builtin.)doc"},
    {&str_type, R"doc(str(object='') -> str
str(bytes_or_buffer[, encoding[, errors]]) -> str

Create a new string object from the given object. If encoding or
errors is specified, then the object must expose a data buffer
that will be decoded using the given encoding and error handler.
Otherwise, returns the result of object.__str__() (if defined)
or repr(object).
encoding defaults to sys.getdefaultencoding().
errors defaults to 'strict'.)doc"},
    {&super_type, R"doc(super() -> same as super(__class__, <first argument>)
super(type) -> unbound super object
super(type, obj) -> bound super object; requires isinstance(obj, type)
super(type, type2) -> bound super object; requires issubclass(type2, type)
Typical use to call a cooperative superclass method:
class C(B):
    def meth(self, arg):
        super().meth(arg)
This works for class methods too:
class C(B):
    @classmethod
    def cmeth(cls, arg):
        super().cmeth(arg)
)doc"},
    {&generic_alias_type, R"doc(Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,).)doc"},
    {&union_type, R"doc(Represent a PEP 604 union type

E.g. for int | str)doc"},
    {&tuple_type, R"doc(Built-in immutable sequence.

If no argument is given, the constructor returns an empty tuple.
If iterable is specified the tuple is initialized from iterable's items.

If the argument is a tuple, the return value is the same object.)doc"},
    {&type_type, R"doc(type(object) -> the object's type
type(name, bases, dict, **kwds) -> a new type)doc"},
    {&zip_type, R"doc(zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.

   >>> list(zip('abcdefg', range(3), range(4)))
   [('a', 0, 0), ('b', 1, 1), ('c', 2, 2)]

The zip object yields n-length tuples, where n is the number of iterables
passed as positional arguments to zip().  The i-th element in every tuple
comes from the i-th iterable argument to zip().  This continues until the
shortest argument is exhausted.

If strict is true and one of the arguments is exhausted before the others,
raise a ValueError.)doc"},
};

// The signatures CPython 3.11 keeps at the head of these types' internal docs (inspect.signature
// reads them through __text_signature__); the docs themselves are without them, as __doc__ shows.
struct TypeSignature {
    Type* type;
    const char* signature;
};

const TypeSignature kTypeSignatures[] = {
    {&complex_type, "(real=0, imag=0)"},
    {&enumerate_type, "(iterable, start=0)"},
    {&float_type, "(x=0, /)"},
    {&list_type, "(iterable=(), /)"},
    {&memoryview_type, "(object)"},
    {&object_type, "()"},
    {&property_type, "(fget=None, fset=None, fdel=None, doc=None)"},
    {&reversed_type, "(sequence, /)"},
    {&tuple_type, "(iterable=(), /)"},
};

}  // namespace

const char* type_text_signature(const Type* t) {
    for (const TypeSignature& s : kTypeSignatures)
        if (s.type == t) return s.signature;
    return nullptr;
}

void init_type_docs() {
    for (const TypeDoc& d : kTypeDocs) dict_set(d.type->dict, intern("__doc__"), str_new(d.doc).get());
}

}  // namespace minipy

# X | Y with GenericAlias subclasses (deduplicated by equality), and a union subscripted:
# its new members or-ed together, so duplicates fold and a single one is the result (CPython's union_getitem).
import types, typing, collections.abc
class SubClass(types.GenericAlias): ...
d = SubClass(list, float)
a = list[int]
print(a | d)
u = a | list[str]
print(u | d)
print(int | collections.abc.Callable[[int], str])
T = typing.TypeVar("T"); S = typing.TypeVar("S")
print((list[T] | list[S])[int, int])
print((list[T] | list[S])[int, T])
print(int | list[int] | int)
print((int | str) == (str | int), hash(int | str) == hash(str | int))
print(typing.Union[list[int], SubClass(list, float)] == (list[int] | SubClass(list, float)))
print((list[T] | int)[str], (T | S)[int, str], (T | S)[int, int])

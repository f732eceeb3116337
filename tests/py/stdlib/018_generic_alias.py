# types.GenericAlias (list[int]) and types.UnionType (int | str): repr, args, equality, isinstance
# with unions, __class_getitem__ on user classes, and type-variable substitution.
import types

print(list[int], dict[str, list[int]], tuple[int, ...], type[int], list[int].__origin__, dict[str, int].__args__)
print(list[int] == list[int], list[int] == list[str], list[int](range(3)), type(list[int]) is types.GenericAlias)
u = int | str | None
print(u, u.__args__, int | str == str | int, (int | int), type(u) is types.UnionType, hash(int | str) == hash(str | int))
print(isinstance(3, int | str), isinstance(3.5, int | str), issubclass(bool, int | None), isinstance(None, u))
print(list[int] | None, int | list[str])


class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item.__name__}]"


print(Box[int])


class T:
    def __typing_subst__(self, arg):
        return arg

    def __repr__(self):
        return "~T"


t = T()
g = dict[str, t]
print(g, g.__parameters__, g[int], list[t][float])
try:
    isinstance([], list[int])
except TypeError as e:
    print(e)
try:
    list[int][int]
except TypeError as e:
    print(e)

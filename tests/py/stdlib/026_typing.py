# CPython's typing: generic aliases, TypeVar/Generic/Protocol classes, NamedTuple, TypedDict,
# get_type_hints, overload, cast, and a few of its errors.
from typing import (Any, Callable, Dict, Generic, List, Literal, NamedTuple, Optional, Protocol, Tuple, TypedDict,
                    TypeVar, Union, cast, get_args, get_origin, get_type_hints, overload, runtime_checkable, Iterator,
                    Sequence, Final, ClassVar)
import typing

T = TypeVar("T")
K = TypeVar("K", bound=str)
print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Union[int, None, str], Callable[[int], str])
print(Tuple[int, ...], Literal["a", 1], T, K.__bound__, get_origin(List[int]), get_args(Dict[str, int]), get_args(Callable[[int], str]))
print(Optional[int] == Union[int, None], Union[int, int], List[int] == List[int], typing.Any, Sequence[T][int])


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(3)
print(s.pop(), Stack[int], Stack.__parameters__, Stack.__orig_bases__, Stack.__mro__)


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...


class File:
    def close(self) -> None:
        pass


print(isinstance(File(), Closer), isinstance(3, Closer))


class Point(NamedTuple):
    x: int
    y: int = 0
    label: str = "p"


p = Point(1)
print(p, p._fields, p._field_defaults, Point.__annotations__, p._replace(y=5), Point._make([4, 5, "q"]))


class Movie(TypedDict, total=False):
    title: str
    year: int


m: Movie = {"title": "Blade Runner", "year": 1982}
print(m, Movie.__total__, sorted(Movie.__optional_keys__), Movie.__annotations__)


def greet(name: str, times: "int" = 1, *, loud: Optional[bool] = None) -> str:
    return name * times


print(get_type_hints(greet), get_type_hints(Point), get_type_hints(Stack.__init__))


@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2


print(double(2), double("ab"), cast(int, "not an int"), cast("List[int]", [1]))
print(typing.TYPE_CHECKING, Final[int], ClassVar[int], Iterator[int])
for bad in [lambda: Union[()], lambda: Generic[int], lambda: List[int, str], lambda: Optional[int, str], lambda: TypeVar("X", int)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)

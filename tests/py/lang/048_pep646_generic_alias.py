# PEP 646 with types.GenericAlias: iterating `tuple[int, str]` gives `*tuple[int, str]` once, and
# substitution handles TypeVarTuple (typing's __typing_prepare_subst__ and unpacked arguments).
from typing import TypeVarTuple, TypeVar, Generic

t = tuple[int, str]
star = [*t]
print(star, star[0].__unpacked__, t.__unpacked__)
print(star[0].__typing_unpacked_tuple_args__, t.__typing_unpacked_tuple_args__)
print(tuple[*t], tuple[*t] == tuple[*t], star[0] == t, list[*t] == list[int, str])
print(next(iter(list[int])), [*list[int]][0].__typing_unpacked_tuple_args__)

Ts = TypeVarTuple("Ts")
T = TypeVar("T")
T2 = TypeVar("T2")
print(tuple[*Ts], tuple[*Ts].__parameters__, tuple[*Ts][int, str], tuple[*Ts][()])
print(tuple[T, *Ts][int, str, float], tuple[T, *Ts][int], tuple[*Ts, T][int, str])
print(tuple[T, *Ts, T2][int, str, bytes, float])
print(dict[T, list[T2]][int, str], list[tuple[T, *Ts]][int, bytes, str])

class C(Generic[*Ts]):
    pass
print(C[int, str], C[()])

class D(Generic[T, *Ts]):
    pass
print(D[int], D[int, str, float])

try:
    tuple[T, *Ts][()]
except TypeError as e:
    print("TypeError:", e)
try:
    dict[T, T2][int]
except TypeError as e:
    print("TypeError:", e)

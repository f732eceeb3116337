# Under `from __future__ import annotations` each annotation is stored as the text CPython's
# unparser writes for it (operators spaced, literals as their repr, parentheses only where needed).
from __future__ import annotations
import math

def f(a: "str", b: 'it\'s', c: List[int], d: Dict[str,int], e: int|None, g: Optional[ List [ int ] ],
      h: Callable[[int, str], bool], i: Tuple[()], j: tuple[int, ...], k: 1+2*3, l: (1+2)*3, m: -x, n: not x,
      o: a and b or c, p: a if b else c, q: lambda: 1, r: lambda x, *y, z=1, **w: x, s: x[1:2, ::3],
      t: f(x, *y, k=1, **z), u: b'abc', v: 1.5, w: 1e100, x: 1j, y: 10**20, z: ..., aa: {1: 2, **d}, ab: {1, 2},
      ac: [x for x in y if x], ad: (x for x in y), ae: {k: v for k, v in d}, af: a < b <= c is not d not in e,
      ag: x.y.z, ah: (1).real, ai: 2 ** -1, aj: (-2) ** 2, ak: -2 ** 2, al: a ** b ** c, am: (a ** b) ** c,
      an: a - (b - c), ao: (a - b) - c, ap: a[b][c], aq: (a, b), ar: (a,), at: x[()], au: x[(1, 2)], av: x[1,],
      aw: f(x for x in y), ax: "a\nb", ay: 'a"b', az: "a'b\"c", ba: 0x1F, bb: 1_000, bc: 0.1, bd: True, be: None,
      bg: x @ y, bh: ~x, bi: +x, bj: a if b else (c if d else e), bk: (a if b else c) if d else e,
      bl: f"x{y}", bn: x[a:b], bo: x[::], bp: {*a, *b}, bq: [*a], br: a.b(c).d[e],
      bs: await_, bt: x[-1], bu: 1e309, bv: -1e309, bw: 3.0, bx: 1.0e-5, by: 1.5j, bz: 0o17, ca: {}, cb: set(),
      cc: (not a) + b, cd: not (a + b), ce: a + (not b)) -> "ret":
    pass

for k, v in f.__annotations__.items():
    print(k, repr(v))
def g(a: f"{x!r:>{w}}", b: f"{'q'}{{}}", c: lambda a, /, b=2, *, c: 0, d: lambda *, k=1: k, e: {**a}, h: {*()},
      i: x[1:2:3], j: (await_ for y in z async for w in v), k: f(**kw), l: f(*a, b), m: "\u00e9\t\x00",
      n: b"\x00'\"", o: 1e-7, p: 12345678901234567890123, q: 0.0, r: -0.0, s: 2j, t: 1e100j, u: a is b,
      v: a[b:c, d], w: [a, (b, c)], z: (a for b in c if d if e), aa: f(a)(b)[c], ab: a or (b and c),
      ac: (a or b) and c, ad: a << b | c & d ^ e, ae: a % b // c / d * e @ f, af: x.__y, ag: (-1) .real):
    pass


class C:
    x: ClassVar[int] = 1
    y: "Forward"
    z: list[int]


for name, v in g.__annotations__.items():
    print(name, repr(v))
print(C.__annotations__)

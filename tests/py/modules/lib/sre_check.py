# sre_check.py — what the generated _sre tests (tests/py/modules/01[1-4]_sre_*.py) print for a
# pattern: every matching method of the Pattern, on each subject, with its groups and spans.
import _sre


def show_match(m):
    if m is None:
        print("   None")
        return
    print("  ", repr(m), m.span(), m.groups(), m.groupdict(), m.lastindex, m.lastgroup)
    for g in range(1, m.re.groups + 1):
        print("     group", g, repr(m.group(g)), m.span(g))


def mirror(m):
    return m.group(0)[::-1] * 2


def check(args, subjects):
    p = _sre.compile(*args)
    print(repr(args[0]), args[1], "groups", p.groups)
    for s in subjects:
        print(" ", repr(s))
        show_match(p.match(s))
        show_match(p.search(s))
        show_match(p.fullmatch(s))
        print("   findall", p.findall(s))
        print("   finditer", [m.span() for m in p.finditer(s)])
        print("   split", p.split(s))
        print("   sub", p.subn(mirror, s))
        if len(s) > 2:
            show_match(p.search(s, 1, len(s) - 1))
            print("   findall window", p.findall(s, 1, len(s) - 1))

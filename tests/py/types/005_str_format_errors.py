# str.format errors with CPython's exact messages.
def attempt(fmt, *args, **kwargs):
    try:
        print(repr(fmt.format(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__ + ":", e)


attempt("{} {}", 1)
attempt("{0} {}", 1, 2)
attempt("{} {0}", 1, 2)
attempt("{name}")
attempt("{")
attempt("}")
attempt("{0")
attempt("{0!x}", 1)
attempt("{:d}", "s")
attempt("{:s}", 5)
attempt("{0.missing}", 1)
attempt("{0[5]}", [1])
attempt("{:>{}}", "x")
attempt("{:,x}", 255)
attempt("{0:{1:{2}}}", 1, 2, 3)
try:
    "{}".format_map({})
except ValueError as e:
    print("ValueError:", e)
try:
    "{x}".format_map({})
except KeyError as e:
    print("KeyError:", e)

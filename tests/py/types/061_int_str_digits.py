# sys.int_info, sys.maxunicode and CPython 3.11's limit on int<->str conversions
# (sys.set_int_max_str_digits): which conversions it applies to, and its messages.
import sys

print(sys.int_info)
print(type(sys.int_info).__name__, isinstance(sys.int_info, tuple), len(sys.int_info))
print(sys.int_info.default_max_str_digits, sys.int_info.str_digits_check_threshold)
print(sys.maxunicode, chr(sys.maxunicode) == '\U0010ffff')
print(sys.get_int_max_str_digits())


def attempt(label, f):
    try:
        r = f()
        print(label, "ok", len(r) if isinstance(r, str) else r.bit_length() if isinstance(r, int) else r)
    except Exception as e:
        print(label, type(e).__name__, e)


for bad in (1, 639, -1, "700", 1.5):
    attempt("set %r" % (bad,), lambda: sys.set_int_max_str_digits(bad))
sys.set_int_max_str_digits(maxdigits=640)
print(sys.get_int_max_str_digits())

big = 10 ** 640  # 641 digits
attempt("str", lambda: str(big))
attempt("repr", lambda: repr(big))
attempt("str-1", lambda: str(big - 1))
attempt("str neg", lambda: str(1 - big))
attempt("%d", lambda: "%d" % big)
attempt("format d", lambda: format(big, "d"))
attempt("format ,", lambda: format(big // 10, ","))
attempt("f-string", lambda: f"{big}")
attempt("hex", lambda: hex(big))
attempt("bin", lambda: bin(big))
attempt("format x", lambda: format(big, "x"))

attempt("int 640", lambda: int("7" * 640))
attempt("int 641", lambda: int("7" * 641))
attempt("int signed", lambda: int("-" + "7" * 640))
attempt("int spaces", lambda: int("  " + "7" * 640 + " "))
attempt("int underscores", lambda: int("7_7" * 320))
attempt("int underscores over", lambda: int("7_7" * 320 + "_7"))
attempt("int bad tail", lambda: int("7" * 641 + "x"))
attempt("int bytes", lambda: int(b"7" * 641))
attempt("int base 16", lambda: int("f" * 5000, 16))
attempt("int base 2", lambda: int("1" * 5000, 2))
attempt("int base 0x", lambda: int("0x" + "f" * 5000, 0))
attempt("int base 36", lambda: int("z" * 641, 36))
attempt("int base 3", lambda: int("2" * 640, 3))
attempt("str of base 36", lambda: str(int("z" * 640, 36)))

attempt("literal", lambda: eval("7" * 641))
attempt("literal 640", lambda: eval("7" * 640))
attempt("hex literal", lambda: eval("0x" + "f" * 5000))
try:
    compile("x = " + "1" * 700, "<limit>", "exec")
except SyntaxError as e:
    print(e.lineno, e.offset, e.msg)

sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(10 ** 5000)), int("9" * 5000) % 1000)
sys.set_int_max_str_digits(4300)
attempt("default", lambda: str(10 ** 4300))
attempt("default-1", lambda: str(10 ** 4300 - 1))

# CPython's string module: its constants, Template (substitute, safe_substitute, custom delimiters and
# idpatterns, errors) and Formatter (over the native _string), with their error messages.
import string
from string import Template, Formatter

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.whitespace), string.punctuation, len(string.printable), string.capwords("hello   big world"))
t = Template("$who likes ${what}, $$5")
print(t.substitute(who="tim", what="kung pao"), t.substitute({"who": "ann"}, what="tea"), t.template)
print(Template("$a $b").safe_substitute(a=1), t.get_identifiers(), t.is_valid(), Template("$").is_valid())
for bad in [lambda: Template("$who").substitute(), lambda: Template("x $").substitute(), lambda: Template("${x").substitute(x=1)]:
    try:
        bad()
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)


class Percent(Template):
    delimiter = "%"
    idpattern = "[a-z]+"


print(Percent("%x and %{y} %%").substitute(x=1, y=2))
f = Formatter()
print(f.format("{0}-{name!r:>8}-{1[0]}", "a", [7], name="n"), f.vformat("{x.real}", (), {"x": 3}))
print(list(f.parse("a{0:>5}b{x!s}{{c}}")))


class Upper(Formatter):
    def format_field(self, value, format_spec):
        return format(value, format_spec).upper()

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return "<" + key + ">"
        return super().get_value(key, args, kwargs)


print(Upper().format("{0} {missing} {0:x}", 255))
for bad in ["{0", "{!r}", "{0!z}", "}"]:
    try:
        f.format(bad, 1)
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)

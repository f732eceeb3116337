# An AttributeError raised by a class's own lookup keeps its message: __getattr__'s and
# __getattribute__'s (through the attribute syntax, getattr() and a method call), and a property
# getter's AttributeError hands over to __getattr__ as in CPython.
class Lazy:
    def __getattr__(self, name):
        raise AttributeError(f"Lazy has no {name!r} yet")


class Guarded:
    def __getattribute__(self, name):
        if name.startswith("_"):
            raise AttributeError(f"private: {name}")
        return object.__getattribute__(self, name)

    def ok(self):
        return "ok"


class Fallback:
    @property
    def p(self):
        raise AttributeError("p is not ready")

    @property
    def q(self):
        return "q"

    def __getattr__(self, name):
        return f"fallback for {name}"


class PropertyOnly:
    @property
    def p(self):
        raise AttributeError("p is not ready")


class Both:
    def __getattribute__(self, name):
        raise AttributeError("from __getattribute__")

    def __getattr__(self, name):
        raise AttributeError(f"from __getattr__ ({name})")


def show(thunk):
    try:
        print(thunk())
    except AttributeError as e:
        print("AttributeError:", e)


show(lambda: Lazy().x)
show(lambda: Lazy().method())
show(lambda: getattr(Lazy(), "y"))
print(getattr(Lazy(), "y", "default"), hasattr(Lazy(), "y"))
show(lambda: Guarded()._secret)
show(lambda: Guarded().ok())
show(lambda: Guarded().missing)
show(lambda: Fallback().p)
show(lambda: Fallback().q)
show(lambda: Fallback().other)
show(lambda: PropertyOnly().p)
show(lambda: Both().anything)
print(getattr(Both(), "anything", "default"))

# Classes with bases, keywords and decorators.
class A:
    pass

class B(A, object, metaclass=Meta, **extra):
    x = 1
    def method(self, *args):
        return super().method(*args)

@dataclass(frozen=True)
class C(*bases):
    y: int = 0
    z: str

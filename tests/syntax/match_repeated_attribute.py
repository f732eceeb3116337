match y:
    case Foo(a=1, a=2):
        pass

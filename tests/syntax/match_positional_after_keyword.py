match y:
    case Foo(a=1, b):
        pass

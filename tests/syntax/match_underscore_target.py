match y:
    case x as _:
        pass

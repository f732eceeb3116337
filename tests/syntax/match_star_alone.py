match y:
    case *x:
        pass

match y:
    case x:
        pass
    case 1:
        pass

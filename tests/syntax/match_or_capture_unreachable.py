match y:
    case x \| 1:
        pass

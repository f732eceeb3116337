print(1, *x.real for x in (1, 2) if x)

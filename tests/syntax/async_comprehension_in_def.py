def f(y):
    g = (x async for x in y)
    return [x async for x in y]

# float.__getformat__, which unittest's test.support asks at import: the storage of C doubles/floats.
print(float.__getformat__("double"), float.__getformat__("float"))
for bad in ("x", 1):
    try:
        float.__getformat__(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(float.__getformat__.__doc__.splitlines()[0])

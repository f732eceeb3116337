# complex numbers: literals, construction, arithmetic with int and float, repr, hash, errors.
print(1j, 2 + 3j, (1 - 2j) * (3 + 4j), (1 + 2j) / (3 - 4j), abs(3 + 4j), -(1 + 1j), +(2j))
print(complex(1, 2), complex("1+2j"), complex(" (3-4j) "), complex("2.5"), complex("-j"), complex(), complex(2j, 1))
print((1 + 2j) == complex(1, 2), 1 + 0j == 1, hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), (2j) ** 2, (1 + 1j) ** -1)
print((0.1 + 0.2j).real, (0.1 + 0.2j).imag, (3 - 4j).conjugate(), complex(-0.0, -1), complex(1e20, -1e-5), bool(0j))
print(type(1j).__name__, isinstance(1j, complex), 2 * 1j - 1, 1j * 1j, 1.5 + 2j, 3 - 1j, {1j: "k"}[1j])
for bad in [lambda: 1j / 0, lambda: complex("x"), lambda: 1j < 2j, lambda: complex([])]:
    try:
        bad()
    except (ZeroDivisionError, ValueError, TypeError) as e:
        print(type(e).__name__, e)

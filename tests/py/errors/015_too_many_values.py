# Unpacking a sequence of the wrong length.
a, b = [1, 2, 3]

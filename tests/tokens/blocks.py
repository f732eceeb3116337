# Nested blocks and dedents to several levels at once.
def f(x):
    if x:
        for i in range(x):
            while i:
                i -= 1
    return x


class A:
    def m(self):
        pass
y = 1

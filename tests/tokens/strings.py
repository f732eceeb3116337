s = 'a' "b" '''c
d''' """e""" r'\n' b'x' f'{y}' rb"z" u'u'
t = 'é€😀' + "tab	in string"
n = 0x1F + 1_000 + 1.5e-3 + 2j + .5
ops = a // b ** c != d <= e >= f -> g := h @= i ... j

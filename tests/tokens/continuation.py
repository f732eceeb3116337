x = (1,
     2,
  3)
y = [
    'a',   # comment inside brackets

    'b',
]
z = 1 + \
    2
w = {'k':
  'v'}
def f(a,
      b):
    return a + \
        b

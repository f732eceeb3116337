# atexit: functions run after the script ends, last registered first, with their arguments; an
# exception in one is reported and the rest still run; unregister() removes every registration.
import atexit


class Failing:
    def __call__(self):
        raise ValueError('boom')

    def __repr__(self):
        return '<Failing>'


def show(*args, **kwargs):
    print('show', args, sorted(kwargs.items()))


def dropped():
    print('never printed')


print(atexit.register(show, 1, 2, key='k') is show)
atexit.register(Failing())
atexit.register(dropped)
atexit.register(show, 'last registered')
atexit.register(dropped)
atexit.unregister(dropped)
try:
    atexit.register(5)
except TypeError as e:
    print(e)
print('script ends')

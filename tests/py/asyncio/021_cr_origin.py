# sys.set_coroutine_origin_tracking_depth: new coroutines record where they were made (cr_origin),
# and the "never awaited" warning then shows it.
import sys


async def job():
    pass


def make():
    return job()


def make_deeper():
    return make()


print(sys.get_coroutine_origin_tracking_depth())
c = job()
print(c.cr_origin)
c.close()

sys.set_coroutine_origin_tracking_depth(2)
print(sys.get_coroutine_origin_tracking_depth())
c = make_deeper()
print([(file.rsplit("/", 1)[-1], line, name) for file, line, name in c.cr_origin])
c.close()

sys.set_coroutine_origin_tracking_depth(10)
c = make_deeper()
print(len(c.cr_origin), c.cr_origin[-1][2])
c.close()

try:
    sys.set_coroutine_origin_tracking_depth(-1)
except ValueError as e:
    print("ValueError:", e)

sys.set_coroutine_origin_tracking_depth(3)
make_deeper()        # reported with where it was made
sys.set_coroutine_origin_tracking_depth(0)
c = make()
print(c.cr_origin)
c.close()
print("end")

# A profile or trace function takes effect at the very next call in the thread that sets it, even
# while other threads spin in tight loops and so serve the eval breaker all the time (minipy-ft
# once let another thread take the "hooks changed" signal, and the call went unseen).
import cProfile
import sys
import threading

ROUNDS = 300


def f():
    return 1


def hook_rounds(set_hook):
    # sys.setprofile or sys.settrace: either hears the 'call' of f.
    seen = 0
    for _ in range(ROUNDS):
        calls = []
        set_hook(lambda frame, event, arg: calls.append((event, frame.f_code.co_name)))
        f()
        set_hook(None)
        seen += ("call", "f") in calls
    return seen


def cprofile_rounds():
    seen = 0
    for _ in range(ROUNDS):
        p = cProfile.Profile()
        p.enable()
        f()
        p.disable()
        seen += any(getattr(e.code, "co_name", None) == "f" for e in p.getstats())
    return seen


stop = False


def spin():
    n = 0
    while not stop:
        n += 1


results = {}


def setter(name, rounds, *args):
    results[name] = rounds(*args)


spinners = [threading.Thread(target=spin) for _ in range(3)]
for t in spinners:
    t.start()
setters = [threading.Thread(target=setter, args=args)
           for args in (("setprofile", hook_rounds, sys.setprofile), ("settrace", hook_rounds, sys.settrace),
                        ("cProfile", cprofile_rounds))]
for t in setters:
    t.start()
for t in setters:
    t.join()
main_seen = hook_rounds(sys.setprofile)
stop = True
for t in spinners:
    t.join()
for name in sorted(results):
    print(name, "saw f's call in", results[name], "of", ROUNDS, "rounds")
print("main thread setprofile saw f's call in", main_seen, "of", ROUNDS, "rounds")

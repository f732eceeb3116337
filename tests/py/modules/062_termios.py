# The native termios module, CPython's interface to the terminal calls (tty.py builds on it), on a
# pseudo-terminal from os.openpty: attributes read, made raw by tty.setraw, restored; the window
# size; termios.error and the TypeErrors for bad arguments; the constants this system defines.
import termios, os, tty, sys
print(sorted(n for n in dir(termios) if not n.isupper() and not n.startswith("__")))
print(len([n for n in dir(termios) if n.isupper()]))
print(termios.error.__mro__, termios.TCSANOW, termios.VMIN, termios.NCCS, termios.B38400, termios.ECHO)
master, slave = os.openpty()
attrs = termios.tcgetattr(slave)
print(len(attrs), len(attrs[6]), [type(x).__name__ for x in attrs[:6]], type(attrs[6][0]).__name__)
tty.setraw(slave)
raw = termios.tcgetattr(slave)
print(raw[3] & termios.ECHO, raw[3] & termios.ICANON, raw[6][termios.VMIN], raw[6][termios.VTIME])
termios.tcsetattr(slave, termios.TCSANOW, attrs)
print(termios.tcgetattr(slave) == attrs)
termios.tcsetwinsize(slave, (24, 80))
print(termios.tcgetwinsize(slave))
termios.tcflush(slave, termios.TCIOFLUSH); termios.tcdrain(slave)
r, w = os.pipe()
for bad in [lambda: termios.tcgetattr(r), lambda: termios.tcgetattr(-1), lambda: termios.tcgetattr("x"),
            lambda: termios.tcsetattr(slave, termios.TCSANOW, [1,2]), lambda: termios.tcsetattr(slave, termios.TCSANOW, attrs[:6] + [[]]),
            lambda: termios.tcsetwinsize(slave, (1,)), lambda: termios.tcsetwinsize(slave, (-1, 5))]:
    try:
        bad(); print("no error")
    except Exception as e:
        print(type(e).__name__, e.args)
class F:
    def fileno(self): return slave
print(termios.tcgetattr(F()) == attrs)

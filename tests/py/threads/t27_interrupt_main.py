# _thread.interrupt_main(signum=SIGINT), CPython's: the main thread gets the signal as if it had
# arrived (KeyboardInterrupt by default; a Python handler runs; nothing when ignored), from the main
# thread, from another one while the main thread sleeps, and inside asyncio.run; bad numbers.
import _thread, signal, threading, time, asyncio
try:
    _thread.interrupt_main()
    for i in range(1000000): pass
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt")
got = []
signal.signal(signal.SIGUSR1, lambda n, f: got.append(n))
_thread.interrupt_main(signal.SIGUSR1)
for i in range(1000): pass
print(got)
signal.signal(signal.SIGINT, signal.SIG_IGN)
_thread.interrupt_main()
for i in range(1000): pass
print("ignored")
signal.signal(signal.SIGINT, signal.default_int_handler)
def later():
    time.sleep(0.2)
    _thread.interrupt_main()
threading.Thread(target=later).start()
try:
    time.sleep(5)
    print("slept")
except KeyboardInterrupt:
    print("sleep interrupted")
for bad in (0, 10000, "x"):
    try: _thread.interrupt_main(bad)
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
async def main():
    asyncio.get_running_loop().call_later(0.1, _thread.interrupt_main)
    await asyncio.sleep(5)
try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("asyncio.run interrupted")

# Ctrl-C during asyncio.run: CPython's Runner turns SIGINT into cancelling the main task, whose
# cleanup runs, and asyncio.run then raises KeyboardInterrupt. The signal is sent to the main
# thread while it waits in epoll, without the GIL.
import asyncio
import signal
import threading

main_thread = threading.get_ident()


async def main():
    threading.Timer(0.2, signal.pthread_kill, args=(main_thread, signal.SIGINT)).start()
    try:
        await asyncio.sleep(30)
    except asyncio.CancelledError:
        print("main task cancelled")
        raise
    finally:
        print("cleanup ran")


try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)

# The same I/O-bound job done the three ways the GIL tutorials give: threads, a process pool, and
# asyncio. The job: 50 simulated requests that each wait 0.1 s, then a real TCP echo of 2,000
# messages over the loopback interface (4 clients, each awaiting every reply; the echo server is
# the same thread-per-connection server for all three).
# What to look for, under `minipy`, `minipy-ft` and python3:
#   - the 50 waits take about 0.1 s with 50 threads and with asyncio (waiting lets go of the GIL,
#     and an event loop waits for all of them at once); the pool overlaps only as many as it has
#     processes (8 here), so about 0.7 s;
#   - the echo is bound by round trips: threads and processes each block in recv, asyncio runs
#     the 4 clients on one thread and pays the event loop's bookkeeping for every message;
#   - the last column is what each model costs: threads and processes are OS resources, asyncio
#     asks that every wait be an `await` (one blocking call stalls every task).
import asyncio
import socket
import threading
import time
from multiprocessing import Pool

REQUESTS = 50
WAIT = 0.1
MESSAGES = 2000
CLIENTS = 4
POOL_SIZE = 8


# ---- the echo server every model talks to ----

def serve_connection(conn):
    with conn:
        while data := conn.recv(4096):
            conn.sendall(data)


def start_echo_server():
    server = socket.create_server(("127.0.0.1", 0))

    def accept_forever():
        while True:
            try:
                conn, _ = server.accept()
            except OSError:  # the server socket was closed: the example is over
                return
            conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            threading.Thread(target=serve_connection, args=(conn,), daemon=True).start()

    threading.Thread(target=accept_forever, daemon=True).start()
    return server, server.getsockname()[1]


# ---- one client, blocking: what a thread or a process runs ----

def fake_request(i):
    time.sleep(WAIT)
    return i


def echo_client(port, count):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        received = 0
        for i in range(count):
            message = ("message %d\n" % i).encode()
            s.sendall(message)
            reply = b""
            while len(reply) < len(message):
                reply += s.recv(4096)
            received += len(reply)
        return received


def with_threads(port):
    results = [None] * REQUESTS
    threads = [threading.Thread(target=lambda i=i: results.__setitem__(i, fake_request(i)))
               for i in range(REQUESTS)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    waits = time.perf_counter() - start
    echoed = [0] * CLIENTS
    clients = [threading.Thread(target=lambda k=k: echoed.__setitem__(k, echo_client(port, MESSAGES // CLIENTS)))
               for k in range(CLIENTS)]
    start = time.perf_counter()
    for t in clients:
        t.start()
    for t in clients:
        t.join()
    return waits, time.perf_counter() - start, sum(echoed)


def with_processes(port):
    with Pool(POOL_SIZE) as pool:
        start = time.perf_counter()
        pool.map(fake_request, range(REQUESTS))
        waits = time.perf_counter() - start
        start = time.perf_counter()
        echoed = pool.starmap(echo_client, [(port, MESSAGES // CLIENTS)] * CLIENTS)
        return waits, time.perf_counter() - start, sum(echoed)


# ---- the same clients as coroutines: one thread, one event loop ----

async def async_request(i):
    await asyncio.sleep(WAIT)
    return i


async def async_echo_client(port, count):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    received = 0
    for i in range(count):
        writer.write(("message %d\n" % i).encode())
        await writer.drain()
        received += len(await reader.readline())
    writer.close()
    await writer.wait_closed()
    return received


async def with_asyncio_main(port):
    start = time.perf_counter()
    await asyncio.gather(*(async_request(i) for i in range(REQUESTS)))
    waits = time.perf_counter() - start
    start = time.perf_counter()
    echoed = await asyncio.gather(*(async_echo_client(port, MESSAGES // CLIENTS) for _ in range(CLIENTS)))
    return waits, time.perf_counter() - start, sum(echoed)


def with_asyncio(port):
    return asyncio.run(with_asyncio_main(port))


MODELS = [
    ("threads", with_threads, "an OS thread per request (stack, scheduler); GIL hand-offs"),
    ("process pool", with_processes, "8 processes: fork, pickling each call and result"),
    ("asyncio", with_asyncio, "one thread; every wait must be an await"),
]

if __name__ == "__main__":
    server, port = start_echo_server()
    print(f"{REQUESTS} waits of {WAIT} s, then an echo of {MESSAGES} messages by {CLIENTS} clients")
    print(f"{'model':<13} {'waits':>8} {'echo':>8} {'bytes':>7}  what it costs")
    for name, run, cost in MODELS:
        waits, echo, echoed = run(port)
        print(f"{name:<13} {waits:7.3f}s {echo:7.3f}s {echoed:>7}  {cost}")
    server.close()

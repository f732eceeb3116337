# asyncio_echo.py [N] — a loopback TCP echo over asyncio streams: one server (start_server on
# 127.0.0.1) and one client (open_connection) that sends N (default 10,000) lines, awaiting each
# echo before the next. Every round trip goes through the event loop twice on each side (selector
# wake-up, protocol callback, future, task step), so this measures the loop's per-message cost.
# Prints the message count, the bytes echoed and the time for the N round trips.
import asyncio
import sys
import time

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10000


async def echo(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        echoed = 0
        start = time.perf_counter()
        for i in range(N):
            writer.write(("message %d\n" % i).encode())
            await writer.drain()
            echoed += len(await reader.readline())
        elapsed = time.perf_counter() - start
        writer.close()
        await writer.wait_closed()
    return echoed, elapsed


echoed, elapsed = asyncio.run(main())
print(f"messages={N} bytes={echoed} time={elapsed:.3f}s")

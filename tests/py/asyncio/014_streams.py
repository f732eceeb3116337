# asyncio streams over the loopback interface: start_server and open_connection, an echo
# protocol with readline/readexactly/read, several clients at once, EOF, and a refused connection.
import asyncio
import socket


async def handle(reader, writer):
    peer = writer.get_extra_info("peername")
    while line := await reader.readline():
        writer.write(line.upper())
        await writer.drain()
    writer.write(b"bye " + str(peer[0]).encode() + b"\n")
    await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, name, count):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    replies = []
    for i in range(count):
        writer.write(("%s line %d\n" % (name, i)).encode())
        await writer.drain()
        replies.append(await reader.readline())
    writer.write_eof()
    replies.append(await reader.read())
    writer.close()
    await writer.wait_closed()
    return replies


async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    print(server.is_serving(), server.sockets[0].family == socket.AF_INET)
    async with server:
        print(await client(port, "solo", 3))
        results = await asyncio.gather(*(client(port, "c%d" % n, 20) for n in range(10)))
        print([len(r) for r in results], results[7][19], results[9][-1])

        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"abcdef\n")
        print(await reader.readexactly(3), await reader.readuntil(b"\n"))
        writer.close()
        await writer.wait_closed()
        try:
            await reader.readexactly(100)
        except asyncio.IncompleteReadError as e:
            print("IncompleteReadError:", e.partial, e.expected)
    print(server.is_serving())

    # nobody listens on this port now
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    free = s.getsockname()[1]
    s.close()
    try:
        await asyncio.open_connection("127.0.0.1", free)
    except ConnectionRefusedError as e:
        print(type(e).__name__, e.errno, str(e).replace(str(free), "PORT"))
    try:
        await asyncio.wait_for(asyncio.open_connection("127.0.0.1", None), 5)
    except (OSError, TypeError) as e:
        print(type(e).__name__)


asyncio.run(main())

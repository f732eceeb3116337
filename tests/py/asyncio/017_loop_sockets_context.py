# The event loop's lower levels on minipy's _socket: loop.sock_* calls on non-blocking sockets, a
# UDP datagram endpoint, a Protocol-based TCP server, and contextvars copied into each task.
import asyncio
import contextvars
import socket

request_id = contextvars.ContextVar("request_id", default="none")


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport

    def data_received(self, data):
        self.transport.write(data[::-1])


class Datagrams(asyncio.DatagramProtocol):
    def __init__(self, received):
        self.received = received

    def connection_made(self, transport):
        self.transport = transport

    def datagram_received(self, data, addr):
        self.received.put_nowait(data)
        self.transport.sendto(data.upper(), addr)


async def handler(n):
    request_id.set("request %d" % n)
    await asyncio.sleep(0.01 * (3 - n))
    return request_id.get()


async def main():
    loop = asyncio.get_running_loop()

    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    await loop.sock_sendall(a, b"through sock_sendall")
    print(await loop.sock_recv(b, 100))
    a.close()
    b.close()

    server = await loop.create_server(Echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    s = socket.socket()
    s.setblocking(False)
    await loop.sock_connect(s, ("127.0.0.1", port))
    await loop.sock_sendall(s, b"stressed")
    print(await loop.sock_recv(s, 100))
    s.close()
    server.close()
    await server.wait_closed()

    received = asyncio.Queue()
    transport, _ = await loop.create_datagram_endpoint(lambda: Datagrams(received),
                                                       local_addr=("127.0.0.1", 0))
    address = transport.get_extra_info("sockname")
    client = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    client.setblocking(False)
    await loop.sock_sendto(client, b"datagram", address)
    print(await received.get(), await loop.sock_recv(client, 100))
    client.close()
    transport.close()

    request_id.set("main")
    print(await asyncio.gather(*(asyncio.create_task(handler(n)) for n in range(3))))
    print(request_id.get())
    ctx = contextvars.copy_context()
    # run_in_executor does not carry the context over (asyncio.to_thread does)
    print(ctx.run(request_id.get), await loop.run_in_executor(None, request_id.get),
          await asyncio.to_thread(request_id.get))


asyncio.run(main())

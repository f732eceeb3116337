# socket.gethostbyname_ex and gethostbyaddr (socket.getfqdn uses it; asyncio's tests call it) for
# localhost, with CPython's errors: gaierror for a name that does not resolve, herror for a
# lookup that fails, OSError for the wildcard address.
import socket
print(socket.gethostbyname_ex('127.0.0.1'), socket.gethostbyname_ex('localhost')[2])
print(socket.gethostbyaddr('127.0.0.1')[2], socket.gethostbyaddr('localhost')[2])
print(socket.getfqdn('127.0.0.1') != '')
for bad in ['no.such.host.invalid', '']:
    for f in (socket.gethostbyaddr, socket.gethostbyname_ex):
        try: print(f(bad))
        except OSError as e: print(type(e).__name__, type(e.args[0]).__name__)

# The socket module's constants beyond the everyday ones (asyncio and its tests use SOL_TCP,
# IP_MULTICAST_*, MSG_MORE...), from the system's headers under CPython's names and values.
import socket

names = ["SOL_TCP", "IPPROTO_ICMPV6", "IPPROTO_SCTP", "IPPROTO_UDPLITE", "MSG_MORE", "MSG_CONFIRM",
         "MSG_ERRQUEUE", "MSG_FASTOPEN", "IP_MULTICAST_TTL", "IP_MULTICAST_LOOP", "IP_ADD_MEMBERSHIP",
         "IP_HDRINCL", "IP_TRANSPARENT", "IPV6_JOIN_GROUP", "IPV6_MULTICAST_HOPS", "IPV6_RECVPKTINFO",
         "TCP_CORK", "TCP_QUICKACK", "TCP_USER_TIMEOUT", "TCP_NOTSENT_LOWAT", "SO_PEERCRED", "SO_PASSCRED",
         "SO_BINDTODEVICE", "SO_PRIORITY", "SO_MARK", "SCM_CREDENTIALS", "SOCK_RDM", "AF_PACKET",
         "AF_NETLINK", "AF_CAN", "AF_ALG", "AF_VSOCK", "AF_TIPC", "AF_QIPCRTR", "PF_CAN", "CAN_RAW", "CAN_EFF_FLAG",
         "CAN_RAW_FILTER", "CAN_ISOTP", "CAN_J1939", "NETLINK_ROUTE", "PACKET_HOST", "PACKET_OUTGOING",
         "TIPC_ADDR_NAME", "VMADDR_CID_ANY", "ALG_SET_KEY", "INADDR_ALLHOSTS_GROUP", "IPPORT_RESERVED",
         "EAI_OVERFLOW", "NI_NAMEREQD", "SOMAXCONN"]
for name in names:
    print(name, getattr(socket, name))

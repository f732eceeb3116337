// termios_module.cpp — the native `termios` module, CPython's interface to the POSIX terminal calls:
// tcgetattr/tcsetattr (the 7-item attribute list tty.py edits), tcsendbreak, tcdrain, tcflush,
// tcflow, tcgetwinsize/tcsetwinsize, termios.error, and the <termios.h>/<sys/ioctl.h> constants
// this system defines (each under #ifdef: a name the headers lack is left out, as in CPython).
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

#include "modules/exception_class.h"
#include "modules/posix_module.h"
#include "modules/registry.h"
#include "objects/abstract.h"
#include "objects/bytes.h"
#include "objects/class.h"
#include "objects/containers.h"
#include "objects/errors.h"
#include "objects/exceptions.h"
#include "objects/int.h"
#include "objects/module.h"
#include "objects/native_function.h"
#include "objects/str.h"

namespace minipy {

namespace {

using Args = Object* const*;

Object* g_error = nullptr;  // termios.error, a subclass of Exception

// termios.error(errno, strerror) for the errno a call left.
[[noreturn]] void raise_termios_error() {
    int saved = errno;
    Object* args[] = {int_from_i64(saved).release(), str_new(std::strerror(saved)).release()};
    Ref exc = call(g_error, args, 2);
    decref(args[0]);
    decref(args[1]);
    raise_object(std::move(exc));
}

// The items of a list (or any iterable), each held.
std::vector<Ref> items_of(Object* iterable) {
    std::vector<Ref> items;
    for_each_item(iterable, [&](Object* item) { items.push_back(Ref::borrow(item)); });
    return items;
}

// [iflag, oflag, cflag, lflag, ispeed, ospeed, cc]: cc holds one-byte bytes, except VMIN and VTIME,
// which are ints when the terminal is not in canonical mode.
Ref termios_tcgetattr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tcgetattr", nargs, kw, 1, 1);
    struct termios mode;
    if (tcgetattr(object_as_fd(args[0]), &mode) == -1) raise_termios_error();
    Ref cc = list_new();
    bool canonical = (mode.c_lflag & ICANON) != 0;
    for (int i = 0; i < NCCS; ++i) {
        Ref item = !canonical && (i == VMIN || i == VTIME)
                       ? int_from_i64(mode.c_cc[i])
                       : bytes_new(std::string(1, static_cast<char>(mode.c_cc[i])));
        list_append(cc.get(), item.get());
    }
    Ref items[] = {int_from_i64(mode.c_iflag),
                   int_from_i64(mode.c_oflag),
                   int_from_i64(mode.c_cflag),
                   int_from_i64(mode.c_lflag),
                   int_from_i64(cfgetispeed(&mode)),
                   int_from_i64(cfgetospeed(&mode)),
                   cc};
    Ref result = list_new();
    for (Ref& item : items) list_append(result.get(), item.get());
    return result;
}

Ref termios_tcsetattr(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tcsetattr", nargs, kw, 3, 3);
    int fd = object_as_fd(args[0]);
    int when = int_arg(args[1]);
    std::vector<Ref> attrs;
    if (is_instance(args[2], &list_type)) attrs = items_of(args[2]);
    if (attrs.size() != 7) raise(&TypeError_type, "tcsetattr, arg 3: must be 7 element list");
    struct termios mode;
    if (tcgetattr(fd, &mode) == -1) raise_termios_error();
    mode.c_iflag = static_cast<tcflag_t>(as_index(attrs[0].get()));
    mode.c_oflag = static_cast<tcflag_t>(as_index(attrs[1].get()));
    mode.c_cflag = static_cast<tcflag_t>(as_index(attrs[2].get()));
    mode.c_lflag = static_cast<tcflag_t>(as_index(attrs[3].get()));
    speed_t ispeed = static_cast<speed_t>(as_index(attrs[4].get()));
    speed_t ospeed = static_cast<speed_t>(as_index(attrs[5].get()));
    std::vector<Ref> cc;
    if (is_instance(attrs[6].get(), &list_type)) cc = items_of(attrs[6].get());
    if (cc.size() != NCCS)
        raise(&TypeError_type, format("tcsetattr: attributes[6] must be %d element list", NCCS));
    for (int i = 0; i < NCCS; ++i) {
        Object* v = cc[i].get();
        if (is_instance(v, &bytes_type) && bytes_data(v).size() == 1) {
            mode.c_cc[i] = static_cast<cc_t>(bytes_data(v)[0]);
        } else if (is_int(v)) {
            mode.c_cc[i] = static_cast<cc_t>(as_index(v));
        } else {
            raise(&TypeError_type, "tcsetattr: elements of attributes must be characters or integers");
        }
    }
    if (cfsetispeed(&mode, ispeed) == -1) raise_termios_error();
    if (cfsetospeed(&mode, ospeed) == -1) raise_termios_error();
    if (tcsetattr(fd, when, &mode) == -1) raise_termios_error();
    return Ref::borrow(None);
}

// The calls that take a file descriptor and one int: tcsendbreak, tcflush, tcflow.
template <int (*Call)(int, int)>
Ref fd_and_int(const char* name, Args args, size_t nargs, Tuple* kw) {
    check_positional(name, nargs, kw, 2, 2);
    int fd = object_as_fd(args[0]);
    if (Call(fd, int_arg(args[1])) == -1) raise_termios_error();
    return Ref::borrow(None);
}

Ref termios_tcsendbreak(Object*, Args args, size_t nargs, Tuple* kw) {
    return fd_and_int<tcsendbreak>("tcsendbreak", args, nargs, kw);
}
Ref termios_tcflush(Object*, Args args, size_t nargs, Tuple* kw) {
    return fd_and_int<tcflush>("tcflush", args, nargs, kw);
}
Ref termios_tcflow(Object*, Args args, size_t nargs, Tuple* kw) {
    return fd_and_int<tcflow>("tcflow", args, nargs, kw);
}

Ref termios_tcdrain(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tcdrain", nargs, kw, 1, 1);
    if (tcdrain(object_as_fd(args[0])) == -1) raise_termios_error();
    return Ref::borrow(None);
}

// (rows, columns) of the terminal's window.
Ref termios_tcgetwinsize(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tcgetwinsize", nargs, kw, 1, 1);
    struct winsize size;
    if (ioctl(object_as_fd(args[0]), TIOCGWINSZ, &size) == -1) raise_termios_error();
    Object* items[] = {int_from_i64(size.ws_row).release(), int_from_i64(size.ws_col).release()};
    Ref result = tuple_from(items, 2);
    decref(items[0]);
    decref(items[1]);
    return result;
}

Ref termios_tcsetwinsize(Object*, Args args, size_t nargs, Tuple* kw) {
    check_positional("tcsetwinsize", nargs, kw, 2, 2);
    int fd = object_as_fd(args[0]);
    std::vector<Ref> items = items_of(args[1]);
    if (items.size() != 2) raise(&TypeError_type, "tcsetwinsize, arg 2: must be a two-item sequence");
    struct winsize size;
    if (ioctl(fd, TIOCGWINSZ, &size) == -1) raise_termios_error();
    int64_t rows = as_index(items[0].get());
    int64_t cols = as_index(items[1].get());
    if (rows < 0 || rows > 0xffff || cols < 0 || cols > 0xffff)
        raise(&OverflowError_type, "winsize value(s) out of range.");
    size.ws_row = static_cast<unsigned short>(rows);
    size.ws_col = static_cast<unsigned short>(cols);
    if (ioctl(fd, TIOCSWINSZ, &size) == -1) raise_termios_error();
    return Ref::borrow(None);
}

const MethodDef kTermiosFunctions[] = {
    {"tcgetattr", termios_tcgetattr, "Get the tty attributes for file descriptor fd."},
    {"tcsetattr", termios_tcsetattr, "Set the tty attributes for file descriptor fd."},
    {"tcsendbreak", termios_tcsendbreak, "Send a break on file descriptor fd."},
    {"tcdrain", termios_tcdrain, "Wait until all output written to file descriptor fd has been transmitted."},
    {"tcflush", termios_tcflush, "Discard queued data on file descriptor fd."},
    {"tcflow", termios_tcflow, "Suspend or resume input or output on file descriptor fd."},
    {"tcgetwinsize", termios_tcgetwinsize, "Get the tty winsize for file descriptor fd."},
    {"tcsetwinsize", termios_tcsetwinsize, "Set the tty winsize for file descriptor fd."},
    {nullptr, nullptr, nullptr},
};

}  // namespace

Ref init_termios_module() {
    Ref module = native_module_new("termios", kTermiosFunctions);
    Dict* d = module_dict(module.get());
    if (!g_error) {
        g_error = new_exception_class("termios", "error", {&Exception_type}).release();
    }
    dict_set(d, intern("error"), g_error);
    auto add = [d](const char* name, long long value) {
        dict_set(d, intern(name), int_from_i64(value).get());
    };
    // clang-format off
#ifdef B0
    add("B0", B0);
#endif
#ifdef B1000000
    add("B1000000", B1000000);
#endif
#ifdef B110
    add("B110", B110);
#endif
#ifdef B115200
    add("B115200", B115200);
#endif
#ifdef B1152000
    add("B1152000", B1152000);
#endif
#ifdef B1200
    add("B1200", B1200);
#endif
#ifdef B134
    add("B134", B134);
#endif
#ifdef B150
    add("B150", B150);
#endif
#ifdef B1500000
    add("B1500000", B1500000);
#endif
#ifdef B1800
    add("B1800", B1800);
#endif
#ifdef B19200
    add("B19200", B19200);
#endif
#ifdef B200
    add("B200", B200);
#endif
#ifdef B2000000
    add("B2000000", B2000000);
#endif
#ifdef B230400
    add("B230400", B230400);
#endif
#ifdef B2400
    add("B2400", B2400);
#endif
#ifdef B2500000
    add("B2500000", B2500000);
#endif
#ifdef B300
    add("B300", B300);
#endif
#ifdef B3000000
    add("B3000000", B3000000);
#endif
#ifdef B3500000
    add("B3500000", B3500000);
#endif
#ifdef B38400
    add("B38400", B38400);
#endif
#ifdef B4000000
    add("B4000000", B4000000);
#endif
#ifdef B460800
    add("B460800", B460800);
#endif
#ifdef B4800
    add("B4800", B4800);
#endif
#ifdef B50
    add("B50", B50);
#endif
#ifdef B500000
    add("B500000", B500000);
#endif
#ifdef B57600
    add("B57600", B57600);
#endif
#ifdef B576000
    add("B576000", B576000);
#endif
#ifdef B600
    add("B600", B600);
#endif
#ifdef B75
    add("B75", B75);
#endif
#ifdef B921600
    add("B921600", B921600);
#endif
#ifdef B9600
    add("B9600", B9600);
#endif
#ifdef BRKINT
    add("BRKINT", BRKINT);
#endif
#ifdef BS0
    add("BS0", BS0);
#endif
#ifdef BS1
    add("BS1", BS1);
#endif
#ifdef BSDLY
    add("BSDLY", BSDLY);
#endif
#ifdef CBAUD
    add("CBAUD", CBAUD);
#endif
#ifdef CBAUDEX
    add("CBAUDEX", CBAUDEX);
#endif
#ifdef CDSUSP
    add("CDSUSP", CDSUSP);
#endif
#ifdef CEOF
    add("CEOF", CEOF);
#endif
#ifdef CEOL
    add("CEOL", CEOL);
#endif
#ifdef CEOT
    add("CEOT", CEOT);
#endif
#ifdef CERASE
    add("CERASE", CERASE);
#endif
#ifdef CFLUSH
    add("CFLUSH", CFLUSH);
#endif
#ifdef CIBAUD
    add("CIBAUD", CIBAUD);
#endif
#ifdef CINTR
    add("CINTR", CINTR);
#endif
#ifdef CKILL
    add("CKILL", CKILL);
#endif
#ifdef CLNEXT
    add("CLNEXT", CLNEXT);
#endif
#ifdef CLOCAL
    add("CLOCAL", CLOCAL);
#endif
#ifdef CQUIT
    add("CQUIT", CQUIT);
#endif
#ifdef CR0
    add("CR0", CR0);
#endif
#ifdef CR1
    add("CR1", CR1);
#endif
#ifdef CR2
    add("CR2", CR2);
#endif
#ifdef CR3
    add("CR3", CR3);
#endif
#ifdef CRDLY
    add("CRDLY", CRDLY);
#endif
#ifdef CREAD
    add("CREAD", CREAD);
#endif
#ifdef CRPRNT
    add("CRPRNT", CRPRNT);
#endif
#ifdef CRTSCTS
    add("CRTSCTS", CRTSCTS);
#endif
#ifdef CS5
    add("CS5", CS5);
#endif
#ifdef CS6
    add("CS6", CS6);
#endif
#ifdef CS7
    add("CS7", CS7);
#endif
#ifdef CS8
    add("CS8", CS8);
#endif
#ifdef CSIZE
    add("CSIZE", CSIZE);
#endif
#ifdef CSTART
    add("CSTART", CSTART);
#endif
#ifdef CSTOP
    add("CSTOP", CSTOP);
#endif
#ifdef CSTOPB
    add("CSTOPB", CSTOPB);
#endif
#ifdef CSUSP
    add("CSUSP", CSUSP);
#endif
#ifdef CWERASE
    add("CWERASE", CWERASE);
#endif
#ifdef ECHO
    add("ECHO", ECHO);
#endif
#ifdef ECHOCTL
    add("ECHOCTL", ECHOCTL);
#endif
#ifdef ECHOE
    add("ECHOE", ECHOE);
#endif
#ifdef ECHOK
    add("ECHOK", ECHOK);
#endif
#ifdef ECHOKE
    add("ECHOKE", ECHOKE);
#endif
#ifdef ECHONL
    add("ECHONL", ECHONL);
#endif
#ifdef ECHOPRT
    add("ECHOPRT", ECHOPRT);
#endif
#ifdef EXTA
    add("EXTA", EXTA);
#endif
#ifdef EXTB
    add("EXTB", EXTB);
#endif
#ifdef FF0
    add("FF0", FF0);
#endif
#ifdef FF1
    add("FF1", FF1);
#endif
#ifdef FFDLY
    add("FFDLY", FFDLY);
#endif
#ifdef FIOASYNC
    add("FIOASYNC", FIOASYNC);
#endif
#ifdef FIOCLEX
    add("FIOCLEX", FIOCLEX);
#endif
#ifdef FIONBIO
    add("FIONBIO", FIONBIO);
#endif
#ifdef FIONCLEX
    add("FIONCLEX", FIONCLEX);
#endif
#ifdef FIONREAD
    add("FIONREAD", FIONREAD);
#endif
#ifdef FLUSHO
    add("FLUSHO", FLUSHO);
#endif
#ifdef HUPCL
    add("HUPCL", HUPCL);
#endif
#ifdef ICANON
    add("ICANON", ICANON);
#endif
#ifdef ICRNL
    add("ICRNL", ICRNL);
#endif
#ifdef IEXTEN
    add("IEXTEN", IEXTEN);
#endif
#ifdef IGNBRK
    add("IGNBRK", IGNBRK);
#endif
#ifdef IGNCR
    add("IGNCR", IGNCR);
#endif
#ifdef IGNPAR
    add("IGNPAR", IGNPAR);
#endif
#ifdef IMAXBEL
    add("IMAXBEL", IMAXBEL);
#endif
#ifdef INLCR
    add("INLCR", INLCR);
#endif
#ifdef INPCK
    add("INPCK", INPCK);
#endif
#ifdef IOCSIZE_MASK
    add("IOCSIZE_MASK", IOCSIZE_MASK);
#endif
#ifdef IOCSIZE_SHIFT
    add("IOCSIZE_SHIFT", IOCSIZE_SHIFT);
#endif
#ifdef ISIG
    add("ISIG", ISIG);
#endif
#ifdef ISTRIP
    add("ISTRIP", ISTRIP);
#endif
#ifdef IUCLC
    add("IUCLC", IUCLC);
#endif
#ifdef IXANY
    add("IXANY", IXANY);
#endif
#ifdef IXOFF
    add("IXOFF", IXOFF);
#endif
#ifdef IXON
    add("IXON", IXON);
#endif
#ifdef NCC
    add("NCC", NCC);
#endif
#ifdef NCCS
    add("NCCS", NCCS);
#endif
#ifdef NL0
    add("NL0", NL0);
#endif
#ifdef NL1
    add("NL1", NL1);
#endif
#ifdef NLDLY
    add("NLDLY", NLDLY);
#endif
#ifdef NOFLSH
    add("NOFLSH", NOFLSH);
#endif
#ifdef N_MOUSE
    add("N_MOUSE", N_MOUSE);
#endif
#ifdef N_PPP
    add("N_PPP", N_PPP);
#endif
#ifdef N_SLIP
    add("N_SLIP", N_SLIP);
#endif
#ifdef N_STRIP
    add("N_STRIP", N_STRIP);
#endif
#ifdef N_TTY
    add("N_TTY", N_TTY);
#endif
#ifdef OCRNL
    add("OCRNL", OCRNL);
#endif
#ifdef OFDEL
    add("OFDEL", OFDEL);
#endif
#ifdef OFILL
    add("OFILL", OFILL);
#endif
#ifdef OLCUC
    add("OLCUC", OLCUC);
#endif
#ifdef ONLCR
    add("ONLCR", ONLCR);
#endif
#ifdef ONLRET
    add("ONLRET", ONLRET);
#endif
#ifdef ONOCR
    add("ONOCR", ONOCR);
#endif
#ifdef OPOST
    add("OPOST", OPOST);
#endif
#ifdef PARENB
    add("PARENB", PARENB);
#endif
#ifdef PARMRK
    add("PARMRK", PARMRK);
#endif
#ifdef PARODD
    add("PARODD", PARODD);
#endif
#ifdef PENDIN
    add("PENDIN", PENDIN);
#endif
#ifdef TAB0
    add("TAB0", TAB0);
#endif
#ifdef TAB1
    add("TAB1", TAB1);
#endif
#ifdef TAB2
    add("TAB2", TAB2);
#endif
#ifdef TAB3
    add("TAB3", TAB3);
#endif
#ifdef TABDLY
    add("TABDLY", TABDLY);
#endif
#ifdef TCFLSH
    add("TCFLSH", TCFLSH);
#endif
#ifdef TCGETA
    add("TCGETA", TCGETA);
#endif
#ifdef TCGETS
    add("TCGETS", TCGETS);
#endif
#ifdef TCIFLUSH
    add("TCIFLUSH", TCIFLUSH);
#endif
#ifdef TCIOFF
    add("TCIOFF", TCIOFF);
#endif
#ifdef TCIOFLUSH
    add("TCIOFLUSH", TCIOFLUSH);
#endif
#ifdef TCION
    add("TCION", TCION);
#endif
#ifdef TCOFLUSH
    add("TCOFLUSH", TCOFLUSH);
#endif
#ifdef TCOOFF
    add("TCOOFF", TCOOFF);
#endif
#ifdef TCOON
    add("TCOON", TCOON);
#endif
#ifdef TCSADRAIN
    add("TCSADRAIN", TCSADRAIN);
#endif
#ifdef TCSAFLUSH
    add("TCSAFLUSH", TCSAFLUSH);
#endif
#ifdef TCSANOW
    add("TCSANOW", TCSANOW);
#endif
#ifdef TCSBRK
    add("TCSBRK", TCSBRK);
#endif
#ifdef TCSBRKP
    add("TCSBRKP", TCSBRKP);
#endif
#ifdef TCSETA
    add("TCSETA", TCSETA);
#endif
#ifdef TCSETAF
    add("TCSETAF", TCSETAF);
#endif
#ifdef TCSETAW
    add("TCSETAW", TCSETAW);
#endif
#ifdef TCSETS
    add("TCSETS", TCSETS);
#endif
#ifdef TCSETSF
    add("TCSETSF", TCSETSF);
#endif
#ifdef TCSETSW
    add("TCSETSW", TCSETSW);
#endif
#ifdef TCXONC
    add("TCXONC", TCXONC);
#endif
#ifdef TIOCCONS
    add("TIOCCONS", TIOCCONS);
#endif
#ifdef TIOCEXCL
    add("TIOCEXCL", TIOCEXCL);
#endif
#ifdef TIOCGETD
    add("TIOCGETD", TIOCGETD);
#endif
#ifdef TIOCGICOUNT
    add("TIOCGICOUNT", TIOCGICOUNT);
#endif
#ifdef TIOCGLCKTRMIOS
    add("TIOCGLCKTRMIOS", TIOCGLCKTRMIOS);
#endif
#ifdef TIOCGPGRP
    add("TIOCGPGRP", TIOCGPGRP);
#endif
#ifdef TIOCGSERIAL
    add("TIOCGSERIAL", TIOCGSERIAL);
#endif
#ifdef TIOCGSOFTCAR
    add("TIOCGSOFTCAR", TIOCGSOFTCAR);
#endif
#ifdef TIOCGWINSZ
    add("TIOCGWINSZ", TIOCGWINSZ);
#endif
#ifdef TIOCINQ
    add("TIOCINQ", TIOCINQ);
#endif
#ifdef TIOCLINUX
    add("TIOCLINUX", TIOCLINUX);
#endif
#ifdef TIOCMBIC
    add("TIOCMBIC", TIOCMBIC);
#endif
#ifdef TIOCMBIS
    add("TIOCMBIS", TIOCMBIS);
#endif
#ifdef TIOCMGET
    add("TIOCMGET", TIOCMGET);
#endif
#ifdef TIOCMIWAIT
    add("TIOCMIWAIT", TIOCMIWAIT);
#endif
#ifdef TIOCMSET
    add("TIOCMSET", TIOCMSET);
#endif
#ifdef TIOCM_CAR
    add("TIOCM_CAR", TIOCM_CAR);
#endif
#ifdef TIOCM_CD
    add("TIOCM_CD", TIOCM_CD);
#endif
#ifdef TIOCM_CTS
    add("TIOCM_CTS", TIOCM_CTS);
#endif
#ifdef TIOCM_DSR
    add("TIOCM_DSR", TIOCM_DSR);
#endif
#ifdef TIOCM_DTR
    add("TIOCM_DTR", TIOCM_DTR);
#endif
#ifdef TIOCM_LE
    add("TIOCM_LE", TIOCM_LE);
#endif
#ifdef TIOCM_RI
    add("TIOCM_RI", TIOCM_RI);
#endif
#ifdef TIOCM_RNG
    add("TIOCM_RNG", TIOCM_RNG);
#endif
#ifdef TIOCM_RTS
    add("TIOCM_RTS", TIOCM_RTS);
#endif
#ifdef TIOCM_SR
    add("TIOCM_SR", TIOCM_SR);
#endif
#ifdef TIOCM_ST
    add("TIOCM_ST", TIOCM_ST);
#endif
#ifdef TIOCNOTTY
    add("TIOCNOTTY", TIOCNOTTY);
#endif
#ifdef TIOCNXCL
    add("TIOCNXCL", TIOCNXCL);
#endif
#ifdef TIOCOUTQ
    add("TIOCOUTQ", TIOCOUTQ);
#endif
#ifdef TIOCPKT
    add("TIOCPKT", TIOCPKT);
#endif
#ifdef TIOCPKT_DATA
    add("TIOCPKT_DATA", TIOCPKT_DATA);
#endif
#ifdef TIOCPKT_DOSTOP
    add("TIOCPKT_DOSTOP", TIOCPKT_DOSTOP);
#endif
#ifdef TIOCPKT_FLUSHREAD
    add("TIOCPKT_FLUSHREAD", TIOCPKT_FLUSHREAD);
#endif
#ifdef TIOCPKT_FLUSHWRITE
    add("TIOCPKT_FLUSHWRITE", TIOCPKT_FLUSHWRITE);
#endif
#ifdef TIOCPKT_NOSTOP
    add("TIOCPKT_NOSTOP", TIOCPKT_NOSTOP);
#endif
#ifdef TIOCPKT_START
    add("TIOCPKT_START", TIOCPKT_START);
#endif
#ifdef TIOCPKT_STOP
    add("TIOCPKT_STOP", TIOCPKT_STOP);
#endif
#ifdef TIOCSCTTY
    add("TIOCSCTTY", TIOCSCTTY);
#endif
#ifdef TIOCSERCONFIG
    add("TIOCSERCONFIG", TIOCSERCONFIG);
#endif
#ifdef TIOCSERGETLSR
    add("TIOCSERGETLSR", TIOCSERGETLSR);
#endif
#ifdef TIOCSERGETMULTI
    add("TIOCSERGETMULTI", TIOCSERGETMULTI);
#endif
#ifdef TIOCSERGSTRUCT
    add("TIOCSERGSTRUCT", TIOCSERGSTRUCT);
#endif
#ifdef TIOCSERGWILD
    add("TIOCSERGWILD", TIOCSERGWILD);
#endif
#ifdef TIOCSERSETMULTI
    add("TIOCSERSETMULTI", TIOCSERSETMULTI);
#endif
#ifdef TIOCSERSWILD
    add("TIOCSERSWILD", TIOCSERSWILD);
#endif
#ifdef TIOCSER_TEMT
    add("TIOCSER_TEMT", TIOCSER_TEMT);
#endif
#ifdef TIOCSETD
    add("TIOCSETD", TIOCSETD);
#endif
#ifdef TIOCSLCKTRMIOS
    add("TIOCSLCKTRMIOS", TIOCSLCKTRMIOS);
#endif
#ifdef TIOCSPGRP
    add("TIOCSPGRP", TIOCSPGRP);
#endif
#ifdef TIOCSSERIAL
    add("TIOCSSERIAL", TIOCSSERIAL);
#endif
#ifdef TIOCSSOFTCAR
    add("TIOCSSOFTCAR", TIOCSSOFTCAR);
#endif
#ifdef TIOCSTI
    add("TIOCSTI", TIOCSTI);
#endif
#ifdef TIOCSWINSZ
    add("TIOCSWINSZ", TIOCSWINSZ);
#endif
#ifdef TOSTOP
    add("TOSTOP", TOSTOP);
#endif
#ifdef VDISCARD
    add("VDISCARD", VDISCARD);
#endif
#ifdef VEOF
    add("VEOF", VEOF);
#endif
#ifdef VEOL
    add("VEOL", VEOL);
#endif
#ifdef VEOL2
    add("VEOL2", VEOL2);
#endif
#ifdef VERASE
    add("VERASE", VERASE);
#endif
#ifdef VINTR
    add("VINTR", VINTR);
#endif
#ifdef VKILL
    add("VKILL", VKILL);
#endif
#ifdef VLNEXT
    add("VLNEXT", VLNEXT);
#endif
#ifdef VMIN
    add("VMIN", VMIN);
#endif
#ifdef VQUIT
    add("VQUIT", VQUIT);
#endif
#ifdef VREPRINT
    add("VREPRINT", VREPRINT);
#endif
#ifdef VSTART
    add("VSTART", VSTART);
#endif
#ifdef VSTOP
    add("VSTOP", VSTOP);
#endif
#ifdef VSUSP
    add("VSUSP", VSUSP);
#endif
#ifdef VSWTC
    add("VSWTC", VSWTC);
#endif
#ifdef VSWTCH
    add("VSWTCH", VSWTCH);
#endif
#ifdef VT0
    add("VT0", VT0);
#endif
#ifdef VT1
    add("VT1", VT1);
#endif
#ifdef VTDLY
    add("VTDLY", VTDLY);
#endif
#ifdef VTIME
    add("VTIME", VTIME);
#endif
#ifdef VWERASE
    add("VWERASE", VWERASE);
#endif
#ifdef XCASE
    add("XCASE", XCASE);
#endif
#ifdef XTABS
    add("XTABS", XTABS);
#endif
    // clang-format on
#if defined(VSWTC) && !defined(VSWTCH)
    add("VSWTCH", VSWTC);  // CPython's alias
#endif
    return module;
}

}  // namespace minipy

#!/usr/bin/env python3
"""Hostile HTTP clients for tests/api-abuse.t and bench/bench-slowloris.sh.

  slow PORT SECONDS INTERVAL N ADDR...
      Slowloris: keep N connections open from the loopback addresses ADDR
      (spread evenly), each sending a request line and then one header
      line every INTERVAL seconds, never finishing; a connection the
      server closes is opened again.  Runs SECONDS, then prints
      "opened O held H closed C refused R" (H: open at the end).
  probe PORT SRC COUNT TIMEOUT
      GET /healthz COUNT times, one after the other, from address SRC,
      each on a new connection with TIMEOUT seconds to answer; prints
      "ok K failed F p50 X p99 Y max Z" (milliseconds).
  chunked PORT SECONDS [KEY]
      POST /api/chat/message with an endless chunked body for at most
      SECONDS; prints the status line answered (or "none") and
      "closed" or "open" for the connection, and the time taken.
  trickle PORT SECONDS KEY
      POST /api/chat/message announcing 1000 bytes and sending one every
      half second for at most SECONDS; prints like chunked.
  raw PORT TIMEOUT HEX
      Send the bytes HEX on a connection; print the first line answered,
      or "closed" when the server closes without a word, or "timeout".

Everything ends by itself within the time given.
"""
import selectors
import socket
import sys
import time


def connect(port, src, timeout):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.settimeout(timeout)
    s.bind((src, 0))
    s.connect(("127.0.0.1", port))
    return s


def slow(port, seconds, interval, n, addrs):
    sel = selectors.DefaultSelector()
    conns = {}          # socket -> (address, next send time)
    waiting = []        # (when, address): slots to open again
    opened = closed = refused = 0
    end = time.monotonic() + seconds

    def open_one(src):
        nonlocal opened, refused
        try:
            s = connect(port, src, 2)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            s.setblocking(False)
        except OSError:
            refused += 1
            waiting.append((time.monotonic() + 1, src))
            return
        opened += 1
        conns[s] = (src, time.monotonic() + interval)
        sel.register(s, selectors.EVENT_READ)

    def drop(s):
        # A slot the server closed is opened again a second later, as
        # a slowloris tool does, without hammering the listener.
        nonlocal closed
        sel.unregister(s)
        src = conns.pop(s)[0]
        s.close()
        closed += 1
        waiting.append((time.monotonic() + 1, src))

    for i in range(n):
        open_one(addrs[i % len(addrs)])
    while time.monotonic() < end:
        for key, _ in sel.select(timeout=0.05):
            s = key.fileobj
            try:
                data = s.recv(4096)
            except OSError:
                data = b""
            if not data:
                drop(s)
        now = time.monotonic()
        for s, (src, due) in list(conns.items()):
            if now < due:
                continue
            try:
                s.send(b"X-a: b\r\n")
                conns[s] = (src, now + interval)
            except OSError:
                drop(s)
        due = [w for w in waiting if w[0] <= now]
        waiting[:] = [w for w in waiting if w[0] > now]
        for _, src in due:
            open_one(src)
    held = len(conns)
    for s in list(conns):
        s.close()
    print("opened %d held %d closed %d refused %d" %
          (opened, held, closed, refused))


def probe(port, src, count, timeout):
    lat = []
    failed = 0
    for _ in range(count):
        t0 = time.monotonic()
        try:
            s = connect(port, src, timeout)
            s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
                      b"Connection: close\r\n\r\n")
            data = b""
            while True:
                b = s.recv(4096)
                if not b:
                    break
                data += b
            s.close()
            if data.startswith(b"HTTP/1.1 200"):
                lat.append((time.monotonic() - t0) * 1000)
            else:
                failed += 1
        except OSError:
            failed += 1
    lat.sort()

    def pct(p):
        if not lat:
            return float("nan")
        return lat[min(len(lat) - 1, int(len(lat) * p / 100))]
    print("ok %d failed %d p50 %.1f p99 %.1f max %.1f" %
          (len(lat), failed, pct(50), pct(99), lat[-1] if lat else
           float("nan")))


def chunked(port, seconds, key):
    t0 = time.monotonic()
    s = connect(port, "127.0.0.1", seconds)
    hdr = ("POST /api/chat/message HTTP/1.1\r\nHost: x\r\n"
           "Content-Type: application/json\r\n"
           "Transfer-Encoding: chunked\r\n")
    if key:
        hdr += "Authorization: Bearer %s\r\n" % key
    s.sendall((hdr + "\r\n").encode())
    chunk = b"1000\r\n" + b" " * 4096 + b"\r\n"
    sel = selectors.DefaultSelector()
    sel.register(s, selectors.EVENT_READ | selectors.EVENT_WRITE)
    s.setblocking(False)
    data = b""
    closed = False
    end = t0 + seconds
    while time.monotonic() < end and not closed:
        for k, ev in sel.select(timeout=0.1):
            try:
                if ev & selectors.EVENT_READ:
                    b = s.recv(65536)
                    if not b:
                        closed = True
                    data += b
                elif ev & selectors.EVENT_WRITE:
                    s.send(chunk)
            except BlockingIOError:
                pass
            except OSError:
                closed = True
                try:
                    data += s.recv(65536)
                except OSError:
                    pass
    s.close()
    line = data.split(b"\r\n", 1)[0].decode("latin-1") if data else "none"
    print("%s; %s after %.1f s" % (line, "closed" if closed else "open",
                                    time.monotonic() - t0))


def trickle(port, seconds, key):
    t0 = time.monotonic()
    s = connect(port, "127.0.0.1", seconds)
    s.sendall(("POST /api/chat/message HTTP/1.1\r\nHost: x\r\n"
               "Content-Type: application/json\r\nContent-Length: 1000\r\n"
               "Authorization: Bearer %s\r\n\r\n" % key).encode())
    s.settimeout(0.5)
    data = b""
    closed = False
    while time.monotonic() < t0 + seconds and not closed:
        try:
            b = s.recv(4096)
            if not b:
                closed = True
            data += b
        except socket.timeout:
            try:
                s.send(b" ")
            except OSError:
                closed = True
        except OSError:
            closed = True
    s.close()
    line = data.split(b"\r\n", 1)[0].decode("latin-1") if data else "none"
    print("%s; %s after %.1f s" % (line, "closed" if closed else "open",
                                    time.monotonic() - t0))


def raw(port, timeout, hexdata):
    s = connect(port, "127.0.0.1", timeout)
    s.sendall(bytes.fromhex(hexdata))
    data = b""
    try:
        while b"\r\n" not in data:
            b = s.recv(4096)
            if not b:
                break
            data += b
    except socket.timeout:
        print("timeout")
        return
    except OSError:
        pass
    s.close()
    print(data.split(b"\r\n", 1)[0].decode("latin-1") if data else "closed")


def main(argv):
    cmd, port = argv[1], int(argv[2])
    if cmd == "slow":
        slow(port, float(argv[3]), float(argv[4]), int(argv[5]), argv[6:])
    elif cmd == "probe":
        probe(port, argv[3], int(argv[4]), float(argv[5]))
    elif cmd == "chunked":
        chunked(port, float(argv[3]), argv[4] if len(argv) > 4 else "")
    elif cmd == "trickle":
        trickle(port, float(argv[3]), argv[4])
    elif cmd == "raw":
        raw(port, float(argv[3]), argv[4])
    else:
        sys.exit("usage: api-abuse.py slow|probe|chunked|trickle|raw "
                 "PORT ...")


if __name__ == "__main__":
    main(sys.argv)

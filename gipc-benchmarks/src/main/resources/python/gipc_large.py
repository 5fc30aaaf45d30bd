"""One large message over gipc, in the shape of gipc's examples/raw_largemsg_bench.py: a duplex pipe and a fresh
child per round; the child puts b'start', the parent puts the message (10**7 random bytes repeated, cut to
--bytes), the child answers b'done'; the parent times from its put until b'done'. Then, untimed, the child sends
the MD5 of what it received and the parent compares it (gipc's script asserts it in the child).

--codec raw is gipc.pipe(duplex=True, encoder=None, decoder=None); --codec pickle is gipc's default.

Samples: mb_per_s (MB = 2**20 bytes).
"""

import hashlib
import os

import gipc

from bench_common import MIB, emit_param, emit_sample, emit_versions, log, parser, timer

RANDOM_CHUNK = 10 ** 7


def child(handle):
    with handle:
        handle.put(b"start")
        data = handle.get()
        handle.put(b"done")
        handle.put(hashlib.md5(data).digest())


def one_round(data, checksum, raw):
    kwargs = {"encoder": None, "decoder": None} if raw else {}
    with gipc.pipe(duplex=True, **kwargs) as (child_end, parent_end):
        proc = gipc.start_process(target=child, args=(child_end,))
        assert parent_end.get() == b"start"
        t0 = timer()
        parent_end.put(data)
        assert parent_end.get() == b"done"
        delta = timer() - t0
        received = parent_end.get()
        proc.join()
        assert proc.exitcode == 0, "child exited with %s" % proc.exitcode
    if received != checksum:
        raise SystemExit("the child's MD5 of the large message differs")
    return delta


def main():
    p = parser(__doc__)
    p.add_argument("--bytes", type=int, default=800000000)
    p.add_argument("--codec", choices=["pickle", "raw"], default="raw")
    args = p.parse_args()
    emit_versions(True)
    emit_param("messageBytes", args.bytes)
    chunk = os.urandom(min(RANDOM_CHUNK, args.bytes))
    data = (chunk * (args.bytes // len(chunk) + 1))[: args.bytes]
    checksum = hashlib.md5(data).digest()
    for rnd in range(args.warmups + args.reps):
        delta = one_round(data, checksum, args.codec == "raw")
        rate = len(data) / MIB / delta
        log("gipc large (%s): %.3f s, %.1f MB/s%s" % (args.codec, delta, rate, " (warm-up)" if rnd < args.warmups else ""))
        if rnd >= args.warmups:
            emit_sample("mb_per_s", rate)


if __name__ == "__main__":
    main()

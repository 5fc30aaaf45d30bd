"""Child -> parent throughput over gipc, in the shape of gipc's examples/gipc_benchmark.py.

For every run: two fresh pipes and a FRESH child (gipc.start_process); the parent puts SYN, the child answers
ACK, puts N messages and 'stop'; the parent times from ACK until 'stop' arrived. N doubles from 2 until a run
lasts at least --min-seconds; then --reps runs at that N are recorded (each with its own fresh child).

--codec pickle is gipc's default (pickle.HIGHEST_PROTOCOL), --codec raw is gipc.pipe(encoder=None, decoder=None),
which takes and returns bytes as they are.

Payloads (--payload): bytes (b'A' * size), str ('A' * size, pickled), records (a list of --size tuples
(int, float, str of 10 characters), pickled).

Samples: msgs_per_s and, for bytes and str, mb_per_s (MB = 2**20 bytes; a str character counts as one byte).
"""

import gipc

from bench_common import MIB, emit_param, emit_sample, emit_versions, log, parser, timer


def payload(kind, size):
    if kind == "bytes":
        return b"A" * size
    if kind == "str":
        return "A" * size
    if kind == "records":
        return [(i, i * 0.5, "name-%05d" % i) for i in range(size)]
    raise SystemExit("unknown payload " + kind)


def writer_process(writer, syncr, n, msg, syn, ack, stop):
    with writer:
        assert syncr.get() == syn
        writer.put(ack)
        for _ in range(n):
            writer.put(msg)
        writer.put(stop)


def run(n, msg, raw):
    if raw:
        kwargs, syn, ack, stop = {"encoder": None, "decoder": None}, b"SYN", b"ACK", b"stop"
    else:
        kwargs, syn, ack, stop = {}, "SYN", "ACK", "stop"
    result = None
    with gipc.pipe(**kwargs) as (syncr, syncw):
        with gipc.pipe(**kwargs) as (reader, writer):
            p = gipc.start_process(
                writer_process,
                kwargs={"writer": writer, "syncr": syncr, "n": n, "msg": msg, "syn": syn, "ack": ack, "stop": stop},
            )
            syncw.put(syn)
            assert reader.get() == ack
            t = timer()
            while result != stop:
                result = reader.get()
            elapsed = timer() - t
            p.join()
            assert p.exitcode == 0, "writer child exited with %s" % p.exitcode
    return elapsed


def main():
    p = parser(__doc__)
    p.add_argument("--payload", choices=["bytes", "str", "records"], required=True)
    p.add_argument("--size", type=int, required=True, help="bytes, characters or list elements")
    p.add_argument("--codec", choices=["pickle", "raw"], default="pickle")
    p.add_argument("--min-seconds", type=float, default=1.0)
    args = p.parse_args()
    if args.codec == "raw" and args.payload != "bytes":
        raise SystemExit("--codec raw carries bytes only")
    emit_versions(True)
    msg = payload(args.payload, args.size)
    raw = args.codec == "raw"
    n = 1
    elapsed = 0.0
    while elapsed < args.min_seconds:
        n *= 2
        elapsed = run(n, msg, raw)
    log("gipc %s of %d (%s): N = %d (%.3f s)" % (args.payload, args.size, args.codec, n, elapsed))
    emit_param("messages", n)
    for _ in range(args.reps):
        elapsed = run(n, msg, raw)
        emit_sample("msgs_per_s", n / elapsed)
        if args.payload != "records":
            emit_sample("mb_per_s", n * args.size / MIB / elapsed)


if __name__ == "__main__":
    main()

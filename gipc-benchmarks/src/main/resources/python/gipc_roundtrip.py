"""Duplex round trip over gipc: the parent puts a 16-byte message and gets the child's echo, --round-trips times
per repetition, timing each; a repetition yields its p50 and p99 in microseconds. One child serves all
repetitions; --warmups repetitions come first, unrecorded. Raw pipe (gipc.pipe(duplex=True, encoder=None,
decoder=None)), as the Java side uses the raw codec for this figure.

Samples: p50_us, p99_us.
"""

import time

import gipc

from bench_common import emit_param, emit_sample, emit_versions, parser, percentile

SIZE = 16


def echo(handle):
    with handle:
        while True:
            message = handle.get()
            if len(message) != SIZE:
                return
            handle.put(message)


def main():
    p = parser(__doc__)
    p.add_argument("--round-trips", type=int, default=20000)
    args = p.parse_args()
    emit_versions(True)
    emit_param("roundTripsPerRepetition", args.round_trips)
    clock = time.perf_counter_ns
    with gipc.pipe(duplex=True, encoder=None, decoder=None) as (child_end, parent_end):
        proc = gipc.start_process(echo, args=(child_end,))
        for rep in range(args.warmups + args.reps):
            nanos = []
            for i in range(args.round_trips):
                message = bytes([i & 0xFF]) * SIZE
                start = clock()
                parent_end.put(message)
                answer = parent_end.get()
                nanos.append(clock() - start)
                if answer != message:
                    raise SystemExit("round trip %d returned a wrong echo" % i)
            if rep >= args.warmups:
                nanos.sort()
                emit_sample("p50_us", percentile(nanos, 0.50) / 1e3)
                emit_sample("p99_us", percentile(nanos, 0.99) / 1e3)
        parent_end.put(b"stop")
        proc.join()
        assert proc.exitcode == 0, "echo child exited with %s" % proc.exitcode


if __name__ == "__main__":
    main()

"""gipc.start_process() until the child's first message arrives in the parent, timed in the parent only: the
child's target puts b'start' on a raw pipe (gipc.pipe(encoder=None, decoder=None)) and the clock stops when the
parent has it. Children start one after another, each joined before the next, after one unrecorded start; a
repetition is --starts starts. With --idle-millis the parent sleeps that long before each start (so that it
starts from idle, as the Java side's warm-pool figure does).

Samples: p50_ms, max_ms.
"""

import time

import gipc

from bench_common import emit_param, emit_sample, emit_versions, median, parser, timer


def child(writer):
    with writer:
        writer.put(b"start")


def one_start():
    with gipc.pipe(encoder=None, decoder=None) as (reader, writer):
        t0 = timer()
        proc = gipc.start_process(child, args=(writer,))
        assert reader.get() == b"start"
        elapsed = timer() - t0
        proc.join()
        assert proc.exitcode == 0, "child exited with %s" % proc.exitcode
    return elapsed * 1e3


def main():
    p = parser(__doc__)
    p.add_argument("--starts", type=int, default=30)
    p.add_argument("--idle-millis", type=int, default=0)
    args = p.parse_args()
    emit_versions(True)
    emit_param("startsPerRepetition", args.starts)
    emit_param("idleMillisBeforeEachStart", args.idle_millis)
    one_start()
    for _ in range(args.reps):
        times = []
        for _ in range(args.starts):
            if args.idle_millis:
                time.sleep(args.idle_millis / 1e3)
            times.append(one_start())
        emit_sample("p50_ms", median(times))
        emit_sample("max_ms", max(times))


if __name__ == "__main__":
    main()

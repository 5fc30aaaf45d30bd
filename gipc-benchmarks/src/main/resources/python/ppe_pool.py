"""concurrent.futures.ProcessPoolExecutor, standard library only, with --workers workers (the Java pool's size).

The pool is warmed first: 4 x --workers trivial tasks at once (so that every worker process is up), then
--warmups unrecorded repetitions.

--mode rtt: --round-trips sequential submit(one).result() of a trivial task (returns 1), each timed; a repetition
yields its p50 and p99 in microseconds. Samples: p50_us, p99_us.

--mode map: list(executor.map(inc, inputs, chunksize=--chunksize)) over --tasks integers (inc returns x + 1), timed
whole; a repetition yields tasks/s. Samples: tasks_per_s.
"""

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor, wait

from bench_common import emit_param, emit_sample, emit_versions, parser, percentile, timer


def one():
    return 1


def inc(x):
    return x + 1


def round_trips(executor, count):
    clock = time.perf_counter_ns
    nanos = []
    for _ in range(count):
        start = clock()
        value = executor.submit(one).result()
        nanos.append(clock() - start)
        if value != 1:
            raise SystemExit("a task returned %r" % (value,))
    nanos.sort()
    return nanos


def mapped(executor, inputs, chunksize):
    t0 = timer()
    results = list(executor.map(inc, inputs, chunksize=chunksize))
    elapsed = timer() - t0
    if len(results) != len(inputs) or results[-1] != inputs[-1] + 1:
        raise SystemExit("map returned wrong results")
    return len(inputs) / elapsed


def main():
    p = parser(__doc__)
    p.add_argument("--mode", choices=["rtt", "map"], required=True)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--round-trips", type=int, default=2000)
    p.add_argument("--tasks", type=int, default=20000)
    p.add_argument("--chunksize", type=int, default=1)
    args = p.parse_args()
    emit_versions(False)
    emit_param("maxWorkers", args.workers)
    emit_param("startMethod", multiprocessing.get_start_method())
    inputs = list(range(args.tasks))
    with ProcessPoolExecutor(max_workers=args.workers) as executor:
        wait([executor.submit(one) for _ in range(4 * args.workers)])
        for rep in range(args.warmups + args.reps):
            if args.mode == "rtt":
                nanos = round_trips(executor, args.round_trips)
                if rep >= args.warmups:
                    emit_sample("p50_us", percentile(nanos, 0.50) / 1e3)
                    emit_sample("p99_us", percentile(nanos, 0.99) / 1e3)
            else:
                rate = mapped(executor, inputs, args.chunksize)
                if rep >= args.warmups:
                    emit_sample("tasks_per_s", rate)
    if args.mode == "rtt":
        emit_param("roundTripsPerRepetition", args.round_trips)
    else:
        emit_param("tasks", args.tasks)
        emit_param("chunksize", args.chunksize)


if __name__ == "__main__":
    main()

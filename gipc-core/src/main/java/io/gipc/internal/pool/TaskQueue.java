package io.gipc.internal.pool;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The tasks waiting for a worker, in submission order; closing it lets the dispatchers drain it and stop. */
final class TaskQueue {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final ArrayDeque<PoolTask> tasks = new ArrayDeque<>();
    private boolean closed;

    /** Adds a task; returns false when the queue is closed. */
    boolean offer(PoolTask task) {
        lock.lock();
        try {
            if (closed) {
                return false;
            }
            tasks.addLast(task);
            notEmpty.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the next task; returns null once the queue is closed and empty. */
    PoolTask take() throws InterruptedException {
        lock.lock();
        try {
            while (tasks.isEmpty()) {
                if (closed) {
                    return null;
                }
                notEmpty.await();
            }
            return tasks.pollFirst();
        } finally {
            lock.unlock();
        }
    }

    boolean remove(PoolTask task) {
        lock.lock();
        try {
            return tasks.remove(task);
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return tasks.size();
        } finally {
            lock.unlock();
        }
    }

    boolean isDrained() {
        lock.lock();
        try {
            return closed && tasks.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new tasks; the queued ones stay for the dispatchers. */
    void close() {
        lock.lock();
        try {
            closed = true;
            notEmpty.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Refuses new tasks and returns the queued ones, removed. */
    List<PoolTask> closeAndDrain() {
        lock.lock();
        try {
            closed = true;
            List<PoolTask> left = new ArrayList<>(tasks);
            tasks.clear();
            notEmpty.signalAll();
            return left;
        } finally {
            lock.unlock();
        }
    }
}

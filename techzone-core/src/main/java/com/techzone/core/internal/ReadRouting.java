package com.techzone.core.internal;

import com.techzone.core.DatabaseUnavailableException;
import com.techzone.core.ReplicaRead;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Sends the {@link ReplicaRead} calls of one facade's on-demand DAOs to a read replica, and
 * everything else to the primary.
 *
 * <p><b>Read-your-writes.</b> Each thread has a window: every statement of this facade that may
 * write ({@link SchemaJdbi.SchemaEngine#writes}) opens it, on the primary or on a host's handle,
 * for {@code maxLag + checkInterval}; {@link #primaryFor} extends it and {@link #onPrimary} pins a
 * scope. Inside it, reads go to the primary. The length is what makes a write visible on any
 * replica used after it: a replica is used only on a verdict at most {@code checkInterval} old
 * that measured its lag at most {@code maxLag}, so it had replayed everything committed
 * {@code maxLag + checkInterval} before the read.
 *
 * <p><b>Lag and failures.</b> Each replica's verdict ({@link Replica}) is refreshed by the first
 * read that finds it older than {@code checkInterval}; reads meanwhile go to another replica or to
 * the primary. A replica call that fails because the replica is unreachable, or that the replica
 * cancels for a recovery conflict (SQLState 40001), runs again on the primary, and an unreachable
 * replica is skipped until its next check says it is back. A read is idempotent, so the second run
 * is safe. No call costs an extra round trip beyond that one check per interval and replica.
 */
public final class ReadRouting {

    private final List<Replica> replicas;
    private final long windowNanos;
    private final ThreadLocal<ThreadState> threads = ThreadLocal.withInitial(ThreadState::new);
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Method, Boolean> replicaReads = new ConcurrentHashMap<>();

    /**
     * @param replicas the replicas' Jdbis (with this library's plugins and mappers installed), in the host's order
     * @param maxLag the replay lag beyond which a replica is skipped
     * @param checkInterval how long a replica's verdict (lag, reachable) is trusted
     */
    public ReadRouting(List<SchemaJdbi> replicas, Duration maxLag, Duration checkInterval) {
        List<Replica> list = new ArrayList<>();
        for (SchemaJdbi jdbi : replicas) {
            list.add(new Replica(jdbi, maxLag, checkInterval));
        }
        this.replicas = List.copyOf(list);
        this.windowNanos = maxLag.plus(checkInterval).toNanos();
    }

    /** Opens (or extends) the calling thread's read-your-writes window; called before each writing statement. */
    public void markWrite() {
        extend(windowNanos);
    }

    /** Sends the calling thread's reads to the primary for at least {@code duration} from now. */
    public void primaryFor(Duration duration) {
        extend(duration.toNanos());
    }

    /** Runs {@code work} with every read of the calling thread on the primary. */
    public <T> T onPrimary(Supplier<T> work) {
        ThreadState state = threads.get();
        state.pinned++;
        try {
            return work.get();
        } finally {
            state.pinned--;
        }
    }

    /**
     * An on-demand DAO that runs {@link ReplicaRead} methods on {@code replicaExtensions} (one per
     * replica, in order) when the rules allow, everything else on {@code primaryExtension}.
     */
    public <T> T onDemand(Class<T> type, T primaryExtension, List<T> replicaExtensions) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class || !isReplicaRead(method)) {
                return invoke(primaryExtension, method, args);
            }
            int replica = chooseReplica();
            if (replica < 0) {
                return invoke(primaryExtension, method, args);
            }
            try {
                return invoke(replicaExtensions.get(replica), method, args);
            } catch (RuntimeException e) {
                RuntimeException translated = Errors.translate(e);
                if (translated instanceof DatabaseUnavailableException) {
                    replicas.get(replica).markUnreachable(translated.getMessage());
                } else if (!Errors.SERIALIZATION_FAILURE.equals(Errors.sqlState(e))) {
                    throw translated;
                }
                return invoke(primaryExtension, method, args);
            }
        };
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private boolean isReplicaRead(Method method) {
        return replicaReads.computeIfAbsent(method, m -> m.isAnnotationPresent(ReplicaRead.class));
    }

    /** The index of a replica to read from now, or -1 for the primary; replicas take turns. */
    private int chooseReplica() {
        ThreadState state = threads.get();
        long now = System.nanoTime();
        if (state.pinned > 0 || (state.windowOpen && now - state.primaryUntil < 0)) {
            return -1;
        }
        int n = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            int candidate = (start + i) % n;
            if (replicas.get(candidate).usable(now)) {
                return candidate;
            }
        }
        return -1;
    }

    private void extend(long nanos) {
        ThreadState state = threads.get();
        long until = System.nanoTime() + nanos;
        if (!state.windowOpen || until - state.primaryUntil > 0) {
            state.primaryUntil = until;
            state.windowOpen = true;
        }
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** One thread's routing state: its read-your-writes window and {@link #onPrimary} depth. */
    private static final class ThreadState {
        private boolean windowOpen;
        private long primaryUntil;
        private int pinned;
    }
}

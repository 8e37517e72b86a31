package flock.apinode.grid;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.helidon.common.context.Contexts;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletionStage;

/**
 * The grid calls one request made, each with when it started and how long it took: what a slow request waited on.
 * {@link #traced} wraps the API node's grid connection so that every map call made while a context holding
 * {@link Calls} is current ({@link Contexts#runInContext}: the request's context, which the slow-request log makes
 * current) is noted there, an asynchronous call when its answer arrives. Off unless asked for: the wrapping costs a
 * reflective call per map operation, a diagnostic's price, not the hot path's.
 */
public final class GridCallTrace {
    private GridCallTrace() {}

    /** The grid connection with every map's calls noted for the request that makes them. */
    public static HazelcastInstance traced(HazelcastInstance grid) {
        return proxy(HazelcastInstance.class, (proxy, method, args) -> {
            Object answer = invoke(grid, method, args);
            return method.getName().equals("getMap") ? traced((IMap<?, ?>) answer, (String) args[0]) : answer;
        });
    }

    private static IMap<?, ?> traced(IMap<?, ?> map, String name) {
        return proxy(IMap.class, (proxy, method, args) -> {
            Calls calls = Contexts.context()
                    .flatMap(context -> context.get(Calls.class))
                    .orElse(null);
            long started = System.nanoTime();
            Object answer = invoke(map, method, args);
            if (calls != null) {
                String call = name + "." + method.getName();
                if (answer instanceof CompletionStage<?> pending) {
                    // The stage the caller gets completes once the call is noted, so that none ends unnoted.
                    return pending.whenComplete((result, error) -> calls.add(call, started, System.nanoTime()));
                } else {
                    calls.add(call, started, System.nanoTime());
                }
            }
            return answer;
        });
    }

    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(GridCallTrace.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause(); // the caller sees the grid's own exception, as without the trace
        }
    }

    /** One request's grid calls, in the order they ended, timed from when the request began. */
    public static final class Calls {
        private final long startedNanos = System.nanoTime();
        private final StringBuilder calls = new StringBuilder();
        private int count;

        synchronized void add(String call, long fromNanos, long toNanos) {
            calls.append(count++ == 0 ? "" : ", ")
                    .append(call)
                    .append(' ')
                    .append(millis(fromNanos - startedNanos))
                    .append('+')
                    .append(millis(toNanos - fromNanos));
        }

        /** How many calls were noted. */
        public synchronized int count() {
            return count;
        }

        /**
         * The calls as {@code map.method start+duration}, in milliseconds from the request's start, e.g.
         * {@code user_timelines.executeOnKey 0.07+27.91, blocking.get 27.99+0.00}.
         */
        @Override
        public synchronized String toString() {
            return calls.toString();
        }

        private static String millis(long nanos) {
            return String.format("%.2f", nanos / 1e6);
        }
    }
}

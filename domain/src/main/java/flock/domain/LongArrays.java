package flock.domain;

/** Copies of sorted id arrays with one value in or out: the grid's values are replaced, never changed in place. */
public final class LongArrays {
    private LongArrays() {}

    /** A copy with {@code value} at index {@code at}. */
    public static long[] inserted(long[] values, int at, long value) {
        long[] copy = new long[values.length + 1];
        System.arraycopy(values, 0, copy, 0, at);
        copy[at] = value;
        System.arraycopy(values, at, copy, at + 1, values.length - at);
        return copy;
    }

    /** A copy without the value at index {@code at}. */
    public static long[] removed(long[] values, int at) {
        long[] copy = new long[values.length - 1];
        System.arraycopy(values, 0, copy, 0, at);
        System.arraycopy(values, at + 1, copy, at, copy.length - at);
        return copy;
    }
}

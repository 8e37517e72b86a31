package flock.domain;

/** {@link LongArrays}' copies for int arrays (kinds, counts): one value in or out, the original left as it was. */
public final class IntArrays {
    private IntArrays() {}

    /** A copy with {@code value} at index {@code at}. */
    public static int[] inserted(int[] values, int at, int value) {
        int[] copy = new int[values.length + 1];
        System.arraycopy(values, 0, copy, 0, at);
        copy[at] = value;
        System.arraycopy(values, at, copy, at + 1, values.length - at);
        return copy;
    }

    /** A copy without the value at index {@code at}. */
    public static int[] removed(int[] values, int at) {
        int[] copy = new int[values.length - 1];
        System.arraycopy(values, 0, copy, 0, at);
        System.arraycopy(values, at + 1, copy, at, copy.length - at);
        return copy;
    }
}

package flock.apinode.render;

import java.time.Instant;

/**
 * Writes an instant in epoch milliseconds as ISO-8601 UTC, the exact text of {@link Instant#toString()}
 * ({@code 2026-11-24T10:15:30.123Z}, no fraction when the milliseconds are zero), without building the
 * Instant and its formatter's objects: every tweet on every page carries one. Years outside 0000-9999,
 * which the JDK writes with a sign, go through {@link Instant#toString()}.
 */
public final class IsoInstant {
    /** 0000-01-01T00:00:00Z and 10000-01-01T00:00:00Z: the years written with four plain digits. */
    private static final long FIRST_MILLIS = -62_167_219_200_000L;

    private static final long END_MILLIS = 253_402_300_800_000L;

    private static final int SECONDS_PER_DAY = 86_400;

    private IsoInstant() {}

    public static void write(JsonOut json, long epochMillis) {
        if (epochMillis < FIRST_MILLIS || epochMillis >= END_MILLIS) {
            json.ascii(Instant.ofEpochMilli(epochMillis).toString());
            return;
        }
        long seconds = Math.floorDiv(epochMillis, 1000);
        int millis = (int) Math.floorMod(epochMillis, 1000);
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        writeDate(json, days);
        json.put('T');
        json.digits(secondOfDay / 3600, 2);
        json.put(':');
        json.digits(secondOfDay / 60 % 60, 2);
        json.put(':');
        json.digits(secondOfDay % 60, 2);
        if (millis != 0) {
            json.put('.');
            json.digits(millis, 3);
        }
        json.put('Z');
    }

    /**
     * The proleptic Gregorian date of a day count since 1970-01-01, by Howard Hinnant's civil_from_days
     * ("chrono-Compatible Low-Level Date Algorithms"): eras of 400 years, years starting in March so that
     * the leap day falls last.
     */
    private static void writeDate(JsonOut json, long epochDay) {
        long shifted = epochDay + 719_468; // days since 0000-03-01
        long era = Math.floorDiv(shifted, 146_097);
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthFromMarch = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * monthFromMarch + 2) / 5 + 1);
        int month = (int) (monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        json.digits(year, 4);
        json.put('-');
        json.digits(month, 2);
        json.put('-');
        json.digits(day, 2);
    }
}

package flock.domain.notification;

import java.util.Locale;

/**
 * What a notification group is about. The subject of a group is a tweet id for every kind but {@link #FOLLOW}, whose
 * subject is the hour the follows happened in (epoch millis at the hour's start).
 */
public enum NotificationKind {
    /** Someone named the user in a tweet; the subject is that tweet. One group per tweet. */
    MENTION,
    /** Someone answered one of the user's tweets; the subject is the answer. */
    REPLY,
    /** Someone quoted one of the user's tweets; the subject is the quote. */
    QUOTE,
    /** Likes of one of the user's tweets, grouped; the subject is the liked tweet. */
    LIKE,
    /** Reposts of one of the user's tweets, grouped; the subject is the reposted tweet. */
    REPOST,
    /** Follows of the user within one hour, grouped; the subject is the hour. */
    FOLLOW;

    private static final NotificationKind[] ALL = values();

    /** An hour in milliseconds: follows are grouped by the hour they happened in. */
    public static final long HOUR_MILLIS = 3_600_000L;

    /** Kinds whose groups gather many accounts; the others are one event each. */
    public boolean grouped() {
        return this == LIKE || this == REPOST || this == FOLLOW;
    }

    /** The name the API uses: {@code mention}, {@code like}, ... */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind of an API name, or null for a name no kind has. */
    public static NotificationKind ofApiName(String name) {
        for (NotificationKind kind : ALL) {
            if (kind.apiName().equals(name)) {
                return kind;
            }
        }
        return null;
    }

    public static NotificationKind of(int ordinal) {
        return ALL[ordinal];
    }

    /** A set of kinds as a bit mask, for filters sent to members. */
    public int bit() {
        return 1 << ordinal();
    }

    /** Every kind. */
    public static final int ALL_KINDS = (1 << ALL.length) - 1;
}

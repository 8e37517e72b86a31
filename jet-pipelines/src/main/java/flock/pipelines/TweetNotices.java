package flock.pipelines;

import com.hazelcast.core.EntryEventType;
import com.hazelcast.map.EventJournalMapEvent;
import flock.domain.notification.NotificationKind;
import flock.domain.tweet.Tweet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a tweet posted or deleted tells whom, as read from the tweets map's event journal: a reply its parent's author,
 * a quote or a repost the original's author, a mention each account named (at most {@value #MAX_MENTIONED}; not the
 * account answered, which has the reply). A deleted tweet takes all of that back, and the likes and reposts of it out
 * of its author's inbox.
 *
 * @param mentionIds as the tweet holds them: in text order, 0 for a handle nobody had
 */
record TweetNotices(
        long tweetId,
        long authorId,
        boolean removal,
        long inReplyToAuthorId,
        long quoteOfId,
        long repostOfId,
        long[] mentionIds) {
    /** Accounts a tweet may notify by mentioning them; the rest of its mentions stay links. */
    static final int MAX_MENTIONED = 10;

    static boolean isPostOrDelete(EventJournalMapEvent<Long, Tweet> event) {
        return event.getType() == EntryEventType.ADDED || event.getType() == EntryEventType.REMOVED;
    }

    static TweetNotices of(EventJournalMapEvent<Long, Tweet> event) {
        boolean removal = event.getType() == EntryEventType.REMOVED;
        Tweet tweet = removal ? event.getOldValue() : event.getNewValue();
        return new TweetNotices(
                event.getKey(),
                tweet.authorId(),
                removal,
                tweet.inReplyToAuthorId(),
                tweet.quoteOfId(),
                tweet.repostOfId(),
                tweet.mentionIds());
    }

    List<Notice> notices() {
        List<Notice> notices = new ArrayList<>(2);
        if (removal) {
            if (repostOfId != 0) {
                return notices; // a repost's group is about the original, and counts what is left
            }
            notices.add(Notice.forgetting(authorId, 0, tweetId));
            if (inReplyToAuthorId != 0) {
                notices.add(Notice.forgetting(inReplyToAuthorId, 0, tweetId));
            }
            if (quoteOfId != 0) {
                notices.add(Notice.forgetting(0, quoteOfId, tweetId));
            }
            for (long mentioned : mentioned()) {
                notices.add(Notice.forgetting(mentioned, 0, tweetId));
            }
            return notices;
        }
        if (repostOfId != 0) {
            notices.add(Notice.toAuthorOf(repostOfId, NotificationKind.REPOST, repostOfId, authorId, tweetId));
            return notices;
        }
        if (inReplyToAuthorId != 0) {
            notices.add(Notice.to(inReplyToAuthorId, NotificationKind.REPLY, tweetId, authorId, tweetId));
        }
        if (quoteOfId != 0) {
            notices.add(Notice.toAuthorOf(quoteOfId, NotificationKind.QUOTE, tweetId, authorId, tweetId));
        }
        for (long mentioned : mentioned()) {
            notices.add(Notice.to(mentioned, NotificationKind.MENTION, tweetId, authorId, tweetId));
        }
        return notices;
    }

    /** The accounts the tweet names that are told: distinct, not the one answered, at most {@value #MAX_MENTIONED}. */
    private Set<Long> mentioned() {
        Set<Long> accounts = new LinkedHashSet<>();
        for (long id : mentionIds) {
            if (id != 0 && id != inReplyToAuthorId && accounts.size() < MAX_MENTIONED) {
                accounts.add(id);
            }
        }
        return accounts;
    }
}

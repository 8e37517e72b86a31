package flock.pipelines;

import com.hazelcast.map.EntryProcessor;
import flock.domain.FlakeIds;
import flock.domain.graph.FollowList;
import flock.domain.notification.AddNotification;
import flock.domain.notification.ForgetTweet;
import flock.domain.notification.Inbox;
import flock.domain.notification.NotificationKind;
import flock.domain.safety.MuteList;

/**
 * One change of one user's notifications on its way to the inbox: an event to add ({@link AddNotification}), or a
 * deleted tweet to forget ({@link ForgetTweet}).
 *
 * @param recipientId whose inbox; 0 while it is still to be found as the author of {@code authorOf}
 * @param authorOf the tweet whose author receives it, when that is not known yet (a quoted or reposted tweet); else 0
 * @param forget true to take the groups about {@code subject} (a deleted tweet) out of the inbox
 */
record Notice(
        long recipientId,
        long authorOf,
        NotificationKind kind,
        long subject,
        long actorId,
        long eventId,
        boolean forget) {

    static Notice to(long recipientId, NotificationKind kind, long subject, long actorId, long eventId) {
        return new Notice(recipientId, 0, kind, subject, actorId, eventId, false);
    }

    /** A notice for the author of a tweet, found by a lookup. */
    static Notice toAuthorOf(long tweetId, NotificationKind kind, long subject, long actorId, long eventId) {
        return new Notice(0, tweetId, kind, subject, actorId, eventId, false);
    }

    static Notice forgetting(long recipientId, long authorOf, long tweetId) {
        return new Notice(recipientId, authorOf, NotificationKind.MENTION, tweetId, 0, tweetId, true);
    }

    boolean needsRecipient() {
        return recipientId == 0;
    }

    /** This notice for the author found, or null when the tweet is gone (nothing to tell anyone about). */
    Notice toAuthor(flock.domain.tweet.Tweet tweet) {
        return tweet == null ? null : new Notice(tweet.authorId(), 0, kind, subject, actorId, eventId, forget);
    }

    /** Nobody is told about their own acts. */
    boolean selfAct() {
        return !forget && actorId == recipientId;
    }

    /** Whether the recipient's blocks let it through: a blocked account notifies nothing. */
    Notice unlessBlocked(FollowList blocking) {
        return forget || blocking == null || !blocking.contains(actorId) ? this : null;
    }

    /** Whether the recipient's mutes let it through, at the moment the event happened. */
    Notice unlessMuted(MuteList muting) {
        return forget || muting == null || !muting.mutes(actorId, FlakeIds.millisOf(eventId)) ? this : null;
    }

    EntryProcessor<Long, Inbox, ?> processor() {
        return forget
                ? new ForgetTweet(subject)
                : AddNotification.of(kind, subject, actorId, eventId, FlakeIds.millisOf(eventId));
    }
}

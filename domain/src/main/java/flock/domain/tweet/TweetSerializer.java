package flock.domain.tweet;

import com.hazelcast.nio.serialization.FieldKind;
import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** Compact form of {@link Tweet}, the hottest value on the grid after timelines. */
public final class TweetSerializer implements CompactSerializer<Tweet> {
    @Override
    public Tweet read(CompactReader reader) {
        long id = reader.readInt64("id");
        // A tweet written before replies, quotes and reposts existed (a member of the previous version) has no such
        // fields; one written before mentions were resolved has no mentionIds.
        boolean replyFields = reader.getFieldKind("inReplyToId") == FieldKind.INT64;
        return new Tweet(
                id,
                reader.readInt64("authorId"),
                reader.readString("text"),
                reader.readInt64("createdAt"),
                reader.readArrayOfInt64("mediaIds"),
                replyFields ? reader.readInt64("inReplyToId") : 0,
                replyFields ? reader.readInt64("inReplyToAuthorId") : 0,
                replyFields ? reader.readInt64("conversationId") : id,
                replyFields ? reader.readInt64("quoteOfId") : 0,
                replyFields ? reader.readInt64("repostOfId") : 0,
                reader.getFieldKind("mentionIds") == FieldKind.ARRAY_OF_INT64
                        ? reader.readArrayOfInt64("mentionIds")
                        : Tweet.NO_MENTIONS);
    }

    @Override
    public void write(CompactWriter writer, Tweet tweet) {
        writer.writeInt64("id", tweet.id());
        writer.writeInt64("authorId", tweet.authorId());
        writer.writeString("text", tweet.text());
        writer.writeInt64("createdAt", tweet.createdAt());
        writer.writeArrayOfInt64("mediaIds", tweet.mediaIds());
        writer.writeInt64("inReplyToId", tweet.inReplyToId());
        writer.writeInt64("inReplyToAuthorId", tweet.inReplyToAuthorId());
        writer.writeInt64("conversationId", tweet.conversationId());
        writer.writeInt64("quoteOfId", tweet.quoteOfId());
        writer.writeInt64("repostOfId", tweet.repostOfId());
        writer.writeArrayOfInt64("mentionIds", tweet.mentionIds());
    }

    @Override
    public String getTypeName() {
        return "flock.Tweet";
    }

    @Override
    public Class<Tweet> getCompactClass() {
        return Tweet.class;
    }
}

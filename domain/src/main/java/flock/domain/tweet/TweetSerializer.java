package flock.domain.tweet;

import com.hazelcast.nio.serialization.compact.CompactReader;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.hazelcast.nio.serialization.compact.CompactWriter;

/** Compact form of {@link Tweet}, the hottest value on the grid after timelines. */
public final class TweetSerializer implements CompactSerializer<Tweet> {
    @Override
    public Tweet read(CompactReader reader) {
        return new Tweet(
                reader.readInt64("id"),
                reader.readInt64("authorId"),
                reader.readString("text"),
                reader.readInt64("createdAt"),
                reader.readArrayOfInt64("mediaIds"));
    }

    @Override
    public void write(CompactWriter writer, Tweet tweet) {
        writer.writeInt64("id", tweet.id());
        writer.writeInt64("authorId", tweet.authorId());
        writer.writeString("text", tweet.text());
        writer.writeInt64("createdAt", tweet.createdAt());
        writer.writeArrayOfInt64("mediaIds", tweet.mediaIds());
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

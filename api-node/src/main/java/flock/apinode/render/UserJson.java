package flock.apinode.render;

import flock.domain.account.User;

/** The summary of a user that every answer naming one carries: an author on a tweet, an entry in a follow list. */
final class UserJson {
    private UserJson() {}

    static JsonOut writeSummary(JsonOut json, User user) {
        return json.id("id", user.id()).field("handle", user.handle()).field("displayName", user.displayName());
    }
}

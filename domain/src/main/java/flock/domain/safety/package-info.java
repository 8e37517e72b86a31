/**
 * What keeps people away from each other and what a reader chooses not to see: the accounts each user mutes, for a
 * while or for good ({@link flock.domain.safety.MuteList}). Blocks are follow lists ({@code blocking}, see
 * {@link flock.domain.graph.FollowList}): they need nothing a follow list lacks.
 */
package flock.domain.safety;

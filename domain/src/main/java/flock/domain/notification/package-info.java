/** Each user's notifications: grouped, deduplicated, newest first, with a read marker. */
package flock.domain.notification;

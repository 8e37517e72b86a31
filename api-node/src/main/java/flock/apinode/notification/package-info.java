/** Each user's notifications as the API serves them: pages, the unread count, the read marker. */
package flock.apinode.notification;

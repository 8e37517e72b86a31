/** Uploads to the object store, the media types and their limits, and attaching media to a tweet. */
package flock.apinode.media;

/** Media metadata (the bytes live in the object store), attached to tweets atomically and claimed for cleanup. */
package flock.domain.media;

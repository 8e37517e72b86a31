/** Media bytes in an S3-compatible store through the MinIO client: streamed puts, presigned GETs, removals. */
package flock.objectstore;

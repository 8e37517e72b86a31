/** Real processes for integration tests: Cassandra, the S3 server, grid members and API nodes on free ports, stopped by their PID. */
package flock.testkit;

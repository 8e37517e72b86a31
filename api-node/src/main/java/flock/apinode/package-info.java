/**
 * The API node: a stateless Helidon SE server that is a Hazelcast client. This package is its composition root
 * ({@link flock.apinode.Main} wires every service once and mounts the HTTP layer); the sub-packages are the services by
 * capability, the HTTP layer that calls them, and the JSON they render.
 */
package flock.apinode;

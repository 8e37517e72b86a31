/**
 * Builds Flock's container image without a container daemon: a Java runtime linked from the build's JDK, the C
 * library it needs, and the jars of the grid node and the API node, written as an OCI tarball by Jib's library.
 */
package flock.image;

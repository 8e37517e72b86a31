/**
 * The follow graph: follow lists of edge ids and user ids, the chunked layout of big accounts' followers, and the
 * processors that add, remove, count and page edges on the owner of a list.
 */
package flock.domain.graph;

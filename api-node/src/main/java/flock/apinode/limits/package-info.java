/**
 * Rate limits shared by every API node: each node admits from a local view of the buckets and syncs what it admitted
 * with the grid's shards every 200 ms, so a request costs no grid call.
 */
package flock.apinode.limits;

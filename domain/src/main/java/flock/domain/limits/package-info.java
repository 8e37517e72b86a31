/** Rate-limit state shared by every API node: token buckets in shards, drawn from in batches by each node. */
package flock.domain.limits;

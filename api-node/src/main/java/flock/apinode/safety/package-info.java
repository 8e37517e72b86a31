/** Keeping people away from each other: the accounts each user blocks, and what a block forbids. */
package flock.apinode.safety;

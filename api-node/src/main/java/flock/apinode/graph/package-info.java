/**
 * Following and unfollowing, follow lists and counts, and the hybrid switch: an account whose followers pass the pull
 * threshold stops being fanned out and is merged into its followers' feeds when they read.
 */
package flock.apinode.graph;

/**
 * Timelines, home feeds and authors' own: the bounded array of ids newest first and every verb that changes or reads
 * one on its owner (insert, remove, merge, apply a fan-out batch, page, evict). Flock's feed manager.
 */
package flock.domain.timeline;

/**
 * What grid members and API nodes must both have on their classpath: the values kept in the grid's maps, the entry
 * processors that change them on their owner, and their Compact serializers. This package holds the vocabulary
 * every part shares: map names, error codes and the one exception type; each sub-package is one aggregate.
 */
package flock.domain;

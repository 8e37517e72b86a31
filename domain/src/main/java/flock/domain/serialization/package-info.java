/**
 * Every Compact serializer of the domain, registered in one place with stable type names, so that moving or
 * renaming a class never changes the wire format.
 */
package flock.domain.serialization;

/** Write-behind MapStores and read-through MapLoaders over Cassandra: one class per table family, statements prepared once, the schema created at start. */
package flock.mapstores;

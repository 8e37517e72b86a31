/** Loading a dataset into the grid, Cassandra and Redis as the API and the fan-out would have left them. */
package flock.benchmarks.load;

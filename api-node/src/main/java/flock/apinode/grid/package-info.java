/** The API node's connection to the data grid (a smart client with near caches) and its health check. */
package flock.apinode.grid;

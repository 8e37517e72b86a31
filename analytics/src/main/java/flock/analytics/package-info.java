/** Read-only SQL over the live grid for analysts: the ./flock sql shell and its example queries. */
package flock.analytics;

/** The grid member's main: its configuration from hazelcast.yaml, the MapStores and Jet jobs it installs, its metrics and health port, and the sweeps it runs (idle feeds, unattached media). */
package flock.gridnode;
